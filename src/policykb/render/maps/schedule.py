"""A task's bar on the time axis (倒排工期): what dates it, how far it runs, which milestones it carries.

In order of what the source gives: the task's own deadlines; else its own indicators' target years;
else nothing of its own, and it keeps the general deadlines every task has (方案, the yearly report)
over the policy's period. A target its article sets in the sentence holding the task's text is shown
as context (◎), never as the task's deadline nor as the day it turns overdue.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ... import deadlines as deadline_dates
from ...model import Deadline, Task

# A recurring deadline is drawn as a small ◆ each time it falls when it falls at most every half year: quarterly
# or monthly marks would run together into a smear at a wall chart's scale.
DRAWN_EVERY_MONTHS = 6


@dataclass(frozen=True)
class Schedule:
    """A task's bar on the time axis (倒排工期) and its own milestones."""
    start: dt.date
    end: dt.date
    ongoing: bool  # no end of its own: runs on to the end of the period
    starts_with_phrase: bool  # e.g. 从2016年起
    milestones: tuple[tuple[dt.date, str], ...]  # (date, once | target-year | article-target | a recurring kind)
    basis: str = "own"  # what dates the bar: own (deadlines) | indicator (targets) | general (nothing)
    general: tuple[tuple[dt.date, str], ...] = ()  # on an undated row: the general deadlines it keeps


def _months_before(day: dt.date, months: int) -> dt.date:
    """The start of a span of `months` ending on `day`: 2020-12-31, 12 -> 2020-01-01."""
    after = day + dt.timedelta(days=1)
    y, m = divmod(after.year * 12 + after.month - 1 - months, 12)
    return dt.date(y, m + 1, min(after.day, 28))


def schedule(task: Task, policy_date: dt.date, axis_end: dt.date, lead_months: int | None = None,
             targets: tuple[dt.date, ...] = (), from_articles: bool = False,
             general: tuple[tuple[dt.date, str], ...] = ()) -> Schedule:
    """A task's bar: up to its own last deadline, else to its indicators' target years, else on to
    `axis_end` (the period's end) keeping the `general` deadlines every task has. `targets` from its
    articles (`from_articles`) are context marks only: they neither end the bar nor make it overdue."""
    own = task.own_deadlines
    targets = tuple(t for t in targets if t <= axis_end)
    context = targets if from_articles else ()
    targets = () if from_articles else targets
    own_ends = [d.date for d in own if d.kind in deadline_dates.ON_A_DAY]
    ends = own_ends or list(targets)
    if own_ends:
        basis = "own"
    elif targets:
        basis = "indicator"
    else:
        basis = "own" if own else "general"  # own: from a year on, or every year, with no end
    starting = [d.date for d in own if d.kind == "starting-year"]
    # a relative deadline (本周完成) is drawn as the one-off day it falls on
    stones = [(d.date, "target-year" if d.kind == "target-year" else "once") for d in own if d.kind in deadline_dates.ON_A_DAY]
    stones += [(t, "target-year") for t in targets] + [(t, "article-target") for t in context]
    for d in own:
        if deadline_dates.RECURRING.get(d.kind, 0) >= DRAWN_EVERY_MONTHS:
            stones += [(day, d.kind) for day in deadline_dates.occurrences(d, policy_date, axis_end)]
    start = min(starting) if starting else policy_date
    if ends:
        end = max(ends)
        if lead_months is not None and not starting:
            start = max(start, _months_before(end, lead_months))
        return Schedule(start, end, False, bool(starting), tuple(sorted(set(stones))), basis)
    kept = tuple(g for g in general if policy_date <= g[0] <= axis_end) if basis == "general" else ()
    return Schedule(start, axis_end, True, bool(starting), tuple(sorted(set(stones))), basis, kept)


def general_milestones(general: tuple[Deadline, ...], start: dt.date, end: dt.date) -> list[tuple[dt.date, str]]:
    return sorted((day, d.id or d.phrase) for d in general for day in deadline_dates.occurrences(d, start, end))


def bar_style(sched: Schedule) -> str:
    """How a row's bar looks, from what dates it: dated (its own deadline or its indicators' target year),
    open (its own start, no end), band (nothing of its own)."""
    if sched.basis == "general":
        return "band"
    return "open" if sched.ongoing else "dated"


BAR_LEGEND = {  # in this order, each only when a row on the map has it
    "dated": "倒排工期至任务自身时限",
    "open": "持续推进，按任务自身时限（“从某年起”“每年”）",  # no 如: it comes out blank in the PDF
    "band": "无单独时限：持续推进，按通用时限",
}
BAND_WITHOUT_GENERAL = "未明确时限：持续推进"  # the document sets no general deadline either
