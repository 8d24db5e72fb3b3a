"""Tables written as plain text lines, turned into table rows of the common form.

Pages and pasted documents flatten their tables in two common ways:
- cells between 「|」 (a pasted or markdown table): 「1 | 任务 | 细化分工 | 责任处室 | 时限 |」; a row that has
  fewer cells than the others lacks its leftmost grouping cells (merged over several rows, written once):
  they are carried down from the row above, after the row's own number;
- cells separated by spaces under a header line made of column words (「序号 类别 主要任务 细化措施
  牵头单位 参与单位 责任单位」; two at most not understood), each row starting with its number; a cell's own
  text may hold a space (「加强水资源保 护」), so the columns are filled from the right, one word each, and what
  is left over belongs to the leftmost text column (a list broken after its 「、」 is one cell; a row without its
  number, merged with the row above, fills the columns after it). Without a number column, a row is a line whose words fill
  the columns so that its unit cells hold units and its leader cell a person (「王某 任务 要求 X局 Y局 进展」);
- one cell a line (a page's table copied as text; each cell may be closed by a 「|」): a header of column words one to a line (a few words not
  understood among them), then each row's number on a line of its own (numbers rise; the document's own, from
  any start) or, with no number column, its numbered task line, followed by its cells; each cell goes to the next
  column it reads as (units, a deadline), so an empty cell dropped is skipped, several units of one cell on
  successive lines are joined, and a second task under a merged number and unit cell becomes a row of its own
  with them carried down. A header without a number column over rows that carry one (「类别」, 「1」, its cells):
  each row is its number and as many cells as the header names after the cells before the first number, those
  (grouping cells merged over rows) written again before a number or carried down;
- one run of text (a page that flattened its table): the header's column words run together (序号工作内容…
  责任单位备注), each row opening with its number right after the unit list that closed the row before; in a
  row, the text after its last full stop is its unit list, the first sentence its first text column;

Rows become blocks with cells, so the table reader (shapes.table_tasks) reads them like any other table.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import lexicon
from .shapes import PART, SECTION, column_role
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


def _unbroken(blocks: list[Block]) -> list[Block]:
    """Rows of a table whose rows close with 「|」, a cell broken over two lines (「市规划局 | 市国土资源局」 and
    「市农牧林业局 | 2010年9月20日前 |」): one row, the two halves of the cell apart by a space (two names stay two)."""
    out: list[Block] = []
    for block in blocks:
        above = out[-1] if out else None
        if above is not None and not block.is_row and not above.is_row and block.text.rstrip().endswith("|") \
                and "|" in above.text and not above.text.rstrip().endswith("|") and _pipe_cells(above.text) \
                and len(out) > 1 and out[-2].text.rstrip().endswith("|") and _pipe_cells(out[-2].text):
            out[-1] = Block(f"{above.text.rstrip()} {block.text.strip()}", above.where)
        else:
            out.append(block)
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

    for block in _unbroken(blocks):
        if run and _PIPE_SEPARATOR.match(block.text):
            continue
        if (cells := _pipe_cells(block.text)) is not None:
            run.append((block, cells))
            continue
        close()
        out.append(block)
    close()
    return out


def _header_words(text: str) -> list[str]:
    """A header line's words, a word spaced out letter by letter (「工 作 任 务」) taken as one."""
    words, letters = [], []
    for token in [*text.split(), ""]:
        if len(token) == 1:
            letters.append(token)
            continue
        if letters:
            words.append("".join(letters))
            letters = []
        if token:
            words.append(token)
    return words


def _spaced_header(text: str) -> list[str] | None:
    """A line of column words (two at most not understood, short like column words) naming a task and a unit column;
    three words only when all three are understood (「序号 工 作 任 务 牵头负责部门」)."""
    words = _header_words(text)
    roles = [column_role(w) for w in words]
    unknown = min(2, len(words) - 4) if len(words) >= 4 else 0 if len(words) == 3 else -1
    if sum(not r for r in roles) <= unknown and all(len(w) <= 8 for w in words) \
            and {"task", "detail"} & set(roles) and set(roles) & {"lead", "responsible"}:
        return words
    return None


