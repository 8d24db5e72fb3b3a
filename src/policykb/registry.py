"""The unit registry (units.yaml): its entries checked, and the names tasks write resolved as a document of a
place writes them (issue 22: 财政局 in a 株洲市 document is 株洲市财政局, in a 岳阳市 one 岳阳市财政局)."""
from __future__ import annotations

import difflib
import re
from collections.abc import Mapping

from . import paths, textrules
from .issues import Report
from .load import YamlFile
from .model import AmbiguousUnit, Unit, UnitsFile

_UNSAFE_NAME = re.compile(r'[/\\:*?"<>|]|\.\.|^\.')


class UnitIndex:
    """The one answer to "which unit does a document of place P mean by name N": P's unit with the local name N
    if there is one, else the unit whose name or alias is N. Used by check (with did-you-mean), by the loaded
    knowledge base (`KnowledgeBase.unit_index`: letters, pages, tracking, the command line) and by the import."""

    def __init__(self, units: Mapping[str, Unit] | None):
        self.unknown = units is None
        self.units = units if units is not None else {}
        self.canonical: dict[str, str] = {}  # name or alias -> canonical name
        self.local: dict[tuple[str, str], str] = {}  # (place, local name) -> canonical name
        for unit in self.units.values():
            self._add(unit.name, unit.aliases, unit.place, unit.local_names)

    @classmethod
    def of_entries(cls, entries: object) -> UnitIndex:
        """units.yaml's entries as read, unchecked (an import reads a registry that may not pass check yet):
        entries without a name are left out, other values taken as text."""
        index = cls({})
        for entry in entries if isinstance(entries, list) else []:
            if isinstance(entry, dict) and isinstance(entry.get("name"), str):
                place = entry.get("place")
                index._add(entry["name"], [str(n) for n in entry.get("aliases") or []],
                           place if isinstance(place, str) else None,
                           [str(n) for n in entry.get("local_names") or []])
        return index

    def _add(self, name: str, aliases: list[str], place: str | None, local_names: list[str]) -> None:
        for written in [name, *aliases]:
            self.canonical[written] = name
        for written in local_names if place else []:
            self.local.setdefault((place, written), name)  # a clash within a place is check's to report

    def resolve(self, name: str, place: str | None = None) -> str | None:
        """The canonical name a document of `place` means: its own place's local name first, then the global
        names, so the 财政局 of a 株洲市 document and of a 岳阳市 one are two units."""
        if self.unknown:  # the registry itself could not be read: names are taken as written
            return name
        return self.local.get((place, name)) if place and (place, name) in self.local else self.canonical.get(name)

    def meant(self, name: str, place: str | None = None) -> str | None:
        """The canonical name a person means: as a document of `place` would (`resolve`); else the one unit
        anywhere with `name` as a local name. A local name of several places is never settled by picking one:
        AmbiguousUnit names them all."""
        found = self.resolve(name, place)
        if found is not None:
            return found
        bearers = [canonical for (_, local), canonical in self.local.items() if local == name]
        if len(bearers) > 1:
            raise AmbiguousUnit(name, bearers)
        return bearers[0] if bearers else None

    def names_in(self, place: str | None) -> dict[str, str]:
        """Name, alias or local name -> canonical name, as a document of `place` writes them."""
        names = dict(self.canonical)
        names.update({local: canonical for (at, local), canonical in self.local.items() if place and at == place})
        return names

    def elsewhere(self, name: str) -> list[str]:
        """The units of other places that a document of theirs may call `name` (for an unknown unit's hint)."""
        return sorted(f"{canonical}（{place}）" for (place, local), canonical in self.local.items() if local == name)

    def suggest(self, name: str, level: str | None = None) -> str | None:
        """A registered name close to name, never one at another level of government (issue 17):
        财政部 must not become 省财政厅, nor 各省级人民政府 湖南省人民政府."""
        if elsewhere := self.elsewhere(name):
            return (f"'{name}' 只在本地方的文件中指 {'、'.join(elsewhere)}：写单位的全称，"
                    f"或检查 document.yaml 的 jurisdiction")
        from .ingest.levels import level_of_name  # late: ingest is only needed for hints
        from .ingest.unitnames import COLLECTIVE
        level = level_of_name(name, level)
        collective = bool(COLLECTIVE.match(name))
        choices = [n for n, canonical in self.canonical.items()
                   if (level is None or self.units[canonical].level_or_kind == level)
                   and bool(COLLECTIVE.match(canonical) or self.units[canonical].collective) == collective]
        close = difflib.get_close_matches(name, choices, n=1, cutoff=0.5)
        return f"是不是 '{self.canonical[close[0]]}'？" if close else \
            f"把 '{name}' 加到 {paths.UNITS_FILE}，或改用已登记的单位名称"


