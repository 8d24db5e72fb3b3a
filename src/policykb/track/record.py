"""Record progress without hand-editing: check an entry, then add it to the YAML keeping every comment.

Gather, check, then write: `prepare` checks one entry against the knowledge base and the events
already recorded and returns a `Change` (or raises `Refused`); `apply` writes a batch of changes,
each file by temp file + rename. A refused entry leaves every file byte-identical.
"""
from __future__ import annotations

import datetime as dt
import math
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

from pydantic import TypeAdapter, ValidationError
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from .. import textrules
from ..issues import PolicyError, ToolError
from ..lock import held
from ..model import Document, KnowledgeBase, Task
from ..ownnumbers import compact, typed_number
from ..yamlio import _styled, dumps, rewrite
from . import journal
from .load import Tracking, canonical, check_event, indicators_path, read_tracking, task_path
from .model import INDICATORS_SCHEMA, STATES, TASK_SCHEMA, Event, IndicatorValue
from .schemas import schema_ref, write_schemas
from .status import Answer

_EVENT = TypeAdapter(Event)
_ORDER = ("type", "date", "unit", "year", "state", "doc_number", "title", "original", "new", "summary",
          "problems", "next_year", "evidence", "reason", "approved_by", "by", "text")


class Refused(ToolError):
    """An entry that cannot be recorded: message, hint and a stable issue code."""

    def __init__(self, message: str, hint: str | None = None, code: str = "wrong-type"):
        super().__init__(message, hint, code)


@dataclass
class Change:
    """One edit of one tracking file; `new` is the text of a file that does not exist yet."""
    path: Path
    edit: Callable[[CommentedMap], None]
    new: dict | None = None
    schema: str | None = None
    description: str = ""


def _checked_texts(data: dict[str, Any]) -> dict[str, Any]:
    """Texts as `check` will accept them, or Refused: line ends as \n (a paste from Windows or WeChat),
    then no invisible or control character (U+200B, U+202E, ESC, U+2028 …) — one such character
    written would stop check, status, build and every progress command until the YAML is mended."""
    out = {}
    for key, value in data.items():
        if isinstance(value, str):
            value = value.replace("\r\n", "\n").replace("\r", "\n")
            found = textrules.first_bad_character(value)
            if found:
                raise Refused(f"“{key}”第 {found[0] + 1} 个字符：{textrules.character_message(found[1])}",
                              hint=textrules.CHARACTER_HINT, code="bad-character")
        out[key] = value
    return out


