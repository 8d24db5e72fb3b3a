"""The marks that number a document's parts (一、), sections (（一）) and items (1., （1）): which a line opens with,
the line without it, and the number it gives. Shared by the readers of tables, notes and paragraphs."""
from __future__ import annotations

import re

_CN = "一二三四五六七八九十"
PART = re.compile(rf"^([{_CN}]{{1,3}})\s*[、．.]\s*(.+)$")
SECTION = re.compile(rf"^[(（]([{_CN}]{{1,3}})[)）]\s*(.+)$")
BULLET = re.compile(r"^[△▲◆◇●■★☆※•▪]")  # an item marked, not numbered: 「△加强财政监督」
# (「1.5万元」 is a number, 「10.2010年底前，完成…」 an item opening with its deadline's year)
ITEM = re.compile(r"^(\d{1,3})\s*[.．、﹒]\s*(?:(?!\d)|(?=(?:19|20)\d\d年))(.+)$|^[(（](\d{1,3})[)）]\s*(.+)$")
# a number cell of a row of groups: 「第三组」, 「第12组」 (the group is the row's number)
GROUP = re.compile(rf"^第([{_CN}]{{1,3}}|\d{{1,3}})\s*组$")


def _cn_number(numeral: str) -> int:
    """一 → 1, 十二 → 12, 二十三 → 23."""
    tens, _, ones = numeral.rpartition("十")
    return ((_CN.index(tens) + 1 if tens else 1) * 10 if "十" in numeral else 0) + (_CN.index(ones) + 1 if ones else 0)


def strip_number(text: str) -> str:
    if m := ITEM.match(text):
        return (m[2] or m[4]).strip()
    if m := SECTION.match(text) or PART.match(text):
        return m[2].strip()
    return text


def item_number(text: str) -> int | None:
    text = text.strip()
    if re.fullmatch(r"\d{1,3}", text):
        return int(text)
    if m := ITEM.match(text):
        return int(m[1] or m[3])
    if m := SECTION.match(text):
        return _cn_number(m[1])
    if m := GROUP.match(text):
        return int(m[1]) if m[1].isdigit() else _cn_number(m[1])
    return None
