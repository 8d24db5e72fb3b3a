"""Which battle maps a document has and which rows each holds, drawn from the graph queries.

One overall map (every task, grouped by the annex's sections, the 战场), one map per section, and
one per unit that has tasks (its lead tasks, then its participant tasks, both from `tasks_of`, the
same query the unit's letter and page use).
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from ...gongwen import cite
from ...graph import PolicyGraph
from ...model import Deadline, Document, Indicator, Task
from ...status import Statuses, TaskStatus
from ...cascade.refs import parent_labels
from ...targets import target_sentence
from ...ownnumbers import chinese_numeral as cn_number, heading_mark

def cn_date(d: dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


@dataclass(frozen=True)
class Row:
    task: Task
    section: int
    indicators: tuple[str, ...] = ()
    status: TaskStatus | None = None
    role: str | None = None  # on a unit's map: lead | participant
    targets: tuple[dt.date, ...] = ()  # target years (end of year): its own indicators', else its articles'
    target_articles: tuple[int, ...] = ()  # the articles whose indicators gave `targets` (empty: the task's own)
    parents: tuple[str, ...] = ()  # issue 24: the parent tasks a child plan's task carries out (省第69项)

    @property
    def participants(self) -> list[str]:
        return list(self.task.participants)


@dataclass(frozen=True)
class Group:
    label: str
    section: int | None  # colour of the band; None for a unit's role groups
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class MapSpec:
    doc: str
    key: str  # file stem below the document's folder: overall, section-1, unit/省教育厅
    kind: str  # overall | section | unit
    title: str
    subject: str
    source: str
    policy_date: dt.date
    general: tuple[Deadline, ...]
    groups: tuple[Group, ...]
    sections: tuple[tuple[int, str], ...]  # (number, label) of every section, for the colour key
    unit: str | None = None
    period: tuple[dt.date, dt.date] | None = None  # the policy's period (policykb.period)

    @property
    def rows(self) -> list[Row]:
        return [r for g in self.groups for r in g.rows]

    @property
    def tasks(self) -> list[int]:
        return [r.task.number for r in self.rows]


def section_label(doc: Document, number: int) -> str:
    """The annex's section as the source writes it: （二）加快推进…, as the site and letters cite it; where its tasks
    keep their own numbers, with the mark they stand under (「二、平台经济」)."""
    titles = {s.number: s.title for s in doc.meta.annex.sections} if doc.meta.annex else {}
    marks = {heading_mark(t.label) for t in doc.tasks.values() if t.section == number}
    mark = marks.pop() if len(marks) == 1 and None not in marks else f"（{cn_number(number)}）"
    return f"{mark}{titles.get(number, f'第{number}部分')}"


def source_line(doc: Document) -> str:
    """「依据：X《…》（date）附件《…》」; the annex named only where the document attaches one (a list imported from
    its own text has none to cite)."""
    meta = doc.meta
    annex = f"附件{cite(meta.annex.title)}" if meta.annex and meta.annex.attached else ""
    return f"依据：{'、'.join(meta.issuers)}{cite(meta.title)}（{cn_date(meta.date)}）{annex}"


def map_title(doc: Document) -> str:
    base = doc.meta.annex.title.removesuffix("分工方案") if doc.meta.annex else doc.meta.label
    return f"{base}作战图"


def indicator_texts(indicators: list[Indicator]) -> tuple[str, ...]:
    """The 关键指标 cell: each target in the policy's own words, as letters and pages state it (no =, ≥,
    ≤), each sentence once (two figures of one phrase are one sentence); targets of one year follow one
    「到2020年，」 (a cell is narrow: the year is said once)."""
    runs: list[tuple[str, list[str]]] = []
    for sentence in dict.fromkeys(target_sentence(i) for i in indicators):
        lead, comma, rest = sentence.partition("，")
        if not (comma and lead.startswith("到") and lead.endswith("年")):
            runs.append(("", [sentence]))
        elif runs and runs[-1][0] == lead:
            runs[-1][1].append(rest)
        else:
            runs.append((lead, [rest]))
    return tuple(f"{lead}，{'；'.join(parts)}" if lead else parts[0] for lead, parts in runs)


def year_ends(indicators: list[Indicator]) -> tuple[dt.date, ...]:
    return tuple(sorted({dt.date(i.year, 12, 31) for i in indicators if i.year}))


def _same_sentence(article_text: str, phrase: str, task_text: str) -> bool:
    """Whether the article's sentence holding a target also holds the task's own words: the target is
    then what the policy sets for that task's work (营养改善计划…到2017年…全覆盖: 第13项), not for
    another task that implements the same article."""
    own = task_text.rstrip("。；;")
    return any(phrase in s and own in s for s in re.split(r"(?<=[。；])", article_text))


def article_targets(pg: PolicyGraph, task: Task) -> tuple[tuple[dt.date, ...], tuple[int, ...]]:
    """The target years an article sets in the very sentence that holds the task's text, and which
    articles: shown beside the task as context (◎), never as its deadline. A target of the article
    that another task's text carries is not this task's."""
    found = {}
    for n in task.articles:
        text = pg.article(task.doc, n).text
        found[n] = year_ends([i for i in pg.indicators_of(task.doc, article=n)
                              if (not i.tasks or task.number in i.tasks) and _same_sentence(text, i.phrase, task.text)])
    return (tuple(sorted({d for days in found.values() for d in days})),
            tuple(n for n in task.articles if found[n]))


def make_row(pg: PolicyGraph, task: Task, statuses: Statuses | None, role: str | None = None) -> Row:
    found = pg.indicators_of(task.doc, task=task.number)
    indicators = indicator_texts(found)
    targets, articles = year_ends(found), ()
    if not targets and not task.own_deadlines:
        targets, articles = article_targets(pg, task)
    status = (statuses or {}).get((task.doc, task.number))
    return Row(task=task, section=task.section, indicators=indicators, status=status, role=role, targets=targets,
               target_articles=articles, parents=tuple(parent_labels(task, pg.kb.documents)))


def plan(pg: PolicyGraph, doc_id: str, statuses: Statuses | None = None, units: list[str] | None = None,
         overall: bool = True, sections: bool = True) -> list[MapSpec]:
    """Every map of one document: overall, per section, per unit (or only `units`)."""
    doc = pg.kb.documents[doc_id]
    tasks = sorted(doc.tasks.values(), key=lambda t: t.number)
    numbers = sorted({t.section for t in tasks})
    # one section is no division (the importer gives a list without headings one, titled by itself): no section's
    # band, key or map of its own, which would repeat the overall one
    labels = tuple((n, section_label(doc, n)) for n in numbers) if len(numbers) > 1 else ()
    period = pg.period(doc.id)
    common = dict(doc=doc.id, title=map_title(doc), period=(period.start, period.end), source=source_line(doc), policy_date=doc.meta.date,
                  general=tuple(doc.meta.annex.general_deadlines) if doc.meta.annex else (), sections=labels)

    made: dict[tuple[int, str | None], Row] = {}  # a task's row is on the overall, its section's and its units' maps

    def row(task: Task, role: str | None = None) -> Row:
        key = (task.number, role)
        if key not in made:
            made[key] = make_row(pg, task, statuses, role)
        return made[key]

    @functools.cache  # the overall map and the section's own hold the same group
    def section_group(n: int, label: str) -> Group:
        rows = tuple(row(t) for t in tasks if t.section == n)
        return Group(label=f"{label}（{len(rows)}项）", section=n, rows=rows)

    maps: list[MapSpec] = []
    if overall and units is None:
        groups = tuple(section_group(n, label) for n, label in labels) \
            or (Group(label=f"全部任务（{len(tasks)}项）", section=None, rows=tuple(map(row, tasks))),)
        maps.append(MapSpec(key="overall", kind="overall", subject=f"总图（{len(tasks)}项任务）", groups=groups,
                            **common))
    if sections and units is None:
        for n, label in labels:
            maps.append(MapSpec(key=f"section-{n}", kind="section", subject=label,
                                groups=(section_group(n, label),), **common))
    members = pg.members_with_tasks(doc.id)  # each 市州 of a collective: its own map, as its own letter
    for unit in (units if units is not None else pg.units_with_tasks(doc.id) + members):
        roles = pg.tasks_of(unit, doc.id) if unit in pg.kb.units else pg.member_tasks(unit, doc.id)
        groups = tuple(Group(label=f"{title}（{len(roles[role])}项）", section=None,
                             rows=tuple(row(t, role) for t in roles[role]))
                       for role, title in (("lead", "牵头任务"), ("participant", "参与任务")) if roles[role])
        if groups:
            maps.append(MapSpec(key=f"unit/{unit}", kind="unit", subject=unit, groups=groups, unit=unit, **common))
    return maps
