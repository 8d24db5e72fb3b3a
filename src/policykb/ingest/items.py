"""A document split into items, the general reader's units of reading (`generic`).

- An item starts at any numbering (一、 （一） 1. （1） ① 第X条 …), else at a paragraph ending its sentence; a line
  that opens with a label (牵头单位：, 完成时限： …) or is a bracketed note alone belongs to the item before.
- A table row is one item, each cell under a header word written as 「header：cell」 (a label | value pair too).
- A line naming units alone (「市卫生局」, 「（1）市林业局。」 when a duty follows it) owns the numbered items under it
  and the 「负责…」 paragraph right after it; a roster run onto one line is cut at each such name.
- Numbers, parts and duty headings run into one line (「一是…。二是…」, 「…：1.…；2.…」) are cut into items.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .clauses import names_work
from .columns import ROLE_LABEL, column_role
from .docdate import date_of
from .holders import holders_duties, names_duties, sets_duties
from .lexicon import alternation, is_person, lexicon
from .outline import mark_number as _own_number
from .portfolios import head_by_name, portfolio
from .prose import clean
from .rosters import roster_line
from .source import Block
from .title import DOCUMENT_KINDS
from .unitnames import PLATES, looks_like_unit
from .unitnotes import UnitList, parse_units

_LEX = lexicon()
_CLOSED = "。！？；;：:"
_NUMBERING = re.compile(r"^\s*(?:第[一二三四五六七八九十百\d]{1,4}[条项章节部分]\s*|[一二三四五六七八九十]{1,3}\s*[、．.]\s*"
                        r"|[(（][一二三四五六七八九十\d]{1,3}[)）]\s*[、．.]?\s*|\d{1,3}(?:\.\d{1,3})*\s*[.．、﹒](?!\d)\s*"
                        r"|[①-⑳⑴-⒇]\s*)")
ROLE_WORD = re.compile(alternation({*_LEX.verbs, *_LEX.joiners, *_LEX.labels}))
# (after a colon too: a blank label's, 「协调人:责任单位:X」, a form's lines run together)
LABEL_AT = re.compile(rf"(?:^|(?<=[。；;，,\s|：:]))(?:{alternation(_LEX.labels)})\s*[：:]")
# 「（一）适龄女生疫苗接种牵头责任部门：县卫健委」: a heading run straight into its label, no separator; only a
# label naming a kind of body (…单位, …部门) is taken so, being no word a task's own text would end in
RUN_IN_LABEL = re.compile(rf"(?<=[^\s。；;，,|：:])(?:{alternation(w for w in _LEX.labels if len(w) >= 4 and re.search('(?:单位|部门|單位|部門)$', w))})\s*[：:]")
# 「…整治活动责任单位各社区居委会、驻辖区单位」: a page that lost its colons; such a label counts only when all that
# follows it to the item's end, other such labels aside, is units
BARE_LABEL = re.compile(alternation(w for w in _LEX.labels if len(w) >= 4 and re.search('(?:单位|部门|單位|部門)$', w)))
TIME_WORDS = alternation(_LEX.columns["deadline"])
_PAGE_RECORD = re.compile(rf"^(?:{alternation(_LEX.page_labels)})")

# 「责任单位」 on a line of its own, its value on the next (a form copied one cell a line): read as 「责任单位：…」
_LABEL_ALONE = re.compile(rf"(?P<label>{alternation(_LEX.labels)}|{TIME_WORDS})\s*[：:]?")
_TIME_ALONE = re.compile(TIME_WORDS)
_TASK_ALONE = re.compile(rf"(?:{alternation(_LEX.columns['task'])})\s*[：:]?")
LINE_OPENS = re.compile(rf"^(?:{alternation(_LEX.labels)}|{TIME_WORDS})\s*[：:]")
BRACKETS = re.compile(r"[(（](?P<r>(?:[^()（）]|[(（][^()（）]{1,20}[)）]){2,300})[)）]|〔(?P<t>[^〔〕]{2,300})〕"
                       r"|【(?P<l>[^【】]{2,300})】|\[(?P<s>[^\[\]]{2,300})\]")

_DUTY_HEADING = re.compile(rf"(?<=[^\s：:，,。；;、])(?:的)?(?:{alternation(_LEX.duty_headings)})$")
# 「各级党委和政府乡村振兴责任主要包括：」: a heading listing units' duties below it, the work's topic between them;
# 「X应当履行下列消防工作职责：」: the unit, then the verb that takes on the duties listed below (lexicon.yaml)
_LISTED_DUTIES = re.compile(r"(?:责任|职责)(?:主要)?(?:包括|是|为|如下)[：:]$"
                            rf"|(?:应当|应|须|要)?(?:{alternation(_LEX.listed_duty_verbs)})(?:下列|以下|如下)"
                            r"[^，,。；;：:]{0,8}?(?:职责|职能|工作|任务)[：:]$")


def _listed_duties(text: str) -> str | None:
    """The units a heading over their listed duties names (「各级党委和政府乡村振兴责任主要包括：」 → 各级党委和政府):
    the longest opening that reads as a unit, a topic of up to eight characters between it and 责任."""
    m = _LISTED_DUTIES.search(text)
    if not m:
        return None
    for cut in range(m.start(), max(m.start() - 9, 1), -1):
        name = text[:cut].removesuffix("的")
        if looks_like_unit(name) and not ROLE_WORD.search(name) and _strong_end(name):
            return name
    return None


# 「2022年,区政府要全面实施…,主要承担以下工作:」: the verb's clause without a subject of its own (after a comma): the
# sentence's subject is the unit, opening it after its year, before its modal
_OPENING_SUBJECT = re.compile(r"^(?:\d{4}年(?:度)?[，,]\s*)?(?P<unit>[^，,。；;：:\s]{2,20}?)(?:要|应当|应|须)")


# 「（二）公安部门。协助民政部门…」: after a number, a unit's name as a sentence of its own, then its duties
_NUMBERED_NAME = re.compile(r"^(?P<name>[^。：:；;，,\s]{2,40})。\s*(?P<rest>\S.{3,})$")


def _sub_item(named: Item, mark: re.Match | None) -> bool:
    """「1.农业部门。」 then 「（1）做好…」: a numbered unit's name as a sentence, the next line a numbered item of
    another style, its first duty (the unit owns the list under it, whatever verb opens each duty)."""
    return bool(named.numbered and mark and _style(mark.group()) != named.style)


def _subject_taking_on(text: str) -> str | None:
    """The unit opening the sentence whose last clause takes on the listed duties, that clause naming none (its 主要
    may have lost its 要 to the modal the verb is read with)."""
    if not (listed := _LISTED_DUTIES.search(text)):
        return None
    before = text[:listed.start()]
    if not re.search(r"[，,]\s*(?:主要?|还|并)?$", before) or not (m := _OPENING_SUBJECT.match(before)):
        return None
    name = m["unit"]
    return name if looks_like_unit(name) and not ROLE_WORD.search(name) and _strong_end(name) else None


def _strong_end(name: str) -> bool:
    """A name ending as only a body's does: a suffix of two characters or more (政府, 委员会), or a body's one-character
    ending (局, 委, 办 …); 「…党委和政府乡村」 ends in a topic's word (村), however it reads."""
    return name[-1] in _LEX.body_ends or any(len(s) > 1 and name.endswith(s) for s in _LEX.unit_suffixes)


