"""The units a clause names beside its subject: those it works with (会同X), organises (组织X开展…), helps (配合X做好…:
they lead), is guided by, or that do their own share of the work it leads; and a clause whose whole work is to guide
or help the task before it. Kept apart from the subject's grammar: each is read in what follows the verb."""
from __future__ import annotations

import re

from .lexicon import lexicon, post_holder
from .posts import holding_bodies
from .shares import collective
from .subjects import MANNER, unit_names
from .unitnames import looks_like_unit
from .unitnotes import UnitList, parse_units

# A later clause of the same sentence whose subject guides or takes part: 「…，Y加强督促指导」
_SIDE_WORDS = "|".join(sorted((w for w, r in lexicon().verbs.items() if r in ("guide", "participant")), key=len, reverse=True))
_SIDE_OPENER = "加强|负责|做好|搞好|积极|切实|主动|紧密|密切"  # (「…，各部门紧密配合，…」: a manner before the verb)
SIDE = re.compile(rf"(?:^|[，,])(?P<who>[^，,；;。]{{2,30}}?)(?:{_SIDE_OPENER})?(?P<verb>{_SIDE_WORDS})(?=[，,；;。]|$)")
# 「由X负责，Y组织，Z落实，…」: after the one assigned, a later subject with a doing verb standing alone does its part
_CHAIN_WORDS = "|".join(sorted({*(w for w, r in lexicon().verbs.items() if r == "responsible"), *lexicon().gathering_words.split("|")},
                               key=len, reverse=True))
CHAIN = re.compile(rf"[，,](?P<who>[^，,；;。]{{2,30}}?)(?:{_CHAIN_WORDS})(?=[，,；;。]|$)")
# 「由X牵头组织实施，Y制定详细方案」: after the one 由 assigns, a later unit drawing up the work's plan does its part
DRAWS_UP = re.compile(r"[，,]\s*(?P<who>[^，,；;。]{2,30}?)(?:具体|负责)?(?:制定|制订|拟定|起草|编制)(?=[^，,；;。]{2,})")


def drawing_up(rest: str, known: tuple[str, ...]) -> list[str]:
    """The units of the later clauses of `rest` that draw up the work's plan (「…，Y制定详细方案」)."""
    return [n for m in DRAWS_UP.finditer(rest) for n in unit_names(m["who"], known) or []]


# 「Y负责指导协调」, 「Z负责协助配合」: a clause whose whole work is to guide or help (the task before it)
_SIDE_ONLY = re.compile(rf"(?:具体负责|{_SIDE_OPENER})?(?:{_SIDE_WORDS})(?:协调|配合|工作)?")
_PART_PHRASE = re.compile(rf"(?:{lexicon().part_phrases})")
# 「交通运输局配合各镇做好技术指导」, 「发改、物价等部门要配合民政部门做好…」: the units helped lead, the subject helping
# takes part
HELPS = re.compile(r"^(?:要|应当|应|须|必须|务必)?(?:积极|主动)?(?:配合|协助)(?P<helped>[^，,；;。]{2,40}?)(?=做好|抓好|开展|推进|落实|完成|实施|加强|加大|严格|组织|进行|搞好"
                    r"|负责(?!人|同志))")  # 「民宗部门协助城市管理等有关部门负责对…进行查处」
