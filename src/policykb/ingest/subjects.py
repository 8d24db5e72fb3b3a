"""A clause's subject: where it ends and its verb begins (a modal or a verb of assigned work, with what may stand
between: the subject's standing, a time, a manner, who guides it, the rule it works by), the body a subject sets up
or a role holder it names, and whether its names all read as units (lexicon.yaml's unit grammar). The grammar every
reader of assignments in sentences shares (clauses, partners, shares, listedsubjects)."""
from __future__ import annotations

import re

from ..textrules import ROLE_HOLDER
from .lexicon import alternation, lexicon, post_holder
from .posts import holding_bodies
from .unitnotes import parse_units

# What follows a subject that does something: a modal, or a verb of assigned work.
# (「联席会议要求各成员单位要…」, 「督查组要求,各乡镇…」: 要求 asking the collectives after it, a report's comma between
# or none, is the subject's demand on them, no modal; so is 要求 closing a clause cut at that comma)
# (负责人, 负责同志 are people: 「成员为X科室负责人」 names no subject doing something; 负责人口普查 is a verb, and so
# are 负责人间疫情的防治, 负责人居环境整治)
# (「要求农牧部门进一步加大免疫工作力度」: 加大 a work's strength or funds, a verb of the work as 加强 is, right after a
# body's name; 「向企业加大…宣传力度」 names whom it is done to, no subject)
# (「各责任单位需严格对照…」: 需 as 须; not 所需, 急需, 必需, 无需, 需求)
# 「…进行严格执法检查」: an inspection a body carries out, after its 实施/进行
INSPECTION = r"(?:全面|专项|严格)?(?:执法)?(?:监察|监督|检查|督查)"
_DOING = (r"(?<!主)要(?!求[，,：:]?\s*各|求[，,：:]?$)|应当|(?<!相)应(?![急用对届])|须|(?<![所急必无])需(?!求)|必须|务必|务(?=于)|将|可(?=根据|按照|结合|参照|依据|视|自行|适当)|负责(?!人(?![口民才事间居])|同)|負責(?!人(?![口民才事間居])|同)|牵头|带头|高度重视|具体负责|做好|抓好|抓紧|加强|加快|(?:(?<=[府局委办辦门門会會队隊厅])|(?<=进一步))加大(?=[^，,；;。]{1,20}?(?:力度|投入))|(?<!党)组织|制定|制订|开展|聚焦|协调|督促|指导|会同|"
          r"承担|担当(?!作为|意识|精神)|落实|履行(?=[^，,；;。]{0,12}?职责)|(?:深入)?对接(?![会])|完成|配合|参与|协助|(?<!劳动)(?<!社会)保障(?![局厅部处科所站委办、等])|处置|归口(?=管理|负责)|是(?=[^，,；;。]{0,40}?(?:责任主体|第一责任单位|第一责任人))"  # 「X是…的责任主体」
          r"|统筹(?=协调|推进|谋划|安排|指导|部署|领导(?!小组))|联系(?=和协调|、协调)|指挥(?=协调|调度)|联合(?=[^，,；;。]{2,40}?开展)"  # 「领导小组统筹协调…」 (统筹办 is a body's name)
          r"|(?<=[府局委办辦])强化(?=[\u4e00-\u9fff])"  # 「各级人民政府强化管理，落实…」: right after a body's name
          r"|(?<=[府局委办辦])建立(?=[^，,；;。]{2,20}?(?:机制|機制|制度))"  # 「X政府建立…统一管理机制」: a body setting up a
          # working system (建立 alone is no duty verb: 「X建立了…」 reports; 「监督企业建立…制度」: the body's name must end)
          r"|(?<=》)执行(?![，,；;。]|$)"  # 「X严格按照《…方案》执行24小时值班」: carrying out what the named plan sets
          r"|(?<=相应)(?:成立|设立|组建)"
          # 「各县(区)成立相应机构」, 「区县人民政府设立相应的X指挥部及办公室」: a body setting up its own counterpart of the
          # issuer's, 相应 after the verb as before it
          r"|(?:成立|设立|组建)(?=相应的?[\u4e00-\u9fff])"
          # 「各乡镇成立工作专班」: a collective setting up its own working body is asked to, each place its own (one
          # body's 「X成立了…」 reports what was done)
          r"|(?:(?<=各[\u4e00-\u9fff]{2})|(?<=各[\u4e00-\u9fff]{3})|(?<=各[\u4e00-\u9fff]{4}))(?:成立|组建)(?!了)"
          r"(?=[^，,；;。]{0,12}?(?:专班|工作组|领导小组|工作小组|指挥部))"
          # 「X每月进行统计汇总后报市政府」: a body compiling the returns and sending them up
          r"|(?:进行)?(?:统计)?汇总后?(?=上?报|向)"
          # 「街道办事处设置人口普查领导小组和办公室；居(村)委会设置人口普查小组」: a body setting up its own working body
          r"|(?<=[府局委办会处])设置(?=[^，,；;。]{2,30}?(?:小组|办公室|机构|专班))"
          # 「…由X负责备案、核准，市发改委予以备案并纳入台账管理」: a body taking its step in the procedure (予以 right
          # after a body's name; 「对…的，予以通报」 has none)
          r"|(?<=[府局委办厅部院会])予以(?=[^，,；;。]{2})"
          # 「教育部门通知并督导幼儿园…停止…」: a department telling the bodies it oversees and seeing it done (督导 as 督促)
          r"|(?<=[门局委办府厅])(?:通知[并和])?督导(?![组办室员])"
          # 「宣传部门通过媒体发布…」: a department putting out the word through the media, its share of a notice
          r"|通过(?=[^，,；;。]{0,10}?(?:媒体|平台|网站|渠道)[^，,；;。]{0,4}?(?:发布|公布|播发|告知))"
          r"|抽调(?=[^，,；;。]{0,12}?(?:人员|力量|骨干|干部))"  # 「X抽调有关人员做好…」: staffing the work is its own  # 「各有关单位也相应成立领导机构」: each sets up its own body, as the issuer did
          # 「各牵头单位对照目标任务要求，科学谋划…」: working to the targets set it; 「牵头单位适时向市政府报告…」: reporting
          # up (a report's 「X向大会报告了…」 is DONE)
          r"|对照(?=[^，,；;。]{2,16}?(?:要求|目标|任务|清单)(?:[，,；;。]|$))"
          r"|(?:适时|定期|及时)?向(?=[^，,；;。]{2,16}?(?:报告|报送|汇报))"
          rf"|(?:实施|进行)(?={INSPECTION})"  # 「X对…实施监察」, 「X对…进行全面检查」: the object before (_ABOUT)
          # 「X根据…计划，审核…建议计划」: a body checking others' plans (not 「X审核通过的」, nor a procedure's step,
          # 「…，X审核备案后，报…」)
          r"|审核(?![通的意])(?![^，,；;。]*?后)"
          r"|的(?:主要)?(?:工作)?职责(?:是|为|包括)"  # 「市红办的主要职责是：…」: its duties follow
          # 「各工商所以各建制镇镇域中心为重点」: the focus each of a collective's own work is given, each doing it (not
          # 「全县以…为重点」: the whole place, no body)
          r"|(?:(?<=各[\u4e00-\u9fff]{2})|(?<=各[\u4e00-\u9fff]{3})|(?<=各[\u4e00-\u9fff]{4}))以(?=[^，,；;。以]{2,30}?为(?:重点|主)(?:[，,；;。]|$))")
