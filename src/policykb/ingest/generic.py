"""The general reader: assignments read wherever they stand, with no layout to recognise.

The layout recognisers of `shapes` read the shapes they were taught; this reader knows only the grammar
(`lexicon.yaml` through `unitnames.parse_units`) and splits a document into items:
- an item starts at any numbering (一、 （一） 1. （1） ① 第X条 …), else at a paragraph ending its sentence;
  a line that opens with a label (牵头单位：, 完成时限： …) or is a bracketed note alone belongs to the item before;
  a table row is one item, each cell under a header word written as 「header：cell」 (a label | value pair too);
- a line naming units alone (「市卫生局」, 「（1）市林业局。」 when a duty follows it) owns the numbered items under it
  and the 「负责…」 paragraph right after it (any paragraph, where such lines and paragraphs alternate: a two-column
  list copied one cell a line); a roster run onto one line is cut at each such name; a duty heading
  (「主要职责」, 「其职责是：」) owns them for the body the document set up or defined before it (`holders`);
- a leader's portfolio line (「副县长王五：负责…」) is its government's work, the person its leader (`portfolios`);
  duties listed after a colon, one unit a 「；」 part, are each that unit's (`dutylists`);
- in each item: counts of tasks with their list (「有3项由X牵头，分别是A；B；C」: each task X's); then, in this
  order: labels (「牵头单位：X；配合单位：Y」; one that lost its colon when only units follow it) up to its end; notes
  in brackets of any kind with a role word or a label (each note closing the text before it); clauses of units
  closed by a role word (`prose`: 「由X牵头，Y、Z配合」, one note a sentence); sentences whose subject is a list of
  units (numbered items only, or any paragraph when the verb makes them lead or answer: 「X、Y将负责…」; in a numbered
  item, collectives alone before a verb the lexicon lacks too: 「各镇和相关单位抽调…，」; beside them, who bears a cost:
  「…经费由X分担」, `costs`); a closing
  bracket that holds only units (the first listed leads);
- the task is the item's text without its numbering and its notes; a time label's text is its deadline.
It guesses, so what it reads stays below the confident mark (`compose.CONFIDENT`) and the review says it read it.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace

from . import timing
from .asides import asides
from .category import label_role, lead_note, responsible_label, under_leads
from .costs import with_costs
from .clauses import (assigned_subjects, assisted, collective, collective_subjects, colon_line, founded_with_duty,
                      listed_subjects, partners_with, subject_clauses)
from .holders import duty_heading, holders_duties, names_duties, post_duties, sets_duties
from .dutylists import duty_list
from .lexicon import alternation, is_person, lexicon
from .meta import DOCUMENT_KINDS, date_of
from .outline import mark_number as _own_number
from .portfolios import head_by_name, portfolio
from .prose import OPENER, clean, own_parts, prose_notes
from .columns import ROLE_LABEL, column_role
from .shapes import LEADER_HEADING, Candidate, closing_deadline, topic_only
from .source import Block
from .unitnames import PLATES, UnitList, looks_like_unit, parse_units

GENERAL_ONLY = "POLICYKB_IMPORT_GENERAL_ONLY"  # set to 1: the layout recognisers are off (bench/import_quality.py)
SHAPE = "general"

_LEX = lexicon()
_NUMBERING = re.compile(r"^\s*(?:第[一二三四五六七八九十百\d]{1,4}[条项章节部分]\s*|[一二三四五六七八九十]{1,3}\s*[、．.]\s*"
                        r"|[(（][一二三四五六七八九十\d]{1,3}[)）]\s*[、．.]?\s*|\d{1,3}(?:\.\d{1,3})*\s*[.．、﹒](?!\d)\s*"
                        r"|[①-⑳⑴-⒇]\s*)")
_ROLE_WORD = re.compile(alternation({*_LEX.verbs, *_LEX.joiners, *_LEX.labels}))
_LABEL_AT = re.compile(rf"(?:^|(?<=[。；;，,\s|]))(?:{alternation(_LEX.labels)})\s*[：:]")
# 「（一）适龄女生疫苗接种牵头责任部门：县卫健委」: a heading run straight into its label, no separator; only a
# label naming a kind of body (…单位, …部门) is taken so, being no word a task's own text would end in
_RUN_IN_LABEL = re.compile(rf"(?<=[^\s。；;，,|：:])(?:{alternation(w for w in _LEX.labels if len(w) >= 4 and re.search('(?:单位|部门|單位|部門)$', w))})\s*[：:]")
# 「…整治活动责任单位各社区居委会、驻辖区单位」: a page that lost its colons; such a label counts only when all that
# follows it to the item's end, other such labels aside, is units
_BARE_LABEL = re.compile(alternation(w for w in _LEX.labels if len(w) >= 4 and re.search('(?:单位|部门|單位|部門)$', w)))
_TIME_WORDS = alternation(_LEX.columns["deadline"])
_PAGE_RECORD = re.compile(rf"^(?:{alternation(_LEX.page_labels)})")
_TIME_AT = re.compile(rf"(?:^|(?<=[。；;，,\s|]))(?:{_TIME_WORDS})\s*[：:]\s*(?P<time>[^；;。|]*)")
# 「责任单位」 on a line of its own, its value on the next (a form copied one cell a line): read as 「责任单位：…」
_LABEL_ALONE = re.compile(rf"(?P<label>{alternation(_LEX.labels)}|{_TIME_WORDS})\s*[：:]?")
_TIME_ALONE = re.compile(_TIME_WORDS)
_TASK_ALONE = re.compile(rf"(?:{alternation(_LEX.columns['task'])})\s*[：:]?")
_LINE_OPENS = re.compile(rf"^(?:{alternation(_LEX.labels)}|{_TIME_WORDS})\s*[：:]")
_BRACKETS = re.compile(r"[(（](?P<r>(?:[^()（）]|[(（][^()（）]{1,20}[)）]){2,300})[)）]|〔(?P<t>[^〔〕]{2,300})〕"
                       r"|【(?P<l>[^【】]{2,300})】|\[(?P<s>[^\[\]]{2,300})\]")
_NOT_NOTE = re.compile(r"^(?:以下简称|简称|含|下同|试行|暂行|草案|征求意见稿)")
_LEADING_TIME = re.compile(r"^(?P<time>[^，,；;：:]{2,20}?)[，,；;]\s*")  # 「（2024年底前，X负责）」: a time before the units
_VERB = alternation(_LEX.verbs)
_CLOSED = "。！？；;：:"
# 「有3项由X牵头，分别是A；B；C。」: a count of tasks, their units, then the tasks (lexicon.yaml enumeration_intros)
_ENUMERATION = re.compile(rf"(?:有|其中)?[\d一二三四五六七八九十]{{1,3}}项(?:工作|任务)?{OPENER}由(?P<note>[^，,；;。]{{2,80}}?"
                          rf"(?:{_VERB}))[，,：:]?(?:{alternation(_LEX.enumeration_intros)})[：:]?(?P<list>[^。]+)")
_PIECE = re.compile(r"[^，,、；;：:\s()（）]{4,16}")
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
        if looks_like_unit(name) and not _ROLE_WORD.search(name) and _strong_end(name):
            return name
    return None


def _strong_end(name: str) -> bool:
    """A name ending as only a body's does: a suffix of two characters or more (政府, 委员会), or a body's one-character
    ending (局, 委, 办 …); 「…党委和政府乡村」 ends in a topic's word (村), however it reads."""
    return name[-1] in _LEX.body_ends or any(len(s) > 1 and name.endswith(s) for s in _LEX.unit_suffixes)
