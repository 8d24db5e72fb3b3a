"""The general reader (ingest/generic.py) on small inline texts in layouts no recogniser was told about."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from policykb.ingest.compose import Registry, compose
from policykb.ingest.confidence import CONFIDENT
from policykb.ingest.generic import GENERAL_ONLY, general_tasks
from policykb.ingest.items import items_of
from policykb.ingest.source import Block, ImportFailed, Source
from policykb.ingest.unitnames import looks_like_unit


def _read(*lines: str, registered: set[str] = frozenset()):
    return general_tasks([Block(t, f"第{i}行") for i, t in enumerate(lines, start=1)], (), set(registered))


def _rows(*rows: tuple[str, ...]):
    return general_tasks([Block(" | ".join(r), f"表1第{i}行", cells=r, table=1) for i, r in enumerate(rows, start=1)])


def test_a_prose_sentence_names_its_lead_and_participants():
    tasks, _ = _read("一、重点任务", "1. 加强学校建设，由市教育局牵头，市财政局、市人社局配合，确保年底前完成。")
    assert [(t.units.lead, t.units.participants) for t in tasks] == [(["市教育局"], ["市财政局", "市人社局"])]
    assert tasks[0].text == "加强学校建设，确保年底前完成。" and tasks[0].number == 1


def test_a_responsibility_line_after_its_item_and_a_time_line():
    tasks, _ = _read("（三）完善救助制度。", "责任单位：市民政局、市财政局", "完成时限：2024年6月底前")
    assert tasks[0].units.lead == ["市民政局"] and tasks[0].units.participants == ["市财政局"]
    assert tasks[0].text == "完善救助制度。" and tasks[0].deadline_text == "2024年6月底前" and tasks[0].number == 3


def test_a_role_word_in_brackets_after_a_name():
    tasks, _ = _read("② 推进项目建设（市住建局、市发改委（牵头））")
    assert tasks[0].units.lead == ["市发改委"] and tasks[0].units.participants == ["市住建局"]
    assert tasks[0].number == 2


def test_a_label_and_its_value_in_two_cells():
    tasks, _ = _rows(("工作任务", "建设农贸市场"), ("牵头单位", "县商务局"), ("配合单位", "县财政局、各乡镇"),
                     ("完成时限", "2024年底"))
    assert [t.units.lead for t in tasks] == [["县商务局"]]
    assert tasks[0].units.participants == ["县财政局", "各乡镇"] and tasks[0].deadline_text == "2024年底"


def test_a_table_whose_columns_name_roles_and_a_leader():
    tasks, _ = _rows(("序号", "重点工作", "分管县领导", "牵头责任单位", "责任单位", "完成时限"),
                     ("3", "改造农村公路", "张三", "县交通局", "县财政局、县自然资源局", "全年"))
    assert tasks[0].units.lead == ["县交通局"] and tasks[0].units.participants == ["县财政局", "县自然资源局"]
    assert tasks[0].units.leaders == ["张三"] and tasks[0].number == 3 and tasks[0].deadline_text == "全年"


def test_bracketed_numbers_run_onto_one_line_after_a_heading_are_items():
    """A page that lost its line breaks: 「…一、各乡镇责任目标(一)落实防汛责任。各乡镇政府要…。(二)控制灾害损失。…」:
    (一) and (二) open items even right after the heading's last word; the item naming a subject is its task."""
    tasks, _ = _read("某县防汛目标责任书:一、各乡镇责任目标(一)落实防汛责任。各乡镇人民政府要明确防汛责任人,"
                     "健全县、乡、村三级责任体系。(二)控制灾害损失。年内不发生因灾死亡事故。")
    assert [(t.number, t.text, t.units.lead) for t in tasks] == [
        (1, "落实防汛责任。各乡镇人民政府要明确防汛责任人,健全县、乡、村三级责任体系。", ["各乡镇人民政府"])]


def test_a_line_ending_in_a_closed_quotation_is_not_wrapped_into_the_next():
    """「…请水利局尽快销号。”」 ends its sentence inside the quotation: the next line is a paragraph of its own."""
    from policykb.ingest.items import items_of
    items = items_of([Block("市长批示：“请水利局按照要求，尽快销号。”", "第1行"),
                      Block("市整改办立即下发通知，要求各责任单位认真落实批示要求。", "第2行")])
    assert [i.where for i in items] == ["第1行", "第2行"]


def test_a_covering_notices_formula_without_its_stop_is_not_wrapped_into_the_next_paragraph(tmp_path):
    """A page that lost its stops (「…印发给你们请认真贯彻执行」, no 。): the formula still closes the notice, and the
    next paragraph's demand is read with its own subject, not run into the formula."""
    from policykb.ingest.items import items_of
    items = items_of([Block("为确保各项任务落到实处,现将任务分解表印发给你们请认真贯彻执行", "第1行"),
                      Block("全县各级各部门要把抓好目标任务落实作为首要任务,全力以赴抓落实。", "第2行")])
    assert [i.where for i in items] == ["第1行", "第2行"]
    # (a fixed-width line broken inside the formula, 「请各单位认真贯彻」 / 「落实。」, still goes on)
    assert len(items_of([Block("现将任务分解表印发给你们,请各单位认真贯彻", "第1行"), Block("落实。", "第2行")])) == 1
    draft = _drafted_text(tmp_path, "\n\n".join([
        "甲县人民政府关于印发任务分解表的通知", "各镇人民政府,县政府各部门:",
        "为确保各项年度目标任务落到实处,现将任务分解表印发给你们请认真贯彻执行",
        "全县各级各部门要把抓好目标任务落实作为首要任务,全力以赴抓落实。",
        "县委督查办要结合任务分解,认真建立督查台账。", "甲县人民政府", "2023年3月1日"]))
    assert [t["lead"] for t in draft.tasks.values()] == [["全县各级", "各部门"], ["甲县委督查办"]]


def test_a_sentence_with_its_own_subject_before_a_topics_doer_is_a_task_of_its_own():
    """「二是河长制和门前三包。各局委要明确任务，每天派人巡查。门前三包任务由各街道负责实施。」: the topic's doer (由) is
    one task, the departments' sentence before it another, and the item's title stays with the first."""
    tasks, _ = _read("会议要求：一是规范单车停放。区交运局牵头，梳理辖区投放单车的公司。"
                     "二是河长制和门前三包。各局委要明确任务，每天派工作人员巡查。门前三包任务由各街道负责实施。")
    assert [(t.text, t.units.lead) for t in tasks][1:] == [
        ("各局委要明确任务，每天派工作人员巡查。", ["各局委"]), ("河长制和门前三包。门前三包任务由各街道负责实施。", ["各街道"])]


def test_a_paragraph_after_an_article_that_opens_with_its_unit_is_that_articles():
    """「第四条 …其中采石场的关闭由所在区人民政府负责。」 then 「市生态环境局应当加强…」 without a number: the article's
    second paragraph, numbered with it (not a covering notice's requirement); a paragraph naming nobody stays unread."""
    tasks, _ = _read("第三条 禁止区内不得新建采石场。", "第四条 关闭工作按照全市统一部署进行。其中采石场的关闭由所在区人民政府负责。",
                     "市生态环境局应当加强采石场粉尘污染的监督检查。", "第五条 本规定自发布之日起施行。")
    assert [(t.number, t.units.lead) for t in tasks] == [(4, ["所在区人民政府"]), (4, ["市生态环境局"])]


def test_a_paragraph_after_an_article_whose_later_sentence_names_its_doer_with_you_is_that_articles():
    """「第四条 各区应当…」 then 「鼓励…建设甲联动区。甲联动区由省人民政府负责审定。」 without a number: the permission
    names nobody, the sentence after it names its doer with 由 (the zone its topic): the article's task too."""
    tasks, _ = _read("第三条 禁止区内不得新建采石场。", "第四条 各区应当建立联动协作机制,促进协调发展。",
                     "鼓励有条件的地区探索建设甲联动区。甲联动区由省人民政府负责审定。", "第五条 本规定自发布之日起施行。")
    assert [(t.number, t.units.lead) for t in tasks][-1] == (4, ["省人民政府"])
    assert "甲联动区由省人民政府负责审定" in tasks[-1].text


def test_parts_run_onto_one_line_in_order_even_after_a_roster_without_its_stop():
    """「…通知如下:一、主要职责负责普查的组织和领导。二、组成人员组长:王某某副省长成员:李某某厅长三、工作机构…」:
    三、 stands right after a roster's last post; the parts are 一, 二, 三 in order, and a duty heading run into its
    duty (主要职责负责…) is the heading over it: the group the notice set up does the duty."""
    from policykb.ingest.items import _chained_parts, _duty_heading_run_in
    text = ("省政府决定成立省普查领导小组。现将有关事项通知如下:一、主要职责负责普查的组织和领导。二、组成人员组长:王某某副省长"
            "成员:李某某省统计局局长三、工作机构领导小组办公室设在省统计局")
    runs = _chained_parts(text)
    assert runs[1::2] == ["一、", "二、", "三、"] and runs[6].startswith("工作机构")
    assert _chained_parts("一、甲。二、乙。") is None  # two parts after stops: the stricter reader's
    assert _duty_heading_run_in("主要职责负责普查的组织和领导。") == ("主要职责", "负责普查的组织和领导。")
    assert _duty_heading_run_in("工作机构及其职责领导小组办公室设在省统计局") == ("工作机构及其职责", "领导小组办公室设在省统计局")
    assert _duty_heading_run_in("职责明确各部门分工") == ("", "职责明确各部门分工")


def test_separate_leads_and_a_guide():
    tasks, _ = _read("（1）推进改革。市发改委、市财政局、市商务局分别牵头落实，市政府办指导。")
    assert tasks[0].units.lead == ["市发改委", "市财政局", "市商务局"] and tasks[0].units.mode == "separate"
    assert tasks[0].units.participants == ["市政府办"]


def test_a_scope_note_holds_for_the_later_tasks():
    tasks, _ = _read("4．做好甲项。（区政府指导，区水利局负责落实。以下均需各街道落实，不再列出）",
                     "5．做好乙项。（区交通局负责）")
    assert [t.units.lead for t in tasks] == [["区水利局"], ["区交通局"]]
    assert "各街道" in tasks[1].units.participants and "不再列出" not in tasks[0].text


def test_two_notes_in_one_item_make_two_tasks():
    tasks, _ = _read("6. 建设污水管网〔县住建局负责〕；整治黑臭水体〔县生态环境局牵头，县水利局参与〕。")
    assert [t.units.lead for t in tasks] == [["县住建局"], ["县生态环境局"]]
    assert tasks[1].text == "整治黑臭水体。" and "〔" not in tasks[0].text


def test_a_collective_stays_whole():
    tasks, _ = _read("7. 开展安全检查（市应急局牵头，各区、县（市）人民政府负责落实）")
    assert tasks[0].units.participants == ["各区、县（市）人民政府"]


def test_a_leader_line_before_the_units():
    tasks, _ = _read("8. 推进乡村振兴。", "牵头负责领导：李四", "牵头责任单位：县农业农村局", "协同责任单位：县财政局")
    assert tasks[0].units.leaders == ["李四"] and tasks[0].units.lead == ["县农业农村局"]
    assert tasks[0].units.participants == ["县财政局"]


def test_a_sentence_fragment_is_no_unit_and_an_item_naming_nobody_is_listed():
    tasks, unread = _read("1. 加快推进政府及其部门信息公开，做好政策解读，切实提高工作实效和群众满意度。")
    assert tasks == [] and [b.where for b in unread] == ["第1行"]


def test_its_confidence_stays_below_the_confident_mark():
    tasks, _ = _read("1. 做好甲项（牵头单位：市财政局）", "2. 做好乙项（市财政局、市税务局）",
                     registered={"市财政局", "市税务局"})
    assert all(t.confidence <= 0.8 < CONFIDENT for t in tasks) and tasks[1].confidence < tasks[0].confidence


def _source(*lines: str) -> Source:
    return Source("x.txt", "txt", [Block(t, f"第{i}行") for i, t in enumerate(lines, start=1)])


def test_a_document_no_recogniser_reads_is_imported_and_the_review_says_who_read_it(tmp_path, monkeypatch):
    import datetime as dt
    monkeypatch.setattr("policykb.ingest.candidates._recognised", lambda source, known: ([], [], "annex"))
    draft = compose(_source("某县人民政府办公室关于印发重点工作的通知", "一、重点工作",
                            "1. 改造农村危房，由县住建局牵头，县财政局配合。", "2. 修建村道，县交通局负责。"),
                    Registry.load(tmp_path), dt.date(2024, 1, 1))
    assert [t["lead"] for t in draft.tasks.values()] == [["某县住建局"], ["某县交通局"]]
    assert any("通用" in line for line in draft.review)
    assert any(line.startswith("[任务 1]") and "general" in line for line in draft.review)


def test_general_only_turns_the_recognisers_off(tmp_path, monkeypatch):
    import datetime as dt
    lines = ("某县人民政府办公室关于印发重点工作的通知", "一、重点工作", "1. 改造农村危房（县住建局负责）")
    normal = compose(_source(*lines), Registry.load(tmp_path), dt.date(2024, 1, 1))
    monkeypatch.setenv(GENERAL_ONLY, "1")
    general = compose(_source(*lines), Registry.load(tmp_path), dt.date(2024, 1, 1))
    assert normal.tasks[1]["lead"] == general.tasks[1]["lead"] == ["某县住建局"]
    assert not any("general" in line for line in normal.review) and any("general" in line for line in general.review)


def test_nothing_read_at_all_is_still_refused(tmp_path):
    import datetime as dt
    with pytest.raises(ImportFailed) as failed:
        compose(_source("某县关于加强学习的通知", "一、提高认识", "1. 加强学习，提高认识，切实做好各项工作。"),
                Registry.load(tmp_path), dt.date(2024, 1, 1))
    assert failed.value.code == "import-no-tasks"


def test_a_notice_of_requirements_alone_is_imported_from_its_sentences_and_flagged(tmp_path):
    """No note, label or table anywhere: each sentence whose subject is units or collectives is a task of theirs,
    low confidence and flagged; a comma followed by units opens a requirement of its own, one followed by a verb
    (「配合市住建局…」) goes on with the last. Where a named unit is given its own work (县住建局), the demand on the
    division's role holders (「请各牵头单位要严格按照任务分工…」) is a requirement on carrying it out (truth rule 1), and so is
    the supervision the issuer's 督查室 announces (「县政府督查室将对落实情况进行专项督办」, rule 1: no share of the work)."""
    import datetime as dt
    draft = compose(_source("某县人民政府办公室关于做好民生实事工作的通知", "各乡镇，县直各部门：",
                            "请各牵头单位要严格按照任务分工，细化工作措施。",
                            "县政府督查室将对落实情况进行专项督办，各地、各部门要按照县政府的部署逐条对照。",
                            "县住建局要抓好全县村庄整治，配合市住建局组织培训。",
                            "某县人民政府办公室", "2024年1月5日"),
                    Registry.load(tmp_path), dt.date(2024, 1, 1))
    tasks = list(draft.tasks.values())
    assert [t["lead"] for t in tasks] == [["各地", "各部门"], ["某县住建局"]]
    assert tasks[0]["lead_mode"] == "separate"
    assert tasks[1]["text"] == "县住建局要抓好全县村庄整治，配合市住建局组织培训。"
    assert [r["text"] for r in draft.doc["annex"]["requirements"]] == ["请各牵头单位要严格按照任务分工，细化工作措施。"]
    assert any(line.startswith("[通知要求]") for line in draft.review)
    assert any("正文中对单位提出的要求" in line for line in draft.review)


def test_a_notice_whose_only_subjects_are_collectives_and_role_holders_keeps_all_its_demands(tmp_path):
    """Numbered demands on 各地各部门 and on 各牵头部门, no named unit's work, no note: the notice divides no work on
    the page (corpus truth rule 2), so every demand is its task, not only the role holders' ones."""
    tasks = _drafted(tmp_path, "某省人民政府关于分解下达重点任务的通知", "各市人民政府，省政府各部门：",
                     "一、统一思想抓落实。报告是对全省人民的承诺。各地各部门要把落实报告作为重要政治任务。",
                     "二、明确责任抓落实。各地各部门要建立健全主要领导亲自抓的责任机制。",
                     "三、加强协作抓落实。省政府各牵头部门要切实履行牵头抓总的职责。", "四、加强跟踪督办",
                     "省发展改革委要建立清单管理制度，每月跟踪比对工作落实情况。", "某省人民政府")
    assert [t["lead"] for t in tasks] == [["各地", "各部门"], ["各地", "各部门"], ["某省政府各牵头部门"],
                                          ["某省发展改革委"]]
    assert [t["lead_mode"] for t in tasks][:2] == ["separate", "separate"]


def test_a_short_numbered_heading_is_not_joined_to_the_paragraph_under_it(tmp_path):
    # a heading with no closing mark over a paragraph of whole sentences (「务必」 is a modal like 要)
    tasks = _drafted(tmp_path, "某市人民政府办公室关于分解落实政府工作报告的通知",
                     "一、提高站位，切实做好工作报告落实落地",
                     "政府工作报告确定的各项目标任务是严肃的政治任务。各责任单位务必把抓好目标任务落实作为首要任务，加强组织领导。",
                     "二、密切配合，迅速建立齐抓共管的工作机制",
                     "各责任单位要按照总体部署，抓紧制定具体推进落实方案，细化目标任务。牵头单位要切实履行牵头职责，主动协调沟通。",
                     "某市人民政府办公室")
    assert [(t["lead"], t["text"][:6]) for t in tasks] == [
        (["各责任单位"], "各责任单位务"), (["各责任单位"], "各责任单位要"), (["牵头单位"], "牵头单位要切")]


def test_a_meetings_demands_after_yao_qiu_and_a_units_next_demands_are_tasks(tmp_path):
    tasks = _drafted(tmp_path, "某县水利局召开会议部署河长制重点工作", "3月23日，某县水利局召开专题会议。",
                     "会议传达学习了相关文件，要求各站所、科室要认真领会文件精神。县河管站要坚持问题导向，加大巡查频次；"
                     "要着力构建长效机制，巩固治理成果。要督促设计公司尽快完成划界方案编制。二大力改善办学条件。要进一步加大投入。")
    # (「各站所、科室」: a collective and a kind of body, no lead word: the first leads, the other takes part)
    assert [(t["lead"], t.get("participants"), t["text"][:6]) for t in tasks] == [
        (["各站所"], ["科室"], "会议传达学习"), (["某县河管站"], [], "县河管站要坚"), (["某县河管站"], [], "要着力构建长"),
        (["某县河管站"], [], "要督促设计公")]


def test_a_notice_whose_one_named_unit_supervises_the_others_is_read_as_its_demands(tmp_path):
    # 「厅办公室负责…跟踪、督查」 is the notice's supervision of the work (truth rule 1), no division of it
    tasks = _drafted(tmp_path, "某厅办公室关于印发主要任务分工方案的通知", "厅机关各处室：",
                     "《分工方案》已经厅党组会研究通过，现印发你们。请各单位将落实情况于12月1日前报厅办公室。"
                     "厅办公室负责对任务落实情况进行跟踪、督查，各单位任务完成情况将纳入年底绩效考核。")
    assert [(t["lead"], t["text"][:5]) for t in tasks] == [(["各单位"], "请各单位将"), (["厅办公室"], "厅办公室负")]


def test_a_request_naming_no_units_is_the_addressees_and_the_transmittal_formula_is_nobodys(tmp_path):
    tasks = _drafted(tmp_path, "某厅办公室关于印发主要任务分工方案的通知", "厅机关各处室，省文物局：",
                     "《分工方案》已经厅党组会研究通过，现印发你们，请按各自职责进一步细化推进方案和工作举措。"
                     "请各单位将落实情况于12月1日前报厅办公室。请结合实际，认真抓好落实。")
    assert [(t["lead"], t["text"][:5]) for t in tasks] == [(["厅机关各处室", "省文物局"], "请按各自职"),
                                                          (["各单位"], "请各单位将")]
    assert tasks[0]["lead_mode"] == "separate"
    review = compose(_source("某厅办公室关于印发主要任务分工方案的通知", "厅机关各处室，省文物局：",
                             "现印发你们，请按各自职责进一步细化推进方案和工作举措。"),
                     Registry.load(tmp_path), dt.date(2024, 1, 1)).review
    assert any(line.startswith("[主送单位]") and "厅机关各处室，省文物局" in line for line in review)


def test_a_request_after_a_comma_names_its_collectives_each_doing_its_share(tmp_path):
    tasks = _drafted(tmp_path, "某市人民政府办公室关于分解落实政府工作报告的通知", "各区、镇，市政府各部门：",
                     "经市人民政府同意，现将工作任务进行责任分解，请各地、各部门“一把手”亲自抓，于1月23日前将方案报市政府督查室。"
                     "市政府督查室将对落实情况进行专项督办。")
    assert [(t["lead"], t.get("lead_mode"), t["text"][:6]) for t in tasks][:1] == [
        (["各地", "各部门"], "separate", "请各地、各部")]
    assert tasks[0]["units_as_written"] == "各地、各部门"  # not the quote that opens 「“一把手”」
    assert tasks[0]["leaders"] == ["一把手"]  # the post quoted after them: their own people lead it


def test_a_request_to_a_collective_and_a_named_body_asks_each_for_its_share(tmp_path):
    """「请各县农业农村部门、某市经开区农业局整理报送…」: a request names no role, so everyone it names is asked (each
    its share), not the first leading and the body after it helping."""
    tasks = _drafted(tmp_path, "某市农业农村局办公室关于报送春耕生产情况的通知", "各县农业农村部门，某市经开区农业局：",
                     "一、请各县农业农村部门、某市经开区农业局整理报送春耕备耕进展、存在问题和下一步打算。",
                     "某市农业农村局办公室")
    assert [(t["lead"], t["lead_mode"], t["participants"]) for t in tasks] == [
        (["各县农业农村部门", "某市经开区农业局"], "separate", [])]


def test_a_stressed_role_holder_after_a_comma_opens_its_own_demand_and_an_items_title_goes_to_its_first(tmp_path):
    tasks = _drafted(tmp_path, "某县人民政府办公室关于分解下达重点工作任务的通知", "各乡镇，县直各单位：",
                     "一、务必高度重视。今年是关键一年。各责任单位要逐项谋划，特别是牵头单位要统筹相关责任单位制定细化方案；"
                     "各牵头单位于2月29日前将细化方案报送至县政府督查室。", "某县人民政府办公室")
    assert [(t["lead"], t["text"][:6]) for t in tasks] == [
        (["各责任单位"], "务必高度重视"), (["牵头单位"], "特别是牵头单"), (["各牵头单位"], "各牵头单位于")]


def test_a_titled_topic_before_by_names_the_doer_and_its_partner():
    from policykb.ingest.clauses import subject_clauses
    found = subject_clauses("《清单》和《目录》由县委编办会同县司法局进行解释。")
    assert [(u.lead, u.participants, u.how) for _, u in found] == [(["县委编办"], ["县司法局"], "by")]


def test_a_row_without_a_header_whose_cell_holds_only_units():
    tasks, _ = _rows(("1", "建设农贸市场", "县商务局、县财政局", "2024年底"))
    assert tasks[0].units.lead == ["县商务局"] and tasks[0].units.participants == ["县财政局"]
    assert tasks[0].text == "建设农贸市场；2024年底。" and tasks[0].number == 1


def test_a_heading_naming_a_leader_gives_its_tasks_that_leader_until_the_next_heading_of_its_level():
    tasks, _ = _read("一、王明市长主抓重点工作", "（一）稳增长", "1. 扩大投资。", "牵头单位：市发改委",
                     "二、民生实事", "1. 建设学校。", "责任单位：市教育局")
    assert [t.units.leaders for t in tasks] == [["王明"], []]


def test_a_time_before_the_units_in_a_note_is_the_deadline():
    tasks, _ = _read("9. 完成河道清淤（2024年底前，县水利局牵头，各乡镇配合）")
    assert tasks[0].units.lead == ["县水利局"] and tasks[0].deadline_text == "2024年底前"
    assert tasks[0].text == "完成河道清淤。"


def test_a_note_standing_alone_assigns_the_items_before_it():
    tasks, unread = _read("一、改善环境", "1. 清理河道垃圾。", "2. 打捞水面漂浮物。", "（责任单位：县水利局、各乡镇）",
                          "3. 整治黑臭水体。", "（县生态环境局负责）")
    assert [(t.text, t.units.lead, t.number) for t in tasks] == [
        ("改善环境。清理河道垃圾。打捞水面漂浮物。", ["县水利局"], 1), ("整治黑臭水体。", ["县生态环境局"], 3)]


def test_a_post_before_a_name_is_a_leader_not_a_unit():
    tasks, _ = _read("（二）做好丙项（分管副县长王五，县财政局牵头，县税务局配合）")
    assert tasks[0].units.leaders == ["王五"] and tasks[0].units.lead == ["县财政局"]
    assert tasks[0].units.participants == ["县税务局"] and tasks[0].text == "做好丙项。"


def test_a_count_of_tasks_then_their_list_gives_each_task_the_named_unit():
    """「有2项由X牵头，分别是A；B」: A and B are X's; the count is no task and no unit's name."""
    tasks, _ = _read("市里明确，需要市民政局参加的工作共计5项，有2项由市民政局牵头，分别是完善养老服务网络；推进社区食堂建设。")
    assert [(t.text, t.units.lead) for t in tasks] == [("完善养老服务网络。", ["市民政局"]),
                                                         ("推进社区食堂建设。", ["市民政局"])]


def test_each_sentence_with_its_own_by_note_is_a_task_of_its_own():
    """Prose notes of two sentences are two tasks; 「主要由X、Y等部门牵头负责」 leads jointly, open to others;
    「由X、Y等分工负责」: the first listed leads."""
    tasks, _ = _read("改善人居环境,主要由县住建局、县水利局等部门牵头负责。整治黑臭水体,由县生态环境局、县农业农村局等分工负责。")
    assert [(t.units.lead, t.units.participants, t.units.mode, t.units.open_ended) for t in tasks] == [
        (["县住建局", "县水利局"], [], "joint", True), (["县生态环境局"], ["县农业农村局"], "first", True)]
    assert "改善人居环境" in tasks[0].text and tasks[1].text.startswith("整治黑臭水体")


def test_a_bare_name_in_a_document_whose_place_is_unknown_is_not_confident(tmp_path):
    """No issuer, title or text says where the document is: 「发改委」 may be any place's, so the review flags it."""
    import datetime as dt
    draft = compose(_source("重点工作分解", "1. 编制年度计划（牵头单位：发改委）"), Registry.load(tmp_path), dt.date(2024, 1, 1))
    line = next(line for line in draft.review if line.startswith("[任务 1]"))
    assert float(line.split("置信度 ")[1].split("：")[0]) < CONFIDENT and "属于哪个地方未能确定" in line


def test_quoted_projects_each_with_its_unit_in_brackets_beside_a_numbered_table(tmp_path):
    """A report's text names projects 「“X”（单位）」 around its table: each is a task of its unit; the table's
    numbered rows keep their own numbers and the text's projects take the next free ones."""
    import datetime as dt
    source = Source("x.txt", "txt", [
        Block("某市2023年民生实事完成情况的通报", "第1行"),
        Block("其中“改造背街小巷12条”(市城管局)、“新增停车位800个”(市交通局)进度滞后,已于年底前完成。", "第2行"),
        Block("序号 | 项目内容 | 责任单位", "第3行", ("序号", "项目内容", "责任单位"), 1),
        Block("4 | 新建社区食堂10家 | 市民政局", "第4行", ("4", "新建社区食堂10家", "市民政局"), 1),
        Block("5 | 建设体育公园2个 | 市体育局", "第5行", ("5", "建设体育公园2个", "市体育局"), 1)])
    draft = compose(source, Registry.load(tmp_path), dt.date(2024, 1, 1))
    assert sorted((n, t["text"], t["lead"][0][-3:]) for n, t in draft.tasks.items()) == [
        (4, "新建社区食堂10家", "民政局"), (5, "建设体育公园2个", "体育局"),
        (6, "改造背街小巷12条。", "城管局"), (7, "新增停车位800个。", "交通局")]


def test_a_guiding_idea_is_no_guiding_unit():
    """「各部门要坚持以…思想为指导」: 指导 closes the sentence, but what stands before it is no list of units."""
    tasks, _ = _read("1. 各地、各部门要坚持以新发展理念为指导，全面落实各项工作任务。")
    assert tasks == [] or all("坚持" not in n for t in tasks for n in t.units.lead + t.units.participants)


# --- a unit named alone above its items ---

def test_an_office_heading_with_its_other_names_owns_the_circled_tasks_under_it():
    """The office is named as the heading names it, its plates in brackets with it (corpus truth rule 4)."""
    tasks, _ = _read("(一)综合办公室(党群工作部、监察室)", "(1)年度主要任务与要求:",
                     "①积极宣传推介园区,完成上稿8篇;②理顺园区体制机制;③完成主要领导交办的其他工作。",
                     "(二)招商合作局(行政审批局、政务服务中心)", "(1)年度主要任务与要求:", "①制作和更新园区招商手册;②落实行政审批。")
    office, bureau = "综合办公室(党群工作部、监察室)", "招商合作局(行政审批局、政务服务中心)"
    assert [(t.text.rstrip("。；;"), t.units.lead, t.units.participants, t.number) for t in tasks] == [
        ("积极宣传推介园区,完成上稿8篇", [office], [], 1), ("理顺园区体制机制", [office], [], 2),
        ("完成主要领导交办的其他工作", [office], [], 3),
        ("制作和更新园区招商手册", [bureau], [], 1), ("落实行政审批", [bureau], [], 2)]
    assert all("unit from heading" in t.units.flags and t.confidence < CONFIDENT for t in tasks)


def test_a_unit_on_a_line_of_its_own_owns_the_numbered_list_after_it():
    tasks, _ = _read("记者：您有怎样的想法？", "局长：我们有信心完成好目标任务。", "市卫生局", "2011年重点工作目标责任书(4项)",
                     "1、上半年开工建设市儿童医院。", "2、新型农村合作医疗参保率稳定在92%以上。")
    assert [(t.units.lead, t.number) for t in tasks] == [(["市卫生局"], 1), (["市卫生局"], 2)]


