"""From the common form to a draft: document, articles, tasks, proposed units, and the review.

Every guess is recorded with where it was read and how sure it is, so the reviewer can check the
draft against the source instead of trusting it. Which items are tasks is `candidates`'; which unit a name is,
`proposals`'; how sure a reading is, `confidence`'s.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from .. import textrules
from ..cascade.citations import cited, review as cited_review
from ..gongwen import cite
from ..ownnumbers import MARK, task_ref
from . import timing
from .candidates import divided, find_candidates, heading_words, known_names, shown
from .confidence import CONFIDENT, FIRST_BY_CUSTOM, ISSUER_LEADS, confidence_of, flags_cn
from .continued import continued
from .holders import (expand_short_name, head_of, head_posts, kind_only_review, name_bare_office, name_in_full,
                      named_where_seated, seated_offices, set_up_body, set_up_office, short_names, title_body)
from .leftout import left_beside, unread_assignments
from .levels import level_of_place
from .lexicon import lexicon
from .meta import Meta, read_meta
from .nowork import states_no_work
from .organs import jurisdiction_of
from .outline import COUNT_MARK, Numbered, mark_number, numbered_paths, paragraphs_under, style_of
from .pagehead import opens_inside, page_head_work
from .placenames import last_place, own_place_named
from .posts import post_of
from .proposals import Naming, Registry, proposal_line
from .requirements import (PEOPLE, general_deadlines, numbered_requirements, requirements_beside, requirements_read,
                           under_demands_part)
from .rosters import roster_of, rosters
from .rules import apply_rule, rule_participants
from .settings import annex_title_of, own_words, period_of
from .shapes import Candidate
from .shares import collective
from .siblings import sibling_holders
from .pdftext import PDF_LAYOUT
from .source import Block, ImportFailed, Source
from .unitnames import THIS_TOWN, level_as_written
from .unitnotes import UnitList
from .wholeplace import report_town, town_named, whole_place

@dataclass
class Draft:
    doc: dict
    articles: dict[int, dict]
    tasks: dict[int, dict]
    proposed: list[dict]
    review: list[str]
    summary: str



def lead_mode(units: UnitList, lead: list[str]) -> str:
    """How a task's leads share it. A list that opens with a collective (各县(市、区)政府、X管委会) or of places'
    governments alone is never led jointly unless a word says so: a collective's members each act in their own
    area, and so does what is listed with them (each its share), as each place's government does in its own."""
    if len(lead) < 2:
        return "first"
    if units.mode == "joint" and (collective(lead[0]) or all(map(_PLACE_GOVERNMENT.search, lead))) \
            and not _SAID_JOINTLY.search(units.as_written):
        return "separate"  # places' governments listed (「甲区人民政府、乙县人民政府」): each in its own area too
    return units.mode


_PLACE_GOVERNMENT = re.compile(r"[区县市州旗乡镇省](?:人民)?政府$")


_SAID_JOINTLY = re.compile("|".join(w for w, role in lexicon().verbs.items() if role == "joint"))



# 「镇村干部」, 「乡、村两委干部」: cadres of the township and of its villages, who serve both levels' bodies
_VILLAGE_CADRES = re.compile(r"^[乡镇]、?村(?:两委)?干部$")
NO_ISSUER_FOR_PEOPLE = ("要求的主语是人员（{people}），未写单位，应由发文机关牵头，但文中没有找到发文机关："
                        "请用 policykb import --issuer 发文机关全称 重新导入")


def _cadres_township(leaders: list[str], issuers: list[str], place: str | None) -> str | None:
    """The township whose cadres (「镇村干部」) a list names beside bodies, in a township's document: its issuer, else
    the township (truth rule 6: people serve a body, and it takes part where another body leads); a county's
    document says not which township."""
    if not (town := _own_township(place)) or not any(_VILLAGE_CADRES.match(p) for p in leaders):
        return None
    return issuers[0] if issuers else town


def _government_of(issuer: str, place: str | None) -> str:
    """The body an issuer named by its place alone (a report's 「眉山市印发了…」) acts through: a city's or county's
    government (truth rule 6: a post over a government's work, that government); a township is its own body (truth
    rule 6: the township whose cadres), and any other issuer is as named."""
    return f"{issuer}人民政府" if place and issuer == place and not _own_township(place) else issuer


