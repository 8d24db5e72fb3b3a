"""An OFD page's ruled tables as rows of cells, as pdftables gives a PDF's: an 电子公文's annex table of 序号/任务/牵头单位
read cell by cell, so that a cell's wrapped lines stay one cell.

The rules are an OFD's path objects: their outlines (AbbreviatedData: M/S move, L line, C close; curves skipped) are
segments on the page, and the level and upright ones are a grid. pdfplumber (already the PDF reader's) turns
such edges into cells and cells into tables; each character goes to the cell its middle stands in.
"""
from __future__ import annotations

from typing import Callable

Segment = tuple[float, float, float, float]  # x0, y0, x1, y1 on the page, mm
_STRAIGHT = 0.5  # mm: a segment this far from level or upright still counts as a rule
_SHORTEST = 2.0  # mm: shorter strokes are characters' parts or dots, not rules
_TOLERANCE = 1.0  # mm: rules this close are one (pdfplumber's default, 3 points)
# what each command of AbbreviatedData takes: S and M move, L draws, B Q A draw curves, C closes the subpath
_OPERANDS = {"S": 2, "M": 2, "L": 2, "B": 6, "Q": 4, "A": 7, "C": 0}


def segments(data: str, place: Callable[[float, float], tuple[float, float]]) -> list[Segment]:
    """The straight strokes of a path's outline, through `place` (its object's space to the page's)."""
    words, out, i = data.split(), [], 0
    start = here = None
    while i < len(words):
        command = words[i]
        count = _OPERANDS.get(command)
        if count is None:
            i += 1  # an operand of a command this reader does not know: skipped
            continue
        values = [float(v) for v in words[i + 1:i + 1 + count]]
        i += 1 + count
        if command in ("S", "M") and len(values) == 2:
            start = here = place(*values)
        elif command == "L" and len(values) == 2 and here is not None:
            point = place(*values)
            out.append((*here, *point))
            here = point
        elif command == "C" and here is not None and start is not None:
            out.append((*here, *start))
            here = start
        elif len(values) >= 2:
            here = place(*values[-2:])  # a curve ends where its last point is
    return out


def tables(rules: list[Segment]) -> list[list[tuple[float, float, float, float]]]:
    """The tables the rules draw (of at least two rows and two columns), each as its cells' boxes (x0, top, x1,
    bottom), top to bottom."""
    from pdfplumber.table import cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges
    edges = [_edge(*s) for s in rules]
    edges = merge_edges([e for e in edges if e], _TOLERANCE, _TOLERANCE, _TOLERANCE, _TOLERANCE)
    cells = intersections_to_cells(edges_to_intersections(edges, _TOLERANCE, _TOLERANCE))
    found = [t for t in cells_to_tables(cells) if len({c[1] for c in t}) >= 2 and len({c[0] for c in t}) >= 2]
    return sorted(found, key=lambda t: min(c[1] for c in t))


def _edge(x0: float, y0: float, x1: float, y1: float) -> dict | None:
    x0, x1, top, bottom = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)
    if bottom - top <= _STRAIGHT and x1 - x0 >= _SHORTEST:
        middle = (top + bottom) / 2
        return {"x0": x0, "x1": x1, "top": middle, "bottom": middle, "width": x1 - x0, "height": 0,
                "orientation": "h", "object_type": "line"}
    if x1 - x0 <= _STRAIGHT and bottom - top >= _SHORTEST:
        middle = (x0 + x1) / 2
        return {"x0": middle, "x1": middle, "top": top, "bottom": bottom, "width": 0, "height": bottom - top,
                "orientation": "v", "object_type": "line"}
    return None


def grid(cells: list[tuple[float, float, float, float]]) -> list[list[tuple[float, float, float, float]]]:
    """A table's rows, each the box of the cell in each column: a merged cell's box in every row and column it
    spans (its text then repeats there, as python-docx gives a Word table's)."""
    lefts = sorted({round(c[0], 1) for c in cells})
    tops = sorted({round(c[1], 1) for c in cells})
    rows = []
    for top in tops:
        row = []
        for left in lefts:
            covering = [c for c in cells if c[0] - 0.05 <= left < c[2] - 0.05 and c[1] - 0.05 <= top < c[3] - 0.05]
            if covering:
                row.append(covering[0])
        rows.append(row)
    return rows