def test_a_heading_without_a_unit_at_the_owners_level_ends_what_the_owner_owns():
    tasks, _ = _read("(一)综合办公室", "1.完成上稿8篇。", "(二)其他要求", "1.各部门加强协作。")
    assert [(t.text, t.units.lead) for t in tasks] == [("完成上稿8篇。", ["综合办公室"])]


def test_an_item_before_a_higher_level_is_no_heading():
    tasks, _ = _read("一、重点任务", "(一)做好甲项工作(县水利局负责)", "(二)完善制度", "二、保障措施")
    assert [t.text for t in tasks] == ["做好甲项工作。"]


def _drafted(root, *lines: str) -> list[dict]:
    """The tasks a user would see in the draft of a small text (a knowledge base with no units of its own)."""
    import datetime as dt
    return list(compose(_source(*lines), Registry.load(root), dt.date(2024, 1, 1)).tasks.values())


def test_paragraphs_each_opening_with_their_unit_are_each_that_units_task(tmp_path):
    # 「为确保我区…」 opens the text where a title would stand: 我区 is no place's name, so none is put before the units
    tasks = _drafted(tmp_path, "为确保我区河道整洁，现将各单位职责明确如下：",
                     "区水务局负责河道保洁的统筹协调，定期通报保洁情况。",
                     "区城管局要做好沿河垃圾的清运，确保日产日清。",
                     "区財政局負責保洁经费的保障。",
                     "各街道负责辖区内河段的日常巡查。")
    assert [t["lead"] for t in tasks] == [["区水务局"], ["区城管局"], ["区財政局"], ["各街道"]]
    assert tasks[1]["text"] == "区城管局要做好沿河垃圾的清运，确保日产日清。"


def test_a_notice_of_one_unit_sentence_is_read_as_its_requirements_below_the_confident_mark(tmp_path):
    """No division of work anywhere: its requirements are what there is to track, imported for review rather
    than refused (issue #22: refuse only when nothing at all was read)."""
    import datetime as dt
    draft = compose(_source("关于做好汛期安全工作的通知", "入汛以来，我区降雨偏多，形势严峻。",
                            "区水务局要加强巡查。", "请各单位高度重视，认真落实。", "特此通知。"),
                    Registry.load(tmp_path), dt.date(2024, 1, 1))
    assert [t["lead"] for t in draft.tasks.values()] == [["区水务局"], ["各单位"]]
    confidences = [float(line.split("置信度 ")[1][:4]) for line in draft.review if line.startswith("[任务 ")]
    assert len(confidences) == 2 and all(c < CONFIDENT for c in confidences)
    assert sum(line.startswith("[通知要求]") for line in draft.review) == 2


def test_a_sector_list_shares_a_zones_committee_with_no_sector():
    from policykb.ingest.unitnotes import parse_units
    units = parse_units("水利、教育、高新区管委会负责", ())
    assert units.lead + units.participants == ["水利", "教育", "高新区管委会"]


def test_an_item_heading_run_into_its_label_and_a_progress_paragraph_after_it(tmp_path):
    tasks = _drafted(tmp_path, "一、进展情况",
                     "（一）农村饮水提质工程牵头责任部门:县水务局",
                     "截至3月底，已完成管网铺设12公里，完成率60%",
                     "（二）乡镇卫生院改造牵头单位：县卫健局",
                     "已完成3所卫生院的改造设计")
    assert [(t["text"], t["lead"]) for t in tasks] == [("农村饮水提质工程。", ["县水务局"]),
                                                        ("乡镇卫生院改造。", ["县卫健局"])]


def test_a_list_of_units_wrapped_after_its_label_is_still_joined():
    tasks, _ = _read("（一）修缮校舍，责任单位：县教育局、县财", "政局、县住建局")
    assert tasks[0].units.lead == ["县教育局"] and tasks[0].units.participants == ["县财政局", "县住建局"]


def test_a_hard_wrapped_item_whose_note_breaks_a_name_keeps_all_its_lines(tmp_path):
    """Lines wrapped at a fixed width, the closing note over the last two (a name broken between them): the task is
    every line of the item, the note read whole."""
    tasks = _drafted(tmp_path, "(一)改善农村道路。修缮村道二十公里,新建", "桥梁三座,完善安全防护设施。〔县交通运",
                     "输局、县财政局按职责分工负责,各乡镇落实〕", "(二)整治河道。清理河道淤泥,修复堤岸。〔县水利局负责〕")
    assert [(t["text"], t["lead"], t["participants"]) for t in tasks] == [
        ("改善农村道路。修缮村道二十公里,新建桥梁三座,完善安全防护设施。", ["县交通运输局"], ["县财政局", "各乡镇"]),
        ("整治河道。清理河道淤泥,修复堤岸。", ["县水利局"], [])]


# --- a unit named as a line or a sentence of its own, then its duty 「负责…」 ---

def test_a_numbered_unit_sentence_then_its_duty_line_is_that_units_task(tmp_path):
    tasks = _drafted(tmp_path, "3.1 成员单位职责。", "(1)县应急局。", "负责抢险救援的统一调度和物资储备工作。",
                     "(2)县消防救援大队、县人武部。", "负责险情现场的人员搜救,组织民兵参加抢险。")
    assert [(t["text"], t["lead"], t["participants"]) for t in tasks] == [
        ("负责抢险救援的统一调度和物资储备工作。", ["县应急局"], []),
        ("负责险情现场的人员搜救,组织民兵参加抢险。", ["县消防救援大队"], ["县人武部"])]


def test_a_roster_run_onto_one_line_gives_each_named_unit_the_duty_after_it(tmp_path):
    tasks = _drafted(tmp_path, "县政府成立防汛工作领导小组。各成员单位职责如下:县水务局。负责河道堤防的巡查,"
                               "并承担办公室日常工作。加强汛期值守。县交通局、县公路中心。负责道路桥梁的抢修。县气象局。负责雨情预报。")
    assert [(t["text"], t["lead"], t["participants"]) for t in tasks] == [
        ("负责河道堤防的巡查,并承担办公室日常工作。加强汛期值守。", ["县水务局"], []),
        ("负责道路桥梁的抢修。", ["县交通局"], ["县公路中心"]), ("负责雨情预报。", ["县气象局"], [])]


def test_a_page_that_lost_its_breaks_cuts_before_each_roster_unit_and_its_colon(tmp_path):
    """A shared page on one line: 「…共同做好预防工作。派出所:配合有关部门开展水域排查;…。水利站:负责…」 cuts before each
    unit's name and colon (a label, 责任单位:, does not cut), and each roster line is its unit's task."""
    from policykb.ingest.readers import read
    page = tmp_path / "plan.txt"
    page.write_text("某镇防溺水联防联控工作方案 根据上级精神,结合我镇实际,为切实落实学校监督管理、学生自我管理和监护人的监护"
                    "职责,做到教育到位、宣传到位、管理到位,强化防溺水教育工作,避免溺水事故的发生,特制定本方案。一、指导思想 "
                    "坚持以人为本、生命至上,切实增强预防中小学生溺水工作的责任感,积极采取有效措施,建立联防联控工作机制,按照分级负责制"
                    "全面落实监管责任,切实保障中小学生生命安全,维护家庭幸福和社会稳定。二、工作"
                    "职责 各村委会、相关部门和中小学校要在镇政府的统一领导下,各司其职、各负其责,共同做好预防中小学生溺水工作。"
                    "派出所:配合有关部门开展水域排查;研究制定事故处置预案。水利站:负责水域隐患排查;设立警示标志。", encoding="utf-8")
    blocks = [b.text[:6] for b in read(page).blocks]
    assert "派出所:配合" in blocks and "水利站:负责" in blocks
    draft = compose(read(page), Registry.load(tmp_path), dt.date(2024, 1, 1))
    assert [(t["text"], t["lead"]) for t in draft.tasks.values()] == [
        ("配合有关部门开展水域排查;研究制定事故处置预案。", ["派出所"]), ("负责水域隐患排查;设立警示标志。", ["水利站"])]


def test_a_unit_heading_of_two_units_joined_by_and_owns_the_item_under_it():
    tasks, _ = _read("(一)综合科", "负责材料的起草和上报。", "(二)执法中队及各社区", "1、清理背街小巷的堆积物。")
    assert [(t.text, t.units.lead, t.units.participants) for t in tasks] == [
        ("负责材料的起草和上报。", ["综合科"], []), ("清理背街小巷的堆积物。", ["执法中队"], ["各社区"])]


def test_a_short_task_ending_like_a_unit_with_no_duty_after_it_owns_nothing():
    tasks, _ = _read("市教育局", "1、年内建成市第一中学。", "2、完成校舍改造。")
    assert [(t.text, t.units.lead) for t in tasks] == [("年内建成市第一中学。", ["市教育局"]), ("完成校舍改造。", ["市教育局"])]


# --- sentences that open with their units and a role word, then the work ---

def test_sentences_each_opening_with_units_and_a_role_word_give_the_work_after_it(tmp_path):
    tasks = _drafted(tmp_path, "会议要求各部门抓好三项行动。即县住建局牵头,开展危房排查,建立台账。"
                               "县教育局、团县委牵头,组织校舍安全检查;县卫健局牵头,做好医疗救治保障。")
    assert [(t["text"], t["lead"], t.get("lead_mode")) for t in tasks] == [
        ("开展危房排查,建立台账。", ["县住建局"], "first"), ("组织校舍安全检查。", ["县教育局", "团县委"], "joint"),
        ("做好医疗救治保障。", ["县卫健局"], "first")]


def test_notes_closing_their_sentences_still_close_the_text_before_them():
    tasks, _ = _read("1. 开展危房排查,县住建局牵头。组织校舍检查,县教育局牵头。")
    assert [(t.text, t.units.lead) for t in tasks] == [("开展危房排查。", ["县住建局"]), ("组织校舍检查。", ["县教育局"])]


# --- labels whose colons a page lost ---

def test_labels_without_their_colons_at_an_items_end_name_its_units():
    tasks, _ = _read("二、整治任务", "(一)清理背街小巷堆积物责任单位各社区居委会、驻区单位",
                     "(二)规范夜市摊点经营责任单位市场监管所配合单位城管中队、派出所",
                     "(三)落实责任单位包保制度,各单位要明确专人")
    assert [(t.text, t.units.lead, t.units.participants) for t in tasks] == [
        ("清理背街小巷堆积物。", ["各社区居委会"], ["驻区单位"]),
        ("规范夜市摊点经营。", ["市场监管所"], ["城管中队", "派出所"])]


# --- an office and its seat; a subject that leads, in any paragraph ---

def test_units_leading_as_the_subject_of_an_unnumbered_paragraph_are_its_leads(tmp_path):
    tasks = _drafted(tmp_path, "省政府近日印发重点工作分工方案。",
                     "会议强调,要稳住农业基本盘。省农业农村厅、省粮食局牵头实施粮食安全行动,并在6月底前出台具体措施。",
                     "各地也要结合实际抓好落实。")
    assert [(t["lead"], t.get("lead_mode")) for t in tasks] == [(["省农业农村厅", "省粮食局"], "joint")]
    assert "6月底前" in tasks[0]["text"]


def test_an_office_set_in_a_division_is_the_subject_not_the_division():
    tasks, _ = _read("一、组织领导", "(一)工作专班办公室设在县发展改革局综合股,具体负责专班日常工作。")
    assert [t.units.lead for t in tasks] == [["工作专班办公室"]]


def test_sentences_each_naming_a_topic_then_who_leads_it_then_the_work_are_each_a_task():
    tasks, _ = _read("此次专项行动分为三个方面。道路整治主要由交通局牵头,住建、城管等部门配合,对破损路面进行修补;"
                     "河道清理由水利局牵头,乡镇配合,清除河道垃圾;夜市管理主要由市场监管局牵头,加强摊点巡查。")
    assert [(t.text, t.units.lead, t.units.participants) for t in tasks] == [
        ("道路整治主要由交通局牵头,对破损路面进行修补。", ["交通局"], ["住建部门", "城管部门"]),
        ("河道清理由水利局牵头,清除河道垃圾。", ["水利局"], ["乡镇"]),
        ("夜市管理主要由市场监管局牵头,加强摊点巡查。", ["市场监管局"], [])]
    assert tasks[0].units.open_ended


def test_units_answering_for_the_work_after_a_lead_in_clause_the_first_listed_leading(tmp_path):
    tasks = _drafted(tmp_path, "据悉,国务院办公厅日前印发分工方案。",
                     "根据方案,为支持西部地区率先发展,商务部、交通运输部、海关总署将负责建设内陆开放口岸,完善物流通道。",
                     "财政部、税务总局等部门还将负责落实税收优惠政策。")
    assert [(t["lead"], t["participants"]) for t in tasks] == [
        (["商务部"], ["交通运输部", "海关总署"]), (["财政部"], ["税务总局"])]
    assert tasks[0]["text"].startswith("根据方案")


def test_a_heading_naming_a_units_duties_owns_the_numbered_duties_under_it():
    tasks, _ = _read("当前位置：", "某新区产业服务局主要职责", "（一）负责拟订园区产业发展规划；",
                     "（二）会同有关部门开展招商推介；", "（三）承办管委会交办的其他事项。")
    assert [t.units.lead for t in tasks] == [["某新区产业服务局"]] * 3
    assert [t.number for t in tasks] == [1, 2, 3] and tasks[1].text.startswith("会同有关部门开展招商推介")
    assert all("unit from heading" in t.units.flags and t.confidence < CONFIDENT for t in tasks)


def test_a_duty_under_a_units_heading_names_the_bodies_it_works_with():
    """「（二）会同有关部门编制…」 under 「X局机构职能」: the heading's unit leads, those it works with take part."""
    tasks, _ = _read("某开发区招商局机构职能", "（一）负责统筹园区招商工作；",
                     "（二）会同市财政局、有关部门编制年度招商计划；", "（三）承办管委会交办的其他事项。")
    assert [(t.units.lead, t.units.participants) for t in tasks] == [
        (["某开发区招商局"], []), (["某开发区招商局"], ["市财政局", "有关部门"]), (["某开发区招商局"], [])]


def test_a_duty_heading_without_a_unit_owns_nothing():
    tasks, _ = _read("二、主要职责", "（一）负责拟订园区产业发展规划；", "（二）承办交办的其他事项。")
    assert not any(t.units.lead for t in tasks)


def test_duties_without_a_subject_are_the_body_a_rule_defined_before_them():
    tasks, _ = _read("第五条 产业服务中心为新区招商工作的办事机构，负责新区的招商服务工作。其职责是：",
                     "（一）负责拟订年度招商计划；", "（二）协助企业办理入驻手续。",
                     "第六条 新区的招商项目实行统一管理。")
    assert [(t.number, t.units.lead) for t in tasks] == [(5, ["产业服务中心"]), (1, ["产业服务中心"]), (2, ["产业服务中心"])]
    assert tasks[0].text == "产业服务中心为新区招商工作的办事机构，负责新区的招商服务工作。"
    assert tasks[2].text == "协助企业办理入驻手续。"


def test_a_duty_heading_after_a_body_set_up_owns_the_duties_under_it(tmp_path):
    from policykb.ingest.readers import read
    path = tmp_path / "s.txt"
    path.write_text("根据机构改革方案，设立市营商环境服务中心，为市政府直属的事业机构。\n一、职责调整[编辑]\n"
                    "划入原市政务服务管理职责。\n二、主要职责[编辑]\n（一）负责全市营商环境的评价工作。\n"
                    "（二）督促检查各区落实营商环境政策。\n", encoding="utf-8")
    assert "二、主要职责" in [b.text for b in read(path).blocks]  # a wiki's edit link left out
    tasks, _ = general_tasks(read(path).blocks)
    assert [(t.number, t.units.lead) for t in tasks] == [(1, ["市营商环境服务中心"]), (2, ["市营商环境服务中心"])]
    assert tasks[1].text == "督促检查各区落实营商环境政策。"


def test_a_short_name_the_document_gives_a_body_names_it_as_a_subject(tmp_path):
    """「县防汛指挥部（以下简称县防指）」, then 「县防指结合…，组织…」: the short name is that unit wherever it stands."""
    tasks = _drafted(tmp_path, "某县山洪灾害防御工作规定", "第一条县防汛指挥部(以下简称县防指)统一指挥全县防汛工作。",
                     "第二条开展隐患排查。", "县防指结合汛前检查,组织有关单位开展隐患排查。")
    assert ["某县防汛指挥部"] in [t["lead"] for t in tasks if "隐患排查" in t["text"]]


def test_an_office_word_written_alone_is_the_office_the_text_set_up(tmp_path):
    """「联席会议办公室设在市民政局。…由办公室商各成员单位印发」: the bare 办公室 is that office, as the text set it up."""
    tasks = _drafted(tmp_path, "关于建立某市养老服务工作联席会议制度的通知", "三、工作机制",
                     "（一）联席会议办公室设在市民政局，办公室主任由市民政局分管负责同志兼任。"
                     "联席会议成员名单由办公室商各成员单位印发，并及时调整。")
    assert [t["lead"] for t in tasks if "名单" in t["text"]] == [["联席会议办公室"]]


def test_a_bare_office_word_stays_as_written_where_the_text_sets_up_several_offices(tmp_path):
    tasks = _drafted(tmp_path, "关于建立某市养老服务工作联席会议制度的通知", "三、工作机制",
                     "（一）联席会议办公室设在市民政局，具体负责日常工作。", "（二）专家组办公室设在市卫健委，具体负责咨询工作。"
                     "联席会议成员名单由办公室商各成员单位印发，并及时调整。")
    assert [t["lead"] for t in tasks if "名单" in t["text"]] == [["办公室"]]


def test_an_office_the_text_seats_somewhere_keeps_the_name_it_gives_it_there(tmp_path):
    """「建立X联席会议（以下简称联席会议）」, then 「联席会议办公室设在市民政局，负责…」: the office is named as the text
    names it where it seats it, not expanded by the meeting's short name (where it sits is no part of the name)."""
    tasks = _drafted(tmp_path, "经市政府同意，建立某市养老服务工作联席会议（以下简称“联席会议”）制度。",
                     "一、主要职能", "统筹协调全市养老服务工作，研究解决重大问题。",
                     "二、工作机构", "联席会议办公室设在市民政局，负责联席会议的日常工作。")
    assert [t["lead"] for t in tasks if "日常" in t["text"]] == [["联席会议办公室"]]
    # a heading run into the sentence seating the office is no part of its name
    from policykb.ingest.holders import named_where_seated, seated_offices, set_up_office
    text = ["三、工作机构及其职责领导小组办公室设在甲局，承担领导小组的日常工作。"]
    seated = seated_offices(text)
    assert named_where_seated("领导小组办公室", seated) and not named_where_seated("乙局办公室", seated)
    assert set_up_office(text) == "领导小组办公室"  # the one office set up, which a bare 办公室 names


def test_an_office_seated_somewhere_answers_for_the_work_said_after_its_seat(tmp_path):
    """「按照…要求，X领导小组办公室设在Y部，承担领导小组的日常工作。」 in a report's paragraphs: the office's own work."""
    tasks = _drafted(tmp_path, "国务院决定成立某某建设领导小组。领导小组由副总理任组长。",
                     "按照《通知》要求，某某建设领导小组办公室设在甲部，承担领导小组的日常工作。甲部副部长兼任办公室主任。",
                     "领导小组负责统筹协调某某建设全局性工作，审议重大规划。")
    assert [t["lead"] for t in tasks if "日常工作" in t["text"]] == [["某某建设领导小组办公室"]]


def test_the_paragraph_under_a_joint_meetings_duties_is_the_meetings(tmp_path):
    tasks = _drafted(tmp_path, "经市政府同意，建立某市养老服务工作联席会议（以下简称“联席会议”）制度。",
                     "一、联席会议职责", "在市政府领导下，统筹协调全市养老服务工作，研究解决重大问题。",
                     "二、成员单位", "市民政局、市财政局、市卫健委。")
    assert [(t["lead"], t["text"]) for t in tasks][:1] == [
        (["某市养老服务工作联席会议"], "在市政府领导下，统筹协调全市养老服务工作，研究解决重大问题。")]


def test_a_later_sentence_of_the_meetings_duties_giving_units_work_by_you_is_theirs(tmp_path):
    """「…。联席会议按照…的要求，由各成员单位负责督促…」: the members' own work, not the meeting's."""
    tasks = _drafted(tmp_path, "经市政府同意，建立某市养老服务工作联席会议（以下简称“联席会议”）制度。",
                     "一、联席会议职责", "统筹协调全市养老服务工作，研究解决重大问题。联席会议按照分工协作的要求，"
                     "由各成员单位负责检查本系统养老政策的落实。", "二、成员单位", "市民政局、市财政局、市卫健委。")
    assert [(t["lead"], t["text"][:6]) for t in tasks][:2] == [
        (["某市养老服务工作联席会议"], "统筹协调全市"), (["各成员单位"], "联席会议按照")]


def test_a_group_set_up_with_a_word_in_brackets_in_its_name_owns_its_duty_paragraph():
    tasks, _ = _read("决定成立智能制造（产业）示范园区创建工作领导小组，相关成员及单位职责如下：", "一、主要职责",
                     "负责编制产业发展规划，推进项目建设。", "二、组成人员", "组 长：张某某 管委会副主任")
    assert [(t.number, t.units.lead, t.text) for t in tasks] == [
        (1, ["智能制造（产业）示范园区创建工作领导小组"], "负责编制产业发展规划，推进项目建设。")]


def test_labels_alone_on_their_lines_take_the_line_after_them_as_their_value():
    tasks, _ = _read("工作任务", "建成县城污水处理厂二期，完成管网改造。", "责任单位", "县住建局、县环保局", "配合单位", "各镇",
                     "完成时限", "6月底前完成主体;其余部分年底前完成")
    assert [(t.units.lead, t.units.participants) for t in tasks] == [(["县住建局"], ["县环保局", "各镇"])]
    assert tasks[0].text == "建成县城污水处理厂二期，完成管网改造。"
    assert tasks[0].deadline_text.startswith("6月底前完成主体") and "年底前完成" in tasks[0].deadline_text


def test_labels_left_blank_run_into_the_next_and_a_responsible_partners_label_names_who_takes_part():
    """「…整治分管领导:协调人:责任单位:X、Y、Z责任配合单位:各村」 (a form's lines run together, its blank labels kept):
    the label after a blank one's colon still opens the units; 责任配合单位 names those taking part, and a blank 协调人
    names no one."""
    tasks, _ = _read("成立整治领导小组,负责统筹。专项整治:1 .城中村环境卫生综合整治分管领导:协调人:责任单位:卫计办、城建办、"
                     "行政执法中队责任配合单位:各村")
    assert [(t.units.lead, t.units.participants) for t in tasks] == [(["卫计办"], ["城建办", "行政执法中队", "各村"])]
    tasks, _ = _read("1 .城中村环境卫生综合整治", "分管领导:", "协调人:", "责任单位:卫计办、城建办", "责任配合单位:各村")
    assert [(t.units.lead, t.units.participants, t.units.leaders) for t in tasks] == [(["卫计办"], ["城建办", "各村"], [])]


def test_a_label_alone_before_another_label_takes_no_value():
    tasks, _ = _read("1. 建成污水处理厂。", "责任单位", "完成时限：年底前", "2. 改造管网。（县住建局负责）")
    assert [(t.number, t.units.lead) for t in tasks] == [(2, ["县住建局"])]


def test_a_paragraph_opening_with_a_units_name_and_a_space_is_that_units():
    tasks, _ = _read("管委会内设机构是：", "综合科 2001年设立，工作人员5人。负责文电、会务和后勤保障工作。",
                     "招商服务中心　2003年设立。职能是承担项目洽谈、落地服务等工作。")
    assert [(t.units.lead, t.text) for t in tasks] == [
        (["综合科"], "2001年设立，工作人员5人。负责文电、会务和后勤保障工作。"),
        (["招商服务中心"], "2003年设立。职能是承担项目洽谈、落地服务等工作。")]
    assert all("unit from heading" in t.units.flags and t.confidence < CONFIDENT for t in tasks)


def test_names_separated_by_spaces_are_no_run_in_heading():
    tasks, _ = _read("成员单位", "县教育局 县财政局 县人社局 县卫健局")
    assert tasks == []


def test_a_topic_given_to_a_unit_by_you_fuze_keeps_the_note_as_its_duty(tmp_path):
    tasks = _drafted(tmp_path, "二、职责分工", "（一）河道、湖泊等水域的保洁，由县水利局负责；",
                     "（二）沿街店铺门前的卫生，由县城管局负责；", "（三）加强绿地养护，由县林业局负责。")
    assert [(t["lead"], t["text"]) for t in tasks] == [
        (["县水利局"], "河道、湖泊等水域的保洁，由县水利局负责。"),
        (["县城管局"], "沿街店铺门前的卫生，由县城管局负责。"),
        (["县林业局"], "加强绿地养护。")]  # work of its own before the note: the note is cut as usual


def test_the_general_reader_keeps_a_you_fuze_note_after_a_bare_topic():
    tasks, _ = _read("1. 城区主次干道的清扫保洁，由区环卫所负责。", "2. 推进垃圾分类，由区城管局负责。")
    assert [(t.units.lead, t.text) for t in tasks] == [
        (["区环卫所"], "城区主次干道的清扫保洁，由区环卫所负责。"), (["区城管局"], "推进垃圾分类。")]


def test_the_requirements_of_a_pledge_are_its_signatorys():
    tasks, _ = _read("某镇2024年防汛工作目标责任书", "为做好防汛工作，镇政府与各村委会签订本责任书。具体要求如下：",
                     "一、要落实防汛值班制度，汛期安排专人值守。", "二、要及时转移受威胁群众。", "本责任书一式两份。")
    assert [(t.number, t.units.lead) for t in tasks] == [(1, ["各村委会"]), (2, ["各村委会"])]
    assert tasks[0].text == "要落实防汛值班制度，汛期安排专人值守。"
    assert all(t.confidence < CONFIDENT for t in tasks)


def test_a_pledge_named_inside_a_numbered_item_gives_no_owner():
    tasks, _ = _read("一、各村与农户要签订禁烧责任书。", "二、要开展宣传活动。")
    assert [t.number for t in tasks] == [1]  # the second requirement names nobody: no signatory owns it


def test_a_notices_rule_for_all_tasks_adds_its_units_to_each(tmp_path):
    """「除特别注明的外，X都是配合单位」, stated once in the notice: X takes part in every task (flagged for review);
    a collective kept whole is parted from the next name at 和, the shared 管委会 ending both zones' names."""
    tasks = _drafted(tmp_path, "某市人民政府办公室关于印发2024年重点工作分工方案的通知",
                     "各牵头单位要细化措施。除特别注明的外，各县（市、区）政府和高新区、经开区管委会都是配合单位。",
                     "1.推进老旧小区改造。（市住建局牵头，市财政局配合）", "2.做好稳岗就业。（市人社局牵头）")
    assert [(t["lead"], t["participants"]) for t in tasks] == [
        (["某市住建局"], ["某市财政局", "各县（市、区）政府", "高新区管委会", "经开区管委会"]),
        (["某市人社局"], ["各县（市、区）政府", "高新区管委会", "经开区管委会"])]



def test_a_bodys_other_name_in_brackets_is_no_note_in_a_division_plan(tmp_path):
    """「今年省商务厅（省口岸办）」 in a plan that says 分工: the bracket after a body's name is its other name (a
    second nameplate), not a bare note making the line a task of 省口岸办; the 部门分工 label line is read."""
    tasks = _drafted(tmp_path, "某省2024年重点工作任务分工方案解读", "今年省商务厅（省口岸办）", "都有哪些重点任务？",
                     "外贸进出口稳中提质", "部门分工：省商务厅牵头，各地、各部门配合。")
    assert [(t["text"], t["lead"], t["participants"]) for t in tasks] == [
        ("外贸进出口稳中提质。", ["某省商务厅"], ["各地", "各部门"])]


def test_an_issuers_line_over_its_title_or_a_signature_over_its_date_owns_no_list():
    """「于都县人民政府办公室」 over 「关于…的通知」 is the 版头's issuer, and over 「2022年4月26日」 a signature: neither is a
    unit named above its list, whose items would all become its tasks."""
    for above in (("于都县人民政府办公室", "关于印发工作方案的通知"), ("于都县人民政府办公室", "2022年4月26日")):
        tasks, _ = _read(*above, "一、工作任务", "1.落实领导责任。", "2.制定职责清单。")
        assert tasks == []
    tasks, _ = _read("于都县应急管理局", "1.落实领导责任。", "2.制定职责清单。")
    assert [t.units.lead for t in tasks] == [["于都县应急管理局"]] * 2  # a unit named above its list still owns it


def test_a_numbered_requirements_opening_words_are_its_task_and_by_takes_a_manner():
    """「（一）抓好任务分解。…，各单位要…，由市督查室统一组织上传。」 read as requirements: the item's words before its
    subject belong to its task; 由 then an adverb (统一) still names the doer, a requirement of its own."""
    from policykb.ingest.requirements import requirement_tasks
    tasks = requirement_tasks([Block("（一）抓好任务分解。对已明确的点位进行再梳理，各单位要在2月29日前完成数据汇总，"
                                     "待系统开放后，由市政府督查室统一组织上传。", "第1行")])
    assert [(t.units.lead, t.number) for t in tasks] == [(["各单位"], 1), (["市政府督查室"], None)]
    assert tasks[0].text == "抓好任务分解。对已明确的点位进行再梳理，各单位要在2月29日前完成数据汇总，待系统开放后。"


def test_a_numbered_requirement_to_related_units_is_theirs_unless_it_introduces_the_division():
    tasks, _ = _read("一、工作要求", "1. 各牵头单位要紧密结合工作实际，建立任务清单。", "2. 各相关单位要加强配合，形成工作合力。")
    assert [t.units.lead for t in tasks] == [["各牵头单位"], ["各相关单位"]]
    tasks, _ = _read("5、各部门要各司其职，组织好各项禁放工作。其职责分工为：", "区委宣传部：制订宣传工作方案。")
    assert all(t.units.lead != ["各部门"] for t in tasks)  # the item introduces the division below it


