"""After a policy changes, which lower-level tasks and letters follow it (issue 24, `policykb diff`).

A changed or removed parent task leaves the child tasks carrying it out — and their children, down
the levels — to be revisited, with the letters each child plan issued to the child task's units.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import KnowledgeBase, Task
from . import refs


@dataclass(frozen=True)
class Revisit:
    parent: tuple[str, int]  # the changed task (doc, number) this child follows, directly or through others
    via: tuple[str, int]  # the task the child implements
    child: tuple[str, int]
    label: str  # 株洲市脱贫攻坚实施方案第1项
    units: tuple[str, ...]  # whose letters of the child plan carry the task

    def to_json(self) -> dict:
        return {"changed": {"doc": self.parent[0], "task": self.parent[1]},
                "via": {"doc": self.via[0], "task": self.via[1]},
                "child": {"doc": self.child[0], "task": self.child[1]}, "units": list(self.units)}


def revisits(old: KnowledgeBase, new: KnowledgeBase, changed: list[tuple[str, int]]) -> list[Revisit]:
    """Every task below the changed ones, following links downwards (the new version's links; a removed
    parent's children are read from the old one), each once, in level order."""
    out: list[Revisit] = []
    seen: set[tuple[str, int]] = set(changed)
    for doc_id, number in changed:
        kb = new if number in getattr(new.documents.get(doc_id), "tasks", {}) else old
        start = kb.documents[doc_id].tasks[number]
        queue: list[Task] = [start]
        while queue:
            task = queue.pop(0)
            for child in sorted(refs.linked_children(task, new.documents), key=lambda t: (t.doc, t.number)):
                key = (child.doc, child.number)
                if key in seen:
                    continue
                seen.add(key)
                label = f"{new.documents[child.doc].meta.label}{child.ref}"
                out.append(Revisit((doc_id, number), (task.doc, task.number), key, label, tuple(child.units)))
                queue.append(child)
    return out


def lines(old: KnowledgeBase, new: KnowledgeBase, items: list[Revisit]) -> list[str]:
    """The revisits in Chinese: each child task and the letters to look at again; nothing when none."""
    if not items:
        return []
    kb = lambda doc: new if doc in new.documents else old  # noqa: E731
    out = [f"下级需复核（{len(items)} 项任务落实了变化的上级任务）："]
    for r in items:
        via = f"{kb(r.via[0]).documents[r.via[0]].meta.label}第{r.via[1]}项"
        out.append(f"  {r.label}（落实{via}）：复核任务，及其责任书（{'、'.join(r.units) or '无'}）")
    letters: dict[str, list[str]] = {}
    for r in items:
        letters.setdefault(new.documents[r.child[0]].meta.label, []).extend(
            u for u in r.units if u not in letters.get(new.documents[r.child[0]].meta.label, []))
    out.append("需复核的下级责任书：" + "；".join(f"{doc}：{'、'.join(units)}" for doc, units in letters.items()))
    return out
