"""Notes written as prose: which units a clause names in a role, and which text each note assigns.

- 「由X牵头，Y配合」, 「X、Y配合」: clauses of units closed by a role word, those of one sentence one note;
- 「A主要由X牵头」: a topic before 由 stays text, the note is read from 由 on;
- a note closing its sentence (「做好A，X牵头。」) closes the text before it (generic.read_item); sentences that each
  open with their units (「X牵头，做好A。Y牵头，做好B。」, a linking 即 aside) or hold their note after a topic are
  each their note's task (`own_parts`), a 「；」 between two such parts ending a sentence.
Every name must read as a unit (lexicon.yaml's unit grammar); anything else is no note.
"""
from __future__ import annotations

import re

from .lexicon import alternation, lexicon
from .partners import attending_bodies, partners_with
from .shares import collective
from .subjects import DONE
from .unitnames import looks_like_unit
from .unitnotes import UnitList, parse_units

_LEX = lexicon()
OPENER = rf"(?:{alternation(_LEX.by_openers)})?"  # 「主要由X牵头」: words before 由 that keep it a note
# (「副主任由X主要负责同志担任」: 负责同志, 负责人 are people filling a post, no role word)
_BY = re.compile(rf"^{OPENER}由(?P<units>[^，,；;。]{{2,60}}?)(?P<verb>{alternation(_LEX.verbs)})(?!同志|人(?![口民才事]))"
                 rf"(?P<rest>.*)$")
# (the 由 of 「中国(河南)自由贸易试验区办公室负责」 is part of the body's name, no 由 of a note; 「清理由X牵头」 is one)
_TOPIC_BY = re.compile(rf"(?<=[^\s，,；;。]{{2}}){OPENER}(?!(?<=自)由[贸貿])由(?=[^由，,；;。]{{2,}}$)")  # a topic, then 「主要由X牵头」
_BY_DOING = re.compile(rf"^{OPENER}由(?P<units>[^由，,；;。]{{2,40}}?)(?:具体)?(?:组织|提供)$")  # 「A由X组织」: see topic_units
_LINK = re.compile(rf"^(?:{alternation(_LEX.sentence_links)})[，,]?")
# 「《意见》要求X、Y等按职责分工负责」, 「方案明确由X牵头」: what a text or meeting states, then the units and their role
_STATED = re.compile(r"^[^，,；;。]{1,12}?(?:要求|明确|规定)(?=[^，,；;。]{2,})")


def clean(units: UnitList) -> bool:
    """A list with a lead and no name that is not a unit's."""
    return bool(units.lead) and not any(f.startswith("not a unit") for f in units.flags)


def clause_units(clause: str, known: tuple[str, ...]) -> tuple[str, str] | None:
    """(the note, the rest of the clause) when a clause names units and their role: 「X、Y配合」, 「由X牵头制定…」."""
    bare = re.sub(rf"^{OPENER}由", "", clause)
    if (m := _LEX.verb_tail.search(bare)) and bare[:m.start()].strip():
        return _separately(clause, bare[:m.start("verb")], m["verb"]), ""
    if m := _BY.match(clause):
        return _separately(clause, m["units"], m["verb"]), m["rest"]
    return None


def _separately(clause: str, units: str, verb: str) -> str:
    """「分别由市、区人民政府负责」: 分别 before 由 says what 分别负责 says (each its own share)."""
    return units + (f"分别{verb}" if clause.startswith("分别由") and f"分别{verb}" in _LEX.verbs else verb)


def topic_units(clause: str, known: tuple[str, ...]) -> UnitList | None:
    """「校园安全整治主要由教育局牵头」, 「…执法工作由县文物旅游局负责实施」: the units after a topic's 由, in one clause,
    when every name is a unit's."""
    by = _TOPIC_BY.search(clause)
    if not by:
        return None
    if (doer := _BY_DOING.match(clause[by.start():])) and not _LEX.verb_tail.search(clause[by.start():]):
        # 「大型文体表演由X和Y组织」, 「奖品由X提供」: 由 after a topic names the doer outright, so a doing verb closing the
        # clause gives the role a role word would (alone after a list, 组织 or 提供 is none)
        return by_units(f"由{doer['units']}组织实施", known)
    return by_units(clause[by.start():], known)


def by_units(clause: str, known: tuple[str, ...]) -> UnitList | None:
    """The units of a clause from its 由 on (「由X负责」), when every name is a unit's."""
    found = clause_units(clause, known)
    units = parse_units(found[0], known) if found else None
    return units if units and clean(units) and all(n in known or looks_like_unit(n)
                                                   for n in units.lead + units.participants) else None


