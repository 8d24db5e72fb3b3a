"""A document's requirements on units: 「各牵头单位要严格按照任务分工…」, 「请各地、各部门…」, 「区委区政府督查室要根据…」,
「由市政府督查室统一组织上传」.

- A notice that divides its work nowhere else (no note, label, table, subject-led division read anywhere): every
  sentence whose subject is units or collectives doing something is a task of those units (collectives alone each
  do their own share), at low confidence and flagged for review (`requirement_tasks`). Whether a requirement is
  work to track is the reader's call; a notice of requirements alone is imported rather than refused. A request
  naming no units (「现印发你们，请按各自职责细化…」) is asked of the units the salutation addresses (`addressees`).
- A document that divides its work: the paragraphs of such sentences its tasks do not hold (a covering notice's or
  a 工作要求 section's 「各牵头单位要于每月28日前报送…」) are its requirements, as the bundled policy's 工作要求 are
  (`requirement_paragraphs`): the letters quote them to the units they bind, by role, and their deadlines apply
  to every task. They never pass for the division of work.
"""
from __future__ import annotations

import copy
import re

from . import timing
from .clauses import carried_duty, counterpart_described, subject_clauses, told_doers
from .founded import only_sets_up
from .generic import SHAPE, task_text
from .inperson import signers
from .items import items_of
from .leftout import bare_words
from .partners import partners_with
from .shapes import Candidate, closing_deadline
from .shares import collective, list_roles
from .source import Block
from .lexicon import alternation, is_person, lexicon
from .prose import clean
from .subjects import DONE, OPENING, ROLE_HOLDER, rules_setting_up, subject_match
from .unitnames import looks_like_unit
from .unitnotes import BARE_GOVERNMENT, UnitList, parse_units

CONFIDENCE = 0.5
PEOPLE = "people"  # how a subject of people alone was read: the issuer answers for their work
_SHORTEST = 15  # a requirement is a sentence: anything shorter is a heading (「有关要求」)
# (or a role: 牵头单位; or the issuer's own office named by its kind: 厅办公室, 局办公室)
_PLACED = re.compile(rf"(?:各|有关|相关|其他|中共|全(?=[省市州县区旗镇乡])|[省市州盟区县旗乡镇村]|{ROLE_HOLDER}"
                     rf"|[厅局委部](?=办公室|办公厅)|我(?=[局委厅办部院]))")  # 「，我局将定期统计…」: the issuer itself
_DAY = r"(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日|近日|日前)"  # 「3月23日」, 「近日」: when something happened
_ON_A_DAY = re.compile(rf"{_DAY}$")  # before a sentence's comma
_ASKS_ANYTHING = re.compile(r"要|应(?!急)|须|务必|将|请|负责|[：:“\"]")  # a part asking something, whatever the day before it
_MODAL = re.compile(r"要(?![求点])|应|须|务必|将")
_WORKS_WITH = re.compile(r"^\s*会同")
# 「要着力…」, not 「要求…」 or 「要点」; 「与村干部要积极沟通…」: who the same holders work with, before the modal;
# 「同时,针对本次督查存在问题,要在…整改」: a demand added (同时) on a matter it names first, the same holders' too
_MODAL_OPENS = re.compile(r"^\s*(?:同时[，,]\s*)?(?:针对[^，,。；;]{2,30}[，,]\s*)?(?:(?:与|同)[^，,。；;、]{2,10}?)?"
                          r"(?:要|须|必须|务必)(?![求点])")
NOTE = "[通知要求] {where}：这份文件没有分工表或责任单位标注，此项读自正文中对单位提出的要求，请核对是否作为任务跟踪"
ADDRESSED = "[主送单位] {where}：这项请求没有写明单位，按抬头的主送单位（{units}）列出，请核对"