def _unnumbered_row(header: list[str], tokens: list[str]) -> tuple[str, ...] | None:
    """A row without a number under a spaced header: its words fill the columns, the surplus joined into the
    leftmost text column that leaves the others right, so that every unit column holds units and a leader column a person (else it is no row)."""
    from .lexicon import is_person
    roles = [column_role(w) for w in header]
    surplus = len(tokens) - len(header)
    texts = [c for c, r in enumerate(roles) if r in (None, "task", "detail", "section")] if surplus else [0]
    for c in texts:
        cells = (*tokens[:c], "".join(tokens[c:c + surplus + 1]), *tokens[c + surplus + 1:]) if surplus else tuple(tokens)
        units = [cells[i] for i, r in enumerate(roles) if r in _UNIT_COLUMNS]
        people = [cells[i] for i, r in enumerate(roles) if r == "leader"]
        if units and all(_fits("lead", u) for u in units) and all(map(is_person, people)):
            return cells
    return None


def _list_tokens(text: str) -> list[str]:
    """A spaced row's words, a list broken after its 「、」 (「各区教育局、 市局直属单位」) kept as one cell."""
    return re.sub(r"(?<=[、，,])\s+", "", text).split()


def _merged_number_row(header: list[str], tokens: list[str]) -> tuple[str, ...] | None:
    """A row under a numbered header without its number (the number cell merged with the row above): its words
    fill the columns after the number, the last ones left empty (an empty remark); its unit cells hold units."""
    roles = [column_role(w) for w in header]
    if roles[:1] != ["number"] or not 2 <= len(tokens) < len(header) or _NUMBERED.match(tokens[0]):
        return None
    cells = ("", *tokens, *[""] * (len(header) - 1 - len(tokens)))
    units = [cells[i] for i, r in enumerate(roles) if r in _UNIT_COLUMNS and cells[i]]
    return cells if units and all(_fits("lead", u) for u in units) and not _fits("lead", tokens[0]) else None


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
        tokens = _list_tokens(block.text)
        if header and len(tokens) >= len(header) and _NUMBERED.match(tokens[0]):
            right = len(header) - 2  # the columns after the number and the first text column: one word each
            cells = (tokens[0], "".join(tokens[1:len(tokens) - right]), *tokens[len(tokens) - right:])
            out.append(Block(" | ".join(cells), block.where, cells, table))
            continue
        if header and "number" not in map(column_role, header) and len(tokens) >= len(header) \
                and (cells := _unnumbered_row(header, tokens)):
            out.append(Block(" | ".join(cells), block.where, cells, table))
            continue
        if header and (cells := _merged_number_row(header, tokens)):
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


