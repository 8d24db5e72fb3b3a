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
  number on a line of its own followed by its cells; a row with fewer cells than columns (an empty cell
  dropped) gives its first cell to the task and the others to the columns they read as (units, a deadline).

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


def _cell_row(roles: list[str | None], cells: list[str]) -> tuple[str, ...]:
    """A row's cells (its number first) under its columns: all there, or the first after the number to the
    task and the others to the next column they fit."""
    if len(cells) >= len(roles):
        return tuple(cells[:len(roles)])
    row = [""] * len(roles)
    row[0], column = cells[0], 1
    for i, cell in enumerate(cells[1:]):
        while column < len(roles) and i and not _fits(roles[column], cell):
            column += 1
        if column < len(roles):
            row[column], column = cell, column + 1
    return tuple(row)


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
            start, i = blocks[i], i + 1
            row: list[str] = []
            while i < len(blocks) and blocks[i].text != str(expected + 1) and len(row) < len(roles) - 1:
                row.append(blocks[i].text)
                i += 1
            cells = _cell_row(roles, [start.text, *row])
            out.append(Block(" | ".join(cells), start.where, cells, table))
            expected += 1
    return out


def with_text_tables(blocks: list[Block]) -> list[Block]:
    """The blocks, with tables written as text lines turned into rows."""
    last = lambda: max((b.table or 0 for b in blocks), default=0)  # noqa: E731
    blocks = _pipe_tables(blocks, last())
    blocks = _spaced_tables(blocks, last())
    return _cell_tables(blocks, last())
