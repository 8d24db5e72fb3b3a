"""Assignments written as sentences whose subject is the unit, and lines that name a unit before its duty.

- 「县发改局负责做好项目的立项审批；县财政局负责会同各项目主管部门抓好资金管理」: each clause whose subject
  is a list of units, followed by a modal or a verb of doing (要, 必须, 负责, 做好 …), is a task of those units
  (several subjects do it together); 「会同X」 right after the verb names a participant; a lead-in clause may
  stand before the subject (「围绕方案的实施，市督查办要…」, 「根据…，各乡镇负责…」).
- 「由X按照属地管理原则，建立…，Y加强督促指导」: 由 names the doer (a manner may stand before its verb; a topic
  before it, after a comma or quoted: 「“河长制”由X组织实施」); a later clause whose subject is a unit and whose verb
  guides or takes part (lexicon.yaml) names a participant;
- 「园区成立开发公司，在园区办的指导下，负责…」: the body set up is the subject, the one it works under guides;
- 「商委：协调公安、供销社做好…」: a line that starts with a unit's name and a colon, then a duty;
- 「…，X、Y将负责…」, 「X、Y牵头实施…」: a subject whose verb makes it lead or answer for the work, after a sentence's
  lead-in clauses too, assigned wherever it stands (`assigned_subjects`).
Every name must read as a unit (lexicon.yaml's unit grammar); anything else is no assignment.
"""
from __future__ import annotations

import re

from . import timing
from .lexicon import alternation, is_person, lexicon, post_holder
from .meetings import held_meeting
from ..ownnumbers import MARK
from .unitnames import UnitList, holding_bodies, looks_like_unit, parse_units

# What follows a subject that does something: a modal, or a verb of assigned work.
# (负责人, 负责同志 are people: 「成员为X科室负责人」 names no subject doing something; 负责人口普查 is a verb)
_DOING = (r"(?<!主)要|应当|应(?![急用对届])|须|必须|务必|务(?=于)|将|可(?=根据|按照|结合|参照|依据|视|自行|适当)|负责(?!人(?![口民才事])|同)|負責(?!人(?![口民才事])|同)|牵头|带头|高度重视|具体负责|做好|抓好|抓紧|加强|加快|(?<!党)组织|制定|制订|开展|聚焦|协调|督促|指导|会同|"
          r"承担|落实|履行(?=[^，,；;。]{0,12}?职责)|(?:深入)?对接(?![会])|完成|配合|参与|协助|保障|处置|是(?=[^，,；;。]{0,40}?(?:责任主体|第一责任单位|第一责任人))"  # 「X是…的责任主体」
          r"|统筹(?=协调|推进|谋划|安排|指导|部署)|联系(?=和协调|、协调)|指挥(?=协调|调度)|联合(?=[^，,；;。]{2,40}?开展)"  # 「领导小组统筹协调…」 (统筹办 is a body's name)
          r"|(?:实施|进行)(?=(?:全面|专项)?(?:监察|监督|检查|督查))"  # 「X对…实施监察」, 「X对…进行全面检查」: the object before (_ABOUT)
          r"|的(?:主要)?(?:工作)?职责(?:是|为|包括)")  # 「市红办的主要职责是：…」: its duties follow
# 「综合执法局作为园区管理牵头部门，负责…」, 「领导小组办公室设在X处，具体负责…」, 「园区办为园区日常办事机构，负责…」,
# 「专家咨询委员会，由…专家组成，负责…」: the subject's standing, seat or members, between it and its verb, and who holds
# its posts (「…办公室设在市教育局，办公室主任由X同志兼任，副主任由Y同志兼任，主要负责…」);
# 「区派出所及时处置…」: a manner before the verb
_STANDING = (r"(?:[，,]?(?:(?:作为|设在)[^，,：:；;。“”\"]{2,30}?|为[^，,：:；;。“”\"]{2,30}?(?:机构|单位|部门|机关)"
             r"|由[^，,：:；;。“”\"]{2,30}?组成)[，,])?"
             r"(?:[^，,：:；;。“”\"由]{0,10}?由[^，,：:；;。“”\"]{2,30}?(?:兼任|担任)[，,])*")
_N = r"[\d一二三四五六七八九十]{1,2}"
# 「X每月10日前要…」, 「X每季度初15日前应…」, 「X每两月将…」, 「X于2021年2月3日前…」, 「X每年11月底前将…」: a time between
# subject and verb
_WHEN = (rf"(?:于|在)?(?:每(?:[一二两兩三四五六]个?)?(?:月|季度|季|年|周|半年)|每[单單双雙]月)(?:初|末|底)?(?:{_N}日)?(?:前|之前)?"
         rf"|(?:于|在)?(?:\d{{4}}年|每年)?(?:{_N}月)?{_N}日(?:前|之前)|(?:于|在)?(?:\d{{4}}年|每年)?{_N}月(?:底|末)?(?:前|之前)"
         r"|会后")  # 「各单位会后抓紧…」
# 「各乡镇在制定本级方案时，要…」: the circumstance of the demand, between its subject and its modal (and 「X按职责分工
# 做好…」: the manner, as 切实)
_WHILE = r"在[^，,；;。“”\"]{1,30}?(?:时|过程中|期间|之际)"
# (「市农业、林业、水利部门按归口原则分别负责…」: the principle its share follows, and 分别: each its own share)
_MANNER = (rf"(?:还|也|亦|均|都|就)?(?:(?:{_WHEN}|{_WHILE})[，,]?)?(?:一定|及时|切实|积极|认真|全面|主动|依法|统一|主要|具体|严格(?=落实|履行)|拟"
           rf"|(?:按照?|依据|根据)(?:各自|自身)?(?:职责|职能)(?:分工)?|按[^，,；;。]{{1,6}}?(?:原则|分类))?(?:分别)?")