# a gazetteer's or a roster's paragraph opening with the unit's name, a space, then what the unit is and does
_RUN_IN_NAME = re.compile(r"^(?P<name>[^\s，,。；;：:、()（）]{2,20})[ \u3000]+(?P<rest>[^\s].{9,})$")  # rest: sentences
# a 责任书's signatory: 「…与X签定（签订）本责任书」; the requirements it lists are X's
_PLEDGE = re.compile(r"与(?P<units>[^，,。；;：:与]{2,30}?)(?:共同)?签[定订](?:了)?(?:本|此|这份)?(?:目标)?责任书")
_DUTY_OPENS = re.compile(rf"^(?:{alternation(_LEX.duty_openers)})")
# 「…职责如下：县环保局。负责…。县交通局、公路局。负责…」: a roster run onto one line, each unit's name a sentence of
# its own right before its duty
_NAME_SENTENCE = re.compile(rf"(?<=[。：:；;])[^。：:；;，,]{{2,40}}。(?={_DUTY_OPENS.pattern[1:]})")


def _part_post(m: re.Match) -> str:
    """「分管副县长王五」: a leader's post (lexicon.yaml people) before a person's name; the name is kept."""
    piece = m.group()
    for k in range(2, len(piece) - 1):
        if _LEX.post.search(piece[:k]) and is_person(piece[k:]) and not looks_like_unit(piece):
            return piece[k:]
    return piece


def _parse(note: str, known: tuple[str, ...]) -> UnitList:
    """parse_units, a post and the name after it read as one leader (the name kept)."""
    parted, when = _PIECE.sub(_part_post, note), ""
    if (m := _LEADING_TIME.match(parted)) and any(f.phrase == m["time"] for f in timing.find(m["time"], 2000)):
        parted, when = parted[m.end():], m["time"]
    units = parse_units(parted, known)
    units.as_written, units.rest = note, units.rest or when
    return units


@dataclass
class _Item:
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


def general_only() -> bool:
    """The layout recognisers are off: only this reader reads (a proxy for documents never seen)."""
    return os.environ.get(GENERAL_ONLY, "") not in ("", "0")


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