def check_units_file(file: YamlFile, parsed: UnitsFile, report: Report) -> dict[str, Unit]:
    units: dict[str, Unit] = {}
    seen: dict[str, int] = {}
    folded: dict[str, tuple[int, str]] = {}  # 省ICT办 and 省ict办: one file name on Windows and macOS
    local: dict[tuple[str, str], int] = {}  # (place, local name key) -> the unit bearing it
    for index, unit in enumerate(parsed.units):
        places = [("name",)] + [("aliases", i) for i in range(len(unit.aliases))]
        for name, place in zip([unit.name, *unit.aliases], places):
            line, col = file.where("units", index, *place)
            key = textrules.name_key(name)  # 省财政厅 and 省财政厅。 or 省财政厅　 are one unit
            if key in seen:
                report.add(file.path, line, col, "duplicate-unit",
                           f"'{name}' 已被第 {seen[key] + 1} 个单位（{parsed.units[seen[key]].name}）使用",
                           hint="每个名称和别名只能属于一个单位；只差空格、句号或全角字母的名称"
                                "算作同一个名称")
            elif key.casefold() in folded and folded[key.casefold()][0] != index:
                first = folded[key.casefold()]
                report.add(file.path, line, col, "look-alike-name",
                           f"'{name}' 和 '{first[1]}'（第 {first[0] + 1} 个单位）只差大小写：在 Windows 和 macOS 上"
                           f"它们的责任书和页面是同一个文件", hint="照原文写名称；"
                           "如果是同一个单位，只保留一种写法，作为另一个的别名")
            seen.setdefault(key, index)
            folded.setdefault(key.casefold(), (index, name))
            check_name(name, file, ("units", index, *place), report)
            if _UNSAFE_NAME.search(name) or name.strip(". ") == "":
                report.add(file.path, line, col, "unsafe-path",
                           f"单位名称 '{name}' 含有不能用在文件名中的字符",
                           hint="照原文写名称，不要含 / \\ : * ? \" < > | 或 ..")
        _check_local_names(parsed.units, index, file, local, report)
        if textrules.role_only(unit.name) and not unit.members:
            report.add(file.path, *file.where("units", index, "name"), "role-as-unit",
                       f"'{unit.name}' 是分工中的角色，不是具体单位：它的责任书没有人收", hint="对照分工表（文件本身没有的，"
                       "在其附件或上级文件中）把任务中的这个名称改写为具体单位；确是一组单位的，在 members 中列出")
        if unit.proposed:  # issue 17: added by an import, awaiting review
            line, col = file.where("units", index, "name")
            report.add(file.path, line, col, "proposed-unit", f"单位 '{unit.name}'（{unit.level or '?'}）是导入时"
                       "建议新增的，有待审核", severity="warning",
                       hint="对照原文核对名称、层级和类型，然后写 proposed: false")
        units.setdefault(unit.name, unit)
    return units  # the registry's own order: the order letters are numbered in


def _check_local_names(listed: list[Unit], index: int, file: YamlFile, local: dict[tuple[str, str], int],
                       report: Report) -> None:
    """A local name means one unit within its place (two places may share it), so it needs the unit's place."""
    unit = listed[index]
    if unit.local_names and not unit.place:
        report.add(file.path, *file.key_where("units", index, "local_names"), "missing-field",
                   f"'{unit.name}' 有本地名称（local_names），但没有写 place", hint="在这个单位下加上 'place:'"
                   "（本地名称在哪个地方的文件中指它，写法同 document.yaml 的 jurisdiction，如 株洲市）")
        return
    for i, name in enumerate(unit.local_names):
        check_name(name, file, ("units", index, "local_names", i), report)
        key = (unit.place, textrules.name_key(name))
        first = local.setdefault(key, index)
        if first != index:
            report.add(file.path, *file.where("units", index, "local_names", i), "local-name-clash",
                       f"'{name}' 已是{unit.place}另一个单位（第 {first + 1} 个，{listed[first].name}）的本地名称",
                       hint=f"{unit.place}的文件写 '{name}' 时只能指一个单位：删除或改正其中一处")


def check_name(name: str, file: YamlFile, path: tuple, report: Report, limit: int = textrules.MAX_NAME) -> None:
    problem = textrules.name_problem(name, limit)
    if problem:
        report.add(file.path, *file.where(*path), problem[0], problem[1], hint=problem[2])
