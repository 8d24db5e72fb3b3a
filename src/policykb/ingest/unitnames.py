"""Unit names as documents write them: one name cleaned of list punctuation, trailing verbs and a closing 等
(`clean_name`), a written list cut into its names (`split_names`: a body written once after a list shared by each
name, collectives and plates kept whole, whether the list is open), and whether a name reads as a unit at all
(`looks_like_unit`: lexicon.yaml's unit grammar). Reading a whole note, who leads and who takes part, is
unitnotes.py's.
"""
from __future__ import annotations

import re

from .lexicon import alternation, is_person, lexicon

# Notes about the list itself, not names: honoured (first listed leads) and removed.
_RULE_NOTES = re.compile(r"[，,。；;]?\s*(?:(?:(?:列|排)(?:名|在)?)?(?:第一位|首位)(?:者|的)?(?:部门|单位)?为牵头(?:或汇总)?(?:部门|单位)"
                         r"|各(?:有关)?(?:部门|单位)按职责分工负责)(?:[，,]?\s*下同)?[。；;]?|[，,]?\s*下同[。；;]?")
_VERB_TAIL = re.compile(r"(?:按照?职责分工|按职责|根据职责|结合职责|分别|共同|牵头|具体|切实|配合|参与|会同)*"
                        r"(?:负责|落实|牵头|推进|实施|配合|参与)$")
_STRAY = re.compile(r"^[\s．.，,、；;：:“”\"（）()]+|[\s．.，,、；;：:“”\"（）()。]+$")
COLLECTIVE = re.compile(r"^(?:各|相关|有关|其他|全国各|国务院各|国务院有关|国务院其他|省直|市直|县直|区直|"
                        r"(?:省|市|县|区)(?:级|直)?(?:各|有关|相关)|中央和国家机关各|各级)")


# 「各街办(新区)」「市委宣传部（市文明办）」: one closing qualifier in brackets belongs to the name.
QUALIFIER = re.compile(r"^([\u4e00-\u9fff]{2,30})[(（]([\u4e00-\u9fff]{2,12})[)）]$")
# 「职能站(所)」, 「各站(所)」: a kind of body and its one-character kin in brackets after it, one name
_KIN_BRACKETED = re.compile(r"^[^()（）\s、，,]{1,40}?[站所局科室队][(（][站所局科室队][)）]$")
_QUALIFIED = re.compile(r"^([^()（）]{2,40}?)[(（]([\u4e00-\u9fff]{2,12})[)）]([^()（）]*)$")


_REFERENCE = re.compile(r"[(（](?:详见|具体见|参见|见)[^()（）]{1,20}[)）]$")  # 「X成员单位（详见任务分工）」: where to look


def clean_name(name: str) -> str:
    """A unit name without list punctuation, trailing verbs (负责, 牵头 …) or a closing 等."""
    name = _REFERENCE.sub("", name.strip())
    name = next((name[len(d):] for d in lexicon().name_determiners if name.startswith(d)), name)
    if (m := _QUALIFIED.match(name)) and not clean_name(m[3] or "") and clean_name(m[1]):
        return f"{clean_name(m[1])}（{m[2]}）"
    if _KIN_BRACKETED.match(name):
        return name  # 「职能站(所)」: the bracket is the name's own (its kin), not stray punctuation
    name = _STRAY.sub("", name)
    name = _HOUSED_BY.sub("", name)
    for _ in range(3):
        before = name
        name = _VERB_TAIL.sub("", name)
        # 「各经济开发区管委会等」: a collective closing an open list loses its 等 too; 「各有关部门」 stays whole
        name = re.sub(r"(?:等(?:相关|有关|相關|有關)?(?:部[门門]|[单單]位)?)$", "", name) if not COLLECTIVE.match(name) \
            else re.sub(r"(?<=[\u4e00-\u9fff]{2})等$", "", name)
        name = _STRAY.sub("", name)
        if name == before:
            break
    return name


# 「市住建局所属的市住房保障办公室」: the bureau housing the office says which office it is, no part of its name
_HOUSED_BY = re.compile(r"^[^、，,；;的\s]{2,30}?[局委办厅部院署会](?:所属|下属)的(?=[^、，,；;\s]{2,})")
EITHER = re.compile(r"(?<=[者人])或(?:者)?(?=[^或]{2,})")  # 「使用者或者管理者」: holders by role, either
# 「各企业及相关单位」, 「各区和各部门」: a collective joined by 和/及 to another
_COLLECTIVES_JOINED = re.compile(r"((?:^|(?<=[、，,；;]))各[\u4e00-\u9fff]{1,4}?)[和及与](?=各|相关|有关|其他)")
# 「有关地区和部门」, 「各地区和部门」: one qualifier over places and departments, two collectives (as 各地各部门)
# (「各乡镇(街道)和职能部门」 too: the places' kind with its bracketed other kind, the departments by their function)
_PLACES_AND_DEPARTMENTS = re.compile(r"(?:^|(?<=[、，,；;]))(各|有关|相关|各相关|各有关)"
                                     r"(地区|地方|县区|县市区|区县|乡镇(?:[(（](?:街道|街道办事处)[)）])?)[和及与]"
                                     r"(部门单位|部门|单位|职能部门)(?=[、，,；;]|$)")
# 「有关部门和地方」, 「各有关部门和地方」: the same, departments named first
_DEPARTMENTS_AND_PLACES = re.compile(r"(?:^|(?<=[、，,；;]))(各|有关|相关|各相关|各有关)(部门|单位)[和及与](地区|地方)(?=[、，,；;]|$)")
# 「相关部门、单位」: one qualifier over two kinds of body written with 、, two collectives (相关部门, 相关单位)
_KINDS_SHARED = re.compile(r"(?:^|(?<=[、，,；;]))(各|有关|相关)(部门|单位)、(部门|单位)(?=[、，,；;等]|$)")

