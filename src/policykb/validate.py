"""Gather every policy file, check it, and assemble the knowledge base — or report why not."""
from __future__ import annotations

import difflib
import os
import re
import string
import unicodedata
from pathlib import Path
from typing import Any, TypeVar, get_args

from pydantic import BaseModel, ValidationError

from . import deadlines, paths, textrules
from .ingest.unitnames import level_of_place
from .cascade.check import check as cascade_check
from .cascade.dates import inherit
from .issues import Issue, PolicyError, Report
from . import daterange
from .docids import ID_HINT, id_problem
from .load import YamlFile, display_path, document_folders, load_file, real_dir, real_path
from .model import (ArticleFile, Article, Deadline, Document, DocumentFile, Indicator, IndicatorsFile,
                    KnowledgeBase, TaskFile, Task, Unit, UnitKind, UnitsFile)

M = TypeVar("M", bound=BaseModel)

_UNSAFE_NAME = re.compile(r'[/\\:*?"<>|]|\.\.|^\.')
_DATE_ERRORS = {"date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact", "date_type"}

# pydantic error type -> what to write instead, for people who do not read pydantic
_TYPE_HINTS = {
    "int_parsing": "write a whole number such as 12",
    "int_type": "write a whole number such as 12",
    "int_from_float": "write a whole number such as 12",
    "float_parsing": "write a number such as 60 or 0.5",
    "float_type": "write a number such as 60 or 0.5",
    "bool_parsing": "write true or false",
    "bool_type": "write true or false",
    "string_type": "write text; put it in quotes if it looks like a number or a date",
    "list_type": "write a list: one '- item' per line, or [a, b] on one line",
    "dict_type": "write the fields as 'key: value' lines, indented under this key",
    "model_type": "write the fields as 'key: value' lines, indented under this key",
    "string_pattern_mismatch": "use only lowercase letters a-z, digits and '-', e.g. poverty-rate",
}


def _fields_at(model: type[BaseModel] | None, loc: tuple) -> dict:
    """The pydantic fields of the model found at loc (list indexes skipped), or {}."""
    for part in loc:
        if model is None:
            return {}
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part)
        model = _inner_model(field.annotation) if field else None
    return model.model_fields if model else {}


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _inner_model(arg)
        if found:
            return found
    return None


