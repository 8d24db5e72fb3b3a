"""Which items of a document are tasks: the layout recognisers' reading (a table, a form, notes in brackets), the
general grammar's where they read nothing or left items unread, and the fallbacks when nothing divides the work (a
notice's demands, a body's own plan, a one-unit form).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import takewhile

from ..textrules import DIVISION_ROLE, ROLE_HOLDER
from .clauses import SETS_UP_COUNTERPART
from .columns import header_columns
from .founded import approved_draft, only_sets_up
from .generic import general_only, general_tasks
from .holders import defined_body, duty_heading, holder_form_tasks
from .itemmarks import ITEM, PART, SECTION
from .items import (duty_line, duty_paragraph, holders_heading, lead_heading, named_duties, pledge_signatory,
                    unit_duties_heading, unit_heading)
from .lexicon import alternation, lexicon
from .oversight import SENTENCE_SHAPES, notice_demands
from .ownplan import own_plan_tasks
from .requirements import ADDRESSED, PEOPLE, requirement_tasks, without_all_addressed
from .shapes import Candidate, inline_tasks
from .shares import collective
from .source import Block, Source
from .tabletasks import form_tasks, table_tasks


def _numbers_from_list(candidates: list[Candidate], blocks: list[Block]) -> None:
    """A table without numbers restating a numbered list before it (工作要点, then 任务分解): each row takes the
    number of the list item that holds its text; rows found in no item keep none (and the tasks are numbered in order)."""
    if any(c.number for c in candidates):
        return
    items = [(int(m[1] or m[3]), b.text) for b in blocks if not b.is_row and (m := ITEM.match(b.text))]
    for c in candidates:
        key = re.sub(r"[\s，,。；;、]", "", c.text)[:16]
        numbers = [n for n, text in items if len(key) >= 8 and key in re.sub(r"[\s，,。；;、]", "", text)]
        c.number = numbers[0] if len(numbers) == 1 else None


def known_names(names: Iterable[str]) -> tuple[str, ...]:
    """Registered names a list would otherwise split (they hold 、 or 和), longest first."""
    return tuple(sorted((n for n in names if re.search("[、和]", n)), key=len, reverse=True))


def find_candidates(source: Source, registered: set[str],
                    known: tuple[str, ...]) -> tuple[list[Candidate], list[Block], str]:
    """The layout recognisers' reading; the general reader where they read nothing, and on the items they left unread."""
    candidates, unread, how = ([], [], "") if general_only() else _recognised(source, known)
    # (a table of the issuer's own work names no lead: the issuer answers for it, given below)
    if not any(c.units.lead or c.units.how == PEOPLE for c in candidates):  # the recognisers read no lead at all
        candidates, unread = general_tasks(source.blocks, known, registered)
        how = "general"
    else:
        candidates = _with_general(candidates, unread, source, known, registered, how)
    if not any(c.units.lead for c in candidates) and (own := own_plan_tasks(source.blocks)):
        candidates, how = own, "own-plan"  # 「我局的工作方案如下：」: the issuer's own work, paragraph by paragraph
    elif not any(c.units.lead for c in candidates):  # no assignment anywhere: a notice's requirements are its work
        candidates, how = _demands_read(requirement_tasks(source.blocks, known) or candidates)
        if not any(c.units.lead for c in candidates):  # nor any requirement: a one-unit form (目标责任书) names its unit
            candidates, how = holder_form_tasks(source.blocks) or candidates, "holder-form"
    elif not divided(candidates) and (demands := requirement_tasks(source.blocks, known)):
        # only 「各地各部门要…」 and 「各牵头单位要…」 sentences read: a notice dividing no work on the page (its table
        # an attachment elsewhere), whose demands are all it asks (corpus truth rule 2), read as such, where that
        # reading holds every sentence the other one read
        if len(demands) > len(candidates) and {c.where for c in candidates} <= {d.where for d in demands}:
            candidates, how = _demands_read(demands)
    candidates = _without_notice_demands(candidates)
    return without_all_addressed(_without_own_supervision(_without_set_up(candidates), source.blocks),
                                 source.blocks), unread, how


LEAD_HEADING = "lead-heading"  # tasks numbered under a heading naming their lead (「一、X牵头工作（8项）」)