# a gazetteer's or a roster's paragraph opening with the unit's name, a space, then what the unit is and does
# (its other plate in brackets after it: 「秘书处(组织人事处) 负责…」)
_RUN_IN_NAME = re.compile(r"^(?P<name>[^\s，,。；;：:、()（）]{2,20}(?:[(（][^\s，,。；;：:()（）]{2,20}[)）])?)[ \u3000]+"
                          r"(?P<rest>[^\s].{9,})$")  # rest: sentences
# 「领导小组职责：负责活动的组织…」: a body's duty heading and its duties on one line, whatever the body
_DUTY_LINE = re.compile(rf"^(?P<heading>[^\s，,。；;：:、]{{2,24}}?(?:的)?(?:{alternation(_LEX.duty_headings)}))\s*[：:]\s*"
                        r"\S.{3,}$")
# a 责任书's signatory: 「…与X签定（签订）本责任书」; the requirements it lists are X's
_PLEDGE = re.compile(r"与(?P<units>[^，,。；;：:与]{2,30}?)(?:共同)?签[定订](?:了)?(?:本|此|这份)?(?:目标)?责任书")
_DUTY_OPENS = re.compile(rf"^(?:{alternation(_LEX.duty_openers)})")
# 「…职责如下：县环保局。负责…。县交通局、公路局。负责…」: a roster run onto one line, each unit's name a sentence of
# its own right before its duty
_NAME_SENTENCE = re.compile(rf"(?<=[。：:；;])[^。：:；;，,]{{2,40}}。(?={_DUTY_OPENS.pattern[1:]})")


@dataclass
class Item:
    """A piece of a document read as one: a numbered paragraph, a paragraph, a table row, a form."""
    text: str
    where: str
    number: int | None
    numbered: bool
    table: int | None = None
    style: str = ""  # how it is numbered (「一、」 → 一、, 「（3）」 → （1）): headings of one style are one level
    note_only: bool = False  # a bracketed note standing alone: it assigns the items before it
    owner: str | None = None  # the unit a heading names alone (「（一）综合办公室（党群工作部…）」, 「市卫生局」)
    subject_led: bool = False  # one of a document's paragraphs that each open with their unit (「区财政局负责…」)
    duty: bool = False  # an unnumbered 「负责…」 paragraph right after a line naming a unit alone: that unit's duty
    named: bool = False  # 「（1）市林业局。」: a unit named as a sentence, its owner only if a duty (「负责…」) follows
    leads: UnitList | None = None  # a heading's lead note (「一、X（A、B牵头）」): the leads of every item under it
    portfolio: tuple[str, str] | None = None  # (government, leader) of a leader's portfolio line (`portfolios`)


