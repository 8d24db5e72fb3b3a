"""The general reader: assignments read wherever they stand, with no layout to recognise.

The layout recognisers of `shapes` read the shapes they were taught; this reader knows only the grammar
(`lexicon.yaml` through `unitnotes.parse_units`). It reads the items a document splits into (`items`):
- a duty heading (「主要职责」, 「其职责是：」) owns them for the body the document set up or defined before it
  (`holders`); a leader's portfolio line (「副县长王五：负责…」) is its government's work, the person its leader
  (`portfolios`); duties listed after a colon, one unit a 「；」 part, are each that unit's (`dutylists`);
- in each item: counts of tasks with their list (「有3项由X牵头，分别是A；B；C」: each task X's); then, in this
  order: labels (「牵头单位：X；配合单位：Y」; one that lost its colon when only units follow it) up to its end; notes
  in brackets of any kind with a role word or a label (each note closing the text before it); clauses of units
  closed by a role word (`prose`: 「由X牵头，Y、Z配合」, one note a sentence); sentences whose subject is a list of
  units (numbered items only, or any paragraph when the verb makes them lead or answer: 「X、Y将负责…」; in a numbered
  item, collectives alone before a verb the lexicon lacks too: 「各镇和相关单位抽调…，」; beside them, who bears a cost:
  「…经费由X分担」, `costs`); a closing bracket that holds only units (the first listed leads);
- the task is the item's text without its numbering and its notes; a time label's text is its deadline.
It guesses, so what it reads stays below the confident mark (`compose.CONFIDENT`) and the review says it read it.
"""
from __future__ import annotations

import os
import re
from dataclasses import replace

from . import timing
from .asides import asides
from .category import label_role, lead_note, responsible_label, under_leads
from .clauses import SETS_UP_COUNTERPART, assigned_subjects, colon_line, founded_with_duty, subject_clauses
from .columns import column_role
from .costs import with_costs
from .dutylists import duty_list
from .holders import post_duties
from .inlinenotes import DEFINITION, topic_only
from .inperson import heads_named, labelled_people
from .items import BARE_LABEL, BRACKETS, LABEL_AT, LINE_OPENS, ROLE_WORD, RUN_IN_LABEL, TIME_WORDS, Item, items_of
from .lexicon import alternation, is_person, lexicon
from .listedsubjects import collective_subjects, listed_subjects
from .outline import rank
from .partners import assisted, helped_later, partners_with, sharing_later
from .portfolios import head_clauses
from .prose import OPENER, clean, own_parts, prose_notes
from .quotas import quota_tasks
from .shapes import LEADER_HEADING, Candidate, closing_deadline
from .shares import collective
from .source import Block
from .subjects import reported_on_a_day
from .unitnames import looks_like_unit
from .unitnotes import UnitList, parse_units

GENERAL_ONLY = "POLICYKB_IMPORT_GENERAL_ONLY"  # set to 1: the layout recognisers are off (bench/import_quality.py)
SHAPE = "general"

_LEX = lexicon()
_TIME_AT = re.compile(rf"(?:^|(?<=[。；;，,\s|]))(?:{TIME_WORDS})\s*[：:]\s*(?P<time>[^；;。|]*)")
_NOT_NOTE = re.compile(r"^(?:以下简称|简称|含|下同|试行|暂行|草案|征求意见稿)")
_LEADING_TIME = re.compile(r"^(?P<time>[^，,；;：:]{2,20}?)[，,；;]\s*")  # 「（2024年底前，X负责）」: a time before the units
_VERB = alternation(_LEX.verbs)
# 「有3项由X牵头，分别是A；B；C。」: a count of tasks, their units, then the tasks (lexicon.yaml enumeration_intros)
_ENUMERATION = re.compile(rf"(?:有|其中)?[\d一二三四五六七八九十]{{1,3}}项(?:工作|任务)?{OPENER}由(?P<note>[^，,；;。]{{2,80}}?"
                          rf"(?:{_VERB}))[，,：:]?(?:{alternation(_LEX.enumeration_intros)})[：:]?(?P<list>[^。]+)")
_PIECE = re.compile(r"[^，,、；;：:\s()（）]{4,16}")


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


