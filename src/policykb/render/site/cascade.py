"""What the site shows of the cascade (层层分解): the same roll-up `policykb status` prints, as page views.

A parent task's page gets 落实情况 by member, a child task's page its chain upwards, a document page its
上级文件 and 下级文件. A knowledge base without a cascade (the bundled policy alone) gets nothing at all.
"""
from __future__ import annotations

from ...cascade import indicators, refs
from ...cascade.coverage import has_cascade
from ...cascade.rollup import LIGHT, rollups
from ...status import LIGHT_LABEL
from ...model import Document, KnowledgeBase, Task
from ...status import Statuses

_LEVEL_WORD = {"中央": "国", "省": "省", "市": "市", "县": "县"}


class CascadeViews:
    """The cascade views of one knowledge base, computed once per document (one query, many views)."""

    def __init__(self, kb: KnowledgeBase, statuses: Statuses | None, paths, deadline_of):
        self.kb, self.statuses, self.paths, self.deadline_of = kb, statuses or {}, paths, deadline_of
        self.active = has_cascade(kb)
        self._rollups: dict[str, dict[int, object]] = {}

    def _rollup(self, task: Task):
        if task.doc not in self._rollups:
            self._rollups[task.doc] = {r.task.number: r for r in rollups(self.kb, task.doc, self.statuses)}
        return self._rollups[task.doc].get(task.number)

    def _task_link(self, task: Task) -> dict:
        doc = self.kb.documents[task.doc]
        return {"label": f"{doc.meta.label}{task.ref}", "short": task.ref,
                "path": self.paths.task(task.doc, task.number),
                "level": _LEVEL_WORD[refs.level(doc)]}

    def _child(self, task: Task) -> dict:
        status = self.statuses.get((task.doc, task.number))
        return dict(self._task_link(task), lead="、".join(task.lead), deadline="；".join(self.deadline_of(task)) or "未写明",
                    light=LIGHT_LABEL[status.light] if status else "", css=status.light if status else "",
                    state=status.state if status else "未启动")  # as the roll-up counts it

    def members(self, task: Task) -> dict | None:
        """落实情况: each member's plan, its child tasks (lead, deadline, light), and the roll-up sentence."""
        rollup = self._rollup(task) if self.active else None
        if rollup is None:
            return None
        plans = {}
        for member in (m.member for m in rollup.members):
            plans[member] = [{"label": self.kb.documents[d].meta.label, "path": self.paths.document(d)}
                             for d in self._plans(task.doc).get(member, [])]
        rows = [{"member": m.member, "unit": self.paths.units.get(m.member), "standing": m.standing,
                 "light": LIGHT_LABEL[LIGHT[m.standing]], "css": LIGHT[m.standing], "plans": plans[m.member],
                 "children": [self._child(t) for t in m.tasks]} for m in rollup.members]
        # members without a plan are one line under the table: 11 rows saying 无 would bury the rest
        return {"summary": rollup.summary(), "light": LIGHT_LABEL[rollup.light], "css": rollup.light,
                "own": rollup.own.state if rollup.own else "", "members": [r for r in rows if r["plans"]],
                "without_plan": [r for r in rows if not r["plans"]],
                "targets": indicators.totals(self.kb.documents, self.kb.units, only=task.doc, task=task.number)}

    def _plans(self, doc_id: str) -> dict[str, list[str]]:
        from ...cascade.coverage import plans_of
        return plans_of(self.kb, self.kb.documents[doc_id])

    def chains(self, task: Task) -> list[list[dict]]:
        """Each parent link followed upwards, highest first, ending with this task: 国 → 省 → 市 → 县."""
        if not self.active:
            return []
        out = []
        for link in task.implements:
            chain, seen = [self._task_link(task)], {(task.doc, task.number)}
            parent = self._task(link.doc, link.task)
            while parent is not None and (parent.doc, parent.number) not in seen:
                seen.add((parent.doc, parent.number))
                chain.insert(0, self._task_link(parent))
                up = next(iter(parent.implements), None)
                parent = self._task(up.doc, up.task) if up else None
            out.append(chain)
        return out

    def _task(self, doc_id: str, number: int) -> Task | None:
        doc = self.kb.documents.get(doc_id)
        return doc.tasks.get(number) if doc else None

    def documents(self, doc: Document) -> dict | None:
        """上级文件 (found, and cited but not in the knowledge base) and 下级文件 of a document."""
        if not self.active:
            return None
        found, missing = refs.parents(doc, self.kb.documents)
        children = refs.children(doc.id, self.kb.documents)
        if not (found or children):
            return None
        view = lambda d: {"label": self.kb.documents[d].meta.label, "path": self.paths.document(d),  # noqa: E731
                          "number": self.kb.documents[d].meta.number or "",
                          "place": self.kb.documents[d].meta.jurisdiction or ""}
        return {"parents": [view(d) for d in found],
                "missing": [f"《{r.title}》" + (f"（{r.number}）" if r.number else "") if r.title else r.number
                            for r in missing],
                "children": [view(d) for d in children]}
