"""The yearly summary (.docx) of who reported, on time or late, and reminder letters (催办函), each written
for the office a document's `reporting` names (省扶贫办 for the bundled opinions)."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..gongwen import cite, provenance
from ..graph import PolicyGraph
from ..names import safe_filename
from ..output import atomic_write
from .load import Tracking
from .model import STATES
from .office import Page
from .reporting import Office, measures, offices, rule
from .status import Obligation, by_lead_unit, cn_date, obligations, unit_states

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


def year_lines(pg: PolicyGraph, tracking: Tracking, year: int, as_of: dt.date, office: Office) -> list[Line]:
    """The year's report obligations of the documents that report to this office."""
    lines = []
    for o in obligations(pg, tracking, as_of):
        if o.kind != "report" or o.year != year or o.waived or o.doc not in office.docs:
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


def _policy_title(pg: PolicyGraph, office: Office) -> str:
    """The documents as cited with their task division (《…实施意见》重要政策措施分工方案)."""
    docs = [pg.kb.documents[d] for d in office.docs]
    return "、".join(cite("".join(d.meta.issuers) + d.meta.title)
                    + (d.meta.annex.title if d.meta.annex and d.meta.annex.attached else "") for d in docs)


def _full_name(pg: PolicyGraph, unit: str) -> str:
    found = pg.kb.units.get(unit)
    return (found.full_name or found.name) if found else unit


def within_period(pg: PolicyGraph, as_of: dt.date) -> dt.date:
    """The date the office documents speak as of: never after the policies' period has ended."""
    ends = [d.meta.period.end for d in pg.documents() if d.meta.period]
    return min(as_of, max(ends)) if ends else as_of


def _page(pg: PolicyGraph, title: str, day: dt.date, office: Office) -> Page:
    return Page(title=title, author=_full_name(pg, office.name), day=day, properties=provenance(pg.kb.root))


def summary_bytes(pg: PolicyGraph, tracking: Tracking, year: int, as_of: dt.date, office: Office) -> bytes:
    as_of = within_period(pg, as_of)
    lines = year_lines(pg, tracking, year, as_of, office)
    counts = Counter(ln.outcome for ln in lines)
    states = Counter(ln.state for ln in lines)
    words = measures(pg, office.docs)
    page = _page(pg, f"关于{year}年度{words}落实情况的汇总报告", as_of, office)
    page.title(f"关于{year}年度{words}\n落实情况的汇总报告")
    page.line(f"{office.summary_to}：")
    page.body(f"根据{_policy_title(pg, office)}的要求，各牵头单位应于{rule(pg, office.docs)}将牵头负责工作的年度落实情况"
              f"和下一年度工作安排报送{office.name}。现将{year}年度报送情况汇总报告如下。")
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
    sent = [r.recipient for r in reminders(pg, lines, office)]
    own = office.name in missing_units(pg, lines)
    others = "其他牵头单位均已报送。" if own else "各牵头单位均已报送。"  # the office is late too: never 「均已报送」
    page.body((f"对未按时报送的{len(sent)}家单位，已发催办函：{'、'.join(sent)}。" if sent else others)
              + (f"{office.name}牵头的任务尚未汇总的，抓紧补报。" if own else ""))
    page.signature(_full_name(pg, office.name), as_of)
    return page.bytes()


def _when(ln: Line) -> str:
    met = ln.obligation.met
    return f"{ln.outcome}（{met.month}月{met.day}日）" if met else ln.outcome


@dataclass(frozen=True)
class Reminder:
    """One reminder letter: to one recipient (a unit, or a member of a collective lead), of its kind."""
    recipient: str       # short name: the file name
    addressee: str       # full name, as the letter is addressed
    notice: bool         # a body the issuer cannot bind (it got a 告知函): asked, not warned
    lines: tuple[Line, ...]
    you: str = "你单位"  # 你市 / 你州 for a 市州