def _row_text(cells: tuple[str, ...], header: tuple[str, ...] | None) -> tuple[str, int | None]:
    """A row as one line: a cell under a header word as 「label：cell」, a label cell and its value as a pair."""
    cells = tuple(c for i, c in enumerate(cells) if i == 0 or c != cells[i - 1] or not c)  # merged cells once
    parts, number = [], None
    roles = [column_role(h) for h in header] if header else []
    i = 0
    while i < len(cells):
        cell, role = cells[i].strip(), roles[i] if i < len(roles) else None
        if role is None and not header and (own := column_role(cell)) and i + 1 < len(cells) and not column_role(cells[i + 1]):
            role, cell, i = own, cells[i + 1].strip(), i + 1  # a label cell and its value (a form)
        i += 1
        if not cell:
            continue
        if (role == "number" or not header and not parts) and re.fullmatch(r"\d{1,3}", cell):
            number = int(cell)
        elif role in ROLE_LABEL:
            parts.append(f"{ROLE_LABEL[role]}：{cell}")
        elif role == "deadline":
            parts.append(f"{_LEX.columns['deadline'][0]}：{cell}")
        elif role not in ("number", "mode"):
            parts.append(cell)
    return "；".join(parts), number


def _lines(text: str) -> list[str]:
    """A block's text as the lines it was written in: a roster run onto one line (two unit names at least, each a
    sentence of its own before its 「负责…」) is cut before each name and after it."""
    cuts = [m for m in _NAME_SENTENCE.finditer(text) if _owner(m.group()[:-1], lists=True)]
    if len(cuts) < 2:
        return [text]
    bounds = [0] + [k for m in cuts for k in m.span()] + [len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:]) if text[a:b].strip()]


