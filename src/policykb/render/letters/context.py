"""What a letter template may use: the context models, filled from one `PolicyGraph.tasks_of` query.

Every field is documented in templates/README.md (a test keeps the two in sync). Everything here
is taken from the knowledge base: the source's requirements, deadlines and articles are quoted
sentence by sentence, never paraphrased.
"""
from __future__ import annotations

import datetime as dt
import re
import typing

from pydantic import BaseModel

from ...deadlines import occurrences
from ...export import LEAD_MODE_LABEL
from ...graph import PolicyGraph
from ...model import Deadline, Document, Indicator, Task
from ...show import indicator_line
from ...gongwen import date_cn

KIND_LABEL = {"once": "一次性", "yearly": "每年", "target-year": "目标年份", "starting-year": "起始年份"}
ROLE_LABEL = {"lead": "牵头", "participant": "参与"}
# In the articles on assessment, rewards and accountability (named in the document's letter
# settings), the sentences on these matters are quoted.
ASSESSMENT_SENTENCE = re.compile(r"考核|奖励|约谈|责任追究|问责|第一责任人|责任制|通报|严肃处理|惩处|评先评优|督查")
_SENTENCE = re.compile(r"[^。！？]+[。！？]?")
_CN_DIGITS = "零一二三四五六七八九"


def number_cn(n: int) -> str:
    """26 -> 二十六 (article numbers as the source writes them)."""
    if n < 10:
        return _CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else "")


def cite(title: str) -> str:
    """A title in book-title marks, inner marks turned to 〈〉 as Chinese usage wants."""
    return "《" + title.replace("《", "〈").replace("》", "〉") + "》"


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.findall(text) if s.strip()]


class DeadlineView(BaseModel):
    phrase: str          # 原文表述
    date: str            # 2016年6月30日；每年一次的写 每年11月20日
    iso: str             # 2016-06-30
    kind: str            # 一次性 / 每年 / 目标年份 / 起始年份
    general: bool        # 分工方案工作要求规定的通用时限
    next: str            # 每年一次的时限：截至 as_of 的下一次日期；其他为空
    text: str            # 2016年6月底前（2016年6月30日）


class IndicatorView(BaseModel):
    name: str
    phrase: str
    text: str


class TaskView(BaseModel):
    number: int
    text: str
    section: str
    role: str                    # 牵头 / 参与（本单位在该任务中的角色）
    role_text: str               # 牵头 / 共同牵头 / 分别牵头 / 参与
    lead_mode: str               # 首位牵头 / 共同牵头 / 分别牵头
    lead: list[str]
    lead_text: str
    participants: list[str]
    participants_text: str       # 含“等”
    other_leads: list[str]       # 除本单位外的其他牵头单位
    other_units_text: str        # 除本单位外的其他参与单位
    lead_note: str               # 单独牵头 / 与省X共同牵头 / 省X、省Y分别牵头
    units_as_written: str
    articles_text: str
    deadlines: list[DeadlineView]
    deadlines_text: str
    indicators: list[IndicatorView]
    indicators_text: str


class Quote(BaseModel):
    text: str
    source: str


class ReportingRule(BaseModel):
    phrase: str
    date: str
    next: str
    text: str
    source: str


class ArticleQuote(BaseModel):
    number: int
    number_cn: str
    title: str
    text: str
    excerpt: str


class UnitView(BaseModel):
    name: str
    kind: str
    collective: bool
    aliases: list[str]


class DocumentView(BaseModel):
    id: str
    title: str
    cited_title: str
    short_title: str
    date: str
    issuers: list[str]
    issuers_text: str
    implements_title: str
    implements_number: str
    annex_title: str


class LetterInfo(BaseModel):
    title: str
    number: str
    serial: int
    year: int
    as_of: str
    party_a: str


class Duties(BaseModel):
    lead: list[Quote]
    participant: list[Quote]
    general: list[Quote]


class LetterContext(BaseModel):
    letter: LetterInfo
    unit: UnitView
    document: DocumentView
    lead_tasks: list[TaskView]
    participant_tasks: list[TaskView]
    tasks: list[TaskView]
    lead_count: int
    participant_count: int
    requirements: list[Quote]
    duties: Duties
    reporting: list[ReportingRule]
    assessment: list[ArticleQuote]


