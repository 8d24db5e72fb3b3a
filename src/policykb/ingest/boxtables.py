"""Tables drawn with box-drawing characters in plain text (a table pasted from WPS or Word as text, or printed by
an old system): 「┌──┬──┐」 over 「│任务│单位│」, rows apart by 「├──┼──┤」, in light, heavy (┃━┏) or double (║═╔)
lines, turned into table rows of the common form (merged cells repeated) for the table reader.

Each line's cells lie between its upright strokes; a cell of a rule line made of 「─」 only closes that column's cell
there, so a cell merged over rows is simply a column whose rule is missing, and a cell's text is its lines joined.
The rows are those of the column ruled most often. Where a merged cell's rule falls inside another column's cell,
the drawing closed the box right after the merged cell's text, not at its row's end (a cell's text cannot run past
its rows): the cell reaches down to the end of that row. Items that open with a bullet (「△」) inside one cell are
rows of their own; in a column of such items, a cell without a bullet is the heading over the items below it.
"""
from __future__ import annotations

import re
from collections import Counter

from .itemmarks import BULLET
from .source import Block

_HORIZONTAL = set("─━═┄┅┈┉╌╍╴╶╸╺╼╾")  # the strokes of a rule; every other box character stands between cells
_HAN_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")  # 「工 作 任 务」: a cell's text centred


def _is_stroke(ch: str) -> bool:
    return "\u2500" <= ch <= "\u257f" and ch not in _HORIZONTAL


def _segments(text: str) -> list[str] | None:
    """A drawn line's cells (a rule's cell is its strokes), or None when the line is no line of a drawn table."""
    text = text.strip()
    if not text or not _is_stroke(text[0]):
        return None
    cells, cell = [], ""
    for ch in text[1:]:
        if _is_stroke(ch):
            cells.append(cell)
            cell = ""
        else:
            cell += ch
    return cells if not cell.strip() and cells else None


def _is_rule(cell: str) -> bool:
    return bool(cell.strip()) and all(ch in _HORIZONTAL or ch.isspace() for ch in cell)


def _joined(lines: list[str]) -> str:
    """A cell's lines as one text: a line break inside a cell breaks a word, never stands between two."""
    out = ""
    for line in (_HAN_SPACE.sub("", ln.strip()) for ln in lines):
        out += (" " if out and line and out[-1].isascii() and out[-1].isalnum() and line[0].isascii()
                and line[0].isalnum() else "") + line
    return out


def _row_bounds(grid: list[list[str]]) -> list[int]:
    """The lines that close a row: the rules of the column ruled most often (the table's finest)."""
    ruled = [[k for k, line in enumerate(grid) if _is_rule(line[c])] for c in range(len(grid[0]))]
    return max(ruled, key=len)


def _column_cells(grid: list[list[str]], c: int, bounds: list[int]) -> list[tuple[int, int, list[str]]]:
    """Column c's cells as (first row, row after the last, their lines): each rule moved down to the row's end it
    falls in (a merged cell's box drawn short)."""
    rules = [k for k, line in enumerate(grid) if _is_rule(line[c])]
    snap = lambda k: next(i for i, b in enumerate(bounds) if b >= k) if k <= bounds[-1] else len(bounds) - 1  # noqa: E731
    out = []
    for top, bottom in zip(rules, rules[1:]):
        lines = [grid[k][c] for k in range(top + 1, bottom)]
        first, last = snap(top), snap(bottom)
        if last > first:
            out.append((first, last, lines))
        elif out:  # closed inside the row the cell above ends in: part of that cell
            out[-1][2].extend(lines)
    return out


def _rows(grid: list[list[str]]) -> list[list[list[str]]]:
    """The table's rows, each a list of cells, a cell its lines (a merged cell's lines in each of its rows)."""
    bounds = _row_bounds(grid)
    rows: list[list[list[str]]] = [[[] for _ in grid[0]] for _ in bounds[:-1]]
    for c in range(len(grid[0])):
        for first, last, lines in _column_cells(grid, c, bounds):
            for r in range(first, last):
                rows[r][c] = lines
    return rows


def _items(cell: list[str]) -> list[list[str]]:
    """A cell's items, each opening with a bullet on a line of its own; the cell whole when none does."""
    items: list[list[str]] = []
    for line in cell:
        if BULLET.match(line.strip()) or not items:
            items.append([])
        items[-1].append(line)
    return items if len(items) > 1 or BULLET.match(_joined(cell)) else [cell]


def _table_rows(grid: list[list[str]]) -> list[tuple[int, tuple[str, ...]]]:
    """(the row's first line, its cells of text): the header, then each item its own row, a bulleted column's plain
    cell a heading spanning the table (its text in every cell, as a section's row)."""
    rows, bounds = _rows(grid), _row_bounds(grid)
    bulleted = {c for row in rows[1:] for c, cell in enumerate(row) if BULLET.match(_joined(cell))}
    out = [(bounds[0] + 1, tuple(_joined(cell) for cell in rows[0]))]
    for r, row in enumerate(rows[1:], start=1):
        line = bounds[r] + 1
        if any(_joined(row[c]) and not BULLET.match(_joined(row[c])) for c in bulleted):
            heading = next(_joined(row[c]) for c in sorted(bulleted) if _joined(row[c]))
            out.append((line, tuple(heading for _ in row)))
            continue
        column = min(bulleted, default=None)
        for item in _items(row[column]) if column is not None else [row[0]]:
            cells = (BULLET.sub("", _joined(item), count=1).strip() if c == column else _joined(cell)
                     for c, cell in enumerate(row))
            out.append((line, tuple(cells)))
            line += len(item)
    return out


def _grid(blocks: list[Block]) -> list[list[str]] | None:
    """The drawn lines' cells, each line as wide as the table (a rule drawn across merged columns as wide too);
    None when the lines disagree on the table's width."""
    lines = [_segments(b.text) or [] for b in blocks]
    width = Counter(len(ln) for ln in lines if not all(map(_is_rule, ln))).most_common(1)
    if not width or width[0][0] < 2:
        return None
    width = width[0][0]
    grid = []
    for line in lines:
        if all(map(_is_rule, line)):
            line = ["─"] * width  # a rule under cells merged across columns: closes them all
        if len(line) != width:
            return None
        grid.append(line)
    return grid


def box_tables(blocks: list[Block], first_table: int) -> list[Block]:
    """The blocks, each table drawn in box-drawing lines made rows (at least a header and a row under rules)."""
    out: list[Block] = []
    table = first_table
    i = 0
    while i < len(blocks):
        j = i
        while j < len(blocks) and not blocks[j].is_row and _segments(blocks[j].text) is not None:
            j += 1
        grid = _grid(blocks[i:j]) if j - i >= 3 else None
        if grid is None or not _is_rule(grid[0][0]) or len(_row_bounds(grid)) < 3:
            out.append(blocks[i])
            i += 1
            continue
        table += 1
        out.extend(Block(" | ".join(row), blocks[i + line].where, row, table) for line, row in _table_rows(grid))
        i = j
    return out