def items_of(blocks: list[Block]) -> list[Item]:
    items: list[Item] = []
    header: tuple[str, ...] | None = None
    table = None
    label = ""  # a label alone on its line (「责任单位」): its value is the next line
    level = None  # the level of the last leader's portfolio: a secretary-general's is the same government's
    lines = [(b, line) for b in blocks for line in ([None] if b.is_row else _lines(b.text))]
    whole = "\n".join(b.text for b in blocks if not b.is_row)  # where a head's post and name are written together
    header_cells = _header_cells([line for _, line in lines])
    for at, (block, line) in enumerate(lines):
        if at in header_cells:
            continue
        if not block.is_row and label and line.strip() and not _LABEL_ALONE.fullmatch(line.strip()) \
                and not LINE_OPENS.match(line.strip()) and not _NUMBERING.match(line.strip()):
            value = line.strip()
            if _TIME_ALONE.fullmatch(label):  # the whole line is the time: its 「；」 parts one phrase
                value = re.sub(r"[；;]", "，", value)
            line = f"{label}：{value}"
        label = ""
        if not block.is_row and (alone := _LABEL_ALONE.fullmatch((line or "").strip())):
            label = alone["label"]
            continue
        if not block.is_row and _TASK_ALONE.fullmatch((line or "").strip()):
            continue  # 「具体任务」 alone: the label of the text on the next line, no text of its own
        if block.is_row:
            if block.table != table:
                table, header = block.table, None
            cells = block.cells or ()
            if any(_LEX.fold(re.sub(r"[\s：:]", "", c)) in _LEX.page_labels for c in cells):
                continue  # 「组配分类 | 部门文件 | 发布机构 | 山福镇」: the page's record of the document
            if header is None and sum(bool(column_role(c)) for c in cells) >= 2:
                header = cells
                continue
            text, number = _row_text(cells, header)
            if text and items and items[-1].table == table and LINE_OPENS.match(text):
                items[-1].text += "；" + text  # a form's label row: the item above it
            elif text:
                items.append(Item(text, block.where, number, number is not None, table))
            continue
        text = line.strip()
        if not text or _PAGE_RECORD.match(text) and len(text) <= 60 and "。" not in text:
            continue  # 「发文日期2005年09月16日」: the page's record of the document, no paragraph of it
        text = _LOST_SPACE.sub("", text)
        runs, parts = _CIRCLED.split(text), False
        for counted in (_COUNTED, _RUN_IN_NUMBERS, _RUN_IN_PARTS, _RUN_IN_BRACKETED):
            if len(runs) <= 2 and _counted_on(counted, text):
                runs, parts = counted.split(text), counted is _RUN_IN_PARTS
        if len(runs) <= 2 or parts:
            runs = _chained_parts(text) or runs
        if len(runs) <= 2 and _ARTICLE_AFTER_STOP.search(text):
            runs = _RUN_IN_ARTICLES.split(text)
        if len(runs) > 2:  # 「①…；②…；③…」, 「指出：一是…。二是…。」: tasks numbered one after another on one line
            if head := runs[0].strip("：:；; "):
                items.append(Item(head, block.where, None, False))
            for mark, piece in _within(runs):
                heading, piece = _duty_heading_run_in(piece.strip("；; "))
                items += [Item(words, block.where, _own_number(mark) if numbered else None, numbered,
                                style=("①" if _CIRCLED.match(mark) else _style(mark)) if numbered else "")
                          for words, numbered in ((heading, True), (piece, not heading)) if words]
                if not heading and (held := portfolio(piece)):  # 「…(二)县教育体育局局长…责任:负责…」 run on
                    items[-1].text, items[-1].portfolio = held[2], held[:2]
            continue
        mark = _NUMBERING.match(text)
        if not mark and (held := head_by_name(text, whole)):  # 「…，李四全面负责各项工作」, 省长李四 named before
            items.append(Item(held[2], block.where, None, False, portfolio=held[:2]))
            continue
        if held := portfolio(text[mark.end():] if mark else text, level):  # 「副县长王五：负责…」
            government, leader, duty = held
            level = government[0]
            items.append(Item(duty, block.where, _own_number(mark.group()) if mark else None, bool(mark),
                               style=_style(mark.group()) if mark else "", portfolio=(government, leader)))
            continue
        if not mark and (pledged := pledge_signatory(text)):
            # 「镇政府与各村（社区）签定本责任书。有关责任要求如下：」: the requirements below are the signatory's
            items.append(Item(pledged, block.where, None, False, owner=pledged))
        if not mark and (run_in := _RUN_IN_NAME.match(text)) and _owner(run_in["name"]) \
                and not LINE_OPENS.match(run_in["rest"]) and re.search(r"[，,。；;]", run_in["rest"]):
            # 「土地规划建设处 1993年成立，……负责辖区内土地开发」: the unit's name as a run-in heading, its paragraph after it
            items.append(Item(run_in["name"], block.where, None, False, owner=_owner(run_in["name"])))
            items.append(Item(run_in["rest"], block.where, None, False, duty=True))
            continue
        if not mark and (heading := duty_line(text)):
            items.append(Item(heading, block.where, None, False, owner=_owner(heading)))
            items.append(Item(text, block.where, None, False, duty=True))  # the line whole, as the page writes it
            continue
        if not mark and (run_on := _name_run_on(text)):
            # 「X内设项目一科、项目二科项目一科：」: a sentence listing sections, the first one's heading run onto it
            items.append(Item(run_on[0], block.where, None, False))
            items.append(Item(run_on[1], block.where, None, False, owner=_owner(run_on[1])))
            continue
        if not mark and not any(i.owner for i in items) and (subject := _subject_taking_on(text)):
            # (under a heading naming the holder, 「上海市区级人民政府」, the lead-in writes it short: the heading's name)
            items.append(Item(text, block.where, None, False, owner=subject))
            continue
        if items and items[-1].named and not _DUTY_OPENS.match(text) and not _sub_item(items[-1], mark):
            items[-1].owner = None  # 「上半年开工建设市儿童医院。」: a short task ending like a unit, no duty after it
        if mark and named_duties(text) and (run_in := _NUMBERED_NAME.match(text[mark.end():].strip())):
            # 「（二）公安部门。协助民政部门做好…」: a numbered unit's name as a sentence, its duties run on after it
            style = _style(mark.group())
            items.append(Item(run_in["name"], block.where, _own_number(mark.group()), True, style=style,
                              owner=run_in["name"], named=True))
            items.append(Item(run_in["rest"], block.where, None, False, duty=True))
            continue
        if not mark and items and items[-1].table is None and not items[-1].owner and not items[-1].note_only \
                and block.cell and _units_alone(text):
            items.append(Item(f"（{text}）", block.where, None, False, note_only=True))  # a cell of units after the row's
            continue
        named = text.endswith("。") and not _owner(text[mark.end():] if mark else text)
        if owner := _owner((text[mark.end():] if mark else text).removesuffix("。") if named else
                           (text[mark.end():] if mark else text), lists=bool(mark) or named):
            items.append(Item(text[mark.end():].strip() if mark else text, block.where,
                               _own_number(mark.group()) if mark else None, bool(mark),
                               style=_style(mark.group()) if mark else "", owner=owner, named=named))
            continue
        last = items[-1] if items and items[-1].table is None else None
        alone = BRACKETS.fullmatch(text.rstrip("。")) and ROLE_WORD.search(text)
        if not mark and last and LINE_OPENS.match(text):
            last.text += ("；" if last.text and _unclosed(last.text) else "") + text  # a label line after its item
        elif not mark and last and _block_fields(text, [line for _, line in lines[at + 1:]]):
            last.text += text  # 「资金来源：…」 between a project's title and its 牵头单位： line: a field of its block
        elif not mark and last and alone:
            items.append(Item(text, block.where, None, False, note_only=True))
        elif not mark and last and not last.owner and not block.cell and _unclosed(last.text) and len(text) < 200 \
                and not _ends_in_a_unit(last.text) and not _duties_heading(last.text) and not _heading_over(last, text) \
                and not _DATED.search(last.text) and not date_of(last.text) and not _after_roster(last.text, text):
            last.text += text  # a line wrapped in the middle of its sentence (a signature's date alone is whole)
        elif mark:
            items.append(Item(text[mark.end():].strip(), block.where, _own_number(mark.group()), True,
                               style=_style(mark.group())))
        else:
            items.append(Item(text, block.where, None, False,
                               duty=bool(last and last.owner and _DUTY_OPENS.match(text))))
    if items and items[-1].named:
        items[-1].owner = None
    for item, after in zip(items, items[1:]):
        if item.owner and not item.numbered and (after.text.startswith("关于") or _NOTICE_TITLE.match(after.text)
                                                 or date_of(after.text)):
            item.owner = None  # a 版头's issuer over 「关于…的通知」, or a signature over its date: no list's unit
    _paired_duties(items)
    return holders_duties(items)