def _dotted(loc: tuple) -> str:
    """A field's path as people count: deadlines[1].date is the date of the first deadline."""
    text = "".join(f"[{p + 1}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".")
    return text or "(file)"


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _closest(word: Any, choices: list[str]) -> str | None:
    close = difflib.get_close_matches(str(word), choices, n=1, cutoff=0.6)
    return close[0] if close else None


def _did_you_mean(word: Any, choices: list[str]) -> str | None:
    close = _closest(word, choices)
    return f"did you mean '{close}'?" if close else None


def _half_width(value: Any) -> str | None:
    """A hint when a number or date was typed with full-width digits (１２, ２０１６－０６－３０)."""
    if not isinstance(value, str):
        return None
    half = unicodedata.normalize("NFKC", value).strip()
    if half != value.strip() and re.fullmatch(r"[-+]?[\d.\-]+", half) and re.search(r"[０-９]", value):
        return f"write half-width digits: {half}, not {value}"
    return None


def _wrong_type_hint(e: dict) -> str | None:
    value, kind = e["input"], e["type"]
    if _half_width(value):
        return _half_width(value)
    if kind == "list_type" and value is None:
        return "write [] for an empty list, or one '- item' per line below the key"
    if kind == "list_type" and isinstance(value, str) and value.lstrip().startswith("-"):
        return "put a space after each '-': one '- item' per line"
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", e.get("ctx", {}).get("expected", ""))
        return _did_you_mean(str(value), allowed) or f"write one of: {', '.join(allowed)}"
    if kind in ("greater_than_equal", "greater_than"):
        return "write a positive number such as 1"
    if kind == "too_short" and tuple(e["loc"]) == ("issuers",):
        return ("write the issuing organ(s) as the source's signature or masthead names them "
                "(the letters' 甲方); an import that could not find them leaves this empty")
    if kind == "too_short":
        return "write at least one item"
    return _TYPE_HINTS.get(kind)


def _model_issues(err: ValidationError, file: YamlFile, model: type[BaseModel]) -> list[Issue]:
    """Translate pydantic's errors into located issues, with a hint at what to write instead."""
    issues = []
    errors = err.errors()
    # A misspelt field is both unknown and missing: say it once, where the misspelling is. A field that is
    # missing is its likeliest meaning ('leader' for a missing 'lead', though 'leaders' exists too).
    missing = {tuple(e["loc"]) for e in errors if e["type"] == "missing"}

    def meant(loc: tuple) -> str | None:
        absent = [f for f in _fields_at(model, loc[:-1]) if loc[:-1] + (f,) in missing]
        return _closest(loc[-1], absent) or _closest(loc[-1], list(_fields_at(model, loc[:-1])))

    misspelt = {tuple(e["loc"][:-1]) + (meant(tuple(e["loc"])),) for e in errors if e["type"] == "extra_forbidden"}
    for e in errors:
        loc = tuple(e["loc"])
        dotted = _dotted(loc)
        kind = e["type"]
        if kind == "extra_forbidden":
            line, col = file.key_where(*loc)
            known = list(_fields_at(model, loc[:-1]))
            close = meant(loc)
            issues.append(Issue(file.path, line, col, "unknown-field", f"unknown field '{dotted}'",
                                hint=f"did you mean '{close}'?" if close else f"known fields here: {', '.join(known)}"))
        elif kind == "missing" and loc in misspelt:
            continue
        elif kind == "missing":
            line, col = file.where(*loc[:-1])
            field = _fields_at(model, loc[:-1]).get(loc[-1])
            about = f" ({field.description})" if field and field.description else ""
            where = f"'{_dotted(loc[:-1])}'" if loc[:-1] else "this file"
            issues.append(Issue(file.path, line, col, "missing-field", f"missing field '{dotted}'",
                                hint=f"add '{loc[-1]}:'{about} to {where}"))
        elif kind in _DATE_ERRORS:
            line, col = file.where(*loc)
            issues.append(Issue(file.path, line, col, "bad-date",
                                f"'{dotted}': {_short(e['input'])} is not a real date",
                                hint=_half_width(e["input"]) or "write a date that exists, as YYYY-MM-DD, "
                                                                "e.g. 2016-06-30"))
        elif kind == "string_too_long":
            line, col = file.where(*loc)
            issues.append(Issue(file.path, line, col, "text-too-long",
                                f"'{dotted}' has {len(e['input'])} characters; the limit is "
                                f"{e['ctx']['max_length']}", hint="check that no whole file was pasted in"))
        elif kind == "string_too_short":
            line, col = file.where(*loc)
            issues.append(Issue(file.path, line, col, "empty-text", f"'{dotted}' is empty",
                                hint="copy the wording of the source"))
        else:
            line, col = file.where(*loc)
            issues.append(Issue(file.path, line, col, "wrong-type",
                                f"'{dotted}': {e['msg']}, found {_short(e['input'])}",
                                hint=_wrong_type_hint(e)))
    return issues


def _parse(file: YamlFile, model: type[M], report: Report) -> M | None:
    if file.data is None:
        report.add(file.path, 1, 1, "empty-file", "the file is empty",
                   hint="fill it in, or delete it if it is not needed")
        return None
    if not isinstance(file.data, dict):
        report.add(file.path, *file.where(), "wrong-type",
                   f"expected 'key: value' lines, found a {type(file.data).__name__}",
                   hint="start every line of the top level with a field name, as in the other files")
        return None
    try:
        parsed = model.model_validate(file.data)
    except ValidationError as err:
        report.extend(_model_issues(err, file, model))
        return None
    far = far_dates(parsed, file)
    report.extend(far)
    return None if far else parsed


def far_dates(parsed: BaseModel, file: YamlFile) -> list[Issue]:
    """bad-date for each date outside daterange: 9999-12-31 is a real date, and one no calendar,
    status or letter can use."""
    return [Issue(file.path, *file.where(*path), "bad-date", f"'{_dotted(path)}': {d.isoformat()} is outside the "
                  f"dates this tool works with", hint=daterange.RANGE_HINT)
            for path, d in daterange.dates_in(parsed.model_dump()) if daterange.out_of_range(d)]


def _inside(path: Path, root: Path) -> bool:
    """Whether a file really lies below root (links followed; a link loop resolves outside)."""
    return real_path(path).startswith(real_dir(os.fspath(root)) + os.sep)


def _load(path: Path, root: Path, report: Report) -> YamlFile | None:
    if not _inside(path, root):
        report.add(display_path(path), 1, 1, "unsafe-path",
                   f"'{path.name}' points outside {display_path(root)}/",
                   hint="replace the link by the file itself")
        return None
    file, issues = load_file(path)
    report.extend(issues)
    return file


class _UnitIndex:
    """Resolves names and aliases to canonical unit names, with did-you-mean."""

    def __init__(self, units: dict[str, Unit] | None):
        self.unknown = units is None
        units = units or {}
        self.canonical: dict[str, str] = {}
        self.units = units
        for unit in units.values():
            for name in [unit.name, *unit.aliases]:
                self.canonical[name] = unit.name

    def resolve(self, name: str) -> str | None:
        if self.unknown:  # the registry itself could not be read: names are taken as written
            return name
        return self.canonical.get(name)

    def suggest(self, name: str, level: str | None = None) -> str | None:
        """A registered name close to name, never one at another level of government (issue 17):
        财政部 must not become 省财政厅, nor 各省级人民政府 湖南省人民政府."""
        from .ingest.unitnames import COLLECTIVE, level_of_name  # late: ingest is only needed for hints
        level = level_of_name(name, level)
        collective = bool(COLLECTIVE.match(name))
        choices = [n for n, canonical in self.canonical.items()
                   if (level is None or self.units[canonical].level_or_kind == level)
                   and bool(COLLECTIVE.match(canonical) or self.units[canonical].collective) == collective]
        close = difflib.get_close_matches(name, choices, n=1, cutoff=0.5)
        return f"did you mean '{self.canonical[close[0]]}'?" if close else \
            f"add '{name}' to {paths.UNITS_FILE} or use a registered name"


def _check_units_file(file: YamlFile, parsed: UnitsFile, report: Report) -> dict[str, Unit]:
    units: dict[str, Unit] = {}
    seen: dict[str, int] = {}
    folded: dict[str, tuple[int, str]] = {}  # 省ICT办 and 省ict办: one file name on Windows and macOS
    for index, unit in enumerate(parsed.units):
        places = [("name",)] + [("aliases", i) for i in range(len(unit.aliases))]
        for name, place in zip([unit.name, *unit.aliases], places):
            line, col = file.where("units", index, *place)
            key = textrules.name_key(name)  # 省财政厅 and 省财政厅。 or 省财政厅　 are one unit
            if key in seen:
                report.add(file.path, line, col, "duplicate-unit",
                           f"'{name}' is already used by unit #{seen[key] + 1} ({parsed.units[seen[key]].name})",
                           hint="each name and alias may belong to one unit only; names that differ only in "
                                "spaces, full stops or full-width letters count as the same")
            elif key.casefold() in folded and folded[key.casefold()][0] != index:
                first = folded[key.casefold()]
                report.add(file.path, line, col, "look-alike-name",
                           f"'{name}' differs from '{first[1]}' (unit #{first[0] + 1}) only in case: their letters "
                           f"and pages are one file on Windows and macOS", hint="write the name as the source does; "
                           "if both are the same unit, make one an alias of the other in one spelling only")
            seen.setdefault(key, index)
            folded.setdefault(key.casefold(), (index, name))
            _check_name(name, file, ("units", index, *place), report)
            if _UNSAFE_NAME.search(name) or name.strip(". ") == "":
                report.add(file.path, line, col, "unsafe-path",
                           f"unit name '{name}' contains a character that cannot be part of a file name",
                           hint="write the name as the source does, without / \\ : * ? \" < > | or ..")
        if unit.proposed:  # issue 17: added by an import, awaiting review
            line, col = file.where("units", index, "name")
            report.add(file.path, line, col, "proposed-unit", f"unit '{unit.name}' ({unit.level or '?'}) was proposed "
                       "by an import and awaits review", severity="warning",
                       hint="check the name, level and kind against the source, then write proposed: false")
        units.setdefault(unit.name, unit)
    return units  # the registry's own order: the order letters are numbered in


def _check_name(name: str, file: YamlFile, path: tuple, report: Report, limit: int = textrules.MAX_NAME) -> None:
    problem = textrules.name_problem(name, limit)
    if problem:
        report.add(file.path, *file.where(*path), problem[0], problem[1], hint=problem[2])


def _check_titles(meta: DocumentFile, file: YamlFile, report: Report) -> None:
    """Names and titles every output shows (navigation, file names, docx properties): plain and short."""
    names = [(meta.short_title, ("short_title",), textrules.MAX_NAME), (meta.title, ("title",), textrules.MAX_TITLE)]
    names += [(p.title, ("parts", i, "title"), textrules.MAX_TITLE) for i, p in enumerate(meta.parts)]
    names += [(n, ("issuers", i), textrules.MAX_TITLE) for i, n in enumerate(meta.issuers)]
    if meta.annex:
        names += [(meta.annex.title, ("annex", "title"), textrules.MAX_TITLE)]
        names += [(s.title, ("annex", "sections", i, "title"), textrules.MAX_TITLE)
                  for i, s in enumerate(meta.annex.sections)]
    if meta.letters:
        names += [(meta.letters.title, ("letters", "title"), textrules.MAX_TITLE)]
    for name, path, limit in names:
        if name is not None:
            _check_name(name, file, path, report, limit)


def _check_deadline(d: Deadline, file: YamlFile, path: tuple, year: int, report: Report) -> None:
    read = deadlines.parse(d.phrase, year)
    line, col = file.where(*path, "phrase")
    if read is None:
        report.add(file.path, line, col, "unparseable-deadline", f"cannot read the deadline phrase '{d.phrase}'",
                   hint="use a phrase such as 2016年6月底前, 每年11月中旬, 到2020年, 5年内, 从2016年起")
    elif read != (d.date, d.kind):
        report.add(file.path, line, col, "deadline-mismatch",
                   f"'{d.phrase}' reads as {read[0].isoformat()} ({read[1]}), "
                   f"but the file says {d.date.isoformat()} ({d.kind})",
                   hint=f"set date: {read[0].isoformat()} and kind: {read[1]}")


def _check_in_period(d: Deadline, file: YamlFile, path: tuple, period, report: Report) -> None:
    """A one-off deadline after the period's end (or before its start) is likely a typo in the year."""
    if period is None or d.kind == "yearly" or (d.kind == "starting-year" and d.date.year == period.start.year):
        return
    if not period.start <= d.date <= period.end:
        report.add(file.path, *file.where(*path, "phrase"), "deadline-outside-period",
                   f"'{d.phrase}' ({d.date.isoformat()}) falls outside the period "
                   f"{period.start.isoformat()}..{period.end.isoformat()}", severity="warning",
                   hint="check the year against the source text, or widen 'period' in document.yaml")


def _numbered(folder: Path, root: Path, model: type[M], name_of, report: Report,
              broken: set[int]) -> dict[int, tuple[M, YamlFile]]:
    """Load every NN.yaml in a folder; the number in the file must match its name and be unique.

    The numbers of files that could not be read go to `broken`, so that references to them
    are not reported a second time as dangling.
    """
    found: dict[int, tuple[M, YamlFile]] = {}
    try:
        entries = sorted(folder.iterdir()) if folder.is_dir() else []
    except OSError as err:
        report.add(display_path(folder), 1, 1, "unreadable-file", f"cannot list the folder: {err.strerror or err}",
                   hint="check that you may read it")
        entries = []
    for path in entries:
        if path.name.startswith("."):
            if path.name.endswith(".yaml"):  # a task someone meant (or a staging copy): say it is not read
                report.add(display_path(path), 1, 1, "hidden-skipped", f"'{path.name}' is skipped: a file whose "
                           f"name starts with '.' is never read", severity="warning",
                           hint=f"rename it without the leading '.', e.g. {name_of(1)}, or delete it")
            continue  # editors' swap files, .DS_Store …: silently
        if path.is_dir() and not path.name.endswith(".yaml"):
            report.add(display_path(path), 1, 1, "stray-file", f"folder '{path.name}' is ignored: only *.yaml "
                       f"files are read", severity="warning", hint=f"move it out of {folder.name}/")
            continue
        if not path.name.endswith(".yaml"):
            report.add(display_path(path), 1, 1, "stray-file", f"'{path.name}' is ignored: only *.yaml files are read",
                       severity="warning", hint=f"rename it to end in .yaml, e.g. {name_of(1)}, or move it away")
            continue
        file = _load(path, root, report)
        parsed = file and _parse(file, model, report)
        if not parsed:
            if path.name.split(".")[0].isdigit():
                broken.add(int(path.name.split(".")[0]))
            continue
        line, col = file.where("number")
        if parsed.number in found:
            report.add(file.path, line, col, "duplicate-number",
                       f"number {parsed.number} is also used by {found[parsed.number][1].path}",
                       hint=f"give this file its own number and name it after it (e.g. {name_of(parsed.number + 1)})")
            continue
        if path.name != name_of(parsed.number):
            report.add(file.path, line, col, "number-mismatch",
                       f"number {parsed.number} does not match the file name '{path.name}'",
                       hint=f"rename the file to {name_of(parsed.number)}", severity="warning")
        found[parsed.number] = (parsed, file)
    return dict(sorted(found.items()))


def _numbers_hint(what: str, numbers) -> str:
    numbers = sorted(numbers)
    if not numbers:
        return f"this document has no {what} yet"
    return f"{what} of this document are numbered {numbers[0]}–{numbers[-1]}" if len(numbers) > 1 \
        else f"{what} of this document: only number {numbers[0]}"


def _check_text(text: str, file: YamlFile, report: Report, field: str = "text") -> None:
    if not text.strip():
        line, col = file.where(field)
        report.add(file.path, line, col, "empty-text", f"'{field}' is empty", hint="copy the wording of the source")


def _resolve_units(names: list[str], field: str, file: YamlFile, index: _UnitIndex, report: Report,
                   level: str | None = None) -> list[str]:
    resolved = []
    for i, name in enumerate(names):
        canonical = index.resolve(name)
        line, col = file.where(field, i)
        if canonical is None:
            report.add(file.path, line, col, "unknown-unit", f"'{field}' names unknown unit '{name}'",
                       hint=index.suggest(name, level))
        elif canonical in resolved:
            report.add(file.path, line, col, "unit-repeated", f"'{canonical}' appears twice in '{field}'",
                       hint="delete the repeated line (an alias counts as the same unit)")
        else:
            resolved.append(canonical)
    return resolved


def _check_members(t: TaskFile, units_of_task: list[str], file: YamlFile, index: _UnitIndex,
                   report: Report) -> dict[str, dict[str, list[str]]]:
    """A task's `members`: each key a collective unit of the task, each member one of its registry
    members, each word naming it found in the task's text (the source says who, the data only points)."""
    found = {}
    for collective, named in t.members.items():
        canonical = index.resolve(collective)
        unit = index.units.get(canonical) if canonical else None
        if canonical not in units_of_task or unit is None or not unit.members:
            report.add(file.path, *file.key_where("members", collective), "unknown-unit",
                       f"'members' names '{collective}', which is not a collective unit of this task",
                       hint="use the name of a collective unit under 'lead' or 'participants'")
            continue
        for member, words in named.items():
            if member not in unit.members:
                close = difflib.get_close_matches(member, unit.members, n=1, cutoff=0.4)
                report.add(file.path, *file.key_where("members", collective, member), "unknown-unit",
                           f"'{member}' is not a member of '{canonical}'",
                           hint=f"did you mean '{close[0]}'?" if close else f"members are listed in {paths.UNITS_FILE}")
            for i, word in enumerate(words):
                if word not in t.text:
                    report.add(file.path, *file.where("members", collective, member, i), "member-not-named",
                               f"the task's text does not contain '{word}', which 'members' says names '{member}'",
                               hint="list only words the task's text contains, as written there")
        found[canonical] = {m: list(w) for m, w in named.items()}
    return found


NUMBER_FIELDS = {"year", "serial"}  # what a letter number pattern may name


def _check_settings(meta: DocumentFile, file: YamlFile, report: Report) -> None:
    """What the schema cannot say about the document's settings: a period that runs forwards, a
    letter number pattern whose placeholders the letters can fill."""
    if meta.period and meta.period.end < meta.period.start:
        report.add(file.path, *file.where("period", "end"), "bad-setting",
                   f"the period ends ({meta.period.end}) before it starts ({meta.period.start})",
                   hint="write 'end' as the last day of the policy's period, not before 'start'")
    if meta.letters:
        _check_number(meta.letters.number, file, ("letters", "number"), report)
        if meta.letters.notice:
            _check_number(meta.letters.notice.number, file, ("letters", "notice", "number"), report)
            kinds = get_args(UnitKind)
            for i, kind in enumerate(meta.letters.notice.recipients):
                if kind not in kinds:
                    close = difflib.get_close_matches(kind, kinds, n=1, cutoff=0.3)
                    report.add(file.path, *file.where("letters", "notice", "recipients", i), "bad-setting",
                               f"'{kind}' is not a kind of unit",
                               hint=(f"did you mean '{close[0]}'? " if close else "") + "kinds: " + "、".join(kinds))
        signed, end = meta.letters.date, meta.period.end if meta.period else None
        if signed and (signed < meta.date or (end and signed > end)):
            report.add(file.path, *file.where("letters", "date"), "bad-setting",
                       f"the letters' signing date {signed} is outside the policy's time (from {meta.date}"
                       + (f" to {end})" if end else ")"),
                       hint="sign the letters on or after the document's date and within its period, or leave 'date' out")


def _check_number(pattern: str, file: YamlFile, where: tuple, report: Report) -> None:
    """A 发文字号 pattern the letters can fill: only {year} and {serial}, and {serial} present.
    An empty pattern is the letters' choice to carry no number (an imported document has no style of its own)."""
    if not pattern:
        return
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None}
    except ValueError as err:
        names, broken = set(), str(err)
    else:
        broken = ", ".join(sorted(f"{{{n}}}" for n in names - NUMBER_FIELDS))
        if not broken and "serial" not in names:
            broken = "no {serial}, so every letter would have the same number"
    if broken:
        report.add(file.path, *file.where(*where), "bad-setting",
                   f"letter number pattern '{pattern}' has what a letter cannot fill: {broken}",
                   hint="use {year} for the year and {serial} for the letter's serial number, e.g. 湘发〔{year}〕{serial}号")


