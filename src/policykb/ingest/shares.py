"""How the units of a subject share its work: collectives (各地, 有关部门, X领导小组各成员单位) each do their own share;
of a list with no lead word the first leads and the others take part (truth rule 5), unless a word makes them lead
together or each do their own share (分别, 依据各自职责). Apart from the subject's grammar: what a list means, not
where it stands."""
from __future__ import annotations

import re

from .lexicon import alternation, lexicon
from .subjects import MANNER
from .unitnames import OWN_DEPARTMENTS
from .unitnotes import UnitList

# a word that makes a list of units lead together (「X、Y牵头…」, 「X、Y共同负责…」): without one, the first listed leads
_LEAD_WORDS = alternation(w for w, role in lexicon().verbs.items() if role in ("lead", "joint"))
# (「X与Y共同对…负责」: answering together for what 对 names is 共同负责 with its object between; 「由X、Y合作共建」:
# building it together; 「X、Y对全市…工作总负责、总协调」: in overall charge of it, together)
_LEADS_TOGETHER = re.compile(rf"^(?:{MANNER})?(?:要|应当|应|须|必须|务必|将|还将|也将)?(?:{_LEAD_WORDS}"
                             rf"|共同对[^，,：:；;。]{{2,30}}?负(?:总)?责|对[^，,：:；;。]{{2,30}}?总负责|(?:合作|共同)?共建)")
ALL_WORDS = re.compile(r"^(?:各|有关|相关|全体|所有)")
_PLACED_ALL = re.compile(r"^[^各，,、]{1,8}?(?:各|有关|相关)")  # 「经开区各级」, 「立山区直各部门」, 「武隆区级有关部门」


# 「各县(区)、某某开发区和市安委会有关成员单位要…」: places (a zone is one) and a collective of departments or units,
# levels and departments each doing its share (truth rule 5); places alone (「各乡(镇)政府、街道办事处、龙安管委会要…」)
# are no such list: with no lead word the first leads
_PLACE_BODY = re.compile(r"(?:管委会|人民政府|政府|街道办事处|开发区|经开区|高新区|园区|新区)$")
_DEPARTMENTS = re.compile(r"(?:部门|单位)$")


# 「市双拥工作领导小组各成员单位」: all the member bodies of a group, however long the group's name
_MEMBERS = re.compile(r"各(?:成员|有关|相关)?(?:单位|部门|处室|科室|站所)$")


# 「县（区、市）政府」 without 各: the governments of every place of a level, its kinds in brackets (lexicon.yaml's
# collectives say so of the name too)
_LEVEL_PLACES = re.compile(r"^(?:县|区|市|州)[(（][市区县州旗、]{1,8}[)）](?:人民政府|政府|管委会)$")


def collective(name: str) -> bool:
    """All bodies of a kind or place (各地, 有关部门, 经开区各级, 三区, X领导小组各成员单位, 县(市、区)政府), each doing
    its own share of a task."""
    return bool(ALL_WORDS.match(name) or _PLACED_ALL.match(name) or lexicon().counted_places.match(name)
                or _MEMBERS.search(name) or _LEVEL_PLACES.match(name))


def each_own_share(text: str, units: UnitList) -> bool:
    """A note of collectives alone, places among them, under a task its text says each does apart (「各乡(镇)、各部门
    分别制定…」, then 「（县直有关部门、各乡镇负责）」): each does its own share, none leading the others (truth rule 5);
    without 分别 the first listed leads (「（市直各有关单位、各县人民政府负责）」)."""
    names = units.lead + units.participants
    return units.mode == "first" and not units.leaders and len(names) > 1 and "分别" in text \
        and all(map(collective, names)) and not all(map(_bodies_only, names))


def _bodies_only(name: str) -> bool:
    """A collective of departments or units (各级民政部门, 相关单位, 科室), not of places or levels (各地, 各级, 各乡镇政府):
    listed with others of its kind, it does not make each of them do its own share."""
    return lexicon().fold(name).endswith(lexicon().body_collective_ends)


def _own_shares(rest: str) -> bool:
    """What a list does, said to be each one's own (「分别负责…」, 「将本部门(单位)完成任务的进展情况…」)."""
    return bool(_EACH_OWN.match(rest)) or any(w in lexicon().fold(rest) for w in lexicon().own_share_words)


