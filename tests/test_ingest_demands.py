"""Demands that stand only in the sentences of unnumbered paragraphs (a notice's, a meeting report's): their holders,
how a list of them shares the work, and what is no demand (made-up texts)."""
from policykb.ingest.clauses import subject_clauses
from policykb.ingest.unitnotes import parse_units


def test_all_localities_written_difang_is_a_collective_and_a_yearly_month_end_stands_before_its_verb():
    """「各地方、各有关部门要…」: two collectives; 「各地方每年11月底前将…报…」: the yearly time between subject and verb."""
    units = parse_units("各地方、各有关部门")
    assert (units.lead + units.participants, units.doubts) == (["各地方", "各有关部门"], [])
    [(_, units)] = subject_clauses("各地方每年11月底前将本地活动总结情况报省网信办。", numbered=True, anyone=True)
    assert units.lead == ["各地方"]


def test_a_list_working_together_names_no_lead_so_the_first_listed_leads_and_the_others_take_part():
    """「X、Y、Z要相互配合」, 「…要各司其职」, 「…要充分发挥职能作用」: no lead word (rule 5): the first listed leads, the others
    take part, a collective first too; collectives alone still each do their own share."""
    [(_, units)] = subject_clauses("县武装部、公安局、卫健局要充分发挥职能作用,严密配合实施。", numbered=True, anyone=True)
    assert (units.lead, units.participants, units.mode) == (["县武装部"], ["公安局", "卫健局"], "first")
    [(_, units)] = subject_clauses("各村(社区)、相关部门、学校要各司其职、落实责任。", numbered=True, anyone=True)
    assert (units.lead, units.participants, units.mode) == (["各村（社区）"], ["相关部门", "学校"], "first")
    [(_, units)] = subject_clauses("各乡镇、各有关部门要密切配合,做好宣传。", numbered=True, anyone=True)
    assert (units.lead, units.mode) == (["各乡镇", "各有关部门"], "separate")


def test_each_subject_of_a_run_of_demands_in_one_sentence_is_its_own_task():
    """「…，联席办要牵头抓总，…，交警大队、银行和派出所要发挥职能优势，…」: two subjects, each followed by its modal, in one
    sentence of a report whose demands are all it asks: two tasks, whatever names the subjects; 「…，亲自研究部署，将…」
    (no modal right after) cuts nothing."""
    from policykb.ingest.requirements import requirement_tasks
    from policykb.ingest.source import Block
    tasks = requirement_tasks([Block("王五强调,体系建设再完善,联席办要牵头抓总,强化安排部署,加大督导考核,交警大队、银行和派出所"
                                     "要发挥职能优势,构建部门联动的防范新格局。", "第1行")])
    assert [(t.units.lead, t.text[:5]) for t in tasks] == [(["联席办"], "联席办要牵"), (["交警大队"], "交警大队、")]
    tasks = requirement_tasks([Block("各责任单位要按照一把手负责制,亲自研究安排部署,将年度任务分解到季。", "第1行")])
    assert [t.units.lead for t in tasks] == [["各责任单位"]]


def test_a_sectors_companies_or_bodies_named_as_a_whole_are_units_the_kind_after_them_not_shared():
    """「三大电信运营商、金融银行系统、市场监管部门」: the operators and the banking system are named whole, so 部门 closing
    the list is the last one's alone (「公安、交通部门」 still shares it)."""
    units = parse_units("三大电信运营商、金融银行系统、市场监管部门")
    assert (units.lead + units.participants, units.doubts) == (["三大电信运营商", "金融银行系统", "市场监管部门"], [])
    units = parse_units("公安、交通部门")
    assert units.lead + units.participants == ["公安部门", "交通部门"]


def test_a_name_opening_with_the_word_market_takes_no_place():
    """「市场监管部门」 in a city's document: 市场 is a word, no 市 standing for the city (「市市场监管局」 is the city's)."""
    from policykb.ingest.placenames import qualified as _qualified
    assert _qualified("市场监管部门", "建德市", "市", None) == "市场监管部门"
    assert _qualified("市市场监管局", "建德市", "市", None) == "建德市市场监管局"