# 「各牵头单位和责任单位」: one qualifier over bodies named by their roles in the work, two collectives (各牵头单位,
# 各责任单位): the role names no place or kind the 各 could stop at
# (a body gathering the others' reports is one such role: 「各牵头单位和汇总单位」)
_ROLES_SHARED = re.compile(r"(?:^|(?<=[、，,；;]))(各|有关|相关)((?:牵头|责任|配合|协办|成员|参与|汇总)(?:单位|部门))[和及与、]"
                           r"((?:牵头|责任|配合|协办|成员|参与|汇总)(?:单位|部门))"
                           r"(?=[、，,；;]|$|(?:主要|有关|相关)?负责(?:人|同志)|主要领导)")  # 「…单位主要负责同志」: theirs


# 「柏林村、长滩河村、黄包村3个村(社区)」: the count of a list's names and their kind closing it, no name
_LIST_COUNT = re.compile(r"(?<=[\u4e00-\u9fff)）])\d{1,3}个[\u4e00-\u9fff]{1,6}?(?:[(（][\u4e00-\u9fff、]{1,6}[)）])?$")


_LEVEL_WORD = r"(?:省|自治区|设区的市|市|自治州|州|盟|县|区|旗|乡|镇|街道)"
_LEVEL = rf"{_LEVEL_WORD}(?:[(（]{_LEVEL_WORD}(?:、{_LEVEL_WORD})*[)）])?"
# 「省、设区的市(自治州)、县(市、区)、乡(镇)应当建立…」: a list of nothing but levels, each standing for the governments
# of that level (a law's way of giving every level its own share); its brackets hold the kinds of place of that level
_LEVEL_LIST = re.compile(rf"^{_LEVEL}(?:、{_LEVEL})+$")


def level_list(text: str) -> list[str] | None:
    """The levels of a list made of bare levels only (「省、县(市、区)」), each as written; None for anything else
    (省 alone, or 「市、县区卫生行政部门」, a body of several levels, is no such list; nor the levels below a city
    written bare, 「区、镇、街道」, one collective of lexicon.yaml)."""
    text = re.sub(r"\s*、\s*", "、", text.strip())
    folded = lexicon().fold(text)
    if not _LEVEL_LIST.match(folded) or any(c.fullmatch(folded) for c in lexicon().collectives):
        return None
    return [m.group() for m in re.finditer(r"[^、(（]+(?:[(（][^)）]*[)）])?", text)]


