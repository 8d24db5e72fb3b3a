"""Deadlines that recur within a year (每月28日前, 每季度初15日前) as the pages show them: once, with how often,
the next time they fall due and how many times in the period — not a row for each month of five years."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...deadlines import FREQUENT
from ...graph import Due, PolicyGraph
from ...model import Task


@dataclass(frozen=True)
class RecurringRow:
    """One recurring deadline: a general one (every task of its document) or one task's own."""
    phrase: str
    every: str             # 每月, 每季度
    next: dt.date | None   # the first recurrence not yet past; None when all are
    count: int             # how many times it falls due in the period
    ended: bool            # its document's period is over
    general: bool
    tasks: list[Task]

    @property
    def when(self) -> str:
        """What the 日期 cell says: the next date, 已全部过期 when every recurrence is past, 期满 once the period is over."""
        if self.ended:
            return "期满"
        return f"{self.next.isoformat()}（下次）" if self.next else "已全部过期"


def recurring_rows(pg: PolicyGraph, tasks: list[Task], shown: dt.date, ended_docs: list[str]) -> list[RecurringRow]:
    """A row for each recurring deadline of these tasks, a general one once per document. A recurrence is past when
    it falls before `shown`, the day the pages judge 已过 against (life()['shown'])."""
    rows: dict[tuple, RecurringRow] = {}
    for t in tasks:
        for d in t.deadlines:
            if d.kind not in FREQUENT:
                continue
            general = d.id is not None
            key = (t.doc, general, d.phrase, None if general else t.number)
            if key in rows:
                rows[key].tasks.append(t)
                continue
            dates = pg.recurrences(t.doc, d)
            rows[key] = RecurringRow(d.phrase, FREQUENT[d.kind], next((x for x in dates if x >= shown), None),
                                     len(dates), t.doc in ended_docs, general, [t])
    return list(rows.values())


def next_only(dues: list[Due]) -> list[Due]:
    """The dues with each recurring deadline of a task kept at its first date only: a list of what falls due next
    shows 每月28日前 once, not four times in 120 days."""
    seen, out = set(), []
    for d in dues:
        if d.deadline.kind in FREQUENT:
            key = (d.task.doc, d.task.number, d.deadline.phrase, d.deadline.id)
            if key in seen:
                continue
            seen.add(key)
        out.append(d)
    return out


def dated_only(dues: list[Due]) -> list[Due]:
    """The dues of deadlines that do not recur within a year: those a table lists date by date."""
    return [d for d in dues if d.deadline.kind not in FREQUENT]
