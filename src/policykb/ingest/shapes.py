"""Shape recognisers over the common form: where the tasks are and who is named for them.

Each recogniser takes blocks and returns what it read with the block it came from:
- `table_tasks`: tables whose columns are named by synonyms (任务/牵头单位/配合单位/完成时限 …: `columns`);
- `inline_tasks`: paragraphs with unit notes in brackets (「（X、Y负责）」, 「（牵头单位：X，配合单位：Y）」, 「[牵头单位:X;责任单位:Y]」)
  or written as a clause (「由X牵头，Y配合」),
  several notes in one paragraph making several tasks (each task's text ends at its note), and items
  followed by lines 「牵头单位：X」「责任单位：Y」;
- `headings`: parts (一、) and sections (（一）) the tasks fall under.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .category import lead_note, responsible_label, under_leads
from .clauses import colon_line, subject_clauses
from .columns import ROLE_LABEL, UNIT_ROLES, column_role, header_columns, own_work, report_columns, two_row_header
from .lexicon import alternation, is_person, lexicon
from .prose import by_units, each_its_own, topic_units
from .shares import collective
from .source import Block
from .unitnames import looks_like_unit
from .unitnotes import Scope, UnitList, parse_units

_CN = "一二三四五六七八九十"
PART = re.compile(rf"^([{_CN}]{{1,3}})\s*[、．.]\s*(.+)$")
SECTION = re.compile(rf"^[(（]([{_CN}]{{1,3}})[)）]\s*(.+)$")
ITEM = re.compile(r"^(\d{1,3})\s*[.．、﹒]\s*(?!\d)(.+)$|^[(（](\d{1,3})[)）]\s*(.+)$")
_LEX = lexicon()
_ROLE_WORDS = "|".join(re.escape(w) for w in sorted({*_LEX.verbs, *_LEX.joiners}, key=len, reverse=True))
_LABEL_WORDS = "|".join(re.escape(w) for w in sorted(_LEX.labels, key=len, reverse=True))
# A bracketed note that names units: it has a role word or a label (lexicon.yaml) saying so.
_INNER = r"(?:[^()（）]|[(（][\u4e00-\u9fff、]{1,8}[)）])"  # a short bracket inside a note: 各区、县（市）
_NOTE = re.compile(rf"[(（]((?:{_INNER}{{2,300}}?(?:{_ROLE_WORDS})|{_INNER}{{0,300}}?(?:{_LABEL_WORDS})\s*[：:]{_INNER}*"
                   rf"|(?:{_LABEL_WORDS})\s*[；;]{_INNER}+"  # 「（责任单位；X、Y）」: a semicolon for the label's colon
                   rf"|[^()（）]{{2,60}}?[(（](?:{_ROLE_WORDS}|{_LABEL_WORDS})[)）]{_INNER}{{0,260}}?)"
                   rf"{_INNER}{{0,40}})[)）]")  # 「（X负责）」, 「（责任单位：X）」, 「（X（牵头）、Y）」
# The same note in square brackets (「[牵头单位:X;责任单位:Y]」, 「【X负责】」, 「〔X牵头〕」), where round ones may sit inside.
_SQUARE_NOTE = re.compile(rf"[\[【〔]((?:[^\[\]【】〔〕]{{2,300}}?(?:{_ROLE_WORDS})|[^\[\]【】〔〕]{{0,300}}?(?:{_LABEL_WORDS})\s*[：:])"
                          rf"[^\[\]【】〔〕]{{0,300}}?)[\]】〕]")
# The same assignment written as prose, with no brackets: 「由X牵头，Y、Z配合」, 「X负责，Y参与」, a clause of
# a sentence. Only the strong words anchor it (牵头…, 负责…), and every name must be a unit (checked by the caller).
_PROSE_LEAD = "|".join(re.escape(w) for w, role in sorted(_LEX.verbs.items(), key=lambda i: len(i[0]), reverse=True)
                       if role in ("lead", "separate", "joint") or "负责" in w)
_PROSE_PART = "|".join(re.escape(w) for w, role in sorted(_LEX.verbs.items(), key=lambda i: len(i[0]), reverse=True)
                       if role == "participant")
# (a name may close on a short bracket it is written with: 「各街道办事处(乡)配合」, truth rule 4)
_CLAUSE = r"(?:[^，,；;。：:()（）]|[(（][\u4e00-\u9fff]{1,4}[)）])"
_PROSE_NOTE = re.compile(rf"(?:^|(?<=[，,；;。：:]))由?(?P<note>{_CLAUSE}{{2,80}}?(?:{_PROSE_LEAD})"
                         rf"(?:[，,]{_CLAUSE}{{2,120}}?(?:{_PROSE_PART}))?)(?=[，,；;。]|$)")
_TIME_WORDS = "|".join(re.escape(w) for w in sorted(_LEX.columns["deadline"], key=len, reverse=True))
_LABEL_LINE = re.compile(rf"^(?:{_LABEL_WORDS}|{_TIME_WORDS})\s*[：:]")  # 「牵头单位：X」, 「完成时限：…」 after an item
# a label of units (not of people or a time) opening the line after a numbered item: its units, whoever its sentences
# name as their subjects (「1、…各乡、各部门要…。」 then 「责任单位:X,Y」)
_UNIT_LABEL_LINE = re.compile(rf"^(?:{'|'.join(re.escape(w) for w, r in _LEX.labels.items() if r != 'leader')})\s*[：:]")
# 「…，由X负责；」: a note of 由 and a bare 负责 closing its clause (nothing of the work after the verb)
_TOPIC_ONLY = re.compile(r"^由[^，,；;。]{2,60}?负责(?=[；;。]|$)")
# 「未设管理单位的，由X负责，指定专人…」: a topic of those that are so (…的), then who answers for them by a bare 负责:
# the sentence's predicate, its work after it; cut out, the topic would be left with no one over it
_WHICH_TOPIC = re.compile(r"的[，,]$")
_BARE_FUZE = re.compile(r"^由[^，,；;。]{2,60}?负责(?=[，,；;。]|$)")
# a paragraph holding one of these and naming nobody looks like a task left unread (「…，对X做好日常监督」 too)
_TASKLIKE = re.compile(r"(?:要|做好|抓好|加快|推进|推动|建立|健全|完善|实施|开展|落实|加强|强化|制定|组织|确保|支持|鼓励)")


@dataclass
class Candidate:
    """A task as read: its text, its units, where it stands, and how sure the reading is."""
    text: str
    units: UnitList
    where: str
    shape: str
    confidence: float
    part: str | None = None
    section: str | None = None
    deadline_text: str = ""  # a table's 完成时限 cell, or the text after the units
    notes: list[str] = field(default_factory=list)
    number: int | None = None  # the document's own number for the item (「3.」, 「（三）」, a 序号 cell)


def _cn_number(numeral: str) -> int:
    """一 → 1, 十二 → 12, 二十三 → 23."""
    tens, _, ones = numeral.rpartition("十")
    return ((_CN.index(tens) + 1 if tens else 1) * 10 if "十" in numeral else 0) + (_CN.index(ones) + 1 if ones else 0)


def _strip_number(text: str) -> str:
    if m := ITEM.match(text):
        return (m[2] or m[4]).strip()
    if m := SECTION.match(text) or PART.match(text):
        return m[2].strip()
    return text


def is_heading(block: Block, heads_nothing: bool = False) -> bool:
    """A short numbered line with no note: 「（二）强化组织领导」, not 「（二）…，由X会同Y负责落实。」 nor a section's
    sentence giving a unit its work (「（一）区住建局负责消防设计审查。」; a part's 「一、」 line still heads). A section
    heading nothing (the next line is its sibling or a part) is an item: its sentence gives collectives their work too
    (「（十）各相关职能部门应…。」 closing a list of departments' items)."""
    return bool(PART.match(block.text) or SECTION.match(block.text)) and not _NOTE.search(block.text) \
        and len(block.text) <= 60 and "。" not in block.text.rstrip("。")[:-1] \
        and prose_note(_strip_number(block.text)) is None and topic_note(_strip_number(block.text)) is None \
        and not (SECTION.match(block.text) and block.text.rstrip().endswith(_SENTENCE_ENDS)
                 and _unit_does(_strip_number(block.text), collectives=heads_nothing))


_SENTENCE_ENDS = ("。", "；", ";")  # a heading ends with no stop: an item closing with one is a sentence (「…监管；」)


def _unit_does(sentence: str, collectives: bool = False) -> bool:
    """A sentence whose subject is a named unit (not only collectives or role holders, unless asked) doing its work."""
    return any(collectives or not collective(n)
               for _, units in subject_clauses(sentence, (), numbered=True) for n in units.lead)


# --- tables and forms ---

def _row_note(columns: dict[int, str], cells: tuple[str, ...]) -> str:
    """A row's unit cells as one note in the lexicon's words: 「牵头单位：X；配合单位：Y；责任领导：Z」."""
    units = [(role, cells[i]) for i, role in columns.items() if role in (*UNIT_ROLES, "leader") and i < len(cells)
             and cells[i]]
    if len(units) == 1 and units[0][0] == "responsible":
        return units[0][1]  # one 责任单位 column: read as written (「X牵头，Y配合」 or the first listed leads)
    roles = {r for r, _ in units}
    return "；".join(f"{'配合单位' if role == 'responsible' and roles & {'lead', 'separate', 'joint'} else ROLE_LABEL[role]}"
                    f"：{text}" for role, text in units)


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


def _own_number(text: str) -> int | None:
    text = text.strip()
    if re.fullmatch(r"\d{1,3}", text):
        return int(text)
    if m := ITEM.match(text):
        return int(m[1] or m[3])
    if m := SECTION.match(text):
        return _cn_number(m[1])
    return None


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
    return tuple(n for n in names if _BARE_NAME.fullmatch(n) and not _ROLE_OR_VERB.search(n) and not is_person(n)
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
            text = f"{standard.rstrip('。；;')}：{_strip_number(text)}"  # 「1、城市大环境绿化…」 and the work meeting it
        if text and (content := by_role.get("content", "").strip()) and content != text:
            text = f"{text.rstrip('：:')}：{content}"
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
        out.append(Candidate(_strip_number(text), units, block.where, "table", 0.95,
                             part=section or part, deadline_text=by_role.get("deadline") or _opening_time(cells, columns),
                             notes=[report] if report else [],
                             number=_own_number(by_role.get("number", "")) or _own_number(text)))
        report = ""
    return out


def _own_work_task(text: str, note: str, columns: dict[int, str], by_role: dict[str, str], block: Block,
                   part: str | None, report: str) -> Candidate:
    """A row of a table of the issuer's own work: no unit named, the issuer answers for it (compose gives it the lead,
    as for work demanded of people alone), the row's person its leader."""
    from .requirements import PEOPLE
    units = parse_units(note) if note else UnitList("")
    units.how = PEOPLE
    return Candidate(_strip_number(text), units, block.where, "table", 0.6, part=part,
                     deadline_text=by_role.get("deadline", ""), notes=[report] if report else [],
                     number=_own_number(by_role.get("number", "")) or _own_number(text))


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
            out.append(Candidate(_strip_number(current["task"]), units, where, "form", 0.9,
                                 deadline_text=current.get("deadline", ""),
                                 number=_own_number(current.get("number", "")) or _own_number(current["task"])))
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


# --- paragraphs with unit notes ---

def _notes(text: str) -> list[re.Match]:
    square = list(_SQUARE_NOTE.finditer(text))
    inside = lambda m: any(s.start() < m.start() < s.end() for s in square)
    found = square + [m for m in _NOTE.finditer(text) if not inside(m)]
    return sorted((m for m in found if re.search(r"[\u4e00-\u9fff]{2,}", m[1])
                   and not re.match(r"^(?:以下简称|简称|含|下同|试行|暂行|\d)", m[1])), key=lambda m: m.start())


def _bare_list(text: str, known: tuple[str, ...]) -> list[re.Match]:
    """A closing bracket that holds only unit names (「（省扶贫办、省民政厅等）」): a unit note by what it names."""
    m = re.search(r"[(（]([^()（）]{2,200})[)）][。\s]*$", text)
    if not m or not (ITEM.match(text) or SECTION.match(text)) or looks_like_unit(_strip_number(text[:m.start()])):
        return []  # 「（一）综合办公室（党群工作部、监察室）」: a unit and its other names, no task
    units = parse_units(m[1], known)
    return [m] if units.lead and not units.flags and not units.leaders and units.how == "bare" else []


def topic_only(text: str, at: int, rest: str) -> bool:
    """「道路等公共区域，由X负责。」: the note at `at` is a bare 「由X负责」 closing its clause and the rest of the text
    (`rest`, the note cut out) holds no work, only its topic; cut out, the note would leave no duty, so it stays.
    So does a bare 「由X负责」 right after a topic of those that are so (「…未设管理单位的，由X负责，…」)."""
    return bool(_TOPIC_ONLY.match(text[at:])) and bool(text[:at].strip("，,；;。 ")) and not _TASKLIKE.search(rest) \
        or bool(_WHICH_TOPIC.search(text[:at]) and _BARE_FUZE.match(text[at:]))


def prose_note(text: str, known: tuple[str, ...] = ()) -> tuple[str, UnitList, bool] | None:
    """A paragraph's assignment written as a clause (「…，由X牵头，Y配合，确保…」): the task text without
    it, the units it names, and whether the clause opens the paragraph; None unless every name in the
    clause is a unit."""
    for m in _PROSE_NOTE.finditer(text):
        units = parse_units(m["note"], known)
        if units.lead and not units.doubts and not units.leaders and not each_its_own(m["note"], units):
            rest = re.sub(r"[，,；;]*([，,。])[，,；;。]*", r"\1", text[:m.start()] + text[m.end():])
            rest = re.sub(r"([：:])[，,]", r"\1", rest)  # 「具体分工：X牵头，主要负责…」: the colon opens the duty
            if topic_only(text, m.start(), rest):
                rest = text
            return rest.strip("，,；; "), units, not text[:m.start()].strip("，,；;。 由")
    return None


_BARE_BY = re.compile(r"由[^由，,；;。]{2,30}?负责(?=[，,；;。]|$)")  # 「由X负责」 closing its clause: X answers for the topic


def _by_after_topic(before: str, clause: str, known: tuple[str, ...]) -> UnitList | None:
    """「各村、居民住宅区、街巷，由属地管理村负责」: a clause of 由 and its units right after the topic clause it assigns
    (a clause with no role word of its own: the areas, not a note), read as a note inside its sentence."""
    if not before.strip() or not re.match(r"\s*由", clause) or lexicon().verb_tail.search(before):
        return None
    return by_units(clause.strip(), known)


def topic_note(text: str, known: tuple[str, ...] = ()) -> UnitList | None:
    """「我县的文物行政执法工作由县文物旅游局负责实施。」: a note inside its clause after a topic, the sentence's only
    assignment; cut out, it would leave a topic and no duty, so the text stays as written."""
    clauses = re.findall(r"[^，,；;。]+", text)
    found = [u for before, clause in zip(["", *clauses], clauses)
             if (u := topic_units(clause, known) or _by_after_topic(before, clause, known))
             and not u.doubts and not u.leaders]
    if len(found) > 1 and not any(u.participants for u in found):
        # 「施工工地由施工企业负责，待建地块由土地使用权人负责」: each topic its holder, each answering for its own
        lead = list(dict.fromkeys(n for u in found for n in u.lead))
        return UnitList("，".join(u.as_written for u in found), lead=lead, mode="separate", how=found[0].how)
    return found[0] if found else None


# A part's heading naming the leader who runs its tasks: 「一、于会游市长主抓重点工作」.
LEADER_HEADING = re.compile(r"^(?P<who>[\u4e00-\u9fff]{2,4}?)(?:同志)?(?:常务)?副?(?:省|市|州|县|区|镇|乡)?"
                             r"(?:长|书记|主任)(?:主抓|牵头|分管|负责|领衔|联系|领办)")
_PAGE_MARK = re.compile(r"^[—–\-\s\d]*[—–]\s*\d+\s*[—–][—–\-\s]*$")  # 「— — — 2 —」 of a copied PDF
_CLOSED = "。！？；;：:"  # a line ending otherwise was wrapped in the middle of its sentence


def _wrapped(text: str, block: Block) -> bool:
    """The block continues the text before it: that text stopped mid-sentence and this is no new item."""
    return bool(text) and text[-1] not in _CLOSED and not (ITEM.match(block.text) or SECTION.match(block.text)
                                                           or PART.match(block.text) or _LABEL_LINE.match(block.text)
                                                           or _heading_over(text, block.text))


_HEADING_LENGTH = 25  # 「1、宣传发动阶段(7月-8月)」: a numbered item's title, shorter than a wrapped line


def _heading_over(text: str, line: str) -> bool:
    """A short item with no closing mark over a paragraph of whole sentences: its title over its text, not one line
    wrapped (a wrapped item's first line runs the page's width)."""
    return 0 < len(text) <= _HEADING_LENGTH < len(line) and line.rstrip()[-1] in _CLOSED


def _later_subjects(text: str, known: tuple[str, ...]) -> tuple[str, list]:
    """A paragraph's text up to the first later sentence with a unit of its own as subject, and those sentences
    as tasks (「(一)由X负责，Y配合，加快…。Z做好…。」: Z's sentence is Z's task)."""
    sentences = [x for x in re.split(r"(?<=。)", text) if x]
    for k in range(1, len(sentences)):
        if found := subject_clauses(sentences[k], known):
            later = [f for x in sentences[k + 1:] for f in subject_clauses(x, known)]
            return "".join(sentences[:k]), found + later
    return text, []


# 「X领导小组(以下简称“领导小组”)的主要职责是…」: a body's duties stated, wherever the paragraph stands (before the
# division's first part too), and no covering notice's demand
_DUTIES_STATED = re.compile(r"^[^，,。；;]{2,80}?的(?:主要)?(?:工作)?职责(?:是|为|包括)")


def _without_title_demand(body: str, found: list[tuple[str, UnitList]]) -> list[tuple[str, UnitList]]:
    """「(二)各成员单位要履行各自管理职责。X办要…。Y局要…」: an item's short title asking collectives alone to do their
    share, over sentences giving named units theirs, heads those sentences and is no task of its own."""
    clause, units = found[0]
    title = re.match(r"[^。！？]{2,20}。", body)
    if len(found) > 1 and title and title.group() == clause + "。" and all(map(collective, units.lead + units.participants)) \
            and any(not collective(n) for _, later in found[1:] for n in later.lead):
        return found[1:]
    return found


def _clause_texts(body: str, clauses: list[str], with_title: bool) -> list[str]:
    """Each subject clause's task text: from the clause to the next one, so the sentences after it that name nobody
    (「县水利局要加强监管。要建立台账，按月报送。」) stay its text; with the item's own title before the first
    (「1. 督促落实企业主责。交通运输部门要…」), where a numbered item has one."""
    starts, at = [], 0
    for clause in clauses:
        if (at := body.find(clause, at)) < 0:
            return [c + "。" for c in clauses]  # a clause read in another form than written: itself alone
        starts.append(at)
        at += len(clause)
    if with_title:
        starts[0] = 0
    pieces = [body[a:b].strip().rstrip("，,；;、 ") for a, b in zip(starts, starts[1:] + [len(body)])]
    return [p if p.endswith(("。", "！", "？")) else p + "。" for p in pieces]


_TIME_NOTE = re.compile(r"[(（]([^()（）]{1,20})[)）][。\s]*$")
_STANDING = re.compile(r"长期(?:坚持)?|持续(?:推进)?|常态化?|每年|每季度|每月")


def closing_deadline(text: str) -> str:
    """A closing bracket that holds only a time (「（长期）」, 「（2024年6月底前）」): the item's deadline."""
    from .timing import find
    m = _TIME_NOTE.search(text)
    return m[1] if m and (_STANDING.fullmatch(m[1]) or any(f.date and f.phrase == m[1] for f in find(m[1], 2000))) else ""


def _categories_lead(out: list[Candidate], categories: list[tuple[str, UnitList, int]]) -> list[Candidate]:
    """The items of a category heading with a lead note (category.py): its leads lead those naming 责任单位; the
    heading is no task of its own once an item under it takes its leads."""
    dropped = set()
    for part, leads, at in categories:
        under = [c for c in out[at + 1:] if c.part == part and responsible_label(c.units)]
        for c in under:
            c.units = under_leads(leads, c.units)
        if under:
            dropped.add(at)
    return [c for i, c in enumerate(out) if i not in dropped]


def inline_tasks(blocks: list[Block], bare_notes: bool = False, known: tuple[str, ...] = ()) -> tuple[list[Candidate], list[Block]]:
    """Tasks from paragraphs with unit notes, and the paragraphs that look like tasks but name nobody."""
    out: list[Candidate] = []
    unread: list[Block] = []
    part = section = None
    last_item: tuple[Block, str] | None = None  # a numbered paragraph waiting for its 牵头单位： lines
    last_is_heading = False  # 「（一）地区生产总值增长7%」 is a heading unless 责任单位： lines follow
    pending_labels: list[str] = []
    scope = Scope()  # what scope notes so far say about the tasks after them
    leader = None  # the person a part's heading names (「一、于会游市长主抓重点工作」): leader of its tasks

    def with_scope(units: UnitList) -> UnitList:
        """Apply earlier scope notes to this task, then take in what its own note says about later ones."""
        if leader and leader not in units.leaders:
            units.leaders.insert(0, leader)
        units.participants += [n for n in scope.participants if n not in units.lead + units.participants]
        units.open_ended |= scope.open_ended
        if units.scope:  # what the note says of the tasks after it holds for its own task too
            units.participants += [n for n in units.scope.participants if n not in units.lead + units.participants]
            scope.participants += [n for n in units.scope.participants if n not in scope.participants]
            scope.open_ended |= units.scope.open_ended
        return units

    group: list[tuple[Block, str]] = []  # items read without units since the last heading or task: a note
    seen = 0                              # standing alone after them (「（责任单位：X）」) assigns them all

    def close_labels() -> None:
        nonlocal last_item, pending_labels, last_is_heading
        if last_item and not pending_labels:
            group.append(last_item)
        if last_item and pending_labels:
            block, text = last_item
            units = with_scope(parse_units("；".join(pending_labels), known))
            out.append(Candidate(text, units, block.where, "label-lines", 0.8 if last_is_heading else 0.9, part,
                                 None if last_is_heading else section, deadline_text=units.rest,
                                 number=_own_number(block.text)))
        elif last_item and _TASKLIKE.search(last_item[1]) and not last_is_heading:
            unread.append(last_item[0])
        last_item, pending_labels, last_is_heading = None, [], False

    heading = None  # the heading just read: a paragraph opening with its units (「由X承办，Y协办。」) is its task
    categories: list[tuple[str, UnitList, int]] = []  # (part, leads, index of its own candidate)
    labelled = {id(b) for b, after in zip(blocks, blocks[1:]) if not after.is_row and _UNIT_LABEL_LINE.match(after.text)}
    leaves = {id(b) for b, after in zip(blocks, [*blocks[1:], None])
              if after is None or not after.is_row and (PART.match(after.text) or SECTION.match(after.text))}
    for block in blocks:
        if block.is_row:
            continue
        if len(out) != seen:
            group, seen = [], len(out)
        text = block.text
        if _PAGE_MARK.match(text):
            continue
        if pending_labels and _wrapped(pending_labels[-1], block) and len(text) <= 30 and _LEX.unit_end.search(text):
            pending_labels[-1] += text  # a list of units wrapped onto the next line
            continue
        if _LABEL_LINE.match(text) and last_item is not None:
            pending_labels.append(text)
            continue
        if last_item and not pending_labels and not last_is_heading and _wrapped(last_item[1], block):
            if not _notes(text):
                # a hard-wrapped item: its next line (the block grows too, so a note on a later line reads it whole)
                last_item = (Block(last_item[0].text + text, last_item[0].where), last_item[1] + text)
                continue
            # the wrapped item's last line carries its note: one paragraph, read as one
            block = Block(last_item[0].text + text, last_item[0].where)
            text, last_item = block.text, None
        # 「1、宣传发动阶段(7月-8月)」 over its paragraph: a numbered item whose text stands on the next line
        item_above = last_item if last_item and not pending_labels and not last_is_heading else None
        close_labels()
        if is_heading(block, heads_nothing=id(block) in leaves):
            heading = _strip_number(text)
            if m := PART.match(text):
                part, section, group = m[2].strip(), None, []
                leader = lm["who"] if (lm := LEADER_HEADING.match(part)) else None
            elif m := SECTION.match(text):
                section = m[2].strip()
                last_item, last_is_heading = (block, m[2].strip()), True
            continue
        last_is_heading = False
        opened_by, heading = heading, None
        notes = _notes(text) or _bare_list(text, known)
        if not notes and bare_notes:  # (「省农业农村厅（乡村振兴局）」: a body's other name after it, no note)
            notes = [m for m in re.finditer(r"[(（]([^()（）]{2,200})[)）][。\s]*$", text)
                     if not _LEX.unit_end.search(text[:m.start()].rstrip())]
        if notes and PART.match(text) and len(notes) == 1 and lead_note(units := parse_units(notes[0][1], known)) \
                and (piece := _strip_number(text[:notes[0].start()].strip()).strip("，,；;、 ")):
            # 「一、整治提升村容村貌（X、Y牵头）」: a category (its items' part), its leads those of the items under it
            part, section, group = piece, None, []
            categories.append((piece, units, len(out)))
            out.append(Candidate(piece + "。", with_scope(units), block.where, "inline", 0.9, None, None,
                                 deadline_text=units.rest, number=_own_number(text)))
            continue
        if notes:
            start = 0
            for note in notes:
                piece = _strip_number(text[start:note.start()].strip())
                piece = piece.strip("，,；;、 ")  # punctuation left between two notes
                tail = text[note.end():].lstrip("。；; ")
                units = with_scope(parse_units(note[1], known))
                if piece and units.lead:
                    ends = not tail or note is not notes[-1]
                    out.append(Candidate(piece + ("。" if piece[-1] not in "。！？" and ends else ""),
                                         units, block.where, "inline", 0.9 if ends else 0.7, part, section,
                                         deadline_text=units.rest,
                                         number=_own_number(text) if note is notes[0] else None))
                elif piece and (units.flags or units.leaders):  # a note naming nobody the grammar knows
                    unread.append(Block(f"{piece}（{note[1]}）", block.where))
                elif not piece and units.lead and group and note is notes[0]:  # a note after its group's items
                    texts = [t if t.endswith(("。", "；", ";")) else t + "。" for _, t in group]
                    out.append(Candidate("".join(texts), units, group[0][0].where, "group-note", 0.8, part, section,
                                         number=_own_number(group[0][0].text)))
                    unread[:] = [b for b in unread if all(b is not g for g, _ in group)]
                start = note.end()
            continue
        if found := colon_line(_strip_number(text), known):  # 「商委：协调…」, 「1.党政办：统筹…」 (its number no name's)
            duty, units = found
            out.append(Candidate(duty, with_scope(units), block.where, "unit-line", 0.8, part, section,
                                 number=_own_number(text)))
            continue
        numbered = bool(ITEM.match(text) or SECTION.match(text) or PART.match(text))
        if numbered and (units := topic_note(_strip_number(text), known)) and units.mode == "separate" \
                and len(_BARE_BY.findall(text)) == len(units.lead):
            # 「A，由X负责；B，由Y负责」: each topic its holder, answering for it whole (a prose note would read the first
            # alone; 「由X负责本行业…」 gives X work of its own, read as such)
            out.append(Candidate(_strip_number(text), with_scope(units), block.where, "prose", 0.8, part, section,
                                 number=_own_number(text)))
            continue
        if (numbered or part is not None) and (found := prose_note(_strip_number(text), known)):
            piece, units, opens = found  # prose is read less surely than a note: below the confident mark, so reviewed
            if opens and opened_by:
                piece = f"{opened_by}。{piece}"
            piece, later = _later_subjects(piece, known)
            out.append(Candidate(piece if piece.endswith("。") else piece + "。", with_scope(units), block.where,
                                 "prose", 0.8, part, section, number=_own_number(text)))
            out += [Candidate(c + "。", with_scope(u), block.where, "subject", 0.75, part, section) for c, u in later]
            continue
        # an item's sentences whose subject is a list of units (collectives too: the list divides the work); an item
        # stopping mid-sentence waits for its next line (a wrapped item, its note on a later line)
        # (a paragraph under a part whose paragraphs already give units their work is of that division: its
        # collectives' demands, 「各市州、县市区人民政府要切实落实普查经费」, are their tasks, as in a numbered item)
        divided = part is not None and not numbered and any(c.part == part for c in out)
        if (numbered or part is not None or _DUTIES_STATED.search(text)) \
                and not (numbered and re.search(r"[\u4e00-\u9fff，,、]$", text)) \
                and not (numbered and id(block) in labelled) and (found := subject_clauses(_strip_number(text), known,
                                              numbered=numbered and not PART.match(text) or divided
                                              or item_above is not None)):
            if not numbered or PART.match(text):
                # a paragraph (or a part's paragraph, 「一、加强宣传。X要…」) giving named units their work divides it:
                # its collectives' sentences too
                found = subject_clauses(_strip_number(text), known, numbered=True) or found
            found = _without_title_demand(_strip_number(text), found) if numbered else found
            pieces = _clause_texts(_strip_number(text), [c for c, _ in found], with_title=numbered)
            # (the item above's text is its title, its closing time the deadline of the work under it)
            above = item_above[0].text if item_above else text
            out += [Candidate(piece, with_scope(u), block.where, "subject", 0.75, part,
                              section, deadline_text=closing_deadline(text) or closing_deadline(above)
                              if i == len(found) - 1 else "",
                              number=_own_number(above) if i == 0 else None)
                    for i, (piece, (_, u)) in enumerate(zip(pieces, found))]
            continue
        if numbered and (units := topic_note(_strip_number(text), known)):
            out.append(Candidate(_strip_number(text), with_scope(units), block.where, "prose", 0.8, part, section,
                                 number=_own_number(text)))
            continue
        if ITEM.match(text) or SECTION.match(text):
            last_item = (block, _strip_number(text))
        elif len(text) > 30 and _TASKLIKE.search(text) and part is not None:
            unread.append(block)
    close_labels()
    out = _categories_lead(out, categories)
    # A document that names its units in notes, label lines or clauses opens with a covering notice: its
    # 「X要…」 sentences before the first such task are requirements, not the division of work.
    explicit = next((i for i, c in enumerate(out) if c.shape in ("inline", "label-lines", "prose")), None)
    if explicit is not None:
        out = [c for i, c in enumerate(out) if c.shape != "subject" or i > explicit or c.units.how == "by"
               or _DUTIES_STATED.search(c.text)]
    return out, unread
