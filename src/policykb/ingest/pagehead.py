"""A page cut from inside a document: no title, the paragraphs of a section first, then its next numbered part.

「职能部门对其派出机构主要负责人的考核，应…。」 then 「三、建立街道办事处综合协调机制」 …: where such a page divides its
work in sentences, a paragraph before the first numbered line in which a sentence gives a named unit work of its own
is more of that division, not a covering notice's requirement (truth rule 1): each of its sentences with a subject is
a task. A page with a title before them (a notice's preamble) or with no numbered line at all (a news report of
paragraphs) has no such head.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from .clauses import SETS_UP_COUNTERPART
from .itemmarks import ITEM, PART, SECTION
from .requirements import requirement_tasks
from .shapes import Candidate
from .source import Block

NOTE = "[页首段落] {where}：页面从一节中间开始，这段在第一个编号之前，按该节的分工读作任务，请核对"


def _numbered(text: str) -> bool:
    return bool(PART.match(text) or SECTION.match(text) or ITEM.match(text))


def _own_clause(demand: Candidate) -> str:
    """The clause of a demand that names its holder (「…的情况，由街道办事处组织…进行监督和评议，并通报评议结果」: what the
    street office does is organise the review; what it reports after is no supervision of the division)."""
    at = max(demand.text.find(demand.units.lead[0]), 0) if demand.units.lead else 0
    return re.split(r"[，,；;。]", demand.text[at:])[0]


def opens_inside(blocks: list[Block], title_at: str | None) -> bool:
    """No title but the page's first paragraph of sentences, taken for one for want of any other (it ends with its
    full stop), and a numbered line further on."""
    head = next((b for b in blocks if not b.is_row), None)
    return head is not None and title_at in (None, "", head.where) and head.text.rstrip().endswith("。") \
        and any(_numbered(b.text) for b in blocks)


def page_head_work(candidates: list[Candidate], blocks: list[Block], known: tuple[str, ...],
                   divides: Callable[[list[Candidate]], bool]) -> list[Candidate]:
    """The candidates, with the tasks of the page's head paragraphs (those where `divides` finds named work) each in
    its place."""
    first = next(i for i, b in enumerate(blocks) if b.is_row or _numbered(b.text))
    taken = {c.where for c in candidates}
    order = {b.where: i for i, b in reversed(list(enumerate(blocks)))}
    out = list(candidates)
    for block in blocks[:first]:
        if block.where in taken:
            continue
        demands = requirement_tasks([block], known)
        # (whether the paragraph divides work is read in who leads: partners it names, 「组织X、Y进行评议」, do not
        # make a demand a division by themselves)
        # (a unit setting up its counterpart of the issuer's body, 「区县人民政府设立相应的X指挥部」, takes its own share)
        if not divides([replace(d, text=_own_clause(d), units=replace(d.units, participants=[])) for d in demands]) \
                and not any(SETS_UP_COUNTERPART.match(d.text) for d in demands):
            continue
        for d in demands:
            d.notes = [NOTE.format(where=d.where)]
            at = order[d.where]
            out.insert(next((i for i, o in enumerate(out) if order.get(o.where, len(order)) > at), len(out)), d)
    return out
