"""The knowledge base as a typed graph, and the queries every output is drawn from.

Nodes: article, task, unit, deadline, indicator. Edges (from -> to):
  task -implements-> article, unit -leads-> task, unit -participates-> task,
  task -due-> deadline, indicator -measures-> task | article.
A unit's letter, its page and its battle-map row all come from `tasks_of`, so they cannot disagree.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

from . import deadlines as deadline_dates
from .model import Article, Deadline, Document, Indicator, KnowledgeBase, Period, Task
from .period import period_of


def article_id(doc: str, number: int) -> str:
    return f"article:{doc}:{number}"


def task_id(doc: str, number: int) -> str:
    return f"task:{doc}:{number}"


def unit_id(name: str) -> str:
    return f"unit:{name}"


def indicator_id(doc: str, ident: str) -> str:
    return f"indicator:{doc}:{ident}"


def deadline_id(doc: str, d: Deadline, owner: int | None = None) -> str:
    return f"deadline:{doc}:{d.id}" if d.id else f"deadline:{doc}:task{owner}:{d.phrase}"


if TYPE_CHECKING:
    import networkx as nx


def build_graph(kb: KnowledgeBase) -> nx.MultiDiGraph:
    import networkx as nx  # imported here: a build with nothing to do never needs the graph
    g = nx.MultiDiGraph()
    for unit in kb.units.values():
        g.add_node(unit_id(unit.name), type="unit", obj=unit)
    for doc in kb.documents.values():
        for a in doc.articles.values():
            g.add_node(article_id(doc.id, a.number), type="article", obj=a)
        for t in doc.tasks.values():
            tid = task_id(doc.id, t.number)
            g.add_node(tid, type="task", obj=t)
            for a in t.articles:
                g.add_edge(tid, article_id(doc.id, a), key="implements")
            for u in t.lead:
                g.add_edge(unit_id(u), tid, key="leads")
            for u in t.participants:
                g.add_edge(unit_id(u), tid, key="participates")
            for d in t.deadlines:
                did = deadline_id(doc.id, d, t.number)
                g.add_node(did, type="deadline", obj=d)
                g.add_edge(tid, did, key="due")
        for ind in doc.indicators.values():
            iid = indicator_id(doc.id, ind.id)
            g.add_node(iid, type="indicator", obj=ind)
            for n in ind.tasks:
                g.add_edge(iid, task_id(doc.id, n), key="measures")
            for n in ind.articles:
                g.add_edge(iid, article_id(doc.id, n), key="measures")
    return g


@dataclass(frozen=True)
class Due:
    """One dated occurrence of a task's deadline."""
    date: dt.date
    task: Task
    deadline: Deadline


