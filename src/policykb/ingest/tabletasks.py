"""Tasks from tables whose columns are named by synonyms (任务/牵头单位/配合单位/完成时限 …: columns.py), a row's unit
cells read as one note, and from label | value forms (「工作任务 | …」, 「牵头单位： | X」). Apart from the paragraph
reader (shapes.py): rows and cells, not sentences."""
from __future__ import annotations

import re

from .columns import ROLE_LABEL, UNIT_ROLES, column_role, header_columns, own_work, report_columns, two_row_header
from .itemmarks import item_number, strip_number
from .lexicon import alternation, is_person, lexicon
from .runtogether import level_runs
from .shapes import Candidate
from .source import Block
from .unitnames import GENERIC, looks_like_unit
from .unitnotes import UnitList, parse_units

_LEX = lexicon()

_SHARED_DUTY = re.compile(r"分工(?:负责|落实)$")


def _row_note(columns: dict[int, str], cells: tuple[str, ...]) -> str:
    """A row's unit cells as one note in the lexicon's words: 「牵头单位：X；配合单位：Y；责任领导：Z」."""
    units = [(role, _runs_cut(cells[i]) if role in UNIT_ROLES else cells[i]) for i, role in columns.items()
             if role in (*UNIT_ROLES, "leader") and i < len(cells) and cells[i]]
    if len(units) == 1 and (units[0][0] == "responsible" or units[0][0] == "lead" and _SHARED_DUTY.search(units[0][1])):
        # one 责任单位 column: read as written (「X牵头，Y配合」 or the first listed leads); so is a lone lead column's
        # cell that names its own way of working (「X、Y等按职责分工负责」: no lead word, the first listed leads)
        return units[0][1]
    roles = {r for r, _ in units}
    return "；".join(f"{'配合单位' if role == 'responsible' and roles & {'lead', 'separate', 'joint'} else ROLE_LABEL[role]}"
                    f"：{text}" for role, text in units)


def _runs_cut(cell: str) -> str:
    """A unit cell whose names a copy ran together (one cell a line, the line breaks lost): cut apart with 、."""
    return cell if re.search(r"[、，,；;\s]", cell) else "、".join(level_runs(cell))


def _remark_units(units: UnitList, remark: str, known: tuple[str, ...]) -> None:
    """A 备注 cell naming only units (「各区教育局、市局直属单位」) beside the unit columns: they take part, a reading
    (the column is headed as a remark), so flagged for review."""
    if not remark or not units.lead:
        return
    named = parse_units(remark, known)
    names = [n for n in named.lead + named.participants if n not in units.lead + units.participants]
    if names and not named.flags and not named.leaders and named.how == "bare" and all(map(looks_like_unit, names)):
        units.participants += names
        units.flags.append("participants from a remark column")


def _opening_time(cells: tuple[str, ...], columns: dict[int, str]) -> str:
    """No deadline column: a time opening a cell the columns do not read (a 目标任务 cell 「2021年2月底前，…」)."""
    from .timing import find
    for i, cell in enumerate(cells):
        if i not in columns and (found := find(cell.strip(), 2000)) and found[0].start == 0 and found[0].date:
            return found[0].phrase
    return ""


_MERGED_DOWN = ("deadline", "leader")  # cells a text copy gives once when merged over rows: read in the rows below


def _merged_down(columns: dict[int, str], cells: tuple[str, ...], spans: dict[str, str]) -> list[str]:
    """The deadline and leader columns a row of a table copied as text leaves empty where the task row above has
    them: one cell merged over both rows (「12月底前」 beside nine tasks), which the copy gave once."""
    return [role for i, role in columns.items() if role in spans and not (cells[i] if i < len(cells) else "")]


# a task cell that is a figure alone (「19%」, 「≥85%」, 「3.5万吨左右」): a target, saying nothing of what it is for
_FIGURE = re.compile(r"[≥≤<>＞＜]?\s*[\d.．,，]+\s*(?:%|％|‰|[万亿]?(?:吨|个|家|人|元|亩|公里|千瓦时)?)(?:左右|以上|以下|以内)?")
_NOT_TEXT = (*UNIT_ROLES, "leader", "number", "deadline", "start", "remark", "mode")


# a short name padded to its column's width (「达  县」 under 「通川区」): the spaces are layout, not words
_PADDING = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


def _unpadded(cell: str) -> str:
    bare = _PADDING.sub("", cell)
    return bare if len(bare) <= 6 else cell