def test_what_a_body_did_on_a_day_is_told_not_asked():
    """「近日，X组织召开…会议，通报…」: what was done, no modal: neither a task nor a requirement; the meeting's demand
    after it is the report's task."""
    from policykb.ingest.requirements import requirement_paragraphs, requirement_tasks
    from policykb.ingest.source import Block
    blocks = [Block("近日,县工业园区管委会组织召开安全生产专项行动推进会议,通报一阶段工作开展情况。", "第1行"),
              Block("会议要求,各相关单位、入园企业要进一步明确各自工作职责,全面加强安全监管。", "第2行")]
    assert [t.units.lead for t in requirement_tasks(blocks)] == [["各相关单位"]]
    assert requirement_paragraphs(blocks[:1], (), set()) == []


def test_what_a_township_will_do_next_is_its_own_task():
    """「下一步，X镇将持续加强…」: a lead-in saying when, then the township and what it will do."""
    [(_, units)] = subject_clauses("下一步,甲镇将持续加强宣传教育、隐患排查等防溺水活动。", numbered=True, anyone=True)
    assert units.lead == ["甲镇"]


def test_a_subject_naming_a_body_and_people_is_the_bodys_task_led_by_the_people():
    """「…，派出所、镇村干部、护林员要加强配合，…」: the body does the work, the people named with it lead it in person."""
    from policykb.ingest.requirements import requirement_tasks
    from policykb.ingest.source import Block
    [task] = requirement_tasks([Block("会议要求,对重点人员要加强排查管控,派出所、镇村干部、护林员要加强配合,对辖区内重点区域"
                                      "进行全面踏查。", "第1行")])
    assert (task.units.lead, task.units.leaders) == (["派出所"], ["镇村干部", "护林员"])


def test_a_pinyin_gloss_may_close_after_a_space():
    """「會(huì )同」: a site's gloss written with a space before its closing bracket is a gloss all the same."""
    from policykb.textrules import PINYIN_GLOSS
    assert PINYIN_GLOSS.sub("", "會(huì )同有關(guān)部門(mén)") == "會同有關部門"


def test_a_demands_later_clause_working_with_units_names_its_partners_not_a_subject():
    """「X要加强…领导，会同有关部门加快建立…」: those X works with take part in X's task; 会同 opens no subject."""
    from policykb.ingest.requirements import requirement_tasks
    from policykb.ingest.source import Block
    [task] = requirement_tasks([Block("省统计局要加强对全省服务业统计工作的组织领导,会同有关部门加快建立健全服务业统计调查制度,"
                                      "不断提高统计工作水平。", "第1行")])
    assert (task.units.lead, task.units.participants) == (["省统计局"], ["有关部门"])


def test_the_collective_a_demand_asks_right_after_yaoqiu_holds_it_whatever_verb_follows():
    """「…签订了目标责任书，要求各村(居)绷紧神经、端正态度，…」: what was signed is told; what 要求 asks of the villages is
    their task, from 要求 on."""
    from policykb.ingest.requirements import requirement_tasks
    from policykb.ingest.source import Block
    [task] = requirement_tasks([Block("镇长代表镇人民政府与各村(居)委会签订了目标责任书,要求各村(居)绷紧神经、端正态度,"
                                      "思想不容松懈。", "第1行")])
    assert (task.units.lead, task.text[:8]) == (["各村(居)"], "要求各村(居)绷")


def test_a_request_naming_how_often_the_units_report_names_the_units_without_it():
    """「请有关单位每半年向市局报送…」: 每半年 says how often the units report, no part of their name (nor is 向市局: the
    bureau receives the reports)."""
    from policykb.ingest.requirements import requirement_tasks
    from policykb.ingest.source import Block
    tasks = requirement_tasks([Block("请有关单位每半年向市局报送安全统计表。", "第1行"),
                               Block("请各县区每季度向市局报送工作进展。", "第2行")])
    assert [t.units.lead for t in tasks] == [["有关单位"], ["各县区"]]


def test_the_heads_a_sentence_gives_the_body_it_sets_up_and_a_posts_responsibility_system_lead_in_person():
    """「各村要成立村级领导小组由各包村领导或包村负责人任组长」 (no comma before 由): the group's heads, each of the
    alternatives, lead the villages' task; 「镇人民政府要…实行“镇长负责制”」: the post answering for the work leads it."""
    [(_, units)] = subject_clauses("各村要成立村级防汛工作领导小组由各包村领导或包村负责人任组长指导各村的防汛工作。",
                                   numbered=True)
    assert (units.lead, units.leaders) == (["各村"], ["各包村领导", "包村负责人"])
    [(_, units)] = subject_clauses("镇人民政府要成立防汛工作领导小组实行“镇长负责制”将防汛工作作为主要任务。", numbered=True)
    assert (units.lead, units.leaders) == (["镇人民政府"], ["镇长"])