# (「X确定一名分管领导」: a subject's own choice; after 由 it is a procedure, 「由X、Y等部门确定并告知」)
# 「开发公司在园区办的指导下，负责…」: who guides the subject, between it and its verb
_UNDER = r"(?:[，,]?在(?P<under>[^，,：:；;。“”\"]{2,30}?)的?(?:指导|领导|监督)下[，,]?)?"
# 「请各县区于3月底前…」: a notice's request opens with 请 before its subject; 「特别是牵头单位要…」: a stress before it;
# 「会议强调，一是各级政府要…」: a point's count before it (the next point on a later line, not cut as a run)
OPENING = r"(?:请|特别是|尤其是|[一二三四五六七八九十]{1,2}是(?=[\u4e00-\u9fff]))?"
# 「县政府分线领导对领办的重点工作任务要牵头抓总」: what the subject's demand is about, between it and its modal
# (「X对其派出机构负责人的考核，应听取…」: a comma after it too)
_ABOUT = r"(?:对[^，,：:；;。“”\"]{2,30}?(?=[，,]?(?:要(?![求点])|应|须|必须|务必|(?:实施|进行)(?:全面|专项)?(?:监察|监督|检查|督查))))?"
# 「水利部、流域管理机构和省级水行政主管部门，按照《…指导意见》，加快建立…」: the rule the subject works by, between
# it and its verb (「X根据市里统一要求和相关程序，按照…原则，协调…」: two such clauses, grounds 根据 without a comma;
# 「X按照…要求，加强…」 without one describes how X works, and assigns nothing; 「X结合全市检查，组织…」 as 根据)
_BY_RULE = (r"(?:[，,]?\s*(?:依据|根据|结合)[^，,；;。]{2,60}?[，,])?"
            r"(?:(?:(?<=[，,])|[，,])\s*(?:按照|依照|依据|根据)[^，,；;。]{2,60}?[，,])?")
# what may follow a subject, then its verb (「X确定一名分管领导」: its own choice; 「县局确定，全县以…为重点」: a decision
# the issuer announces, what it decided after the comma, no work of the subject's)
_VERB_AFTER = rf"{_STANDING}{_UNDER}{_BY_RULE}{_ABOUT}[，,]?\s*(?={_MANNER}(?:{_DOING}|确定(?![，,：:])))"
_SUBJECT = re.compile(rf"^{OPENING}(?P<subject>[^，,：:；;。“”\"]{{2,120}}?){_VERB_AFTER}")
# 「X领导小组办公室（以下简称处非办）要…」, 「X领导小组（以下简称“领导小组”）的主要职责是…」: a name the document defines is
# whole up to its definition, whatever verb words stand inside it (处置, 组织)
_DEFINED_SUBJECT = re.compile(rf"^{OPENING}(?P<subject>[^，,：:；;。“”\"()（）]{{2,60}}[(（](?:以下简称|下称|简称)[^()（）]{{1,20}}"
                              rf"[)）]){_VERB_AFTER}")
# 「县委组织部要…」, 「各任务牵头单位要…」, 「综合协调组」: a verb word followed by a body's ending is part of the
# subject's name (「负责组织…」: 组织, 组成, 组建 are verbs, no 组's name)
_NAME_TAIL = re.compile(rf"(?:{_DOING})[)）]?(?:责任)?(?:单位|部门|[局委办厅部院处科股队署]|组(?![织成建]))(?=[^：:；;。“”\"])")
# 「园区成立开发建设公司，负责…」, 「推进委员会下设各专项行动工作组，负责…」, 「…，成立X领导小组，负责…」: the body set
# up is the subject
_SET_UP = re.compile(r"^[^，,]{0,20}?(?:设立|成立|组建|下设)(?P<body>[^，,]{2,40})$")
# 「由X按照属地管理原则，建立…」: 由 names the doer outright, so a manner (按照…原则) may stand before the verb
_BY = re.compile(rf"^由(?P<subject>[^，,：:；;。“”\"]{{2,40}}?)(?:(?:按照|依照|根据|按)[^，,；;。]{{0,12}}?"
                 rf"(?:原则|要求|规定|职责|分工|程序)[，,]?)?\s*(?={_MANNER}(?:{_DOING}|{lexicon().partner_words}"
                 rf"|建立|健全|完善|实施|推进|推动|进行|(?:汇总|综合|审核)后?(?:向|报)"
                 rf"|报[^，,；;。]{{1,12}}?(?:批准|审批|审定|同意)))")  # 「由X按程序报总指挥批准后，…」
# A completed act: a verb's 了 (not 为了, 除了, 了解) or 业经 - a sentence telling what was done assigns nothing
DONE = re.compile(r"(?<![为除])了(?!解)|业经(?!济)")  # 工业经济 is no 业经
# 「领导小组下设办公室，办公室设在经济发展局，主要负责…」: the office of the group, seated in a body, is the subject
_OFFICE_SET_UP = re.compile(r"^(?P<group>[^，,：:；;。“”\"]{2,40}?)下设(?P<office>办公室|工作专班)[，,]\s*(?:(?P=office))?(?=设在)")
# A later clause of the same sentence whose subject guides or takes part: 「…，Y加强督促指导」
_SIDE_WORDS = "|".join(sorted((w for w, r in lexicon().verbs.items() if r in ("guide", "participant")), key=len, reverse=True))
_SIDE_OPENER = "加强|负责|做好|搞好|积极|切实|主动|紧密|密切"  # (「…，各部门紧密配合，…」: a manner before the verb)
_SIDE = re.compile(rf"(?:^|[，,])(?P<who>[^，,；;。]{{2,30}}?)(?:{_SIDE_OPENER})?(?P<verb>{_SIDE_WORDS})(?=[，,；;。]|$)")
# 「Y负责指导协调」, 「Z负责协助配合」: a clause whose whole work is to guide or help (the task before it)
_SIDE_ONLY = re.compile(rf"(?:具体负责|{_SIDE_OPENER})?(?:{_SIDE_WORDS})(?:协调|配合|工作)?")
_PART_PHRASE = re.compile(rf"(?:{lexicon().part_phrases})")
# 「交通运输局配合各镇做好技术指导」: the units helped lead, the subject helping takes part
_HELPS = re.compile(r"^(?:配合|协助)(?P<helped>[^，,；;。]{2,40}?)(?=做好|抓好|开展|推进|落实|完成|实施|加强|组织|进行|搞好"
                    r"|负责(?!人|同志))")  # 「民宗部门协助城市管理等有关部门负责对…进行查处」
