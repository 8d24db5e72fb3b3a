"""Read the deadline phrases Chinese policy texts use into dates.

A phrase is read against the document's year: 5年内 in a 2016 document ends in 2020; one relative to the document's
own day (本周完成, 两周内, 月底前, as minutes and 督办 lists write) against that day, when it is known.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Callable, Iterator

from .model import Deadline
from .textrules import PINYIN_GLOSS

NO_DEADLINE = "未明确时限"  # said of a task with no deadline of its own in a document that sets no general ones

_Y = r"(\d{4})年"
_N = r"(\d+|[一二三四五六七八九十])"
_CN = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)}

# part of a month -> day of month it ends on (None: the month's last day)
_MONTH_PART = {"上旬": 10, "中旬": 20, "下旬": None, "底": None, "末": None, "": None}


def _num(text: str) -> int:
    return int(text) if text.isdigit() else _CN[text]


def _month_end(year: int, month: int, part: str) -> dt.date:
    day = _MONTH_PART[part] or calendar.monthrange(year, month)[1]
    return dt.date(year, month, day)


def _year_end(year: int) -> dt.date:
    return dt.date(year, 12, 31)


# Time words relative to the document's own day -> the day they end on (minutes set 「本周完成」, 「下周」, 「本月底前」).
def _week_end(day: dt.date, weeks: int = 0) -> dt.date:
    return day + dt.timedelta(days=6 - day.weekday() + 7 * weeks)  # a calendar week ends on Sunday


def _months_end(day: dt.date, months: int = 0) -> dt.date:
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return _month_end(year, month + 1, "")


def _quarter_end(day: dt.date) -> dt.date:
    return _month_end(day.year, (day.month + 2) // 3 * 3, "")


_RELATIVE_WORDS: dict[str, Callable[[dt.date], dt.date]] = {
    "本周": _week_end, "这周": _week_end, "本星期": _week_end, "当周": _week_end,
    "下周": lambda d: _week_end(d, 1), "下星期": lambda d: _week_end(d, 1),
    "本月": _months_end, "当月": _months_end, "这个月": _months_end, "月底": _months_end, "月末": _months_end,
    "本月底": _months_end, "本月末": _months_end, "当月底": _months_end,
    "下月": lambda d: _months_end(d, 1), "下个月": lambda d: _months_end(d, 1), "下月底": lambda d: _months_end(d, 1),
    "本季度": _quarter_end, "当季": _quarter_end,
}
_WEEKS = ("本周", "这周", "本星期", "当周", "下周", "下星期")  # may name a day of the week: 本周五前
_WEEKDAYS = "一二三四五六日"


def _first_weekday(year: int, weekday: str) -> dt.date:
    """The year's first Monday (一) … Sunday (日): the first day a weekly deadline (每周五前) falls on."""
    first = dt.date(year, 1, 1)
    return first + dt.timedelta(days=(_WEEKDAYS.index(weekday) - first.weekday()) % 7)


