"""Link proposals during `policykb import` (issue 24, item 4): never silent, never confirmed.

When an imported document cites parents that are in the knowledge base, each drafted task gets its
parents' tasks ranked (`propose`), with every task's top candidates and reasons in the import review;
only a clear winner is written into the draft, as `implements: [{…, proposed: true}]`, for people to
confirm with `policykb link … --confirm`. Nothing is proposed when the knowledge base the document
joins does not load (its problems are `check`'s to report) or the draft cannot be read as a document.
"""
from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from ..model import Deadline, Document, DocumentFile, KnowledgeBase, Task
from . import refs
from .citations import resolved
from .propose import propose, review


def propose_links(draft, out: Path, doc_id: str) -> None:
    """Rank the parents' tasks for each task of the draft (an ingest.compose.Draft); write clear winners
    into draft.tasks as proposed links and every task's candidates into draft.review."""
    if not any(resolved(draft.doc.get("parents") or [], out)):
        return  # no parent here: the citations review says so
    from ..validate import validate  # late: validate imports the cascade package
    kb, _ = validate(out) if out.is_dir() else (None, None)
    if kb is None:
        draft.review.append("[关联] 知识库目前有错误，未能建议任务关联；修正后运行 policykb cascade propose " + doc_id)
        return
    try:
        child = _document(draft, doc_id)
    except ValidationError:
        draft.review.append(f"[关联] 初稿的 document.yaml 尚不完整，未能建议任务关联；补全后运行 policykb cascade propose {doc_id}")
        return
    documents = {**kb.documents, doc_id: child}
    if not refs.parents(child, documents)[0]:
        return  # the citations review already says the parents are not in the knowledge base
    joined = KnowledgeBase(root=kb.root, units=kb.units, documents=documents)
    proposals = propose(joined, doc_id)
    written = 0
    for p in proposals:
        if p.winner:
            draft.tasks[p.task.number]["implements"] = [
                {"doc": p.winner.task.doc, "task": p.winner.task.number, "proposed": True}]
            written += 1
    draft.review += review(joined, proposals)
    draft.review.append(f"[关联] 共 {len(proposals)} 项任务，{written} 项写入了明显最佳的上级任务（proposed: true，"
                        f"待确认：policykb link {doc_id}#N --confirm），其余请人工确定或列为本级任务")


def _document(draft, doc_id: str) -> Document:
    """The draft as the proposer reads it: its meta, and its tasks with their own deadlines."""
    meta = DocumentFile.model_validate({**draft.doc, "source": "source.txt"})
    tasks = {}
    for number, t in draft.tasks.items():
        deadlines = [Deadline.model_validate(d) for d in t.get("deadlines", [])]
        tasks[number] = Task(doc=doc_id, number=number, section=t["section"], text=t["text"],
                             units_as_written=t["units_as_written"], lead_mode=t["lead_mode"], lead=t["lead"],
                             participants=t["participants"], open_ended=t["open_ended"], articles=t["articles"],
                             own_deadlines=deadlines, deadlines=deadlines, file="")
    return Document(id=doc_id, meta=meta, folder=doc_id, articles={}, tasks=tasks, indicators={})