def _load_document(folder: Path, root: Path, units: _UnitIndex, report: Report) -> Document | None:
    doc_file = _load(folder / paths.DOCUMENT_FILE, root, report)
    meta = doc_file and _parse(doc_file, DocumentFile, report)
    # Without a readable document.yaml the articles and tasks are still checked on their own, so
    # that every problem shows at once; what depends on document.yaml (None below) is skipped.
    year = meta.date.year if meta else None
    parts = {p.number for p in meta.parts} if meta else None
    sections = ({s.number for s in meta.annex.sections} if meta.annex else set()) if meta else None
    general = list(meta.annex.general_deadlines) if meta and meta.annex else []
    for i, d in enumerate(general):
        _check_deadline(d, doc_file, ("annex", "general_deadlines", i), year, report)
    if meta:
        _check_settings(meta, doc_file, report)
        _check_titles(meta, doc_file, report)

    doc_id = folder.name
    articles: dict[int, Article] = {}
    broken_articles: set[int] = set()
    broken_tasks: set[int] = set()
    for number, (a, file) in _numbered(folder / paths.ARTICLES_DIR, root, ArticleFile, paths.article_file,
                                       report, broken_articles).items():
        _check_text(a.title, file, report, "title")
        _check_name(a.title, file, ("title",), report, textrules.MAX_TITLE)
        _check_text(a.text, file, report)
        if parts is not None and a.part not in parts:
            line, col = file.where("part")
            report.add(file.path, line, col, "unknown-part", f"part {a.part} is not listed in {doc_file.path}",
                       hint=_numbers_hint("parts", parts))
        articles[number] = Article(doc=doc_id, file=file.path, **a.model_dump())

    tasks: dict[int, Task] = {}
    for number, (t, file) in _numbered(folder / paths.TASKS_DIR, root, TaskFile, paths.task_file, report,
                                       broken_tasks).items():
        _check_text(t.text, file, report)
        if sections is not None and t.section not in sections:
            line, col = file.where("section")
            report.add(file.path, line, col, "unknown-section", f"section {t.section} is not in the annex",
                       hint=_numbers_hint("annex sections", sections))
        level = level_of_place(meta.jurisdiction) if meta and meta.jurisdiction else None
        lead = _resolve_units(t.lead, "lead", file, units, report, level)
        participants = _resolve_units(t.participants, "participants", file, units, report, level)
        for i, name in enumerate(participants):
            if name in lead:
                line, col = file.where("participants", i)
                report.add(file.path, line, col, "unit-repeated", f"'{name}' is both a lead and a participant",
                           hint="keep it under 'lead' only")
        if not t.lead:
            line, col = file.key_where("lead")
            report.add(file.path, line, col, "no-lead", f"task {number} has no lead unit",
                       hint="name at least one unit under 'lead'")
        elif t.lead_mode != "first" and len(t.lead) < 2:
            line, col = file.where("lead_mode")
            report.add(file.path, line, col, "lead-mode-mismatch",
                       f"lead_mode '{t.lead_mode}' needs at least two lead units, 'lead' names one",
                       hint="add the other lead unit, or write lead_mode: first")
        elif t.lead_mode == "first" and len(t.lead) > 1:
            line, col = file.where("lead_mode") if "lead_mode" in file.data else file.key_where("lead")
            report.add(file.path, line, col, "lead-mode-mismatch",
                       f"lead_mode 'first' takes exactly one lead unit, 'lead' names {len(t.lead)}",
                       hint="write lead_mode: joint (共同牵头) or separate (分别牵头), or move units to 'participants'")
        for i, a in enumerate(t.articles):
            if a not in articles and a not in broken_articles:
                line, col = file.where("articles", i)
                report.add(file.path, line, col, "unknown-article", f"article {a} does not exist",
                           hint=_numbers_hint("articles", articles))
        for i, d in enumerate(t.deadlines if year else []):
            _check_deadline(d, file, ("deadlines", i), year, report)
            _check_in_period(d, file, ("deadlines", i), meta.period, report)  # issue 15
        members = _check_members(t, lead + participants, file, units, report)
        data = t.model_dump(exclude={"lead", "participants", "deadlines", "members"})
        tasks[number] = Task(doc=doc_id, file=file.path, lead=lead, participants=participants, members=members,
                             own_deadlines=t.deadlines, deadlines=[*t.deadlines, *general], **data)

    for i, a in enumerate(meta.letters.assessment_articles if meta and meta.letters else []):
        if a not in articles and a not in broken_articles:
            report.add(doc_file.path, *doc_file.where("letters", "assessment_articles", i), "unknown-article",
                       f"article {a} does not exist", hint=_numbers_hint("articles", articles))

    indicators: dict[str, Indicator] = {}
    ind_path = folder / paths.INDICATORS_FILE
    ind_file = _load(ind_path, root, report) if ind_path.exists() or ind_path.is_symlink() else None
    parsed = ind_file and _parse(ind_file, IndicatorsFile, report)
    for i, ind in enumerate(parsed.indicators if parsed else []):
        line, col = ind_file.where("indicators", i)
        if ind.id in indicators:
            report.add(ind_file.path, line, col, "duplicate-number", f"indicator id '{ind.id}' is used twice",
                       hint="give every indicator its own id")
        _check_name(ind.name, ind_file, ("indicators", i, "name"), report, textrules.MAX_TITLE)
        if not ind.articles and not ind.tasks:
            report.add(ind_file.path, line, col, "indicator-without-source",
                       f"indicator '{ind.id}' names no article or task it comes from",
                       hint="add 'articles: [n]' or 'tasks: [n]' naming where the source states it")
        for j, a in enumerate(ind.articles):
            if a not in articles and a not in broken_articles:
                report.add(ind_file.path, *ind_file.where("indicators", i, "articles", j), "unknown-article",
                           f"article {a} does not exist", hint=_numbers_hint("articles", articles))
        for j, n in enumerate(ind.tasks):
            if n not in tasks and n not in broken_tasks:
                report.add(ind_file.path, *ind_file.where("indicators", i, "tasks", j), "unknown-task",
                           f"task {n} does not exist", hint=_numbers_hint("tasks", tasks))
        indicators[ind.id] = ind
    if meta is None:
        return None
    return Document(id=doc_id, meta=meta, folder=display_path(folder), articles=articles, tasks=tasks,
                    indicators=indicators)