def items_of(blocks: list[Block]) -> list[_Item]:
    items: list[_Item] = []
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
                and not _LINE_OPENS.match(line.strip()) and not _NUMBERING.match(line.strip()):
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
            if text and items and items[-1].table == table and _LINE_OPENS.match(text):
                items[-1].text += "；" + text  # a form's label row: the item above it
            elif text:
                items.append(_Item(text, block.where, number, number is not None, table))
            continue
        text = line.strip()
        if not text or _PAGE_RECORD.match(text) and len(text) <= 60 and "。" not in text:
            continue  # 「发文日期2005年09月16日」: the page's record of the document, no paragraph of it
        runs, parts = _CIRCLED.split(text), False
        for counted in (_COUNTED, _RUN_IN_NUMBERS, _RUN_IN_PARTS, _RUN_IN_BRACKETED):
            if len(runs) <= 2 and [_own_number(m) for m in counted.findall(text)][:2] == [1, 2]:
                runs, parts = counted.split(text), counted is _RUN_IN_PARTS
        if len(runs) <= 2 or parts:
            runs = _chained_parts(text) or runs
        if len(runs) > 2:  # 「①…；②…；③…」, 「指出：一是…。二是…。」: tasks numbered one after another on one line
            if head := runs[0].strip("：:；; "):
                items.append(_Item(head, block.where, None, False))
            for mark, piece in zip(runs[1::2], runs[2::2]):
                heading, piece = _duty_heading_run_in(piece.strip("；; "))
                items += [_Item(words, block.where, _own_number(mark) if numbered else None, numbered,
                                style=("①" if _CIRCLED.match(mark) else _style(mark)) if numbered else "")
                          for words, numbered in ((heading, True), (piece, not heading)) if words]
                if not heading and (held := portfolio(piece)):  # 「…(二)县教育体育局局长…责任:负责…」 run on
                    items[-1].text, items[-1].portfolio = held[2], held[:2]
            continue
        mark = _NUMBERING.match(text)
        if not mark and (held := head_by_name(text, whole)):  # 「…，李四全面负责各项工作」, 省长李四 named before
            items.append(_Item(held[2], block.where, None, False, portfolio=held[:2]))
            continue
        if held := portfolio(text[mark.end():] if mark else text, level):  # 「副县长王五：负责…」
            government, leader, duty = held
            level = government[0]
            items.append(_Item(duty, block.where, _own_number(mark.group()) if mark else None, bool(mark),
                               style=_style(mark.group()) if mark else "", portfolio=(government, leader)))
            continue
        if not mark and (pledged := pledge_signatory(text)):
            # 「镇政府与各村（社区）签定本责任书。有关责任要求如下：」: the requirements below are the signatory's
            items.append(_Item(pledged, block.where, None, False, owner=pledged))
        if not mark and (run_in := _RUN_IN_NAME.match(text)) and _owner(run_in["name"]) \
                and not _LINE_OPENS.match(run_in["rest"]) and re.search(r"[，,。；;]", run_in["rest"]):
            # 「土地规划建设处 1993年成立，……负责辖区内土地开发」: the unit's name as a run-in heading, its paragraph after it
            items.append(_Item(run_in["name"], block.where, None, False, owner=_owner(run_in["name"])))
            items.append(_Item(run_in["rest"], block.where, None, False, duty=True))
            continue
        if not mark and (run_on := _name_run_on(text)):
            # 「X内设项目一科、项目二科项目一科：」: a sentence listing sections, the first one's heading run onto it
            items.append(_Item(run_on[0], block.where, None, False))
            items.append(_Item(run_on[1], block.where, None, False, owner=_owner(run_on[1])))
            continue
        if items and items[-1].named and not _DUTY_OPENS.match(text):
            items[-1].owner = None  # 「上半年开工建设市儿童医院。」: a short task ending like a unit, no duty after it
        named = text.endswith("。") and not _owner(text[mark.end():] if mark else text)
        if owner := _owner((text[mark.end():] if mark else text).removesuffix("。") if named else
                           (text[mark.end():] if mark else text), lists=bool(mark) or named):
            items.append(_Item(text[mark.end():].strip() if mark else text, block.where,
                               _own_number(mark.group()) if mark else None, bool(mark),
                               style=_style(mark.group()) if mark else "", owner=owner, named=named))
            continue
        last = items[-1] if items and items[-1].table is None else None
        alone = _BRACKETS.fullmatch(text.rstrip("。")) and _ROLE_WORD.search(text)
        if not mark and last and _LINE_OPENS.match(text):
            last.text += ("；" if last.text and _unclosed(last.text) else "") + text  # a label line after its item
        elif not mark and last and alone:
            items.append(_Item(text, block.where, None, False, note_only=True))
        elif not mark and last and not last.owner and _unclosed(last.text) and len(text) < 200 \
                and not _ends_in_a_unit(last.text) and not _duties_heading(last.text) and not _heading_over(last, text) \
                and not _DATED.search(last.text) and not date_of(last.text):
            last.text += text  # a line wrapped in the middle of its sentence (a signature's date alone is whole)
        elif mark:
            items.append(_Item(text[mark.end():].strip(), block.where, _own_number(mark.group()), True,
                               style=_style(mark.group())))
        else:
            items.append(_Item(text, block.where, None, False,
                               duty=bool(last and last.owner and _DUTY_OPENS.match(text))))
    if items and items[-1].named:
        items[-1].owner = None
    for item, after in zip(items, items[1:]):
        if item.owner and not item.numbered and (after.text.startswith("关于") or date_of(after.text)):
            item.owner = None  # a 版头's issuer over 「关于…的通知」, or a signature over its date: no list's unit
    _paired_duties(items)
    return holders_duties(items)


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


def _paired_duties(items: list[_Item]) -> None:
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
             and not (items[i].numbered and _LABEL_AT.search(items[i + 1].text))
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


def _article_paragraphs(items: list[_Item], known: tuple[str, ...]) -> None:
    """「第四条 …关闭由所在区人民政府负责。」「市环境保护行政主管部门应当加强…」: in a text of articles, an unnumbered
    paragraph after an article (up to the next numbered item) that opens with a unit doing something is that
    article's next paragraph, numbered with it (not a covering notice's requirement)."""
    article = None
    for item in items:
        if item.numbered:
            article = item if item.style == "第一条" else None
        elif article and item.table is None and not item.owner and not item.note_only \
                and _opens_with_subject(item, known, numbered=True):
            item.numbered, item.number, item.style = True, article.number, article.style


