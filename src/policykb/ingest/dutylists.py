"""Duties listed after a colon, one unit a 「；」 part: 「会议进一步压实各部门职责:住建局统筹协调全局,督促…;应急局严管
工业燃料违规民用行为;市场监管局从生产销售端严控燃气产品质量」.

The lead-in names duties (职责, 分工, 责任, 任务) and closes with a colon; each part after it opens with a unit's name
and goes on with its work, whatever the verb (a list of duties needs none of the lexicon's). Two such parts at least,
and every part opening so: a colon before one sentence naming a unit is no list.
"""
from __future__ import annotations

import re

from .lexicon import lexicon
from .unitnames import UnitList, one_unit

_LEAD_IN = re.compile(r"(?:职责|分工|责任|任务)(?:如下|明确如下)?[:：]")
_LONGEST = 20  # a unit's name at most


def _opening_unit(part: str, known: tuple[str, ...]) -> str | None:
    """The unit a part opens with: its longest opening that reads as one unit, work written after it; one closing on
    a body's end first (住建局, not 住建局统筹协 of 协会's 协)."""
    ends = sorted(range(2, min(len(part) - 2, _LONGEST) + 1), key=lambda e: (part[e - 1] in lexicon().body_ends, e))
    for end in reversed(ends):
        name, rest = part[:end], part[end:]
        if re.match(r"[、，,和及与(（]", rest):
            continue  # the name goes on (a list, a bracket): not where it ends
        if one_unit(name, known):
            return name
    return None


def duty_list(text: str, known: tuple[str, ...] = ()) -> list[tuple[str, UnitList]] | None:
    """Each listed unit's duty (its part's text, the unit leading it), or None when the text holds no such list."""
    m = _LEAD_IN.search(text)
    if not m:
        return None
    parts = [p.strip() for p in re.split(r"[；;]", text[m.end():].rstrip("。；; "))]
    found = [(p, _opening_unit(p, known)) for p in parts if p]
    if len(found) < 2 or not all(unit for _, unit in found):
        return None
    return [(part, UnitList(unit, lead=[unit], how="subject")) for part, unit in found]
