"""Unit lists as documents write them: who leads, who takes part, and clean names for the registry.

The words are data (lexicon.yaml): a note is cut into labelled lists (「牵头单位：X；配合单位：Y」) or
lists closed by a role word (「X牵头，Y配合」, 「X指导，Y负责落实」, 「X、Y分别牵头」, 「X会同Y负责」), each
list taking the word's role; with no lead word the first of the 负责 list leads (the usual rule, often
stated as 「列第一位者为牵头单位」). People (分管副市长, a name) are kept as leaders, never as units;
a name that does not end like a unit is flagged, not kept. Scope notes (下同, 「以下均需X落实，不再列出」,
「明确牵头部门的，其他有关部门配合，不逐一列出」) are removed and what they say is handed on.
A deadline after the units (「…负责，年内持续推进」) is split off for the deadline reader.
Collectives (各省级人民政府, 各区、县（市）…) are kept whole; a list ending in 「等」 is open.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import ROLES, alternation, is_person, lexicon, post_holder

# Notes about the list itself, not names: honoured (first listed leads) and removed.
_RULE_NOTES = re.compile(r"[，,。；;]?\s*(?:(?:(?:列|排)(?:名|在)?)?(?:第一位|首位)(?:者|的)?(?:部门|单位)?为牵头(?:或汇总)?(?:部门|单位)"
                         r"|各(?:有关)?(?:部门|单位)按职责分工负责)(?:[，,]?\s*下同)?[。；;]?|[，,]?\s*下同[。；;]?")
_VERB_TAIL = re.compile(r"(?:按照?职责分工|按职责|根据职责|结合职责|分别|共同|牵头|具体|切实|配合|参与|会同)*"
                        r"(?:负责|落实|牵头|推进|实施|配合|参与)$")
_STRAY = re.compile(r"^[\s．.，,、；;：:“”\"（）()]+|[\s．.，,、；;：:“”\"（）()。]+$")
COLLECTIVE = re.compile(r"^(?:各|相关|有关|其他|全国各|国务院各|国务院有关|国务院其他|省直|市直|县直|区直|"
                        r"(?:省|市|县|区)(?:级|直)?(?:各|有关|相关)|中央和国家机关各|各级)")
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


# 「各街办(新区)」「市委宣传部（市文明办）」: one closing qualifier in brackets belongs to the name.
_QUALIFIER = re.compile(r"^([\u4e00-\u9fff]{2,30})[(（]([\u4e00-\u9fff]{2,12})[)）]$")
_QUALIFIED = re.compile(r"^([^()（）]{2,40}?)[(（]([\u4e00-\u9fff]{2,12})[)）]([^()（）]*)$")


_REFERENCE = re.compile(r"[(（](?:详见|具体见|参见|见)[^()（）]{1,20}[)）]$")  # 「X成员单位（详见任务分工）」: where to look


def clean_name(name: str) -> str:
    """A unit name without list punctuation, trailing verbs (负责, 牵头 …) or a closing 等."""
    name = _REFERENCE.sub("", name.strip())
    if (m := _QUALIFIED.match(name)) and not clean_name(m[3] or "") and clean_name(m[1]):
        return f"{clean_name(m[1])}（{m[2]}）"
    name = _STRAY.sub("", name)
    for _ in range(3):
        before = name
        name = _VERB_TAIL.sub("", name)
        # 「各经济开发区管委会等」: a collective closing an open list loses its 等 too; 「各有关部门」 stays whole
        name = re.sub(r"(?:等(?:相关|有关)?(?:部门|单位)?)$", "", name) if not COLLECTIVE.match(name) \
            else re.sub(r"(?<=[\u4e00-\u9fff]{2})等$", "", name)
        name = _STRAY.sub("", name)
        if name == before:
            break
    return name


_EITHER = re.compile(r"(?<=[者人])或(?:者)?(?=[^或]{2,})")  # 「使用者或者管理者」: holders by role, either
# 「各企业及相关单位」, 「各区和各部门」: a collective joined by 和/及 to another
_COLLECTIVES_JOINED = re.compile(r"((?:^|(?<=[、，,；;]))各[\u4e00-\u9fff]{1,4}?)[和及与](?=各|相关|有关|其他)")
# 「有关地区和部门」, 「各地区和部门」: one qualifier over places and departments, two collectives (as 各地各部门)
_PLACES_AND_DEPARTMENTS = re.compile(r"(?:^|(?<=[、，,；;]))(各|有关|相关|各相关|各有关)(地区|地方|县区|县市区|区县|乡镇)[和及与]"
                                     r"(部门单位|部门|单位)(?=[、，,；;]|$)")
# 「相关部门、单位」: one qualifier over two kinds of body written with 、, two collectives (相关部门, 相关单位)
_KINDS_SHARED = re.compile(r"(?:^|(?<=[、，,；;]))(各|有关|相关)(部门|单位)、(部门|单位)(?=[、，,；;等]|$)")


def _split(text: str, known: tuple[str, ...] = ()) -> tuple[list[str], bool]:
    """Names in a list written with 、，; and whether the list is open (ends in 等 …).

    Registered names that contain 、 or 和 (各市州、县市区党委和政府) are kept whole."""
    text = re.sub(r"\s*、\s*", "、", text)  # 「交通运输、 公安交警、 应急管理部门」: a page's spaces after 、 part nothing
    text = _sector_of_others(_share_bodies(_RULE_NOTES.sub("", text)))
    kept = [name for name in known if name in text]
    kept += [m.group() for m in SHARED_EACH.finditer(text)  # 「各相关部门、区(分)局」: 各 over both, one collective
             if not any(m.group() in k for k in kept)]
    for pattern in lexicon().collectives:  # 「各区、县（市）」: one collective, not two names
        kept += [m.group() for m in pattern.finditer(text) if m.group() not in kept]
    kept += [z for z in _zones_one_kind(text) if not any(z in k for k in kept)]  # 「甲、乙经济技术开发区管委会」
    kept += [q for q in _qualified_kind(text) if not any(q in k for k in kept)]  # 「各行业主管、监管部门」
    kept += [m.group() for m in _LEVELS_ONE_BODY.finditer(text)  # 「省级、市级、县级水行政主管部门」: one collective
             if not any(m.group() in k for k in kept)]
    kept += [m.group() for m in _LEVELS_ONE_GROUP.finditer(text)  # 「镇、村干部」: one group of people
             if not any(m.group() in k for k in kept)]
    kept += [m.group() for m in _PAIRED_BODY.finditer(text)  # 「X党工委和管委会」: one name, not split at 和
             if not any(m.group() in k for k in kept)]
    kept += [m.group() for m in _INCLUDING.finditer(text)  # 「各区县政府（含南太湖新区、长合区管委会）」: one name
             if not any(m.group() in k or k in m.group() for k in kept)]
    kept += [m.group() for m in PLATES.finditer(text)  # 「招商合作局(行政审批局、政务服务中心)」: its plates, one name
             if all(looks_like_unit(n) and not _VERB_TAIL.search(n) for n in m["plates"].split("、"))
             and looks_like_unit(m["body"]) and not any(m.group() in k or k in m.group() for k in kept)]
    for i, name in enumerate(kept):
        text = text.replace(name, f"\x00{i}\x00")
    open_ended = bool(re.search(r"等(?:相关|有关)?(?:部门|单位)?(?:按照?职责分工)?(?:负责|牵头|配合|参与)?$", text.strip()))
    # 「X等有资金整合任务的县级部门」, 「X、Y等市级相关单位，Z」: X and others described, not named
    # (「X、Y等省有关部门和各地级以上市人民政府」: described, then 和 and a list of its own)
    described = re.compile(r"等[^、，,；;等和及]{1,24}?(?:部门|单位)(?=[，,；;]|[和及](?=[^，,；;]{2,})|$)")
    open_ended |= bool(described.search(text.strip()))
    text = described.sub("", text.strip())
    # 「X、Y等部门，Z配合」: 等部门 closes one list inside the note
    open_ended |= bool(re.search(r"等(?:有关|相关)?(?:部门|单位)(?=[、，,；;])", text))
    text = re.sub(r"等(?:有关|相关)?(?:部门|单位)(?=[、，,；;])", "、", text)
    text = re.sub(r"等(?:有关|相关)?(?:部门|单位)$", "", text.strip())  # 「X、Y等部门」: open, 部门 no name
    closes = r"等[和及与]?(?=(?:省|市|县|区)?(?:有关|相关|直|级)?各?(?:有关|相关)?(?:部门|单位)|各)"
    open_ended |= bool(re.search(closes, text))
    text = re.sub(closes, "、", text)
    names = []
    text = _COLLECTIVES_JOINED.sub(r"\1、", text)  # 「各企业及相关单位」: two collectives, each a name
    text = _PLACES_AND_DEPARTMENTS.sub(r"\1\2、\1\3", text)
    text = _KINDS_SHARED.sub(r"\1\2、\1\3", text)
    # 和/及/与 between two names: after a unit's ending, or after a collective kept whole (「各县(市、区)政府和X」)
    # (or after a zone, 「高新园区和西区管委会」; a place or zone, 「X开发区和市安委会有关成员单位」, before a unit that opens
    # with its level or as a collective; a village collective before a town's body, 「各村和镇农办」)
    pieces = re.split(r"[、，,；;]|会同|(?:(?<=[局委办厅部署会院行室门位府門道乡镇队站所处科司团\x00)）])|(?<=[园新发]区))[和及与](?=[^和及与]{2,})"
                      r"|(?<=[区县市园村])[和及与](?=(?:各|有关|相关|省|市|县|区|镇|乡)[^和及与]{2,})"
                      rf"|{_EITHER.pattern}", text)
    for piece in (w for p in pieces for w in _spaced(p)):
        name = re.sub(r"\x00(\d+)\x00", lambda m: kept[int(m[1])], clean_name(piece))
        # 「宣传处会办公室」: 会 (会同) between two units' names; 「各地各部门」, 「经开区各级各部门」: two collectives
        pair = re.fullmatch(r"(.{2,12}?[处室科])会(.{2,12})", name) or _COLLECTIVE_RUN.fullmatch(name)
        pair = pair or _PEERS_RUN.fullmatch(name)
        pieces = pair.groups() if pair else _sectors_run(name)
        for name in (pieces if pieces and all(map(looks_like_unit, pieces)) else (name,)):
            if name and name not in names:
                names.append(name)
    return _share_level(names), open_ended


# 「城市管理等有关部门」: one sector named bare before the departments it stands first among
_SECTOR_ETC = re.compile(r"(?:^|(?<=[、，,；;]))(?P<sector>[^、，,；;\s等各\x00]{2,8})(?=等(?:有关|相关|其他)?部门(?:$|[、，,；;]))")


def _sector_of_others(text: str) -> str:
    """「城市管理等有关部门」 → 「城市管理部门等有关部门」: the bare sector is that sector's department, the list open."""
    return _SECTOR_ETC.sub(lambda m: m["sector"] if looks_like_unit(m["sector"]) else m["sector"] + "部门", text)