_CIRCLED = re.compile(r"([①-⑳])")
_DATED = re.compile(r"[：:]\s*\d{4}[-年./]\d{1,2}[-月./]\d{1,2}日?$")  # 「发布时间：2023-03-10」: a dated label is whole
_COUNTED = re.compile(r"(?:(?<=[：:。；;，,])|^)([一二三四五六七八九十]{1,2}是)(?=[\u4e00-\u9fff“])")  # 「一是…。二是…」 in a line
# 「1.负责指导…。 2.负责协调…。」: duties numbered one after another in one cell or line, each after a full stop
_RUN_IN_NUMBERS = re.compile(r"(?:(?<=[。；;])\s*|^)(\d{1,2}[.．、])(?=[\u4e00-\u9fff“])")
# 「…通知如下:一、主要职责…。二、组成人员…」: parts run onto one line (a repost that lost its line breaks)
_RUN_IN_PARTS = re.compile(r"(?:(?<=[：:。；;])|^)([一二三四五六七八九十]{1,2}、)(?=[\u4e00-\u9fff“])")
# 「…责任目标(一)落实…。各乡镇要…。(二)严格控制…」: bracketed numbers run onto one line, even right after a heading
# without its full stop (a bracketed number mid-sentence, 「第三条（一）项」, is no run of 1, 2 …)
_RUN_IN_BRACKETED = re.compile(r"(?:(?<=[\u4e00-\u9fff：:。；;])|^)([(（][一二三四五六七八九十]{1,2}[)）])(?=[\u4e00-\u9fff“])")
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
    number alone on its line (「（一）」, its text empty) takes the next line."""
    end = text.rstrip("”’\"'")
    return not end or end[-1] not in _CLOSED


def _heading_over(last: _Item, text: str) -> bool:
    """A short numbered heading with no closing mark over a paragraph of whole sentences: two items, not one line
    wrapped (a wrapped item's first line runs the page's width)."""
    return last.numbered and 0 < len(last.text) <= _HEADING_LENGTH and len(text) > _HEADING_LENGTH \
        and text[-1] in _CLOSED


def _ends_in_a_unit(text: str) -> bool:
    """「…牵头责任部门：县卫健委」: a label whose list ends in a whole unit's name; the line after it is a paragraph of
    its own (a progress note), not the list wrapped onto the next line (「…：市发改委、市财」 + 「政局」)."""
    labels = list(_LABEL_AT.finditer(text)) or list(_RUN_IN_LABEL.finditer(text))
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


# 「县长(分管副县长)控辍保学责任:」: whose duties and what about, run in before them (the duties read after it)
_DUTIES_RUN_IN = re.compile(r"^[^，,。；;：:]{2,30}?(?:责任|职责)[：:]")
# 「（一）各县(区)政府工作责任」: the holders' name, then the words naming their duties
_HOLDERS_DUTIES = re.compile(r"(?<=[^\s：:，,。；;、])(?:的)?(?:工作责任|主要责任)$")


def holders_heading(text: str) -> bool:
    """「（一）各县(区)政府工作责任。」: a numbered heading naming the holders of the duties under it, and nothing else."""
    words = text[m.end():].strip().rstrip("。：:") if (m := _NUMBERING.match(text)) else ""
    return bool(_HOLDERS_DUTIES.search(words)) and _owner(words, lists=True) is not None


def duty_paragraph(text: str) -> bool:
    """「负责…」: a paragraph that opens with its duty, its holder named above it."""
    return bool(_DUTY_OPENS.match(text.strip()))


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
    if not (PLATES.fullmatch(name) and looks_like_unit(name)):
        name = re.sub(r"[(（][^()（）]{2,60}[)）]$", "", name)
    if len(name) > 40 or re.match(r"^(?:各|有关|相关)", name) and not headed:
        return None  # (collectives own the items only under a heading saying so: 「各级党委和政府…责任主要包括：」)
    names = parse_units(name)
    if _ROLE_WORD.search(name) and not (looks_like_unit(name) and names.lead == [name]):
        return None  # 「X、Y负责」 names units in a role; 「信息统筹组」 is one name with a role word inside
    if lists and len(names.lead + names.participants) > 1 and not names.flags and not names.leaders \
            and all(looks_like_unit(n) for n in names.lead + names.participants):
        return name
    plated = PLATES.fullmatch(name)
    if len(plated["body"] if plated else name) > 20 or is_person(name) or not looks_like_unit(name):
        return None
    return name


# A working group (「二、宣传舆情组」, 「总指挥部」, 「X工作专班」) heading its items: the units its items name under a
# 责任单位 or 成员单位 label are its members, taking part in the group's work, which the group leads
_GROUP = re.compile(r"(?:组|指挥部|专班)$")
GROUP_LEADS = "group from heading, its listed units members"


def _group_members(group: str, units: UnitList, leaders: list[str]) -> UnitList:
    if label_role(units) not in ("responsible", "participant") or group in units.lead:
        return units
    return replace(units, lead=[group], participants=[n for n in units.lead + units.participants if n != group],
                   mode="first", how="heading", leaders=[*leaders, *(p for p in units.leaders if p not in leaders)],
                   flags=[GROUP_LEADS, *units.flags])


def _duty_partners(duty: str, known: tuple[str, ...]) -> UnitList | None:
    """The units a unit's duty works with, at its opening or at a later 「；」 part's (「负责…；会同X和Y，对…进行检查」)."""
    return next((found for part in re.split(r"[；;]", duty) if (found := partners_with(part.strip(), known))), None)


def _labelled_people(text: str) -> list[str]:
    """The people an item names after a leader's label (「负责人：符海青」, 「责任人：王五」): a name, no unit's."""
    lex = lexicon()
    return [m["who"] for m in re.finditer(rf"{lex.label.pattern}\s*(?P<who>[\u4e00-\u9fff]{{2,4}})(?=[，,。；;\s]|$)", text)
            if lex.labels[m["label"]] == "leader" and not looks_like_unit(m["who"])]


_LOCAL_BODY = re.compile(r"(?:镇|乡|街道|街道办事处|街道办|村|社区)(?:人民政府|委员会|村委会|居委会)?$")  # a place's own body


def _owner_units(name: str, known: tuple[str, ...]) -> UnitList:
    """The units of a line naming them alone, as the lead of an item under it (a list's first leads; a list of
    collectives, 「各村、各企业及相关单位」, or of towns and streets, 「某镇、各街道办事处」, each its own share in its own
    area)."""
    units = parse_units(name, known) if len(parse_units(name).lead + parse_units(name).participants) > 1 \
        else UnitList(name, lead=[name])
    names = units.lead + units.participants
    if units.participants and all(collective(n) or _LOCAL_BODY.search(n) for n in names):
        units.lead, units.participants, units.mode = names, [], "separate"
    units.how, units.flags = "heading", ["unit from heading"]
    return units


def _labels(text: str, known: tuple[str, ...]) -> list[tuple[int, int, UnitList]]:
    inside = [m.span() for m in _BRACKETS.finditer(text)]  # a label in brackets is a bracketed note's
    outside = lambda m: not any(s < m.start() < e for s, e in inside)  # noqa: E731
    if m := next((m for m in _LABEL_AT.finditer(text) if outside(m)), None) \
            or next((m for m in _RUN_IN_LABEL.finditer(text) if outside(m) and m.start() >= 4), None):
        units = _parse(text[m.start():], known)
        opens = m.start() == 0 or text[m.start() - 1] in "。；;"
        if clean(units) or units.lead and opens and _LINE_OPENS.match(text[m.start():]):
            # a label opening its line or sentence says outright that units follow: a name among them that reads as
            # none (「智创园」, 「公安市场监管」) is left out and flagged, not the whole task
            return [(m.start(), len(text), units)]
    for m in _BARE_LABEL.finditer(text):
        tail = text[m.start():].rstrip("。；; ")
        if m.start() < 4 or not outside(m) or re.search(r"[。！？：:]", tail) or text[m.start() - 1] == "各":
            continue  # 「各牵头单位于2月底前报送」: a collective subject, no label
        units = _parse(_BARE_LABEL.sub(lambda w: w.group() + "：", tail), known)
        if clean(units) and not units.flags and not units.leaders \
                and all(n in known or looks_like_unit(n) for n in units.lead + units.participants):
            return [(m.start(), len(text), units)]
    return []


def _bracketed(text: str, known: tuple[str, ...]) -> list[tuple[int, int, UnitList]]:
    out = []
    for m in _BRACKETS.finditer(text):
        inner = next(g for g in m.groups() if g is not None)
        at_end = not text[m.end():].strip("。；; ")
        if _NOT_NOTE.match(inner) or not (_ROLE_WORD.search(inner) or at_end):
            continue
        units = _parse(inner, known)
        if clean(units) and (units.how != "bare" or at_end):
            out.append((m.start(), m.end(), units))
    return out


def _unit_cell(text: str, known: tuple[str, ...]) -> list[tuple[int, int, UnitList]]:
    """A row's cell holding only names of units (no header says their role): the first listed leads."""
    start = 0
    for cell in text.split("；"):
        units = parse_units(cell, known)
        if start and clean(units) and not units.flags and not units.leaders and not column_role(cell):
            return [(start, start + len(cell), units)]  # (「责任科室」: a header's column word names no unit)
        start += len(cell) + 1
    return []