# 「X指挥协调、Y负责牵头…」: the subject directs, the units after the 、 lead the work (the model keeps a guide as a participant)
_GUIDES_THEN = re.compile(r"^(?:指挥协调|统筹协调|综合协调|指导协调)、(?P<who>[^，,；;。、]{2,30}?)(?=负责牵头|牵头负责)")
# 「…联合X、Y等单位在全区范围内开展…」: where the work is done may stand between the partners and the verb
# (「由X牵头，会同Y、Z组成督查组」: after 牵头 too)
_WITH = re.compile(rf"^(?:要|须|必须)?(?:负责|牵头[，,]?\s*)?(?:{lexicon().partner_words})(?P<with>[^，,；;。]{{2,80}}?)"
                   r"(?:在[^，,；;。]{2,12}?[内中])?"
                   r"(?=抓好|做好|共同|研究|加快|建立|完善|制定|制订|编制(?![委办])|组成|开展|推进|落实(?![办局委])|加强|组织(?!部)|负责|完成"
                   r"|办理|进行|做|抓|确定|印发|[，,]?对[^，,；;。]{2,40}?(?:进行|开展|实施))")  # 「会同X和Y，对…进行检查」, 「会同X对…进行督导」
# 「组织相关部门、单位开展排查」, 「由X组织居民代表、社区单位等进行评议」, 「负责组织所辖村(社区)开展自查」: the units a
# duty organises to do its work take part in it (the people among them, 居民代表, are no units and are left out)
_ORGANISES = re.compile(rf"^(?:要|须|必须)?(?:负责)?(?:牵头)?(?:{lexicon().gathering_words})(?:所辖)?(?P<who>[^，,；;。]{{2,60}}?)"
                        r"(?=开展|进行|参加|参与|实施|做好|抓好|落实|完成|细化|制定|制订|推动|推进)")
# 「X负责牵头…，各有关部门、镇人民政府根据各自职责做好…」: a later part of the sentence whose units do their own share
# of the work by their own duties: they take part in the task its subject leads
_OWN_SHARE = re.compile(r"[，,]\s*(?P<who>[^，,；;。]{2,60}?)(?:要|应)?(?:根据|按照|按|依据)(?:各自|自身)(?:职责|职能)(?:分工)?"
                        r"(?=做好|抓好|落实|开展|配合|参与|负责|履行|承担)")
# 「各镇人民政府、街道办事处，区政府有关部门和单位要…」: collectives, a comma, then more and their verb
_COLLECTIVES_THEN = re.compile(r"^(?P<first>[^，,：:；;。“”\"]{2,60})[，,]\s*")
# 「围绕方案的实施，市督查办要…」, 「根据…，各乡镇负责…」: a sentence's lead-in, its subject after the comma
# (「他们明确辖区责任制，各管区责任人负责…」: the system the assignments after it make up; 「下一步，X镇将…」: when)
_LEAD_IN = re.compile(r"^(?:围绕|根据|按照|依照|依据|结合|针对|对照|为了|为|下一步|接下来|今后"
                      r"|在[^，,]{2,20}?(?:领导|指导|统筹|部署)下"  # 在X领导下，
                      r"|要加[大强][^，,]{2,10}?(?=[，,])"  # 「要加大督查力度，X对…实施监察」: the point's heading demand
                      r"|[^，,]{0,8}?(?:明确|建立)[^，,]{0,12}?(?:责任制|分工|联络员制度)(?=[，,]))")
# 「对逾期未整改的，新区将实施约谈」: the cases the subject after the comma acts on. Read only where the demands are all
# a document asks (`anyone`): beside a division of work, 「对…不力的，县纪委监委将…问责」 is the sanction on carrying it
# out, a requirement (corpus truth rule 1)
_CASES_LEAD_IN = re.compile(r"^对于?[^，,]{2,40}?的[^，,]{0,12}(?=[，,])")
# 「市政府希望各区政府(管委会)高度重视…」, 「县委要求各乡镇…」: the body asking, then the units it asks;
# 「项目实施结束后各镇(街)要…」: when, with no comma, then the units
# a speech's point 「要求交通运输局配合…」: who asks was said before; 「会议要求安监部门…」: the meeting asks
_ASKED = r"^(?:会议|会上)?(?:希望|要求)|^(?:会议|会上)(?:强调|指出)"  # 「会议强调三个街道要…」: no comma after it
_BEFORE_UNITS = re.compile(rf"^[^，,。：:；;“”\"]{{2,15}}?(?:希望|要求|以后|之后|后|以前|之前|期间)(?=各|全|有关|相关)|{_ASKED}")
# 「会议…，要求各站所要…」: a meeting's demand on the units named after 要求 (a news report of what a meeting asked);
# 「马子兴强调，全市各级各部门要…」, 「在听取…汇报后，周建平要求：…，X、Y要…」: a speaker's
# 「于学利…做出批示：“海洋局认真抓紧整改，…”」: a leader's words quoted after the colon
_QUOTED_WORDS = r"(?:批示|指示|强调|指出|要求)[：:]\s*[“\"]"
_REPORTED = re.compile(rf"[，,]\s*(?:会议)?(?:要求|强调)|(?:^|[，,])[^，,。]{{1,15}}?(?:强调|指出|要求)[，,：:]|{_QUOTED_WORDS}"
                       rf"|(?:指出|强调)[，,]"
                       rf"|{_BEFORE_UNITS.pattern}")