# 「综合执法局作为园区管理牵头部门，负责…」, 「领导小组办公室设在X处，具体负责…」, 「园区办为园区日常办事机构，负责…」,
# 「专家咨询委员会，由…专家组成，负责…」: the subject's standing, seat or members, between it and its verb, and who holds
# its posts (「…办公室设在市教育局，办公室主任由X同志兼任，副主任由Y同志兼任，主要负责…」);
# 「X局是…的监督管理机关，负责…」, 「街道办事处是…的落实主体，负责…」: a rule's copula names the standing as 为 does;
# 「区派出所及时处置…」: a manner before the verb
# 「X抓统筹，Y抓行业，Z抓实施」: a 抓 verb of the lexicon's is a duty verb, and a verb a roster is cut at as at a modal
_GRASPS = alternation(lexicon().grasp_verbs)
_DOING += rf"|{_GRASPS}"
# (「各部门主要负责人作为落实…工作的“第一责任人”，要…」: the standing may quote its title)
_STANDING = (r"(?:[，,]?(?:作为(?:[^，,：:；;。“”\"]|“[^“”\"，,：:；;。]{1,12}”){2,40}?"
             r"|(?:设在|(?:(?<=室)|(?<=班))在)[^，,：:；;。“”\"]{2,30}?|[为是][^，,：:；;。“”\"]{2,30}?(?:机构|单位|部门|机关|主体)"
             r"|[为是][^，,：:；;。“”\"]{2,30}?(?:负责|责任|督促|联系)人(?=[，,](?:具体|主要)?负责)"  # 「X主要负责人为…第一责任人，具体负责…」
             r"|由[^，,：:；;。“”\"]{2,30}?组成)[，,])?"
             r"(?:[^，,：:；;。“”\"由]{0,10}?由[^，,：:；;。“”\"]{2,30}?(?:兼任|担任)[，,])*")
