"""The dates the tool works with: from the founding of the People's Republic to the end of this century.

A policy, a deadline, a report or an --as-of date outside this range is a typing mistake
(9999-12-31, 0001-01-01), and the date arithmetic of statuses, calendars and sitemaps overflows
near the ends of Python's calendar. Checked once where dates come in (the command line and every
policy file), so that nothing further on ever meets such a date.
"""
from __future__ import annotations

import datetime as dt

EARLIEST = dt.date(1949, 10, 1)
LATEST = dt.date(2100, 12, 31)
RANGE_HINT = f"写 {EARLIEST.isoformat()} 到 {LATEST.isoformat()} 之间的日期"


def out_of_range(date: dt.date) -> bool:
    return not EARLIEST <= date <= LATEST


def dates_in(data, path: tuple = ()):
    """(path, date) of every date in plain data (a model's dump): dicts, lists and tuples walked."""
    if isinstance(data, dt.date):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from dates_in(value, path + (key,))
    elif isinstance(data, (list, tuple)):
        for index, value in enumerate(data):
            yield from dates_in(value, path + (index,))
