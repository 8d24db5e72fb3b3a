"""A parent task's state read from its members' child tasks: counts and names, never an average.

A parent task is done only when its own record says so and every required member's child tasks are
done (as DHIS2 approves a level only after every unit below). Its light is the worst member's. A
parent recorded done while members are still open is a warning, not silently believed.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pathlib import Path

from ..issues import Issue
from ..load import load_file
from ..track.load import task_path
from ..model import KnowledgeBase, Task
from ..status import LIGHT_LABEL, Statuses, TaskStatus
from . import indicators, refs
from .coverage import Row, coverage

# A member's standing, worst first: what the counts are grouped by and the light is taken from.
STANDINGS = ("逾期", "无方案", "未落实", "未启动", "推进中", "已完成")
LIGHT = {"逾期": "red", "无方案": "red", "未落实": "red", "未启动": "amber", "推进中": "amber", "已完成": "green"}
NAMED = ("逾期", "无方案", "未落实")  # standings whose members are always named


@dataclass
class MemberStanding:
    member: str
    standing: str
    tasks: list[Task]


BELOW = {"中央": "省份", "省": "市州", "市": "县市区", "县": "乡镇"}  # what the members of each level are called


@dataclass
class Rollup:
    task: Task
    own: TaskStatus | None
    members: list[MemberStanding]
    noun: str = "市州"

    @property
    def light(self) -> str:
        lights = [LIGHT[m.standing] for m in self.members] + ([self.own.light] if self.own else [])
        return next((l for l in ("red", "amber", "green") if l in lights), "amber")

    @property
    def done(self) -> bool:
        return bool(self.own and self.own.done) and all(m.standing == "已完成" for m in self.members)

    def counts(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for m in self.members:
            out.setdefault(m.standing, []).append(m.member)
        return {s: out[s] for s in reversed(STANDINGS) if s in out}

    def summary(self) -> str:
        """「14个市州中已完成9个、推进中3个、逾期2个（邵阳市、怀化市）」"""
        parts = []
        for standing, names in self.counts().items():
            named = f"（{'、'.join(names)}）" if standing in NAMED or len(names) <= 3 else ""
            parts.append(f"{standing}{len(names)}个{named}")
        return f"{len(self.members)}个{self.noun}中" + "、".join(parts)


def _standing(row: Row, member: str, plans: dict[str, list[str]], statuses: Statuses) -> str:
    children = row.by_member.get(member, [])
    if not plans.get(member):
        return "无方案"
    if not children:
        return "未落实"
    states = [statuses.get((t.doc, t.number)) for t in children]
    if any(s and s.overdue for s in states):
        return "逾期"
    if all(s and s.done for s in states):
        return "已完成"
    if all(s is None or s.state == "未启动" for s in states):
        return "未启动"
    return "推进中"


def rollups(kb: KnowledgeBase, doc_id: str, statuses: Statuses) -> list[Rollup]:
    """Every parent task of the document that members must carry out, rolled up from their plans."""
    cov = coverage(kb, doc_id)
    out = []
    for row in cov.rows:
        members = [MemberStanding(m, _standing(row, m, cov.plans, statuses), row.by_member.get(m, []))
                   for m in row.members]
        out.append(Rollup(row.task, statuses.get((doc_id, row.task.number)), members,
                          BELOW[refs.level(kb.documents[doc_id])]))
    return out


def warnings(kb: KnowledgeBase, statuses: Statuses, policies: Path) -> list[Issue]:
    """A parent task recorded done while some member's child tasks are open: located at the record's
    last state event in its tracking file."""
    out = []
    for doc_id in kb.documents:
        for r in rollups(kb, doc_id, statuses):
            if r.own and r.own.done and not r.done:
                open_ = [m.member for m in r.members if m.standing != "已完成"]
                file = load_file(task_path(policies, doc_id, r.task.number))[0]
                events = (file.data or {}).get("events") or [] if file else []
                last = max((i for i, e in enumerate(events) if isinstance(e, dict) and e.get("type") == "state"),
                           default=None)
                line, col = file.where("events", last) if file and last is not None else (1, 1)
                out.append(Issue(file.path if file else r.task.file, line, col, "parent-done-children-open",
                                 f"任务 {r.task.number} 记为{r.own.state}，但还有成员没有完成："
                                 f"{'、'.join(open_)}", severity="warning",
                                 hint="逐个核对成员的方案；全部完成之前，状态记为推进中"))
    return out


def line(kb: KnowledgeBase, r: Rollup) -> str:
    """「湖南省脱贫攻坚实施意见第69项［红灯］14个市州中…；本级记录：推进中」"""
    own = f"；本级记录：{r.own.state}" if r.own else ""
    return f"{kb.documents[r.task.doc].meta.label}{r.task.ref}［{LIGHT_LABEL[r.light]}］{r.summary()}{own}"


def lines(kb: KnowledgeBase, statuses: Statuses, values: dict | None = None, as_of: dt.date | None = None) -> list[str]:
    """The roll-up as `policykb status` shows it, then the members' targets added up towards each parent
    indicator (with what they reported by as_of); nothing at all for a knowledge base without a cascade."""
    out = [f"  {line(kb, r)}" for doc_id in kb.documents for r in rollups(kb, doc_id, statuses)]
    sums = [f"  {x}" for x in indicators.totals(kb.documents, kb.units, values, as_of)]
    return (["", "下级落实情况（灯色取最差的成员）："] + out if out else []) + \
        (["", "下级指标汇总（按 sum 相加）："] + sums if sums else [])