def requirement_tasks(blocks: list[Block], known: tuple[str, ...] = ()) -> list[Candidate]:
    """Each sentence (or 「；」 part) of the document's paragraphs that opens with units doing something, as a task,
    and each part right after such a task that opens with its modal (「；要…」), the same units' next task; the other
    parts after it that name nobody continue its text."""
    out: list[Candidate] = []
    addressed = addressees(blocks)
    named = (*known, *(addressed.lead + addressed.participants if addressed else ()))  # 「请广州广播电视台…」: addressed
    for item in items_of(blocks):
        if item.table is not None or item.owner:
            continue
        first, before, demanding, previous = True, "", False, ""
        asking = False  # in a sentence a meeting's 要求 opens
        holders = None  # whose next subjectless demand 「；要…」 is: the last subject not singled out by a stress
        done_by: list[str] = []  # the units the last part told what they did
        on_a_day, ended = False, True  # in a sentence reporting what happened on a day; the last part closed one
        last = ""  # the part before, as written (whether it closed a sentence)
        read = ""  # the paragraph up to the part
        opening = bool(_SETS_OUT_BELOW.search(item.text))  # its request the notice's charge, no task (rule 2)
        for part in _parts(item.text, known):
            new_sentence, last = last.rstrip().endswith(("。", "！", "？")), part
            # (「…，会同有关部门加快…」: the last subject's partners, no subject of its own)
            found = [] if _WORKS_WITH.match(part) else _requirements_of(part, known)
            if found and out and all(counterpart_described(units.lead, read) for _, units in found):
                found = []  # 「X设立相应的Y指挥部及办公室。…办公室负责…」: what the body X set up is for, X's task
            read += part
            # (the parts after the day up to the sentence's end too, where they ask nothing: 「11月10日，由X牵头，Y等单位
            # 配合，共同对…进行督查。」, not 「…发出督办函，要求X…务必…」)
            reported = bool(_ON_A_DAY.search(previous)) or on_a_day and not ended and not _ASKS_ANYTHING.search(part)
            ended = part.rstrip().endswith(("。", "！", "？", "；", ";"))
            on_a_day = (reported or bool(_ON_A_DAY.search(part.strip("，,。 ")))) and not ended
            if found and reported and not _modal_after(part, found[0][1].as_written):
                found = []  # 「3月23日，X组织…召开专题会议」: what was done on a day, reported, demands nothing
            if found and _praised(part):
                found = []  # 「X认真履行…职责，…给予通报表扬」: work done well, praised, demands nothing
            previous = part.strip("，,。 ")
            asking = bool(_ASKS.match(part)) or asking and not part.rstrip().endswith(("。", "！", "？"))
            if not found and not opening and (units := _requested(part, named)) and all(map(looks_like_unit, units.lead)):
                part = part[_REQUEST.search(part).start("ask"):]  # 「经市人民政府同意，现将…分解，请各地…」: from 请 on
                found = [(part, units)]
            if not found and (seat := _SEATED.search(part)) and clean(units := parse_units(seat["body"], known)) \
                    and all(looks_like_unit(n) for n in units.lead + units.participants):
                part, found = part[seat.start("at"):], [(part[seat.start("at"):], units)]  # 「在X设置办公室并负责…」
            if not found and (leading := _LEADS_TEAMS.match(part)) and (units := parse_units(leading["units"], known)).lead \
                    and not units.doubts and all(looks_like_unit(n) for n in units.lead + units.participants):
                found = [(part, units)]  # 「由镇执法队、包村干部、村干部分组带队，做好巡查」: the team leads, the cadres too
            if not found and (people := _people_subject(part)):
                # 「我镇机关干部、包村干部要明确责任」: the issuer's task, its people leading it
                found = [(part, demanding and _posts_of_last(people, out) or people)]
            if not found and (mixed := _bodies_with_people(part)):
                found = [(part, mixed)]  # 「…，派出所、镇村干部、护林员要加强配合」: the body's task, the people leading it
            if not found and (responsible := _made_first_responsible(part)):
                found = [(part, responsible)]  # 「要加强组织领导，…，明确各村党总支书记为第一责任人」: their body's task
            if not found and (asked := _asked_collective(part)):
                part, found = part[asked[0]:], [(part[asked[0]:], asked[1])]  # 「…，要求各村(居)绷紧神经，…」
            if not found and asking and (opening := _opening_collective(part.strip())):
                found = [(part, opening)]  # 「会议要求，…；各村(社区)提前掌握…；」: a collective the demand goes on to
            if not found and (carried := carried_duty(part, done_by, known)):
                found = [(part, carried)]  # 「X已制定了…；…，负责…」: X's duty
            done_by = [] if found else told_doers(part, known)
            notes = [NOTE.format(where=item.where)]
            if not found and addressed and not opening and (asked := _asked_of_addressees(part)
                                            or item.numbered and first and _SUBJECTLESS_DUTY.match(part)
                                            and not rules_setting_up(part) and part):
                part, found = asked, [(asked, copy.deepcopy(addressed))]  # 「现印发你们，请按各自职责细化…」
                notes.append(ADDRESSED.format(where=item.where, units=addressed.as_written))
            if found:
                units = found[0][1]
                units.how = PEOPLE if units.how == PEOPLE else "subject"
                # a numbered item's opening words without a subject (「（一）对点位进行再梳理。各单位要…」) are its task's
                text = _joined(before, part) if item.numbered and first else part
                out.append(Candidate(task_text(text), units, item.where, SHAPE, CONFIDENCE,
                                     deadline_text=closing_deadline(part), notes=notes,
                                     number=item.number if first and item.numbered else None))
                first, demanding = False, not _subject_late(part, units.as_written)
                holders = holders if holders and _STRESSED.match(part) else units
            elif demanding and out and _MODAL_OPENS.match(part) \
                    and not (new_sentence and _exhorts_further(part, holders or out[-1].units)):
                # 「X要…；要着力构建…。要督促…」: X's next demand, right after X's last (a heading between ends X's run)
                out.append(Candidate(task_text(part), copy.deepcopy(holders or out[-1].units), item.where, SHAPE, CONFIDENCE,
                                     deadline_text=closing_deadline(part), notes=[NOTE.format(where=item.where)]))
            elif not first and out:
                if partners := partners_with(part, known):  # 「由X牵头，会同Y、Z组成督查组」: X's partners
                    out[-1].units.participants += [p for p in partners.lead if p not in out[-1].units.participants]
                out[-1].text = task_text(_joined(out[-1].text, part))
                demanding = False
            else:
                before = _joined(before, part)
    return out


# 「请你们严格按照…要求，精心组织…。现就有关事项通知如下：」: the paragraph that opens what the notice sets out below;
# the request in it is the notice's charge to its addressees as a whole, as the transmittal formula is
_SETS_OUT_BELOW = re.compile(r"(?:通知|通告|要求|意见|安排)如下[：:。]?\s*$")