# 「各行业主管、监管部门」, 「市直药品、医疗器械生产、经营、使用单位」: qualifiers listed under one 各 (or one level's 直)
# before the one kind of body they all qualify
_QUALIFIED_KIND = re.compile(r"(?:^|(?<=[、，,；;]))(?:各|[省市县区]直)[^、，,；;和及各\x00]{1,10}(?:、[^、，,；;和及各\x00]{1,10})+?"
                             r"(?:部门|单位)(?=$|[、，,；;和及等])")


def _qualified_kind(text: str) -> list[str]:
    """The lists of qualifiers before one kind of body, one collective as written: none of the qualifiers names a body,
    places or bodies of a kind, or people of its own (「各乡镇、县直部门」 is two collectives, levels and departments), and
    the last is no role (责任单位)."""
    return [m.group() for m in _QUALIFIED_KIND.finditer(text)
            if not any(looks_like_unit(q) or lexicon().collective_end.search(q) or lexicon().post.search(q)
                       for q in re.sub(r"(?:部门|单位)$", "", m.group()).split("、"))
            and not lexicon().label_role(m.group().split("、")[-1])]  # (「各牵头领导、责任单位」: people, then a role)


_LEVEL_ALONE = re.compile(r"[省市县区乡镇]级")
# Levels listed before the one kind of body they each have (「省级、市级、县级水行政主管部门」): one collective
# 「省级、市级、县级水行政主管部门」, 「省、市、县三级财政」: one kind of body of each level listed, one collective
_LEVELS_ONE_BODY = re.compile(r"(?:[省市县区乡镇]级、)+[省市县区乡镇]级[^、，,；;和及\x00]{2,20}?(?:部门|机构|单位|机关)"
                              r"|(?:[省市县区乡镇]、)+[省市县区乡镇][两二三四五]级[^、，,；;和及\x00]{0,12}?"
                              r"(?:财政|政府|党委|部门|机构|单位|机关)")
