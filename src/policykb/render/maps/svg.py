"""Draw a laid-out map as SVG text: deterministic (fixed number format, no clock), mm user units.

What dates a task shows in its bar's height and end: ◆ its own deadline, ◎ the target year of the
article it implements, a thin pale band (with the general deadlines) when nothing dates it.
Status reads without colour: bars differ by pattern (outline / hatched / solid), states by symbol
(empty, half and full circle, ticked square), overdue rows by a black edge and a 逾期 tag, done
rows are struck through. Every row carries data-* attributes, every text sits in a `data-cell` box.
"""
from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from . import text
from .layout import LINE, Axis, Box, Layout, LegendItem, Panel, RowLayout, TextBlock
from ...deadlines import RECURRING
from .schedule import Schedule, bar_style

SECTION_COLOURS = ("#1f5fa8", "#c8701e", "#2e7d4f", "#7b4fa0", "#a0522d")
NEUTRAL = "#555555"
LIGHT_COLOURS = {"red": "#d32f2f", "amber": "#f2a900", "green": "#2e8b3e", None: "#666666"}
OVERDUE = "#b00000"
TODAY = "#d00000"
INK = "#1a1a1a"
RULE = "#9a9a9a"
FAINT = "#d4d4d4"
MUTED = "#6e6e6e"


def num(v: float) -> str:
    out = f"{v:.2f}".rstrip("0").rstrip(".")
    return "0" if out in ("-0", "") else out


def colour(section: int | None) -> str:
    return NEUTRAL if section is None else SECTION_COLOURS[(section - 1) % len(SECTION_COLOURS)]


def tint(hex_colour: str, share: float) -> str:
    """Mix a colour with white: share 0 -> white, 1 -> the colour."""
    rgb = [int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - (255 - c) * share):02x}" for c in rgb)


def attrs(**kw) -> str:
    return "".join(f" {k.rstrip('_').replace('_', '-')}={quoteattr(str(v))}" for k, v in kw.items() if v is not None)


def rect(b: Box, **kw) -> str:
    return f'<rect x="{num(b.x)}" y="{num(b.y)}" width="{num(b.w)}" height="{num(b.h)}"{attrs(**kw)}/>'


def line(x1: float, y1: float, x2: float, y2: float, **kw) -> str:
    return f'<line x1="{num(x1)}" y1="{num(y1)}" x2="{num(x2)}" y2="{num(y2)}"{attrs(**kw)}/>'


def path(d: str, **kw) -> str:
    return f'<path d="{d}"{attrs(**kw)}/>'


def block(t: TextBlock, fill: str = INK, strike: str | None = None) -> str:
    """A cell's lines, grouped with the cell box they must stay inside."""
    bold = "bold" if t.face.endswith("-bold") else None
    family = text.FAMILY["serif"] if t.face.startswith("serif") else None
    anchor = None if t.align == "start" else t.align
    b = t.box
    out = [f'<g class={quoteattr(t.role)} data-cell="{num(b.x)} {num(b.y)} {num(b.w)} {num(b.h)}"'
           f' data-face="{t.face}">']
    ax = t.anchor_x()
    for content, base in zip(t.lines, t.baselines()):
        if not content:
            continue
        out.append(f'<text x="{num(ax)}" y="{num(base)}" font-size="{num(t.size)}"'
                   f'{attrs(font_family=family, font_weight=bold, text_anchor=anchor, fill=fill)}>'
                   f'{escape(content)}</text>')
        if t.strike:
            w = text.width(content, t.size, t.face)
            y = base - 0.33 * t.size
            out.append(line(ax, y, ax + w, y, stroke=strike or INK, stroke_width=num(0.09 * t.size)))
    out.append("</g>")
    return "".join(out)