# a clause after the part's opening that names its own doer before a modal (「要建立…机制，财政、社保部门要设立…」)
_LATER_SUBJECT = re.compile(r"[，,；;？?]\s*[^，,。；;？?]{2,20}?(?<!的)(?:要|须|必须|务必)(?![求点])")


def _exhorts_further(part: str, holders: UnitList) -> bool:
    """「各地区、各部门要A。要B。」: a new sentence opening with its modal after collectives' demand (all bodies of a
    kind each doing their share) urges them further, one demand of the paragraph, not a task of its own; a named body's
    next sentence (「县河管站要…。要督促…」), one naming whom they work with (「与包片干部要…」) or a later doer, and the
    「；要…」 parts of a run of demands stay tasks."""
    names = holders.lead + holders.participants
    return bool(names) and all(map(collective, names)) and not re.match(r"\s*(?:与|同)", part) \
        and not _LATER_SUBJECT.search(part)


def _modal_after(part: str, subject: str) -> bool:
    """Whether a modal follows a part's subject closely (not 应 inside its name: 「由县应急局牵头」 asks nothing)."""
    end = part.find(subject) + len(subject) if subject and subject in part else 0
    return bool(_MODAL.search(part[end:end + 6 if end else len(subject) + 6]))


def _praised(part: str) -> bool:
    """A sentence praising units for work done (lexicon praise_words) with no modal asking anything of them."""
    return any(word in part for word in lexicon().praise_words) \
        and not re.search(r"(?:^|[，,])\s*[^，,。；;]{0,20}?(?:要(?![求点])|应当?|须|务必)", part)


def _subject_late(part: str, subject: str) -> bool:
    """「要进一步完善…，X与Y深入对接，确保…」: a demand opening with no subject whose holders are named inside it;
    the next demand with no subject is a new one of the speaker's, not the holders' again."""
    at = part.find(subject)
    return at > 0 and bool(re.search(r"(?:^|[，,：:])\s*(?:要|须|必须|务必)(?![求点])", part[:at]))


# 「…建立X工作专班，在县住房城乡建设局设置办公室并负责总牵头工作」: the body the office is seated in does its work
_SEATED = re.compile(r"(?:^|[，,])\s*(?P<at>在(?P<body>[^，,；;。在]{2,30}?)设(?:置|立)?办公室[，,]?\s*并?(?:具体)?负责)")


# 「由镇执法队、包村干部、村干部分组带队，做好巡查工作」: who leads the teams that do the work
_LEADS_TEAMS = re.compile(r"^\s*由(?P<units>[^，,；;。由]{2,40}?)(?:分组|分片|轮流)?带队")


def _requirements_of(text: str, known: tuple[str, ...]) -> list[tuple[str, UnitList]]:
    """The clauses of text whose subject is units or collectives, every name reading as a unit's."""
    return [(clause, units) for clause, units in subject_clauses(text, known, numbered=True, anyone=True)
            if all(n in known or looks_like_unit(n) or n in BARE_GOVERNMENT for n in units.lead + units.participants)]


def requirement_paragraphs(blocks: list[Block], known: tuple[str, ...], taken: set[str]) -> list[dict]:
    """The paragraphs, outside the tasks read (`taken`: where they stand), that put requirements on units or
    collectives, numbered in order and written as the document writes them from their first requirement on
    (without their number mark or the sentences before it that set the scene)."""
    return numbered_requirements(requirements_read(blocks, known, taken))


def numbered_requirements(found: list[tuple[str, str]]) -> list[dict]:
    """The requirements `requirements_read` found, numbered in order as document.yaml keeps them."""
    return [{"number": n, "text": text} for n, (_, text) in enumerate(found, start=1)]


def requirements_read(blocks: list[Block], known: tuple[str, ...], taken: set[str]) -> list[tuple[str, str]]:
    """(where it stands, its text) of each paragraph `requirement_paragraphs` numbers."""
    out: list[tuple[str, str]] = []
    for item in items_of(blocks):
        sentences = re.findall(r"[^。！？]+[。！？]?", item.text.strip())
        if item.table is not None or item.owner or item.where in taken or len(item.text) < _SHORTEST \
                or _lead_in(sentences) or _heading(item):  # 「有关要求」: a heading; 「现将有关事项通知如下：」: a lead-in
            continue
        first = next((i for i, sentence in enumerate(sentences) if not _told(sentence) and not only_sets_up(sentence)
                      and (_requirements_of(sentence, known) or _after_lead_in(sentence, known) or _request(sentence)
                           or _owned_request(sentence))),
                     None)
        if first is not None:  # from its first requirement on: 「2022年是…开局之年。」 before it sets the scene
            out.append((item.where, "".join(sentences[first:])))
    return out


# 「三、几点要求」, 「三. 有关要求：」: a part of the notice that asks about carrying the division out, up to the next part
_DEMANDS_PART = re.compile(r"^\s*[一二三四五六七八九十]{1,3}\s*[、.．]\s*(?:几点|有关|相关)要求\s*[:：]?\s*$")
_NEXT_PART = re.compile(r"^\s*[一二三四五六七八九十]{1,3}\s*[、.．]")