def test_a_group_notice_gives_the_group_its_duties_and_its_office_the_office_duties(tmp_path):
    """「决定成立X领导小组（以下简称市领导小组）」, 「一、主要职责」 over a paragraph opening with 负责, then units'
    own sentences read by the recognisers: the duty paragraph is still the group's (the lines that set it up are
    offered with what the recognisers left); 「市领导小组下设办公室，办公室设在市水务局，具体承担…」 is the group's office,
    by its full name; a paragraph under a duty heading naming its own units is theirs."""
    tasks = _drafted(tmp_path, "某市人民政府办公室关于成立某市防洪工程领导小组的通知",
                     "为加强防洪工程的组织领导,经市政府研究,决定成立某市防洪工程领导小组(以下简称市领导小组)。现将有关事项通知如下。",
                     "一、主要职责",
                     "负责某市防洪工程的组织领导,协调解决防洪工程重大问题,推进工程建设。",
                     "二、工作职责",
                     "市水务局和市财政局负责对口督查各县防洪工程。",
                     "三、工作机构",
                     "市领导小组下设办公室,办公室设在市水务局,具体承担防洪工程的组织和协调工作。",
                     "市发展改革委负责指导开展项目前期工作,积极争取中央预算内资金支持。")
    assert [(t["lead"], t["text"][:8]) for t in tasks] == [
        (["某市防洪工程领导小组"], "负责某市防洪工程"), (["某市水务局"], "市水务局和市财政"),
        (["某市防洪工程领导小组办公室"], "市领导小组下设办"), (["某市发展改革委"], "市发展改革委负责")]


def test_a_drafts_part_titles_and_unit_names_pass_check(tmp_path):
    """A part's title without its number mark or closing 。 (「(一)制定工作任务清单。」 failed check as look-alike-name);
    a unit named with a page's angle brackets (「各县<市、区>人民政府」) in brackets a file's name may hold."""
    import datetime as dt
    draft = compose(_source("某市人民政府办公室关于印发重点任务分工的通知", "(一)制定工作任务清单。",
                            "1.制定全市工作任务清单(市发改委牵头,各县<市、区>人民政府配合)。"),
                    Registry.load(tmp_path), dt.date(2024, 1, 1))
    assert [p["title"] for p in draft.doc["parts"]] == ["制定工作任务清单"]
    assert [t["participants"] for t in draft.tasks.values()] == [["各县（市、区）人民政府"]]


def test_a_notice_of_what_was_done_and_one_request_is_read_as_the_request(tmp_path):
    """「市卫健委牵头，会同市教体局起草了《…》」 tells what was done (a verb's 了): no assignment; 「请各参会单位认真研究…」
    is the notice's one request, a task of the units it names (a reference in brackets is no part of their name)."""
    tasks = _drafted(tmp_path, "关于召开健康宣城行动实施方案征求意见会的通知",
                     "为贯彻落实健康安徽行动,市卫健委牵头,会同市教体局起草了《健康宣城行动实施方案(代拟稿)》,业经多次征求意见。",
                     "请各参会单位(附件1)认真研究《健康宣城行动实施方案(代拟稿)》,提出修改意见建议。")
    assert [t["lead"] for t in tasks] == [["各参会单位"]]
    assert tasks[0]["text"].startswith("请各参会单位")


def test_a_one_unit_form_names_its_unit_once_and_its_paragraphs_of_work_are_that_units_tasks(tmp_path):
    """A 目标责任书 for one bureau: 「部门(单位)：示范区水务局　责任人：王西宁」 at its head, the title naming the bureau in
    full; each paragraph of work below is its task, the person its leader; headings, scores and notes are no tasks."""
    tasks = _drafted(tmp_path, "杨凌示范区水务局 2019年度(分季)目标责任书", "部门(单位):示范区水务局 责任人:王西宁",
                     "工作任务", "核心指标", "建成国家水生态文明城市,不断彰显鲜明特色。", "省考指标",
                     "待省考目标任务确定后另行分解下达。", "贯彻落实国务院《批复》", "(10分)",
                     "第一季度(每项5分):完成水系连通工程可行性研究报告编制单位政府采购公开招标工作。")
    assert [(t["text"][:6], t["lead"], t.get("leaders")) for t in tasks] == [
        ("建成国家水生", ["杨凌示范区水务局"], ["王西宁"]), ("第一季度(每", ["杨凌示范区水务局"], ["王西宁"])]
    # the head line is read only where nothing else assigns work: a division's own notes win
    tasks = _drafted(tmp_path, "单位：县水务局", "1.完成河道清淤工作。（县水务局牵头，县财政局配合）")
    assert [(t["lead"], t["participants"]) for t in tasks] == [(["县水务局"], ["县财政局"])]


def test_a_day_then_what_was_done_on_it_is_a_report_and_a_month_end_after_que_bao_is_a_deadline(tmp_path):
    """「3月23日，X组织…召开专题会议」 reports what was done on a day (no modal): no demand; 「确保4月底基本完成」 is the
    demand's deadline though it has no 前."""
    tasks = _drafted(tmp_path, "某县水利局召开会议部署河长制重点工作",
                     "3月23日，某县水利局组织县河管站、河长办等相关科所工作人员召开专题会议，对当前重点工作进行安排部署。"
                     "县河管站要坚持问题导向，加快推进河湖划界工作，确保4月底基本完成29条河流外业测绘。")
    assert [(t["lead"], [d["phrase"] for d in t["deadlines"]]) for t in tasks] == [(["某县河管站"], ["4月底"])]
    assert tasks[0]["deadlines"][0]["date"] == dt.date(2024, 4, 30)


def test_a_person_the_clause_makes_answer_in_person_leads_its_task(tmp_path):
    """「单位主要负责人作为第一责任人」, 「主要负责同志亲自研究」, 「县长是第一责任人」 (lexicon.yaml people.in_person):
    the person is the task's leader, never a unit."""
    tasks = _drafted(tmp_path, "某县人民政府办公室关于分解落实重点工作的通知",
                     "一、牵头单位要发挥主导作用，单位主要负责人作为第一责任人，对责任事项的落实负总责。",
                     "二、各牵头单位带头抓总，主要负责同志亲自研究、亲自部署，细化时间表。",
                     "三、各乡镇人民政府是项目实施的责任主体，乡镇长是第一责任人，要根据年度计划分解任务。",
                     "四、各责任单位要抓紧制定推进方案，单位“一把手”要及时协调解决实施中出现的问题。")
    assert [(t["lead"], t.get("leaders")) for t in tasks] == [
        (["牵头单位"], ["单位主要负责人"]), (["各牵头单位"], ["主要负责同志"]), (["各乡镇人民政府"], ["乡镇长"]),
        (["各责任单位"], ["一把手"])]


def test_people_alone_as_the_subject_are_the_leaders_of_the_issuers_task(tmp_path):
    """「各级领导干部、包村干部要…」 names people and no body: the issuer answers for the demand, the people lead it
    (flagged); with no issuer found the import says to give one (--issuer), and the issuer given is used; of several
    issuers (「镇党委、政府」, a list with no lead word) the first leads and the others take part (truth rule 5)."""
    lines = ("某镇关于做好防雪灾工作的通知", "各村：", "近期降雪天气较多。机关干部、包村干部要明确责任，做好安全宣传工作。")
    with pytest.raises(ImportFailed) as failed:
        compose(_source(*lines), Registry.load(tmp_path), dt.date(2024, 1, 1))
    assert "--issuer" in failed.value.hint and "机关干部、包村干部" in failed.value.hint
    draft = compose(_source(*lines), Registry.load(tmp_path), dt.date(2024, 1, 1), ("中共某镇委员会", "某镇人民政府"))
    assert [(t["lead"], t["lead_mode"], t["participants"], t.get("leaders")) for t in draft.tasks.values()] == [
        (["中共某镇委员会"], "first", ["某镇人民政府"], ["机关干部", "包村干部"])]
    assert draft.doc["issuers"] == ["中共某镇委员会", "某镇人民政府"]
    assert any("主语是人员" in line for line in draft.review)


def test_people_alone_in_a_report_of_what_a_city_issued_serve_the_citys_government(tmp_path):
    """「近日,X市印发了《…任务表》」 names the issuer by its place alone; 「各责任领导要…」, people with no body, serve that
    place's government (truth rule 6: a post over a government's work, that government), not the bare place."""
    draft = compose(_source("丰源市强化四措施确保安全生产任务完成", "近日,丰源市印发了《2018年度丰源市安全生产任务表》,强化四项措施。",
                            "一是通力协作。各责任领导要落实领导责任,加强对部门的工作指导,及时协调解决工作中出现的新问题。"),
                    Registry.load(tmp_path), dt.date(2024, 1, 1))
    assert draft.doc["issuers"] == ["丰源市"]
    assert [(t["lead"], t.get("leaders")) for t in draft.tasks.values()] == [(["丰源市人民政府"], ["各责任领导"])]


def test_cadres_of_the_township_and_its_villages_serve_the_township_first_the_villages_take_part(tmp_path):
    """「镇村干部要…」, 「乡、村干部要…」 (levels written once before the people of both): the bodies they serve are a
    list with no lead word, so the issuing township listed first leads and the villages take part (truth rule 5); the
    cadres lead in person; the group is one, not a bare 乡 and 村干部."""
    lines = ("某乡关于做好森林防火工作的通知", "各村：", "一、乡村干部要落实巡山责任，做到早发现、早处置。",
             "二、乡、村干部要深入林区宣传，劝阻野外用火。")
    draft = compose(_source(*lines), Registry.load(tmp_path), dt.date(2024, 1, 1), ("某乡人民政府",))
    assert [(t["lead"], t["lead_mode"], t.get("participants"), t.get("leaders")) for t in draft.tasks.values()] == [
        (["某乡人民政府"], "first", ["各村"], ["乡村干部"]), (["某乡人民政府"], "first", ["各村"], ["乡、村干部"])]


def test_posts_held_in_collectives_what_a_demand_is_about_and_the_rest_of_the_bodies_by_role(tmp_path):
    """「各级各部门主要负责同志要…」: each collective answers (各级, 各部门), the post leads (主要 does not end the subject);
    「县政府分线领导对领办的任务要…」: 对… stands between the subject and its modal, the leaders are people (the
    issuer's task); 「其他责任单位要…」: the rest of the bodies by their role, a collective; 「区消防救援局相关负责人
    对…做具体要求」: 要求 is no modal, and 相关负责人 a post."""
    draft = compose(_source("某县人民政府关于印发重点工作任务的通知", "一、各级各部门主要负责同志要带头推动各项目标任务落实。",
                            "二、县政府分线领导对领办的政府重点工作任务要牵头抓总；其他责任单位要积极履行配合职责。",
                            "三、区消防救援局相关负责人对消防隐患排查做具体要求。", "某县人民政府", "2024年1月5日"),
                    Registry.load(tmp_path), dt.date(2024, 1, 1))
    assert [(t["lead"], t["lead_mode"], t.get("leaders")) for t in draft.tasks.values()] == [
        (["各级", "各部门"], "separate", ["主要负责同志"]), (["某县人民政府"], "first", ["县政府分线领导"]),
        (["其他责任单位"], "first", None)]


def test_a_post_of_the_lead_bodies_is_kept_alone_unless_it_names_the_one_person_a_body_makes_answer(tmp_path):
    """「各街道办事处主要负责人要亲自督办…」: the bodies lead, named once; their head is the leader alone (主要负责人), as is
    a staff word (联络员) or a post over several bodies. The one person a body makes answer for the task (「各管区责任人
    负责…」) or for a field of its work (各片区防控负责人) is named with the body, as written. A post of a body that does
    not lead keeps its name."""
    from policykb.ingest.posts import post_of
    draft = compose(_source("某区人民政府关于开展背街小巷整治的通知", "一、各街道办事处主要负责人要亲自督办辖区内的整治工作。",
                            "二、区城管局联络员每月5日前应报送整治进展。", "某区人民政府", "2024年3月1日"),
                    Registry.load(tmp_path), dt.date(2024, 3, 1))
    assert [(t["lead"], t.get("leaders")) for t in draft.tasks.values()] == [
        (["各街道办事处"], ["主要负责人"]), (["某区城管局"], ["联络员"])]
    assert post_of("区水务局主要负责人", ["区防汛办"]) == "区水务局主要负责人"
    assert post_of("各管区责任人", ["各管区"]) == "各管区责任人"
    assert post_of("各片区防控负责人", ["各片区"]) == "各片区防控负责人"
    assert post_of("各级各部门主要负责同志", ["各级", "各部门"]) == "主要负责同志"
    assert post_of("政府各组成部门广大干部", ["政府各组成部门"]) == "广大干部"


def test_a_post_written_once_after_a_list_of_units_is_each_units_head(tmp_path):
    """「责任单位及责任人：X县政府、市财政局、市建设局主要领导」: the post closes the whole list, the heads of every unit
    listed (the first leading, the rest taking part), so it is kept as the post alone, not as the last unit's."""
    draft = compose(_source("某市人民政府关于加强消防站建设的通知", "1.2024年底前，完成消防二中队建设。",
                            "责任单位及责任人：某县政府、市财政局、市建设局主要领导。", "某市人民政府", "2024年1月5日"),
                    Registry.load(tmp_path), dt.date(2024, 1, 1))
    assert [(t["lead"], t["participants"], t.get("leaders")) for t in draft.tasks.values()] == [
        (["某县政府"], ["某市财政局", "某市建设局"], ["主要领导"])]


def test_points_counted_in_a_line_are_numbered_items():
    """A speech's 「区长指出：一是…。二是…。三是…」: each point an item of its own, numbered as written."""
    tasks, _ = _read("就如何做好工作，区长指出：一是共享单车管理工作。区交运局牵头，梳理辖区投放单车的公司。"
                  "二是推进停车场建设工作。区城管局负责规范建设停车场。三是梳理规范道路停车。交警五大队、区城管局负责。")
    assert [(t.number, t.units.lead, t.units.participants) for t in tasks] == [
        (1, ["区交运局"], []), (2, ["区城管局"], []), (3, ["交警五大队"], ["区城管局"])]


def test_a_pages_metadata_rows_divide_no_work_and_a_salutation_may_open_the_body(tmp_path):
    """「组配分类 | 部门文件 | 发布机构 | 山福镇 |」 is the page's record of the document (lexicon.yaml page_labels): its
    发布机构 is no unit; 「各科室,各站所,各村: 为…，请根据本预案的要求制定…」: the addressees run into the body's
    first line are those the request asks."""
    rows = [Block(" | ".join(c), f"表1第{i}行", c, 1) for i, c in enumerate(
        [("索引号", "001008003001086/2020-42401"), ("组配分类", "部门文件", "发布机构", "山福镇"), ("文号", "鹿山政〔2020〕72号")], 1)]
    source = Source("x.txt", "txt", rows + [Block("各科室,各站所,各村: 为提高处置突发公共事件的能力，经研究，制定《山福镇总体"
                                                  "应急预案》，现印发给你们，请根据本预案的要求制定切实可行的专项应急预案。", "第5行")])
    draft = compose(source, Registry.load(tmp_path), dt.date(2020, 10, 22))
    assert [(t["lead"], t["lead_mode"], t["text"][:6]) for t in draft.tasks.values()] == [
        (["各科室", "各站所", "各村"], "separate", "请根据本预案")]


def test_a_speakers_demand_and_one_that_must_be_done_name_their_subjects(tmp_path):
    """「马子兴强调，全市各级各部门要…」: what a speaker stressed is asked of the units after the comma; 「一定要」 is a
    modal like 要 (一定 does not end the subject)."""
    tasks = _drafted(tmp_path, "腾冲市召开创建双拥模范城推进会", "发布时间：2023-03-10",
                     "全市各级各部门一定要增强政治意识、忧患意识和责任意识。"
                     "马子兴强调，全市各级各部门要突出重点、靶向攻坚，全面落实各项优抚安置政策。")
    assert [(t["lead"], t["lead_mode"], t["text"][:6]) for t in tasks] == [
        (["全市各级", "各部门"], "separate", "全市各级各部"), (["全市各级", "各部门"], "separate", "马子兴强调，")]


def test_a_units_duties_numbered_and_run_into_its_paragraph_are_each_its_task(tmp_path):
    """「某县自然资源局是…的统一监督部门，负责…。1、会同有关部门开展…。2、对…的治理，…。3、组织专家…」: a page that lost
    its line breaks; each numbered duty is a task of the paragraph's subject, 会同's partners the first duty's alone."""
    tasks = _drafted(tmp_path, "二、相关部门工作职责", "(一)自然资源部门",
                     "某县自然资源局是地质灾害防治工作的统一监督部门，负责地质灾害防治的组织、协调和监督工作。"
                     "1、会同有关部门开展地质灾害调查，拟订防治方案。2、对人为活动引发的地质灾害的治理，督促责任单位进行治理。"
                     "3、组织专家对地质灾害的成因进行分析论证。")
    assert [(t["text"][:8], t["lead"], t["participants"]) for t in tasks] == [
        ("某县自然资源局是", ["某县自然资源局"], []), ("会同有关部门开展", ["某县自然资源局"], ["有关部门"]),
        ("对人为活动引发的", ["某县自然资源局"], []), ("组织专家对地质灾", ["某县自然资源局"], [])]


def test_a_paragraph_restating_its_headings_unit_with_a_word_put_in_names_the_headings_unit(tmp_path):
    """「（一）自然资源部门」 over 「自然资源主管部门是…的统一监督部门，负责…」: the paragraph restates the unit its heading
    names with 主管 put in (lexicon.yaml restating_words): the same unit, named as the heading names it; a subject naming
    another unit keeps its own name."""
    tasks = _drafted(tmp_path, "二、相关部门工作职责", "(一)自然资源部门",
                     "自然资源主管部门是地质灾害防治工作的统一监督部门，负责地质灾害防治的组织、协调和监督工作。",
                     "(二)水利部门", "某县应急管理局负责山洪灾害的应急处置工作。")
    assert [t["lead"] for t in tasks] == [["自然资源部门"], ["某县应急管理局"]]


def test_a_report_opening_with_the_body_that_held_the_meeting_makes_it_answer_for_its_attendees(tmp_path):
    """「5月18日下午，某某镇在镇北会议室召开重点工作调度会」 with no headline: the township held the meeting, so those at
    it (与会人员) are its people and it answers for their work; 「区长张三在…召开会议」 names a person, no body."""
    tasks = _drafted(tmp_path, "5月18日下午，某某镇在镇北三楼会议室召开重点工作调度会。镇全体领导干部参加会议。",
                     "最后，党委书记甲某对各项工作提出了要求：当前各项工作时间紧、任务重，与会人员一定要恪尽职守，"
                     "完成各项任务目标。")
    assert [(t["lead"], t.get("leaders")) for t in tasks] == [(["某某镇"], ["与会人员"])]
    from policykb.ingest.issuers import meeting_holder
    from policykb.ingest.source import Block
    assert meeting_holder([Block("7月20日上午，区长张三在区政府二楼会议室召开专题会议。", "第1行")]) is None


def test_a_request_with_work_of_its_own_a_bodys_people_and_a_quoted_le_are_read(tmp_path):
    """「请各乡镇、县直各单位紧扣目标任务，…，全力抓好落实」 asks for work before the transmittal formula: a demand;
    「政府各组成部门广大干部要以“定了就干”的作风…」: the body answers, its people (广大干部) lead, and the quoted 了 tells of
    nothing done; 「各市、省直管县安全监管局」 is one body of each place (a collective), not 各市 and a bureau."""
    tasks = _drafted(tmp_path, "某县人民政府关于分解下达重点工作任务的通知", "各乡镇人民政府，县政府各部门：",
                     "请各乡镇、县直各单位紧扣各项目标任务，立足各自实际和职能，细化目标任务，靠实工作责任，全力抓好落实。"
                     "政府各组成部门广大干部要以“定了就干、干就干成”的扎实作风，全面完成全年各项工作任务。"
                     "各市、省直管县安全监管局要结合本地区实际，制定具体措施。")
    assert [(t["lead"], t["lead_mode"], t.get("leaders")) for t in tasks] == [
        (["各乡镇", "某县直各单位"], "separate", None), (["政府各组成部门"], "first", ["广大干部"]),
        (["各市、省直管县安全监管局"], "first", None)]


def test_the_rest_of_the_bodies_after_a_comma_and_a_role_holder_qualified_by_its_work(tmp_path):
    """「各主要责任单位要主动协调，其他责任单位要积极配合」: two demands, the second on the rest of the bodies;
    「各项工作任务的主要责任单位要…」 names the role holder, its qualifier no part of the name."""
    tasks = _drafted(tmp_path, "某县人民政府关于印发重点工作任务的通知", "各乡镇人民政府：",
                     "各主要责任单位要主动协调，其他责任单位要积极配合，对新情况要拿出解决问题的方案。"
                     "各项工作任务的主要责任单位要将实施方案于2021年3月15日前报县政府督查室备案。")
    assert [t["lead"] for t in tasks] == [["各主要责任单位"], ["其他责任单位"], ["主要责任单位"]]


def test_a_name_of_no_place_is_doubted_in_a_document_of_no_place_even_when_registered(tmp_path):
    """A text whose place was not found names 「乡村振兴办」: a bureau of that name may be registered (the bundled
    province's), but whose is this one? Flagged, below the confident mark (乡村 and 市场 open no place's name)."""
    (tmp_path / "units.yaml").write_text("units:\n  - {name: 乡村振兴办, kind: 省直部门, level: 省}\n", encoding="utf-8")
    rows = [Block(" | ".join(c), f"表1第{i}行", c, 1) for i, c in enumerate(
        [("序号", "工作任务", "责任单位"), ("1", "推进农村改厕。", "乡村振兴办")], 1)]
    draft = compose(Source("x.txt", "txt", [Block("重点工作责任分解表", "第1行"), *rows]), Registry.load(tmp_path),
                    dt.date(2024, 1, 1))
    line = next(x for x in draft.review if x.startswith("[任务 1]"))
    assert "乡村振兴办”属于哪个地方未能确定" in line and float(line.split("置信度 ")[1][:4]) < CONFIDENT


def test_a_drafts_blank_date_is_listed_for_review_not_dropped(tmp_path):
    """「各乡镇必须在xx月xx日前完成…」 (minutes whose dates were left blank): no date to write, so the review lists
    the phrase as a deadline not read, rather than the task seeming to have none."""
    draft = compose(_source("某县控辍保学工作会议纪要", "一、各乡镇必须在xx月xx日前完成控辍保学任务。", "某县人民政府",
                            "2024年1月5日"), Registry.load(tmp_path), dt.date(2024, 1, 1))
    assert list(draft.tasks.values())[0]["deadlines"] == []
    assert any(line.startswith("[时限未识别]") and "xx月xx日前" in line for line in draft.review)


def test_duties_numbered_one_after_another_in_a_cell_are_items_of_its_unit():
    """A duty list's cell 「1.负责…。 2.负责…。」 under its unit's name: each numbered duty is a task of that unit; a
    role word opening a duty (「协调…有关部门开展…」) makes no unit of the words after it."""
    tasks, _ = _read("市委网信办", "1.负责协调食品安全网上宣传和舆论引导等工作。 2.协调食品安全有关部门开展网络举报和谣言治理等工作。")
    assert [(t.number, t.units.lead) for t in tasks] == [(1, ["市委网信办"]), (2, ["市委网信办"])]


def test_a_roster_of_comma_clauses_and_a_body_set_up_with_its_head():
    """「成立X领导小组，某镇长任组长，党政办负责…，财政所负责…」: the body set up leads its clause, the person heading it
    its leader; each later comma part with its own subject is a task of its own."""
    tasks, _ = _read("2、成立滑坡治理工程领导小组，刘镇长任组长，党政办负责外围环境，社会管理办公室负责质量监督，财政所负责资金兑付。")
    assert [(t.units.lead, t.units.leaders) for t in tasks] == [
        (["滑坡治理工程领导小组"], ["刘镇长"]), (["党政办"], []), (["社会管理办公室"], []), (["财政所"], [])]


def test_a_number_alone_on_its_line_takes_the_line_after_it():
    """「1.」 alone, then its text: one item (an empty item once stopped the whole import with an IndexError)."""
    tasks, _ = _read("1.", "市财政局负责资金保障。", "2.", "市教育局负责学校建设。")
    assert [(t.number, t.units.lead) for t in tasks] == [(1, ["市财政局"]), (2, ["市教育局"])]


def test_a_working_group_leads_the_duties_under_it_and_its_listed_units_take_part():
    """「二、宣传舆情组」 then 「牵头领导:」 and 「协助领导:」 lines, its duties and 「责任单位:」: the group leads, its people
    are the task's leaders, the units named under 责任单位 its members taking part; a name there that reads as no unit
    (「智创园」) is left out, flagged, and the task kept."""
    tasks, _ = _read("一、总指挥部", "牵头领导:陈利众、盛付祥", "协助领导:钟伟华",
                     "主要职责:负责综合协调各工作组督促落实领导小组布置的各项工作任务。", "责任单位:办公室、政法委、社会发展局",
                     "二、信息统筹组", "牵头领导:沈洪林", "主要职责:负责各类工作信息的收集、统计、分析、报告。",
                     "责任单位:宣传部、智创园、统计局")
    assert [(t.units.lead, t.units.participants, t.units.leaders) for t in tasks] == [
        (["总指挥部"], ["办公室", "政法委", "社会发展局"], ["陈利众", "盛付祥", "钟伟华"]),
        (["信息统筹组"], ["宣传部", "统计局"], ["沈洪林"])]
    assert any("智创园" in f for f in tasks[1].units.flags)


@pytest.mark.parametrize("reader", ["general", "inline"])
def test_a_category_headings_leads_lead_the_items_naming_their_responsible_units(reader):
    """「一、整治提升村容村貌（县委农办、县农业农村局牵头）」 over items each with 「（责任单位:…）」: the heading is no task;
    its leads lead each item (jointly, as its note says), the item's other units take part."""
    from policykb.ingest.shapes import inline_tasks
    lines = ["一、整治提升村容村貌（县委农办、县农业农村局牵头）",
             "1.提升村庄公共环境。清理私搭乱建。（责任单位:县委农办、县农业农村局）",
             "2.加强乡村建筑风貌引导。防止千村一面。（责任单位:县住房和城乡建设局）",
             "二、推进厕所革命（县卫健局负责）"]
    blocks = [Block(t, f"第{i}行") for i, t in enumerate(lines, start=1)]
    tasks = general_tasks(blocks)[0] if reader == "general" else inline_tasks(blocks)[0]
    assert [(t.text[:4], t.units.lead, t.units.mode, t.units.participants) for t in tasks] == [
        ("提升村庄", ["县委农办", "县农业农村局"], "joint", []),
        ("加强乡村", ["县委农办", "县农业农村局"], "joint", ["县住房和城乡建设局"]),
        ("推进厕所", ["县卫健局"], "first", [])]


def test_units_as_a_clauses_subject_keep_the_sentences_wording():
    """「区交运局牵头，梳理辖区投放单车的公司」: the units are the clause's subject, so the task keeps the words as written;
    a 「，由X牵头，Y配合，」 clause or a closing 「，由X负责。」 is still cut as a bracketed note is."""
    tasks, _ = _read("1. 共享单车管理工作。区交运局牵头，梳理辖区投放单车的公司。", "2. 推进垃圾分类，由区城管局负责。")
    assert [(t.units.lead, t.text) for t in tasks] == [
        (["区交运局"], "共享单车管理工作。区交运局牵头，梳理辖区投放单车的公司。"), (["区城管局"], "推进垃圾分类。")]


def test_a_one_line_forwarding_notice_hoping_its_addressees_will_act_is_their_task(tmp_path):
    """A page whose breaks became spaces: 「X办公厅转发…的通知 各县、区人民政府,市政府各有关部门: …希望你们…切实整改」.
    The salutation is a line of its own, and 「希望你们…」 asks the addressees, as 「请你们…」 does."""
    from policykb.ingest.readers import read
    page = tmp_path / "notice.txt"
    page.write_text("某市人民政府办公厅转发省环保联席会议办公室关于督查情况的通报的通知 各县、区人民政府,市政府各有关部门: "
                    "2005年11月11日至14日, 督查组对我市环保专项行动进行了现场检查。现将通报转发给你们, 希望你们针对通报中"
                    "提出的问题,结合实际,认真研究,切实整改。 二○○五年十一月二十一日", encoding="utf-8")
    draft = compose(read(page), Registry.load(tmp_path), dt.date(2005, 11, 21))
    assert [(t["lead"], t["lead_mode"], t["text"][:4]) for t in draft.tasks.values()] == [
        (["各县、区人民政府", "某市政府各有关部门"], "separate", "希望你们")]  # qualified by the issuer's place


def test_subjects_working_by_a_rule_and_levels_of_one_kind_of_body():
    """「水利部、流域管理机构(流域防总办)和省级、市级、县级水行政主管部门，按照《…》，加快建立…」: the rule stands between
    the subjects and their verb; the levels listed before one kind of body are one collective, and 和 after a
    closing bracket parts two names."""
    tasks, _ = _read("一、总体要求", "1. 水利部、流域管理机构(流域防总办)和省级、市级、县级水行政主管部门，按照《关于加快构建"
                     "水旱灾害防御工作体系的指导意见》，加快建立水旱灾害防御工作体系。")
    assert [t.units.lead + t.units.participants for t in tasks] == [
        ["水利部", "流域管理机构（流域防总办）", "省级、市级、县级水行政主管部门"]]


@pytest.mark.parametrize("written", ["省、市、县三级财政", "市、县两级政府", "省级、市级、县级水行政主管部门"])
def test_levels_listed_before_one_kind_of_body_are_one_name(written):
    """「所需经费由省、市、县三级财政…分担」: the levels counted (三级) before one body are one collective, never 省, 市 and
    a 「县三级财政」."""
    from policykb.ingest.unitnames import looks_like_unit
    from policykb.ingest.unitnotes import parse_units
    assert looks_like_unit(written) and parse_units(written).lead == [written]


