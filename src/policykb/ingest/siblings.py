"""A numbered target naming no unit, right after a sibling that names its holders, speaks of the same holders.

A target letter or a plan's part for the towns: 「（一）落实政府消防工作责任。各乡(镇)政府、街道办事处要…」 then
「（二）严格控制火灾事故。本行政区域年内不发生…」; 「1、各乡镇在制定…时，要…」 then 「2、…乡镇设林长和副林长…」.
The later item refers back to the holders' own level or area (本行政区域, 本辖区, 乡镇 …) instead of naming them:
it is theirs, as the item before it is. Only collectives of places and the bodies beside them carry on so (a named
unit's item is its own), only from one item to the next of the same numbering, and only where no reader read any
unit in the later item.
"""
from __future__ import annotations

import copy
import re

from .generic import task_text
from .items import items_of
from .shapes import Candidate
from .shares import collective
from .source import Block

# the holders' own level or area, referred to instead of named
_OWN_AREA = re.compile(r"本(?:行政区域|辖区|区域|地区|级)|乡镇|镇街|街道|村居|社区")
NOTE = "[承上] {where}：这一项没有写明单位，按上一项的责任单位（{units}）读取，请核对"
CONFIDENCE = 0.5


def sibling_holders(candidates: list[Candidate], blocks: list[Block],
                    unread: list[Block]) -> tuple[list[Candidate], list[Block]]:
    """The candidates with each such item's task after its sibling's, and what stays unread."""
    out, left = list(candidates), list(unread)
    last: tuple[str, Candidate] | None = None  # the numbering style and the task of the numbered item just before
    for item in items_of(blocks):
        if not item.numbered:
            continue
        own = [c for c in out if c.where == item.where and c.text[:12] in item.text]
        if own:
            names = own[0].units.lead
            last = (item.style, own[-1]) if len(own) == 1 and any(map(collective, names)) else None
            continue
        if not (last and last[0] == item.style and _OWN_AREA.search(item.text) and len(item.text) > 30):
            last = None
            continue
        units = copy.deepcopy(last[1].units)
        units.how = "subject"
        task = Candidate(task_text(item.text), units, item.where, "general", CONFIDENCE, number=item.number,
                         notes=[NOTE.format(where=item.where, units=units.as_written)])
        out.insert(out.index(last[1]) + 1, task)
        left = [b for b in left if not (b.where == item.where and (item.text in b.text or b.text in item.text))]
        last = (item.style, task)
    return out, left
