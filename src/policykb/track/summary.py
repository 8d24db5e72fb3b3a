"""省扶贫办's yearly summary (.docx) of who reported, on time or late, and reminder letters (催办函)."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..gongwen import cite, provenance
from ..graph import PolicyGraph
from ..output import atomic_write
from .load import Tracking
from .model import STATES
from .office import Page
from .status import Obligation, by_lead_unit, cn_date, obligations, unit_states

ISSUER = "省扶贫办"
ON_TIME, LATE, MISSING, NOT_DUE = "按时报送", "逾期报送", "未报送", "未到期"


@dataclass(frozen=True)
class Line:
    """One reporting obligation of a year, as the summary shows it."""
    obligation: Obligation
    leads: str  # who answers: one lead, or the leads joined by 、
    outcome: str
    state: str
    summary: str
    problems: str


def _outcome(o: Obligation) -> str:
    return LATE if o.late else ON_TIME if o.met else MISSING if o.overdue else NOT_DUE


def year_lines(pg: PolicyGraph, tracking: Tracking, year: int, as_of: dt.date) -> list[Line]:
    lines = []
    for o in obligations(pg, tracking, as_of):
        if o.kind != "report" or o.year != year or o.waived:
            continue
        task = pg.task(o.doc, o.task)
        report = next((e for e in tracking.of(o.doc, o.task, o.unit, "report") if e.year == year
                       and e.date <= as_of), None)
        state = unit_states(pg, tracking, task, as_of)[o.unit]
        lines.append(Line(o, o.unit or "、".join(task.lead), _outcome(o), state,
                          report.summary if report else "", (report.problems or "") if report else ""))
    return lines


def missing_units(pg: PolicyGraph, lines: list[Line]) -> dict[str, list[Line]]:
    """Lead units with at least one report overdue, and those lines."""
    grouped = by_lead_unit(pg, [ln.obligation for ln in lines if ln.outcome == MISSING])
    by_ob = {ln.obligation: ln for ln in lines}
    return {u: [by_ob[o] for o in obs] for u, obs in grouped.items()}


def _policy_title(pg: PolicyGraph) -> str:
    titles = [cite("".join(d.meta.issuers) + d.meta.title) for d in pg.documents()]
    return "、".join(titles)


def _full_name(pg: PolicyGraph, unit: str) -> str:
    found = pg.kb.units.get(unit)
    return (found.full_name or found.name) if found else unit


def within_period(pg: PolicyGraph, as_of: dt.date) -> dt.date:
    """The date the office documents speak as of: never after the policies' period has ended."""
    ends = [d.meta.period.end for d in pg.documents() if d.meta.period]
    return min(as_of, max(ends)) if ends else as_of


def _page(pg: PolicyGraph, title: str, day: dt.date) -> Page:
    return Page(title=title, author=_full_name(pg, ISSUER), day=day, properties=provenance(pg.kb.root))