def _cell_rows(roles: list[str | None], cells: list[str], task: int) -> tuple[list[tuple[str, ...]], int]:
    """One row's cells (its number first when the table has a number column, then its task) under the columns,
    and how many cells it used.

    Each later cell goes to the next unit or deadline column it fits (units for a unit column, a time for a
    deadline); a cell that fits none of them but fits the unit column just filled is one more unit of that cell
    (several units of one cell written on successive lines); a text before any unit continues the task (its
    sub-goals, 「——…」); else it fills the next column the header names with a word not understood (progress, notes).
    A text after the units, followed by a cell that fits a unit or deadline column, is a second task of the same row (the
    number and unit cells merged over both: carried down, until it names its own). A lone number inside a row
    (the page number of a copied page) is no cell. Anything else ends the table."""
    rows: list[list[str]] = []
    row = [""] * len(roles)
    numbered = roles[0] == "number" and task != 0
    first = 1 if numbered else task
    row[0], row[first] = (cells[0], cells[1]) if numbered else (row[0], cells[0])
    units_ahead = lambda c: any(r in _UNIT_COLUMNS for r in roles[c:])  # noqa: E731
    column, last, i = first + 1, first, 2 if numbered else 1
    while i < len(cells):
        cell = cells[i]
        target = next((c for c in range(column, len(roles)) if roles[c] is not None and _fits(roles[c], cell)), None)
        other = next((c for c in range(column, len(roles)) if roles[c] is None), None)
        if _NUMBERED.match(cell):
            pass
        elif target is None and roles[last] in _UNIT_COLUMNS and _fits(roles[last], cell):
            row[last] = f"{row[last]}、{cell}"
        elif target is not None:
            row[target], column, last = cell, target + 1, target
        elif last == task and units_ahead(column):
            row[task] = f"{row[task]}{cell}"
        elif other is not None:
            row[other], column, last = cell, other + 1, other
        elif not _fits("deadline", cell) and any(_fits(roles[c], later) for later in cells[i + 1:i + 8]
                                                 for c in range(len(roles)) if roles[c] in (*_UNIT_COLUMNS, "deadline")):
            rows.append(row)
            row = [row[0] if numbered else "", *[""] * (len(roles) - 1)]
            row[task] = cell if numbered else _ITEM_MARK.match(cells[0]).group() + cell  # the row's number, kept
            for c in range(len(roles)):
                row[c] = rows[-1][c] if roles[c] in _UNIT_COLUMNS else row[c]
            column, last = task + 1, task
        else:
            break
        i += 1
    rows.append(row)
    return [tuple(r) for r in rows], i


_LEX_NUMBER = lexicon().columns["number"][0]  # the number column's word, for a header that left it out
_ITEM_START = re.compile(r"^\d{1,3}\s*[.．、]\s*(?!\d)\S")  # 「1.妇女…」: a row whose task cell carries its number
_ITEM_MARK = re.compile(r"^\d{1,3}\s*[.．、]")


def _cell_header(blocks: list[Block], i: int) -> list[Block]:
    """The header of a table copied one cell a line: short lines of column words (a few not understood, named
    in the review as such) up to the first row; at least three of them name roles, among them a task and a unit
    column."""
    header: list[Block] = []
    while i < len(blocks) and not blocks[i].is_row and len(blocks[i].text) <= 14 \
            and not _NUMBERED.match(blocks[i].text) and not _ITEM_START.match(blocks[i].text) and not _spanning(blocks, i):
        if not column_role(blocks[i].text) and (not header or sum(not column_role(b.text) for b in header) >= 3):
            break
        header.append(blocks[i])
        i += 1
    roles = [column_role(b.text) for b in header]
    while roles and roles[-1] is None and i < len(blocks) and not _starts_row(blocks[i], roles):
        header, roles = header[:-1], roles[:-1]  # a trailing word not understood that no row follows
    if sum(bool(r) for r in roles) < 3 or not {"task", "detail"} & set(roles) or not set(roles) & {"lead", "responsible"}:
        return []
    return header


def _starts_row(block: Block, roles: list[str | None], above: int = 0) -> bool:
    """A row starts at its number on a line of its own (numbers rise: a smaller one is a page number), or, in a
    table without a number column, at a numbered line (its task cell)."""
    if block.is_row:
        return False
    if "number" in roles:
        return bool(_NUMBERED.match(block.text)) and int(block.text) > above
    return bool(_ITEM_START.match(block.text))


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
    texts = tuple(b.text for b in cells)
    if not all(_fits(r, t) for r, t in zip(roles, texts) if r in _UNIT_COLUMNS) \
            or not all(_fits(r, t) or re.fullmatch(r"\d{4}年?", t) for r, t in zip(roles, texts) if r == "deadline"):
        return None  # a unit cell on two lines (「农业股」「乡村产业发展股」) shifts the cells after it: read them by kind
    return texts


