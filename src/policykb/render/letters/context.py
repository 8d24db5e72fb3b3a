"""What a letter template may use: the context models, filled from one `PolicyGraph.tasks_of` query.

Every field is documented in templates/README.md (a test keeps the two in sync). Everything here
is taken from the knowledge base: the source's requirements, deadlines and articles are quoted
sentence by sentence, never paraphrased.
"""
from __future__ import annotations

import calendar
import math
import re
import typing
import unicodedata

from pydantic import BaseModel

from ...deadlines import ONGOING, RECURRING, occurrences
from ...export import LEAD_MODE_LABEL
from ...graph import PolicyGraph
from ...model import Deadline, Document, DocumentFile, Indicator, Period, Task
from ...gongwen import cite, date_cn
from ...period import period_of
from ...targets import target_sentence
from ...cascade.refs import quote as cascade_quote  # issue 24: 「（落实省第69项）」 after a child task
from ...ownnumbers import chinese_numeral as number_cn, task_refs
from .recipients import Recipient

KIND_LABEL = {"once": "一次性", "yearly": "每年", "target-year": "目标年份", "starting-year": "起始年份",
              "monthly": "每月", "quarterly": "每季度", "ongoing": "长期",
              "relative": "相对成文日期", "weekly": "每周", "bimonthly": "每两月", "half-yearly": "每半年"}
ROLE_LABEL = {"lead": "牵头", "participant": "参与"}
# In the articles on assessment, rewards and accountability (named in the document's letter
# settings), the sentences on these matters are quoted.
ASSESSMENT_SENTENCE = re.compile(r"考核|奖励|约谈|责任追究|问责|第一责任人|责任制|通报|严肃处理|惩处|评先评优|督查")
# Which kind of recipient a sentence binds: 市州 and counties, or departments. A sentence naming
# neither binds both; one whose subject is the issuer itself (省委、省政府…负总责) or those who
# supervise (督查部门, 人大/政协), as the letter settings' not_binding say, binds neither.
# The places a 「相关…」 collective names, in its own words (相关市州和县市党委、政府 → 市州; 相关区县 → 区县).
RELATED_PLACES = re.compile(r"相关(.+?)(?:和|及|、|党委|人民政府|政府|（|$)")
CITY_SENTENCE = re.compile(r"市州|市县|县级|贫困县|县委|县乡|各级党委")
DEPT_SENTENCE = re.compile(r"部门")
CITY_KINDS = {"市县党委政府"}
_SENTENCE = re.compile(r"[^。！？]+[。！？]?")
BLANK_DATE = "　　年　　月　　日"
DEFAULT_SIGNATORY = "主要负责人"
# The signature block's two columns (甲方, 乙方) as templates/make_letter_template.py draws them:
# each leaves room to sign after its longest 「…（签字）：」; a long full name takes two lines.
SIGNATURE_COLUMNS_MM = (74, 82)
SIGNATURE_CELL_MARGINS_MM = 3.8  # Word's default cell margins, 1.9 mm each side
GONGWEN_CHAR_MM = 156 / 28  # GB/T 9704: 28 characters on the 156 mm line


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.findall(text) if s.strip()]


class DeadlineView(BaseModel):
    phrase: str          # 原文表述
    date: str            # 2016年6月30日；每年一次的写 2016—2020年每年11月20日
    iso: str             # 2016-06-30
    kind: str            # 一次性 / 每年 / 目标年份 / 起始年份
    general: bool        # 分工方案工作要求规定的通用时限
    text: str            # 2016年6月底前（2016年6月30日）


class IndicatorView(BaseModel):
    name: str
    phrase: str
    text: str


