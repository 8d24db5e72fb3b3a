"""A clause with no subject whose body still does its work: a body it sets up and gives work (「…，成立X领导小组，
负责…」, its head the leader), a draft a meeting approves for its drafter to revise and send on, a meeting held at
fixed times (meetings.py). Apart because the body is read from the act, not from a subject before a verb."""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import alternation, is_person, lexicon
from .meetings import held_meeting
from .subjects import rules_setting_up, unit_names
from .unitnotes import UnitList

# 「成立滑坡治理工程领导小组，???镇长任组长」, 「成立以县长为组长的X领导小组」: a body set up by a clause with no
# subject does the clause's work, the person who heads it its leader
# (after a lead-in: 「为切实做好创文工作，…，特成立X领导小组，由党委书记任组长，党委副书记、镇长任常务副组长」)
FOUNDED = re.compile(r"^(?:[^，,；;。]{2,30}[，,])*?(?:特|现|决定|研究决定)?(?:成立|组建|设立)"
                      r"(?:以(?P<head>[^，,；;。]{2,12}?)为(?:组长|总指挥|指挥长|主任)的)?"
                      r"(?P<quote>[“\"])?(?P<body>[^，,；;。“”\"]{2,40}?)(?(quote)[”\"])(?=[，,]|$)")
# 「，负责…」, 「，统一领导我镇防汛工作」: the work a body set up after a lead-in is given
# (「成立“X领导小组”，由…任组长，…，加强对X工作的领导」: its leadership of the work, after its roster)
FOUNDED_FOR = re.compile(r"[，,]\s*(?:(?:统一|全面)?(?:负责|领导|指挥|统筹|协调)|加强对[^，,；;。]{2,40}?的(?:统一|组织)?领导)")
_HEADED_BY = re.compile(r"[，,][^\u4e00-\u9fff]*由?(?P<head>[\u4e00-\u9fff、]{2,12}?)[任为](?:常务)?副?(?:组长|总指挥|指挥长|主任)")


@lru_cache(maxsize=1)
def _roster() -> re.Pattern:
    """「，由局长任组长，分管领导为副组长，…等单位相关负责人为成员」: the roster of a body set up, its posts (lexicon.yaml
    roster_posts) each given to people, standing between the body and its work."""
    return re.compile(rf"(?:[，,][^；;。]*?(?:任|为|担任)(?:{alternation(lexicon().roster_posts)}))+(?=[，,])")


def given_work(after: str) -> bool:
    """Whether the words after a body set up give it work: 「，负责…」 right after it, or after its roster."""
    roster = _roster().match(after)
    return bool(FOUNDED_FOR.match(after) or roster and FOUNDED_FOR.match(after, roster.end()))


# 「会议原则同意县财政局拟草的《…》，修改完善后，批复实施」, 「会议同意X对…评价后拟定的《…》，报县委审定」, 「会议同意X、Y
# 提出的《…》，作进一步修改完善后提请…审议」: a meeting approves a body's draft, to be revised and sent on; the drafter
# does it (no other subject named); drafters listed together: the first listed leads (truth rule 5)
_APPROVED_DRAFT = re.compile(r"^(?:会议)?(?:原则)?(?:同意|通过|审议通过)(?P<drafter>[^，,；;。《》“”]{2,80}?)"
                             r"(?:对[^《》，,；;。]{2,80}?)?(?:拟草|起草|草拟|拟定|提交|提请|提出|编制|制定|制订|报送)"
                             r"[^《，,；;。]{0,20}?的《[^》]+》(?=.*?(?:修改完善|修改|完善|印发|实施|审定))")


def approved_draft(clause: str, known: tuple[str, ...]) -> UnitList | None:
    """The bodies whose approved draft a clause gives back to them to revise and send on (the first listed leads)."""
    m = _APPROVED_DRAFT.match(clause)
    names = unit_names(m["drafter"], known) if m else None
    return UnitList(m["drafter"], lead=names[:1], participants=names[1:], mode="first", how="verb") if names else None


def holds(clause: str, known: tuple[str, ...]) -> UnitList | None:
    """The one body that holds the meeting a clause sets at fixed times (meetings.py), its head the leader."""
    names = unit_names(held.body, known) if (held := held_meeting(clause)) else None
    return UnitList(held.body, lead=names, how="verb", leaders=[held.chair] if held.chair else []) \
        if names and len(names) == 1 else None


def founded_body(clause: str, known: tuple[str, ...]) -> UnitList | None:
    m = None if rules_setting_up(clause) else FOUNDED.match(clause)  # 「设立X，应当从严控制」: a rule, no body set up
    if not m or not (names := unit_names(m["body"], known)) or len(names) != 1:
        return None
    if re.search(r"[，,]", clause[:m.start("body")]) and not FOUNDED_FOR.search(clause[m.end():]):
        return None  # 「为了确保…，成立X领导小组。」 after a lead-in, given no work: what was set up, not a task
    heads = [h for h in (m["head"], *(h["head"] for h in _HEADED_BY.finditer(clause, m.end()))) if h and is_person(h)]
    return UnitList(m["body"], lead=names, how="verb", leaders=heads)


def only_sets_up(text: str) -> bool:
    """「成立活动领导小组，以保证各项活动的顺利进行。」: a sentence setting a body up and giving it no work of its own."""
    text = text.strip()
    # (the sentence opens with the setting up; 「设立X，均须履行报批手续」 is a rule on setting bodies up)
    m = FOUNDED.match(text) if SETS_UP.match(text) and not rules_setting_up(text) else None
    return bool(m) and not m["head"] and not FOUNDED_FOR.search(text[m.end():])


SETS_UP = re.compile(r"(?:特|现|决定|研究决定)?(?:成立|组建|设立)")