def _unnamed_numbers(blocks: list[Block], at: int, roles: list[str | None]) -> tuple[list[tuple[str, ...]], int]:
    """Rows under a header that names no number column though each row has its number on a line of its own after
    its first cells (「做好公开工作」「3」「要求…」「各科室」「持续推进」, then 「4」 and the next row without its first
    cell, merged): each row is its grouping cells, its number, and one cell for each header word after them, its
    unit and time cells reading as units and a time. The rows, and the line after them."""
    lines = [b.text if not b.is_row else "\0" for b in blocks[at:]]
    groups = next((g for g in range(min(3, len(roles) - 2)) if g < len(lines) and _NUMBERED.match(lines[g])), None)
    if "number" in roles or groups is None or lines[groups] != "1":
        return [], at
    rows, i, width, n = [], groups, len(roles) - groups, 1
    grouping = lines[:groups]
    while i + width < len(lines) + 1 and lines[i] == str(n):
        cells = lines[i + 1:i + 1 + width]
        if len(cells) < width or any(_NUMBERED.match(c) or c == "\0" for c in cells) or not all(
                _fits(r, c) for r, c in zip(roles[groups:], cells) if r in (*_UNIT_COLUMNS, "deadline")):
            break
        rows.append((*grouping, str(n), *cells))
        i, n = i + 1 + width, n + 1
        if groups and i + groups < len(lines) and lines[i + groups] == str(n) and lines[i] != str(n):
            grouping, i = lines[i:i + groups], i + groups  # the next row's own grouping cells
    return (rows, at + i) if len(rows) >= 2 else ([], at)


def _cell_tables(blocks: list[Block], first_table: int) -> list[Block]:
    out: list[Block] = []
    table, i = first_table, 0
    while i < len(blocks):
        header = _cell_header(blocks, i)
        roles = [column_role(b.text) for b in header]
        at = i + len(header)
        at += _spanning(blocks, at) if header else 0
        after = blocks[at] if header and at < len(blocks) else None
        rows, end = _unnamed_numbers(blocks, at, roles) if header else ([], at)
        if rows:
            table += 1
            groups = rows[0].index("1")
            cells = (*(b.text for b in header[:groups]), _LEX_NUMBER, *(b.text for b in header[groups:]))
            out.append(Block(" | ".join(cells), header[0].where, cells, table))
            out.extend(Block(" | ".join(r), blocks[at].where, r, table) for r in rows)
            i = end
            continue
        if after is None or not _starts_row(after, roles) or "number" in roles[1:]:
            out.append(blocks[i])
            i += 1
            continue
        table += 1
        cells = tuple(b.text for b in header)
        out.append(Block(" | ".join(cells), header[0].where, cells, table))
        i += len(header)
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
            while end < len(blocks) and not _starts_row(blocks[end], roles, above) and not blocks[end].is_row \
                    and not _spanning(blocks, end) and end - i < 6 * len(roles):
                end += 1
            whole = _whole_row(blocks, i, roles, above)
            rows, used = ([whole], len(roles)) if whole else _cell_rows(roles, [b.text for b in blocks[i:end]], task)
            out.extend(Block(" | ".join(r), start.where, r, table) for r in rows)
            i += used
            if i < end:
                break  # a cell that fits no column: the table ended before it
    return out


