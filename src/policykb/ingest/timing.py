"""Deadline phrases in a task's text, with where they stand; phrases not understood are kept for review.

Dates come from `policykb.deadlines.parse` (the same reader `check` uses), so whatever is written
into a task file passes `check`; a phrase found but not read (每季度, 长期坚持 …) goes to the review.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .. import deadlines
from .lexicon import alternation, lexicon

_Y = r"\d{4}\s?年"  # (a page may space its numbers off: 「2016 年 6 月底前」)
_MONTH = r"\s?\d{1,2}\s?月(?:\d{1,2}日)?(?:上旬|中旬|下旬|底|末)?"
_COMPLETED = alternation(lexicon().completion_words)
_PHRASE = re.compile(
    rf"(?:力争)?(?:到|在)?(?:{_Y})?第?[一二三四1-4]季度(?:末|底)(?:前)?|(?:力争)?(?:到|在)?{_Y}第[一二三四1-4]季度(?:前)?|"  # quarters: 2024年第三季度, 三季度末
    rf"\d{{4}}(?:至|到|—|－|-|~){_Y}(?:底|末)?(?:前|以前|之前)?|"  # years of a span, 年 written once: 2016—2017年底前
    rf"{_Y}(?:{_MONTH})?(?:至|到|—|－|~){_Y}?(?:{_MONTH}|底|末)?"  # ranges: 2018年至2020年, 2021年5月至2022年4月30日
    rf"|{_Y}{_MONTH}(?:至|到|—|－|-|~){_MONTH}"  # a range within one year, 年 written once: 2012年8月1日-8月10日
    rf"|(?:从|自){_Y}(?:\d{{1,2}}月(?:\d{{1,2}}日)?)?(?:起|开始)"
    rf"|(?:力争)?(?:到|在)?{_Y}(?:{_MONTH}|上半年|下半年|底|末)?(?:前|以前|之前)?(?:[(（]含\d{{4}}年[)）])?"
    r"|每年\d{1,2}月(?:上旬|中旬|下旬|底|末)?(?:前)?"
    r"|(?:力争)?(?:\d+|[一二三四五六七八九十])年(?:内|之内)"  # 「三年行动」 names a campaign, dates nothing
    r"|(?<![\d年])\d{1,2}月(?:\d{1,2}日|上旬|中旬|下旬|底|末)?前"
    rf"|(?<![\d年一二三四五六七八九十每两])(?:十[一二]?|[一二三四五六七八九])月(?:上旬|中旬|下旬|底|末)?(?:前|以前|之前)"  # 「六月底前」
    rf"|(?<![\d年一二三四五六七八九十每两])(?:\d{{1,2}}|十[一二]?|[一二三四五六七八九])月(?:上旬|中旬|下旬|底|末)"
    rf"(?=(?:全部|全面|基本)?(?:{_COMPLETED}))"  # 「，十月底全部完工」: the month the work is done by
    r"|^\d{1,2}(?:(?:至|到|—|－|-|~)\d{1,2})?月(?=[，,])"  # a timetable's paragraph opening with its months: 「8—9月，重点…」
    r"|(?:(?<=[(（])|^)\d{1,2}月(?:至|到|—|－|-|~)\d{1,2}月(?=[)）]|$)"  # a stage's months in its brackets: 「…阶段(7月-8月)」
    r"|(?:(?<=确保|力争|争取|务必)|(?<=[于到]))\d{1,2}月(?:\d{1,2}日|上旬|中旬|下旬|底|末)"  # 「确保4月底基本完成」
    r"|(?:今|当|本)?年(?:底|末)前|(?<![\d一二三四五六七八九十])(?:今|当|本)?年内|上半年|下半年"
    r"|(?<![人天])每年(?=[组开召报对、，,）)]|$)"
    r"|每月(?:\d{1,2}日|上旬|中旬|下旬|底|末)(?:前|以前|之前)?|每个?季度?(?:(?:初|首月|第[1一]个月的?)\d{1,2}日|末|底)(?:前|以前|之前)?"
    r"|(?:每月|每季度|每周|每[两兩]月)(?=[组开召报对将將、，,）)]|$)|每[两兩单單]月\d{1,2}日(?:前|以前|之前)?"  # 「每月召开」, 「每季度报送」: a time; 「每月发放」 (a rate) is none
    r"|(?:从|自)?即日起?(?:至|到)(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:前|止)?"
    r"|(?:从|自)?(?<![\d年])\d{1,2}月\d{1,2}日起?(?:至|到|—|－|~)(?:\d{1,2}月)?\d{1,2}日(?:止)?"  # 9月10日至9月30日
    r"|每半年(?:(?:初|首月)\d{1,2}日|末|底)?(?:前|以前|之前)?"
    r"|(?<=[于在])年中(?:和|及|与|、)年(?:末|底)"  # 「应于年中和年末分别自查」: twice a year (not 「全年中」)
    r"|(?:本|下|这)(?:周|星期)[一二三四五六日天]?(?:内|前|以前|之前)|(?:本|下|当)月(?:底|末)前|(?<![\d一二三四五六七八九十〇零两])月(?:底|末)前|本月内"  # set by the document's day
    r"|(?:[在于]|(?<=[，,；;。：:]))(?:\d{1,3}|[一两二三四五六七八九十])(?:个月|周|天|日)(?:内|之内|以内)"  # 「在一个月内形成…」, 「，两周内完成」
    r"|(?:^|(?<=\s))第[一二三四1-4]季度(?=(?:[(（][^()（）]{0,10}[)）])?[：:])"  # 「第一季度(每项5分):完成…」
    r"|[xX×ＸｘＸ]{1,2}月(?:[xX×ＸｘＸ\d]{1,2}日)?(?:前|之前|底前)"  # 「xx月xx日前」: a draft's blank date, listed for review
    r"|(?<![^，,；;。:：（(\s])(?:长期坚持|持续推进|长期推进)(?=$|[，,；;。）)\s]|[\u4e00-\u9fff]{2,8}[：:])")
# (a clause of its own, before the next label of a run-together form: 「立行立改，长期坚持」, 「（长期推进）」,
# 「整改时限：立行立改，长期坚持整改措施：」; 「持续推进农村改厕」 is a verb)


# 「一、宣传周启动仪式6 月 29 日上午，与全国同步举行…」: a run-in title, then the day its work is done on, opening the
# sentence (written without its year: the document's)
_TITLE_DAY = re.compile(r"[一二三四五六七八九十]{1,3}、[^，,；;。\d\s]{2,16}?(?P<day>\d{1,2}\s?月\s?\d{1,2}\s?日)"
                        r"(?:上午|下午|晚上)?(?=[，,])")


@dataclass(frozen=True)
class Found:
    phrase: str
    start: int  # character offsets in the text read
    end: int
    date: object | None  # datetime.date, or None when not understood
    kind: str | None


def find(text: str, year: int | dt.date) -> list[Found]:
    """Every deadline-like phrase in text, read against the document's year (or its day: 本周内) where possible."""
    found: list[Found] = []
    for match in _PHRASE.finditer(text):
        phrase = match.group()
        if re.fullmatch(r"(?:力争)?(?:到|在)?\d{4}\s?年", phrase) and not phrase.startswith(("到", "力争")):
            continue  # a bare year (2020年全县…) is a date in a sentence, not a deadline
        read = deadlines.parse(phrase, year)
        found.append(Found(phrase, match.start(), match.end(), *(read or (None, None))))
    for day in _TITLE_DAY.finditer(text):
        if not any(f.start <= day.start("day") < f.end for f in found):
            found.append(Found(day["day"], day.start("day"), day.end("day"), *(deadlines.parse(day["day"], year)
                                                                                 or (None, None))))
    return sorted(found, key=lambda f: f.start)


