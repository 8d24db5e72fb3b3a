"""Indicators over time: targets against actual values, as small deterministic SVG charts.

`indicator_svg(indicator, values)` draws one indicator: a bar per year with its actual value, the
target as a dashed line, bars that meet the target in green. Hand-written SVG, no wall clock.
"""
from __future__ import annotations

import datetime as dt
import math
from xml.sax.saxutils import escape

from ..export import COMPARATOR_LABEL
from ..graph import PolicyGraph
from ..model import Indicator
from .load import Tracking
from .model import IndicatorValue

FONT = "黑体, SimHei, Noto Sans CJK SC, sans-serif"
W, H = 640, 320
LEFT, RIGHT, TOP, BOTTOM = 64, 24, 48, 40
MET, NOT_MET, TARGET = "#2e7d32", "#90a4ae", "#c62828"
# '=' in the knowledge base reads 达到 (reach): met once the value gets there
_TESTS = {"<=": lambda v, t: v <= t, ">=": lambda v, t: v >= t, "=": lambda v, t: v >= t,
          "<": lambda v, t: v < t, ">": lambda v, t: v > t}


def _num(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.2f}".rstrip("0").rstrip(".")


def _nice(value: float) -> float:
    """The smallest 1, 2 or 5 times a power of ten that is at least value: a round top for the axis."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= value)


def meets(indicator: Indicator, value: float) -> bool:
    return _TESTS[indicator.comparator](value, indicator.value)


def indicator_svg(indicator: Indicator, values: list[IndicatorValue], as_of: dt.date | None = None, *,
                  first_year: int) -> str:
    """One indicator as an SVG document (str), its axis from first_year (the document's) to the last year its
    target or values name. Values after as_of are left out."""
    shown = sorted((v for v in values if as_of is None or (v.year <= as_of.year and (v.date or as_of) <= as_of)),
                   key=lambda v: v.year)
    years = [v.year for v in shown] + [y for y in (indicator.year, first_year) if y]
    start, end = min(years), max(years)
    span = list(range(start, end + 1))
    top = _nice(max([indicator.value] + [v.value for v in shown] + [0]) * 1.1)
    plot_w, plot_h = W - LEFT - RIGHT, H - TOP - BOTTOM
    slot = plot_w / len(span)

    def y(value: float) -> float:
        return TOP + plot_h - plot_h * max(value, 0) / top

    target = f"目标{COMPARATOR_LABEL[indicator.comparator]}{_num(indicator.value)}{indicator.unit}" + \
        (f"（{indicator.year}年）" if indicator.year else f"（{indicator.period}）" if indicator.period else "")
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" '
        f'font-family="{FONT}" role="img" aria-label="{escape(indicator.name)}">',
        f'<title>{escape(indicator.name)}：{escape(target)}</title>',
        f'<rect width="{W}" height="{H}" fill="#ffffff"/>',
        f'<text x="{LEFT}" y="24" font-size="16" fill="#000">{escape(indicator.name)}（{escape(indicator.scope)}）</text>',
        f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{W - RIGHT}" y2="{TOP + plot_h}" stroke="#000"/>',
        f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + plot_h}" stroke="#000"/>',
        f'<text x="{LEFT - 6}" y="{TOP + 4}" font-size="11" text-anchor="end">{_num(top)}</text>',
        f'<text x="{LEFT - 6}" y="{TOP + plot_h}" font-size="11" text-anchor="end">0</text>',
        f'<text x="{LEFT - 6}" y="{TOP - 14}" font-size="11" text-anchor="end">{escape(indicator.unit)}</text>',
    ]
    by_year = {v.year: v for v in shown}
    for i, year in enumerate(span):
        x = LEFT + slot * i
        parts.append(f'<text x="{x + slot / 2:.1f}" y="{H - BOTTOM + 18}" font-size="12" '
                     f'text-anchor="middle">{year}</text>')
        v = by_year.get(year)
        if v is None:
            continue
        bar_w = slot * 0.6
        ok = meets(indicator, v.value)
        parts.append(f'<rect class="{"met" if ok else "not-met"}" x="{x + (slot - bar_w) / 2:.1f}" y="{y(v.value):.1f}" '
                     f'width="{bar_w:.1f}" height="{TOP + plot_h - y(v.value):.1f}" fill="{MET if ok else NOT_MET}" '
                     f'stroke="#000" stroke-width="0.5"><title>{year}年：{_num(v.value)}{escape(indicator.unit)}'
                     f'（{escape(v.source)}）</title></rect>')
        parts.append(f'<text x="{x + slot / 2:.1f}" y="{y(v.value) - 4:.1f}" font-size="12" '
                     f'text-anchor="middle">{_num(v.value)}</text>')
    ty = y(indicator.value)
    parts += [f'<line class="target" x1="{LEFT}" y1="{ty:.1f}" x2="{W - RIGHT}" y2="{ty:.1f}" stroke="{TARGET}" '
              f'stroke-width="1.5" stroke-dasharray="6 4"/>',
              f'<text x="{LEFT + 6}" y="{ty - 6:.1f}" font-size="12" text-anchor="start" '
              f'fill="{TARGET}">{escape(target)}</text>']
    if not shown:
        parts.append(f'<text x="{LEFT + plot_w / 2:.1f}" y="{TOP + plot_h / 2:.1f}" font-size="14" '
                     f'text-anchor="middle" fill="#555">尚无实际值</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def indicator_svgs(pg: PolicyGraph, tracking: Tracking, as_of: dt.date | None = None) -> dict[tuple[str, str], str]:
    """Every indicator of every document: (doc, indicator id) -> SVG, for the site."""
    return {(d.id, ind.id): indicator_svg(ind, tracking.values.get((d.id, ind.id), []), as_of,
                                             first_year=d.meta.date.year)
            for d in pg.documents() for ind in d.indicators.values()}
