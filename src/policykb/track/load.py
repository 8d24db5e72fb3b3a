"""Read and check tracking files against the knowledge base; problems come back as located issues."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from .. import paths
from ..issues import PolicyError, Report
from ..load import YamlFile, load_file
from ..model import AmbiguousUnit, Document, KnowledgeBase, Task
from ..validate import _model_issues, far_dates, load_kb
from . import journal
from .model import (INDICATORS_FILE, TASKS_DIR, TRACKING_DIR, Event, IndicatorsTrackingFile, IndicatorValue,
                    ReportEvent, TaskTrackingFile)

TaskKey = tuple[str, int]


@dataclass
class Tracking:
    """Everything recorded about progress. A document is tracked when it has a tracking/ folder."""
    documents: set[str] = field(default_factory=set)
    events: dict[TaskKey, list[Event]] = field(default_factory=dict)  # sorted by date, stable
    values: dict[tuple[str, str], list[IndicatorValue]] = field(default_factory=dict)  # sorted by year

    def of(self, doc: str, task: int, unit: str | None = None, kind: str | None = None) -> list[Event]:
        """A task's events; with a unit, only its own and the task-wide ones (unit None: every event)."""
        return [e for e in self.events.get((doc, task), [])
                if (kind is None or e.type == kind) and (unit is None or e.unit in (None, unit))]

    def tracked(self, doc: str) -> bool:
        return doc in self.documents


def tracking_dir(policies: Path, doc: str) -> Path:
    return Path(policies) / doc / TRACKING_DIR


def task_path(policies: Path, doc: str, number: int) -> Path:
    return tracking_dir(policies, doc) / TASKS_DIR / paths.task_file(number)


def indicators_path(policies: Path, doc: str) -> Path:
    return tracking_dir(policies, doc) / INDICATORS_FILE


def answering_units(task: Task) -> list[str | None]:
    """Who reports for a task: each lead when they lead separately (分别牵头), else the task as a whole."""
    return list(task.lead) if task.lead_mode == "separate" else [None]


def check_event(event: Event, task: Task, doc: Document, kb: KnowledgeBase) -> list[tuple[tuple, str, str, str]]:
    """Problems of one event: (field path, code, message, hint). Shared by the loader and the recorder."""
    problems = []
    if event.unit is not None:
        unit = _unit_of(event, doc, kb)
        if unit is None or unit.name not in task.lead:
            code = "not-a-lead" if unit else "unknown-unit"
            problems.append((("unit",), code, f"“{event.unit}”不是第{task.number}项的牵头单位",
                             f"牵头单位：{'、'.join(task.lead)}"))
    elif task.lead_mode == "separate" and event.type in ("plan", "report", "update", "state"):
        problems.append(((), "unit-required",
                         f"第{task.number}项分别牵头：请写明这条记录（{event.type}）属于哪个牵头单位",
                         f"加上 unit：{'、'.join(task.lead)} 之一"))
    if event.date < doc.meta.date:
        problems.append((("date",), "date-before-policy",
                         f"{event.date.isoformat()} 早于政策的发文日期 {doc.meta.date.isoformat()}",
                         "检查年份和月份"))
    if event.type == "extension" and event.new <= event.original:
        problems.append((("new",), "bad-extension",
                         f"新时限 {event.new.isoformat()} 不晚于原时限 {event.original.isoformat()}",
                         None))
    if event.type == "report" and event.year < doc.meta.date.year:
        problems.append((("year",), "date-before-policy", f"{event.year}年早于政策的发文年份", None))
    return problems


def _unit_of(event: Event, doc: Document, kb: KnowledgeBase):
    """The unit an event names, read as its document writes names (财政局 of a 株洲市 document: 株洲市财政局)."""
    try:
        return kb.unit_named(event.unit, doc.meta.jurisdiction)
    except AmbiguousUnit:  # a local name of other places only: no lead of this task
        return None


def canonical(event: Event, doc: Document, kb: KnowledgeBase) -> Event:
    """The event with its unit written as the registry's canonical name."""
    unit = event.unit and _unit_of(event, doc, kb)
    return event.model_copy(update={"unit": unit.name}) if unit else event