def _add_months(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


# a span counted from the document's day: 两周内, 10天内, 3个月内
_SPAN_UNITS: dict[str, Callable[[dt.date, int], dt.date]] = {
    "周": lambda d, n: d + dt.timedelta(weeks=n), "星期": lambda d, n: d + dt.timedelta(weeks=n),
    "天": lambda d, n: d + dt.timedelta(days=n), "日": lambda d, n: d + dt.timedelta(days=n), "个月": _add_months,
}
_OPEN = r"^(?:力争|于|在)?"
_TAIL = r"(?:内|之内|以内|前|以前|之前)?(?:完成|工作|办结|落实|到位)?$"  # 「本周完成」, 「两周工作」: a 时限 cell's words
_RELATIVE = re.compile(_OPEN + r"(?P<word>{})(?P<weekday>[{}天])?".format(
    "|".join(sorted(_RELATIVE_WORDS, key=len, reverse=True)), _WEEKDAYS) + _TAIL)
_SPAN = re.compile(_OPEN + r"(?P<n>\d{{1,3}}|[一两二三四五六七八九十])(?P<unit>{})".format("|".join(_SPAN_UNITS)) + _TAIL)


def parse_relative(text: str, day: dt.date) -> dt.date | None:
    """The day a phrase relative to the document's own day ends on, or None when it is not one."""
    if m := _RELATIVE.match(text):
        end = _RELATIVE_WORDS[m["word"]](day)
        if not m["weekday"]:
            return end
        if m["word"] not in _WEEKS:
            return None  # 本月五: no phrase
        return end - dt.timedelta(days=6 - _WEEKDAYS.index(m["weekday"].replace("天", "日")))
    if m := _SPAN.match(text):
        return _SPAN_UNITS[m["unit"]](day, 2 if m["n"] == "两" else _num(m["n"]))
    return None


# Each pattern reads a whole phrase; the first that matches wins.
_PATTERNS: list[tuple[str, Callable[[re.Match, int], tuple[dt.date, str]]]] = [
    (rf"^(?:力争)?(?:在)?{_Y}(\d{{1,2}})月(上旬|中旬|下旬|底|末)?(?:前|以前|之前)?$",
     lambda m, _: (_month_end(int(m[1]), int(m[2]), m[3] or ""), "once")),
    (r"^每年(\d{1,2})月(上旬|中旬|下旬|底|末)?(?:前|以前|之前)?$",
     lambda m, year: (_month_end(year, int(m[1]), m[2] or ""), "yearly")),
    (r"^每年$", lambda m, year: (_year_end(year), "yearly")),
    # issue 22: recurring reports of imported lists (每月28日前报送进展), their first day in the document's year
    (r"^每月(?:(\d{1,2})日|(上旬|中旬|下旬|底|末))?(?:前|以前|之前)?$",
     lambda m, year: (dt.date(year, 1, int(m[1])) if m[1] else _month_end(year, 1, m[2] or ""), "monthly")),
    (r"^每(?:周|星期)([一二三四五六日])?(?:前|以前|之前)?$", lambda m, year: (_first_weekday(year, m[1] or "日"), "weekly")),
    # every other month from January (每两月, 每单月10日前: January, March …), its first day in the document's year
    (r"^每(?:两个?|二个?|单)月(?:(\d{1,2})日|(底|末))?(?:前|以前|之前)?$",
     lambda m, year: (dt.date(year, 1, int(m[1])) if m[1] else _month_end(year, 1, ""), "bimonthly")),
    # twice a year (每半年报送一次): by the end of June and of December, or by a day of each half's first month
    (r"^每半年(?:(?:初|首月)(\d{1,2})日)?(?:末|底)?(?:前|以前|之前)?$",
     lambda m, year: (dt.date(year, 1, int(m[1])) if m[1] else _month_end(year, 6, ""), "half-yearly")),
    # 「于年中和年末分别自查」: twice a year too, by mid-year and by the year's end
    (r"^年中(?:和|及|与|、)年(?:末|底)$", lambda m, year: (_month_end(year, 6, ""), "half-yearly")),
    # (「每个季度第1个月的20日前」: the quarter's first month written out)
    (r"^每个?季度?(?:初|首月|第[1一]个月的?)(\d{1,2})日(?:前|以前|之前)?$", lambda m, year: (dt.date(year, 1, int(m[1])), "quarterly")),
    (r"^每季度?(?:末|底)?(?:前|以前|之前)?$", lambda m, year: (_month_end(year, 3, ""), "quarterly")),
    # work without an end (长期坚持, 持续推进): dated from the document's year, it never falls due
    (r"^(?:长期|持续|常态化?)(?:坚持|推进|开展|实施|工作)?$", lambda m, year: (dt.date(year, 1, 1), "ongoing")),
    (rf"^(?:从|自){_Y}(?:起|开始|以来)$", lambda m, _: (dt.date(int(m[1]), 1, 1), "starting-year")),
    (rf"^(?:力争)?(?:到|在)?{_Y}(?:底|末)?(?:前|以前|之前)?(?:\(含\d{{4}}年\)|（含\d{{4}}年）)?$",
     lambda m, _: (_year_end(int(m[1])), "target-year")),
    (rf"^(?:力争)?{_N}年(?:内|之内|累计|行动)$",
     lambda m, year: (_year_end(year + _num(m[1]) - 1), "target-year")),
    # issue 17: phrases of imported documents, read against the document's year
    (r"^(?:力争)?(?:今|当|本)?年(?:底|末)(?:前|以前|之前)?$|^(?:今|当|本)?年内$",
     lambda m, year: (_year_end(year), "once")),
    (r"^(?:力争)?(?:今年|当年|本年)?(\d{1,2})月(上旬|中旬|下旬|底|末)?(?:前|以前|之前)?$",
     lambda m, year: (_month_end(year, int(m[1]), m[2] or ""), "once")),
    (r"^(?:今年|当年|本年)?全年$", lambda m, year: (_year_end(year), "once")),  # a 完成时限 cell: within the year
    # 「8—9月」, 「7月-8月」: the months a plan's timetable gives a piece of work, ending with the last of them
    (r"^(?:今年|当年|本年)?\d{1,2}月?(?:至|到|—|－|-|~)(\d{1,2})月$", lambda m, year: (_month_end(year, int(m[1]), ""), "once")),
    (rf"^(?:力争)?(?:在)?(?:{_Y})?(\d{{1,2}})月(\d{{1,2}})日(?:前|以前|之前)?$",  # 2024年12月31日前, 6月30日前
     lambda m, year: (dt.date(int(m[1] or year), int(m[2]), int(m[3])), "once")),
    (rf"^(?:力争)?(?:到|在)?(?:{_Y})?(?:第)?([一二三四1-4])季度(?:末|底)?(?:前|以前|之前)?$",  # 2024年第三季度, 三季度末
     lambda m, year: (_month_end(int(m[1] or year), 3 * _num(m[2]), ""), "once")),
    (rf"^(?:{_Y})?上半年(?:前|内)?$", lambda m, year: (dt.date(int(m[1] or year), 6, 30), "once")),
    (rf"^(?:{_Y})?下半年(?:前|内)?$", lambda m, year: (dt.date(int(m[1] or year), 12, 31), "once")),
    (rf"^{_Y}(?:\d{{1,2}}月(?:\d{{1,2}}日)?)?(?:至|到|—|－|-|~)(?:{_Y})?(\d{{1,2}})月(?:(\d{{1,2}})日)?$",
     lambda m, _: (dt.date(int(m[2] or m[1]), int(m[3]), int(m[4])) if m[4]
                   else _month_end(int(m[2] or m[1]), int(m[3]), ""), "once")),
    (rf"^(\d{{4}})年?(?:\d{{1,2}}月)?(?:至|到|—|－|-|~){_Y}(?:底|末)?(?:前|以前|之前)?$",  # 2016—2017年底前
     lambda m, _: (_year_end(int(m[2])), "target-year")),
    (rf"^(?:从|自)?即日起?(?:至|到)(?:{_Y})?(\d{{1,2}})月(\d{{1,2}})日(?:前|止)?$",  # 即日起至6月30日: a span ending then
     lambda m, year: (dt.date(int(m[1] or year), int(m[2]), int(m[3])), "once")),
    # 「9月10日至9月30日」, 「(自)3月12日起至30日(止)」: a span within the document's year, ending on its last day
    (r"^(?:从|自)?\d{1,2}月\d{1,2}日起?(?:至|到|—|－|-|~)(?:(\d{1,2})月)?(\d{1,2})日(?:止)?$",
     lambda m, year: (dt.date(year, int(m[1]) if m[1] else int(re.search(r"\d{1,2}(?=月)", m[0])[0]), int(m[2])), "once")),
    (rf"^(?:从|自){_Y}(\d{{1,2}})月(?:(\d{{1,2}})日)?(?:起|开始)$",
     lambda m, _: (dt.date(int(m[1]), int(m[2]), int(m[3] or 1)), "starting-year")),
]


# A phrase as a document in traditional characters, or with a site's pinyin glosses, writes it (「年內(nèi)」):
# read in the words below. Only the characters of time phrases that differ between the scripts.
_TRADITIONAL = str.maketrans("內當爭從開來後於週兩單個", "内当争从开来后于周两单个")


# 「十月底」, 「六月底前」: a month written in words, read as its number (not 「每两月」, 「一个月」, 「三年」)
_CN_MONTH = re.compile(r"(?<![一二三四五六七八九十\d])(十[一二]?|[一二三四五六七八九])(?=月)")


RELATIVE = "relative"  # read against the document's own day (本周完成): a kind of its own, so a page can say so
ON_A_DAY = ("once", "target-year", RELATIVE)  # deadlines that fall on one day and can end a task; the others recur or start


def parse(phrase: str, year: int | dt.date) -> tuple[dt.date, str] | None:
    """The date a phrase falls on and its kind, or None when it cannot be read. `year`: the document's year, or
    its date (dt.date), which alone reads phrases relative to it (本周, 两周内)."""
    day = year if isinstance(year, dt.date) else None
    year = day.year if day else year
    text = re.sub(r"\s+", "", PINYIN_GLOSS.sub("", phrase)).translate(_TRADITIONAL)  # 「2016 年底前」: spaced-off numbers
    text = _CN_MONTH.sub(lambda m: str(sum(map(_num, m[1])) if len(m[1]) > 1 else _num(m[1])), text)
    for pattern, build in _PATTERNS:
        match = re.match(pattern, text)
        if match:
            try:
                return build(match, year)
            except (ValueError, KeyError, OverflowError):
                return None  # e.g. 2016年2月 is fine but 13月 is not a month
    relative = parse_relative(text, day) if day else None
    return (relative, RELATIVE) if relative else None


WEEKLY = "weekly"  # 每周: stepped by days, not months (see occurrences)
RECURRING = {"yearly": 12, "half-yearly": 6, "quarterly": 3, "bimonthly": 2, "monthly": 1, WEEKLY: 0}  # months between a recurring deadline's dates
ONGOING = "ongoing"  # work without an end: no date it falls due on
# Recurring more than once a year: a page lists such a deadline once (how often, when next), never each time it
# falls, and tracking judges only its latest recurrence.
FREQUENT = {"monthly": "每月", "bimonthly": "每两月", "quarterly": "每季度", "half-yearly": "每半年", WEEKLY: "每周"}
EVERY = {"yearly": "每年", **FREQUENT}  # how often each recurring kind falls, in words


def cell_text(deadline: Deadline) -> str:
    """A deadline as a table's cell shows it: its words and the day it falls on, or the first day a recurring one
    falls on (每月28日前（2021-01-28起）); ongoing work by its words alone."""
    if deadline.kind == ONGOING:
        return deadline.phrase
    return f"{deadline.phrase}（{deadline.date.isoformat()}{'起' if deadline.kind in RECURRING else ''}）"


def falls_once(kind: str) -> bool:
    """A deadline dated once (2016年6月底前, 到2020年, 从2016年起), not recurring nor ongoing: it can end a period."""
    return kind not in RECURRING and kind != ONGOING


def occurrences(deadline: Deadline, start: dt.date, end: dt.date) -> Iterator[dt.date]:
    """Every date in [start, end] on which a deadline falls (recurring ones repeat; an ongoing one never falls due)."""
    step = RECURRING.get(deadline.kind)
    if deadline.kind == ONGOING:
        return
    if deadline.kind == WEEKLY:
        yield from _weekly(deadline.date, start, end)
        return
    if step is None:
        if start <= deadline.date <= end:
            yield deadline.date
        return
    first = deadline.date
    month = first.year * 12 + first.month - 1
    month += max(0, (start.year * 12 + start.month - 1 - month) // step * step)  # skip whole steps before start
    while True:
        year, m = divmod(month, 12)
        if dt.date(year, m + 1, 1) > end:
            return
        # a month's end recurs as each month's end (每月底); another day as that day, or the month's last
        last = calendar.monthrange(year, m + 1)[1]
        at_end = first.day == calendar.monthrange(first.year, first.month)[1]
        when = dt.date(year, m + 1, last if at_end and step != 12 else min(first.day, last))
        if start <= when <= end:
            yield when
        month += step


def _weekly(first: dt.date, start: dt.date, end: dt.date) -> Iterator[dt.date]:
    day = first + dt.timedelta(weeks=max(0, -(-(start - first).days // 7)))  # the first week on or after start
    while day <= end:
        yield day
        day += dt.timedelta(weeks=1)


def cn_date(day: dt.date) -> str:
    """A date as official documents write it: Arabic numerals, no leading zeros (2016年4月1日)."""
    return f"{day.year}年{day.month}月{day.day}日"
