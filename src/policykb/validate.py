"""Gather every policy file, check it, and assemble the knowledge base — or report why not."""
from __future__ import annotations

import difflib
import os
import re
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from . import deadlines, paths
from .issues import Issue, PolicyError, Report
from .load import YamlFile, display_path, load_file, real_dir, real_path
from .model import (ArticleFile, Article, Deadline, Document, DocumentFile, Indicator, IndicatorsFile,
                    KnowledgeBase, TaskFile, Task, Unit, UnitsFile)

M = TypeVar("M", bound=BaseModel)

_DATE_ERRORS = {"date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact", "date_type"}


def _model_issues(err: ValidationError, file: YamlFile) -> list[Issue]:
    """Translate pydantic's errors into located issues."""
    issues = []
    for e in err.errors():
        loc = tuple(e["loc"])
        dotted = ".".join(str(p) for p in loc) or "(file)"
        kind = e["type"]
        if kind == "extra_forbidden":
            line, col = file.key_where(*loc)
            issues.append(Issue(file.path, line, col, "unknown-field", f"unknown field '{dotted}'",
                                hint=_suggest_field(loc, err)))
        elif kind == "missing":
            line, col = file.where(*loc[:-1])
            issues.append(Issue(file.path, line, col, "missing-field", f"missing field '{dotted}'"))
        elif kind in _DATE_ERRORS:
            line, col = file.where(*loc)
            issues.append(Issue(file.path, line, col, "bad-date", f"'{dotted}': {e['input']!r} is not a real date",
                                hint="write a date that exists, as YYYY-MM-DD"))
        elif kind == "string_too_long":
            line, col = file.where(*loc)
            issues.append(Issue(file.path, line, col, "text-too-long", f"'{dotted}' is too long ({e['msg']})"))
        else:
            line, col = file.where(*loc)
            issues.append(Issue(file.path, line, col, "wrong-type", f"'{dotted}': {e['msg']}"))
    return issues


def _suggest_field(loc: tuple, err: ValidationError) -> str | None:
    model = err.title
    return f"fields are described in the {model} schema" if model else None


def _parse(file: YamlFile, model: type[M], report: Report) -> M | None:
    if not isinstance(file.data, dict):
        report.add(file.path, 1, 1, "wrong-type", f"expected a mapping of fields, found {type(file.data).__name__}")
        return None
    try:
        return model.model_validate(file.data)
    except ValidationError as err:
        report.extend(_model_issues(err, file))
        return None


def _inside(path: Path, root: Path) -> bool:
    real_root = real_dir(os.fspath(root))
    return real_path(path).startswith(real_root + os.sep)


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

    def __init__(self, units: dict[str, Unit]):
        self.canonical: dict[str, str] = {}
        for unit in units.values():
            for name in [unit.name, *unit.aliases]:
                self.canonical[name] = unit.name

    def resolve(self, name: str) -> str | None:
        return self.canonical.get(name)

    def suggest(self, name: str) -> str | None:
        close = difflib.get_close_matches(name, list(self.canonical), n=1, cutoff=0.5)
        return f"did you mean '{self.canonical[close[0]]}'?" if close else \
            f"add '{name}' to {paths.UNITS_FILE} or use a registered name"


def _check_units_file(file: YamlFile, parsed: UnitsFile, report: Report) -> dict[str, Unit]:
    units: dict[str, Unit] = {}
    seen: dict[str, int] = {}
    for index, unit in enumerate(parsed.units):
        for name in [unit.name, *unit.aliases]:
            if name in seen:
                line, col = file.where("units", index, "name")
                report.add(file.path, line, col, "duplicate-unit",
                           f"'{name}' is already used by unit #{seen[name] + 1}")
            seen[name] = index
            if re.search(r'[/\\:*?"<>|]|\.\.', name):
                line, col = file.where("units", index)
                report.add(file.path, line, col, "unsafe-path",
                           f"unit name '{name}' contains a character that cannot be part of a file name",
                           hint="write the name as the source does, without / \\ : * ? \" < > | or ..")
        units.setdefault(unit.name, unit)
    return dict(sorted(units.items()))


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


