"""The date a document bears and its 发文字号: a signature's date line (in digits or in Chinese numerals, or its month
alone), a page's labelled or posting date, and the number under the title (not a cited document's). Kept apart from
the issuers and the title because a date line reads the same whoever signs it."""
from __future__ import annotations

import datetime as dt
import re

from .source import Block

NUMBER = re.compile(r"[\u4e00-\u9fff]{1,8}〔\d{4}〕\d{1,4}号")
# a line that is a date alone: 「2021年1月25日」, a byline's 「2013.3.28」 (closing its bracket too)
_DATE = re.compile(r"^[(（]?(\d{4})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|[.．](\d{1,2})[.．](\d{1,2}))[)）]?$")
_CN_DIGITS = {c: i for i, c in enumerate("○一二三四五六七八九")} | {"〇": 0, "零": 0}
_CN_DATE = re.compile(r"^([○〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$")
# (「成文日期: | 2022-04-07」: a page's metadata row, the label's colon and the cell's 「|」 both)
LABELLED_DATE = re.compile(r"(?:成文日期|发文日期|印发日期)(?:\s*[：:|])*\s*(\d{4})[-年./](\d{1,2})[-月./](\d{1,2})")
# (「来源:本站  时间:2018-07-25 15:11:24」: a page's line; 「会议时间：」 is no publication)
PUBLISHED = re.compile(r"(?:发布日期|发布时间|发表时间|发表于|发布于|公开日期|(?:^|\s)时间)\s*[：:|]?\s*(\d{4})[-年./](\d{1,2})[-月./](\d{1,2})")
# 「2021-10-13 21:43」 alone under a news page's headline: when it was posted
_STAMP = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
_NUMBER_YEAR = re.compile(r"[〔\[［](\d{4})[〕\]］]\s*\d{1,4}\s*[号號]")


def _cn_number(text: str) -> int:
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + "一二三四五六七八九".index(text[1]) + 1
    if "十" in text:
        tens, _, ones = text.partition("十")
        return ("一二三四五六七八九".index(tens) + 1) * 10 + (("一二三四五六七八九".index(ones) + 1) if ones else 0)
    return "一二三四五六七八九".index(text) + 1


# 「（资府办函〔2007〕337号 二○○七年十二月十日）」: a law archive's line under the title, the number and the date
_NUMBER_THEN_DATE = re.compile(r"^[(（]\s*[^\s()（）]{2,20}〔\d{4}〕\d{1,4}号\s+(?P<date>[^()（）]{8,16}?)\s*[)）]$")


def date_of(text: str) -> dt.date | None:
    """The date a line is, when it is one alone (a signature's 「2021年1月25日」, 「二〇二一年一月二十五日」) or after the
    document's number in brackets under the title."""
    if m := _NUMBER_THEN_DATE.match(text.strip()):
        text = m["date"]
    try:
        if m := _DATE.match(text):
            return dt.date(int(m[1]), int(m[2] or m[4]), int(m[3] or m[5]))
        if m := _CN_DATE.match(text):
            year = int("".join(str(_CN_DIGITS[c]) for c in m[1]))
            return dt.date(year, _cn_number(m[2]), _cn_number(m[3]))
    except (ValueError, KeyError):
        return None
    return None


# 「二○○八年七月」, 「2008年7月」: a signature's date giving its month only
_MONTH_ONLY = re.compile(r"^(?:(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})|(?P<cn_year>[○〇零一二三四五六七八九]{4})年"
                         r"(?P<cn_month>[一二三四五六七八九十]{1,3}))\s*月$")


def month_of(text: str) -> dt.date | None:
    """The first day of the month a line names alone (a signature dated 「二○○八年七月」: its day is not written)."""
    if not (m := _MONTH_ONLY.match(text.strip())):
        return None
    try:
        if m["year"]:
            return dt.date(int(m["year"]), int(m["month"]), 1)
        return dt.date(int("".join(str(_CN_DIGITS[c]) for c in m["cn_year"])), _cn_number(m["cn_month"]), 1)
    except (ValueError, KeyError):
        return None


def posted(text: str, head: list[Block]) -> re.Match | None:
    """A news page's posting time alone on a line; not a mirror's posting, in another year than a document number in
    the page's head gives (「皖政[2001]85號」 posted 2025-06-07)."""
    m = _STAMP.match(text.strip())
    years = {n[1] for b in head for n in _NUMBER_YEAR.finditer(b.text)}
    return m if m and (not years or m[1] in years) else None


def cited(text: str, m: re.Match) -> bool:
    """「根据《…》（X〔2018〕N号）」: a number in brackets after a cited title is that document's, not this one's."""
    before = text[:m.start()]
    return bool(re.search(r"[（(]\s*$", before) and re.search(r"》|根据|按照|依据|贯彻|落实|印发", before)
                or (len(text) > 60 and "《" in before))
