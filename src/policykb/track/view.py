"""The status of the work as text lines and as JSON: overdue items by lead unit, lights by task."""
from __future__ import annotations

import datetime as dt
from collections import Counter

from ..cascade.rollup import lines as cascade_lines
from ..graph import PolicyGraph
from ..period import sentence
from ..status import LIGHT_LABEL, Statuses
from .load import Tracking
from .status import Obligation, by_lead_unit, cn_date, obligations, statuses


def _select(pg: PolicyGraph, obs: list[Obligation], unit: str | None) -> dict[str, list[Obligation]]:
    grouped = by_lead_unit(pg, obs)
    if unit is None or unit in pg.kb.units:
        return {u: items for u, items in grouped.items() if unit is None or u == unit}
    # a member of a collective (长沙市): what the collective owes for the tasks this member leads
    led = {(t.doc, t.number) for t in pg.member_tasks(unit)["lead"]}
    collectives = pg.collectives_of(unit)
    items = [o for o in obs if (o.doc, o.task) in led and (o.unit is None or o.unit in collectives)]
    return {unit: items} if items else {}


def _tasks_of(pg: PolicyGraph, unit: str) -> dict[str, list]:
    """A registry unit's tasks, or a member's (only those its collectives' tasks give it)."""
    return pg.tasks_of(unit) if unit in pg.kb.units else pg.member_tasks(unit)


def status_data(pg: PolicyGraph, tracking: Tracking, as_of: dt.date, unit: str | None = None,
                sts: Statuses | None = None) -> dict:
    """Everything `policykb status` shows, as plain data (the JSON format). `sts`: every task's
    status as of that day, when the caller has them already (the build has)."""
    obs = obligations(pg, tracking, as_of)
    sts = statuses(pg, tracking, as_of, obs) if sts is None else sts
    if unit is not None:
        mine = {(t.doc, t.number) for role in _tasks_of(pg, unit).values() for t in role}
        sts = {k: v for k, v in sts.items() if k in mine}
    grouped = _select(pg, [o for o in obs if o.overdue], unit)
    soon = _select(pg, [o for o in obs if not o.overdue and o.met is None and not o.waived], unit)
    return {
        "as_of": as_of.isoformat(),
        "tracked_documents": sorted(tracking.documents),
        "lights": dict(Counter(s.light for s in sts.values())),
        "overdue": {u: [o.to_json() for o in items] for u, items in grouped.items()},
        "due_soon": {u: [o.to_json() for o in items] for u, items in soon.items()},
        "tasks": [{"doc": d, "task": n, "state": s.state, "state_detail": s.detail, "light": s.light, "overdue": s.overdue,
                   "reasons": list(s.reasons)} for (d, n), s in sorted(sts.items())],
    }


def _when(pg: PolicyGraph, docs, as_of: dt.date) -> str:
    """The headline's date: the build day, or, once every period is over, the final state (never the build day)."""
    periods = [pg.period(d) for d in sorted(docs) if d in pg.kb.documents]
    if periods and all(as_of > p.end for p in periods):
        return "；".join(dict.fromkeys(sentence(p, as_of) for p in periods)) + "，最终情况"
    return f"截至{cn_date(as_of)}"


def status_lines(pg: PolicyGraph, tracking: Tracking, as_of: dt.date, unit: str | None = None,
                 sts: Statuses | None = None, data: dict | None = None) -> list[str]:
    """The text format: a headline, then what is overdue and what falls due soon, by lead unit.
    `sts` and `data` (status_data's, for the same unit) when the caller has them already."""
    if not tracking.documents:
        return [f"{_when(pg, pg.kb.documents, as_of)}：尚无跟踪记录（policies/<文件>/tracking/ 不存在）。",
                "用 policykb progress … 记录进展，或用 policykb report-import 导入报送表。"]
    sts = statuses(pg, tracking, as_of) if sts is None else sts
    data = status_data(pg, tracking, as_of, unit, sts) if data is None else data
    lights = data["lights"]
    head = _when(pg, tracking.documents, as_of) + (f"（{unit}）" if unit else "") + "：" + "，".join(
        f"{LIGHT_LABEL[k]} {lights.get(k, 0)} 项" for k in ("red", "amber", "green"))
    count = sum(len(v) for v in data["overdue"].values())
    lines = [head, f"逾期 {count} 处：" if count else "没有逾期事项。"]
    for title, block in (("", data["overdue"]), ("30天内到期：", data["due_soon"])):
        if title and block:
            lines += ["", title]
        for name, items in block.items():
            lines.append(f"{name}（{len(items)}）")
            for o in items:
                lines.append(f"  第{o['task']}项  {_short(o['reason'], name)}")
    return lines + cascade_lines(pg.kb, sts, tracking.values, as_of)  # issue 24: empty without a cascade


def _short(reason: str, unit: str) -> str:
    return reason.removeprefix(f"{unit}：")