class PolicyGraph:
    """The graph plus the knowledge base, with the queries outputs need."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.g = build_graph(kb)
        self._by_unit: dict[str, dict] = {}
        self._periods: dict[str, Period] = {}

    def _objs(self, nodes) -> list:
        return [self.g.nodes[n]["obj"] for n in nodes]

    def _sources(self, node: str, kind: str) -> list[str]:
        return [u for u, _, k in self.g.in_edges(node, keys=True) if k == kind]

    def _targets(self, node: str, kind: str) -> list[str]:
        return [v for _, v, k in self.g.out_edges(node, keys=True) if k == kind]

    @staticmethod
    def _task_order(task: Task) -> tuple:
        return (task.doc, task.number)

    def _roles(self, unit: str) -> dict[str | None, dict[str, list[Task]]]:
        """A unit's tasks by document (None: all documents) and role, worked out once per unit:
        asking per document by filtering all of a unit's tasks would grow with the square of a corpus."""
        if unit not in self._by_unit:
            node = unit_id(unit)
            by_doc: dict[str | None, dict[str, list[Task]]] = {}
            for role, kind in (("lead", "leads"), ("participant", "participates")):
                targets = self._objs(self._targets(node, kind)) if node in self.g else []
                for t in sorted(targets, key=self._task_order):
                    for key in (None, t.doc):
                        by_doc.setdefault(key, {"lead": [], "participant": []})[role].append(t)
            self._by_unit[unit] = by_doc
        return self._by_unit[unit]

    def tasks_of(self, unit: str, doc: str | None = None) -> dict[str, list[Task]]:
        """A unit's tasks by role: {'lead': [...], 'participant': [...]}, in task order."""
        roles = self._roles(unit).get(doc, {})
        return {role: list(roles.get(role, [])) for role in ("lead", "participant")}

    def tasks_of_member(self, member: str, collective: str, doc: str | None = None) -> dict[str, list[Task]]:
        """The tasks a member of a collective (长沙市 of 各市州…) carries for it: those whose text names
        no members of that collective, and those that name this one."""
        return {role: [t for t in tasks if t.applies_to(collective, member)]
                for role, tasks in self.tasks_of(collective, doc).items()}

    def member_tasks(self, member: str, doc: str | None = None) -> dict[str, list[Task]]:
        """A member's tasks over all its collectives, by role, in task order (its letter's tasks)."""
        found: dict[str, dict] = {"lead": {}, "participant": {}}
        for collective in self.collectives_of(member):
            for role, tasks in self.tasks_of_member(member, collective, doc).items():
                found[role].update({self._task_order(t): t for t in tasks})
        return {role: [tasks[k] for k in sorted(tasks)] for role, tasks in found.items()}

    def members_with_tasks(self, doc: str | None = None) -> list[str]:
        """Every member of a collective unit that carries at least one task, in registry order."""
        members = dict.fromkeys(m for u in self.kb.units.values() for m in u.members)
        return [m for m in members if any(self.member_tasks(m, doc).values())]

    def members_of_task(self, task: Task, collective: str) -> list[str]:
        """The members of a collective unit of a task who carry it."""
        unit = self.kb.units.get(collective)
        return [m for m in (unit.members if unit else []) if task.applies_to(collective, m)]

    def collectives_of(self, member: str) -> list[str]:
        """The collective units a member belongs to, in registry order."""
        return [u.name for u in self.kb.units.values() if member in u.members]

    def units_with_tasks(self, doc: str | None = None) -> list[str]:
        """Every unit that leads or joins at least one task, in registry order."""
        return [u for u in self.kb.units if any(self.tasks_of(u, doc).values())]

    def task(self, doc: str, number: int) -> Task:
        return self.g.nodes[task_id(doc, number)]["obj"]

    def article(self, doc: str, number: int) -> Article:
        return self.g.nodes[article_id(doc, number)]["obj"]

    def tasks_of_article(self, doc: str, number: int) -> list[Task]:
        return sorted(self._objs(self._sources(article_id(doc, number), "implements")), key=self._task_order)

    def articles_of_task(self, task: Task) -> list[Article]:
        return self._objs(self._targets(task_id(task.doc, task.number), "implements"))

    def units_of_article(self, doc: str, number: int) -> list[str]:
        """Units answering for any task that implements the article: leads first, registry order."""
        tasks = self.tasks_of_article(doc, number)
        leads = {u for t in tasks for u in t.lead}
        joined = {u for t in tasks for u in t.units}
        return [u for u in self.kb.units if u in leads] + [u for u in self.kb.units if u in joined - leads]

    def indicators_of(self, doc: str, *, task: int | None = None, article: int | None = None) -> list[Indicator]:
        node = task_id(doc, task) if task is not None else article_id(doc, article)
        return sorted(self._objs(self._sources(node, "measures")), key=lambda i: i.id)

    def tasks_of_indicator(self, doc: str, ident: str) -> list[Task]:
        return sorted((o for o in self._objs(self._targets(indicator_id(doc, ident), "measures"))
                       if isinstance(o, Task)), key=self._task_order)

    def due_between(self, start: dt.date, end: dt.date, unit: str | None = None,
                    doc: str | None = None) -> list[Due]:
        """Every deadline falling in [start, end], recurring ones at each recurrence, in date order
        (of one unit's tasks, or one document's, when given)."""
        if unit is not None:
            roles = self.tasks_of(unit)
            tasks = [t for t in roles["lead"] + roles["participant"] if doc is None or t.doc == doc]
        else:
            docs = [self.kb.documents[doc]] if doc is not None else self.kb.documents.values()
            tasks = [t for d in docs for t in d.tasks.values()]
        found = [Due(when, t, d) for t in tasks for d in t.deadlines
                 for when in deadline_dates.occurrences(d, *self._recurring(t.doc, d, start, end))]
        return sorted(found, key=lambda x: (x.date, x.task.doc, x.task.number, x.deadline.phrase))

    def recurrences(self, doc: str, d: Deadline) -> list[dt.date]:
        """Every date a recurring deadline of a document's falls due: inside its period, from the day the document
        was issued (a list dated in February owes no January report). The pages count these and tracking holds
        units to them, so both agree."""
        period = self.period(doc)
        return list(deadline_dates.occurrences(d, max(period.start, self.kb.documents[doc].meta.date), period.end))

    def period(self, doc: str) -> Period:
        """The document's period (see policykb.period)."""
        if doc not in self._periods:
            self._periods[doc] = period_of(self.kb.documents[doc])
        return self._periods[doc]

    def _recurring(self, doc: str, d: Deadline, start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
        """A recurring deadline (yearly, quarterly, monthly) recurs only inside its document's period; one-off ones
        stand where written."""
        if d.kind not in deadline_dates.RECURRING:
            return start, end
        period = self.period(doc)
        return max(start, period.start), min(end, period.end)

    def documents(self) -> Iterator[Document]:
        yield from self.kb.documents.values()
