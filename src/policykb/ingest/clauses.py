"""Assignments written as sentences whose subject is the unit, and lines that name a unit before its duty.

- 「县发改局负责做好项目的立项审批；县财政局负责会同各项目主管部门抓好资金管理」: each clause whose subject
  is a list of units, followed by a modal or a verb of doing (要, 必须, 负责, 做好 …), is a task of those units
  (several subjects do it together); 「会同X」 right after the verb names a participant; a lead-in clause may
  stand before the subject (「围绕方案的实施，市督查办要…」, 「根据…，各乡镇负责…」).
- 「由X按照属地管理原则，建立…，Y加强督促指导」: 由 names the doer (a manner may stand before its verb; a topic
  before it, after a comma or quoted: 「“河长制”由X组织实施」); a later clause whose subject is a unit and whose verb
  guides or takes part (lexicon.yaml) names a participant;
- 「园区成立开发公司，在园区办的指导下，负责…」: the body set up is the subject, the one it works under guides;
- 「商委：协调公安、供销社做好…」: a line that starts with a unit's name and a colon, then a duty;
- 「…，X、Y将负责…」, 「X、Y牵头实施…」: a subject whose verb makes it lead or answer for the work, after a sentence's
  lead-in clauses too, assigned wherever it stands (`assigned_subjects`).
Every name must read as a unit (lexicon.yaml's unit grammar); anything else is no assignment.
This module reads clauses in a paragraph; the parts they are read with are their own modules: the subject's grammar
(subjects.py), how a list shares the work (shares.py), the units beside the subject (partners.py), a body set up
(founded.py), the people answering in person (inperson.py), lists before a verb the lexicon lacks (listedsubjects.py).
"""
from __future__ import annotations

import copy
import re

from . import timing
from .founded import FOUNDED, SETS_UP, approved_draft, founded_body, given_work, holds
from .inlinenotes import DEFINITION
from .inperson import heads_named, in_person, labelled_people, roster_heads, sent_people, signers, without_people_labels
from .lexicon import alternation, is_person, lexicon
from .partners import (CHAIN, GUIDES_THEN, HELPS, OWN_SHARE, SIDE, WORKS_BESIDE, attending_bodies, only_cooperates,
                       only_helps, partners_with, sharing_later)
from .quotas import LISTED_PLACE
from .shares import ALL_WORDS, collective, list_roles
from .subjects import (BY_DOER, DONE, IN_NAME_OF, INSPECTION, LEAD_IN, MANNER, MODAL, OPENING, reported_on_a_day, subject_match,
                       subject_name, unit_names)
from .unitnames import level_list, looks_like_unit
from .unitnotes import UnitList, parse_units

# 「领导小组下设办公室，办公室设在经济发展局，主要负责…」: the office of the group, seated in a body, is the subject
# (「指挥部下设办公室在县公安消防大队，具体负责…」: the seat right after it, 设 unwritten)
_OFFICE_SET_UP = re.compile(r"^(?P<group>[^，,：:；;。“”\"]{2,40}?)下设(?P<office>办公室|工作专班)(?:[，,]\s*(?:(?P=office))?(?=设在)|(?=[在于]))")
# 「领导小组在县卫计办设立办公室，负责…」: the seat first, then the office the group sets up there; read as the form above
_OFFICE_SEATED = re.compile(r"^(?P<group>[^，,：:；;。“”\"在]{2,40}?(?:组|指挥部|委员会|专班|联席会议))在(?P<seat>[^，,：:；;。“”\"在]{2,20}?)"
                            r"设立?(?P<office>办公室|工作专班)(?=[，,])")


def _office_set_up(clause: str) -> str:
    """The clause with a group's office read as its subject: 「领导小组下设办公室，办公室设在X，负责…」 → 「领导小组办公室设在X，…」."""
    clause = _OFFICE_SEATED.sub(r"\g<group>下设\g<office>，\g<office>设在\g<seat>", clause)
    return _OFFICE_SET_UP.sub(r"\g<group>\g<office>", clause)


# 「各镇人民政府、街道办事处，区政府有关部门和单位要…」: collectives, a comma, then more and their verb
_COLLECTIVES_THEN = re.compile(r"^(?P<first>[^，,：:；;。“”\"]{2,60})[，,]\s*")


# 「对逾期未整改的，新区将实施约谈」: the cases the subject after the comma acts on. Read only where the demands are all
# a document asks (`anyone`): beside a division of work, 「对…不力的，县纪委监委将…问责」 is the sanction on carrying it
# out, a requirement (corpus truth rule 1)
_CASES_LEAD_IN = re.compile(r"^对于?[^，,]{2,40}?的[^，,]{0,12}(?=[，,])")
# 「市政府希望各区政府(管委会)高度重视…」, 「县委要求各乡镇…」: the body asking, then the units it asks;
# 「项目实施结束后各镇(街)要…」: when, with no comma, then the units
# a speech's point 「要求交通运输局配合…」: who asks was said before; 「会议要求安监部门…」: the meeting asks
_ASKED = r"^(?:会议|会上)?(?:希望|要求)|^(?:会议|会上)(?:强调|指出)"  # 「会议强调三个街道要…」: no comma after it
_BEFORE_UNITS = re.compile(rf"^[^，,。：:；;“”\"]{{2,15}}?(?:希望|要求|以后|之后|后|以前|之前|期间)(?=各|全|有关|相关)|{_ASKED}")
# 「会议…，要求各站所要…」: a meeting's demand on the units named after 要求 (a news report of what a meeting asked);
# 「马子兴强调，全市各级各部门要…」, 「在听取…汇报后，周建平要求：…，X、Y要…」: a speaker's
# 「于学利…做出批示：“海洋局认真抓紧整改，…”」: a leader's words quoted after the colon
_QUOTED_WORDS = r"(?:批示|指示|强调|指出|要求)[：:]\s*[“\"]"
_REPORTED = re.compile(rf"[，,]\s*(?:会议)?(?:要求|强调)|(?:^|[，,])[^，,。]{{1,15}}?(?:强调|指出|要求)[，,：:]|{_QUOTED_WORDS}"
                       rf"|(?:指出|强调)[，,]"
                       rf"|{_BEFORE_UNITS.pattern}")