# where the subject of such a sentence may start: after a comma (and a meeting's 要求), or after what stands before it
_SUBJECT_STARTS = re.compile(rf"[，,]\s*(?:(?:会议)?(?:要求|强调))?|{_QUOTED_WORDS}|{_BEFORE_UNITS.pattern}")
# 由 opening a later part of the clause (after a comma, or right after a quoted or titled topic: 「“河长制”由X组织实施」,
# 「《清单》和《目录》由X会同Y进行解释」): what stands before is the topic
# 「新兴行业按照…原则由X负责」, 「门前三包任务由X负责实施」 too
_LATER_BY = re.compile(r"[，,]\s*(?=由)|(?<=[”\"》])(?=由)|(?<=原则|任务|工作|事项|名单|方案|清单|计划)(?=由)")
_COLON_LINE = re.compile(r"^(?P<unit>[^：:，,。；;\s“”]{2,20})[：:]\s*(?P<duty>.{6,})$")
_DUTY = re.compile(r"负责|负[^，,。；;]{0,4}责任|牵头|制订|制定|协调|组织|做好|抓好|加强|督促|指导|开展|落实|推进|承担")  # (负主要责任: a duty as 负责 is)
# Collectives alone (各…, 有关…) as a sentence's subject: a requirement on everyone, unless the sentence is
# an item of a numbered list (then the list divides the work, and this item goes to them).
# 「财政部、税务总局牵头实施…」, 「…，X、Y将负责…」: units and a word that makes them lead or answer for the work,
# right after them (a 将 of the future aside)
_ASSIGNING = [w for w, role in lexicon().verbs.items() if role in ("lead", "joint", "separate", "responsible")]
_ASSIGNS = re.compile(rf"(?:将|还将|也将)?(?P<verb>{alternation(_ASSIGNING)})")
# a word that makes a list of units lead together (「X、Y牵头…」, 「X、Y共同负责…」): without one, the first listed leads
_LEAD_WORDS = alternation(w for w, role in lexicon().verbs.items() if role in ("lead", "joint"))
_LEADS_TOGETHER = re.compile(rf"^(?:{_MANNER})?(?:要|应当|应|须|必须|务必|将|还将|也将)?(?:{_LEAD_WORDS})")
_ALL = re.compile(r"^(?:各|有关|相关|全体|所有)")
_PLACED_ALL = re.compile(r"^[^各，,、]{1,8}?(?:各|有关|相关)")  # 「经开区各级」, 「立山区直各部门」, 「武隆区级有关部门」
# A holder named by its role in the division or in a project, not by its name (牵头单位, 各责任单位, 配合部门, 建设单位)
DIVISION_ROLE = r"(?:牵头|责任|配合|协办|会办|参与|成员|主办|承办)(?:责任)?(?:单位|部门)"  # (not a project's: 建设单位)
ROLE_HOLDER = rf"(?:{DIVISION_ROLE}|(?:建设|施工|监理|业主|设计|勘察)单位)"

# 「各牵头单位的具体实施方案务于…前报送」: a body's paper to be sent; the body is who sends it
_OWNED = re.compile(r"^(?!全)(?P<holder>[^，,的]{2,30}?)的[^，,的]{0,10}?(?:方案|计划|材料|报告|总结|清单|台账)$")
# 「各项工作任务的主要责任单位」: a role holder named with the work it holds; the holder is the name
_QUALIFIED_HOLDER = re.compile(rf"^[^，,、的]{{2,16}}的(?P<holder>(?:主要|其他)?{ROLE_HOLDER})$")


# 「各县(区)、某某开发区和市安委会有关成员单位要…」: places (a zone is one) and a collective of departments or units,
# levels and departments each doing its share (truth rule 5); places alone (「各乡(镇)政府、街道办事处、龙安管委会要…」)
# are no such list: with no lead word the first leads
_PLACE_BODY = re.compile(r"(?:管委会|人民政府|政府|街道办事处|开发区|经开区|高新区|园区|新区)$")
_DEPARTMENTS = re.compile(r"(?:部门|单位)$")


# 「市双拥工作领导小组各成员单位」: all the member bodies of a group, however long the group's name
_MEMBERS = re.compile(r"各(?:成员|有关|相关)?(?:单位|部门|处室|科室|站所)$")


def collective(name: str) -> bool:
    """All bodies of a kind or place (各地, 有关部门, 经开区各级, 三区, X领导小组各成员单位), each doing its own
    share of a task."""
    return bool(_ALL.match(name) or _PLACED_ALL.match(name) or lexicon().counted_places.match(name)
                or _MEMBERS.search(name))


def _bodies_only(name: str) -> bool:
    """A collective of departments or units (各级民政部门, 相关单位, 科室), not of places or levels (各地, 各级, 各乡镇政府):
    listed with others of its kind, it does not make each of them do its own share."""
    return lexicon().fold(name).endswith(lexicon().body_collective_ends)


def _own_shares(rest: str) -> bool:
    """What a list does, said to be each one's own (「分别负责…」, 「将本部门(单位)完成任务的进展情况…」)."""
    return bool(_EACH_OWN.match(rest)) or any(w in lexicon().fold(rest) for w in lexicon().own_share_words)


_EACH_RELATED = re.compile(r"^各(?:有关|相关)(?:部门|单位)$")  # 「2. 各相关单位要加强配合」: an item's addressees
_ANYONE = re.compile(r"^(?:各|有关|相关)(?:有关|相关|级)?(?:部门|单位|方面|地|地区)$")  # 「各部门」: nobody in particular


# 「请交通局按照整改要求，尽快销号」: 请 addresses the units after it, whatever verb the request goes on with
# (not 结合实际: the closing formula); 「要求各单位主要负责同志时刻掌握…」: a demand on whoever follows 要求 too
_REQUESTED = re.compile(r"^(?:请|要求)(?P<subject>[^，,：:；;。“”\"]{2,30}?)(?=按照|依照|根据|对照|尽快|抓紧|务必|立即|时刻|始终)")


# 「X、Y分别负责…」, 「X和Y依据自身职能履行…职责」: each its own share
# 「X、Y要相互配合」, 「…要各司其职」: a list working together (lexicon.yaml working_together)
_TOGETHER = re.compile(alternation(lexicon().working_together))
_EACH_OWN = re.compile(r"[^，,；;。]{0,12}?(?:分别|(?:依据|根据|按照?)(?:各自|自身)(?:职责|职能))(?=负责|承担|做好|抓好|落实|履行)"
                       r"|(?:负责|承担|做好|抓好|落实)对?各自(?=[\u4e00-\u9fff])"  # 「X、Y负责对各自行业…」
                       r"|(?:负责|承担|做好|抓好|落实)(?:组织)?本(?:辖区|行政区域)")  # 「X、Y负责组织本辖区…」: each its own area


def _levels_and_departments(names: list[str]) -> bool:
    """A collective first, places after it, and among them a collective of departments or units."""
    return collective(names[0]) and all(_all_of_kind(n) or _PLACE_BODY.search(n) for n in names) \
        and any(_all_of_kind(n) and _DEPARTMENTS.search(n) for n in names[1:])