def test_a_dated_demand_on_the_units_in_general_in_a_numbered_item_is_theirs():
    """「二、各单位会后抓紧将意见…于5月10日前报县发改局汇总。」: a demand with its date (and 会后 between subject and verb)
    is the item's work of the units addressed; 「各部门要加强宣传。」 undated still names nobody in particular."""
    tasks, _ = _read("一、会议要求", "二、各单位会后抓紧将修改意见形成书面材料于5月10日前报县发改局汇总。", "三、各部门要加强宣传。")
    assert [(t.number, t.units.lead) for t in tasks] == [(2, ["各单位"])]


def test_two_collectives_named_together_in_a_numbered_item_each_do_their_share():
    """「二、各部门各单位要在每季度末将本部门(单位)…报区督查组」: all addressed, each its own share; 「各部门」 alone in
    an item still names nobody in particular."""
    tasks, _ = _read("二、各部门各单位要在每季度末将本部门(单位)完成任务的进展情况报区督查组。", "三、各部门要加强宣传。")
    assert [(t.number, t.units.lead, t.units.mode) for t in tasks] == [(2, ["各部门", "各单位"], "separate")]


def test_a_salutation_run_into_a_body_opening_with_a_date_names_the_addressees():
    """「各乡镇、各部门: 8月31日，县政府印发了…。请按要求报送学习情况。」: the addressees the request asks."""
    from policykb.ingest.requirements import addressees
    units = addressees([Block("各乡镇、各部门: 8月31日，县政府印发了《关于认真学习贯彻全县脱贫攻坚推进会议精神的通知》，"
                              "现就各单位报送学习贯彻情况的具体要求通知如下。", "第1行")])
    assert units is not None and units.lead == ["各乡镇", "各部门"] and units.mode == "separate"


def test_a_body_asking_the_units_after_it_and_a_time_before_them_are_no_part_of_their_names(tmp_path):
    """「市政府希望各区政府(管委会)…；市各有关部门要加强…对工业经济的指导」: the asking body is no part of the units asked,
    and 工业经济 tells of no completed act (业经); 「请各镇(街)抓紧组织…」 and 「项目实施结束后各镇(街)要…」: neither the
    manner nor the time before the units is part of their name."""
    from policykb.ingest.readers import read
    page = tmp_path / "notice.txt"
    page.write_text("某市政府办公室关于开展工业经济竞赛活动的通知\n各区人民政府，市各有关部门：\n"
                    "市政府希望各区政府（管委会）高度重视此项活动，制订实施方案；市各有关部门要加强和改进对工业经济的指导和服务。\n"
                    "请各镇（街）抓紧组织制定实施方案。项目实施结束后各镇（街）要做好面积统计。\n二○○五年一月十四日",
                    encoding="utf-8")
    draft = compose(read(page), Registry.load(tmp_path), dt.date(2005, 1, 14))
    assert [(t["lead"], t["text"][:6]) for t in draft.tasks.values()] == [
        (["各区政府（管委会）"], "市政府希望各"), (["某市各有关部门"], "市各有关部门"),  # qualified by the issuer
        (["各镇（街）"], "请各镇（街）"), (["各镇（街）"], "项目实施结束")]


def test_a_paragraph_giving_named_units_work_divides_it_among_its_collectives_too(tmp_path):
    """「…省人民政府决定成立X领导小组，负责人口普查工作…。领导小组办公室设在省统计局，具体负责…。各市州、县市区人民政府
    要设立…」: the group set up leads (负责人口 is a verb, not 负责人), and in a paragraph that gives named units their work
    the collectives' sentence is a task of theirs as well, not only in a numbered item."""
    from policykb.ingest.readers import read
    page = tmp_path / "notice.txt"
    page.write_text("湖南省人民政府关于开展第七次全国人口普查的通知\n各市州、县市区人民政府，省政府各厅局：\n二、组织领导\n"
                    "为加强组织领导，省人民政府决定成立湖南省第七次全国人口普查领导小组，负责人口普查工作的组织实施。"
                    "领导小组办公室设在省统计局，具体负责人口普查工作的组织和协调。各市州、县市区人民政府要设立相应的人口普查"
                    "领导小组及其办公室，认真做好本地区普查工作。\n湖南省人民政府\n2020年1月10日", encoding="utf-8")
    draft = compose(read(page), Registry.load(tmp_path), dt.date(2020, 1, 10))
    assert [t["lead"] for t in draft.tasks.values()] == [
        ["湖南省第七次全国人口普查领导小组"], ["领导小组办公室"], ["各市州、县市区人民政府"]]


def test_a_party_organisation_is_a_body_not_the_verb_organise():
    """「各被巡察党组织(单位)负责人要切实负起整改领导责任」: 党组织 is a body (not 各被巡察党 and the verb 组织); its 负责人
    are people, the task the bodies they head lead."""
    from policykb.ingest.clauses import subject_clauses
    (_, units), = subject_clauses("各被巡察党组织(单位)负责人要切实负起整改领导责任，针对反馈意见认真整改", numbered=True)
    assert (units.lead, units.leaders) == (["各被巡察党组织（单位）"], ["各被巡察党组织(单位)负责人"])


def test_a_group_set_up_after_a_lead_in_leads_the_work_it_is_given():
    """「为切实做好创文工作，…，特成立X领导小组，由党委书记任组长，党委副书记、镇长任常务副组长，负责统筹…」: the group leads,
    its heads its leaders; 「为了确保…，成立X领导小组。」 gives the group no work: no task."""
    from policykb.ingest.clauses import subject_clauses
    (_, units), = subject_clauses("为切实做好创文工作，进一步强化责任意识，特成立某镇创建全国文明城市工作领导小组，由党委书记任组长，"
                                  "党委副书记、镇长任常务副组长，负责统筹、指挥、协调全镇创建工作", numbered=True)
    assert (units.lead, units.leaders) == (["某镇创建全国文明城市工作领导小组"], ["党委书记", "党委副书记、镇长"])
    assert subject_clauses("为了确保此次整治行动取得实效，成立环境综合整治专项行动领导小组", numbered=True) == []


def test_a_table_one_cell_a_line_each_later_cell_opened_by_a_pipe_and_a_column_of_units_inspected(tmp_path):
    """「分 组」「| 督查组牵头单位」「| 督查单位」「| 备 注」「|」, then 「第一组」「| 市安监局」「| 雁塔区」「|」「|」 …: each row's
    first cell alone and the others opened by 「|」 (a lost empty cell at a row's end too). 分组 numbers the rows;
    督查单位 names the unit each row's work is about (a kind of unit, no unit itself): the row's task reads
    「第一组，督查单位：雁塔区」 (its group named), led by its 督查组牵头单位."""
    from policykb.ingest.readers import read
    lines = ["某市人民政府关于开展安全生产大检查的通知", "附件:市政府安全生产督查组分组表", "分 组", "| 督查组牵头单位",
             "| 督查单位", "| 备 注", "|"]
    for group, lead, district in (("第一组", "市安监局", "雁塔区"), ("第二组", "市规划局", "灞桥区"),
                                  ("第三组", "市公安局", "长安区")):
        lines += ["", group, f"| {lead}", f"| {district}", "|", "|"]
    page = tmp_path / "notice.txt"
    page.write_text("\n".join(lines + ["某市人民政府", "2012年4月5日"]), encoding="utf-8")
    draft = compose(read(page), Registry.load(tmp_path), dt.date(2012, 4, 5))
    assert [(t["text"], t["lead"]) for t in draft.tasks.values()] == [
        ("第一组，督查单位：雁塔区", ["某市安监局"]), ("第二组，督查单位：灞桥区", ["某市规划局"]),
        ("第三组，督查单位：长安区", ["某市公安局"])]
    assert "督查单位→对象" in "\n".join(draft.review)


def test_the_chiefs_of_bodies_named_as_the_first_responsible_people_make_those_bodies_answer():
    """「各区县政府、各开发区管委会和市级各有关部门主要负责同志是安全生产第一责任人，要亲自抓」: the bodies lead, each its
    share; their chiefs are people (leaders)."""
    from policykb.ingest.clauses import subject_clauses
    (_, units), = subject_clauses("各区县政府、各开发区管委会和市级各有关部门主要负责同志是安全生产第一责任人，要亲自抓、负总责",
                                  numbered=True)
    assert (units.lead, units.mode) == (["各区县政府", "各开发区管委会", "市级各有关部门"], "separate")
    assert units.leaders


def test_a_sentence_after_a_prose_note_with_a_subject_of_its_own_is_that_subjects_task():
    """「一是共享单车管理工作。区交运局牵头，梳理…。各镇(办)要找出每一个区域能够规范停放单车的地方。」: the bureau leads
    the item's work, and the towns' sentence is a task of theirs, no part of the bureau's."""
    tasks, _ = _read("一、共享单车管理工作。区交运局牵头，梳理辖区投放单车的公司，建立管理机制。各镇（办）要找出每一个区域能够规范"
                     "停放单车的地方，并报区城管局。")
    assert [(t.units.lead, t.text[:6]) for t in tasks] == [(["区交运局"], "共享单车管理"), (["各镇（办）"], "各镇（办）要")]


def test_a_semicolon_written_for_a_labels_colon_and_townships_and_farms_as_one_collective():
    """「5.实施改厨…。(责任单位;住建局、畜牧局、各乡镇场)」: the note is read as if the colon were there, flagged for review
    (a misprint of the source); 各乡镇场 (the townships and farms) is a collective."""
    tasks, _ = _read("一、重点督办事项", "5.实施改厨、改厕、改圈等工程,提升村屯人居环境质量和水平。(责任单位;住建局、畜牧局、各乡镇场)")
    (task,) = tasks
    assert (task.units.lead, task.units.participants) == (["住建局"], ["畜牧局", "各乡镇场"])
    assert task.units.flags == ["label closed by a semicolon"]


def test_the_whole_place_after_lead_in_clauses_is_a_subject_and_a_leading_bodys_members_are_people(tmp_path):
    """「三要凝心聚力抓招商引资。发展是第一要务，招商是第一要事，全区上下要迅速行动，…。班子成员要发挥示范带头作用」:
    全区上下 (the whole district) is a collective after two lead-in clauses; 班子成员 are people, so the issuer leads."""
    from policykb.ingest.readers import read
    page = tmp_path / "news.txt"
    page.write_text("某开发区党工委关于抓好招商引资工作的通知\n各部门：\n三要凝心聚力抓招商引资。发展是第一要务，招商是第一要事，"
                    "全区上下要迅速行动，以决战决胜的姿态投入到招商引资中来。班子成员要发挥示范带头作用，靠前指挥。\n"
                    "某开发区党工委\n2021年2月1日", encoding="utf-8")
    draft = compose(read(page), Registry.load(tmp_path), dt.date(2021, 2, 1))
    assert [(t["lead"], t.get("leaders", [])) for t in draft.tasks.values()] == [
        (["全区上下"], []), (["某开发区党工委"], ["班子成员"])]


def test_a_request_to_an_addressee_named_without_its_place_is_theirs_and_its_means_no_part_of_a_name():
    """「请广州广播电视台于…播发」: an addressee the salutation names is asked, though its name opens with no place;
    「请市气象局通过预警信息平台…」: the means after the unit is no part of its name."""
    from policykb.ingest.requirements import requirement_tasks
    tasks = requirement_tasks([Block("市气象局,广州广播电视台:", "第1行"),
                               Block("我局草拟了提示信息,请市气象局通过突发事件预警信息平台于4月30日前播发。"
                                     "请广州广播电视台于4月30日至5月4日通过电视走马字幕播发。", "第2行")])
    assert [t.units.lead for t in tasks] == [["市气象局"], ["广州广播电视台"]]


def test_a_bare_government_after_its_party_committee_is_a_subject_of_its_own(tmp_path):
    """「…，镇党委、政府拟将此项工作列入年度考核」: 政府 written bare after the party committee is that place's
    government (as 「县委、县政府」), both the clause's subject, the first leading (no lead word, truth rule 5); it
    opens a demand of its own after the comma, as a placed unit would. Bare 政府 alone is still no unit."""
    tasks = _drafted(tmp_path, "镇政府召开安全生产工作会议。", "各村必须在9月底前完成清查任务，镇党委、政府拟将此项工作列入年度考核。")
    assert [(t["lead"], t["lead_mode"]) for t in tasks] == [(["各村"], "first"), (["镇党委"], "first")]
    from policykb.ingest.unitnotes import parse_units
    assert parse_units("政府、县财政局").doubts == ["not a unit: 政府"]


def test_a_pledges_duties_naming_nobody_are_its_signatorys_beside_duties_that_name_theirs(tmp_path):
    """A 责任书 signed 「与各村、各企业及相关单位」: duties 1 and 3 name their holders (read by the subject reader);
    duty 2 names nobody and is the signatories' - three collectives, each its own share."""
    import datetime as dt
    draft = compose(_source("某镇2022年度安全生产工作目标责任书",
                            "结合我镇实际,镇政府与各村、各企业及相关单位签定本目标责任书。",
                            "、安全生产主要工作责任",
                            "1、各村、各企业、镇属各单位要成立安全生产工作领导小组,配备安全监督员。",
                            "2、建立健全安全工作管理制度。要有会议记录、有事故登记册。",
                            "3、各村、各企业、镇属各单位要加强应急管理,建立完善各项预案。"),
                    Registry.load(tmp_path), dt.date(2022, 1, 1))
    assert [(t["lead"], t["lead_mode"]) for t in draft.tasks.values()] == [
        (["各村", "各企业", "镇属各单位"], "separate"), (["各村", "各企业", "相关单位"], "separate"),
        (["各村", "各企业", "镇属各单位"], "separate")]


def test_a_pledges_duty_stating_a_target_then_what_to_do_well_is_the_signatorys(tmp_path):
    """「2、辖区内无违章搭建…，对…做好日常巡查」: a duty that opens with the state to reach, then its work (做好, 抓好),
    looks like a task as 建立… does, so the pledge's signatories (who hold every duty naming nobody) hold it."""
    import datetime as dt
    draft = compose(_source("某镇2023年度消防安全工作目标责任书",
                            "结合我镇实际,镇政府与各村、各商户签定本目标责任书。",
                            "1、各村、各商户要成立消防安全工作小组,配备义务消防员。",
                            "2、辖区内无违章搭建的棚屋和仓库,对已拆除的地块做好日常巡查工作,严防反弹。",
                            "3、各村、各商户要加强隐患排查,建立整改台账。"),
                    Registry.load(tmp_path), dt.date(2023, 1, 1))
    assert [(t["lead"], t["text"][:6]) for t in draft.tasks.values()] == [
        (["各村", "各商户"], "各村、各商户"), (["各村", "各商户"], "辖区内无违章"), (["各村", "各商户"], "各村、各商户")]


def test_a_salutation_run_into_the_body_is_found_after_a_broken_page_attributes_tail():
    """「…落实情况" />」 then 「各市卫生健康委,各县卫生健康局: 5月8日,…」: the tail of a page attribute the copy broke is
    page debris, not the body's first line, so the salutation run into the line after it still names the addressees."""
    from policykb.ingest.requirements import addressees
    units = addressees([Block('5月8日,我委印发了《关于做好夏季高温天气防暑降温和医疗救治保障工作的通知》(某卫办发〔2024〕8号),'
                              '现就报送落实情况" />', "第1行"),
                        Block("各市卫生健康委,各县卫生健康局: 5月8日,我委印发了《关于做好夏季防暑工作的通知》,"
                              "现就报送落实情况的具体要求通知如下。", "第2行")])
    assert units is not None and (units.lead, units.mode) == (["各市卫生健康委", "各县卫生健康局"], "separate")


def test_a_request_to_the_addressees_may_open_with_what_it_asks_for():
    """「2. 有关材料请以正式文件形式报送」: what is asked for stands before 请 as its topic; the request is the addressees'
    all the same, its text from the topic on. Units before 请 (「各单位请于…」) are no topic, nor is 申请 a request."""
    from policykb.ingest.requirements import requirement_tasks
    tasks = requirement_tasks([Block("县教育局，县卫健局：", "第1行"),
                               Block("一、报送方式", "第2行"),
                               Block("1. 有关材料请以正式文件形式报送，其他材料可用便函报送。", "第3行")])
    assert [(t.units.lead, t.text[:6]) for t in tasks] == [(["县教育局", "县卫健局"], "有关材料请以")]
    assert requirement_tasks([Block("县教育局，县卫健局：", "第1行"),
                              Block("1. 符合条件的学校，可申请专项补助资金。", "第2行")]) == []


def test_the_issuers_own_clause_after_a_comma_is_a_demand_of_its_own():
    """「各地要高度重视…，我局将定期汇总…」: the issuer naming itself (我局, 我委) opens a clause of its own after the comma,
    as a unit named by its place would; it is not the text of the demand on 各地."""
    from policykb.ingest.requirements import requirement_tasks
    tasks = requirement_tasks([Block("各地要高度重视防汛信息报送工作，我局将定期汇总各地报送情况并予以通报。", "第1行")])
    assert [(t.units.lead, t.text[:4]) for t in tasks] == [(["各地"], "各地要高"), (["我局"], "我局将定")]


def test_a_notices_numbered_point_saying_when_to_report_is_the_addressees_duty():
    """「1. 重大事项发生后2日内报告，…」: a numbered point with no subject that says when to report is asked of the
    addressees, as one opening with 应 is; 「其他需要及时报告的事项」 only names what to report."""
    from policykb.ingest.requirements import requirement_tasks
    tasks = requirement_tasks([Block("各乡镇人民政府，县直各部门：", "第1行"), Block("一、报送时间", "第2行"),
                               Block("1. 重大事项发生后2日内报告，其他情况按月报送。", "第3行"),
                               Block("2. 其他需要及时报告的事项。", "第4行")])
    assert [(t.units.lead, t.text[:6]) for t in tasks] == [(["各乡镇人民政府", "县直各部门"], "重大事项发生")]


def test_collectives_and_their_modal_right_after_a_demand_open_their_own_where_a_full_stop_was_lost():
    """「牵头单位要主动协调，合力推进各配合单位要按照职责认领任务」: the copy lost the full stop before 各配合单位; the
    collectives and their modal open a demand of their own. After a verb that asks them (「督促各单位要…」) the clause
    goes on: whom the demand is on."""
    from policykb.ingest.requirements import requirement_tasks
    read = lambda text: [(t.units.lead, t.text[:5]) for t in requirement_tasks([Block(text, "第1行")])]  # noqa: E731
    assert read("牵头单位要主动协调，合力推进各配合单位要按照职责认领任务，抓好落实。") == [
        (["牵头单位"], "牵头单位要"), (["各配合单位"], "各配合单位")]
    assert read("县督查室要督促各单位要按时完成整改任务。") == [(["县督查室"], "县督查室要")]


def test_a_note_after_what_a_text_states_names_the_units_and_their_role():
    """「针对“…”，《方案》要求县发改局、县财政局等按职责分工负责，年内完成」: who states it (《方案》要求, 会议明确) stands
    before the units and their role word in the clause; the note is read from the units on, as after 由."""
    tasks, _ = _read("针对“推进农贸市场改造，方便群众生活”，《方案》要求县商务局、县财政局等按职责分工负责，年内完成。")
    assert [(t.units.lead, t.units.participants) for t in tasks] == [(["县商务局"], ["县财政局"])]
    assert "推进农贸市场改造" in tasks[0].text


def test_a_project_party_named_by_its_role_opens_a_demand_of_its_own():
    """「…，另外，建设单位要高度重视，…，各相关部门要强化配合意识」: the builder is named by its role in the project,
    as 牵头单位 is by its role in the division; its demand is its own, not the text of the demand before it."""
    from policykb.ingest.requirements import requirement_tasks
    tasks = requirement_tasks([Block("杨光强调,全区上下要把棚改作为重中之重,确保申报工作落实到位,另外,建设单位要高度重视,"
                                     "严格按照上级文件要求筛选项目,各相关部门要强化配合意识,积极做好协调指导。", "第1行")])
    assert [t.units.lead for t in tasks] == [["全区上下"], ["建设单位"], ["各相关部门"]]


def test_a_request_to_the_people_of_the_place_is_the_issuers_task_led_by_them(tmp_path):
    """「请全县广大干部群众坚决贯彻落实…」: people, not a body (no 「全县广大干部群」 cut at a stray suffix): the issuer
    answers for their work, they are its leaders."""
    import datetime as dt
    draft = compose(_source("海丰县人民政府关于启动防台风应急响应的动员令", "全县广大干部群众:",
                            "当前防台风形势严峻,请全县广大干部群众坚决贯彻落实防灾减灾救灾批示精神,全力防御台风。",
                            "海丰县人民政府", "2018年9月15日"), Registry.load(tmp_path), dt.date(2018, 9, 15))
    [task] = draft.tasks.values()
    assert task["lead"] == ["海丰县人民政府"] and task["leaders"] == ["全县广大干部群众"]


def test_parts_run_onto_one_line_keep_their_numbers():
    """「…提出了三点要求：一、…；二、…；三、区安置办要…」: parts run onto one line (a page that lost its breaks) are
    numbered as written; the third names its holder and is 第3项."""
    tasks, _ = _read("同时对下阶段工作提出了三点要求:一、进一步高度重视,做到进度不变;二、进一步加大协调力度;"
                     "三、区安置办要进一步加强调度,做好指导、督查和信息通报工作。")
    assert [(t.units.lead, t.number) for t in tasks] == [(["区安置办"], 3)]


def test_a_table_row_that_gives_no_task_is_listed_as_not_read(tmp_path):
    """A copied table whose unit cell was merged over three rows and kept once, under the last: the two rows above
    it give no task and are listed in the review by their cells, not dropped silently."""
    import datetime as dt
    rows = [("序号", "工作任务", "责任单位"), ("1", "主动公开全国统一的市场准入负面清单,及时根据调整情况做好更新发布。", ""),
            ("2", "及时公开定点医药机构管理相关政策规定,定期公布签订协议的两定机构名单。", ""),
            ("3", "强化行政执法信息公开,定期公布医保基金使用监督检查结果。", "市医保局法规科")]
    source = Source("x.txt", "txt", [Block("某市医疗保障局政务公开工作要点分工方案", "第1行")]
                    + [Block(" | ".join(r), f"表1第{i}行", r, 1) for i, r in enumerate(rows, start=1)])
    draft = compose(source, Registry.load(tmp_path), dt.date(2021, 7, 22))
    assert [t["lead"] for t in draft.tasks.values()] == [["某市医保局法规科"]]
    unread = [line for line in draft.review if line.startswith("[未读取]")]
    assert len(unread) == 2 and unread[0].startswith("[未读取] 表1第2行：主动公开全国统一的市场准入负面清单")


def test_a_parts_paragraph_giving_a_named_unit_its_work_gives_the_collectives_after_it_theirs(tmp_path):
    """「一、强化宣传引导。县委宣传部要…。各乡镇要…。」: a part's paragraph (一、) that gives a named unit its work divides
    it, so the sentence of the collective after it is that collective's task, as in a paragraph without a number."""
    tasks = _drafted(tmp_path, "某县人民政府办公室关于做好秸秆禁烧工作的通知",
                     "一、强化宣传引导。县委宣传部要利用广播电视开展禁烧宣传，营造良好氛围。各乡镇要及时向村民发放告知书，做到家喻户晓。",
                     "二、严格督查考核。县农业农村局要会同县生态环境局开展巡查，发现问题及时通报。")
    assert [(t["text"][:6], t["lead"]) for t in tasks] == [
        ("强化宣传引导", ["某县委宣传部"]), ("各乡镇要及时", ["各乡镇"]), ("严格督查考核", ["某县农业农村局"])]


def test_two_demands_joined_by_a_pause_mark_are_each_their_subjects_and_a_list_of_subjects_is_not_cut(tmp_path):
    """「会议要求：牵头科室要及时、配合科室要主动，…」: each clause before and after the 、 has a subject and a modal of its
    own, so each is its subject's task; in 「县财政局、县审计局要加强资金监管」 the 、 lists the subject and cuts nothing."""
    from policykb.ingest.clauses import subject_clauses
    tasks = _drafted(tmp_path, "某县召开防汛工作推进会", "6月2日，某县召开防汛工作推进会。会议要求：要提高认识；压实防汛责任，各乡镇要加强巡查、"
                     "各村要落实值守，各有关部门要加强协调。")
    assert [(t["text"][:6], t["lead"]) for t in tasks] == [
        ("各乡镇要加强", ["各乡镇"]), ("各村要落实值", ["各村"]), ("各有关部门要", ["各有关部门"])]
    assert [c for c, _ in subject_clauses("主办科室要及时、协办科室要主动", numbered=True)] == ["主办科室要及时", "协办科室要主动"]
    assert [(c, u.lead) for c, u in subject_clauses("县财政局、县审计局要加强资金监管", numbered=True)] == [
        ("县财政局、县审计局要加强资金监管", ["县财政局"])]


def test_a_request_fitted_to_the_units_own_duties_names_the_units_alone(tmp_path):
    """「请各单位结合部门职责…」: 结合 opens what the work is fitted to, so 「各单位结合部门」 is no unit's name (lexicon.yaml
    fragment_words); the request is 各单位's."""
    tasks = _drafted(tmp_path, "某县水利局关于征求防汛预案修改意见的函", "县直有关部门，各乡镇：",
                     "县水利局修订了防汛预案。请各单位结合部门职责，于5月10日前将修改意见反馈县水利局。", "某县水利局")
    assert [t["lead"] for t in tasks] == [["各单位"]]


def test_a_collective_before_a_colon_is_the_addressees_not_a_units_duty_line(tmp_path):
    """「县直有关部门：为切实做好…，县水利局修订了…。请各单位…」: a salutation run into its paragraph; a collective before
    the colon is whom the notice is addressed to, not a roster line giving it the paragraph as its duty (「商委：协调…」)."""
    tasks = _drafted(tmp_path, "某县水利局关于征求防汛预案修改意见的函",
                     "县直有关部门：为切实做好防汛减灾工作，县水利局修订了防汛预案。请各单位于5月10日前将修改意见反馈县水利局。",
                     "某县水利局")
    assert [(t["lead"], t["text"][:5]) for t in tasks] == [(["各单位"], "请各单位于")]


def test_collectives_opening_an_items_sentence_with_a_verb_the_lexicon_lacks_do_its_work():
    """「三是规范台账管理。各村和相关站所抽调专人，逐户建立台账」: collectives alone open the sentence, then a verb of their
    own (抽调): each collective does its share. A heading introducing a list (「各级X责任主要包括：」) and a sentence with
    a modal the lexicon reads (「各部门要各司其职」) are left to the grammar."""
    from policykb.ingest.listedsubjects import collective_subjects
    tasks, _ = _read("会议提出三点要求：一是压实责任。二是加强宣传。三是规范台账管理。各村和相关站所抽调专人，逐户建立台账。")
    assert [(t.units.lead, t.units.mode, t.number) for t in tasks] == [(["各村", "相关站所"], "separate", 3)]
    assert collective_subjects("各级政府防汛责任主要包括：组织、协调") == []
    assert collective_subjects("各部门要各司其职，形成合力") == []


def test_collectives_urged_to_their_work_do_it():
    """「二是强化台账管理。按照整改要求，督促各责任单位建立健全问题清单，明确整改时限」: the units urged (督促) do the work
    the sentence names, each its share."""
    tasks, _ = _read("会议提出两点要求：一是压实责任。二是强化台账管理。按照整改要求，督促各责任单位建立健全问题清单，明确整改时限。")
    assert [(t.units.lead, t.number) for t in tasks] == [(["各责任单位"], 2)]


def test_a_long_salutation_of_bodies_named_in_full_is_the_notices_addressees(tmp_path):
    """A line naming five bodies in full and closing with a colon is the salutation however long it runs (longer than a
    body's first line): 「二、请按照…认真抓好规划的实施工作。」 naming nobody is asked of those five, each its share."""
    bodies = ["甲市经济技术开发区管委会", "乙市经济技术开发区管委会", "丙市高新技术产业开发区管委会", "丁县生态工业园区管委会",
              "戊县循环经济产业园区管委会"]
    tasks = _drafted(tmp_path, "关于同意甲市经济技术开发区等5家园区开展示范园区建设的通知", "、".join(bodies) + "：",
                     "一、同意上述园区开展示范园区建设。",
                     "二、请按照示范园区建设要求，结合自身实际情况，认真抓好规划的实施工作。各园区要加强组织领导，严格落实责任。",
                     "某部", "2013年4月18日")
    assert [(t["lead"], t["lead_mode"]) for t in tasks][:2] == [(bodies, "separate"), (["各园区"], "first")]


def test_the_issuers_own_office_named_by_its_kind_after_a_comma_opens_a_demand_of_its_own(tmp_path):
    """「请各单位于…前报局办公室，局办公室将汇总上报市政府」: 局办公室 (the issuer's office, named by its kind) opens a
    clause of its own after the comma, so the summary is its task, not a part of 各单位's."""
    tasks = _drafted(tmp_path, "某市文旅局关于印发重点工作分工方案的通知", "局机关各科室，市文物中心：",
                     "现印发你们，请按各自职责抓好落实。请各单位于7月1日前将落实情况报局办公室，局办公室将汇总上报市政府。")
    assert [(t["lead"], t["text"][:5]) for t in tasks][-2:] == [(["各单位"], "请各单位于"), (["局办公室"], "局办公室将")]


def test_a_committee_member_heading_a_group_is_a_leader():
    """「…，由党委书记任组长，组织委员任副组长，负责…」: a committee member (组织委员, 宣传委员) is a post, kept among the
    group's leaders, never a unit; 「XX委员会」 stays a body."""
    from policykb.ingest.clauses import subject_clauses
    from policykb.ingest.lexicon import is_person
    (_, units), = subject_clauses("特成立某镇乡村振兴工作领导小组，由党委书记任组长，组织委员任副组长，负责统筹全镇乡村振兴工作",
                                  numbered=True)
    assert (units.lead, units.leaders) == (["某镇乡村振兴工作领导小组"], ["党委书记", "组织委员"])
    assert is_person("宣传委员") and not is_person("某镇纪律检查委员会")


