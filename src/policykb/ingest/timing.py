"""Deadline phrases in a task's text, with where they stand; phrases not understood are kept for review.

Dates come from `policykb.deadlines.parse` (the same reader `check` uses), so whatever is written
into a task file passes `check`; a phrase found but not read (每季度, 长期坚持 …) goes to the review.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .. import deadlines

_Y = r"\d{4}年"
_MONTH = r"\d{1,2}月(?:\d{1,2}日)?(?:上旬|中旬|下旬|底|末)?"
_PHRASE = re.compile(
    rf"(?:力争)?(?:到|在)?(?:{_Y})?第?[一二三四1-4]季度(?:末|底)(?:前)?|(?:力争)?(?:到|在)?{_Y}第[一二三四1-4]季度(?:前)?|"  # quarters: 2024年第三季度, 三季度末
    rf"{_Y}(?:{_MONTH})?(?:至|到|—|－|~){_Y}?(?:{_MONTH}|底|末)?"  # ranges: 2018年至2020年, 2021年5月至2022年4月30日
    rf"|(?:从|自){_Y}(?:\d{{1,2}}月(?:\d{{1,2}}日)?)?(?:起|开始)"
    rf"|(?:力争)?(?:到|在)?{_Y}(?:{_MONTH}|上半年|下半年|底|末)?(?:前|以前|之前)?(?:[(（]含\d{{4}}年[)）])?"
    r"|每年\d{1,2}月(?:上旬|中旬|下旬|底|末)?(?:前)?"
    r"|(?:力争)?(?:\d+|[一二三四五六七八九十])年(?:内|之内)"  # 「三年行动」 names a campaign, dates nothing
    r"|(?<![\d年])\d{1,2}月(?:\d{1,2}日|上旬|中旬|下旬|底|末)?前"
    r"|(?:今|当|本)?年(?:底|末)前|(?<![\d一二三四五六七八九十])(?:今|当|本)?年内|上半年|下半年"
    r"|(?<![人天])每年(?=[组开召报对、，,）)]|$)"
    r"|每季度|每半年|每月|长期坚持|持续推进|长期推进")


@dataclass(frozen=True)
class Found:
    phrase: str
    start: int  # character offsets in the text read
    end: int
    date: object | None  # datetime.date, or None when not understood
    kind: str | None


def find(text: str, year: int) -> list[Found]:
    """Every deadline-like phrase in text, read against the document's year where possible."""
    found: list[Found] = []
    for match in _PHRASE.finditer(text):
        phrase = match.group()
        if re.fullmatch(r"(?:力争)?(?:到|在)?\d{4}年", phrase) and not phrase.startswith(("到", "力争")):
            continue  # a bare year (2020年全县…) is a date in a sentence, not a deadline
        read = deadlines.parse(phrase, year)
        found.append(Found(phrase, match.start(), match.end(), *(read or (None, None))))
    return found


# What a deadline column's cell may open with, beyond the phrases of running text: a month alone (「9月投入使用」),
# 「全年」. Read only in such a cell: in running text 「全年」 and 「9月」 are no deadlines.
_CELL = re.compile(r"^(?:(?:今年|当年|本年)?全年|(?:今年|当年|本年)?\d{1,2}月(?:上旬|中旬|下旬|底|末)?)")


def find_cell(cell: str, year: int, offset: int = 0) -> list[Found]:
    """The deadline of a table's 完成时限 cell: its phrases, or what the cell opens with (offsets from offset)."""
    found = [Found(f.phrase, f.start + offset, f.end + offset, f.date, f.kind) for f in find(cell, year)]
    if not any(f.date for f in found) and (m := _CELL.match(cell.strip())):
        read = deadlines.parse(m.group(), year)
        start = offset + cell.index(m.group())
        found.insert(0, Found(m.group(), start, start + len(m.group()), *(read or (None, None))))
    return found


def as_deadlines(found: list[Found]) -> list[dict]:
    """The understood phrases as task deadlines (first occurrence of each phrase)."""
    out: list[dict] = []
    for f in found:
        if f.date is not None and not any(d["phrase"] == f.phrase for d in out):
            out.append({"phrase": f.phrase, "date": f.date, "kind": f.kind})
    return out
