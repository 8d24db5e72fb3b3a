"""Write, confirm and remove `implements` links in task files, keeping their comments and layout."""
from __future__ import annotations

import re
from pathlib import Path

from ..issues import ToolError
from ..model import KnowledgeBase, Task
from ..yamlio import edit

_REF = re.compile(r"^(?P<doc>[^#]+)#(?:第)?(?P<number>\d+)项?$")


def find_task(kb: KnowledgeBase, ref: str) -> Task:
    """A task named 'document-id#69' (or 'document-id#第69项')."""
    m = _REF.match(ref.strip())
    if not m:
        raise ToolError(f"“{ref}”不是一项任务的写法", hint="写成 文件夹名#任务序号，"
                        "如 zhuzhou-2016-implementation-plan#3", code="not-found")
    doc = kb.documents.get(m["doc"])
    if doc is None:
        raise ToolError(f"没有文件“{m['doc']}”", hint="现有文件：" + "、".join(kb.documents),
                        code="not-found")
    task = doc.tasks.get(int(m["number"]))
    if task is None:
        raise ToolError(f"“{m['doc']}”中没有第{m['number']}项任务", code="not-found",
                        hint=f"它的任务序号为 {min(doc.tasks, default=0)}–{max(doc.tasks, default=0)}")
    return task


def _matches(item, parent: Task | None) -> bool:
    return parent is None or (item.get("doc") == parent.doc and item.get("task") == parent.number)


def link(child: Task, parent: Task, part: bool = False, proposed: bool = False) -> bool:
    """Add the link (or update its part flag); returns whether the file changed."""
    with edit(Path(child.file)) as data:
        links = data.setdefault("implements", [])
        before = [dict(x) for x in links]
        for item in links:
            if _matches(item, parent):
                if not proposed:  # linking by hand confirms a proposal
                    item.pop("proposed", None)
                if part:
                    item["part"] = True
                else:
                    item.pop("part", None)
                break
        else:
            entry = {"doc": parent.doc, "task": parent.number}
            entry.update({"part": True} if part else {})
            entry.update({"proposed": True} if proposed else {})
            links.append(entry)
        return [dict(x) for x in links] != before


def confirm(child: Task, parent: Task | None = None) -> int:
    """Mark the child's proposed links (or the one to parent) as confirmed; returns how many."""
    count = 0
    with edit(Path(child.file)) as data:
        for item in data.get("implements") or []:
            if _matches(item, parent) and item.get("proposed"):
                del item["proposed"]
                count += 1
    return count


def remove(child: Task, parent: Task) -> bool:
    with edit(Path(child.file)) as data:
        links = data.get("implements") or []
        kept = [x for x in links if not _matches(x, parent)]
        if len(kept) == len(links):
            return False
        if kept:
            data["implements"] = kept
        else:
            del data["implements"]
        return True
