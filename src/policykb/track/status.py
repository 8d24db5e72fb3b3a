"""What is due, met, late or overdue on a given day — computed from the events, never stored.

Each task owes, per answering unit (each lead when 分别牵头, else the task as a whole):
  - an implementation plan by the annex's one-off general deadline (2016年6月底前),
  - a yearly report by the yearly general deadline (每年11月中旬) for every year it is not yet done,
  - a progress report at each recurrence of a monthly or quarterly deadline, general (每季度初15日前报送) or its
    own (每月28日前报送进展), judged at the latest recurrence before the day: met by a progress report (update) or
    yearly report recorded after the recurrence before it,
  - completion by its last own deadline (到2020年, 2016年6月底前 …); ongoing work (长期坚持) never falls due.
An approved extension moves the deadline whose date it names.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from ..deadlines import FREQUENT, ON_A_DAY, cn_date
from ..graph import PolicyGraph
from ..model import Deadline, Document, Task
from ..status import Light, Statuses, TaskStatus
from .load import Tracking, answering_units
from .model import STATES

Kind = Literal["plan", "report", "update", "deadline"]
DONE = ("已完成", "已销号")
SOON = dt.timedelta(days=30)  # a deadline this close turns the light amber


@dataclass(frozen=True)
class Obligation:
    """One thing a unit owes for a task, as it stands on the as-of date."""
    doc: str
    task: int
    unit: str | None  # None: the task as a whole (first or joint leads)
    kind: Kind
    year: int | None  # reporting year, for kind 'report'
    original: dt.date
    due: dt.date  # after approved extensions
    met: dt.date | None  # when it was met, if on or before the as-of date
    overdue: bool
    waived: bool = False  # the work was done before the obligation mattered
    every: str = ""  # 每月, 每季度: how often a progress report (kind 'update') is due

    @property
    def late(self) -> bool:
        return self.met is not None and self.met > self.due

    @property
    def extended(self) -> bool:
        return self.due != self.original

    @property
    def label(self) -> str:
        return {"plan": "实施方案", "report": f"{self.year}年度落实情况报送", "update": f"{self.every}进展报送",
                "deadline": "任务完成"}[self.kind]

    def reason(self) -> str:
        """Chinese, as users read it: who, what, by when."""
        who = f"{self.unit}：" if self.unit else ""
        due = f"应于{cn_date(self.due)}前" + ("，已延期" if self.extended else "")
        if self.overdue:
            verb = {"plan": "逾期未出台", "report": "逾期未报送", "update": "逾期未报送", "deadline": "逾期未完成"}[self.kind]
            return f"{who}{self.label}{verb}（{due}）"
        if self.late:
            return f"{who}{self.label}迟于时限（{cn_date(self.met)}，{due}）"
        if self.met is None and self.extended:
            return f"{who}{self.label}已延期至{cn_date(self.due)}（原定{cn_date(self.original)}）"
        if self.met is None:
            return f"{who}{self.label}即将到期（{due}）"
        return f"{who}{self.label}已按期（{cn_date(self.met)}）"

    def to_json(self) -> dict:
        return {"doc": self.doc, "task": self.task, "unit": self.unit, "kind": self.kind, "year": self.year,
                "original": self.original.isoformat(), "due": self.due.isoformat(),
                "met": self.met.isoformat() if self.met else None, "overdue": self.overdue, "late": self.late,
                "reason": self.reason()}


class Answer:
    """The events of one answering unit of one task, read as of a date."""

    def __init__(self, tracking: Tracking, task: Task, unit: str | None, as_of: dt.date):
        self.events = [e for e in tracking.of(task.doc, task.number, unit) if e.date <= as_of]
        self.task, self.unit, self.as_of = task, unit, as_of

    def state(self, on: dt.date | None = None) -> str:
        on = on or self.as_of
        events = [e for e in self.events if e.date <= on]
        explicit = [e.state for e in events if e.type == "state"]
        if explicit:
            return explicit[-1]
        return "推进中" if any(e.type in ("plan", "report", "update") for e in events) else "未启动"

    def done_on(self) -> dt.date | None:
        done = [e.date for e in self.events if e.type == "state" and e.state in DONE]
        return done[-1] if done and self.state() in DONE else None

    def moved(self, original: dt.date) -> dt.date:
        """A deadline after every approved extension that names it (chains followed)."""
        due, seen = original, set()
        for e in self.events:
            if e.type == "extension" and e.original == due and due not in seen:
                seen.add(due)
                due = e.new
        return due

    def obligation(self, kind: Kind, original: dt.date, met: dt.date | None, year: int | None = None,
                   waived: bool = False, every: str = "") -> Obligation:
        due = self.moved(original)
        overdue = met is None and not waived and self.as_of > due
        return Obligation(self.task.doc, self.task.number, self.unit, kind, year, original, due, met, overdue, waived,
                          every)


def _general(doc: Document, kind: str) -> list[Deadline]:
    return [d for d in (doc.meta.annex.general_deadlines if doc.meta.annex else []) if d.kind == kind]


def _yearly_due(d: Deadline, year: int) -> dt.date:
    return d.date.replace(year=year)


def _completion(task: Task) -> Deadline | None:
    own = [d for d in task.own_deadlines if d.kind in ON_A_DAY]
    return max(own, key=lambda d: d.date) if own else None


def obligations(pg: PolicyGraph, tracking: Tracking, as_of: dt.date, doc: str | None = None) -> list[Obligation]:
    """Every obligation of every tracked task that has fallen due by as_of or falls due within SOON."""
    found = []
    horizon = as_of + SOON
    for d in pg.documents():
        if (doc and d.id != doc) or not tracking.tracked(d.id):
            continue
        for task in d.tasks.values():
            recurring = {(x.phrase, x.kind): (FREQUENT[x.kind], pg.recurrences(d.id, x))
                         for x in task.deadlines if x.kind in FREQUENT}
            for unit in answering_units(task):
                found += _task_obligations(d, task, Answer(tracking, task, unit, as_of), horizon,
                                           pg.period(d.id).end, list(recurring.values()))
    return found


def _task_obligations(d: Document, task: Task, a: Answer, horizon: dt.date, end: dt.date,
                      recurring: list[tuple[str, list[dt.date]]]) -> list[Obligation]:
    """What one answering unit owes; yearly reports only for the years of the period (ending `end`); a progress
    report for each monthly or quarterly deadline (`recurring`: how often, the dates it falls due)."""
    done = a.done_on()
    out = []
    for plan in _general(d, "once"):
        met = next((e.date for e in a.events if e.type == "plan"), None)
        out.append(a.obligation("plan", plan.date, met, waived=done is not None and met is None))
    for yearly in _general(d, "yearly"):
        for year in range(yearly.date.year, horizon.year + 1):
            due = _yearly_due(yearly, year)
            if due > horizon or due > end or a.state(dt.date(year - 1, 12, 31)) in DONE:
                continue
            met = next((e.date for e in a.events if e.type == "report" and e.year == year), None)
            out.append(a.obligation("report", due, met, year, waived=done is not None and met is None))
    for every, dates in recurring:
        out += _latest_update(a, every, dates, done)
    end = _completion(task)
    if end is not None:
        out.append(a.obligation("deadline", end.date, done))
    return [o for o in out if min(o.due, o.original) <= horizon or o.met is not None]


def _latest_update(a: Answer, every: str, dates: list[dt.date], done: dt.date | None) -> list[Obligation]:
    """A monthly or quarterly report, judged at its latest recurrence before the day (earlier months are history,
    not a dozen overdue lines): met by a progress report or yearly report dated after the recurrence before it
    (one on that day was the earlier one's), however late. None before the first recurrence, nor once the work
    was done by the recurrence before."""
    past = [day for day in dates if day < a.as_of]
    if not past:
        return []
    since = past[-2] if len(past) > 1 else None
    if since is not None and a.state(since) in DONE:
        return []
    met = next((e.date for e in a.events if e.type in ("update", "report") and (since is None or e.date > since)), None)
    return [a.obligation("update", past[-1], met, waived=done is not None and met is None, every=every)]


def _light(obs: list[Obligation], as_of: dt.date) -> tuple[Light, tuple[str, ...]]:
    red = [o.reason() for o in obs if o.overdue]
    if red:
        return "red", tuple(red)
    amber = [o.reason() for o in obs if (o.met is None and not o.waived and o.due >= as_of)
             or o.late or (o.extended and o.met is None)]
    return ("amber", tuple(dict.fromkeys(amber))) if amber else ("green", ())


def task_state(states: list[str]) -> str:
    """A task is as far as its slowest answering unit — except that once one of its separate leads
    has started, the task is under way (未启动 would tell the one who started that nothing happened)."""
    slowest = min(states, key=STATES.index)
    return "推进中" if slowest == "未启动" and any(s != "未启动" for s in states) else slowest


def leads_detail(states: list[str]) -> str:
    """How many separate leads reached the furthest state, when they differ: 1/2个牵头单位已启动."""
    if len(set(states)) < 2:
        return ""
    furthest = max(states, key=STATES.index)
    reached = sum(STATES.index(s) >= STATES.index(furthest) for s in states)
    verb = {"推进中": "已启动", "已完成": "已完成", "已销号": "已销号"}[furthest]
    return f"{reached}/{len(states)}个牵头单位{verb}"


def statuses(pg: PolicyGraph, tracking: Tracking, as_of: dt.date,
             obs: list[Obligation] | None = None) -> Statuses:
    """The contract renderers consume: (doc, task) -> TaskStatus, for every task of a tracked document.
    `obs`: the obligations as of that day, when the caller has them already."""
    obs_by_task: dict[tuple[str, int], list[Obligation]] = {}
    for o in obligations(pg, tracking, as_of) if obs is None else obs:
        obs_by_task.setdefault((o.doc, o.task), []).append(o)
    out: Statuses = {}
    for d in pg.documents():
        if not tracking.tracked(d.id):
            continue
        for task in d.tasks.values():
            states = [Answer(tracking, task, u, as_of).state() for u in answering_units(task)]
            state = task_state(states)
            obs = obs_by_task.get((d.id, task.number), [])
            light, reasons = _light(obs, as_of)
            if state in DONE:
                light, reasons = "green", (state,) + reasons
            out[(d.id, task.number)] = TaskStatus(state=state, light=light, overdue=any(o.overdue for o in obs),
                                                  reasons=reasons, detail=leads_detail(states))
    return out


def unit_states(pg: PolicyGraph, tracking: Tracking, task: Task, as_of: dt.date) -> dict[str | None, str]:
    """The state of each answering unit of a task (None: the task as a whole)."""
    return {u: Answer(tracking, task, u, as_of).state() for u in answering_units(task)}


def by_lead_unit(pg: PolicyGraph, obs: list[Obligation]) -> dict[str, list[Obligation]]:
    """Obligations grouped under the lead unit(s) that answer for them, in registry order."""
    grouped: dict[str, list[Obligation]] = {}
    for o in obs:
        leads = [o.unit] if o.unit else pg.task(o.doc, o.task).lead
        for unit in leads:
            grouped.setdefault(unit, []).append(o)
    order = list(pg.kb.units)
    return {u: grouped[u] for u in sorted(grouped, key=order.index)}