# 「“新建口袋公园”（市园林局）」: a quoted project and, right after it, a bracket naming only its units
_QUOTED = re.compile(r"“(?P<task>[^“”]{2,60})”[(（](?P<units>[^()（）]{2,60})[)）]")


def _quoted(text: str, known: tuple[str, ...]) -> tuple[str, list[tuple[str, UnitList, str]]]:
    """The text without its quoted projects that a bracket assigns, and those projects as tasks."""
    found = []
    for m in _QUOTED.finditer(text):
        units = parse_units(m["units"], known)
        if clean(units) and not units.flags and all(n in known or looks_like_unit(n) for n in units.lead + units.participants):
            found.append((m.span(), task_text(m["task"]), units))
    for (s, e), *_ in reversed(found):
        text = text[:s] + text[e:]
    return text, [(task, units, "") for _, task, units in found]


def _enumerations(text: str, known: tuple[str, ...]) -> tuple[str, list[tuple[str, UnitList, str]]]:
    """The text without its enumerations, and their tasks: 「有3项由X牵头，分别是A；B；C」 is A, B and C, each X's."""
    found = []
    for m in _ENUMERATION.finditer(text):
        units = parse_units(m["note"], known)
        if not clean(units) or not all(n in known or looks_like_unit(n) for n in units.lead + units.participants):
            continue
        for task in re.split(r"[；;]", m["list"]):
            if len(task.strip("，,、 ")) >= 4:
                found.append((m.span(), task_text(task), parse_units(m["note"], known)))
    for (s, e) in sorted({span for span, *_ in found}, reverse=True):
        text = text[:s] + text[e:]
    return text, [(task, units, units.rest) for _, task, units in found]


def task_text(text: str) -> str:
    text = re.sub(r"[，,；;、\s]*([。；;，,])[，,；;、\s。]*", r"\1", text)
    text = re.sub(r"^[，,；;。、:：\s]+|[，,；;、:：\s|]+$", "", text)
    return text if not text or text[-1] in "。！？" else text + "。"