_FUNCTIONAL = re.compile(r"^职能(?:部门|部門|单位|單位)$")


def _all_of_kind(name: str) -> bool:
    """A collective, or 「职能部门」 listed after places (「各镇(区、街道)、职能部门要…」: all the functional departments; not
    a collective alone, where 「职能部门对其派出机构…」 is a topic's holder)."""
    return collective(name) or bool(_FUNCTIONAL.match(name))


def _list_mode(names: list[str], rest: str) -> str:
    """How a subject list shares the work the rest of its sentence gives, before truth rule 5 settles a joint one:
    first (one unit; a department, then collectives alone: 「市城管局和各区政府要…」), separate (collectives alone, or
    levels and departments; 「分别」, 「依据各自职责」) or joint."""
    if len(names) == 1:
        return "first"
    if all(map(collective, names)) or _levels_and_departments(names):
        mode = "separate"
    elif names[0][-1] in lexicon().body_ends and all(map(collective, names[1:])):
        return "first"
    else:
        mode = "separate" if _EACH_OWN.match(rest) else "joint"
    if mode == "separate" and all(map(_bodies_only, names)) and not _own_shares(rest):
        mode = "first"  # 「各级民政部门和相关单位要…」: departments and units, no place or level: the first leads
    if mode != "first" and not all(map(collective, names)) and _TOGETHER.search(rest):
        mode = "first"  # 「X、Y、Z要相互配合」: working together names no lead: the first leads, the others take part
    return mode


def list_roles(names: list[str], rest: str, open_ended: bool) -> tuple[list[str], list[str], str]:
    """(leads, participants, mode) of a subject list: with no lead word after it (牵头, 共同负责 …) the first listed
    leads and the others take part (truth rule 5: 「X、Y要…」, 「X、Y负责…」, an open 「X、Y等部门要…」)."""
    mode = _list_mode(names, rest)
    if mode == "joint" and (first := _leading_collectives(names)):
        # 「各级各部门和X企业要…」: no lead word, the collectives listed first lead, each its share; the others take part
        return first, names[len(first):], "separate" if len(first) > 1 else "first"
    if mode == "joint" and (not _LEADS_TOGETHER.match(rest)
                            or open_ended and re.match(rf"{_MANNER}(?:要|应当|应|须|必须|务必)", rest)):
        mode = "first"
    return (names[:1], names[1:], mode) if mode == "first" else (names, [], mode)


def subject_match(clause: str) -> re.Match | None:
    """A clause's subject and the verb after it; a verb word that opens the end of a body's name (组织部, 牵头单位)
    does not end the subject."""
    m = _REQUESTED.match(clause) or _DEFINED_SUBJECT.match(clause) or _SUBJECT.match(clause)
    while m and (tail := _NAME_TAIL.match(clause, m.end("subject"))):
        longer = re.compile(rf"^{OPENING}(?P<subject>{re.escape(clause[m.start('subject'):tail.end()])}"
                            rf"[^，,：:；;。“”\"]{{0,120}}?){_VERB_AFTER}")
        m = longer.match(clause) or m
        if m.end("subject") < tail.end():
            break
    return m


def _units(subject: str, known: tuple[str, ...]) -> list[str] | None:
    """The names of a subject, or None unless every one reads as a unit."""
    if lexicon().verb_tail.search(subject) or _LEAD_IN.match(subject):
        return None  # 「X牵头」 closing the subject: a note, read elsewhere; 「为率先全面建成小康社会，…」: a lead-in
    units = parse_units(subject, known)
    names = units.lead + units.participants
    # 「各市级水行政主管部门联络员」: a body's person
    # (「各村居防控负责人、信息报告员」: people of no body of their own, after a body's person, serve that body)
    held = all(set(holding_bodies(p, known)) & set(names) for p in units.leaders if post_holder(p) or p == units.leaders[0])
    return names if names and not units.doubts and held and units.how == "bare" else None


def _subject(m: re.Match, known: tuple[str, ...]) -> str:
    """The subject a match names: the body it sets up when it does so (「园区成立开发建设公司」 → 开发建设公司), the role
    holder a qualifier names (「各项工作任务的主要责任单位」 → 主要责任单位)."""
    subject = m["subject"]
    set_up = _SET_UP.match(subject)
    if set_up and _units(set_up["body"], known):
        return set_up["body"]
    if (owned := _OWNED.match(subject)) and _units(owned["holder"], known):
        return owned["holder"]
    return held["holder"] if (held := _QUALIFIED_HOLDER.match(subject)) else subject


# 「…提出了三点要求：一、…；二、…；三、区安置办要…」, 「…；四是县政府督查室要…」: a list's mark opening a clause
# inside a paragraph
_INLINE_MARK = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、．.]|[一二三四五六七八九十]{1,2}是(?=[\u4e00-\u9fff“])"
                          r"|[(（](?:[一二三四五六七八九十]{1,3}|\d{1,2})[)）]|\d{1,2}[、．.](?!\d)|[①②③④⑤⑥⑦⑧⑨⑩])\s*")