def test_all_of_the_subject_before_its_verb_leaves_the_subject_whole():
    """「各站所均是落实方案的责任主体，要…」, 「各乡镇都要…」: 均 and 都 (all of them) stand between the subject and its
    verb, as 还 and 也 do; the subject is the units before them."""
    from policykb.ingest.clauses import subject_clauses
    assert [(c[:6], u.lead) for c, u in subject_clauses(
        "二、压实责任。各站所均是落实方案的责任主体，要主动担当作为。各乡镇都要细化分工，明确时限", numbered=True)] == [
        ("各站所均是落", ["各站所"]), ("各乡镇都要细", ["各乡镇"])]


def test_a_demand_on_collectives_under_a_part_dividing_work_is_a_task_one_under_its_requirements_is_not(tmp_path):
    """Under 「二、组织领导」, whose paragraph gives the group and the office their work, 「各乡镇人民政府要切实落实普查
    经费…」 is part of that division: the towns' task. Under 「三、工作要求」 the demand on 各级各部门 stays a requirement."""
    draft = compose(_source("某县人民政府关于开展农业普查的通知", "各乡镇人民政府，县直各单位：", "一、普查内容",
                            "本次普查主要调查农业生产经营情况。", "二、组织领导",
                            "县人民政府决定成立某县农业普查领导小组，负责普查工作的组织实施。领导小组办公室设在县统计局，具体负责普查"
                            "工作的组织和协调。",
                            "普查所需经费由各级财政共同负担。各乡镇人民政府要切实落实普查经费，按时拨付、确保到位。", "三、工作要求",
                            "各级各部门要按照统计法的要求，认真做好普查各项工作。", "某县人民政府", "2024年1月10日"),
                    Registry.load(tmp_path), dt.date(2024, 1, 10))
    assert [t["lead"] for t in draft.tasks.values()] == [["某县农业普查领导小组"], ["领导小组办公室"], ["各乡镇人民政府"]]
    assert [r["text"][:6] for r in draft.doc["annex"]["requirements"]] == ["各级各部门要"]


def test_a_system_of_a_field_across_places_is_a_collective():
    """「各地中医药系统要高度重视…」: 各 over a field's system (系统) is a collective of bodies, each its share
    (lexicon.yaml collective_ends), like 各地 or 各部门."""
    from policykb.ingest.unitnames import looks_like_unit
    tasks, _ = _read("一、各地卫生健康系统要高度重视信息报送工作，按时报送学习贯彻情况。")
    assert [t.units.lead for t in tasks] == [["各地卫生健康系统"]]
    assert looks_like_unit("各地卫生健康系统") and not looks_like_unit("信息系统")


def test_a_heading_over_the_duties_of_collectives_owns_the_items_under_it():
    """「第四条 各级党委和政府防汛责任主要包括：」 then （一）（二）: the collective the heading names holds the items (the
    topic 防汛 between it and 责任 is no part of its name); 「第三条 在省委领导下，省防汛指挥部负责…」: 在…领导下 is a
    lead-in, the subject after its comma."""
    tasks, _ = _read("第三条 在省委领导下，省防汛指挥部负责统筹全省防汛工作，协调解决重大问题。",
                     "第四条 各级党委和政府防汛责任主要包括：", "（一）组织开展汛前检查，消除安全隐患。",
                     "（二）落实防汛物资储备，保障抢险需要。")
    assert [(t.text[:4], t.units.lead) for t in tasks] == [
        ("在省委领", ["省防汛指挥部"]), ("组织开展", ["各级党委和政府"]), ("落实防汛", ["各级党委和政府"])]


def test_a_body_that_may_do_something_by_its_own_judgement_is_given_that_work():
    """「各级普查机构可根据工作需要，招聘…」: 可 before 根据, 按照, 参照 … (may, as it judges) is a modal like 要; a bare
    可 (可能, 可以看出) is none."""
    from policykb.ingest.clauses import subject_clauses
    assert [u.lead for _, u in subject_clauses("各级农普机构可根据工作需要，招聘普查员", numbered=True)] == [["各级农普机构"]]
    assert subject_clauses("各级农普机构可能出现人员不足", numbered=True) == []


def test_a_collective_of_each_over_a_bare_kind_after_it_is_one_and_the_line_on_whom_to_ask_is_no_task(tmp_path):
    """「各业务部门、县(分)局要…」, 「局系统各站所、单位主要负责人要…」: 各 is over the bare kind of body after the 、 too
    (单位, 部门, a level's bare 局), one collective as written, its post the leader; 「各站所、科室」 and 「各区教育局、市局直属
    单位」 stay two. 「遇到的问题，请及时向市局有关科室反映」 is the line on whom to ask: no task of the addressees."""
    from policykb.ingest.unitnotes import parse_units
    draft = compose(_source("某市林业局关于做好林地保护工作的通知", "各县(分)局、局属各单位：",
                            "一、广泛宣传。各业务部门、县(分)局要组织技术人员深入林区讲解政策。",
                            "二、落实责任。局系统各站所、单位主要负责人要亲自部署林地巡查。"
                            "各县(分)局在工作中遇到的问题，请及时向市局有关科室反映。", "某市林业局", "2024年5月6日"),
                    Registry.load(tmp_path), dt.date(2024, 5, 6))
    assert [(t["lead"], t.get("leaders"), t["text"][:6]) for t in draft.tasks.values()] == [
        (["各业务部门、县(分)局"], None, "广泛宣传。各"), (["局系统各站所、单位"], ["主要负责人"], "落实责任。局")]
    assert [(u.lead, u.participants) for u in map(parse_units, ("各站所、科室", "各区教育局、市局直属单位"))] == [
        (["各站所"], ["科室"]), (["各区教育局"], ["市局直属单位"])]


def test_a_heading_over_a_posts_duties_gives_them_to_the_bodies_named_with_the_post(tmp_path):
    """「一、联络员的工作职责」 over items with no subject: the duties of a post, not of a body; the bodies the document
    names with that post (「各县级农业农村部门联络员每月5日前应…」) do them, the post their leader."""
    draft = compose(_source("某省农业农村厅关于建立农产品质量安全联络员制度的通知", "各县级农业农村部门：",
                            "一、联络员的工作职责", "（一）收集本地区农产品质量安全监管工作信息；",
                            "（二）按时参加联络员培训，通报本地监管工作动态。",
                            "二、各县级农业农村部门联络员每月5日前应向厅监管处报送上月监管工作情况。",
                            "某省农业农村厅", "2024年4月2日"),
                    Registry.load(tmp_path), dt.date(2024, 4, 2))
    assert [(t["lead"], t.get("leaders"), t["text"][:6]) for t in draft.tasks.values()] == [
        (["各县级农业农村部门"], ["联络员"], "收集本地区农"), (["各县级农业农村部门"], ["联络员"], "按时参加联络"),
        (["各县级农业农村部门"], ["联络员"], "各县级农业农")]


def test_a_demand_naming_only_whom_its_holders_work_with_is_theirs_too(tmp_path):
    """「…各村要落实防汛责任。与包片干部要密切配合，对…开展排查」: the next demand opens with whom the same holders work
    with (与X) before its modal, no subject of its own: it is the holders' next task, as 「要着力…」 is."""
    tasks = _drafted(tmp_path, "某镇召开防汛工作会议", "发布时间：2024-05-10",
                     "会议对近期防汛工作作了部署。各村要落实防汛责任，加强河道巡查。与包片干部要密切配合，对辖区山塘、河道开展隐患排查。")
    assert [(t["lead"], t["text"][:6]) for t in tasks] == [(["各村"], "各村要落实防"), (["各村"], "与包片干部要")]


def test_an_industrial_park_is_a_body_a_salutation_may_name(tmp_path):
    """「…，某市高新技术工业园，有关园区：」: a 工业园 is a body as an 产业园 is, so the salutation names units alone and a
    request naming none (「请于…前将有关材料报送我局」) is asked of them."""
    tasks = _drafted(tmp_path, "某市工业和信息化局关于报送园区工作情况的通知", "各县工业和信息化局，某市高新技术工业园，有关园区：",
                     "为了解园区近期工作进展，现就有关事项通知如下。请于12月10日前将有关材料报送我局。", "某市工业和信息化局")
    assert [(t["lead"], t["text"][:6]) for t in tasks] == [
        (["各县工业和信息化局", "某市高新技术工业园", "有关园区"], "请于12月1")]


def test_a_notices_numbered_point_opening_with_its_modal_is_the_addressees_duty(tmp_path):
    """「二、在试点过程中，应及时向我厅报送…」: a numbered point of a notice whose modal opens it (after a lead-in) names no
    subject; it is asked of the notice's addressees, as a request naming none is. A news report's 「要…」 has no
    addressees to be asked of."""
    tasks = _drafted(tmp_path, "某省教育厅关于开展智慧校园试点工作的复函", "甲市教育局、乙市教育局：",
                     "一、同意你们开展智慧校园试点。", "二、在试点过程中，应及时向我厅报送试点进展情况和存在的问题。",
                     "某省教育厅", "2024年3月8日")
    assert [(t["lead"], t["lead_mode"], t["text"][:6]) for t in tasks] == [
        (["甲市教育局", "乙市教育局"], "separate", "在试点过程中")]


def test_a_notices_numbered_point_asking_with_yao_after_its_lead_in_is_the_addressees_duty(tmp_path):
    """「三、按照上级要求，每年要对…开展“回头看”」: a notice's point whose 要 follows its lead-in (and the time it recurs)
    names no subject either; it is asked of the addressees. 「要求…」 after the lead-in is no such 要. The addressees
    asked together single out no unit: the notice still divides no work, and its role holders' demands stay tasks."""
    addressed = ["某市疾控中心", "委机关各科室", "各直属单位"]
    tasks = _drafted(tmp_path, "某市卫生健康委员会关于印发2021年政务公开工作任务分工的通知", "某市疾控中心，委机关各科室、各直属单位：",
                     "一、各单位要认真对照工作任务细化推进方案。牵头单位要主动担当尽责。",
                     "二、按照市政府办公室要求，每年要对上一年度工作要点落实情况开展“回头看”，接受社会监督。",
                     "三、按照市政府办公室要求，要求各单位落实责任。",
                     "某市卫生健康委员会", "2021年9月10日")
    assert [(t["lead"], t["lead_mode"], t["text"][:6]) for t in tasks][:3] == [
        (["各单位"], "first", "各单位要认真"), (["牵头单位"], "first", "牵头单位要主"),
        (addressed, "separate", "按照市政府办")]
    assert not any(t["text"].startswith("按照市政府办公室要求，要求") and t["lead"] == addressed for t in tasks)


def test_an_item_under_a_units_heading_keeps_the_person_its_label_names(tmp_path):
    """「（二）环卫所」 over 「1、清理背街小巷垃圾。人员由环卫所抽调，负责人：钮文」: the heading's unit does the item, the
    person after the item's 负责人 label (a name the surname list need not know) is its leader."""
    tasks = _drafted(tmp_path, "某街道办事处环境整治工作方案", "一、责任分工", "（一）党政办",
                     "负责环境整治的宣传发动工作。", "（二）环卫所", "1、清理背街小巷垃圾。人员由环卫所抽调，负责人：钮文")
    assert [(t["lead"], t.get("leaders"), t["text"][:6]) for t in tasks] == [
        (["党政办"], None, "负责环境整治"), (["环卫所"], ["钮文"], "清理背街小巷")]


def test_a_groups_duty_line_keeps_the_persons_in_charge_it_lists(tmp_path):
    """「（一）道路运输保障组：负责…。责任人：黄勇、杨文革。」: the group leads its duties, the people its 责任人 label lists
    (several, joined by 、) lead them in person; the label and the names are no part of the task's text (a letter
    prints them as its 责任领导)."""
    tasks = _drafted(tmp_path, "某县交通运输局春运工作方案", "三、职责分工", "按照工作职责，春运工作成立2个工作小组。",
                     "（一）道路运输保障组：负责陆上运力的安排和调度；负责道路运输市场管理。责任人：黄勇、杨文革、段恒。",
                     "（二）公路桥梁保障组：负责保障公路畅通。责任人：张金桥。")
    assert [(t["lead"], t.get("leaders"), t["text"]) for t in tasks] == [
        (["道路运输保障组"], ["黄勇", "杨文革", "段恒"], "负责陆上运力的安排和调度；负责道路运输市场管理。"),
        (["公路桥梁保障组"], ["张金桥"], "负责保障公路畅通。")]


def test_a_section_named_with_its_other_plate_then_a_space_owns_its_duties(tmp_path):
    """「秘书处(组织人事处) 负责…；负责…」: a section's name, its other plate in brackets (part of the name, truth rule 4), a
    space, then its duties; 「（设在办公室）」 explains where a body sits, no plate of it."""
    tasks = _drafted(tmp_path, "某市人民政府办公室关于调整办公室各处室工作职能的通知", "现将调整后的职能通知如下：",
                     "秘书处(组织人事处) 负责文电收发、登记和催办工作；负责市政府常务会议的组织工作。",
                     "行政处 负责市政府领导出席重要活动的协调服务工作；负责机关后勤工作。",
                     "督查室（设在办公室） 负责市政府重要决策部署的督促检查工作。")
    assert [t["lead"] for t in tasks] == [["秘书处(组织人事处)"], ["行政处"], ["督查室"]]


def test_a_bodys_own_plan_is_its_work_paragraph_by_paragraph(tmp_path):
    """「我局的工作方案如下：」 then one paragraph a step, naming no unit: each paragraph up to the signature is the
    issuer's task (the city's demand before the announcement is background), and the person a paragraph puts in
    charge (「由某某同志牵头」, 「由某某副局长带领…」: the name, not the post) leads it in person."""
    tasks = _drafted(tmp_path, "水利局争创国家文明城市工作方案",
                     "按照市委、市政府的部署，各级各部门应紧急行动起来，安排部署好各自的工作任务。我局的工作方案如下：",
                     "7月，成立局争创文明城市领导小组，在全局干部职工大会进行宣传发动。",
                     "8—9月，重点搞好机关内部的文明创建。以上工作由熊文华同志牵头，全体物业人员全员参与。",
                     "10—11月，配合所联系的社区搞好创建工作，具体由戴世雄副局长带领有关人员深入社区。",
                     "市水利局", "二○○八年七月")
    assert [(t["lead"], t.get("leaders"), t["text"][:5]) for t in tasks] == [
        (["市水利局"], None, "7月，成立"), (["市水利局"], ["熊文华"], "8—9月，"), (["市水利局"], ["戴世雄"], "10—11")]


@pytest.mark.parametrize("lines", [
    ("县直有关部门：为做好汛期工作，县水利局修订了防汛预案。请各单位结合部门职责，于5月10日前，将修改意见经单位分管领导"
     "审核签字后，报送县水利局。",),
    ("县直有关部门，各乡镇：", "县水利局修订了防汛预案。请各单位于5月10日前，将修改意见经单位分管领导审核签字后，报送县水利局。"),
])
def test_a_request_names_the_person_who_signs_the_answer_off_as_its_leader(tmp_path, lines):
    """「请各单位…，将修改意见经单位主要负责人签字后…反馈」: the asked body answers, the post that signs its answer
    off leads the work in person (a post is a leader, never a unit)."""
    tasks = _drafted(tmp_path, "某县水利局关于征求防汛预案修改意见的函", *lines, "某县水利局")
    assert [(t["lead"], t.get("leaders")) for t in tasks] == [(["各单位"], ["单位分管领导"])]


def test_units_alone_each_over_one_paragraph_of_work_are_a_two_column_list(tmp_path):
    """A portal's two-column list copied one cell a line: its header cells 「单位」「工作职责」 alone on their lines
    (no label of the line after them), then each unit alone over its work, whatever the work's first word."""
    tasks = _drafted(tmp_path, "某区防汛职责分工", "相关单位", "工作职责", "区水利局", "巡查堤防险情，及时组织抢护。",
                     "区民政局", "做好受灾群众的转移安置。", "区交通局", "保障抢险物资运输道路畅通。")
    assert [(t["lead"], t["text"][:4]) for t in tasks] == [
        (["某区水利局"], "巡查堤防"), (["某区民政局"], "做好受灾"), (["某区交通局"], "保障抢险")]


def test_numbered_unit_headings_each_over_one_paragraph_give_it_whatever_its_first_word(tmp_path):
    """「一、市财政局」 then one paragraph, 「二、市教育局」 then one: each paragraph is its heading's unit's duty, whatever
    verb it opens with; the title over the preamble that says it sets the duties (「特制定…工作职责」) gives its
    members no task of that preamble."""
    tasks = _drafted(tmp_path, "某市防汛领导小组成员单位职责",
                     "根据有关规定，为做好全市防汛工作，特制定某市防汛领导小组成员单位工作职责。",
                     "一、市财政局", "保障防汛经费及时到位，监督资金使用。", "二、市教育局",
                     "将防汛避险知识纳入中小学安全教育，组织学校演练。", "三、市公安局", "依法打击破坏防汛设施的行为。")
    assert [(t["lead"], t["text"][:4]) for t in tasks] == [
        (["某市财政局"], "保障防汛"), (["某市教育局"], "将防汛避"), (["某市公安局"], "依法打击")]


def test_a_heading_naming_a_bodys_members_or_a_law_sites_record_is_no_unit_over_its_paragraph(tmp_path):
    """「二、联席会议成员单位」 over 「联席会议由X、Y…组成」 is a roster, and a law site's record lines run together
    (「发文机关某部」, 「发文日期…」) are the page's, no unit over a paragraph."""
    tasks = _drafted(tmp_path, "发文机关某部", "发文日期2005年09月16日", "发文字号某函〔2005〕9号", "甲委员会:",
                     "同意建立由甲委员会牵头的联席会议制度。", "一、联席会议的主要职能", "研究拟订重大政策，协调解决重大问题。",
                     "二、联席会议成员单位", "联席会议由甲委员会、乙部、丙部组成，甲委员会为牵头单位。")
    assert not any("发文日期" in t["text"] or "成员单位" in "".join(t["lead"]) for t in tasks)


def test_a_books_chapters_on_bodies_are_no_list_of_their_duties():
    """「第三节 乙局」 over 「1993年成立，编制20人。」: a gazetteer's chapter on a body, its history below, no duty."""
    tasks, _ = _read("第三节 甲县乙局", "1993年成立，正科级，编制20人，2000年有工作人员21人。",
                     "第四节 甲县丙局", "1995年成立，正科级，编制8人，2000年有工作人员9人。")
    assert tasks == []


def test_a_units_duty_working_with_others_in_a_later_part_names_them_partners(tmp_path):
    """「负责…；会同保密部门和公安部门，对…进行检查」: the units a duty works with at a later 「；」 part take part."""
    tasks = _drafted(tmp_path, "某区考试保障职责分工", "相关单位", "工作职责", "区教育局",
                     "负责考试的组织实施；会同保密部门和公安部门，对试卷保密室进行一次检查。", "区卫健委", "做好考点医疗保障。")
    assert [(t["lead"], t["participants"]) for t in tasks] == [
        (["某区教育局"], ["保密部门", "公安部门"]), (["某区卫健委"], [])]


def test_a_signature_over_a_closing_line_is_no_unit_with_its_work(tmp_path):
    """One unit alone over one paragraph is no list: the issuer's name over the notice's last line gives it no task."""
    tasks = _drafted(tmp_path, "某县关于做好防汛工作的通知", "各乡镇：", "一、县水利局负责巡查堤防。", "某县人民政府办公室",
                     "此件公开发布。")
    assert [t["lead"] for t in tasks] == [["某县水利局"]]


def test_leaders_portfolio_lines_are_their_governments_work_led_by_them(tmp_path):
    """A government's 领导分工: each post's work is the government's whose post it is, its holder the leader; the
    secretary-general's belongs to the same government; a post written in traditional script reads the same."""
    tasks = _drafted(tmp_path, "某县人民政府关于县政府领导工作分工的通知", "县长甲乙丙：主持县政府全面工作。",
                     "常務副縣長丁戊：負責縣政府常務工作，分管財政、稅務。", "秘书长己庚：协助县长处理日常工作。")
    assert [(t["lead"], t.get("leaders"), t["text"][:4]) for t in tasks] == [
        (["某县人民政府"], ["甲乙丙"], "主持县政"), (["某县人民政府"], ["丁戊"], "負責縣政"),
        (["某县人民政府"], ["己庚"], "协助县长")]


def test_a_head_named_with_the_post_once_then_by_name_in_overall_charge_leads_the_governments_work(tmp_path):
    """「…由县长甲乙丙牵头…。根据县政府统一安排，甲乙丙全面负责各项任务的完成。」, then the deputies' portfolio lines:
    the head's overall charge is the government's work too, the person leading it; a name never written with a
    head's post takes nothing."""
    tasks = _drafted(tmp_path, "某县政府工作报告任务分工情况",
                     "今年的《政府工作报告》分解为120项具体任务，由县委副书记、县长甲乙丙牵头，4位副县长领办。",
                     "根据县政府统一安排，甲乙丙全面负责各项任务的完成。",
                     "常务副县长丁戊：负责县政府常务工作，分管财政、税务。")
    assert [(t["lead"], t.get("leaders"), t["text"][:8]) for t in tasks] == [
        (["某县人民政府"], ["甲乙丙"], "甲乙丙全面负责各"), (["某县人民政府"], ["丁戊"], "负责县政府常务工")]
    from policykb.ingest.portfolios import head_by_name
    assert head_by_name("根据统一安排，庚辛全面负责各项工作。", "县长甲乙丙牵头") is None


def test_a_label_or_a_unit_before_a_colon_is_no_portfolio():
    from policykb.ingest.portfolios import portfolio
    assert portfolio("牵头单位：县教育局") is None and portfolio("县教育局：负责学校安全。") is None
    assert portfolio("秘书长己庚：协助县长处理日常工作。") is None  # no post around it names its government
    assert portfolio("副镇长：分管农业。") == ("镇人民政府", "副镇长", "分管农业。")


def test_a_lead_column_vouches_for_a_name_that_ends_like_no_unit(tmp_path):
    """「牵头单位 | 东湖科学城」: the column says it is a unit though 城 ends no unit's name; the review says it took it
    so. Two names run together (「经开区高新园」), a time or 「其他」 (the rest, a kind of unit: the row's text names
    them) are not taken."""
    from policykb.ingest.tabletasks import table_tasks
    rows = [("序号", "重点任务", "牵头单位"), ("1", "建设科创走廊", "东湖科学城"), ("2", "建设物流园", "经开区高新园"),
            ("3", "建设学校", "2024年底"), ("4", "生产企业的主要负责人对本单位的安全工作负责", "其他")]
    tasks = table_tasks([Block(" | ".join(r), f"表1第{i}行", cells=r, table=1) for i, r in enumerate(rows, start=1)])
    assert [t.units.lead for t in tasks] == [["东湖科学城"], [], [], []]  # the others left for the review
    assert any("东湖科学城" in f for f in tasks[0].units.flags)


def test_unit_names_a_copy_ran_together_in_a_cell_are_cut_where_a_bodys_name_meets_a_level(tmp_path):
    """「城关街道办事处县域工业集中区」 in a 配合单位 cell (one cell a line, the line breaks lost): a street office's whole name
    runs into a name opening with 县: two units. A committee and its government named together (「县委县政府督查室」)
    and a name with no level inside (「县市场监管局」) stay one."""
    from policykb.ingest.tabletasks import table_tasks
    rows = [("序号", "指标任务", "牵头单位", "配合单位"), ("1", "城区绿化覆盖率达到40%以上。", "县城管局", "城关街道办事处县域工业集中区"),
            ("2", "城区人均公园绿地面积达到11平方米以上。", "县委县政府督查室", "县市场监管局")]
    tasks = table_tasks([Block(" | ".join(r), f"表1第{i}行", cells=r, table=1) for i, r in enumerate(rows, start=1)])
    assert [(t.units.lead, t.units.participants) for t in tasks] == [
        (["县城管局"], ["城关街道办事处", "县域工业集中区"]), (["县委县政府督查室"], ["县市场监管局"])]


def test_a_group_set_up_after_a_lead_in_to_lead_the_work_leads_it(tmp_path):
    """「为做好…，经研究决定，成立X领导小组，统一领导全镇防汛工作。」: the body set up is given its work (统一领导, as
    负责); set up and given nothing (「为做好…，成立X领导小组。」) it is no task."""
    tasks = _drafted(tmp_path, "某镇关于做好防汛工作的意见", "一、加强领导。",
                     "为做好今年防汛工作，经镇党委研究决定，成立某镇防汛工作领导小组，统一领导全镇防汛工作。")
    assert [t["lead"] for t in tasks] == [["某镇防汛工作领导小组"]]


def test_under_a_person_who_leads_the_first_unit_that_answers_leads(tmp_path):
    """「由王五牵头，县财政局、县农业局负责，…」: a person takes the lead in person (a leader, never a unit); 牵头 is
    the person's, so the units' list has no lead word: the first leads, the others take part (truth rule 5), and the
    person's clause stays in the text."""
    tasks = _drafted(tmp_path, "某县关于推进土地整治工作的会议纪要",
                     "会议明确，由王五牵头，县财政局、县农业局负责，抓紧完成土地整治项目验收。")
    assert [(t["lead"], t["lead_mode"], t["participants"], t.get("leaders")) for t in tasks] == [
        (["某县财政局"], "first", ["某县农业局"], ["王五"])]
    assert "由王五牵头" in tasks[0]["text"]


def test_short_numbered_sentences_giving_a_unit_its_work_are_tasks_not_headings(tmp_path):
    """「(一)县住建局负责消防设计审查。」 is short and numbered like a heading, but it gives a named unit its work; a
    heading (「二、平台经济」) still heads, and a long item with two sentences was read before."""
    tasks = _drafted(tmp_path, "某县人民政府办公室关于明确安全监管职责分工的通知", "一、娱乐场所",
                     "(一)县文旅局负责指导场所履行安全责任。", "(二)县住建局负责消防设计审查工作。", "二、平台经济",
                     "(一)县商务局负责引导电商企业提升安全意识。督促企业健全安全制度。")
    assert [(t["lead"], t["text"][:4]) for t in tasks] == [
        (["某县文旅局"], "县文旅局"), (["某县住建局"], "县住建局"), (["某县商务局"], "县商务局")]


def test_a_note_inside_its_sentence_keeps_the_sentence_as_written(tmp_path):
    """「会议明确，由县住建局牵头，全力推进燃气隐患清零。」: the sentence reads as written, its units read from it; a note
    closing its sentence (「…，由县应急局负责。」) is cut from the text."""
    tasks = _drafted(tmp_path, "某县人民政府关于燃气安全工作的通知", "各乡镇：", "会议明确，由县住建局牵头，全力推进燃气隐患清零。",
                     "会议要求，开展工业燃料违规使用检查，由县应急局负责。")
    assert [(t["lead"], t["text"]) for t in tasks] == [
        (["某县住建局"], "会议明确，由县住建局牵头，全力推进燃气隐患清零。"),
        (["某县应急局"], "会议要求，开展工业燃料违规使用检查。")]


def test_duties_listed_after_a_colon_one_unit_a_semicolon_part(tmp_path):
    """「会议压实各部门职责:县住建局统筹协调全局;县应急局严管…;县市场监管局从…严控…」: each part opens with its unit, whatever
    its verb; a colon before one sentence naming a unit is no list."""
    from policykb.ingest.dutylists import duty_list
    listed = duty_list("为形成合力，会议进一步压实各部门职责：县住建局统筹协调全局，督促企业落实责任；县应急局严管违规用气行为；"
                       "县市场监管局从销售端严控产品质量。")
    assert [(u.lead, p[:5]) for p, u, _ in listed] == [
        (["县住建局"], "县住建局统"), (["县应急局"], "县应急局严"), (["县市场监管局"], "县市场监管")]
    assert duty_list("会议明确各部门职责：县住建局统筹协调全局。") is None
    assert duty_list("会议明确职责：统筹协调全局；严管违规用气行为。") is None


def test_assignments_settled_after_a_colon_each_clause_opening_with_its_units(tmp_path):
    """「活动自…起至…止，明确：A需…；B、C负责…，D、E需完成…，其他乡镇政府完成…；F由本单位自行组织。」: each clause
    after a comma that opens with units of its own is their duty; places and collectives listed together each do their
    share (separate); the lead-in's time is every duty's; the list ends with its sentence."""
    tasks = _drafted(tmp_path, "某县启动春季植树活动",
                     "植树活动自4月1日起至20日止，明确：县直机关单位需在公园植树2000株；各乡镇人民政府、城东新区负责在本辖区内"
                     "开展植树，甲镇政府、乙镇政府需完成植树800株，其他乡镇政府完成植树500株；企业单位由本单位自行组织。"
                     "活动结束后，县林业局将组织验收。")
    assert [(t["lead"], t["lead_mode"], t["text"][:6], [d["phrase"] for d in t["deadlines"]]) for t in tasks] == [
        (["某县直机关单位"], "first", "县直机关单位", ["自4月1日起至20日止"]),
        (["各乡镇人民政府", "城东新区"], "separate", "各乡镇人民政", ["自4月1日起至20日止"]),
        (["甲镇政府", "乙镇政府"], "separate", "甲镇政府、乙", ["自4月1日起至20日止"]),
        (["其他乡镇政府"], "first", "其他乡镇政府", ["自4月1日起至20日止"]),
        (["企业单位"], "first", "企业单位由本", ["自4月1日起至20日止"])]