def general_only() -> bool:
    """The layout recognisers are off: only this reader reads (a proxy for documents never seen)."""
    return os.environ.get(GENERAL_ONLY, "") not in ("", "0")


ARTICLE_STYLE = "第一条"  # how an article (「第二十一条」) is numbered, whatever its number


def _article_paragraphs(items: list[Item], known: tuple[str, ...]) -> None:
    """「第四条 …关闭由所在区人民政府负责。」「市环境保护行政主管部门应当加强…」: in a text of articles, an unnumbered
    paragraph after an article (up to the next numbered item) that opens with a unit doing something is that
    article's next paragraph, numbered with it (not a covering notice's requirement)."""
    article = None
    for item in items:
        if item.numbered:
            article = item if item.style == ARTICLE_STYLE else None
        elif article and item.table is None and not item.owner and not item.note_only \
                and (_opens_with_subject(item, known, numbered=True) or _names_doer(item.text, known)):
            item.numbered, item.number, item.style = True, article.number, article.style


def _names_doer(text: str, known: tuple[str, ...]) -> bool:
    """「鼓励…。开放创新联动区由省人民政府负责审定。」: an article's paragraph whose later sentence names its doer with
    由 assigns that work as a subject would."""
    return any(units.how == "by" for _, units in subject_clauses(text, known, numbered=True, anyone=True))

# 「县长(分管副县长)控辍保学责任:」: whose duties and what about, run in before them (the duties read after it)
_DUTIES_RUN_IN = re.compile(r"^[^，,。；;：:]{2,30}?(?:责任|职责)[：:]")

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


# a duty of the holders' own places or bodies (「拟定本镇、街道…方案」, 「各自辖区」): each does it for its own (本年度 is a year)
_THEIR_OWN = re.compile(r"本(?:镇|乡|街道|村|社区|单位|部门|系统|辖区|行政区域|区域)|各自")


# 「协助X做好A，负责B」: a helping clause, then more work in the same sentence (the holder's own)
_OWN_WORK_AFTER = re.compile(r"^[^，,；;。]+[，,；;]\s*[^，,；;。\s]{4,}")


def _owner_units(name: str, known: tuple[str, ...]) -> UnitList:
    """The units of a line naming them alone, as the lead of an item under it (a list's first leads, a town before
    the street offices too, 「某镇、各街道办事处」: truth rule 5; a list of collectives, 「各村、各企业及相关单位」, each its
    own share in its own area)."""
    units = parse_units(name, known) if len(parse_units(name).lead + parse_units(name).participants) > 1 \
        else UnitList(name, lead=[name])
    names = units.lead + units.participants
    if units.participants and all(map(collective, names)):
        units.lead, units.participants, units.mode = names, [], "separate"
    units.how, units.flags = "heading", ["unit from heading"]
    return units


def _labels(text: str, known: tuple[str, ...]) -> list[tuple[int, int, UnitList]]:
    inside = [m.span() for m in BRACKETS.finditer(text)]  # a label in brackets is a bracketed note's
    outside = lambda m: not any(s < m.start() < e for s, e in inside)  # noqa: E731
    if m := next((m for m in LABEL_AT.finditer(text) if outside(m)), None) \
            or next((m for m in RUN_IN_LABEL.finditer(text) if outside(m) and m.start() >= 4), None):
        units = _parse(text[m.start():], known)
        opens = m.start() == 0 or text[m.start() - 1] in "。；;"
        if clean(units) or units.lead and opens and LINE_OPENS.match(text[m.start():]):
            # a label opening its line or sentence says outright that units follow: a name among them that reads as
            # none (「智创园」, 「公安市场监管」) is left out and flagged, not the whole task
            return [(m.start(), len(text), units)]
    for m in BARE_LABEL.finditer(text):
        tail = text[m.start():].rstrip("。；; ")
        if m.start() < 4 or not outside(m) or re.search(r"[。！？：:]", tail) or text[m.start() - 1] == "各":
            continue  # 「各牵头单位于2月底前报送」: a collective subject, no label
        units = _parse(BARE_LABEL.sub(lambda w: w.group() + "：", tail), known)
        if clean(units) and not units.flags and not units.leaders \
                and all(n in known or looks_like_unit(n) for n in units.lead + units.participants):
            return [(m.start(), len(text), units)]
    return []