def _own_township(place: str | None) -> str | None:
    """The township a township's document is of (攸县黄丰桥镇 -> 黄丰桥镇), or None for another level's."""
    return last_place(place, towns=True) if place and re.search(r"(?:镇|乡|街道)$", place) else None


def _short_title(title: str, place: str | None = None) -> str:
    """What navigation and letters call the document: 「X关于印发《Y》的通知」 → Y; 「X关于Y」 → Y. Y names its place
    when X did and Y does not (「株洲市…关于印发2020年重点工作责任分解的通知」 → 株洲市2020年重点工作责任分解), or two
    places' lists of one name would read alike in the site's navigation."""
    rest = title.split("关于", 1)[-1]
    if m := re.fullmatch(r"(?:印发|转发)?(.+?)的通知", rest):  # 「关于2020年重点工作及责任分解的通知」 too
        rest = m[1]
        if re.fullmatch(r"《[^《》]+》", rest):
            rest = rest[1:-1]
    if rest and place and place != "中央" and place in title.split("关于", 1)[0] \
            and not re.search(re.escape(place[:-1] if len(place) > 2 else place), rest):
        rest = place + rest
    return rest or title



def _own_numbers(own: list[int | None], review: list[str]) -> list[int]:
    """The tasks' numbers: the document's own where it numbers every task in order, else 1, 2, 3 ….

    Two tasks under one number (a table row whose number cell is merged over both) keep the others' own numbers:
    the later of the two takes the next number after the document's last, said in the review. Tasks the document
    does not number (a report's text around its numbered table) take the next free numbers too."""
    numbered = [n for n in own if n]
    if not numbered or any(a > b for a, b in zip(numbered, numbered[1:])):
        return list(range(1, len(own) + 1))
    out, spare = [], max(numbered)
    for n in own:
        if n and n in out:  # (its first task may stand before a task the document does not number)
            spare += 1
            review.append(f"[编号] 原文第{n}项下有两项任务（如合并单元格、一条分两款），后一项编为第{spare}项，请核对")
            n = spare
        elif not n:  # a task the document does not number: the next free number, as when none is numbered
            spare += 1
            n = spare
        out.append(n)
    return out


def _own_labels(read: list[Candidate], numbers: list[int], paths: dict[str, Numbered],
                under: dict[str, tuple[str, Numbered]]) -> list[str | None]:
    """Each task's number as the document writes it (「二、（二）」), where its numbers are not the tasks' (numbered
    afresh under each heading, or tasks in the paragraphs under numbered headings): the first task read from a
    numbered paragraph's words (and the later ones of its clauses), or from the paragraphs under it. None for every
    task of a document whose numbers the tasks keep."""
    numbered = {w: (w, p) for w, p in paths.items()} | under
    first = {numbered[c.where][0] if c.where in numbered else c.where: i for i, c in reversed(list(enumerate(read)))}
    own = [p if c.where in numbered
           and (first[(held := numbered[c.where])[0]] == i or _one_of_clauses(c, read[first[held[0]]], held[1])
                or _ARTICLE.match(held[1].path))
           and _bare(c.text)[:8] in _bare((p := held[1]).text) else None
           for i, c in enumerate(read)]
    # (a task read after an inner mark of the paragraph's rank is that item's, even where it is the first read)
    own = [(_inner_item(c, paths[c.where]) or p) if c.where in paths
           else p or (_inline_item(c, under[c.where][1]) if c.where in under else None) for p, c in zip(own, read)]
    if all(p is None or p.number == n for p, n in zip(own, numbers)):
        return [None] * len(read)
    return [p.path if p else None for p in own]


# 「第三条 X负责…」 then 「Y负责…」 on a line of its own: an article's later paragraph (款) is the article's, as a law
# cites it (第三条第二款), however many tasks its paragraphs hold
_ARTICLE = re.compile(r"^第[一二三四五六七八九十百零〇\d]+[条條]")