def test_a_numbered_items_note_under_its_one_further_paragraph_is_the_items(tmp_path):
    """「（一）总体要求。…。」 naming nobody, then one paragraph closing with the note, then the next item: one task,
    numbered as the item, its text both paragraphs; a label line under an item is no such paragraph."""
    tasks = _drafted(tmp_path, "一、总体安排",
                     "（一）总体要求和年度目标。坚持稳中求进，统筹推进全市各项重点工作，推动经济持续健康发展。",
                     "年度目标是：全市生产总值增长6%左右，城镇新增就业2万人（市发展改革委牵头，市财政局、市统计局配合）",
                     "（二）扩大有效投资。实施一批重大项目，年内完成投资50亿元（市住建局负责）")
    assert [(t["number"], t["lead"], t["participants"]) for t in tasks] == [
        (1, ["市发展改革委"], ["市财政局", "市统计局"]), (2, ["市住建局"], [])]
    assert tasks[0]["text"].startswith("总体要求和年度目标。坚持稳中求进") and "城镇新增就业2万人" in tasks[0]["text"]
    own = _drafted(tmp_path, "一、总体安排", "（一）市住建局负责全市消防设计审查。严格审查时限，提高审查质量。",
                   "审查结果按月汇总报送（市消防救援支队负责）", "（二）扩大有效投资。实施一批重大项目（市发展改革委负责）")
    # an item giving a unit its own work is no item to continue: the paragraph under it is not joined to it
    assert not any("消防设计审查" in t["text"] and "按月汇总" in t["text"] for t in own)
    labelled = _drafted(tmp_path, "1.加快建设城市绿道，完善沿河慢行系统，提升市民出行体验。",
                        "责任单位:市建设局、市水利局(列第一位的为牵头单位,下同)",
                        "2.推进老旧小区改造。", "责任单位:市建设局")
    assert [t["lead"] for t in labelled] == [["市建设局"], ["市建设局"]]


def test_a_page_cut_inside_its_last_note_reads_the_units_before_the_cut(tmp_path):
    """「…（市发展改革委牵头，市财政局、市统计局等按职责分」: the page stops inside the note; a role word cut short
    reads as the words it begins when each reads the note alike (分工负责, 分工配合: the units after the lead take part)."""
    tasks = _drafted(tmp_path, "一、重点工作",
                     "（一）稳定经济增长。全市生产总值增长6%左右（分管副市长负责，市发展改革委牵头，市财政局、市统计局等按职责分")
    assert [(t["lead"], t["participants"], t.get("leaders")) for t in tasks] == [
        (["市发展改革委"], ["市财政局", "市统计局"], ["分管副市长"])]
    cut_in_a_name = _drafted(tmp_path, "（一）稳定经济增长。全市生产总值增长6%左右（市发展改革委牵头，市财政局、市统")
    assert [(t["lead"], t["participants"]) for t in cut_in_a_name] == [(["市发展改革委"], ["市财政局"])]


def test_a_note_the_page_cut_is_a_repair_the_review_names_and_never_confident(tmp_path):
    """The note closed where the page stops is the importer's repair: the review says where, below the confident mark."""
    draft = compose(_source("一、重点工作", "（一）稳定经济增长。全市生产总值增长6%左右（市发展改革委牵头，市财政局、市统计局等按职责分"),
                    Registry.load(tmp_path), dt.date(2024, 1, 1))
    line = next(r for r in draft.review if r.startswith("[任务 1]"))
    assert "原文在此截断" in line and float(re.search(r"置信度 ([\d.]+)", line)[1]) < CONFIDENT


def test_a_group_the_notice_set_up_supervising_the_others_is_a_requirement(tmp_path):
    """「…局成立X领导小组…」, then 「领导小组将定期听取督查情况汇报」 beside the units' own work: the issuer's supervision
    through its own group (truth rule 1), a requirement, not a task of a unit 领导小组."""
    import datetime as dt
    draft = compose(_source("某市交通运输局关于建立农村公路包片督查制度的通知",
                            "一、组织领导", "市交通运输局成立农村公路包片督查领导小组，王某局长任组长。",
                            "二、工作职责", "市公路中心负责包片督查各县农村公路建设进度。",
                            "三、有关要求", "（一）按时报告。各包片单位每月底书面报告督查情况。领导小组将定期听取各包片单位督查情况汇报。",
                            "某市交通运输局", "2024年3月5日"),
                    Registry.load(tmp_path), dt.date(2024, 1, 1))
    assert [t["lead"] for t in draft.tasks.values()] == [["某市公路中心"]]
    assert any("领导小组将定期听取" in r["text"] for r in draft.doc["annex"]["requirements"])


def test_an_inspection_led_with_partners_is_the_notices_division_and_the_role_holders_demand_a_requirement(tmp_path):
    """「由X牵头，会同Y、Z组成督查组，对…进行专项督查」: X leads, Y and Z take part (in the general reading and in the
    reading of a notice's demands), and the notice divides its work (an inspection with partners named, not only the
    others' supervision), so 「各责任单位要…自查」 is a requirement."""
    import datetime as dt
    from policykb.ingest.candidates import _demands_read
    from policykb.ingest.requirements import requirement_tasks
    lines = ("各街道办事处，区直各部门：",
             "根据区领导的指示，由区政府办公室牵头，会同区纪委、区财政局组成督查组，对重点项目进行专项督查。",
             "一、有关要求", "（一）各责任单位要认真开展自查，找准存在问题，提出下一步工作计划。")
    draft = compose(_source(*lines), Registry.load(tmp_path), dt.date(2024, 1, 1))
    assert [(t["lead"], t["participants"]) for t in draft.tasks.values()][0] == (["区政府办公室"], ["区纪委", "区财政局"])
    demands, _ = _demands_read(requirement_tasks(_source(*lines).blocks))
    assert [(c.units.lead, c.units.participants) for c in demands] == [(["区政府办公室"], ["区纪委", "区财政局"])]


def test_a_duty_that_helps_a_named_unit_is_led_by_it(tmp_path):
    """Under 「（五）某镇」, 「2.配合区体育局做好健身器材试点工作；」: the bureau helped leads, the heading's unit takes
    part; 「配合有关部门做好…」 keeps the heading's unit leading (a collective helped names no lead)."""
    tasks = _drafted(tmp_path, "某区全民健身工作职责分工", "（五）某镇", "1.做好组织发动工作；",
                     "2.配合区体育局做好健身器材试点工作；", "3.配合有关部门做好体质监测工作。")
    assert [(t["lead"], t.get("participants")) for t in tasks] == [
        (["某镇"], []), (["某区体育局"], ["某镇"]), (["某镇"], [])]


def test_a_pages_record_row_with_its_labels_colons_divides_no_work():
    """「文 号: | 发布机构: | 某县某镇 | 发布日期: | 2023-06-07」: the page's record of the document, no task."""
    tasks, _ = _rows(("索 引 号:", "abc/2023-01", "主 题 词:", "其他"), ("文 号:", "发布机构:", "某县某镇", "发布日期:", "2023-06-07"))
    assert tasks == []


def test_a_heading_naming_a_town_and_street_offices_is_led_by_the_town(tmp_path):
    """「（五）某镇、各街道办事处」 over 「1.做好组织发动工作；」: a list with no lead word, the town listed first leads and
    the street offices take part (truth rule 5), as under a heading naming two bureaus; a duty of their own places
    (「拟定本镇、街道…方案」) each does for its own (separate)."""
    tasks = _drafted(tmp_path, "某区全民健身工作职责分工", "（四）区教育局、区财政局", "1.做好学校场地开放工作；",
                     "（五）某镇、各街道办事处", "1.做好组织发动工作；", "2.拟定本镇、街道体育场馆便民利民服务方案；",
                     "3.配合做好本年度国民体质监测工作。")
    assert [(t["lead"], t["lead_mode"], t.get("participants")) for t in tasks] == [
        (["某区教育局"], "first", ["某区财政局"]), (["某镇"], "first", ["各街道办事处"]),
        (["某镇", "各街道办事处"], "separate", []), (["某镇"], "first", ["各街道办事处"])]


def test_a_page_cut_from_inside_a_document_keeps_the_work_its_first_paragraphs_give_named_units(tmp_path):
    """No title: the page opens with a section's paragraphs, then the next numbered part. Where a sentence there gives
    a named unit work of its own, the paragraph is more of the division, not a covering notice's requirement."""
    tasks = _drafted(tmp_path, "主管部门对其下属站所负责人的年度评价，应当书面征求社区服务中心的意见。有关行业协会要及时向社区服务中心通报情况。",
                     "四、 健全联系机制",
                     "（一） 建立联席会议制度",
                     "联席会议每半年召开一次，由社区服务中心负责牵头召集，有关部门负责协助配合。")
    assert [t["lead"] for t in tasks] == [["主管部门"], ["有关行业协会"], ["社区服务中心"]]
    assert tasks[0]["text"].startswith("主管部门对其下属站所负责人的年度评价，应当书面征求")


def test_the_paragraphs_of_a_page_without_numbered_lines_are_no_cut_section(tmp_path):
    tasks = _drafted(tmp_path, "主管部门对其下属站所负责人的年度评价，应当书面征求社区服务中心的意见。",
                     "联席会议每半年召开一次，由社区服务中心负责牵头召集，有关部门负责协助配合。")
    assert [t["lead"] for t in tasks] == [["社区服务中心"]]


def test_a_notice_s_paragraph_under_its_title_is_no_cut_section(tmp_path):
    tasks = _drafted(tmp_path, "关于健全社区联系机制的通知",
                     "主管部门对其下属站所负责人的年度评价，应当书面征求社区服务中心的意见。",
                     "一、 建立联席会议制度",
                     "联席会议每半年召开一次，由社区服务中心负责牵头召集，有关部门负责协助配合。")
    assert [t["lead"] for t in tasks] == [["社区服务中心"]]


def test_what_was_set_up_is_done_but_a_later_clause_naming_its_own_doer_is_work(tmp_path):
    """A verb's 了 tells what was done (no assignment); 「，并由X牵头…」 after it names a doer for work still to do."""
    tasks = _drafted(tmp_path, "该街道组建了由城管、网格员组成的巡查队伍,并由街道城管科牵头制定夜间巡查计划,报街道党工委审定。")
    assert [t["lead"] for t in tasks] == [["街道城管科"]]
    with pytest.raises(ImportFailed):  # the doer's work told as done too: nothing to assign
        _drafted(tmp_path, "该街道组建了巡查队伍,并由街道城管科牵头制定了夜间巡查计划。")


def test_a_target_naming_no_unit_after_its_sibling_s_holders_speaks_of_them(tmp_path):
    """「（二）…本辖区内…」 refers back to the holders the item before names (each town its own area): theirs too."""
    lines = ["关于做好秸秆禁烧工作的通知", "一、工作目标",
             "（一）落实属地责任。各乡（镇）政府要明确专人负责，建立巡查台账，做到早发现早处置。",
             "（二）严防火情发生。本辖区内全年不发生露天焚烧秸秆火点，发现一处、处置一处，不留死角。"]
    tasks = _drafted(tmp_path, *lines)
    assert [t["lead"] for t in tasks] == [["各乡（镇）政府"], ["各乡（镇）政府"]]
    assert tasks[1]["text"].startswith("严防火情发生。本辖区内")
    # a named unit's item is its own: the next item is not carried on from it
    named = _drafted(tmp_path / "named", lines[0], lines[1], "（一）落实属地责任。县农业局要明确专人负责，建立巡查台账，做到早发现早处置。",
                     lines[3])
    assert [t["lead"] for t in named] == [["县农业局"]]


def test_a_heading_naming_collective_holders_gives_them_the_duty_paragraph_under_it(tmp_path):
    """「（一）各县（区）政府工作责任。」 names whose duties follow; its 「负责…」 paragraph is theirs, beside sections that
    name their own subjects (read by the paragraph recogniser)."""
    tasks = _drafted(tmp_path, "二、工作责任", "（一）各县（区）政府工作责任。",
                     "负责按时完成本地适龄儿童疫苗接种覆盖目标，逐步提高接种服务水平。",
                     "（二）市有关部门工作责任。",
                     "市卫生健康部门负责制订全市接种工作计划，由市财政部门牵头落实接种经费。")
    assert [t["lead"] for t in tasks][:1] == [["各县（区）政府"]]
    assert tasks[0]["text"].startswith("负责按时完成本地适龄儿童疫苗接种覆盖目标")


def test_each_clause_saying_who_bears_a_cost_is_those_bodies_task():
    tasks, _ = _read("一、主要措施", "（二）扩大校车覆盖。从明年起,农村校车运营所需经费由市、区两级财政按照6:4的比例分担,"
                     "车辆保险、年检等项费用,由区财政解决。区教育局要会同区交通局做好线路规划。")
    assert [t.units.lead for t in tasks] == [["市、区两级财政"], ["区财政"], ["区教育局"]]
    assert tasks[1].text.startswith("车辆保险、年检等项费用,由区财政解决")


def test_a_header_row_not_recognised_reads_no_column_word_as_its_unit():
    tasks, _ = _rows(("工作安排", "一级要点", "二级要点", "责任科室"),
                     ("一、夯实公开基础", "（一）规范文件公开。", "1.统一使用最新文本。", "法规科牵头，办公室配合"))
    assert [t.units.lead for t in tasks] == [["法规科"]]


def test_duties_listed_under_posts_run_on_in_one_line_are_the_bodies_work_their_heads_leading():
    """「（二）县卫生健康局局长疫苗接种责任：负责…」: the body whose head the post is does the work, its head leads it;
    「（一）县长接种责任：根据…，县级人民政府是…的责任主体」: the duties after the run-in heading are read as any item's."""
    tasks, _ = _read("疫苗接种工作三项制度1.疫苗接种“三长”责任制度为做好接种工作，特制订本制度。"
                     "(一)县长接种责任:根据分级管理体制,县级人民政府是疫苗接种的责任主体,统筹协调各部门开展接种工作。"
                     "(二)县卫生健康局局长接种责任:负责全县接种工作的组织实施,制定接种方案,指导各乡镇开展工作。")
    assert [(t.units.lead, t.units.leaders) for t in tasks] == [(["县级人民政府"], []),
                                                                 (["县卫生健康局"], ["县卫生健康局局长"])]
    from policykb.ingest.portfolios import portfolio
    assert portfolio("县卫生健康局副局长：负责疫苗储运。") == ("县卫生健康局", "县卫生健康局副局长", "负责疫苗储运。")


def test_a_page_head_paragraph_whose_unit_reports_its_own_review_is_work_not_supervision(tmp_path):
    """「…的情况，由X组织…进行评议，并通报评议结果」: what X does is organise the review (its own clause); the report
    after it does not make the sentence the supervision of a division."""
    tasks = _drafted(tmp_path, "对各站所履行服务职责的情况，由社区服务中心组织居民代表进行评议，并通报评议结果。",
                     "四、 健全联系机制",
                     "（一） 建立联席会议制度",
                     "联席会议每半年召开一次，由社区服务中心负责牵头召集，有关部门负责协助配合。")
    assert [t["lead"] for t in tasks] == [["社区服务中心"], ["社区服务中心"]]
    assert tasks[0]["text"].startswith("对各站所履行服务职责的情况，由社区服务中心组织")



def test_a_page_head_paragraph_whose_unit_organises_bodies_to_review_is_still_work(tmp_path):
    """The bodies organised (「组织居民代表、物业服务企业进行评议」) take part; they do not change whether the paragraph
    divides work, which is read in who leads."""
    tasks = _drafted(tmp_path, "对各站所履行服务职责的情况，由社区服务中心组织居民代表、物业服务企业进行评议，并通报评议结果。",
                     "四、 健全联系机制",
                     "（一） 建立联席会议制度",
                     "联席会议每半年召开一次，由社区服务中心负责牵头召集，有关部门负责协助配合。")
    assert [t["lead"] for t in tasks] == [["社区服务中心"], ["社区服务中心"]]
    assert tasks[0].get("participants") == ["物业服务企业"]


def test_the_body_an_office_is_seated_in_leads_the_whole_work_and_the_role_holders_demands_stay_tasks(tmp_path):
    """A meeting report with no division on the page: 「在X设置办公室并负责总牵头工作」 is X's work; leading the whole
    (总牵头) is no share of a division, so 「各责任单位要…」 stays a task, as every demand of such a report is."""
    tasks = _drafted(tmp_path, "某区河道保洁工作推进会召开",
                     "会议指出,要压实工作责任,建立全区河道保洁工作专班,在区水务局设置办公室并负责总牵头工作,统筹推进保洁工作。"
                     "各责任单位要密切配合,确保任务完成。")
    assert [t["lead"] for t in tasks] == [["某区水务局"], ["各责任单位"]]
    assert tasks[0]["text"].startswith("在区水务局设置办公室并负责总牵头工作")


def test_the_whole_township_of_a_meeting_report_is_the_government_of_the_township_holding_it(tmp_path):
    tasks = _drafted(tmp_path, "时值秋收秋种,青石镇迅速行动,召开秋收工作会议,部署相关工作。",
                     "会议要求,全镇要统筹做好秋收服务工作;各村要摸清农户的机收需求。")
    assert [t["lead"] for t in tasks] == [["青石镇人民政府"], ["各村"]]
    # a report naming no township holding the meeting leaves 全镇 as written
    bare = _drafted(tmp_path / "bare", "会议要求,全镇要统筹做好秋收服务工作;各村要摸清农户的机收需求。")
    assert [t["lead"] for t in bare] == [["全镇"], ["各村"]]


def test_who_leads_the_teams_in_a_notice_of_demands_is_that_bodys_task_the_cadres_its_leaders(tmp_path):
    tasks = _drafted(tmp_path, "关于做好汛期值守工作的通知", "一、要落实责任。各村要加强巡查,发现险情及时上报。",
                     "二、要加强值守。由镇应急队、包村干部分组带队,做好夜间巡查工作。")
    assert [t["lead"] for t in tasks][-1:] == [["镇应急队"]] and tasks[-1].get("leaders") == ["包村干部"]
    assert tasks[-1]["text"] == "要加强值守。由镇应急队、包村干部分组带队,做好夜间巡查工作。"


def test_an_aside_in_a_units_duty_giving_part_of_the_matter_to_another_unit_is_that_units_task(tmp_path):
    """「区城管局」 over 「负责夜间施工噪声（道路养护噪声由区交通局查处）的查处。」: the bracket gives road works' noise
    to the transport bureau, its own task; the duty around it stays the holder's. A bracket naming no unit is none."""
    tasks = _drafted(tmp_path, "某区考试期间噪声管控职责边界", "区城管局",
                     "负责夜间施工噪声（道路养护噪声由区交通局查处）的查处。", "区教育局",
                     "负责考点周边的巡查（每日一次由专人负责）。")
    assert [(t["lead"], t["text"]) for t in tasks] == [
        (["某区城管局"], "负责夜间施工噪声（道路养护噪声由区交通局查处）的查处。"), (["某区交通局"], "道路养护噪声由区交通局查处。"),
        (["某区教育局"], "负责考点周边的巡查（每日一次由专人负责）。")]


def test_a_subjectless_demand_whose_holders_meet_inside_it_is_theirs_and_the_next_is_no_more_theirs():
    """「要进一步完善…，X与Y深入对接，确保…」: the two bodies that work it out together (对接) hold the demand; the
    speaker's next demand without a subject is a new one, not theirs again."""
    from policykb.ingest.requirements import requirement_tasks
    tasks = requirement_tasks([Block("李四要求,要进一步完善学校班车线路,结合学生需求,合理布局,客运公司与教育部门深入对接,"
                                     "确保班车安全有序。要持续加强宣传,营造良好氛围。", "第1行")])
    assert [(t.units.lead, t.units.participants) for t in tasks] == [(["客运公司"], ["教育部门"])]


def test_what_units_did_after_a_lead_in_is_background_no_requirement():
    from policykb.ingest.requirements import requirement_paragraphs
    found = requirement_paragraphs([Block("李四指出,整治工作开展以来,各相关部门认真落实决策部署,加强组织,取得了初步成效。",
                                          "第1行"),
                                    Block("会议强调,各相关部门要加强协作,巩固整治成果。", "第2行")], (), set())
    assert [r["text"] for r in found] == ["会议强调,各相关部门要加强协作,巩固整治成果。"]


def test_a_body_run_on_after_its_title_splits_at_the_first_part_after_the_titles_kind():
    """「镇创建卫生镇实施方案一、指导思想…。二、主要任务…。三、…」: a page's body run onto its title's line; the title
    holds no stop and ends in its kind (方案), so 一、 right after it opens the first part."""
    from policykb.ingest.items import _chained_parts
    runs = _chained_parts("青石镇创建卫生镇实施方案一、指导思想坚持以人为本。二、主要任务创建卫生镇。三、工作措施加强宣传。")
    assert runs[0] == "青石镇创建卫生镇实施方案" and runs[1::2] == ["一、", "二、", "三、"]
    assert _chained_parts("我们认为一、甲。二、乙。三、丙。") is None  # no title's kind before 一、: no part's start


def test_named_bodies_listed_before_a_verb_the_lexicon_lacks_in_a_numbered_item_are_its_doers():
    """「2、镇宣传办、文体中心、广播电视站利用各种阵地宣传…」: two named bodies or more listed before a verb the lexicon
    does not hold; the first listed leads by custom, the others take part. One body alone (a topic, maybe) and a
    list opening with a place (「拟定本镇、街道…方案」: a verb and its object) are no such list."""
    found, _ = _read("三、加强宣传工作1、全镇学校开设健康教育课。2、镇宣传办、文体中心、广播电视站利用各种阵地宣传创建的意义。")
    assert [(c.units.lead, c.units.participants) for c in found] == [(["镇宣传办"], ["镇文体中心", "镇广播电视站"])]
    assert _read("（五）广播电视站利用各种阵地宣传创建的意义。")[0] == []
    assert _read("5.拟定本镇、街道体育场馆(设施)便民利民服务方案。")[0] == []


def test_an_article_naming_a_unit_that_shall_perform_the_duties_listed_below_owns_them():
    """「第四条 市X委员会应当履行下列消防工作职责：」 then （一）（二）: the unit before the verb that takes on the listed duties
    (lexicon.yaml listed_duty_verbs) holds the items, not the chapter heading's topic (「第二章 消防工作职责」)."""
    tasks, _ = _read("第二章 消防工作职责", "第四条 市消防安全委员会应当履行下列消防工作职责：",
                     "（一）组织制定本行政区域内消防工作规划。", "（二）综合研判区域内消防工作形势，提出相应对策。")
    assert [(t.text[:4], t.units.lead) for t in tasks] == [("组织制定", ["市消防安全委员会"]),
                                                         ("综合研判", ["市消防安全委员会"])]


def test_a_signature_date_alone_on_its_line_is_no_sentence_wrapped_into_the_title_after_it():
    """A notice's signature and its date, then the regulation's title and articles: the date line is whole (not a line
    wrapped into the title), so the signatory is no unit over the articles' items."""
    tasks, _ = _read("某市人民政府", "2021年7月20日", "某市消防安全责任制规定", "第一章 总则",
                     "第一条 为进一步加强消防工作，根据有关法律法规，制定本规定。", "第二条 本规定适用于本市消防工作。")
    assert [t.units.lead for t in tasks] == []


def test_a_page_from_its_duty_heading_is_the_duties_of_the_body_whose_sections_it_names_below():
    """A page stored from 「部门职责」 (no title): its items are the duties of the body the page names with its internal
    sections further down (「X内设A、B」); 「科室职能」 names no unit (the sections' duties follow), and the first
    section's heading run onto the sentence listing them (「…A、BA：」) heads the paragraph under it."""
    tasks, _ = _read("部门职责", "（一）负责全市重点项目征集工作。", "（二）牵头做好区域经济协作工作。", "科室职能",
                     "市重点项目办公室内设项目一科、项目二科项目一科：", "负责会议组织、文电管理等日常工作。",
                     "项目二科：", "负责全市重点项目的考核和稽查工作。")
    assert [(t.text[:4], t.units.lead) for t in tasks] == [
        ("负责全市", ["市重点项目办公室"]), ("牵头做好", ["市重点项目办公室"]), ("负责会议", ["项目一科"]),
        ("负责全市", ["项目二科"])]


def test_minutes_with_a_run_together_table_of_the_bodys_own_work_for_the_week(tmp_path):
    """Minutes whose title names the body that met and the day (「园区快第三期某某工业园区管委会2010年3月6日工作例会会议纪要」,
    after a bulletin's issue) and a table flattened into one run (序号重点工作工作时限承办责任人, then 1 …, each row closing
    with its time and, on some, a person): each row is the body's own work, the body the issuer, the person the leader."""
    text = ("园区快第三期某某工业园区管委会2010年3月6日工作例会会议纪要2010年3月6日上午,主任主持召开工作例会。"
            "一、下周重点工作:序号重点工作工作时限承办责任人1落实园区道路招投标工作本周完成王某某2联系企业签订入园协议本月工作"
            "3做好园区绿化工作两周工作李某某")
    from policykb.ingest.texttables import with_text_tables
    draft = compose(Source("x.txt", "txt", with_text_tables([Block(text, "第1行")])), Registry.load(tmp_path))
    assert [(n, t["text"], t["lead"], t.get("leaders", [])) for n, t in draft.tasks.items()] == [
        (1, "落实园区道路招投标工作", ["某某工业园区管委会"], ["王某某"]), (2, "联系企业签订入园协议", ["某某工业园区管委会"], []),
        (3, "做好园区绿化工作", ["某某工业园区管委会"], ["李某某"])]
    assert draft.doc["date"] == dt.date(2010, 3, 6)


def test_a_numbered_item_closing_with_a_semicolon_is_a_sentence_not_a_heading(tmp_path):
    tasks = _drafted(tmp_path, "三、职责分工", "(一)辖区政府应当承担河道保洁的主要责任,明确责任人。",
                     "(二)水务部门负责河道的日常保洁;", "(三)城管部门负责沿河垃圾的清运;",
                     "(四)财政部门负责保洁经费的保障。")
    assert [t["lead"] for t in tasks] == [["辖区政府"], ["水务部门"], ["城管部门"], ["财政部门"]]


def test_an_item_heading_nothing_gives_its_collective_subject_its_work(tmp_path):
    tasks = _drafted(tmp_path, "三、职责分工", "(一)水务部门负责河道的日常保洁,并设立举报电话,接受群众的举报。",
                     "(二)各相关职能部门应按照各自的职责范围,设立举报电话,及时查处有关违法行为。",
                     "四、宣传教育", "(一)教育部门应当对中、小学生开展爱护河道的教育工作。")
    assert [t["lead"] for t in tasks] == [["水务部门"], ["各相关职能部门"], ["教育部门"]]


def test_a_body_set_up_and_given_its_work_in_one_sentence_answers_for_that_work():
    tasks, _ = _read("关于印发河道保洁工作方案的通知",
                     "为加强河道保洁工作的组织领导,成立区河道保洁工作领导小组,负责全区河道保洁的统筹协调。成员名单如下:",
                     "组长:张三 副区长")
    assert [(t.units.lead, t.text) for t in tasks] == [
        (["区河道保洁工作领导小组"], "成立区河道保洁工作领导小组,负责全区河道保洁的统筹协调。")]


def test_a_numbered_item_opening_with_a_collective_and_a_colon_is_that_collectives_duty():
    tasks, _ = _read("四、职责分工", "(一)各级人民政府:对本行政区域内河道保洁工作负主要责任,各级政府主要领导负总责;合理安排保洁经费。",
                     "(二)区水务局:负责河道的日常保洁和巡查。")
    assert [t.units.lead for t in tasks] == [["各级人民政府"], ["区水务局"]]



def test_the_people_a_holders_duty_makes_answer_for_it_in_person_lead_it():
    tasks, _ = _read("四、职责分工", "(一)各级人民政府:对本行政区域内河道保洁工作负主要责任,各级政府主要领导负总责,"
                     "分管领导具体负责;合理安排保洁经费。")
    assert [(t.units.lead, t.units.leaders) for t in tasks] == [(["各级人民政府"], ["各级政府主要领导", "分管领导"])]


def test_leads_opened_by_a_collective_each_do_their_share_unless_a_word_says_jointly(tmp_path):
    """「各乡镇、县开发区负责…」: the collective's members act each in their own area, and the body listed with them
    in its own: separate, not joint; 「共同牵头」 still says they lead together."""
    tasks = _drafted(tmp_path, "某县人民政府关于开展安全生产大检查的通知", "各乡镇，县直各部门：",
                     "一、各乡镇、县开发区负责组织本辖区大检查各项工作。", "某县人民政府")
    assert [(t["lead"], t["lead_mode"]) for t in tasks] == [(["各乡镇", "某县开发区"], "separate")]
    from policykb.ingest.compose import lead_mode
    from policykb.ingest.unitnotes import UnitList
    said = UnitList("各乡镇、县开发区共同牵头", lead=["各乡镇", "某县开发区"], mode="joint")
    assert lead_mode(said, said.lead) == "joint"


def test_the_people_each_village_has_as_a_subject_make_the_villages_answer(tmp_path):
    """「支部书记要…」 in a township's meeting report: the villages' branch secretaries are people (truth rule 6), and
    the villages whose secretaries they are answer for the work, even where the report names no issuer."""
    tasks = _drafted(tmp_path, "11月2日，某镇召开重点工作推进会，镇、村两级干部参加会议。",
                     "镇党委书记张三强调，一是持续做好人居环境整治工作。支部书记要做好村工作谋划，有序推进村内硬化。")
    assert [(t["lead"], t.get("leaders")) for t in tasks] == [(["各村"], ["支部书记"])]


def test_units_consulted_or_gathered_by_a_duty_take_part_in_it():
    """「由X商Y确定」 (in consultation with), 「X要会同Y对…进行督导」 (no comma before 对) and 「X要统筹Y制定…」: Y takes
    part; 商 before no unit's name (商务, 商贸) is no partner word."""
    from policykb.ingest.clauses import subject_clauses
    read = lambda text: [(u.lead, u.participants) for _, u in subject_clauses(text, (), numbered=True)]  # noqa: E731
    assert read("具体人员名单由办公室商各成员单位印发，并及时调整。") == [(["办公室"], ["各成员单位"])]
    assert read("由牵头单位商有关单位确定。") == [(["牵头单位"], ["有关单位"])]
    assert read("县发改委要会同县督查落实办对相关工作进行督导。") == [(["县发改委"], ["县督查落实办"])]
    assert read("牵头单位要统筹相关责任单位制定细化方案。") == [(["牵头单位"], ["相关责任单位"])]
    assert read("县商务局要做好商贸流通工作。") == [(["县商务局"], [])]