# 「镇、村干部」, 「县、乡两级干部」: levels written once before the people of them all
_LEVELS_ONE_GROUP = re.compile(r"(?:(?<=[、，,；;])|^)(?:[省市县区乡镇]、)+[市县区乡镇村](?:[两二三]级)?(?:两委)?干部(?=[、，,；;]|$)")


# 「各相关责任部门、区(分)局」, 「局系统各单位、部门」: a collective of 各, then a kind of body with no name of its own
# (部门, 单位, a level's bare 局) closing the list or before a post: the 各 is over both, one collective as written
# (「各站所、科室」: a 科室 stands alone; 「各区教育局、市局直属单位」: 市局 opens a name)
SHARED_EACH = re.compile(r"(?:^|(?<=[、，,；;：:和及与]))[^各、，,；;：:\s]{0,6}各[^各、，,；;：:\s]{1,10}?"
                         r"、(?:部门|单位|[市州县区](?:[(（]分[)）])?局)(?=$|[、，,；;和及与\s]|主要|负责|分管|联络员|一把手)")


# Two peer bodies of a list run together, its 、 lost (「政法委社会发展局」, 「经信商务局制造业招商局」): a bureau or
# commission ends the first and the next ends as one; a party committee's department (「党工委宣传部」), a bureau's
# section (「住建局建管科」) or branch (「市生态环境局X分局」) is one body
_PEERS_RUN = re.compile(r"((?![^、]*党[工]?委)[\u4e00-\u9fff]{2,10}?[局委])([\u4e00-\u9fff]{3,10}(?<!分)[局委])")