def _confidence(units: UnitList, registered: set[str]) -> float:
    """A guess: below the confident mark whatever the evidence; lower for a bare list or unknown names."""
    registered = all(n in registered for n in units.lead + units.participants)
    return {"label": 0.8 if registered else 0.75, "verb": 0.8 if registered else 0.7}.get(units.how, 0.6)  # bare, subject


def read_item(item: _Item, known: tuple[str, ...]) -> list[tuple[str, UnitList, str]]:
    """(task text, units, deadline text) for each task an item holds; none when it names no unit in a role."""
    if item.portfolio:
        government, leader = item.portfolio
        return [(task_text(item.text), UnitList(leader, lead=[government], leaders=[leader], how="heading"),
                 closing_deadline(item.text))]
    text, listed = _enumerations(item.text, known)
    text, quoted = _quoted(text, known)
    listed += quoted
    deadline = ""
    if m := _TIME_AT.search(text):
        text, deadline = text[:m.start()] + text[m.end():], m["time"].strip()
    notes = _labels(text, known) or _bracketed(text, known)
    if not notes and item.numbered and (held := colon_line(text, known, numbered=True)):
        # 「（一）各级人民政府：对…负主要责任，…主要领导负总责」: the holder before the colon, whoever its clauses name
        return [(task_text(held[0]), held[1], deadline or closing_deadline(text))]
    in_prose = not notes and bool(notes := prose_notes(text, known))  # 「区交运局牵头，梳理…」: part of a sentence
    notes = notes or (_unit_cell(text, known) if item.table else [])
    if listed:
        return [t for t in read_item(_Item(text, item.where, item.number, item.numbered, item.table), known)
                if notes] + listed
    if not notes and (listed := duty_list(text, known)):  # 「…压实各部门职责:住建局统筹…;应急局严管…」
        return [(task_text(part), units, when or closing_deadline(part)) for part, units, when in listed]
    if not notes and (item.numbered or item.subject_led):  # 「X要…」: a sentence whose subject is a list of units; one alone is the item's
        found = subject_clauses(text, known, numbered=True) \
            or (collective_subjects(text, known) or listed_subjects(text, known) if item.numbered else [])
        if not found and (run_in := _DUTIES_RUN_IN.match(text)):  # 「县长控辍保学责任:根据…，县级人民政府是…」
            found = subject_clauses(text[run_in.end():], known, numbered=True)
        found = with_costs(found, text, known)  # 「…所需经费由省、市、县三级财政按照…比例分担」: who bears a cost
        deadline = deadline or closing_deadline(text)
        for _, units in found:
            units.how = "by" if units.how == "by" else "subject"
        if len(found) == 1:
            return [(task_text(text), found[0][1], deadline)]
        return [(task_text(clause), units, deadline) for clause, units in found]
    if not notes:  # 「X、Y牵头实施…」 in any paragraph: a subject that leads is assigned, not asked
        found = assigned_subjects(text, known)
        if not found and (founded := founded_with_duty(text, known)):  # 「成立X领导小组，负责…」: the body set up
            return [(task_text(clause), units, deadline or closing_deadline(clause)) for clause, units in founded]
        if len(found) == 1:
            return [(task_text(text), found[0][1], deadline or closing_deadline(text))]
        return [(task_text(clause), units, deadline or closing_deadline(clause)) for clause, units in found]
    later: list[tuple[str, UnitList, str]] = []
    earlier: list[tuple[str, UnitList, str]] = []
    if in_prose:  # 「区交运局牵头，梳理…。各镇(办)要找出…」: a later sentence with a subject of its own is its task
        text, later = _own_subject_after(text, max(e for _, e, _ in notes), known)
        # 「…。各局委要明确任务，…。门前三包任务由各镇(办)负责实施。」: and an earlier one
        text, earlier, notes = _own_subject_before(text, notes, known)
    out, start = [], 0
    for s, e, units in notes:
        if units is None:  # a later clause of a prose note: cut from the text, read with the first
            text = text[:s] + "\0" * (e - s) + text[e:]
    notes = [n for n in notes if n[2] is not None]
    if (own := own_parts(text, notes)) is not None:  # several sentences, each with its units: each its note's task
        return [(task_text(piece), u, deadline or u.rest or closing_deadline(piece)) for piece, u in own
                if task_text(piece)]
    for s, e, units in notes:
        if len(notes) > 1:  # several notes: each closes the text before it
            piece = text[start:s]
            start = e
        else:
            piece = text[:s] + text[e:]
            if in_prose and "\0" not in text and text[e:].strip("。；;，, ") \
                    or units.how == "verb" and topic_only(text, s, piece):
                # a note inside its sentence keeps the sentence's wording as written (「区交运局牵头，梳理…」, 「…，由X牵头，
                # 全力推进…」); a closing 「，由X负责。」 is cut as a bracketed note is, but 「道路等公共区域，由X负责。」
                # keeps its duty
                piece = text
        out.append((piece, units, deadline or units.rest))
    if out and start and (tail := text[start:].strip("。；; ")):
        piece, units, when = out[-1]
        out[-1] = (piece + "。" + tail, units, when)
    return earlier + [(task_text(p.replace("\0", "")), u, d) for p, u, d in out if task_text(p.replace("\0", ""))] \
        + later