_N = r"[\d一二三四五六七八九十]{1,2}"
# 「X每月10日前要…」, 「X每季度初15日前应…」, 「X每两月将…」, 「X于2021年2月3日前…」, 「X每年11月底前将…」: a time between
# subject and verb
_WHEN = (rf"(?:于|在)?(?:每(?:[一二两兩三四五六]个?)?(?:月|季度|季|年|周|半年)|每[单單双雙]月)(?:初|末|底)?(?:{_N}日)?(?:前|之前)?"
         rf"|(?:于|在)?(?:\d{{4}}年|每年)?(?:{_N}月)?{_N}日(?:前|之前)|(?:于|在)?(?:\d{{4}}年|每年)?{_N}月(?:底|末)?(?:前|之前)"
         r"|会后"  # 「各单位会后抓紧…」
         r"|从\d{4}年[^，,；;。要应须将]{1,10}?起")  # 「各牵头单位从2022年第二季度起，要…」: from when on
# 「各乡镇在制定本级方案时，要…」, 「工业园区在引进项目工作中，应…」: the circumstance of the demand, between its subject
# and its modal (and 「X按职责分工做好…」: the manner, as 切实)
_WHILE = r"在[^，,；;。“”\"]{1,30}?(?:时|过程中|工作中|期间|之际)"
# (「市农业、林业、水利部门按归口原则分别负责…」: the principle its share follows, and 分别: each its own share)
# (「X、Y等部门按照各自职责，共同做好…」, 「…按照法定職責，做好…」: the duties it works by, a comma after them too;
# 「X等部门按照职责,协同做好…」: 协同 as 共同)
MANNER = (rf"(?:还|也|亦|均|都|就)?(?:(?:{_WHEN}|{_WHILE})[，,]?)?(?:一定|及时|切实|积极|认真|全面|全权|主动|依法|统一|主要|具体|进一步|严格(?=落实|履行)|拟|相应(?=成立|设立|组建)|另行"
           rf"|严格(?:按照?|依照)[^，,；;。]{{1,24}}?(?:要求|规定|标准|程序)(?=[^，,；;。])"  # 「X，严格按照时限要求抓好…」
           rf"|严格(?:按照?|依照)《[^《》，,；;。]{{2,30}}》(?:的?要求)?(?=[^，,；;。])"  # 「X严格按照《…方案》执行…」: the plan named
           rf"|本[着著][^，,；;。]{{1,16}}?(?:原则|精神|宗旨)[，,]?"  # 「X本着精干、高效的原则，抽调…」 (著: as a traditional text writes it)
           rf"|(?:按照?|依据|根据)(?:各自|自身|法定)?(?:职责|职能|職責|職能)(?:分工)?[，,]?|按[^，,；;。]{{1,6}}?(?:原则|分类)"
           rf"|(?:按照?|依照|依据|根据)(?:有关|相关|国家)?法律(?:法规|、法规)(?:的?(?:有关|相关)?规定)?[，,]?"  # 「X按照有关法律法规，履行…」
           rf"|受[^，,；;。]{{2,12}}?委托"  # 「X受市政府委托制订…」: on whose behalf, before the verb
           rf"|在(?:各自|自身)的?(?:职责|职能)范围内[，,]?)?"  # 「X、Y等部门在各自职责范围内，协助…」
           rf"(?:分别|(?:共同|协同)(?=做好|抓好))?")  # 「X、Y等部门按照各自职责，共同做好…」: no lead word (shares.py)
