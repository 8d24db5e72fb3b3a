"""Duties listed after a colon, one unit a 「；」 part: 「会议进一步压实各部门职责:住建局统筹协调全局,督促…;应急局严管
工业燃料违规民用行为;市场监管局从生产销售端严控燃气产品质量」.

The lead-in names duties (职责, 分工, 责任, 任务) or settles them (「明确:」) and closes with a colon; each part after it
opens with a unit's name (or a list of them) and goes on with its work, whatever the verb (a list of duties needs none
of the lexicon's); within a part, a clause after a comma that opens with units of its own is their duty
(「…;各乡镇、新城区负责在本辖区内植树,甲镇、乙镇需完成5000株,其他乡镇完成3000株;…」). Two such duties at least, and
every part opening so: a colon before one sentence naming a unit is no list. The list ends with its sentence; a time
the lead-in states (「活动自3月12日起至30日止,明确:」) is every listed duty's.
"""
from __future__ import annotations

import re

from . import timing
from .lexicon import lexicon
from .unitnames import COLLECTIVE, looks_like_unit
from .unitnotes import UnitList, one_unit, parse_units

_LEAD_IN = re.compile(r"(?:职责|分工|责任|任务|明确)(?:如下|明确如下)?[:：]")
_LONGEST = 20  # a unit's name at most
_LIST_LONGEST = 40  # a list of units at most
# places, their governments and collectives: listed together, each does its own share in its own area
_PLACE = re.compile(r"(?:[区县市镇乡]|街道)(?:人民政府|政府|办事处)?$")


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


def _opening_units(part: str, known: tuple[str, ...]) -> UnitList | None:
    """The unit or the list of units (「甲镇政府、乙镇政府」) a part opens with, as the lead of its duty: places and
    collectives listed together each their own share (separate), else the first listed leads."""
    for m in reversed(list(re.finditer(r"、", part[:_LIST_LONGEST]))):
        if (last := _opening_unit(part[m.end():], known)) is None:
            continue
        written = part[:m.end()] + last
        units = parse_units(written, known)
        names = units.lead + units.participants
        if len(names) > 1 and not (units.flags or units.leaders) \
                and all(n in known or looks_like_unit(n) for n in names):
            each = all(COLLECTIVE.match(n) or _PLACE.search(n) for n in names)
            return UnitList(written, lead=names if each else names[:1], participants=[] if each else names[1:],
                            mode="separate" if each else "first", how="subject")
    one = _opening_unit(part, known)
    return UnitList(one, lead=[one], how="subject") if one else None


def duty_list(text: str, known: tuple[str, ...] = ()) -> list[tuple[str, UnitList, str]] | None:
    """Each listed unit's duty (its clause's text, the units leading it, the lead-in's time), or None when the text
    holds no such list."""
    m = _LEAD_IN.search(text)
    if not m:
        return None
    when = next((f.phrase for f in timing.find(text[:m.start()], 2000) if f.date), "")
    listed = text[m.end():].split("。")[0]
    found: list[tuple[str, UnitList | None]] = []
    for part in (p.strip() for p in re.split(r"[；;]", listed.rstrip("；; "))):
        clauses = [c for c in re.split(r"(?<=[，,])", part) if c]
        found.append((clauses[0], _opening_units(clauses[0], known)) if clauses else ("", None))
        for clause in clauses[1:]:
            if units := _opening_units(clause, known):
                found.append((clause, units))
            else:
                found[-1] = (found[-1][0] + clause, found[-1][1])
    if len(found) < 2 or not all(units for _, units in found):
        return None
    return [(duty.strip("，, "), units, when) for duty, units in found]