@lru_cache(maxsize=1)
def _column_words() -> tuple[str, ...]:
    """Column words and labels that may stand in a header (one-character words only alone), longest first."""
    lex = lexicon()
    words = {w for ws in lex.columns.values() for w in ws if len(w) > 1} | {w for w in lex.labels if len(w) > 2}
    return tuple(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _header_run() -> re.Pattern:
    """A number column's word, then three or more column words, with nothing between them."""
    number = "|".join(re.escape(w) for w in lexicon().columns["number"] if len(w) > 1)
    return re.compile(rf"(?:{number})(?:{'|'.join(map(re.escape, _column_words()))}){{3,}}")


@lru_cache(maxsize=1)
def _unit_end() -> str:
    """The last characters of a unit's name (lexicon.yaml unit_suffixes) or a closing bracket, as a class."""
    return "[" + "".join(sorted({w[-1] for w in lexicon().unit_suffixes})) + ")）]"


def _run_header(text: str) -> re.Match | None:
    """A header whose column words run together without separators (序号工作内容目标任务责任单位备注)."""
    for m in _header_run().finditer(text):
        roles = [column_role(w) for w in _split_words(m.group())]
        if {"task", "detail"} & set(roles) and set(roles) & set(_UNIT_COLUMNS):
            return m
    return None


def _split_words(run: str) -> list[str]:
    return re.findall("|".join(map(re.escape, _column_words())), run)


def _run_rows(header: list[str], text: str) -> list[tuple[str, ...]]:
    """The rows of a run-together table: each starts with its number (1, 2, 3 …) right after the unit list that
    closes the row before; in a row, the unit list is the text after its last full stop, the first sentence its
    first text column, the rest the next."""
    from .unitnames import parse_units
    roles = [column_role(w) for w in header]
    unit_col = next(c for c, r in enumerate(roles) if r in _UNIT_COLUMNS)
    texts = [c for c, r in enumerate(roles) if r in ("task", "detail", "section") and c < unit_col]
    rows, n, start = [], 1, 0
    if not text.startswith("1"):
        return []
    while True:
        after = re.compile(rf"(?<={_unit_end()}){n + 1}(?=[\u4e00-\u9fff])")
        m = after.search(text, start + len(str(n)))
        body = text[start + len(str(n)):m.start() if m else len(text)]
        sentences, _, units = body.rpartition("。")
        parsed = parse_units(units)
        if not sentences or not parsed.lead or any(f.startswith("not a unit") for f in parsed.flags):
            break
        row = [""] * len(header)
        row[0], row[unit_col] = str(n), units
        first, _, rest = (sentences + "。").partition("。")
        if texts:
            row[texts[0]] = first + "。"
            if len(texts) > 1 and rest:
                row[texts[1]] = rest
            elif rest:
                row[texts[0]] += rest
        rows.append(tuple(row))
        if not m:
            break
        start, n = m.start(), n + 1
    return rows


def _run_tables(blocks: list[Block], first_table: int) -> list[Block]:
    """A table flattened into one run of text: its header words run together, then its rows, each opening with its
    number; the lines after it continue the run (a page mark 「2、」 opening a line is the page's, not the text's)."""
    out: list[Block] = []
    table = first_table
    i = 0
    while i < len(blocks):
        block = blocks[i]
        m = None if block.is_row else _run_header(block.text)
        if not m:
            out.append(block)
            i += 1
            continue
        run, j = block.text[m.end():], i + 1
        while j < len(blocks) and not blocks[j].is_row and re.match(r"^\d{1,3}、", blocks[j].text):
            run += re.sub(r"^\d{1,3}、", "", blocks[j].text)
            j += 1
        header = _split_words(m.group())
        rows = _run_rows(header, run)
        if not rows:
            out.append(block)
            i += 1
            continue
        table += 1
        if block.text[:m.start()].strip():
            out.append(Block(block.text[:m.start()], block.where))
        out.append(Block(" | ".join(header), block.where, tuple(header), table))
        out.extend(Block(" | ".join(r), block.where, r, table) for r in rows)
        i = j
    return out


_CELL_PIPE = re.compile(r"^(?P<cell>[^|]+?)\s*\|$")  # 「項目名稱 |」: one cell a line, each closed by a 「|」
_CELL_PIPE_RUN = 4


def _unpiped_cells(blocks: list[Block]) -> list[Block]:
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


def with_text_tables(blocks: list[Block]) -> list[Block]:
    """The blocks, with tables written as text lines turned into rows."""
    last = lambda: max((b.table or 0 for b in blocks), default=0)  # noqa: E731
    blocks = _unpiped_cells(blocks)
    blocks = _pipe_tables(blocks, last())
    blocks = _spaced_tables(blocks, last())
    blocks = _run_tables(blocks, last())
    return _cell_tables(blocks, last())