def prose_notes(text: str, known: tuple[str, ...]) -> list[tuple[int, int, UnitList]]:
    """Clauses of units closed by a role word, those of one sentence taken together as one note (「由X牵头，Y配合」);
    each sentence's note closes the text before it, or its sentence is its task (`own_parts`). A sentence is also cut
    at a 「；」 after which another sentence opens with its units (「X牵头，做好A；Y牵头，做好B」), or when the parts on
    both sides name a lead of their own (「A由X牵头，Y配合，做好…；B由Z牵头…」; not 「由X牵头；Y配合」)."""
    out = []
    for whole in re.finditer(r"[^。！？]+[。！？]?", text):
        if not (sentence := _after_done(whole)):
            continue  # 「X牵头，会同Y起草了《…》」: what was done, told as background, assigns nothing
        cuts: list[int] = []
        for m in re.finditer(r"[；;]", sentence.group()):
            before, after = sentence.group()[(cuts or [0])[-1]:m.start()], sentence.group()[m.end():]
            if _opening_note(after, known) or _sentence_prose(before, known) and _sentence_prose(
                    re.split(r"[；;]", after)[0], known):
                cuts.append(m.end())
        for a, b in zip([0] + cuts, cuts + [len(sentence.group())]):
            at = sentence.start() + a
            out += [(at + s, at + e, u) for s, e, u in _sentence_prose(sentence.group()[a:b], known)
                    if u is None or not _only_describes(u, text[at:])]
    return out


# 「请…认真组织开展工作」: a request after the approval, asking the body it names to lead (the reply's addressee)
_REQUEST_AFTER = re.compile(r"[。，,]\s*请")


def _only_describes(units: UnitList, text: str) -> bool:
    """「同意建立由X牵头的Y制度。」: 的 makes the note describe Y, the body or mechanism X leads; with no request after it
    that X could answer (「…，请…认真组织开展工作」), it gives no work."""
    return f"由{units.as_written}的" in text and not _REQUEST_AFTER.search(text)


# 「…，并由X牵头拟定…」: a later clause that names its own doer
_OWN_DOER = re.compile(rf"[，,]\s*(?=(?:并|同时|另)?{OPENER}由)")


def _after_done(sentence: re.Match) -> re.Match | None:
    """The sentence, or where a 了 marks what was done, the part after it from a later clause that names its own doer
    (「该镇成立了指挥部，并由党政办牵头拟定方案」: the set-up was done, the plan is the office's work); None when
    nothing in it is still to do."""
    done = list(DONE.finditer(sentence.group()))
    if not done:
        return sentence
    fresh = next((m for m in _OWN_DOER.finditer(sentence.group(), done[-1].end())), None)
    return re.compile(r".+", re.S).match(sentence.string, sentence.start() + fresh.end(), sentence.end()) \
        if fresh else None


def _opening_note(sentence: str, known: tuple[str, ...]) -> bool:
    """「县环保局牵头，督促…」: a sentence that opens with its units and a role word that is not a participant's,
    then a comma and the work."""
    m = re.match(r"(?P<clause>[^，,；;。]+)[，,](?P<rest>[^，,；;。]{2,})", sentence.strip())
    found = m and clause_units(_LINK.sub("", m["clause"]), known)
    if not found or found[1] or clause_units(m["rest"], known):
        return False
    verb = _LEX.verb_tail.search(found[0])
    units = parse_units(found[0], known)
    return bool(verb) and _LEX.verbs.get(verb["verb"]) != "participant" and clean(units) \
        and all(n in known or looks_like_unit(n) for n in units.lead + units.participants)


def own_parts(text: str, notes: list[tuple[int, int, UnitList]]) -> list[tuple[str, UnitList]] | None:
    """Several prose notes, each in a sentence (or 「；」 part) of its own, every part from the first such on holding
    one, and each note opening its part (「县水务局牵头，组织…。县环保局牵头，督促…」) or standing inside it after its
    topic (「校园安全整治主要由教育局牵头，公安部门配合，对学校进行排查；食品监管主要由…」): each part is its note's task,
    an opening note cut out, a note inside its sentence kept (the sentence reads as written); what stands before the
    first such part leads in and is left out. None when a note closes its part (「做好A，X牵头。」): such notes close
    the text before them (the caller's reading)."""
    if len(notes) < 2:
        return None
    parts = [m.span() for m in re.finditer(r"[^。！？；;]+[。！？；;]?", text)]
    part = lambda at: next(i for i, (a, b) in enumerate(parts) if a <= at < b)  # noqa: E731
    owners = [part(s) for s, _, _ in notes]
    if len(set(owners)) != len(owners) or any(i not in owners and "\0" not in text[a:b] and text[a:b].strip("。！？；; ")
                                              for i, (a, b) in enumerate(parts) if i > owners[0]):
        return None
    opening = []
    for (s, e, _), i in zip(notes, owners):
        before, after = text[parts[i][0]:s].strip(), text[e:parts[i][1]]
        opening.append((not before or bool(_LINK.fullmatch(before))) and after[:1] in "，,")
        if not opening[-1] and not (before and after.strip("，,。！？；; \0")):
            return None
    ends = [parts[i][0] for i in owners[1:]] + [len(text)]
    return [((text[e:end] if opens else text[parts[i][0]:end]).replace("\0", ""), u)
            for (s, e, u), i, end, opens in zip(notes, owners, ends, opening)]