# 「资金来源：中央、自治区…」, 「目标任务：…」: a field of a project's block, a short name (no unit's) and its colon
_FIELD = re.compile(r"^(?P<name>[\u4e00-\u9fff]{2,6})\s*[：:]\s*\S")
_ROLE_AT_END = re.compile(rf"(?:{ROLE_WORD.pattern})$")  # 「区政府负责：」: a subject and its verb, no field's name


def _block_fields(text: str, after: list[str | None]) -> bool:
    """A field line of a block that a title opens and its label lines close (「（一）X项目。」, 「资金来源：…」,
    「目标任务：…」, 「牵头单位：…」, 「实施时间：…」, 「完成时间：…」): this line and those after it up to a label line are
    all fields. A unit before a colon is no field (「市教育局：负责…」 is its duty)."""
    for line in [text, *after]:
        line = (line or "").strip()
        if LINE_OPENS.match(line):
            return line != text
        m = _FIELD.match(line)
        if not m or looks_like_unit(m["name"]) or _ROLE_AT_END.search(m["name"]) \
                or m["name"].endswith(tuple(_LEX.duty_headings)):  # 「主要职责：负责…」: a body's duties, read as such
            return False
    return False


def _units_alone(text: str) -> bool:
    """「区政府、卫生」: a cell naming units and nothing else (no role word, no person), as a table's unit column holds
    them: the units of the row's cells before it."""
    units = parse_units(text)
    names = units.lead + units.participants
    return bool(names) and not ROLE_WORD.search(text) and not units.flags and not units.leaders \
        and all(map(looks_like_unit, names))


def _header_cells(lines: list[str | None]) -> set[int]:
    """「相关部门」「职责分工」: a table's header copied one cell a line, two column words alone on their lines or more,
    the first naming no label (a label alone, 「配合单位」 then 「完成时限」, is a form's empty value): the header's
    lines, which name no label of the line after them."""
    words = [bool(line) and bool(re.fullmatch(r"[\u4e00-\u9fff]{2,14}", line.strip())) and bool(column_role(line.strip()))
             for line in lines]
    found: set[int] = set()
    for at, line in enumerate(lines):
        end = at
        while end < len(lines) and words[end]:
            end += 1
        if end - at >= 2 and not _LABEL_ALONE.fullmatch(line.strip()) and at not in found:
            found.update(range(at, end))
    return found


def _paired_duties(items: list[Item]) -> None:
    """「区公安分局」「维护考点周边安全…」「区教育局」「负责…」: a two-column list copied one cell a line, lines naming a
    unit alone (numbered headings too: 「一、市财政局」) each followed by one paragraph of its work, gives each paragraph
    to the unit above it whatever its first word; two such pairs one after another at least (a signature over a
    closing line is no pair)."""
    plain = lambda i: i < len(items) and not (items[i].owner or items[i].numbered or items[i].table is not None
                                              or items[i].note_only)  # noqa: E731
    pairs = [i for i in range(len(items) - 1) if items[i].owner and plain(i + 1)
             and not items[i].text.endswith(("：", ":"))  # an addressee line over the notice's first paragraph
             and not sets_duties(items[i + 1].text)  # a title over the preamble that says it sets the duties
             # (under a numbered heading, a paragraph with labels of its own, 「主要职责：…责任单位：…」, is read by them)
             and not (items[i].numbered and LABEL_AT.search(items[i + 1].text))
             # (「二、联席会议成员单位」 over 「联席会议由X、Y…组成」: a roster's heading, no unit's)
             and not (items[i].numbered and re.search(r"成员(?:单位)?$", items[i].owner))
             and not items[i].style.startswith("第")  # 「第三节 X」: a book's chapter on a body, its history below
             and (i + 2 == len(items) or items[i + 2].owner)]
    if sum(1 for i in pairs if i + 2 in pairs or i - 2 in pairs) >= 2:
        for i in pairs:
            items[i + 1].duty = True


_SECTIONS_KIND = re.compile(r"(?:内设)?(?:科室|处室|股室|机构)")