def test_a_later_part_of_a_duty_worked_on_with_other_units_names_them_as_participants():
    """「X负责确定…，会同Y对…进行审核」: the duty's later part is done with Y, who takes part in X's task."""
    [(_, units)] = subject_clauses("甲委负责确定专项资金的年度支持方向,会同乙部对申报的项目进行审核,并进行监督检查。",
                                   numbered=True)
    assert (units.lead, units.participants) == (["甲委"], ["乙部"])


def test_people_opening_a_clause_after_a_subjectless_one_have_their_own_demand_and_a_bodys_people_stay_its_own():
    """「一要思想高度重视，支部书记要当好…；二要…。三要做好谋划。支部书记要做好…」: the secretaries open a clause of
    their own after words naming no units, so each of their two demands is a task (before, the first stayed in the
    opening words, no task of its own); 「牵头单位要发挥主导作用，单位主要负责人作为第一责任人…」: the
    unit's own people, its demand's leaders, no demand of their own."""
    from policykb.ingest.requirements import requirement_tasks
    from policykb.ingest.source import Block
    tasks = requirement_tasks([Block("甲镇党委书记强调,一是加大力度,做好环境整治工作。一要思想高度重视,支部书记要当好群众的"
                                     "贴心人,深入推进整治;二要把握重点,继续拆除违建。三要做好谋划,多措并举。支部书记要做好"
                                     "村庄规划,有序推进硬化、绿化。", "第1行")])
    assert [(t.units.leaders, t.text[:7]) for t in tasks] == [(["支部书记"], "支部书记要当好"), (["支部书记"], "支部书记要做好")]
    [task] = requirement_tasks([Block("牵头单位要发挥主导作用,单位主要负责人作为第一责任人,对责任事项的落实负总责。", "第1行")])
    assert task.units.leaders == ["单位主要负责人"]


def test_bodies_beside_their_people_given_their_share_by_fuze_share_it_as_a_list_of_bodies_does():
    """「学校、卫生院等单位职工负责各自单位公共区域的打扫」: bodies and their people, 负责 after them as a modal would stand;
    each body its own ground (各自: separate, as 「学校、卫生院等单位负责各自…」 reads), the staff its leaders."""
    from policykb.ingest.requirements import requirement_tasks
    from policykb.ingest.source import Block
    [task] = requirement_tasks([Block("学校、卫生院等单位职工负责各自单位公共区域的打扫,并引导学生开展清洁行动。", "第1行")])
    assert (task.units.lead, task.units.mode, task.units.open_ended, task.units.leaders) == (
        ["学校", "卫生院"], "separate", True, ["单位职工"])


def test_a_list_bearing_each_its_own_share_divides_no_work_so_the_notices_other_demands_are_its_tasks_too():
    """「一、各主管部门和供热企业要…各司其职，各负其责…」 then 「二、各地要…」: 各负其责 makes none of the list lead the
    others, so the notice divides no work on the page and every point naming holders is a task (rule 2)."""
    from policykb.ingest.candidates import find_candidates
    from policykb.ingest.source import Block, Source
    lines = ["关于做好冬季供暖工作的通知", "各有关县(市)供热主管部门:", "现将有关事宜通知如下:",
             "一、各供热主管部门和供热企业要加强领导,精心组织,各司其职,各负其责,确保采暖工作平稳运行。",
             "二、各地要加强老旧管网的更新改造及维护检修,加大对供热管网巡查力度。",
             "三、各地要密切关注气候变化情况,及时掌握气候变化信息。", "2016年10月31日"]
    blocks = [Block(text, f"第{i}行") for i, text in enumerate(lines, 1)]
    candidates, _, _ = find_candidates(Source("notice.txt", "txt", blocks), set(), ())
    assert [c.units.lead for c in candidates] == [["各供热主管部门"], ["各地"], ["各地"]]