def _one_of_clauses(task: Candidate, first: Candidate, paragraph: Numbered) -> bool:
    """A later task read from the same numbered paragraph as its first (「（二）…。示范区处非办要…，各行业主管部门要…」),
    which numbers nothing inside it (no 「①」 or 「2.」 after a stop): the paragraph's number is its own too."""
    return task.where == first.where and not _INNER_MARK.search(paragraph.text)


_INNER_MARK = re.compile(rf"[。；;，,：:\s](?:{MARK}|{COUNT_MARK})")


def _inner_item(task: Candidate, paragraph: Numbered) -> Numbered | None:
    """A later task of a numbered paragraph that numbers more items of its rank inside it (「1.负责指导… 2.负责协调…」:
    a table cell's duties run together on one line): the mark its item opens with, in the paragraph's place."""
    marks = re.findall(rf"{MARK}|{COUNT_MARK}", paragraph.path)
    for inner in re.finditer(rf"(?<=[。；;，,：:\s])(?:{MARK}|{COUNT_MARK})", paragraph.text):
        if marks and style_of(inner.group()) == style_of(marks[-1]) \
                and _bare(paragraph.text[inner.end():])[:8] == _bare(task.text)[:8] != "":
            number = mark_number(inner.group())
            return Numbered(paragraph.path[:-len(marks[-1])] + inner.group(), number, "") if number else None
    return None


def _inline_item(task: Candidate, paragraph: Numbered) -> Numbered | None:
    """A later task of a paragraph under a numbered heading that numbers its own items inside it (「(一)X部门」 then
    「X部门负责…。1、会同…。2、对…」): the heading's number, then the mark its item opens with."""
    for inner in re.finditer(rf"(?<=[。；;，,：:\s])(?:{MARK})", paragraph.text):
        if _bare(paragraph.text[inner.end():])[:8] == _bare(task.text)[:8] != "":
            number = mark_number(inner.group())
            return Numbered(paragraph.path + inner.group(), number, "") if number else None
    return None


# How the tasks were read, as the review's first line says it
_READ_AS = {"table": "表格", "form": "“标签｜内容”表单", "paragraphs": "段落中的单位括注或牵头单位行", "annex": "分工方案括注",
            "general": "通用规则（不依赖版式）", "requirements": "正文中对单位提出的要求（文件没有分工表或单位标注）",
            "holder-form": "责任书表单（表头写明的唯一责任单位）", "own-plan": "发文单位自己的工作方案（各段均为发文单位的任务）"}



def short_title_todo(short: str) -> str:
    """The review's line for a short title derived from the title that cannot be one."""
    return (f"[待补] 简称：由标题得出的“{short[:20]}…”不能作简称（不超过{textrules.MAX_NAME}字的名称），"
            "请在 document.yaml 中补写 short_title")



def _part_title(c: Candidate) -> str:
    """The heading a task stands under, as the knowledge base writes a part's title (the part's number says the
    heading's own)."""
    return heading_words(c.part or c.section or "") or "任务分工"


def _read_after_all(block: Block, read: list[tuple[Candidate, ...]]) -> bool:
    """An item a first reader left unread whose text a later reader made a task of (a notice's request read from its
    sentences): not to be listed as unread beside the task it became."""
    text = _bare(block.text)
    return any(c.where == block.where and text and (text in (own := _bare(c.text)) or own in text)
               for c, *_ in read)


def _bare(text: str) -> str:
    """A text without its list mark, spaces and punctuation: a task keeps its item's words, not its 「一、」 or how
    the item ended (「…管理机制；」 is the task 「…管理机制。」)."""
    return re.sub(r"[\s\W_]", "", _LIST_MARK.sub("", text.strip(), count=1))


_LIST_MARK = re.compile(rf"^(?:{MARK})")