# What a deadline column's cell may open with, beyond the phrases of running text: a month or a quarter alone (「9月投入使用」, 「第一季度」),
# 「全年」, 「长期」/「持续」 alone. Read only in such a cell: in running text 「全年」, 「9月」 and 「长期」 are no deadlines.
_CELL = re.compile(r"^(?:(?:今年|当年|本年)?全年|(?:今年|当年|本年)?\d{1,2}月(?:上旬|中旬|下旬|底|末)?|第?[一二三四1-4]季度"
                   r"|(?:长期|持续|常态化?)(?:坚持|推进|开展|实施|工作)?$"  # 「常态工作」: ongoing work
                   r"|(?:本|下|这|当)(?:周|星期|月|季度)[^，,；;。]{0,4}$|(?:\d{1,3}|[一两二三四五六七八九十])(?:周|星期|天|日|个月)[^，,；;。]{0,4}$)")
# (a cell of minutes' 工作时限 column: 「本周完成」, 「两周工作」, read against the document's day)


_GLOSS = r"(?:[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,7}[)）])?"  # a site's pinyin after each character: 完(wán)工


def _glossed(word: str) -> str:
    return "".join(re.escape(c) + _GLOSS for c in word)


_COMPLETION = re.compile(r"(?<![\d年])\d{1,2}月(?:上旬|中旬|下旬|底|末)?(?=" + "|".join(
    _glossed(w) for w in sorted(lexicon().completion_words, key=len, reverse=True)) + ")")


