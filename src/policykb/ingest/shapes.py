"""Shape recognisers over the common form: where the tasks are and who is named for them.

Each recogniser takes blocks and returns what it read with the block it came from:
- `table_tasks`: tables whose columns are named by synonyms (任务/牵头单位/配合单位/完成时限 …: `columns`);
- `inline_tasks`: paragraphs with unit notes in brackets (「（X、Y负责）」, 「（牵头单位：X，配合单位：Y）」, 「[牵头单位:X;责任单位:Y]」)
  or written as a clause (「由X牵头，Y配合」),
  several notes in one paragraph making several tasks (each task's text ends at its note), and items
  followed by lines 「牵头单位：X」「责任单位：Y」;
- `headings`: parts (一、) and sections (（一）) the tasks fall under.
This module holds the task as read (`Candidate`), the headings and the paragraph reader; tables and forms are
tabletasks.py's, the notes a paragraph names its units in inlinenotes.py's, the numbering marks itemmarks.py's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .category import lead_note, responsible_label, under_leads
from .clauses import colon_line, duty_heading_line, subject_clauses
from .docdate import date_of
from .inlinenotes import BARE_BY, BRACKET_NOTE, LABEL_WORDS, TASKLIKE, bare_list, notes_in, prose_note, topic_note
from .issuers import is_signature
from .itemmarks import ITEM, PART, SECTION, item_number, strip_number
from .lexicon import lexicon
from .outline import mark_number
from .partners import drawing_up
from .shares import collective, each_own_share
from .timing import date_cell
from .source import Block
from .unitnotes import Scope, UnitList, parse_units

_LEX = lexicon()

_TIME_WORDS = "|".join(re.escape(w) for w in sorted(_LEX.columns["deadline"], key=len, reverse=True))
_LABEL_LINE = re.compile(rf"^(?:{LABEL_WORDS}|{_TIME_WORDS})\s*[：:]")  # 「牵头单位：X」, 「完成时限：…」 after an item
# a label of units (not of people or a time) opening the line after a numbered item: its units, whoever its sentences
# name as their subjects (「1、…各乡、各部门要…。」 then 「责任单位:X,Y」)
_UNIT_LABEL_LINE = re.compile(rf"^(?:{'|'.join(re.escape(w) for w, r in _LEX.labels.items() if r != 'leader')})\s*[：:]")


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


_ARTICLE = re.compile(r"^第[一二三四五六七八九十百\d]{1,4}条")


def is_heading(block: Block, heads_nothing: bool = False, parts_only: bool = False) -> bool:
    """A short numbered line with no note: 「（二）强化组织领导」, not 「（二）…，由X会同Y负责落实。」 nor a section's
    sentence giving a unit its work (「（一）区住建局负责消防设计审查。」; a part's 「一、」 line still heads, unless it
    heads nothing: 「一、区编办负责…；」 before its sibling or a row's time cell). A section heading nothing (the next
    line is its sibling or a part) is an item: its sentence gives collectives their work too (「（十）各相关职能部门
    应…。」 closing a list of departments' items); so is a part's in a text numbered with parts' marks alone."""
    section = bool(SECTION.match(block.text))
    return bool(PART.match(block.text) or section) and not BRACKET_NOTE.search(block.text) \
        and len(block.text) <= 60 and "。" not in block.text.rstrip("。")[:-1] \
        and prose_note(strip_number(block.text)) is None and topic_note(strip_number(block.text)) is None \
        and not duty_heading_line(strip_number(block.text)) \
        and not ((section or heads_nothing) and block.text.rstrip().endswith(_SENTENCE_ENDS)
                 and _unit_does(strip_number(block.text), collectives=heads_nothing and (section or parts_only)))


# 「特此通告」, 「特此公告。」: the formula closing a notice, after its last item
_CLOSING_FORMULA = re.compile(r"^\s*特此(?:通告|公告|通知|布告|告知)[。！!]?\s*$")


def _before_close(blocks: list[Block]) -> set[int]:
    """The lines right before the document's close: its closing formula, or a signature (an organ's name alone) over
    the date it was signed; the close is no text of theirs, so they head nothing."""
    out = set()
    for b, after, then in zip(blocks, blocks[1:], [*blocks[2:], None]):
        if after.is_row:
            continue
        if _CLOSING_FORMULA.match(after.text) \
                or then is not None and not then.is_row and is_signature(after) and date_of(then.text.strip()):
            out.add(id(b))
    return out


def _divides(found: tuple[str, UnitList, bool]) -> bool:
    """A paragraph opening with its note that names who leads and who takes part (「X负责，Y配合，取缔…」): a line
    of a division, even unnumbered and outside any part (a table stored one cell a line); a covering notice's
    sentences name their holders after a lead-in (「为…，由X牵头，…」) or none to take part."""
    _, units, opens = found
    return opens and bool(units.lead) and bool(units.participants)


_SENTENCE_ENDS = ("。", "；", ";", ".")  # a heading ends with no stop: an item closing with one is a sentence (「…监管；」)


def _unit_does(sentence: str, collectives: bool = False) -> bool:
    """A sentence whose subject is a named unit (not only collectives or role holders, unless asked) doing its work."""
    return any(collectives or not collective(n)
               for _, units in subject_clauses(sentence, (), numbered=True) for n in units.lead)


# A part's heading naming the leader who runs its tasks: 「一、于会游市长主抓重点工作」.
LEADER_HEADING = re.compile(r"^(?P<who>[\u4e00-\u9fff]{2,4}?)(?:同志)?(?:常务)?副?(?:省|市|州|县|区|镇|乡)?"
                             r"(?:长|书记|主任)(?:主抓|牵头|分管|负责|领衔|联系|领办)")
# 「孟学农省长负责的工作」: a leader's heading naming the post of a government's head, its level in it
_LEADER_POST = re.compile(r"^[\u4e00-\u9fff]{2,4}?(?:同志)?(?:常务)?副?(?P<level>省|市|州|县|区|旗|乡|镇)长(?:负责|分管)的?工作$")
# 「全面负责…」, 「协助省长抓好…」: the line under a leader's heading giving the leader's own remit
_REMIT = re.compile(r"^(?:全面|具体)?(?:负责|主持|协助)")
_BY_OPENS = re.compile(rf"^(?:{'|'.join(map(re.escape, _LEX.by_openers))})?由")  # 「由X牵头…」 opening its paragraph
_CIRCLED_ITEM = re.compile(r"^([①-⑳])\s*(?=\S)")  # an item numbered ① … ⑳ (GB/T 9704 has them below （1）)
_PAGE_MARK = re.compile(r"^[—–\-\s\d]*[—–]\s*\d+\s*[—–][—–\-\s]*$")  # 「— — — 2 —」 of a copied PDF
_CLOSED = "。！？；;：:"  # a line ending otherwise was wrapped in the middle of its sentence


def _under_lead(units: UnitList, lead: str) -> UnitList:
    """「协同单位：X和Y。」 under 「（一）Z牵头的工作」: a label line naming only partners, the heading's unit leading."""
    if not lead or _NO_LEAD not in units.flags:
        return units
    return replace(units, lead=[lead], participants=[n for n in units.lead + units.participants if n != lead],
                   flags=[f for f in units.flags if f != _NO_LEAD], how="heading")


_NO_LEAD = "no lead named: the first participant is taken"  # (unitnotes' flag: the label line named no lead)


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


def _later_subjects(text: str, known: tuple[str, ...], divided: bool = False,
                    holder: str = "") -> tuple[str, list]:
    """A paragraph's text up to the first later sentence with a unit of its own as subject, and those sentences
    as tasks (「(一)由X负责，Y配合，加快…。Z做好…。」: Z's sentence is Z's task). In a paragraph that already divides
    work (`divided`), a collective's sentence is its share too (「各行政村要建立…」). A sentence whose subject is the
    line's `holder` again is no unit of its own (「各区县政府(地区管委会)：…。各区县政府、地区管委会应建立…」)."""
    sentences = [x for x in re.split(r"(?<=。)", text) if x]
    for k in range(1, len(sentences)):
        if (found := subject_clauses(sentences[k], known, numbered=divided)) and not _names_again(found, holder):
            later = [f for x in sentences[k + 1:] for f in subject_clauses(x, known, numbered=divided)]
            return "".join(sentences[:k]), found + later
    return text, []


def _after_own_sentence(text: str, units: UnitList) -> bool:
    """The units stand after a first sentence naming nobody (「对…进行安置。各县由…，城区的由X负责安置」)."""
    first = re.match(r"[^。！？]+[。！？]", text)
    return bool(first) and bool(units.as_written) and units.as_written not in first.group() \
        and not subject_clauses(first.group())


def _names_again(found: list[tuple[str, UnitList]], holder: str) -> bool:
    """Every unit the first of these clauses names is written in the holder's name (its other name in brackets too)."""
    names = found[0][1].lead + found[0][1].participants
    whole = re.sub(r"[()（）]", "", holder)
    return bool(holder) and all(re.sub(r"[()（）]", "", n) in whole for n in names)


# 「X领导小组(以下简称“领导小组”)的主要职责是…」: a body's duties stated, wherever the paragraph stands (before the
# division's first part too), and no covering notice's demand
_DUTIES_STATED = re.compile(r"^[^，,。；;]{2,80}?的(?:主要)?(?:工作)?职责(?:是|为|包括)")


def _without_title_demand(body: str, found: list[tuple[str, UnitList]]) -> list[tuple[str, UnitList]]:
    """「(二)各成员单位要履行各自管理职责。X办要…。Y局要…」: an item's short title asking collectives alone to do their
    share, over sentences giving named units theirs, heads those sentences and is no task of its own."""
    clause, units = found[0]
    title = re.match(r"[^。！？]{2,20}。", body)
    names = units.lead + units.participants
    # (「(三)加强部门协作。各有关部门要切实履行监管职责…。X部门要…。Y部门要…」: a demand on nobody in particular before
    # the shares of several named units, to work together in carrying the division out, heads them too: a requirement,
    # truth rule 1; before one named unit's later clause, 「各单位要…完成汇总，…由X统一上传」, it is a share of its own)
    shares = sum(any(not collective(n) for n in later.lead) for _, later in found[1:])  # later ones naming units
    if len(found) > 1 and all(map(collective, names)) \
            and (title and title.group() == clause + "。" and shares or all(map(_NOBODY.match, names)) and shares > 1):
        return found[1:]
    return found


# 「四、工作任务」, 「二、主要任务及分工」: a part whose heading names the tasks it holds
_TASKS_PART = re.compile(r"(?:重点|工作|主要|具体)任务(?:(?:及|和)?(?:职责)?分工)?$")
_NOBODY = re.compile(r"^(?:各|有关|相关)(?:有关|相关)?(?:部门|单位)$")  # 「各有关部门」: all addressed, nobody in particular


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


# 「…。2、对…的治理，…。3、组织专家…」: a duty numbered after a full stop, run into the paragraph (a page that lost its
# line breaks); 「…工作。1、」 closing a clause: the number of the next clause, left behind when the clause was cut
_RUN_IN_DUTY = re.compile(r"(?<=[。；;])\s*(\d{1,2})[、.．](?=[\u4e00-\u9fff“])")
_LEFT_NUMBER = re.compile(r"(?<=[。；;])\s*(\d{1,2})[、.．]?。?$")


def _run_in_duties(clauses: list[tuple[str, UnitList]]) -> list[tuple[str, UnitList, int | None]]:
    """(text, units, own number) of each clause, its numbered duties run in after it (「X负责…工作。1、会同Y开展…。
    2、对…的治理…。3、组织专家…」) each a task of the clause's subject, counted on from 1: the duties after the first
    name no subject of their own, so the subject's; the partners its first clause named (会同Y) are that duty's alone."""
    out: list[tuple[str, UnitList, int | None]] = []
    left = None  # the number the clause before left at its end: this clause's own
    for text, units in clauses:
        mark, left = left, None
        if stray := _LEFT_NUMBER.search(text):
            text, left = text[:stray.start()], int(stray[1])
        cuts = list(_RUN_IN_DUTY.finditer(text))
        if not cuts or [int(m[1]) for m in cuts] != list(range((mark or 0) + 1, (mark or 0) + 1 + len(cuts))):
            out.append((text, units, mark))
            continue
        out.append((text[:cuts[0].start()], units, mark))
        subject = [p for p in units.participants if p in units.as_written]  # a list's others, not 会同's partners
        for m, end in zip(cuts, [c.start() for c in cuts[1:]] + [len(text)]):
            out.append((text[m.end():end], replace(units, participants=list(subject), flags=list(units.flags),
                                                   leaders=list(units.leaders)), int(m[1])))
    return [(t, u, n) for t, u, n in out if t.strip("。；; ")]


def _as_headed(name: str, heading: str | None) -> str:
    """The unit a section's heading names (「（一）国土资源部门」), where the paragraph under it restates it with a word put
    in (「国土资源主管部门是…」, lexicon.yaml restating_words): named as the heading names it."""
    return heading if heading and any(name.replace(w, "", 1) == heading for w in _LEX.restating_words if w in name) \
        else name


_TIME_NOTE = re.compile(r"[(（]([^()（）]{1,20})[)）][。\s]*$")
_STANDING = re.compile(r"长期(?:坚持)?|持续(?:推进)?|常态化?|每年|每季度|每月")


def closing_deadline(text: str) -> str:
    """A closing bracket that holds only a time (「（长期）」, 「（2024年6月底前）」): the item's deadline."""
    from .timing import find
    m = _TIME_NOTE.search(text)
    return m[1] if m and (_STANDING.fullmatch(m[1]) or any(f.date and f.phrase == m[1] for f in find(m[1], 2000))) else ""


def _dated(text: str) -> bool:
    """A duty that names a date of its own (「并于7月25日前报…」)."""
    from .timing import find
    return any(f.date for f in find(text, 2000))


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


def _numbered(text: str) -> bool:
    return bool(ITEM.match(text) or SECTION.match(text) or PART.match(text))


_RUN_ON_MAX = 3  # paragraphs an item runs on over (a longer run is a list of its own, not one item's text)
_FIELD_LINE = re.compile(r"^[\u4e00-\u9fff]{2,6}\s*[：:]")  # 「资金来源：…」, 「目标任务：…」: a field of a block, no run-on


def _run_on_items(blocks: list[Block]) -> list[Block]:
    """A numbered item whose text runs on over paragraphs of its own before its unit label line (「1.分级落实…。」,
    「市长、县长…承担的责任是：…」, then 「责任单位：X」): one item, the line naming the units of it all."""
    from .items import heading_lead  # (items reads shapes' marks: imported where used)
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        j = i + 1
        while j < len(blocks) and j - i <= _RUN_ON_MAX and _run_on(blocks[j]):
            j += 1
        if not block.is_row and (ITEM.match(block.text) or SECTION.match(block.text)) and j > i + 1 \
                and j < len(blocks) and not blocks[j].is_row and _UNIT_LABEL_LINE.match(blocks[j].text) \
                and not heading_lead(block.text):  # (「（二）X牵头的工作」 heads its paragraphs: no text of its own)
            out.append(replace(block, text="".join(b.text for b in blocks[i:j])))
            i = j
            continue
        out.append(block)
        i += 1
    return out


def _run_on(block: Block) -> bool:
    """A paragraph that can carry on the item above: unnumbered, no label line, no note of units of its own, and
    ending a sentence (a short line ending otherwise is a heading or a wrapped line, read as such)."""
    text = block.text
    return not block.is_row and not _numbered(text) and not _FIELD_LINE.match(text) and not notes_in(text) \
        and text.rstrip().endswith(("。", "；", ";")) and not _PAGE_MARK.match(text)


def _waits_for_labels(text: str, block: Block, labelled: set[int], part: str | None) -> bool:
    """「任务要求。…」 unnumbered under its part's heading (「二、开展X工作」), its 牵头单位： line right after it: the
    paragraph waits for its labels as a numbered item does (a project's field line, 「目标任务：…」, is its block's)."""
    return part is not None and id(block) in labelled and not _FIELD_LINE.match(text)


def inline_tasks(blocks: list[Block], bare_notes: bool = False, known: tuple[str, ...] = ()) -> tuple[list[Candidate], list[Block]]:
    """Tasks from paragraphs with unit notes, and the paragraphs that look like tasks but name nobody."""
    from .items import heading_lead  # (items reads shapes' marks: imported where used)
    blocks = _run_on_items(blocks)
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
        nonlocal last_item, pending_labels, last_is_heading, headed_number
        number = (item_number(last_item[0].text) or headed_number) if last_item else None
        if last_item and headed_lead and not last_is_heading:
            headed_number = None  # (the heading's number is the first paragraph's under it)
        if last_item and not pending_labels and headed_lead and not last_is_heading:
            # 「（一）X牵头的工作」 over an item with no label line of its own: the heading's lead does it alone
            block, text = last_item
            out.append(Candidate(text, with_scope(UnitList(headed_lead, lead=[headed_lead], how="heading")),
                                 block.where, "label-lines", 0.8, part, section, number=number))
        elif last_item and not pending_labels:
            group.append(last_item)
        if last_item and pending_labels:
            block, text = last_item
            units = with_scope(_under_lead(parse_units("；".join(pending_labels), known), headed_lead))
            out.append(Candidate(text, units, block.where, "label-lines", 0.8 if last_is_heading else 0.9, part,
                                 None if last_is_heading else section, deadline_text=units.rest,
                                 number=number))
        elif last_item and TASKLIKE.search(last_item[1]) and not last_is_heading:
            unread.append(last_item[0])
        last_item, pending_labels, last_is_heading = None, [], False

    heading = None  # the heading just read: a paragraph opening with its units (「由X承办，Y协办。」) is its task
    headed_lead = ""  # 「（一）省监察厅牵头的工作」: the lead a heading names for the items and paragraphs under it
    headed_rank = None  # (PART or SECTION: the next heading of that rank or above ends its reach)
    headed_number = None  # the heading's own number, the number of the one paragraph standing under it unnumbered
    remit: tuple[str, str | None] | None = None  # 「一、孟学农省长负责的工作」: (the post's government, the part's number)
    section_unit = ""  # 「（一）民政部门」: a section heading naming a unit alone, whose duties the items under it are
    section_time = ""  # 「（二）第二阶段（2012年8月1日-8月10日）。」: a section heading's closing time, its paragraphs' deadline
    categories: list[tuple[str, UnitList, int]] = []  # (part, leads, index of its own candidate)
    labelled = {id(b) for b, after in zip(blocks, blocks[1:]) if not after.is_row and _UNIT_LABEL_LINE.match(after.text)}
    leaves = {id(b) for b, after in zip(blocks, [*blocks[1:], None])
              if after is None or not after.is_row and (PART.match(after.text) or SECTION.match(after.text)
                                                        or date_cell(after.text))}  # (a row's time cell, one a line)
    leaves |= _before_close(blocks)  # the last item, then 「特此通告」 or the signature over its date: it heads nothing
    # 「三、营业场所必须…。」 then 「四、X将…」: a part's line whose next numbered line is its sibling heads nothing; a
    # sentence naming nobody there is an item left unread, not the heading the items after it stand under
    before_sibling = {id(b) for b, after in zip(blocks, [*blocks[1:], None])
                      if PART.match(b.text) and (after is None or not after.is_row and PART.match(after.text))}
    item_parts = False  # a part's line read as an item (a unit's work, heading nothing): its sibling parts are items
    # a text numbered with parts' marks alone (「一、」 … 「五、」, nothing under them): its numbered paragraphs are the
    # items of its one list, which divides the work (their collectives' sentences too, 「四、各级普查机构要…」)
    parts_only = not any(not b.is_row and (ITEM.match(b.text) or SECTION.match(b.text)) for b in blocks)
    # the roster lines (「（一）县政府职责：…」, 「商委：协调…」) and the paragraphs standing before a later one of them
    rostered = [i for i, b in enumerate(blocks) if not b.is_row and colon_line(strip_number(b.text), known,
                                                                               headed=_numbered(b.text))]
    before_roster = {id(b) for i, b in enumerate(blocks) if rostered and i < rostered[-1]}
    # (a line right after a roster line is one of the roster's too, a collective's: 「各村(社区)：将…发放到农户」)
    in_roster = {id(blocks[i + 1]) for i in rostered if i + 1 < len(blocks)}
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
            if not notes_in(text):
                # a hard-wrapped item: its next line (the block grows too, so a note on a later line reads it whole)
                last_item = (Block(last_item[0].text + text, last_item[0].where), last_item[1] + text)
                continue
            # the wrapped item's last line carries its note: one paragraph, read as one
            block = Block(last_item[0].text + text, last_item[0].where)
            text, last_item = block.text, None
        # 「1、宣传发动阶段(7月-8月)」 over its paragraph: a numbered item whose text stands on the next line
        item_above = last_item if last_item and not pending_labels and not last_is_heading else None
        close_labels()
        if remit and not _numbered(text) and _REMIT.match(text):
            # 「全面负责省人民政府工作任务的落实。」 right under a leader's heading: the leader's own remit, a post's work
            # being its government's (rule 6), the leader leading it in person
            government, number = remit
            out.append(Candidate(text, with_scope(UnitList(government, lead=[government], how="heading")),
                                 block.where, "prose", 0.75, part, None, number=number))
            remit = None
            continue
        remit = None
        if headed_lead and (PART.match(text) or headed_rank is SECTION and SECTION.match(text)):
            headed_lead, headed_number = "", None
        if (rank := SECTION if SECTION.match(text) else PART if PART.match(text) else None) \
                and (led := heading_lead(text)):
            # 「（一）省监察厅牵头的工作」: a heading naming the lead of the work under it, itself no task
            headed_lead, headed_rank, headed_number = led, rank, item_number(text)
            if rank is SECTION:
                section, section_time, section_unit = strip_number(text), "", ""
            else:  # a new part: the leader an earlier part's heading named does not lead this one's work
                part, section, group, section_time, section_unit = strip_number(text), None, [], "", ""
                leader = None
            continue
        if is_heading(block, heads_nothing=id(block) in leaves or item_parts and bool(PART.match(text)),
                      parts_only=parts_only):
            heading = strip_number(text)
            if m := PART.match(text):
                sibling_item = id(block) in before_sibling and text.rstrip().endswith(_SENTENCE_ENDS)
                part, section, group = None if sibling_item else m[2].strip(), None, []
                section_time = section_unit = ""
                leader = lm["who"] if part and (lm := LEADER_HEADING.match(part)) else None
                if leader and (post := _LEADER_POST.match(part)):
                    remit = (f"{post['level']}人民政府", item_number(text))
            elif m := SECTION.match(text):
                section, section_time = m[2].strip(), closing_deadline(text)
                from .items import unit_heading  # (items reads shapes' marks: imported where used)
                section_unit = section.removesuffix("。") if unit_heading(text) else ""
                last_item, last_is_heading = (block, m[2].strip()), True
            continue
        last_is_heading = False
        item_parts |= bool(PART.match(text)) and is_heading(block)  # a part's line that would head, read as an item
        opened_by, heading = heading, None
        notes = notes_in(text) or bare_list(text, known)
        if not notes and bare_notes:  # (「省农业农村厅（乡村振兴局）」: a body's other name after it, no note)
            # (a short bracket of a name inside the list: 「（市人保局，各市(县)、区政府）」)
            notes = [m for m in re.finditer(r"[(（]((?:[^()（）]|[(（][\u4e00-\u9fff、]{1,8}[)）]){2,200})[)）][。\s]*$", text)
                     if not _LEX.unit_end.search(text[:m.start()].rstrip())]
        if notes and PART.match(text) and len(notes) == 1 and lead_note(units := parse_units(notes[0][1], known)) \
                and (piece := strip_number(text[:notes[0].start()].strip()).strip("，,；;、 ")):
            # 「一、整治提升村容村貌（X、Y牵头）」: a category (its items' part), its leads those of the items under it
            part, section, group = piece, None, []
            categories.append((piece, units, len(out)))
            out.append(Candidate(piece + "。", with_scope(units), block.where, "inline", 0.9, None, None,
                                 deadline_text=units.rest, number=item_number(text)))
            continue
        if notes:
            start = 0
            for note in notes:
                piece = strip_number(text[start:note.start()].strip())
                piece = piece.strip("，,；;、 ").lstrip("。 ")  # punctuation left between two notes (or a note and 。)
                tail = text[note.end():].lstrip("。；; ")
                units = with_scope(parse_units(note[1], known))
                if each_own_share(piece, units):  # 「各乡(镇)、各部门分别制定…（县直有关部门、各乡镇负责）」
                    units.lead, units.participants, units.mode = units.lead + units.participants, [], "separate"
                    units.by_custom = False  # (the text says who does what: no first-listed custom to review)
                if piece and units.lead:
                    ends = not tail or note is not notes[-1]
                    out.append(Candidate(piece + ("。" if piece[-1] not in "。！？" and ends else ""),
                                         units, block.where, "inline", 0.9 if ends else 0.7, part, section,
                                         deadline_text=units.rest,
                                         number=item_number(text) if note is notes[0] else None))
                elif piece and (units.flags or units.leaders):  # a note naming nobody the grammar knows
                    unread.append(Block(f"{piece}（{note[1]}）", block.where))
                elif not piece and units.lead and group and note is notes[0]:  # a note after its group's items
                    texts = [t if t.endswith(("。", "；", ";")) else t + "。" for _, t in group]
                    out.append(Candidate("".join(texts), units, group[0][0].where, "group-note", 0.8, part, section,
                                         number=item_number(group[0][0].text)))
                    unread[:] = [b for b in unread if all(b is not g for g, _ in group)]
                start = note.end()
            continue
        if found := colon_line(strip_number(text), known, headed=_numbered(text)) \
                or id(block) in in_roster and colon_line(strip_number(text), known, numbered=True):
            # 「商委：协调…」, 「1.党政办：统筹…」 (its number no name's), 「（一）县政府职责：…」
            duty, units = found
            # (「乡镇政府：建立…管理站。管理站负责…。各行政村要建立…」: a later sentence's own subject is its task)
            duty, later = _later_subjects(duty, known, divided=True, holder=units.as_written)
            out.append(Candidate(duty, with_scope(units), block.where, "unit-line", 0.8, part, section,
                                 number=item_number(text)))
            out += [Candidate(c + "。", with_scope(u), block.where, "subject", 0.75, part, section) for c, u in later]
            continue
        numbered = bool(ITEM.match(text) or SECTION.match(text) or PART.match(text))
        if numbered and (units := topic_note(strip_number(text), known)) and units.mode == "separate" \
                and len(BARE_BY.findall(text)) == len(units.lead):
            # 「A，由X负责；B，由Y负责」: each topic its holder, answering for it whole (a prose note would read the first
            # alone; 「由X负责本行业…」 gives X work of its own, read as such)
            out.append(Candidate(strip_number(text), with_scope(units), block.where, "prose", 0.8, part, section,
                                 number=item_number(text)))
            continue
        if (found := prose_note(strip_number(text), known)) and (numbered or part is not None or _divides(found)):
            piece, units, opens = found  # prose is read less surely than a note: below the confident mark, so reviewed
            if opens and opened_by:
                piece = f"{opened_by}。{piece}"
            elif opens and _BY_OPENS.match(strip_number(text)):
                # 「由X牵头组织实施，Y制定详细方案。」 under a label (分工与配合：): 由 makes X the sentence's doer, and the
                # sentence as written is the task; cut out, the note would leave its work without its doer
                piece = strip_number(text).strip()
                units.participants += [n for n in drawing_up(piece, known) if n not in units.lead + units.participants]
            piece, later = _later_subjects(piece, known)
            out.append(Candidate(piece if piece.endswith("。") else piece + "。", with_scope(units), block.where,
                                 "prose", 0.8, part, section, number=item_number(text)))
            out += [Candidate(c + "。", with_scope(u), block.where, "subject", 0.75, part, section) for c, u in later]
            continue
        # an item's sentences whose subject is a list of units (collectives too: the list divides the work); an item
        # stopping mid-sentence waits for its next line (a wrapped item, its note on a later line)
        # (a paragraph under a part whose paragraphs already give units their work is of that division: its
        # collectives' demands, 「各市州、县市区人民政府要切实落实普查经费」, are their tasks, as in a numbered item)
        # (so is a paragraph under a part that names the tasks, 「四、工作任务」: what it says is the division itself)
        divided = part is not None and not numbered \
            and (any(c.part == part for c in out) or bool(_TASKS_PART.search(part)))
        # (outside any part, a paragraph after lines of a division, 「X负责，Y配合，…」, is one of them: a table stored
        # one cell a line)
        # (or after a roster's lines, 「（三）财政部门职责：…」: a paragraph after them opening with a unit's name is its share)
        after_division = part is None and any(c.shape == "prose" and c.units.participants or c.shape == "unit-line"
                                              for c in out)
        if (numbered or part is not None or after_division or _DUTIES_STATED.search(text)) \
                and not (numbered and re.search(r"[\u4e00-\u9fff，,、]$", text)) \
                and not (numbered and id(block) in labelled or _waits_for_labels(text, block, labelled, part)) \
                and (found := subject_clauses(strip_number(text), known,
                                              numbered=numbered and (not PART.match(text) or parts_only)
                                              or divided or after_division and id(block) in before_roster
                                              or item_above is not None)):
            if not numbered or PART.match(text):
                # a paragraph (or a part's paragraph, 「一、加强宣传。X要…」) giving named units their work divides it:
                # its collectives' sentences too
                found = subject_clauses(strip_number(text), known, numbered=True) or found
            found = _without_title_demand(strip_number(text), found) if numbered else found
            pieces = _clause_texts(strip_number(text), [c for c, _ in found], with_title=numbered)
            duties = _run_in_duties([(piece, u) for piece, (_, u) in zip(pieces, found)])
            for _, u, _ in duties:
                u.lead = [_as_headed(n, section) for n in u.lead]
            # (the item above's text is its title, its closing time the deadline of the work under it: of each
            # duty with no date of its own, 「1、宣传阶段(7月-8月)」 over 「X制定方案。并于7月25日前报…」)
            above = item_above[0].text if item_above else text
            own, stage = closing_deadline(text), closing_deadline(above) or section_time
            out += [Candidate(piece, with_scope(u), block.where, "subject", 0.75, part,
                              section, deadline_text=(own or stage) if i == len(duties) - 1
                              else "" if own or not stage or _dated(piece) else stage,
                              number=item_number(above) if i == 0 else mark)
                    for i, (piece, u, mark) in enumerate(duties)]
            continue
        if not numbered and (circled := _CIRCLED_ITEM.match(text)) and (units := topic_note(text[circled.end():], known)):
            # 「②场地布置由X组织实施，Y配合。」: an item numbered by a circled mark, its topic given to X, kept as written
            out.append(Candidate(text[circled.end():], with_scope(units), block.where, "prose", 0.8, part, section,
                                 number=mark_number(circled[1])))
            continue
        if numbered and (units := topic_note(strip_number(text), known)):
            if section_unit and not units.participants and _after_own_sentence(strip_number(text), units):
                # 「（一）民政部门」 over 「4、对…进行安置。…由X负责安置」: the duty is the unit's; whom a later sentence gives
                # a share of it takes part
                units = replace(units, lead=[section_unit], participants=units.lead, mode="first")
            out.append(Candidate(strip_number(text), with_scope(units), block.where, "prose", 0.8, part, section,
                                 number=item_number(text)))
            continue
        if ITEM.match(text) or SECTION.match(text) or _waits_for_labels(text, block, labelled, part):
            last_item = (block, strip_number(text))
        elif headed_lead and not numbered:
            last_item = (block, text)  # a paragraph under 「（一）X牵头的工作」: its work, a label line after it its partners
        elif len(text) > 30 and (TASKLIKE.search(text) and (part is not None or parts_only and PART.match(text))
                                 or _ARTICLE.match(text)):
            unread.append(block)  # (a regulation's article, 「第十八条 X应…」, is offered to the general reader too)
    close_labels()
    out = _categories_lead(out, categories)
    # A document that names its units in notes, label lines or clauses opens with a covering notice: its
    # 「X要…」 sentences before the first such task are requirements, not the division of work.
    explicit = next((i for i, c in enumerate(out) if c.shape in ("inline", "label-lines", "prose")), None)
    if explicit is not None:
        out = [c for i, c in enumerate(out) if c.shape != "subject" or i > explicit or c.units.how == "by"
               or _DUTIES_STATED.search(c.text)]
    return out, unread