def compose(source: Source, registry: Registry, date: dt.date | None = None, issuers: tuple[str, ...] = ()) -> Draft:
    source = continued(source)  # an item's note under its next paragraph; a page cut inside its last note
    meta: Meta = read_meta(source.blocks, date, issuers)
    candidates, unread, how, known = _candidates(source, registry, meta)
    if source.kind in ("pdf", "ofd"):  # its paragraphs and tables were inferred from where the text stood on the page
        for c in candidates:
            c.units.flags = [*c.units.flags, PDF_LAYOUT]
    if meta.date is None:  # (never the 发文字号's year as 1 January: a letter would print a day nobody wrote)
        year = re.search(r"〔(\d{4})〕", meta.number or "")
        raise ImportFailed("没有找到文件的日期（没有落款日期、成文日期或发布日期）"
                           + (f"；发文字号 {meta.number} 只说明它是{year[1]}年的文件" if year else ""),
                           hint=f"用 --date {year[1] if year else 'YYYY'}-MM-DD 给出原文落款的日期", code="import-no-date")
    doc_level = level_of_place(meta.jurisdiction or "")
    review = [f"来源：{source.path}（{source.kind}{'，' + source.encoding if source.encoding else ''}），"
              f"按{_READ_AS[how]}读取",
              f"管辖：{meta.jurisdiction or '未识别'}（{doc_level or '层级未识别'}）"]
    review += [f"[猜测] {what}：{value}（{where}，置信度 {conf:.1f}）" for what, value, where, conf in meta.guesses]
    parts = list(dict.fromkeys(map(_part_title, candidates)))
    naming = Naming(registry, meta.jurisdiction, doc_level, meta.place_guessed)
    read = _named_units(candidates, naming, meta.issuers, known, unread)
    unread = [b for b in unread if not _read_after_all(b, read) and not states_no_work(b.text)]
    paths = numbered_paths(source.blocks)
    listed = {b.where for b in unread}
    unread += [b for b in left_beside(source.blocks, paths, {c.where for c, *_ in read}) if b.where not in listed]
    # a document that divides its work: its paragraphs of requirements on units are its 工作要求, no task
    asked = [] if how == "requirements" else requirements_read(source.blocks, known, {c.where for c in candidates})
    asked_at = {where for where, _ in asked}
    # a paragraph read as a requirement is said so once: not also as a task whose units were not read
    unread = [b for b in unread if b.where not in asked_at]
    held = [text for c, *_ in read for text in (c.text, c.units.as_written)]
    missed = unread_assignments(source.blocks, held, known, skip={b.where for b in unread} | asked_at)
    unread += missed
    numbers = _own_numbers([c.number for c, *_ in read], review)
    labels = _own_labels([c for c, *_ in read], numbers, paths, paragraphs_under(source.blocks))
    articles, tasks = _entries(read, numbers, labels, parts, meta.date, review)
    people = [c.units.as_written for c in candidates if c.units.how == PEOPLE and not c.units.lead]
    if not tasks:
        raise ImportFailed(f"没有找到能读出责任单位的任务；{len(unread)} 项写单位的方式尚不认识，"
                           f"如：{shown(unread[0])[:60] if unread else ''}",
                           hint=NO_ISSUER_FOR_PEOPLE.format(people=people[0]) if people else
                           "请把这份文件反馈给维护者：它标注单位的写法 policykb 还不认识", code="import-no-tasks")
    if people:
        review.append("[待补] " + NO_ISSUER_FOR_PEOPLE.format(people="、".join(dict.fromkeys(people))))
    review += [f"[未读取] {b.where}：{(t := shown(b))[:80]}{'…' if len(t) > 80 else ''}"
               + ("（这句给单位分派了工作，却没有读作任务，请核对后补录）" if b in missed else "（像是任务，但单位未能读取，请补录）")
               for b in unread]
    review += [proposal_line(u) for u in naming.proposed.values()]
    texts = [b.text for b in source.blocks if not b.is_row]
    review += kind_only_review([n for t in tasks.values() for n in t["lead"] + t.get("participants", [])],
                               title_body(meta.title) or set_up_body(texts))
    # (and the collectives' demands beside the tasks in their paragraphs: 「X负责…。各成员单位要密切配合…」)
    beside = [] if how == "requirements" else requirements_beside(source.blocks, known, candidates)
    order = {b.where: i for i, b in enumerate(source.blocks)}
    asked = sorted(asked + beside, key=lambda found: order.get(found[0], len(order)))
    doc = _document(source, meta, doc_level, how, numbered_requirements(asked), parts, tasks, review)
    parents = cited([b.text for b in source.blocks])  # issue 24: 「根据《…》（X〔Y〕N号）」
    if parents:
        doc["parents"] = parents
        review += cited_review(parents, registry.root) if registry.root else []
    return Draft(doc, articles, tasks, list(naming.proposed.values()), review,
                 _summary(tasks, len(naming.proposed), len(unread), review))