def under_demands_part(blocks: list[Block]) -> set[str]:
    """Where the paragraphs under a 「几点要求」 part stand: its demands bind the units to the work divided before it,
    requirements (truth rule 1), never tasks of their own."""
    out: set[str] = set()
    inside = False
    for block in blocks:
        text = block.text.strip()
        if _NEXT_PART.match(text):
            inside = bool(_DEMANDS_PART.match(text))
        elif inside and not block.is_row:
            out.add(block.where)
    return out


_TOLD = re.compile(rf"^\s*{_DAY}(?:上午|下午|晚上?)?[，,]")
_HEADING_LENGTH = 30


def _heading(item) -> bool:
    """「一、县示范区管委会牵头工作（8项）」: a short numbered line with no mark of a sentence heads the items under it
    (whose lead it may name), no requirement; one with a modal is a demand cut short (「（一）各镇要加强文物安全巡」)."""
    return item.numbered and len(item.text) <= _HEADING_LENGTH and not re.search(r"[，,。；;！？：:]", item.text) \
        and not _MODAL.search(item.text)


def _told(sentence: str) -> bool:
    """「近日，X组织召开…会议，通报…」: what was done on a day, told with no modal: a report, no requirement."""
    return bool(_TOLD.match(sentence)) and not _MODAL.search(sentence)


def _lead_in(sentences: list[str]) -> bool:
    """A paragraph that is one sentence leading into the items after its colon (「各单位要做好以下工作：」); a paragraph
    of requests whose last sentence does so (「…请各单位结合实际，认真组织开展宣传周活动：」), or whose one sentence asks
    for work before its last clause, still holds them."""
    return len(sentences) == 1 and sentences[0].rstrip().endswith(("：", ":")) and not _asks_before(sentences[0])


def _asks_before(sentence: str) -> bool:
    """「…，请各相关单位针对问题立行立改，…，突出问题如下：」: a request in a clause before the one leading into the items."""
    return bool(_REQUEST.search(re.split(r"[，,][^，,]*$", sentence.rstrip())[0]))


# 「请各区县、各部门结合实际，认真贯彻执行（，确保…完成）。」: the closing formula alone after the addressees
# (a short request: 「请各乡镇…紧扣目标任务，立足…，细化…，全力抓好落实」 asks for work of its own before the formula)
_TRANSMITTAL = re.compile(rf"^[^。]{{0,24}}?(?:结合实际[，,]?)?(?:认真|切实|严格)?(?:{alternation(lexicon().transmittal)})(?:[，,]确保[^。]*)?[。！]?\s*$")
# 「请各地…」, 「希望你们…」: the words that ask the units named after them (or the addressees) for work; 「请径向X反映」,
# 「遇到的问题，请及时向X反映」 is the line on whom to ask, no work
_ASKING = r"(?:请(?!径|(?:及时|直接)?向[^，,。；;]{2,20}?反映)|希望)"
_REQUEST = re.compile(rf"(?:^|[，,])\s*(?P<ask>{_ASKING}(?P<rest>[^，,。；;]+))")  # 「…，现将…分解，请各地、各部门…」 too
_DOER = re.compile(r"由|牵头|承办|主办|负责|配合|协办|参与|会同")  # a clause that names its doer or its partners
_LEAD_IN_LENGTH = 30  # 「从2023年第一季度开始，」, 「为确保各项任务落到实处，」: a sentence's lead-in clause at most
_ADDRESSEES = ("你们", "你单位", "你局", "你委", "你办", "你厅", "你县", "你区", "你市")
_SUBJECT_LENGTH = 30


def _after_lead_in(sentence: str, known: tuple[str, ...]) -> bool:
    """A requirement whose subject opens the clause after a lead-in (「从2023年第一季度开始，各责任单位要…」, 「对…不力的，
    县纪委监委将…」, 「通知指出，省政府将…」); not after a clause that gives work to a doer of its own, where the units
    opening the next clause are its partners (「…由X承办，Y、Z配合」), nor where what the units did is told
    (「工作开展以来，各相关部门认真落实…，取得了初步成效」: background)."""
    return any(not _DOER.search(sentence[:m.start()]) and _opens_with_units(sentence[m.end():], known)
               and not DONE.search(sentence[m.end():])
               for m in re.finditer(r"[，,]", sentence[:_LEAD_IN_LENGTH + 1]))


def _request(sentence: str) -> bool:
    """「请各单位提高政治站位…」, 「请你们对照…」, 「请各责任领导、责任单位认真研究」: a request to the units (or people)
    it names right after 请 is a requirement on them, whatever its verb."""
    m = _REQUEST.search(sentence)
    return bool(m and not _TRANSMITTAL.search(sentence[m.start("ask"):]) and m["rest"].startswith(_ADDRESSEES)) \
        or _requested(sentence) is not None


_QUOTED_POST = re.compile(r"[“\"‘'](?P<post>[\u4e00-\u9fff]{2,6})[”\"’']")  # 「“一把手”」


# 「各单位宣传周工作方案，请在6月1日前报市网管办」: the collectives' own papers named first, then asked for by a 请
# that names nobody, by a day, to be sent on: a requirement on those collectives
_OWNED_REQUEST = re.compile(r"^\s*(?P<owner>各[^，,。；;、的]{0,8}?(?:单位|部门|地区?|乡镇|街道|学校|企业))的?[^，,。；;]{2,30}?[，,]"
                            r"\s*请(?:于|在)[^，,。；;]{2,24}?(?:报|送|交|上传)")


