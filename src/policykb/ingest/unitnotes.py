"""Unit lists as documents write them: who leads, who takes part, and clean names for the registry.

The words are data (lexicon.yaml): a note is cut into labelled lists (「牵头单位：X；配合单位：Y」) or
lists closed by a role word (「X牵头，Y配合」, 「X指导，Y负责落实」, 「X、Y分别牵头」, 「X会同Y负责」), each
list taking the word's role; with no lead word the first of the 负责 list leads (the usual rule, often
stated as 「列第一位者为牵头单位」). People (分管副市长, a name) are kept as leaders, never as units;
a name that does not end like a unit is flagged, not kept. Scope notes (下同, 「以下均需X落实，不再列出」,
「明确牵头部门的，其他有关部门配合，不逐一列出」) are removed and what they say is handed on.
A deadline after the units (「…负责，年内持续推进」) is split off for the deadline reader.
Collectives (各省级人民政府, 各区、县（市）…) are kept whole; a list ending in 「等」 is open.
The names themselves (cut from a list, cleaned, read as units or not) are unitnames.py's; people and their posts
posts.py's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import ROLES, alternation, is_person, lexicon
from .posts import PADDED, holding_bodies, padded_people, person_name
from .unitnames import EITHER, clean_name, level_list, looks_like_unit, split_names

# Words that say the text after them is not a unit (a timing, a way of working) — split off.
_AFTER_UNITS = re.compile(r"[，,；;]\s*(?=(?:\d{4}年|年内|年底|年中|每年|每季度|每月|长期|持续|上半年|下半年|"
                          r"\d{1,2}月|20\d\d|立即|及时|逐步|分阶段|按年度))")


OPEN_LIST = "open list (等)"  # a flag that names no doubt about who is named: the list goes on (「X、Y等部门」)


@dataclass
class UnitList:
    as_written: str
    lead: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    mode: str = "first"  # first | joint | separate
    open_ended: bool = False
    rest: str = ""  # text after the units (often a deadline)
    flags: list[str] = field(default_factory=list)  # things for the reviewer
    leaders: list[str] = field(default_factory=list)  # people named (责任领导), never units
    how: str = "bare"  # label | verb | by (「由X…」) | heading (a unit named above) | bare: the first listed leads
    scope: "Scope | None" = None  # what this note says about the tasks after it
    by_custom: bool = False  # 「X、Y、Z负责」: no word says who leads, the first listed is taken (for the review only)

    @property
    def doubts(self) -> list[str]:
        """The flags that doubt the reading (an open list is none)."""
        return [f for f in self.flags if f != OPEN_LIST]


@dataclass
class Scope:
    """What a scope note says about the tasks after it."""
    participants: list[str] = field(default_factory=list)  # 「以下均需X落实，不再列出」
    open_ended: bool = False  # 「明确牵头部门的，其他有关部门配合，不逐一列出」


def _strip_scope(body: str, result: UnitList) -> str:
    """Remove notes about the list itself or about later tasks, remembering what they say."""
    scope = lexicon().scope
    for m in scope["all_below"].finditer(body):
        names, _ = split_names(m["units"])
        result.scope = result.scope or Scope()
        result.scope.participants += [n for n in names if looks_like_unit(n)]
    if scope["others_below"].search(body):
        result.scope = result.scope or Scope()
        result.scope.open_ended = True
    for key in ("all_below", "others_below", "first_leads", "same_below"):
        body = scope[key].sub("", body)
    if re.search(r"[、，,].*[，,。；;]\s*" + scope["each_duty"].pattern + r"[。；;]?$", body):
        body = re.sub(r"[，,。；;]\s*" + scope["each_duty"].pattern + r"[。；;]?$", "", body)
    body = re.sub(r"[(（]\s*[，,。；;]?\s*[)）]", "", body)  # a bracket the scope note alone filled
    body = re.sub(r"[，,。；;]\s*(?=[，,。；;]|$)", "", body)
    return body.strip("，,。；; ")


_VERB_THEN_LIST = re.compile(rf"(?P<verb>{alternation(lexicon().verbs)})、")


def _clauses(body: str) -> list[tuple[str, str, str]]:
    """(role, names text, how) for each part of a note: labelled lists, or lists closed by a role word."""
    lex = lexicon()
    labels = list(lex.label.finditer(body))
    if labels:
        out = []
        if labels[0].start() and (head := body[:labels[0].start()].strip("，,；;。 ")):
            out += _clauses(head)
        for i, label in enumerate(labels):
            end = labels[i + 1].start() if i + 1 < len(labels) else len(body)
            role, text = lex.labels[label["label"]], body[label.end():end]
            # 「责任单位：X和Y分别牵头、Z」: a 责任 list whose own role words say who leads is read by them
            worded = role == "responsible" and any(c[2] == "verb" for c in _clauses(text))
            out += _clauses(text) if role == "division" or worded else [(role, text, "label")]
        return out
    if shares := _duty_shares(body):
        return shares
    out, waiting = [], ""
    body = _VERB_THEN_LIST.sub(r"\g<verb>，", body)  # 「X和Y分别牵头、区Z」: the role word closes its list
    for clause in re.split(r"[；;。，,]", body):
        clause = clause.strip()
        if not clause:
            continue
        text = f"{waiting}，{clause}" if waiting else clause  # the comma kept: it may part the lead from the rest
        if m := lex.verb_tail.search(text):
            names = re.sub(r"^由", "", text[:m.start()]) + (m["etc"] or "")  # 等 stays: the list is open
            if j := lex.joiner.search(names):  # 「X会同Y负责」: X leads, Y takes part
                first, second = names[:j.start()], names[j.end():]
                if first.strip():
                    out.append(("lead", first, "verb"))
                out.append(("participant", second, "verb"))
            else:
                out.append((lex.verbs[m["verb"]], names, "verb"))
            waiting = ""
        else:
            waiting = text
    if waiting:
        out.append(("responsible", waiting, "bare"))
    return out


# 「X会同Y等部门负责隐患调查；Z负责组织山洪灾害调查」: a note whose 「；」 parts each give their units a duty written
# after the verb: two holders, each leading its own share (separate, truth rule 5), those it works with taking part
_DUTY_SHARE = re.compile(rf"^(?P<names>[^，,；;。]{{2,80}}?)(?:{alternation(lexicon().duty_openers)})(?=[\u4e00-\u9fff])")


def _duty_shares(body: str) -> list[tuple[str, str, str]]:
    """(role, names text, how) for each part of such a note; none unless every part, two or more, is one."""
    parts = [p.strip() for p in re.split(r"[；;]", body) if p.strip()]
    out: list[tuple[str, str, str]] = []
    for part in parts if len(parts) > 1 else ():
        if not (m := _DUTY_SHARE.match(part)):
            return []
        j = lexicon().joiner.search(m["names"])  # 「X会同Y」: X leads its share, Y takes part
        holder, partners = (m["names"][:j.start()], m["names"][j.end():]) if j else (m["names"], "")
        if not holder or not all(looks_like_unit(n) for n in split_names(holder)[0] or [""]):
            return []
        out += [("separate", holder, "verb")] + ([("participant", partners, "verb")] if partners else [])
    return out


_MARK_WORDS = "|".join(re.escape(w) for w in sorted(
    [w for w, r in lexicon().verbs.items() if r != "responsible"]
    + [w for w, r in lexicon().labels.items() if r in ("lead", "participant", "guide")], key=len, reverse=True))
# (not inside a name: 「各责任(配合)单位」 says its holders' roles, kept as written)
_MARKED = re.compile(rf"(?P<name>[^、，,；;：:()（）\s]{{2,30}}?)[（(](?P<word>{_MARK_WORDS})[)）](?!(?:单位|部门|單位|部門)(?:[、，,；;：:\s]|$))")
# A time labelled inside a note (完成时限：…, 时间节点：…; the deadline column words of lexicon.yaml)
_TIME_LABEL = re.compile(rf"[，,；;。]?\s*(?:{'|'.join(sorted(map(re.escape, lexicon().columns['deadline']), key=len, reverse=True))})"
                         r"\s*[：:]\s*(?P<time>[^；;。]*)")
# When the work starts, labelled inside a note (启动时间：…): no unit, and no deadline either
_START_LABEL = re.compile(rf"[，,；;。]?\s*(?:{alternation(lexicon().columns['start'])})\s*[：:]\s*[^；;。]*")


# Spaces that part no names (a narrow cell's line broken inside one): before a bracket (「市安委办 (工作专班办公室)」),
# and between a collective of places and the body each of them has (「各县区(开发区) 安委会」).
_PLACES_COLLECTIVE = re.compile(r"^各[^\s、，,；;()（）]{0,5}[区县市州旗乡镇](?:[(（][^()（）]{1,8}[)）])?(?P<space>\s+)"
                                r"(?=[^\s、，,；;：:()（）省市县区州旗乡镇各]{2,8}(?:[、，,；;]|$))")


def _unspaced(body: str) -> str:
    body = re.sub(r"\s+(?=[(（])", "", body)
    if m := _PLACES_COLLECTIVE.match(body):
        body = body[:m.start("space")] + body[m.end("space"):]
    return body


# 「（责任单位；住建局、畜牧局）」: a note opening with a label, a semicolon written for its colon (flagged)
_LABEL_SEMICOLON = re.compile(rf"^(\s*(?:{alternation(lexicon().labels)}))\s*[；;](?=\s*[^\s；;])")
SEMICOLON_LABEL = "label closed by a semicolon"


_NO_PERSON = re.compile(r"[。；;：:]|\d[.．、]|^.{31,}$")  # a sentence, a numbered item or a paragraph is no one's name
# 「市防汛指挥部（以下简称市防指）」: the short name a document gives a body is no part of its name (truth rule 4)
_SHORT_NAME_GIVEN = re.compile(r"[(（](?:以下简称|下简称|下称|简称)[^()（）]{1,20}[)）]")


def parse_units(note: str, known: tuple[str, ...] = ()) -> UnitList:
    """Read one unit note (inside brackets, after 牵头单位：, or a table's cells) by the lexicon's grammar."""
    written = note.strip()
    result = UnitList(written)
    body = _SHORT_NAME_GIVEN.sub("", _unspaced(_strip_scope(written, result)))
    body, misprinted = _LABEL_SEMICOLON.subn(r"\1：", body)
    result.flags += [SEMICOLON_LABEL] * misprinted
    body = _START_LABEL.sub("", body).strip("，,；;。 ")
    if m := _TIME_LABEL.search(body):  # 「责任单位：X；完成时限：2024年6月底前」: the time is no unit
        body, result.rest = (body[:m.start()] + body[m.end():]).strip("，,；; "), m["time"].strip()
    if m := _AFTER_UNITS.search(body):
        body, result.rest = body[:m.start()], body[m.end():].strip()
    marked: dict[str, str] = {}  # 「市教育局（牵头）、市财政局」: a role word in brackets after one name

    def unmark(m: re.Match) -> str:
        marked[clean_name(m["name"])] = lexicon().verbs.get(m["word"]) or lexicon().labels[m["word"]]
        return m["name"]
    body = _MARKED.sub(unmark, body)
    roles: dict[str, list[str]] = {r: [] for r in ROLES}
    hows = set()
    # (「X、Y，Z」 with no lead word: the comma parts no leads, the first listed leads; truth rule 5)
    clauses = _clauses(body)
    for role, text, how in clauses:
        if role == "leader":  # 「责任人：X主要负责人。1.深入学习…」: a run-on page's next item is no one's name
            text = re.split(r"[。；;]|\d[.．、]", text)[0]
        names, open_ended = padded_people(text) if role == "leader" and PADDED.search(text) else split_names(text, known)
        result.open_ended |= open_ended
        hows.add(how)
        levels = level_list(text) if role != "leader" else None
        if levels and role in ("lead", "responsible"):
            role = "separate"  # 「省、县(市、区)应当…」: each level's governments do their own share
        for name in names:
            if role == "leader" and _NO_PERSON.search(name):
                result.flags.append(f"not a person: {name}")  # 「…负责人整改。1.深入学习…」: a run-on text, no name
                continue
            if role == "leader" or is_person(name):
                result.leaders.append(person_name(name))
                if role != "leader" and (bodies := holding_bodies(name, known)):
                    roles[role] += bodies  # 「市水务局主要负责人」: the body answers for the work, its person leads it
            elif name in lexicon().the_public and names.index(name) > 0:
                continue  # 「一切单位和市民」: the public listed after the bodies, who do the work
            elif not looks_like_unit(name) and name not in known and not _its_government(name, roles[role]) \
                    and not levels:
                result.flags.append(f"not a unit: {name}")
            else:
                roles[role].append(name)
    result.how = "label" if "label" in hows else "verb" if "verb" in hows else "bare"
    leads = roles["lead"] + roles["separate"] + roles["joint"]
    others = roles["participant"] + roles["guide"]
    if leads:
        result.lead, others = leads, roles["responsible"] + others
    elif roles["responsible"] and EITHER.search(body) and not others:
        # 「由所有权人、使用者或者管理者负责」: holders named as alternatives each answer for what they hold
        result.lead = roles["separate"] = roles["responsible"]
    elif roles["responsible"]:
        result.lead, others = roles["responsible"][:1], roles["responsible"][1:] + others
        result.by_custom = len(roles["responsible"]) > 1 and not lexicon().scope["first_leads"].search(written)
    elif roles["guide"]:  # only a guide named: it leads, for the reviewer to confirm
        result.lead, others = roles["guide"][:1], roles["guide"][1:] + roles["participant"]
        result.flags.append("only a guiding unit named")
    elif others:
        result.lead, others = others[:1], others[1:]
        result.flags.append("no lead named: the first participant is taken")
    if chosen := [n for n in result.lead + others if marked.get(n) in ("lead", "separate", "joint")]:
        others = [n for n in result.lead + others if n not in chosen]
        result.lead, result.how = chosen, "label" if result.how == "bare" else result.how
        if any(marked[n] == "separate" for n in chosen):
            roles["separate"] = chosen
    result.lead = list(dict.fromkeys(result.lead))
    result.participants = list(dict.fromkeys(n for n in others if n not in result.lead))
    if roles["separate"] and len(result.lead) > 1:
        result.mode = "separate"
    elif len(result.lead) > 1:
        result.mode = "joint"
    if result.open_ended and result.participants:
        result.flags.append(OPEN_LIST)
    return result


BARE_GOVERNMENT = ("政府", "人民政府")  # read as a unit only right after its party committee (`_its_government`)


def _its_government(name: str, before: list[str]) -> bool:
    """「县委、政府」, 「镇党委、政府」: a bare 政府 right after a party committee is that place's government, a unit
    (written as the document writes it)."""
    return name in BARE_GOVERNMENT and bool(before) and bool(re.search(r"(?:党|[省市州县区旗镇乡])委$", before[-1]))


def one_unit(name: str, known: tuple[str, ...] = ()) -> bool:
    """A name that reads as one unit and nothing else (no list, person or doubt in it): a known name or a unit's shape."""
    units = parse_units(name, known)
    return units.lead == [name] and not (units.participants or units.leaders or units.doubts) \
        and (name in known or looks_like_unit(name))
