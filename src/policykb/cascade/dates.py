"""A child task without a deadline of its own takes its parents' and says so (依上级时限)."""
from __future__ import annotations

from ..deadlines import ON_A_DAY
from ..model import Deadline, Document
from . import refs

INHERITED = "依上级时限（{}）"
_DATED = ON_A_DAY


def inherit(documents: dict[str, Document]) -> dict[str, Document]:
    """Documents whose linked tasks without own deadlines carry their parents' dated deadlines;
    higher levels first, so a county task inherits what its 市 task inherited from the province."""
    out = dict(documents)
    for doc in sorted(documents.values(), key=lambda d: refs.LEVELS.index(refs.level(d))):
        tasks = dict(doc.tasks)
        for number, task in doc.tasks.items():
            if task.own_deadlines or not task.implements:
                continue
            found: dict = {}
            for link in task.implements:
                parent = out.get(link.doc) and out[link.doc].tasks.get(link.task)
                for d in parent.own_deadlines if parent else []:
                    if d.kind in _DATED:
                        found.setdefault(d.date, Deadline(phrase=INHERITED.format(d.phrase.removeprefix("依上级时限（")
                                                                                  .removesuffix("）")),
                                                          date=d.date, kind=d.kind))
            if found:
                own = [found[k] for k in sorted(found)]
                general = task.deadlines[len(task.own_deadlines):]
                tasks[number] = task.model_copy(update={"own_deadlines": own, "deadlines": own + general})
        if tasks != doc.tasks:
            out[doc.id] = doc.model_copy(update={"tasks": tasks})
    return out
