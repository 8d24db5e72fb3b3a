"""Who bears a cost: 「…所需经费由省、市、县三级财政按照4:3:3的比例分担，…等项经费，由省财政解决」.

A cost (经费, 资金, 补助 …) as the topic, then 由 and the bodies that bear it and the verb of bearing it (分担, 负担,
解决, 承担 …), a share (按照…比例) between them: each such clause is those bodies' task, however many stand in one
sentence (the clauses of a subject, `clauses`, read the other work of the sentence). Every name must read as a unit.
"""
from __future__ import annotations

import re

from .unitnames import looks_like_unit
from .unitnotes import UnitList, parse_units

# the topic (a cost), 由, the bodies, a share between them, the verb of bearing it
_COST = re.compile(r"(?:^|(?<=[，,；;。：:]))\s*(?P<clause>[^，,；;。：:]*?(?:经费|资金|费用|补助|补贴|奖补)[，,]?\s*由"
                   r"(?P<units>[^，,；;。：:由]{2,30}?)(?:按照?[^，,；;。]{1,20}?比例)?"
                   r"(?:分担|负担|解决|承担|列支|筹措|统筹安排)[^，,；;。]*)")


def cost_clauses(text: str, known: tuple[str, ...] = ()) -> list[tuple[int, str, UnitList]]:
    """(where it starts, the clause, its bodies) for each clause of text that says who bears a cost."""
    out = []
    for m in _COST.finditer(text):
        units = parse_units(m["units"], known)
        names = units.lead + units.participants
        if names and not units.doubts and all(n in known or looks_like_unit(n) for n in names):
            units.how = "verb"  # read as a subject's clause is (a cost borne opens no division a notice covers)
            out.append((m.start("clause"), m["clause"], units))
    return out


def with_costs(found: list[tuple[str, UnitList]], text: str, known: tuple[str, ...]) -> list[tuple[str, UnitList]]:
    """The clauses read in text with those that say who bears a cost, in the order they stand (none twice: a cost
    clause inside one read already is that one's)."""
    spans = [(at, at + len(clause)) for clause, _ in found if (at := text.find(clause)) >= 0]
    costs = [(at, clause, units) for at, clause, units in cost_clauses(text, known)
             if not any(a < at + len(clause) and at < b for a, b in spans)]
    if not costs:
        return found
    placed = [(text.find(clause), clause, units) for clause, units in found] + costs
    return [(clause, units) for _, clause, units in sorted(placed, key=lambda p: p[0])]
