"""Rules a document states once for all its tasks, in its notice rather than beside each task.

「除特别注明的外，各县（市、区）政府和X管委会都是配合单位」: those units take part in every task the document
assigns (lexicon.yaml scope: all_tasks). Added to each task, flagged for review: the rule is read, not written
beside the task.
"""
from __future__ import annotations

from .lexicon import lexicon
from .shapes import Candidate
from .source import Block
from .unitnames import looks_like_unit
from .unitnotes import parse_units

RULE_FLAG = "participants from the document's rule for all tasks"


def rule_participants(blocks: list[Block], known: tuple[str, ...] = ()) -> list[str]:
    """The units a paragraph's rule makes take part in every task; none when no paragraph states one."""
    pattern = lexicon().scope["all_tasks"]
    for block in blocks:
        if block.is_row or not (m := pattern.search(block.text)):
            continue
        units = parse_units(m["units"], known)
        names = units.lead + units.participants
        if names and all(map(looks_like_unit, names)) and not units.flags:
            return names
    return []


def apply_rule(candidates: list[Candidate], names: list[str]) -> None:
    """Each task's participants with the rule's units it does not name yet (flagged)."""
    for c in candidates:
        added = [n for n in names if n not in c.units.lead + c.units.participants]
        if c.units.lead and added:
            c.units.participants += added
            c.units.flags.append(RULE_FLAG)
