"""A category heading's lead note: 「一、整治提升村容村貌（县委农办、县农业农村局、县市容环境卫生服务中心牵头）」 over
items that each name their 责任单位. The heading is no task of its own: its leads lead every item under it, and the
units an item names under a label that does not say who leads (责任单位) take part. Both readers of notes (`shapes`'
inline notes and `generic`'s grammar) read it so.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .lexicon import lexicon
from .unitnotes import UnitList

HEADING_LEADS = "leads from the heading, the item's units taking part"


def label_role(units: UnitList) -> str | None:
    """The role of the label units were read under (责任单位 → responsible), None when no label names them."""
    if units.how != "label":
        return None
    return lexicon().label_role(re.split(r"\s*[：:]", units.as_written, maxsplit=1)[0])


def lead_note(units: UnitList) -> bool:
    """A note that makes its units lead and names no one else (「X、Y牵头」, 「牵头单位：X」)."""
    return units.how in ("verb", "label") and bool(units.lead) and not units.participants \
        and "牵头" in units.as_written and label_role(units) not in ("responsible", "participant")


def responsible_label(units: UnitList) -> bool:
    """Units named under a label that makes them answer for the work without saying who leads (责任单位：…)."""
    return label_role(units) == "responsible"


def under_leads(leads: UnitList, units: UnitList) -> UnitList:
    """An item's 责任单位 under a heading whose units lead: the heading's leads lead, the item's others take part."""
    if not responsible_label(units):
        return units
    others = [n for n in units.lead + units.participants if n not in leads.lead]
    return replace(units, lead=list(leads.lead), participants=others, mode=leads.mode,
                   flags=[*units.flags, HEADING_LEADS])
