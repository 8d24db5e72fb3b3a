"""What `check` refuses in the cascade: links that cannot hold, and a child later than its parent.

Runs after every document has loaded; links are located by re-reading the few task files that have
any (the knowledge base keeps no positions), so the bundled policy, which has none, costs nothing.
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from ..deadlines import cn_date
from ..issues import Issue
from ..load import YamlFile, load_file
from ..model import Deadline, Document, Task, Unit
from . import indicators, refs

_DATED = ("once", "target-year")  # deadlines that fall on one day; yearly ones recur


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
                             f"'implements' names document '{link.doc}', which is not in the knowledge base",
                             hint=f"write the folder name of a parent document: {', '.join(parents) or '(none cited)'}"))
            continue
        if link.task not in target.tasks:
            line, col = file.where("implements", i, "task")
            out.append(Issue(file.path, line, col, "unknown-link-target",
                             f"'implements' names task {link.task} of '{link.doc}', which has no such task",
                             hint=f"tasks of '{link.doc}' are numbered {min(target.tasks, default=0)}–"
                                  f"{max(target.tasks, default=0)}"))
            continue
        if not refs.higher(refs.level(target), refs.level(doc)):
            out.append(Issue(file.path, line, col, "link-level",
                             f"task {task.number} ({refs.level(doc)}级) links to '{link.doc}', a document of the "
                             f"{'same' if refs.level(target) == refs.level(doc) else 'lower'} level "
                             f"({refs.level(target)}级)",
                             hint="a task carries out tasks of higher levels only; check 'level' or 'jurisdiction' "
                                  "in both document.yaml files"))
            continue
        if link.doc not in parents:
            out.append(Issue(file.path, line, col, "link-not-parent",
                             f"'{link.doc}' is not among the parents this document cites",
                             hint=f"add it under 'parents' in {doc.folder}/document.yaml (title and 发文字号), "
                                  "or link to a task of a cited parent"))
            continue
        out += _check_deadlines(task, target.tasks[link.task], file, i)
        if link.proposed:
            out.append(Issue(file.path, line, col, "proposed-link",
                             f"the link to {link.doc}#{link.task} was proposed by the link proposer and awaits review",
                             severity="warning", hint=f"check it, then run policykb link "
                                                      f"{task.doc}#{task.number} --confirm (or --remove)"))
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
                             f"'{d.phrase}' ({cn_date(d.date)}) is later than every deadline of parent task "
                             f"{parent.number} (last: '{last.phrase}', {cn_date(last.date)})",
                             hint="set a deadline no later than the parent's, or leave it out to inherit "
                                  "the parent's (依上级时限)"))
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
                             f"the period {period.start}..{period.end} is not within the period of parent "
                             f"'{parent_id}' ({documents[parent_id].meta.date}..{outer.end})", severity="warning",
                             hint="check the years against the source; a plan carrying out a parent ends no later "
                                  "than it"))
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
        out.append(Issue(file.path, line, col, "link-cycle", f"links go round in a circle: {path}",
                         hint="a task carries out tasks of a higher level; remove the link that points back down"))
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
        out.append(Issue(file.path, line, col, "unknown-unit",
                         f"'{listed[i].name}' names counterpart '{listed[i].counterpart}', which is not in the registry",
                         hint="write the canonical name of the unit one level up"))
    return out