def _sectors_run(name: str) -> tuple[str, str] | None:
    """Two sectors named bare run together, their 、 lost (「公安市场监管」): each is a name (公安, 市场监管); 执法 after
    a sector is its enforcement arm (城管执法), one name."""
    short = lexicon().short_name
    return next(((name[:i], name[i:]) for i in range(2, len(name) - 1)
                 if short.match(name[:i]) and short.match(name[i:]) and name[i:] != "执法"), None)


# Two collectives written one after the other (「各地各部门」, 「县直各部门各单位」); 「各级各类学校」 is one
_COLLECTIVE_RUN = re.compile(r"([^各、]{0,8}各[^各、]{1,6}?)(各(?!类|种|项|个|自)[^各、]{1,6})")


def _spaced(piece: str) -> list[str]:
    """「安监站 安监所」 (a table cell whose units a space parts): each word a unit, when every word is one;
    「市 发改委」 or 「市发改委 等」 stay one piece."""
    words = piece.split()
    if len(words) > 1 and all(looks_like_unit(clean_name(w)) or re.fullmatch(r"\x00\d+\x00", w) for w in words):
        return words
    return [piece]


def _share_level(names: list[str]) -> list[str]:
    """「乡畜牧站、卫生院、派出所」: a township's level written on a list's first name holds for the bare bodies after
    it (a name with no place word of its own, no collective, no person). Bare names of higher levels are placed by
    the document's jurisdiction when the draft is composed (and flagged); a township's stations would not be."""
    level = re.match(r"^(?:乡|镇)(?![委直级])", names[0]) if names else None
    if not level:
        return names
    bare = lambda n: (looks_like_unit(n) and not COLLECTIVE.match(n) and not is_person(n)  # noqa: E731
                      and not re.search(r"[省市县区乡镇州旗村]|^(?:各|国家|中共|中央|团|全|共青团)", n))
    return [names[0]] + [level.group() + n if bare(n) else n for n in names[1:]]


def level_as_written(name: str, written: str) -> str:
    """The name as the list wrote it where `_share_level` gave it the township level of the name before it: in a
    document naming no place its units stay as written (corpus truth rule 3), the level shared by no place."""
    if name[:1] in ("乡", "镇") and name not in written and name[1:] in written:
        return name[1:]
    return name


_SEP = r"[、，,；;\s]"
_PLAIN = r"[^、，,；;\s()（）<>〈〉]"
_BODY = "|".join(re.escape(b) for b in sorted(lexicon().shared_bodies, key=len, reverse=True))
_SHARED = re.compile(rf"(?<!{_PLAIN})(?P<a>{_PLAIN}{{2,20}}?)、(?P<b>{_PLAIN}{{2,20}}?)(?P<etc>等)?(?P<body>{_BODY})(?={_SEP}|[和及等]|$)")
_PAIRED_BODY = re.compile(rf"(?<!{_PLAIN}){_PLAIN}{{2,30}}?(?:{'|'.join(re.escape(b) for b in lexicon().shared_bodies if '和' in b)})")
_INCLUDING = re.compile(r"[^、，,；;：:()（）\s]{2,30}[(（](?:含|包括)[^()（）]{2,60}[)）]")
PLATES = re.compile(r"(?<![^、，,；;：:\s])(?P<body>[^、，,；;：:()（）\s]{2,30})[(（](?P<plates>[^()（）、，,；;：:]{2,20}(?:、[^()（）、，,；;：:]{2,20})+)[)）]")
_PLACE_END = re.compile(r"(?:区|县|市|州|旗|镇|乡)$")
_BRACKETED_HEAD = re.compile(r"(?:[^、，,；;\s()（）]|[(（][^()（）]*[)）])+(?<=[)）])$|$")  # 「各县(区)」 before 「政府」


