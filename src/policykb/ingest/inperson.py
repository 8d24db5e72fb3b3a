"""The people a clause makes answer for its work in person: 第一责任人, a body's head (由X任组长, “镇长负责制”), who
signs the work off (经X签字), and those named after a leader's label (责任人：X、Y). People, not units: a task's
leaders."""
from __future__ import annotations

import re

from .lexicon import is_person, lexicon
from .unitnames import looks_like_unit

def in_person(text: str) -> list[str]:
    """The people a clause makes answer for its work in person (「…，单位主要负责人作为第一责任人，…」)."""
    return [m["who"] for m in lexicon().in_person.finditer(text) if is_person(m["who"])]


# 「…成立村级领导小组由各包村领导或包村负责人任组长」, 「实行“镇长负责制”」: the people a clause makes head the body it
# sets up, or answer for its work by a post's 负责制, lead the work in person; so does a leader the work is put
# under ahead of the bodies that do it (「由X副市长负责，市发改委牵头，…」: the bureau leads, the vice mayor over it)
_HEADS = re.compile(r"由(?P<who>[^，,；;。由]{2,16}?)(?:兼任|任|担任)(?:办公室)?(?:组长|总指挥|指挥长|主任)(?!成员)"
                    r"|[“\"](?P<post>[\u4e00-\u9fff]{2,6})负责制[”\"]"
                    r"|由(?P<over>[\u4e00-\u9fff]{2,10}?)负责(?=[，,])")


# 「由镇长任组长，各分管领导任副组长」: the deputies named after the body's head, in the same sentence, head it too
_DEPUTIES = re.compile(r"[，,](?P<who>[^，,；;。由]{2,16}?)(?:任|为|担任)(?:常务)?副(?:组长|总指挥|指挥长|主任)(?!成员)")


def heads_named(text: str) -> list[str]:
    """The people `_HEADS` finds in a clause (those named as alternatives, 「X或Y」, each), and the deputies after a
    head (`_DEPUTIES`)."""
    found: list[str] = []
    for m in _HEADS.finditer(text):
        found += re.split(r"[或和、]", m["who"] or m["post"] or m["over"])
        if m["who"]:
            sentence = text[m.end():].split("。")[0]
            found += [who for d in _DEPUTIES.finditer(sentence) for who in re.split(r"[或和、]", d["who"])]
    return [who for who in found if is_person(who)]


# 「副县长X任指挥长，A、B任副指挥长，成员由…组成」: a sentence of its own after a body is set up, opening with the
# people who head it (no 由, no subject): the body's leaders, each written with the post before the name as the text
# writes them
_ROSTER_HEADS = re.compile(r"(?:^|[，,])(?P<who>[^，,；;。由]{2,60}?)(?:兼任|任|担任)(?:常务)?副?(?:组长|总指挥|指挥长|主任)(?!成员)")
# a post's ending before a person's name (副县长X, 县公安局副局长X, 教导员X)
_POST_ENDS = re.compile(r"(?:长|员|主任|书记|委员|部长|同志)$")


def _post_then_name(who: str) -> bool:
    """「副县长易长生」, 「县公安局消防大队教导员陈飞」: a post, then a person's name of two or three characters."""
    return any(len(who) > k + 1 and _POST_ENDS.search(who[:-k]) and re.fullmatch(r"[\u4e00-\u9fff]+", who[-k:])
               and not _POST_ENDS.search(who) for k in (3, 2))


def roster_heads(clause: str) -> list[str]:
    """The people a clause opening with its body's roster makes head it (「副县长易长生任指挥长，县公安局副局长梁跃清任
    副指挥长」): names, posts, or posts with the name after them; none unless the clause opens so."""
    matches = list(_ROSTER_HEADS.finditer(clause))
    if not matches or matches[0].start() != 0:
        return []
    people = [who for m in matches for who in re.split(r"[、和]", m["who"])]
    return people if people and all(is_person(p) or _post_then_name(p) for p in people) else []


# 「向考点各派2名纪检干部」, 「安排2名公安人员参加…接送工作」: people a body sends, counted, to do its work in person
_SENT = re.compile(r"(?:派出|选派|委派|派|安排|抽调)了?各?(?:\d+|[一二两三四五六七八九十百]+)名"
                   r"(?P<who>[\u4e00-\u9fff]{2,8}?(?:干部|人员))")


def sent_people(text: str) -> list[str]:
    """The people a clause has its body send, by their number, to do the work (「…，向考点各派2名纪检干部，全程监察」):
    they do it in person, the body answers for it."""
    return list(dict.fromkeys(m["who"] for m in _SENT.finditer(text)))


# 「将意见经单位主要负责人签字后报送」: the person who signs the body's answer off answers for it in person
_SIGNED_BY = re.compile(r"经(?P<who>[^，,；;。经]{2,12}?)(?:审核)?(?:签字|签批|审签|签发|签名|签章)")


def signers(text: str) -> list[str]:
    """The people a clause has sign its work off (「…经单位主要负责人签字并盖章后，反馈至…」)."""
    return [m["who"] for m in _SIGNED_BY.finditer(text) if is_person(m["who"])]


def _people_labels(text: str) -> list[re.Match]:
    """The leader labels of a text with the names after them (「责任人：黄勇、杨文革、段恒」)."""
    lex = lexicon()
    return [m for m in re.finditer(rf"{lex.label.pattern}\s*(?P<who>[\u4e00-\u9fff]{{2,4}}(?:、[\u4e00-\u9fff]{{2,4}})*)"
                                   r"(?=[，,。；;\s]|$)", text)
            if lex.labels[m["label"]] == "leader" and not any(map(looks_like_unit, m["who"].split("、")))]


def labelled_people(text: str) -> list[str]:
    """The people a text names after a leader's label (「负责人：符海青」, 「责任人：黄勇、杨文革、段恒。」): names, no
    unit's, one or a list of them."""
    return [who for m in _people_labels(text) for who in m["who"].split("、")]


def without_people_labels(text: str) -> str:
    """The text without its leader labels and their names (「负责保障公路畅通。责任人：张三、李四。」 → 「负责保障公路畅通。」):
    the people are the task's leaders, not its work."""
    for m in reversed(_people_labels(text)):
        text = text[:m.start()] + re.sub(r"^[。；;，,]", "", text[m.end():]) if m.start() else text
    return text.strip()