def _bracketed(text: str, known: tuple[str, ...]) -> list[tuple[int, int, UnitList]]:
    out = []
    for m in BRACKETS.finditer(text):
        inner = next(g for g in m.groups() if g is not None)
        at_end = not text[m.end():].strip("。；; ")
        if _NOT_NOTE.match(inner) or not (ROLE_WORD.search(inner) or at_end) or DEFINITION.fullmatch(m[0]):
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


def read_item(item: Item, known: tuple[str, ...]) -> list[tuple[str, UnitList, str]]:
    """(task text, units, deadline text) for each task an item holds; none when it names no unit in a role."""
    if item.portfolio:
        government, leader = item.portfolio
        return [(task_text(item.text), UnitList(leader, lead=[government], leaders=[leader], how="heading"),
                 closing_deadline(item.text))]
    if heads := head_clauses(item.text, known):  # 「X主任某某同志主持全面工作，副主任某某同志分管甲科和乙科工作…」
        return [(task_text(clause), UnitList(clause, lead=sections or [body], leaders=[leader], how="subject",
                                             mode="separate" if len(sections) > 1 else "first"), "")
                for clause, body, leader, sections in heads]
    text, listed = _enumerations(item.text, known)
    text, quoted = _quoted(text, known)
    text, shares = quota_tasks(text)  # 「具体是：房产局100套，住建局200套」: each unit's share of the target
    listed += quoted + shares
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
        return [t for t in read_item(Item(text, item.where, item.number, item.numbered, item.table), known)
                if notes] + listed
    if not notes and (listed := duty_list(text, known)):  # 「…压实各部门职责:住建局统筹…;应急局严管…」
        return [(task_text(part), units, when or closing_deadline(part)) for part, units, when in listed]
    if not notes and (item.numbered or item.subject_led):  # 「X要…」: a sentence whose subject is a list of units; one alone is the item's
        # (「第二十一条 各单位及居民应当…」: a regulation's article is the measure itself, its collectives its holders)
        found = subject_clauses(text, known, numbered=True, anyone=item.style == ARTICLE_STYLE) \
            or (collective_subjects(text, known) or listed_subjects(text, known) if item.numbered else [])
        if not found and (run_in := _DUTIES_RUN_IN.match(text)):  # 「县长控辍保学责任:根据…，县级人民政府是…」
            found = subject_clauses(text[run_in.end():], known, numbered=True)
        found = with_costs(found, text, known)  # 「…所需经费由省、市、县三级财政按照…比例分担」: who bears a cost
        deadline = deadline or closing_deadline(text) or _title_time(text)
        for _, units in found:
            units.how = "by" if units.how == "by" else "subject"
        if len(found) == 1:
            return [(task_text(text), found[0][1], deadline)]
        return [(task_text(clause), units, deadline) for clause, units in found]
    if not notes:  # 「X、Y牵头实施…」 in any paragraph: a subject that leads is assigned, not asked
        found = _among_subjects(assigned_subjects(text, known), text, known)
        if not found and (founded := founded_with_duty(text, known)):  # 「成立X领导小组，负责…」: the body set up
            # (「…。各有关单位也相应成立领导机构…」: a later sentence with a subject of its own is that subject's task)
            _, later = _own_subject_after(text, text.find(founded[-1][0]) + len(founded[-1][0]), known)
            return [(task_text(clause), units, deadline or closing_deadline(clause)) for clause, units in founded] + later
        if len(found) == 1:
            return [(task_text(text), found[0][1], deadline or closing_deadline(text))]
        return [(task_text(clause), units, deadline or closing_deadline(clause)) for clause, units in found]
    later: list[tuple[str, UnitList, str]] = []
    earlier: list[tuple[str, UnitList, str]] = []
    if in_prose:  # 「区交运局牵头，梳理…。各镇(办)要找出…」: a later sentence with a subject of its own is its task
        text, later = _own_subject_after(text, max(e for _, e, _ in notes), known)
        # 「…。各局委要明确任务，…。门前三包任务由各镇(办)负责实施。」: and an earlier one
        text, earlier, notes = _own_subject_before(text, notes, known)
    out, start, written = [], 0, text
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
            if in_prose and text[e:].strip("。；;，, \0") and ("\0" not in text or _after_topic(text, s)) \
                    or units.how == "verb" and topic_only(text, s, piece):
                # a note inside its sentence keeps the sentence's wording as written (「区交运局牵头，梳理…」, 「…，由X牵头，
                # 全力推进…」, 「…活动由X具体组织，Y共同参与，负责…」: its later clauses too, after the topic they
                # finish); a closing 「，由X负责。」 is cut as a bracketed note is, but 「道路等公共区域，由X负责。」 keeps its
                # duty
                piece = written
        units.leaders += [p for p in heads_named(piece) if p not in units.leaders]  # 「由X副市长负责，Y牵头，…」
        out.append((piece, units, deadline or units.rest))
    if out and start and (tail := text[start:].strip("。；; ")):
        piece, units, when = out[-1]
        out[-1] = (piece + "。" + tail, units, when)
    read = [(task_text(p.replace("\0", "")), u, d) for p, u, d in out if task_text(p.replace("\0", ""))]
    if not read and len(out) == 1 and item.table is None and not item.numbered and LINE_OPENS.match(item.text):
        # 「牵头单位：市卫生局。配合单位：…完成时间：…」 opening a page: a block whose title is on the page before; its
        # lines are all the page holds of its task, kept as written rather than the task lost
        read = [(task_text(item.text), out[0][1], out[0][2])]
    return earlier + read + later