def test_a_request_before_the_clause_leading_into_the_items_is_a_requirement():
    """「…，请各相关单位针对问题立行立改，…，突出问题如下：」: one sentence leading into the list, but asking the units for
    work before its last clause: a requirement, not a lead-in."""
    from policykb.ingest.requirements import requirement_paragraphs
    from policykb.ingest.source import Block
    blocks = [Block("为做好创建工作,10月25日,督查组对某社区进行专项检查,请各相关单位针对问题立行立改,举一反三,突出问题如下:", "第1行"),
              Block("1.车辆乱停放现象普遍。(责任单位:市执法局)", "第2行")]
    assert [r["text"][:6] for r in requirement_paragraphs(blocks, (), {"第2行"})] == ["为做好创建工"]
    assert requirement_paragraphs([Block("各单位要做好以下工作:", "第1行")], (), set()) == []


def test_the_cases_a_demand_acts_on_before_its_subject_in_a_report_dividing_no_work():
    """「对逾期未整改的,新区管委会将实施约谈和问责」: the cases (对…的) lead into the clause, its subject after the comma; in a
    report whose demands are all it asks, each such sentence is a task of its subject."""
    from policykb.ingest.requirements import requirement_tasks
    from policykb.ingest.source import Block
    tasks = requirement_tasks([Block("对各街道整改完成的案件,新区管委会组织进行现场抽查。对逾期未整改的,新区管委会将实施约谈和问责。",
                                     "第1行")])
    assert [(t.units.lead, t.text[:7]) for t in tasks] == [(["新区管委会"], "对各街道整改完"), (["新区管委会"], "对逾期未整改的")]
    # beside a division of work it is the sanction on carrying it out (a requirement): the numbered item reads no subject
    assert subject_clauses("三、严肃问责。对工作不力的,县纪委监委将严肃追责问责。", numbered=True) == []


def test_townships_singled_out_by_a_stress_inside_a_demand_are_its_own_task_and_the_next_demand_goes_back():
    """「务必全面推进重点整治工作,尤其是甲镇、乙镇、丙乡,要采取…」: 尤其是 opens a subject of its own after the comma, named
    townships too (no place prefix needed); the next subjectless 「；务必…」 is the speaker's addressees' again."""
    from policykb.ingest.requirements import requirement_tasks
    from policykb.ingest.source import Block
    tasks = requirement_tasks([Block("会议要求,各级各部门要瞄准目标集中攻坚,切实做到“三个务必”:务必全力提升执法效能;"
                                     "务必全面推进重点整治工作,尤其是甲镇、乙镇、丙乡,要采取强有力措施改变现状;务必全面深化宣传教育。",
                                     "第1行")])
    assert [(t.units.lead, t.units.participants, t.text[:5]) for t in tasks] == [
        (["各级", "各部门"], [], "会议要求,"), (["各级", "各部门"], [], "务必全面推"), (["甲镇"], ["乙镇", "丙乡"], "尤其是甲镇"),
        (["各级", "各部门"], [], "务必全面深")]


def test_a_collective_opening_a_later_part_of_a_sentence_a_meeting_asks_is_the_holder_of_its_demand():
    """「会议要求,…;各村(社区)提前掌握…,做好…;」: the 「；」 parts of a sentence 会议要求 opens are its demands, so a collective
    opening one holds it whatever its verb (提前 is no part of its name); collectives outside such a sentence are not read
    so, and people (「各村(社区)干部」) are no collective."""
    from policykb.ingest.requirements import requirement_tasks
    from policykb.ingest.source import Block
    text = "1月15日,某镇召开调度会,对秸秆禁烧工作进行了部署。会议要求,镇巡查队严格按照方案执行值班巡查;各村(社区)提前掌握属地内秸秆存量,做好秸秆粉碎还田工作;"
    assert [(t.units.lead, t.text[:6]) for t in requirement_tasks([Block(text, "第1行")])] == [(["各村(社区)"], "各村(社区)")]
    assert requirement_tasks([Block("各村(社区)提前掌握属地内秸秆存量,做好秸秆粉碎还田工作。", "第1行")]) == []


