"""What `check` refuses in the cascade: links that cannot hold, and a child later than its parent.

Runs after every document has loaded; links are located by re-reading the few task files that have
any (the knowledge base keeps no positions), so the bundled policy, which has none, costs nothing.
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from ..deadlines import ON_A_DAY, cn_date
from ..issues import Issue
from ..load import YamlFile, load_file
from ..model import Deadline, Document, Task, Unit
from . import indicators, refs

_DATED = ON_A_DAY  # deadlines that fall on one day; yearly ones recur


def check(documents: dict[str, Document], units: dict[str, Unit], units_path: Path) -> list[Issue]:
    issues: list[Issue] = []
    issues += _check_counterparts(units, units_path)
    for doc in documents.values():
        issues += _check_period(doc, documents)
        parents = refs.parents(doc, documents)[0]
        for task in doc.tasks.values():
            if task.implements:
                issues += _check_links(task, doc, parents, documents)
    issues += _check_cycles(documents)
    issues += indicators.check(documents, units)
    return issues


def _file(task: Task) -> YamlFile:
    file, _ = load_file(Path(task.file))
    return file or YamlFile(task.file, None)


def _check_links(task: Task, doc: Document, parents: list[str], documents: dict[str, Document]) -> list[Issue]:
    file, out = _file(task), []
    for i, link in enumerate(task.implements):
        line, col = file.where("implements", i, "doc")
        target = documents.get(link.doc)
        if target is None:
            out.append(Issue(file.path, line, col, "unknown-link-target",
                             f"'implements' 中的文件 '{link.doc}' 不在知识库中",
                             hint=f"写上级文件的文件夹名：{'、'.join(parents) or '（本文件没有列出上级文件）'}"))
            continue
        if link.task not in target.tasks:
            line, col = file.where("implements", i, "task")
            out.append(Issue(file.path, line, col, "unknown-link-target",
                             f"'implements' 中的任务 {link.task} 在 '{link.doc}' 中不存在",
                             hint=f"'{link.doc}' 的任务编号为 {min(target.tasks, default=0)}–"
                                  f"{max(target.tasks, default=0)}"))
            continue
        if not refs.higher(refs.level(target), refs.level(doc)):
            out.append(Issue(file.path, line, col, "link-level",
                             f"任务 {task.number}（{refs.level(doc)}级）关联了 '{link.doc}'，它是"
                             f"{'同' if refs.level(target) == refs.level(doc) else '下'}级文件"
                             f"（{refs.level(target)}级）",
                             hint="任务只落实上级文件的任务；检查两份 document.yaml 中的 'level' 或 'jurisdiction'"))
            continue
        if link.doc not in parents:
            out.append(Issue(file.path, line, col, "link-not-parent",
                             f"'{link.doc}' 不在本文件列出的上级文件（parents）之中",
                             hint=f"在 {doc.folder}/document.yaml 的 'parents' 中加上它（标题和发文字号），"
                                  "或改为关联已列出的上级文件的任务"))
            continue
        out += _check_deadlines(task, target.tasks[link.task], file, i)
        if link.proposed:
            out.append(Issue(file.path, line, col, "proposed-link",
                             f"到 {link.doc}#{link.task} 的关联是自动建议的，有待审核",
                             severity="warning", hint=f"核对后运行 policykb link "
                                                      f"{task.doc}#{task.number} --confirm（或 --remove）"))
    return out


def latest(deadlines: list[Deadline]) -> Deadline | None:
    dated = [d for d in deadlines if d.kind in _DATED]
    return max(dated, key=lambda d: d.date) if dated else None


def _check_deadlines(task: Task, parent: Task, file: YamlFile, index: int) -> list[Issue]:
    """A child deadline after every deadline of the parent task it carries out is an error."""
    last = latest(parent.own_deadlines)
    out = []
    for j, d in enumerate(task.own_deadlines):
        if last and d.kind in _DATED and d.date > last.date:
            line, col = file.where("deadlines", j, "phrase")
            out.append(Issue(file.path, line, col, "child-deadline-after-parent",
                             f"'{d.phrase}'（{cn_date(d.date)}）晚于上级任务 {parent.number} 的所有时限"
                             f"（最晚的是 '{last.phrase}'，{cn_date(last.date)}）",
                             hint="时限不要晚于上级的时限，或者不写时限，"
                                  "沿用上级的（依上级时限）"))
    return out


def _check_period(doc: Document, documents: dict[str, Document]) -> list[Issue]:
    """A child document's period lies within each parent's."""
    period = doc.meta.period
    out = []
    for parent_id in refs.parents(doc, documents)[0]:
        outer = documents[parent_id].meta.period
        if period and outer and (period.end > outer.end or period.start < documents[parent_id].meta.date):
            file, _ = load_file(Path(doc.folder) / "document.yaml")
            line, col = file.where("period") if file else (1, 1)
            out.append(Issue(file.path if file else doc.folder, line, col, "period-outside-parent",
                             f"实施期 {period.start}..{period.end} 不在上级文件 "
                             f"'{parent_id}' 的实施期（{documents[parent_id].meta.date}..{outer.end}）之内", severity="warning",
                             hint="对照原文核对年份；落实上级文件的方案，结束时间不应晚于上级文件"))
    return out


def _check_cycles(documents: dict[str, Document]) -> list[Issue]:
    """Links that lead back to where they start (only possible across documents of one level)."""
    g = nx.DiGraph()
    tasks = {}
    for doc in documents.values():
        for task in doc.tasks.values():
            for link in task.implements:
                g.add_edge((task.doc, task.number), (link.doc, link.task))
                tasks[(task.doc, task.number)] = task
    out = []
    for cycle in sorted(sorted(c) for c in nx.simple_cycles(g)):
        first = tasks[cycle[0]]
        file = _file(first)
        path = " → ".join(f"{d}#{n}" for d, n in cycle + [cycle[0]])
        line, col = file.where("implements")
        out.append(Issue(file.path, line, col, "link-cycle", f"关联绕成了一个圈：{path}",
                         hint="任务只落实上级的任务；删去指回下级的那条关联"))
    return out


def _check_counterparts(units: dict[str, Unit], units_path: Path) -> list[Issue]:
    """A counterpart must be a registered unit (it is how 市教育局 inherits 省教育厅's work)."""
    names = set(units) | {alias for u in units.values() for alias in u.aliases}
    bad = [i for i, u in enumerate(units.values()) if u.counterpart and u.counterpart not in names]
    if not bad:
        return []
    file = load_file(units_path)[0] or YamlFile(str(units_path), None)
    listed = list(units.values())
    out = []
    for i in bad:
        line, col = file.where("units", i, "counterpart")
        local = [u.name for u in units.values() if listed[i].counterpart in u.local_names]  # 财政局 of which place?
        out.append(Issue(file.path, line, col, "unknown-unit",
                         f"'{listed[i].name}' 的对口单位 '{listed[i].counterpart}' 不在单位名录中",
                         hint=f"'{listed[i].counterpart}' 只是 {'、'.join(local)} 在本地文件中的名称：写单位的全称"
                         if local else "写上一级对口单位的正式名称"))
    return out
