"""Indicators broken down level by level (分解到位): each child plan's target counted towards its parent's.

A child indicator names the parent indicator it counts towards and how (`contributes`): `sum` adds the
members' targets (people, money, counts), `all-done` asks each member to reach the full target itself
(全覆盖, 全面解决), `none` records the relation only (rates do not add up). `check` compares them: a sum
short of the parent's once every member has set its target, a member's all-done target lower or later
than the parent's, a figure counted twice. `totals` gives the lines `status` prints.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .. import paths
from ..issues import Issue
from ..load import YamlFile, load_file
from ..model import Document, Indicator, IndicatorLink, Unit
from . import refs

MAGNITUDE = {"亿": 1e8, "万": 1e4, "千": 1e3}  # a unit's leading magnitude: 亿元 counts 元 in 1e8s

# The comparison a target states, as charts reads it: a child meets the parent's target when
# its own target, in the parent's unit, passes this test ("=" targets are floors: 60亿元 is met by 61亿元).
_MEETS = {"<=": lambda v, t: v <= t, ">=": lambda v, t: v >= t, "=": lambda v, t: v >= t,
          "<": lambda v, t: v < t, ">": lambda v, t: v > t}


def convert(value: float, unit: str, to: str) -> float | None:
    """value in unit, expressed in `to` (3000 万元 → 0.3 亿元); None when they count different things."""
    (a, what), (b, what_to) = _magnitude(unit), _magnitude(to)
    return value * a / b if what == what_to else None


def _magnitude(unit: str) -> tuple[float, str]:
    if len(unit) > 1 and unit[0] in MAGNITUDE:
        return MAGNITUDE[unit[0]], unit[1:]
    return 1.0, unit


def _year(year: int | None) -> str:
    return f"{year}年" if year else "不分年份"


def number(value: float) -> str:
    """0.3 → 「0.3」, 12.0 → 「12」."""
    return f"{value:.4f}".rstrip("0").rstrip(".")


@dataclass
class Contribution:
    child: Document
    indicator: Indicator
    position: int  # the indicator's index in its indicators.yaml
    index: int  # the link's index under `contributes`
    link: IndicatorLink

    @property
    def member(self) -> str:
        """Whose figure this is: the plan's jurisdiction (株洲市), else the plan itself."""
        return self.child.meta.jurisdiction or self.child.meta.label

    def target(self) -> str:
        """「株洲市3亿元」"""
        return f"{self.member}{number(self.indicator.value)}{self.indicator.unit}"


def contributions(documents: dict[str, Document]) -> list[Contribution]:
    return [Contribution(doc, ind, i, j, link) for doc in documents.values()
            for i, ind in enumerate(doc.indicators.values()) for j, link in enumerate(ind.contributes)]


def _file(doc: Document) -> YamlFile:
    path = Path(doc.folder) / paths.INDICATORS_FILE
    return load_file(path)[0] or YamlFile(str(path), None)


def _at(c: Contribution, field: str) -> tuple[str, int, int]:
    """Where a contribution's field is written: its plan's indicators.yaml, line and column."""
    file = _file(c.child)
    return (file.path, *file.where("indicators", c.position, "contributes", c.index, field))


def check(documents: dict[str, Document], units: dict[str, Unit]) -> list[Issue]:
    """Every declared contribution: its target, its level, whether it can be compared; then, per parent
    indicator, shortfalls and double counting."""
    out: list[Issue] = []
    valid: list[Contribution] = []
    for c in contributions(documents):
        problem = _link_problem(c, documents)
        out += [problem] if problem else []
        valid += [] if problem else [c]
    out += _counted_twice_upwards(valid, documents)
    by_parent: dict[tuple[str, str], list[Contribution]] = {}
    for c in valid:
        by_parent.setdefault((c.link.doc, c.link.indicator), []).append(c)
    for (doc_id, ident), cs in by_parent.items():
        parent = documents[doc_id].indicators[ident]
        out += [i for c in cs if c.link.aggregation == "all-done" for i in [_all_done_short(c, parent)] if i]
        sums = [c for c in cs if c.link.aggregation == "sum"]
        twice = _counted_twice(sums)
        out += twice
        if sums and not twice:
            out += _sum_short(documents[doc_id], parent, sums, units)
    return out