def subject_clauses(text: str, known: tuple[str, ...] = (), numbered: bool = False,
                    anyone: bool = False) -> list[tuple[str, UnitList]]:
    """(clause, units) for each clause of a paragraph whose subject is a list of units doing something. Collectives
    alone (各地要…) are read in a numbered item, unless it introduces the list below it (「…。其职责分工为：」); of those
    naming nobody in particular, 「各相关单位」 or two named together (「各部门各单位要…」: all addressed, each its
    share) in a numbered item, the others only when `anyone` is asked for (a notice that divides its work nowhere
    else). Collectives alone each do their own share (separate)."""
    out: list[tuple[str, UnitList]] = []
    if numbered and text.rstrip().endswith(("：", ":")):
        return out  # 「各部门要各司其职…。其职责分工为：」: the item introduces the division below it
    for clause in (part for c in re.split(r"[；;。]", text) for part in _own_subject_parts(c, known)):
        clause = _INLINE_MARK.sub("", clause.strip("，, "))
        if not _BY.match(clause) and (by := _LATER_BY.search(clause)) \
                and (first := _earlier_subject(clause[:by.start()], known, numbered, anyone or numbered)):
            # 「…，各单位要在2月29日前完成汇总，待…后，由市政府督查室统一组织上传」: two subjects, two clauses
            out.append((clause[:by.start()].strip("，, "), first))
            clause = clause[by.end():]
        written, clause = clause, _OFFICE_SET_UP.sub(r"\g<group>\g<office>", clause)  # read so, kept as written
        head, m = 0, _BY.match(clause)
        if not m:  # 「关于X的问题，由Y会同Z研究提出落实意见」 (the first 由 naming units: 「由X领导及邀请对象…」 names none)
            head, m = next(((by.end(), found) for by in _LATER_BY.finditer(clause)
                            if (found := _BY.match(clause[by.end():])) and _units(found["subject"], known)), (0, None))
        assigned = m is not None  # 由 assigns outright: no requirement of a covering notice
        m = m or subject_match(clause)
        if not (m and _units(_subject(m, known), known)) and (_LEAD_IN.match(clause) or _REPORTED.search(clause)
                                                              or anyone and _CASES_LEAD_IN.match(clause)):
            # 「围绕…，市督查办要…」, 「会议传达了…，要求各站所、科室要…」
            head, m = next(((c.end(), s) for c in _SUBJECT_STARTS.finditer(clause)
                            if (s := subject_match(clause[c.end():])) and _units(_subject(s, known), known)), (0, m))
        if not (m and _units(_subject(m, known), known)) and (founded := _founded(clause, known)
                                                              or _approved_draft(clause, known) or _holds(clause, known)):
            out.append((written, founded))
            continue
        listed: list[str] = []
        if not (m and _units(_subject(m, known), known)) and (pair := _COLLECTIVES_THEN.match(clause)) \
                and (listed := _units(pair["first"], known) or []) and all(map(collective, listed)) \
                and (later := subject_match(clause[pair.end():])) \
                and all(map(collective, _units(_subject(later, known), known) or [""])):
            head, m = pair.end(), later  # 「各镇人民政府、街道办事处，区政府有关部门和单位要…」: one subject over a comma
        if not m or not (names := _units(subject := _subject(m, known), known)):
            continue
        if listed and head:
            names, subject = listed + names, clause[:head] + subject
        rest = clause[head + m.end():]
        if DONE.search(re.sub(r"“[^”]*”", "", rest)):  # 「…起草了《…》」: background (a quoted 「定了就干」 is none)
            continue
        if out and _only_helps(rest):
            # 「…，由X负责牵头答复。Y负责指导协调，Z负责协助配合。」: units that only guide or help the task before
            out[-1][1].participants += [n for n in names if n not in out[-1][1].lead + out[-1][1].participants]
            continue
        answerable = rest.startswith("是")  # 「各县（市、区）政府是…的责任主体」: named to answer for it, as 由 names
        dated = numbered and any(f.date for f in timing.find(rest, 2000))  # 「二、各单位于5月10日前报送…」: a dated demand
        if any(_ANYONE.match(n) and not (anyone or numbered and (_EACH_RELATED.match(n) or len(names) > 1 or dated))
               for n in names) \
                or all(_ALL.match(n) for n in names) and not (numbered or answerable):
            continue
        written_units = parse_units(subject, known)
        lead, others, mode = list_roles(names, rest, written_units.open_ended)
        units = UnitList(subject, lead=lead, participants=others, mode=mode, how="by" if assigned else "verb")
        units.open_ended, units.leaders = written_units.open_ended, written_units.leaders
        if "under" in m.groupdict() and m["under"] and (guides := _units(m["under"], known)):
            units.participants = [g for g in guides if g not in names]  # the model keeps a guide as a participant
        if (led := _GUIDES_THEN.match(rest)) and (leads := _units(led["who"], known)):
            units.lead, units.participants, units.mode = leads, names, "first"  # 「X指挥协调、Y负责牵头…」: X guides
        if (h := _HELPS.match(rest)) and (helped := _units(h["helped"], known)):
            units.lead, units.participants = helped, [n for n in names if n not in helped]
            units.mode = "first" if len(helped) == 1 else "separate" if all(map(collective, helped)) else "joint"
            units.open_ended |= parse_units(h["helped"], known).open_ended  # 「协助X等有关部门」
        if partners := partners_with(rest, known):
            units.participants = [p for p in partners.lead if p not in names]
            units.open_ended |= partners.open_ended  # 「会同X、Y等部门」
        for later in re.finditer(r"[，,]\s*(?=组织|会同)", rest):  # 「X要加强统筹，组织有关科室细化分工」: organised later on
            # (「X负责确定…，会同Y对…进行审核」: a later part worked on with Y, who takes part)
            if organised := partners_with(rest[later.end():], known):
                units.participants += [p for p in organised.lead if p not in names + units.participants]
        units.leaders += [p for p in [*_in_person(rest), *signers(rest), *_heads(rest)] if p not in units.leaders]
        for side in _SIDE.finditer(rest):  # 「…，飞仙关乡人民政府加强督促指导」: a guide (or a partner) of the task
            if (others := _units(side["who"], known)) and not units.participants:
                units.participants = [p for p in others if p not in names]
        for share in _OWN_SHARE.finditer(rest):
            if others := _units(share["who"], known):
                units.participants += [p for p in others if p not in names + units.participants]
        out.append((written, units))
    return out


def _only_helps(rest: str) -> bool:
    """What a subject does is only to guide or help (「负责协助配合」), or to do its part in the work another leads,
    its modal aside (「要服从调度，密切配合，认真履责」, 「也要承担相应的责任与义务」)."""
    rest = rest.strip("，,。 ")
    if _SIDE_ONLY.fullmatch(rest):
        return True
    phrases = re.split(r"[，,、]\s*", re.sub(rf"^{_MANNER}(?:要|应当|应|须|必须)", "", rest))
    return all(_SIDE_ONLY.fullmatch(p) or _PART_PHRASE.fullmatch(p) for p in phrases)