def _own_subject_before(text: str, notes: list, known: tuple[str, ...]) -> tuple[str, list, list]:
    """The sentences before the first note that open with a subject of their own, each its task (the sentences
    after one naming nobody go with it), cut from the text; the notes' places moved to match."""
    first = min(s for s, _, _ in notes)
    tasks: list[tuple[str, UnitList, str]] = []
    spans = []
    for sentence in re.finditer(r"[^。！？]+[。！？]", text[:first]):
        if units := _opening_subject(sentence.group(), known):
            tasks.append((task_text(sentence.group()), units, closing_deadline(sentence.group())))
            spans.append(list(sentence.span()))
        elif tasks and spans[-1][1] == sentence.start():
            piece, units, when = tasks[-1]
            tasks[-1] = (task_text(piece + sentence.group()), units, when)
            spans[-1][1] = sentence.end()
    for _, units, _ in tasks:
        units.how = "subject"
    for a, b in reversed(spans):
        text = text[:a] + text[b:]
        notes = [(s - (b - a), e - (b - a), u) for s, e, u in notes]
    return text, tasks, notes


def _own_subject_after(text: str, end: int, known: tuple[str, ...]) -> tuple[str, list[tuple[str, UnitList, str]]]:
    """The text up to the first sentence after `end` (the last note) that opens with a subject of its own, and
    that sentence and those after it, each with its subject, as tasks (a sentence naming nobody goes with the last)."""
    tasks: list[tuple[str, UnitList, str]] = []
    cut = None
    for sentence in re.finditer(r"[^。！？]+[。！？]?", text):
        if sentence.start() < end:
            continue
        if units := _opening_subject(sentence.group(), known):
            cut = sentence.start() if cut is None else cut
            tasks.append((task_text(sentence.group()), units, closing_deadline(sentence.group())))
        elif tasks:
            piece, units, when = tasks[-1]
            tasks[-1] = (task_text(piece + sentence.group()), units, when)
    for _, units, _ in tasks:
        units.how = "subject"
    return (text if cut is None else text[:cut]), tasks


def _opening_subject(text: str, known: tuple[str, ...], numbered: bool = True) -> UnitList | None:
    """The units of a text's first clause when it opens the text with them as its subject (「X要…」)."""
    found = subject_clauses(text, known, numbered=numbered)
    return found[0][1] if found and text.lstrip().startswith(found[0][0]) else None


def _opens_with_subject(item: _Item, known: tuple[str, ...], numbered: bool) -> bool:
    return _opening_subject(item.text, known, numbered) is not None


def _mark_subject_led(items: list[_Item], known: tuple[str, ...]) -> None:
    """A document written as paragraphs that each open with a unit doing something (「区住建局负责…」, 「公安部门要…」),
    no numbering: each paragraph is its unit's share. Taken so when at least three do, and at least half of the
    unnumbered paragraphs (a notice's odd 「X要…」 sentence among others is a requirement, not a division of work);
    collectives alone (各地要…) do not count towards that, but a paragraph of theirs among the others is read."""
    plain = [i for i in items if not i.numbered and i.table is None and not i.owner and not i.note_only]
    opening = [i for i in plain if _opens_with_subject(i, known, numbered=False)]
    if len(opening) >= 3 and 2 * len(opening) >= len(plain):
        for item in plain:
            item.subject_led = _opens_with_subject(item, known, numbered=True)


def _heading(item: _Item) -> bool:
    return item.numbered and len(item.text) <= 40 and not re.search(r"[，,；;]|。.", item.text)


def _depths(items: list[_Item]) -> dict[str, int]:
    """Each numbering's level: one first met later is deeper (一、 then （一） then 1.)."""
    depth: dict[str, int] = {}
    for item in items:
        if item.numbered:
            depth.setdefault(item.style, len(depth))
    return depth


def _groups(items: list[_Item], known: tuple[str, ...],
            depth: dict[str, int]) -> list[tuple[_Item | None, list[tuple[_Item, list]]]]:
    """The items under each heading, each with what it reads."""
    out: list[tuple[_Item | None, list[tuple[_Item, list]]]] = [(None, [])]
    for i, item in enumerate(items):
        found = [] if item.owner else read_item(item, known)
        below = next((later.style for later in items[i + 1:] if later.numbered), None)
        deeper = below is not None and depth[below] > depth.get(item.style, len(depth))
        # a heading has deeper items below it: a short item before its siblings, or before a higher level, is none
        if not found and _heading(item) and deeper:
            out.append((item, []))
        elif deeper and _leads_below(item, found, items[i + 1:], known):
            # 「一、整治提升村容村貌（X、Y牵头）」 over items with notes of their own: a category whose leads lead them
            out.append((replace(item, text=found[0][0].rstrip("。"), leads=found[0][1]), []))
        else:
            out[-1][1].append((item, found))
    return out


def _leads_below(item: _Item, found: list, after: list[_Item], known: tuple[str, ...]) -> bool:
    """A numbered heading whose one note makes units lead (牵头, 牵头单位), its next item below naming units of its
    own under a 责任单位 label: a category whose leads lead the items under it."""
    if not item.numbered or len(found) != 1 or not lead_note(found[0][1]) or len(found[0][0]) > 40:
        return False
    first = next((later for later in after if later.numbered), None)
    return first is not None and any(responsible_label(units) for _, units, _ in read_item(first, known))


def _gather(members: list[tuple[_Item, list]], known: tuple[str, ...], head: _Item | None) -> list[tuple[_Item, list]]:
    """A note standing alone assigns the items without notes just before it: one item, or a group read as one task
    (under its heading when the group is all the heading holds)."""
    out: list[tuple[_Item, list]] = []
    waiting: list[_Item] = []
    for item, found in members:
        notes = _bracketed(item.text, known) if item.note_only else []
        if notes and waiting:
            out = out[:len(out) - len(waiting)]
            first = head if head and not out and len(waiting) > 1 else waiting[0]
            text = "".join(task_text(m.text) for m in ([head] if first is head else []) + waiting)
            out.append((_Item(text, first.where, first.number, True), [(text, notes[0][2], notes[0][2].rest)]))
            waiting = []
            continue
        if not item.note_only:
            out.append((item, found))
            waiting = [] if found else waiting + [item]
    return out