# 「会同相关部门开展…」 read as a subject: the units the duty works with, its own subject left unsaid (the last clause's,
# or a heading's unit). (Where demands are read (`anyone`), such a part still cuts one demand from the next.)
_PARTNERS_FIRST = re.compile(rf"^(?:{lexicon().partner_words})")
# 「X应按照…，根据…，会商Y及有关部门编制…」: a later part of the clause worked on with others, or organising them
# (「X组织制定并会同有关部门落实…」: 并 joins a later part worked on with them as a comma does)
_LATER_PARTNERS = re.compile(rf"[，,]\s*(?=组织|{lexicon().partner_words})|并(?=会同)")
# where the subject of such a sentence may start: after a comma (and a meeting's 要求), or after what stands before it
_SUBJECT_STARTS = re.compile(rf"[，,]\s*(?:(?:会议)?(?:要求|强调))?|{_QUOTED_WORDS}|{_BEFORE_UNITS.pattern}")
# 由 opening a later part of the clause (after a comma, or right after a quoted or titled topic: 「“河长制”由X组织实施」,
# 「《清单》和《目录》由X会同Y进行解释」): what stands before is the topic
# 「新兴行业按照…原则由X负责」, 「门前三包任务由X负责实施」, 「承诺情况由X汇总上报」 too
# (「…无法履行职责时，应由所在单位将…报告」: after the case it is done in, a modal before 由, the doer after it; not
# 「…，应由地方政府承担的…」, a description; 「学生失踪失联须由公安部门界定」: a modal before 由, the topic before it;
# 「任务结束后，应由牵头部门提出…」: after the time it is done at; 「具体程序将由X另行通知」: the future's 将 before 由;
# 「…，具体由牵头部门请示」: 具体 before 由, who does it in practice)
_LATER_BY = re.compile(r"[，,]\s*(?:具体)?(?=由)|(?<=[时后][，,])\s*(?:应当|应|须|必须)(?=由)|(?<=[”\"》])(?=由)"
                       r"|(?<=原则|任务|工作|事项|名单|方案|清单|计划|办法|细则|情况)(?=由)"
                       r"|(?<=[^\s，,；;。]{2}须)(?=由)|(?<=[^\s，,；;。]{2}应当)(?=由)|(?<=[^\s，,；;。]{2}将)(?=由)")
# 「开放创新联动区由省人民政府负责审定」: a regulation's topic, any noun, opening the clause before the 由 that names its
# doer (经由, 理由, 自由, 由于 are words, no doer)
# (a topic, not a duty whose object holds 由: 「协助X做好需由Y处理的…」, 「负责A和由政府批准…的B」, 「可以由X协调解决的
# 事项」; read so in a regulation's articles, whose every sentence names its doer, not in a plan's items, whose notes
# 由X组织 are read apart)
_TOPIC_BY = re.compile(r"^[\u4e00-\u9fff]{2,16}?(?<![经理自缘事因需须和及与并的要应将以])(?=由(?!于|此))")
# 「联动区由省人民政府确定并公布」: after such a topic 确定 is the doer's act (「由X确定并告知…」 opening a sentence is not)
_DECIDED_BY = re.compile(r"^由(?P<subject>[^，,：:；;。“”\"《]{2,40}?)[确確]定(?![的了过過])")
# 「领导小组成员因工作变动需要调整的，由所在单位提出，…确定」: how a body's roster is kept when a member changes,
# no work of the member's unit
_MEMBER_CHANGE = re.compile(r"成[员員][^，,；;。]{0,16}?(?:变动|變動|调整|調整|变更|變更|更换|更換)")
_DUTIES_OF = re.compile(rf"(?<=[^\s：:，,。；;、])的?(?:{alternation(lexicon().duty_headings)})$")
_COLON_LINE = re.compile(r"^(?P<unit>[^：:，,。；;\s“”]{2,20})[：:]\s*(?P<duty>.{6,})$")
_DUTY = re.compile(r"负责|负[^，,。；;]{0,4}责任|牵头|制订|制定|协调|组织|做好|抓好|加强|督促|监督|指导|开展|落实|推进|承担|采取[^，,。；;]{0,6}措施"
                   r"|^(?:积极|(?:依据|依照|按照|根据|依|按)(?:各自)?职(?:责|能)[，,]?)?(?:配合|协助|参与)")  # (负主要责任: a duty as 负责 is)
# (「人民银行X支行:参与…的调查」, 「X局:配合和协助…」, 「X办:依据职责协助…」: a member whose duty is to take part)
# (「市城管执法局:采取有效措施,及时制止…」: a roster line whose duty is to take measures, no 负责 in it)
# (「财政部门:安排…经费,监督管理…」: one whose duty is to oversee)
# Collectives alone (各…, 有关…) as a sentence's subject: a requirement on everyone, unless the sentence is
# an item of a numbered list (then the list divides the work, and this item goes to them).
# 「财政部、税务总局牵头实施…」, 「…，X、Y将负责…」: units and a word that makes them lead or answer for the work,
# right after them (a 将 of the future aside)
_ASSIGNING = [w for w, role in lexicon().verbs.items() if role in ("lead", "joint", "separate", "responsible")]
_ASSIGNS = re.compile(rf"(?:将|还将|也将)?(?P<verb>{alternation(_ASSIGNING)})")


def names_work(text: str) -> bool:
    """Whether a text gives work (负责, 做好, 组织, 配合…): a duty, not an observation (「库区沿岸有白色垃圾」)."""
    return bool(_DUTY.search(text))


_OWN_MODAL = re.compile(rf"{MANNER}(?:要|应当|应|须|必须|务必)")  # (「…，X负责…」 after a demand is no measure's holder)
_AMONG_THEM = re.compile(r"^(?:其中|特别是|尤其是)[，,]")
_EACH_RELATED = re.compile(r"^各(?:有关|相关)(?:部门|单位)$")  # 「2. 各相关单位要加强配合」: an item's addressees
_ANYONE = re.compile(r"^(?:各|有关|相关)(?:有关|相关|级)?(?:部门|单位|方面|地|地区)$")  # 「各部门」: nobody in particular
_EACH_PLACE = re.compile(r"^各(?:地|地区)$")  # 「各地要…」 in an item: the places' governments, each its own share
_STRESSED_KIND = re.compile(r"^(?:特别是|尤其是)")
# 「各单位“一把手”要亲自抓」: a collective's heads named by their post, asked to answer in person
_HEADS_OF_ANY = re.compile(r"^各(?:部门|单位)(?:一把手|主要负责人|主要负责同志|主要领导)$")


# 「加强组织领导：由X牵头…」: a measure's short title run into its first clause, closed by a colon
_RUN_IN_TITLE = re.compile(r"^[^，,；;。：:“”\"]{2,12}[：:]\s*(?=由)")
# 「（二）加强项目管理：县公路局要…」: the same title in a numbered item, then its holders and their verb (not a label, 牵头单位：, nor the
# duties or demands a heading announces, 主要职责：, 工作要求：; 「强化协调配合：」 is a title, a short label ending it)
_HEADING_WORDS = (*lexicon().labels, *lexicon().duty_headings)
_TITLE_THEN = re.compile(rf"^(?!(?:{alternation(_HEADING_WORDS)})[：:])"
                         rf"(?![^：:]*(?:{alternation(w for w in _HEADING_WORDS if len(w) > 2)}|要求)[：:])"
                         r"[^，,；;。：:“”\"、]{2,12}[：:]\s*")