# (「X确定一名分管领导」: a subject's own choice; after 由 it is a procedure, 「由X、Y等部门确定并告知」)
# 「开发公司在园区办的指导下，负责…」: who guides the subject, between it and its verb
_UNDER = r"(?:[，,]?在(?P<under>[^，,：:；;。“”\"]{2,30}?)的?(?:指导|领导|监督)下[，,]?)?"
# 「请各县区于3月底前…」: a notice's request opens with 请 before its subject; 「特别是牵头单位要…」: a stress before it;
# 「会议强调，一是各级政府要…」: a point's count before it (the next point on a later line, not cut as a run)
# (「同时，各县(区)成立相应机构」: 同时 and its comma open the sentence, the subject after them)
OPENING = r"(?:请|特别是|尤其是|同时[，,]\s*|[一二三四五六七八九十]{1,2}是(?=[\u4e00-\u9fff]))?"
# 「县政府分线领导对领办的重点工作任务要牵头抓总」: what the subject's demand is about, between it and its modal
# (「X对其派出机构负责人的考核，应听取…」: a comma after it too)
_ABOUT = rf"(?:对[^，,：:；;。“”\"]{{2,30}}?(?=[，,]?(?:要(?![求点])|应|须|必须|务必|(?:实施|进行){INSPECTION})))?"
# 「县市区政府对本辖区物业管理工作负总责」: answering for the work named after 对 overall, a verb only after its object
# (「镇林长办对镇级林长巡林负责，…」: answering for it, 负责 closing the clause)
# (「X与Y共同对…负责」: answering for it together, the list leading jointly: shares.py; 「X对…负有属地管理责任」: bearing
# the responsibility of its kind for the work)
# (「X、Y对全市…工作总负责、总协调」: in overall charge, 总 before 负责, another charge after 、)
_OVERALL_CHARGE = (r"(?:共同)?对[^，,：:；;。“”\"]{2,30}?(?:负(?:总|全面|主要|首要|直接)责(?!任)|负责(?=[，,；;。]|$)|总负责(?=[、，,；;。]|$)"
                   r"|负有[^，,：:；;。“”\"]{0,10}?责任(?=[，,；;。]|$))")
# 「水利部、流域管理机构和省级水行政主管部门，按照《…指导意见》，加快建立…」: the rule the subject works by, between
# it and its verb (「X根据市里统一要求和相关程序，按照…原则，协调…」: two such clauses, grounds 根据 without a comma;
# 「X按照…要求，加强…」 without one describes how X works, and assigns nothing; 「X结合全市检查，组织…」 as 根据)
_BY_RULE = (r"(?:[，,]?\s*(?:依据|根据|结合)[^，,；;。]{2,60}?[，,])?"
            r"(?:(?:(?<=[，,])|[，,])\s*(?:按照|依照|依据|根据)[^，,；;。]{2,60}?[，,]"
            # 「X按照…要求，积极组织落实…」: the rule it works by, then a diligent verb: its own work all the same
            r"|(?:按照|依照)[^，,；;。]{2,30}?要求[，,](?=积极|切实))?")
# what may follow a subject, then its verb (「X确定一名分管领导」: its own choice; 「县局确定，全县以…为重点」: a decision
# the issuer announces, what it decided after the comma, no work of the subject's)
_VERB_AFTER = rf"{_STANDING}{_UNDER}{_BY_RULE}{_ABOUT}[，,]?\s*(?={MANNER}(?:{_DOING}|确定(?![，,：:]))|{_OVERALL_CHARGE})"
# 「区“双创”指挥部执纪问责组将…」, 「县“清剿火患”指挥部负责…」: a place's body named for a campaign's quoted short
# name, the name going on after it (not 「统筹推进“五位一体”总体布局」: a quoted term after a verb names no body)
_NAME_CHAR = r"[^，,：:；;。“”\"]"
# (only where no subject ends before the quote: 「区委农办要结合全区“三新”建设任务，负责…」 is 区委农办's)
_PLACE_QUOTED = r"[^，,：:；;。“”\"要应须将]{0,10}?[省市县区镇乡州旗縣區鄉]“[^“”\"，,：:；;。]{1,8}”"
# 「市纠风办和查禁公路“三乱”督察队依法开展…」: a body named for a campaign's quoted short name, its ending right after
_BODY_QUOTED = (r"[^，,：:；;。“”\"要应须将]{0,12}?“[^“”\"，,：:；;。]{1,8}”[^，,：:；;。“”\"要应须将]{0,8}?"
                r"(?:队|组|办|中心|站|所|指挥部|办公室|委员会)")
