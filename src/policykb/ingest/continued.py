"""A numbered item's note written under its next paragraph, and a page cut off inside its last note.

- 「（一）总的要求…。」 naming nobody, then one unnumbered paragraph closing with a note (「主要预期目标是：…（X牵头，
  Y、Z配合）」), then the next numbered item or the end: the paragraph continues the item, and its note is the
  item's; both are read as one paragraph (the item's number, its text first).
- A stored page that stops inside its last note (「…（X牵头，Y、Z等按职责分」): the note is closed where the page
  stops, a word cut short after its last unit left out, so its units are read as those of a closed one.
Both before any reader, so the layout recognisers and the general reader read the same paragraphs.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .clauses import subject_clauses
from .lexicon import alternation, lexicon
from .prose import prose_notes
from .source import Block, Source
from .unitnotes import parse_units

_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]{1,3}\s*[、．.]|[(（](?:[一二三四五六七八九十]{1,3}|\d{1,3})[)）]"
                       r"|\d{1,3}\s*[.．、](?!\d))")
_ROLE_WORDS = sorted(lexicon().verbs)
_ROLE = alternation(sorted({*lexicon().verbs, *lexicon().joiners, *lexicon().labels}, key=len, reverse=True))
_CLOSING_NOTE = re.compile(rf"[(（][^()（）]*(?:{_ROLE})[^()（）]*[)）][。；;\s]*$")
_ANY_NOTE = re.compile(rf"[(（][^()（）]*(?:{_ROLE})[^()（）]*[)）]")
_OPEN_NOTE = re.compile(rf"[(（](?P<note>[^()（）]*(?:{_ROLE})[^()（）]*)$")
_CUT_WORD = 6  # at most this many characters of a word the page cut short
CUT_AT = "（原文在此截断，括注按读出的单位补全）"  # said where a closed note stands: a repair, reviewed, never confident


def continued(source: Source) -> Source:
    """The source with each numbered item's continuing paragraph joined to it, and a last note cut off closed."""
    blocks = _closed_at_cut(source.blocks)
    out: list[Block] = []
    for k, block in enumerate(blocks):
        after = next((b for b in blocks[k + 1:] if b.text.strip()), None)
        if out and _continues(out[-1], block, after):
            out[-1] = replace(out[-1], text=out[-1].text.rstrip() + block.text.strip(),
                              where=out[-1].where + (CUT_AT if block.where.endswith(CUT_AT) else ""))
            continue
        out.append(block)
    return replace(source, blocks=out) if out != source.blocks else source


def _continues(item: Block, block: Block, after: Block | None) -> bool:
    """block is the one paragraph under a numbered item without a note, and closes with a note."""
    return (not item.is_row and not block.is_row and bool(_NUMBERED.match(item.text))
            and item.text.rstrip().endswith("。") and not _ANY_NOTE.search(item.text) and not _names_work(item.text)
            and not _NUMBERED.match(block.text) and not lexicon().label.match(block.text.strip())
            and bool(note := _CLOSING_NOTE.search(block.text)) and len(_ANY_NOTE.findall(block.text)) == 1
            and _names_units(note.group().strip("。；; \n").rstrip(")）").lstrip("(（"))
            and (after is None or after.is_row or bool(_NUMBERED.match(after.text))))


def _names_work(text: str) -> bool:
    """「（一）区住建局负责消防设计审查。」, 「（二）…，由X负责。」: the item gives units work of its own."""
    text = _NUMBERED.sub("", text.strip())
    return bool(subject_clauses(text, numbered=True) or prose_notes(text, ()))


def _names_units(note: str) -> bool:
    units = parse_units(note)
    return bool(units.lead) and not units.doubts


def _closed_at_cut(blocks: list[Block]) -> list[Block]:
    """The last paragraph's open note closed where the page stops: a role word cut short (按职责分) read as the words
    it begins (按职责分工负责, 按职责分工配合) when each reads the note alike; else a word cut short after its last
    unit left out."""
    last = next((k for k in range(len(blocks) - 1, -1, -1) if blocks[k].text.strip()), None)
    if last is None or blocks[last].is_row or not (m := _OPEN_NOTE.search(blocks[last].text.rstrip())):
        return blocks
    text, note = blocks[last].text.rstrip(), m["note"]
    for cut in range(min(_CUT_WORD, len(note) - 2) + 1):
        kept, tail = note[:len(note) - cut], note[len(note) - cut:]
        words = [w for w in _ROLE_WORDS if len(tail) >= 2 and w.startswith(tail)] or [""]
        read = [parse_units(kept + w) for w in words]
        if all(u.lead and not u.doubts for u in read) \
                and len({(tuple(u.lead), tuple(u.participants)) for u in read}) == 1:
            return [*blocks[:last], replace(blocks[last], text=text[:len(text) - cut] + min(words, key=len) + "）",
                                            where=blocks[last].where + CUT_AT)]
    return blocks