def _leading_collectives(names: list[str]) -> list[str]:
    """The collectives opening a list that goes on with companies only (「各级、各部门、X企业」: the administrations
    each do their share, the companies take part; a zone or a place's body after them does its own share); []
    otherwise."""
    k = next((i for i, n in enumerate(names) if not collective(n)), len(names))
    return names[:k] if 0 < k < len(names) and all(_COMPANY.search(n) for n in names[k:]) else []


_COMPANY = re.compile(r"(?:企业|公司)$")


def partners_with(duty: str, known: tuple[str, ...]) -> UnitList | None:
    """The units a duty opens by working with (「会同X、Y等部门制定…」): they take part; None when it names none."""
    if (w := _WITH.match(duty)) and (partners := _units(w["with"], known)):
        return UnitList(w["with"], lead=partners, open_ended=parse_units(w["with"], known).open_ended)
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
    names = _units(m["whom"], known) if (m := _ASSISTING.match(duty)) else None
    return names if names and not any(map(collective, names)) else None


# 「成立滑坡治理工程领导小组，???镇长任组长」, 「成立以县长为组长的X领导小组」: a body set up by a clause with no
# subject does the clause's work, the person who heads it its leader
# (after a lead-in: 「为切实做好创文工作，…，特成立X领导小组，由党委书记任组长，党委副书记、镇长任常务副组长」)
_FOUNDED = re.compile(r"^(?:[^，,；;。]{2,30}[，,])*?(?:特|现|决定|研究决定)?(?:成立|组建|设立)"
                      r"(?:以(?P<head>[^，,；;。]{2,12}?)为(?:组长|总指挥|指挥长|主任)的)?"
                      r"(?P<body>[^，,；;。“”\"]{2,40}?)(?=[，,]|$)")
# 「，负责…」, 「，统一领导我镇防汛工作」: the work a body set up after a lead-in is given
_FOUNDED_FOR = re.compile(r"[，,]\s*(?:统一|全面)?(?:负责|领导|指挥|统筹|协调)")
_HEADED_BY = re.compile(r"[，,][^\u4e00-\u9fff]*由?(?P<head>[\u4e00-\u9fff、]{2,12}?)任(?:常务)?副?(?:组长|总指挥|指挥长|主任)")


# 「会议原则同意县财政局拟草的《…》，修改完善后，批复实施」, 「会议同意X对…评价后拟定的《…》，报县委审定」: a meeting
# approves a body's draft, to be revised and sent on; the drafter does it (no other subject named)
_APPROVED_DRAFT = re.compile(r"^(?:会议)?(?:原则)?(?:同意|通过|审议通过)(?P<drafter>[^，,；;。《》“”、]{2,30}?)"
                             r"(?:对[^《》，,；;。]{2,80}?)?(?:拟草|起草|草拟|拟定|提交|提请)[^《，,；;。]{0,20}?的《[^》]+》"
                             r"(?=.*?(?:修改完善|修改|完善|印发|实施|审定))")


def _approved_draft(clause: str, known: tuple[str, ...]) -> UnitList | None:
    """The one body whose approved draft a clause gives back to it to revise and send on."""
    m = _APPROVED_DRAFT.match(clause)
    names = _units(m["drafter"], known) if m else None
    return UnitList(m["drafter"], lead=names, how="verb") if names and len(names) == 1 else None


def _holds(clause: str, known: tuple[str, ...]) -> UnitList | None:
    """The one body that holds the meeting a clause sets at fixed times (meetings.py), its head the leader."""
    names = _units(held.body, known) if (held := held_meeting(clause)) else None
    return UnitList(held.body, lead=names, how="verb", leaders=[held.chair] if held.chair else []) \
        if names and len(names) == 1 else None


def _founded(clause: str, known: tuple[str, ...]) -> UnitList | None:
    m = _FOUNDED.match(clause)
    if not m or not (names := _units(m["body"], known)) or len(names) != 1:
        return None
    if re.search(r"[，,]", clause[:m.start("body")]) and not _FOUNDED_FOR.search(clause[m.end():]):
        return None  # 「为了确保…，成立X领导小组。」 after a lead-in, given no work: what was set up, not a task
    heads = [h for h in (m["head"], *(h["head"] for h in _HEADED_BY.finditer(clause, m.end()))) if h and is_person(h)]
    return UnitList(m["body"], lead=names, how="verb", leaders=heads)


def only_sets_up(text: str) -> bool:
    """「成立活动领导小组，以保证各项活动的顺利进行。」: a sentence setting a body up and giving it no work of its own."""
    text = text.strip()
    m = _FOUNDED.match(text) if _SETS_UP.match(text) else None  # (the sentence opens with the setting up)
    return bool(m) and not m["head"] and not _FOUNDED_FOR.search(text[m.end():])


def founded_with_duty(text: str, known: tuple[str, ...] = ()) -> list[tuple[str, UnitList]]:
    """「…，成立X领导小组，负责…」 in any paragraph: a body set up and given its work in one sentence answers for that
    work, as a unit named by 由 does (a body only set up, 「为了…，成立X。」, is given none); so does a group's office
    (「领导小组下设办公室，办公室设在市教育局，…，主要负责…」)."""
    out = []
    for sentence in re.findall(r"[^。！？]+[。！？]?", text):
        sentence = sentence.strip()
        clause = re.split(r"[；;]", sentence)[0]
        if _OFFICE_SET_UP.match(clause) and (office := subject_clauses(clause, known, numbered=True)):
            out.append((sentence, office[0][1]))
            continue
        for start in [0] + [c.end() for c in re.finditer(r"[，,]", clause)]:  # after a lead-in of any length
            if (m := _FOUNDED.match(clause[start:])) and _FOUNDED_FOR.match(clause[start + m.end():]) \
                    and (units := _founded(clause[start:], known)):
                # the task from the setting up on: not its lead-in, nor a title run into it
                out.append((sentence[start + _SETS_UP.search(clause[start:]).start():], units))
                break
    return out


_SETS_UP = re.compile(r"(?:特|现|决定|研究决定)?(?:成立|组建|设立)")


def _in_person(text: str) -> list[str]:
    """The people a clause makes answer for its work in person (「…，单位主要负责人作为第一责任人，…」)."""
    return [m["who"] for m in lexicon().in_person.finditer(text) if is_person(m["who"])]