def _without_notice_demands(candidates: list[Candidate]) -> list[Candidate]:
    """Beside a division of work (a table, notes, labels), its covering notice's checks on the others' progress and
    demands on its role holders (oversight.py): requirements (truth rule 1), left to `requirements_read`; where nothing
    else divides the work they stay its tasks (rule 2)."""
    demands = notice_demands(candidates) + [c for c in candidates if c.shape in SENTENCE_SHAPES and _on_role_holders(c)]
    kept = [c for c in candidates if c not in demands]
    # (the division a table, note, label or heading makes, giving named units their work: where the work is divided
    # by sentences alone, a roster of duties or a notice's demands, a body's checks are its own duty, rule 2)
    return kept if demands and any(c.shape not in SENTENCE_SHAPES and any(map(_named, c.units.lead))
                                   for c in kept) else candidates


def _asked_of_all_addressed(candidate: Candidate) -> bool:
    """A task read from a demand naming no units, its holders the notice's addressees (requirements.ADDRESSED)."""
    return any(n.startswith(ADDRESSED[:ADDRESSED.index("{")]) for n in candidate.notes)


def _without_set_up(candidates: list[Candidate]) -> list[Candidate]:
    """A body set up (「成立活动领导小组，以保证…」) whose own duties are read elsewhere (「领导小组职责：负责…」): its
    setting up is no task of its own, its duties are."""
    set_up = [c for c in candidates if len(c.units.lead) == 1 and only_sets_up(c.text)]
    return [c for c in candidates if c not in set_up or not any(
        o is not c and o.units.lead == c.units.lead and o not in set_up for o in candidates)]


def _without_own_supervision(candidates: list[Candidate], blocks: list[Block]) -> list[Candidate]:
    """The sentences in which a group the document set up itself (「…厅成立X领导小组」, then 「领导小组将定期听取
    督查情况汇报」) supervises the others, beside other work: the issuer's supervision, a requirement (truth rule 1)."""
    groups = [body for b in blocks if not b.is_row and (body := defined_body(b.text))]
    own = [c for c in candidates if c.shape == "subject" and len(c.units.lead) == 1
           and re.search(rf"{re.escape(c.units.lead[0])}(?:还|也)?将[^。；;]*(?:{_SUPERVISION.pattern}|听取)", c.text)
           and any(g.endswith(c.units.lead[0]) for g in groups)]
    return [c for c in candidates if c not in own] if len(own) < len(candidates) else candidates


def _demands_read(demands: list[Candidate]) -> tuple[list[Candidate], str]:
    """A notice's demands read as its tasks; but where they give named units their own work (「请交通局…」), the
    demands on the division's role holders (「要求各责任单位认真落实…」, 「各责任单位的主要负责同志要亲自过问」: their
    people too) are requirements on carrying it out, as truth rule 1 reads them, and the rest a division."""
    if not divided(demands):
        return demands, "requirements"
    # (「县林长制联席成员单位要…」: where nothing on the page divides the work, the members of a body named are no
    # holders of a role in it, and keep their demand)
    return [c for c in demands if not _on_role_holders(c, members=False) and not _will_supervise(c)
            and not _asks_seriousness(c)], "general"


def _asks_seriousness(demand: Candidate) -> bool:
    """「各单位要提高思想认识，把…作为重中之重」: a demand whose holders are asked, first of all, only to take the work
    seriously (lexicon seriousness_words, right after their modal): beside sentences giving named units their own work,
    a requirement on carrying the division out (truth rule 1); not where work is listed with it (「要提高认识、密切协作」)."""
    subject = demand.units.as_written
    at = demand.text.find(subject) if subject else -1
    return at >= 0 and bool(re.match(
        rf"[^，,。；;]{{0,4}}?(?:一定|务必)?(?:要|务必|必须|须|应当?)(?:切实|进一步|更加|不断)?"
        rf"(?:{alternation(lexicon().seriousness_words)})(?!、)", demand.text[at + len(subject):]))


def _on_role_holders(demand: Candidate, members: bool = True) -> bool:
    """A demand whose holders are all the division's role holders (「协同单位积极配合」, 「各责任单位的主要负责同志要…」);
    the members of a body named (「联席会议成员单位」) among them unless `members` is false."""
    return bool(holders := demand.units.lead or demand.units.leaders) \
        and all(_DIVISION_ROLE.search(n) and (members or not _MEMBERS_OF_BODY.search(n)) and not _FIELD_HOLDER.match(n)
                for n in holders)