# 「…提出了三点要求：一、…；二、…；三、区安置办要…」, 「…；四是县政府督查室要…」: a list's mark opening a clause
# inside a paragraph
_INLINE_MARK = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、．.]|[一二三四五六七八九十]{1,2}是(?=[\u4e00-\u9fff“])"
                          r"|[(（](?:[一二三四五六七八九十]{1,3}|\d{1,2})[)）]|\d{1,2}[、．.](?!\d)|[①②③④⑤⑥⑦⑧⑨⑩])\s*")


# 「卫计委、市市场监督管理局已制定了…」: units telling what they have done (a news report's), no work given by it
_DID = re.compile(r"^(?P<subject>[^，,：:；;。“”\"]{2,40}?)已(?:经)?(?:[\u4e00-\u9fff]{1,4})了")
# 「X和Y为…的总协调机构。负责…」: units defined as one body, a sentence of its own; the duty after it with no subject is
# that body's, the units holding it together (one body, not a list each doing its share)
_DEFINED_ONE_BODY = re.compile(r"^(?P<subject>[^，,：:；;。“”\"]{2,40}?)[为是][^，,：:；;。“”\"]{2,40}?(?:机构|机关)$")
# a comma part giving a duty (「…，负责考试期间…」)
_DUTY_PART = re.compile(r"(?:^|[，,])\s*(?:具体|主要)?负责(?!人|同志)")
# 「…，共同做好…」: a later list doing the work together with those named before it
_DOING_IT_TOO = re.compile(r"(?:^|[，,]|[部门位府])\s*共同(?:做好|抓好|作好)")
# 「公安局担当…工作，制定了…方案，…」: the duty first, then what was done towards it: the duty is given
_DUTY_FIRST = re.compile(r"^(?:具体|主要)?(?:负责|承担|担当)(?!人|同志)[^，,；;。了]+(?:[，,；;。]|$)")

# 「各单位“一把手”要亲自抓」: the subject's people named by their post in quotes, their modal right after
_QUOTED_POST = re.compile(r"^(?P<body>[^，,：:；;。“”\"]{2,30}?)[“\"](?P<post>[^“”\"，,；;。]{2,6})[”\"]"
                          r"(?=要|应|须|必须|务必|负责|亲自|切实)")

# 「要建立…机制，财政、社保部门要设立…」: a demand opening with its modal and no subject, its doer named after a comma
# (read among a notice's demands too, where a measure's name before its holders is not)
_DEMAND_FIRST = re.compile(r"^(?:要|须|必须|务必)(?![求点])")
# 「…制定方案，召开动员会。并于7月25日前将名单报…」: a sentence opening with 并 and a date of its own goes on with the
# last subject's work, a task of its own by its own deadline
_AND_BY_DATE = re.compile(r"^并(?:于|在)[^，,；;。]{2,16}?(?:前|之前)")

def _own_office(rest: str, first: UnitList) -> bool:
    """「各责任单位要加强组织领导，…，由办公室负责抓好综合督办协调工作」: an office named bare after a collective's demand
    is each one's own office (its internal section, no body of the document's), so the clause stays the collective's."""
    by = BY_DOER.match(rest)
    return bool(by) and by["subject"].translate(lexicon().simplified) in lexicon().office_words \
        and bool(first.lead) and all(map(collective, first.lead))


def told_doers(clause: str, known: tuple[str, ...]) -> list[str]:
    """The units a clause tells what they have done (「卫计委、市市场监督管理局已制定了…」), or []."""
    return (did := _DID.match(clause)) and unit_names(did["subject"], known) or []


def defined_body_units(clause: str, known: tuple[str, ...]) -> list[str]:
    """The units a clause defines as one body (「区政府办公室和区教育局为…的总协调机构」), or []."""
    return (defined := _DEFINED_ONE_BODY.match(clause)) and unit_names(defined["subject"], known) or []


def carried_duty(clause: str, done_by: list[str], known: tuple[str, ...], one_body: bool = False) -> UnitList | None:
    """「X已制定了…；考前到各考点检查…，负责考试期间…」: a clause with no subject of its own giving a duty (负责) right
    after one telling what units `done_by` did: their duty, its subject given before (units defined as `one_body`
    hold it together)."""
    if not done_by or not _DUTY_PART.search(clause) \
            or (own := subject_match(clause)) and unit_names(subject_name(own, known), known):
        return None
    if one_body and len(done_by) > 1:
        return UnitList("、".join(done_by), lead=list(done_by), mode="joint", how="verb")
    lead, others, mode = list_roles(done_by, clause, False)
    return UnitList("、".join(done_by), lead=lead, participants=others, mode=mode, how="verb")


def _the_last_named(helped: str, last: UnitList, known: tuple[str, ...]) -> bool:
    """The units helped are the subject just named: its own names, or a short word made of its characters
    (「乡镇街」 for 「各乡(镇)人民政府、街道办事处」)."""
    if (names := unit_names(helped, known)) and names == last.lead:
        return True
    short, whole = lexicon().fold(helped), lexicon().fold(last.as_written)
    return 2 <= len(short) <= 4 and all(c in whole for c in short)