class Recorder:
    """Checks entries for one knowledge base against the tracking data as it stands."""

    def __init__(self, policies: Path, kb: KnowledgeBase, tracking: Tracking | None = None):
        self.policies, self.kb = Path(policies), kb
        if tracking is None:
            tracking, report = read_tracking(policies, kb)
            if report.failed():
                raise PolicyError(report)
        self.tracking = tracking

    def document(self, doc: str | None) -> Document:
        if doc is None:
            if len(self.kb.documents) == 1:
                return next(iter(self.kb.documents.values()))
            raise Refused("知识库中有不止一份政策文件：请指明是哪一份", hint=f"--doc {' | '.join(self.kb.documents)}")
        if doc not in self.kb.documents:
            raise Refused(f"没有政策文件“{doc}”", hint=f"现有文件：{'、'.join(self.kb.documents)}",
                          code="no-document")
        return self.kb.documents[doc]

    def task(self, doc: Document, typed: int | str) -> Task:
        """The task a person names by its sequence number or its document's own number (「二（一）」)."""
        number = typed_number(str(typed), {n: t.label for n, t in doc.tasks.items()})
        if number is None:
            labels = [t.label for t in doc.tasks.values() if t.label]
            raise Refused(f"{doc.id} 中没有第{typed}项任务", hint=f"任务序号为 1–{max(doc.tasks)}"
                          + (f"，或原文编号（如 {compact(labels[0])}）" if labels else ""), code="unknown-task")
        return doc.tasks[number]

    def event(self, doc: str | None, typed: int | str, data: dict[str, Any], force: bool = False) -> Change | None:
        """Check one event for a task; None when exactly this event is already recorded."""
        d = self.document(doc)
        task = self.task(d, typed)
        number = task.number
        data = _checked_texts(data)
        try:
            event = _EVENT.validate_python({k: v for k, v in data.items() if v not in (None, [], "")})
        except ValidationError as err:
            e = err.errors()[0]
            field = ".".join(str(p) for p in e["loc"][1:]) or e["loc"][0]
            raise Refused(f"'{field}': {e['msg']}", code="bad-date" if "date" in e["type"] else "wrong-type")
        for _, code, message, hint in check_event(event, task, d, self.kb):
            raise Refused(message, hint=hint, code=code)
        if event.date > dt.date.today():
            raise Refused(f"{event.date.isoformat()} 还没有到", hint="写实际发生的日期",
                          code="date-in-future")
        event = canonical(event, d, self.kb)
        existing = self.tracking.of(d.id, number)
        if event in existing:
            return None
        replace = self._replaces(event, existing, force)
        if event.type == "state":
            self._check_forward(task, event, force)
        body = dict(sorted(event.model_dump(exclude_defaults=True).items(), key=_key))

        def apply(data: CommentedMap) -> None:
            events = data.get("events")
            if not isinstance(events, CommentedSeq) or not events:
                data["events"] = events = CommentedSeq()
            node = _styled(body)
            if replace is None:
                events.append(node)
            else:
                _update(events[_raw_index(events, replace)], node)

        path = task_path(self.policies, d.id, number)
        new = {"task": number, "events": []} if not path.exists() else None
        self._remember(d.id, number, event, replace)
        return Change(path, apply, new, schema_ref(TASK_SCHEMA, 3), f"{d.id} 第{number}项：{event.type}")

    def _replaces(self, event: Event, existing: list[Event], force: bool) -> Event | None:
        """The recorded event this one would replace (same plan or same year's report), or refuse."""
        same = [e for e in existing if e.type == event.type and e.unit == event.unit
                and (event.type == "plan" or (event.type == "report" and e.year == event.year))]
        if not same:
            return None
        what = "实施方案" if event.type == "plan" else f"{event.year}年度报送"
        who = f"{event.unit}的" if event.unit else ""
        if not force:
            raise Refused(f"{who}{what}已经记录过（日期 {same[0].date.isoformat()}）",
                          hint="确要替换，加 --force", code="duplicate-report")
        return same[0]

    def _check_forward(self, task: Task, event, force: bool) -> None:
        current = Answer(self.tracking, task, event.unit, event.date).state()
        if STATES.index(event.state) < STATES.index(current) and not force:
            raise Refused(f"第{task.number}项{'（' + event.unit + '）' if event.unit else ''}在 {event.date.isoformat()} "
                          f"已是“{current}”；记为“{event.state}”会使进度倒退",
                          hint="确实重新开展了这项工作的，加 --force", code="state-backwards")

    def _remember(self, doc: str, number: int, event: Event, replace: Event | None) -> None:
        """Keep the in-memory tracking in step, so later entries of a batch see earlier ones."""
        events = [e for e in self.tracking.events.get((doc, number), []) if e is not replace]
        self.tracking.events[(doc, number)] = sorted(events + [event], key=lambda e: e.date)

    def value(self, doc: str | None, indicator: str, year: int, value: float, source: str,
              date: dt.date | None = None, note: str | None = None, force: bool = False) -> Change | None:
        """Check one actual value of an indicator."""
        d = self.document(doc)
        if indicator not in d.indicators:
            known = ", ".join(d.indicators) or "none: indicators.yaml lists no indicator"
            raise Refused(f"{d.id} 中没有指标“{indicator}”", hint=f"现有指标：{known}",
                          code="unknown-indicator")
        if not math.isfinite(value):
            raise Refused(f"“{value}”不是数字", hint="写实际数值，如 4.5")
        if date and date > dt.date.today():
            raise Refused(f"{date.isoformat()} 还没有到", hint="写公布数值的日期",
                          code="date-in-future")
        texts = _checked_texts({"source": source, "note": note})
        try:
            entry = IndicatorValue(year=year, value=value, source=texts["source"], date=date, note=texts["note"])
        except ValidationError as err:
            raise Refused(err.errors()[0]["msg"])
        if date and date < d.meta.date:
            raise Refused(f"{date.isoformat()} 早于政策的发文日期", code="date-before-policy")
        values = self.tracking.values.get((d.id, indicator), [])
        if entry in values:
            return None
        if any(v.year == year for v in values) and not force:
            raise Refused(f"指标“{indicator}”已有{year}年的数值", hint="确要替换，加 --force",
                          code="duplicate-report")
        body = entry.model_dump(exclude_defaults=True)

        def apply(data: CommentedMap) -> None:
            entries = data.get("indicators")
            if not isinstance(entries, CommentedSeq) or not entries:
                data["indicators"] = entries = CommentedSeq()
            found = next((e for e in entries if e.get("id") == indicator), None)
            if found is None:
                entries.append(_styled({"id": indicator, "values": []}))
                found = entries[-1]
            seq = found.get("values")
            if not isinstance(seq, CommentedSeq) or not seq:
                found["values"] = seq = CommentedSeq()
            old = next((i for i, v in enumerate(seq) if v.get("year") == year), None)
            if old is None:
                seq.append(_styled(body))
            else:
                _update(seq[old], _styled(body))

        path = indicators_path(self.policies, d.id)
        self.tracking.values[(d.id, indicator)] = sorted([v for v in values if v.year != year] + [entry],
                                                         key=lambda v: v.year)
        return Change(path, apply, {"indicators": []} if not path.exists() else None,
                      schema_ref(INDICATORS_SCHEMA, 2), f"{d.id} 指标 {indicator} {year}")