# 「市容环境卫生责任单位应当…」: whoever answers for a field of work where it arises (a regulation's term, four
# characters of field or more, no determiner or division word in them), a kind of body, not a role of this division
_FIELD_HOLDER = re.compile(r"^(?:(?!各|有关|相关|其他|其它|主要|牵头|配合|协同|项目|任务|工作|问题|整改|成员)[\u4e00-\u9fff]){4,}责任单位$")


# 「县林长制联席成员单位」, 「X领导小组成员单位」: the members of a body the text names, units known by their membership
_MEMBERS_OF_BODY = re.compile(r"(?:联席(?:会议)?|领导小组|委员会|指挥部)成员(?:单位|部门)$")


def _will_supervise(demand: Candidate) -> bool:
    """「镇综合督查组将不定时开展暗访，…将在全镇进行通报批评」: a body set up to supervise (督查组, 督查室) announcing its
    checks beside a division: the notice's supervision, a requirement (truth rule 1), no share of the work; the issuer
    saying what it will do itself (「我局将定期统计…并通报」) may be work of its own."""
    return len(demand.units.lead) == 1 and bool(_SUPERVISING_BODY.search(demand.units.lead[0])) and bool(re.search(
        rf"{re.escape(demand.units.lead[0])}(?:还|也)?将[^。；;]*(?:{_SUPERVISION.pattern})", demand.text))


_SUPERVISING_BODY = re.compile(r"督查|督办|督导")


_SUPERVISION = re.compile(r"督查|督办|督导|跟踪|考核|通报|总牵头|问责")  # (总牵头: leading the whole work, no share of it;
# 问责: holding the others to account for it)
_ROLE_HOLDER = re.compile(rf"{ROLE_HOLDER}$")
# a holder named by its role in the division (各责任单位, 牵头部门), or its chief (各责任单位的主要负责同志)
_DIVISION_ROLE = re.compile(rf"{DIVISION_ROLE}(?:$|的?(?:主要)?负责)")


def divided(candidates: list[Candidate]) -> bool:
    """Tasks read from a division of work: a note, label, table or form recognised as such, or a sentence giving
    a named unit its work (not only collectives, 各地各部门, or role holders, 各牵头单位, 责任单位, and not the
    supervision of the others, 「厅办公室负责跟踪督查」: a demand of the notice, as the corpus truth's rule 1 says,
    unless a lead word gives it with partners named: 「由X牵头，会同Y、Z组成督查组」 divides the work; 「X要会同Y对…进行
    督导」, a demand, and 「牵头单位要统筹相关责任单位…」, role holders gathered, do not; nor does a meeting approving a
    body's draft, 「会议同意X提出的《…》，修改完善后…」: the meeting's decision on it, beside what the meeting asks)."""
    return any(c.shape not in ("subject", "general") or _LED.search(c.text) and any(map(_named, c.units.participants))
               or not _SUPERVISION.search(c.text) and any(map(_named, c.units.lead)) and not approved_draft(c.text, ())
               and not _asked_of_all_addressed(c)  # 「三、每年要对…开展“回头看”」: the addressees asked, none singled out
               for c in candidates)


# (not 「各负其责」: each bears its own share, which makes none of them lead the others)
_LED = re.compile(alternation(w for w, role in lexicon().verbs.items()
                              if role in ("lead", "joint", "separate") and not w.startswith("各")))


def _named(unit: str) -> bool:
    """A unit named, not all of a kind (各地, 有关部门), others (其他…), the holders of a role (各牵头单位), or one
    kind of body at each of several levels (县乡两级服务机构)."""
    return not collective(unit) and not unit.startswith(("其他", "其它")) and not _ROLE_HOLDER.search(unit) \
        and not _LEVELS_OF_KIND.match(unit)


# 「县乡两级退役军人服务机构」, 「省市县三级财政」: the bodies of one kind at each level written, no body named
_LEVELS_OF_KIND = re.compile(r"^[省市州县区旗乡镇村、]{2,8}[两二三四五]级")