def subject_clauses(text: str, known: tuple[str, ...] = (), numbered: bool = False,
                    anyone: bool = False) -> list[tuple[str, UnitList]]:
    """(clause, units) for each clause of a paragraph whose subject is a list of units doing something. Collectives
    alone (各地要…) are read in a numbered item, unless it introduces the list below it (「…。其职责分工为：」); of those
    naming nobody in particular, 「各相关单位」, 「各地」 (the places) or two named together (「各部门各单位要…」: all
    addressed, each its share) in a numbered item, the others only when `anyone` is asked for (a notice that divides
    its work nowhere else). Collectives alone each do their own share (separate)."""
    out: list[tuple[str, UnitList]] = []
    if numbered and text.rstrip().endswith(("：", ":")):
        return out  # 「各部门要各司其职…。其职责分工为：」: the item introduces the division below it
    defined = [(re.split(r"[，,；;。]", text[:d.start()])[-1][-12:], d[0]) for d in DEFINITION.finditer(text)]
    if defined:  # read without the role's definition, which names nobody; each clause given back as written
        found = subject_clauses(DEFINITION.sub("", text), known, numbered, anyone)
        return [(_with_definitions(clause, defined), units) for clause, units in found]
    done_by: list[str] = []  # the units of a clause telling what they did, for a duty after it with no subject
    one_body = False  # done_by defined as one body (「X和Y为…机构」): the duty theirs together
    parts = [(part, i < len(cut) - 1, i > 0) for c in re.split(r"[；;。]", text) if not reported_on_a_day(c)
             for cut in [_own_subject_parts(c, known)] for i, part in enumerate(cut)]
    for clause, followed, going_on in parts:
        marked = bool(_INLINE_MARK.match(clause.strip("，, ")))  # 「…。1、会同Y开展…」: an item of its own
        clause = _INLINE_MARK.sub("", clause.strip("，, "))
        if out and len(out[-1][1].lead) == 1 and _HEADED_BODY.search(out[-1][1].lead[0]) \
                and (people := roster_heads(clause)):
            # 「…成立X指挥部，统一指挥…。副县长Y任指挥长，Z任副指挥长」: the roster after it, the body's leaders
            out[-1][1].leaders += [p for p in people if p not in out[-1][1].leaders]
            continue
        if out and _AND_BY_DATE.match(clause):
            out.append((clause, copy.deepcopy(out[-1][1])))
            continue
        if did := told_doers(clause, known):
            done_by, one_body = did, False
            continue
        if defined := defined_body_units(clause, known):
            done_by, one_body = defined, True
            continue
        if carried := carried_duty(clause, done_by, known, one_body):
            out.append((clause, carried))
            done_by = []
            continue
        if not BY_DOER.match(clause) and (by := _LATER_BY.search(clause)) \
                and (first := _earlier_subject(clause[:by.start()], known, numbered, anyone or numbered)):
            if _own_office(clause[by.end():], first):
                out.append((clause, first))
                continue
            # 「…，各单位要在2月29日前完成汇总，待…后，由市政府督查室统一组织上传」: two subjects, two clauses
            out.append((clause[:by.start()].strip("，, "), first))
            clause = clause[by.end():]
        written, clause = clause, _office_set_up(clause)  # read so, kept as written
        if (quoted := _QUOTED_POST.match(clause)) and lexicon().held_post.match(quoted["post"]):
            clause = quoted["body"] + quoted["post"] + clause[quoted.end():]  # 「各单位“一把手”要…」: the units' post
        if out and (beside := WORKS_BESIDE.match(clause)) and (others := unit_names(beside["who"], known)):
            last = out[-1][1]  # 「…。与Y、Z等部门密切配合…」: the last subject works beside them, who take part
            last.participants += [o for o in others if o not in last.lead + last.participants]
            last.open_ended |= parse_units(beside["who"], known).open_ended
            continue
        head, m = 0, BY_DOER.match(clause)
        if not m and (title := _RUN_IN_TITLE.match(clause)) and (by := BY_DOER.match(clause[title.end():])) \
                and unit_names(by["subject"], known):
            head, m = title.end(), by  # 「（一）加强组织领导：由X牵头推进…」: the measure's title, then the doer 由 names
        if not m and numbered and (title := _TITLE_THEN.match(clause)) \
                and (then := subject_match(clause[title.end():])) and unit_names(subject_name(then, known), known):
            head, m = title.end(), then  # 「（二）加强项目管理：县公路局要…」: the measure's title, then its holders
        if not m and numbered and (title := _TITLE_THEN.match(clause)) and (lead_in := LEAD_IN.match(clause[title.end():])) \
                and (comma := re.match(r"[^，,]*[，,]\s*", clause[title.end() + lead_in.end():])) \
                and (then := subject_match(rest := clause[title.end() + lead_in.end() + comma.end():])) \
                and unit_names(subject_name(then, known), known):
            # 「（二）强化协调配合：对桥梁等较复杂的项目，各乡镇及县交通局等部门加强协作…」: the title, whom the work is
            # about, then its holders
            head, m = len(clause) - len(rest), then
        if not m:  # 「关于X的问题，由Y会同Z研究提出落实意见」 (the first 由 naming units: 「由X领导及邀请对象…」 names none)
            head, m = next(((by.end(), found) for by in [*_LATER_BY.finditer(clause), *(t for t in _TOPIC_BY.finditer(clause) if anyone and not _DUTY.search(t.group()))]
                            if not _MEMBER_CHANGE.search(clause[:by.start()])
                            and (found := BY_DOER.match(clause[by.end():])
                                 or by.re is _TOPIC_BY and _DECIDED_BY.match(clause[by.end():]))
                            and unit_names(found["subject"], known)), (0, None))
        assigned = m is not None  # 由 assigns outright: no requirement of a covering notice
        m = m or subject_match(clause)
        if not (m and unit_names(subject_name(m, known), known)) and (LEAD_IN.match(clause) or _REPORTED.search(clause)
                                                              or anyone and _CASES_LEAD_IN.match(clause)):
            # 「围绕…，市督查办要…」, 「会议传达了…，要求各站所、科室要…」
            head, m = next(((c.end(), s) for c in _SUBJECT_STARTS.finditer(clause)
                            if (s := subject_match(clause[c.end():])) and unit_names(subject_name(s, known), known)), (0, m))
        if not (m and unit_names(subject_name(m, known), known)) and (founded := founded_body(clause, known)
                                                              or approved_draft(clause, known) or holds(clause, known)):
            out.append((written, founded))
            continue
        listed: list[str] = []
        if not (m and unit_names(subject_name(m, known), known)) and (pair := _COLLECTIVES_THEN.match(clause)) \
                and (listed := unit_names(pair["first"], known) or []) and all(map(collective, listed)) \
                and (later := subject_match(clause[pair.end():])) \
                and all(map(collective, unit_names(subject_name(later, known), known) or [""])):
            head, m = pair.end(), later  # 「各镇人民政府、街道办事处，区政府有关部门和单位要…」: one subject over a comma
        if not (m and unit_names(subject_name(m, known), known)) and (named := IN_NAME_OF.search(clause)) \
                and named["subject"] not in lexicon().own_share_words and unit_names(named["subject"], known):
            # 「…，以X、Y名义印发」: no other doer, the units it goes out in the names of send it (以本单位名义: whoever
            # is addressed, no one named)
            head, m = 0, named
        if not (m and unit_names(subject_name(m, known), known)) and numbered \
                and (not anyone or _DEMAND_FIRST.match(clause)) and not _AMONG_THEM.match(clause):
            # 「（3）建立…长效机制，乡镇政府、村民委员会应安排…」: in a numbered item, the measure's name, then its holders
            # and their modal after the comma (「其中，X还应…」: some of the holders named before, asked more)
            head, m, listed = *next(((c.end(), s) for c in re.finditer(r"[，,]\s*", clause)
                                     if (s := subject_match(clause[c.end():]))
                                     and _OWN_MODAL.match(clause, c.end() + s.end())
                                     and not (anyone and _DUTY.search(subject_name(s, known)))
                                     and unit_names(subject_name(s, known), known)), (head, m)), []
            # (a demand's doer names no work: 「…，并做好…准备工作县消防大队要…」, a stop lost, is no unit's name)
        if not m or not (names := unit_names(subject := subject_name(m, known), known)):
            continue
        if out and counterpart_described(names, text):
            continue  # 「X设立相应的Y指挥部及办公室。…办公室负责…」: the body just set up, what it is for
        # (where demands are read, a part after one with a subject goes on with it too: 「第七条 X负责…。会同Y落实…」)
        if _PARTNERS_FIRST.match(subject) and (out or not anyone):
            if out and marked:  # 「X负责…。1、会同Y开展…」: an item of its own, the last clause's subject goes on
                last = out[-1][1]
                out.append((written, UnitList(last.as_written, lead=list(last.lead), participants=names, how="verb")))
            elif out:  # 「X负责…。会同Y落实…」: the sentence goes on with the last clause's task, worked on with Y
                last = out[-1][1]
                last.participants += [n for n in names if n not in last.lead + last.participants]
                last.open_ended |= parse_units(subject, known).open_ended
            continue
        if listed and head:
            names, subject = listed + names, clause[:head] + subject
        rest = clause[head + m.end():]
        if _STRESSED_KIND.match(clause) and subject.endswith(("的单位", "的部门")):
            continue  # 「…。特别是任务较重的单位，要加派人手」: those among the holders before, asked more: their task
        if followed and rest.startswith("高度重视"):
            continue  # 「市委、市政府高度重视X工作，各部门要…」: who values the work, the reason for the demand after it
        if DONE.search(re.sub(r"“[^”]*”", "", rest)) and not _DUTY_FIRST.match(rest):
            continue  # 「…起草了《…》」: background (a quoted 「定了就干」 is none)
        if out and not only_helps(rest) and all(_ANYONE.match(n) for n in names) and only_cooperates(rest):
            continue  # 「X要…；各有关部门要各司其职、通力协作，确保…」: carrying the work out together, a requirement
        if out and going_on and (h := HELPS.match(rest)) and _the_last_named(h["helped"], out[-1][1], known):
            # 「X是…的责任主体，Y、Z等相关部门要配合乡镇街做好…」: later in the sentence, units helping its subject (named
            # again, or shortened): they take part in its task
            last = out[-1][1]
            last.participants += [n for n in names if n not in last.lead + last.participants]
            last.open_ended |= parse_units(subject, known).open_ended
            continue
        if (opened := next((u for _, u in reversed(out) if u.open_ended), None)) and _DOING_IT_TOO.search(clause[head:]) \
                and not set(names) & set(opened.lead + opened.participants):
            # 「渔业等有关部门对…负有监管责任。…安监、海事等部门…，共同做好…」: the others a subject before left open,
            # named later doing the same work together: they take part in its task
            opened.participants += names
            opened.open_ended |= parse_units(subject, known).open_ended
            continue
        if out and only_helps(rest):
            # 「…，由X负责牵头答复。Y负责指导协调，Z负责协助配合。」: units that only guide or help the task before
            out[-1][1].participants += [n for n in names if n not in out[-1][1].lead + out[-1][1].participants]
            continue
        # 「各县（市、区）政府是…的责任主体」: named to answer for it, as 由 names (a verb after it: its standing, 是…主体，要…)
        answerable = rest.startswith("是") or clause[m.end("subject"):m.end()].lstrip("，, ").startswith("是")
        dated = numbered and any(f.date for f in timing.find(rest, 2000))  # 「二、各单位于5月10日前报送…」: a dated demand
        in_post = numbered and bool(_HEADS_OF_ANY.match(subject))  # 「各单位一把手要亲自抓」: their heads, in person
        if any(_ANYONE.match(n) and not (anyone or numbered and (_EACH_RELATED.match(n) or _EACH_PLACE.match(n)
                                                                 or len(names) > 1 or dated or in_post))
               for n in names) \
                or all(ALL_WORDS.match(n) for n in names) and not (numbered or answerable):
            continue
        written_units = parse_units(subject, known)
        lead, others, mode = list_roles(names, rest, written_units.open_ended, subject)
        if levels := level_list(subject):  # 「省、县(市、区)应当…」: the governments of each level, each its own share
            lead, others, mode = names, [], "separate"
        units = UnitList(subject, lead=lead, participants=others, mode=mode, how="by" if assigned else "verb")
        units.flags += [LISTED_PLACE + n for n in levels or [] if not looks_like_unit(n)]  # 省 alone: a unit here only
        units.open_ended, units.leaders = written_units.open_ended, written_units.leaders
        if len(units.leaders) == 1 and _ONE_NAMED.search(units.leaders[0]) \
                and (post := _POST_NAMED.match(clause[head:], m.end("subject"))) and is_person(post["post"]):
            units.leaders = [post["post"]]  # 「X指定1名负责同志作为联络员，负责…」: the person leads as the post named
        if "under" in m.groupdict() and m["under"] and (guides := unit_names(m["under"], known)):
            units.participants = [g for g in guides if g not in names]  # the model keeps a guide as a participant
        if (led := GUIDES_THEN.match(rest)) and (leads := unit_names(led["who"], known)):
            units.lead, units.participants, units.mode = leads, names, "first"  # 「X指挥协调、Y负责牵头…」: X guides
        if (h := HELPS.match(rest)) and (helped := unit_names(h["helped"], known)):
            units.lead, units.participants = helped, [n for n in names if n not in helped]
            units.mode = "first" if len(helped) == 1 else "separate" if all(map(collective, helped)) else "joint"
            units.open_ended |= parse_units(h["helped"], known).open_ended  # 「协助X等有关部门」
        if assigned and (held := _each_held(rest, known)):  # 「由X负责的第1件、Y负责的第4件…」: each its own items
            units.lead, units.participants, units.mode = [*names, *held], [], "separate"
        if partners := partners_with(rest, known):
            units.participants = [p for p in partners.lead if p not in names]
            units.open_ended |= partners.open_ended  # 「会同X、Y等部门」
        for later in _LATER_PARTNERS.finditer(rest):  # 「X要加强统筹，组织有关科室细化分工」: organised later on
            # (「X负责确定…，会同Y对…进行审核」, 「…，协同有关部门作好…」: a later part worked on with Y, who takes part)
            if organised := partners_with(rest[later.end():], known):
                units.participants += [p for p in organised.lead if p not in names + units.participants]
                units.open_ended |= organised.open_ended
        units.leaders += [p for p in [*in_person(rest), *signers(rest), *heads_named(rest), *sent_people(rest)]
                          if p not in units.leaders]
        # (「由X主任负责召集，Y的主要负责人参加」: the bodies whose people attend take part, their posts no part of a name)
        units.participants += [b for b in attending_bodies(rest, known) if b not in names + units.participants]
        partnered = bool(units.participants)
        for side in SIDE.finditer(rest):  # 「…，飞仙关乡人民政府加强督促指导」: a guide (or a partner) of the task
            # (「…，Y指导监督，Z密切配合」: each side clause of the chain names its own)
            if (others := unit_names(side["who"], known)) and not partnered:
                units.participants += [p for p in others if p not in names + units.participants]
        for link in CHAIN.finditer(rest) if assigned and not partnered else ():  # 「由X负责，Y组织，Z落实」: Y, Z take part
            units.participants += [p for p in unit_names(link["who"], known) or [] if p not in names + units.participants]
        for share in OWN_SHARE.finditer(rest):
            if others := unit_names(share["who"], known):
                units.participants += [p for p in others if p not in names + units.participants]
        out.append((written, units))
    return _divided_among(out)