# 「建有“园中园”的特色园区要…」: bodies of a kind, those with what a quoted term names (a clause before 的 qualifying them)
_QUALIFIED_QUOTED = r"[^，,：:；;。“”\"要应须将的]{1,10}?“[^“”\"，,：:；;。]{1,8}”的[^，,：:；;。“”\"要应须将的]{2,12}?"
_SUBJECT = re.compile(rf"^{OPENING}(?P<subject>{_NAME_CHAR}{{2,120}}?|{_PLACE_QUOTED}{_NAME_CHAR}{{1,120}}?|{_BODY_QUOTED}"
                      rf"|{_QUALIFIED_QUOTED}){_VERB_AFTER}")
# 「X领导小组办公室（以下简称处非办）要…」, 「X领导小组（以下简称“领导小组”）的主要职责是…」: a name the document defines is
# whole up to its definition, whatever verb words stand inside it (处置, 组织)
_DEFINED_SUBJECT = re.compile(rf"^{OPENING}(?P<subject>[^，,：:；;。“”\"()（）]{{2,60}}[(（](?:以下简称|下称|简称)[^()（）]{{1,20}}"
                              rf"[)）]){_VERB_AFTER}")
# 「县委组织部要…」, 「各任务牵头单位要…」, 「综合协调组」: a verb word followed by a body's ending is part of the
# subject's name (「负责组织…」: 组织, 组成, 组建 are verbs, no 组's name)
# (「X局负责局属单位…」: 局属, 部属, 委属 say whose units the work is over, no body's ending)
_NAME_TAIL = re.compile(rf"(?:{_DOING})[)）]?(?:责任)?(?:单位|部门|[局委办厅部院处科股队署](?!属)|组(?![织成建]))(?=[^：:；;。“”\"])")
# 「园区成立开发建设公司，负责…」, 「推进委员会下设各专项行动工作组，负责…」, 「…，成立X领导小组，负责…」: the body set
# up is the subject
# (「建立X领导小组抓统筹」: the body a clause sets up does the work, its opening 建立 as 成立)
_SET_UP = re.compile(r"^(?P<setter>[^，,]{0,20}?)(?P<verb>设立|成立|组建|下设|建立)(?P<body>[^，,]{2,40})$")
# 「建立部际联席会议，应当从严控制」, 「设立X，均须报…审批」: setting a body up, then an obligation on it after a
# comma, is a rule on setting bodies up (the act is the topic, whoever sets one up; not 「成立X，负责…」: its work)
_SETTING_UP_RULED = re.compile(r"^(?:建立|成立|设立|组建)[^，,；;。]{2,40}[，,]\s*(?:均|都|一律)?(?:须|必须|应当|应(?![急对用届]))")


def rules_setting_up(clause: str) -> bool:
    """「建立部际联席会议，应当从严控制」: a clause opening with the act of setting a body up, then an obligation."""
    return bool(_SETTING_UP_RULED.match(clause.strip()))


# 「镇人民政府设立防汛抗旱指挥部」: a government setting up a body named bare (no place or level of its own) names it as
# its own, 镇人民政府防汛抗旱指挥部 (not 「县人民政府成立县“清剿火患”指挥部」, named with its level already)
_SETTING_GOVERNMENT = re.compile(r"^(?P<level>[\u4e00-\u9fff]{0,10}?[省市州县区旗镇乡])(?:人民政府|政府)$")
# 「由X每月上报…」: how often the doer named by 由 does it, before its verb (「由X分别逐级汇总上报」: level by level)
_EVERY = r"(?:每(?:月|季度?|年|半年|周|旬)|定期|逐级)?"
# 「由X按照属地管理原则，建立…」: 由 names the doer outright, so a manner (按照…原则) may stand before the verb
# (「由公安机关根据《治安管理处罚法》予以处罚」: the law the doer acts under, quoted, before its verb)
BY_DOER = re.compile(rf"^由(?P<subject>[^，,：:；;。“”\"《]{{2,40}}?)(?:(?:按照|依照|根据|按)[^，,；;。]{{0,12}}?"
                 rf"(?:原则|要求|规定|职责|分工|程序|需要|情况|变动|变化)[，,]?|(?:按照|依照|根据|依据)《[^》，,；;。]{{1,40}}》"
                 rf"(?:(?:有关|相关)?(?:规定|条款))?[，,]?)?\s*(?={MANNER}{_EVERY}(?:{_DOING}|{lexicon().partner_words}"
                 rf"|予以|查处|办理"  # 「由X予以处罚/制止」, 「由X依法查处」: the body 由 names acting on a case
                 rf"|建立|健全|完善|实施|推进|推动|进行|上报|报送|列入|下达|界定|认定|(?:汇总|综合|审核)后?(?:向|报|上报)"
                 rf"|报[^，,；;。]{{1,12}}?(?:批准|审批|审定|同意)"  # 「由X按程序报总指挥批准后，…」
                 rf"|提出(?![的了过])"  # 「…规划意见，由园区办提出报…批准」: the paper X puts forward (提出的…: a noun)
                 rf"|请示"  # 「具体由牵头部门请示」: the body asking its superior for approval
                 rf"|(?:合作|共同)?共建"  # 「…设立X植物园，由A、B和C合作共建」: the work itself, done together
                 rf"|另行"  # 「具体办法由X另行制定/通知」: its own later act (另行 no part of X's name)
                 rf"|(?:安排|调整)(?![的了过])))")  # 「经费由X根据实际情况安排」, 「名单由X根据…变动及时调整」: the doer's own act
