"""Tables written as plain text lines, turned into table rows of the common form.

Pages and pasted documents flatten their tables in two common ways:
- cells between 「|」 (a pasted or markdown table): 「1 | 任务 | 细化分工 | 责任处室 | 时限 |」; a row that has
  fewer cells than the others lacks its leftmost grouping cells (merged over several rows, written once):
  they are carried down from the row above, after the row's own number;
- cells separated by spaces under a header line made only of column words (「序号 类别 主要任务 细化措施
  牵头单位 参与单位 责任单位」), each row starting with its number; a cell's own text may hold a space
  (「加强水资源保 护」), so the columns are filled from the right, one word each, and what is left over
  belongs to the leftmost text column;
- one cell a line (a page's table copied as text): a header of column words one to a line, then each row's
  number on a line of its own followed by its cells; each cell goes to the next column it reads as (units, a
  deadline), so an empty cell dropped is skipped, several units of one cell on successive lines are joined, and
  a second task under a merged number and unit cell becomes a row of its own with them carried down.

Rows become blocks with cells, so the table reader (shapes.table_tasks) reads them like any other table.
"""
from __future__ import annotations

import re

from .shapes import column_role
from .source import Block

_PIPE_SEPARATOR = re.compile(r"^[|\s:：\-—=]*$")  # 「|」 or 「|---|---|」 between rows
_NUMBERED = re.compile(r"^\d{1,3}$")


def _pipe_cells(text: str) -> tuple[str, ...] | None:
    if text.count("|") < 2:
        return None
    cells = [c.strip() for c in text.strip().strip("|").split("|")]
    return tuple(cells) if len([c for c in cells if c]) >= 2 else None