def test_a_demand_with_partners_divides_no_work_but_a_lead_word_with_partners_does(tmp_path):
    """A bulletin's 「各牵头单位要…」 stays its task beside 「县发改委要会同县督查落实办对…进行督导」 (a demand with a
    partner is no division of the work, nor role holders gathered: 「牵头单位要统筹相关责任单位…」); 「由X牵头，会同Y…」
    divides it (test above)."""
    tasks = _drafted(tmp_path, "某县重点工作推进情况通报", "下一步，各牵头单位要切实负起牵头抓总的主体责任，抢抓工作进度。"
                     "特别是牵头单位要统筹相关责任单位制定细化方案。县发改委要会同县督查落实办对相关工作进行督导。")
    assert [(t["lead"], t["participants"]) for t in tasks] == [
        (["各牵头单位"], []), (["牵头单位"], ["相关责任单位"]), (["某县发改委"], ["某县督查落实办"])]


def test_later_sentences_of_an_item_doing_their_part_take_part_in_its_task():
    """「（一）区政府应当承担主要责任。市直各相关部门要服从调度，密切配合，认真履责。驻区各单位也要承担相应的责任与义务」:
    one task, the units of the later sentences taking part; 「其他责任单位要积极配合，对…要拿出方案」 has work of its own."""
    from policykb.ingest.clauses import subject_clauses
    read = lambda text: [(u.lead, u.participants) for _, u in subject_clauses(text, (), numbered=True)]  # noqa: E731
    assert read("区政府应当承担禁放工作的主要责任，明确责任人。市直各相关部门要服从调度，密切配合，认真履责。"
                "驻区各单位也要承担相应的责任与义务；") == [(["区政府"], ["市直各相关部门", "驻区各单位"])]
    assert read("各主要责任单位要主动协调，其他责任单位要积极配合，对新问题要拿出解决问题的方案。") == [
        (["各主要责任单位"], []), (["其他责任单位"], [])]


def test_a_unit_that_organises_the_work_in_particular_leads_it():
    """「活动由X具体组织」: 具体组织, as 具体负责, names who answers for the work."""
    tasks, _ = _read("二、活动组织", "全县宣传周活动由县电教中心具体组织，确保活动有序开展。")
    assert [t.units.lead for t in tasks] == [["县电教中心"]]


def test_a_note_inside_its_sentence_keeps_its_later_clauses_in_the_wording():
    """「…活动由X牵头，Y共同参与，负责本单位…」: the note stands inside the sentence, so the sentence reads as written,
    its participants' clause too (cut, the task would read 「…活动，负责本单位…」)."""
    tasks, _ = _read("二、活动组织", "全县宣传周活动由县电教中心牵头，各综合单位、各学校共同参与，负责本单位宣传周活动。")
    assert [(t.units.lead, t.units.participants) for t in tasks] == [(["县电教中心"], ["各综合单位", "各学校"])]
    assert tasks[0].text == "全县宣传周活动由县电教中心牵头，各综合单位、各学校共同参与，负责本单位宣传周活动。"


def test_a_timetables_paragraph_opening_with_its_months_is_due_at_the_end_of_the_last(tmp_path):
    """「7月，…」, 「8—9月，…」: a plan's timetable gives each paragraph's work its months; it falls due when the last
    ends (「3月22日，…召开会议」 tells a day, no timetable)."""
    from conftest import import_text
    from policykb.ingest import timing
    _, tasks, _ = import_text(tmp_path, "某县水利局争创文明城市工作方案\n我局的工作方案如下:\n"
                              "7月,县水利局牵头成立争创文明城市领导小组,进行宣传发动。\n"
                              "8—9月,县水利局负责搞好机关内部的文明创建。\n某县水利局\n2008年7月1日\n", None)
    assert [[(d["phrase"], d["date"]) for d in t["deadlines"]] for t in tasks] == [
        [("7月", dt.date(2008, 7, 31))], [("8—9月", dt.date(2008, 9, 30))]]
    assert timing.find("3月22日,牡丹镇召开禁毒工作会议。", 2008) == []


@pytest.mark.parametrize("sentence, lead, participants, mode", [
    # no lead word (truth rule 5): the first listed leads, the others take part
    ("县财政局、县人社局要加强资金保障", ["县财政局"], ["县人社局"], "first"),
    ("县财政局、县人社局负责资金保障", ["县财政局"], ["县人社局"], "first"),
    # a lead word over the list: they lead together
    ("县财政局、县人社局牵头做好资金保障", ["县财政局", "县人社局"], [], "joint"),
    ("县财政局、县人社局要牵头做好资金保障", ["县财政局", "县人社局"], [], "joint"),
    # places only (a zone is one) are no levels and departments: the first leads (the 2026-12-06 audit)
    ("各乡镇、县经开区要做好资金保障", ["各乡镇"], ["县经开区"], "first"),
    # a level's places and departments, or places given 本辖区: each its own share
    ("各乡镇、县经开区负责组织本辖区资金保障", ["各乡镇", "县经开区"], [], "separate"),
    ("县区、各相关部门要做好资金保障", ["县区", "各相关部门"], [], "separate"),
    # each over its own sector
    ("县财政局、县人社局负责对各自行业进行检查", ["县财政局", "县人社局"], [], "separate"),
])
def test_a_subject_list_with_no_lead_word_is_led_by_its_first(sentence, lead, participants, mode):
    from policykb.ingest.clauses import subject_clauses
    (_, units), = subject_clauses(sentence, numbered=True)
    assert (units.lead, units.participants, units.mode) == (lead, participants, mode)


def test_a_heading_naming_a_units_duties_gives_it_the_numbered_items_under_it(tmp_path):
    """「（一）镇防汛工作领导小组职责」 then 「1、负责…」「2、…」: the items name no unit, the heading does; read beside a
    paragraph whose sentences name their own units, they are still that unit's (not left unread)."""
    tasks = _drafted(tmp_path, "某镇2023年防汛工作安排意见", "一、加强领导",
                     "镇人民政府要成立镇级防汛工作领导小组。各村要成立村级防汛工作领导小组。",
                     "二、明确职责", "(一)镇防汛工作领导小组职责", "1、负责全镇的抢险救援任务;",
                     "2、负责组织协调抢险救灾工作;", "(二)镇防汛办公室工作职责", "1、收集灾情信息,及时向领导小组汇报;")
    assert [(t["text"][:8], t["lead"]) for t in tasks][-3:] == [
        ("负责全镇的抢险救", ["镇防汛工作领导小组"]), ("负责组织协调抢险", ["镇防汛工作领导小组"]),
        ("收集灾情信息,及", ["镇防汛办公室"])]


def test_a_line_holding_a_deadline_alone_after_a_tasks_paragraph_is_its_time_cell(tmp_path):
    """A table stored one cell a line: 「区商务局负责,工商局配合,督促…」 then 「2008年6月20日前」 — the date cell is that
    task's deadline; a bare date (a signature's, 「2008年3月1日」) is none."""
    tasks = _drafted(tmp_path, "创卫工作责任分解表", "一、市场整治",
                     "区商务局负责,工商局配合,督促各农贸市场业主按照标准完成市场改造。", "2008年6月20日前",
                     "区卫生局负责,工商局配合,监督各市场完成整改。", "2008年3月1日")
    assert [[d["phrase"] for d in t["deadlines"]] for t in tasks] == [["2008年6月20日前"], []]


def test_unnumbered_lines_opening_with_who_leads_and_who_takes_part_divide_the_work(tmp_path):
    """A table stored one cell a line, before any heading: a row's unit-list cell, then 「X负责,Y配合,取缔…」 and its
    date cell. A line naming who leads and who takes part is a line of the division; the line after such lines whose
    subject is named units (「X、Y负责督促…」) is one of them too."""
    tasks = _drafted(tmp_path, "创卫工作责任分解表", "区商务局", "区城管局、区卫生局",
                     "区城管局负责,工商局、区商务局配合,取缔各类农贸市场占道经营现象。", "2008年5月1日前",
                     "区商务局、区城管局负责督促业主完成市场公厕达标改造.", "2008年6月30日前")
    assert [(t["text"][:6], t["lead"], t["participants"]) for t in tasks] == [
        ("取缔各类农贸", ["区城管局"], ["工商局", "区商务局"]), ("区商务局、区", ["区商务局"], ["区城管局"])]


def test_a_part_line_giving_a_named_unit_its_work_and_heading_nothing_is_an_item(tmp_path):
    """「一、区编办负责…;」 then 「二、区财政局负责….」 and the row's date cell: a part's line that is a sentence of a unit's
    work (closed by a stop, the half-width one too) and heads nothing (its sibling or a time cell follows) is an item."""
    tasks = _drafted(tmp_path, "创卫工作责任分解表", "区卫生局负责,工商局配合,监督各市场完成整改。", "区编办、区财政局",
                     "一、区编办负责落实区健康教育所编制;", "二、区财政局负责落实区健教所所需工作经费.", "2008年4月初之前")
    assert [(t["text"][:6], t["lead"]) for t in tasks][1:] == [("区编办负责落", ["区编办"]), ("区财政局负责", ["区财政局"])]


def test_a_demand_on_all_the_addressees_after_each_was_given_its_own_work_is_a_requirement(tmp_path):
    """A notice to two units gives each its own point (「一、…X要…」「二、…Y要…」), then asks both together to carry it
    out and report (「三、X、Y要切实增强责任感…」): a requirement on the division (truth rule 1), not a third task."""
    draft = compose(_source("关于做好扬尘防治工作的通知", "某某中心、清扫站：", "现将有关要求通知如下：",
                            "一、某某中心要监督所有施工工地落实围挡和覆盖措施。",
                            "二、市清扫站要加强主干道路扬尘防治，加大清扫频次。",
                            "三、某某中心、清扫站要切实增强责任感，并将工作落实情况于11月底书面报规划科。"),
                    Registry.load(tmp_path), dt.date(2024, 1, 1))
    assert [t["lead"] for t in draft.tasks.values()] == [["某某中心"], ["市清扫站"]]
    assert [r["text"][:6] for r in draft.doc["annex"]["requirements"]] == ["某某中心、清"]


def test_a_stages_months_in_its_brackets_are_due_at_the_end_of_the_last():
    """「宣传发动阶段(7月-8月)」: the months a stage of the plan runs, 月 written after each, fall due when the last ends;
    months in running text (「每年3月至5月开展」) are no stage's."""
    from policykb.ingest import timing
    [found] = timing.find("宣传发动阶段(7月-8月)", 2010)
    assert (found.phrase, found.date) == ("7月-8月", dt.date(2010, 8, 31))
    assert all(f.phrase != "3月至5月" for f in timing.find("每年3月至5月开展巡查", 2010))


def test_a_second_pages_parts_run_onto_one_line_with_their_points_are_cut_into_items():
    """A page cut from inside a document, its line breaks and the spaces after its numbers lost (a question mark each):
    「…抽检。三、?职责分工(一)?X负责…。(二)?Y要…。四、?时间安排(一)?…」: parts numbered from 三 after a stop, each
    part's bracketed points its own items under it."""
    from policykb.ingest.items import items_of
    items = items_of([Block("开展抽检。三、?职责分工(一)?市局稽查支队负责监督抽样,市局医疗器械处负责器械检查。"
                            "(二)?各药品经营单位要做好自查。四、?时间安排(一)?动员阶段(8月5日前)。统一认识。"
                            "(二)?自查阶段(8月20日前)。各药品经营单位要全面排查。", "第1行")])
    assert [(i.numbered, i.number, i.text[:6]) for i in items] == [
        (False, None, "开展抽检。"), (True, 3, "职责分工"), (True, 1, "市局稽查支队"), (True, 2, "各药品经营单"),
        (True, 4, "时间安排"), (True, 1, "动员阶段(8"), (True, 2, "自查阶段(8")]


def test_the_time_closing_a_numbered_items_short_title_is_its_works_deadline():
    """「（三）检查督促阶段(9月15日前)。X要…。Y要…」: the stage's time, in its title's brackets, is due for each task in it."""
    tasks, _ = _read("四、时间安排", "（三）检查督促阶段(9月15日前)。县局各科室要分别负责检查。县市场监管局要依法查处违法行为。")
    assert [(t.units.lead, t.deadline_text) for t in tasks] == [
        (["县局各科室"], "9月15日前"), (["县市场监管局"], "9月15日前")]


def test_people_given_their_share_by_fuze_in_a_township_report_naming_no_issuer_serve_the_township(tmp_path):
    """「机关职工负责集镇…；全体干部负责各自区域…」: people (职工 too) given their share by 负责, as by a modal; the report
    names no issuer, and the township whose meeting it reports is the body they serve (truth rule 6), as its cadres
    beside bodies make it take part; flagged as the issuer's reading is."""
    draft = compose(_source("8月16日,甲岭镇召开环境整治工作推进会,推进环境整治工作。",
                            "会议要求,每周五为全镇大扫除日;机关职工负责集镇的打扫,并划分为四个责任区域;全体干部负责各自区域打扫的同时,"
                            "还要积极宣传整治政策。"), Registry.load(tmp_path), dt.date(2024, 1, 1))
    assert [(t["lead"], t.get("leaders")) for t in draft.tasks.values()] == [
        (["甲岭镇"], ["机关职工"]), (["甲岭镇"], ["全体干部"])]
    assert any("主语是人员" in line for line in draft.review)


def test_a_supervision_group_announcing_its_checks_beside_a_division_is_no_task(tmp_path):
    """「镇综合督查组将不定时开展暗访，…将进行通报批评」 after sentences giving bodies their shares: the notice's supervision,
    a requirement (truth rule 1), not a share of the work; the shares stay tasks."""
    draft = compose(_source("8月16日,甲岭镇召开环境整治工作推进会,推进环境整治工作。",
                            "会议要求,每周五为全镇大扫除日;学校、卫生院等单位职工负责各自单位公共区域的打扫;派出所要负责集镇"
                            "的秩序维护。镇综合督查组将不定时开展暗访,对整治不到位的将在全镇进行通报批评。"),
                    Registry.load(tmp_path), dt.date(2024, 1, 1))
    assert [t["lead"] for t in draft.tasks.values()] == [["学校", "卫生院"], ["派出所"]]


def test_a_demand_naming_village_secretaries_its_first_responsible_is_the_villages_task_they_lead(tmp_path):
    """「要加强组织领导，严格执行一把手负责制，明确各村党总支书记为第一责任人」: no subject, but the people it makes answer
    first lead it in person, and the villages whose secretaries they are (党总支书记 too) answer for it (truth rule 6)."""
    draft = compose(_source("8月16日,甲岭镇召开秸秆禁烧工作会议,部署秋季禁烧工作。",
                            "最后,镇党委书记强调:要加强组织领导,严格执行一把手负责制,明确各村党总支书记为第一责任人;"
                            "要加大督查力度,纪检监察部门对各村责任落实情况实施监察。"),
                    Registry.load(tmp_path), dt.date(2024, 1, 1))
    assert [(t["lead"], t.get("leaders")) for t in draft.tasks.values()] == [
        (["各村"], ["各村党总支书记"]), (["纪检监察部门"], None)]


def test_a_page_stored_with_its_paragraph_tags_on_one_line_reads_a_paragraph_each(tmp_path):
    """「<p class="x">…</p> <p class="x">1.…(责任单位:X)</p>」 on one line: each paragraph its own block (on the line it
    stands on), so the lead paragraph's request is no part of the first problem's task."""
    from policykb.ingest.readers import read
    page = tmp_path / "post.txt"
    page.write_text('<p class="ql-block"> 10月25日,督查组对某社区进行专项检查,请各相关单位针对问题立行立改,突出问题如下:</p> '
                    '<p class="ql-block">一、某社区</p> <p class="ql-block">1.门前三包责任落实不到位。(责任单位:市执法局)</p> '
                    '<p class="ql-block">2.车辆乱停放现象普遍。(责任单位:市执法局)</p>', encoding="utf-8")
    texts = [b.text for b in read(page).blocks]
    assert texts[-2:] == ["1.门前三包责任落实不到位。(责任单位:市执法局)", "2.车辆乱停放现象普遍。(责任单位:市执法局)"]
    assert all("<" not in t for t in texts)


def test_each_paragraph_of_a_page_stored_with_its_tags_is_a_place_of_its_own(tmp_path):
    """The tagged paragraphs of one line are told apart where the review names them (「第1行第3段」): the lead
    paragraph is not the place of the tasks after it."""
    from policykb.ingest.readers import read
    page = tmp_path / "post.txt"
    page.write_text('<p class="x">请各相关单位针对问题立行立改,突出问题如下:</p> <p class="x">一、某社区</p> '
                    '<p class="x">1.车辆乱停放现象普遍。(责任单位:市执法局)</p>', encoding="utf-8")
    assert [b.where for b in read(page).blocks] == ["第1行第1段", "第1行第2段", "第1行第3段"]


def test_every_task_read_from_the_clauses_of_one_numbered_paragraph_keeps_its_number(tmp_path):
    """「（一）…。甲办要…，乙局要…」 and 「（二）…」: the two tasks of (一) are both the document's (一) (the later one
    numbered on after the last, its label the paragraph's); a paragraph numbering its own clauses (「①…；②…」) does not
    lend its number to them."""
    import datetime as dt
    draft = compose(_source("某区人民政府关于做好防范工作的意见", "一、明确职责",
                            "（一）加强组织协调。区处非办要加强组织协调，区财政局要保障工作经费。",
                            "（二）各成员单位要履行各自管理职责。区市场监管局要加强市场监管。"),
                    Registry.load(tmp_path), dt.date(2024, 1, 1))
    assert sorted((n, t["lead"], t.get("label")) for n, t in draft.tasks.items()) == [
        (1, ["某区处非办"], "一、（一）"), (2, ["某区市场监管局"], "一、（二）"), (3, ["某区财政局"], "一、（一）")]


def test_a_unit_answering_for_its_work_among_semicolon_demands_is_one_clause_not_the_paragraphs_holder(tmp_path):
    """「甲部门要…；乙部门负责…；丙部门要…」: 负责 makes 乙部门 answer for its own clause; the other parts give their own
    subjects their demands, so each clause is its subject's task (not the whole paragraph 乙部门's)."""
    tasks = _drafted(tmp_path, "会议强调,各地、各有关部门要按照统一部署,继续开展专项整治。水务部门要履行主管部门职责,"
                               "开展河道巡查;公安部门负责水上治安管理,依法打击违法行为;交通部门要采取措施取缔无证船只。")
    assert [t["lead"] for t in tasks] == [["各地", "各有关部门"], ["水务部门"], ["公安部门"], ["交通部门"]]
    assert tasks[2]["text"].startswith("公安部门负责水上治安管理")


def test_a_meetings_words_run_into_the_units_it_stresses_are_no_part_of_their_name(tmp_path):
    """「会议强调三个街道要…」: with no comma after 强调 the units still start after the meeting's words (as after 会议要求)."""
    tasks = _drafted(tmp_path, "5月30日,某新区召开街道成立大会。",
                     "会议强调三个街道要围绕战略定位,切实转变观念,更好地服务产业发展。"
                     "东湖街道要打造科技新城,西湖街道要打造商贸中心。")
    assert [t["lead"] for t in tasks] == [["三个街道"], ["东湖街道"], ["西湖街道"]]


def test_a_government_answering_for_its_area_overall_is_the_items_holder(tmp_path):
    """「（一）县市区政府对本辖区物业管理工作负总责。」: 负总责 gives the subject the work named before it (对…)."""
    tasks = _drafted(tmp_path, "某市人民政府关于加强物业管理的意见", "一、理顺体制",
                     "(一)县市区政府对本辖区物业管理工作负总责。", "(二)市住建局负责行业指导。")
    assert [t["lead"] for t in tasks] == [["县市区政府"], ["某市住建局"]]


def test_a_news_reports_departments_duties_after_what_they_did_are_theirs(tmp_path):
    """A news report's department paragraphs: 「公安局担当…工作，制定了…」 (its duty first, then what it did towards it)
    and 「卫计委、市场监管局已制定了…；考前…，负责…」 (what they did, then their duty with no subject): each the
    department's task; 「X已制定了…。」 alone assigns nothing."""
    tasks = _drafted(tmp_path, "高考在即,各职能部门严阵以待", "本报讯 记者获悉,各部门正各司其职。",
                     "公安局担当高考期间的保卫保密工作,制定了高考的保卫保密方案,负责考点周围的安全保卫工作。",
                     "保密局要指导考点的保密室建设。",
                     "供电局已制定了保电方案,安排了抢修队伍。",
                     "卫计委、市场监管局已制定了卫生防疫方案,向各考点选派一名医务人员;考前到各考点检查卫生防疫工作,"
                     "负责考试期间考点的饮食卫生。")
    assert [(t["lead"], t["participants"]) for t in tasks] == [
        (["公安局"], []), (["保密局"], []), (["卫计委"], ["市场监管局"])]
    assert tasks[2]["text"].startswith("考前到各考点检查")


def test_a_bodys_head_and_deputies_given_their_work_in_one_sentence_lead_it_in_person(tmp_path):
    """「X办公室主任甲同志主持全面工作，副主任乙同志分管A科和B科工作，…」: the office's whole work is the office's, the
    director leading it; a deputy's 分管 names the sections whose work it is, each its own (separate), the deputy
    leading it; the people are leaders, never units (rule 6)."""
    tasks = _drafted(tmp_path, "某县人民政府办公室关于领导工作分工的解读",
                     "根据工作需要,县政府办公室主任张明同志主持全面工作,副主任李强同志分管文秘科和督查科工作,"
                     "副主任王刚同志分管综合一科工作。")
    assert [(t["lead"], t.get("leaders")) for t in tasks] == [
        (["某县政府办公室"], ["张明"]), (["文秘科", "督查科"], ["李强"]), (["综合一科"], ["王刚"])]
    assert tasks[1]["lead_mode"] == "separate"


def test_villages_named_in_batches_each_hold_their_batch_by_its_deadline(tmp_path):
    """「甲村、乙村作为第一批…，于…前开展；丙村、丁村2个村(社区)作为第二批…，在…前完成」: each batch its task, each
    village its own share (separate: no village leads another), the count closing a list no name."""
    tasks = _drafted(tmp_path, "某镇人民政府关于做好补贴资金放榜工作的通知", "二、活动时间",
                     "甲村、乙村作为第一批放榜的村,于2024年2月2日前开展;丙村、丁社区2个村(社区)作为第二批放榜的村,"
                     "在2024年2月9日前全面完成。")
    assert [(t["lead"], t["participants"], t["lead_mode"]) for t in tasks] == [
        (["甲村", "乙村"], [], "separate"), (["丙村", "丁社区"], [], "separate")]


def test_a_bureaus_standing_between_it_and_its_duty_is_read_in_a_roster_of_duties(tmp_path):
    """「《通知》明确，区住建局作为…的行政主管部门，负责…；负责…。区城管局负责…」: among other units' duties, the standing
    (作为…) between a subject and its 负责 makes it no less that unit's duty; a paragraph assigning to no other unit is
    not read so (its one assignment would take the whole paragraph)."""
    tasks = _drafted(tmp_path, "某区人民政府关于物业管理职责分工的通知",
                     "《通知》明确,区住建局作为全区物业管理工作的行政主管部门,负责指导物业管理政策的落实;负责从业人员的培训。"
                     "区城管局负责住宅小区生活垃圾的清运。区公安局负责指导小区停车位的设置。")
    assert [t["lead"] for t in tasks] == [["某区住建局"], ["某区城管局"], ["某区公安局"]]


def test_the_body_a_notice_sets_up_is_named_as_its_title_names_it_in_full(tmp_path):
    """「关于设立某园区管委会招商项目推进办公室的通知」, then 「决定设立招商项目推进办公室」 and its duties without subject:
    the duties are the body's, under the full name the title gives it (the text writes it short)."""
    tasks = _drafted(tmp_path, "某园区管理委员会关于设立某园区管委会招商项目推进办公室的通知",
                     "为加强招商项目的跟踪服务，经研究，决定设立招商项目推进办公室。现将有关事项通知如下：",
                     "一、职能职责",
                     "1.对招商项目履行组织、协调、监督职能，承担项目落地建设协同推进责任。",
                     "2.负责召集协调推进会，了解项目进展动态。")
    assert [t["lead"] for t in tasks] == [["某园区管委会招商项目推进办公室"]] * 2


def test_articles_run_onto_a_line_after_a_stop_are_items_of_their_own():
    """「…港。第四条各区应当…。第二章管理体制第六条…。第七条省人民政府应当…」: a regulation's articles run together,
    each its own numbered item; the article's number (and a chapter heading run in before it) is no part of a name."""
    tasks, _ = _read("申请建设内陆港。第四条各区应当建立联动协作机制，促进优势互补。",
                     "完善评价机制。第二章管理体制第六条按照统筹管理的原则，建立管理体制。第七条省人民政府应当加强组织领导，负责统筹管理工作。")
    assert [(t.number, t.units.lead) for t in tasks] == [(4, ["各区"]), (7, ["省人民政府"])]


def test_a_duty_verb_before_a_level_names_no_place(tmp_path):
    """「1、市政府办公室:…协调市政府召开的会议」 with no place named anywhere: 协调 before 市政府 is the duty's verb, not a
    place 协调市 (read so, no unit of the text would be of the document's place, and it was refused)."""
    tasks = _drafted(tmp_path, "工作领导小组成员单位工作职责",
                     "1、市委办公室:组织协调各部门开展工作,协调市委召开的工作会议。",
                     "2、市政府办公室:组织协调各部门开展工作,协调市政府召开的工作会议和重大活动。")
    assert [t["lead"] for t in tasks] == [["市委办公室"], ["市政府办公室"]]


def test_a_colon_lines_partners_after_a_comma_take_part(tmp_path):
    """「市委办公室:组织协调…,会同有关部门起草…」: the units a later comma part of the duty works with take part, as
    after a semicolon; 起草 is a verb the partners are given."""
    tasks = _drafted(tmp_path, "某市工作领导小组成员单位工作职责",
                     "1、某市委办公室:组织协调各部门开展工作,会同有关部门起草、审核规范性文件。",
                     "2、某市财政局:负责经费保障,会同有关部门起草资金管理办法。")
    assert [(t["lead"], t["participants"]) for t in tasks] == [
        (["某市委办公室"], ["有关部门"]), (["某市财政局"], ["有关部门"])]


def test_a_sentence_whose_subject_takes_on_the_duties_listed_below_owns_them(tmp_path):
    """「2022年,区政府要全面实施…,主要承担以下工作:」 then numbered duties: the clause taking on the duties has no
    subject of its own; the sentence's (区政府, after its year, before its modal) owns the duties below."""
    tasks = _drafted(tmp_path, "某市2022年度食品安全工作责任清单",
                     "2022年,区政府要全面实施《食品安全法》等法律法规,全面完成年度重点工作安排的主要任务,主要承担以下工作:",
                     "1.落实食品安全属地管理责任。将食品安全工作作为政府常务会议的重要内容。",
                     "2.落实食品安全部门监管责任。完善事中事后监管。")
    assert [t["lead"] for t in tasks] == [["区政府"], ["区政府"]]


def test_a_bare_kind_of_the_one_body_the_text_sets_up_is_that_body(tmp_path):
    """「国务院决定成立国家某某建设领导小组。…领导小组负责统筹协调…」 with no title setting it up: the bare 领导小组 is
    the one group the text set up, named as the text named it there."""
    tasks = _drafted(tmp_path, "国务院办公厅6月24日发布通知,国务院决定成立国家某某建设领导小组。领导小组由副总理任组长。",
                     "领导小组负责统筹协调国家某某建设全局性工作,审议重大规划和重大政策。")
    assert [t["lead"] for t in tasks] == [["国家某某建设领导小组"]]


def test_collectives_in_a_note_under_a_task_done_apart_each_do_their_share(tmp_path):
    """「…各乡(镇)、各部门分别制定…（县直有关部门、各乡镇负责）」: the county's departments and its townships, each a
    collective of its kind, under a task its text says each does apart: each does its own share (separate); without
    分别 the first listed leads, the others take part (rule 5)."""
    tasks = _drafted(tmp_path, "某县社会信用体系建设任务分工方案", "一、重点任务",
                     "1.推进信用制度建设。各乡(镇)、各部门分别制定信用规章制度。(县直有关部门、各乡镇负责)",
                     "2.加强信用信息管理。(县直有关部门、各乡镇负责)")
    assert [(t["lead"], t["participants"], t["lead_mode"]) for t in tasks] == [
        (["某县直有关部门", "各乡镇"], [], "separate"), (["某县直有关部门"], ["各乡镇"], "first")]


def test_a_rules_copula_naming_a_bodys_standing_stands_between_it_and_its_duty():
    """「第四条 市某某局是本市某某工作的监督管理机关，负责…」, 「街道办事处是…的落实主体，负责…」: the copula names the
    body's standing as 作为 or 为…机关 does; the subject is the body alone, not the body glued to its standing."""
    tasks, _ = _read("第一条 为加强某某工作，制定本规定。",
                     "第四条 市某某局是本市某某工作的监督管理机关，负责某某内容的审查登记工作。",
                     "第五条 街道办事处是本辖区某某监管责任的落实主体，负责落实辖区内专职监管人员。")
    assert [(t.number, t.units.lead) for t in tasks] == [(4, ["市某某局"]), (5, ["街道办事处"])]


def test_a_law_sites_issuer_line_over_a_covering_notices_title_owns_no_article():
    """A law site writes the issuer alone above 「颁布《…》的通知」: a masthead's issuer, as above 「关于…的通知」, not a
    unit heading the articles below; an article naming no unit (its purpose, its scope) is no one's task."""
    tasks, _ = _read("某省某市人民政府", "颁布《某市某某管理规定》的通知",
                     "各区人民政府，市府直属各单位：现将《某市某某管理规定》发给你们，请认真贯彻执行。",
                     "某市某某管理规定", "第一条 为加强某某管理，结合我市实际，制定本规定。",
                     "第二条 凡在本市设置某某的，均应遵守本规定。", "第三条 市某某局负责某某内容的审查登记工作。")
    assert [(t.number, t.units.lead) for t in tasks] == [(3, ["市某某局"])]