# 「市、区人民政府」: the governments of levels written once, after the last level (not 「省、市、县三级财政」, one
# collective, nor 「各县、市、区政府」 and 「各县(市、区)人民政府」, each of one collective)
_LEVELS_SHARED = re.compile(rf"(?<!{_PLAIN})(?<![省市州县区乡镇]、)(?<![(（])(?P<levels>(?:[省市州县区乡镇]、)+[省市州县区乡镇])"
                            r"(?P<body>党委和人民政府|党委和政府|人民政府|政府|党委)(?=[、，,；;\s和及等]|$)")


# 「甲、乙经济技术开发区管委会」: bare place names before one kind of zone (开发区, 高新区 …) and its committee, the
# places' zones of that kind named once: one name as written (the kind is shared too, not the committee alone)
_ZONES_ONE_KIND = re.compile(rf"(?<!{_PLAIN})(?:[\u4e00-\u9fff]{{2,4}}、)+[\u4e00-\u9fff]{{2,4}}"
                             r"(?:经济技术开发区|高新技术产业开发区|经济开发区|高新区|开发区|工业园区)(?:管委会|管理委员会)?"
                             rf"(?={_SEP}|[和及等]|$)")


def _zones_one_kind(text: str) -> list[str]:
    """「赣州、龙南经济技术开发区管委会」: the zones of one kind named once after the places they are in (not
    「A示范区、B开发区管委会」, whose first is a zone of its own, nor 「水利、开发区管委会」, a sector)."""
    def a_place(name: str) -> bool:
        return not name.endswith("区") and not lexicon().short_name.match(name) \
            and (not looks_like_unit(name) or bool(_PLACE_END.search(name)))
    return [m.group() for m in _ZONES_ONE_KIND.finditer(text) if all(map(a_place, m.group().split("、")[:-1]))]


def _share_bodies(text: str) -> str:
    """「公安、交通部门」 → 「公安部门、交通部门」 (「公安、交通等部门」 → 「公安部门、交通部门等部门」, an open list);
    「A示范区、B区党工委和管委会」 → each place its 党工委和管委会.

    A body written once after the last of a list belongs to each bare name before it: a name that is no
    unit by itself, a body named without its suffix (公安, 住建), or a place (…区) before a body of government;
    levels alone before a government (「市、区人民政府」) each have theirs."""
    text = _LEVELS_SHARED.sub(lambda m: "、".join(level + m["body"] for level in m["levels"].split("、")), text)
    zones = _zones_one_kind(text)
    for _ in range(5):
        def share(m: re.Match) -> str:
            a, body = m["a"], m["body"]
            if any(m.group() in z for z in zones):
                return m.group()  # 「甲、乙经济技术开发区管委会」: one name, each place's zone of the kind
            if (whole := _BRACKETED_HEAD.search(m.string[:m.start()])[0] + a) != a and not re.search(r"[和及与]", whole) \
                    and (looks_like_unit(whole) or COLLECTIVE.match(whole)):
                return m.group()  # 「各县(区)政府、市直园区管委会」: the first, a name with a bracket inside, is whole
            if a.startswith("各") or a.endswith(body) or _LEVEL_ALONE.fullmatch(a):
                return m.group()  # 「省级、市级、县级水行政主管部门」: levels of one collective (_LEVELS_ONE_BODY)
            if (joined := re.search(r"[和及与]", m["b"])) and looks_like_unit(m["b"][:joined.start()]):
                return m.group()  # 「开发区、高新园区和西区管委会」: the body is the last one's, after 和
            if body not in ("部门", "街道", "乡镇") and lexicon().short_name.match(a):
                return m.group()  # 「水利、国土、开发区管委会」: a sector (水利) has no 管委会 or 人民政府 of its own
            bare = not looks_like_unit(a) or lexicon().short_name.match(a) or (_PLACE_END.search(a) and body not in ("部门", "街道", "乡镇"))
            return f"{a}{body}、{m['b']}{body}{'等' + body if m['etc'] else ''}" if bare else m.group()
        shared = _SHARED.sub(share, text)
        if shared == text:
            return text
        text = shared
    return text