# the kind a department is named by (卫生部门: 卫生), the share of one of a listed kind named by its body (卫生局)
_KIND_OF = re.compile(r"(?:部门|部門)$")


def _divided_among(out: list[tuple[str, UnitList]]) -> list[tuple[str, UnitList]]:
    """「卫生、执法、环卫等部门负责X。卫生局要…；环卫局要…；执法局要…」: a list of units given the work, then clauses each
    giving one or some of them (named again, or by its kind's body) their own share, two clauses at least, none
    naming a unit another named: one task, each listed unit doing its share (separate), the clauses after it its
    parts."""
    merged: list[tuple[str, UnitList]] = []
    at = 0
    while at < len(out):
        clause, units = out[at]
        listed = units.lead + units.participants
        shares, taken = at + 1, set()
        while shares < len(out) and (ones := [_listed_one(n, listed) for n in out[shares][1].lead
                                              + out[shares][1].participants]) \
                and all(ones) and not taken & set(ones):
            taken |= set(ones)
            shares += 1
        if len(listed) > 1 and len(taken) > 1 and shares - at > 2:
            units.lead, units.participants, units.mode = listed, [], "separate"
            clause = "；".join([clause, *(c for c, _ in out[at + 1:shares])])
            at = shares
        else:
            at += 1
        merged.append((clause, units))
    return merged