def _candidates(source: Source, registry: Registry,
                meta: Meta) -> tuple[list[Candidate], list[Block], str, tuple[str, ...]]:
    """The tasks read, each with its units as the document names them (short names expanded, people's bodies and a
    rule for all tasks applied); the items left unread; how the tasks were read; the names a list must not split."""
    short = {s: full for s, full in short_names([b.text for b in source.blocks if not b.is_row]).items()
             if s not in registry.names}  # a registered short name (省扶贫办) is the registry's unit already
    # a short name the document gives a body (「市防汛指挥部（以下简称市防指）」) names that unit wherever it stands
    known = known_names(registry.names) + tuple(sorted(short, key=len, reverse=True))
    candidates, unread, how = find_candidates(source, set(registry.names), known)
    if how in ("paragraphs", "general") and opens_inside(source.blocks, meta.title and meta.title_where):
        candidates = page_head_work(candidates, source.blocks, known, divided)  # a page cut from inside a document
    candidates, unread = sibling_holders(candidates, source.blocks, unread)
    _date_cells(candidates, source.blocks)
    texts = [b.text for b in source.blocks if not b.is_row]
    for c in candidates:  # 「全镇要…」: the township the report's meeting is held by, its government
        c.units.lead = [whole_place(n, texts) or n for n in c.units.lead]
    town = report_town(texts) if meta.jurisdiction is None else None
    for c in candidates if town else ():  # 「镇农办」 in a report on 麻山镇: 麻山镇农办
        _rename(c, lambda n: town_named(n, town))
    # 「该镇将…」 where no one township is the report's: no body to name
    candidates = [c for c in candidates if not any(THIS_TOWN.fullmatch(n) for n in c.units.lead)]
    seated = seated_offices(texts)  # 「领导小组办公室设在财政部」: the office's name as the text gives it, kept
    for c in candidates if short else ():  # 「市领导小组办公室」 of 「成立X领导小组（以下简称市领导小组）」: X领导小组办公室
        _rename(c, lambda n: n if named_where_seated(n, seated) else expand_short_name(n, short))
    office = set_up_office(texts)
    for c in candidates if office else ():  # after the short names: the office as the text set it up (联席会议办公室)
        _rename(c, lambda n: name_bare_office(n, office))
    full = title_body(meta.title) or set_up_body(texts)
    for c in candidates if full else ():  # the body set up, named short in the text, by the title's full name
        _rename(c, lambda n: name_in_full(n, full))
    heads = head_posts(texts)
    listed = rosters(texts)
    for c in candidates if heads or listed else ():  # a body's work is led in person: by its roster, else its head
        if not c.units.leaders:
            head = head_of(c.units.lead, heads, short)
            c.units.leaders = roster_of(c.units.lead, listed) or ([head] if head else [])
    demands = under_demands_part(source.blocks)
    if any(c.where not in demands for c in candidates):  # the work is divided before its 「几点要求」: those are requirements
        candidates = [c for c in candidates if c.where not in demands]
    if not candidates:
        raise ImportFailed("这份文件中没有找到写明责任单位的任务",
                           hint="policykb 能读出的任务：单位写在括号里（X、Y负责），或写成“牵头单位：X / 责任单位：Y”的行，"
                                "或在有“任务”“牵头单位”列的表格中；请确认导入的是分工方案本身，而不只是印发通知",
                           code="import-no-tasks")
    apply_rule(candidates, rule_participants(source.blocks, known))
    for c in candidates if meta.jurisdiction is None else ():  # 「乡畜牧站、卫生院」 of no named place: as written
        # (a roster line's partners, 「县政府职责：…组织相关部门和镇政府实施」, are written in its duty, not its name)
        _rename(c, lambda n, c=c: level_as_written(n, f"{c.units.as_written}\n{c.text}"))
    if any(lexicon().scope["first_leads"].search(b.text) for b in source.blocks):  # the document says the first leads
        for c in candidates:
            c.units.by_custom = False
    return candidates, unread, how, known