@dataclass
class Scope:
    """What a scope note says about the tasks after it."""
    participants: list[str] = field(default_factory=list)  # 「以下均需X落实，不再列出」
    open_ended: bool = False  # 「明确牵头部门的，其他有关部门配合，不逐一列出」


def _strip_scope(body: str, result: UnitList) -> str:
    """Remove notes about the list itself or about later tasks, remembering what they say."""
    scope = lexicon().scope
    for m in scope["all_below"].finditer(body):
        names, _ = _split(m["units"])
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
        if not holder or not all(looks_like_unit(n) for n in _split(holder)[0] or [""]):
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
# A two-character name padded to the width of three (「俞 悦」), names run together in one cell (「陆 明俞 悦」)
_PADDED = re.compile(r"[\u4e00-\u9fff] [\u4e00-\u9fff]")
_PERSON = re.compile(r"[\u4e00-\u9fff] [\u4e00-\u9fff]|[\u4e00-\u9fff]{2,4}")


def _people(text: str) -> tuple[list[str], bool]:
    """The names of a leader cell whose names are padded with a space: each padded name is one person."""
    return [m.group().replace(" ", "") for m in _PERSON.finditer(text)], False


# Spaces that part no names (a narrow cell's line broken inside one): before a bracket (「市安委办 (工作专班办公室)」),
# and between a collective of places and the body each of them has (「各县区(开发区) 安委会」).
_PLACES_COLLECTIVE = re.compile(r"^各[^\s、，,；;()（）]{0,5}[区县市州旗乡镇](?:[(（][^()（）]{1,8}[)）])?(?P<space>\s+)"
                                r"(?=[^\s、，,；;：:()（）省市县区州旗乡镇各]{2,8}(?:[、，,；;]|$))")


def _unspaced(body: str) -> str:
    body = re.sub(r"\s+(?=[(（])", "", body)
    if m := _PLACES_COLLECTIVE.match(body):
        body = body[:m.start("space")] + body[m.end("space"):]
    return body


def holding_bodies(name: str, known: tuple[str, ...] = ()) -> list[str]:
    """The bodies whose post a person's name gives: 市水务局 of 市水务局主要负责人, 各级 and 各部门 of
    各级各部门主要负责同志 (each body of the collectives it names); none for a post alone (主要负责同志)."""
    body = post_holder(name)
    if not body or not (body in known or looks_like_unit(body)):
        return []
    return [body] if body in known else _split(body, known)[0]


def _name_of(person: str) -> str:
    """「顾峰副市长」: a person's name with the post after it, the name kept (as the post before it is dropped from
    「分管副县长王五」); 「马副市长」 (a surname and a post) is kept whole."""
    for k in (2, 3):
        if len(person) >= k + 2 and is_person(person[:k]) and person[k - 1] not in "副正常" \
                and lexicon().post.fullmatch(person[k:]):
            return person[:k]
    return person


def post_of(name: str, lead: list[str], known: tuple[str, ...] = ()) -> str:
    """A leader as the task keeps it: the post alone (主要负责人) when the bodies whose post it is are the task's
    leads (「各级各部门主要负责同志要…」: the body is named once, as the lead); else as written (市水务局主要负责人 of
    a group's office the bureau does not lead)."""
    bodies = holding_bodies(name, known)
    body = post_holder(name)
    return name[len(body):].removeprefix("的") if bodies and body and set(bodies) <= set(lead) else name


# 「（责任单位；住建局、畜牧局）」: a note opening with a label, a semicolon written for its colon (flagged)
_LABEL_SEMICOLON = re.compile(rf"^(\s*(?:{alternation(lexicon().labels)}))\s*[；;](?=\s*[^\s；;])")
SEMICOLON_LABEL = "label closed by a semicolon"


_NO_PERSON = re.compile(r"[。；;：:]|\d[.．、]|^.{31,}$")  # a sentence, a numbered item or a paragraph is no one's name
# 「市防汛指挥部（以下简称市防指）」: the short name a document gives a body is no part of its name (truth rule 4)
_SHORT_NAME_GIVEN = re.compile(r"[(（](?:以下简称|下称|简称)[^()（）]{1,20}[)）]")