# 「…修改完善后，以区委办、区府办名义印发」, 「…以X办公室、Y名义上报」: a paper sent out in the names of units, which
# send it when the clause names no other doer (a quoted name, 以“县政府”名义, is the label it goes under, no doer; 「以
# X名义印发的文件」 describes a paper, the verb not closing the clause)
IN_NAME_OF = re.compile(r"以(?P<subject>[^，,：:；;。“”\"以]{2,40}?)的?名义(?:联合)?(?:印发|上报|报送|发布|下发|行文|发文)"
                        r"(?:实施|执行)?$")
# A completed act: a verb's 了 (not 为了, 除了, 了解) or 业经 - a sentence telling what was done assigns nothing
DONE = re.compile(r"(?<![为除])了(?!解)|业经(?!济)")  # 工业经济 is no 业经
# 「11月10日，由X牵头，Y配合，共同对…进行督查」: a sentence opening with the day something happened (no 前, 底 or 起: no
# deadline) and demanding nothing reports it: what was done, no task
# (the day alone, no period: 「2011年9月20日至12月31日，X负责…」 is when the work is done)
_ON_A_DAY = re.compile(r"^[^，,；;。\d]*?(?:\d{4}年)?\d{1,2}月\d{1,2}日[，,]")
_DEMANDS = re.compile(r"要(?![求点])|应(?!急)|须|务必|将|负责|[：:“\"]")  # (a colon or a quote: what was said, relayed)


def reported_on_a_day(sentence: str) -> bool:
    """Whether a sentence opens with a day and then demands nothing (a news report's account of what was done)."""
    return bool(m := _ON_A_DAY.match(sentence)) and not _DEMANDS.search(sentence, m.end())


# 「围绕方案的实施，市督查办要…」, 「根据…，各乡镇负责…」: a sentence's lead-in, its subject after the comma
# (「他们明确辖区责任制，各管区责任人负责…」: the system the assignments after it make up; 「下一步，X镇将…」: when)
LEAD_IN = re.compile(r"^(?:围绕|根据|按照|依照|依据|结合|针对|对照|为了|为|下一步|接下来|今后"
                      r"|在[^，,]{2,20}?(?:领导|指导|统筹|部署)下"  # 在X领导下，
                      r"|要加[大强][^，,]{2,10}?(?=[，,])"  # 「要加大督查力度，X对…实施监察」: the point's heading demand
                      # 「对疑似失学辍学学生，X、Y要…」: whom the work is about (not the cases a sanction is for: 「对…的，」,
                      # nor work done to it: 「对已明确的点位进行再梳理，」)
                      r"|对(?![^，,]*(?:进行|实施|开展|予以|给予|作出|做出))[^，,]{1,30}?[^的，,](?=[，,])"
                      r"|[^，,]{0,8}?(?:明确|建立)[^，,]{0,12}?(?:责任制|分工|联络员制度)(?=[，,]))")

