"""An aside in brackets inside one unit's duty that gives part of its matter to another unit: 「负责…噪声污染（交通
运输噪声由交警部门查处）的查处」. The aside is that unit's own task; the duty around it stays its holder's.
"""
from __future__ import annotations

import re

from .prose import clean
from .unitnames import looks_like_unit
from .unitnotes import UnitList, parse_units

# the matter, 由, the units and a verb of doing it: 「（X由Y查处）」, 「（X由Y负责）」
_ASIDE = re.compile(r"[(（](?P<task>[^()（）由，,。；;]{2,20}由(?P<units>[^()（），,。；;]{2,30}?)"
                    r"(?:负责|查处|处理|办理|承担|实施|监管|管理)[^()（），,。；;]{0,20})[)）]")


def asides(text: str, known: tuple[str, ...] = ()) -> list[tuple[str, UnitList]]:
    """(aside, its units) for each bracketed aside of `text` giving part of the matter to units it names."""
    out = []
    for m in _ASIDE.finditer(text):
        units = parse_units(m["units"], known)
        if units.lead and clean(units) and not units.flags \
                and all(n in known or looks_like_unit(n) for n in units.lead + units.participants):
            out.append((m["task"], units))
    return out