def summary_bytes(pg: PolicyGraph, tracking: Tracking, year: int, as_of: dt.date) -> bytes:
    as_of = within_period(pg, as_of)
    lines = year_lines(pg, tracking, year, as_of)
    counts = Counter(ln.outcome for ln in lines)
    states = Counter(ln.state for ln in lines)
    title = f"关于{year}年度重要政策措施落实情况的汇总报告"
    page = _page(pg, title, as_of)
    page.title(title)
    page.line("省委、省政府：")
    page.body(f"根据{_policy_title(pg)}重要政策措施分工方案的要求，各牵头单位应于每年11月中旬将牵头负责工作的年度落实情况"
              f"和下一年度工作安排报送省扶贫办。现将{year}年度报送情况汇总报告如下。")
    page.heading("一、总体情况")
    page.body(f"截至{cn_date(as_of)}，应报送{len(lines)}项（按牵头单位计），其中按时报送{counts[ON_TIME]}项，"
              f"逾期报送{counts[LATE]}项，未报送{counts[MISSING]}项" +
              (f"，未到报送时限{counts[NOT_DUE]}项" if counts[NOT_DUE] else "") + "。任务进展："
              + "，".join(f"{s}{states[s]}项" for s in STATES) + "。")
    page.heading("二、各单位报送情况")
    rows = []
    for unit, obs in by_lead_unit(pg, [ln.obligation for ln in lines]).items():
        c = Counter(_outcome(o) for o in obs)
        rows.append([unit, len(obs), c[ON_TIME], c[LATE], c[MISSING]])
    page.table(["牵头单位", "应报", "按时", "逾期", "未报"], rows, [70, 20, 20, 20, 20])
    page.heading("三、各项任务进展")
    page.table(["序号", "牵头单位", "报送情况", "状态", "落实情况"],
               [[ln.obligation.task, ln.leads, _when(ln), ln.state, ln.summary or "—"] for ln in lines],
               [14, 40, 30, 18, 54])
    page.heading("四、存在问题")
    problems = [ln for ln in lines if ln.problems]
    for ln in problems:
        page.body(f"第{ln.obligation.task}项（{ln.leads}）：{ln.problems}")
    if not problems:
        page.body("各单位报送材料中未反映突出问题。")
    page.heading("五、催办情况")
    missing = missing_units(pg, lines)
    page.body(f"对未按时报送的{len(missing)}家单位，已发催办函：{'、'.join(missing)}。" if missing
              else "各牵头单位均已报送。")
    page.signature(_full_name(pg, ISSUER), as_of)
    return page.bytes()


def _when(ln: Line) -> str:
    met = ln.obligation.met
    return f"{ln.outcome}（{met.month}月{met.day}日）" if met else ln.outcome


def reminder_bytes(unit: str, lines: list[Line], year: int, as_of: dt.date, pg: PolicyGraph) -> bytes:
    """催办函 to one unit (by its full name): the tasks whose yearly report is missing."""
    as_of = within_period(pg, as_of)
    due = max(ln.obligation.due for ln in lines)
    title = f"关于报送{year}年度重要政策措施落实情况的催办函"
    page = _page(pg, title, as_of)
    page.title(title)
    page.line(f"{_full_name(pg, unit)}：")
    page.body(f"根据{_policy_title(pg)}重要政策措施分工方案的要求，各牵头单位应于{cn_date(due)}前将牵头负责工作的"
              f"年度落实情况和下一年度工作安排报送省扶贫办。截至{cn_date(as_of)}，你单位牵头负责的以下任务尚未报送：")
    for i, ln in enumerate(lines, start=1):
        task = pg.task(ln.obligation.doc, ln.obligation.task)
        page.body(f"{i}．第{task.number}项：{task.text}")
    page.body("请于收到本函后5个工作日内报送省扶贫办。逾期未报的，将按分工方案要求提请省委办公厅、省政府办公厅督促检查。")
    page.body("特此函告。")
    page.signature(_full_name(pg, ISSUER), as_of)
    return page.bytes()


def summary_name(year: int) -> str:
    return f"{year}年度重要政策措施落实情况汇总报告.docx"


def reminder_name(unit: str, year: int) -> str:
    return f"{year}年度催办函-{unit}.docx"


def write_summary(pg: PolicyGraph, tracking: Tracking, year: int, as_of: dt.date, folder: Path) -> list[Path]:
    """The summary and one reminder letter per unit that has not reported; returns the files written."""
    folder = Path(folder)
    as_of = within_period(pg, as_of)
    written = [folder / summary_name(year)]
    atomic_write(written[0], summary_bytes(pg, tracking, year, as_of))
    for unit, lines in missing_units(pg, year_lines(pg, tracking, year, as_of)).items():
        path = folder / "催办函" / reminder_name(unit, year)
        atomic_write(path, reminder_bytes(unit, lines, year, as_of, pg))
        written.append(path)
    return written
