"""Who the lead units report to each year, from each document's `reporting` (its 工作要求), never assumed.

One knowledge base holds documents of several issuers: a province's opinions report to 省扶贫办, a city's
list to its own office. The forms, the summary and the reminders each speak for the office a document names.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..graph import PolicyGraph
from ..model import Document, LetterSettings

# What a document's tasks are called when it has no letter settings (the letters' own default).
DEFAULT_MEASURES = LetterSettings.model_fields["measures"].default


@dataclass(frozen=True)
class Office:
    """An office that collects yearly reports, and the documents whose lead units report to it."""
    name: str                    # a registry unit: signs the summary and the reminders
    summary_to: str              # whom the summary is addressed to (省委、省政府)
    supervisors: tuple[str, ...]  # whom a late unit may be referred to
    docs: tuple[str, ...]


def offices(pg: PolicyGraph) -> list[Office]:
    """Each office once, in the order documents are listed; documents without `reporting` have none."""
    found: dict[str, Office] = {}
    for doc in pg.documents():
        r = doc.meta.reporting
        if r is None:
            continue
        before = found.get(r.to)
        found[r.to] = Office(r.to, before.summary_to if before else r.summary_to or "、".join(doc.meta.issuers),
                             before.supervisors if before else tuple(r.supervisors),
                             (before.docs if before else ()) + (doc.id,))
    return list(found.values())


def unreported(pg: PolicyGraph) -> list[Document]:
    """Documents with a yearly report deadline that name no office to report to."""
    return [d for d in pg.documents() if d.meta.reporting is None and _yearly(d)]


def measures(pg: PolicyGraph, docs: tuple[str, ...]) -> str:
    """What these documents call their tasks (重要政策措施, 重点工作), or a plain word when they differ."""
    words = {(d.meta.letters.measures if d.meta.letters else DEFAULT_MEASURES) for d in map(pg.kb.documents.get, docs)}
    return words.pop() if len(words) == 1 else "重点任务"


def rule(pg: PolicyGraph, docs: tuple[str, ...]) -> str:
    """The yearly deadline in the documents' own words (每年11月中旬), never a day they do not name."""
    phrases = [d.phrase for doc in docs for d in _yearly(pg.kb.documents[doc])]
    return phrases[0] if phrases else "每年规定时间"


def due(doc: Document, year: int) -> dt.date | None:
    """The day a year's report is due: the yearly deadline's day in that year."""
    yearly = _yearly(doc)
    day = yearly[0].date if yearly else None
    return day and dt.date(year, day.month, 28 if (day.month, day.day) == (2, 29) else day.day)


def _yearly(doc: Document) -> list:
    return [d for d in (doc.meta.annex.general_deadlines if doc.meta.annex else []) if d.kind == "yearly"]