def _rename(c: Candidate, rename: Callable[[str], str]) -> None:
    """A task's leads and participants, each under the name `rename` gives it."""
    c.units.lead = [rename(n) for n in c.units.lead]
    c.units.participants = [rename(n) for n in c.units.participants]


def _date_cells(candidates: list[Candidate], blocks: list[Block]) -> None:
    """A table stored one cell a line (「区城管局负责,…取缔…」 then 「2008年5月1日前」): a line holding a deadline alone
    right after a task's paragraph is its 完成时限 cell, read so when the task's own text holds none."""
    after = {b.where: nxt for b, nxt in zip(blocks, blocks[1:]) if not b.is_row and not nxt.is_row}
    for c in candidates:
        if (nxt := after.get(c.where)) and not c.deadline_text and not timing.find(c.text, 2000) \
                and timing.date_cell(nxt.text):
            c.deadline_text = nxt.text.strip()


def _named_units(candidates: list[Candidate], naming: Naming, issuers: list[str], known: tuple[str, ...],
                 unread: list[Block]) -> list[tuple[Candidate, list[str], list[str], list[str]]]:
    """Each task with the units its names are (leads, participants) and the flags of what was guessed; a task with no
    lead the grammar could read goes to `unread`, for review, not imported."""
    read = []
    for c in candidates:
        flags = list(c.units.flags) + [FIRST_BY_CUSTOM] * c.units.by_custom
        if c.units.how == PEOPLE and not c.units.lead and c.units.leaders \
                and all(map(lexicon().village_post.match, c.units.leaders)):
            c.units.lead = ["各村"]  # 「支部书记要…」: each village's own people: the villages answer for the work
        if c.units.how == PEOPLE and not c.units.lead and issuers:
            # people alone as the subject (「我镇机关干部要…」): the body that issued the demand answers for it; of
            # several issuers (「镇党委、政府」) the first listed leads and the others take part (truth rule 5)
            c.units.lead, c.units.mode = [_government_of(issuers[0], naming.place)], "first"
            c.units.participants = [*issuers[1:], *c.units.participants]
            if any(_VILLAGE_CADRES.match(p) for p in c.units.leaders):  # 「镇村干部要…」: the villages take part
                c.units.participants = c.units.participants + ["各村"]
            flags.append(ISSUER_LEADS)
        elif c.units.how == PEOPLE and not c.units.lead and (town := _own_township(naming.place)):
            # 「全体干部负责…」 in a township's report that names no issuer: the township whose people they are answers
            c.units.lead = [town]  # (truth rule 6), as for its cadres beside bodies below
            flags.append(ISSUER_LEADS)
        elif c.units.lead and (town := _cadres_township(c.units.leaders, issuers, naming.place)) \
                and town not in c.units.lead + c.units.participants:
            c.units.participants = [*c.units.participants, town]  # 「派出所、镇村干部要…」: the cadres' township takes part
        lead = [n for n in dict.fromkeys(naming.unit(n, flags) for n in c.units.lead) if n]
        participants = [p for p in dict.fromkeys(naming.unit(p, flags) for p in c.units.participants)
                        if p and p not in lead]
        c.units.flags = flags
        if not lead:  # nothing the grammar could read as a lead: listed for review, not imported
            unread.append(Block(c.text + (f"（{c.units.as_written}）" if c.units.as_written else ""), c.where))
            continue
        listed = c.units.lead + c.units.participants if len(c.units.leaders) == 1 else []  # one post, after all
        c.units.leaders = list(dict.fromkeys(own_place_named(post_of(p, c.units.lead, known, listed), naming.place)
                                             for p in c.units.leaders))
        read.append((c, lead, participants, flags))
    return read