class TaskView(BaseModel):
    number: int
    ref: str                     # 第5项；原文各部分分别编号时按原文编号，如 第二（二）项
    label: str                   # 原文编号（原样，如 二、（二）），与序号不同时才有，否则为空
    number_text: str             # 序号栏：5，或原文编号 二（二）
    text: str
    section: str
    role: str                    # 牵头 / 参与（本单位在该任务中的角色）
    role_text: str               # 单独牵头 / 与省X共同牵头 / 参与；集合单位的任务注明集合单位
    lead_mode: str               # 单独牵头 / 共同牵头 / 分别牵头
    lead: list[str]
    lead_text: str
    lead_lines: str              # 牵头单位每个一行（表格中单位名称不在中间折行），多个时末行注明（共同牵头）/（分别牵头）
    participants: list[str]
    participants_text: str       # 含“等”
    participants_lines: str      # 参与单位每个一行，含“等”
    other_leads: list[str]       # 除本单位外的其他牵头单位
    other_units_text: str        # 除本单位外的其他参与单位
    lead_note: str               # 单独牵头 / 与省X共同牵头 / 省X、省Y分别牵头
    units_as_written: str
    leaders_text: str            # 责任领导：原文写明的人或职务，用顿号连接；没有时为空
    articles_text: str
    deadlines: list[DeadlineView]
    deadlines_text: str
    own_deadlines_text: str      # 任务自身时限的原文表述（通用时限在正文中说明一次），不另加日期
    deadline_note: str           # 任务原文中没有写出的自身时限（导入时从“完成时间”行或列读出），附件清单中注明
    indicators: list[IndicatorView]
    indicators_text: str         # 指标的原文表述，每句一次，缺年份的补“到N年，”；不用 =、≥、≤ 等符号
    details: str                 # 正文逐项列出任务时的说明：承担方式、其他单位、专项时限、量化指标


class Quote(BaseModel):
    text: str
    source: str


class ReportingRule(BaseModel):
    phrase: str
    date: str
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
    full_name: str
    kind: str
    collective: bool
    collectives: list[str]
    collective_note: str
    aliases: list[str]
    signatories: list[str]


class DocumentView(BaseModel):
    id: str
    title: str
    cited_title: str
    short_title: str
    cited_short_title: str
    short_clause: str  # 「（以下简称《X》）」, or nothing for a document known by its whole title
    date: str
    issuers: list[str]
    issuers_text: str
    implements_title: str
    implements_number: str
    annex_title: str
    annex_clause: str  # 「及其附件《…》」, or nothing for a document whose tasks are in its body
    basis: str  # what the letter's tasks are measured against: the annex, else the document
    measures: str  # what the document calls its tasks (重要政策措施, 重点工作 …)
    plan_name: str  # what the letter calls the text that assigns the tasks: a setting (分工方案), else the basis
    period_end: str


class SignatureRow(BaseModel):
    party_a: str
    party_b: str


class LetterInfo(BaseModel):
    title: str
    kind: str
    signed: bool
    you: str
    number: str
    serial: int
    year: int
    date: str
    party_a: str
    party_a_names: list[str]
    signatories: list[str]
    copies_clause: str
    signature_rows: list[SignatureRow]


class Duties(BaseModel):
    lead: list[Quote]
    participant: list[Quote]
    general: list[Quote]


class Headings(BaseModel):
    tasks: str
    duties: str
    reporting: str
    assessment: str
    closing: str


class LetterContext(BaseModel):
    letter: LetterInfo
    unit: UnitView
    document: DocumentView
    headings: Headings
    lead_tasks: list[TaskView]
    participant_tasks: list[TaskView]
    tasks: list[TaskView]
    lead_count: int
    participant_count: int
    lead_numbers: str
    participant_numbers: str
    lead_notes: list[str]
    attachment: bool             # 任务列为附件表格（任务较多时）；否则逐项写在正文
    attachment_title: str
    requirements: list[Quote]
    duties: Duties
    reporting: list[ReportingRule]
    assessment: list[ArticleQuote]


def _when(d: Deadline, period: Period) -> str:
    """The date a deadline names; a recurring one with the years it recurs in the period (2016—2020年每年11月20日,
    2021年每月28日); an ongoing one none (长期)."""
    if d.kind == ONGOING:
        return KIND_LABEL[d.kind]
    if d.kind not in RECURRING:
        return date_cn(d.date)
    years = sorted({day.year for day in occurrences(d, period.start, period.end)})
    span = (f"{years[0]}—{years[-1]}年" if len(years) > 1 else f"{years[0]}年") if years else ""
    last_day = d.date.day == calendar.monthrange(d.date.year, d.date.month)[1]
    if d.kind in ("monthly", "bimonthly"):
        return f"{span}{KIND_LABEL[d.kind]}{'最后一天' if last_day else f'{d.date.day}日'}"
    if d.kind == "weekly":
        return f"{span}每周{'一二三四五六日'[d.date.weekday()]}"
    if d.kind in ("quarterly", "half-yearly"):
        return f"{span}{KIND_LABEL[d.kind]}{'最后一天' if last_day else f'首月{d.date.day}日'}"
    return f"{span}每年{d.date.month}月{d.date.day}日"