def _link_problem(c: Contribution, documents: dict[str, Document]) -> Issue | None:
    target = documents.get(c.link.doc)
    if target is None:
        path, line, col = _at(c, "doc")
        return Issue(path, line, col, "unknown-link-target",
                     f"指标 {c.indicator.id} 计入的文件 {c.link.doc} 不在知识库中", hint="写上级文件的文件夹名")
    parent = target.indicators.get(c.link.indicator)
    if parent is None:
        path, line, col = _at(c, "indicator")
        return Issue(path, line, col, "unknown-link-target",
                     f"指标 {c.indicator.id} 计入的 {c.link.indicator} 不在 {c.link.doc}/indicators.yaml 中",
                     hint=f"{c.link.doc} 的指标：{'、'.join(target.indicators) or '（没有）'}")
    if not refs.higher(refs.level(target), refs.level(c.child)):
        path, line, col = _at(c, "doc")
        return Issue(path, line, col, "link-level",
                     f"指标 {c.indicator.id}（{refs.level(c.child)}级）计入了 {c.link.doc}（{refs.level(target)}级），"
                     f"不是上级文件", hint="指标只计入上级文件的指标；检查两份 document.yaml 的 level 或 jurisdiction")
    if c.link.doc not in refs.parents(c.child, documents)[0]:
        path, line, col = _at(c, "doc")
        return Issue(path, line, col, "link-not-parent", f"{c.link.doc} 不在本文件的 parents（上级文件）之中",
                     hint=f"在 {c.child.folder}/document.yaml 的 parents 中写明该上级文件的标题和发文字号")
    if c.link.aggregation == "none":
        return None
    if convert(c.indicator.value, c.indicator.unit, parent.unit) is None:
        path, line, col = _at(c, "aggregation")
        return Issue(path, line, col, "indicator-not-comparable",
                     f"{c.indicator.id} 以{c.indicator.unit}计，{parent.id} 以{parent.unit}计，"
                     f"无法按 {c.link.aggregation} 比较", hint="改计入同一计量单位的上级指标，或写 aggregation: none")
    if c.link.aggregation == "sum" and c.indicator.year != parent.year:
        path, line, col = _at(c, "aggregation")
        return Issue(path, line, col, "indicator-not-comparable",
                     f"{c.indicator.id} 是{_year(c.indicator.year)}的目标，{parent.id} 是{_year(parent.year)}的目标，"
                     f"不同年份的目标不能相加", hint="改计入同一年份的上级指标，或写 aggregation: none")
    return None


def _all_done_short(c: Contribution, parent: Indicator) -> Issue | None:
    """A member asked to reach the full target sets a lower or a later one."""
    value = convert(c.indicator.value, c.indicator.unit, parent.unit)
    lower = value is not None and not _MEETS[parent.comparator](value, parent.value)
    later = bool(parent.year and c.indicator.year and c.indicator.year > parent.year)
    if not (lower or later):
        return None
    how = "、".join(w for w, yes in (("低于", lower), ("晚于", later)) if yes)
    path, line, col = _at(c, "aggregation")
    return Issue(path, line, col, "indicator-shortfall",
                 f"{c.member}的目标「{c.indicator.phrase}」（{number(c.indicator.value)}{c.indicator.unit}"
                 + (f"，{c.indicator.year}年" if c.indicator.year else "") + f"）{how}上级目标「{parent.phrase}」"
                 f"（{number(parent.value)}{parent.unit}" + (f"，{parent.year}年" if parent.year else "") + "），未分解到位",
                 severity="warning", hint="all-done 要求每个成员都全面完成：提高下级目标或提前时限，或改为 aggregation: none 并写明理由")


def _counted_twice(sums: list[Contribution]) -> list[Issue]:
    """Two figures of one member added into the same parent indicator."""
    out, seen = [], {}
    for c in sums:
        first = seen.setdefault(c.member, c)
        if first is not c:
            path, line, col = _at(c, "indicator")
            out.append(Issue(path, line, col, "indicator-double-count",
                             f"{c.member}的数字两次计入 {c.link.doc}/{c.link.indicator}："
                             f"{first.child.id}/{first.indicator.id} 和 {c.child.id}/{c.indicator.id}",
                             hint="每个成员的数字只计入一次：保留其中一项 contributes"))
    return out


def _counted_twice_upwards(valid: list[Contribution], documents: dict[str, Document]) -> list[Issue]:
    """One figure added into two totals: an indicator summed into two parents, or a county's figure
    summed into the province while the 市 plan it carries out, whose total holds it, is summed there too."""
    out = []
    sums = [c for c in valid if c.link.aggregation == "sum"]
    for c in sums:
        again = [o for o in sums if o.child is c.child and o.indicator is c.indicator and o.index < c.index]
        if again:
            path, line, col = _at(c, "indicator")
            out.append(Issue(path, line, col, "indicator-double-count",
                             f"{c.child.id}/{c.indicator.id} 按 sum 同时计入 {again[0].link.doc}/"
                             f"{again[0].link.indicator} 和 {c.link.doc}/{c.link.indicator}",
                             hint="一个数字只相加计入一个上级指标；与其他指标的关系写 aggregation: none"))
            continue
        own_parents = refs.parents(c.child, documents)[0]
        above = [o for o in sums if (o.link.doc, o.link.indicator) == (c.link.doc, c.link.indicator)
                 and o.child.id in own_parents]
        if above:
            path, line, col = _at(c, "doc")
            out.append(Issue(path, line, col, "indicator-double-count",
                             f"{c.child.id}/{c.indicator.id} 直接计入 {c.link.doc}/{c.link.indicator}，"
                             f"又经 {above[0].child.id}/{above[0].indicator.id} 再计入一次",
                             hint="数字只计入紧邻的上一级指标，由上一级指标再向上计入"))
    return out