def _listed_one(name: str, listed: list[str]) -> str | None:
    """The listed unit a later clause's subject is: the same name (each of them, 「各沿海镇政府」 of 「沿海镇政府」), or the
    body of a kind listed (卫生局 of 卫生部门)."""
    return next((n for n in listed if name in (n, f"各{n}") or (kind := _KIND_OF.sub("", n)) != n and len(kind) >= 2
                 and name.startswith(kind) and looks_like_unit(name)), None)


def _with_definitions(clause: str, defined: list[tuple[str, str]]) -> str:
    """A clause with the role definitions its text wrote after the role's name put back."""
    for before, bracket in defined:
        if before and before in clause and bracket not in clause:
            clause = clause.replace(before, before + bracket, 1)
    return clause


# a body headed by people its roster names (组长, 指挥长, 主任): a group, a headquarters, a committee
# 「区县人民政府设立相应的X指挥部及办公室」: the bodies a unit sets up as counterparts of the issuer's
_COUNTERPARTS = re.compile(r"(?:成立|设立|组建)相应的?(?P<bodies>[^，,；;。]{2,40})")
# 「各县(区)成立相应机构」, 「各县也要相应成立…领导小组」: a unit setting up its own counterpart, its share of the work
SETS_UP_COUNTERPART = re.compile(r"^(?:同时[，,]\s*)?[^，,。；;]{2,40}?(?:相应(?:成立|设立|组建)|(?:成立|设立|组建)相应)")


def counterpart_described(names: list[str], text: str) -> bool:
    """Whether a subject is a bare body (办公室, 指挥部) a unit set up as its counterpart earlier in the paragraph: the
    sentence after the setting up says what that body is for, part of the unit's task, no unit of its own."""
    if len(names) != 1 or not re.fullmatch(r"[\u4e00-\u9fff]{2,5}", names[0]):
        return False
    return any(body.endswith(names[0]) for m in _COUNTERPARTS.finditer(text)
               for body in re.split(r"及|和|、", m["bodies"]))


_HEADED_BODY = re.compile(r"(?:指挥部|小组|委员会|专班|工作组|联席会议)(?:办公室)?$")


# 「…1名负责同志作为联络员，」: the post a body's person is named to, between the subject and its duty
# (only one person a body names, 「1名负责同志」: 「主要负责人作为第一责任人」 is the head's standing, the head the leader)
_ONE_NAMED = re.compile(r"(?:一|1)名")
_POST_NAMED = re.compile(r"[，,]?\s*(?:作为|担任)(?P<post>[^，,：:；;。“”\"]{2,10})[，,]")


# 「由县民政局负责的第1件、县发改局负责的第4件…进展滞后」: the items listed by their holders, the later ones after 、
_HELD_NEXT = re.compile(r"、(?P<who>[^、，,；;。由的]{2,20}?)负责的")


def _each_held(rest: str, known: tuple[str, ...]) -> list[str]:
    """The holders named after the first in a list of items each written with its own (「负责的X、Y负责的Z」)."""
    if not rest.startswith("负责的"):
        return []
    return [n for m in _HELD_NEXT.finditer(re.split(r"[，,]", rest)[0]) for n in unit_names(m["who"], known) or []]


def founded_with_duty(text: str, known: tuple[str, ...] = ()) -> list[tuple[str, UnitList]]:
    """「…，成立X领导小组，负责…」 in any paragraph: a body set up and given its work in one sentence answers for that
    work, as a unit named by 由 does (a body only set up, 「为了…，成立X。」, is given none); so does a group's office
    (「领导小组下设办公室，办公室设在市教育局，…，主要负责…」)."""
    out = []
    for sentence in re.findall(r"[^。！？]+[。！？]?", text):
        sentence = sentence.strip()
        clause = re.split(r"[；;]", sentence)[0]
        if (_OFFICE_SET_UP.match(clause) or _OFFICE_SEATED.match(clause)) \
                and (office := subject_clauses(clause, known, numbered=True)):
            out.append((sentence, office[0][1]))
            continue
        for start in [0] + [c.end() for c in re.finditer(r"[，,]", clause)]:  # after a lead-in of any length
            if (m := FOUNDED.match(clause[start:])) and given_work(clause[start + m.end():]) \
                    and (units := founded_body(clause[start:], known)):
                # the task from the setting up on: not its lead-in, nor a title run into it
                out.append((sentence[start + SETS_UP.search(clause[start:]).start():], units))
                break
    return out