def _among_subjects(assigned: list[tuple[str, UnitList]], text: str,
                    known: tuple[str, ...]) -> list[tuple[str, UnitList]]:
    """「水利部门要…；公安部门负责…；交通部门要…」: a unit answering for its work in a sentence whose other 「；」 parts
    each give their own subject its demand is one of those parts, not the whole paragraph's holder: each clause of
    the paragraph is its subject's task. (A sentence of its own, 「厅办公室负责…督查。」 after 「请…」 demands, leaves
    the paragraph to be read as a notice's demands.)"""
    every = subject_clauses(text, known, numbered=True)
    clauses = [clause for clause, _ in every]
    if not assigned or not all(c in clauses for c, _ in assigned):
        return assigned
    sentences = re.findall(r"[^。！？]+", text)
    shared = any(sum(c in s for c in clauses) > 1 for s in sentences if any(c in s for c, _ in assigned))
    return every if shared else assigned


def _title_time(text: str) -> str:
    """「检查督促阶段(8月21日至9月15日)。X要…」: the time closing a numbered item's short title, its work's deadline."""
    title = re.match(r"[^。！？，,；;]{2,30}(?=。)", text)
    return closing_deadline(title.group()) if title else ""


def _after_topic(text: str, start: int) -> bool:
    """A note that opens inside its clause, after the topic it assigns (「…活动由X具体组织」), not a clause of its own."""
    return start > 0 and text[start - 1] not in "，,；;。：:"


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
        if clauses := _opening_clauses(sentence.group(), known):
            cut = sentence.start() if cut is None else cut
            # (「各地、各部门应…,由市发改委将…」: a later 由 clause of the sentence is its unit's own task)
            tasks += [(task_text(sentence.group() if len(clauses) == 1 else clause), units,
                       closing_deadline(sentence.group() if len(clauses) == 1 else clause)) for clause, units in clauses]
        elif tasks:
            piece, units, when = tasks[-1]
            tasks[-1] = (task_text(piece + sentence.group()), units, when)
    for _, units, _ in tasks:
        units.how = "subject"
    return (text if cut is None else text[:cut]), tasks


def _opening_clauses(text: str, known: tuple[str, ...]) -> list[tuple[str, UnitList]]:
    """The subject clauses of a text whose first opens it (「X要…」), else none."""
    found = subject_clauses(text, known, numbered=True)
    return found if found and text.lstrip().startswith(found[0][0]) else []


def _opening_subject(text: str, known: tuple[str, ...], numbered: bool = True) -> UnitList | None:
    """The units of a text's first clause when it opens the text with them as its subject (「X要…」)."""
    found = subject_clauses(text, known, numbered=numbered)
    return found[0][1] if found and text.lstrip().startswith(found[0][0]) else None