# 「X、Y分别负责…」, 「X和Y依据自身职能履行…职责」: each its own share
# 「X、Y要相互配合」, 「…要各司其职」: a list working together (lexicon.yaml working_together)
_TOGETHER = re.compile(alternation(lexicon().working_together))
# (「X、Y部门分别逐级汇总上报」: each its own level's returns)
_EACH_OWN = re.compile(r"[^，,；;。]{0,12}?(?:分别(?:逐级)?|(?:依据|根据|按照?)(?:各自|自身)(?:职责|职能))"
                       r"(?=负责|承担|做好|抓好|落实|履行|汇总|上报|报送)"
                       r"|(?:具体|主要)?(?:负责|承担|做好|抓好|落实)对?各自(?=[\u4e00-\u9fff])"  # 「X、Y负责对各自行业…」
                       r"|(?:要|应)?(?:负责|承担|做好|抓好|落实)(?:组织|做好)?本(?:辖区|行政区域|区域|系统|行业)"  # 「X、Y负责组织本辖区…」, 「…负责做好本系统的…」: each its own area or system
                       r"|的(?:主要)?(?:工作)?职责(?:是|为|包括)")  # 「铁路、交通等部门的职责是…」: the duties each one has


# 「按各自职责」, 「依据自身职能」: by each one's duties, said of the list as 按职责分工 is
_OWN_DUTIES = re.compile(r"[^，,；;。分]{0,12}?(?:依据|根据|按照?)(?:各自|自身)(?:职责|职能)")


def _by_own_duties(names: list[str], rest: str) -> bool:
    """「X局、Y局、Z局按各自职责负责…」: named bodies working by their own duties, no 分别: no lead word (truth rule 5, as
    按职责分工负责), the first leads; a collective among them (「各有关部门、镇人民政府根据各自职责…」) does its own share."""
    return bool(_OWN_DUTIES.match(rest)) and not any(map(collective, names))


def _levels_and_departments(names: list[str]) -> bool:
    """A collective first, places after it, and among them a collective of departments or units."""
    return collective(names[0]) and all(_all_of_kind(n) or _PLACE_BODY.search(n) for n in names) \
        and any(_all_of_kind(n) and _DEPARTMENTS.search(n) for n in names[1:])


def _places_and_kinds(names: list[str]) -> bool:
    """A collective of places first, then classes of bodies written bare (「各乡镇(街道)、国有林场」): each its share."""
    return not _bodies_only(names[0]) and collective(names[0]) \
        and all(collective(n) or lexicon().fold(n) in lexicon().bare_body_kinds for n in names[1:])


_FUNCTIONAL = re.compile(r"^职能(?:部门|部門|单位|單位)$")


def _all_of_kind(name: str) -> bool:
    """A collective, or 「职能部门」 listed after places (「各镇(区、街道)、职能部门要…」: all the functional departments; not
    a collective alone, where 「职能部门对其派出机构…」 is a topic's holder)."""
    return collective(name) or bool(_FUNCTIONAL.match(name))


# a level alone opening a name (「市住房和城乡建设局」, 「区（某开发区）住房和城乡建设局」): one body of that level
_LEVEL_PREFIX = re.compile(r"^[省市州县区乡镇](?:[(（][^()（）]{2,12}[)）])?(?=[\u4e00-\u9fff]{2})")
_VILLAGE = re.compile(r"(?:村|社区|居委会)$")
# a level's self-government named by its kind alone, no place (「乡镇政府」, 「村民委员会」, 「县(区)人民政府」, 「县(市、区)
# 政府」, 「乡(镇)政府」: the level with its alternatives in brackets): every such body of that level, each in its own area
_LEVEL_GOVERNMENT = re.compile(r"^(?:县|区|县区|乡镇|乡|镇|街道|村|社区)(?:[(（][市县区乡镇旗街道、]{1,8}[)）])?"
                               r"(?:人民政府|政府|办事处|(?:村|居)?民委员会|[村居]委会)$")
# a named place's government (「甲省人民政府」, 「乙区政府」; not a level alone, 「市人民政府」)
_PLACE_GOVERNMENT = re.compile(r"^[\u4e00-\u9fff]{2,12}?[省市州县区旗镇乡區縣鎮鄉](?:人民政府|政府)$")


# a copula naming the list's standing (「X和Y是…的责任主体」): each named holds it
_ANSWERS_EACH = re.compile(r"^是[^，,；;。]{0,40}?(?:责任主体|第一责任单位)")


# 「各区、镇、街道」, 「各乡(镇)」: every place of the levels named, written bare (no body's kind after them)
_PLACES_ALL = re.compile(r"^各[市县区乡镇街道村社旗縣區鄉鎮、()（）]{1,12}$")


def _government_and_places_below(names: list[str]) -> bool:
    """A government first, then only every place of the levels below it (「市政府及各区、镇、街道」)."""
    return len(names) > 1 and re.search(r"政府$", names[0]) is not None and all(_PLACES_ALL.match(n) for n in names[1:])