# 「各牵头单位的具体实施方案务于…前报送」: a body's paper to be sent; the body is who sends it
_OWNED = re.compile(r"^(?!全)(?P<holder>[^，,的]{2,30}?)的[^，,的]{0,10}?(?:方案|计划|材料|报告|总结|清单|台账)$")
# 「各项工作任务的主要责任单位」: a role holder named with the work it holds; the holder is the name (not after a list:
# 「县普查办与县级挂钩到乡镇的成员单位」 names two holders, the second by its role)
_QUALIFIED_HOLDER = re.compile(rf"^[^，,、的与和及]{{2,16}}的(?P<holder>(?:主要|其他)?{ROLE_HOLDER})$")


# 「请交通局按照整改要求，尽快销号」: 请 addresses the units after it, whatever verb the request goes on with
# (not 结合实际: the closing formula); 「要求各单位主要负责同志时刻掌握…」: a demand on whoever follows 要求 too
_REQUESTED = re.compile(r"^(?:请|要求)(?P<subject>[^，,：:；;。“”\"]{2,30}?)(?=按照|依照|根据|对照|尽快|抓紧|务必|立即|时刻|始终)")


def subject_match(clause: str) -> re.Match | None:
    """A clause's subject and the verb after it; a verb word that opens the end of a body's name (组织部, 牵头单位)
    does not end the subject, and a subject whose name then reaches no verb is none (not the name's head alone)."""
    m = _REQUESTED.match(clause) or _DEFINED_SUBJECT.match(clause) or _SUBJECT.match(clause)
    if m and rules_setting_up(clause):
        return None  # 「建立X，均须履行报批手续」: what setting a body up takes, no body doing something
    while m and (tail := _NAME_TAIL.match(clause, m.end("subject"))):
        # (「X组织部、Y组成督查组」: the members forming a body, their verb)
        longer = re.compile(rf"^{OPENING}(?P<subject>{re.escape(clause[m.start('subject'):tail.end()])}"
                            rf"[^，,：:；;。“”\"]{{0,120}}?)(?:{_VERB_AFTER}|(?=组成))")
        m = longer.match(clause)
        if m is None:
            return None  # 「市委组织部、X等部门，Y联合制定…」: 组织 is the name's, and the name reaches no verb
    return m


_STAFF = re.compile(r"(?:干部|人员)$")


def unit_names(subject: str, known: tuple[str, ...]) -> list[str] | None:
    """The names of a subject, or None unless every one reads as a unit."""
    if lexicon().verb_tail.search(subject) or LEAD_IN.match(subject):
        return None  # 「X牵头」 closing the subject: a note, read elsewhere; 「为率先全面建成小康社会，…」: a lead-in
    units = parse_units(subject, known)
    names = units.lead + units.participants
    # 「各市级水行政主管部门联络员」: a body's person
    # (「各村居防控负责人、信息报告员」: people of no body of their own, after a body's person, serve that body)
    # (「X巡查队、镇村两级包保干部严格按照…执行…」: staff whose words name no body of their own, cadres working with
    # it, serve the body listed; a leader of no body named, 「政府领导、X办公室」, is no staff of X's)
    held = all(set(bodies := holding_bodies(p, known)) & set(names) or not bodies and _STAFF.search(p) and not post_holder(p)
               for p in units.leaders if post_holder(p) or p == units.leaders[0])
    return names if names and not units.doubts and held and units.how == "bare" else None


def subject_name(m: re.Match, known: tuple[str, ...]) -> str:
    """The subject a match names: the body it sets up when it does so (「园区成立开发建设公司」 → 开发建设公司), the role
    holder a qualifier names (「各项工作任务的主要责任单位」 → 主要责任单位)."""
    subject = m["subject"]
    set_up = _SET_UP.match(subject)
    if set_up and unit_names(set_up["body"], known):
        government = _SETTING_GOVERNMENT.match(set_up["setter"]) if set_up["verb"] in ("设立", "成立", "组建") else None
        if government and not re.match(r"[省市州县区旗镇乡各“\"]", set_up["body"]) \
                and not set_up["body"].startswith(government["level"]):
            return set_up["setter"] + set_up["body"]
        return set_up["body"]
    if (owned := _OWNED.match(subject)) and unit_names(owned["holder"], known):
        return owned["holder"]
    return held["holder"] if (held := _QUALIFIED_HOLDER.match(subject)) else subject


MODAL = re.compile(rf"{MANNER}(?:要|应当|应|须|必须|务必|将|负责|{_GRASPS})")