def _deadline(d: Deadline, period: Period) -> DeadlineView:
    when = _when(d, period)
    return DeadlineView(phrase=d.phrase, date=when, iso=d.date.isoformat(), kind=KIND_LABEL[d.kind],
                        general=d.id is not None, text=d.phrase if d.kind == ONGOING else f"{d.phrase}（{when}）")


def _indicator(i: Indicator) -> IndicatorView:
    return IndicatorView(name=i.name, phrase=i.phrase, text=target_sentence(i))


def _targets_text(indicators: list[IndicatorView]) -> str:
    """Each target sentence once: two figures of one phrase (300 schools, 600 schools) are one sentence."""
    return "；".join(dict.fromkeys(i.text for i in indicators))


def _lead_note(t: Task, unit: str, collective: bool = False) -> str:
    """How the task is led, seen from the unit: 单独牵头 / 与省X共同牵头 / 省X、省Y分别牵头.
    For a member of a collective the collective leads (各市州、县市区党委和政府牵头): the member is one
    of many, never 「单独牵头」."""
    mode = LEAD_MODE_LABEL[t.lead_mode] if len(t.lead) > 1 else "牵头"
    others = [u for u in t.lead if u != unit]
    if unit in t.lead and collective:
        return f"{'、'.join(t.lead)}{mode}"
    if unit in t.lead:
        return f"与{'、'.join(others)}{mode}" if others else LEAD_MODE_LABEL["first"]
    return f"{'、'.join(t.lead)}{mode}"


def _details(t: Task, unit: str, role: str, others: str, own_deadlines: str, indicators: str,
             collective: bool = False) -> str:
    """A task's particulars in one parenthesis, for a letter that lists its few tasks in the body:
    与省工商联分别牵头；参与单位：省财政厅；责任领导：…；专项时限：…；量化指标：…"""
    found = [_lead_note(t, unit, collective) if role == "lead" else f"参与，{_lead_note(t, unit)}"]
    if others:
        found.append(("参与单位：" if role == "lead" else "其他参与单位：") + others)
    found += [f"责任领导：{'、'.join(t.leaders)}"] * bool(t.leaders)  # people the source names, as written
    found += [f"专项时限：{own_deadlines}"] * bool(own_deadlines) + [f"量化指标：{indicators}"] * bool(indicators)
    return "；".join(found)


def task_view(pg: PolicyGraph, t: Task, unit: str, role: str, sections: dict[int, str], period: Period,
              collective: bool = False) -> TaskView:
    indicators = [_indicator(i) for i in pg.indicators_of(t.doc, task=t.number)]
    deadlines = [_deadline(d, period) for d in t.deadlines]
    others = [u for u in t.participants if u != unit]
    role_text = _lead_note(t, unit) if role == "lead" else ROLE_LABEL[role]
    own_deadlines = "；".join(d.phrase for d in deadlines if not d.general)  # the source's words, no date added
    indicators_text = _targets_text(indicators)
    other_units = "、".join(others) + ("等" if t.open_ended and others else "")
    return TaskView(
        number=t.number, ref=t.ref, label=t.label or "", number_text=t.own_number, text=t.text + cascade_quote(t, pg.kb.documents), section=sections.get(t.section, str(t.section)), role=ROLE_LABEL[role],
        role_text=f"{ROLE_LABEL[role]}（{unit}）" if collective else role_text,
        lead_mode=LEAD_MODE_LABEL[t.lead_mode], lead=t.lead, lead_text="、".join(t.lead),
        lead_lines="\n".join(t.lead + ([f"（{LEAD_MODE_LABEL[t.lead_mode]}）"] if len(t.lead) > 1 else [])),
        participants=t.participants,
        participants_text="、".join(t.participants) + ("等" if t.open_ended else ""),
        participants_lines="\n".join(t.participants) + ("等" if t.open_ended and t.participants else ""),
        other_leads=[u for u in t.lead if u != unit],
        other_units_text=other_units,
        lead_note=_lead_note(t, unit, collective), units_as_written=t.units_as_written, leaders_text="、".join(t.leaders),
        articles_text="、".join(f"第{a}条" for a in t.articles),
        deadlines=deadlines, deadlines_text="；".join(d.text for d in deadlines),
        own_deadlines_text=own_deadlines, indicators=indicators, indicators_text=indicators_text,
        deadline_note=_not_in_text(deadlines, t.text),
        details=_details(t, unit, role, other_units, own_deadlines, indicators_text, collective))