# 「X指挥协调、Y负责牵头…」: the subject directs, the units after the 、 lead the work (the model keeps a guide as a participant)
GUIDES_THEN = re.compile(r"^(?:指挥协调|统筹协调|综合协调|指导协调)、(?P<who>[^，,；;。、]{2,30}?)(?=负责牵头|牵头负责)")
# 「…联合X、Y等单位在全区范围内开展…」: where the work is done may stand between the partners and the verb
# (「由X牵头，会同Y、Z组成督查组」: after 牵头 too; 「X所会同Y中心采集、汇总、审核…信息」: a verb of handling data)
_WITH = re.compile(rf"^(?:(?:根据|按照|依据)[^，,；;。]{{2,10}}?)?(?:要|须|必须|将)?(?:负责|牵头[，,并]?\s*)?"
                   rf"(?:{lexicon().partner_words})(?P<with>[^，,；;。]{{2,80}}?(?:[，,]\s*以及[^，,；;。]{{2,60}}?)?)"
                   r"(?:在[^，,；;。]{2,12}?[内中])?"
                   r"(?=抓好|做好|作好|共同|研究|加快|建立|完善|制定|制订|编制(?![委办])|组成|开展|推进|落实(?![办局委])|加强|组织(?!部)|负责|完成"
                   r"|办理|进行|做|抓|确定|印发|起草|采集|汇总|审核(?![中局处科])|核实|核查|查处|提供|[，,]?对[^，,；;。]{2,40}?(?:进行|开展|实施)"
                   r"|尽快|抓紧|及时"  # 「会同财政等部门尽快将任务分解下达」: a manner before the verb
                   r"|依法|予以"  # 「由X协同Y，以及Z等部门依法予以处理」: acting on a case (the partners' list goes on after 以及)
                   r"|[，,]\s*(?:将|把|对|在|按|根据|结合))")  # 「会同X和Y，对…进行检查」, 「会同X对…进行督导」
# (「X会同Y等有关部门，将…纳入…」: the partners closed by a comma, then the duty's object or manner)
# 「组织相关部门、单位开展排查」, 「由X组织居民代表、社区单位等进行评议」, 「负责组织所辖村(社区)开展自查」: the units a
# duty organises to do its work take part in it (the people among them, 居民代表, are no units and are left out)
# (「统筹协调相关责任单位科学制订…」: 协调 after 统筹, a manner before the verb; 「组织协调各部门开展…」 gathers nobody,
# as the truth reads 协调 both ways)
# (「组织指导省消防总队配合做好…」: 指导 beside 组织, and those organised to help the work take part in it too)
# (「定期组织交通、交警等部门，督促检查…」: how often it gathers them before the verb, and a comma after the units gathered,
# then the work they do)
_ORGANISES = re.compile(rf"^(?:要|须|必须)?(?:定期|不定期|经常|适时|每年|每季度|每月)?(?:负责)?(?:牵头)?"
                        rf"(?:{lexicon().gathering_words})(?:(?<=统筹)协调|(?<=组织)指导)?"
                        r"(?:所辖)?(?P<who>[^，,；;。]{2,60}?)(?:科学|认真|及时|共同|抓紧)?"
                        r"(?=开展|进行|参加|参与|实施|做好|抓好|落实|完成|细化|制定|制订|推动|推进|配合(?:做好|开展|抓好|实施|完成|落实)"
                        r"|[，,]\s*(?:督促|检查|督查|排查|开展|进行|对[^，,；;。]{2,40}?(?:进行|开展|实施)))")
# 「X负责牵头…，各有关部门、镇人民政府根据各自职责做好…」: a later part of the sentence whose units do their own share
# of the work by their own duties: they take part in the task its subject leads
OWN_SHARE = re.compile(r"[，,]\s*(?P<who>[^，,；;。]{2,60}?)(?:要|应)?(?:根据|按照|按|依据)(?:各自|自身)(?:职责|职能)(?:分工)?"
                        r"(?=做好|抓好|落实|开展|配合|参与|负责|履行|承担)")


# 「X负责…。与Y、Z等有关部门密切配合进行…」: a later sentence with no subject of its own, the units its subject works
# beside take part
WORKS_BESIDE = re.compile(r"^(?:并|还|要|并要)?(?:与|同)(?P<who>[^，,；;。与同]{2,60}?)(?:密切|积极|紧密|相互|通力)?"
                          r"(?:配合|协作|合作|联动)")