def _with_general(candidates: list[Candidate], unread: list[Block], source: Source,
                  known: tuple[str, ...], registered: set[str], how: str) -> list[Candidate]:
    """The recognisers' tasks, with what the general reader reads in the items they left unread, each in its place.
    Around a table, the paragraphs are only offered to the general reader: a salutation, a title or a date there
    is no task left unread."""
    # the lines that set up a body and its duty headings stay with what is offered, so that a duty paragraph the
    # recognisers left (「决定成立X领导小组」 … 「一、主要职责」「负责…」) is still the body's, and a 责任书's signatory
    # (「…与各村签定本责任书」) still holds the duties naming nobody; they are no task themselves
    # (every short heading too: the next one closes a duty heading's reach)
    left = {b.where for b in unread}
    lines = [b for b in source.blocks if b.where not in left and not b.is_row]
    context = {b.where for b in lines if defined_body(b.text) or duty_heading(heading_words(b.text))
               or pledge_signatory(b.text)}
    # a heading naming the holders of the duties under it (「（一）各县(区)政府工作责任」) and the 「负责…」 paragraph
    # right under it, which no recogniser read: theirs
    texts = [b for b in source.blocks if not b.is_row]
    read = {c.where for c in candidates}
    headed = {after.where for b, after in zip(texts, texts[1:]) if holders_heading(b.text) and duty_paragraph(after.text)}
    context |= {b.where for b, after in zip(texts, texts[1:]) if after.where in headed and b.where not in left}
    # 「办公室职责：负责…」: a unit's duties on its heading's line, where no recogniser read them
    headed |= {b.where for b in texts if duty_line(b.text) and b.where not in read}
    # 「（四）卫生部门。按照…，做好…」: a numbered unit's name as a sentence, its duties after it, where none read them
    headed |= {b.where for b in texts if named_duties(b.text) and b.where not in read}
    # a heading naming a unit's duties (「（一）镇防汛工作领导小组职责」) and the items numbered under it, none of which a
    # recogniser read: the unit's, the heading no task itself
    # (「（一）县人民政府职责」 then its duties in one paragraph, whatever verb opens it, which no recogniser read: theirs)
    for b, after, then in zip(texts, texts[1:], [*texts[2:], None]):
        if unit_duties_heading(b.text) and after.where in left and not ITEM.match(after.text) \
                or unit_heading(b.text) and after.where not in read and not _marked(after.text) \
                and not (then and ITEM.match(then.text)):
            # (「（四）工商部门」 then its one paragraph of duties, whatever verb opens it: a roster by kinds of bodies; not
            # a paragraph over items, 「（二）X站」「该点位…良好」「1.…」: an inspection's place, its observations)
            context.add(b.where)
            headed.add(after.where)
    duties = {w for at, b in enumerate(texts) if b.where in context and duty_heading(heading_words(b.text))
              for w in _under_duty_heading(b, texts[at + 1:], read)}
    headed |= duties
    led: set[str] = set()  # the items under a heading naming their lead: a division the heading makes
    for at, b in enumerate(texts):
        under = list(takewhile(lambda a: ITEM.match(a.text) and not _sibling(b.text, a.text), texts[at + 1:]))
        leads = lead_heading(b.text)
        if under and (unit_duties_heading(b.text) or unit_heading(b.text) or leads) \
                and not any(a.where in read for a in under):
            context.add(b.where)
            headed |= {a.where for a in under}
            led |= {a.where for a in under} if leads else set()
        elif under and unit_heading(b.text) and not all(a.where in read for a in under):
            # 「（一）民政部门」 over 「1、负责…」…「4、…由X负责安置」: the items a recogniser left are the unit's
            context.add(b.where)
            headed |= {a.where for a in under if a.where not in read}
    if context:
        context |= {b.where for b in lines if len(b.text) <= 20 and (PART.match(b.text) or SECTION.match(b.text))}
        context -= duties  # (a short duty item, 「（四）完成交办的其他事项。」, is no heading)
    offered = [b for b in source.blocks if b.where in context | headed or b.where in left] if context or headed \
        else unread
    extra, still = general_tasks(offered, known, registered)
    # (a line setting up a body that also asks units to set up their counterparts, 「成立X领导小组，…，加强对…的领导。
    # 同时，各县(区)成立相应机构」, divides the work of leading it: its tasks stay)
    shared = {c.where for c in extra if SETS_UP_COUNTERPART.match(c.text)}
    extra = [c for c in extra if c.where not in context or c.where in shared
             and not any(o.where == c.where and o.units.lead == c.units.lead for o in candidates)]
    for c in extra:
        if c.where in led:
            c.shape = LEAD_HEADING
    # (around a table only its rows left unread stay listed: the paragraphs were offered, not found unread)
    unread[:] = still + [b for b in unread if (how != "table" or b.is_row) and all(b.where != c.where for c in extra)
                         and all(b.where != s.where for s in still)]
    order = {b.where: i for i, b in reversed(list(enumerate(source.blocks)))}
    out = list(candidates)
    for c in extra:
        at = order.get(c.where, len(order))
        index = next((i for i, o in enumerate(out) if order.get(o.where, len(order)) > at), len(out))
        out.insert(index, c)
    return out