def test_a_post_named_alone_right_after_a_demand_on_units_is_those_units_people():
    """「各责任单位务必高度重视…。主要领导要亲自负责…」: the post (主要领导) is held in the units just asked: they answer for the
    work, their people lead it; after 「全区上下要…」 (everyone in the place) 「班子成员要…」 stays the issuer's people."""
    from policykb.ingest.requirements import requirement_tasks
    from policykb.ingest.source import Block
    tasks = requirement_tasks([Block("各责任单位务必高度重视,压实责任,全面整改。主要领导要亲自负责,对问题马上改、立即改。", "第1行")])
    assert [(t.units.lead, t.units.leaders) for t in tasks] == [(["各责任单位"], []), (["各责任单位"], ["主要领导"])]
    tasks = requirement_tasks([Block("全区上下要迅速行动,投入到招商引资中来。班子成员要发挥示范带头作用,靠前指挥。", "第1行")])
    assert [(t.units.lead, t.units.leaders) for t in tasks] == [(["全区上下"], []), ([], ["班子成员"])]


def test_places_and_the_functional_departments_each_do_their_share():
    """「各镇(区、街道)、职能部门要…」: places and all the functional departments, no lead word: each its own share (rule 5,
    as 各地、各部门)."""
    [(_, units)] = subject_clauses("各镇(区、街道)、职能部门要层层落实责任制。", numbered=True, anyone=True)
    assert (units.lead, units.participants, units.mode) == (["各镇(区、街道)", "职能部门"], [], "separate")


def test_those_at_the_meeting_are_people_a_demand_is_made_of_however_firmly():
    """「书记强调:当前工作任务重,与会人员一定要恪尽职守,…」: those at the meeting (与会, not a partner's 与) are people, the
    demand on them theirs to lead (their body filled in later), 一定要 a modal as 要 is; 「与村干部要…」 stays a partner."""
    from policykb.ingest.requirements import requirement_tasks
    from policykb.ingest.source import Block
    [task] = requirement_tasks([Block("甲书记强调:当前各项工作时间紧、任务重,与会人员一定要恪尽职守,提高工作标准,完成各项任务目标。",
                                      "第1行")])
    assert (task.units.leaders, task.units.how, task.text[:6]) == (["与会人员"], "people", "与会人员一定")
    assert requirement_tasks([Block("甲书记强调:当前各项工作时间紧,与村干部要保持联系。", "第1行")]) == []


def test_a_meetings_demand_after_its_comma_asks_each_collective_listed():
    """「会议要求,各乡镇、各部门做到统一思想,…」: 要求, a comma, then collectives listed with 、 and a verb with no modal:
    the demand is each collective's own share."""
    from policykb.ingest.requirements import requirement_tasks
    from policykb.ingest.source import Block
    [task] = requirement_tasks([Block("会议要求,各乡镇、各部门做到统一思想,切实解决群众灌溉的难题。", "第1行")])
    assert (task.units.lead, task.units.mode) == (["各乡镇", "各部门"], "separate")


def test_a_demand_added_with_tongshi_on_a_matter_named_first_is_the_same_holders_next_task():
    """「各街道、有关单位要建立台账。同时,针对本次检查发现的问题,要在规定期限内整改。」: the demand added (同时) on a
    matter it names first, with no subject of its own, is the same holders' next task, not their first one's words."""
    from policykb.ingest.requirements import requirement_tasks
    from policykb.ingest.source import Block
    tasks = requirement_tasks([Block("检查组要求,各街道、有关单位要建立问题台账,逐项登记。同时,针对本次检查发现的问题,"
                                     "要在规定的期限内予以整改,确保整改到位。", "第1行")])
    assert [(t.text[:6], t.units.lead) for t in tasks] == [("检查组要求,", ["各街道", "有关单位"]),
                                                           ("同时,针对本", ["各街道", "有关单位"])]


def test_the_places_named_alone_in_a_numbered_item_are_its_holders_the_departments_alone_nobody():
    """「(八)…。某市工信局负责…。各地要加强项目跟踪服务，…」: 各地 in a numbered item are the places' governments, each
    answering for its own share, a subject of their own; 「各部门要…」 alone still names nobody in particular."""
    text = "加快项目建设。某市工信局负责全市园区建设与发展。各地要加强项目跟踪服务,着力解决项目开工的困难和问题。"
    assert [u.lead for _, u in subject_clauses(text, numbered=True)] == [["某市工信局"], ["各地"]]
    assert subject_clauses("各部门要加强配合,形成合力。", numbered=True) == []
    assert subject_clauses("各地要加强项目跟踪服务。") == []