def _person_leads(found: tuple[str, str] | None) -> bool:
    """「由马娜牵头」: a clause whose lead is a person (read with the units of its sentence, never alone)."""
    if not found or not (verb := _LEX.verb_tail.search(found[0])) or _LEX.verbs.get(verb["verb"]) != "lead":
        return False
    units = parse_units(found[0])
    return bool(units.leaders) and not (units.lead or units.participants or units.flags)


def each_its_own(note: str, units: UnitList) -> bool:
    """「各部门各负其责」: collectives alone, each bearing its own share (a role word of 各): every holder's principle."""
    verb = _LEX.verb_tail.search(note)
    return bool(verb) and verb["verb"].startswith("各") and all(map(collective, units.lead + units.participants))


def _sentence_prose(text: str, known: tuple[str, ...]) -> list[tuple[int, int, UnitList]]:
    spans, notes, topics, partnered = [], [], 0, []
    for m in re.finditer(r"[^，,；;。]+", text):
        link = _LINK.match(m.group().strip()) if m.start() == 0 or text[m.start() - 1] in "。；;" else None
        readings = [(m.group().strip()[link.end():] if link else m.group().strip(), m.start())]
        if by := _TOPIC_BY.search(m.group()):  # 「校园安全整治主要由教育局牵头」: its topic, then 由 and the units
            readings.append((m.group()[by.start():], m.start() + by.start()))
        elif stated := _STATED.match(m.group()):  # 「《意见》要求X、Y等按职责分工负责」: who states it, then the note
            readings.append((m.group()[stated.end():], m.start() + stated.end()))
        for clause, start in readings:
            found = clause_units(clause, known)
            units = parse_units(found[0], known) if found else UnitList("")
            if found and each_its_own(found[0], units):
                continue  # 「各部门各负其责」: a principle of the whole work, no one's note
            if (units.lead or units.participants or _person_leads(found)) \
                    and not any(f.startswith("not a unit") for f in units.flags) \
                    and all(n in known or looks_like_unit(n) for n in units.lead + units.participants):
                break
        else:
            continue
        topics += start > m.start()
        if _person_leads(found):
            notes.append(found[0])  # 「由马娜牵头」: read with the units, kept in the text (the person is no unit's note)
            continue
        if start > m.start() and text[m.end():m.end() + 1] in ("", "。", "；", ";"):
            spans.append((m.end(), m.end()))  # 「小水泥厂的关闭分别由X负责。」 after its topic, ending the sentence: cut
            # out, the sentence would say nothing (with more after it, 「…主要由X牵头，Y配合，对…」, the rest says it)
        else:
            spans.append((start, m.end() - len(found[1]) if found[1] else m.end()))
        notes.append(found[0])
        if not found[1] and (partners := partners_with(re.sub(r"^[，,]\s*", "", text[m.end():]), known)):
            partnered += partners.lead  # 「由X牵头，会同Y、Z组成督查组」: those it works with take part
    if not notes:
        return []
    units = parse_units("，".join(notes), known)
    partnered += attending_bodies(text, known)  # 「由X主任负责召集，Y的主要负责人参加」: the bodies of those attending
    units.participants += [p for p in partnered if p not in units.lead + units.participants]
    roles = [_LEX.verbs.get(v["verb"]) if (v := _LEX.verb_tail.search(n)) else None for n in notes]
    if len(notes) > 1 and topics == len(notes) and all(r in ("responsible", "lead") for r in roles):
        # 「施工工地由施工企业负责，待建地块由土地使用权人负责」: each its own topic, each holder answers for its own;
        # the sentence keeps its wording (nothing cut from it)
        units.lead, units.participants, units.mode, units.by_custom = units.lead + units.participants, [], "separate", False
        return [(len(text), len(text), units)]
    if not clean(units) or all(_LEX.verbs.get(_LEX.verb_tail.search(n)["verb"]) == "participant"
                                for n in notes if _LEX.verb_tail.search(n)):
        return []
    return [(s, e, units) for s, e in spans[:1]] + [(s, e, None) for s, e in spans[1:]]