def _figure_row(columns: dict[int, str], cells: tuple[str, ...], header: tuple[str, ...]) -> str:
    """The text of a row whose task cell is a figure alone (a table of targets by place: 「通川區 | 19% | 17% |
    通川區人民政府」): the place or item the figures are for, then each figure after the name of its column
    (「通川區：碳強度下降目標19%，節能目標17%」), as a letter's reader needs it; the row's units, number, time and
    people are left out. A figure whose column has no name stands alone."""
    kept = [(i, c.strip()) for i, c in enumerate(cells) if c.strip() and columns.get(i) not in _NOT_TEXT]
    if len(kept) < 2:
        return ""
    def named(i: int, cell: str) -> str:
        name = "".join(header[i].split()) if i < len(header) else ""
        return f"{name}{cell}" if name and not _FIGURE.fullmatch(name) else cell
    about = [_unpadded(c) for i, c in kept if not _FIGURE.fullmatch(c)]
    figures = [named(i, c) for i, c in kept if _FIGURE.fullmatch(c)]
    return "：".join(filter(None, ("、".join(about), "，".join(figures))))


def _column(columns: dict[int, str], role: str) -> int:
    return next(i for i, r in columns.items() if r == role)


COLUMN_VOUCHED = "named by its column: "
# a name as a unit column may hold it though it ends like no unit: a short run of words, its other name in brackets
_BARE_NAME = re.compile(r"[\u4e00-\u9fff]{2,12}(?:[(（][\u4e00-\u9fff]{2,10}[)）])?")
_FOLDED_END = re.compile(r"[区县市镇乡局委办厅]$")  # where a name run into the next one ends (not 科 of 科技城)
_ROLE_OR_VERB = re.compile(alternation({*_LEX.verbs, *_LEX.labels, *_LEX.holder_form["work_verbs"]}))


def column_vouched(units: UnitList) -> tuple[str, ...]:
    """The names a unit column's cells hold that end like no unit (「未来科技城(海创园)」, 「临平新城」) but are a name's
    shape: no role word, verb, time or person in them. The column vouches for them; the review names them."""
    names = [f.removeprefix("not a unit: ") for f in units.flags if f.startswith("not a unit: ")]
    # (「其他」 in the unit column: the rest, a kind of unit, not one: the row's text names them)
    return tuple(n for n in names if _BARE_NAME.fullmatch(n) and n not in GENERIC and not _ROLE_OR_VERB.search(n)
                 and not is_person(n)
                 and not re.search(r"年|月|季度|日前|底前|长期|持续", n)
                 and not any(looks_like_unit(n[:k]) for k in range(3, len(n) - 1)  # 「经开区高新园」: two run together
                             if _FOLDED_END.search(_LEX.fold(n[:k]))))