def split_names(text: str, known: tuple[str, ...] = ()) -> tuple[list[str], bool]:
    """Names in a list written with 、，; and whether the list is open (ends in 等 …).

    Registered names that contain 、 or 和 (各市州、县市区党委和政府) are kept whole."""
    if levels := level_list(text):
        return levels, False
    text = re.sub(r"\s*、\s*", "、", text)  # 「交通运输、 公安交警、 应急管理部门」: a page's spaces after 、 part nothing
    text = _LIST_COUNT.sub("", text) if "、" in text else text
    text = re.sub(r"等其他(?=(?:有关|相关)?(?:部门|单位)$)", "等", text)  # 「X等其他部门」: X等部门, an open list
    text = _sectors_of_open_list(_sector_of_others(_share_bodies(_RULE_NOTES.sub("", text))))
    text = _TWO_SECTORS.sub(_two_sectors, text)
    # before the collectives are kept whole: 「各乡镇(街道)和职能部门」 is one 各 over both, not a kept 各乡镇(街道) and a bare kind
    text = _PLACES_AND_DEPARTMENTS.sub(r"\1\2、\1\3", text)
    kept = [name for name in known if name in text]
    kept += [m.group() for m in SHARED_EACH.finditer(text)  # 「各相关部门、区(分)局」: 各 over both, one collective
             if not any(m.group() in k for k in kept)]
    folded = lexicon().fold(text)  # (one character for one: a span of the folded text is the name as written)
    for pattern in lexicon().collectives:  # 「各区、县（市）」, 「各縣區、開發園區」: one collective, not two names
        kept += [text[m.start():m.end()] for m in pattern.finditer(folded) if text[m.start():m.end()] not in kept]
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
    kept += [m.group() for m in _PLACES_BRACKETED.finditer(text)  # 「各县(市、区)主要负责人」: one name, the bracket in it
             if not any(m.group() in k or k in m.group() for k in kept)]
    kept += [m.group() for m in PLATES.finditer(text)  # 「招商合作局(行政审批局、政务服务中心)」: its plates, one name
             if all(looks_like_unit(n) and not _VERB_TAIL.search(n) for n in m["plates"].split("、"))
             and looks_like_unit(m["body"]) and not any(m.group() in k or k in m.group() for k in kept)]
    for i, name in enumerate(kept):
        text = text.replace(name, f"\x00{i}\x00")
    open_ended = bool(re.search(r"等(?:相关|有关|相關|有關)?(?:部[门門]|[单單]位)?(?:按照?职责分工)?(?:负责|牵头|配合|参与)?$", text.strip()))
    open_ended |= any(re.search(r"等(?:部门|单位)$", name) for name in kept)  # a collective kept whole closing the list with 等部门
    # 「X等有资金整合任务的县级部门」, 「X、Y等市级相关单位，Z」: X and others described, not named
    # (「X、Y等省有关部门和各地级以上市人民政府」: described, then 和 and a list of its own)
    # (「X以及Y等客运企业」: the kind of body they are, as 等…单位)
    # (「工会、共青团、妇联等人民团体」: the kind of body they are, lexicon.yaml body_kinds)
    described = re.compile(rf"等(?:[^、，,；;等和及]{{1,24}}?(?:部门|单位|企业)|{alternation(lexicon().body_kinds)})"
                           r"(?=[，,；;]|[和及](?=[^，,；;]{2,})|$)")
    open_ended |= bool(described.search(text.strip()))
    text = described.sub("", text.strip())
    # 「X、Y等部门，Z配合」: 等部门 closes one list inside the note
    open_ended |= bool(re.search(r"等(?:有关|相关|有關|相關)?(?:部[门門]|[单單]位)(?=[、，,；;])", text))
    text = re.sub(r"等(?:有关|相关|有關|相關)?(?:部[门門]|[单單]位)(?=[、，,；;])", "、", text)
    text = re.sub(r"等(?:有关|相关|有關|相關)?(?:部[门門]|[单單]位)$", "", text.strip())  # 「X、Y等部门」: open, 部门 no name
    closes = r"等[和及与]?(?=(?:省|市|县|区)?(?:有关|相关|直|级)?各?(?:有关|相关)?(?:部门|单位)|各)"
    open_ended |= bool(re.search(closes, text))
    text = re.sub(closes, "、", text)
    names = []
    text = _COLLECTIVES_JOINED.sub(r"\1、", text)  # 「各企业及相关单位」: two collectives, each a name
    text = _PLACES_AND_DEPARTMENTS.sub(r"\1\2、\1\3", text)
    text = _DEPARTMENTS_AND_PLACES.sub(r"\1\2、\1\3", text)
    text = _KINDS_SHARED.sub(r"\1\2、\1\3", text)
    text = _ROLES_SHARED.sub(r"\1\2、\1\3", text)
    # 和/及/与 between two names: after a unit's ending, or after a collective kept whole (「各县(市、区)政府和X」)
    # (or after a zone, 「高新园区和西区管委会」; a place or zone, 「X开发区和市安委会有关成员单位」, before a unit that opens
    # with its level or as a collective; a village collective before a town's body, 「各村和镇农办」; after 机构 or 小组
    # too, but not in 「X机构及其工作人员」, a body and its own people; after a secretary's post, 「学校党组织书记和校长」:
    # two people; 或 between two bodies' names, 「X中心、Y中心或职能站(所)」: bodies listed as alternatives, each a name;
    # after a school named short, 「内科大附中和包四中」)
    pieces = re.split(rf"[、，,；;]|会同|{OWN_DEPARTMENTS.pattern}|"
                      r"(?:(?<=[局委办厅部署会院行室门位府門道乡镇队站所处科司团\x00)）])|(?<=[园新发]区|中心|[一二三四五六七八九十附]中))"
                      r"(?:以及|或者|[和及与或])(?=[^和及与或]{2,})"
                      r"|(?<=机构|小组)(?:以及|[和及与])(?!其)(?=[^和及与]{2,})"
                      r"|(?<=书记)[和及与](?=[^和及与]{2,})"
                      r"|(?<=[区县市园村])[和及与](?=(?:各|有关|相关|省|市|县|区|镇|乡)[^和及与]{2,})"
                      rf"|{EITHER.pattern}", text)
    for piece in (w for p in pieces for w in _spaced(p)):
        name = re.sub(r"\x00(\d+)\x00", lambda m: kept[int(m[1])], clean_name(piece))
        # 「宣传处会办公室」: 会 (会同) between two units' names; 「各地各部门」, 「经开区各级各部门」: two collectives
        pair = re.fullmatch(r"(.{2,12}?[处室科])会(.{2,12})", name) or _COLLECTIVE_RUN.fullmatch(name)
        pair = pair or _PEERS_RUN.fullmatch(name) or _STATIONS_RUN.fullmatch(name)
        pieces = pair.groups() if pair else _sectors_run(name)
        for name in (pieces if pieces and all(map(looks_like_unit, pieces)) else (name,)):
            if name and name not in names:
                names.append(name)
    return _share_level(names), open_ended


# 「省、市人民政府及其职能部门」, 「县级以上人民政府及其有关部门」: governments and their own departments, two names
# (levels and departments, each its share: `shares.list_roles`), 其 no part of the second
OWN_DEPARTMENTS = re.compile(r"(?<=政府)及其(?=(?:有关|相关|相關|有關|职能|職能|所属|所屬|工作)?部[门門])")


# 「城市管理等有关部门」: one sector named bare before the departments it stands first among
_SECTOR_ETC = re.compile(r"(?:^|(?<=[、，,；;]))(?P<sector>[^、，,；;\s等各\x00]{2,8})(?=等(?:有关|相关|其他|有關|相關)?(?P<body>部[门門])(?:$|[、，,；;]))")


def _sector_of_others(text: str) -> str:
    """「城市管理等有关部门」 → 「城市管理部门等有关部门」, 「财政等部门」 → 「财政部门等部门」: the bare sector (a body's
    name without its suffix too, corpus rule 5) is that sector's department, the list open; a named body stays."""
    def department(m: re.Match) -> str:
        sector = m["sector"]
        if looks_like_unit(sector) and not lexicon().short_name.fullmatch(lexicon().fold(sector)):
            return sector
        return sector + m["body"]
    return _SECTOR_ETC.sub(department, text)


