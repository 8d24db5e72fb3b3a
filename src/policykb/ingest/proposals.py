"""The units an import names: those the knowledge base registers, and those it proposes for review.

A name as a document writes it becomes the unit it means: a registered one (as check resolves it), or a proposed one,
placed by the document's jurisdiction (「财政局」 of a 株洲市 list is 株洲市财政局, registered with 财政局 as that city's
local name, so that another city's 财政局 never merges with it). Every guess on the way is a flag for the review.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .. import paths, textrules
from ..load import document_folders
from ..registry import UnitIndex
from .jurisdiction import document_place, home_of
from .levels import level_of_name
from .lexicon import lexicon
from .placenames import local_unit_name, names_place, placed, qualified
from .quotas import LISTED_PLACE
from .tabletasks import COLUMN_VOUCHED
from .unitnames import COLLECTIVE, looks_like_unit
from .unitnotes import BARE_GOVERNMENT

# Kinds for units an import proposes (the registry's other kinds are those of a provincial policy).
_KIND_OF_LEVEL = {"中央": "中央国家机关", "省": "省直部门", "市": "市县部门", "县": "市县部门"}


_BODIES = re.compile(r"(?:党委和政府|党委、政府|党委政府|人民政府|政府|党委)$")


def _collective_core(name: str) -> str:
    """「各市州、县市区党委和政府」 and 「各市州、县市区」 name the same places: compare them without the bodies."""
    return _BODIES.sub("", name)


@dataclass
class Registry:
    """The units already in the knowledge base, and the jurisdiction its bare 省X names belong to."""
    units: UnitIndex = field(default_factory=lambda: UnitIndex({}))  # names as check resolves them
    home: str | None = None
    members: dict[str, list[str]] = field(default_factory=dict)  # a collective's core name -> its members
    root: Path | None = None  # issue 24: where cited parent documents are looked up

    @property
    def names(self) -> dict[str, str]:
        """Every registered name and alias (local names aside) -> its unit's name."""
        return self.units.canonical

    @classmethod
    def load(cls, root: Path) -> "Registry":
        units_file = root / paths.UNITS_FILE
        try:
            data = yaml.safe_load(units_file.read_text(encoding="utf-8")) if units_file.is_file() else None
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            data = None
        entries = (data or {}).get("units") if isinstance(data, dict) else None
        registry = cls(units=UnitIndex.of_entries(entries), root=root)
        for unit in entries or []:
            if isinstance(unit, dict) and isinstance(unit.get("name"), str) and unit.get("collective") \
                    and unit.get("members"):
                for name in [unit["name"], *(unit.get("aliases") or [])]:
                    registry.members.setdefault(_collective_core(str(name)), list(unit["members"]))
        registry.home = home_of(_document_places(root))
        return registry

    def knows(self, name: str, place: str | None) -> bool:
        """Whether a document of `place` writing `name` means a registered unit (as check resolves it)."""
        return self.units.resolve(name, place) is not None


def _document_places(root: Path) -> Iterator[str | None]:
    """Each document's place, as its document.yaml writes it (read unchecked: check may not pass yet)."""
    for folder in document_folders(root, paths.DOCUMENT_FILE)[0] if root.is_dir() else []:
        try:
            meta = yaml.safe_load((folder / paths.DOCUMENT_FILE).read_text(encoding="utf-8")) or {}
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
        yield document_place(meta.get("jurisdiction"), meta.get("issuers"))



def proposed_unit(name: str, level: str | None, collective: bool = False, members: list[str] = ()) -> dict:
    """A unit the import proposes: its kind by its level, awaiting review."""
    return {"name": name, "aliases": [], "kind": _KIND_OF_LEVEL.get(level or "", "省直部门"),
            **({"collective": True} if collective else {}), **({"members": list(members)} if members else {}),
            "level": level, "proposed": True}



def proposal_line(unit: dict) -> str:
    """The review's line for a proposed unit."""
    return (f"[拟新增单位] {unit['name']}（{unit['level'] or '层级未识别'}{'，集合单位' if unit.get('collective') else ''}"
            + (f"，成员取自单位名录：{'、'.join(unit['members'])}" if unit.get("members") else "")
            + (f"，{unit['place']}的文件中写作“{'、'.join(unit['local_names'])}”" if unit.get("local_names") else "") + "）")



# 「各县<市、区>人民政府」: a page's angle brackets standing for brackets; a unit's name is a file's name too (its
# letter, its page), where < and > cannot stand
_BRACKETS = str.maketrans("<>", "（）")


TWO_NAMES = "two names joined? "
ROLE_ONLY = "role only: "  # a holder named by its role alone (a notice whose division is in its annex)