def defs(layout: Layout) -> str:
    s = layout.size
    gap = num(0.45 * s)
    out = ["<defs>"]
    for i, c in enumerate(SECTION_COLOURS + (NEUTRAL,)):
        out.append(f'<pattern id="hatch{i}" patternUnits="userSpaceOnUse" width="{gap}" height="{gap}"'
                   f' patternTransform="rotate(45)"><rect width="{gap}" height="{gap}" fill="#ffffff"/>'
                   f'<rect width="{num(0.18 * s)}" height="{gap}" fill="{c}"/></pattern>')
    out.append("</defs>")
    return "".join(out)


def _pattern_index(section: int | None) -> int:
    return len(SECTION_COLOURS) if section is None else (section - 1) % len(SECTION_COLOURS)


def _tick(cx: float, cy: float, r: float, stroke: str) -> str:
    d = (f"M{num(cx - 0.55 * r)},{num(cy + 0.05 * r)} L{num(cx - 0.12 * r)},{num(cy + 0.5 * r)}"
         f" L{num(cx + 0.6 * r)},{num(cy - 0.5 * r)}")
    return path(d, fill="none", stroke=stroke, stroke_width=num(0.32 * r), stroke_linecap="round",
                stroke_linejoin="round")


def state_icon(state: str | None, light: str | None, cx: float, cy: float, r: float) -> str:
    fill = LIGHT_COLOURS.get(light, LIGHT_COLOURS[None])
    sw = num(0.18 * r)
    if state == "未启动":
        return f'<circle cx="{num(cx)}" cy="{num(cy)}" r="{num(r)}" fill="#ffffff" stroke="{INK}" stroke-width="{sw}"/>'
    if state == "推进中":
        half = f"M{num(cx)},{num(cy - r)} A{num(r)},{num(r)} 0 0 0 {num(cx)},{num(cy + r)} Z"
        return (f'<circle cx="{num(cx)}" cy="{num(cy)}" r="{num(r)}" fill="#ffffff" stroke="{INK}" stroke-width="{sw}"/>'
                + path(half, fill=fill, stroke=INK, stroke_width=sw))
    if state == "已完成":
        return (f'<circle cx="{num(cx)}" cy="{num(cy)}" r="{num(r)}" fill="{fill}" stroke="{INK}" stroke-width="{sw}"/>'
                + _tick(cx, cy, r, "#ffffff"))
    if state == "已销号":
        return (rect(Box(cx - r, cy - r, 2 * r, 2 * r), fill=INK) + _tick(cx, cy, r, "#ffffff"))
    return ""


def diamond(cx: float, cy: float, r: float, fill: str, stroke: str = INK) -> str:
    d = f"M{num(cx)},{num(cy - r)} L{num(cx + r)},{num(cy)} L{num(cx)},{num(cy + r)} L{num(cx - r)},{num(cy)} Z"
    return path(d, fill=fill, stroke=stroke, stroke_width=num(0.2 * r))


BAR_HEIGHT = {"dated": 0.7, "open": 0.42, "band": 0.3}  # in font sizes
BAR_TINT = {"dated": 0.45, "open": 0.22, "band": 0.2}  # fill without a tracked state


def bar_shape(x0: float, x1: float, cy: float, s: float, section: int | None, state: str | None,
              style: str, overdue: bool) -> str:
    """A row's bar. Its height and end say what dates it (`schedule.bar_style`); its fill, the tracked state.
    A band (nothing dated) is thin, pale and unedged: from across the room dated rows stand out."""
    c = colour(section)
    h = BAR_HEIGHT[style] * s
    x1 = max(x1, x0 + h * 0.6)
    stroke = c if style != "band" else None
    if state == "未启动":
        fill, dash, stroke = "#ffffff", num(0.5 * h if style != "band" else 0.35 * s), c
    elif state == "推进中":
        fill, dash = f"url(#hatch{_pattern_index(section)})", None
    elif state in ("已完成", "已销号"):
        fill, dash = c, None
    else:
        fill, dash = tint(c, BAR_TINT[style]), None
    if overdue:
        stroke = OVERDUE
    sw = num(max(0.28 * h, 0.16 * s) if overdue else 0.12 * h if style != "band" else 0.06 * s)
    top, bottom = cy - h / 2, cy + h / 2
    if style == "open":  # an open end: the bar ends in an arrow point
        tip = x1
        x1 = max(x0, tip - 0.6 * h)
        d = (f"M{num(x0)},{num(top)} L{num(x1)},{num(top)} L{num(tip)},{num(cy)} L{num(x1)},{num(bottom)}"
             f" L{num(x0)},{num(bottom)} Z")
    else:
        d = f"M{num(x0)},{num(top)} L{num(x1)},{num(top)} L{num(x1)},{num(bottom)} L{num(x0)},{num(bottom)} Z"
    return path(d, fill=fill, stroke=stroke, stroke_width=sw if stroke else None, stroke_dasharray=dash,
                class_="bar")