def only_helps(rest: str) -> bool:
    """What a subject does is only to guide or help (「负责协助配合」), or to do its part in the work another leads,
    its modal aside (「要服从调度，密切配合，认真履责」, 「也要承担相应的责任与义务」)."""
    rest = rest.strip("，,。 ")
    if _SIDE_ONLY.fullmatch(rest):
        return True
    return _each_a_side_part(re.split(r"[，,、]\s*", re.sub(rf"^{MANNER}(?:要|应当|应|须|必须)", "", rest)))


def _each_a_side_part(phrases: list[str]) -> bool:
    """Every phrase guides or helps (「协助配合」) or is a unit's part in others' work (「服从调度」)."""
    return all(_SIDE_ONLY.fullmatch(p) or _PART_PHRASE.fullmatch(p) for p in phrases)


# 「…，确保普查工作的顺利进行」: the purpose closing a demand to work together
_PURPOSE = re.compile(r"[，,]\s*(?:以|从而)?(?:确保|保证|保障)[^，,；;。]*$")


def only_cooperates(rest: str) -> bool:
    """What a subject is asked is only to do its part and work with the others (「要按照各自职能，各司其职、通力协作、密切
    配合，确保…顺利进行」), its modal, its manner and the purpose aside: no work of its own."""
    rest = _PURPOSE.sub("", rest.strip("，,。 "))
    rest = re.sub(rf"^{MANNER}(?:要|应当|应|须|必须)?{MANNER}", "", rest)
    phrases = [p for p in re.split(r"[，,、﹑]\s*", rest) if p]
    return bool(phrases) and _each_a_side_part(phrases)


# 「会商自治区财政厅及有关部门」: the partners named, then the others concerned: an open list, as 「X等有关部门」 is
_AND_OTHERS = re.compile(r"[及和](?P<rest>(?:其他)?(?:有关|相关)(?:部门|单位))$")


def partners_with(duty: str, known: tuple[str, ...]) -> UnitList | None:
    """The units a duty opens by working with (「会同X、Y等部门制定…」): they take part; None when it names none."""
    if (w := _WITH.match(duty)) and (partners := unit_names(with_ := re.sub(r"[，,]\s*(?=以及)", "", w["with"]), known)):
        if (others := _AND_OTHERS.search(with_)) and len(partners) > 1 and partners[-1] == others["rest"]:
            return UnitList(with_, lead=partners[:-1], open_ended=True)  # 「会商X及有关部门」: X and the others
        return UnitList(with_, lead=partners, open_ended=parse_units(with_, known).open_ended)
    if (o := _ORGANISES.match(duty)) and (organised := _organised(o["who"], known)):
        return organised
    return None


def _organised(written: str, known: tuple[str, ...]) -> UnitList | None:
    """The units of a list a duty organises, people aside (「居民代表、社区单位、第三方评估机构等」); None when it names
    none, or holds words that are neither units nor people."""
    units = parse_units(written, known)
    names = [n for n in units.lead + units.participants if looks_like_unit(n)]
    doubted = [d for d in units.doubts if not d.startswith("not a unit: ") or not _PEOPLE.search(d)]
    return UnitList(written, lead=names, open_ended=units.open_ended) if names and not doubted else None


_PEOPLE = re.compile(r"(?:代表|群众|居民|村民|专家|志愿者|人员)$")  # those organised who are people, not units


_ASSISTING = re.compile(r"^(?:积极)?(?:配合|协助)(?P<whom>[^，,；;。]{2,30}?)(?=做好|开展|完成|推进|抓好|落实|实施|进行|搞好|组织)")


def assisted(duty: str, known: tuple[str, ...]) -> list[str] | None:
    """The named units a duty opens by helping (「配合区体育局做好…」): they lead it, the duty's holder takes part;
    None when it names none, or only collectives (「配合有关部门做好…」 keeps its holder)."""
    names = unit_names(m["whom"], known) if (m := _ASSISTING.match(duty)) else None
    return names if names and not any(map(collective, names)) else None


