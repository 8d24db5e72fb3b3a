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
- drawn with box-drawing characters (「┌─┬─┐」, 「│任务│单位│」): read by `boxtables`;
- one cell a line: read by `textcells` (a row's later cells each opened by 「|」: turned into a pipe row first);
- one run of text (a page that flattened its table): the header's column words run together (序号工作内容…
  责任单位备注), each row opening with its number right after the unit list that closed the row before; in a
  row, the text after its last full stop is its unit list, the first sentence its first text column;

Rows become blocks with cells, so the table reader (tabletasks.table_tasks) reads them like any other table.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .boxtables import box_tables
from .columns import column_role
from .lexicon import lexicon
from .source import Block
from .textcells import NUMBER_ALONE, UNIT_COLUMNS, cell_tables, fits, opened_cells, unpiped_cells

_PIPE_SEPARATOR = re.compile(r"^[|\s:：\-—=]*$")  # 「|」 or 「|---|---|」 between rows


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
            lead = 1 if NUMBER_ALONE.match(row[0]) else 0
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
    """A line of column words (two at most not understood, short like column words) naming a task and a unit column
    (a division column beside the units, 「涉及部门 职责分工」, holds each unit's duties: `header_columns`);
    three words only when all three are understood (「序号 工 作 任 务 牵头负责部门」)."""
    words = _header_words(text)
    roles = [column_role(w) for w in words]
    unknown = min(2, len(words) - 4) if len(words) >= 4 else 0 if len(words) == 3 else -1
    if sum(not r for r in roles) <= unknown and all(len(w) <= 8 for w in words) \
            and {"task", "detail", "division"} & set(roles) and set(roles) & {"lead", "responsible"}:
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
        units = [cells[i] for i, r in enumerate(roles) if r in UNIT_COLUMNS]
        people = [cells[i] for i, r in enumerate(roles) if r == "leader"]
        if units and all(fits("lead", u) for u in units) and all(map(is_person, people)):
            return cells
    return None


def _list_tokens(text: str) -> list[str]:
    """A spaced row's words, a list broken after its 「、」 (「各区教育局、 市局直属单位」) kept as one cell."""
    return re.sub(r"(?<=[、，,])\s+", "", text).split()


def _merged_number_row(header: list[str], tokens: list[str]) -> tuple[str, ...] | None:
    """A row under a numbered header without its number (the number cell merged with the row above): its words
    fill the columns after the number, the last ones left empty (an empty remark); its unit cells hold units."""
    roles = [column_role(w) for w in header]
    if roles[:1] != ["number"] or not 2 <= len(tokens) < len(header) or NUMBER_ALONE.match(tokens[0]):
        return None
    cells = ("", *tokens, *[""] * (len(header) - 1 - len(tokens)))
    units = [cells[i] for i, r in enumerate(roles) if r in UNIT_COLUMNS and cells[i]]
    return cells if units and all(fits("lead", u) for u in units) and not fits("lead", tokens[0]) else None


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
        if header and len(tokens) >= len(header) and NUMBER_ALONE.match(tokens[0]):
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


@lru_cache(maxsize=1)
def _column_words() -> tuple[str, ...]:
    """Column words and labels that may stand in a header (one-character words only alone), longest first."""
    lex = lexicon()
    words = {w for ws in lex.columns.values() for w in ws if len(w) > 1} | {w for w in lex.labels if len(w) > 2}
    return tuple(sorted(words, key=len, reverse=True))


# A project table's columns of figures and stage (「总投资」, 「2009年计划投资」, 「建设阶段」): no role, but the header goes on
_FIGURE_WORD = r"(?:\d{4}年度?)?[\u4e00-\u9fff]{0,4}?(?:投资|资金)(?:额|规模)?|建设(?:阶段|性质|状态|年限|规模)"


# Header words the lexicon does not list but that name their column by their form: 「区政府分管领导」, 「第一责任单位」
_FORMED_WORDS = (r"[\u4e00-\u9fff]{0,5}?(?:领导|责任人|负责人)",
                 r"[\u4e00-\u9fff]{0,4}?(?:牵头|主办|主责|配合|协同|协办|参与|协助|责任|负责|承办)(?:协调)?(?:单位|部门|处室|科室)",
                 _FIGURE_WORD)