def _not_in_text(deadlines: list[DeadlineView], text: str) -> str:
    """A task's own deadlines its text does not say (a table's 完成时限 column, a 「完成时间：」 line the import took
    apart from the text): the letter's list must still say by when."""
    bare = re.sub(r"\s", "", text)
    return "；".join(d.phrase for d in deadlines if not d.general and re.sub(r"\s", "", d.phrase) not in bare)


def _basis(meta: DocumentFile) -> str:
    """What a letter's tasks are measured against: the attached annex, else the document itself."""
    return cite(meta.annex.title) if meta.annex and meta.annex.attached else cite(meta.label)


def plan_name_of(meta: DocumentFile) -> str:
    """What the letters call the text that assigns the tasks: the document's own setting (分工方案),
    else what the tasks are measured against (its attached annex, else the document) — never
    another document's word."""
    if meta.letters and meta.letters.plan_name:
        return meta.letters.plan_name
    return _basis(meta)


def requirement_source(doc: Document, number: int) -> str:
    """分工方案工作要求（二）: the document's own name for its plan, the requirement numbered as the
    source numbers them, never 「第2条」."""
    return f"{plan_name_of(doc.meta)}工作要求（{number_cn(number)}）"


def _requirements(doc: Document) -> list[Quote]:
    annex = doc.meta.annex
    return [Quote(text=r.text, source=requirement_source(doc, r.number)) for r in (annex.requirements if annex else [])]


def _subject(sentence: str, names: dict[str, str]) -> str | None:
    """The registry unit a sentence starts with (省扶贫办要…), if any."""
    for name, unit in names.items():
        if sentence.startswith(name):
            return unit
    return None


def _duties(requirements: list[Quote], quoted: set[str], names: dict[str, str], units: tuple[str, ...],
            lead: bool, participant: bool) -> Duties:
    """The requirements' sentences binding the recipient: by role, once each, none quoted elsewhere
    in the letter (the reporting rules) and none addressed to another unit by name."""
    found = Duties(lead=[], participant=[], general=[])
    for r in requirements:
        for s in sentences(r.text):
            subject = _subject(s, names)
            if s in quoted or (subject is not None and subject not in units):
                continue
            quote = Quote(text=s, source=r.source)
            about_lead, about_participant = "牵头单位" in s, "参与单位" in s
            if about_lead and lead:
                found.lead.append(quote)
            elif about_participant and participant:
                found.participant.append(quote)
            elif not about_lead and not about_participant:
                found.general.append(quote)
    return found


def _reporting(doc: Document, period: Period) -> list[ReportingRule]:
    """The general deadlines, each with the requirement's sentence that sets it."""
    annex = doc.meta.annex
    if not annex:
        return []
    texts = {r.number: r.text for r in annex.requirements}
    rules = []
    for d in annex.general_deadlines:
        found = [s for s in sentences(texts.get(d.requirement, "")) if d.phrase in s]
        rules.append(ReportingRule(phrase=d.phrase, date=_when(d, period), text=found[0] if found else "",
                                   source=requirement_source(doc, d.requirement) if d.requirement else ""))
    return rules


def _binds(sentence: str, city: bool, not_binding: list[str]) -> bool:
    if sentence.startswith(tuple(not_binding)):
        return False
    is_city, is_dept = bool(CITY_SENTENCE.search(sentence)), bool(DEPT_SENTENCE.search(sentence))
    if not is_city and not is_dept:
        return True
    return is_city if city else is_dept