def _entries(read: list[tuple[Candidate, list[str], list[str], list[str]]], numbers: list[int],
             labels: list[str | None], parts: list[str], date: dt.date,
             review: list[str]) -> tuple[dict[int, dict], dict[int, dict]]:
    """The articles and tasks of the draft, by number; each task's reading, flags and deadlines in the review."""
    articles: dict[int, dict] = {}
    tasks: dict[int, dict] = {}
    for (c, lead, participants, flags), number, label in zip(read, numbers, labels):
        found = timing.find(c.text, date)  # its day, not its year: minutes set 本周完成
        if c.deadline_text:  # a 完成时限 cell, or the text after the units: read after the task's own text
            found += timing.find_cell(c.deadline_text, date, offset=len(c.text) + 1)
        head, sep, body = c.text.partition("。")
        titled = bool(sep and len(head) <= 40 and body.strip())  # 「（一）标题。正文」: the item's own title
        part = parts.index(_part_title(c)) + 1
        articles[number] = {"number": number, "part": part, "title": head if titled else task_ref(number, label),
                            "text": body.strip() if titled else c.text}
        tasks[number] = {"number": number, **({"label": label} if label else {}), "section": part, "text": c.text,
                         "units_as_written": c.units.as_written,
                         "lead_mode": lead_mode(c.units, lead), "lead": lead, "participants": participants,
                         "open_ended": c.units.open_ended, **({"leaders": c.units.leaders} if c.units.leaders else {}),
                         "articles": [number], "deadlines": timing.as_deadlines(found)}
        review.extend(n for n in c.notes if n not in review)
        review.append(f"[任务 {number}] {f'原文编号 {label}，' if label else ''}{c.where}，{c.shape}，"
                      f"置信度 {confidence_of(c, flags):.2f}：牵头 {'、'.join(lead)}"
                      + (f"；参与 {'、'.join(participants)}" if participants else "")
                      + (f"；责任领导 {'、'.join(c.units.leaders)}" if c.units.leaders else "")
                      + (f"（{flags_cn(flags)}）" if flags else ""))
        for f in found:
            if f.date is None:
                review.append(f"[时限未识别] 第{number}项：“{f.phrase}”（{c.where}，第{f.start + 1}字起）")
            else:
                review.append(f"[时限] 第{number}项：“{f.phrase}” → {f.date.isoformat()}（{f.kind}，{c.where}）")
        if c.deadline_text and not any(f.start > len(c.text) for f in found):
            review.append(f"[时限未识别] 第{number}项：“{c.deadline_text}”（{c.where}，时限栏原文，未转为日期）")
    return articles, tasks