def _owned_request(sentence: str) -> bool:
    return bool((m := _OWNED_REQUEST.match(sentence)) and collective(m["owner"]))


def _requested(sentence: str, named: tuple[str, ...] = ()) -> UnitList | None:
    """The units a request names right after 请 (the longest opening that is names alone; 「请径向X反映」 names none),
    the first named by its place, kind or role, or one of those `named` (known or addressed); or the people it names
    (「请全县广大干部群众…」), whose work the issuer answers for."""
    if not (m := _REQUEST.search(sentence)) or _TRANSMITTAL.search(sentence[m.start("ask"):]):
        return None
    rest = m["rest"]
    for end in range(min(len(rest), _SUBJECT_LENGTH), 1, -1):
        units = parse_units(rest[:end])
        names = units.lead + units.participants
        if not names and units.leaders and not units.doubts and all(map(is_person, units.leaders)):
            return UnitList(units.as_written, leaders=units.leaders, how=PEOPLE)  # 「请全县广大干部群众…」: the issuer's
        if names and (_PLACED.match(names[0]) or names[0] in named) and not units.doubts \
                and all(looks_like_unit(n) or is_person(n) for n in names):
            units.as_written = units.as_written.rstrip("“”\"‘’'《（( ")  # 「请各地、各部门“一把手”…」
            if (quoted := _QUOTED_POST.match(rest, len(units.as_written))) and is_person(quoted["post"]):
                units.leaders.append(quoted["post"])  # the post quoted after them: their own people lead it
            asked = re.split(r"[。；;]", sentence[m.start("rest") + len(units.as_written):])[0]  # the request's sentence
            units.leaders += [p for p in signers(asked) if p not in units.leaders]
            if len(names) > 1 and (units.how == "bare" or all(map(collective, names))):
                # 「请各地、各部门…」, 「请各市经信部门、某区经促局…」: each asked does its own share (no role word ranks them)
                units.lead, units.participants, units.mode = names, [], "separate"
            return units
    return None


# 「机关职工负责集镇的打扫」: people given their share by 负责, as by a modal (负责人, 负责同志 are people)
_DUTY = re.compile(r"负责(?!人|同志)")


_SURELY_MODAL = re.compile(rf"(?:一定)?(?:{_MODAL.pattern})")  # 「与会人员一定要…」: a modal, however firmly put


def _people_subject(sentence: str) -> UnitList | None:
    """A sentence whose subject names people alone (「我镇机关干部、包村干部要…」, 「各级领导干部要…」), then a modal or 负责:
    no body is named, so the work is the issuer's (filled in by compose) and the people lead it."""
    m = subject_match(sentence)
    if not m or not (_SURELY_MODAL.match(sentence, m.end()) or _DUTY.match(sentence, m.end())) \
            or re.match(r"与(?!会)|[和同跟向对]", m["subject"]):
        return None  # 「与村干部要…」: a partner, the subject left out (与会人员 are those at the meeting)
    units = parse_units(m["subject"])
    if not units.leaders or units.lead or units.participants or units.doubts:
        return None
    return UnitList(units.as_written, leaders=units.leaders, how=PEOPLE)


_WHOLE_PLACE = re.compile(r"上下$")  # 「全区上下」, 「新区上下」: everyone in the place


def _posts_of_last(people: UnitList, out: list[Candidate]) -> UnitList | None:
    """「各责任单位务必高度重视…。主要领导要亲自负责…」: posts held in a body (主要领导, 负责人), named alone right after a
    demand on units, are those units' own people: the units answer for the work, their people lead it (truth rule 6).
    A whole place (「全区上下要…。班子成员要…」) has no posts of its own: those are the issuer's."""
    held = [lexicon().held_post.match(p) for p in people.leaders]
    if not out or not out[-1].units.lead or not all(m and not m["body"] for m in held) \
            or any(_WHOLE_PLACE.search(n) for n in out[-1].units.lead):
        return None
    last = out[-1].units
    return UnitList(people.as_written, lead=list(last.lead), participants=list(last.participants), mode=last.mode,
                    leaders=list(people.leaders))


def _bodies_with_people(part: str) -> UnitList | None:
    """A clause whose subject names bodies and people (「…，派出所、镇村干部、护林员要加强配合，…」), its modal or 负责
    right after: the bodies do the work, shared as a subject list of bodies alone shares it (the first listed leads;
    「学校、卫生院等单位职工负责各自单位…」: each its own), the people lead it in person."""
    for start in [0, *(comma.end() for comma in re.finditer(r"[，,]\s*", part))]:
        m = subject_match(part[start:])
        if not m or not (_MODAL.match(part, start + m.end("subject")) or _DUTY.match(part, start + m.end("subject"))):
            continue
        units = parse_units(m["subject"])
        if units.lead and units.leaders and not units.doubts \
                and all(looks_like_unit(n) for n in units.lead + units.participants):
            lead, others, mode = list_roles(units.lead + units.participants, part[start + m.end("subject"):],
                                            units.open_ended)
            return UnitList(units.as_written, lead=lead, participants=others, mode=mode, open_ended=units.open_ended,
                            leaders=units.leaders)
    return None


# 「…，明确各村党总支书记为第一责任人」: the people a demand makes answer for it first, in person
_FIRST_RESPONSIBLE = re.compile(r"(?:^|[，,])\s*明确(?P<who>[^，,；;。]{2,20}?)为第一责任人")


