"""Has every member taken up every task it must? (覆盖情况)

A parent task is required of each member of a collective it is given to (各市州、县市区…), and of each
member of `cascade.to` when the parent document lists it under `cascade.tasks`. A member covers it
when a plan of its own (a document whose jurisdiction is the member and whose parents include the
parent document) has a task linked to it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Document, KnowledgeBase, Task
from ..ownnumbers import task_refs
from . import counterparts, refs


@dataclass
class Row:
    """One parent task: who must carry it out, and with which child tasks each member does."""
    task: Task
    members: list[str]  # in the collective's order
    by_member: dict[str, list[Task]] = field(default_factory=dict)  # member -> its child tasks ([] = a gap)

    def gaps(self) -> list[str]:
        return [m for m in self.members if not self.by_member.get(m)]


@dataclass
class Coverage:
    doc: Document
    rows: list[Row]
    plans: dict[str, list[str]]  # member -> ids of its plans carrying out this document
    own: dict[str, list[Task]]  # child plan id -> its tasks linked to no parent (本级任务)

    def members(self) -> list[str]:
        return list(dict.fromkeys(m for r in self.rows for m in r.members))

    def without_plan(self) -> list[str]:
        return [m for m in self.members() if not self.plans.get(m)]

    def lines(self, kb: KnowledgeBase) -> list[str]:
        """The gaps in Chinese, one per line: members without a plan, then plans missing a task."""
        out = []
        missing = self.without_plan()
        if missing:
            out.append(f"{len(missing)}个尚无落实《{self.doc.meta.label}》的实施方案：{'、'.join(missing)}")
        for row in self.rows:
            for member in row.gaps():
                for plan in self.plans.get(member, []):
                    out.append(f"{kb.documents[plan].meta.label}未落实{row.task.ref}")
        for plan, tasks in self.own.items():
            if tasks:
                numbers = task_refs([(t.number, t.label) for t in tasks])
                out.append(f"{kb.documents[plan].meta.label}本级任务（不落实上级任务）：{numbers}")
        return out


def required(kb: KnowledgeBase, doc: Document) -> dict[int, list[str]]:
    """Task number -> the members that must carry it out in plans of their own."""
    out: dict[int, list[str]] = {}
    cascade = doc.meta.cascade
    for task in doc.tasks.values():
        members = [m for u in task.units for m in counterparts.members_of(kb, u)]
        if cascade and task.number in cascade.tasks:
            members += counterparts.members_of(kb, cascade.to)
        if members:
            out[task.number] = list(dict.fromkeys(members))
    return out


def plans_of(kb: KnowledgeBase, doc: Document) -> dict[str, list[str]]:
    """Member (a place) -> the documents of that place citing this one as a parent."""
    out: dict[str, list[str]] = {}
    for child_id in refs.children(doc.id, kb.documents):
        place = kb.documents[child_id].meta.jurisdiction
        if place:
            out.setdefault(place, []).append(child_id)
    return out


def coverage(kb: KnowledgeBase, doc_id: str) -> Coverage:
    doc = kb.documents[doc_id]
    plans = plans_of(kb, doc)
    rows = []
    for number, members in required(kb, doc).items():
        row = Row(doc.tasks[number], members)
        for member in members:
            row.by_member[member] = [t for plan in plans.get(member, []) for t in kb.documents[plan].tasks.values()
                                     if any(l.doc == doc_id and l.task == number for l in t.implements)]
        rows.append(row)
    members = {m for r in rows for m in r.members}
    own = {plan: [t for t in kb.documents[plan].tasks.values() if not t.implements]
           for place, ids in plans.items() if not members or place in members for plan in ids}
    return Coverage(doc, rows, plans, own)


def has_cascade(kb: KnowledgeBase) -> bool:
    """Whether any document of the knowledge base has a child plan or asks for one."""
    return any(refs.parents(d, kb.documents)[0] or d.meta.cascade for d in kb.documents.values())
