"""Who gets a letter of a document, and which kind: registry units, collectives split into members.

A collective unit with `members` in the registry (各市州、县市区党委和政府: the 14 市州) is not one
letter but one per member, signed by that member's 党委 and 政府; a member of several collectives
gets one letter with all their tasks — those of a task whose text names some members only if it
names this one (`Task.members`). Units whose kind the document's letter settings list under
`notice` get a notice (告知函) without a 乙方 signature instead of a 责任书. The document's issuer (甲方) gets none
for the tasks it leads itself (a bureau's 通告 whose items are its own work): it would sign it with itself.
"""
from __future__ import annotations

from dataclasses import dataclass

from ...graph import PolicyGraph
from ...model import Document, Unit


@dataclass(frozen=True)
class Recipient:
    name: str                      # short name: tables, file names, the manifest
    full_name: str                 # 乙方 / 主送
    kind: str
    units: tuple[str, ...]         # registry units whose tasks the letter carries
    collectives: tuple[str, ...]   # the collectives a member letter comes from (empty otherwise)
    signatories: tuple[str, ...]   # who signs for 乙方
    signed: bool                   # 责任书 (True) or notice (False)


PLACE_ENDS = ("自治州", "自治县", "市", "州", "县", "区", "旗")  # what a member's name ends with, longest first


def _place_end(member: str) -> str:
    return next((e for e in PLACE_ENDS if member.endswith(e) and len(member) > len(e)), "市")


def member_full_name(member: str, units: dict[str, Unit] | None = None) -> str:
    """中共长沙市委、长沙市人民政府: a member's 党委 and 政府 sign together. The registry's own names
    first (units whose `place` is the member); else formed from the place's name: 中共 + name + 委,
    the ending said again after a one-character name, as those places write it (中共攸县县委, 中共津市市委)."""
    here = [u.name for u in (units or {}).values() if u.place == member and u.kind == "市县党委政府"]
    party = next((n for n in here if n.startswith("中共")), None)
    government = next((n for n in here if n.endswith("人民政府")), None)
    end = _place_end(member)
    formed = f"中共{member}{end}委" if len(member) - len(end) == 1 else f"中共{member}委"
    return f"{party or formed}、{government or member + '人民政府'}"


def member_signatories(member: str) -> tuple[str, ...]:
    """市委书记 and 市长; 州委书记 and 州长 for a 自治州, 县委书记 and 县长 for a 县, and so on."""
    level = _place_end(member)[-1]
    return (f"{level}委书记", f"{level}长")


def full_name(unit: Unit) -> str:
    return unit.full_name or unit.name


def notice_kinds(doc: Document) -> set[str]:
    settings = doc.meta.letters
    return set(settings.notice.recipients) if settings and settings.notice else set()


def issuing_units(pg: PolicyGraph, doc: Document) -> set[str]:
    """The registry units that issue the document (甲方), as its jurisdiction writes their names."""
    index = pg.kb.unit_index
    return {index.resolve(name, doc.meta.jurisdiction) or name for name in doc.meta.issuers}


def recipients(pg: PolicyGraph, doc: Document) -> list[Recipient]:
    """Every letter of a document, in registry order; members at their first collective's place."""
    notices = notice_kinds(doc)
    issuing = issuing_units(pg, doc)
    found: dict[str, Recipient] = {}
    for name in pg.units_with_tasks(doc.id):
        if name in issuing:
            continue  # no 责任书 of 甲方 to itself
        unit = pg.kb.units[name]
        if not unit.members:
            found[name] = Recipient(name, full_name(unit), unit.kind, (name,), (), ("主要负责人",),
                                    unit.kind not in notices)
            continue
        for member in unit.members:
            if not any(pg.tasks_of_member(member, name, doc.id).values()):
                continue  # the collective's tasks here name other members
            before = found.get(member)
            units = (before.units if before else ()) + (name,)
            found[member] = Recipient(member, member_full_name(member, pg.kb.units), unit.kind, units, units,
                                      member_signatories(member), unit.kind not in notices)
    return list(found.values())