@lru_cache(maxsize=1)
def _header_word() -> str:
    return "|".join([*map(re.escape, _column_words()), *_FORMED_WORDS])


@lru_cache(maxsize=1)
def _header_run() -> re.Pattern:
    """A number column's word, then three or more column words, with nothing between them."""
    number = "|".join(re.escape(w) for w in lexicon().columns["number"] if len(w) > 1)
    return re.compile(rf"(?:{number})(?:{_header_word()}){{3,}}")


@lru_cache(maxsize=1)
def _unit_end() -> str:
    """The last characters of a unit's name (lexicon.yaml unit_suffixes) or a closing bracket, as a class."""
    return "[" + "".join(sorted({w[-1] for w in lexicon().unit_suffixes})) + ")）]"


def _run_header(text: str) -> re.Match | None:
    """A header whose column words run together without separators (序号工作内容目标任务责任单位备注), with a unit column,
    or without one but with a time and a person's column (序号重点工作工作时限承办责任人: the issuer's own work)."""
    for m in _header_run().finditer(text):
        roles = [column_role(w) for w in _split_words(m.group())]
        if {"task", "detail"} & set(roles) and (set(roles) & set(UNIT_COLUMNS) or {"deadline", "leader"} <= set(roles)):
            return m
    return None


# the time a row of the issuer's own work closes with (「本周完成」, 「两周工作」, 「长期工作」, 「6月底前」)
_TIME_CELL = re.compile(r"(?:长期|[本下两一三]周|本月|下月|本季度|年底|年内|近期|\d{1,2}月(?:底|中旬|上旬|下旬)?)"
                        r"(?:完成|工作|内|前|以内)?$")


def _own_work_rows(header: list[str], text: str) -> list[tuple[str, ...]]:
    """The rows of a run-together table naming no unit (序号 | 重点工作 | 工作时限 | 承办责任人): each opens with its number
    (1, 2, 3 …) right after the time cell, or the person's name after it, that closed the row before; its text is
    the task, its closing time the time cell, a name after the time (where the header has a person's column) the person."""
    from .lexicon import is_person
    roles = [column_role(w) for w in header]
    task, time = roles.index("task") if "task" in roles else roles.index("detail"), roles.index("deadline")
    leader = roles.index("leader") if "leader" in roles else None
    rows, n, start = [], 1, 0
    if not text.startswith("1"):
        return []
    while True:
        opened = start + len(str(n))
        ends = [m.start() for m in re.finditer(rf"{n + 1}(?=[\u4e00-\u9fff])", text) if m.start() > opened] + [len(text)]
        for end in ends:
            body = text[opened:end]
            person = next((body[-k:] for k in (3, 2) if leader is not None and is_person(body[-k:])
                           and _TIME_CELL.search(body[:-k])), "")
            when = _TIME_CELL.search(body[:len(body) - len(person)])
            if when and when.start() > 0:
                break
        else:
            return rows
        row = [""] * len(header)
        row[0], row[task], row[time] = str(n), body[:when.start()].rstrip("，,"), when.group()
        if person:
            row[leader] = person
        rows.append(tuple(row))
        if end == len(text):
            return rows
        start, n = end, n + 1


def _split_words(run: str) -> list[str]:
    return re.findall(_header_word(), run)


# 「—2—」: a page's number inside the run; 「(邹区镇2、)」: a site's chunk mark 「2、」 cutting a name inside its brackets
_PAGE_MARK = re.compile(r"[—－-]\s*\d{1,3}\s*[—－-]|\d{1,3}、(?=[)）])")
_RUN_HEADING = r"(?:[一二三四五六七八九十]{1,3}、[^\d、。]{2,30}?)?"  # 「二、产业优化升级」 between two rows