def test_an_article_after_a_headings_items_is_their_sibling_not_the_headings_note():
    """「第三条 本规定所称X包括：（一）…（二）…」 then 「第四条 市某某局负责…。市某某委负责…」: the fourth article is no
    item of the third's definition; each of its sentences is its unit's task (not one note closing the third)."""
    tasks, _ = _read("第三条 本规定所称某某包括：", "（一）甲类广告；", "（二）乙类广告。",
                     "第四条 市某某局负责某某内容的审查登记工作。市某某委负责某某设置的综合协调工作。")
    assert [(t.number, t.units.lead) for t in tasks] == [(4, ["市某某局"]), (None, ["市某某委"])]


def test_a_duty_gathering_the_units_after_its_verb_names_no_unit(tmp_path):
    """「组织有关部门开展…」 in a unit's duties under its heading: the units gathered take part in its work, 组织有关部门
    is no unit's name (a 组织部 is one)."""
    tasks = _drafted(tmp_path, "某县地质灾害防治职责分工", "一、各级政府工作职责", "(一)县人民政府职责",
                     "统一领导辖区内的地质灾害防治工作。组织有关部门开展群测群防等各项工作。",
                     "(二)乡镇人民政府职责", "具体负责本辖区内地质灾害巡查。")
    assert [t["lead"] for t in tasks] == [["某县人民政府"], ["乡镇人民政府"]]
    assert looks_like_unit("市委组织部") and not looks_like_unit("统筹各乡镇")


def test_a_sentence_saying_what_a_unit_is_names_it_and_its_duty_follows(tmp_path):
    """「X局是…的监督管理机关，负责…」: what the unit is stands between it and its verb, as 「X为…机构，负责…」 does;
    the sentence is no unit's name."""
    tasks = _drafted(tmp_path, "某市户外广告管理规定",
                     "第四条 市市场监管局是户外广告的监督管理机关，负责户外广告内容的审查登记工作。"
                     "市城管局负责户外广告设置的综合协调工作。")
    assert [t["lead"] for t in tasks] == [["某市市场监管局"], ["某市城管局"]]
    assert not looks_like_unit("国土资源主管部门是地质灾害防治工作的统一监督部门")


def test_a_body_leading_the_work_as_a_whole_is_its_subject(tmp_path):
    """「X委员会统筹领导全镇…工作」: 统筹领导 is the body's verb (a 统筹领导小组 is a name)."""
    tasks = _drafted(tmp_path, "某镇防溺水工作方案", "一、构建网格化责任体系",
                     "(一)镇学生安全专业委员会统筹领导全镇防溺水工作,落实领导包片责任制。",
                     "(二)镇派出所负责水域巡查工作。")
    assert [t["lead"] for t in tasks] == [["镇学生安全专业委员会"], ["镇派出所"]]


def test_a_units_duty_heading_owns_the_paragraph_under_it_whatever_verb_opens_it(tmp_path):
    """「（一）县人民政府职责」 then 「统一领导…」: beside units that are read in their sentences, the paragraph under a
    heading naming a unit's duties is that unit's."""
    tasks = _drafted(tmp_path, "某县地质灾害防治职责分工", "一、各级政府工作职责", "(一)县人民政府职责",
                     "统一领导辖区内的地质灾害防治工作,组织开展群测群防、抢险救灾、搬迁避让和工程治理等各项工作。",
                     "二、相关部门工作职责", "(一)县自然资源局",
                     "县自然资源局是地质灾害防治工作的统一监督部门,负责地质灾害防治的组织工作。")
    assert [t["lead"] for t in tasks] == [["某县人民政府"], ["某县自然资源局"]]


def test_a_duty_opening_with_the_units_it_works_with_is_its_headings_unit(tmp_path):
    """「1、会同相关责任部门开展…」 under a unit's heading: the units after 会同 take part, the heading's unit leads."""
    tasks = _drafted(tmp_path, "某县地质灾害防治职责分工", "一、相关部门工作职责", "(一)县自然资源局",
                     "1、会同相关责任部门开展地质灾害调查,拟订防治规划。", "2、组织专家对成因进行分析论证认定。",
                     "(二)县水利局", "负责水利工程的地质灾害防治工作。")
    assert [(t["lead"], t["participants"]) for t in tasks] == [
        (["某县自然资源局"], ["相关责任部门"]), (["某县自然资源局"], []), (["某县水利局"], [])]
    # a later sentence so opening: the subject before it goes on
    tasks = _drafted(tmp_path, "某县地质灾害防治职责分工", "一、相关部门工作职责",
                     "(一)县自然资源局负责地质灾害防治的组织工作。会同县水利局开展地质灾害调查。")
    assert [(t["lead"], t["participants"]) for t in tasks][-1] == (["某县自然资源局"], ["某县水利局"])


def test_a_body_set_up_with_its_leading_unit_named_before_it_owns_the_functions_announced_for_it():
    """「同意建立由甲部牵头的全国乙工作部际联席会议制度」: 甲部 leads the setting up, not each function; the body set up
    owns the functions 「联席会议的主要职能是在国务院领导下，」 announces (no task itself)."""
    tasks, _ = _read("国务院同意建立由甲部牵头的全国乙工作部际联席会议制度。", "职能", "联席会议的主要职能是在国务院领导下，",
                     "(1) 研究拟订乙工作的重大制度和政策", "(2) 督导推进乙工作体系建设")
    functions = [t for t in tasks if "乙工作" in t.text and "建立" not in t.text]
    assert [(t.number, t.units.lead) for t in functions] == [(1, ["全国乙工作部际联席会议"]), (2, ["全国乙工作部际联席会议"])]
    assert not any("主要职能是" in t.text for t in tasks)


def test_units_setting_up_their_own_body_and_companies_working_by_the_rules_are_subjects():
    """「…成立X工作领导小组，…负责…。各有关单位也相应成立领导机构」: the later sentence is its subject's task (相应 is no
    modal 应); 「甲公司、乙有限公司以及2家丙公司等运输企业，严格按照时限要求抓好…」: a manner before the verb, 以及
    joins two names, 等运输企业 closes the open list."""
    tasks, _ = _read("一是落实组织。成立某系统创建工作领导小组,由局长任组长,负责全系统创建的部署动员等工作。"
                     "各有关单位也相应成立领导机构,主要负责人亲自抓。",
                     "二是落实责任。局办公室负责统筹协调;甲公司、乙有限公司以及2家丙公司等运输企业,严格按照时限要求抓好问题整改。")
    assert [(t.units.lead, t.units.participants) for t in tasks] == [
        (["某系统创建工作领导小组"], []), (["各有关单位"], []), (["局办公室"], []),
        (["甲公司"], ["乙有限公司", "2家丙公司"])]
    assert tasks[-1].units.open_ended


def test_every_paragraph_of_an_article_is_numbered_with_the_article(tmp_path):
    """「第三条 X是…的责任主体，Y是…的责任主体。」 then 「Z部门…负责…」 on a line of its own: the later paragraph (款) is
    the article's, its task labelled 第三条 as the first two are (not the next free number)."""
    tasks = _drafted(tmp_path, "某市项目管理办法", "第一条 为加强项目管理，制定本办法。",
                     "第二条 本办法适用于政府投资项目。",
                     "第三条 市直行业主管部门是市级项目的责任主体，县区政府是县区级项目的责任主体。",
                     "发展改革部门是项目管理的综合部门，主要负责项目的申报和投资计划下达。")
    assert [t["label"] for t in tasks][-2:] == ["第三条", "第三条"]


def test_the_person_who_sees_to_the_work_specifically_leads_it_in_person_too():
    """「主要负责人亲自抓，分管负责人具体抓」: the head in person and the deputy in charge specifically, both its leaders."""
    tasks, _ = _read("（一）各乡镇要成立工作专班，主要负责人亲自抓，分管负责人具体抓。")
    assert tasks[0].units.lead == ["各乡镇"] and tasks[0].units.leaders == ["主要负责人", "分管负责人"]


def test_people_answering_in_person_in_clauses_joined_by_a_list_comma_all_lead_it():
    """「主要负责同志亲自抓、分管负责同志具体抓」: two in-person clauses joined by 、 (not a comma), both people its leaders."""
    tasks, _ = _read("（二）各责任单位要落实责任，主要负责同志亲自抓、分管负责同志具体抓，确保按期完成。")
    assert tasks[0].units.lead == ["各责任单位"] and tasks[0].units.leaders == ["主要负责同志", "分管负责同志"]


def test_a_joint_meetings_functions_are_its_own_beside_its_offices_paragraph(tmp_path):
    """「建立X联席会议制度」 then 「一、主要职能」: the paragraph and the items under the heading are the meeting's, short
    items too (「（三）完成…交办的其他事项。」, no heading), though a recogniser read the office's paragraph further on."""
    from conftest import import_text
    _, tasks, _ = import_text(tmp_path, "附件1:\n某某市救助工作联席会议制度\n"
                              "为加强组织领导,经市政府同意,建立某某市救助工作联席会议制度。\n一、主要职能\n"
                              "在市政府领导下,统筹协调全市救助工作。\n(一)研究拟定重大政策措施;\n"
                              "(二)协调解决救助工作中的重点、难点问题,推动部门间协作配合;\n(三)完成市政府交办的其他事项。\n"
                              "二、成员单位\n联席会议由市民政局、市公安局、市财政局组成。\n"
                              "联席会议办公室设在市民政局,承担联席会议日常工作。\n某某市人民政府办公厅\n2012年4月5日\n", None)
    meeting = sorted(t["text"] for t in tasks if t["lead"] == ["某某市救助工作联席会议"])
    assert meeting == sorted(["在市政府领导下,统筹协调全市救助工作。", "研究拟定重大政策措施。",
                       "协调解决救助工作中的重点、难点问题,推动部门间协作配合。", "完成市政府交办的其他事项。"])


def test_a_closing_label_line_under_a_place_heading_assigns_the_problems_above_it():
    """「1. 市图书馆」 over its problems （1）…（2）… then 「问题整改责任单位:市文旅局 整改时限:3天」: the line names the unit
    that rectifies them all (not the place inspected) and their time limit; the problems are one task."""
    tasks, _ = _read("1. 市图书馆", "(1)阅览室消防通道堵塞;", "(2)公益广告破损。", "问题整改责任单位:市文旅局 整改时限:3天",
                     "2. 市体育馆", "(1)场馆周边垃圾未清运。", "问题整改责任单位:市体育局 整改时限:5天")
    assert [(t.units.lead, t.deadline_text, t.number) for t in tasks] == [(["市文旅局"], "3天", 1), (["市体育局"], "5天", 2)]
    assert tasks[0].text.startswith("阅览室消防通道堵塞") and "公益广告破损" in tasks[0].text


def test_a_later_sentences_own_subject_and_its_later_you_clause_are_two_tasks():
    """「…具体工作由市统计局牵头负责。各区应于年底前开展一次自查,并将结果报市统计局,由市统计局将结果汇总上报市政府。」:
    after the note's sentence, the districts' clause is theirs and the later 由 clause the bureau's own task."""
    tasks, _ = _read("市政府将对各项指标实施动态管理,具体工作由市统计局牵头负责。各区应于年底前开展一次自查,并将结果报市统计局,"
                     "由市统计局将结果汇总上报市政府。")
    assert [(t.text[:4], t.units.lead) for t in tasks] == [("市政府将", ["市统计局"]), ("各区应于", ["各区"]),
                                                          ("由市统计", ["市统计局"])]


def test_a_leader_the_work_is_put_under_before_the_lead_unit_is_its_leader():
    """「由王某副县长负责，县水务局牵头，有关部门配合，…」: the bureau leads, the vice head over the work is its leader
    (a person, never a unit)."""
    tasks, _ = _read("一、重点事项", "1、水库除险加固项目",
                     "由王大明副县长负责，县水务局牵头，县财政局配合，尽快完成项目初步设计。")
    assert [(t.units.lead, t.units.participants, t.units.leaders) for t in tasks] == [
        (["县水务局"], ["县财政局"], ["王大明副县长"])]


def test_collectives_setting_up_their_own_body_in_kind_is_their_task_in_any_paragraph():
    """「各县（区）也要相应成立X领导小组，…」 in an unnumbered paragraph among prose: each sets up its own body as the issuer
    did, a task of theirs (collectives alone are otherwise read only in numbered items)."""
    tasks, _ = _read("为加强组织领导，成立某市禁毒专项行动领导小组，负责禁毒工作的领导和协调。",
                     "领导小组下设办公室，办公室设在市公安局，主要负责日常管理工作。",
                     "各县（区）也要相应成立禁毒专项行动领导小组，做到主要领导负总责，确保专项行动取得实效。")
    assert any(t.units.lead == ["各县（区）"] and "相应成立" in t.text for t in tasks)


def test_a_project_block_keeps_its_field_lines_with_its_title_and_its_unit_lines():
    """「（一）X项目。」 then 「资金来源：…」「目标任务：…」「牵头单位：…」「配合单位：…」「实施时间：…」「完成时间：…」:
    one block, one task; the page's first block, cut from its title, is its unit lines alone."""
    tasks, _ = _read("牵头单位：市民政局。", "配合单位：市财政局。", "实施时间：2015年1-12月。", "完成时间：2015年12月。",
                     "二、文化惠民工程", "（一）乡镇文化站建设项目。", "资金来源：省级补助，市县配套。",
                     "目标任务：新建文化站20个。", "牵头单位：市文化局。", "配合单位：市财政局、市发改委。",
                     "实施时间：2015年1-12月。", "完成时间：2015年12月。",
                     "（二）农家书屋项目。", "资金来源：中央资金。", "目标任务：更新图书。", "牵头单位：市文化局。",
                     "完成时间：2015年10月。")
    assert [(t.number, t.units.lead, t.units.participants, t.deadline_text) for t in tasks] == [
        (None, ["市民政局"], ["市财政局"], "2015年12月"), (1, ["市文化局"], ["市财政局", "市发改委"], "2015年12月"),
        (2, ["市文化局"], [], "2015年10月")]
    assert tasks[0].text.startswith("牵头单位：市民政局。")
    assert tasks[1].text.startswith("乡镇文化站建设项目。资金来源：") and "目标任务：新建文化站20个" in tasks[1].text


def test_a_field_line_of_no_block_is_a_paragraph_of_its_own():
    """「资金来源：…」 with no unit line after it before the next numbered item: a paragraph of its own, not glued to
    the item above; a unit before a colon is its duty, no field."""
    items = items_of([Block(t, f"第{i}行") for i, t in enumerate((
        "（一）乡镇文化站建设项目。", "资金来源：省级补助。", "（二）农家书屋项目。", "县交通局：负责道路保障。",
        "牵头单位：县交通局。"), start=1)])
    assert [i.text for i in items][:3] == ["乡镇文化站建设项目。", "资金来源：省级补助。", "农家书屋项目。"]
    assert items[3].text.startswith("县交通局：")
    # 「主要职责：负责…」 between a group's leader line and its unit line: the group's duties, no field of a block
    items = items_of([Block(t, f"第{i}行") for i, t in enumerate((
        "一、宣传舆情组", "牵头领导：张三", "主要职责：负责疫情防控工作的宣传报道。", "责任单位：宣传部、政法委"), start=1)])
    assert [i.text for i in items][1:] == ["主要职责：负责疫情防控工作的宣传报道。责任单位：宣传部、政法委"]


def test_a_heading_naming_the_lead_of_its_tasks_gives_each_task_its_lead():
    """「一、县示范区管委会牵头工作（8项）」 over numbered tasks naming no unit: each is that unit's to lead."""
    tasks, _ = _read("附件1", "2025年县政府工作报告任务清单", "一、县示范区管委会牵头工作（3项）",
                     "1.投资3000万元建设循环水养殖基地。", "2.打造食用菌生产基地。", "3.建设3个产业园。",
                     "二、县发改局牵头工作（1项）", "1.推进重点项目建设。")
    assert [(t.number, t.units.lead) for t in tasks] == [
        (1, ["县示范区管委会"]), (2, ["县示范区管委会"]), (3, ["县示范区管委会"]), (1, ["县发改局"])]


def test_a_lead_heading_over_tasks_a_recogniser_left_gives_them_their_lead(tmp_path):
    """The notice's own notes read by a recogniser, the annex's heading 「一、X牵头工作（N项）」 and its short tasks
    are still read: each task X's."""
    tasks = _drafted(tmp_path, "某县人民政府办公室关于印发任务清单的通知",
                     "三、协同破题。针对跨单位任务，由县发改局牵头，县财政局配合（县发改局牵头）。",
                     "附件1", "一、县示范区管委会牵头工作（2项）", "1.打造食用菌生产基地。", "2.建设3个产业园。")
    assert [(t["text"], t["lead"]) for t in tasks if "示范区" in t["lead"][0]] == [
        ("打造食用菌生产基地。", ["某县示范区管委会"]), ("建设3个产业园。", ["某县示范区管委会"])]


def _drafted_text(root, text: str):
    """A small text read as a file is (its | rows a table), then drafted."""
    from policykb.ingest.readers import read, with_tables
    path = root / "notice.txt"
    path.write_text(text, encoding="utf-8")
    return compose(with_tables(read(path, tables=False)), Registry.load(root), dt.date(2024, 1, 1))


def test_a_covering_notices_checks_on_progress_beside_a_table_are_requirements(tmp_path):
    """A notice whose table divides the work, its paragraph naming bodies that check the others' progress (「X负责对目标
    任务进度情况进行督察通报」, 「Y负责将…完成情况纳入综合考评」) and asking the collectives to carry it out: that paragraph
    is the notice's supervision, a requirement (truth rule 1), not tasks of those bodies."""
    (tmp_path / "x").mkdir()
    draft = _drafted_text(tmp_path / "x", "\n".join([
        "区政府各部门:",
        "经区政府研究决定,将目标任务进行分解。区委办公室负责将目标任务的完成情况纳入综合考评;区政府办公室负责对目标任务"
        "进度情况进行督察通报;区统计局负责对各部门完成的经济类数据进行真实性审核。各部门、各单位要明确责任,严格按照进度计划抓好落实。",
        "某区人民政府办公室",
        "2024年1月5日",
        "序号 | 任务名称 | 牵头部门 | 配合部门 |",
        "1 | 建设城东污水处理厂 | 区住建局 | 区财政局、区生态环境分局 |",
        "2 | 改造老旧小区二十个 | 区房管局 | 区财政局 |"]))
    tasks = list(draft.tasks.values())
    assert [t["lead"] for t in tasks] == [["某区住建局"], ["某区房管局"]]
    [requirement] = draft.doc["annex"]["requirements"]
    assert requirement["text"].startswith("区委办公室负责将目标任务的完成情况纳入综合考评")
    assert "抓好落实" in requirement["text"]


def test_a_covering_notices_demands_on_the_cooperating_units_are_requirements(tmp_path):
    """「由牵头单位发挥统筹协调作用，协同单位积极配合」, 「各协同单位要主动对接需求…」 beside an annex giving a named unit its
    work: 协同单位 is a role in the division as 配合单位 is, so these are requirements on carrying it out (truth rule 1),
    no task of a role word no letter can be addressed to."""
    draft = compose(_source("某县人民政府办公室关于印发任务清单的通知", "县直各有关单位:", "请各单位认真对照,抓好落实。",
                            "一、协同破题。针对跨单位任务,由牵头单位发挥统筹协调作用,协同单位积极配合。",
                            "二、各协同单位要主动对接需求、提供支撑保障。", "某县人民政府办公室", "2024年1月5日",
                            "一、县住建局牵头工作(2项)", "1.建设城东污水处理厂。", "2.改造老旧小区。"),
                    Registry.load(tmp_path), dt.date(2024, 1, 1))
    assert not any("协同单位" in n for t in draft.tasks.values() for n in t["lead"] + t.get("participants", []))
    assert [r["text"][:8] for r in draft.doc["annex"]["requirements"]] == ["针对跨单位任务,", "各协同单位要主动"]


def test_an_office_named_bare_after_a_collectives_demand_is_each_ones_own():
    """「各责任单位要加强组织领导，…，由办公室负责抓好综合督办协调工作」: the office is each unit's own section, so the
    clause stays the collective's (no task of a body called 办公室)."""
    from policykb.ingest.clauses import subject_clauses
    found = subject_clauses("各责任单位要加强组织领导,明确具体责任人,由办公室负责抓好综合督办协调工作。", numbered=True)
    assert [units.lead for _, units in found] == [["各责任单位"]]
    found = subject_clauses("县住建局要加强组织领导,由县政府办公室负责督办。", numbered=True)
    assert [units.lead for _, units in found] == [["县住建局"], ["县政府办公室"]]


@pytest.mark.parametrize("text, lead", [
    ("各责任单位需严格对照任务清单,逐项细化职责。", ["各责任单位"]),  # 需 as 须
    ("各乡镇需加大工作力度,确保十月底全部完工。", ["各乡镇"]),
])
def test_xu_after_a_subject_is_a_modal(text, lead):
    from policykb.ingest.clauses import subject_clauses
    assert [units.lead for _, units in subject_clauses(text, numbered=True, anyone=True)] == [lead]


@pytest.mark.parametrize("duty, partners", [
    ("会商自治区财政厅编制新增项目计划", ["自治区财政厅"]),  # 会商: in consultation with
    ("会同财政等部门尽快将任务分解下达", ["财政部门"]),  # a manner before the verb; the sector's department (rule 5)
    ("统筹协调相关责任单位科学制订办理方案", ["相关责任单位"]),  # 统筹协调, then a manner
])
def test_the_units_a_duty_works_with_or_gathers_take_part(duty, partners):
    from policykb.ingest.partners import partners_with
    assert partners_with(duty, ()).lead == partners



def test_a_row_numbered_by_its_group_keeps_the_groups_number():
    """A table whose first column (组别, 分组) numbers its rows by group, 「第一组」「第2组」…: each row's task keeps its
    group's number (「第一组长」 is a post, no number)."""
    from policykb.ingest.itemmarks import item_number
    from policykb.ingest.tabletasks import table_tasks
    assert [item_number(c) for c in ("第一组", "第十二组", "第3组", "第一组长", "一组")] == [1, 12, 3, None, None]
    rows = [("组别", "检查组牵头单位", "检查内容"), ("第一组", "县水利局", "检查城关镇防汛物资储备情况"),
            ("第二组", "县应急局", "检查河口镇防汛值班值守情况"), ("第3组", "县住建局", "检查东山乡危房排查情况")]
    tasks = table_tasks([Block(" | ".join(r), f"表1第{i}行", cells=r, table=1) for i, r in enumerate(rows, start=1)])
    assert [(t.units.lead, t.number) for t in tasks] == [(["县水利局"], 1), (["县应急局"], 2), (["县住建局"], 3)]


def test_a_kind_of_department_named_as_a_sentence_owns_the_items_under_it(tmp_path):
    """「1.卫生部门。」 over 「（1）…」「（2）…」, then 「2.财政部门：负责…」 lines: each sub-item is the department's
    duty, whatever verb opens it (the 。 after its name does not make the heading a short task); the colon lines after
    it are their own units' duties, no items under it."""
    tasks = _drafted(tmp_path, "（二）部门职责", "1.卫生部门。", "（1）做好病例的监测和报告工作。",
                     "（2）组织医疗救治队伍开展救治。", "2.财政部门：负责安排应急处置经费。",
                     "3.交通部门：负责应急物资的运输保障。")
    assert [t["lead"] for t in tasks] == [["卫生部门"], ["卫生部门"], ["财政部门"], ["交通部门"]]


def test_numbered_department_names_run_on_with_their_duties_are_theirs(tmp_path):
    """「（二）教育部门。协助民政部门做好…，负责…」: the name a sentence of its own, its duties after it, whatever verb
    opens them; a duty opening by helping a named unit and going on with its own work is led by the holder, the unit
    helped taking part (not 「配合X做好…」 alone, which X leads)."""
    tasks = _drafted(tmp_path, "（一）民政部门。负责困难群众的排查登记工作。",
                     "（二）教育部门。协助民政部门做好学生资助工作，负责对困难学生建立档案。",
                     "（三）文化部门。按照“就近就便”的原则，做好送戏下乡的组织工作。")
    assert [(t["lead"], t.get("participants")) for t in tasks] == [
        (["民政部门"], []), (["教育部门"], ["民政部门"]), (["文化部门"], [])]


def test_a_department_heading_owns_the_items_a_recogniser_left(tmp_path):
    """「（一）民政部门」 over 「1、负责…」「2、负责…」 and a last item whose second sentence names another holder (「…由市
    福利院负责安置」), which another reader takes: the items left are still the department's, not a unit named above."""
    tasks = _drafted(tmp_path, "同时，各县成立相应机构。相关部门具体职责如下：", "（一）民政部门",
                     "1、负责救助站的日常管理工作。", "2、负责协调各成员单位之间的工作。",
                     "3、对无法查明身份的人员进行安置。城区内的由市社会福利院负责安置。")
    # (the counties setting up their counterparts first: their own task)
    assert [t["lead"] for t in tasks][:3] == [["各县"], ["民政部门"], ["民政部门"]]


def test_a_body_set_up_with_its_leadership_and_the_counterparts_asked_for_are_tasks(tmp_path):
    """「成立“X领导小组”，由…任组长，…，加强对…工作的领导…。同时，各县(区)成立相应机构。」 before department headings
    and their duties: the body set up leads its work (its name quoted, its leadership given after its roster), and the
    counties setting up their counterparts is theirs (相应 after the verb, 同时 opening the sentence)."""
    tasks = _drafted(tmp_path, "一、加强组织领导,建立协调机制,明确工作职责",
                     "成立“某市流浪人员救助工作领导小组”,由市政府分管领导任组长,市民政局领导任副组长,相关部门领导任成员,"
                     "加强对流浪人员救助工作的领导,及时研究解决工作中的重要问题。领导小组办公室设在市民政局。"
                     "同时,各县(区)成立相应机构。相关部门具体职责如下:",
                     "（一）民政部门", "1、负责领导小组办公室的日常工作。", "2、负责组织协调各成员单位之间的工作。")
    leads = [t["lead"] for t in tasks]
    assert ["某市流浪人员救助工作领导小组"] in leads and ["各县(区)"] in leads
    assert leads.count(["民政部门"]) == 2


def test_a_unit_setting_up_its_counterpart_on_a_page_cut_inside_a_document_holds_the_bodies_work(tmp_path):
    """A page opening inside a document: 「区县人民政府设立相应的X指挥部及办公室。指挥部领导…；办公室负责…。」 then the
    departments' numbered duties: the governments' task, the office they set up described in it, no unit of its own."""
    tasks = _drafted(tmp_path, "区县人民政府设立相应的疫情应急指挥部及办公室。指挥部领导本区县疫情的控制等工作;办公室负责预案的具体实施。",
                     "(二)部门职责", "1.农业部门。", "(1)做好疫情的监测、报告。", "(2)调集防疫人员参加疫情的控制工作。")
    assert tasks[0]["lead"] == ["区县人民政府"] and "办公室负责" in tasks[0]["text"]
    assert not any(t["lead"] == ["办公室"] for t in tasks)


def test_a_body_given_its_own_demand_inside_a_departments_duty_takes_part():
    """「（二）卫生部门。做好…救治工作，协助民政部门做好…，定点医院要开通绿色通道，确保救治及时。」 among departments'
    duties, as the general reader reads them: the department leads; the body it helps and the hospitals given their own
    demand take part."""
    tasks, _ = _read("（一）民政部门。负责困难群众的排查登记工作。",
                     "（二）卫生部门。按照“先救治、后救助”的原则，做好危重病人的救治工作，协助民政部门做好街头救助工作，"
                     "定点医院要开通绿色通道，确保救治及时。",
                     "（三）财政部门。做好集中活动的经费保障工作。")
    assert [(t.units.lead, t.units.participants) for t in tasks] == [
        (["民政部门"], []), (["卫生部门"], ["民政部门", "定点医院"]), (["财政部门"], [])]


def test_a_run_together_project_table_with_figure_columns_gives_each_row_its_lead_owners_and_leaders(tmp_path):
    """A notice and its project table flattened into one run (序号项目名称建设阶段总投资2010年计划投资项目业主牵头协调部门
    牵头区领导, then 1 …, each row's figures run together and its names too): each row is a task, the text before its
    figures; the coordinating department leads, the owners take part, the closing names are its leaders; beside
    it the notice's demands on the collectives and its check on progress are no tasks."""
    text = ("某某区人民政府关于重点推进重大项目的通知各街道办事处,区政府有关部门:经研究,决定对3个重大项目予以重点推进。"
            "各街道、区政府有关部门要明确牵头责任人,细化工作方案;区督查办要定期对项目推进情况进行督查。"
            "附件:重点推进项目情况表单位:万元序号项目名称建设阶段总投资2010年计划投资项目业主牵头协调部门牵头区领导合计 900000800000 "
            "1滨河公园项目加快建设50000030000区城投公司区住建局张建国李红梅2物流园区项目新开工2500004000"
            "某某物流有限公司、某某村股份经济合作社区商务局赵明")
    from policykb.ingest.texttables import with_text_tables
    draft = compose(Source("x.txt", "txt", with_text_tables([Block(text, "第1行")])), Registry.load(tmp_path),
                    dt.date(2010, 3, 5))
    assert [(t["text"], t["lead"], t.get("participants", []), t.get("leaders", [])) for t in draft.tasks.values()] == [
        ("滨河公园项目加快建设", ["某某区住建局"], ["某某区城投公司"], ["张建国", "李红梅"]),
        ("物流园区项目新开工", ["某某区商务局"], ["某某物流有限公司", "某某村股份经济合作社"], ["赵明"])]


def test_a_sentence_opening_with_the_units_it_works_with_goes_on_with_the_task_before_it(tmp_path):
    """「第五条 X负责…。会同Y落实…」: the second sentence has no subject of its own; it is X's task going on, Y taking
    part (one task, not two). An item marked of its own (「1、会同Y开展…」) stays a task of its own."""
    tasks = _drafted(tmp_path, "某省开发区条例", "第五条 省开发区办公室负责制定发展规划和重大政策,研究提出改革方案。"
                     "会同各设区的市人民政府落实省人民政府的决策部署,完成交办的相关任务。",
                     "第六条 省、市人民政府应当支持开发区聚焦主业。")
    assert [(t["lead"], t["participants"]) for t in tasks][0] == (["某省开发区办公室"], ["各设区的市人民政府"])
    assert len(tasks) == 2