def _carry_merged(rows: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Short rows get the leftmost grouping cells of the row above (after their number, if they start with one)."""
    width = max((len(r) for r in rows[1:]), default=0)
    out: list[tuple[str, ...]] = rows[:1]
    for row in rows[1:]:
        missing = width - len(row)
        above = out[-1] if len(out) > 1 else ()
        if 0 < missing and len(above) >= width:
            lead = 1 if _NUMBERED.match(row[0]) else 0
            row = row[:lead] + above[lead:lead + missing] + row[lead:]
        out.append(row)
    return out


def _pipe_tables(blocks: list[Block], first_table: int) -> list[Block]:
    out: list[Block] = []
    table = first_table
    run: list[tuple[Block, tuple[str, ...]]] = []

    def close() -> None:
        nonlocal run, table
        if len(run) >= 2:
            table += 1
            cells = _carry_merged([c for _, c in run])
            out.extend(Block(" | ".join(c), b.where, c, table) for (b, _), c in zip(run, cells))
        else:
            out.extend(b for b, _ in run)
        run = []

    for block in blocks:
        if run and _PIPE_SEPARATOR.match(block.text):
            continue
        if (cells := _pipe_cells(block.text)) is not None:
            run.append((block, cells))
            continue
        close()
        out.append(block)
    close()
    return out


def _spaced_header(text: str) -> list[str] | None:
    words = text.split()
    roles = [column_role(w) for w in words]
    if len(words) >= 4 and all(roles) and {"task", "detail"} & set(roles) and set(roles) & {"lead", "responsible"}:
        return words
    return None


def _spaced_tables(blocks: list[Block], first_table: int) -> list[Block]:
    out: list[Block] = []
    table = first_table
    header: list[str] | None = None
    for block in blocks:
        if block.is_row:
            out.append(block)
            continue
        if words := _spaced_header(block.text):
            header, table = words, table + 1
            out.append(Block(" | ".join(words), block.where, tuple(words), table))
            continue
        tokens = block.text.split()
        if header and len(tokens) >= len(header) and _NUMBERED.match(tokens[0]):
            right = len(header) - 2  # the columns after the number and the first text column: one word each
            cells = (tokens[0], "".join(tokens[1:len(tokens) - right]), *tokens[len(tokens) - right:])
            out.append(Block(" | ".join(cells), block.where, cells, table))
            continue
        header = None
        out.append(block)
    return out


_DEADLINE = re.compile(r"\d{4}年|\d{1,2}月|年底|年内|底前|季度|全年|长期|持续|常态")


def _fits(role: str | None, cell: str) -> bool:
    """Whether a cell reads as its column's kind: units for a unit column, a time for a deadline."""
    from .unitnames import parse_units
    if role == "deadline":
        return bool(_DEADLINE.search(cell)) and len(cell) <= 40
    if role in ("lead", "separate", "joint", "responsible", "participant", "guide"):
        units = parse_units(cell)
        return bool(units.lead) and not units.flags
    return True


_UNIT_COLUMNS = ("lead", "separate", "joint", "responsible", "participant", "guide")


def _cell_rows(roles: list[str | None], cells: list[str]) -> tuple[list[tuple[str, ...]], int]:
    """One numbered row's cells (its number first, then its task) under the columns, and how many cells it used.

    Each later cell goes to the next column it fits (units for a unit column, a time for a deadline); a cell
    that fits no later column but fits the unit column just filled is one more unit of that cell (several units
    of one cell written on successive lines). A text that fits nothing, followed by a cell that fits a column,
    is a second task of the same row (the number and unit cells merged over both: carried down). Anything
    else ends the table."""
    rows: list[list[str]] = []
    row = [""] * len(roles)
    row[0] = cells[0]
    if len(cells) > 1:
        row[1] = cells[1]
    column, last, i = 2, 1, 2
    while i < len(cells):
        cell = cells[i]
        target = next((c for c in range(column, len(roles)) if _fits(roles[c], cell)), None)
        if target is None and roles[last] in _UNIT_COLUMNS and _fits(roles[last], cell):
            row[last] = f"{row[last]}、{cell}"
        elif target is not None:
            row[target], column, last = cell, target + 1, target
        elif i + 1 < len(cells) and not _fits("deadline", cell) and any(
                _fits(roles[c], cells[i + 1]) for c in range(2, len(roles)) if roles[c] != "task"):
            rows.append(row)
            row = [row[0], cell, *(row[c] if roles[c] in _UNIT_COLUMNS else "" for c in range(2, len(roles)))]
            column, last = 2, 1
        else:
            break
        i += 1
    rows.append(row)
    return [tuple(r) for r in rows], i


def _cell_tables(blocks: list[Block], first_table: int) -> list[Block]:
    out: list[Block] = []
    table, i = first_table, 0
    while i < len(blocks):
        header: list[Block] = []
        while i + len(header) < len(blocks) and not blocks[i + len(header)].is_row \
                and column_role(blocks[i + len(header)].text) and len(blocks[i + len(header)].text) <= 14:
            header.append(blocks[i + len(header)])
        roles = [column_role(b.text) for b in header]
        if len(header) < 3 or roles[0] != "number" or not {"task", "detail"} & set(roles) \
                or not set(roles) & {"lead", "responsible"}:
            out.append(blocks[i])
            i += 1
            continue
        table += 1
        cells = tuple(b.text for b in header)
        out.append(Block(" | ".join(cells), header[0].where, cells, table))
        i += len(header)
        expected = 1
        while i < len(blocks) and blocks[i].text == str(expected):
            start, end = blocks[i], i + 1
            while end < len(blocks) and blocks[end].text != str(expected + 1) and not blocks[end].is_row \
                    and end - i < 4 * len(roles):
                end += 1
            rows, used = _cell_rows(roles, [b.text for b in blocks[i:end]])
            out.extend(Block(" | ".join(r), start.where, r, table) for r in rows)
            i += used
            expected += 1
            if i < end:
                break  # a cell that fits no column: the table ended before it
    return out


def with_text_tables(blocks: list[Block]) -> list[Block]:
    """The blocks, with tables written as text lines turned into rows."""
    last = lambda: max((b.table or 0 for b in blocks), default=0)  # noqa: E731
    blocks = _pipe_tables(blocks, last())
    blocks = _spaced_tables(blocks, last())
    return _cell_tables(blocks, last())
