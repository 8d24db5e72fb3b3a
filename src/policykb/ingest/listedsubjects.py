"""In a numbered item, sentences opening with collectives alone or with a list of two named bodies or more, then a
verb the lexicon does not hold (「各镇和相关单位抽调精干力量，…」, 「镇宣传办、文体中心、广播电视站利用…」): the
subject is the longest opening that reads as such a list. Apart from clauses.py, which reads only verbs the lexicon
holds."""
from __future__ import annotations

import re

from ..ownnumbers import MARK
from .shares import ALL_WORDS, collective
from .subjects import DONE, MODAL, OPENING, subject_match
from .unitnames import looks_like_unit
from .unitnotes import UnitList, parse_units

# 「各镇和相关单位抽调精干力量，组成…」: collectives alone opening a sentence, then a verb the lexicon does not hold
_LIST_GOES_ON = re.compile(r"^(?:[、和及与]|[(（])")
_URGED = re.compile(r"^(?:(?:按照|根据|对照|围绕)[^，,；;。]{2,30}[，,])?督促(?=各|有关|相关)")


def collective_subjects(text: str, known: tuple[str, ...] = ()) -> list[tuple[str, UnitList]]:
    """In a numbered item, the sentences (after the item's title) that open with collectives alone (各X, 相关X, 有关X)
    and go on with a verb of their own (「各镇和相关单位抽调精干力量，…」): each collective does its share. The subject
    ends where its list does: an opening that reads as collectives and is not followed by 、, 和, 及 or a
    bracket (the longest such opening: 「各乡镇人民政府和有关单位」, not 「各乡」). Collectives urged to their work
    (「按照…要求，督促各X建立健全…」) do it too. Only collectives: a named body before an unknown verb may be a topic
    (「广播电视站」), a collective hardly."""
    out = []
    for sentence in re.findall(r"[^。！？；;]+", text):
        words = re.sub(rf"^{OPENING}", "", sentence.strip("，, "))
        # 「按照…要求，督促各X建立健全…」: the collectives urged do the work the sentence names
        words = (urged := _URGED.match(words)) and words[urged.end():] or words
        first = re.split(r"[，,：:“”\"]", words)[0]
        if not ALL_WORDS.match(first) or DONE.search(first) or not words[len(first):].startswith(("，", ",")) \
                or subject_match(words):
            continue  # (its work goes on after a comma: 「各级X责任主要包括：」 introduces a list, and is no demand;
            # a verb the lexicon holds is subject_clauses' to read: 「各部门要各司其职」 it leaves as a requirement)
        for end in range(min(len(first) - 2, 30), 1, -1):
            if _LIST_GOES_ON.match(first[end:]) or MODAL.search(first[:end]):
                continue  # (「各部门要各司其职」: a modal is read by subject_clauses, and is no part of a name)
            units = parse_units(first[:end], known)
            names = units.lead + units.participants
            if names and not units.doubts and not units.leaders and units.how == "bare" \
                    and all(collective(n) and looks_like_unit(n) and not re.search("[的是]", n) for n in names):
                out.append((sentence.strip("，, "), UnitList(first[:end], lead=names, how="verb",
                                                             mode="separate" if len(names) > 1 else "first")))
                break
    return out


_PLACE_ENDS = re.compile(r"(?:省|市|州|县|区|旗|镇|乡|街道|村|社区)$")  # places (「本镇」) are no bodies listed
_SUB_MARK = re.compile(rf"^(?:{MARK})\s*")


def listed_subjects(text: str, known: tuple[str, ...] = ()) -> list[tuple[str, UnitList]]:
    """In a numbered item, the sentences that open with a list of two named bodies or more, then a verb the lexicon
    does not hold (「镇宣传办、文体中心、广播电视站利用各种阵地…」): the first listed leads by custom, the others take
    part. One body alone before such a verb may be the sentence's topic (「广播电视站…」); bodies listed before a verb,
    each ending as a body's name does (not a place's), hardly are. The subject is the longest opening that reads as such a list."""
    out = []
    for sentence in re.findall(r"[^。！？；;]+", text):
        sentence = _SUB_MARK.sub("", sentence.strip("，, "))  # 「…工作1、…。2、镇宣传办、…」: the item's sub-points
        words = re.sub(rf"^{OPENING}", "", sentence)
        first = re.split(r"[，,：:“”\"]", words)[0]
        if "、" not in first or DONE.search(first) or subject_match(words):
            continue  # (a verb the lexicon holds is subject_clauses' to read)
        for end in range(min(len(first) - 2, 60), 1, -1):
            if _LIST_GOES_ON.match(first[end:]) or MODAL.search(first[:end]):
                continue
            units = parse_units(first[:end], known)
            names = units.lead + units.participants
            if len(names) > 1 and not units.doubts and not units.leaders and units.how == "bare" \
                    and all(looks_like_unit(n) and not collective(n) and not _PLACE_ENDS.search(n)
                            and not re.search("[的是]", n) for n in names):
                out.append((sentence, UnitList(first[:end], lead=names[:1], participants=names[1:],
                                                             how="verb", mode="first", by_custom=True)))
                break
    return out