# 「由X主任负责召集，Y街道办事处主要负责人、Z办公室主任参加」, 「由X负责召集Y的主要负责人、…，每季度召开一次」: the people
# a meeting the clause's subject convenes brings together; the bodies whose posts they hold take part in its work
_ATTEND = re.compile(r"[，,](?P<who>[^，,；;。]{2,80}?)(?:参加|列席|出席)(?=[，,；;。]|$)"
                     r"|召集(?!人)(?P<called>[^，,；;。]{2,80}?)(?=[，,；;。]|$)")
_PEOPLE_OF = re.compile(r"[、，,]")
_AND = re.compile(r"[和及]")
_HEAD_WORD = re.compile(r"党政(?=[“\"]?一把手)|[“”\"]|的(?=[^的]{2,6}$)")  # 「党政“一把手”」, 「X的主要负责人」: the post as written


def attending_bodies(rest: str, known: tuple[str, ...]) -> list[str]:
    """The bodies whose people a convened meeting brings together (「…，Y街道办事处主要负责人参加」); [] when its people
    hold no post of a body (「各个项目指挥长、项目投资商」 name no body)."""
    bodies: list[str] = []
    for m in _ATTEND.finditer(rest):
        for person in (p for listed in _PEOPLE_OF.split(m["who"] or m["called"]) for p in _people(listed)):
            bodies += [b for b in holding_bodies(_HEAD_WORD.sub("", person), known) if b not in bodies]
    return bodies


def _people(listed: str) -> list[str]:
    """「X常务副主任和Y办公室主任」: two people joined where the first's post ends (a body's 和 stays in its name)."""
    for m in _AND.finditer(listed):
        if post_holder(listed[:m.start()]):
            return [listed[:m.start()], *_people(listed[m.end():])]
    return [listed]


# 「…，负责对…；…，配合卫生部门送定点医院，进行救治」, 「做好…救治工作，协助民政、公安、城管部门做好…」: a later clause of a
# unit's duty that opens by helping, no subject of its own: the holder keeps its work, the units it helps take part
_LATER_HELP = re.compile(r"^(?:并|同时|还|也|并要|还要|同时要)?(?:积极|主动)?(?:配合|协助)(?P<whom>[^，,；;。]{2,30}?)"
                         r"(?=做好|开展|完成|推进|抓好|落实|实施|进行|搞好|组织|查处|处置|处理|送(?!达))")


def helped_later(duty: str, known: tuple[str, ...]) -> list[str]:
    """The named units the later clauses of a duty help (its first clause aside: who helps there leads, `assisted`);
    collectives left out (「协助相关部门…」 names nobody)."""
    helped: list[str] = []
    for clause in re.split(r"[，,；;。]\s*", duty)[1:]:
        if m := _LATER_HELP.match(clause):
            helped += [n for n in unit_names(m["whom"], known) or [] if not collective(n) and n not in helped]
    return helped


# 「…，定点医院要开通绿色通道，确保…」: a body given its own demand inside another's duty; 「…。各区县城管大队、分局在辖区政府
# 领导下，积极发挥职能作用」: bodies working under another's lead on it
_SHARE_IN_DUTY = re.compile(r"^(?P<who>[^，,；;。：:“”\"]{2,30}?)(?:(?:要|应当|须|必须)(?![求点])"
                            r"|在[^，,；;。]{2,30}?(?:的)?(?:统一)?领导下(?:[，,]|$))")


def sharing_later(duty: str, known: tuple[str, ...], holders: list[str]) -> list[str]:
    """The named units a later clause of a unit's duty gives a share of it (its first clause aside: its subject is the
    duty's holder): they take part in the holder's task. Collectives left out (各有关单位要… names nobody)."""
    shared: list[str] = []
    for clause in re.split(r"[，,；;。]\s*", duty)[1:]:
        if (m := _SHARE_IN_DUTY.match(clause)) and (names := unit_names(m["who"], known)):
            names = [n for n in names if looks_like_unit(n) and not re.match(r"各?(?:有关|相关|其他|其它)", n)]
            shared += [n for n in names if n not in holders + shared]
    return shared
