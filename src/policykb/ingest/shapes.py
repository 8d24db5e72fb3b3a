"""Shape recognisers over the common form: where the tasks are and who is named for them.

Each recogniser takes blocks and returns what it read with the block it came from:
- `table_tasks`: tables whose columns are named by synonyms (任务/牵头单位/配合单位/完成时限 …);
- `inline_tasks`: paragraphs with unit notes in brackets (「（X、Y负责）」, 「（牵头单位：X，配合单位：Y）」, 「[牵头单位:X;责任单位:Y]」),
  several notes in one paragraph making several tasks (each task's text ends at its note), and items
  followed by lines 「牵头单位：X」「责任单位：Y」;
- `headings`: parts (一、) and sections (（一）) the tasks fall under.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .source import Block
from .unitnames import UnitList, parse_units

_CN = "一二三四五六七八九十"
PART = re.compile(rf"^([{_CN}]{{1,3}})\s*[、．.]\s*(.+)$")
SECTION = re.compile(rf"^[(（]([{_CN}]{{1,3}})[)）]\s*(.+)$")
ITEM = re.compile(r"^(\d{1,3})\s*[.．、]\s*(?!\d)(.+)$|^[(（](\d{1,3})[)）]\s*(.+)$")
# A bracketed note that names units: it has a verb or a label saying so.
_NOTE = re.compile(r"[(（]([^()（）]{2,300}?(?:负责|牵头|单位[：:][^()（）]*|部门[：:][^()（）]*|配合|参与|落实|推进"
                   r"|持续推进|实施)[^()（）]{0,40})[)）]")
# The same note in square brackets (「[牵头单位:X;责任单位:Y]」, 「【X负责】」), where round brackets may sit inside.
_SQUARE_NOTE = re.compile(r"[\[【]([^\[\]【】]{2,300}?(?:负责|牵头|单位[：:]|部门[：:]|配合|参与)[^\[\]【】]{0,300}?)[\]】]")
_LABEL_LINE = re.compile(r"^(?:牵头(?:单位|部门)|(?:主要)?责任(?:单位|部门)|配合(?:单位|部门)|参与(?:单位|部门)"
                         r"|协办(?:单位|部门)|协同(?:单位|部门))\s*[：:]")
_TASKLIKE = re.compile(r"(?:要|加快|推进|推动|建立|健全|完善|实施|开展|落实|加强|强化|制定|组织|确保|支持|鼓励)")


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


def _strip_number(text: str) -> str:
    if m := ITEM.match(text):
        return (m[2] or m[4]).strip()
    if m := SECTION.match(text):
        return m[2].strip()
    return text


def is_heading(block: Block) -> bool:
    return bool(PART.match(block.text) or SECTION.match(block.text)) and not _NOTE.search(block.text) \
        and len(block.text) <= 60 and "。" not in block.text.rstrip("。")[:-1]


# --- tables ---

_COLUMNS = {  # role -> header words, most specific first
    "task": ("重点任务", "工作任务", "主要任务", "任务内容", "具体任务", "主要内容", "工作内容", "重点工作", "具体措施",
             "工作措施", "政策措施", "目标任务", "预期目标", "任务", "内容", "措施", "事项", "目标"),
    "lead": ("牵头单位", "牵头部门", "主要责任单位", "责任单位", "责任部门", "牵头"),
    "participants": ("配合单位", "参与单位", "协办单位", "配合部门", "参与部门", "协同单位", "协作单位", "参与", "配合"),
    "deadline": ("完成时限", "时间节点", "完成时间", "时限要求", "时限", "进度安排", "时间安排"),
    "mode": ("牵头方式",),
    "section": ("部分", "类别", "领域", "方面"),
}


def _columns(cells: tuple[str, ...]) -> dict[str, int] | None:
    """Roles of a header row's columns, or None when the row is not a task table's header."""
    found: dict[str, int] = {}
    for role, words in _COLUMNS.items():
        for word in words:  # a cell that is exactly the word beats one that merely contains it
            hits = [i for i, c in enumerate(cells) if re.sub(r"\s", "", c) == word] or \
                   [i for i, c in enumerate(cells) if word in c and i not in found.values() and len(c) <= 12
                    and not (role == "task" and re.search(r"单位|部门|牵头|参与|配合|数", c))
                    and not (role in ("lead", "participants") and not re.search(r"单位|部门", c))]
            if hits and role not in found:
                found[role] = hits[0]
                break
    if "task" in found and "lead" in found and found["task"] != found["lead"]:
        return found
    return None


def table_tasks(blocks: list[Block], known: tuple[str, ...] = ()) -> list[Candidate]:
    out: list[Candidate] = []
    columns: dict[str, int] | None = None
    table = None
    part = None
    for block in blocks:
        if not block.is_row:
            continue
        if block.table != table:
            table, columns = block.table, None
        cells = block.cells or ()
        if columns is None or _columns(cells):
            columns = _columns(cells) or columns
            if _columns(cells):
                continue
        if columns is None:
            continue
        get = lambda role: cells[columns[role]] if role in columns and columns[role] < len(cells) else ""
        text, lead = get("task"), get("lead")
        if not text or not lead or text == lead:
            if text and len(set(c for c in cells if c)) == 1:
                part = text  # a row spanning the table: a section heading
            continue
        note = f"牵头单位：{lead}" if "participants" in columns else f"责任单位：{lead}"
        if get("participants"):
            note += f"；配合单位：{get('participants')}"
        units = parse_units(note, known)
        if "participants" not in columns and "责任" not in "".join(k for k in cells if k == get("lead")):
            units = parse_units(lead, known)  # a lead column alone: the names in it lead
        units.as_written = lead + (f"；{get('participants')}" if get("participants") else "")
        mode = get("mode")
        if len(units.lead) > 1:
            units.mode = "separate" if "分别" in mode or mode == "separate" else "joint"
        out.append(Candidate(_strip_number(text), units, block.where, "table", 0.95,
                             part=get("section") or part, deadline_text=get("deadline")))
    return out


# --- paragraphs with unit notes ---

def _notes(text: str) -> list[re.Match]:
    square = list(_SQUARE_NOTE.finditer(text))
    inside = lambda m: any(s.start() < m.start() < s.end() for s in square)
    found = square + [m for m in _NOTE.finditer(text) if not inside(m)]
    return sorted((m for m in found if re.search(r"[\u4e00-\u9fff]{2,}", m[1])
                   and not re.match(r"^(?:以下简称|简称|含|下同|试行|暂行|\d)", m[1])), key=lambda m: m.start())


def inline_tasks(blocks: list[Block], bare_notes: bool = False, known: tuple[str, ...] = ()) -> tuple[list[Candidate], list[Block]]:
    """Tasks from paragraphs with unit notes, and the paragraphs that look like tasks but name nobody."""
    out: list[Candidate] = []
    unread: list[Block] = []
    part = section = None
    last_item: tuple[Block, str] | None = None  # a numbered paragraph waiting for its 牵头单位： lines
    last_is_heading = False  # 「（一）地区生产总值增长7%」 is a heading unless 责任单位： lines follow
    pending_labels: list[str] = []

    def close_labels() -> None:
        nonlocal last_item, pending_labels, last_is_heading
        if last_item and pending_labels:
            block, text = last_item
            out.append(Candidate(text, parse_units("；".join(pending_labels), known), block.where, "label-lines",
                                 0.8 if last_is_heading else 0.9, part, None if last_is_heading else section))
        elif last_item and _TASKLIKE.search(last_item[1]) and not last_is_heading:
            unread.append(last_item[0])
        last_item, pending_labels, last_is_heading = None, [], False

    for block in blocks:
        if block.is_row:
            continue
        text = block.text
        if _LABEL_LINE.match(text) and last_item is not None:
            pending_labels.append(text)
            continue
        close_labels()
        if is_heading(block):
            if m := PART.match(text):
                part, section = m[2].strip(), None
            elif m := SECTION.match(text):
                section = m[2].strip()
                last_item, last_is_heading = (block, m[2].strip()), True
            continue
        last_is_heading = False
        notes = _notes(text)
        if not notes and bare_notes:
            notes = [m for m in re.finditer(r"[(（]([^()（）]{2,200})[)）][。\s]*$", text)]
        if notes:
            start = 0
            for note in notes:
                piece = _strip_number(text[start:note.start()].strip())
                piece = piece.rstrip("，,；;")
                tail = text[note.end():].lstrip("。；; ")
                units = parse_units(note[1], known)
                if piece and units.lead:
                    ends = not tail or note is not notes[-1]
                    out.append(Candidate(piece + ("。" if piece[-1] not in "。！？" and ends else ""),
                                         units, block.where, "inline", 0.9 if ends else 0.7, part, section,
                                         deadline_text=units.rest))
                start = note.end()
            continue
        if ITEM.match(text) or SECTION.match(text):
            last_item = (block, _strip_number(text))
        elif len(text) > 30 and _TASKLIKE.search(text) and part is not None:
            unread.append(block)
    close_labels()
    return out, unread
