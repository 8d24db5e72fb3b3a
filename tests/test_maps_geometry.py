"""No text overlaps another or leaves its cell, measured with the real font's advance widths.

The measuring here reads the Noto CJK collection with fontTools on its own (not through the
renderer's helper), so a wrong width in the renderer cannot hide itself.
"""
from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

import pytest

from conftest import DOC
from policykb.render import maps
from policykb.render.maps.paper import tiles
from policykb.render.maps.plan import plan
from policykb.status import TaskStatus

NS = "{http://www.w3.org/2000/svg}"
AS_OF = dt.date(2017, 3, 1)
FILES = {"sans": "NotoSansCJK-Regular.ttc", "sans-bold": "NotoSansCJK-Bold.ttc",
         "serif": "NotoSerifCJK-Regular.ttc", "serif-bold": "NotoSerifCJK-Bold.ttc"}
EPS = 0.02  # mm


@lru_cache(maxsize=None)
def advances(face: str) -> tuple[dict[int, float], float, float]:
    from fontTools.ttLib import TTCollection
    path = next(Path("/usr/share/fonts").rglob(FILES[face]), None)
    if path is None:
        pytest.skip("Noto CJK fonts not installed")
    font = next(f for f in TTCollection(str(path), lazy=True).fonts if f["name"].getDebugName(1).endswith("CJK SC"))
    upm = font["head"].unitsPerEm
    widths = {cp: font["hmtx"][g][0] / upm for cp, g in font.getBestCmap().items()}
    return widths, font["OS/2"].sTypoAscender / upm, -font["OS/2"].sTypoDescender / upm


def text_boxes(svg: str) -> list[tuple[str, tuple[float, float, float, float], tuple[float, ...]]]:
    """(text, its ink box x0 y0 x1 y1, its cell x y w h) for every <text>."""
    out = []
    for cell in ET.fromstring(svg.encode("utf-8")).iter(f"{NS}g"):
        if "data-cell" not in cell.attrib:
            continue
        box = tuple(float(v) for v in cell.get("data-cell").split())
        for t in cell.findall(f"{NS}text"):
            face = ("serif" if t.get("font-family", "").startswith("方正") else "sans") + \
                   ("-bold" if t.get("font-weight") == "bold" else "")
            assert face == cell.get("data-face")
            widths, asc, desc = advances(face)
            size = float(t.get("font-size"))
            w = sum(widths.get(ord(c), 1.0) for c in t.text) * size
            x, y = float(t.get("x")), float(t.get("y"))
            anchor = t.get("text-anchor", "start")
            x0 = x - (w / 2 if anchor == "middle" else w if anchor == "end" else 0)
            out.append((t.text, (x0, y - asc * size, x0 + w, y + desc * size), box))
    return out


def check(svg: str, width: float, height: float) -> int:
    boxes = text_boxes(svg)
    for content, (x0, y0, x1, y1), (cx, cy, cw, ch) in boxes:
        assert cx - EPS <= x0 and x1 <= cx + cw + EPS and cy - EPS <= y0 and y1 <= cy + ch + EPS, \
            f"'{content}' leaves its cell"
        assert 0 <= x0 and x1 <= width and 0 <= y0 and y1 <= height, f"'{content}' leaves the sheet"
    ordered = sorted(boxes, key=lambda b: b[1][0])
    for i, (a, (ax0, ay0, ax1, ay1), _) in enumerate(ordered):
        for b, (bx0, by0, bx1, by1), _ in ordered[i + 1:]:
            if bx0 >= ax1 - EPS:
                break
            assert by0 >= ay1 - EPS or ay0 >= by1 - EPS, f"'{a}' overlaps '{b}'"
    return len(boxes)


def statuses_for(doc) -> dict:
    states = ("未启动", "推进中", "已完成", "已销号")
    return {(DOC, n): TaskStatus(states[n % 4], ("red", "amber", "green")[n % 3], overdue=n % 7 == 0,
                                 reasons=("测试",)) for n in doc.tasks}


