"""Where a day falls in a policy's life: before its period, during it, or after its end.

A document's period (document.yaml `period`) bounds its recurring deadlines and every view of it:
after the end the views show the final state and say the period is over, whatever the build date.
"""
from __future__ import annotations

import datetime as dt
from typing import Iterable, Literal

from .deadlines import falls_once
from .model import Document, Period

Phase = Literal["before", "during", "after"]
ASSUMED_YEARS = 5  # a document that names no period nor any dated deadline: 5 years from its date


def period_of(doc: Document) -> Period:
    """The document's period; without one, from its date to its last one-off deadline, or, when it dates
    none, to the end of the fifth year after its date (the import review asks for the real period). One
    rule for every view: the letters' 有效期, the maps' time axis, the pages and tracking agree."""
    if doc.meta.period is not None:
        return doc.meta.period
    dates = [d.date for t in doc.tasks.values() for d in t.deadlines if falls_once(d.kind)]
    return Period(start=doc.meta.date, end=max(dates, default=dt.date(doc.meta.date.year + ASSUMED_YEARS, 12, 31)))


def phase(period: Period, day: dt.date) -> Phase:
    if day < period.start:
        return "before"
    return "after" if day > period.end else "during"


def label(period: Period) -> str:
    """实施期（2016—2020年）: the years a cadre recognises."""
    years = f"{period.start.year}年" if period.start.year == period.end.year else f"{period.start.year}—{period.end.year}年"
    return f"实施期（{years}）"


def sentence(period: Period, day: dt.date) -> str:
    """What every view says about the period on `day`."""
    return {"before": f"{label(period)}尚未开始", "during": f"{label(period)}进行中",
            "after": f"{label(period)}已结束"}[phase(period, day)]


def view_date(period: Period, day: dt.date) -> dt.date:
    """The day a view shows: the build day, or the period's last day once it is over (the final state)."""
    return min(day, period.end)


def span(periods: Iterable[Period]) -> tuple[dt.date, dt.date] | None:
    """From the earliest start to the latest end of several documents' periods."""
    periods = list(periods)
    if not periods:
        return None
    return min(p.start for p in periods), max(p.end for p in periods)