def _key_name(key: str) -> int:
    return _ORDER.index(key) if key in _ORDER else len(_ORDER)


def _key(item: tuple[str, Any]) -> int:
    return _key_name(item[0])


def _update(node: CommentedMap, new: CommentedMap) -> None:
    """Rewrite a mapping in place, so comments on keys that stay are kept."""
    for key in [k for k in node if k not in new]:
        del node[key]
    for key, value in new.items():
        if node.get(key) != value:
            node[key] = value


def _raw_index(events: CommentedSeq, old: Event) -> int:
    """Where a recorded event stands in the file (the loader sorted by date; the file may not be)."""
    for i, node in enumerate(events):
        if node.get("type") == old.type and str(node.get("date")) == old.date.isoformat() \
                and node.get("year") == getattr(old, "year", None) \
                and (node.get("unit") or None) in (old.unit, None):
            return i
    raise Refused("文件中没有找到要替换的记录", code="duplicate-report")


LOCK_FILE = ".tracking.lock"


@contextmanager
def tracking_lock(policies: Path) -> Iterator[None]:
    """Hold the knowledge base's tracking lock across read, check and write.

    Two `progress` or `report-import` commands at once would each read the same file and the
    later write would drop the earlier one's entry; with the lock the second waits for the first
    and then reads what it wrote. The lock is released when the process ends, however it ends.
    """
    path = Path(policies) / LOCK_FILE
    with held(path, wait=True):
        yield


def apply(changes: list[Change | None], policies: Path) -> list[Path]:
    """Write a checked batch as one change (journal.commit: all files or none, even when killed):
    new files first get their schema line; edits keep comments and layout."""
    changes = [c for c in changes if c is not None]
    if any(c.new is not None for c in changes):
        write_schemas(policies)
    by_path: dict[Path, list[Change]] = {}
    for c in changes:
        by_path.setdefault(c.path, []).append(c)
    contents = {}
    for path, group in by_path.items():
        text = path.read_text(encoding="utf-8") if path.exists() else dumps(group[0].new, schema=group[0].schema)

        def change(data: CommentedMap, group: list[Change] = group) -> None:
            for c in group:
                c.edit(data)
        contents[path] = rewrite(text, change).encode("utf-8")
    journal.commit(contents, policies)
    return list(by_path)