def reminders(pg: PolicyGraph, lines: list[Line], office: Office) -> list[Reminder]:
    """One reminder per recipient of a letter with a missing report: a collective lead's reminder goes
    to each member whose letter carries the task; none to the office, which collects the reports."""
    from ..render.letters.recipients import member_full_name, notice_kinds  # late: letters are heavy
    notices = set().union(*(notice_kinds(d) for d in pg.documents())) if pg.kb.documents else set()
    found: dict[str, Reminder] = {}
    for unit, missed in missing_units(pg, lines).items():
        registered = pg.kb.units.get(unit)
        if unit == office.name:
            continue
        if registered and registered.members:
            for member in registered.members:
                mine = tuple(ln for ln in missed if pg.task(ln.obligation.doc, ln.obligation.task).applies_to(unit, member))
                if mine:
                    before = found.get(member)
                    found[member] = Reminder(member, member_full_name(member), False,
                                             (before.lines if before else ()) + mine,
                                             "你州" if member.endswith("州") else "你市")
            continue
        kind = registered.kind if registered else ""
        found[unit] = Reminder(unit, _full_name(pg, unit), kind in notices, tuple(missed))
    return list(found.values())


def reminder_bytes(reminder: Reminder, year: int, as_of: dt.date, pg: PolicyGraph, office: Office) -> bytes:
    """催办函 to one recipient (by its full name): the tasks whose yearly report is missing. A body that
    received a 告知函 gets a request (请…支持配合), a unit bound by a 责任书 a reminder with the referral
    to the supervising offices, never to its own."""
    as_of = within_period(pg, as_of)
    kind = "提醒函" if reminder.notice else "催办函"
    words = measures(pg, office.docs)
    page = _page(pg, f"关于报送{year}年度{words}落实情况的{kind}", as_of, office)
    page.title(f"关于报送{year}年度{words}\n落实情况的{kind}")
    page.line(f"{reminder.addressee}：")
    page.body(f"根据{_policy_title(pg, office)}的要求，各牵头单位要在{rule(pg, office.docs)}将牵头负责工作的"
              f"年度落实情况和下一年度工作安排报送{office.name}。截至{cn_date(as_of)}，{reminder.you}牵头负责的以下任务"
              f"尚未报送{year}年度落实情况：")
    for i, ln in enumerate(reminder.lines, start=1):
        task = pg.task(ln.obligation.doc, ln.obligation.task)
        page.body(f"{i}．{task.ref}：{task.text}")
    if reminder.notice:
        page.body(f"请予支持配合，尽快将有关情况报送{office.name}。")
        page.body("特此函告。")
    else:
        # never referred to itself: a supervisor that is late is only asked
        refer = office.supervisors and reminder.recipient not in office.supervisors
        page.body(f"请于收到本函后5个工作日内报送{office.name}。" + (
            f"逾期未报的，将提请{'、'.join(office.supervisors)}督促检查。" if refer else ""))
        page.body("特此函告。")
    page.signature(_full_name(pg, office.name), as_of)
    return page.bytes()


def summary_name(year: int, words: str) -> str:
    return f"{year}年度{words}落实情况汇总报告.docx"


def reminder_name(unit: str, year: int) -> str:
    return f"{year}年度催办函-{unit}.docx"


def write_summary(pg: PolicyGraph, tracking: Tracking, year: int, as_of: dt.date, folder: Path) -> list[Path]:
    """Per office, its summary and one reminder letter per unit that has not reported; returns the files
    written, summaries first. Several offices each get a folder of their own."""
    folder = Path(folder)
    as_of = within_period(pg, as_of)
    found = offices(pg)
    summaries, letters = [], []
    for office in found:
        place = folder / safe_filename(office.name) if len(found) > 1 else folder
        summaries.append(place / summary_name(year, measures(pg, office.docs)))
        atomic_write(summaries[-1], summary_bytes(pg, tracking, year, as_of, office))
        for reminder in reminders(pg, year_lines(pg, tracking, year, as_of, office), office):
            letters.append(place / "催办函" / reminder_name(reminder.recipient, year))
            atomic_write(letters[-1], reminder_bytes(reminder, year, as_of, pg, office))
    return summaries + letters
