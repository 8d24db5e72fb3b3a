"""A task's own number as its document writes it (「二、（二）」), and how outputs name the task by it.

A document that numbers its items afresh under each heading has no 「第5项」 a reader can find: its fifth task is the
second item of part two. The knowledge base keeps such a number beside the task's sequence number (`label`), and
every output names the task by it: 「第二（二）项」.
"""
from __future__ import annotations

import re

# An item's number mark as documents write it: 「第三条」, 「（二）」, 「二、」, 「3.」 (not 「1.5亿元」), 「④」
MARK = r"第[一二三四五六七八九十百\d]{1,4}[条项]|[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、．.]" \
       r"|\d{1,3}(?:[、．]|\.(?!\d)|\.(?=(?:19|20)\d\d年))|[①-⑳]"
# A mark's closing 「、」「.」 before a bracket or at the end says nothing once the marks are run together
_CLOSING = re.compile(r"[、．.](?=[（(]|$)")
# Between two numerals (「一、1、」) the mark stays as a point: 「一.1」
_BETWEEN = re.compile(r"[、．]")
_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 26 → 二十六, 105 → 一百零五, 112 → 一百一十二 (numbers as documents write
    articles, parts and items); from 1000 on, digits."""
    if n < 10:
        return _DIGITS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return (_DIGITS[tens] if tens > 1 else "") + "十" + (_DIGITS[ones] if ones else "")
    if n >= 1000:
        return str(n)
    hundreds, rest = divmod(n, 100)
    tail = "" if not rest else "零" + _DIGITS[rest] if rest < 10 else "一" + chinese_numeral(rest) if rest < 20 \
        else chinese_numeral(rest)
    return _DIGITS[hundreds] + "百" + tail


def compact(label: str) -> str:
    """「二、（二）」 → 「二（二）」, 「一、(一)1.」 → 「一（一）1」, 「一、2、」 → 「一.2」."""
    text = re.sub(r"\s", "", label).replace("(", "（").replace(")", "）")
    return _BETWEEN.sub(".", _CLOSING.sub("", text))


def task_ref(number: int, label: str | None) -> str:
    """「第5项」, or the task named by its own number: 「第二（二）项」; a number that names itself (「第四条」) stays so."""
    if not label:
        return f"第{number}项"
    own = compact(label)
    return own if own.startswith("第") else f"第{own}项"


def task_refs(numbered: list[tuple[int, str | None]]) -> str:
    """Several tasks named at once: 「第1、2、5项」, 「第一（一）、二（二）项」; 「第四条、第九条」."""
    if not numbered:
        return ""
    own = [compact(label) if label else str(number) for number, label in numbered]
    if any(o.startswith("第") for o in own):
        return "、".join(task_ref(number, label) for number, label in numbered)
    return f"第{'、'.join(own)}项"


def heading_mark(label: str | None) -> str | None:
    """The mark of the heading a label stands under (「二、（一）」 → 「二、」); None for a label of one mark."""
    marks = re.findall(MARK, re.sub(r"\s", "", label or ""))
    return marks[0] if len(marks) > 1 else None


def typed_number(typed: str, numbered: dict[int, str | None]) -> int | None:
    """The task a person means by 「3」, 「第3项」 or the document's own number (「二（一）」, 「第二（一）项」, 「二、(一)」):
    its sequence number among `numbered` (sequence number → label), or None."""
    text = re.sub(r"\s", "", typed).replace("(", "（").replace(")", "）")
    bare = re.sub(r"^第(.+)项$", r"\1", text)
    own = [n for n, label in numbered.items() if label and compact(label) == compact(bare)]
    if own:
        return own[0]
    return int(bare) if bare.isdigit() and int(bare) in numbered else None