# 「X是市级项目的责任主体，Y是县区级项目的责任主体」: a body named to answer for its work, as a modal names its demand
_ANSWERABLE = re.compile(r"是[^，,；;。]{0,40}?(?:责任主体|第一责任单位)")  # (第一责任人: a person, no subject of its own)
# 「…，市场监管部门对宾馆、饭店…进行严格执法检查」: a body inspecting what it oversees, its own part without a modal
_INSPECTS = re.compile(rf"(?:实施|进行){INSPECTION}")


# 「…，在X设立Y，负责…」: a body set up in a seat, by no setter the part names: the subject before sets it up
_SEATED_BY_EACH = re.compile(r"在[^，,：:；;。“”\"]{2,20}?(?:设立|成立|组建|设置)")


def _own_subject_parts(clause: str, known: tuple[str, ...]) -> list[str]:
    """A clause cut before each later comma part with a subject of its own and a modal (「请各单位于…前报厅办公室，
    厅办公室将汇总上报…」): each subject's part is its own clause. A run of two such parts or more is a roster
    (「成立X领导小组，党政办负责外围环境，社会管理办公室负责质量监督，财政所负责资金兑付」): each is cut, whatever
    stands before the first."""
    # (a colon too: 「…负责制，具体为：甲局负责A镇，乙局负责B镇」, the roster's first part after it)
    own_parts = [comma for comma in re.finditer(r"[，,、：:]\s*", clause)
                 if (m := subject_match(rest := clause[comma.end():])) and (MODAL.match(rest, m.end())
                                                                             or _ANSWERABLE.match(rest, m.end())
                                                                             or _INSPECTS.match(rest, m.end()))
                 and unit_names(subject_name(m, known), known)]
    roster = sum(not c.group().startswith("、") for c in own_parts) > 1
    cuts = [0]
    for comma in own_parts:
        # (「主办单位要主动、会办单位要积极」: a 、 cuts only after a part with a subject of its own, never inside a list;
        # after a body's name, 「X负责落实各类职业学校、普通中小学将…」, the 、 lists the duty's objects, no subject's)
        listed = comma.group().startswith("、")
        before = re.sub(_ASKED, "", clause[cuts[-1]:comma.start()])
        if (lead_in := LEAD_IN.match(before)) and (after := re.match(r"[^，,]*[，,]\s*", before[lead_in.end():])):
            before = before[lead_in.end() + after.end():]  # 「在市政府的领导下，X对…总负责，Y也要…」: X's part, then Y's
        if _SEATED_BY_EACH.match(clause, comma.end()) and (own := subject_match(before)) \
                and (names := unit_names(subject_name(own, known), known)) and all(map(collective, names)):
            continue  # 「各地要…建立…领导小组，在工业主管部门设立办公室，负责…」: each place's own office, their task
        if listed and _ends_in_unit(before):
            continue  # 「教育部门负责落实各类中等职业学校、普通中小学将…」: the object's list of units goes on
        # (「由X、Y等部门负责…，Z负责…」: a part 由 opens names its doer as a subject does)
        if roster and not listed or (own := BY_DOER.match(before) or subject_match(before)) \
                and unit_names(subject_name(own, known), known) \
                and (not listed or MODAL.match(before, own.end()) and not lexicon().unit_end.search(before)):
            cuts.append(comma.end())
    return [piece for a, b in zip(cuts, cuts[1:] + [len(clause)])
            for piece in _by_doer_parts(clause[a:b].rstrip("、"), known)]


# 「…，具体机构设置，由X确定」, 「…，资金拨付由X负责」: a comma part's topic, then the 由 naming its doer
_TOPIC_THEN_BY = re.compile(r"^(?:具体)?[^，,：:；;。由“”\"]{2,16}?[，,]?\s*(?:具体)?(?=由)")


def _doer_by(part: str, known: tuple[str, ...]) -> bool:
    """Whether a part's doer is named by 由, at its opening or after its topic, and does work of its own (not only
    helping or guiding the work another leads: 「由Y配合」)."""
    start = topic.end() if not part.startswith("由") and (topic := _TOPIC_THEN_BY.match(part)) else 0
    by = BY_DOER.match(part[start:])
    return bool(by and unit_names(by["subject"], known) and not only_helps(part[start + by.end():]))


def _by_doer_parts(part: str, known: tuple[str, ...]) -> list[str]:
    """「由X负责A，由Y负责B」, 「…，由X下达A，具体B，由Y确定」: after a part whose doer 由 names, a later comma part that
    names a doer of its own by 由 is that doer's clause (a doer only helping, 「由X牵头，由Y配合」, stays a partner)."""
    cuts = [0]
    for comma in re.finditer(r"[，,]\s*", part):
        before = part[cuts[-1]:comma.start()]
        named = any(_doer_by(before[by.start():], known) for by in re.finditer("由", before))
        if named and _doer_by(part[comma.end():], known):
            cuts.append(comma.end())
    return [part[a:b] for a, b in zip(cuts, cuts[1:] + [len(part)])]


def _ends_in_unit(text: str) -> bool:
    """The text closes with a unit's name (the object of its verb, 「…负责落实各类中等职业学校」), so a 、 after it goes
    on listing, not a manner word (「主办单位要主动」)."""
    tails = (text[-n:] for n in range(2, min(len(text), 12) + 1))
    return any(looks_like_unit(tail) for tail in tails if re.fullmatch(r"[\u4e00-\u9fff]+", tail))


def _earlier_subject(text: str, known: tuple[str, ...], numbered: bool, anyone: bool) -> UnitList | None:
    """Units opening a comma part of text as its subject, named by their place or level, as a collective or as
    registered units (after a comma, 「对点位进行再梳理」 is no subject's); the text's own opening too (「各地、各部门应于…
    自查，并将结果报市发改委，由市发改委将…汇总上报」: the opening subject's clause, then the later 由's)."""
    for start in [0] + [comma.end() for comma in re.finditer(r"[，,]", text)]:
        rest = text[start:].lstrip()
        found = subject_clauses(rest, known, numbered, anyone)
        if found and re.sub(rf"^{OPENING}", "", rest).startswith(found[0][1].as_written) \
                and all(n in known or re.match(r"(?:各|有关|相关|[省市州盟区县旗乡镇])", n) for n in found[0][1].lead):
            return found[0][1]
    return None


