"""Tables copied one cell a line (a page's table copied as text; each cell may be closed by a 「|」), turned into
table rows of the common form (`texttables` reads the other ways pages flatten their tables).

A header of column words one to a line (a few words not understood among them), then each row's number on a line
of its own (numbers rise; the document's own, from any start) or, with no number column, its numbered task line,
followed by its cells; each cell goes to the next column it reads as (units, a deadline, a person), so an empty
cell dropped is skipped, and texts fill the other columns in order, several units of one cell on successive lines are joined, and a second task under a merged number and
unit cell becomes a row of its own with them carried down. A header without a number column over rows that carry
one (「类别」, 「1」, its cells): each row is its number and as many cells as the header names after the cells before
the first number, those (grouping cells merged over rows) written again before a number or carried down.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .columns import column_role, column_roles
from .itemmarks import PART, SECTION
from .lexicon import lexicon
from .source import Block
from .unitnotes import parse_units

NUMBER_ALONE = re.compile(r"^\d{1,3}$")  # a row's number on a line of its own

_DEADLINE = re.compile(r"\d{4}\s*年|\d+\s*个(?:月|工作日)|\d{1,2}月|年底|年内|底前|季度|全年|长期|持续|常态")


def fits(role: str | None, cell: str) -> bool:
    """Whether a cell reads as its column's kind: units for a unit column, a time for a deadline, a person for a
    leader column (and a person's name is no task's text)."""
    from .lexicon import is_person
    from .unitnotes import parse_units
    if role == "deadline":
        return bool(_DEADLINE.search(cell)) and len(cell) <= 40
    if role in ("lead", "separate", "joint", "responsible", "participant", "guide"):
        units = parse_units(cell)
        return bool(units.lead) and not units.doubts  # 「X、Y等各部门」: an open list is units too
    if role == "leader":  # posts or names, one or several (a surname may be a rare one: 欧乾震)
        return all(is_person(p) or bool(re.fullmatch(r"[\u4e00-\u9fff]{2,4}", p)) and not lexicon().unit_end.search(p)
                   for p in re.split(r"[、，,；;\s]+", cell.strip()))
    return not (role in ("task", "detail") and is_person(cell))


UNIT_COLUMNS = ("lead", "separate", "joint", "responsible", "participant", "guide")


def _broken_name(roles: list[str | None], cell: str, after: str) -> bool:
    """A unit's name broken over two lines (「区新兴产业」「服务中心」, 「区综合行政」「执法局」): the first line opens with
    its level (a name long enough to wrap in a narrow cell does), reads as no unit and carries no punctuation, and
    the two read as one unit."""
    if not re.match(r"[省市县区州旗乡镇]", cell) or re.search(r"[，,。；;、：:()（）\s]", cell) or len(cell) > 12 \
            or fits("lead", cell) or after.endswith("。"):
        return False
    return any(r in UNIT_COLUMNS for r in roles) and fits("lead", cell + after) and len(parse_units(cell + after).lead) == 1


_NO_CELL = re.compile(r"^(?:[/／\\—–－-]+|无)$")  # a cell written 「/」, 「—」 or 「无」: left empty

_KNOWN_BY_KIND = (*UNIT_COLUMNS, "deadline", "leader")  # columns whose cells read as what they hold


def _cell_rows(roles: list[str | None], cells: list[str], task: int,
               kinds: frozenset[int] = frozenset()) -> tuple[list[tuple[str, ...]], int]:
    """One row's cells (its number first when the table has a number column, then its task) under the columns,
    and how many cells it used. A row whose cell after its number is a sentence left out its grouping cells (an
    指标 or 类别 merged over several rows, given once): that sentence is its task.

    Each later cell goes to the next unit, deadline or leader column it fits (units for a unit column, a time for a
    deadline, people for a leader: a name is no task's text, so a row that left out a text cell is not shifted); a cell that fits none of them but fits the unit column just filled is one more unit of that cell
    (several units of one cell written on successive lines); a text before any unit continues the task (its
    sub-goals, 「——…」); else it fills the next column not read by kind (progress, notes, a remark), in order.
    A text after the units, followed by a cell that fits a unit or deadline column, is a second task of the same row (the
    number and unit cells merged over both: carried down, until it names its own). A lone number inside a row
    (the page number of a copied page) is no cell. Anything else ends the table."""
    rows: list[list[str]] = []
    row = [""] * len(roles)
    numbered = roles[0] == "number" and task != 0
    first = 1 if numbered else task
    if numbered and task > 1 and len(cells) > 1 and cells[1].endswith(("。", "；", ";")):
        first = task  # a sentence after the number: the grouping cells before the task were merged over rows
    elif numbered and (left := _merged_left(roles, cells)):
        first = min(1 + left, task)  # fewer texts than text columns before the units: the leftmost were merged
    row[0], row[first] = (cells[0], cells[1]) if numbered else (row[0], cells[0])
    units_ahead = lambda c: any(r in UNIT_COLUMNS for r in roles[c:])  # noqa: E731
    column, last, i = first + 1, first, 2 if numbered else 1
    joined = 0  # lines read as one cell with the line after them
    while i < len(cells):
        cell = cells[i]
        target = next((c for c in range(column, len(roles)) if roles[c] in _KNOWN_BY_KIND and fits(roles[c], cell)), None)
        other = next((c for c in range(column, len(roles)) if roles[c] not in _KNOWN_BY_KIND), None)
        if target is None and i + 1 < len(cells) and _broken_name(roles, cell, cells[i + 1]):
            cells = [*cells[:i], cell + cells[i + 1], *cells[i + 2:]]  # 「区新兴产业」「服务中心」: one name
            joined += 1
            continue
        passed = next((c for c in range(task + 1, column) if roles[c] in UNIT_COLUMNS and fits(roles[c], cell)), None)
        if NUMBER_ALONE.match(cell):
            pass
        elif _NO_CELL.match(cell) and column < len(roles):
            column, last = column + 1, column  # 「/」 for none: the next column's cell, empty
        elif row[last].endswith(("，", ",", "、", "；", ";")) and target is None:
            row[last] += cell  # a cell wrapped over two lines after its comma
        elif target is None and passed is not None and last > passed and roles[last] not in UNIT_COLUMNS \
                and row[passed] and not cell.endswith("。"):
            # a unit cell again after the row's later cells: a sub-row of the same number and task (merged over
            # both, kept once), its own units and the cells after them
            rows.append(row)
            row = [rows[-1][c] if c < passed else "" for c in range(len(roles))]
            row[passed], column, last = cell, passed + 1, passed
        elif target is None and roles[last] in UNIT_COLUMNS and fits(roles[last], cell) and not cell.endswith("。") \
                and not (i == len(cells) - 1 and any(c > last for c in kinds)):
            # (a sentence after the unit cell, 「成功创建首批美丽城镇。」, is the next column's, whatever it ends in)
            row[last] = f"{row[last]}、{cell}"
        elif target is not None:
            row[target], column, last = cell, target + 1, target
        elif last == task and units_ahead(column):
            row[task] = f"{row[task]}{cell}"
        elif other is not None:
            row[other], column, last = cell, other + 1, other
        elif not fits("deadline", cell) and any(fits(roles[c], later) for later in cells[i + 1:i + 8]
                                                 for c in range(len(roles)) if roles[c] in (*UNIT_COLUMNS, "deadline")):
            rows.append(row)
            row = [row[0] if numbered else "", *[""] * (len(roles) - 1)]
            row[task] = cell if numbered else _ITEM_MARK.match(cells[0]).group() + cell  # the row's number, kept
            for c in range(len(roles)):
                row[c] = rows[-1][c] if roles[c] in UNIT_COLUMNS else row[c]
            column, last = task + 1, task
        else:
            break
        i += 1
    rows.append(row)
    return [tuple(r) for r in rows], i + joined


def _merged_left(roles: list[str | None], cells: list[str]) -> int:
    """How many text columns between a row's number and its first unit column the row left out (a 考核指标 merged over
    several rows, written on the first only): its texts before its first unit cell fill the columns nearest the units."""
    units = next((c for c, r in enumerate(roles) if r in UNIT_COLUMNS), None)
    given = next((k for k, c in enumerate(cells[1:]) if units is not None and fits(roles[units], c)), None)
    if units is None or not given:
        return 0
    kinds = {r for r in roles[1:units] if r in _KNOWN_BY_KIND}  # (a deadline or leader cell left out is no text's)
    texts = [c for c in cells[1:1 + given] if not any(fits(r, c) for r in kinds)]
    return max(0, sum(r not in _KNOWN_BY_KIND for r in roles[1:units]) - len(texts))


# 「评分部门」, 「考核单位」: a column of units of a kind that is no role in the work (who scores it): the row's last unit
# cell is that column's, not one more unit of the unit column before it
_UNIT_KIND = re.compile(r"(?:单位|部门)$")


_LEX_NUMBER = lexicon().columns["number"][0]  # the number column's word, for a header that left it out
_ITEM_START = re.compile(r"^\d{1,3}\s*[.．、]\s*(?!\d)\S")  # 「1.妇女…」: a row whose task cell carries its number
_ITEM_MARK = re.compile(r"^\d{1,3}\s*[.．、]")
_YEAR = re.compile(r"\d{4}年度?")  # 「2023年」 over 「目标进度」: a header cell wrapped after its year
_MEASURE = re.compile(r"[(（][^()（）]{1,6}[)）]")  # 「总投资」 over 「(万元)」: a header cell wrapped before its measure


def _header_line(blocks: list[Block], i: int) -> bool:
    return i < len(blocks) and not blocks[i].is_row and len(blocks[i].text) <= 14 \
        and not NUMBER_ALONE.match(blocks[i].text) and not _ITEM_START.match(blocks[i].text) and not _spanning(blocks, i)


def _cell_header(blocks: list[Block], i: int) -> tuple[list[Block], int]:
    """The header of a table copied one cell a line, and how many lines it takes: short lines of column words (a few
    not understood, named in the review as such) up to the first row; at least three of them name roles, among
    them a task and a unit column. A short word not understood that makes a column word with the next line's
    (「责任」「领导」, 「责任」「科室」, 「2023年」「目标进度」: a narrow header cell wrapped over two lines) is read with it,
    and so is a measure in brackets alone on the line after a word (「总投资」「(万元)」)."""
    header: list[Block] = []
    widths: list[int] = []  # lines each header word takes
    start = i
    while _header_line(blocks, i):
        block, width = blocks[i], 1
        if (len(block.text) <= 3 or _YEAR.fullmatch(block.text)) and not column_role(block.text) \
                and _header_line(blocks, i + 1) and column_role(block.text + blocks[i + 1].text):
            block, width = Block(block.text + blocks[i + 1].text, block.where), 2
        if _header_line(blocks, i + width) and _MEASURE.fullmatch(blocks[i + width].text):
            block, width = Block(block.text + blocks[i + width].text, block.where), width + 1
        if not column_role(block.text) and (not header or sum(not column_role(b.text) for b in header) >= 3):
            break
        header.append(block)
        widths.append(width)
        i += width
    if _numbered_first(header, blocks, i):
        header = [Block(_LEX_NUMBER, header[0].where), *header[1:]]
    roles = column_roles([b.text for b in header])
    while roles and roles[-1] is None and i < len(blocks) and not _starts_row(blocks[min(i + _spanning(blocks, i),
                                                                                    len(blocks) - 1)], roles):
        header, roles, i = header[:-1], roles[:-1], i - widths.pop()  # a trailing word not understood, no row after
    if sum(bool(r) for r in roles) < 3 or not {"task", "detail"} & set(roles) or not set(roles) & {"lead", "responsible"}:
        return [], 0
    return header, i - start


def _numbered_first(header: list[Block], blocks: list[Block], i: int) -> bool:
    """A header whose first word names no number column (「任务项」, read as a task's word beside 「重点工作内容」) over
    rows that open with their number alone, each as many lines as the header has words up to the next number: the
    first column is the rows' number."""
    roles = column_roles([b.text for b in header])
    if "number" in roles or len(header) < 3 or roles[0] not in (None, "task") \
            or not any(r in ("task", "detail") for r in roles[1:]):
        return False
    lines = [b.text if not b.is_row else "\0" for b in blocks[i:i + 2 * len(header) + 1]]
    return lines[:1] == ["1"] and lines[len(header):len(header) + 1] == ["2"] \
        and not any(NUMBER_ALONE.match(line) or line == "\0" for line in lines[1:len(header)])


def _starts_row(block: Block, roles: list[str | None], above: int = 0) -> bool:
    """A row starts at its number on a line of its own (numbers rise: a smaller one is a page number), or, in a
    table without a number column, at a numbered line (its task cell)."""
    if block.is_row:
        return False
    if "number" in roles:
        return bool(NUMBER_ALONE.match(block.text)) and int(block.text) > above
    return bool(_ITEM_START.match(block.text))


def _grouping_columns(roles: list[str | None]) -> int:
    """How many grouping columns stand before a header's number column (「考核项目」「序号」…) whose cells, given once,
    closed the header as words not understood: 0 where there are none."""
    g = roles.index("number") if "number" in roles[1:] else 0
    return g if g and g <= 2 and len(roles) > 2 * g + 3 and all(r is None for r in roles[-g:]) else 0


def _next_row(blocks: list[Block], i: int, roles: list[str | None], above: int) -> bool:
    """The next row starts at i: its number, and not an amount in a cell (「42」 万吨 after row 9) while row above + 1
    still stands ahead within a row's reach (rows numbered 1, 2, 3 … go on by one)."""
    if not _starts_row(blocks[i], roles, above):
        return False
    if "number" not in roles or int(blocks[i].text) == above + 1:
        return True
    ahead = blocks[i + 1:i + 1 + 2 * len(roles)]
    return not any(not b.is_row and b.text == str(above + 1) for b in ahead)


def _spanning(blocks: list[Block], i: int) -> int:
    """How many part headings (「一、…」, 「（二）…」) stand at i: rows spanning a table copied one cell a line."""
    n = 0
    while i + n < len(blocks) and not blocks[i + n].is_row and (PART.match(blocks[i + n].text)
                                                                 or SECTION.match(blocks[i + n].text)):
        n += 1
    return n


def _whole_row(blocks: list[Block], i: int, roles: list[str | None], number: int) -> tuple[str, ...] | None:
    """A row numbered `number` with every cell there, one a line, in the header's order: exactly as many lines as
    columns before the next number (or the end), its unit cells holding units and its time cells a time (a
    year alone is one). Read in place, so an amount
    (「300」) or a year is its column's cell, not a row's number, and a place or a text is no task's continuation."""
    if "number" not in roles or roles[0] != "number" or i + len(roles) > len(blocks):
        return None
    cells = blocks[i:i + len(roles)]
    after = blocks[i + len(roles)] if i + len(roles) < len(blocks) else None
    if any(b.is_row for b in cells) or after is not None and (after.is_row or after.text != str(number + 1)):
        return None
    texts = tuple("" if _NO_CELL.match(b.text) else b.text for b in cells)  # 「/」: a cell left empty
    if not all(fits(r, t) for r, t in zip(roles, texts) if r in UNIT_COLUMNS and t) \
            or any(fits("lead", t) and not re.search(r"[。；;，,]", t) and not _sentence_after(roles, texts, c)
                   for c, (r, t) in enumerate(zip(roles, texts)) if r in ("task", "detail", "deadline")) \
            or not all(fits(r, t) or re.fullmatch(r"\d{4}年?", t) for r, t in zip(roles, texts) if r == "deadline" and t):
        return None  # a unit cell on two lines (「农业股」「乡村产业发展股」) shifts the cells after it: read them by kind
    return texts


def _sentence_after(roles: list[str | None], texts: tuple[str, ...], c: int) -> bool:
    """A text cell that reads as a unit (「新(改)建村卫生室」, a project's name) with the next text column holding a
    sentence that is no unit: the row's cells stand in their columns, not shifted by a unit cell on two lines."""
    n = c + 1
    return n < len(roles) and roles[c] != "deadline" and roles[n] in ("task", "detail") \
        and texts[n].endswith("。") and not fits("lead", texts[n])


def _unnamed_numbers(blocks: list[Block], at: int, roles: list[str | None]) -> tuple[list[tuple[str, ...]], int]:
    """Rows under a header that names no number column though each row has its number on a line of its own after
    its first cells (「做好公开工作」「3」「要求…」「各科室」「持续推进」, then 「4」 and the next row without its first
    cell, merged): each row is its grouping cells, its number, and one cell for each header word after them, its
    unit and time cells reading as units and a time. The rows, and the line after them."""
    lines = [b.text if not b.is_row else "\0" for b in blocks[at:]]
    groups = next((g for g in range(min(3, len(roles) - 2)) if g < len(lines) and NUMBER_ALONE.match(lines[g])), None)
    if "number" in roles or groups is None or lines[groups] != "1":
        return [], at
    rows, i, width, n = [], groups, len(roles) - groups, 1
    grouping = lines[:groups]
    while i + width < len(lines) + 1 and lines[i] == str(n):
        cells = lines[i + 1:i + 1 + width]
        if len(cells) < width or any(NUMBER_ALONE.match(c) or c == "\0" for c in cells) or not all(
                fits(r, c) for r, c in zip(roles[groups:], cells) if r in (*UNIT_COLUMNS, "deadline")):
            break
        rows.append((*grouping, str(n), *cells))
        i, n = i + 1 + width, n + 1
        if groups and i + groups < len(lines) and lines[i + groups] == str(n) and lines[i] != str(n):
            grouping, i = lines[i:i + groups], i + groups  # the next row's own grouping cells
    return (rows, at + i) if len(rows) >= 2 else ([], at)


_FRAGMENT = re.compile(r"[\u4e00-\u9fff]{1,4}")  # a piece of a narrow cell's name wrapped a few characters a line


def _wrapped_unit(lines: list[str], i: int) -> tuple[str, int] | None:
    """A unit's name at line i, whole or wrapped in a narrow cell a few characters a line (「市政」「府办」「公厅」): the
    longest run of such pieces that still reads as one unit, and how many lines it takes."""
    if i >= len(lines) or lines[i] == "\0":
        return None
    if fits("lead", lines[i]):
        return lines[i], 1
    if not _FRAGMENT.fullmatch(lines[i]):
        return None
    best, name, n = None, lines[i], 1
    while True:
        if fits("lead", name) and len(parse_units(name).lead) == 1:
            best = (name, n)
        if i + n >= len(lines) or not _FRAGMENT.fullmatch(lines[i + n]) or n >= 5:
            return best
        name, n = name + lines[i + n], n + 1


def _unit_first_rows(blocks: list[Block], at: int, roles: list[str | None]) -> tuple[list[tuple[str, ...]], int]:
    """Rows under a header whose first column is a unit column and that names no number (牵头单位 | 目标任务 |
    责任单位): each row opens at its unit cell (its name maybe wrapped a few characters a line), then one line for
    each column after it, its unit and time cells reading as units and a time and its text cells as no unit. The
    rows, and the line after them."""
    if "number" in roles or not roles or roles[0] not in UNIT_COLUMNS \
            or not any(r in ("task", "detail") for r in roles[1:]):
        return [], at
    lines = [b.text if not b.is_row else "\0" for b in blocks[at:]]
    rows, i = [], 0
    while (first := _wrapped_unit(lines, i)) is not None:
        cells, n = [first[0]], i + first[1]
        for role in roles[1:]:
            if n >= len(lines) or lines[n] == "\0":
                break
            cell = lines[n]
            if role in UNIT_COLUMNS or role == "deadline":
                if not fits(role, cell) and not _NO_CELL.match(cell):
                    break
            elif fits("lead", cell) or NUMBER_ALONE.match(cell):
                break
            cells.append("" if _NO_CELL.match(cell) else cell)
            n += 1
        if len(cells) < len(roles):
            break
        rows.append(tuple(cells))
        i = n
    return rows, at + i


def cell_tables(blocks: list[Block], first_table: int) -> list[Block]:
    out: list[Block] = []
    table, i = first_table, 0
    while i < len(blocks):
        header, lines = _cell_header(blocks, i)
        roles = column_roles([b.text for b in header])
        at = i + lines
        at += _spanning(blocks, at) if header else 0
        after = blocks[at] if header and at < len(blocks) else None
        rows, end = _unnamed_numbers(blocks, at, roles) if header else ([], at)
        if rows:
            table += 1
            groups = rows[0].index("1")
            cells = (*(b.text for b in header[:groups]), _LEX_NUMBER, *(b.text for b in header[groups:]))
            out.append(Block(" | ".join(cells), header[0].where, cells, table))
            out.extend(Block(" | ".join(r), blocks[at].where, r, table, merged_once=True) for r in rows)
            i = end
            continue
        rows, end = _unit_first_rows(blocks, at, roles) if header and not rows else (rows, end)
        if rows:
            table += 1
            cells = tuple(b.text for b in header)
            out.append(Block(" | ".join(cells), header[0].where, cells, table))
            out.extend(Block(" | ".join(r), blocks[at].where, r, table, merged_once=True) for r in rows)
            i = end
            continue
        grouping: list[Block] = []
        if (g := _grouping_columns(roles)) and after is not None and _starts_row(after, roles):
            # 「考核项目」 before 「序号」: a grouping column, its cell (merged over the rows) given once before the first
            # number, read as the header's last words; the table is read from its number column, the two kept as text
            grouping, header, roles = [*header[:g], *header[-g:]], header[g:-g], roles[g:-g]
        if after is None or not _starts_row(after, roles) or "number" in roles[1:]:
            out.append(blocks[i])
            i += 1
            continue
        table += 1
        out.extend(grouping)
        cells = tuple(b.text for b in header)
        out.append(Block(" | ".join(cells), header[0].where, cells, table))
        i += lines
        task = next(c for c, r in enumerate(roles) if r in ("task", "detail"))
        above = 0
        while i < len(blocks):
            headings = _spanning(blocks, i)
            if headings and i + headings < len(blocks) and _starts_row(blocks[i + headings], roles, above):
                # a heading between rows: a row spanning the table (its text in every cell, as a merged row reads)
                out.extend(Block(b.text, b.where, (b.text,) * len(roles), table) for b in blocks[i:i + headings])
                i += headings
            if not _starts_row(blocks[i], roles, above):
                break
            start, end = blocks[i], i + 1
            above = int(start.text) if "number" in roles else 0
            while end < len(blocks) and not _next_row(blocks, end, roles, above) and not blocks[end].is_row \
                    and not _spanning(blocks, end) and end - i < 6 * len(roles):
                end += 1
            whole = _whole_row(blocks, i, roles, above)
            kinds = frozenset(c for c, b in enumerate(header) if roles[c] is None and _UNIT_KIND.search(lexicon().fold(b.text)))
            rows, used = ([whole], len(roles)) if whole else _cell_rows(roles, [b.text for b in blocks[i:end]], task,
                                                                        kinds)
            out.extend(Block(" | ".join(r), start.where, r, table, merged_once=True) for r in rows)
            i += used
            if i < end:
                break  # a cell that fits no column: the table ended before it
        out = _names_apart(out, table, roles)
        out = _cells_given_once(out, table, roles, task)
    return out


def _cells_given_once(blocks: list[Block], table: int, roles: list[str | None], task: int) -> list[Block]:
    """Rows that are their task alone, every other cell empty, before a row with its cells: numbered paragraphs of
    one cell (「3.…」「4.…」「5.…」 then one office cell), the cells after the last written once for all of them. Only
    where rows open at their numbered task: under a number column a row alone is a merged cell's, carried down."""
    if "number" in roles:
        return blocks
    own = {task}

    def alone(b: Block) -> bool:
        return b.table == table and b.is_row and b.merged_once and any(b.cells) \
            and not any(cell for c, cell in enumerate(b.cells) if c not in own)
    out = list(blocks)
    waiting: list[int] = []  # rows that were their task alone, waiting for the cells after them
    for i, block in enumerate(out):
        if alone(block):
            waiting.append(i)
            continue
        if waiting and block.table == table and block.is_row and block.merged_once:
            for w in waiting:
                cells = tuple(cell if c in own else block.cells[c] for c, cell in enumerate(out[w].cells))
                out[w] = replace(out[w], text=" | ".join(cells), cells=cells)
        waiting = []
    return out


def _names_apart(blocks: list[Block], table: int, roles: list[str | None]) -> list[Block]:
    """A unit cell running together names the table gives apart in its other cells (「文化宣传股文化馆」 where a row
    has 「文化宣传股、文化馆、图书馆」: its lines ran into one), those names, apart."""
    columns = [c for c, r in enumerate(roles) if r in UNIT_COLUMNS]
    rows = [b for b in blocks if b.table == table and b.is_row]
    cells = [b.cells[c] for b in rows for c in columns if c < len(b.cells)]
    names = {n for cell in cells if re.search(_SEPARATOR, cell) for n in re.split(_SEPARATOR, cell) if n}

    def apart(cell: str, whole: bool = True) -> list[str] | None:
        if not cell:
            return []
        return next(([n, *rest] for n in sorted(names, key=len, reverse=True) if not (whole and n == cell)
                     and cell.startswith(n) and (rest := apart(cell[len(n):], False)) is not None), None)

    out = []
    for block in blocks:
        if block.table == table and block.is_row and any(
                c < len(block.cells) and (found := apart(block.cells[c])) and len(found) > 1 for c in columns):
            cells = tuple("、".join(found) if c in columns and (found := apart(cell)) and len(found) > 1 else cell
                          for c, cell in enumerate(block.cells))
            block = replace(block, text=" | ".join(cells), cells=cells)
        out.append(block)
    return out


_SEPARATOR = r"[、，,；;\s]+"


_CELL_PIPE = re.compile(r"^(?P<cell>[^|]+?)\s*\|$")  # 「項目名稱 |」: one cell a line, each closed by a 「|」
_CELL_PIPE_RUN = 4


_OPENED_CELL = re.compile(r"^\|\s*(?P<cell>[^|]*?)\s*$")  # 「| 市安监局」: a cell after the row's first, opened by 「|」
_OPENED_ROWS = 3


def opened_cells(blocks: list[Block]) -> list[Block]:
    """A table copied one cell a line, the row's first cell alone and each later one opened by 「|」 (「第一组」,
    「| 市安监局」, 「| 雁塔区」, 「|」): each row as one line of cells between 「|」, for the pipe-table reader. Only a
    run of three rows or more (its header among them): lines opening with 「|」 elsewhere stay."""
    rows: list[list[Block]] = []  # a row's lines: its first cell's, then those opened by 「|」
    for block in blocks:
        if rows and not block.is_row and _OPENED_CELL.match(block.text) and not rows[-1][0].is_row:
            rows[-1].append(block)
        else:
            rows.append([block])
    out: list[Block] = []
    i = 0
    while i < len(rows):
        j = i
        while j < len(rows) and len(rows[j]) > 1:
            j += 1
        if j - i >= _OPENED_ROWS:
            width = max(len(row) for row in rows[i:j])  # a row's empty cells at its end may be lost (「|」 alone)
            for row in rows[i:j]:
                cells = [row[0].text.strip()] + [_OPENED_CELL.match(b.text)["cell"] for b in row[1:]]
                out.append(Block(" | ".join(cells + [""] * (width - len(cells))) + " |", row[0].where))
        else:
            j = i + 1
            out += rows[i]
        i = j
    return out


def unpiped_cells(blocks: list[Block]) -> list[Block]:
    """A table copied one cell a line with each cell closed by 「|」 (and lines of 「|」 between rows): the cells
    without their pipe, for the one-cell-a-line reader. Only a run of such lines: a single line ending in 「|」
    is left as written."""
    out, i = [], 0
    while i < len(blocks):
        j = i
        while j < len(blocks) and not blocks[j].is_row and _CELL_PIPE.match(blocks[j].text):
            j += 1
        if j - i >= _CELL_PIPE_RUN:
            out += [Block(_CELL_PIPE.match(b.text)["cell"], b.where) for b in blocks[i:j]]
            i = j
        else:
            out.append(blocks[i])
            i += 1
    return out