def parse_units(note: str, known: tuple[str, ...] = ()) -> UnitList:
    """Read one unit note (inside brackets, after 牵头单位：, or a table's cells) by the lexicon's grammar."""
    written = note.strip()
    result = UnitList(written)
    body = _SHORT_NAME_GIVEN.sub("", _unspaced(_strip_scope(written, result)))
    body, misprinted = _LABEL_SEMICOLON.subn(r"\1：", body)
    result.flags += [SEMICOLON_LABEL] * misprinted
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
        names, open_ended = _people(text) if role == "leader" and _PADDED.search(text) else _split(text, known)
        result.open_ended |= open_ended
        hows.add(how)
        for name in names:
            if role == "leader" and _NO_PERSON.search(name):
                result.flags.append(f"not a person: {name}")  # 「…负责人整改。1.深入学习…」: a run-on text, no name
                continue
            if role == "leader" or is_person(name):
                result.leaders.append(_name_of(name))
                if role != "leader" and (bodies := holding_bodies(name, known)):
                    roles[role] += bodies  # 「市水务局主要负责人」: the body answers for the work, its person leads it
            elif not looks_like_unit(name) and name not in known and not _its_government(name, roles[role]):
                result.flags.append(f"not a unit: {name}")
            else:
                roles[role].append(name)
    result.how = "label" if "label" in hows else "verb" if "verb" in hows else "bare"
    leads = roles["lead"] + roles["separate"] + roles["joint"]
    others = roles["participant"] + roles["guide"]
    if leads:
        result.lead, others = leads, roles["responsible"] + others
    elif roles["responsible"] and _EITHER.search(body) and not others:
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


_GENERIC = {"部门", "单位", "机关", "机构", "企业", "组织", "群众", "政府", "有关", "相关", "其他"}  # a kind of unit, not one


# 「协调食品安全有关部门」, 「牵头对镇街政府」: a role word opening a duty, not a role holder's name (牵头单位, 配合部门)
_ROLE_OPENING = re.compile(r"(?:牵头|配合|参与|协调)(?!(?:责任)?(?:单位|部门|处室|科室))")


# 「各地对辖区内现有化工园区」: a subject and what its work is about, not one name (对口, 对外, 对台 open names' words)
_ABOUT_WHAT = re.compile(r"(?<=[\u4e00-\u9fff])对(?![口外台])")


def one_unit(name: str, known: tuple[str, ...] = ()) -> bool:
    """A name that reads as one unit and nothing else (no list, person or doubt in it): a known name or a unit's shape."""
    units = parse_units(name, known)
    return units.lead == [name] and not (units.participants or units.leaders or units.doubts) \
        and (name in known or looks_like_unit(name))


def looks_like_unit(name: str) -> bool:
    """A name that can stand in the registry: no punctuation or verbs, no date or count (「市政府15个安全生产督查组」
    counts groups, names none), a sensible length, and the end of a unit's name (place + body + suffix: 区卫健局,
    省财政厅, 各街办) or a collective."""
    if any(c.fullmatch(name) for c in lexicon().collectives) or _LEVELS_ONE_BODY.fullmatch(name) \
            or SHARED_EACH.fullmatch(name) or _zones_one_kind(name) == [name] or _qualified_kind(name) == [name]:
        return True
    if (plated := PLATES.fullmatch(name)) and all(looks_like_unit(n) for n in plated["plates"].split("、")):
        name = plated["body"]  # 「招商合作局(行政审批局、政务服务中心)」: the body, and the plates it also carries
    name = _QUALIFIER.sub(r"\1", re.sub(r"[(（](?:含|包括)[^()（）]{2,60}[)）]$", "", name))  # a closing qualifier
    # (see clean_name) or what the unit includes (「（含南太湖新区、长合区管委会）」) is allowed, and a word in
    # brackets inside the name (「特色创新（产业）示范园区创建工作领导小组」, the name's own words; 「市财政（地税）局」:
    # a second body merged into the first, before its suffix)
    name = re.sub(r"[(（][\u4e00-\u9fff]{1,6}[)）](?=[\u4e00-\u9fff]{2})|[(（][\u4e00-\u9fff]{1,4}[)）](?=[局委办厅]$)", "", name)
    if name in _GENERIC or not (1 < len(name) <= 40) or re.search(r"[，,。；;：:（）()“”\"\s《》〈〉<>]|\d[年月日个]", name) \
            or re.search(r"负责|下同|按职责|不再|列出|(?<!自)由", name) or lexicon().fragment_word.search(name) \
            or name.endswith("牵头") \
            or lexicon().not_unit_start.match(name) or _ROLE_OPENING.match(name) or _ABOUT_WHAT.search(name):
        return False
    return "、" not in name and bool(lexicon().unit_end.search(name) or lexicon().short_name.match(name)
                                     or COLLECTIVE.match(name) and len(name) <= 10  # 「各地」, not 「各部门要坚持…」
                                     and bool(lexicon().collective_end.search(name)))