def _numbered(folder: Path, root: Path, model: type[M], name_of, report: Report) -> dict[int, tuple[M, YamlFile]]:
    """Load every NN.yaml in a folder; the number in the file must match its name and be unique."""
    found: dict[int, tuple[M, YamlFile]] = {}
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        file = _load(path, root, report)
        parsed = file and _parse(file, model, report)
        if not parsed:
            continue
        line, col = file.where("number")
        if parsed.number in found:
            report.add(file.path, line, col, "duplicate-number",
                       f"number {parsed.number} is also used by {found[parsed.number][1].path}")
            continue
        if path.name != name_of(parsed.number):
            report.add(file.path, line, col, "number-mismatch",
                       f"number {parsed.number} does not match the file name '{path.name}'",
                       hint=f"rename the file to {name_of(parsed.number)}", severity="warning")
        found[parsed.number] = (parsed, file)
    return dict(sorted(found.items()))


def _check_text(text: str, file: YamlFile, report: Report, field: str = "text") -> None:
    if not text.strip():
        line, col = file.where(field)
        report.add(file.path, line, col, "empty-text", f"'{field}' is empty", hint="copy the wording of the source")


def _resolve_units(names: list[str], field: str, file: YamlFile, index: _UnitIndex, report: Report) -> list[str]:
    resolved = []
    for i, name in enumerate(names):
        canonical = index.resolve(name)
        line, col = file.where(field, i)
        if canonical is None:
            report.add(file.path, line, col, "unknown-unit", f"'{field}' names unknown unit '{name}'",
                       hint=index.suggest(name))
        elif canonical in resolved:
            report.add(file.path, line, col, "unit-repeated", f"'{canonical}' appears twice in '{field}'")
        else:
            resolved.append(canonical)
    return resolved