def general_tasks(blocks: list[Block], known: tuple[str, ...] = (),
                  registered: set[str] = frozenset()) -> tuple[list[Candidate], list[Block]]:
    """Tasks read by the grammar alone, and the numbered items that look like tasks but name nobody."""
    out: list[Candidate] = []
    unread: list[Block] = []
    below: list[str] = []  # 「以下均需X落实，不再列出」: X takes part in every later task
    open_below = False
    leader: tuple[str, str] | None = None  # (style, who): 「一、袁家军省长主抓重点工作」 leads the tasks under it
    owner: tuple[int, str] | None = None  # (level, unit): a unit named alone above its items, theirs if they name nobody
    owner_leaders: list[str] = []
    posts: dict[str, str] = {}  # 「一、联络员的工作职责」: the bodies named with the post own its duties, the post leads
    leads: tuple[int, UnitList] | None = None  # (level, units): a heading's lead note, the leads of its items
    items = items_of(blocks)
    _article_paragraphs(items, known)
    _mark_subject_led(items, known)
    depth = _depths(items)
    for head, members in _groups(items, known, depth):
        heading = head.text.rstrip("。") if head else None
        if head and (leads is None or depth[head.style] <= leads[0]):
            leads = (depth[head.style], head.leads) if head.leads else None
        if head and head.owner:
            owner = (depth[head.style], head.owner)
        elif head and (held := post_duties(heading, [i.text for i in items], known)):
            owner, posts[held[0]] = (depth[head.style], held[0]), held[1]
        elif head and owner and depth[head.style] <= owner[0]:
            owner = None  # a heading of the owner's level or above, naming no unit: its items are not the unit's
        if head and (leader is None or head.style == leader[0]):
            leader = (head.style, m["who"]) if (m := LEADER_HEADING.match(heading)) else None
        noted = [i for i, (_, found) in enumerate(members) if found]
        if heading and noted == [len(members) - 1] and len(members) > 1 and all(m.numbered for m, _ in members):
            # a heading whose only note stands at its last item: the note is the whole group's
            found = members[-1][1]
            text = task_text(heading) + "".join(task_text(m.text) for m, _ in members[:-1]) + found[0][0]
            members = [(_Item(text, head.where, head.number, True), [(text, found[0][1], found[0][2])])]
        for item, found in _gather(members, known, head):
            if item.owner:  # a line naming a unit alone (「市卫生局」), above its list
                owner = (depth.get(item.style, -1) if item.numbered else -1, item.owner)
                owner_leaders = _parse(item.text, known).leaders  # 「总指挥部；牵头领导:陈利众」: the body's leaders
                continue
            if owner and item.numbered and depth.get(item.style, len(depth)) <= owner[0]:
                owner = None  # a sibling of the line that named the unit, or higher: not under it
            if item.duty or not found and owner and item.numbered and not item.text.endswith(("：", ":")):
                units = _owner_units(owner[1], known)
                units.leaders += [posts[owner[1]]] if owner[1] in posts else []
                units.leaders += _labelled_people(item.text)  # 「1、…。人员由城管中队组成，负责人：X」
                if partners := _duty_partners(task_text(item.text), known):  # 「（二）会同有关部门编制…」
                    units.participants += [p for p in partners.lead if p not in units.lead + units.participants]
                    units.open_ended |= partners.open_ended
                elif helped := assisted(task_text(item.text), known):  # 「2.配合区体育局做好…」: it leads, they help
                    units.lead, units.participants, units.mode = helped, units.lead + units.participants, "first"
                found = [(task_text(item.text), units, closing_deadline(item.text))]
                found += [(task_text(aside), who, "") for aside, who in asides(item.text, known)]  # 「（X由Y查处）」
            elif leads and leads[1]:
                found = [(text, under_leads(leads[1], units), when) for text, units, when in found]
            elif owner and _GROUP.search(owner[1]):
                found = [(text, _group_members(owner[1], units, owner_leaders), when) for text, units, when in found]
            if not found:
                if item.numbered and len(item.text) > 30:
                    unread.append(Block(item.text, item.where))
                continue
            for i, (text, units, deadline) in enumerate(found):
                if units.scope:
                    below += [n for n in units.scope.participants if n not in below]
                    open_below |= units.scope.open_ended
                units.participants += [n for n in below if n not in units.lead + units.participants]
                units.open_ended |= open_below
                if leader and leader[1] not in units.leaders:
                    units.leaders.insert(0, leader[1])
                out.append(Candidate(text, units, item.where, SHAPE, _confidence(units, registered), part=heading,
                                     deadline_text=deadline,
                                     notes=[f"[通用读取] {item.where}：按通用规则（不依赖版式）读出，请核对"],
                                     number=item.number if i == 0 else None))
    # A document that names its units in notes opens with a covering notice: its 「X要…」 sentences before the
    # first note are requirements, not the division of work (a unit's duties under its heading are no note).
    explicit = next((i for i, c in enumerate(out) if c.units.how not in ("subject", "heading")), -1)
    return [c for i, c in enumerate(out) if c.units.how != "subject" or i > explicit], unread