def find_cell(cell: str, year: int | dt.date, offset: int = 0) -> list[Found]:
    """The deadline of a table's 完成时限 cell: its phrases, what the cell opens with, or the months its work ends in
    (「3月开工,7月完工」: 7月) (offsets from offset)."""
    found = [Found(f.phrase, f.start + offset, f.end + offset, f.date, f.kind) for f in find(cell, year)]
    if not any(f.date for f in found) and (m := _CELL.match(cell.strip())):
        read = deadlines.parse(m.group(), year)
        start = offset + cell.index(m.group())
        found.insert(0, Found(m.group(), start, start + len(m.group()), *(read or (None, None))))
    if not any(f.date for f in found):
        found += [Found(m.group(), offset + m.start(), offset + m.end(), *deadlines.parse(m.group(), year))
                  for m in _COMPLETION.finditer(cell) if deadlines.parse(m.group(), year)]
    return found


# a line of a date and its closing word alone (「2008年5月1日前」, 「2008年5月30日前完成」), no signature's bare date
_DATE_CELL = re.compile(r"^[\d\s年月日号初上中下旬底末之以前内完成止]{4,20}$")
_CLOSING = re.compile(r"前|底|末|完成|止|内")


def date_cell(line: str) -> bool:
    """A line that is a deadline alone, as a table's 完成时限 cell stored on a line of its own."""
    line = line.strip().rstrip("。.")
    return bool(_DATE_CELL.match(line) and _CLOSING.search(line) and (found := find(line, 2000)) and found[0].start == 0)


def as_deadlines(found: list[Found]) -> list[dict]:
    """The understood phrases as task deadlines (first occurrence of each phrase)."""
    out: list[dict] = []
    for f in found:
        if f.date is not None and not any(d["phrase"] == f.phrase for d in out):
            out.append({"phrase": f.phrase, "date": f.date, "kind": f.kind})
    return out


_NUMBER_MARK = r"(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[、.．])?\s*"
_SCHEDULE = re.compile(rf"^{_NUMBER_MARK}(?:{alternation(lexicon().schedule_headings)})[：:]?\s*(?P<value>.*)$")


def schedule_span(lines: list[tuple[str, str]], year: int) -> tuple[Found, str] | None:
    """The one span a document runs in, under a section heading of its own (「二、时间安排」 then 「即日起至6月30日。」,
    or 「时间安排：即日起至6月30日」), with where it stands: every task's deadline. `lines`: (where, text) in order.
    None unless exactly one such heading holds exactly one dated phrase and nothing else."""
    found = []
    for k, (where, text) in enumerate(lines):
        if not (m := _SCHEDULE.match(text.strip())):
            continue
        value, at = (m["value"], where) if m["value"] else next(((t, w) for w, t in lines[k + 1:] if t.strip()), ("", where))
        value = value.strip().rstrip("。；;")
        phrases = [f for f in find(value, year) if f.date]
        found.append((phrases[0], at) if len(phrases) == 1 and phrases[0].phrase == value else None)
    return found[0] if len(found) == 1 else None
