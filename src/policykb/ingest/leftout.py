"""Numbered items beside the tasks read that no task was read from: 「（一）宣传部门…应当做好…」 between two items whose
units were read is most likely a task too, its units written in a way not understood. The review lists it, so that a
person reads it for units; an item with items under it is their heading, and an item stating no work is left out."""
from __future__ import annotations

import re

from ..ownnumbers import MARK
from .nowork import states_no_work
from .outline import Numbered, style_of
from .source import Block

_MARK = re.compile(rf"^\s*({MARK})")
_SHORTEST = 8  # 「（五）其他。」 is no task


def _list_of(path: str, text: str) -> tuple[str, str]:
    """The list an item stands in: the numbers of the headings above it, and how its own number is written."""
    own = _MARK.match(text)[1]
    return path[:len(path) - len(own)], style_of(own)


def left_beside(blocks: list[Block], paths: dict[str, Numbered], read: set[str]) -> list[Block]:
    """The numbered paragraphs (`paths`, outline.numbered_paths) of a list some of whose items were read as tasks, that
    were not (by where they stand)."""
    text: dict[str, Block] = {}
    for b in blocks:  # (a paragraph split in two keeps its place for both halves: the numbered one is the item)
        if b.where in paths and not b.is_row and _MARK.match(b.text):
            text.setdefault(b.where, b)
    items = {w: n for w, n in paths.items() if w in text}
    lists = {where: _list_of(n.path, text[where].text) for where, n in items.items()}
    with_tasks = {lists[w] for w in read if w in lists}
    over_items = {above for above, _ in lists.values()}  # the numbers of every heading some item stands under
    return [text[w] for w, n in items.items() if w not in read and lists[w] in with_tasks and n.path not in over_items
            and len(n.text) >= _SHORTEST and not states_no_work(text[w].text)]