def target_mark(cx: float, cy: float, r: float) -> str:
    """◎ the target year of an article the task implements (not the task's own ◆ deadline)."""
    return (f'<circle cx="{num(cx)}" cy="{num(cy)}" r="{num(r)}" fill="#ffffff" stroke="{INK}"'
            f' stroke-width="{num(0.24 * r)}" class="article-target"/>'
            f'<circle cx="{num(cx)}" cy="{num(cy)}" r="{num(0.4 * r)}" fill="{INK}"/>')


def row_marks(sched: Schedule, axis: Axis, cy: float, s: float) -> list[str]:
    """The milestones on a row: ◆ its own deadlines and indicator targets (small: recurring ones), ◎ its
    articles' targets; on a row with no date of its own, the general deadlines it keeps (small ◇ ▼)."""
    out = []
    for day, kind in sched.milestones:
        if axis.start <= day <= axis.end:
            if kind == "article-target":
                out.append(target_mark(axis.at(day), cy, 0.42 * s))
            else:
                out.append(diamond(axis.at(day), cy, (0.3 if kind in RECURRING else 0.42) * s, INK))
    for day, kind in sched.general:
        out.append(_milestone_mark("plan" if kind == "plan" else "tick", axis.at(day), cy, 0.26 * s))
    return out


def _overdue_badge(cx: float, cy: float, r: float) -> str:
    tri = f"M{num(cx)},{num(cy - r)} L{num(cx + r)},{num(cy + 0.8 * r)} L{num(cx - r)},{num(cy + 0.8 * r)} Z"
    return (path(tri, fill=OVERDUE, stroke=INK, stroke_width=num(0.12 * r))
            + rect(Box(cx - 0.1 * r, cy - 0.45 * r, 0.2 * r, 0.75 * r), fill="#ffffff")
            + rect(Box(cx - 0.1 * r, cy + 0.42 * r, 0.2 * r, 0.2 * r), fill="#ffffff"))


def _underline(cell: TextBlock, name: str) -> list[str]:
    """On a unit's own map, its name is underlined wherever a cell names it (whole on one line)."""
    out = []
    for content, base in zip(cell.lines, cell.baselines()):
        start = content.find(name)
        while start >= 0:
            x = cell.anchor_x() + text.width(content[:start], cell.size, cell.face)
            y = base + 0.1 * cell.size
            out.append(line(x, y, x + text.width(name, cell.size, cell.face), y, stroke=INK,
                            stroke_width=num(0.08 * cell.size), class_="own-unit"))
            start = content.find(name, start + len(name))
    return out


