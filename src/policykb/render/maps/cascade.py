"""The cascade's wall chart (issue 24): a parent document's tasks × its members, one light per cell.

Hung beside the battle map: each row a task the members must carry out in plans of their own, each
column a member (the 市州, or a 市's 县市区), each cell the member's standing on it as the roll-up reads
it, then the row's counts and its worst light — counts and names, never an average. Only documents
whose members have plans, or are asked for them, get one; the bundled policy alone has none.

Child plans' own maps carry a 上级任务 column instead (`cascade.refs.parent_labels`, in the map layout).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from ...cache import StageCache
from ...cascade.coverage import has_cascade
from ...cascade.rollup import LIGHT, STANDINGS, Rollup, rollups
from ...graph import PolicyGraph
from ...output import atomic_write
from ...model import Document
from ...status import LIGHT_LABEL, Statuses
from . import export as maps_export, text
from .layout import LINE, Box, TextBlock
from .paper import NAMES, PAPERS
from .plan import source_line
from .svg import FAINT, INK, LIGHT_COLOURS, MUTED, RULE, block, line, num, rect

KEY = "members"  # the map's key below its document's folder
MARK = {"已完成": "完", "推进中": "进", "未启动": "未", "未落实": "缺", "无方案": "无", "逾期": "逾"}  # one character a cell
MARGIN = 15.0  # mm
NO_W, LEAD_W, MEMBER_W, COUNT_W, WORST_W = 2.6, 8.0, 2.5, 10.5, 4.6  # column widths in font sizes
TASK_MIN, TASK_MAX = 16.0, 36.0
TASK_LINES = 3


def short_name(member: str) -> str:
    """A column head: 株洲市 → 株洲, 湘西土家族苗族自治州 → 湘西州, 攸县 stays 攸县."""
    if member.endswith("自治州"):
        return member[:2] + "州"
    for end in ("市", "县", "区", "州"):
        if member.endswith(end) and len(member) > 2:
            return member[:-1]
    return member


@dataclass(frozen=True)
class MemberChart:
    doc: Document
    members: tuple[str, ...]
    rows: tuple[Rollup, ...]
    noun: str  # 市州 | 县市区

    @property
    def title(self) -> str:
        return f"{self.doc.meta.label}·各{self.noun}落实情况图"


def charts(pg: PolicyGraph, statuses: Statuses | None) -> list[MemberChart]:
    """One chart per document whose tasks members must carry out; none without a cascade."""
    kb = pg.kb
    if not has_cascade(kb):
        return []
    out = []
    for doc_id in sorted(kb.documents):
        rows = tuple(rollups(kb, doc_id, statuses or {}))
        if rows:
            members = tuple(dict.fromkeys(m.member for r in rows for m in r.members))
            out.append(MemberChart(kb.documents[doc_id], members, rows, rows[0].noun))
    return out


@dataclass(frozen=True)
class _Fit:
    s: float
    task_w: float
    heights: tuple[float, ...]
    head_h: float
    paper: str


def _fit(chart: MemberChart, paper: str) -> _Fit | None:
    """The largest font size (0.25 mm steps) at which the table fits the sheet."""
    w, h = PAPERS[paper]
    cols = NO_W + LEAD_W + len(chart.members) * MEMBER_W + COUNT_W + WORST_W
    longest = max(len(short_name(m)) for m in chart.members)
    s = 8.0
    while s >= 2.5:
        task_w = min(TASK_MAX, (w - 2 * MARGIN) / s - cols)
        if task_w >= TASK_MIN:
            heights = tuple(_row_lines(r, task_w * s, s) * LINE * s + 0.8 * s for r in chart.rows)
            head_h = (longest + 0.6) * LINE * s
            total = 4.6 * s + head_h + sum(heights) + 5.5 * s
            if total <= h - 2 * MARGIN:
                return _Fit(s, task_w * s, heights, head_h, paper)
        s -= 0.25
    return None


def _row_lines(r: Rollup, task_w: float, s: float) -> int:
    return max(len(_task_lines(r, task_w, s)), len(text.wrap_names(r.task.lead, LEAD_W * s - 0.6 * s, s)),
               len(_count_lines(r, s)), 1)


def _task_lines(r: Rollup, w: float, s: float) -> list[str]:
    return text.wrap(r.task.text, w - 0.6 * s, s, max_lines=TASK_LINES)


def _count_lines(r: Rollup, s: float) -> list[str]:
    parts = [f"{standing}{len(names)}" for standing, names in r.counts().items()]
    return text.wrap_parts([p + "，" for p in parts[:-1]] + parts[-1:], COUNT_W * s - 0.6 * s, s)


def _dot(cx: float, cy: float, r: float, standing: str, s: float) -> str:
    fill = LIGHT_COLOURS[LIGHT[standing]]
    mark = MARK[standing]
    ink = INK if LIGHT[standing] == "amber" else "#ffffff"
    return (f'<circle cx="{num(cx)}" cy="{num(cy)}" r="{num(r)}" fill="{fill}" stroke="{INK}" '
            f'stroke-width="{num(0.05 * s)}"/>'
            f'<text x="{num(cx)}" y="{num(cy + 0.36 * 0.8 * s)}" font-size="{num(0.8 * s)}" text-anchor="middle" '
            f'font-weight="bold" fill="{ink}">{escape(mark)}</text>')


def draw(chart: MemberChart, as_of: dt.date, source: str) -> tuple[str, str]:
    """The chart as one SVG sheet, and the paper it is laid out on (A1, else A0 for many rows)."""
    fit = _fit(chart, "A1") or _fit(chart, "A0")
    if fit is None:
        raise ValueError(f"{chart.doc.id}: too many rows for an A0 sheet")
    s, (W, H) = fit.s, PAPERS[fit.paper]
    x0, y = MARGIN, MARGIN
    out = [rect(Box(0, 0, W, H), fill="#ffffff")]
    out.append(block(TextBlock(Box(x0, y, W - 2 * MARGIN, 2.2 * LINE * s), (chart.title,), 2.2 * s, "sans-bold")))
    y += 2.6 * LINE * s
    sub = f"截至{as_of.year}年{as_of.month}月{as_of.day}日 · {len(chart.members)}个{chart.noun} · {len(chart.rows)}项须逐级落实的任务"
    out.append(block(TextBlock(Box(x0, y, W - 2 * MARGIN, LINE * s), (sub,), s, "sans")))
    y += 1.6 * LINE * s
    widths = [("no", "序号", NO_W * s), ("task", "任务", fit.task_w), ("lead", "牵头单位", LEAD_W * s)] + \
        [(f"m{i}", short_name(m), MEMBER_W * s) for i, m in enumerate(chart.members)] + \
        [("count", "汇总（个）", COUNT_W * s), ("worst", "最差", WORST_W * s)]
    xs, cx = {}, x0
    for key, _, w in widths:
        xs[key] = cx
        cx += w
    table_w = cx - x0
    top = y
    out.append(rect(Box(x0, y, table_w, fit.head_h), fill="#e9e9e9"))
    for key, label, w in widths:
        if key.startswith("m"):  # a member's name stands upright, one character a line, as on paper charts
            lines = tuple(label)
            pad = (fit.head_h - len(lines) * LINE * s) / 2
        else:
            lines = tuple(text.wrap(label, w - 0.4 * s, s))
            pad = (fit.head_h - len(lines) * LINE * s) / 2
        out.append(block(TextBlock(Box(xs[key], y, w, fit.head_h), lines, s, "sans-bold", "middle", pad, "head")))
    y += fit.head_h
    pad = 0.4 * s
    for i, (r, h) in enumerate(zip(chart.rows, fit.heights)):
        if i % 2:
            out.append(rect(Box(x0, y, table_w, h), fill="#f6f6f6"))
        cells = [("no", (r.task.own_number,), "sans-bold", "middle"),
                 ("task", tuple(_task_lines(r, fit.task_w, s)), "sans", "start"),
                 ("lead", tuple(text.wrap_names(r.task.lead, LEAD_W * s - 2 * pad, s)), "sans", "start"),
                 ("count", tuple(_count_lines(r, s)), "sans", "start")]
        for key, lines, face, align in cells:
            w = dict((k, w) for k, _, w in widths)[key]
            out.append(block(TextBlock(Box(xs[key], y, w, h), lines, s, face, align, pad, f"cell-{key}")))
        mid = y + h / 2
        for j, m in enumerate(r.members):
            out.append(_dot(xs[f"m{j}"] + MEMBER_W * s / 2, mid, 0.75 * s, m.standing, s))
        worst = r.light
        out.append(f'<circle cx="{num(xs["worst"] + 1.1 * s)}" cy="{num(mid)}" r="{num(0.6 * s)}" '
                   f'fill="{LIGHT_COLOURS[worst]}" stroke="{INK}" stroke-width="{num(0.05 * s)}"/>')
        middle = Box(xs["worst"] + 1.9 * s, mid - LINE * s / 2, WORST_W * s - 1.9 * s, LINE * s)  # pad is both ways
        out.append(block(TextBlock(middle, (LIGHT_LABEL[worst],), s, "sans-bold", "start", 0, "cell-worst")))
        out.append(line(x0, y + h, x0 + table_w, y + h, stroke=FAINT, stroke_width=num(0.05 * s)))
        y += h
    for key, _, _ in widths[1:]:
        out.append(line(xs[key], top, xs[key], y, stroke=RULE, stroke_width=num(0.05 * s)))
    out.append(rect(Box(x0, top, table_w, y - top), fill="none", stroke=INK, stroke_width=num(0.12 * s)))
    y += 0.8 * s
    lx = x0
    for standing in reversed(STANDINGS):
        out.append(_dot(lx + 0.75 * s, y + 0.75 * s, 0.6 * s, standing, s))
        label = standing + {"未落实": "（方案缺此项）"}.get(standing, "")
        out.append(block(TextBlock(Box(lx + 1.7 * s, y, 12 * s, LINE * s), (label,), s, "sans")))
        lx += 2.2 * s + text.width(label, s) + 1.2 * s
    y += 1.8 * LINE * s / 1.2
    note = ("每格为该成员落实本项任务的情况（取其下级任务中最差者）；“最差”取本行最差的成员及本级记录，"
            "不取平均。" + source)
    out.append(block(TextBlock(Box(x0, y, W - 2 * MARGIN, 2 * LINE * 0.85 * s),
                               tuple(text.wrap(note, W - 2 * MARGIN, 0.85 * s, max_lines=2)), 0.85 * s, "sans",
                               role="footer"), fill=MUTED))
    head = (f'<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="{num(W)}mm" '
            f'height="{num(H)}mm" viewBox="0 0 {num(W)} {num(H)}" font-family="{text.FAMILY["sans"]}" '
            f'text-rendering="geometricPrecision" data-map="{KEY}" data-doc="{escape(chart.doc.id)}" '
            f'data-kind="{KEY}" data-as-of="{as_of.isoformat()}" data-size="{num(s)}">')
    return f'{head}<title>{escape(chart.title)}</title>{"".join(out)}</svg>\n', fit.paper


def write(pg: PolicyGraph, out: Path, *, as_of: dt.date, statuses: Statuses | None,
          formats: tuple[str, ...], cache: StageCache | None = None) -> list[dict]:
    """Each member chart as <doc>/members.svg|pdf|png; their manifest entries (none without a cascade).
    With a cache, a chart's files whose SVG is the last build's are taken from it, not exported again."""
    entries = []
    for chart in charts(pg, statuses):
        shown = min(as_of, pg.period(chart.doc.id).end)  # after the period, its final state, as the maps
        svg, paper = draw(chart, shown, source_line(chart.doc))
        stem = f"{chart.doc.id}/{KEY}"
        files = []
        for fmt in ("svg", "pdf", "png"):
            if fmt in formats:
                files.append(f"{stem}.{fmt}")
                if cache and cache.reuse(files[-1], cache.key(KEY, svg, fmt, maps_export.exporter())):
                    continue
                data = svg.encode("utf-8") if fmt == "svg" else \
                    maps_export.pdf([svg], f"{stem}.pdf") if fmt == "pdf" else maps_export.png(svg)
                atomic_write(out / f"{stem}.{fmt}", data)
        entries.append({"map": KEY, "doc": chart.doc.id, "kind": KEY, "title": chart.title, "unit": None,
                        "paper": paper, "paper_name": NAMES[paper], "pages": 1, "size_mm": list(PAPERS[paper]),
                        "font_mm": float(svg.split('data-size="')[1].split('"')[0]), "files": files,
                        "tasks": [r.task.number for r in chart.rows]})
    return entries