# 「…成立村级领导小组由各包村领导或包村负责人任组长」, 「实行“镇长负责制”」: the people a clause makes head the body it
# sets up, or answer for its work by a post's 负责制, lead the work in person
_HEADS = re.compile(r"由(?P<who>[^，,；;。由]{2,16}?)(?:任|担任)(?:组长|总指挥|指挥长|主任)(?!成员)"
                    r"|[“\"](?P<post>[\u4e00-\u9fff]{2,6})负责制[”\"]")


def _heads(text: str) -> list[str]:
    """The people `_HEADS` finds in a clause (those named as alternatives, 「X或Y」, each)."""
    found = [who for m in _HEADS.finditer(text) for who in re.split(r"[或和、]", m["who"] or m["post"])]
    return [who for who in found if is_person(who)]


# 「将意见经单位主要负责人签字后报送」: the person who signs the body's answer off answers for it in person
_SIGNED_BY = re.compile(r"经(?P<who>[^，,；;。经]{2,12}?)(?:审核)?(?:签字|签批|审签|签发|签名|签章)")


def signers(text: str) -> list[str]:
    """The people a clause has sign its work off (「…经单位主要负责人签字并盖章后，反馈至…」)."""
    return [m["who"] for m in _SIGNED_BY.finditer(text) if is_person(m["who"])]


_MODAL = re.compile(rf"{_MANNER}(?:要|应当|应|须|必须|务必|将|负责)")


def _own_subject_parts(clause: str, known: tuple[str, ...]) -> list[str]:
    """A clause cut before each later comma part with a subject of its own and a modal (「请各单位于…前报厅办公室，
    厅办公室将汇总上报…」): each subject's part is its own clause. A run of two such parts or more is a roster
    (「成立X领导小组，党政办负责外围环境，社会管理办公室负责质量监督，财政所负责资金兑付」): each is cut, whatever
    stands before the first."""
    own_parts = [comma for comma in re.finditer(r"[，,、]\s*", clause)
                 if (m := subject_match(rest := clause[comma.end():])) and _MODAL.match(rest, m.end())
                 and _units(_subject(m, known), known)]
    roster = sum(not c.group().startswith("、") for c in own_parts) > 1
    cuts = [0]
    for comma in own_parts:
        # (「主办单位要主动、会办单位要积极」: a 、 cuts only after a part with a subject of its own, never inside a list)
        listed = comma.group().startswith("、")
        before = re.sub(_ASKED, "", clause[cuts[-1]:comma.start()])
        if roster and not listed or (own := subject_match(before)) and _units(_subject(own, known), known) \
                and (not listed or _MODAL.match(before, own.end())):
            cuts.append(comma.end())
    return [clause[a:b].rstrip("、") for a, b in zip(cuts, cuts[1:] + [len(clause)])]


def _earlier_subject(text: str, known: tuple[str, ...], numbered: bool, anyone: bool) -> UnitList | None:
    """Units opening a comma part of text as its subject, named by their place or level, as a collective or as
    registered units (after a comma, 「对点位进行再梳理」 is no subject's)."""
    for comma in re.finditer(r"[，,]", text):
        rest = text[comma.end():].lstrip()
        found = subject_clauses(rest, known, numbered, anyone)
        if found and re.sub(rf"^{OPENING}", "", rest).startswith(found[0][1].as_written) \
                and all(n in known or re.match(r"(?:各|有关|相关|[省市州盟区县旗乡镇])", n) for n in found[0][1].lead):
            return found[0][1]
    return None


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


def colon_line(text: str, known: tuple[str, ...] = (), numbered: bool = False) -> tuple[str, UnitList] | None:
    """「商委：协调…」: the duty and its unit, when the line starts with a unit's name and a colon (a collective's too
    in a numbered item: 「（一）各级人民政府：对…负主要责任」)."""
    m = _COLON_LINE.match(text)
    if not m or lexicon().label_role(m["unit"]) or not _DUTY.search(m["duty"]):
        return None
    names = _units(m["unit"], known)
    if not names or len(names) != 1 or collective(names[0]) and not numbered:
        return None  # 「市直有关部门：为切实做好…」: a collective before a colon is a notice's addressees, not a roster line
    # (「…，各级政府主要领导负总责，分管领导具体负责」: the people the duty makes answer for it in person lead it)
    # (「…。责任人：黄勇、杨文革」: the people named for the unit's duties lead them in person too)
    return without_people_labels(m["duty"]), UnitList(m["unit"], lead=names, how="label",
                                                       leaders=_in_person(m["duty"]) + labelled_people(m["duty"]))


def assigned_subjects(text: str, known: tuple[str, ...]) -> list[tuple[str, UnitList]]:
    """Sentences whose subject is a list of units and whose verb makes them lead or answer for the work, the subject
    opening the sentence or standing after its lead-in clauses (「根据方案，为支持X发展，A、B、C将负责…」): each such
    sentence's first. Units that lead do it jointly; of units that answer for it (负责) the first listed leads."""
    out = []
    for sentence in re.split(r"[。！？；;]", text):
        for start in [0] + [m.end() for m in re.finditer(r"[，,]", sentence)]:
            found = subject_clauses(sentence[start:], known)[:1]
            verb = found and _ASSIGNS.match(sentence[start + len(found[0][1].as_written):].lstrip("，, "))
            if verb:
                units = found[0][1]
                if lexicon().verbs[verb["verb"]] == "responsible" and len(units.lead) > 1:
                    units.lead, units.participants, units.mode = units.lead[:1], units.lead[1:] + units.participants, "first"
                out.append((sentence[start:], units))
                break
    return out


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
        if not _ALL.match(first) or DONE.search(first) or not words[len(first):].startswith(("，", ",")) \
                or subject_match(words):
            continue  # (its work goes on after a comma: 「各级X责任主要包括：」 introduces a list, and is no demand;
            # a verb the lexicon holds is subject_clauses' to read: 「各部门要各司其职」 it leaves as a requirement)
        for end in range(min(len(first) - 2, 30), 1, -1):
            if _LIST_GOES_ON.match(first[end:]) or _MODAL.search(first[:end]):
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
            if _LIST_GOES_ON.match(first[end:]) or _MODAL.search(first[:end]):
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