def _load_document(folder: Path, root: Path, units: _UnitIndex, report: Report) -> Document | None:
    doc_file = _load(folder / paths.DOCUMENT_FILE, root, report)
    meta = doc_file and _parse(doc_file, DocumentFile, report)
    if not meta:
        return None
    year = meta.date.year
    parts = {p.number for p in meta.parts}
    sections = {s.number for s in meta.annex.sections} if meta.annex else set()
    general = list(meta.annex.general_deadlines) if meta.annex else []
    for i, d in enumerate(general):
        _check_deadline(d, doc_file, ("annex", "general_deadlines", i), year, report)

    doc_id = folder.name
    articles: dict[int, Article] = {}
    for number, (a, file) in _numbered(folder / paths.ARTICLES_DIR, root, ArticleFile, paths.article_file,
                                       report).items():
        _check_text(a.text, file, report)
        if a.part not in parts:
            line, col = file.where("part")
            report.add(file.path, line, col, "unknown-part", f"part {a.part} is not listed in {doc_file.path}")
        articles[number] = Article(doc=doc_id, file=file.path, **a.model_dump())

    tasks: dict[int, Task] = {}
    for number, (t, file) in _numbered(folder / paths.TASKS_DIR, root, TaskFile, paths.task_file, report).items():
        _check_text(t.text, file, report)
        if t.section not in sections:
            line, col = file.where("section")
            report.add(file.path, line, col, "unknown-section", f"section {t.section} is not in the annex")
        lead = _resolve_units(t.lead, "lead", file, units, report)
        participants = _resolve_units(t.participants, "participants", file, units, report)
        for i, name in enumerate(participants):
            if name in lead:
                line, col = file.where("participants", i)
                report.add(file.path, line, col, "unit-repeated", f"'{name}' is both a lead and a participant")
        if not t.lead:
            line, col = file.key_where("lead")
            report.add(file.path, line, col, "no-lead", f"task {number} has no lead unit",
                       hint="name at least one unit under 'lead'")
        elif t.lead_mode != "first" and len(t.lead) < 2:
            line, col = file.where("lead_mode")
            report.add(file.path, line, col, "lead-mode-mismatch",
                       f"lead_mode '{t.lead_mode}' needs at least two lead units")
        elif t.lead_mode == "first" and len(t.lead) > 1:
            line, col = file.where("lead_mode")
            report.add(file.path, line, col, "lead-mode-mismatch",
                       "lead_mode 'first' takes exactly one lead unit",
                       hint="use 'joint' (共同牵头) or 'separate' (分别牵头)")
        for i, a in enumerate(t.articles):
            if a not in articles:
                line, col = file.where("articles", i)
                report.add(file.path, line, col, "unknown-article", f"article {a} does not exist")
        for i, d in enumerate(t.deadlines):
            _check_deadline(d, file, ("deadlines", i), year, report)
        data = t.model_dump(exclude={"lead", "participants", "deadlines"})
        tasks[number] = Task(doc=doc_id, file=file.path, lead=lead, participants=participants,
                             own_deadlines=t.deadlines, deadlines=[*t.deadlines, *general], **data)

    indicators: dict[str, Indicator] = {}
    ind_path = folder / paths.INDICATORS_FILE
    ind_file = _load(ind_path, root, report) if ind_path.exists() else None
    parsed = ind_file and _parse(ind_file, IndicatorsFile, report)
    for i, ind in enumerate(parsed.indicators if parsed else []):
        line, col = ind_file.where("indicators", i)
        if ind.id in indicators:
            report.add(ind_file.path, line, col, "duplicate-number", f"indicator id '{ind.id}' is used twice")
        if not ind.articles and not ind.tasks:
            report.add(ind_file.path, line, col, "indicator-without-source",
                       f"indicator '{ind.id}' names no article or task it comes from")
        for j, a in enumerate(ind.articles):
            if a not in articles:
                report.add(ind_file.path, *ind_file.where("indicators", i, "articles", j), "unknown-article",
                           f"article {a} does not exist")
        for j, n in enumerate(ind.tasks):
            if n not in tasks:
                report.add(ind_file.path, *ind_file.where("indicators", i, "tasks", j), "unknown-task",
                           f"task {n} does not exist")
        indicators[ind.id] = ind
    return Document(id=doc_id, meta=meta, folder=display_path(folder), articles=articles, tasks=tasks,
                    indicators=indicators)


def validate(root: Path | str = paths.POLICIES) -> tuple[KnowledgeBase | None, Report]:
    """Check every file under root; the knowledge base is returned only when there are no errors."""
    root = Path(root)
    report = Report()
    units_file = _load(root / paths.UNITS_FILE, root, report) if (root / paths.UNITS_FILE).exists() else None
    if units_file is None and not report.issues:
        report.add(display_path(root / paths.UNITS_FILE), 1, 1, "missing-field", "the unit registry is missing",
                   hint=f"create {paths.UNITS_FILE} with a 'units' list")
    parsed_units = units_file and _parse(units_file, UnitsFile, report)
    units = _check_units_file(units_file, parsed_units, report) if parsed_units else {}
    index = _UnitIndex(units)

    folders = sorted(p.parent for p in root.glob(f"*/{paths.DOCUMENT_FILE}"))
    if not folders:
        report.add(display_path(root), 1, 1, "no-document", f"no policy folder with {paths.DOCUMENT_FILE} under it")
    documents = {}
    for folder in folders:
        doc = _load_document(folder, root, index, report)
        if doc:
            documents[doc.id] = doc
    if report.errors:
        return None, report
    return KnowledgeBase(root=display_path(root), units=units, documents=documents), report


def load_kb(root: Path | str = paths.POLICIES, strict: bool = False) -> KnowledgeBase:
    """The knowledge base, or PolicyError carrying every problem found."""
    kb, report = validate(root)
    if kb is None or report.failed(strict):
        raise PolicyError(report)
    return kb