# 「各行业主管、监管部门」, 「市直药品、医疗器械生产、经营、使用单位」: qualifiers listed under one 各 (or one level's 直)
# before the one kind of body they all qualify
_QUALIFIED_KIND = re.compile(r"(?:^|(?<=[、，,；;]))(?:各|[省市县区]直|[省市县区乡镇]级)[^、，,；;和及各\x00]{1,10}"
                             r"(?:、[^、，,；;和及各\x00]{1,10})+?(?:部门|单位)(?=$|[、，,；;和及等])")


def _qualified_kind(text: str) -> list[str]:
    """The lists of qualifiers before one kind of body, one collective as written: none of the qualifiers names a body,
    places or bodies of a kind, or people of its own (「各乡镇、县直部门」 is two collectives, levels and departments), and
    the last is no role (责任单位)."""
    return [m.group() for m in _QUALIFIED_KIND.finditer(text)
            if not any(looks_like_unit(q)
                       or lexicon().collective_end.search(q) or lexicon().post.search(q)
                       for q in re.sub(r"(?:部门|单位)$", "", m.group()).split("、"))
            and not lexicon().label_role(m.group().split("、")[-1])]  # (「各牵头领导、责任单位」: people, then a role)


_LEVEL_ALONE = re.compile(r"[省市县区乡镇]级")
# a kind of place, no place's name (「各省、自治区、直辖市人民政府」: every place of these kinds, one collective)
_PLACE_KIND = re.compile(r"自治区|直辖市|计划单列市|省辖市|省直管县|县级市|自治州|自治县")
# Levels listed before the one kind of body they each have (「省级、市级、县级水行政主管部门」): one collective
# 「省级、市级、县级水行政主管部门」, 「省、市、县三级财政」: one kind of body of each level listed, one collective
_LEVELS_ONE_BODY = re.compile(r"(?:[省市县区乡镇]级、)+[省市县区乡镇]级[^、，,；;和及\x00]{2,20}?(?:部门|机构|单位|机关)"
                              r"|(?:[省市县区乡镇]、)+[省市县区乡镇][两二三四五]级[^、，,；;和及\x00]{0,12}?"
                              r"(?:财政|政府|党委|部门|机构|单位|机关)")
# 「镇、村干部」, 「县、乡两级干部」: levels written once before the people of them all
_LEVELS_ONE_GROUP = re.compile(r"(?:(?<=[、，,；;])|^)(?:[省市县区乡镇]、)+[市县区乡镇村](?:[两二三]级)?(?:两委)?干部(?=[、，,；;]|$)")


# 「各相关责任部门、区(分)局」, 「局系统各单位、部门」: a collective of 各, then a kind of body with no name of its own
# (部门, 单位, a level's bare 局, a bare 分局: 「各区县城管大队、分局」) closing the list or before a post: the 各 is over both, one collective as written
# (「各站所、科室」: a 科室 stands alone; 「各区教育局、市局直属单位」: 市局 opens a name)
SHARED_EACH = re.compile(r"(?:^|(?<=[、，,；;：:和及与]))[^各、，,；;：:\s]{0,6}各[^各、，,；;：:\s]{1,10}?"
                         r"、(?:部门|单位|分局|[市州县区](?:[(（]分[)）])?局)(?=$|[、，,；;和及与\s]|主要|负责|分管|联络员|一把手)")


# Two peer bodies of a list run together, its 、 lost (「政法委社会发展局」, 「经信商务局制造业招商局」): a bureau or
# commission ends the first and the next ends as one; a party committee's department (「党工委宣传部」), a bureau's
# section (「住建局建管科」), branch (「市生态环境局X分局」) or a department's bureau under it (「中央军委后勤保障部卫生局」)
# is one body
_PEERS_RUN = re.compile(r"((?![^、]*党[工]?委)[\u4e00-\u9fff]{2,10}?[局委])((?:(?!部)[\u4e00-\u9fff]){3,10}(?<!分)[局委])")
# Two stations run together, their space lost (「派出所工商质监所」): each 所 closes one; a bureau's station after its
# bureau (「市公安局派出所」) is one body, so only a 所 after a 所; a place (场所, 住所) is no station
_STATIONS_RUN = re.compile(r"([\u4e00-\u9fff]{2,10}?(?<![场住])所)([\u4e00-\u9fff]{2,10}所)")


def _sectors_run(name: str) -> tuple[str, str] | None:
    """Two sectors named bare run together, their 、 lost (「公安市场监管」): each is a name (公安, 市场监管); 执法 after
    a sector is its enforcement arm (城管执法), one name."""
    short = lexicon().short_name
    if name.startswith(lexicon().joined_sectors):
        return None  # 「公安消防」: the department's own arm, one body
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


def _either_script(word: str) -> str:
    """A pattern for a word written in simplified or traditional script (部门, 部門), lexicon.yaml's traditional table."""
    traditional: dict[str, str] = {}
    for t, simple in lexicon().simplified.items():
        traditional[simple] = traditional.get(simple, "") + chr(t)
    return "".join(f"[{re.escape(c)}{traditional[c]}]" if c in traditional else re.escape(c) for c in word)


_BODY = "|".join(_either_script(b) for b in sorted(lexicon().shared_bodies, key=len, reverse=True))
_SHARED = re.compile(rf"(?<!{_PLAIN})(?P<a>{_PLAIN}{{2,20}}?)、(?P<b>{_PLAIN}{{2,20}}?)(?P<etc>等(?:有关|相关)?)?(?P<body>{_BODY})(?={_SEP}|[和及等]|$)")
_PAIRED_BODY = re.compile(rf"(?<!{_PLAIN}){_PLAIN}{{2,30}}?(?:{'|'.join(re.escape(b) for b in lexicon().shared_bodies if '和' in b)})")
# 「公安及维稳部门」: a sector named bare (lexicon.yaml short_bodies), 及, another sector, and the one 部门 they share:
# each sector's department (not 和, which joins the fields of one merged body: 国土资源和规划部门)
_TWO_SECTORS = re.compile(rf"(?<!{_PLAIN})(?P<a>[\u4e00-\u9fff]{{2,4}})及(?P<b>[\u4e00-\u9fff]{{2,4}}?)(?P<body>部[门門])"
                          rf"(?={_SEP}|$)")


