"""Place everything on the sheet: columns, rows, time axis, legend, at the largest legible size.

All lengths are millimetres. The body size `s` (font size, mm) drives every other length; the
layout tries both orientations and the largest `s` at which every row fits the sheet, wrapping
text with the same font metrics the tests measure with. On a sheet meant to be read from two metres
(A0, or a smaller sheet chosen for a map's rows) every text is whole at WALL_MM or more, and a task
list too long for one table is set in two panels side by side.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from ...deadlines import EVERY, NO_DEADLINE
from ...export import LEAD_MODE_LABEL
from . import text
from .plan import Group, MapSpec, Row, cn_date
from .schedule import BAND_WITHOUT_GENERAL, BAR_LEGEND, Schedule, bar_style, general_milestones, schedule

LINE = 1.3  # line height, in font sizes
STEP = 0.05  # font sizes are multiples of this (mm): deterministic and fast to search
GENERAL_LABEL = {"plan": "方案出台", "yearly-report": "年度报告"}
STATE_ORDER = ("未启动", "推进中", "已完成", "已销号")
WALL_MM = 4.0  # text height read from two metres


def fs(size: float) -> float:
    """A font size as the SVG writes it (2 decimals): text is wrapped at the size it is drawn at."""
    return round(size, 2)


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h


@dataclass(frozen=True)
class TextBlock:
    """Lines of text set inside a box (its cell); drawn top-aligned from `box.y + pad`."""
    box: Box
    lines: tuple[str, ...]
    size: float
    face: str = "sans"
    align: str = "start"  # start | middle | end
    pad: float = 0.0
    role: str = "text"
    strike: bool = False

    def baselines(self) -> list[float]:
        m = text.metrics(self.face)
        top = self.box.y + self.pad + (LINE - 1) / 2 * self.size
        return [top + i * LINE * self.size + m.ascent * self.size for i in range(len(self.lines))]

    def anchor_x(self) -> float:
        if self.align == "middle":
            return self.box.x + self.box.w / 2
        if self.align == "end":
            return self.box.right - self.pad
        return self.box.x + self.pad


@dataclass(frozen=True)
class Axis:
    x: float
    w: float
    start: dt.date
    end: dt.date

    def at(self, day: dt.date) -> float:
        return self.x + (day - self.start).days / (self.end - self.start).days * self.w

    def clamp(self, day: dt.date) -> dt.date:
        return min(max(day, self.start), self.end)


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    box: Box  # the header cell; rows use the same x and w


@dataclass(frozen=True)
class RowLayout:
    row: Row
    box: Box
    cells: tuple[TextBlock, ...]
    schedule: Schedule
    stripe: bool


@dataclass(frozen=True)
class GroupLayout:
    group: Group
    band: Box
    label: TextBlock
    rows: tuple[RowLayout, ...]


@dataclass(frozen=True)
class Milestone:
    day: dt.date
    kind: str  # a general deadline's id, or "today"
    label: TextBlock | None


@dataclass(frozen=True)
class LegendItem:
    kind: str
    icon: Box
    label: TextBlock
    section: int | None = None


@dataclass(frozen=True)
class Panel:
    """One table with its own time axis. A big map may set its rows in panels side by side (the task
    list's first half on the left, the rest on the right), each read like the whole table."""
    columns: tuple[Column, ...]
    axis: Axis
    header: Box
    table: Box
    groups: tuple[GroupLayout, ...]
    years: tuple[TextBlock, ...]
    quarters: tuple[TextBlock, ...]
    milestones: tuple[Milestone, ...]


@dataclass(frozen=True)
class Layout:
    spec: MapSpec
    width: float
    height: float
    size: float
    max_lines: int
    as_of: dt.date
    texts: tuple[TextBlock, ...]  # title, subtitle, stamp, footer
    panels: tuple[Panel, ...]
    legend: tuple[LegendItem, ...]
    legend_box: Box

    # the first panel's parts (a one-panel map has only that one)
    @property
    def columns(self) -> tuple[Column, ...]:
        return self.panels[0].columns

    @property
    def axis(self) -> Axis:
        return self.panels[0].axis

    @property
    def header(self) -> Box:
        return self.panels[0].header

    @property
    def table(self) -> Box:
        return self.panels[0].table

    @property
    def milestones(self) -> tuple[Milestone, ...]:
        return self.panels[0].milestones

    @property
    def groups(self) -> list[GroupLayout]:
        return [g for p in self.panels for g in p.groups]

    @property
    def rows(self) -> list[RowLayout]:
        return [r for g in self.groups for r in g.rows]

    @property
    def used_height(self) -> float:
        """Down to the footer and its margin: a short map leaves the rest of the sheet blank."""
        footer = self.texts[-1].box
        return min(self.height, footer.bottom + footer.x)


@dataclass(frozen=True)
class Options:
    as_of: dt.date
    years: tuple[int, int]  # the time axis, first and last year: by default the policy's period (draw.axis_years)
    paper: tuple[float, float] = (841.0, 594.0)  # landscape A1, mm
    lead_months: int | None = None  # bars start this long before the deadline (None: at the policy date)
    tracked: bool = False  # statuses were given: say so in the stamp
    period: tuple[dt.date, dt.date] | None = None  # the policy's period: no today line outside it
    note: str | None = None  # said in the legend: why the map is on this paper (tiled, smaller text)
    paper_name: str | None = None  # said in the footer: what to print it on (A3，420×297毫米)


def today_shown(opts: Options) -> bool:
    """The today line stands only inside the axis' years and the policy's period: after the end, the map
    shows the final state."""
    start, end = dt.date(opts.years[0], 1, 1), dt.date(opts.years[1], 12, 31)
    if opts.period is not None:
        start, end = max(start, opts.period[0]), min(end, opts.period[1])
    return start <= opts.as_of <= end


# --- rows -------------------------------------------------------------------------------------

# Table columns before the time axis: key, header, width in ems (None: takes what is left).
COLUMNS = [("no", "序号", 2.4), ("parents", "上级任务", 5.4), ("task", "重点任务", None), ("lead", "牵头单位", 8.2),
           ("participants", "主要参与单位", 12.6), ("indicators", "关键指标", 12.0),
           ("deadline", "时限", 7.0), ("status", "进度", 5.4)]
AXIS_SHARE = 0.36  # of the content width, at least
TASK_MAX = 64  # ems: longer lines are hard to read; what is left over widens the units and the axis
PANEL_GAP = 2.0  # between panels, in font sizes
PANEL_YEAR_EMS = 5.0  # a panel's time axis, at least, per year
PANEL_AXIS_SHARE = 0.18  # a panel's time axis, of its width: narrower, so the task text keeps its lines
GROW = (("lead", 11.0), ("participants", 19.6), ("indicators", 16.0), ("deadline", 11.2))


def _deadline_parts(row: Row, general: bool) -> list[str]:
    """The 时限 cell, in parts a line may break between: the task's own deadlines, else whose target
    years date it (its indicators', the articles' it implements), else the general deadlines, if the
    document sets any."""
    fallback = "按通用时限" if general else NO_DEADLINE
    own = "；".join(d.phrase for d in row.task.own_deadlines)
    if own:
        return text.tokens(own)
    if row.targets and row.target_articles:  # context, not the task's deadline (issue 23)
        years = "、".join(str(t.year) for t in row.targets)
        return [fallback, f"（参考第{'、'.join(str(n) for n in row.target_articles)}条", f"{years}年目标）"]
    if row.targets:
        return text.tokens("指标目标：" + "、".join(f"{t.year}年" for t in row.targets))
    return [fallback]


def _cell_lines(row: Row, key: str, w: float, s: float, max_lines: int,
                own: str | None = None, general: bool = True) -> tuple[list[str], str]:
    task = row.task
    if key == "no":
        return [task.own_number], "sans-bold"
    if key == "task":
        return text.wrap(task.text, w, s, max_lines=max_lines), "sans"
    if key == "parents":
        return text.wrap_names(list(row.parents), w, s) if row.parents else ["本级"], "sans"
    if key == "lead":
        suffix = f"（{LEAD_MODE_LABEL[task.lead_mode]}）" if len(task.lead) > 1 else ""
        return text.wrap_names(task.lead, w, s, suffix=suffix), "sans-bold"  # leads are never cut
    if key == "participants":
        names = list(task.participants)
        if own in names:  # on a unit's own map its name comes first, so a shortened list still shows it
            names.remove(own)
            names.insert(0, own)
        return text.wrap_names(names, w, s, max_lines=max(max_lines, 2),
                               suffix="等" if task.open_ended else ""), "sans"
    if key == "indicators":
        return text.wrap("；".join(row.indicators), w, s, max_lines=max_lines), "sans"
    if key == "deadline":
        return text.wrap_parts(_deadline_parts(row, general), w, s, max_lines=max(max_lines, 2)), "sans"
    if key == "status":
        st = row.status
        if st is None:
            return ["未跟踪"], "sans"
        # separate leads: how many got there, broken between words (1/2个｜牵头｜单位｜已启动) in the narrow column
        detail = text.wrap_parts(re.split(r"(?<=个)|(?<=牵头)|(?=已)", st.detail), w, s) if st.detail else []
        return ([st.state] + detail + (["逾期"] if st.overdue else [])), "sans-bold"
    raise KeyError(key)


@dataclass(frozen=True)
class _Grid:
    s: float
    x: float
    content_w: float
    columns: tuple[tuple[str, str, float, float], ...]  # key, label, x, w
    axis: Axis
    last: dt.date  # the last day a bar may reach: the axis' end, or the period's when it comes first
    general: tuple[tuple[dt.date, str], ...]  # the general deadlines' days up to `last`


def _grid(spec: MapSpec, s: float, x: float, content_w: float, opts: Options,
          axis_share: float = AXIS_SHARE) -> _Grid | None:
    has_indicators = any(r.indicators for r in spec.rows)
    cols = [c for c in COLUMNS if (c[0] != "indicators" or has_indicators)
            and (c[0] != "parents" or any(r.parents for r in spec.rows))]  # issue 24: child plans only
    widths = {key: em * s for key, _, em in cols if em}
    # 序号: a document's own numbers (「二（二）」) may be wider than two digits
    widths["no"] = max(widths["no"], max((text.width(r.task.own_number, s, "sans-bold") for r in spec.rows), default=0) + s)
    task_w = content_w * (1 - axis_share) - sum(widths.values())
    if task_w < 14 * s:
        return None
    if task_w > TASK_MAX * s:
        spare = task_w - TASK_MAX * s
        task_w = TASK_MAX * s
        for key, most in GROW:  # up to these widths, in this order; the axis takes the rest
            if key in widths:
                grow = min(spare, most * s - widths[key])
                widths[key] += grow
                spare -= grow
    widths["task"] = task_w
    placed, cx = [], x
    for key, label, _ in cols:
        placed.append((key, label, cx, widths[key]))
        cx += widths[key]
    axis = Axis(cx, x + content_w - cx, dt.date(opts.years[0], 1, 1), dt.date(opts.years[1] + 1, 1, 1))
    if axis_share < AXIS_SHARE and axis.w < PANEL_YEAR_EMS * s * (opts.years[1] - opts.years[0] + 1):
        return None  # a panel's narrower axis still gives each year room for its quarters and a bar's end
    last = last_day(spec, axis)
    return _Grid(s, x, content_w, tuple(placed), axis, last,
                 tuple(general_milestones(spec.general, axis.start, last)))


def last_day(spec: MapSpec, axis: Axis) -> dt.date:
    """Nothing is drawn past the policy's period (nor past the axis)."""
    return min(axis.end, spec.period[1]) if spec.period else axis.end


# A row's bar is the same at every size the search tries: made once per row during one `layout` call
# (keyed by the row's id, which the spec keeps alive until the call returns).
_SCHEDULES: dict[tuple, Schedule] = {}


def _row(row: Row, grid: _Grid, y: float, max_lines: int, stripe: bool, spec: MapSpec,
         lead_months: int | None) -> RowLayout:
    s, pad = grid.s, 0.3 * grid.s
    cells = []
    for key, _, cx, w in grid.columns:
        inner = w - 2 * pad - (1.3 * s if key == "status" else 0)
        lines, face = _cell_lines(row, key, inner, s, max_lines, spec.unit, bool(spec.general))
        cells.append((key, cx, w, lines, face))
    n = max(1, max(len(c[3]) for c in cells))
    h = n * LINE * s + 2 * pad
    blocks = []
    for key, cx, w, lines, face in cells:
        indent = 1.3 * s if key == "status" else 0
        align = "middle" if key == "no" else "start"
        blocks.append(TextBlock(Box(cx + indent, y, w - indent, h), tuple(lines), s, face, align, pad,
                                role=f"cell-{key}", strike=key == "task" and bool(row.status and row.status.done)))
    key = (id(row), spec.policy_date, grid.last, lead_months, grid.general)
    sched = _SCHEDULES.get(key)
    if sched is None:
        sched = _SCHEDULES[key] = schedule(row.task, spec.policy_date, grid.last, lead_months, row.targets,
                                           bool(row.target_articles), grid.general)
    return RowLayout(row, Box(grid.x, y, grid.content_w, h), tuple(blocks), sched, stripe)


def _groups(spec: MapSpec, grid: _Grid, y: float, max_lines: int, lead_months: int | None,
            bottom: float) -> list[GroupLayout] | None:
    """The rows placed from y down; None as soon as one ends below `bottom` (the sheet cannot hold
    them, so the size search need not lay out the rest)."""
    s = grid.s
    out = []
    for group in spec.groups:
        band = Box(grid.x, y, grid.content_w, 1.7 * s)
        label = TextBlock(Box(grid.x + 0.8 * s, y, grid.content_w - 0.8 * s, band.h),
                          (group.label,), fs(1.05 * s), "sans-bold", pad=0.2 * s, role="group")
        y = band.bottom
        rows = []
        for i, row in enumerate(group.rows):
            r = _row(row, grid, y, max_lines, i % 2 == 1, spec, lead_months)
            if r.box.bottom > bottom:
                return None
            rows.append(r)
            y = r.box.bottom
        out.append(GroupLayout(group, band, label, tuple(rows)))
    return out


# --- the sheet --------------------------------------------------------------------------------

def _legend_entries(spec: MapSpec, opts: Options, rows: list[RowLayout],
                    general_kinds: set[str]) -> list[tuple[str, str, int | None]]:
    """What the map's legend explains: only what occurs on this map."""
    styles = {bar_style(r.schedule) for r in rows}
    stones = {kind for r in rows for _, kind in r.schedule.milestones}
    entries = [(f"bar-{k}", label if spec.general or k != "band" else BAND_WITHOUT_GENERAL, None)
               for k, label in BAR_LEGEND.items() if k in styles]
    if stones & {"once", "target-year"}:
        entries.append(("diamond", "任务自身时限、关键指标目标年份", None))
    if recurring := [k for k in EVERY if k in stones]:
        entries.append(("diamond-recurring", f"任务{'、'.join(EVERY[k] for k in recurring)}时限", None))
    if "article-target" in stones:
        entries.append(("article-target", "参考：条文在同一句中所定目标年份（不是任务时限）", None))
    for d in spec.general:
        kind = d.id or d.phrase
        if kind in general_kinds:
            entries.append((f"general-{kind}", f"{GENERAL_LABEL.get(d.id or '', '通用时限')}：{d.phrase}", None))
    if today_shown(opts):
        entries.append(("today", f"今日线（{cn_date(opts.as_of)}）", None))
    states = {r.row.status.state for r in rows if r.row.status}
    entries += [(f"state-{st}", st + ("（划线销号）" if st in ("已完成", "已销号") else ""), None)
                for st in STATE_ORDER if st in states]
    if any(r.row.status and r.row.status.overdue for r in rows):
        entries.append(("overdue", "逾期", None))
    sections = {r.row.section for r in rows}
    entries += [("section", label, n) for n, label in spec.sections if n in sections]
    if opts.note:
        entries.append(("note", opts.note, None))
    return entries


def _legend(spec: MapSpec, opts: Options, x: float, y: float, w: float, s: float, rows: list[RowLayout],
            general_kinds: set[str]) -> tuple[list[LegendItem], float]:
    size, icon_w, gap = fs(0.9 * s), 2.6 * s, 1.4 * s
    line_h = LINE * size + 0.5 * s
    items, cx, cy = [], x, y
    for kind, label, section in _legend_entries(spec, opts, rows, general_kinds):
        tw = text.width(label, size)
        iw = 0.0 if kind == "note" else icon_w  # a note (why this paper) is words only
        need = iw + 0.4 * s + tw
        if cx > x and cx + need > x + w:
            cx, cy = x, cy + line_h
        icon = Box(cx, cy + 0.25 * s, iw, LINE * size)
        block = TextBlock(Box(cx + iw + 0.4 * s, cy + 0.25 * s, tw + 0.01, LINE * size), (label,), size,
                          role="legend")
        items.append(LegendItem(kind, icon, block, section))
        cx += need + gap
    return items, cy + line_h - y


def _axis_head(grid: _Grid, y: float, opts: Options) -> tuple[list[TextBlock], list[TextBlock], list[Milestone]]:
    """Above a panel's time axis: years, quarters, and the strip of general milestones."""
    s, axis, head_row = grid.s, grid.axis, 1.5 * grid.s
    years, quarters = [], []
    q_labels = ("一季", "二季", "三季", "四季")
    for year in range(opts.years[0], opts.years[1] + 1):
        x0, x1 = axis.at(dt.date(year, 1, 1)), axis.at(dt.date(year + 1, 1, 1))
        label = f"{year}年" if text.width(f"{year}年", fs(1.05 * s), "sans-bold") < x1 - x0 else str(year)[2:]
        years.append(TextBlock(Box(x0, y, x1 - x0, head_row), (label,), fs(1.05 * s), "sans-bold", "middle",
                               pad=0.2 * s, role="year"))
        for q in range(4):
            q0, q1 = axis.at(dt.date(year, 3 * q + 1, 1)), axis.at(
                dt.date(year + (q == 3), 1 if q == 3 else 3 * q + 4, 1))
            label = q_labels[q] if text.width(q_labels[q], fs(0.8 * s)) < (q1 - q0) - 0.3 * s else str(q + 1)
            quarters.append(TextBlock(Box(q0, y + head_row, q1 - q0, head_row), (label,), fs(0.8 * s), align="middle",
                                      pad=0.25 * s, role="quarter"))
    strip_y = y + 2 * head_row
    milestones = []
    last_right = axis.x
    today = axis.at(opts.as_of) if today_shown(opts) else None
    for day, kind in grid.general:
        label = GENERAL_LABEL.get(kind, "")
        at, size = axis.at(day), fs(0.75 * s)
        tw = text.width(label, size)
        block = None
        right = at + 0.9 * s + tw
        clear = today is None or not (at - 0.6 * s <= today <= right + 0.6 * s)  # the today mark sits there
        if label and clear and right <= axis.x + axis.w and at + 0.5 * s >= last_right:
            block = TextBlock(Box(at + 0.5 * s, strip_y, tw + 0.4 * s, head_row), (label,), size, pad=0.2 * s,
                              role="milestone")
            last_right = block.box.right + 0.3 * s
        milestones.append(Milestone(day, kind, block))
    if today_shown(opts):
        milestones.append(Milestone(opts.as_of, "today", None))
    return years, quarters, milestones


def _moved(b: Box, dx: float, dy: float) -> Box:
    return Box(b.x + dx, b.y + dy, b.w, b.h)


def _split(items: list[tuple[int, RowLayout]], band: float, panels: int) -> list[list[tuple[int, RowLayout]]]:
    """The rows cut into at most `panels` runs, in order, the tallest as short as it can be: each run
    repeats the band of the group it starts in."""
    def runs(limit: float) -> list[list[tuple[int, RowLayout]]]:
        out: list[list[tuple[int, RowLayout]]] = [[]]
        used = 0.0
        for gi, r in items:
            run = out[-1]
            need = r.box.h + (band if not run or run[-1][0] != gi else 0.0)
            if run and used + need > limit:
                out.append([])
                need = band + r.box.h
                used = 0.0
            used += need
            out[-1].append((gi, r))
        return out

    lo = max(band + r.box.h for _, r in items)
    hi = sum(r.box.h for _, r in items) + band * len({gi for gi, _ in items})
    for _ in range(40):  # bisection on the tallest run's height: deterministic floats
        mid = (lo + hi) / 2
        if len(runs(mid)) <= panels:
            hi = mid
        else:
            lo = mid
    return runs(hi)


def _panel_groups(spec: MapSpec, grids: list[_Grid], y: float, max_lines: int, lead_months: int | None,
                  bottom: float) -> list[list[GroupLayout]] | None:
    """Every row laid out once, then the task list cut into the panels side by side (the first part on
    the left), each starting below the header; None when the tallest panel ends below `bottom`."""
    first, s = grids[0], grids[0].s
    band_h = 1.7 * s
    items = [(gi, _row(row, first, 0.0, max_lines, i % 2 == 1, spec, lead_months))
             for gi, group in enumerate(spec.groups) for i, row in enumerate(group.rows)]
    if not items:
        return [[] for _ in grids]
    out = []
    for grid, run in zip(grids, _split(items, band_h, len(grids)) + [[]] * len(grids)):
        dx, cy, groups = grid.x - first.x, y, []
        for gi in dict.fromkeys(g for g, _ in run):  # the groups this panel holds, in order
            group = spec.groups[gi]
            rows = [r for g, r in run if g == gi]
            band = Box(grid.x, cy, grid.content_w, band_h)
            label = group.label + ("（续）" if rows[0].row is not group.rows[0] else "")
            block = TextBlock(Box(grid.x + 0.8 * s, cy, grid.content_w - 0.8 * s, band.h), (label,), fs(1.05 * s),
                              "sans-bold", pad=0.2 * s, role="group")
            cy = band.bottom
            placed = []
            for r in rows:
                placed.append(RowLayout(r.row, _moved(r.box, dx, cy), tuple(
                    TextBlock(_moved(c.box, dx, cy), c.lines, c.size, c.face, c.align, c.pad, c.role, c.strike)
                    for c in r.cells), r.schedule, r.stripe))
                cy += r.box.h
            if cy > bottom:
                return None
            groups.append(GroupLayout(group, band, block, tuple(placed)))
        out.append(groups)
    return out


def _sheet(spec: MapSpec, opts: Options, w: float, h: float, s: float, max_lines: int,
           panels: int = 1) -> Layout | None:
    margin = max(8.0, 0.02 * min(w, h))
    x, content_w = margin, w - 2 * margin
    panel_w = (content_w - PANEL_GAP * s * (panels - 1)) / panels
    share = AXIS_SHARE if panels == 1 else PANEL_AXIS_SHARE
    grids = [_grid(spec, s, x + i * (panel_w + PANEL_GAP * s), panel_w, opts, share) for i in range(panels)]
    if grids[0] is None:
        return None
    title_size, sub_size = fs(max(2.6 * s, 0.018 * min(w, h))), fs(1.0 * s)  # a title seen across the room
    texts = []
    title = f"{spec.title}·{spec.subject}"
    ended = opts.period is not None and opts.as_of > opts.period[1]
    first = f"实施期（{opts.period[0].year}—{opts.period[1].year}年）已结束" if ended else f"截至 {cn_date(opts.as_of)}"
    stamp_lines = (first, "进度：跟踪数据" if opts.tracked else "进度：无跟踪数据")
    stamp_size = fs(max(1.2 * s, 0.006 * min(w, h)))
    stamp_w = max(text.width(t, stamp_size, "sans-bold") for t in stamp_lines) + 1.2 * s
    stamp = TextBlock(Box(x + content_w - stamp_w, margin + 0.2 * s, stamp_w, 2 * LINE * stamp_size + 0.8 * s),
                      stamp_lines, stamp_size, "sans-bold", "middle", pad=0.4 * s, role="stamp")
    # the centred title stops short of the stamp in the top right corner: on a narrow sheet it is set
    # smaller (never below twice the body text), not under the stamp
    room = min(content_w * 0.62, 2 * (stamp.box.x - s - (x + content_w / 2)))
    title_size = fs(min(title_size, title_size * room / text.width(title, title_size, "serif-bold")))
    if title_size < 2 * s:
        return None
    y = margin
    texts.append(TextBlock(Box(x, y, content_w, LINE * title_size), (title,), title_size, "serif-bold",
                           "middle", role="title"))
    y += LINE * title_size
    source = text.wrap(spec.source, content_w * 0.7, sub_size, max_lines=2)
    if stamp.box.x < x + content_w * 0.85:  # the source line would run into the stamp: go below it
        y = max(y, stamp.box.bottom + 0.3 * s)
    texts.append(TextBlock(Box(x + content_w * 0.15, y, content_w * 0.7, len(source) * LINE * sub_size),
                           tuple(source), sub_size, align="middle", role="source"))
    texts.append(stamp)
    y = max(y + len(source) * LINE * sub_size, stamp.box.bottom) + 0.8 * s

    # each panel's header: years, quarters, milestone strip; the text columns span all three
    header_h = 3 * 1.5 * s
    if panels == 1:
        groups = _groups(spec, grids[0], y + header_h, max_lines, opts.lead_months, h - margin)
        placed = None if groups is None else [groups]
    else:
        placed = _panel_groups(spec, grids, y + header_h, max_lines, opts.lead_months, h - margin)
    if placed is None:  # the footer goes below the rows: it could not fit either
        return None
    built = []
    for grid, groups in zip(grids, placed):
        header = Box(grid.x, y, grid.content_w, header_h)
        columns = tuple(Column(key, label, Box(cx, y, cw, header.h)) for key, label, cx, cw in grid.columns)
        years, quarters, milestones = _axis_head(grid, y, opts)
        bottom = groups[-1].rows[-1].box.bottom if groups and groups[-1].rows else header.bottom
        built.append(Panel(columns, grid.axis, header, Box(grid.x, header.bottom, grid.content_w, bottom - header.bottom),
                           tuple(groups), tuple(years), tuple(quarters), tuple(milestones)))
    table_bottom = max(p.table.bottom for p in built)

    legend_y = table_bottom + 1.0 * s
    legend, legend_h = _legend(spec, opts, x, legend_y, content_w, s, [r for p in built for g in p.groups for r in g.rows],
                               {m.kind for m in built[0].milestones})
    foot_size = fs(0.85 * s)
    foot_y = legend_y + legend_h + 0.3 * s
    footer = f"{spec.source}　　policykb 据知识库生成，数据截至{cn_date(min(opts.as_of, opts.period[1]) if opts.period else opts.as_of)}　　共{len(spec.rows)}项任务"
    if opts.paper_name:
        footer += f"　　纸张：{opts.paper_name}"
    foot_lines = text.wrap(footer, content_w, foot_size)
    if foot_y + len(foot_lines) * LINE * foot_size > h - margin:
        return None
    texts.append(TextBlock(Box(x, foot_y, content_w, len(foot_lines) * LINE * foot_size), tuple(foot_lines),
                           foot_size, role="footer"))
    shown = min(opts.as_of, opts.period[1]) if opts.period else opts.as_of  # the final state once it is over
    return Layout(spec, w, h, s, max_lines, shown, tuple(texts), tuple(built), tuple(legend),
                  Box(x, legend_y, content_w, legend_h))


def _best(spec: MapSpec, opts: Options, w: float, h: float, max_lines: int, lo: int, hi: int,
          panels: int = 1) -> Layout | None:
    """The layout at the largest size (in STEPs, within lo..hi) that fits, by bisection."""
    best = _sheet(spec, opts, w, h, round(hi * STEP, 4), max_lines, panels)
    if best:
        return best
    while lo <= hi:
        mid = (lo + hi) // 2
        found = _sheet(spec, opts, w, h, round(mid * STEP, 4), max_lines, panels)
        if found:
            best, lo = found, mid + 1
        else:
            hi = mid - 1
    return best


def shown(laid: Layout) -> float:
    """How much of the task texts the map shows (1.0: every text whole)."""
    whole = sum(len(r.row.task.text) for r in laid.rows) or 1
    cells = [c for r in laid.rows for c in r.cells if c.role == "cell-task"]
    return sum(len("".join(c.lines).removesuffix(text.ELLIPSIS)) for c in cells) / whole


def layout(spec: MapSpec, opts: Options) -> Layout:
    """The chart for the wall. On A0 and larger: every text whole at WALL_MM or more (`_wall`), when
    that fits. Otherwise both orientations, 1 to 7 lines of task text per row, each at the largest
    size that fits; of those set comfortably large, the one showing most text; failing that, the most
    lines at a readable size; failing that, the largest size."""
    try:
        return _layout(spec, opts)
    finally:
        _SCHEDULES.clear()


def wall_ready(laid: Layout) -> bool:
    """Every task text whole, at a size read from two metres."""
    return laid.size >= WALL_MM - 1e-9 and shown(laid) > 0.999


WHOLE = 99  # "as many lines as the text needs": a wall map never cuts a task text


def wall_layout(spec: MapSpec, opts: Options) -> Layout | None:
    """The map on its sheet with every text whole at WALL_MM or more, else None (a smaller sheet than
    A1 is chosen so, and then set no larger than on A1)."""
    try:
        return _wall(spec, opts, max(opts.paper), min(opts.paper), round(5.6 / STEP))
    finally:
        _SCHEDULES.clear()


def _wall(spec: MapSpec, opts: Options, long: float, short: float, hi: int) -> Layout | None:
    """The largest size from WALL_MM up at which every text is whole: one table if it holds every row,
    else the task list in two panels side by side; None when neither fits. Lines are not searched: a
    text takes the lines it needs, so one bisection on the size per orientation decides, and a sheet
    that cannot hold the texts at WALL_MM is known after one trial."""
    lo = round(WALL_MM / STEP)
    for panels in (1, 2):
        found = [f for w, h in ((long, short), (short, long))
                 if _sheet(spec, opts, w, h, round(lo * STEP, 4), WHOLE, panels)
                 and (f := _best(spec, opts, w, h, WHOLE, lo, hi, panels))]
        if found:
            best = max(found, key=lambda c: (c.size, c.width))
            used = max((len(c.lines) for r in best.rows for c in r.cells if c.role == "cell-task"), default=1)
            return replace(best, max_lines=used)
    return None


def _layout(spec: MapSpec, opts: Options) -> Layout:
    long, short = max(opts.paper), min(opts.paper)
    scale = min(short, 841.0) / 594.0  # sizes are set for A1 and scale with the sheet, up to A0's
    hi, floor = round(5.6 * scale / STEP), round(0.8 / STEP)
    comfortable, readable = 4.0 * scale - 1e-9, 2.7 * scale - 1e-9
    if short >= 841.0 - 1e-9:  # an A0 sheet (or two) is there to show every text whole from two metres
        found = _wall(spec, opts, long, short, hi)
        if found:
            return found
    candidates = []
    for panels in (1, 2) if short >= 841.0 - 1e-9 else (1,):
        for w, h in ((long, short), (short, long)):
            for max_lines in (7, 6, 5, 4, 3, 2, 1):  # up to 7 lines: a section map shows every text whole
                found = _best(spec, opts, w, h, max_lines, floor, hi, panels)
                if found:
                    candidates.append(found)
                    if found.size >= hi * STEP - 1e-9:  # fewer lines could only show less at the same size
                        break
    if not candidates:
        raise ValueError(f"map {spec.key} does not fit on a {long:g}×{short:g} mm sheet")
    large = [c for c in candidates if c.size >= comfortable]
    if large:
        return max(large, key=lambda c: (int(shown(c) * 20), c.size, c.width))
    good = [c for c in candidates if c.size >= readable]
    if good:
        return max(good, key=lambda c: (c.max_lines, c.size, c.width))
    return max(candidates, key=lambda c: (c.size, -c.max_lines, c.width))