def _assessment(doc: Document, city: bool, said: set[str]) -> list[ArticleQuote]:
    """The assessment articles' sentences that bind this kind of recipient (市州 or departments),
    less those the letter says already (a task whose text is such a sentence)."""
    quotes = []
    chosen = set(doc.meta.letters.assessment_articles) if doc.meta.letters else set()
    not_binding = doc.meta.letters.not_binding if doc.meta.letters else []
    for a in sorted(doc.articles.values(), key=lambda a: a.number):
        if a.number in chosen:
            picked = [s for s in sentences(a.text)
                      if ASSESSMENT_SENTENCE.search(s) and _binds(s, city, not_binding) and s not in said]
            if picked:
                quotes.append(ArticleQuote(number=a.number, number_cn=f"第{number_cn(a.number)}条", title=a.title,
                                           text=a.text, excerpt="……".join(picked)))
    return quotes




def _document(doc: Document, period: Period) -> DocumentView:
    meta = doc.meta
    return DocumentView(
        id=doc.id, title=meta.title, cited_title=cite(meta.title), short_title=meta.label,
        cited_short_title=cite(meta.label), date=date_cn(meta.date),
        short_clause=f"（以下简称{cite(meta.label)}）" if cite(meta.label) != cite(meta.title) else "",
        issuers=meta.issuers, issuers_text="、".join(meta.issuers),
        implements_title=meta.implements.title if meta.implements else "",
        implements_number=meta.implements.number or "" if meta.implements else "",
        annex_title=meta.annex.title if meta.annex else "",
        # a notice that sends its list as its annex and is known by the list's name: the annex is not named twice
        annex_clause=f"及其附件{cite(meta.annex.title)}" if meta.annex and meta.annex.attached
        and cite(meta.annex.title) != cite(meta.title) else "",
        basis=_basis(meta),
        measures=meta.letters.measures if meta.letters else "重要政策措施", plan_name=plan_name_of(meta),
        period_end=date_cn(period.end))


def _copies(n: int) -> str:
    count = "两" if n == 2 else number_cn(n)
    return f"本责任书一式{count}份，" + ("甲乙双方各执一份，" if n == 2 else "") + "自双方签字盖章之日起生效。"


class DocumentParts:
    """What every letter of one document shares, computed once."""

    def __init__(self, doc: Document, names: dict[str, str], full_names: dict[str, str]):
        self.doc = doc
        self.period = period_of(doc)
        self.names = names
        self.sections = {s.number: s.title for s in doc.meta.annex.sections} if doc.meta.annex else {}
        self.document = _document(doc, self.period)
        self.requirements = _requirements(doc)
        self.reporting = _reporting(doc, self.period)
        self.quoted = {r.text for r in self.reporting}
        settings = doc.meta.letters
        self.title = settings.title if settings else f"{doc.meta.label}责任书"
        self.number = settings.number if settings else ""
        self.notice = settings.notice if settings else None
        self.date = settings.date if settings else None
        self.year = self.date.year if self.date else doc.meta.date.year  # the signing year, never the build's
        # 甲方 signs as 乙方 does: by its head, unless the document names who signs (省委书记, 省长)
        self.signatories = list(settings.signatories) if settings and settings.signatories else [DEFAULT_SIGNATORY]
        self.copies = settings.copies if settings else 2
        self.attachment_from = settings.attachment_from if settings else 1
        self.list_name = settings.list_name if settings else "重要政策措施任务清单"
        self.party_a_names = [full_names.get(i, i) for i in doc.meta.issuers]


def _collective_note(recipient: Recipient, roles: dict[str, list[tuple[Task, str]]]) -> str:
    """For a member letter: which tasks came from which collective, and, for a task whose text
    names its members, the words that name this one (第49项原文点名：长沙市、长沙县…)."""
    if not recipient.collectives:
        return ""
    parts, named, related = [], [], []
    for collective in recipient.collectives:
        tasks = sorted({t.number: t for role in roles.values() for t, u in role if u == collective}.values(),
                       key=lambda t: t.number)
        parts.append(f"{task_refs([(t.number, t.label) for t in tasks])}由{collective}承担")
        named += [f"{t.ref}原文点名{'、'.join(t.members[collective][recipient.name])}"
                  for t in tasks if collective in t.members]
        # 「相关」 without the text naming who: the member acts where the division reaches it
        if any(collective not in t.members for t in tasks) and (m := RELATED_PLACES.search(collective)):
            related.append(m[1])
    return ("；".join(parts) + "，乙方作为其中之一在本行政区域内抓好落实" + "".join(f"；{n}" for n in named)
            + (f"；由“相关”{'、'.join(dict.fromkeys(related))}承担的任务，乙方在分工涉及本地时落实" if related else "")
            + "。")