def _two_sectors(m: re.Match) -> str:
    if not lexicon().short_name.fullmatch(lexicon().fold(m["a"])):
        return m.group()
    return f"{m['a']}{m['body']}、{m['b']}{m['body']}"


_INCLUDING = re.compile(r"[^、，,；;：:()（）\s]{2,30}[(（](?:含|包括)[^()（）]{2,60}[)）]")
# 「各县(市、区)主要负责人」, 「乡镇(场、区)党政主要负责人」: a bracket of the kinds of place a level includes, inside one
# name that goes on after it (the bracket closing the name is read as a level list, unitnames.level_list)
_BRACKETED_KIND = r"(?:[市区县场镇乡旗村居]|街道|社区|林场|园区|开发区|管委会)"
_PLACES_BRACKETED = re.compile(rf"[^、，,；;：:()（）\s\x00]{{1,20}}[(（]{_BRACKETED_KIND}(?:、{_BRACKETED_KIND})+[)）]"
                               r"[^、，,；;：:()（）\s\x00和及与]{2,20}")
PLATES = re.compile(r"(?<![^、，,；;：:\s])(?P<body>[^、，,；;：:()（）\s]{2,30})[(（](?P<plates>[^()（）、，,；;：:]{2,20}(?:、[^()（）、，,；;：:]{2,20})+)[)）]")
# (a province too, 「甲省、乙省人民政府」, and the traditional forms of a State Council text: 「甲自治區、乙省人民政府」)
_PLACE_END = re.compile(r"(?:区|县|市|州|旗|镇|乡|省|區|縣|鎮|鄉)$")
_BRACKETED_HEAD = re.compile(r"(?:[^、，,；;\s()（）]|[(（][^()（）]*[)）])+(?<=[)）])$|$")  # 「各县(区)」 before 「政府」


# 「市、县区人民政府」: the last level one of two written as one (县区), the list a collective (lexicon collectives)
_NOT_COMPOUND_LEVEL = r"(?![市县区旗])"
# 「县(市、区)和乡(镇)政府」, 「市和县人民政府」: two levels joined by 和 (a level written with its alternatives in
# brackets) before the government written once: each level's government
_LEVEL_ALTERNATIVES = r"(?:乡镇|[省市州县区乡镇])(?:[(（][省市州县区乡镇旗、]{1,8}[)）])?"
_TWO_LEVELS_SHARED = re.compile(rf"(?<!{_PLAIN})(?<![(（、])(?P<a>{_LEVEL_ALTERNATIVES})[和及](?P<b>{_LEVEL_ALTERNATIVES})"
                                rf"{_NOT_COMPOUND_LEVEL}(?P<body>人民政府|政府)(?=[、，,；;\s和及等]|$)")
# 「市、区人民政府」: the governments of levels written once, after the last level (not 「省、市、县三级财政」, one
# collective, nor 「各县、市、区政府」 and 「各县(市、区)人民政府」, each of one collective)
_LEVELS_SHARED = re.compile(rf"(?<!{_PLAIN})(?<![省市州县区乡镇]、)(?<![(（])(?P<levels>(?:[省市州县区乡镇]、)+[省市州县区乡镇])"
                            rf"{_NOT_COMPOUND_LEVEL}(?P<body>党委和人民政府|党委和政府|人民政府|政府|党委)(?=[、，,；;\s和及等]|$)")


# 「市、区（某开发区）住房和城乡建设局」: levels alone (a zone run as the last level in brackets) before one department's
# name, each level's department (a level alone is no unit)
_LEVELS_ONE_DEPARTMENT = re.compile(rf"(?<!{_PLAIN})(?<![(（])(?P<levels>(?:[省市州县区]、)+[省市州县区](?:[(（][^()（）、]{{2,12}}[)）])?)"
                                    rf"{_NOT_COMPOUND_LEVEL}(?P<body>[^、，,；;\s()（）及与]{{2,20}}?(?:局|委|厅|部门))(?={_SEP}|$)")


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


# 「甲区、乙区及丙开发区住房和城乡建设部门」: places listed, the last after 及 or 和, then one department's name: each place's
_PLACES_ONE_DEPARTMENT = re.compile(rf"(?<!{_PLAIN})(?P<places>(?:{_PLAIN}{{2,12}}?[区县市旗]、)*{_PLAIN}{{2,12}}?[区县市旗])"
                                    rf"[和及与](?P<last>{_PLAIN}{{2,12}}?[区县市旗])(?P<body>[^、，,；;\s()（）区县旗及与]{{2,20}}?"
                                    rf"(?:部门|局))(?={_SEP}|$)")


def _places_one_department(m: re.Match) -> str:
    places = [*m["places"].split("、"), m["last"]]
    if not all(len(p) >= 3 for p in places):
        return m.group()
    return "、".join(p + m["body"] for p in places)


# 「甲区和乙县人民政府」, 「甲省和乙市人民政府」: two places named bare, joined by 和, before one body of government: each
# place's own (a place's government is no zone's: 「开发区」, 「社区」 … are no place of government)
_PLACES_ONE_GOVERNMENT = re.compile(rf"(?<!{_PLAIN})(?P<first>{_PLAIN}{{1,10}}?[省州区县市旗])"
                                    rf"[和及与](?P<last>{_PLAIN}{{1,10}}?[省州区县市旗])(?P<body>党委和人民政府|党委和政府|人民政府|政府)"
                                    rf"(?={_SEP}|$|负责|牵头)")