def validate(root: Path | str = paths.POLICIES) -> tuple[KnowledgeBase | None, Report]:
    """Check every file under root; the knowledge base is returned only when there are no errors."""
    root = Path(root)
    report = Report()
    if not root.is_dir():
        report.add(display_path(root), 1, 1, "no-document", f"there is no folder '{display_path(root)}'",
                   hint="check the path given with --policies/-p")
        return None, report
    units_path = root / paths.UNITS_FILE
    units_file = _load(units_path, root, report) if units_path.exists() or units_path.is_symlink() else None
    if units_file is None and not report.issues:
        report.add(display_path(root / paths.UNITS_FILE), 1, 1, "missing-file", "the unit registry is missing",
                   hint=f"create {paths.UNITS_FILE} with a 'units' list")
    parsed_units = units_file and _parse(units_file, UnitsFile, report)
    units = _check_units_file(units_file, parsed_units, report) if parsed_units else {}
    index = _UnitIndex(units if parsed_units else None)

    folders, hidden = document_folders(root, paths.DOCUMENT_FILE)
    for folder in hidden:
        report.add(display_path(folder), 1, 1, "hidden-skipped", f"'{folder.name}' is skipped: a folder whose name "
                   f"starts with '.' is never read as a policy", severity="warning",
                   hint="an interrupted import leaves .import-….tmp: delete it; a real policy folder must not "
                        "start with '.'")
    if not folders:
        report.add(display_path(root), 1, 1, "no-document", f"no policy folder with {paths.DOCUMENT_FILE} under it",
                   hint=f"each policy is a folder holding {paths.DOCUMENT_FILE}; check -p/--policies, "
                        "or create one with policykb import")
    documents = {}
    seen_ids: dict[str, Path] = {}
    for folder in folders:
        problem = id_problem(folder.name)
        other = seen_ids.setdefault(folder.name.casefold(), folder)
        if problem or other != folder:
            report.add(display_path(folder), 1, 1, "bad-document-id",
                       f"the folder name '{folder.name}' cannot be a document id: "
                       + (problem or f"it differs from '{other.name}' only in case, and Windows and macOS "
                                     f"see one folder"), hint=ID_HINT)
        if not _inside(folder, root):
            report.add(display_path(folder), 1, 1, "unsafe-path", f"'{folder.name}' points outside {display_path(root)}/",
                       hint="replace the link by the folder itself")
            continue
        doc = _load_document(folder, root, index, report)
        if doc:
            documents[doc.id] = doc
    if not report.errors:  # issue 24: links between documents, once every document has loaded
        documents = inherit(documents)  # first, so a county deadline is compared with what its 市 task inherited
        report.extend(cascade_check(documents, units, units_path))
    if report.errors:
        return None, report
    return KnowledgeBase(root=display_path(root), units=units, documents=documents), report


def load_kb(root: Path | str = paths.POLICIES, strict: bool = False) -> KnowledgeBase:
    """The knowledge base, or PolicyError carrying every problem found."""
    kb, report = validate(root)
    if kb is None or report.failed(strict):
        raise PolicyError(report)
    return kb