def _made_first_responsible(part: str) -> UnitList | None:
    """A demand with no subject that names people as its first responsible (「要加强组织领导，严格执行一把手负责制，明确
    各村党总支书记为第一责任人」): the people lead it, their body answers for it (as for people opening it)."""
    if not (m := _FIRST_RESPONSIBLE.search(part)):
        return None
    units = parse_units(m["who"])
    if not units.leaders or units.lead or units.participants or units.doubts:
        return None
    return UnitList(units.as_written, leaders=units.leaders, how=PEOPLE)


# 「…签订了目标责任书，要求各村(居)绷紧神经、端正态度，…」: 要求 and the collective it asks, whatever verb follows
# (「会议要求,各乡镇、各部门做到…」: a report's comma after 要求 too)
_ASKS_OF = re.compile(r"(?:^|[，,：:])\s*(?P<ask>(?:会议)?要求)(?:[，,]\s*)?(?=各)")
_NAME_LENGTH = 12


def _asked_collective(part: str) -> tuple[int, UnitList] | None:
    """Where the demand starts and the collective 要求 asks right after it (the longest that reads as one), or None."""
    for m in _ASKS_OF.finditer(part):
        if units := _opening_collectives(part[m.end():]):
            return m.start("ask"), units
    return None


def _opening_collectives(rest: str) -> UnitList | None:
    """The collectives listed with 、 opening a text (「各乡镇、各部门做到…」), each doing its own share, or None."""
    names: list[str] = []
    at = 0
    while units := _opening_collective(rest[at:]):
        names.append(units.as_written)
        at += len(units.as_written)
        if rest[at:at + 1] != "、":
            break
        at += 1
    if not names:
        return None
    return UnitList("、".join(names), lead=names, mode="separate" if len(names) > 1 else "first")


def _opening_collective(rest: str) -> UnitList | None:
    """The collective opening a text (the longest that reads as one; 「各村(社区)干部」 names people, its 各村(社区) the
    collective), or None."""
    for end in range(min(len(rest), _NAME_LENGTH), 1, -1):
        if collective(name := rest[:end]) and looks_like_unit(name) and not is_person(name) \
                and not parse_units(name).doubts:
            return UnitList(name, lead=[name])
    return None


# 「会议要求，X…；各村(社区)提前掌握…；」: the 「；」 parts of a sentence a meeting's or speaker's 要求 opens are its demands
_ASKS = re.compile(r"^\s*(?:会议|会上)?(?:要求|强调)[，,：:]")


# A notice's salutation: 「厅机关各处室，省文物局：」, the units it is addressed to, alone on a line before its body
_SALUTATION = re.compile(r"^(?P<names>[^。；;！？：:]{2,120})[：:]$")
_BODY_STARTS = 60  # a line this long is the body: no salutation after it
_MARKUP_TAIL = re.compile(r"[\"']\s*/?>\s*$")
_SALUTATION_RUN_IN = re.compile(r"^(?P<names>[^。；;！？：:]{2,60})[：:]\s*[\u4e00-\u9fff\d]")  # 「…卫生局: 8月31日,…」 too


def addressees(blocks: list[Block]) -> UnitList | None:
    """The units a notice is addressed to, each asked to do its own share (separate)."""
    for block in blocks:
        text = block.text.strip()
        if _MARKUP_TAIL.search(text):
            continue  # a broken page attribute's tail (「…情况" />」) before the salutation: page debris, not the body
        # (a salutation naming five bodies in full runs longer than a body's first line: a line of names alone)
        if not block.is_row and (m := _SALUTATION.match(text)) and (units := _addressed(m["names"])):
            return units
        if len(text) > _BODY_STARTS:  # the body: its first line may open with them (「各科室,各站所,各村: 为…」)
            m = _SALUTATION_RUN_IN.match(text)
            return _addressed(m["names"]) if m and not block.is_row and not lexicon().label_role(m["names"]) else None
    return None


def without_all_addressed(candidates: list[Candidate], blocks: list[Block]) -> list[Candidate]:
    """A notice to several units that gave each of them its own work (「一、X要…」「二、Y要…」), then asks them all
    together (「三、X、Y要切实增强责任感…并将落实情况报…」): that demand is on carrying the division out, a requirement
    (truth rule 1), not a task of its own."""
    addressed = addressees(blocks)
    names = addressed.lead + addressed.participants if addressed else []
    if len(names) < 2:
        return candidates
    alone = {n for c in candidates if len(c.units.lead) == 1 and not c.units.participants
             for n in names if c.units.lead[0].endswith(n)}
    together = [c for c in candidates if sorted(c.units.lead + c.units.participants) == sorted(names)]
    return [c for c in candidates if c not in together] if alone == set(names) and together else candidates


def _addressed(written: str) -> UnitList | None:
    """The units a salutation names, when it names units alone."""
    units = parse_units(re.sub(r"[，,]", "、", written))
    names = units.lead + units.participants
    if names and not units.doubts and all(looks_like_unit(n) for n in names):
        return UnitList(written, lead=names, mode="separate" if len(names) > 1 else "first", how="subject")
    return None