def _places_one_government(m: re.Match) -> str:
    places = (m["first"], m["last"])
    zone = lexicon().zone_without_government
    if any(len(p) < 2 or not re.fullmatch(r"[\u4e00-\u9fff]+", p) or COLLECTIVE.match(p) or zone.search(p) for p in places):
        return m.group()  # 「市和县人民政府」: levels, not places; 「各区和县政府」: a collective
    return "、".join(p + m["body"] for p in places)


# 「开发区党工委、管委会」, 「县委、政府」 written 「X党委、政府」: the place named once before its party committee, the
# government body after it bare, is that place's too
_PARTY_THEN_GOVERNMENT = re.compile(r"(?<![^，,；;\s])(?!各|有关|相关|全)(?P<place>[^、，,；;\s()（）]{2,20}?)(?P<party>党工委|党委)、"
                                    r"(?P<government>管委会|人民政府|政府)(?=[、，,；;和及等]|$)")


# 「各区教育局、公安分局」: 各 and a level before the first body, the bodies after it bare (no place or level of their own):
# each level's body of that kind too, a collective each
_EACH_LEVEL_BODIES = re.compile(r"(?<![^、，,；;\s])(?P<each>各(?:区|县|市|乡镇|镇|乡|街道))(?P<first>[^、，,；;\s各]{2,8}?(?:局|委|办|部门))"
                                r"(?P<rest>(?:、(?![省市州县区旗乡镇村各有相全其])[^、，,；;\s]{2,6}?(?:分局|局|委|办|部门))+)"
                                r"(?=$|[，,；;和及等])")


def _party_then_government(m: re.Match) -> str:
    if lexicon().counted_places.fullmatch(m["place"]):
        return m.group()  # 「县市区党委、政府」: counted places, one collective
    return f"{m['place']}{m['party']}、{m['place']}{m['government']}"


# 「公安消防、公安派出所、房管等有关部门」: an open list of departments, a named body inside it (公安派出所)
_OPEN_DEPARTMENTS = re.compile(r"(?:^|(?<=[，,；;：:\s]))(?P<list>[^，,；;：:\s等]+)(?=等(?:有关|相关|其他|有關|相關)?"
                               r"(?P<body>部[门門])(?:$|[、，,；;和及与]))")


def _sectors_of_open_list(text: str) -> str:
    """「公安消防、公安派出所、房管部门等部门」 → 「公安消防部门、公安派出所、…」: a sector named bare anywhere in an open list
    of departments is that sector's department (corpus rule 5), as the bare sector right before 等 is, though a named
    body between them stops the suffix being shared (`_share_bodies`)."""
    def departments(m: re.Match) -> str:
        return "、".join(p + m["body"] if lexicon().short_name.fullmatch(lexicon().fold(p)) else p
                        for p in m["list"].split("、"))
    return _OPEN_DEPARTMENTS.sub(departments, text)


def _each_level_bodies(m: re.Match) -> str:
    bare = m["rest"].split("、")[1:]
    return "、".join([m["each"] + m["first"]] + [m["each"] + b for b in bare])


# 「建设、水利、公路等工程建设主管部门」, 「住建、交通等行业主管部门」: sectors written bare before the one kind of
# department in charge they share, the sectors' field between (行业, 工程建设): each sector's department in charge,
# the list open (named bodies before it, 「县教育局、卫生局等行业主管部门」, stay as written)
_SECTORS_IN_CHARGE = re.compile(rf"(?<!{_PLAIN})(?P<sectors>(?:[^、，,；;\s等各()（）]{{2,6}}、)+[^、，,；;\s等各()（）]{{2,6}})"
                                rf"等(?:[\u4e00-\u9fff]{{2,4}}?)?主管部门(?={_SEP}|[和及]|$)")


def _sectors_in_charge(m: re.Match) -> str:
    sectors = m["sectors"].split("、")
    if any(looks_like_unit(s) and not lexicon().short_name.fullmatch(s) for s in sectors):
        return m.group()
    return "、".join(s + "主管部门" for s in sectors) + "等部门"


# 「各级财政、发展改革部门」, 「省级财政、教育部门」: sectors named bare under one level (各级, or one level: 省级, 县级)
# before the 部门 they share: each sector's department at that level, a collective of its own (not 「各行业主管、监管部门」,
# kinds of one department, none a sector)
# (「区级公安、质监、工商等部门」: an open list too, each sector's department at that level, corpus rule 5)
# (after the level: the sectors, an open list's 等, and the 部门 they share)
_SECTOR_LIST = (r"(?P<sectors>[^、，,；;\s等各()（）]{2,6}(?:、[^、，,；;\s等各()（）]{2,6})+)"
                r"(?P<etc>等(?:有关|相关|有關|相關)?)?(?P<body>部[门門])(?=$|[、，,；;和及与分])")
_EVERY_LEVEL_SECTORS = re.compile(r"(?<![^、，,；;\s由和及与])(?P<level>各[级級]|[省市县区縣區][级級])" + _SECTOR_LIST)
# 「市农业、林业、水利部门」, 「区交通、公安等部门」: a level written without 级 before the list is shared all the same
_LEVEL_SECTORS = re.compile(r"(?<![^、，,；;\s由和及与])(?P<level>[省市县区縣區])" + _SECTOR_LIST)