_RUN_PIECE = 3  # the shortest name cut from a run (「市委组织部」 is not 「市委」 and 「组织部」)
_MEMBERS = re.compile(r"^各?(?:成员|所属|下属|直属)单位$")  # the members of the body named before: part of its name


def run_together(text: str) -> list[str] | None:
    """Names written one after another with no separator (a table's cell whose lines were run together:
    「教育局经开区各街道」): the cut that makes every piece a unit's name, cutting only after a body's ending
    (lexicon.yaml body_ends), a suffix of two characters or more (but a kind of unit: 市机关事务局 is not 市机关 and
    事务局; a government is one), or a closing qualifier where it can, and else
    into as many names as it can; a piece is never a bare suffix word (「区政府办公室」 is one name) nor holds a verb
    of doing (「轨道公司推进大庙弄核心区」: a name, then the text). None when no such cut exists."""
    lex = lexicon()
    bare = {*lex.unit_suffixes, *_GENERIC}

    def name(piece: str) -> bool:
        if piece in bare or piece[0] in "(（" or _MEMBERS.match(piece) or lex.doing.search(piece):
            return False
        m = _QUALIFIER.match(piece)  # 「高新园(邹区镇)」: a name and its qualifier, read as one piece
        return looks_like_unit(piece) or bool(m) and len(m[1]) >= 2 and not lex.not_unit_start.match(piece)

    def weak(piece: str) -> bool:
        ending = next((s for s in sorted(lex.unit_suffixes, key=len, reverse=True) if piece.endswith(s)), "")
        return ending in _GENERIC and ending != "政府" or not (len(ending) > 1 or ending in lex.body_ends
                                                                or piece.endswith((")", "）", *lex.zone_ends)))

    best: dict[int, tuple[tuple[int, int], list[str]] | None] = {len(text): ((0, 0), [])}

    def cut(at: int) -> tuple[tuple[int, int], list[str]] | None:
        """The best cut of text[at:]: fewest weak cuts, then most names."""
        if at not in best:
            options = [((score[0] + (end < len(text) and weak(text[at:end])), score[1] - 1), [text[at:end], *rest])
                       for end in range(at + _RUN_PIECE, len(text) + 1)
                       if name(text[at:end]) and (found := cut(end)) is not None for score, rest in [found]]
            best[at] = min(options, key=lambda o: o[0]) if options else None
        return best[at]

    found = cut(0) if text else None
    return found[1] if found else None


# --- levels of government ---

LEVELS = ("中央", "省", "市", "县")


def level_of_place(place: str) -> str | None:
    """The level of a jurisdiction: 中央 (the State Council, the Party Centre), a province, a city, a county."""
    if not place:
        return None
    if re.search(r"^(?:全国|中央|国务院|国家|中共中央)", place):
        return "中央"
    if re.search(r"(?:省|自治区)$", place) or place in ("北京市", "天津市", "上海市", "重庆市"):
        return "省"
    if re.search(r"(?:市|州|盟|地区)$", place):
        return "市"
    if re.search(r"(?:县|区|旗|镇|乡|街道)$", place):
        return "县"
    return None


_LOCAL_ORGAN = re.compile(r"(?:省|市|州|县|区|旗|盟)(?:委|人民|政府)")  # 交口县委宣传部, X县人民武装部: a place's own


def level_of_name(name: str, default: str | None) -> str | None:
    """The level a unit name says it is at (省财政厅 → 省, 财政部 → 中央), else the document's."""
    if re.match(r"^(?:国务院|国家|中央|全国|中共中央|最高人民)", name) or re.search(r"(?<![厅局总])部$|总局$|总署$", name) \
            and not re.match(r"^(?:省|市|县|区)", name) and not _LOCAL_ORGAN.search(name):
        return "中央"
    if re.match(r"^(?:各省|各省级|省)", name):
        return "省"
    if re.match(r"^(?:各市|各地级|市)", name):
        return "市"
    if re.match(r"^(?:各县|各区|各乡镇|各街道|县|区|乡|镇|街道)", name):
        return "县"
    return default