def required_members(doc: Document, parent: Indicator, units: dict[str, Unit]) -> list[str]:
    """The members whose targets make up a parent indicator: members of the collectives its tasks are
    given to, and of `cascade.to` for cascaded tasks (or for an indicator tied to no task)."""
    cascade = doc.meta.cascade
    names: list[str] = []
    for number_ in parent.tasks:
        task = doc.tasks.get(number_)
        names += [u for u in (task.units if task else []) if units.get(u) and units[u].collective]
        if cascade and number_ in cascade.tasks:
            names.append(cascade.to)
    if cascade and not parent.tasks:
        names.append(cascade.to)
    return list(dict.fromkeys(m for n in names for m in (units[n].members if n in units else [])))


def _sum_short(doc: Document, parent: Indicator, sums: list[Contribution], units: dict[str, Unit]) -> list[Issue]:
    """The members' targets added up fall short of the parent's, once every member has set one
    (before that, the gap is what has not been broken down yet: `totals` says so)."""
    members = required_members(doc, parent, units)
    if any(m not in {c.member for c in sums} for m in members):
        return []
    total = sum(convert(c.indicator.value, c.indicator.unit, parent.unit) or 0.0 for c in sums)
    if _MEETS[parent.comparator](total, parent.value):
        return []
    file = _file(doc)
    position = list(doc.indicators).index(parent.id)
    line, col = file.where("indicators", position, "value")
    return [Issue(file.path, line, col, "indicator-shortfall",
                  f"{len(sums)}个下级目标合计{number(total)}{parent.unit}（{'、'.join(c.target() for c in sums)}），"
                  f"少于「{parent.phrase}」的{number(parent.value)}{parent.unit}，差{number(parent.value - total)}"
                  f"{parent.unit}，未分解到位", severity="warning",
                  hint="由下级方案提高目标，或在上级写明差额由谁承担")]


def totals(documents: dict[str, Document], units: dict[str, Unit],
           values: dict[tuple[str, str], list] | None = None, as_of: dt.date | None = None,
           only: str | None = None, task: int | None = None) -> list[str]:
    """For each parent indicator summed from members: the members' targets added up, who has not set
    one yet, and, where members have reported by as_of, their reported values added up (「已报」)."""
    by_parent: dict[tuple[str, str], list[Contribution]] = {}
    for c in contributions(documents):
        if c.link.aggregation == "sum" and c.link.doc in documents and only in (None, c.link.doc) \
                and c.link.indicator in documents[c.link.doc].indicators:
            by_parent.setdefault((c.link.doc, c.link.indicator), []).append(c)
    out = []
    for (doc_id, ident), cs in by_parent.items():
        doc, parent = documents[doc_id], documents[doc_id].indicators[ident]
        if task is not None and task not in parent.tasks:
            continue
        unit = parent.unit
        total = sum(convert(c.indicator.value, c.indicator.unit, unit) or 0.0 for c in cs)
        members = required_members(doc, parent, units)
        cs = sorted(cs, key=lambda c: members.index(c.member) if c.member in members else len(members))
        missing = [m for m in members if m not in {c.member for c in cs}]
        line = (f"{doc.meta.label}「{parent.name}」目标{number(parent.value)}{unit}："
                f"{len(cs)}个下级目标合计{number(total)}{unit}（{'、'.join(c.target() for c in cs)}）")
        if missing:
            line += f"，尚未分解{len(missing)}个（{'、'.join(missing)}）"
        reported = _reported(cs, unit, parent.year, values or {}, as_of)
        out.append(line + reported)
    return out


def _reported(cs: list[Contribution], unit: str, year: int | None, values: dict[tuple[str, str], list],
              as_of: dt.date | None) -> str:
    """「；2016年已报2个，合计3.4亿元（株洲市3.1亿元、邵阳市0.3亿元）」, from the members' tracking values
    known by as_of (as the indicator charts read them)."""
    got = []
    for c in cs:
        found = [v for v in values.get((c.child.id, c.indicator.id), []) if (year is None or v.year == year)
                 and (as_of is None or (v.year <= as_of.year and (v.date or as_of) <= as_of))]
        if found:
            value = convert(found[-1].value, c.indicator.unit, unit)
            got.append((c.member, value or 0.0))
    if not got:
        return ""
    when = f"{year}年" if year else ""
    return (f"；{when}已报{len(got)}个，合计{number(sum(v for _, v in got))}{unit}"
            f"（{'、'.join(f'{m}{number(v)}{unit}' for m, v in got)}）")
