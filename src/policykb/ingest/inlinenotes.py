"""Where a paragraph names the units of its task: a note in brackets (「（X、Y负责）」, 「（牵头单位：X，配合单位：Y）」,
square 「[牵头单位:X;责任单位:Y]」), a closing bracket of unit names alone, or a clause of prose (「由X牵头，Y配合」;
a topic's 「…由X负责」, which stays in the task's text). Kept apart from the paragraph reader (shapes.py) that cuts
tasks at these notes."""
from __future__ import annotations

import re

from .itemmarks import ITEM, SECTION, strip_number
from .lexicon import lexicon
from .prose import by_units, each_its_own, topic_units
from .unitnames import looks_like_unit
from .unitnotes import UnitList, parse_units

_LEX = lexicon()
_ROLE_WORDS = "|".join(re.escape(w) for w in sorted({*_LEX.verbs, *_LEX.joiners}, key=len, reverse=True))
LABEL_WORDS = "|".join(re.escape(w) for w in sorted(_LEX.labels, key=len, reverse=True))
# A bracketed note that names units: it has a role word or a label (lexicon.yaml) saying so.
_INNER = r"(?:[^()（）]|[(（][\u4e00-\u9fff、]{1,8}[)）])"  # a short bracket inside a note: 各区、县（市）
BRACKET_NOTE = re.compile(rf"[(（]((?:{_INNER}{{2,300}}?(?:{_ROLE_WORDS})|{_INNER}{{0,300}}?(?:{LABEL_WORDS})\s*[：:]{_INNER}*"
                   rf"|(?:{LABEL_WORDS})\s*[；;]{_INNER}+"  # 「（责任单位；X、Y）」: a semicolon for the label's colon
                   rf"|[^()（）]{{2,60}}?[(（](?:{_ROLE_WORDS}|{LABEL_WORDS})[)）]{_INNER}{{0,260}}?)"
                   rf"{_INNER}{{0,40}})[)）]")  # 「（X负责）」, 「（责任单位：X）」, 「（X（牵头）、Y）」
# The same note in square brackets (「[牵头单位:X;责任单位:Y]」, 「【X负责】」, 「〔X牵头〕」), where round ones may sit inside.
_SQUARE_NOTE = re.compile(rf"[\[【〔]((?:[^\[\]【】〔〕]{{2,300}}?(?:{_ROLE_WORDS})|[^\[\]【】〔〕]{{0,300}}?(?:{LABEL_WORDS})\s*[：:])"
                          rf"[^\[\]【】〔〕]{{0,300}}?)[\]】〕]")
# The same assignment written as prose, with no brackets: 「由X牵头，Y、Z配合」, 「X负责，Y参与」, a clause of
# a sentence. Only the strong words anchor it (牵头…, 负责…), and every name must be a unit (checked by the caller).
_PROSE_LEAD = "|".join(re.escape(w) for w, role in sorted(_LEX.verbs.items(), key=lambda i: len(i[0]), reverse=True)
                       if role in ("lead", "separate", "joint") or "负责" in w)
_PROSE_PART = "|".join(re.escape(w) for w, role in sorted(_LEX.verbs.items(), key=lambda i: len(i[0]), reverse=True)
                       if role == "participant")
# (a name may close on a short bracket it is written with: 「各街道办事处(乡)配合」, truth rule 4)
_CLAUSE = r"(?:[^，,；;。：:()（）]|[(（][\u4e00-\u9fff]{1,4}[)）])"
_PROSE_NOTE = re.compile(rf"(?:^|(?<=[，,；;。：:]))由?(?P<note>{_CLAUSE}{{2,80}}?(?:{_PROSE_LEAD})"
                         rf"(?:[，,]{_CLAUSE}{{2,120}}?(?:{_PROSE_PART}))?)(?=[，,；;。]|$)")


