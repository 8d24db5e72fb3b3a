"""Paper: sheet sizes, and a large map cut into pages with overlap, crop marks and page labels.

A tiled map is a chart printed at full size on several pages: each page holds its part of the chart
inside the printable area, repeats `OVERLAP` mm of its left and upper neighbours (marked by a dashed
glue line), has crop marks at the corners of the printed area and says where it goes. `A3-tiled` is
the A1 chart on A3 pages (an office printer); `A0-tiled` is a chart laid out to fill two A0 sheets exactly (a common
plotter takes A0, none takes 2A0): the overall map goes there only when one A0 sheet cannot show every
task's text whole at 4 mm or more.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from . import text
from .layout import Box, Layout, TextBlock
from .svg import INK, attrs, block, draw, line, num, rect

PAPERS = {"A0": (1189.0, 841.0), "A1": (841.0, 594.0), "A2": (594.0, 420.0), "A3": (420.0, 297.0),
          "2A0": (1682.0, 1189.0)}  # landscape, mm; 2A0: two A0 sheets side by side (or one above the other)
AUTO = "auto"  # each map on the smallest sheet that shows its texts whole at 4 mm (the build's default)
CHOICES = (AUTO, "A0", "A1", "A3-tiled", "A0-tiled")
FIT = ("A3", "A2", "A1", "A0")  # a section or unit map goes on the first that shows it whole at 4 mm; else A1
OVERALL = "A0"  # the overall map holds every task: on one A0 sheet, every text whole and read from two metres
OVERFLOW = "A0-tiled"  # where one A0 cannot hold every text whole at 4 mm: two A0 sheets, said in the legend
OVERALL_FROM = (AUTO, "A0", "A1")  # the paper choices the overall map is enlarged from
MARGIN = 12.0  # unprinted border of a tile page, mm
OVERLAP = 10.0  # content each page repeats from its left/upper neighbour, mm
# what a tiled map is laid out as, and the pages it is printed on
TILED = {"A3-tiled": (PAPERS["A1"], "A3"),
         "A0-tiled": ((2 * (PAPERS["A0"][1] - 2 * MARGIN) - OVERLAP, PAPERS["A0"][0] - 2 * MARGIN), "A0")}
NAMES = {"A0": "A0，1189×841毫米", "A1": "A1，841×594毫米", "A2": "A2，594×420毫米", "A3": "A3，420×297毫米",
         "A3-tiled": "A3 拼贴",
         "A0-tiled": "两张 A0 拼贴，每张 1189×841毫米", "2A0": "2A0，1682×1189毫米"}  # said inside （…）


def sheet(paper: str) -> tuple[float, float]:
    """The size a map is laid out on for a paper choice (landscape; the layout may turn it)."""
    if paper not in CHOICES and paper not in PAPERS or paper == AUTO:
        raise ValueError(f"unknown paper '{paper}'")
    return TILED[paper][0] if paper in TILED else PAPERS[paper]


def tile_page(paper: str) -> tuple[float, float] | None:
    """The page a tiled paper choice is printed on (None: one sheet)."""
    return PAPERS[TILED[paper][1]] if paper in TILED else None


def name(paper: str) -> str:
    """How the site and the manifest name a paper choice: A1，841×594毫米."""
    return NAMES.get(paper, paper)


@dataclass(frozen=True)
class Tile:
    row: int
    col: int
    rows: int
    cols: int
    region: Box  # part of the map this page prints
    page: tuple[float, float]

    @property
    def number(self) -> int:
        return self.row * self.cols + self.col + 1


def tiles(width: float, height: float, page: tuple[float, float] = PAPERS["A3"]) -> list[Tile]:
    """Cover a width×height map with A3 pages, in whichever orientation needs fewer."""
    best = None
    for pw, ph in (page, page[::-1]):
        aw, ah = pw - 2 * MARGIN, ph - 2 * MARGIN
        cols = max(1, math.ceil((width - OVERLAP) / (aw - OVERLAP)))
        rows = max(1, math.ceil((height - OVERLAP) / (ah - OVERLAP)))
        if best is None or rows * cols < best[0] * best[1]:
            best = (rows, cols, pw, ph, aw, ah)
    rows, cols, pw, ph, aw, ah = best
    return [Tile(r, c, rows, cols, Box(c * (aw - OVERLAP), r * (ah - OVERLAP), aw, ah), (pw, ph))
            for r in range(rows) for c in range(cols)]


def _crop_marks(x0: float, y0: float, x1: float, y1: float, length: float = 6.0, gap: float = 2.0) -> list[str]:
    out = []
    for x, y, dx, dy in ((x0, y0, -1, -1), (x1, y0, 1, -1), (x0, y1, -1, 1), (x1, y1, 1, 1)):
        out.append(line(x + dx * gap, y, x + dx * (gap + length), y, stroke=INK, stroke_width="0.2"))
        out.append(line(x, y + dy * gap, x, y + dy * (gap + length), stroke=INK, stroke_width="0.2"))
    return out


def tile_svg(layout: Layout, tile: Tile, drawn: tuple[str, str] | None = None) -> str:
    """One A3 page of a tiled map."""
    defs_, body = drawn or draw(layout)
    pw, ph = tile.page
    r = tile.region
    x1, y1 = MARGIN + r.w, MARGIN + r.h
    out = [f'<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="{num(pw)}mm"'
           f' height="{num(ph)}mm" viewBox="0 0 {num(pw)} {num(ph)}"'
           f'{attrs(font_family=text.FAMILY["sans"], text_rendering="geometricPrecision", data_map=layout.spec.key, data_tile=tile.number)}>',
           defs_.replace("</defs>", f'<clipPath id="tile"><rect x="{num(MARGIN)}" y="{num(MARGIN)}"'
                                    f' width="{num(r.w)}" height="{num(r.h)}"/></clipPath></defs>'),
           rect(Box(0, 0, pw, ph), fill="#ffffff"),
           f'<g clip-path="url(#tile)"><g transform="translate({num(MARGIN - r.x)},{num(MARGIN - r.y)})">',
           body, "</g></g>"]
    out += _crop_marks(MARGIN, MARGIN, x1, y1)
    glue = dict(stroke="#666666", stroke_width="0.25", stroke_dasharray="3 2")
    if tile.col > 0:
        out.append(line(MARGIN + OVERLAP, MARGIN, MARGIN + OVERLAP, y1, **glue))
    if tile.row > 0:
        out.append(line(MARGIN, MARGIN + OVERLAP, x1, MARGIN + OVERLAP, **glue))
    size = 3.0
    where = (f"{layout.spec.title}·{layout.spec.subject}　第{tile.number}页／共{tile.rows * tile.cols}页"
             f"　第{tile.row + 1}行第{tile.col + 1}列（{tile.rows}行×{tile.cols}列）")
    hint = "沿虚线与左、上相邻页重叠粘贴" if tile.row or tile.col else "左上角第一页"
    label = text.wrap(f"{where}　{hint}", pw - 2 * MARGIN, size, max_lines=1)
    out.append(block(TextBlock(Box(MARGIN, ph - MARGIN + 2.0, pw - 2 * MARGIN, 1.3 * size), tuple(label), size,
                               role="page-label")))
    out.append("</svg>\n")
    return "".join(out)