def _name_run_on(text: str) -> tuple[str, str] | None:
    """A line closing with a unit's name and a colon, the name listed before it in the same line, right after a whole
    name closing that list (a page that lost the break between a sentence naming sections and the first section's
    heading: 「…内设项目一科、项目二科项目一科：」; not an addressee line's last name, 「…生态产业园区管委会、…工业园区管委会：」):
    (the sentence, the name)."""
    if not re.search(r"[：:]$", text):
        return None
    body = text.rstrip("：:")
    for k in range(min(20, len(body) // 2), 1, -1):  # the longest name repeated
        name, before = body[-k:], body[:-k]
        listed = re.split(r"[、，,]|内设|下设|设有", before)
        if len(listed) > 2 and name in listed and looks_like_unit(listed[-1]) and _owner(name):
            return before, name
    return None


def _duties_heading(text: str) -> bool:
    """「主要职责」, 「科室职能」: a short line naming duties (whose or none), a heading, never a sentence wrapped on."""
    return len(text) <= 20 and not re.search(r"[，,。；;、]", text) and names_duties(text)

_CIRCLED = re.compile(r"([①-⑳])")
# 「三、?职责分工(一)?市局…」: a page whose spaces after its numbers were lost in its encoding (a question mark for each)
_LOST_SPACE = re.compile(r"(?<=[、)）])[?？]+(?=[\u4e00-\u9fff“])")


def _counted_on(counted: re.Pattern, text: str) -> bool:
    """Numbers run onto one line one after another: from 1, or, a page cut from inside a document (its second page),
    from a later number after a stop (「…抽检。三、职责分工…。四、时间安排…」)."""
    numbers = [_own_number(m) for m in counted.findall(text)][:2]
    first = counted.search(text)
    return numbers == [1, 2] or len(numbers) == 2 and numbers[1] == numbers[0] + 1 and counted is _RUN_IN_PARTS \
        and first is not None and text[:first.start()].rstrip().endswith(("。", "；", ";", "：", ":"))


def _within(runs: list[str]) -> list[tuple[str, str]]:
    """(mark, piece) of each part run onto the line, a part's bracketed points run into it cut out as its own items
    (「三、职责分工(一)X负责…。(二)Y要…」): the part keeps its heading, each point follows under it."""
    out = []
    for mark, piece in zip(runs[1::2], runs[2::2]):
        inner = _RUN_IN_BRACKETED.split(piece) if _counted_on(_RUN_IN_BRACKETED, piece) else [piece]
        out += [(mark, inner[0])] + list(zip(inner[1::2], inner[2::2]))
    return out


# 「颁布《X规定》的通知」, 「X办公室关于印发…的通知」: a covering notice's title (a law site writes its issuer above it)
_NOTICE_TITLE = re.compile(r"^[^。，,；;：:]{0,40}?(?:关于|颁布|印发|转发)[^。，,；;：:]{2,80}?的通知")
_DATED = re.compile(r"[：:]\s*\d{4}[-年./]\d{1,2}[-月./]\d{1,2}日?$")  # 「发布时间：2023-03-10」: a dated label is whole
_COUNTED = re.compile(r"(?:(?<=[：:。；;，,])|^)([一二三四五六七八九十]{1,2}是)(?=[\u4e00-\u9fff“])")  # 「一是…。二是…」 in a line
# 「1.负责指导…。 2.负责协调…。」: duties numbered one after another in one cell or line, each after a full stop
_RUN_IN_NUMBERS = re.compile(r"(?:(?<=[。；;])\s*|^)(\d{1,2}[.．、])(?=[\u4e00-\u9fff“])")
# 「…通知如下:一、主要职责…。二、组成人员…」: parts run onto one line (a repost that lost its line breaks)
_RUN_IN_PARTS = re.compile(r"(?:(?<=[：:。；;])|^)([一二三四五六七八九十]{1,2}、)(?=[\u4e00-\u9fff“])")
# 「…责任目标(一)落实…。各乡镇要…。(二)严格控制…」: bracketed numbers run onto one line, even right after a heading
# without its full stop (a bracketed number mid-sentence, 「第三条（一）项」, is no run of 1, 2 …)
_RUN_IN_BRACKETED = re.compile(r"(?:(?<=[\u4e00-\u9fff：:。；;])|^)([(（][一二三四五六七八九十]{1,2}[)）])(?=[\u4e00-\u9fff“])")
# 「…自由贸易港。第四条各区应当…」, 「…。第二章管理体制第六条按照…」: a regulation's articles run onto one line, each
# after a full stop (a chapter's heading run in before one is left out): an article named mid-sentence follows no stop
_ARTICLE = r"第[一二三四五六七八九十百\d]{1,4}条(?=[\u4e00-\u9fff“])"
_ARTICLE_AFTER_STOP = re.compile(rf"(?<=[。；;])(?:第[一二三四五六七八九十百\d]{{1,4}}章[^，,。；;：:]{{2,12}}?)?{_ARTICLE}")
_RUN_IN_ARTICLES = re.compile(rf"(?:(?<=[。；;])|^)(?:第[一二三四五六七八九十百\d]{{1,4}}章[^，,。；;：:]{{2,12}}?)?({_ARTICLE})")
_RUN_IN_DUTIES = re.compile(rf"^(?P<heading>[^，,。；;：:]{{0,8}}?(?:{alternation(_LEX.duty_headings)}))(?=[\u4e00-\u9fff])")


def _duty_heading_run_in(piece: str) -> tuple[str, str]:
    """「主要职责负责普查的组织和领导…」, 「工作机构及其职责领导小组办公室设在…」: a duty heading run into what stands under
    it (a page that lost its line breaks), as the two lines they were; else no heading and the piece."""
    m = _RUN_IN_DUTIES.match(piece)
    rest = piece[m.end():] if m else ""
    if m and (_DUTY_OPENS.match(rest) or re.match(r"[^，,。]{2,20}?(?:设在|负责|承担)", rest)):
        return m["heading"], rest
    return "", piece


# 「镇创建卫生镇实施方案一、指导思想…」: a page's body run on after its title, which holds no stop and ends in its kind
_TITLE_RUN_IN = re.compile(rf"[^。，,；;：:！？]{{4,60}}{DOCUMENT_KINDS}")
_PART_MARK = re.compile(r"[一二三四五六七八九十]{1,2}、(?=[\u4e00-\u9fff“])")


def _chained_parts(text: str) -> list[str] | None:
    """「…通知如下:一、主要职责…。二、组成人员组长:…副参谋长三、工作机构…」: parts run onto one line, numbered 一、二、三
    in order, the first after a stop or a colon; a later one after a stop where one stands before the next number,
    else where that number first stands (a roster ends without its full stop). Split as `re.split` would."""
    marks, at = [], 0
    for want in range(1, 40):
        found = [m for m in _PART_MARK.finditer(text, at) if _own_number(m.group()) == want]
        stopped = [m for m in found if m.start() == 0 or text[m.start() - 1] in "：:。；;"
                   or want == 1 and _TITLE_RUN_IN.fullmatch(text[:m.start()])]
        m = (stopped or ([] if want == 1 else found) or [None])[0]
        if m is None:
            break
        marks.append(m)
        at = m.end()
    if len(marks) < 3:  # 一、 and 二、 alone after stops are _RUN_IN_PARTS' reading
        return None
    runs = [text[:marks[0].start()]]
    for m, after in zip(marks, marks[1:] + [None]):
        runs += [m.group(), text[m.end():after.start() if after else len(text)]]
    return runs


_HEADING_LENGTH = 25  # 「二、密切配合，迅速建立齐抓共管的工作机制」: a numbered heading, shorter than a wrapped line


def _unclosed(text: str) -> bool:
    """Text not ended by a closing mark (「…尽快销号。”」: a quotation closed after its full stop is closed too); a
    number alone on its line (「（一）」, its text empty) takes the next line. A covering notice's closing formula
    (「…印发给你们请认真贯彻执行」 on a page that lost its stops) ends its paragraph all the same."""
    end = text.rstrip("”’\"'")
    return not end or end[-1] not in _CLOSED and not _LEX.transmittal_end.search(end)


def _after_roster(last: str, text: str) -> bool:
    """A sentence of its own (clauses, closed by its stop) after a roster's lines (「组 长：刘雪萍 副市长」…), which hold
    names and posts and no sentence: not a line of the roster wrapped."""
    return roster_line(last) and bool(re.search(r"[，,]", text)) and text.rstrip("”’\"'")[-1:] in _CLOSED


def _heading_over(last: Item, text: str) -> bool:
    """A short numbered heading with no closing mark over a paragraph of whole sentences: two items, not one line
    wrapped (a wrapped item's first line runs the page's width)."""
    return last.numbered and 0 < len(last.text) <= _HEADING_LENGTH and len(text) > _HEADING_LENGTH \
        and text[-1] in _CLOSED


def _ends_in_a_unit(text: str) -> bool:
    """「…牵头责任部门：县卫健委」: a label whose list ends in a whole unit's name; the line after it is a paragraph of
    its own (a progress note), not the list wrapped onto the next line (「…：市发改委、市财」 + 「政局」)."""
    labels = list(LABEL_AT.finditer(text)) or list(RUN_IN_LABEL.finditer(text))
    if not labels:
        return False
    last = re.split(r"[、，,；;]", text[labels[-1].end():])[-1].strip()
    return looks_like_unit(last)


def _style(mark: str) -> str:
    """How an item is numbered, whatever its number: 「（3）」 → 「（1）」, 「二、」 → 「一、」."""
    return re.sub(r"[一二三四五六七八九十百]+", "一", re.sub(r"\d+", "1", re.sub(r"\s", "", mark)))


def pledge_signatory(text: str) -> str | None:
    """The units a 责任书 is signed with (「…与各村、各企业及相关单位签定本目标责任书」): the holders of its duties."""
    pledge = _PLEDGE.search(text)
    return pledge["units"] if pledge and clean(parse_units(pledge["units"])) else None

# 「（一）各县(区)政府工作责任」: the holders' name, then the words naming their duties
_HOLDERS_DUTIES = re.compile(r"(?<=[^\s：:，,。；;、])(?:的)?(?:工作责任|主要责任)$")
# 「县示范区管委会牵头工作（8项）」, 「市发改委负责的任务」: a task list grouped by its lead, each group headed by the
# unit, its verb of leading and the kind of work (its count after it); a body's own 「工作」 is no verb of leading
_LED_WORK = re.compile(r"(?<=[^\s：:，,。；;、])(?:牵头|负责)(?:的)?(?:工作|任务|事项)(?:清单)?"
                       r"(?:[(（]共?[\d一二三四五六七八九十]{1,4}项[)）])?$")


def holders_heading(text: str) -> bool:
    """「（一）各县(区)政府工作责任。」: a numbered heading naming the holders of the duties under it, and nothing else."""
    words = text[m.end():].strip().rstrip("。：:") if (m := _NUMBERING.match(text)) else ""
    return bool(_HOLDERS_DUTIES.search(words)) and _owner(words, lists=True) is not None


def unit_duties_heading(text: str) -> bool:
    """「（一）镇防汛工作领导小组职责」: a numbered heading naming one unit's duties (lexicon.yaml duty_headings), and
    nothing else: the items numbered under it are that unit's."""
    words = text[m.end():].strip().rstrip("。：:") if (m := _NUMBERING.match(text)) else ""
    return bool(_DUTY_HEADING.search(words)) and _owner(words) is not None


def lead_heading(text: str) -> bool:
    """「一、县示范区管委会牵头工作（8项）」: a numbered heading naming the lead of the tasks numbered under it."""
    words = text[m.end():].strip().removesuffix("。") if (m := _NUMBERING.match(text)) else ""  # 「1.农业部门。」 too
    return bool(_LED_WORK.search(words)) and _owner(words) is not None


def heading_lead(text: str) -> str | None:
    """「（一）省监察厅牵头的工作」: the unit a numbered heading names as the lead of the work under it, else None."""
    words = text[m.end():].strip().removesuffix("。") if (m := _NUMBERING.match(text)) else ""
    return _owner(words) if _LED_WORK.search(words) else None


def unit_heading(text: str) -> bool:
    """「（二）公安部门」, 「三、市财政局」: a numbered heading naming a unit alone (a roster by kinds of departments): the
    items or the paragraph under it are that unit's duties."""
    words = text[m.end():].strip().removesuffix("。") if (m := _NUMBERING.match(text)) else ""  # 「1.农业部门。」 too
    return bool(words) and not re.search(r"[，,。；;：:]", words) and _owner(words) == words  # (not 「X职责」)


def named_duties(text: str) -> bool:
    """「（四）卫生部门。按照…原则，做好…」: a numbered item opening with a unit's name as a sentence, its duties after."""
    run_in = _NUMBERED_NAME.match(text[m.end():].strip()) if (m := _NUMBERING.match(text)) else None
    return bool(run_in) and _owner(run_in["name"], lists=True) == run_in["name"] and names_work(run_in["rest"])


def duty_line(text: str) -> str | None:
    """「办公室职责：负责…」: the heading naming a unit's duties of a line holding its duties too, else None."""
    m = _DUTY_LINE.match(text.strip())
    return m["heading"] if m and _owner(m["heading"]) else None


def duty_paragraph(text: str) -> bool:
    """「负责…」: a paragraph that opens with its duty, its holder named above it."""
    return bool(_DUTY_OPENS.match(text.strip()))


# 「（设在市市场监管局）」, 「（含各园区）」, 「（以下简称领导小组）」: a bracket explaining a name, no other name of it
_EXPLAINS = re.compile(r"^(?:设在|设于|挂靠|含|包括|以下简称|简称|下设)")


def _other_plate(name: str) -> bool:
    """「秘书处(组织人事处)」: a name closing on the body's other plate in brackets, part of the name (truth rule 4)."""
    m = re.fullmatch(r"(?P<body>[^()（）]{2,30})[(（](?P<plate>[^()（）、，,]{2,20})[)）]", name)
    return bool(m) and looks_like_unit(m["body"]) and looks_like_unit(m["plate"]) \
        and not _EXPLAINS.match(m["plate"]) and not ROLE_WORD.search(m["plate"])


def _owner(text: str, lists: bool = False) -> str | None:
    """The unit a line names and nothing else, other names of it in a closing bracket with it (「综合办公室（党群工作部、
    监察室）」: one office with several 牌子, named so), or with `lists` (a numbered heading, a sentence of its own; not a
    line that may be a list wrapped from the line above) a short list of units (「市检察院、市中级人民法院。」, the first
    leading): the units whose work the items under it are. A heading naming the unit's duties (「X主要职责」,
    「X机构职能」) names the unit all the same; a closing bracket that is no name (「（设在市市场监管局）」) is left out."""
    listed = _listed_duties(text.strip())
    name = listed or _DUTY_HEADING.sub("", text.strip().rstrip("：:"))
    if name != text.strip().rstrip("：:") and _SECTIONS_KIND.fullmatch(name):
        return None  # 「科室职能」: the duties of the sections named below it, no unit's
    headed = listed or _HOLDERS_DUTIES.search(name)  # 「（一）各县(区)政府工作责任」: a heading naming whose duties follow
    name = _HOLDERS_DUTIES.sub("", name) if headed and not listed else name
    if not headed and (headed := _LED_WORK.search(name)):  # 「一、县示范区管委会牵头工作（8项）」: the tasks it leads follow
        name = name[:headed.start()]
    if not (PLATES.fullmatch(name) and looks_like_unit(name)) and not _other_plate(name):
        name = re.sub(r"[(（][^()（）]{2,60}[)）]$", "", name)
    if len(name) > 40 or re.match(r"^(?:各|有关|相关)", name) and not headed:
        return None  # (collectives own the items only under a heading saying so: 「各级党委和政府…责任主要包括：」)
    names = parse_units(name)
    if ROLE_WORD.search(name) and not (looks_like_unit(name) and names.lead == [name]):
        return None  # 「X、Y负责」 names units in a role; 「信息统筹组」 is one name with a role word inside
    if lists and len(names.lead + names.participants) > 1 and not names.flags and not names.leaders \
            and all(looks_like_unit(n) for n in names.lead + names.participants):
        return name
    plated = PLATES.fullmatch(name)
    if len(plated["body"] if plated else name) > 20 or is_person(name) or not looks_like_unit(name):
        return None
    return name