def draw_row(layout: Layout, r: RowLayout, axis: Axis | None = None) -> str:
    s, row, b = layout.size, r.row, r.box
    st = row.status
    state, overdue = (st.state, st.overdue) if st else (None, False)
    section = row.section
    data = attrs(data_doc=row.task.doc, data_task=row.task.number, data_section=section, data_role=row.role,
                   data_state=state, data_overdue="1" if overdue else None, data_basis=r.schedule.basis)
    tip = f"{row.task.ref}：{row.task.text}\n牵头单位：{'、'.join(row.task.lead)}"
    if row.task.participants:
        tip += f"\n参与单位：{'、'.join(row.task.participants)}{'等' if row.task.open_ended else ''}"
    if st and st.reasons:
        tip += "\n" + "；".join(st.reasons)
    out = [f'<g class="row"{data}><title>{escape(tip)}</title>']
    if overdue:
        out.append(rect(b, fill="#fbe4e4"))
    elif r.stripe:
        out.append(rect(b, fill="#f3f3f3"))
    out.append(rect(Box(b.x, b.y, 0.35 * s, b.h), fill=INK if overdue else colour(section)))
    if overdue:
        out.append(rect(Box(b.x, b.y, 0.7 * s, b.h), fill=INK))
    out.append(line(b.x, b.bottom, b.right, b.bottom, stroke=FAINT, stroke_width=num(0.04 * s)))
    for cell in r.cells:
        if cell.role == "cell-status" and st:
            first = cell.baselines()[0] - 0.38 * s
            out.append(state_icon(state, st.light, cell.box.x - 0.65 * s, first, 0.42 * s))
            if overdue and len(cell.lines) > 1:  # 逾期, the last line, white on red; the lines above as they are
                y2 = cell.baselines()[-1]
                w = text.width(cell.lines[-1], s, cell.face)
                out.append(rect(Box(cell.anchor_x() - 0.15 * s, y2 - 0.95 * s, w + 0.3 * s, 1.15 * s), fill=OVERDUE))
                out.append(block(TextBlock(cell.box, ("",) * (len(cell.lines) - 1) + cell.lines[-1:], s, cell.face,
                                           cell.align, cell.pad, "cell-status-overdue"), fill="#ffffff"))
                cell = TextBlock(cell.box, cell.lines[:-1], s, cell.face, cell.align, cell.pad, cell.role)
        colour_ = "#777777" if (cell.role == "cell-task" and st and st.done) else INK
        if cell.role == "cell-deadline" and r.schedule.basis == "general":
            colour_ = MUTED  # 按通用时限 recedes: the dated rows are what the eye should find
        out.append(block(cell, fill=colour_))
        if layout.spec.unit and cell.role in ("cell-lead", "cell-participants"):
            out += _underline(cell, layout.spec.unit)
    # the bar (倒排工期), own milestones, status marks
    axis, sched = axis or layout.axis, r.schedule
    cy = b.y + b.h / 2
    x0, x1 = axis.at(axis.clamp(sched.start)), axis.at(axis.clamp(sched.end))
    out.append(bar_shape(x0, x1, cy, s, section, state, bar_style(sched), overdue))
    if sched.starts_with_phrase:
        out.append(path(f"M{num(x0)},{num(cy - 0.55 * s)} L{num(x0)},{num(cy + 0.55 * s)}", stroke=INK,
                        stroke_width=num(0.12 * s)))
    out += row_marks(sched, axis, cy, s)
    if st and st.done:
        out.append(_tick(max(x0 - 0.8 * s, axis.x + 0.6 * s), cy, 0.5 * s, INK))
    if overdue:
        after = x1 + 1.1 * s  # after the bar's end; where that is off the axis, before its start
        at = after if after <= axis.x + axis.w - 0.6 * s else max(x0 - 1.1 * s, axis.x + 0.6 * s)
        out.append(_overdue_badge(at, cy, 0.55 * s))
    out.append("</g>")
    return "".join(out)


def _grid_lines(panel: Panel, s: float) -> list[str]:
    axis, table, header = panel.axis, panel.table, panel.header
    out = []
    top, bottom = header.y, table.bottom
    for col in panel.columns:
        out.append(line(col.box.x, top, col.box.x, bottom, stroke=RULE, stroke_width=num(0.05 * s)))
    for q in panel.quarters:
        x = q.box.x
        strong = q.lines[0] in ("一季", "1")
        out.append(line(x, q.box.y if not strong else top, x, bottom, stroke=RULE if strong else FAINT,
                        stroke_width=num((0.08 if strong else 0.04) * s)))
    right = axis.x + axis.w
    out.append(line(right, top, right, bottom, stroke=RULE, stroke_width=num(0.08 * s)))
    for y in (header.y + header.h / 3, header.y + 2 * header.h / 3):
        out.append(line(axis.x, y, right, y, stroke=FAINT, stroke_width=num(0.04 * s)))
    return out