def _next(d: Deadline, as_of: dt.date) -> str:
    if d.kind != "yearly":
        return ""
    return date_cn(next(occurrences(d, as_of, as_of.replace(year=as_of.year + 1))))


def _when(d: Deadline) -> str:
    """The date a deadline names: 2016年6月30日, or 每年11月20日 for a yearly one."""
    return f"每年{d.date.month}月{d.date.day}日" if d.kind == "yearly" else date_cn(d.date)


def _deadline(d: Deadline, as_of: dt.date) -> DeadlineView:
    upcoming = _next(d, as_of)
    return DeadlineView(phrase=d.phrase, date=_when(d), iso=d.date.isoformat(), kind=KIND_LABEL[d.kind],
                        general=d.id is not None, next=upcoming,
                        text=f"{d.phrase}（{_when(d)}{'，下一次为' + upcoming if upcoming else ''}）")


def _indicator(i: Indicator) -> IndicatorView:
    return IndicatorView(name=i.name, phrase=i.phrase, text=indicator_line(i))


def _lead_note(t: Task, unit: str) -> str:
    """How the task is led, seen from the unit: 单独牵头 / 与省X共同牵头 / 省X、省Y分别牵头."""
    mode = LEAD_MODE_LABEL[t.lead_mode] if len(t.lead) > 1 else "牵头"
    others = [u for u in t.lead if u != unit]
    if unit in t.lead:
        return f"与{'、'.join(others)}{mode}" if others else "单独牵头"
    return f"{'、'.join(t.lead)}{mode}"


def task_view(pg: PolicyGraph, t: Task, unit: str, role: str, sections: dict[int, str], as_of: dt.date) -> TaskView:
    indicators = [_indicator(i) for i in pg.indicators_of(t.doc, task=t.number)]
    deadlines = [_deadline(d, as_of) for d in t.deadlines]
    others = [u for u in t.participants if u != unit]
    return TaskView(
        number=t.number, text=t.text, section=sections.get(t.section, str(t.section)), role=ROLE_LABEL[role],
        role_text=LEAD_MODE_LABEL[t.lead_mode] if role == "lead" and len(t.lead) > 1 else ROLE_LABEL[role],
        lead_mode=LEAD_MODE_LABEL[t.lead_mode], lead=t.lead, lead_text="、".join(t.lead),
        participants=t.participants, participants_text="、".join(t.participants) + ("等" if t.open_ended else ""),
        other_leads=[u for u in t.lead if u != unit],
        other_units_text="、".join(others) + ("等" if t.open_ended and others else ""),
        lead_note=_lead_note(t, unit), units_as_written=t.units_as_written,
        articles_text="、".join(f"第{a}条" for a in t.articles),
        deadlines=deadlines, deadlines_text="；".join(d.text for d in deadlines),
        indicators=indicators, indicators_text="；".join(i.text for i in indicators))


def _requirements(doc: Document) -> list[Quote]:
    annex = doc.meta.annex
    return [Quote(text=r.text, source=f"分工方案工作要求第{r.number}条") for r in (annex.requirements if annex else [])]


def _duties(requirements: list[Quote]) -> Duties:
    """Each sentence of the requirements, by whom it binds: 牵头单位, 参与单位, or everyone."""
    lead, participant, general = [], [], []
    for r in requirements:
        for s in sentences(r.text):
            quote = Quote(text=s, source=r.source)
            if "牵头单位" in s:
                lead.append(quote)
            if "参与单位" in s:
                participant.append(quote)
            if "牵头单位" not in s and "参与单位" not in s:
                general.append(quote)
    return Duties(lead=lead, participant=participant, general=general)