def _every_level_sectors(m: re.Match) -> str:
    sectors = m["sectors"].split("、")
    if not all(lexicon().short_name.fullmatch(lexicon().fold(s)) for s in sectors):
        return m.group()
    body = m["body"]
    return "、".join(f"{m['level']}{s}{body}" for s in sectors) + (f"等{body}" if m["etc"] else "")


def _level_sectors(m: re.Match) -> str:
    """「市科技、财政、…、质量技术监督等部门」: the first a sector named bare (so the level's character is a level, not
    the opening of 市场监管 or 市政), the others sectors too (a sector's words, 房管, 工商管理: no unit by themselves);
    each sector's department at the level (a later one written with its own level keeps it)."""
    short, fold = lexicon().short_name, lexicon().fold
    sectors = m["sectors"].split("、")
    if not short.fullmatch(fold(sectors[0])) \
            or not all(short.fullmatch(fold(s)) or not (looks_like_unit(s) or COLLECTIVE.match(s) or lexicon().post.search(s))
                       for s in sectors[1:]):
        return m.group()
    leveled = [s if s[0] in "省市县区縣區" and short.fullmatch(fold(s[1:])) else f"{m['level']}{s}" for s in sectors]
    return "、".join(f"{s}{m['body']}" for s in leveled) + (f"等{m['body']}" if m["etc"] else "")


def _share_bodies(text: str) -> str:
    """「公安、交通部门」 → 「公安部门、交通部门」 (「公安、交通等部门」 → 「公安部门、交通部门等部门」, an open list);
    「A示范区、B区党工委和管委会」 → each place its 党工委和管委会.

    A body written once after the last of a list belongs to each bare name before it: a name that is no
    unit by itself, a body named without its suffix (公安, 住建), or a place (…区) before a body of government;
    levels alone before a government (「市、区人民政府」) each have theirs."""
    text = _SECTORS_IN_CHARGE.sub(_sectors_in_charge, text)
    text = _EVERY_LEVEL_SECTORS.sub(_every_level_sectors, text)
    text = _LEVEL_SECTORS.sub(_level_sectors, text)
    text = _LEVELS_SHARED.sub(lambda m: "、".join(level + m["body"] for level in m["levels"].split("、")), text)
    text = _TWO_LEVELS_SHARED.sub(lambda m: f"{m['a']}{m['body']}、{m['b']}{m['body']}", text)
    text = _EACH_LEVEL_BODIES.sub(_each_level_bodies, text)
    text = _PARTY_THEN_GOVERNMENT.sub(_party_then_government, text)
    text = _LEVELS_ONE_DEPARTMENT.sub(lambda m: "、".join(level + m["body"] for level in m["levels"].split("、")), text)
    text = _PLACES_ONE_DEPARTMENT.sub(_places_one_department, text)
    text = _PLACES_ONE_GOVERNMENT.sub(_places_one_government, text)
    zones = _zones_one_kind(text)
    for _ in range(text.count("、") + 1):  # one name of the list shared each round, from its end
        def share(m: re.Match) -> str:
            a, body, written = m["a"], lexicon().fold(m["body"]), m["body"]  # (部門: compared folded, kept as written)
            if any(m.group() in z for z in zones):
                return m.group()  # 「甲、乙经济技术开发区管委会」: one name, each place's zone of the kind
            if (whole := _BRACKETED_HEAD.search(m.string[:m.start()])[0] + a) != a and not re.search(r"[和及与]", whole) \
                    and (looks_like_unit(whole) or COLLECTIVE.match(whole)):
                return m.group()  # 「各县(区)政府、市直园区管委会」: the first, a name with a bracket inside, is whole
            if a.startswith("各") or lexicon().fold(a).endswith(body) or _LEVEL_ALONE.fullmatch(a) or _PLACE_KIND.fullmatch(a):
                return m.group()  # 「省级、市级、县级水行政主管部门」: levels of one collective (_LEVELS_ONE_BODY)
            if _under_one_level(m.string[:m.start()] + a):
                return m.group()  # 「区级公安、食药监管等部门」 (a word no short name): as written, not the level lost
            if (joined := re.search(r"[和及与]", m["b"])) and looks_like_unit(m["b"][:joined.start()]):
                return m.group()  # 「开发区、高新园区和西区管委会」: the body is the last one's, after 和
            if body not in ("部门", "街道", "乡镇") and lexicon().short_name.match(a):
                return m.group()  # 「水利、国土、开发区管委会」: a sector (水利) has no 管委会 or 人民政府 of its own
            # 「甲区、乙区政府」, 「甲区、乙县人民政府」: the body's level is the last place's own; a place before it, named
            # with its own level, has the body without it
            if _PLACE_END.search(a) and body[0] in "区县":
                return f"{a}{written[1:]}、{m['b']}{written}{'等' + written if m['etc'] else ''}"
            bare = not looks_like_unit(a) or lexicon().short_name.match(a) or (_PLACE_END.search(a) and body not in ("部门", "街道", "乡镇"))
            return f"{a}{written}、{m['b']}{written}{'等' + written if m['etc'] else ''}" if bare else m.group()
        shared = _SHARED.sub(share, text)
        if shared == text:
            return text
        text = shared
    return text


# a list's first name opening with a level's 级 before a bare sector (区级公安): the level qualifies the whole list
_LEVEL_SECTOR = re.compile(r"^[省市县区乡镇]级(?!各|有关|相关|其他)[\u4e00-\u9fff]{2,8}$")


def _under_one_level(before: str) -> bool:
    """The list written up to a name opens with a level's 级 over a bare sector (「区级公安、质监」), no unit itself."""
    first = re.split(r"[，,；;：:\s]", before)[-1].split("、")[0]
    return bool(_LEVEL_SECTOR.match(first)) and not looks_like_unit(first)