def _milestones(panel: Panel, s: float) -> list[str]:
    axis, table, header = panel.axis, panel.table, panel.header
    out = []
    strip_mid = header.y + header.h * 5 / 6
    for m in panel.milestones:
        x = axis.at(m.day)
        if m.kind == "today":
            out.append(line(x, header.y + header.h * 2 / 3, x, table.bottom, stroke=TODAY,
                            stroke_width=num(0.22 * s), stroke_dasharray=f"{num(1.2 * s)} {num(0.4 * s)} "
                            f"{num(0.2 * s)} {num(0.4 * s)}"))
            tri = f"M{num(x - 0.5 * s)},{num(header.bottom - 1.0 * s)} L{num(x + 0.5 * s)},{num(header.bottom - 1.0 * s)} L{num(x)},{num(header.bottom)} Z"
            out.append(path(tri, fill=TODAY, stroke=INK, stroke_width=num(0.05 * s)))
            continue
        dash = f"{num(0.5 * s)} {num(0.5 * s)}" if m.kind == "plan" else f"{num(0.15 * s)} {num(0.45 * s)}"
        out.append(line(x, strip_mid, x, table.bottom, stroke="#555555", stroke_width=num(0.07 * s),
                        stroke_dasharray=dash))
        out.append(_milestone_mark(m.kind, x, strip_mid, 0.38 * s))
        if m.label:
            out.append(block(m.label))
    return out


def _milestone_mark(kind: str, x: float, y: float, r: float) -> str:
    if kind == "plan":
        return diamond(x, y, r, "#ffffff")
    tri = f"M{num(x - r)},{num(y - r)} L{num(x + r)},{num(y - r)} L{num(x)},{num(y + r)} Z"
    return path(tri, fill="#555555", stroke=INK, stroke_width=num(0.15 * r))


def legend_icon(layout: Layout, item: LegendItem) -> str:
    s, b = layout.size, item.icon
    cy = b.y + b.h / 2
    k = item.kind
    if k.startswith("bar-"):
        style = k.removeprefix("bar-")
        shape = bar_shape(b.x, b.right, cy, s, 1, None, style, False)
        if style == "band":
            return shape + _milestone_mark("plan", b.x + 0.3 * b.w, cy, 0.26 * s) + _milestone_mark(
                "tick", b.x + 0.75 * b.w, cy, 0.26 * s)
        return shape
    if k == "diamond":
        return diamond(b.x + b.w / 2, cy, 0.42 * s, INK)
    if k == "diamond-recurring":
        return diamond(b.x + b.w / 2, cy, 0.3 * s, INK)
    if k == "article-target":
        return target_mark(b.x + b.w / 2, cy, 0.42 * s)
    if k.startswith("general-"):
        kind = k.removeprefix("general-")
        dash = f"{num(0.5 * s)} {num(0.5 * s)}" if kind == "plan" else f"{num(0.15 * s)} {num(0.45 * s)}"
        x = b.x + b.w / 2
        return (line(x, b.y, x, b.bottom, stroke="#555555", stroke_width=num(0.07 * s), stroke_dasharray=dash)
                + _milestone_mark(kind, x, cy, 0.38 * s))
    if k == "today":
        x = b.x + b.w / 2
        return line(x, b.y, x, b.bottom, stroke=TODAY, stroke_width=num(0.22 * s),
                    stroke_dasharray=f"{num(1.2 * s)} {num(0.4 * s)} {num(0.2 * s)} {num(0.4 * s)}")
    if k.startswith("state-"):
        state = k.removeprefix("state-")
        icon = state_icon(state, "green" if state != "未启动" else None, b.x + 0.5 * s, cy, 0.42 * s)
        return icon + bar_shape(b.x + 1.2 * s, b.right, cy, s, 1, state, "dated", False)
    if k == "overdue":
        return (rect(Box(b.x, b.y, 0.7 * s, b.h), fill=INK)
                + bar_shape(b.x + 1.0 * s, b.right - 1.0 * s, cy, s, 1, "推进中", "dated", True)
                + _overdue_badge(b.right - 0.55 * s, cy, 0.5 * s))
    if k == "section":
        return rect(Box(b.x, cy - 0.4 * s, b.w, 0.8 * s), fill=tint(colour(item.section), 0.45),
                    stroke=colour(item.section), stroke_width=num(0.1 * s))
    return ""


