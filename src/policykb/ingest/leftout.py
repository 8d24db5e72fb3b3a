"""What the readers left that is most likely a task, for the review to list so that a person reads it for units:
- numbered items beside the tasks read that no task was read from: 「（一）宣传部门…应当做好…」 between two items whose
  units were read, its units written in a way not understood (an item with items under it is their heading, and an
  item stating no work is left out);
- anywhere else, a sentence whose subject is units and whose verb gives them work, that no task read holds
  (「对疑似失学学生，市教育局、市公安局要建立…」 beside a sentence of the same paragraph that was read)."""
from __future__ import annotations

import re

from ..ownnumbers import MARK
from .clauses import subject_clauses
from .items import heading_lead
from .nowork import states_no_work
from .outline import Numbered, style_of
from .source import Block
from .unitnames import looks_like_unit

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
            and len(n.text) >= _SHORTEST and not states_no_work(text[w].text) and not _decided_or_heading(n.text)]


# 「一、同意撤销X园区…」, 「一、审议《…》」: a reply's approval or a meeting's agenda, decided, no work handed out
_DECIDED = re.compile(r"^(?:原[则則])?(?:同意|审议|審議)")


def _decided_or_heading(text: str) -> bool:
    """An item (the text after its number) that is a decision taken, or that introduces what follows it
    (「3、…的具体任务是：」): no task."""
    return bool(_DECIDED.match(text.strip())) or text.rstrip().endswith(("：", ":"))


_CLAUSE = re.compile(r"[^。；;！？]+")


def bare_words(text: str) -> str:
    """A text's words alone (no spaces or punctuation): how a task's text is compared with the sentences around it."""
    return re.sub(r"[\s\W_]", "", text)


_MODAL_FIRST = re.compile(r"(?:要|应当|应该|必须|务必|须)")


def unread_assignments(blocks: list[Block], held: list[str], known: tuple[str, ...], skip: set[str]) -> list[Block]:
    """The first sentence of each paragraph that gives units work and whose words the texts and notes of the tasks
    read (`held`) do not hold; paragraphs already listed, or read as requirements (`skip`), are left to those lines.
    Parts 1-33: 14 more of the 149 tasks not read pointed at, for 37 more lines."""
    held_grams = {gram for text in held for gram in _grams(bare_words(text))}
    texts = [_grams(bare) for text in held if len(bare := bare_words(text)) >= _SHORTEST]
    out: list[Block] = []
    for b in blocks:
        if b.is_row or b.where in skip or heading_lead(b.text):
            continue  # (「（一）省监察厅牵头的工作」 names the lead of the work under it, which the tasks read hold)
        for m in _CLAUSE.finditer(b.text):
            clause = m[0].strip()
            grams = _grams(bare_words(clause))
            if len(clause) < _SHORTEST or len(grams & held_grams) * 2 >= len(grams) \
                    or any(len(text & grams) * 5 >= len(text) * 4 for text in texts):
                continue  # (a task's text is its clause reworded, or a part of it: its units and notes left out)
            if states_no_work(clause) or not _gives_work(clause, known):
                continue
            out.append(Block(clause, b.where))
            break  # one line a paragraph: the person reads the paragraph
    return out


def _grams(text: str) -> set[str]:
    """Its runs of four characters: a clause held by a task shares most of them with the task's text."""
    return {text[i:i + 4] for i in range(len(text) - 3)}


# 「市政府及各区、镇按照党政同责要求，积极组织落实…」: what the units go by, between them and their work
_GOING_BY = re.compile(r"(?<=[^\s，,。；;])(?:按照|根据|依照|依据)[^，,。；;]{2,30}?[，,]")


def _gives_work(sentence: str, known: tuple[str, ...]) -> bool:
    """A clause of the sentence, from its start or after a lead-in (「对疑似失学学生，」), whose subject names units
    that all read as units, with a modal or a verb of duty after them (or after what they go by: 「按照…要求，」)."""
    return any(_gives_work_as_written(s, known) for s in dict.fromkeys([sentence, _GOING_BY.sub("", sentence)]))


def _gives_work_as_written(sentence: str, known: tuple[str, ...]) -> bool:
    for start in [0] + [m.end() for m in re.finditer(r"[，,]", sentence)]:
        for _, units in subject_clauses(sentence[start:], known, numbered=True, anyone=True):
            # (「…的认定，要严格把关」: a demand with no subject; its words are no unit though they end like one)
            if all(looks_like_unit(n) and not _MODAL_FIRST.match(n) for n in units.lead + units.participants):
                return True
    return False