def joins_two_names(name: str) -> bool:
    """「章贡区和赣县人民政府」, 「公安局和司法局」: a 和/与/及 right after what ends a unit's name (a place, a body's suffix)
    joins two names the list did not split; 「住房和城乡建设局」 and the pairs a list shares (党委和政府) do not."""
    lex = lexicon()
    for pair in lex.shared_bodies:
        name = name.replace(pair, "")
    return bool(lex.joined_after_unit.search(name))


@dataclass
class Naming:
    """Which unit each name of one document is, and the units its import proposes (name -> entry)."""
    registry: Registry
    place: str | None  # the document's jurisdiction
    level: str | None  # its level (省, 市, 县, 中央)
    place_guessed: bool = False  # the jurisdiction was read from the text, not from the issuer
    proposed: dict[str, dict] = field(default_factory=dict)

    def unit(self, name: str, flags: list[str]) -> str | None:
        """The unit `name` means, or None where it is no unit's name; each guess is added to `flags`."""
        # (one name a flag vouches whole: 「县(市、区)」 holds a 、 of its own)
        vouched = {n for f in flags for kind in (COLUMN_VOUCHED, LISTED_PLACE) if f.startswith(kind)
                   for n in [f.removeprefix(kind), *f.removeprefix(kind).split("、")]}
        canonical = qualified(name, self.place, self.level, self.registry.home).translate(_BRACKETS)
        known = self.registry.knows(canonical, self.place)
        bare = re.match(r"^(?:省|市|县|区)(?!级|直|各|有关|相关)", canonical)
        if bare and (self.place is None or self.level is None):
            flags.append(f"place unknown: {canonical}")  # 「县财政局」 of which county? never merged blindly
        elif self.place is None and not placed(canonical):
            # 「发改委」 with no place found at all: whose? (a registered unit of that name may be another place's)
            flags.append(f"place unknown: {canonical}")
        elif self.place_guessed and (bare or canonical != name):
            flags.append(f"place guessed: {canonical}")  # placed (or left bare) by a guessed jurisdiction
        role_only = not known and textrules.role_only(canonical)
        if role_only:
            flags.append(f"{ROLE_ONLY}{canonical}")  # the division names who; a letter to 「牵头单位」 reaches nobody
        elif self.place and not known and not placed(canonical) and not names_place(canonical, self.place):
            flags.append(f"place not written: {canonical}")  # 「财政局」 read as this document's place's
        # (a collective read whole as written, 「市直有关部门、单位」, is one still with its place before it)
        if not known and not looks_like_unit(canonical) and not looks_like_unit(name) and name not in vouched \
                and canonical not in BARE_GOVERNMENT:  # 「县委、政府」
            flags.append(f"not a unit: {canonical}")
            return None
        if not known and joins_two_names(canonical):
            flags.append(f"{TWO_NAMES}{canonical}")  # 「甲区和乙县人民政府」: two governments sharing one suffix?
        if not known and not role_only and self._called_locally(canonical):
            return self._propose_local(canonical)
        if not known and canonical not in self.proposed:
            level = level_of_name(canonical, self.level)
            # (「县直各执法部门」 of a 攸县 list is 攸县直各执法部门: a collective as written, though placed)
            collective = bool(COLLECTIVE.match(name) or COLLECTIVE.match(canonical) or "、" in canonical or role_only)
            members = self.registry.members.get(_collective_core(canonical), []) \
                if collective and self.place == self.registry.home else []
            self.proposed[canonical] = proposed_unit(canonical, level, collective, members)
        return canonical

    def _called_locally(self, name: str) -> bool:
        """A bare 「财政局」 of a document of another place than the knowledge base's home is that place's own:
        a unit of its own, which only documents of that place call so (never merged with another place's)."""
        return bool(self.place) and self.place != self.registry.home \
            and self.level in ("省", "市", "县") and not placed(name) and not names_place(name, self.place)

    def _propose_local(self, name: str) -> str:
        """The task keeps the name as written; the unit is registered under its full name, with `name` as a
        local name of the document's place (a later document of that place finds it, another place's does not)."""
        full = local_unit_name(name, self.place)
        if full in self.registry.names:  # registered already without this local name: the task names it in full
            return full
        unit = self.proposed.setdefault(full, {"name": full, "aliases": [], "kind": _KIND_OF_LEVEL[self.level],
                                               "level": self.level, "proposed": True})
        unit["place"] = self.place  # also when the document writes the full name elsewhere
        local = unit.setdefault("local_names", [])
        if name not in local:
            local.append(name)
        return name