def test_units_that_only_join_in_pushing_the_work_forward_take_part_in_the_task_before():
    """「X负责…，Y要从全局出发，积极配合，形成合力，共同推进…」: Y only does its part in the work X leads (lexicon.yaml
    part_phrases): it takes part in X's task, no task of its own."""
    text = "某市工信局负责全市园区建设与发展,市直相关部门要从全局出发,积极配合,形成合力,共同推进园区快速发展。"
    assert [(u.lead, u.participants) for _, u in subject_clauses(text, numbered=True)] == [
        (["某市工信局"], ["市直相关部门"])]


def test_a_doer_named_after_by_may_say_how_often_before_its_reporting_verb():
    """「由X每月上报《…月报表》」: 由 names the doer outright; how often it does the work (每月, 定期) may stand before
    the verb, and reporting (上报, 报送) is its work."""
    text = "建立调度报告制度。由各地园区工作领导小组办公室每月上报《园区建设情况月报表》。"
    assert [u.lead for _, u in subject_clauses(text, numbered=True)] == [["各地园区工作领导小组办公室"]]


def test_a_sentence_praising_units_for_work_done_is_no_task():
    """「按照…原则,经评审,甲区、乙县人民政府认真履行职责,成绩突出,给予通报表扬」: praise for work done asks nothing;
    the demand after it is a task."""
    from policykb.ingest.requirements import requirement_tasks
    from policykb.ingest.source import Block
    tasks = requirement_tasks([Block("按照确保质量的原则,经认真评审,甲山区、乙水县人民政府认真履行教育职责,成绩突出,省人民政府给予通报表扬。", "第1行"),
                               Block("各地要以受表扬的县为榜样,切实履行政府教育职责。", "第2行")])
    assert [t.units.lead for t in tasks] == [["各地"]]


def test_a_body_that_will_hold_the_others_to_account_divides_no_work():
    """「各责任单位务必…。主要领导要亲自负责。对整改不力的责任单位，区“双创”指挥部执纪问责组将进行约谈问责。」: the
    group's interviews hold the units to account (问责, as 督查 does), no share of the work: the notice divides none,
    and each sentence naming holders is a task (rule 2)."""
    from policykb.ingest.candidates import find_candidates
    from policykb.ingest.source import Block, Source
    lines = ["问题清单回头看", "以上问题依然存在。各责任单位务必高度重视,压实责任,全面整改。主要领导要亲自负责,对问题马上改。"
             "对整改不力、虚假应付的责任单位、责任人,区“双创”指挥部执纪问责组将进行约谈问责。", "2020年10月5日"]
    blocks = [Block(text, f"第{i}行") for i, text in enumerate(lines, 1)]
    candidates, _, _ = find_candidates(Source("notice.txt", "txt", blocks), set(), ())
    assert [c.units.lead for c in candidates] == [["各责任单位"], ["各责任单位"], ["区“双创”指挥部执纪问责组"]]


def test_a_new_sentence_urging_collectives_further_is_one_demand_with_theirs():
    """「各乡镇、区直有关部门要…。要…。要…。」: after collectives' demand, the sentences opening with the modal urge them
    further: one task, not one a sentence; a named body's next sentence (「县河管站要…。要督促…」), a 「；要…」 part, one
    naming whom they work with (「与包片干部要…」) or its own doer (「…，财政部门要…」) stay tasks of their own."""
    from policykb.ingest.requirements import requirement_tasks
    from policykb.ingest.source import Block

    def read(text: str) -> list[tuple[list[str], str]]:
        return [(t.units.lead, t.text[:6]) for t in requirement_tasks([Block(text, "第1行")])]
    assert read("会议要求，各乡镇、区直有关部门要树立安全发展理念。要严格落实行业监管职责。要加大执法检查力度，抓好隐患排查整改。") \
        == [(["各乡镇", "区直有关部门"], "会议要求，各")]
    assert read("会议要求，某县河管站要坚持问题导向，加大巡查频次。要督促设计公司尽快完成划界方案编制。") \
        == [(["某县河管站"], "会议要求，某"), (["某县河管站"], "要督促设计公")]
    assert read("督查组要求，各乡镇、相关部门要建立问题清单；要加大巡查、检查力度。") \
        == [(["各乡镇", "相关部门"], "督查组要求，"), (["各乡镇", "相关部门"], "要加大巡查、")]
    assert len(read("会议强调，各级政府要统筹推进。要建立资金直达基层的机制，财政、社保部门要设立特殊账户。")) == 2
    assert len(read("各村要落实防汛责任，加强河道巡查。与包片干部要密切配合，对辖区山塘开展隐患排查。")) == 2