def _opens_with_subject(item: Item, known: tuple[str, ...], numbered: bool) -> bool:
    return _opening_subject(item.text, known, numbered) is not None


def _mark_subject_led(items: list[Item], known: tuple[str, ...]) -> None:
    """A document written as paragraphs that each open with a unit doing something (「区住建局负责…」, 「公安部门要…」),
    no numbering: each paragraph is its unit's share. Taken so when at least three do, and at least half of the
    unnumbered paragraphs (a notice's odd 「X要…」 sentence among others is a requirement, not a division of work);
    collectives alone (各地要…) do not count towards that, but a paragraph of theirs among the others is read."""
    plain = [i for i in items if not i.numbered and i.table is None and not i.owner and not i.note_only]
    opening = [i for i in plain if _opens_with_subject(i, known, numbered=False)]
    if len(opening) >= 3 and 2 * len(opening) >= len(plain):
        for item in plain:
            item.subject_led = _opens_with_subject(item, known, numbered=True)
    for item in plain:  # 「各县也要相应成立…领导小组」: each sets up its own body as the issuer did, its task wherever it stands
        # (「成立X领导小组，…，负责…。同时，各县(区)成立相应机构。」: a later sentence asking so makes the paragraph a division
        # too, the body set up first its own lead)
        item.subject_led = item.subject_led or bool(_IN_KIND.search(item.text) or _IN_KIND_LATER.search(item.text)) \
            and _opens_with_subject(item, known, numbered=True)


_IN_KIND = SETS_UP_COUNTERPART
_IN_KIND_LATER = re.compile(r"[。；;](?:同时[，,]?)?[^，,。；;]{2,40}?(?:相应(?:成立|设立|组建)|(?:成立|设立|组建)相应)")


def _heading(item: Item) -> bool:
    return item.numbered and len(item.text) <= 40 and not re.search(r"[，,；;]|。.", item.text)


def _depths(items: list[Item]) -> dict[str, int]:
    """Each numbering's level: one first met later is deeper (一、 then （一） then 1.), unless it is first met past its
    first number and ranks above those met before it (GB/T 9704's order, `outline.rank`): a list opening under an item
    opens at 1, so one met at 「（二）」 after 「5.」 goes on a list above them, begun before the text does (a page stored
    from inside a document)."""
    order: list[str] = []
    for item in items:
        if item.numbered and item.style not in order:
            own = rank(item.style)
            outer = bool(order) and item.number is not None and item.number > 1 and own is not None \
                and all((r := rank(s)) is not None and r > own for s in order)
            order.insert(0 if outer else len(order), item.style)
    return {style: level for level, style in enumerate(order)}


def _groups(items: list[Item], known: tuple[str, ...],
            depth: dict[str, int]) -> list[tuple[Item | None, list[tuple[Item, list]]]]:
    """The items under each heading, each with what it reads."""
    out: list[tuple[Item | None, list[tuple[Item, list]]]] = [(None, [])]
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


def _leads_below(item: Item, found: list, after: list[Item], known: tuple[str, ...]) -> bool:
    """A numbered heading whose one note makes units lead (牵头, 牵头单位), its next item below naming units of its
    own under a 责任单位 label: a category whose leads lead the items under it."""
    if not item.numbered or len(found) != 1 or not lead_note(found[0][1]) or len(found[0][0]) > 40:
        return False
    first = next((later for later in after if later.numbered), None)
    return first is not None and any(responsible_label(units) for _, units, _ in read_item(first, known))


def _closing_label(item: Item, found: list, known: tuple[str, ...]) -> bool:
    """「问题整改责任单位:X 整改时限:3天」: an unnumbered line that is its label (a topic word or two before it at most),
    read as one task of no words of its own: like a note standing alone, it names the units of the items above it."""
    if item.numbered or item.table is not None or len(found) != 1:
        return False
    labels = _labels(item.text, known)
    return len(labels) == 1 and labels[0][0] <= 8 and not re.search(r"[，,。；;：:、\s]", item.text[:labels[0][0]])