def _reporting(doc: Document, as_of: dt.date) -> list[ReportingRule]:
    """The general deadlines, each with the requirement's sentence that sets it."""
    annex = doc.meta.annex
    if not annex:
        return []
    texts = {r.number: r.text for r in annex.requirements}
    rules = []
    for d in annex.general_deadlines:
        found = [s for s in sentences(texts.get(d.requirement, "")) if d.phrase in s]
        rules.append(ReportingRule(phrase=d.phrase, date=_when(d), next=_next(d, as_of),
                                   text=found[0] if found else "",
                                   source=f"分工方案工作要求第{d.requirement}条" if d.requirement else ""))
    return rules


def _assessment(doc: Document) -> list[ArticleQuote]:
    quotes = []
    chosen = set(doc.meta.letters.assessment_articles) if doc.meta.letters else set()
    for a in sorted(doc.articles.values(), key=lambda a: a.number):
        if a.number in chosen:
            picked = [s for s in sentences(a.text) if ASSESSMENT_SENTENCE.search(s)]
            quotes.append(ArticleQuote(number=a.number, number_cn=f"第{number_cn(a.number)}条", title=a.title,
                                       text=a.text, excerpt="……".join(picked)))
    return quotes


def _document(doc: Document) -> DocumentView:
    meta = doc.meta
    return DocumentView(
        id=doc.id, title=meta.title, cited_title=cite(meta.title), short_title=meta.label,
        date=date_cn(meta.date),
        issuers=meta.issuers, issuers_text="、".join(meta.issuers),
        implements_title=meta.implements.title if meta.implements else "",
        implements_number=meta.implements.number or "" if meta.implements else "",
        annex_title=meta.annex.title if meta.annex else "")


class DocumentParts:
    """What every letter of one document shares, computed once."""

    def __init__(self, doc: Document, as_of: dt.date):
        self.doc = doc
        self.sections = {s.number: s.title for s in doc.meta.annex.sections} if doc.meta.annex else {}
        self.document = _document(doc)
        self.requirements = _requirements(doc)
        self.duties = _duties(self.requirements)
        self.reporting = _reporting(doc, as_of)
        self.assessment = _assessment(doc)
        settings = doc.meta.letters
        self.title = settings.title if settings else f"{doc.meta.label}责任书"
        self.number = settings.number if settings else ""


def letter_context(pg: PolicyGraph, parts: DocumentParts, unit: str, serial: int, as_of: dt.date) -> LetterContext:
    """Everything one unit's letter shows, from its `tasks_of` query."""
    roles = pg.tasks_of(unit, parts.doc.id)
    views = {role: [task_view(pg, t, unit, role, parts.sections, as_of) for t in tasks] for role, tasks in roles.items()}
    u = pg.kb.units[unit]
    return LetterContext(
        letter=LetterInfo(title=parts.title, number=parts.number.format(year=as_of.year, serial=serial), serial=serial,
                          year=as_of.year, as_of=date_cn(as_of), party_a=parts.document.issuers_text),
        unit=UnitView(name=u.name, kind=u.kind, collective=u.collective, aliases=u.aliases),
        document=parts.document, lead_tasks=views["lead"], participant_tasks=views["participant"],
        tasks=views["lead"] + views["participant"], lead_count=len(views["lead"]),
        participant_count=len(views["participant"]), requirements=parts.requirements, duties=parts.duties,
        reporting=parts.reporting, assessment=parts.assessment)


# --- The documented models, and an example with every list filled (to trial a template). ---

def _inner(annotation):
    args = typing.get_args(annotation)
    return (args[0], True) if typing.get_origin(annotation) is list else (annotation, False)


def example(model: type[BaseModel] = LetterContext) -> BaseModel:
    """An instance with every list holding one item, so a trial render enters every loop."""
    values = {}
    for name, info in model.model_fields.items():
        inner, is_list = _inner(info.annotation)
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            value = example(inner)
        else:
            value = {int: 1, bool: True, str: "示例"}[inner]
        values[name] = [value] if is_list else value
    return model(**values)


def models(model: type[BaseModel] = LetterContext) -> dict[str, type[BaseModel]]:
    """The context's model classes by name, the top one first (templates/README.md has one table each)."""
    found = {model.__name__: model}
    for info in model.model_fields.values():
        inner, _ = _inner(info.annotation)
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            found.update({k: v for k, v in models(inner).items() if k not in found})
    return found
