"""A target divided into the units' shares, each a unit and its count, listed after an enumeration's opening or 其中.

- 「县政府已划分到单位，具体是：房产局100套，住建局200套，教育局985套，其中：改建408套，…」: shares apart by
  commas, each its unit's own task (the breakdown after it, naming no unit, stays with it);
- 「由建设部门牵头完成1万户。其中，太原市550户、大同市1300户、…运城1000户。」: one list (apart by 、) of places, each
  doing its own share of the same work: one task, each place leading its share (separate). A place the list writes
  short (阳泉, 晋城) among places written in full is one of them.
The measure words are data (lexicon.yaml share_measures).
"""
from __future__ import annotations

import re

from .lexicon import alternation, lexicon
from .unitnames import looks_like_unit
from .unitnotes import UnitList

_LEX = lexicon()
_COUNT = rf"\d+(?:\.\d+)?\s*(?:万|千|百)?\s*(?:{alternation(_LEX.share_measures)})"
_SHARE = re.compile(rf"(?:其中\s*[：:，,]\s*)?(?P<name>[\u4e00-\u9fff]{{2,20}}?)\s*(?P<count>{_COUNT})")
# the opening of the list, right before its first share
_OPENS = re.compile(rf"(?:{alternation((*_LEX.enumeration_intros, '其中'))})\s*[：:，,]\s*")
_SHORT_PLACE = re.compile(r"[\u4e00-\u9fff]{2,3}")
LISTED_PLACE = "named among places: "  # a place written short (阳泉) in a list of places: a unit all the same


def _shares(text: str) -> list[re.Match]:
    """The shares written one after another from the list's start, each closed by 、 ， ； or the sentence's end."""
    out, at = [], 0
    while m := _SHARE.match(text, at):
        out.append(m)
        after = re.match(r"\s*([、，,]|$)", text[m.end():])
        if not after or not after.group(1):
            break
        at = m.end() + after.end()
    return out


def quota_tasks(text: str) -> tuple[str, list[tuple[str, UnitList, str]]]:
    """The text without its lists of shares, and their tasks."""
    found: list[tuple[tuple[int, int], str, UnitList]] = []
    for opening in _OPENS.finditer(text):
        start = opening.end()
        end = len(text) if (stop := re.search(r"[。；;]", text[start:])) is None else start + stop.start()
        sentence = text[start:end]
        shares = _shares(sentence)
        if len(shares) < 2 or shares[-1].end() < len(sentence.rstrip("，, ")):
            continue  # not a list of shares to the sentence's end
        units = [looks_like_unit(s["name"]) for s in shares]
        if "、" in sentence and "，" not in sentence and "," not in sentence:  # one list: one task, each its share
            if sum(units) * 2 < len(shares) or not all(u or _SHORT_PLACE.fullmatch(s["name"])
                                                        for s, u in zip(shares, units)):
                continue
            names = [s["name"] for s in shares]
            short = [n for n, u in zip(names, units) if not u]
            found.append(((opening.start(), end), text[opening.start():end],
                          UnitList(sentence, lead=names, mode="separate", how="bare",
                                   flags=[LISTED_PLACE + "、".join(short)] if short else [])))
            continue
        if sum(units) < 2:
            continue
        pieces: list[list[re.Match]] = []
        for share, unit in zip(shares, units):
            if unit:
                pieces.append([share])
            elif pieces and (share.group().startswith("其中") or len(pieces[-1]) > 1):
                pieces[-1].append(share)  # 「教育局985套，其中：改建408套，新建577套」: the share's breakdown
            else:
                pieces.append([])  # a share naming no unit (「乡镇公住房169套」) closes the one before
        for piece in filter(None, pieces):
            words = sentence[piece[0].start():piece[-1].end()]
            found.append(((opening.start(), end), words, UnitList(words, lead=[piece[0]["name"]], how="bare")))
    for s, e in sorted({span for span, *_ in found}, reverse=True):
        text = text[:s] + text[e + (text[e:e + 1] in ("。", "；", ";")):]
    return text, [(piece, units, "") for _, piece, units in found]