def _list_mode(names: list[str], rest: str) -> str:
    """How a subject list shares the work the rest of its sentence gives, before truth rule 5 settles a joint one:
    first (one unit; a department, then collectives alone: 「市城管局和各区政府要…」), separate (collectives alone, or
    levels and departments; 「分别」, 「依据各自职责」) or joint."""
    if len(names) == 1:
        return "first"
    if _ANSWERS_EACH.match(rest):
        return "separate"  # 「X和Y是…的责任主体」: the standing is each one's, for its own share, none leading
    if len({_LEVEL_PREFIX.sub("", n) for n in names}) == 1 and all(_LEVEL_PREFIX.match(n) for n in names):
        return "separate"  # 「市、区住房和城乡建设局」: one department of each level, each its own level's share
    if all(_VILLAGE.search(n) for n in names) and not _TOGETHER.search(rest):
        return "separate"  # 「甲村、乙村、丙社区作为第一批…」: each village does it in its own, none leads another
    if all(_LEVEL_GOVERNMENT.match(n) for n in names) and len({n[0] for n in names}) == len(names) \
            and not _TOGETHER.search(rest):
        return "separate"  # 「乡镇政府、村民委员会应安排…」: the governments of the levels, each in its own area
    if all(_PLACE_GOVERNMENT.match(n) and not collective(n) for n in names) and not _TOGETHER.search(rest):
        return "separate"  # 「甲省、乙自治区人民政府要…」: each government in its own territory, none leads another
    if all(map(collective, names)) or _levels_and_departments(names) or _places_and_kinds(names):
        mode = "separate"
    elif _government_and_places_below(names) and not _TOGETHER.search(rest):
        return "separate"  # 「市政府及各区、镇、街道按照…」: a government and the places below it, each in its own territory
    elif names[0][-1] in lexicon().body_ends and all(map(collective, names[1:])):
        return "first"
    else:
        mode = "separate" if _EACH_OWN.match(rest) and not _by_own_duties(names, rest) else "joint"
    if mode == "separate" and all(map(_bodies_only, names)) and not _own_shares(rest):
        mode = "first"  # 「各级民政部门和相关单位要…」: departments and units, no place or level: the first leads
    if mode != "first" and not all(map(collective, names)) and _TOGETHER.search(rest):
        mode = "first"  # 「X、Y、Z要相互配合」: working together names no lead: the first leads, the others take part
    return mode


_KIND_CLOSES = re.compile(rf"等(?:{alternation(lexicon().body_kinds)})$")


def kinds_listed(written: str, names: list[str]) -> bool:
    """「劳动保障、教育、卫生等部门」, 「工会、共青团、妇联等人民团体」: bodies named by their kind, the fields written bare
    before the one 部门 they share, or the list closed by its kind of body (lexicon.yaml body_kinds)."""
    if len(names) < 2:
        return False
    fields = written.endswith("部门") and all(n.endswith("部门") for n in names) and not written.startswith(names[0])
    return fields or bool(_KIND_CLOSES.search(written))


def list_roles(names: list[str], rest: str, open_ended: bool, written: str = "") -> tuple[list[str], list[str], str]:
    """(leads, participants, mode) of a subject list: with no lead word after it (牵头, 共同负责 …) the first listed
    leads and the others take part (truth rule 5: 「X、Y要…」, 「X、Y负责…」, an open 「X、Y等部门要…」); bodies named by
    their kind (`kinds_listed`) said to do each its own (「按照各自职责」, 「在各自职责范围内」) each do their own share."""
    if kinds_listed(written, names) and _own_shares(rest) and not _TOGETHER.search(rest):
        return names, [], "separate"
    if OWN_DEPARTMENTS.search(written) and not _TOGETHER.search(rest):
        return names, [], "separate"  # 「省、市人民政府及其职能部门应当…」: each government and its departments, its share
    mode = _list_mode(names, rest)
    if mode == "joint" and (first := _leading_collectives(names)):
        # 「各级各部门和X企业要…」: no lead word, the collectives listed first lead, each its share; the others take part
        return first, names[len(first):], "separate" if len(first) > 1 else "first"
    if mode == "joint" and (not _LEADS_TOGETHER.match(rest)
                            or open_ended and re.match(rf"{MANNER}(?:要|应当|应|须|必须|务必)", rest)):
        mode = "first"
    return (names[:1], names[1:], mode) if mode == "first" else (names, [], mode)


def _leading_collectives(names: list[str]) -> list[str]:
    """The collectives opening a list that goes on with companies only (「各级、各部门、X企业」: the administrations
    each do their share, the companies take part; a zone or a place's body after them does its own share); []
    otherwise."""
    k = next((i for i, n in enumerate(names) if not collective(n)), len(names))
    return names[:k] if 0 < k < len(names) and all(_COMPANY.search(n) for n in names[k:]) else []


_COMPANY = re.compile(r"(?:企业|公司)$")