# 「该镇将…」, 「該街道將…」: the township a report is about, named by its level after 该 (wholeplace.town_named reads
# which; a pronoun opens no other name)
THIS_TOWN = re.compile(r"[该該](?:镇|鎮|乡|鄉|街道)")
GENERIC = {"部门", "单位", "机关", "机构", "企业", "组织", "群众", "政府", "有关", "相关", "其他"}  # a kind of unit, not one
# 「企业要切实负起…主体责任」, 「…，企业负责收储…」: firms written bare are addressed as a kind that bears its own duty
# (as 学校 and 医院 are); 部门 or 单位 bare stands for a unit the text does not name
_KIND_BEARING_DUTY = {"企业"}


# 「协调食品安全有关部门」, 「牵头对镇街政府」: a role word opening a duty, not a role holder's name (牵头单位, 配合部门)
_ROLE_OPENING = re.compile(r"(?:牵头|配合|参与|协调)(?!(?:责任)?(?:单位|部门|处室|科室))")


# 「组织有关部门开展…」, 「统筹各乡镇…」: a duty gathering the units after its verb, not a name (组织部 is one)
_GATHERING_OPENING = re.compile(rf"(?:{lexicon().gathering_words})(?=有关|相关|各|其他|全|所辖)")


# 「各地对辖区内现有化工园区」: a subject and what its work is about, not one name (对口, 对外, 对台 open names' words)
_ABOUT_WHAT = re.compile(r"(?<=[\u4e00-\u9fff])对(?![口外台])")


# 「国土资源主管部门是地质灾害防治工作的统一监督部门」: a sentence saying what a unit is, not one name
_WHAT_IT_IS = re.compile(r"(?<=[\u4e00-\u9fff]{2})是(?=[\u4e00-\u9fff])")
# 「营业场所必须…」, 「公共场所」: a premises (its 所 no body's, as 派出所's is), where a rule applies, not who keeps it
_PREMISES = re.compile(r"[场場]所$")
# 「优化城乡结构布局」, 「构建新发展格局」: a layout or a state of things, its 局 no bureau's
_STATE_OF_THINGS = re.compile(r"(?:布|格|大|全|结|開|开|变|變|僵)局$")


def looks_like_unit(name: str) -> bool:
    """A name that can stand in the registry: no punctuation or verbs, no date or count (「市政府15个安全生产督查组」
    counts groups, names none), a sensible length, and the end of a unit's name (place + body + suffix: 区卫健局,
    省财政厅, 各街办) or a collective."""
    if any(c.fullmatch(lexicon().fold(name)) for c in lexicon().collectives) or _LEVELS_ONE_BODY.fullmatch(name) \
            or SHARED_EACH.fullmatch(name) or _zones_one_kind(name) == [name] or _qualified_kind(name) == [name]:
        return True
    if (plated := PLATES.fullmatch(name)) and all(looks_like_unit(n) for n in plated["plates"].split("、")):
        name = plated["body"]  # 「招商合作局(行政审批局、政务服务中心)」: the body, and the plates it also carries
    name = QUALIFIER.sub(r"\1", re.sub(r"[(（](?:含|包括)[^()（）]{2,60}[)）]$", "", name))  # a closing qualifier
    # (see clean_name) or what the unit includes (「（含南太湖新区、长合区管委会）」) is allowed, and a word in
    # brackets inside the name (「特色创新（产业）示范园区创建工作领导小组」, the name's own words; 「市财政（地税）局」:
    # a second body merged into the first, before its suffix)
    name = re.sub(r"[(（][\u4e00-\u9fff]{1,6}[)）](?=[\u4e00-\u9fff]{2})|[(（][\u4e00-\u9fff]{1,4}[)）](?=[局委办厅]$)", "", name)
    # (「职能站(所)」: a kind of body and its one-character kin in brackets after it, one name)
    name = re.sub(r"(?<=[站所局科室队])[(（][站所局科室队][)）]$", "", name)
    # 「区（某开发区）住房和城乡建设局」: a zone run as the level alone before it, named in brackets after that level
    name = re.sub(r"^([省市州县区])[(（][\u4e00-\u9fff]{2,12}[)）](?=[\u4e00-\u9fff]{2})", r"\1", name)
    # 「县“清剿火患”指挥部」: the campaign a body is set up for, quoted inside its name before the body's kind
    name = re.sub(r"(?<=[\u4e00-\u9fff])“([\u4e00-\u9fff]{2,8})”(?=[\u4e00-\u9fff]{2})", r"\1", name)
    if name in GENERIC - _KIND_BEARING_DUTY or not (1 < len(name) <= 40) or re.search(r"[，,。；;：:（）()“”\"\s《》〈〉<>]|\d[年月日个]", name) \
            or re.search(r"负责|下同|按职责|不再|列出|(?<!自)由", name) or lexicon().fragment_word.search(name) \
            or name.endswith("牵头") \
            or lexicon().not_unit_start.match(name) and not THIS_TOWN.fullmatch(name) or _ROLE_OPENING.match(name) or _GATHERING_OPENING.match(name) \
            or _ABOUT_WHAT.search(name) or _WHAT_IT_IS.search(name) or _PREMISES.search(name) \
            or _STATE_OF_THINGS.search(name):
        return False
    return "、" not in name and bool(lexicon().unit_end.search(name) or lexicon().short_name.match(name)
                                     or COLLECTIVE.match(name) and len(name) <= 10  # 「各地」, not 「各部门要坚持…」
                                     and bool(lexicon().collective_end.search(name)))