# 「…，由X负责；」: a note of 由 and a bare 负责 closing its clause (nothing of the work after the verb)
_TOPIC_ONLY = re.compile(r"^由[^，,；;。]{2,60}?负责(?=[；;。]|$)")
# 「未设管理单位的，由X负责，指定专人…」: a topic of those that are so (…的), then who answers for them by a bare 负责:
# the sentence's predicate, its work after it; cut out, the topic would be left with no one over it
_WHICH_TOPIC = re.compile(r"的[，,]$")
_BARE_FUZE = re.compile(r"^由[^，,；;。]{2,60}?负责(?=[，,；;。]|$)")
# a paragraph holding one of these and naming nobody looks like a task left unread (「…，对X做好日常监督」 too)
TASKLIKE = re.compile(r"(?:要|做好|抓好|加快|推进|推动|建立|健全|完善|实施|开展|落实|加强|强化|制定|组织|确保|支持|鼓励)")


# 「特别是牵头单位（无牵头单位的，责任单位即为牵头单位，下同）要…」: a bracket defining who holds a role when no one is
# named to it: no name of a holder, nor a note
DEFINITION = re.compile(r"[(（](?:无|没有|未明确)[^()（）]{1,16}?的[，,][^()（）]{2,30}?即为[^()（）]{0,30}[)）]")


def notes_in(text: str) -> list[re.Match]:
    square = list(_SQUARE_NOTE.finditer(text))
    inside = lambda m: any(s.start() < m.start() < s.end() for s in square)
    found = square + [m for m in BRACKET_NOTE.finditer(text) if not inside(m)]
    return sorted((m for m in found if re.search(r"[\u4e00-\u9fff]{2,}", m[1])
                   and not re.match(r"^(?:以下简称|简称|含|下同|试行|暂行|\d)", m[1])
                   and not DEFINITION.fullmatch(m[0])), key=lambda m: m.start())


def bare_list(text: str, known: tuple[str, ...]) -> list[re.Match]:
    """A closing bracket that holds only unit names (「（省扶贫办、省民政厅等）」): a unit note by what it names."""
    m = re.search(r"[(（]([^()（）]{2,200})[)）][。\s]*$", text)
    if not m or looks_like_unit(strip_number(text[:m.start()])):
        return []  # 「（一）综合办公室（党群工作部、监察室）」: a unit and its other names, no task
    if not (ITEM.match(text) or SECTION.match(text)):
        # 「A…（X、Y）。B…（X、Z）。C…（X）。」: a paragraph (its number lost) whose sentences each close on a bracket
        # of unit names alone is a run of measures, each its units'
        closing = list(re.finditer(r"[(（]([^()（）]{2,200})[)）](?=[。；;]|\s*$)", text))
        return closing if len(closing) > 1 and all(map(lambda c: _bare(c[1], known), closing)) else []
    return [m] if _bare(m[1], known) else []


def _bare(written: str, known: tuple[str, ...]) -> bool:
    """Unit names alone, no role word, no flags or people."""
    units = parse_units(written, known)
    return bool(units.lead and not units.flags and not units.leaders and units.how == "bare")


def topic_only(text: str, at: int, rest: str) -> bool:
    """「道路等公共区域，由X负责。」: the note at `at` is a bare 「由X负责」 closing its clause and the rest of the text
    (`rest`, the note cut out) holds no work, only its topic; cut out, the note would leave no duty, so it stays.
    So does a bare 「由X负责」 right after a topic of those that are so (「…未设管理单位的，由X负责，…」)."""
    return bool(_TOPIC_ONLY.match(text[at:])) and bool(text[:at].strip("，,；;。 ")) and not TASKLIKE.search(rest) \
        or bool(_WHICH_TOPIC.search(text[:at]) and _BARE_FUZE.match(text[at:]))