def _lines(text: str, column_mm: float) -> int:
    """How many lines a text takes in a signature column (full-width characters, Latin ones half)."""
    width = sum(1 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in text)
    return max(1, math.ceil(width / _capacity(column_mm)))


def _capacity(column_mm: float) -> int:
    """Full-width characters a signature column's line holds."""
    return int((column_mm - SIGNATURE_CELL_MARGINS_MM) / GONGWEN_CHAR_MM)


# Where a long name may go on to a second line: after an organ's word, else after a place, never inside a word
# (「安康市安全生产委员会」「办公室」, not 「…委员会办公」「室」; 「中国人民政治协商会议」「湖南省委员会办公厅」)
_ORGAN_END = re.compile(r"委员会|人民政府|政府|领导小组|小组|协商会议|办公厅|办公室|[省市州县区]委(?!员)|[局委厅办部院处科股队署行](?!员)")
_PLACE_END = re.compile(r"[省市州县区](?![委员])|社会|工作")


def _broken(name: str, column_mm: float) -> str:
    """A name too long for its signature column, broken into lines after its words (Word would break it anywhere):
    the longest first line that ends a word and leaves the rest breakable so; else as it comes."""
    return "\n".join(_name_lines(name, column_mm) or [name])


def _name_lines(name: str, column_mm: float) -> list[str] | None:
    if _lines(name, column_mm) == 1:
        return [name]
    capacity = _capacity(column_mm)
    for words in (_ORGAN_END, _PLACE_END):
        for cut in sorted({m.end() for m in words.finditer(name) if 1 < m.end() <= capacity and m.end() < len(name)},
                          reverse=True):
            if rest := _name_lines(name[cut:], column_mm):
                return [name[:cut], *rest]
    return None


def _parties(full_name: str) -> list[str]:
    """Who signs as 乙方, one a line: 「中共长沙市委、长沙市人民政府」, a party committee and its government, sign
    together; 「各牵头处室、单位」, all of some kinds of body, is one party (its 、 lists kinds, not signatories)."""
    return [full_name] if re.match(r"(?:各|有关|相关|其他)", full_name) else full_name.split("、")


def _signature_rows(parts: DocumentParts, recipient: Recipient, date: str) -> list[SignatureRow]:
    """甲方 and 乙方 side by side: seal, names (one per line), a line per signatory, the date.
    The two sides are separate cells, so a row whose text wraps on one side gets blank lines on
    the other: the signatory lines and dates stay level across the block."""
    def pad(a: list[str], b: list[str]) -> list[tuple[str, str]]:
        n = max(len(a), len(b))
        return list(zip(a + [""] * (n - len(a)), b + [""] * (n - len(b))))
    a_mm, b_mm = SIGNATURE_COLUMNS_MM
    rows = [("甲方（盖章）：", "乙方（盖章）："), ("\n".join(_broken(n, a_mm) for n in parts.party_a_names),
                                               "\n".join(_broken(n, b_mm) for n in _parties(recipient.full_name)))]
    rows += pad([f"{s}（签字）：" for s in parts.signatories], [f"{s}（签字）：" for s in recipient.signatories])
    rows.append((date, date))
    level = []
    for a, b in rows:
        height = [sum(_lines(line, mm) for line in text.split("\n")) for text, mm in zip((a, b), SIGNATURE_COLUMNS_MM)]
        level.append(SignatureRow(party_a=a + "\n" * (max(height) - height[0]), party_b=b + "\n" * (max(height) - height[1])))
    return level


def _numbers(tasks: list[TaskView]) -> str:
    return task_refs([(t.number, t.label or None) for t in tasks])