@pytest.fixture(scope="module")
def specs(pg, doc):
    return {s.key: s for s in plan(pg, DOC, statuses_for(doc))}


@pytest.mark.parametrize("paper", ["A1", "A0"])
def test_overall_map_text_stays_in_its_cells_without_overlaps(specs, paper):
    done = maps.render(specs["overall"], AS_OF, paper=paper, statuses_given=True)
    assert check(done.svg, done.layout.width, done.layout.height) > 95 * 5


def test_section_and_unit_maps_text_stays_in_its_cells(specs):
    keys = [k for k in specs if not k.startswith("unit/")] + \
           ["unit/省扶贫办", "unit/省财政厅", "unit/省人大常委会办公厅", "unit/各市州、县市区党委和政府"]
    for key in keys:
        done = maps.render(specs[key], AS_OF, statuses_given=True)
        check(done.svg, done.layout.width, done.layout.height)


def test_tiled_pages_labels_stay_on_the_page(specs):
    done = maps.render(specs["unit/省教育厅"], AS_OF, paper="A3-tiled")
    for page in done.pages:
        root = ET.fromstring(page.encode("utf-8"))
        w, h = float(root.get("width").removesuffix("mm")), float(root.get("height").removesuffix("mm"))
        labels = [b for b in text_boxes(page) if "页／共" in b[0]]
        assert len(labels) == 1
        _, (x0, y0, x1, y1), _ = labels[0]
        assert 0 < x0 and x1 < w and 0 < y0 and y1 < h


def test_tiles_cover_the_map_with_overlap():
    pages = tiles(841, 594)
    assert len(pages) >= 4
    covered_right = max(t.region.right for t in pages)
    covered_bottom = max(t.region.bottom for t in pages)
    assert covered_right >= 841 and covered_bottom >= 594
    for a in pages:
        right = [b for b in pages if b.row == a.row and b.col == a.col + 1]
        if right:
            assert a.region.right - right[0].region.x == pytest.approx(10)
    assert all(t.region.w + 24 <= t.page[0] + 1e-9 and t.region.h + 24 <= t.page[1] + 1e-9 for t in pages)


def test_row_heights_follow_the_wrapped_lines(specs):
    """Cells never hold more lines than fit their row, and long texts end in … when cut."""
    done = maps.render(specs["overall"], AS_OF, statuses_given=True)
    cut = [c for r in done.layout.rows for c in r.cells if c.role == "cell-task" and c.lines[-1].endswith("…")]
    assert cut, "the overall map shortens some long task texts"
    for r in done.layout.rows:
        task = next(c for c in r.cells if c.role == "cell-task")
        shown = "".join(task.lines)
        assert shown == r.row.task.text or (shown.endswith("…") and r.row.task.text.startswith(shown[:-1]))
        assert len(task.lines) <= done.layout.max_lines


def test_every_map_text_stays_in_its_cells(specs):
    for spec in specs.values():
        done = maps.render(spec, AS_OF, statuses_given=True)
        check(done.svg, done.layout.width, done.layout.height)


def test_the_title_stops_short_of_the_stamp(specs):
    """On a narrow sheet (a one-row unit map on A3) the centred title once ran under the stamp box in
    the top right corner; measured with the font's own advances."""
    from policykb.render.maps.draw import render_on_paper
    widths, _, _ = advances("serif-bold")
    for spec in specs.values():  # after the period: the stamp's longest wording (实施期…已结束)
        _, done = render_on_paper(spec, dt.date(2026, 12, 3), "auto")
        roles = {t.role: t for t in done.layout.texts}
        title, stamp = roles["title"], roles["stamp"]
        width = sum(widths.get(ord(c), 1.0) for c in title.lines[0]) * title.size
        right = title.box.x + title.box.w / 2 + width / 2
        assert right < stamp.box.x, (spec.key, right, stamp.box.x)