def _task_file(path: Path, doc: Document, kb: KnowledgeBase, tracking: Tracking, report: Report) -> None:
    file, issues = load_file(path)
    report.extend(issues)
    parsed = file and _parse(file, TaskTrackingFile, report)
    if not parsed:
        return
    if path.name != paths.task_file(parsed.task):
        report.add(file.path, *file.where("task"), "number-mismatch",
                   f"任务 {parsed.task} 与文件名 '{path.name}' 不符",
                   hint=f"把文件改名为 {paths.task_file(parsed.task)}")
        return
    task = doc.tasks.get(parsed.task)
    if task is None:
        report.add(file.path, *file.where("task"), "unknown-task", f"{doc.id} 中没有任务 {parsed.task}")
        return
    seen_reports: dict[tuple, int] = {}
    events = []
    for i, event in enumerate(parsed.events):
        for where, code, message, hint in check_event(event, task, doc, kb):
            report.add(file.path, *file.where("events", i, *where), code, message, hint=hint)
        event = canonical(event, doc, kb)
        if isinstance(event, ReportEvent):
            key = (event.unit, event.year)
            if key in seen_reports:
                report.add(file.path, *file.where("events", i), "duplicate-report",
                           f"{event.year} 年的报送已记录为第 {seen_reports[key] + 1} 条事件")
            seen_reports[key] = i
        events.append(event)
    tracking.events[(doc.id, task.number)] = sorted(events, key=lambda e: e.date)


def _indicators_file(path: Path, doc: Document, tracking: Tracking, report: Report) -> None:
    file, issues = load_file(path)
    report.extend(issues)
    parsed = file and _parse(file, IndicatorsTrackingFile, report)
    for i, entry in enumerate(parsed.indicators if parsed else []):
        if entry.id not in doc.indicators:
            report.add(file.path, *file.where("indicators", i, "id"), "unknown-indicator",
                       f"指标 '{entry.id}' 不在 {doc.id}/{paths.INDICATORS_FILE} 中")
            continue
        years: set[int] = set()
        for j, value in enumerate(entry.values):
            if value.year in years:
                report.add(file.path, *file.where("indicators", i, "values", j, "year"), "duplicate-report",
                           f"指标 '{entry.id}' 在 {value.year} 年有两个数值")
            years.add(value.year)
        merged = tracking.values.get((doc.id, entry.id), []) + list(entry.values)
        tracking.values[(doc.id, entry.id)] = sorted(merged, key=lambda v: v.year)


class _Untagged:
    """A validation error with the event-type tag taken out of each location, so it matches the file."""

    def __init__(self, err: ValidationError):
        self.title, self._err = err.title, err

    def errors(self) -> list[dict]:
        tags = {"plan", "report", "update", "state", "extension", "note"}
        return [{**e, "loc": tuple(p for i, p in enumerate(e["loc"]) if not (i == 2 and e["loc"][0] == "events"
                                                                            and p in tags))}
                for e in self._err.errors()]


def _parse(file: YamlFile, model, report: Report):
    if not isinstance(file.data, dict):
        report.add(file.path, 1, 1, "wrong-type", "应当是 '字段: 值' 的行")
        return None
    try:
        parsed = model.model_validate(file.data)
    except ValidationError as err:
        report.extend(_model_issues(_Untagged(err), file, model))
        return None
    far = far_dates(parsed, file)  # a report dated 9999-12-31 would overflow the status arithmetic
    report.extend(far)
    return None if far else parsed


def read_tracking(policies: Path | str, kb: KnowledgeBase) -> tuple[Tracking, Report]:
    """Every tracking file under policies/, checked against the knowledge base."""
    journal.complete(Path(policies))  # a batch a killed command left half written is finished first
    tracking, report = Tracking(), Report()
    for doc in kb.documents.values():
        folder = tracking_dir(Path(policies), doc.id)
        if not folder.is_dir():
            continue
        tracking.documents.add(doc.id)
        for path in sorted((folder / TASKS_DIR).glob("*.yaml")):
            _task_file(path, doc, kb, tracking, report)
        if (folder / INDICATORS_FILE).exists():
            _indicators_file(folder / INDICATORS_FILE, doc, tracking, report)
    return tracking, report


def load_tracking(policies: Path | str = paths.POLICIES, kb: KnowledgeBase | None = None) -> Tracking:
    """The tracking data (empty when there are no files), or PolicyError with every problem found."""
    kb = kb or load_kb(policies)
    tracking, report = read_tracking(policies, kb)
    if report.failed():
        raise PolicyError(report)
    return tracking