def letter_context(pg: PolicyGraph, parts: DocumentParts, recipient: Recipient, serial: int) -> LetterContext:
    """Everything one recipient's letter shows, from the `tasks_of` queries of the units it stands for."""
    roles: dict[str, list[tuple[Task, str]]] = {"lead": [], "participant": []}
    for unit in recipient.units:
        found = (pg.tasks_of_member(recipient.name, unit, parts.doc.id) if recipient.collectives
                 else pg.tasks_of(unit, parts.doc.id))
        for role, tasks in found.items():
            roles[role] += [(t, unit) for t in tasks]
    views = {role: [task_view(pg, t, u, role, parts.sections, parts.period, bool(recipient.collectives))
                    for t, u in sorted(found, key=lambda p: p[0].number)] for role, found in roles.items()}
    signed = recipient.signed or parts.notice is None
    date = date_cn(parts.date) if parts.date else BLANK_DATE
    duties = _duties(parts.requirements, parts.quoted, parts.names, recipient.units,
                     bool(views["lead"]), bool(views["participant"]))
    reporting = [r for r in parts.reporting if views["lead"] or "牵头单位" not in r.text]
    said = {t.text for found in roles.values() for t, _ in found}
    assessment = _assessment(parts.doc, recipient.kind in CITY_KINDS, said) if signed else []
    has_duties = bool(duties.lead or duties.participant or duties.general)  # no section left empty
    present = ["tasks", *(["duties"] if has_duties else []), *(["reporting"] if reporting else []), *(["assessment"] if assessment else []),
               *(["closing"] if signed else [])]
    titles = {"tasks": "目标任务", "duties": "工作职责", "reporting": "时间节点和报告制度", "assessment": "考核奖惩",
              "closing": "附则"}
    headings = {k: (f"{number_cn(present.index(k) + 1)}、{v}" if k in present else "") for k, v in titles.items()}
    kind = "责任书" if signed else "告知函"
    number = parts.number if signed else parts.notice.number
    u = pg.kb.units.get(recipient.units[0])
    return LetterContext(
        letter=LetterInfo(title=parts.title if signed else parts.notice.title, kind=kind, signed=signed,
                          you="乙方" if signed else "你单位", number=number.format(year=parts.year, serial=serial),
                          serial=serial, year=parts.year, date=date, party_a="、".join(parts.party_a_names),
                          party_a_names=parts.party_a_names, signatories=parts.signatories,
                          copies_clause=_copies(parts.copies),
                          signature_rows=_signature_rows(parts, recipient, date) if signed else []),
        unit=UnitView(name=recipient.name, full_name=recipient.full_name, kind=recipient.kind,
                      collective=bool(u.collective and not recipient.collectives) if u else False,
                      collectives=list(recipient.collectives), collective_note=_collective_note(recipient, roles),
                      aliases=list(u.aliases) if u and not recipient.collectives else [],
                      signatories=list(recipient.signatories)),
        document=parts.document, headings=Headings(**headings), lead_tasks=views["lead"],
        participant_tasks=views["participant"], tasks=views["lead"] + views["participant"],
        lead_count=len(views["lead"]), participant_count=len(views["participant"]),
        lead_numbers=_numbers(views["lead"]), participant_numbers=_numbers(views["participant"]),
        lead_notes=[f"{t.ref}{t.lead_note}" for t in views["lead"] if t.other_leads],
        attachment=len(views["lead"]) + len(views["participant"]) >= parts.attachment_from,
        attachment_title=f"{recipient.name}{parts.list_name}",
        requirements=parts.requirements, duties=duties, reporting=reporting, assessment=assessment)


# --- The documented models, and an example with every list filled (to trial a template). ---

def _inner(annotation):
    args = typing.get_args(annotation)
    return (args[0], True) if typing.get_origin(annotation) is list else (annotation, False)


def example(model: type[BaseModel] = LetterContext, flag: bool = True) -> BaseModel:
    """An instance with every list holding one item and every flag set to `flag`, so trial renders
    with both flags enter every loop and take every branch."""
    values = {}
    for name, info in model.model_fields.items():
        inner, is_list = _inner(info.annotation)
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            value = example(inner, flag)
        else:
            value = {int: 1, bool: flag, str: "示例"}[inner]
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