# 「请结合实际，认真抓紧推进落实」: asked of everyone it is sent to, carrying it out is the transmittal formula again
# 「三、在建设过程中，应及时向X报送…」: a notice's numbered point whose modal opens it (after a lead-in) names no
# subject: the addressees' duty (a news report's 「要…」 has none to be asked of)
# 「1. 领导批示、文件出台3日内报告」: a point saying when to report is a duty too, modal or none (「其他需要及时报告的情况」
# names what to report)
# 「三、按照…要求，每年要对…开展“回头看”」, 「一要凝聚共识抓落实」: in a notice, a point's 要 after its lead-in (or a
# time it recurs) asks the addressees too; 要求, 要点 … are nouns or a request of its own
_SUBJECTLESS_DUTY = re.compile(r"^(?:[^，,。；;]{2,20}[，,])?(?:每年|每季度|每月|每半年)?(?:(?:应当|应|须|必须)(?![急用对届])"
                               r"|要(?![求点素件闻]))"
                               r"|^[^，,。；;]{2,30}?(?:\d{1,2}(?:个工作日|日|天)内|及时|按时)(?:报告|报送|上报)(?!的)")
_CARRY_OUT = re.compile(r"落实[。！]?\s*$")
# 「重要材料请以报告形式报送」, 「有关情况请于…前报送」: what is asked for may stand before 请 as its topic (申请, 提请,
# 报请, 邀请 … are verbs of their own)
_ASKED = re.compile(rf"(?:^|[，,])\s*(?P<asked>(?:(?P<topic>[\u4e00-\u9fff]{{2,16}}?)(?<![申提报呈邀聘宴吁延]))?"
                    rf"(?P<ask>{_ASKING}(?P<rest>[^。；;]{{4,}})))")


def _asked_of_addressees(part: str) -> str | None:
    """A request naming no units (「请按各自职责进一步细化…」, 「请你们…」), from its 请 on: the addressees' work; the
    transmittal formula (「请认真贯彻执行」) asks for nothing of its own."""
    m = _ASKED.search(part)
    if not m or _TRANSMITTAL.search(m["ask"]) or _CARRY_OUT.search(m["ask"]) or _requested(m["ask"]) \
            or m["topic"] and parse_units(m["topic"]).lead:  # 「各单位请于…」: units before 请 are its subject
        return None
    rest = m["rest"]
    return m["asked"] if rest.startswith(_ADDRESSEES) or not parse_units(re.split(r"[，,]", rest)[0]).lead else None


def _joined(text: str, part: str) -> str:
    """A part after the text it goes on from, after the text's own closing mark or a comma."""
    return text + part if not text or text[-1] in "。！？；;，," else text + "，" + part


_SPEAKER = re.compile(r"^\s*[^，,。]{1,15}?(?:强调|指出|要求|表示)$")  # 「马子兴强调，全市各级各部门要…」: one demand


# where a clause may start: after a comma or a 、, or at collectives right after a word (a full stop lost), but not
# after a verb that asks them (「督促各单位要…」: whom the demand is on, the clause goes on)
_CLAUSE_CUT = re.compile(r"[，,、]|(?<=[\u4e00-\u9fff])(?<!督促|要求|指导|责成|动员|引导|组织|通知)(?=各)")
_MODAL_AFTER_SUBJECT = re.compile(r"各[^，,。；;、要应须]{1,10}(?:要(?![求点])|应|须|必须)")


def _parts(text: str, known: tuple[str, ...]) -> list[str]:
    """The sentences and 「；」 parts of a paragraph, each also cut before a comma (or a 、 closing a clause) after
    which units open a clause of their own (「市督查室将专项督办，各地、各部门要…」: two requirements)."""
    out = []
    for part in re.findall(r"[^。！？；;]+[。！？；;]?", text):
        cuts: list[int] = []
        for m in re.finditer(_CLAUSE_CUT, part):
            # (「主办单位要主动、会办单位要积极」: a 、 cuts only after a clause with a subject of its own, never in a list;
            # so does a lost full stop, 「…合力研究推进各责任单位要按照…」: collectives and their modal after a demand)
            before = part[(cuts or [0])[-1]:m.start()].lstrip("，,、")
            if _opens_clause(part[m.end():], m.group(), before, known) and not _SPEAKER.match(part[:m.start()]) \
                    and not _names_only(before) \
                    and (m.group() not in ("、", "") or _requirements_of(before, known)) \
                    and (m.group() or _MODAL_AFTER_SUBJECT.match(part, m.end())):
                cuts.append(m.start())
        out += [piece for a, b in zip([0] + cuts, cuts + [len(part)])
                for piece in _own_subjects(part[a:b].lstrip("，,、"), known)]
    return out


def _names_only(before: str) -> bool:
    """Words before a comma that are one collective and nothing else (「各乡(镇),各部门要…」): the first of the
    subject's list, written with a comma, not a clause of its own."""
    return bool(_ONE_COLLECTIVE.fullmatch(before)) and looks_like_unit(before)


_ONE_COLLECTIVE = re.compile(r"各[^，,、；;。\s要应须将已]{0,8}(?:[地乡镇县区市州旗村]|部门|单位|街道|[)）])")


_MODAL_AFTER = re.compile(r"\s*(?:要(?![求点])|应当?|须|必须|务必)")