def _document(source: Source, meta: Meta, doc_level: str | None, how: str, requirements: list[dict],
              parts: list[str], tasks: dict[int, dict], review: list[str]) -> dict:
    """The draft's document.yaml: title, issuers, parts, the annex with its requirements and general deadlines, the
    letters' words, the period; what could not be found is a 待补 line of the review, never a made-up value."""
    # A bare table has no title line. The title is left empty rather than guessed from the file name:
    # letters quote it to people who sign them, so check refuses it until someone writes it.
    title = (meta.title or "").strip().rstrip("。．.")  # a first paragraph taken as the title keeps no full stop
    if not title:
        review.append("[待补] 标题：文中没有找到文件标题，请在 document.yaml 的 title 中写明"
                      "（未写明前 check 报错，不生成责任书）")
    short = _short_title(title, meta.jurisdiction) if title else None
    if short and textrules.name_problem(short):  # the draft must pass check: a sentence is no short title
        review.append(short_title_todo(short))
        short = None
    review += [f"[工作要求 {r['number']}] {r['text'][:60]}{'…' if len(r['text']) > 60 else ''}（读作工作要求：不是任务，"
               "责任书按角色引用，其中的时限适用于各项任务；若应作任务，请移入 tasks）" for r in requirements]
    measures, list_name = own_words(title)
    annex_title = annex_title_of(source)
    if how == "requirements" and annex_title:  # the notice names its list, whose division it does not hold
        review.append(f"[待补] 附件：原文列出附件{cite(annex_title)}，文中却没有它的分工，这份可能只是印发通知；"
                      "附件另有文件的，请导入附件本身（本次只读出了通知中对单位提出的要求）")
    general = _general_deadlines(source, requirements, meta.date.year, review)
    period = period_of(title, meta.date, tasks, general)
    issuers = meta.issuers  # never the title: a document whose issuer was not found gets none, and check says so
    _issuer_review(issuers, meta.jurisdiction, review)
    doc = {"title": title, **({"short_title": short} if short else {}), **({"number": meta.number} if meta.number else {}),
           "issuers": issuers, "date": meta.date, "preamble": "",
           "parts": [{"number": i, "title": t} for i, t in enumerate(parts, start=1)],
           "annex": {"title": annex_title or f"{measures.removesuffix('任务')}任务分工", "preamble": "",  # not 重点任务任务分工
                     "sections": [{"number": i, "title": t, "part": i} for i, t in enumerate(parts, start=1)],
                     "requirements": requirements, "general_deadlines": general,
                     **({} if annex_title else {"attached": False})},
           "errata": [],
           "letters": {"title": f"{measures}通知" if doc_level == "中央" else f"{measures}责任书",
                       "list_name": list_name, "measures": measures},  # no number made up: the document has none for letters
           **({"period": period} if period else {}),
           "source": "", "jurisdiction": meta.jurisdiction}
    if period is None:
        review.append("[待补] 实施期：标题和任务时限都没有给出，请在 document.yaml 中写 period（责任书的有效期据此；"
                      "未写时按成文日期起五年计）")
    else:
        review.append(f"[猜测] 实施期：{period['start'].isoformat()} 至 {period['end'].isoformat()}"
                      f"（{period['phrase']}，置信度 0.6）")
    return doc


def _general_deadlines(source: Source, requirements: list[dict], year: int, review: list[str]) -> list[dict]:
    """The deadlines every task keeps: those of the requirements, and a schedule's last date (时间安排)."""
    general = general_deadlines(requirements, year)
    span = timing.schedule_span([(b.where, b.text) for b in source.blocks if not b.is_row], year)
    if span and not any(g["phrase"] == span[0].phrase for g in general):
        general.append({"id": "schedule", **timing.as_deadlines([span[0]])[0]})
        review.append(f"[时限] 通用：“{span[0].phrase}” → {span[0].date.isoformat()}（{span[1]}，时间安排）："
                      "适用于每项任务，请核对")
    return general


def _issuer_review(issuers: list[str], jurisdiction: str | None, review: list[str]) -> None:
    """What the review asks of the issuer and the jurisdiction: written where none was found, or placed."""
    if not issuers:
        review.append("[待补] 发文机关：落款、版头和标题中都没有找到，请在 document.yaml 的 issuers 中写明"
                      "（未写明前 check 报错，不生成责任书）")
    elif not any(jurisdiction_of(i) for i in issuers):
        review.append(f"[待补] 发文机关：“{'、'.join(issuers)}”没有写明地方，请在 document.yaml 的 issuers 中写全称"
                      f"（管辖按{jurisdiction or '未识别'}）")
    if issuers and not jurisdiction:
        review.append(f"[待补] 管辖：从发文机关“{'、'.join(issuers)}”看不出地方，请在 document.yaml 的 jurisdiction "
                      "中写明（如 黄石市下陆区），否则不同地方的同名单位无法区分")


def _summary(tasks: dict[int, dict], proposed: int, unread: int, review: list[str]) -> str:
    """The import's last line: what was read, and how many items need a look."""
    leads = sum(len(t["lead"]) for t in tasks.values())
    unparsed = sum(1 for line in review if line.startswith("[时限未识别]"))
    doubtful = sum(1 for line in review if line.startswith("[任务 ") and float(line.split("置信度 ")[1][:4]) < CONFIDENT)
    doubtful += sum(1 for line in review if line.startswith(("[待补]", "[编号]")))
    return (f"{len(tasks)} 项任务（{leads} 个牵头单位），{proposed} 个拟新增单位，"
            f"{unread} 段疑似任务未读取，{unparsed} 处时限未识别；需要审核 {doubtful + unread} 项")
