"""Each numbered paragraph's number as the document writes it, with the numbers of the headings above it.

「一、剧本娱乐经营场所」 then 「（一）…」「（二）…」, 「二、平台经济」 then 「（一）…」 again: the second part's first item is
「二、（一）」. Levels are GB/T 9704's order (一、 then （一） then 1. then （1）), a numbering it does not name deeper
than those met before it; a heading of a level closes the deeper ones under the one before it. (A page cut from the
middle of a document may open with its 1. items before the next 四、: the order, not the page, says which is deeper.)
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..ownnumbers import MARK
from .source import Block

# a count opening a paragraph or a sentence (「三是通力协作。…」): it numbers them as a mark does, as a reader cites
# them (三是)
COUNT_MARK = r"[一二三四五六七八九十]{1,2}是"
# an item's mark at the start of its paragraph
_MARK = re.compile(rf"^\s*({MARK}|{COUNT_MARK}(?=[\u4e00-\u9fff“]))")
_DIGITS = {c: i + 1 for i, c in enumerate("一二三四五六七八九十")}


def mark_number(mark: str) -> int | None:
    """The number a mark gives: 「（三）」 → 3, 「12.」 → 12, 「二十一、」 → 21, 「④」 → 4, 「⑷」 → 4."""
    digits = re.findall(r"\d+", mark)
    if digits:
        return int(digits[-1])
    if m := re.search(r"[一二三四五六七八九十]+", mark):
        tens, _, ones = m.group().rpartition("十")
        return ((_DIGITS.get(tens, 1) * 10) if "十" in m.group() else 0) + _DIGITS.get(ones, 0)
    if m := re.search(r"[①-⑳]", mark):
        return ord(m.group()) - ord("①") + 1
    if m := re.search(r"[⑴-⒇]", mark):
        return ord(m.group()) - ord("⑴") + 1
    return None


def style_of(mark: str) -> str:
    """A numbering whatever its number: 「（3）」 → 「（1）」, 「二、」 → 「一、」, 「④」 → 「①」."""
    style = re.sub(r"[一二三四五六七八九十百]+", "一", re.sub(r"\d+", "1", mark))
    return re.sub(r"[①-⑳]", "①", style.replace("(", "（").replace(")", "）"))


@dataclass(frozen=True)
class Numbered:
    path: str  # its number after its headings', as written: 「二、（一）」
    number: int  # its own number: 1
    text: str  # the paragraph after its own mark


# GB/T 9704-2012 7.3.3: 结构层次序数 一、 （一） 1. （1）; an article (第三条) above them, ① below
_RANKS = {"第一条": 0, "第一项": 0, "一、": 1, "一．": 1, "一.": 1, "（一）": 2, "1.": 3, "1．": 3, "1、": 3, "（1）": 4, "①": 5}


def rank(style: str) -> float | None:
    """A numbering's rank in the standard's order (「（一）」 above 「1.」), None for one outside it (第一章)."""
    return _RANKS.get(style_of(style))


def numbered_paths(blocks: list[Block]) -> dict[str, Numbered]:
    """The numbered paragraphs (not table rows) by where they stand."""
    depth: dict[str, float] = dict(_RANKS)
    stack: list[tuple[float, str]] = []
    out: dict[str, Numbered] = {}
    for block in blocks:
        if block.is_row or not (m := _MARK.match(block.text)) or (number := mark_number(m[1])) is None:
            continue
        level = depth.setdefault(style_of(m[1]), max(depth.values()) + 1)
        stack = [(d, written) for d, written in stack if d < level] + [(level, m[1])]
        out[block.where] = Numbered("".join(written for _, written in stack), number, block.text[m.end():].strip())
    return out


def paragraphs_under(blocks: list[Block]) -> dict[str, tuple[str, Numbered]]:
    """The paragraphs without a mark of their own (not table rows) by where they stand: where the last numbered
    paragraph above them stands, and its number as theirs (「二、加强领导」 then 「由市统计局负责…」: the duty is part
    two's, as a reader cites it), with their own text."""
    paths = numbered_paths(blocks)
    out: dict[str, tuple[str, Numbered]] = {}
    above: str | None = None
    for block in blocks:
        if block.where in paths:
            above = block.where
        elif above and not block.is_row:
            out[block.where] = (above, Numbered(paths[above].path, paths[above].number, block.text.strip()))
    return out