def test_a_subjects_collectives_written_apart_by_a_comma_are_one_subject():
    """「各街道,各有关部门要…」: a collective alone before the comma is the first of the subject's list, not a clause of
    its own; words with a verb before the comma (「区督查室将跟踪督办,各街道要…」) still cut."""
    from policykb.ingest.requirements import requirement_tasks
    from policykb.ingest.source import Block
    [task] = requirement_tasks([Block("各街道,各有关部门要加强对防汛工作的认识,将其列入重要议事日程。", "第1行")])
    assert (task.units.lead, task.units.mode) == (["各街道", "各有关部门"], "separate")
    tasks = requirement_tasks([Block("区督查室将跟踪督办,各街道要按月报送进展情况。", "第1行")])
    assert [t.units.lead for t in tasks][-1] == ["各街道"]


def test_whoever_answers_for_a_field_of_work_is_a_kind_of_body_not_a_role_of_the_division():
    """「由镇街负责加强管理…，经营者必须…」: 镇街 (the towns and streets, written short as 街道 is) is the doer 由 names; and
    「市容环境卫生责任单位…应当进行劝阻和制止」: a regulation's holder named by its field of work is a kind of body with its
    own duty, not the division's 责任单位 asked to carry the division out (a requirement beside a note)."""
    from policykb.ingest.candidates import _on_role_holders
    from policykb.ingest.clauses import subject_clauses
    from policykb.ingest.shapes import Candidate
    from policykb.ingest.unitnotes import UnitList
    found = subject_clauses("在其他区域从事烧烤经营活动的,由镇街负责加强管理和规范引导,经营者必须依法办理经营手续。", (),
                            numbered=True)
    assert [u.lead for _, u in found] == [["镇街"]]

    def on_holders(lead: str) -> bool:
        return _on_role_holders(Candidate("做好工作", UnitList(lead, lead=[lead]), "第1行", "subject", 0.6))
    assert not on_holders("市容环境卫生责任单位")
    assert on_holders("各责任单位") and on_holders("项目责任单位") and on_holders("问题整改责任单位")


def test_a_request_in_the_paragraph_that_opens_what_the_notice_sets_out_below_is_its_charge_not_a_task():
    """「请你们严格按照…要求，精心组织…，确保…完成目标任务。现就有关工作通知如下。」: the notice's charge to its addressees
    as a whole, as the transmittal formula is (rule 2: neither); the items below asking the addressees are its tasks."""
    from policykb.ingest.requirements import requirement_tasks
    from policykb.ingest.source import Block
    lines = ["各乡镇人民政府:", "请你们严格按照实施导则要求,精心组织,周密安排,尽快开工建设,确保在10月底前完成目标任务。"
             "现就做好农村危房改造工作,通知如下。", "一、做好技术指导。各乡镇要加强建房的技术指导工作。",
             "二、加快实施进度。各乡镇要加大工作力度,六月底前开工率达到100%。"]
    tasks = requirement_tasks([Block(text, f"第{i}行") for i, text in enumerate(lines, 1)])
    assert [t.units.lead for t in tasks] == [["各乡镇"], ["各乡镇"]]


def test_a_demand_opening_with_its_modal_names_its_doer_after_the_comma():
    """「会议强调，一是各级政府要…。要建立…机制，财政、审计部门要设立…」: the second demand opens with 要 and no subject;
    the units named after its comma, with their own modal, hold it, not the subject of the demand before it."""
    from policykb.ingest.requirements import requirement_tasks
    from policykb.ingest.source import Block
    tasks = requirement_tasks([Block("会议强调,一是各级政府要贯彻决策部署,统筹推进各项工作。要建立资金直达基层的特殊机制,"
                                     "财政、审计部门要设立特殊账户,资金直接拨到市场主体。", "第1行")])
    assert [(t.units.lead, t.units.participants) for t in tasks] == [(["各级政府"], []), (["财政部门"], ["审计部门"])]
    # a stop lost before the doer: the words before it name work, no unit's name (the last holders' demand goes on)
    tasks = requirement_tasks([Block("会议强调,各参会单位必须高度重视。要落实任务分解,并做好备查点的准备工作县消防大队要统筹做好"
                                     "迎检工作。", "第1行")])
    assert all("准备工作" not in name for t in tasks for name in t.units.lead)