def prose_note(text: str, known: tuple[str, ...] = ()) -> tuple[str, UnitList, bool] | None:
    """A paragraph's assignment written as a clause (「…，由X牵头，Y配合，确保…」): the task text without
    it, the units it names, and whether the clause opens the paragraph; None unless every name in the
    clause is a unit."""
    for m in _PROSE_NOTE.finditer(text):
        units = parse_units(m["note"], known)
        if units.lead and not units.doubts and not units.leaders and not each_its_own(m["note"], units):
            rest = re.sub(r"[，,；;]*([，,。])[，,；;。]*", r"\1", text[:m.start()] + text[m.end():])
            # 「具体分工：X牵头，主要负责…」: the note after a colon is the subject of the duty the colon opens; cut out, it
            # would leave the duty with no one (「具体分工：主要负责…」), so the text stays as written
            if topic_only(text, m.start(), rest) or text[:m.start()].endswith(("：", ":")):
                rest = text
            return rest.strip("，,；; "), units, not text[:m.start()].strip("，,；;。 由")
    return None


BARE_BY = re.compile(r"由[^由，,；;。]{2,30}?负责(?=[，,；;。]|$)")  # 「由X负责」 closing its clause: X answers for the topic


def _by_after_topic(before: str, clause: str, known: tuple[str, ...]) -> UnitList | None:
    """「各村、居民住宅区、街巷，由属地管理村负责」: a clause of 由 and its units right after the topic clause it assigns
    (a clause with no role word of its own: the areas, not a note), read as a note inside its sentence."""
    if not before.strip() or not re.match(r"\s*由", clause) or lexicon().verb_tail.search(before):
        return None
    return by_units(clause.strip(), known)


def _helped_next(units: UnitList, after: list[str], known: tuple[str, ...]) -> UnitList | None:
    """The topic's note read with the clause after it when that clause is only units closed by a participant word
    (「…由X组织实施，Y、Z配合」): its units take part; else None."""
    if not after or not (m := _LEX.verb_tail.search(after[0].strip())) or _LEX.verbs[m["verb"]] != "participant":
        return None
    joined = parse_units(f"{units.as_written}，{after[0].strip()}", known)
    return joined if joined.lead == units.lead and joined.participants and not joined.doubts and not joined.leaders \
        and all(n in known or looks_like_unit(n) for n in joined.participants) else None


def _doer_next(after: list[str], known: tuple[str, ...]) -> UnitList | None:
    """The clause after topics given each to a unit when it is only units closed by a word of doing the work
    (「…，Z具体组织实施」, 具体 aside): they hold a share of their own; else None."""
    if not after:
        return None
    clause = re.sub(r"(?<=\S{2})具体(?=\S)", "", after[0].strip())
    if not (m := _LEX.verb_tail.search(clause)) or _LEX.verbs[m["verb"]] != "responsible":
        return None
    units = by_units(clause, known)
    return units if units and not units.participants and not units.doubts and not units.leaders else None


def topic_note(text: str, known: tuple[str, ...] = ()) -> UnitList | None:
    """「我县的文物行政执法工作由县文物旅游局负责实施。」: a note inside its clause after a topic, the sentence's only
    assignment; cut out, it would leave a topic and no duty, so the text stays as written."""
    clauses = re.findall(r"[^，,；;。]+", text)
    at = [(i, u) for i, (before, clause) in enumerate(zip(["", *clauses], clauses))
          if (u := topic_units(clause, known) or _by_after_topic(before, clause, known))
          and not u.doubts and not u.leaders]
    found = [u for _, u in at]
    if len(at) == 1 and (helped := _helped_next(at[0][1], clauses[at[0][0] + 1:], known)):
        return helped  # 「A由X组织实施，Y配合」: who helps it, in the clause after the topic's 由
    if len(found) > 1 and not any(u.participants for u in found):
        # 「施工工地由施工企业负责，待建地块由土地使用权人负责」: each topic its holder, each answering for its own
        if then := _doer_next(clauses[at[-1][0] + 1:], known):
            found.append(then)  # 「A由X提供，B由Y提供，Z具体组织实施」: the doer after the topics, its own share too
        lead = list(dict.fromkeys(n for u in found for n in u.lead))
        return UnitList("，".join(u.as_written for u in found), lead=lead, mode="separate", how=found[0].how)
    return found[0] if found else None