def colon_line(text: str, known: tuple[str, ...] = (), numbered: bool = False,
               headed: bool = False) -> tuple[str, UnitList] | None:
    """「商委：协调…」: the duty and its unit, when the line starts with a unit's name and a colon (a collective's too
    in a numbered item: 「（一）各级人民政府：对…负主要责任」); with `headed` (a numbered line), the unit's duty heading
    too (「（二）纪检监察部门职责：…」: whose duties they are; an unnumbered one is the general reader's, `items.duty_line`)."""
    m = _COLON_LINE.match(text)
    if not m or lexicon().label_role(m["unit"]) or not _DUTY.search(m["duty"]):
        return None
    holder = _DUTIES_OF.sub("", m["unit"]) if headed else m["unit"]
    names = unit_names(holder, known)
    listed = numbered and len(names or []) > 1 and not any(map(collective, names))  # 「4.交通、铁路部门：负责…」
    if not names or len(names) != 1 and not listed or collective(names[0]) and not numbered:
        return None  # 「市直有关部门：为切实做好…」: a collective before a colon is a notice's addressees, not a roster line
    if holder != m["unit"] and (opening := subject_clauses(m["duty"], known)) and len(opening[0][1].lead) == 1 \
            and m["duty"].startswith(opening[0][1].as_written):
        names = opening[0][1].lead  # (「纪检监察部门职责：纪检监察机关负责…」: the body its duties open with, as named there)
    # (「…，各级政府主要领导负总责，分管领导具体负责」: the people the duty makes answer for it in person lead it)
    # (「…。责任人：黄勇、杨文革」: the people named for the unit's duties lead them in person too)
    # (「…；会同相关部门开展…」, 「…，会同有关部门起草…」: the units a part of the duty works with take part)
    # (「定期组织交通、交警等部门，督促检查…」: a part of the duty is read whole first, its units may close with a comma)
    # (「负责…。会同农业部门制定…」: a later sentence's too; a list of kinds before the colon: the first listed leads, the
    # others take part, truth rule 5)
    parts = [piece for part in re.split(r"[；;。]", m["duty"]) for piece in (part, *re.split(r"[，,]", part)[1:])]
    partners = next((p for part in parts if (p := partners_with(part.strip(), known))), None)
    names, others = (names[:1], names[1:]) if listed else (names, [])
    mode = "first"
    if listed and (shared := list_roles([*names, *others], m["duty"], False, holder))[2] == "separate":
        names, others, mode = shared[0], [], "separate"  # 「外经贸、监狱管理部门和武警部队：负责做好本系统的…」: each its own
    # (「…。各区县城管大队、分局在辖区政府领导下，积极发挥职能作用」, 「…，定点医院要开通绿色通道」: later subjects given a
    # share of the duty take part)
    others += [n for n in sharing_later(m["duty"], known, names + others)
               if n not in (partners.lead if partners else [])]
    return without_people_labels(m["duty"]), UnitList(m["unit"], lead=names, how="label", mode=mode,
                                                       participants=others + [p for p in (partners.lead if partners else [])
                                                                              if p not in names + others],
                                                       open_ended=bool(partners and partners.open_ended),
                                                       leaders=in_person(m["duty"]) + labelled_people(m["duty"]))


def duty_heading_line(text: str) -> bool:
    """「纪检监察部门职责：纪检监察机关负责…」: a unit's duty heading and its duties after the colon, however short: no
    heading of the items after it."""
    return bool((m := _COLON_LINE.match(text)) and _DUTIES_OF.search(m["unit"]) and colon_line(text, headed=True))


# 「区住建局作为全区物业管理工作的行政主管部门，负责…；区城管局负责…」: the subject's standing between it and its verb
_STANDING_AFTER = re.compile(r"^[，,]?\s*(?:作为|设在)[^，,：:；;。]{2,30}?[，,]")


# 「X办公室设在Y，承担…的日常工作」: an office seated in a body, then the work it answers for
_SEATED_THEN = re.compile(rf"^[，,]?\s*(?:设在|设于)[^，,：:；;。]{{2,30}}?[，,]\s*(?:具体|主要)?(?P<verb>承担|{alternation(_ASSIGNING)})")


def _seated_office(units: UnitList, after: str) -> re.Match | None:
    """The work an office seated somewhere answers for, said right after where it sits: its own work as plainly as
    「X负责…」 (an office's seat is no standing among others' duties)."""
    if units.lead and all(n.endswith(lexicon().office_words) for n in units.lead):
        return _SEATED_THEN.match(after)
    return None


def assigned_subjects(text: str, known: tuple[str, ...]) -> list[tuple[str, UnitList]]:
    """Sentences whose subject is a list of units and whose verb makes them lead or answer for the work, the subject
    opening the sentence or standing after its lead-in clauses (「根据方案，为支持X发展，A、B、C将负责…」): each such
    sentence's first. Units that lead do it jointly; of units that answer for it (负责) the first listed leads."""
    out = []
    for sentence in re.split(r"[。！？；;]", text):
        for start in [0] + [m.end() for m in re.finditer(r"[，,]", sentence)]:
            clauses = subject_clauses(sentence[start:], known)
            found = clauses[:1]
            after = found and sentence[start + len(found[0][1].as_written):]
            verb = found and _ASSIGNS.match(after.lstrip("，, "))
            stood = found and not verb and _ASSIGNS.match(_STANDING_AFTER.sub("", after).lstrip("，, "))
            seated = found and not verb and _seated_office(found[0][1], after)
            if verb or stood or seated:
                # 「X负责甲，Y负责乙。」: a later clause of the sentence opening with units of its own and their assigning
                # verb is their work, not the first's
                later = [(clause, u, own) for clause, u in clauses[1:] if verb and clause.startswith(u.as_written)
                         and (own := _ASSIGNS.match(clause[len(u.as_written):].lstrip("，, ")))]
                cut = sentence.find(later[0][0], start) if later else -1
                for u, how in [(found[0][1], verb or stood or seated)] + [(u, own) for _, u, own in later]:
                    if lexicon().verbs.get(how["verb"]) == "responsible" and len(u.lead) > 1:
                        u.lead, u.participants, u.mode = u.lead[:1], u.lead[1:] + u.participants, "first"
                own = sentence[start:cut] if cut > start else sentence[start:]
                out.append((own, found[0][1], bool(verb or seated)))
                out += [(clause, u, True) for clause, u, _ in later]
                break
    # (a standing counts only among other units' assignments: a roster of duties, each sentence its unit's)
    return [(clause, units) for clause, units, _ in out] if any(plain for _, _, plain in out) else []