def _sibling(heading: str, text: str) -> bool:
    """「2.财政部门：…」 after 「1.农业部门。」 and its 「（1）…」: an item numbered as the heading is, no item under it."""
    mine, its = ITEM.match(heading), ITEM.match(text)
    return bool(mine and its and bool(mine[1]) == bool(its[1]))


def _marked(text: str) -> bool:
    return bool(ITEM.match(text) or SECTION.match(text) or PART.match(text))


def _under_duty_heading(heading: Block, after: list[Block], read: set[str]) -> set[str]:
    """A duty heading naming no unit (「一、主要职能」 under 「建立X联席会议制度」): the paragraph and items under it, up to
    the next heading of its rank, when no recogniser read any of them: offered to the general reader, which gives
    them to the body set up (a recogniser reading a later paragraph, 「联席会议办公室设在…」, must not hide them)."""
    rank = (PART, SECTION) if SECTION.match(heading.text) else (PART,)
    under = list(takewhile(lambda a: not any(r.match(a.text) for r in rank), after))
    return {a.where for a in under} if under and not any(a.where in read for a in under) else set()


def _recognised(source: Source, known: tuple[str, ...]) -> tuple[list[Candidate], list[Block], str]:
    candidates = table_tasks(source.blocks, known)
    if candidates:
        _numbers_from_list(candidates, source.blocks)
        # the paragraphs around the table, read by the grammar too (「“X”（市Y局）」 in a report's text); numbered
        # items are left out: they are the list the table restates
        around = [b for b in source.blocks if not b.is_row and not (ITEM.match(b.text) or SECTION.match(b.text)
                                                                     or PART.match(b.text))]
        return candidates, around + _rows_left(source.blocks, candidates), "table"
    unread: list[Block] = []
    candidates = form_tasks(source.blocks, known)
    if candidates:
        return candidates, unread, "form"
    candidates, unread = inline_tasks(source.blocks, known=known)
    if candidates:
        return candidates, unread, "paragraphs"
    if "分工" in source.text:  # an annex of bare lists 「（省扶贫办、省农委）」 under a 分工方案 heading
        candidates, unread = inline_tasks(source.blocks, bare_notes=True, known=known)
    return candidates, unread, "annex"


def shown(block: Block) -> str:
    """A block as the review quotes it: a table row by its filled cells only."""
    return " | ".join(c for c in block.cells if c) if block.is_row and block.cells else block.text


def _rows_left(blocks: list[Block], candidates: list[Candidate]) -> list[Block]:
    """Rows of a table that gave no task though a cell reads like one (a copied table whose cells slipped out of
    their columns): offered to the general reader, and listed as not read if it reads nothing either."""
    taken = {c.where for c in candidates}
    return [b for b in blocks if b.is_row and b.where not in taken and not header_columns(b.cells or ())
            and any(len(c) > 20 and re.search(r"[，,。；;]", c) for c in b.cells or ())]  # a sentence, no heading



def heading_words(heading: str) -> str:
    """A heading without its number mark (「(一)」, 「二、」) or closing mark (「制定工作任务清单。」)."""
    heading = heading.strip()
    marked = next((m for pattern in (PART, SECTION, ITEM) if (m := pattern.match(heading))), None)
    return ([g for g in marked.groups() if g][-1] if marked else heading).strip().rstrip("。；;，,：: ")