def draw(layout: Layout) -> tuple[str, str]:
    """(defs, body) of the map: pages and tiles wrap them."""
    s = layout.size
    out = [rect(Box(0, 0, layout.width, layout.height), fill="#ffffff")]
    for t in layout.texts:
        if t.role == "stamp":
            out.append(rect(t.box, fill="#ffffff", stroke=TODAY, stroke_width=num(0.15 * s), rx=num(0.3 * s)))
            out.append(block(t, fill=TODAY))
        else:
            out.append(block(t))
    for panel in layout.panels:
        out += _panel(layout, panel)
    for item in layout.legend:
        out.append(legend_icon(layout, item))
        out.append(block(item.label))
    return defs(layout), "".join(out)


def _panel(layout: Layout, panel: Panel) -> list[str]:
    """One table: its header, its groups and rows, its rules and milestones, its frame."""
    s, header = layout.size, panel.header
    out = [rect(header, fill="#e9e9e9")]
    for col in panel.columns:
        out.append(block(TextBlock(col.box, (col.label,), 1.0 * s, "sans-bold", "middle",
                                   pad=(col.box.h - LINE * s) / 2, role="head")))
    out += [block(t) for t in panel.years] + [block(t) for t in panel.quarters]
    for g in panel.groups:
        c = colour(g.group.section)
        out.append(rect(g.band, fill=tint(c, 0.28)))
        out.append(rect(Box(g.band.x, g.band.y, 0.35 * s, g.band.h), fill=c))
        out.append(block(g.label))
        out += [draw_row(layout, r, panel.axis) for r in g.rows]
    out += _grid_lines(panel, s)
    out += _milestones(panel, s)
    out.append(rect(Box(header.x, header.y, header.w, panel.table.bottom - header.y), fill="none", stroke=INK,
                    stroke_width=num(0.12 * s)))
    return out


def content_box(layout: Layout) -> Box:
    """What is drawn on the sheet, with a thin white edge: the title down to the footer."""
    title, footer = layout.texts[0].box, layout.texts[-1].box
    edge = min(title.x, 1.0 * layout.size)
    x, y = title.x - edge, title.y - edge
    return Box(x, y, layout.width - 2 * x, footer.bottom + edge - y)


def document(layout: Layout, drawn: tuple[str, str] | None = None, view: Box | None = None) -> str:
    """The map as one SVG sheet; with `view`, only that part of it (a preview for the screen)."""
    defs_, body = drawn or draw(layout)
    spec = layout.spec
    v = view or Box(0, 0, layout.width, layout.height)
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{num(v.w)}mm" height="{num(v.h)}mm"'
            f' viewBox="{num(v.x)} {num(v.y)} {num(v.w)} {num(v.h)}"'
            f'{attrs(font_family=text.FAMILY["sans"], text_rendering="geometricPrecision", data_map=spec.key, data_doc=spec.doc, data_kind=spec.kind, data_unit=spec.unit, data_as_of=layout.as_of.isoformat(), data_size=num(layout.size))}>')
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{head}<title>{escape(spec.title + "·" + spec.subject)}</title>{defs_}{body}</svg>\n'