def _gather(members: list[tuple[Item, list]], known: tuple[str, ...], head: Item | None) -> list[tuple[Item, list]]:
    """A note standing alone assigns the items without notes just before it: one item, or a group read as one task
    (under its heading when the group is all the heading holds)."""
    out: list[tuple[Item, list]] = []
    waiting: list[Item] = []
    for item, found in members:
        notes = _bracketed(item.text, known) if item.note_only else []
        closing = not notes and waiting and _closing_label(item, found, known)
        if (notes or closing) and waiting:
            out = out[:len(out) - len(waiting)]
            # (a heading naming a unit alone, 「1. 市科技馆」, is the place the items are about: its number the task's, its
            # name no words of the task)
            first = head if head and not out and (len(waiting) > 1 or head.owner) else waiting[0]
            text = "".join(task_text(m.text) for m in ([head] if first is head and not head.owner else []) + waiting)
            units, when = (found[0][1], found[0][2]) if closing else (notes[0][2], notes[0][2].rest)
            out.append((Item(text, first.where, first.number, True), [(text, units, when)]))
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
        if heading and noted == [len(members) - 1] and len(members) > 1 and all(m.numbered for m, _ in members) \
                and depth[members[-1][0].style] > depth[head.style]:
            # a heading whose only note stands at its last item: the note is the whole group's (not a sibling's after
            # it: 「第三条 本规定所称X包括：（一）…」 then 「第四条 市某局负责…」)
            found = members[-1][1]
            text = task_text(heading) + "".join(task_text(m.text) for m, _ in members[:-1]) + found[0][0]
            members = [(Item(text, head.where, head.number, True), [(text, found[0][1], found[0][2])])]
        for item, found in _gather(members, known, head):
            if item.owner:  # a line naming a unit alone (「市卫生局」), above its list
                owner = (depth.get(item.style, -1) if item.numbered else -1, item.owner)
                owner_leaders = _parse(item.text, known).leaders  # 「总指挥部；牵头领导:陈利众」: the body's leaders
                continue
            if owner and item.numbered and depth.get(item.style, len(depth)) <= owner[0]:
                owner = None  # a sibling of the line that named the unit, or higher: not under it
            if item.duty or not found and owner and item.numbered and not item.text.endswith(("：", ":")):
                units = _owner_units(owner[1], known)
                if units.participants and _THEIR_OWN.search(task_text(item.text)):
                    units.lead, units.participants, units.mode = units.lead + units.participants, [], "separate"
                units.leaders += [posts[owner[1]]] if owner[1] in posts else []
                units.leaders += labelled_people(item.text)  # 「1、…。人员由城管中队组成，负责人：X」
                only_helps = False
                if partners := _duty_partners(task_text(item.text), known):  # 「（二）会同有关部门编制…」
                    units.participants += [p for p in partners.lead if p not in units.lead + units.participants]
                    units.open_ended |= partners.open_ended
                elif (helped := assisted(task_text(item.text), known)) and _OWN_WORK_AFTER.match(task_text(item.text)):
                    # 「协助民政部门做好街头救助工作，负责对…」: the help opens the unit's own work, which it leads
                    units.participants += [n for n in helped if n not in units.lead + units.participants]
                elif helped:  # 「2.配合区体育局做好…」: it leads, they help
                    units.lead, units.participants, units.mode = helped, units.lead + units.participants, "first"
                    only_helps = True
                if not only_helps:  # its own work, then 「…，协助民政、公安部门做好…」: those it helps take part
                    units.participants += [n for n in helped_later(task_text(item.text), known)
                                           if n not in units.lead + units.participants]
                    # 「…，定点医院要开通绿色通道」: a body given its own share of the duty takes part
                    units.participants += sharing_later(task_text(item.text), known, units.lead + units.participants)
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
    # first note are requirements, not the division of work (a unit's duties under its heading are no note, nor is a
    # 「由X列入…」 clause among articles of modal duties: it names its doer as their subjects do).
    explicit = next((i for i, c in enumerate(out) if c.units.how not in ("subject", "heading", "by")), -1)
    # (a sentence reporting what was done on a day, its roles in notes, 「11月10日，由X牵头，Y配合，共同对…进行督查」: none)
    return [c for i, c in enumerate(out) if (c.units.how != "subject" or i > explicit)
            and not reported_on_a_day(c.text)], unread