def table_tasks(blocks: list[Block], known: tuple[str, ...] = ()) -> list[Candidate]:
    out: list[Candidate] = []
    columns: dict[int, str] | None = None
    table = None
    part = None
    report = ""
    above: tuple[str, ...] = ()  # the row before when it was (or may be) a header: the upper half of a split one
    last_row: tuple[str, str] | None = None  # the unit note and number cell of the table's last task row
    spans: dict[str, str] = {}  # that row's deadline and leader cells, by role
    header_cells: tuple[str, ...] = ()
    for block in blocks:
        if not block.is_row:
            continue
        if block.table != table:
            table, columns, above, last_row, spans = block.table, None, (), None, {}
        cells = block.cells or ()
        lower_half = above and not any(cells[i] for i, r in (columns or {}).items() if r == "task" and i < len(cells))
        if lower_half and any(column_role(c) for c in cells) and (joined := header_columns(two_row_header(above, cells))):
            cells = two_row_header(above, cells)
            columns, report, above = joined, report_columns(cells, joined, block.table), ()
            continue
        if header := header_columns(cells):
            columns, report, above, header_cells = header, report_columns(cells, header, block.table), cells, cells
            continue
        above = () if columns else cells
        if columns is None:
            continue
        merged_down = _merged_down(columns, cells, spans) if block.merged_once and last_row else []
        filled = tuple(c or spans.get(columns.get(i), "") for i, c in enumerate(cells)) if merged_down else cells
        by_role = {role: filled[i] for i, role in columns.items() if i < len(filled)}
        # a 细化措施 column beside the task column: each row's measure is the task, the task column its section
        text = by_role.get("detail") or by_role.get("task", "")
        if not text and (about := by_role.get("object")):  # 「第一组，督查单位：雁塔区」 (a group's name kept)
            group = by_role.get("number", "").strip()
            text = (f"{group}，" if group and not group.isdigit() else "") \
                + "".join(header_cells[_column(columns, "object")].split()) + "：" + about
        if text and (standard := by_role.get("standard", "").strip()) and standard != text:
            text = f"{standard.rstrip('。；;')}：{strip_number(text)}"  # 「1、城市大环境绿化…」 and the work meeting it
        if text and (content := by_role.get("content", "").strip()) and content != text:
            text = f"{text.rstrip('：:')}：{content}"
        if _FIGURE.fullmatch(text.strip()):
            text = _figure_row(columns, cells, header_cells) or text
        if text and len(cells) > 1 and len(set(cells)) == 1:
            part, spans = text, {}  # a row spanning the table, its text in every merged cell: a section heading
            continue
        note = _row_note(columns, cells)
        if text and own_work(columns):  # the issuer's own work: no unit in the row, its person (if any) the leader
            out.append(_own_work_task(text, note, columns, by_role, block, part, report))
            report = ""
            continue
        carried = False
        if text and not note and len(set(c for c in cells if c)) > 1 and last_row:
            # a row with its unit cells empty under a row with units: the cells were merged over both (rowspan),
            # and the page kept them once; the row's target is the same units' (flagged for review), whether it
            # carries the same number or its own (a table copied one cell a line gives a merged cell once)
            note, carried = last_row[0], True
        elif merged_down:
            note = _row_note(columns, filled)
        if not text or not note or text == note:
            if text and len(set(c for c in cells if c)) == 1:
                part, spans = text, {}  # a row spanning the table: a section heading
            continue
        section = by_role.get("section") or (by_role.get("task") if by_role.get("detail") else None)
        units = parse_units(note, known)
        if vouched := column_vouched(units):  # 「牵头单位 | 未来科技城(海创园)」: the column says it is a unit
            units = parse_units(note, (*known, *vouched))
            units.flags.append(COLUMN_VOUCHED + "、".join(vouched))
        units.as_written = "；".join(cells[i] for i, r in columns.items() if r in UNIT_ROLES and i < len(cells)
                                    and cells[i]) or (last_row[0] if carried else "")
        if carried:
            units.flags.append("units carried from the row above")
        units.flags += [f"{role} carried from the row above" for role in merged_down]
        spans = {role: filled[i] for i, role in columns.items() if role in _MERGED_DOWN and i < len(filled) and filled[i]}
        _remark_units(units, by_role.get("remark", ""), known)
        last_row = (note, by_role.get("number", ""))
        mode = by_role.get("mode", "")
        if len(units.lead) > 1 and mode:
            units.mode = "separate" if "分别" in mode or mode == "separate" else "joint"
        out.append(Candidate(strip_number(text), units, block.where, "table", 0.95,
                             part=section or part, deadline_text=by_role.get("deadline") or _opening_time(cells, columns),
                             notes=[report] if report else [],
                             number=item_number(by_role.get("number", "")) or item_number(text)))
        report = ""
    return out


def _own_work_task(text: str, note: str, columns: dict[int, str], by_role: dict[str, str], block: Block,
                   part: str | None, report: str) -> Candidate:
    """A row of a table of the issuer's own work: no unit named, the issuer answers for it (compose gives it the lead,
    as for work demanded of people alone), the row's person its leader."""
    from .requirements import PEOPLE
    units = parse_units(note) if note else UnitList("")
    units.how = PEOPLE
    return Candidate(strip_number(text), units, block.where, "table", 0.6, part=part,
                     deadline_text=by_role.get("deadline", ""), notes=[report] if report else [],
                     number=item_number(by_role.get("number", "")) or item_number(text))


def _pairs(cells: tuple[str, ...]) -> list[tuple[str, str]]:
    """A form row's label | value pairs (merged cells repeat their text: said once)."""
    cells = tuple(c for i, c in enumerate(cells) if c and (i == 0 or c != cells[i - 1]))
    out, i = [], 0
    while i < len(cells) - 1:
        if column_role(cells[i]) and not column_role(cells[i + 1]):
            out.append((column_role(cells[i]), cells[i + 1]))
            i += 2
        else:
            i += 1
    return out


def form_tasks(blocks: list[Block], known: tuple[str, ...] = ()) -> list[Candidate]:
    """Tasks from label | value forms (「工作任务 | …」, 「牵头单位： | X」), several tasks to a form."""
    out: list[Candidate] = []
    current: dict[str, str] = {}
    where = ""

    def close() -> None:
        notes = [f"{ROLE_LABEL[r]}：{v}" for r, v in current.items() if r in (*UNIT_ROLES, "leader")]
        if current.get("task") and notes:
            units = parse_units("；".join(notes), known)
            units.as_written = "；".join(notes)
            out.append(Candidate(strip_number(current["task"]), units, where, "form", 0.9,
                                 deadline_text=current.get("deadline", ""),
                                 number=item_number(current.get("number", "")) or item_number(current["task"])))
        current.clear()

    for block in blocks:
        if not block.is_row:
            continue
        for role, value in _pairs(block.cells or ()):
            if role == "task" and current.get("task"):
                close()
            if role == "task":
                where = block.where
            current[role] = f"{current[role]}、{value}" if role in current and role != "task" else value
    close()
    return out