def _own_subjects(part: str, known: tuple[str, ...]) -> list[str]:
    """A part holding several clauses that each name a subject of their own (「体系建设再完善，联席办要牵头抓总，…，三大
    电信运营商、金融银行系统和派出所要发挥职能优势，…」), cut before each: each subject its own demand, whatever names
    it; the words before the first go on from the text before them. Only subjects its modal follows right away count
    (「…，亲自研究安排部署，将…」 and 「按有关要求报…」 are no subject's clauses)."""
    found = [(clause, units) for clause, units in _requirements_of(part, known)
             if _MODAL_AFTER.match(clause, max(clause.find(units.as_written), 0) + len(units.as_written))]
    if len(found) < 2:
        return [part]
    cuts, at = [], 0
    for clause, _ in found:
        if (start := part.find(clause, at)) < 0:
            return [part]
        cuts += [start] if start > 0 else []
        at = start + len(clause)
    return [part[a:b] for a, b in zip([0] + cuts, cuts + [len(part)])]


def _opens_clause(clause: str, cut: str, before: str, known: tuple[str, ...]) -> bool:
    """A clause after a cut that opens with a subject of its own: units, or after a comma people and their modal
    where the words before name no units (「一要思想高度重视，支部书记要当好…」: the secretaries' demand, not the
    opening words' going on; 「牵头单位要…，单位主要负责人作为第一责任人…」: the unit's own people, its demand's)."""
    return _opens_with_units(clause, known) or cut in ("，", ",") and _people_subject(clause) is not None \
        and not _requirements_of(before, known)


def _opens_with_units(clause: str, known: tuple[str, ...]) -> bool:
    """A clause whose subject opens it and names units by their place or level, a collective or registered units:
    after a comma, 「对辖市指导…」 or 「配合市住建局…」 is the last clause's work going on."""
    found = _requirements_of(re.split(r"[，,]", clause)[0], known) \
        or _requirements_of(clause, known)  # 「X作为牵头单位，负责…」
    return bool(found) and re.sub(rf"^(?:由|{OPENING})", "", clause).startswith(found[0][1].as_written) \
        and (bool(_STRESSED.match(clause))
             or all(n in known or _PLACED.match(n) or n in BARE_GOVERNMENT for n in found[0][1].lead))  # 县委、政府


_STRESSED = re.compile(r"\s*(?:特别是|尤其是)")  # 「…，尤其是甲镇、乙镇，要…」: a stress that opens a subject of its own


def general_deadlines(requirements: list[dict], year: int) -> list[dict]:
    """The deadlines the requirements set for every task (「各牵头单位要在每年11月中旬报送…」, 「每月28日前报送进展」),
    each naming its requirement; phrases not understood are left to the review's [工作要求] line."""
    out: list[dict] = []
    for r in requirements:
        for d in timing.as_deadlines(timing.find(r["text"], year)):
            if not any(g["phrase"] == d["phrase"] for g in out):
                out.append({"id": f"requirement-{r['number']}-{len(out) + 1}", **d, "requirement": r["number"]})
    return out


def requirements_beside(blocks: list[Block], known: tuple[str, ...], tasks: list[Candidate]) -> list[tuple[str, str]]:
    """(where it stands, its text) of each sentence in a paragraph that holds tasks that no task's text holds and
    that asks collectives alone for work (「各成员单位要根据职责分工，密切配合…」 after 「X负责…，Y负责…」): a
    requirement beside the division, as the 工作要求 paragraphs are (truth rule 1); a named body's demand
    (「市发展改革委要做好…」) stays its task, read or not."""
    held: dict[str, list[str]] = {}
    for task in tasks:
        held.setdefault(task.where, []).append(bare_words(task.text))
    out: list[tuple[str, str]] = []
    for item in items_of(blocks):
        if item.table is not None or item.owner or item.where not in held:
            continue
        for sentence in re.findall(r"[^。！？]+[。！？]?", item.text.strip()):
            bare = bare_words(sentence)
            if len(bare) < _SHORTEST or any(t and (t in bare or bare in t) for t in held[item.where]) \
                    or _told(sentence) or only_sets_up(sentence):
                continue
            demand = _DEMANDED.search(sentence)
            found = _requirements_of(sentence[demand.end():] if demand else sentence, known)
            if found and all(_collectives_asked(clause, units) for clause, units in found):
                out.append((item.where, sentence.strip()))
    return out


def _collectives_asked(clause: str, units: UnitList) -> bool:
    """A clause whose subject is collectives alone, a demand right after them (「各成员单位要…」, not 「各成员单位负责…」
    nor 「各级党委将…」, what they will do as the tasks' own measures)."""
    names = units.lead + units.participants
    end = clause.find(units.as_written) + len(units.as_written) if units.as_written in clause else 0
    return bool(names) and all(collective(n) or _KINDS.search(n) for n in names) \
        and bool(_DEMAND.search(clause[end:end + 6]))


_DEMAND = re.compile(r"要(?![求点])|须|务必|应(?!急)")
# 「联席会议成员单位」: a body's members, all of them; 「有普查试点任务的地区」: the places (bodies) of a kind a clause
# describes, whichever they are
_KINDS = re.compile(r"(?:成员单位|的(?:地区|地方|单位|部门|企业|乡镇|县区?|市县))$")
# 「省人民政府要求，省有关部门…要…」: a body's demand on the units after it (not a meeting's: 「会议要求，…」 reports
# what was said, and reads as the units' tasks where it divides work)
_DEMANDED = re.compile(r"(?:^|[，,])[^，,。]{2,12}?(?<!会议)要求[，,：:]")