def _tail_cells(roles: list[str | None], tail: str) -> dict[int, str] | None:
    """A row's closing unit cells run together (「何海平教育局经开区各街道市国有公司」, 「市发展改革委各县(市、区)政府、
    嘉兴港区」): the leader first where the header has a leader column (a name of three characters, else two),
    (「芮春祥」: a surname the lexicon does not list; the one after which the names cut finest: 「张菁民政局」 is
    张菁 and 民政局), then the names, cut where one runs into the next (`runtogether.run_together`). With several unit columns, a
    name that runs into the one before (no 、 between) starts the next cell, the last cell taking the list that
    closes the row and the first any more names; a tail with no separator at all lost them inside its cells
    too, and gives its first name to the first unit column and the rest to the next. A tail whose names all stand
    apart is one cell, as written. A collective (「各区(市)县政府(管委会)」) is one name. None when it is no list of
    units."""
    from .lexicon import is_person
    from .runtogether import run_together
    from .unitnames import COLLECTIVE, looks_like_unit
    units = [c for c, r in enumerate(roles) if r in UNIT_COLUMNS]
    leader = next((c for c, r in enumerate(roles) if r == "leader"), None)
    cells: dict[int, str] = {}
    if leader is not None:
        names = {n: run_together(re.split(r"[、，,；;]", tail[n:])[0]) or [""] for n in (3, 2)}
        readable = [n for n in (3, 2) if looks_like_unit(names[n][0]) and not lexicon().unit_end.search(tail[:n])]
        known = [n for n in readable if is_person(tail[:n])] or readable[:1]  # a common surname, else any
        person = max(known, key=lambda n: (len(names[n]), n), default=None)
        if person is None:
            return None
        cells[leader], tail = tail[:person], tail[person:]
    pieces = re.split(r"([、，,；;])(?![^()（）]*[)）])", tail)  # names and the separators between them
    segments = pieces[::2]
    runs = [[p] if COLLECTIVE.match(p) and looks_like_unit(p) else run_together(p) for p in segments]
    if not all(segments) or any(r is None for r in runs):
        return None
    if len(units) == 1 or all(len(r) == 1 for r in runs):  # one cell: as written, names run together cut apart
        cells[units[0]] = "".join("、".join(runs[i // 2]) if i % 2 == 0 else p for i, p in enumerate(pieces))
        return cells
    groups: list[list[str]] = [[]]
    for names in runs:
        groups[-1].append(names[0])
        groups += [[n] for n in names[1:]]
    if len(segments) == 1:
        groups = [groups[0], [n for g in groups[1:] for n in g]]
    later = groups[len(groups) - len(units) + 1:] if len(groups) >= len(units) else groups[1:]
    first = groups[:len(groups) - len(later)]
    for column, names in zip(units, [[n for g in first for n in g], *later]):
        cells[column] = "、".join(names)
    return cells


def _inner_rows(roles: list[str | None], sentences: str) -> tuple[list[tuple[str, dict[int, str]]], str]:
    """A row whose task cell is merged over several rows, each with its own content and unit cells (「…展陈。何海平
    文体旅局晋陵公司推进…整治。」): after a full stop, a run that fills every leader and unit column (a sentence's
    subject fills one at most) closes the text before it. Its parts (text, cells), and the text left for the last."""
    wanted = sum(r in (*UNIT_COLUMNS, "leader") for r in roles)
    parts: list[tuple[str, dict[int, str]]] = []
    start = 0
    if wanted < 2:
        return parts, sentences
    for stop in re.finditer("。", sentences):
        if stop.start() < start:
            continue
        after = sentences[stop.end():]
        for length in range(min(_INNER_RUN, len(after) - 1), 3, -1):
            cells = _tail_cells(roles, after[:length])
            if cells and len(cells) == wanted and all(cells.values()):
                parts.append((sentences[start:stop.end()], cells))
                start = stop.end() + length
                break
    return parts, sentences[start:]


_INNER_RUN = 40  # the longest run of a leader and unit cells looked for inside a row


# where a row's unit cells may start when its text has no full stop: a name opening with a level's prefix or 各
_PREFIX_AT = re.compile(r"(?<=[\u4e00-\u9fff])(?=[省市州盟县区旗乡镇各][\u4e00-\u9fff])")


def _unstopped(roles: list[str | None], body: str) -> tuple[str, str, str]:
    """A row whose text closes without a full stop (「…等先进生产技术市科技局市发展改革委、…」): its unit cells are
    the longest run of names closing it that opens with a level's prefix (a body of the place, or 各); (text, "", cells
    text), or ("", "", body) when no such run closes it."""
    for at in _PREFIX_AT.finditer(body):
        if _tail_cells(roles, body[at.start():]):
            return body[:at.start()], "", body[at.start():]
    return "", "", body


# the time cell closing a row whose deadline column stands after its units (「…区委组织部等按职责分工负责全年」)
_CLOSING_TIME = re.compile(r"(?:全年|全年度|长期|持续|常态化|年底前?|年内|(?:\d{4}年)?\d{1,2}月(?:底|中旬|上旬|下旬)?前?"
                           r"|\d{4}年(?:底前?|内|全年)?)$")
# a unit cell closed by a duty phrase (「镇(街道)、区委组织部等按职责分工负责」): the names before it, the cell as written
_DUTY_CLOSED = re.compile(r"等?(?:按照?(?:各自)?职责(?:分工)?)?(?:分工)?负责$")


def _closing_time(roles: list[str | None], units: str) -> tuple[str, str]:
    """A row's unit text and its closing time cell, where the header has a deadline column after its units."""
    last_unit = max(c for c, r in enumerate(roles) if r in UNIT_COLUMNS)
    if "deadline" not in roles[last_unit + 1:] or not (t := _CLOSING_TIME.search(units)) or t.start() == 0:
        return units, ""
    return units[:t.start()], t.group()


def _unit_tail(roles: list[str | None], units: str) -> dict[int, str] | None:
    """A row's unit cells (`_tail_cells`), or a single unit cell closed by a duty phrase whose names read: as written."""
    if cells := _tail_cells(roles, units):
        return cells
    names = _DUTY_CLOSED.sub("", units)
    if sum(r in UNIT_COLUMNS for r in roles) != 1 or names == units or not _tail_cells(roles, names):
        return None
    return {next(c for c, r in enumerate(roles) if r in UNIT_COLUMNS): units}


def _run_rows(header: list[str], text: str) -> list[tuple[str, ...]]:
    """The rows of a run-together table: each starts with its number (1, 2, 3 …) right after the unit list that
    closes the row before (the first such number after which the row's unit cells read: 「口袋公园4个」 is none; a part heading 「二、…」 may stand before it: a row spanning the table); in a row, the
    unit cells are the text after its last full stop, the first sentence its first text column, the rest the next;
    a row may hold several, each closed by its own cells (`_inner_rows`), the first text column carried down."""
    from .unitnotes import parse_units
    roles = [column_role(w) for w in header]
    unit_col = next(c for c, r in enumerate(roles) if r in UNIT_COLUMNS)
    texts = [c for c, r in enumerate(roles) if r in ("task", "detail", "section") and c < unit_col]
    text = _PAGE_MARK.sub("", text)
    rows, n = [], 1
    if not (m := re.match(rf"{_RUN_HEADING}1(?=[\u4e00-\u9fff])", text)):
        return []
    start, heading = m.end() - 1, text[:m.end() - 1]
    while True:
        after = re.compile(rf"(?<={_unit_end()}){_RUN_HEADING}{n + 1}(?=[\u4e00-\u9fff])")
        for m in [*after.finditer(text, start + len(str(n))), None]:  # 「公园4个」 is no row 4: its cells do not read
            body = text[start + len(str(n)):m.start() if m else len(text)]
            sentences, _, units = body.rpartition("。") if "。" in body else _unstopped(roles, body)
            units, when = _closing_time(roles, units)
            cells = _unit_tail(roles, units) if sentences else None
            if cells is not None and (parsed := parse_units("；".join(cells.values()))).lead \
                    and not (any(f.startswith("not a unit") for f in parsed.flags) and len(cells) == 1):
                break
        else:
            break
        if heading:
            rows.append((heading,) * len(header))
        inner, last = _inner_rows(roles, sentences)
        carried = ""
        for part, part_cells in [*inner, (last, cells)]:
            row = [""] * len(header)
            row[0] = str(n)
            for column, cell in part_cells.items():
                row[column] = cell
            if when and part_cells is cells:
                row[roles.index("deadline", unit_col)] = when
            first, _, rest = (part.rstrip("。") + "。").partition("。")
            if texts and carried and len(texts) > 1:
                row[texts[0]], row[texts[1]] = carried, part
            elif texts:
                row[texts[0]] = carried = first + "。"
                if len(texts) > 1 and rest:
                    row[texts[1]] = rest
                elif rest:
                    row[texts[0]] += rest
            rows.append(tuple(row))
        if not m:
            break
        number_at = m.end() - len(str(n + 1))
        start, heading, n = number_at, text[m.start():number_at], n + 1
    return rows


# a row's figure cells run together (「43000020000」): digits, from the first run of three that counts nothing named
_FIGURES = re.compile(r"\d{3,}(?:\.\d+)?(?![\d年号期条个项])(?:\s*\d+(?:\.\d+)?)*\s*")
_LEVEL_OPENED = re.compile(r"^[省市州盟县区旗乡镇]")


def _figure_rows(header: list[str], text: str) -> list[tuple[str, ...]]:
    """The rows of a run-together project table with figure columns before its unit columns (序号项目名称建设阶段总投资
    …项目业主牵头协调部门牵头区领导): each row opens with its number (1, 2, 3 …) after the row before; its text is what
    stands before its figures, then its unit cells in the header's order, the people's names of a closing leader
    column last (「…区建设局王天刚郭代辉」). A later unit column takes the last name (a name opening with a level's
    prefix where the names ran together: 「…合作社区农发局」 is …合作社 and 区农发局), the first column the rest."""
    from .lexicon import is_person
    from .runtogether import run_together
    from .unitnames import looks_like_unit
    roles = [column_role(w) for w in header]
    figures = [c for c, w in enumerate(header) if re.fullmatch(_FIGURE_WORD, w) and roles[c] is None]
    units = [c for c, r in enumerate(roles) if r in UNIT_COLUMNS]
    task = next((c for c, r in enumerate(roles) if r in ("task", "detail")), None)
    leader = len(header) - 1 if roles[-1] == "leader" else None
    if not figures or not units or task is None or not (task < figures[0] < units[0]):
        return []
    rows: list[tuple[str, ...]] = []
    n, at = 1, re.search(r"(?<!\d)1(?=[\u4e00-\u9fff])", text)
    while at:
        start = at.end()
        figure = _FIGURES.search(text, start)
        if not figure or figure.start() == start:
            break
        at = re.compile(rf"(?<=[\u4e00-\u9fff)）]){n + 1}(?=[\u4e00-\u9fff])").search(text, figure.end())
        tail = text[figure.end():at.start() if at else len(text)].strip()
        people: list[str] = []
        while leader is not None and (k := next((k for k in (3, 2) if len(tail) > k and is_person(tail[-k:])), 0)):
            people.insert(0, tail[-k:])
            tail = tail[:-k]
        segments = [p for p in re.split(r"[、，,]", tail) if p]
        if not segments or (leader is not None and not people):
            break
        names = segments[:-1]
        last = segments[-1]
        cut = next((i for i in range(len(last) - 3, 1, -1) if _LEVEL_OPENED.match(last[i:])
                    and looks_like_unit(last[i:]) and looks_like_unit(last[:i])), None) if len(units) > 1 else None
        names += [last[:cut], last[cut:]] if cut else (run_together(last) or [last])
        if not all(map(looks_like_unit, names)) or len(names) < len(units):
            break
        row = [""] * len(header)
        row[0], row[task] = str(n), text[start:figure.start()].strip()
        for column in reversed(units[1:]):
            row[column] = names.pop()
        row[units[0]] = "、".join(names)
        if leader is not None:
            row[leader] = "、".join(people)
        rows.append(tuple(row))
        n += 1
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
        own = not set(map(column_role, header)) & set(UNIT_COLUMNS)
        rows = _own_work_rows(header, run) if own else _figure_rows(header, run) or _run_rows(header, run)
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


def with_text_tables(blocks: list[Block]) -> list[Block]:
    """The blocks, with tables written as text lines turned into rows."""
    last = lambda: max((b.table or 0 for b in blocks), default=0)  # noqa: E731
    blocks = opened_cells(unpiped_cells(blocks))
    blocks = _pipe_tables(blocks, last())
    blocks = _spaced_tables(blocks, last())
    blocks = _run_tables(blocks, last())
    blocks = cell_tables(blocks, last())
    return box_tables(blocks, last())
