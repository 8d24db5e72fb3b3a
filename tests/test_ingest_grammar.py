"""The grammar of assignments, rule by rule, on small inline texts (never the corpus): scope notes, collectives,
what is no unit, labels, table columns, deadline cells, people, shared bodies."""
from __future__ import annotations

import pytest

from policykb.ingest.clauses import subject_clauses
from policykb.ingest.shapes import inline_tasks
from policykb.ingest.source import Block
from policykb.ingest.unitnames import looks_like_unit
from policykb.ingest.unitnotes import parse_units


def _tasks(*lines: str):
    return inline_tasks([Block(text, f"第{i}行") for i, text in enumerate(lines, start=1)])[0]


# --- notes in square brackets ---

def test_a_square_bracket_note_may_open_with_its_label():
    tasks = _tasks("一、总体", "(一)做好甲项工作。〔责任单位:县交通局〕", "(二)做好乙项工作。【牵头单位：县水利局】")
    assert [t.units.lead for t in tasks] == [["县交通局"], ["县水利局"]]


# --- scope notes ---

@pytest.mark.parametrize("note, participants", [
    ("责任单位:县农业局、县财政局,各乡镇。以下政策措施均需各乡镇落实,不再单独列出", ["县财政局", "各乡镇"]),
    ("县水利局牵头,县财政局参与,各乡镇负责落实。以下各项工作均需各乡镇落实,不再列出。", ["各乡镇", "县财政局"]),
])
def test_a_below_note_is_read_whatever_stands_between_its_words(note, participants):
    units = parse_units(note)
    assert units.lead == (["县农业局"] if "农业" in note else ["县水利局"])
    assert sorted(units.participants) == sorted(participants)
    assert units.scope.participants == ["各乡镇"] and not units.flags


def test_a_first_leads_note_may_call_the_lead_the_works_lead_or_the_collecting_unit():
    """「(列第一位者为工作牵头单位或汇总单位,下同)」 closing a list: the rule stated, no part of the last name."""
    units = parse_units("责任单位:市经信局、市财政局、市税务局(列第一位者为工作牵头单位或汇总单位,下同)")
    assert (units.lead, units.participants, units.flags, units.by_custom) == (
        ["市经信局"], ["市财政局", "市税务局"], [], False)


def test_a_below_note_may_name_levels_parted_by_a_comma():
    """「以下均需X,Y负责落实,不再列出」: the counties and the zone after the comma both take part in every later task."""
    units = parse_units("责任单位:县农业局、县财政局等部门,各乡镇人民政府,甲乙开发区管委会。"
                        "以下均需各乡镇人民政府,甲乙开发区管委会负责落实,不再列出")
    assert units.lead == ["县农业局"] and not [f for f in units.flags if f.startswith("not a unit")]
    assert units.scope.participants == ["各乡镇人民政府", "甲乙开发区管委会"]
    assert "以下均需各乡镇人民政府" not in units.participants


def test_a_note_that_every_task_involves_a_unit_holds_for_this_task_and_the_later_ones():
    tasks = _tasks("一、总体",
                   "(一)做好甲项工作。〔责任单位:省商务厅、省财政厅按职责分工负责。具体任务均涉及相关市(州)人民政府,不再做分工,下同。〕",
                   "(二)做好乙项工作。〔责任单位:省财政厅〕")
    assert tasks[0].units.lead == ["省商务厅"]
    assert tasks[0].units.participants == ["省财政厅", "相关市(州)人民政府"]
    assert tasks[1].units.participants == ["相关市(州)人民政府"]
    assert not tasks[0].units.flags


def test_the_units_before_the_comma_lead_and_the_note_saying_so_is_removed():
    units = parse_units("责任单位:市农业局,各县(市、区)、市级各部门(逗号前的单位为牵头单位,下同)")
    assert units.lead == ["市农业局"] and units.participants == ["各县(市、区)", "市级各部门"]
    assert not units.flags


# --- roster lines ---

def test_a_reserve_companys_depot_closes_a_list_of_units():
    """「中储粮X直属库」 is a body (a depot under the reserve company's head office), not a store: it takes part."""
    tasks = _tasks("一、保障供应", "(一)稳定粮源。做好收购工作。(市发改委、市商务局、各区县政府、中储粮平川直属库。排名第一的为牵头单位,下同)")
    assert [(t.units.lead, t.units.participants) for t in tasks] == [
        (["市发改委"], ["市商务局", "各区县政府", "中储粮平川直属库"])]


def test_two_sectors_named_bare_and_run_together_are_two_units():
    """A list's 、 lost between two bare sectors (「税务统计」): each a unit; 执法 after a sector is its enforcement
    arm, not a second unit."""
    units = parse_units("责任单位:卫健局、财政局、税务统计")
    assert (units.lead, units.participants, units.flags) == (["卫健局"], ["财政局", "税务", "统计"], [])
    assert parse_units("责任单位:卫健局、城管执法").participants == []


def test_a_numbered_roster_line_keeps_its_number_out_of_the_units_name():
    """「1.党政办:统筹协调…」: an item's number before a unit's name and its colon is the item's, no part of the name."""
    tasks = _tasks("五、任务分工", "1.党政办:统筹协调、通知下发、人员组织。", "2.农业服务中心:选定植树地点、做好技术指导。")
    assert [(t.units.lead, t.number) for t in tasks] == [(["党政办"], 1), (["农业服务中心"], 2)]


def test_a_unit_label_after_a_numbered_item_names_its_units_whoever_its_sentences_name():
    """「1、各乡镇、…和负有监管职责的部门要…。」 then 「责任单位:县应急局,各乡镇」: the label's units, not the sentence's
    subjects; a time label after such an item leaves its subject the lead."""
    tasks = _tasks("一、全面排查隐患", "1、各乡镇、县属国有公司和负有监管职责的部门要落实监管责任,加大排查力度。",
                   "责任单位:县应急局,各乡镇")
    assert [(t.units.lead, t.units.participants, t.number) for t in tasks] == [(["县应急局"], ["各乡镇"], 1)]
    tasks = _tasks("一、全面排查隐患", "1、县应急局要对所有行业开展排查。", "完成时限:2024年6月底前")
    assert [t.units.lead for t in tasks] == [["县应急局"]]



def test_an_item_running_on_over_a_paragraph_takes_the_unit_label_after_it():
    """「1.分级落实…。」, a paragraph of its own (「市长、县长…承担的责任是：…。」), then 「责任单位：X」: one item, X its
    unit, not the first sentence's subject; a block's field lines (「资金来源：…」) are no run-on of the item."""
    tasks = _tasks("一、明确和落实粮食安全责任",
                   "1.分级落实粮食安全责任制。省政府承担保障粮食安全的主体责任,全面提升粮食生产能力。",
                   "市长、县长在保障粮食安全方面承担的责任是:严守耕地红线,稳定发展粮食生产。",
                   "责任单位:各市、县人民政府",
                   "2.加强粮食仓储设施建设。", "责任单位:省粮食局、省财政厅")
    assert [(t.units.lead, t.number) for t in tasks] == [(["各市、县人民政府"], 1), (["省粮食局"], 2)]
    assert "市长、县长" in tasks[0].text
    from policykb.ingest.shapes import _run_on_items
    lines = ["(一)扩大农村学前教育资源项目。", "资金来源:中央、自治区财政配套。", "目标任务:按规定完成下达的指标任务。",
             "牵头单位:市教育局。"]
    assert [b.text for b in _run_on_items([Block(t, "第1行") for t in lines])] == lines


# --- collectives ---
@pytest.mark.parametrize("written, collective", [("责任单位:市税务局、市财政局、各县市、区政府", "各县市、区政府"),
                                                 ("责任单位:市商务局、各县区、开发园区", "各县区、开发园区"),
                                                 ("責任單位:市商務局、各縣區、開發園區", "各縣區、開發園區")])
def test_one_each_over_a_list_of_kinds_of_places_is_one_collective_in_either_script(written, collective):
    """「各县市、区政府」, 「各縣區、開發園區」: one 各 over the kinds of a level's places (truth rule 5), one unit, whether
    the page is in simplified or traditional script; not the junk halves 各县市 and 区政府."""
    units = parse_units(written)
    assert (units.participants[-1], units.flags) == (collective, [])

@pytest.mark.parametrize("name", ["各县、区人民政府(管委会)", "县(市、区)政府", "相关市(州)人民政府", "县（市、区）人民政府"])
def test_collectives_with_a_bracket_are_one_unit(name):
    assert looks_like_unit(name)
    units = parse_units(f"市环保局牵头,{name}负责落实")
    assert units.lead == ["市环保局"] and units.participants == [name] and not units.flags


def test_a_department_then_collectives_as_one_subject_the_department_leads():
    """「市城管局和各辖区政府、管委会要…」: a named department and, after it, collectives alone (各辖区政府、管委会 one of
    them: 各 over two kinds of a level's bodies): the department leads, they take part; of two departments with no
    lead word, the first leads (truth rule 5)."""
    [(_, units)] = subject_clauses("市城管局和各辖区政府、管委会要做好沿线道路保洁工作。", (), numbered=True)
    assert (units.lead, units.participants, units.mode) == (["市城管局"], ["各辖区政府、管委会"], "first")
    [(_, units)] = subject_clauses("市城管局和市公安局要做好沿线道路保洁工作。", (), numbered=True)
    assert (units.lead, units.participants, units.mode) == (["市城管局"], ["市公安局"], "first")


# --- what is no unit ---

@pytest.mark.parametrize("name", ["推进政府", "其部门", "加强领导小组", "该单位"])
def test_a_name_beginning_with_a_verb_or_a_pronoun_is_no_unit(name):
    assert not looks_like_unit(name)


@pytest.mark.parametrize("name", ["三级单位", "三級單位", "四级部门"])
def test_the_units_of_a_counted_number_of_levels_are_no_unit_of_their_own(name):
    """「甲负责规划；乙负责协调；丙负责实施。三级单位协调配合」: the levels just listed, named again, not a holder."""
    assert not looks_like_unit(name)


def test_a_name_holding_how_fully_the_work_is_done_is_no_unit():
    """「希望各乡镇充分重视水利重点县建设工作」: 充分 says how the units are to do it; the name ends before it."""
    assert not looks_like_unit("各乡镇充分重视水利重点县")


@pytest.mark.parametrize("name", ["组织部", "市委组织部", "规划建设局", "建设局"])
def test_units_whose_names_begin_like_a_verb_are_still_units(name):
    assert looks_like_unit(name)


@pytest.mark.parametrize("name", ["交通運輸企業", "縣防汛抗旱領導小組", "區婦聯", "市科協", "區文化館", "海關", "建築業主"])
def test_units_written_in_traditional_script_end_as_their_simplified_names_do(name):
    """A page in traditional script names its companies, groups and federations with the same endings (企業, 小組, 婦聯)."""
    assert looks_like_unit(name)


def test_the_unit_by_whom_a_paper_is_put_forward_leads_it():
    """「…规划意见，由X提出报Y批准」: 由 names who drafts it; a paper 「由X提出的」 is a noun, no task."""
    [(_, units)] = subject_clauses("开发区扩区、分期开发等规划意见,由开发区管理办公室提出报市政府批准。", (), numbered=True)
    assert units.lead == ["开发区管理办公室"]
    assert subject_clauses("会议审议了由县交通局提出的方案。", (), numbered=True) == []
    # a member's change: how the roster is kept, no work of the member's unit
    assert subject_clauses("联席会议成员因工作变动需要调整的,由所在单位提出,联席会议确定。", (), numbered=True) == []


def test_a_sentence_about_emergency_plans_has_no_unit_subject():
    assert subject_clauses("推进政府及其部门应急预案精编化,及时修订完善现有应急预案", numbered=True) == []


# --- labels ---

def test_a_department_division_line_after_a_leader_line():
    tasks = _tasks("一、目标", "1.粮食产量稳定在600亿斤以上。", "分管省领导:王某某", "部门分工:省农业厅牵头,各地、各部门配合。")
    assert len(tasks) == 1
    assert tasks[0].units.lead == ["省农业厅"] and tasks[0].units.participants == ["各地", "各部门"]
    assert tasks[0].units.leaders == ["王某某"]


# --- tables copied one cell a line, and their deadline cells ---

def test_a_one_cell_a_line_table_joins_a_cells_units_and_splits_a_merged_row():
    from policykb.ingest.tabletasks import table_tasks
    from policykb.ingest.texttables import with_text_tables
    lines = ["序号", "民生实事", "责任单位", "完成时限",
             "1", "新建污水处理厂。", "县水务局", "县住建局", "12月底前",
             "2", "改造老旧小区。", "县住建局", "6月底前开工", "新建口袋公园。", "全年",
             "3", "新建农贸市场。", "县商务局", "9月投入使用"]
    rows = with_text_tables([Block(t, f"第{i}行") for i, t in enumerate(lines, start=1)])
    tasks = table_tasks(rows)
    assert [(t.text, t.units.lead, t.units.participants, t.deadline_text) for t in tasks] == [
        ("新建污水处理厂。", ["县水务局"], ["县住建局"], "12月底前"),
        ("改造老旧小区。", ["县住建局"], [], "6月底前开工"),
        ("新建口袋公园。", ["县住建局"], [], "全年"),  # the number and unit cells merged over both tasks
        ("新建农贸市场。", ["县商务局"], [], "9月投入使用")]


def _cell_table(*lines: str):
    from policykb.ingest.tabletasks import table_tasks
    from policykb.ingest.texttables import with_text_tables
    return table_tasks(with_text_tables([Block(t, f"第{i}行") for i, t in enumerate(lines, start=1)]))


def test_a_one_cell_a_line_table_with_a_slash_for_no_unit_and_a_project_named_like_a_unit():
    """A 协同单位 cell written 「/」 (none) is that column's, left empty, and the table goes on; a project's name that
    reads as a unit (「新建社区服务站」) followed by its content sentence stands in its text column, so the row's
    unit cells are its own."""
    tasks = _cell_table("序号", "事项分类", "事项名称", "项目内容", "牵头单位", "协同单位",
                        "1", "改善养老服务", "建设养老中心", "新建养老服务中心2家。", "县民政局", "/",
                        "2", "建设老年食堂", "新建老年食堂5个。", "县民政局", "/",
                        "3", "提升基层服务", "新建社区服务站", "新建社区服务站10个。", "县住建局", "各乡镇",
                        "4", "方便群众出行", "新增公交线路", "新开通公交线路3条。", "县交通局", "县公安局")
    assert [(t.number, t.units.lead, t.units.participants) for t in tasks] == [
        (1, ["县民政局"], []), (2, ["县民政局"], []), (3, ["县住建局"], ["各乡镇"]), (4, ["县交通局"], ["县公安局"])]


def test_a_one_cell_a_line_table_numbered_from_its_own_numbers_with_columns_not_understood():
    """Rows numbered as the document numbers them (12, 30 …: rising), a header word not understood (进展情况), a
    smaller number inside a row (a copied page's number) skipped, and offices named by 股."""
    tasks = _cell_table("序号", "工作任务", "牵头单位", "完成时限", "进展情况", "备考",
                        "12", "修缮乡村道路。", "规划股", "3", "2024年底", "已完成六成。",
                        "30", "培训基层农技人员。", "科教股", "人事股", "2024年6月底", "已培训两期。")
    assert [(t.number, t.text, t.units.lead, t.units.mode, t.deadline_text) for t in tasks] == [
        (12, "修缮乡村道路。", ["规划股"], "first", "2024年底"),
        (30, "培训基层农技人员。", ["科教股", "人事股"], "joint", "2024年6月底")]


def test_a_one_cell_a_line_header_whose_narrow_cells_wrapped_over_two_lines():
    """「责任」「领导」 and 「责任」「科室」: a narrow header cell wrapped over two lines is one column word; a row's
    person goes to the leader column, its body to the unit column."""
    tasks = _cell_table("序号", "重点工作", "责任", "领导", "责任", "科室", "年度目标", "完成情况",
                        "1", "改造镇区污水管网", "张某某", "城建办", "完成管网改造5公里。", "已完成3公里。",
                        "2", "建设农贸市场", "李某某", "经济发展办", "年底前投入使用。", "主体已完工。")
    assert [(t.number, t.text, t.units.lead, t.units.leaders) for t in tasks] == [
        (1, "改造镇区污水管网", ["城建办"], ["张某某"]), (2, "建设农贸市场", ["经济发展办"], ["李某某"])]


def test_a_project_table_one_cell_a_line_with_wrapped_cells_and_a_second_unit_under_one_project():
    """A header cell wrapped after its year (「2024年」「目标进度」) or before its measure (「总投资」「(万元)」); a unit's
    name wrapped over two lines; a cell wrapped after its comma; a project's second unit with its own content after
    the first's cells (the number and project cells merged over both): a task of its own under the same number."""
    tasks = _cell_table("序号", "项目", "责任单位", "建设内容", "总投资", "(万元)", "2024年", "目标进度",
                        "1", "改善农村道路", "县公路养护", "管理中心", "实施环城路拓宽改造工程。", "3200", "3月开工,",
                        "年内完工。", "县住建局", "实施老城区雨污管网改造。", "1800", "10月底完工。",
                        "2", "提升供水能力", "县水利局", "新建城北水厂。", "5600", "年底前通水。")
    assert [(t.number, t.text, t.units.lead, t.deadline_text) for t in tasks] == [
        (1, "改善农村道路：实施环城路拓宽改造工程。", ["县公路养护管理中心"], "3月开工,年内完工。"),
        (1, "改善农村道路：实施老城区雨污管网改造。", ["县住建局"], "10月底完工。"),
        (2, "提升供水能力：新建城北水厂。", ["县水利局"], "年底前通水。")]


def test_a_one_cell_a_line_table_whose_merged_cells_are_given_once():
    """Merged cells given once, in the first row they span: a row whose cell after its number is a sentence left out
    its 类别 (it is the task, not a category); a row with no unit cell takes the units above (flagged), whatever its
    number; a unit cell running together names the table gives apart elsewhere (文化股图书馆) names them apart; the
    rows below a 完成时限 or 责任领导 cell take it (flagged), until the table's next heading row."""
    tasks = _cell_table("序号", "类别", "工作任务", "完成时限", "责任股室", "1", "公共服务", "开放图书馆阅览室。", "6月底前",
                        "文化股、图书馆", "2", "举办读书活动20场。", "文化股图书馆", "3", "开展送书下乡活动。",
                        "4", "全民健身", "新建健身广场2个。", "体育股")
    assert [(t.number, t.text, t.units.lead, t.units.participants, t.deadline_text) for t in tasks] == [
        (1, "开放图书馆阅览室。", ["文化股"], ["图书馆"], "6月底前"), (2, "举办读书活动20场。", ["文化股"], ["图书馆"], "6月底前"),
        (3, "开展送书下乡活动。", ["文化股"], ["图书馆"], "6月底前"), (4, "新建健身广场2个。", ["体育股"], [], "6月底前")]
    assert not tasks[0].units.flags and tasks[1].units.flags == ["deadline carried from the row above"]
    assert tasks[2].units.flags == ["units carried from the row above", "deadline carried from the row above"]


def test_a_one_cell_a_line_table_carries_its_leader_and_deadline_down_until_a_heading_row():
    """A 责任领导 cell merged over rows stands once too: the rows below are that person's, and the task reads so
    (leader kept, not taken for a unit); a row spanning the table (a heading) ends what the rows above merged."""
    tasks = _cell_table("序号", "工作任务", "完成时限", "责任领导", "责任单位", "1", "开放图书馆阅览室。", "12月底前",
                        "夏俊贵", "县文化馆", "2", "举办读书活动20场。", "县图书馆", "二、体育", "3", "新建健身广场2个。",
                        "县体育局")
    assert [(t.text, t.units.lead, t.units.leaders, t.deadline_text) for t in tasks] == [
        ("开放图书馆阅览室。", ["县文化馆"], ["夏俊贵"], "12月底前"), ("举办读书活动20场。", ["县图书馆"], ["夏俊贵"], "12月底前"),
        ("新建健身广场2个。", ["县体育局"], [], "")]
    assert "leader carried from the row above" in tasks[1].units.flags


def test_a_progress_table_one_cell_a_line_whose_rows_leave_out_a_text_cell():
    """The rows give no 年度目标 cell: the leader's name goes to the leader column (a name is no task's text), the
    units to theirs, the progress texts to the progress columns in order, not to the remark at the end."""
    tasks = _cell_table("序号 |", "主要任务 |", "年度目标 |", "分管 领导 |", "牵头 单位 |", "协同单位 |", "上月进展 |",
                        "本月进展 |", "说明 |", "7 |", "改造背街小巷20条。 |", "王某某 |", "城管局 |", "住建局、相关街道 |",
                        "已完成设计。 |", "已进场施工。 |", "||", "8 |", "新建公厕10座。 |", "王某某 |", "城管局 |",
                        "各街道 |", "已选址。 |", "已完成4座。 |", "资金到位较晚。 |")
    assert [(t.number, t.text, t.units.lead, t.units.participants, t.units.leaders) for t in tasks] == [
        (7, "改造背街小巷20条。", ["城管局"], ["住建局", "相关街道"], ["王某某"]),
        (8, "新建公厕10座。", ["城管局"], ["各街道"], ["王某某"])]


def test_an_assessment_table_one_cell_a_line_with_a_grouping_column_a_measure_and_a_scoring_column():
    """「考核项目」 before 「序号」: a grouping column whose cell (「农业发展」) is given once before row 1; 「单位」 beside
    「责任部门」 is the measure's unit (万亩), no unit column; a row whose 考核指标 is merged with the row above fills the
    columns nearest its units; an amount (「42」) is no row's number while row 3 follows; the last column (「评分部门」)
    holds the units that score the row, not more units of the 责任部门 before it."""
    tasks = _cell_table("考核项目", "序号", "考核指标", "考核内容", "单位", "年度目标", "责任部门", "评分部门", "农业发展",
                        "1", "确保粮食供给", "粮食播种面积", "万亩", "0.5", "县农业局", "县水利局", "市农业局",
                        "2", "粮食总产量", "万吨", "42", "县农业局", "市农业局",
                        "3", "建设美丽牧场", "0", "县畜牧局", "市农业局")
    assert [(t.number, t.text[:6], t.units.lead, t.units.participants) for t in tasks] == [
        (1, "粮食播种面积", ["县农业局"], ["县水利局"]), (2, "粮食总产量万", ["县农业局"], []),
        (3, "建设美丽牧场", ["县畜牧局"], [])]


def test_a_project_list_one_cell_a_line_each_cell_closed_by_a_pipe():
    """Each cell on a line of its own closed by 「|」; every cell there, in order: a place is no task's continuation,
    an amount (「800」) no row's number, a year alone the time; the project is the task, its content after it."""
    tasks = _cell_table("某县民生项目清单 |", "序号 |", "项目名称 |", "建设地点 |", "建设时间 |", "建设内容 |",
                        "投资金额 (万元) |", "责任单位 |",
                        "1 |", "城南公园建设项目 |", "城南街道 |", "2025 |", "建成步道3公里。 |", "800 |", "住建局 |",
                        "2 |", "乡村卫生室提升项目 |", "各镇 |", "2025 |", "改造卫生室10所。 |", "450 |", "卫健局 |")
    assert [(t.number, t.text, t.units.lead) for t in tasks] == [
        (1, "城南公园建设项目：建成步道3公里。", ["住建局"]),
        (2, "乡村卫生室提升项目：改造卫生室10所。", ["卫健局"])]


def test_a_one_cell_a_line_table_without_a_number_column_and_sub_goals_with_their_own_units():
    """No 序号 column: a row starts at its numbered task; 「——」 goals continue it; goals after the units, with units
    of their own, are tasks of the same number; a lead column's first cell leads, the next column's take part."""
    tasks = _cell_table("类别", "主要目标", "主要责任单位", "责任单位",
                        "1.老年人健康水平提高。", "——建立健康档案。", "市卫健委", "市民政局", "市医保",
                        "2.养老服务体系健全。", "——新增床位500张。", "市民政局", "市财政局",
                        "——培训护理员300人。", "市人社局", "市民政局")
    assert [(t.number, t.units.lead, t.units.participants) for t in tasks] == [
        (1, ["市卫健委"], ["市民政局", "市医保"]), (2, ["市民政局"], ["市财政局"]), (2, ["市人社局"], ["市民政局"])]
    assert "建立健康档案" in tasks[0].text and "培训护理员" in tasks[2].text


def test_a_one_cell_a_line_table_whose_cell_holds_several_numbered_tasks_then_one_unit_cell():
    """No number column: 「3.…」 and 「4.…」 with no cell of their own before 「5.…」 and its unit cell are paragraphs of
    one cell; the unit cell written after the last is all of theirs."""
    tasks = _cell_table("工作任务", "具体要求", "落实科室",
                        "1.公开年度预算。", "财务科",
                        "2.公开办事指南。", "3.公开收费标准。", "4.公开投诉渠道。", "办公室、审批科")
    assert [(t.number, t.units.lead, t.units.participants) for t in tasks] == [
        (1, ["财务科"], []), (2, ["办公室"], ["审批科"]), (3, ["办公室"], ["审批科"]), (4, ["办公室"], ["审批科"])]


def test_a_one_cell_a_line_table_whose_rows_carry_a_number_the_header_does_not_name():
    """No 序号 in the header, yet each row has its number on a line after its grouping cell (「类别」); a grouping cell
    merged over two rows is written once, before the first of them, and carried down to the second."""
    tasks = _cell_table("类别", "具体要求", "责任股室", "完成时限",
                        "档案管理", "1", "完成历年档案的数字化录入。", "综合股", "2025年6月底",
                        "2", "建立档案借阅登记制度。", "各股室", "长期坚持",
                        "安全生产", "3", "开展消防设施检查。", "后勤股", "每季度")
    assert [(t.number, t.part, t.text, t.units.lead, t.deadline_text) for t in tasks] == [
        (1, "档案管理", "完成历年档案的数字化录入。", ["综合股"], "2025年6月底"),
        (2, "档案管理", "建立档案借阅登记制度。", ["各股室"], "长期坚持"),
        (3, "安全生产", "开展消防设施检查。", ["后勤股"], "每季度")]


def test_a_pipe_table_row_whose_unit_cell_is_broken_over_two_lines_is_one_row():
    """Rows closed by 「|」; one row's 协助单位 cell holds two units on two lines, so the row runs onto the next line."""
    tasks = _cell_table("序号 | 工作内容 | 牵头单位 | 协助单位 | 完成期限 |",
                        "1 | 建成滨河公园一处。 | 市住建局 | 市水务局", "市林业局 | 2025年底前 |",
                        "2 | 改造背街小巷十条。 | 市城管局 市住建局 | 各街道 | 2025年6月底 |")
    assert [(t.number, t.text, t.units.lead, t.units.participants) for t in tasks] == [
        (1, "建成滨河公园一处。", ["市住建局"], ["市水务局", "市林业局"]),
        (2, "改造背街小巷十条。", ["市城管局", "市住建局"], ["各街道"])]


@pytest.mark.parametrize("name, unit", [("省人口计生", True), ("县住建", True), ("新闻出版", True), ("省财政给予", False)])
def test_a_body_named_without_its_suffix_is_a_unit(name, unit):
    assert looks_like_unit(name) is unit


def test_a_shared_body_completes_a_body_named_without_its_suffix():
    assert parse_units("住建、交通部门牵头").lead == ["住建部门", "交通部门"]


def test_a_body_after_a_name_with_a_bracket_inside_is_the_next_names_alone():
    """「各县(区)政府、市直园区管委会」: the first is a whole name (its bracket inside it), no bare place that shares the
    管委会 written after the second."""
    assert parse_units("市城管局,各县(区)政府、市直园区管委会").participants == ["各县(区)政府", "市直园区管委会"]


def test_a_comma_before_collectives_alone_parts_levels_not_leads():
    """「X、Y,各县(区)政府、…」: the city's bureaus, then after the comma the lower governments, every row the same: the
    comma parts the levels, and with no lead word the first listed leads (truth rule 5); with a bureau after the comma
    (「X、Y,Z」) the comma parts no leads either: the first listed leads."""
    units = parse_units("市城管局、市环保局,各县(区)政府、市直园区管委会")
    assert (units.lead, units.mode, units.participants) == (
        ["市城管局"], "first", ["市环保局", "各县(区)政府", "市直园区管委会"])
    units = parse_units("市城管局、市环保局,市财政局、各县(区)政府")
    assert (units.lead, units.mode, units.participants) == (["市城管局"], "first", ["市环保局", "市财政局", "各县(区)政府"])


@pytest.mark.parametrize("cell, phrase, date", [("全年", "全年", "2024-12-31"), ("9月投入使用", "9月", "2024-09-30"),
                                                ("6月底前开工", "6月底前", "2024-06-30"),
                                                ("长期", "长期", "2024-01-01"), ("长期以来", None, None),
                                                ("第一季度", "第一季度", "2024-03-31"), ("三季度", "三季度", "2024-09-30")])
def test_a_deadline_cell_is_read_by_what_it_opens_with(cell, phrase, date):
    from policykb.ingest.timing import find, find_cell
    read = [f for f in find_cell(cell, 2024) if f.date]
    assert [(f.phrase, f.date.isoformat()) for f in read] == ([(phrase, date)] if phrase else [])
    assert not [f for f in find("全年完成9月的任务", 2024) if f.phrase in ("全年", "9月")]  # not in running text
    assert not [f for f in find("长期以来", 2024) if f.date]
    assert not find("第一季度GDP增长", 2024)  # a quarter in running text is no deadline, unless it heads its work:
    assert [f.phrase for f in find("工作任务 第二季度(每项5分):完成可研评审", 2024)] == ["第二季度"]


@pytest.mark.parametrize("cell, date", [("2019 年底前", "2019-12-31"), ("2024 年 6 月底前", "2024-06-30"),
                                         ("2018—2019 年底前", "2019-12-31"), ("2018-2019年底前", "2019-12-31"),
                                         ("常态工作", "2024-01-01")])
def test_a_deadline_cell_spaced_off_a_span_of_years_or_standing_work(cell, date):
    """A page that spaces its numbers off (「2019 年底前」), years of a span with 年 written once (「2018—2019年底前」) and
    「常态工作」 (ongoing work) are read whole, as written."""
    from policykb.ingest.timing import find_cell
    assert [(f.phrase, f.date.isoformat()) for f in find_cell(cell, 2024) if f.date] == [(cell, date)]
    assert not find_cell("2019 年全市", 2024)  # a bare year, spaced or not, is no deadline


def test_a_table_copied_one_cell_a_line_between_pipe_lines_reads_every_row(tmp_path):
    """Cells one a line with a line of 「|」 between them: a long task cell and the unit cell after it are two cells,
    never one line wrapped; a time cell saying how long after an event (「文件出台后 3 个月完成」) is the row's time."""
    from policykb.ingest.readers import read
    from policykb.ingest.tabletasks import table_tasks
    from policykb.ingest.texttables import with_text_tables
    rows = [["序号", "工作任务", "负责部门", "时间进度"],
            ["1", "健全城市管理制度", "市城管局、市司法局", "省里文件出台后 3 个月完成"],
            ["2", "在商场和超市等场所、特别是大型商场,推广使用环保购物袋,限制使用塑料袋",
             "市商务局、市市场监管局,各县(区)政府、市直园区管委会", "常态工作"],
            ["3", "开展垃圾分类宣传", "市城管局", "2019 年底前"]]
    path = tmp_path / "s.txt"
    path.write_text("|\n" + "|\n|\n".join("\n|\n".join(row) for row in rows) + "\n|\n", encoding="utf-8")
    tasks = table_tasks(with_text_tables(read(path).blocks))
    assert [(t.number, t.text, t.units.lead, t.units.participants, t.deadline_text) for t in tasks] == [
        (1, "健全城市管理制度", ["市城管局"], ["市司法局"], "省里文件出台后 3 个月完成"),
        (2, "在商场和超市等场所、特别是大型商场,推广使用环保购物袋,限制使用塑料袋", ["市商务局"],
         ["市市场监管局", "各县(区)政府", "市直园区管委会"], "常态工作"),
        (3, "开展垃圾分类宣传", ["市城管局"], [], "2019 年底前")]


# --- prose: 由X…, a guiding clause, a closing time ---

def test_by_names_the_doer_before_a_manner_and_a_later_clause_names_the_guide():
    tasks = _tasks("五、整改措施", "(一)东河库区。由东河电站按照属地管理原则,建立长效机制,对漂浮物进行清理,东河镇人民政府加强督促指导。(长期)")
    assert len(tasks) == 1
    assert tasks[0].units.lead == ["东河电站"] and tasks[0].units.participants == ["东河镇人民政府"]
    # the item's own title (东河库区) stays its task's: it says where the work is
    assert tasks[0].text.startswith("东河库区。由东河电站按照属地管理原则") and tasks[0].deadline_text == "长期"


def test_a_manner_without_by_is_no_assignment():
    """「X按照…要求，加强…」 describes; only 由 names the doer before a manner."""
    assert subject_clauses("水务局河长办公室按照整治要求,加强清理指导和督查", numbered=True) == []


def test_a_subjects_standing_and_a_manner_may_stand_before_its_verb():
    """「X作为…部门，负责…」: the subject's standing between it and its verb; 「Y及时处置…」: a manner before the verb;
    each clause of a 「；」 list with its own subject is that subject's."""
    found = subject_clauses("县市场监管局作为食品安全牵头部门,负责餐饮单位的日常检查;县财政局保障检查经费;"
                            "各乡镇派出所及时处置群众举报的问题", numbered=True)
    assert [(clause[:8], units.lead) for clause, units in found] == [
        ("县市场监管局作为", ["县市场监管局"]), ("县财政局保障检查", ["县财政局"]), ("各乡镇派出所及时", ["各乡镇派出所"])]


# --- table headers in traditional script, two task columns, people padded with a space ---

def test_a_header_in_traditional_script_with_a_heading_and_a_content_column():
    from policykb.ingest.columns import column_role
    from policykb.ingest.tabletasks import table_tasks
    assert column_role("負責科室") == "responsible" and column_role("重點任務") == "task"
    rows = [("重點任務", "工作內容", "負責科室"), ("信息公開", "及時發佈預決算信息。", "綜合科")]
    tasks = table_tasks([Block(" | ".join(r), f"第{i}行", r, 1) for i, r in enumerate(rows, start=1)])
    assert [(t.text, t.units.lead, t.part) for t in tasks] == [("及時發佈預決算信息。", ["綜合科"], "信息公開")]


@pytest.mark.parametrize("cell, people", [("俞 悦", ["俞悦"]), ("陆 明俞 悦", ["陆明", "俞悦"]), ("张三、李四", ["张三", "李四"]),
                                          ("分管副县长", ["分管副县长"])])
def test_names_padded_with_a_space_are_one_person_each(cell, people):
    units = parse_units(f"责任领导：{cell}；牵头单位：县教育局")
    assert units.leaders == people and units.lead == ["县教育局"]


# --- a body shared by several places ---

@pytest.mark.parametrize("note, lead, others", [("由公安、交通部门负责", ["公安部门"], ["交通部门"]),
                                                ("县公安局、县交通局负责", ["县公安局"], ["县交通局"])])
def test_sectors_sharing_one_body_are_a_list_whose_first_leads(note, lead, others):
    """A bare 负责 over a list is no lead word (truth rule 5): the body written once is each sector's, the first leads."""
    units = parse_units(note)
    assert units.lead == lead and units.participants == others and units.mode == "first"


# --- the document's place, when only the running text gives it ---

def test_a_place_written_without_its_suffix_is_completed_from_the_text_and_its_names_are_reviewed(tmp_path):
    import datetime as dt
    from conftest import import_text
    _, [task], review = import_text(tmp_path, "关于稳定就业的实施细则\n为稳定就业,结合江城实际,制定本细则。\n一、政策\n"
                                    "1.落实《江城市就业促进计划》,发放补贴。(责任单位:市人社局、市财政局)\n",
                                    dt.date(2024, 1, 1))
    assert task["lead"] == ["江城市人社局"]
    line = next(x for x in review.splitlines() if x.startswith("[任务 1]"))
    assert "按正文推测的管辖" in line and float(line.split("置信度 ")[1][:4]) < 0.85


def test_a_table_restating_a_numbered_list_takes_the_lists_numbers():
    from policykb.ingest.candidates import _numbers_from_list
    from policykb.ingest.tabletasks import table_tasks
    blocks = [Block("1.做好政策解读。注重以图表形式进行解读。", "第1行"), Block("2.回应关切。及时主动回应社会热点问题。", "第2行"),
              Block("3.强化制度建设。建立政府信息公开制度。", "第3行")]
    rows = [("重点任务", "工作内容", "负责科室"), ("政策解读", "注重以图表形式进行解读。", "综合科"),
            ("制度建设", "建立政府信息公开制度。", "办公室")]
    tasks = table_tasks([Block(" | ".join(r), f"表1第{i}行", r, 1) for i, r in enumerate(rows, start=1)])
    _numbers_from_list(tasks, blocks + [Block(" | ".join(r), "", r, 1) for r in rows])
    assert [t.number for t in tasks] == [1, 3]


# --- deadline phrases and labels ---

@pytest.mark.parametrize("text, phrase, date", [
    ("于2024年12月31日前完成", "2024年12月31日前", "2024-12-31"), ("6月30日前报送", "6月30日前", "2024-06-30"),
    ("2024年第三季度完成", "2024年第三季度", "2024-09-30"), ("力争三季度末建成", "力争三季度末", "2024-09-30"),
    ("三年内全面完成", "三年内", "2026-12-31"),
    # 「三年行动」 names a campaign (as in the bundled policy's 3年行动): the list of its first year dates nothing to 2026
    ("制定全市安全生产专项整治三年行动工作任务清单,1月20日前完成", "1月20日前", "2024-01-20")])
def test_day_and_quarter_deadlines(text, phrase, date):
    from policykb.ingest.timing import find
    read = [(f.phrase, f.date.isoformat()) for f in find(text, 2024) if f.date]
    assert read == [(phrase, date)]


@pytest.mark.parametrize("note, time", [("责任单位：县财政局、县税务局；完成时限：2024年6月底前", "2024年6月底前"),
                                         ("牵头单位：市发改委，时间节点：2024年底", "2024年底")])
def test_a_time_labelled_inside_a_note_is_its_deadline_not_a_unit(note, time):
    units = parse_units(note)
    assert units.rest == time and not units.flags and units.lead in (["县财政局"], ["市发改委"])


# --- the document's date ---

def test_the_signature_date_wins_over_an_earlier_date_line():
    import datetime as dt
    from policykb.ingest.meta import read_meta
    blocks = [Block(t, f"第{i}行") for i, t in enumerate(
        ["关于印发重点工作分工方案的通知", "2023年1月5日", "各乡镇：", "现将方案印发给你们。", "某某县人民政府办公室", "2022年12月30日"],
        start=1)]
    meta = read_meta(blocks)
    assert meta.date == dt.date(2022, 12, 30) and meta.issuers == ["某某县人民政府办公室"]


# --- a role word in brackets after one name ---

@pytest.mark.parametrize("note, lead, participants, mode", [
    ("责任单位：市教育局（牵头）、市财政局、市人社局", ["市教育局"], ["市财政局", "市人社局"], "first"),
    ("市财政局、市教育局（牵头单位）、市人社局", ["市教育局"], ["市财政局", "市人社局"], "first"),
    ("市教育局（牵头）、市体育局（牵头）、市财政局", ["市教育局", "市体育局"], ["市财政局"], "joint"),
    ("市委宣传部（市文明办）、市财政局", ["市委宣传部（市文明办）"], ["市财政局"], "first"),  # a qualifier, no role
])
def test_a_role_word_in_brackets_marks_the_name_before_it(note, lead, participants, mode):
    units = parse_units(note)
    assert (units.lead, units.participants, units.mode, units.flags) == (lead, participants, mode, [])


def test_a_subject_after_a_sentences_lead_in_clause_is_read():
    found = subject_clauses("围绕年度目标的落实，市政府督查室要加大督查力度。根据工作需要，各乡镇负责组织本辖区排查。"
                            "为确保进度，要定期通报。", numbered=True)
    assert [u.lead for _, u in found] == [["市政府督查室"], ["各乡镇"]]
    assert found[0][0] == "围绕年度目标的落实，市政府督查室要加大督查力度"


def test_a_subject_whose_verb_follows_a_time_or_is_its_own_choice():
    found = subject_clauses("各区县政府、市级各部门每季度5日前要将工作进展报送市政府办公室。"
                            "市交通局、重点项目业主确定一名联络员。", numbered=True)
    assert [(u.lead, u.participants) for _, u in found] == [(["各区县政府", "市级各部门"], []), (["市交通局"], ["重点项目业主"])]
    assert subject_clauses("由街道城管队、环卫所等部门确定并告知责任人。", numbered=True) == []


def test_a_verb_word_opening_a_bodys_name_does_not_end_the_subject():
    found = subject_clauses("县委组织部要做好干部培训。各任务牵头单位要协调其他责任部门。县发改局组织开展评估。"
                            "区政府有关部门和单位要聚焦目标任务。", numbered=True)
    assert [u.lead for _, u in found] == [["县委组织部"], ["各任务牵头单位"], ["县发改局"], ["区政府有关部门和单位"]]


def test_a_body_set_up_under_anothers_guidance_is_the_subject_and_the_other_guides():
    found = subject_clauses("新区成立城市建设投资公司，在新区管委会的指导下，负责基础设施投资建设。", numbered=True)
    assert [(u.lead, u.participants) for _, u in found] == [(["城市建设投资公司"], ["新区管委会"])]


def test_by_right_after_a_quoted_topic_names_the_doer():
    found = subject_clauses("“林长制”由县林业局组织实施。县林长办负责日常考核。", numbered=True)
    assert [u.lead for _, u in found] == [["县林业局"], ["县林长办"]]
    found = subject_clauses("其他场所按照谁主管谁负责的原则由行业主管部门负责。", numbered=True)
    assert [u.lead for _, u in found] == [["行业主管部门"]]



def test_a_later_part_naming_a_doer_of_its_own_by_by_is_that_doers_task():
    """「由X负责A，由Y负责B」: two doers 由 names in one sentence, each its own part; 「…，具体B，由Y负责」: the part's
    topic, then its doer. A doer only helping (「由X牵头，由Y配合」) stays the first's partner."""
    found = subject_clauses("由县发改局负责项目立项审批，由县财政局负责资金拨付。", numbered=True)
    assert [u.lead for _, u in found] == [["县发改局"], ["县财政局"]]
    found = subject_clauses("按照属地原则，由县发改局负责项目立项审批，具体资金拨付，由县财政局负责审核。", numbered=True)
    assert [u.lead for _, u in found] == [["县发改局"], ["县财政局"]]
    [(_, units)] = subject_clauses("由县发改局牵头，由县财政局配合。", numbered=True)
    assert units.lead == ["县发改局"]


def test_by_after_a_future_or_after_the_time_it_is_done_at_names_the_doer():
    """「具体办法将由X另行通知」: 将 before 由, 另行 before the verb (no part of the name); 「工作结束后，应由X负责…」:
    the modal after the time. 「由所在单位提出，…确定」 is a procedure for changing members: no one's task."""
    found = subject_clauses("具体实施办法由县财政局另行制定。具体的审批程序将由县教育局另行通知。"
                            "工作任务结束后，应由牵头部门负责做好总结。", numbered=True)
    assert [u.lead for _, u in found] == [["县财政局"], ["县教育局"], ["牵头部门"]]
    assert subject_clauses("成员如有变动，由所在单位提出，联席会议确定。", numbered=True) == []


def test_a_sentence_opening_with_and_by_a_date_goes_on_with_the_last_subjects_work():
    """「各区结合实际，制定方案。并于7月25日前将名单报…」: no subject of its own, a deadline of its own: the last
    subject's next task."""
    found = subject_clauses("各区、开发区结合本区实际，制定实施方案，召开动员会。"
                            "并于7月25日前将工作方案报市领导小组办公室。", numbered=True)
    assert [u.lead for _, u in found] == [["各区、开发区"], ["各区、开发区"]]
    assert found[1][0].startswith("并于7月25日前")


def test_a_stages_months_are_the_deadline_of_each_duty_under_it_without_a_date_of_its_own():
    """「1、宣传发动阶段(7月-8月)」 over two duties: the first (no date of its own) is due by the stage's end too, not
    the last alone."""
    tasks = _tasks("四、实施步骤", "1、宣传发动阶段(7月-8月)",
                   "各区、开发区结合本区实际，制定实施方案，召开动员会。并于7月25日前将工作方案报市领导小组办公室。")
    assert [t.deadline_text for t in tasks] == ["7月-8月", "7月-8月"]

def test_a_collective_subject_in_a_bracket_numbered_item_is_assigned():
    tasks = _tasks("二、职责分工", "（一）组织协调。“林长制”由县林业局组织实施。县林长办负责日常考核。"
                   "各乡（镇）要建立相应的工作机制，负责本辖区的林长制工作。")
    assert [t.units.lead for t in tasks] == [["县林业局"], ["县林长办"], ["各乡（镇）"]]


def test_each_over_two_kinds_of_departments_is_one_collective():
    units = parse_units("各负有消防监管职责的部门和行业主管部门、县消防救援大队")
    assert (units.lead, units.participants) == (["各负有消防监管职责的部门和行业主管部门"], ["县消防救援大队"])


def test_bodies_of_a_kind_and_their_own_branches_are_one_collective():
    units = parse_units("有关主管部门及其下属单位、县档案馆")
    assert (units.lead, units.participants) == (["有关主管部门及其下属单位"], ["县档案馆"])
    found = subject_clauses("各行业部门及其派出机构要限期整改检查中发现的问题，并书面报告。", numbered=True)
    assert [u.lead for _, u in found] == [["各行业部门及其派出机构"]]


def test_a_groups_office_keeps_the_body_it_sits_in_as_a_second_name_stays():
    # truth rule 4 (tests/corpus/corpus.yaml): the host body in brackets is how the document names the holder
    units = parse_units("县安全生产委员会办公室（县应急局）、县发改局（县粮食局）")
    assert (units.lead, units.participants) == (["县安全生产委员会办公室（县应急局）"], ["县发改局（县粮食局）"])
    found = subject_clauses("区防汛抗旱指挥部办公室（区水务局）要加强调度，及时发布预警。")
    assert [u.lead for _, u in found] == [["区防汛抗旱指挥部办公室（区水务局）"]]


def test_a_pages_space_after_a_list_mark_parts_nothing_and_an_items_title_stays_with_its_task():
    units = parse_units("交通运输、 公安交警、 应急管理部门")
    assert units.lead + units.participants == ["交通运输部门", "公安交警部门", "应急管理部门"]
    tasks = _tasks("二、主要任务", "1. 督促落实企业主责。 交通运输、 公安交警、 应急管理部门要强化企业安全生产主体责任。")
    assert [(t.text[:8], t.units.lead + t.units.participants) for t in tasks] == [
        ("督促落实企业主责", ["交通运输部门", "公安交警部门", "应急管理部门"])]


def test_a_role_word_in_brackets_inside_a_name_is_part_of_it():
    assert parse_units("各责任(配合)单位、县财政局").lead == ["各责任(配合)单位"]
    assert parse_units("市教育局（牵头）、市财政局").lead == ["市教育局"]
    found = subject_clauses("各责任(配合)单位要加强协调，积极配合。", numbered=True)
    assert [u.lead for _, u in found] == [["各责任(配合)单位"]]


def test_collectives_run_together_are_two_each_doing_its_share():
    assert parse_units("各地各部门").lead + parse_units("各地各部门").participants == ["各地", "各部门"]
    assert parse_units("各级各类学校").lead == ["各级各类学校"]
    found = subject_clauses("经开区各级各部门要提高政治站位。县直各部门、各单位要按时报送。"
                            "各乡镇(街道)、区级有关部门和单位要高度重视。", anyone=True)
    assert [(u.lead, u.mode) for _, u in found] == [(["经开区各级", "各部门"], "separate"),
                                                   (["县直各部门"], "first"),  # departments and units: no level
                                                   (["各乡镇(街道)", "区级有关部门和单位"], "separate")]


def test_named_bodies_working_by_their_own_duties_are_led_by_the_first():
    """「X局、Y局、Z局按各自职责负责…」: no lead word (as 按职责分工负责, truth rule 5): the first listed leads, the others
    take part; 分别 still gives each its share, and collectives by their own duties each do theirs."""
    found = [subject_clauses(text, (), numbered=True)[0] for text in (
        "市规划局、市公路局、市公安局按各自职责负责广告设置场地的审核工作。",
        "市规划局、市公路局分别负责广告设置场地的审核工作。",
        "各有关部门、镇人民政府根据各自职责做好山洪灾害防御工作。")]
    assert [(u.lead, u.participants, u.mode) for _, u in found] == [
        (["市规划局"], ["市公路局", "市公安局"], "first"), (["市规划局", "市公路局"], [], "separate"),
        (["各有关部门", "镇人民政府"], [], "separate")]


def test_collectives_of_departments_and_units_alone_are_led_by_the_first():
    """「各级民政部门和相关单位要…」, 「各站所、科室要…」: collectives of bodies with no place or level among them and no
    lead word: the first listed leads, the others take part (truth rule 5); 「本部门(单位)」 or 分别 after them still
    gives each its own share, and a place's collective beside them (各乡镇) makes them levels and departments."""
    found = [subject_clauses(text, (), numbered=True)[0] for text in (
        "各级民政部门和相关单位要立即开放避险场所。", "各站所、科室要认真领会文件精神。",
        "各部门各单位要在季度末将本部门(单位)完成任务的进展情况报区督查组。", "各乡镇、各部门要按时报送。")]
    assert [(u.lead, u.participants, u.mode) for _, u in found] == [
        (["各级民政部门"], ["相关单位"], "first"), (["各站所"], ["科室"], "first"),
        (["各部门", "各单位"], [], "separate"), (["各乡镇", "各部门"], [], "separate")]


def test_a_note_holding_a_marked_name_is_a_note():
    tasks = _tasks("一、教育", "1.推进义务教育均衡发展。（市教育局（牵头）、市财政局）")
    assert [(t.text, t.units.lead, t.units.participants) for t in tasks] == [
        ("推进义务教育均衡发展。", ["市教育局"], ["市财政局"])]


def test_a_collective_of_streets_with_a_bracket_is_one_unit():
    units = parse_units("责任单位：区发改局、区财政局，各街道（镇）")
    assert units.participants == ["区财政局", "各街道（镇）"] and not units.flags


@pytest.mark.parametrize("header, roles", [
    (("序号", "重点任务", "年度目标", "牵头单位"), {0: "number", 1: "task", 3: "lead"}),  # a target beside the task: not it
    (("序号", "重点任务", "工作内容", "牵头单位"), {0: "number", 1: "task", 2: "detail", 3: "lead"}),
    (("序", "主要工作", "目标值", "推进举措", "责任单位"), {0: "number", 1: "task", 3: "detail", 4: "responsible"}),
    # two lead columns named otherwise: the later takes part; 「2024年目标进度」 is a 目标进度 (time) column
    (("序号", "工作任务", "第一责任单位", "主要责任单位", "2024年目标进度"),
     {0: "number", 1: "task", 2: "lead", 3: "participant", 4: "deadline"}),
    # a column of units with no role word, and beside it the units' duties under 职责分工 (elsewhere a division)
    (("序号", "涉及部门", "职责分工"), {0: "number", 1: "responsible", 2: "task"}),
    (("部门名称", "职责分工", "完成时限"), {0: "responsible", 1: "task", 2: "deadline"}),
])
def test_which_column_is_the_task(header, roles):
    from policykb.ingest.columns import header_columns
    assert header_columns(header) == roles


def test_a_time_line_after_an_items_unit_lines_is_its_deadline():
    tasks = _tasks("一、重点工作", "1.推进甲项改革。", "牵头单位：市发改委", "配合单位：市财政局", "完成时限：2024年底前",
                   "2.推进乙项改革。", "责任单位：市商务局", "时间节点：2024年6月")
    assert [(t.units.lead, t.units.participants, t.deadline_text) for t in tasks] == [
        (["市发改委"], ["市财政局"], "2024年底前"), (["市商务局"], [], "2024年6月")]


@pytest.mark.parametrize("own, numbers, notes", [
    ([1, 2, 3], [1, 2, 3], 0), ([1, 2, 2, 3], [1, 2, 4, 3], 1), ([3, 1], [1, 2], 0), ([1, None], [1, 2], 0),
    ([None, 7, 9], [10, 7, 9], 0),  # a task without a number takes the next free one; the others keep theirs
    ([3, 4, None, 4], [3, 4, 5, 6], 1)])  # two tasks under 4 with one unnumbered between them: never one number twice
def test_the_documents_own_numbers_survive_two_tasks_under_one_number(own, numbers, notes):
    from policykb.ingest.compose import _own_numbers
    review: list[str] = []
    assert _own_numbers(own, review) == numbers and len(review) == notes
    assert all(line.startswith("[编号]") for line in review)  # counted among the items to review


def test_one_qualifier_over_places_and_departments_names_two_collectives():
    """「有关地区和部门要…」 is 有关地区 and 有关部门, each its own share (as 各地区、各部门); 「有关部门和单位」 stays one."""
    (_, units), = subject_clauses("有关地区和部门要抓紧制定实施方案", numbered=True)
    assert (units.lead, units.mode) == (["有关地区", "有关部门"], "separate")
    assert parse_units("责任单位：区级有关部门和单位").lead == ["区级有关部门和单位"]
    # departments named first (「有关部门和地方要…」, 「各有关部门和地方要…」): the same two collectives
    (_, units), = subject_clauses("各有关部门和地方要增强全局观念", numbered=True)
    assert (units.lead, units.mode) == (["各有关部门", "各有关地方"], "separate")


def test_one_qualifier_over_bodies_named_by_their_roles_names_two_collectives():
    """「各区县政府、各牵头单位和责任单位要…」: 各 over both role-named bodies (各牵头单位, 各责任单位), each its own share;
    so before the post held in them (「…和责任单位主要负责同志」)."""
    (_, units), = subject_clauses("各区县政府、各牵头单位和责任单位要定期对工作任务落实情况进行自查", numbered=True)
    assert (units.lead, units.mode) == (["各区县政府", "各牵头单位", "各责任单位"], "separate")
    from policykb.ingest.unitnames import split_names
    assert split_names("各区县政府、各牵头单位和责任单位主要负责同志")[0][-1] == "各责任单位主要负责同志"


def test_a_body_gathering_reports_is_a_role_shared_under_one_qualifier():
    """「各牵头单位和汇总单位要…」: a 汇总单位 (the body gathering the others' reports) is named by its role as a 牵头单位 is,
    so the 各 is over both: two collectives, no bare 汇总单位 left as a name (who of the two leads is the mode's rule
    for bodies named by their kind, shares.py)."""
    (_, units), = subject_clauses("各牵头单位和汇总单位要及时向市政府报告重点工作完成情况", numbered=True)
    assert units.lead + units.participants == ["各牵头单位", "各汇总单位"]


def test_a_level_with_its_other_kind_in_brackets_is_a_subject_that_organises():
    """「镇（街道）负责组织所辖村开展…」: 镇（街道） is the bodies of that level (no 各 needed), and 负责组织 is a verb,
    not the end of a 组's name (「综合协调组负责…」 keeps its 组)."""
    (_, units), = subject_clauses("镇(街道)负责组织所辖村(社区)开展隐患自查，做好信息填报", numbered=False)
    assert units.lead == ["镇(街道)"]
    (_, units), = subject_clauses("县农业局负责组织各乡镇开展技术培训", numbered=False)
    assert units.as_written == "县农业局"
    assert parse_units("配合单位：县农业局、乡镇（街道）").participants == ["乡镇（街道）"]


def test_a_short_name_given_to_a_body_is_no_part_of_its_name():
    """「市防汛指挥部（以下简称市防指）指挥协调…」: the body is 市防汛指挥部 (truth rule 4: a definition in brackets)."""
    (_, units), = subject_clauses("市防汛指挥部（以下简称市防指）指挥协调全市防汛工作", numbered=False)
    assert units.lead == ["市防汛指挥部"]


def test_a_leaders_instruction_quoted_after_its_colon_gives_named_units_their_work():
    """「副市长某某批示：“市水利局认真抓紧整改，市督查室搞好配合。”」: the quoted words are the demand; 抓紧 is a doing
    verb and 搞好配合 makes 市督查室 take part."""
    (_, units), = subject_clauses("5月8日，副市长某某对全市河道整治工作作出批示：“市水利局认真抓紧整改，市督查室搞好配合。”")
    assert (units.lead, units.participants) == (["市水利局"], ["市督查室"])


def test_a_meeting_asks_a_body_to_work_together_with_sectors_named_short():
    """「会议要求住建部门联合消防、规划、执法等单位在全县范围内开展…」: the meeting asks (no comma after 要求), the body
    leads, the sectors it works with (消防, 规划, 执法: bodies named by their sector) take part, the list open (等)."""
    (_, units), = subject_clauses("会议要求住建部门联合消防、规划、执法等单位在全县范围内开展燃气隐患排查，提高防范能力",
                                  anyone=True)
    assert (units.lead, units.participants, units.open_ended) == (["住建部门"], ["消防", "规划", "执法"], True)


def test_units_that_only_guide_or_help_join_the_task_before_them():
    """「…由区领导及专家与群众交流，对群众的意见，由社区办负责牵头答复。区管委会负责指导协调，有关部门负责协助配合。」:
    the first 由 names no units (区领导及专家…), the second does; the sentence after gives the task a guide and helpers,
    no task of their own."""
    (_, units), = subject_clauses("会议由区领导及专家与群众面对面交流，对群众提出的意见，由社区办负责牵头答复和解决。"
                                  "区管委会负责指导协调，有关部门负责协助配合。")
    assert (units.lead, units.participants) == (["社区办"], ["区管委会", "有关部门"])


def test_a_request_names_the_units_after_please_whatever_its_verb():
    """「…提出要求：“…，请水利局按照整改要求，尽快销号。”」: 请 addresses 水利局 (its verb, 销号, is none the grammar
    lists); 「请各区县、各部门结合实际，认真贯彻执行」 is the closing formula, no request of work."""
    (_, units), = subject_clauses("副市长某某在报告的批示中提出要求：“12项任务已完成11项，请水利局按照整改要求，尽快销号")
    assert units.lead == ["水利局"]
    assert subject_clauses("请各区县、各部门结合实际，认真贯彻执行") == []


def test_grounds_before_the_verb_with_and_without_a_comma_after_what_an_opinion_pointed_out():
    """「…的意见指出，县应急局根据市里统一要求和相关程序，按照公开、择优原则，协调、监督X做好…」: after 指出 the
    subject; two clauses of grounds (the first with no comma before it) stand between it and its verb."""
    (_, units), = subject_clauses("会议原则同意县安委会提请的《关于购买服务项目的请示》意见指出，县应急局根据市里统一要求和"
                                  "相关程序，按照公开、择优原则，协调、监督服务公司做好协管员招聘工作")
    assert units.lead == ["县应急局"]


def test_collectives_a_comma_then_more_collectives_and_their_verb_are_one_subject():
    """「各乡镇人民政府、街道办事处，县政府有关部门和单位要…」: both lists are the subject, each its share; a comma after
    a named unit (「县财政局，县政府有关部门要…」) is no such list."""
    (_, units), = subject_clauses("各乡镇人民政府、街道办事处，县政府有关部门和单位要聚焦目标任务、协同作战", numbered=True)
    assert (units.lead, units.mode) == (["各乡镇人民政府、街道办事处", "县政府有关部门和单位"], "separate")
    (_, units), = subject_clauses("根据县财政局意见，县政府有关部门要抓紧清理", numbered=True)
    assert units.lead == ["县政府有关部门"]


def test_holders_named_as_alternatives_each_answer_for_what_they_hold():
    """「由所有权人、使用者或者管理者负责」: whichever holds the place answers for it: each its own share."""
    units = parse_units("由所有权人、使用者或者管理者负责")
    assert (units.lead, units.participants, units.mode) == (["所有权人", "使用者", "管理者"], [], "separate")


def test_two_topics_each_with_its_holder_make_one_task_of_separate_holders():
    """「（五）施工工地由施工企业负责，待建地块由土地使用权人负责；」 read in a numbered list and by the general reader:
    one task, each holder answering for its own topic, the sentence kept as written."""
    from policykb.ingest.generic import general_tasks
    from policykb.ingest.inlinenotes import topic_note
    units = topic_note("施工工地由施工企业负责，待建地块由土地使用权人负责；")
    assert (units.lead, units.mode) == (["施工企业", "土地使用权人"], "separate")
    tasks, _ = general_tasks([Block("一、责任区划分", "第1行"),
                              Block("（五）施工工地由施工企业负责，待建地块由土地使用权人负责；", "第2行")], (), set())
    assert [(t.text, t.units.lead, t.units.mode) for t in tasks] == [
        ("施工工地由施工企业负责，待建地块由土地使用权人负责。", ["施工企业", "土地使用权人"], "separate")]


def test_a_leader_label_on_a_run_on_page_keeps_only_the_names_before_the_next_item():
    """「责任人:市委办公室主要负责人,各区委主要负责人。1.深入学习…,坚决贯彻…」: the next item's sentence fragments are no
    one's names; a paragraph under a leader label is flagged, not kept as a name."""
    units = parse_units("责任人:市委办公室主要负责人,各区委主要负责人。1.深入学习贯彻重要讲话精神,坚决贯彻中央决策部署,"
                        "切实增强紧迫感")
    assert units.leaders == ["市委办公室主要负责人", "各区委主要负责人"]
    units = parse_units("责任领导:" + "深入学习贯彻重要讲话精神进一步深化对生态文明建设和环境保护重要性的认识")
    assert units.leaders == [] and units.flags[0].startswith("not a person")


def test_a_list_by_its_doer_sent_up_for_approval_by_procedure():
    """「领导小组成员名单由领导小组办公室按程序报组长批准后，以领导小组名义印发」: the list (a topic with no comma before
    由) is the office's to draw up and send for approval."""
    (_, units), = subject_clauses("领导小组成员名单由领导小组办公室按程序报组长批准后，以领导小组名义印发", numbered=True)
    assert units.lead == ["领导小组办公室"]


def test_a_demand_names_whoever_follows_its_asking_word_before_a_manner():
    """「要求各乡镇主要负责同志时刻掌握工作进展情况」: the bodies whose chiefs are asked, whatever the verb after 时刻."""
    (_, units), = subject_clauses("要求各乡镇主要负责同志时刻掌握工作进展情况，及时研究解决困难和问题", numbered=True)
    assert units.lead == ["各乡镇"]


def test_the_member_bodies_of_a_group_are_a_collective_each_doing_its_share():
    """「县防汛抗旱指挥部各成员单位、各乡镇要扛实责任」: the group's members, however long its name, are a collective:
    with 各乡镇 each does its own share."""
    (_, units), = subject_clauses("县防汛抗旱指挥部各成员单位、各乡镇要扛实责任", numbered=True)
    assert (units.lead, units.mode) == (["县防汛抗旱指挥部各成员单位", "各乡镇"], "separate")


def test_a_collective_of_places_keeps_its_closing_qualifier():
    """「各区（县）政府（管委会）」 is one collective, written with any brackets, never split into parts."""
    units = parse_units("责任单位:市应急局、市消防救援支队等,各区(县)政府(管委会)")
    assert units.lead == ["市应急局"] and units.participants == ["市消防救援支队", "各区(县)政府(管委会)"]
    assert not units.flags


def test_a_space_separated_row_without_a_number_opening_with_its_leader():
    """A spaced header with words not understood (工作要求, 进展); the row opens with a person, its unit cells hold
    units; a cell holding a space joins the text column it belongs to."""
    tasks = _cell_table("分管领导 工作任务 工作要求 牵头单位 配合单位 进展",
                        "李明 推进城区 绿化 年内新增绿地5公顷 区园林局、区住建局 区财政局、各街道 已完成三成")
    assert [(t.text, t.units.lead, t.units.participants, t.units.leaders) for t in tasks] == [
        ("推进城区绿化", ["区园林局", "区住建局"], ["区财政局", "各街道"], ["李明"])]


def test_a_spaced_duty_table_gives_each_department_the_duties_beside_it():
    """「序号 涉及部门 职责分工」 spaced on one line: the division column beside the units holds each unit's duties."""
    tasks = _cell_table("某市景区安全监管", "序号 涉及部门 职责分工",
                        "1 市文旅局 负责景区安全管理,指导景区落实主体责任。", "2 市应急局 负责综合协调;指导景区开展应急演练。")
    assert [(t.number, t.text, t.units.lead) for t in tasks] == [
        (1, "负责景区安全管理,指导景区落实主体责任。", ["市文旅局"]), (2, "负责综合协调;指导景区开展应急演练。", ["市应急局"])]


def test_a_one_cell_a_line_table_of_targets_under_zhibiao_renwu():
    """「指标任务」 heads the task column of a table of targets (not a column of indicator values)."""
    tasks = _cell_table("序号", "指标任务", "牵头单位", "责任人", "配合单位",
                        "1", "全县绿化覆盖率达到40%。", "县林业局", "李明", "各镇办",
                        "2", "城区人均公园绿地面积达到11平方米。", "县城管局", "王强", "各街道")
    assert [(t.text, t.units.lead, t.units.participants, t.units.leaders) for t in tasks] == [
        ("全县绿化覆盖率达到40%。", ["县林业局"], ["各镇办"], ["李明"]),
        ("城区人均公园绿地面积达到11平方米。", ["县城管局"], ["各街道"], ["王强"])]


def test_a_label_of_units_and_their_heads_reads_the_units():
    """「责任单位及责任人：X、Y、Z主要领导」: the units answer (the first listed leads), their heads' post closes the list."""
    units = parse_units("责任单位及责任人:甲县政府、市发改委、市财政局主要领导。")
    assert (units.lead, units.participants) == (["甲县政府"], ["市发改委", "市财政局"]) and units.leaders


def test_a_spaced_table_with_a_list_broken_after_its_comma_and_a_row_under_a_merged_number():
    """「科室A、 科室B」 in one cell (a space after its 「、」); a row without its number (merged with the row above)
    is a task of its own, and the rows after it are still read."""
    tasks = _cell_table("序号 工作任务 责任部门 配合单位",
                        "1 完善学校卫生制度,定期检查。 安全科 各区教育局、 局属各学校",
                        "完成上级下达的年度目标。 各科室",
                        "2 开展无烟校园创建。 体卫科 各区教育局、 局属各学校")
    assert [(t.text, t.units.lead, t.units.participants) for t in tasks] == [
        ("完善学校卫生制度,定期检查。", ["安全科"], ["各区教育局", "局属各学校"]),
        ("完成上级下达的年度目标。", ["各科室"], []),
        ("开展无烟校园创建。", ["体卫科"], ["各区教育局", "局属各学校"])]


def test_units_in_a_remark_column_take_part_and_the_reading_is_reviewed(tmp_path):
    import datetime as dt
    from policykb.ingest.compose import Registry, compose
    from policykb.ingest.confidence import CONFIDENT
    from policykb.ingest.source import Source
    from policykb.ingest.texttables import with_text_tables
    lines = ("序号 工作任务 责任部门 备注", "1 完善学校卫生制度。 安全科 各区教育局、局属各学校",
             "2 开展无烟校园创建。 体卫科 每季度检查一次")
    draft = compose(Source("x.txt", "txt", with_text_tables([Block(t, f"第{i}行") for i, t in enumerate(lines, 1)])),
                    Registry.load(tmp_path), dt.date(2024, 1, 1))
    assert [(t["lead"], t["participants"]) for t in draft.tasks.values()] == [
        (["安全科"], ["各区教育局", "局属各学校"]), (["体卫科"], [])]
    first = next(line for line in draft.review if line.startswith("[任务 1]"))
    assert "备注栏所列单位按配合单位读入" in first and float(first.split("置信度 ")[1][:4]) < CONFIDENT


def test_a_table_flattened_into_one_run_of_text():
    """Header words run together, rows opening with their numbers after the unit list before; a page mark 「2、」
    opening the next line is the page's; with no lead word the first listed leads, the comma parting no leads (truth
    rule 5); 各区（市）县政府（管委会） is one collective."""
    tasks = _cell_table("节水工作分工表序号工作内容目标任务责任单位备注1建设节水型机关。年底前全部建成。市水务局、市机关事务局,"
                        "市财政局、各区(市)县政府(管委会)2推广节水器具。年底前普及率达80%。市",
                        "2、发改委,市住建局、市市场监管局")
    assert [(t.number, t.text, t.units.lead, t.units.participants) for t in tasks] == [
        (1, "建设节水型机关。", ["市水务局"], ["市机关事务局", "市财政局", "各区(市)县政府(管委会)"]),
        (2, "推广节水器具。", ["市发改委"], ["市住建局", "市市场监管局"])]
    assert "备注→备注（只列单位时按配合单位读入）" in tasks[0].notes[0]


def test_a_run_together_row_whose_text_has_no_full_stop_closes_with_its_prefixed_units():
    """A row's text running into its units with no full stop (「…等先进技术市科技局市发改委、…」): the units are the
    run of names closing the row that opens with a level's prefix, the text before it the task."""
    tasks = _cell_table("重点任务分工表序号主要工作第一责任单位主要责任单位1建设节水型机关。市水务局市财政局、各区政府"
                        "2推进技术创新,推广应用新能源技术等先进技术市科技局市发改委、市经信委,各区政府")
    assert [(t.number, t.text, t.units.lead, t.units.participants) for t in tasks] == [
        (1, "建设节水型机关。", ["市水务局"], ["市财政局", "各区政府"]),
        (2, "推进技术创新,推广应用新能源技术等先进技术。", ["市科技局"], ["市发改委", "市经信委", "各区政府"])]


def test_a_run_together_table_with_a_leader_and_a_lead_and_partner_column():
    """Every cell run together, the unit cells too (「王建国交通局城投公司各街道」): the leader first, then the names
    cut where one ends; the first name leads, the rest take part. A site's chunk mark 「3、」 cutting a name inside its
    brackets is the page's; 「口袋公园4个」 is no row 4 (the row's cells would not read); a project holding two
    contents, each closed by its own leader and units, gives two tasks under its number."""
    tasks = _cell_table("某区2022年为民办实事项目责任分解表序号项目名称主要内容区政府分管领导牵头单位配合单位1改善出行条件新建公交"
                        "首末站两座,更新新能源公交车50辆。王建国交通局城投公司各街道2提升养老服务新建社区养老服务站6个。"
                        "李文民政局卫健局(医保",
                        "3、)各街道3守护绿水青山整治黑臭水体3条。王建国生态环境局水务公司河湖中心新建口袋公园4个。陈晓东"
                        "城管局住建局各街道")
    assert [(t.number, t.units.leaders, t.units.lead, t.units.participants) for t in tasks] == [
        (1, ["王建国"], ["交通局"], ["城投公司", "各街道"]), (2, ["李文"], ["民政局"], ["卫健局（医保）", "各街道"]),
        (3, ["王建国"], ["生态环境局"], ["水务公司", "河湖中心"]), (3, ["陈晓东"], ["城管局"], ["住建局", "各街道"])]
    assert tasks[0].text.startswith("改善出行条件新建公交首末站两座") and tasks[3].text.endswith("新建口袋公园4个")


def test_a_run_together_table_with_a_first_and_a_main_responsible_column():
    """第一责任单位 leads and 主要责任单位 takes part; where the cells use 、 inside them, a name run into the one
    before starts the next cell (「市财政局市税务局各区县政府」: 市财政局 | 市税务局 …), two run into each other
    before the last list lead together; part headings and page marks (—2—) between the rows are no row's."""
    tasks = _cell_table("—1—某市“十四五”规划主要目标任务分解表序号主要工作任务第一责任单位主要责任单位一、经济发展1地区生产总值年均"
                        "增长6%左右。市发展改革委各区县政府、市统计局2一般公共预算收入年均增长5%。市财政局市税务局各区县政府—2—"
                        "二、生态环境3单位生产总值能耗下降15%。市发展改革委市工信局市统计局、各区县政府")
    assert [(t.number, t.text, t.units.lead, t.units.participants) for t in tasks] == [
        (1, "地区生产总值年均增长6%左右。", ["市发展改革委"], ["各区县政府", "市统计局"]),
        (2, "一般公共预算收入年均增长5%。", ["市财政局"], ["市税务局", "各区县政府"]),
        (3, "单位生产总值能耗下降15%。", ["市发展改革委", "市工信局"], ["市统计局", "各区县政府"])]


def test_a_body_merged_into_another_is_written_in_brackets_before_the_suffix():
    """「市财政（地税）局」: a second body merged into the first, named in brackets before the shared suffix, is one
    unit (it was flagged as no unit and left out)."""
    units = parse_units("牵头单位：市发改委；配合单位：市财政（地税）局、市审计局")
    assert units.participants == ["市财政（地税）局", "市审计局"] and not units.flags


def test_the_governments_of_counties_special_districts_and_districts_are_one_collective():
    """「各县、特区、区人民政府」: 特区 is a level of local government like 县 and 区 (六枝特区), one collective."""
    units = parse_units("牵头单位：市人社局；责任单位：各县、特区、区人民政府，市财政局")
    assert units.participants == ["各县、特区、区人民政府", "市财政局"] and not units.flags


def test_a_kind_after_deng_describes_the_list_before_a_list_joined_by_he():
    """「X、Y等省有关部门和各市人民政府负责」: 等省有关部门 describes X and Y (no unit of its own), 和 opens the next list."""
    units = parse_units("省发展改革委、省交通运输厅、省水利厅等省有关部门和各市人民政府按职责分工负责")
    assert (units.lead, units.participants, units.open_ended) == (
        ["省发展改革委"], ["省交通运输厅", "省水利厅", "各市人民政府"], True)


def test_a_collective_closing_an_open_list_loses_its_deng():
    """「…，各经济开发区管委会等」: the list is open (等), and the collective is named without the 等."""
    units = parse_units("牵头单位：市人社局；责任单位：市财政局，各经济开发区管委会等")
    assert units.participants == ["市财政局", "各经济开发区管委会"] and units.open_ended


def test_names_run_together_are_cut_where_one_ends():
    from policykb.ingest.runtogether import run_together
    # a zone's short name (经开区, lexicon zone_ends) ends a name as a body's ending does
    assert run_together("教育局经开区高新园(邹区镇)各街道市国有公司") == ["教育局", "经开区", "高新园(邹区镇)", "各街道", "市国有公司"]
    assert run_together("财政局高新区科技园(东湖镇)各街道") == ["财政局", "高新区", "科技园(东湖镇)", "各街道"]
    assert run_together("市委组织部市文明办") == ["市委组织部", "市文明办"]  # not 市委组 | 织部市 | 文明办
    assert run_together("县发改局县财政局") == ["县发改局", "县财政局"]
    assert run_together("区政府办公室") == ["区政府办公室"] and run_together("市机关事务局") == ["市机关事务局"]
    assert run_together("市三产领导小组各成员单位") == ["市三产领导小组各成员单位"]
    assert run_together("轨道公司推进老街改造") is None


def test_a_time_opening_a_target_cell_is_the_deadline_when_no_column_gives_one():
    from policykb.ingest.tabletasks import table_tasks
    rows = [("序号", "工作内容", "目标任务", "责任单位"), ("1", "建设口袋公园。", "2025年6月底前,建成10个。", "区园林局"),
            ("2", "改造老旧管网。", "管网漏损率下降。", "区水务局")]
    tasks = table_tasks([Block(" | ".join(r), f"第{i}行", r, 1) for i, r in enumerate(rows, start=1)])
    assert [t.deadline_text for t in tasks] == ["2025年6月底前", ""]


def test_a_form_task_keeps_the_number_written_in_its_value():
    from policykb.ingest.tabletasks import form_tasks
    rows = [("重点工作:", "42.推进老旧小区加装电梯。"), ("牵头单位:", "区住建局")]
    tasks = form_tasks([Block(" | ".join(r), f"第{i}行", r, 1) for i, r in enumerate(rows, start=1)])
    assert [(t.number, t.text, t.units.lead) for t in tasks] == [(42, "推进老旧小区加装电梯。", ["区住建局"])]


def test_a_townships_level_on_a_lists_first_name_holds_for_its_bare_stations():
    units = parse_units("由镇农技站承办,镇财政所、文化站、派出所、县交通局配合")
    assert units.lead == ["镇农技站"] and units.participants == ["镇财政所", "镇文化站", "镇派出所", "县交通局"]
    units = parse_units("市发改委牵头,市财政局、合肥海关配合")
    assert units.participants == ["市财政局", "合肥海关"]  # higher levels: as written


def test_a_prose_note_may_open_after_a_colon():
    tasks = _tasks("一、职责", "园区的主要任务是统筹发展。具体分工:县商务局牵头,主要负责招商工作。县科技局负责企业认定工作。")
    assert [t.units.lead for t in tasks] == [["县商务局"], ["县科技局"]]
    assert "具体分工:县商务局牵头,主要负责招商工作" in tasks[0].text  # the note the subject of the duty: kept


# --- tables as pages flatten them ---

@pytest.mark.parametrize("cell, lead, participants", [("安监站 安监所", ["安监站"], ["安监所"]),
                                                      ("超限站 公路站 交警六中队", ["超限站"], ["公路站", "交警六中队"])])
def test_units_a_space_parts_are_each_a_unit(cell, lead, participants):
    units = parse_units(cell)
    assert (units.lead, units.participants, units.flags) == (lead, participants, [])


def test_a_name_with_a_space_inside_stays_one_piece():
    units = parse_units("市发展和 改革委员会")
    assert units.lead != ["市发展和"] and "改革委员会" not in units.participants


def test_a_header_naming_units_and_a_time_takes_its_one_unnamed_column_as_the_task():
    tasks = _cell_table("专项整治行业名称 | 时间安排 | 责任单位 |", "烟花爆竹 | 1月份 | 安监站 安监所 |",
                        "电力设施 | 3月份 | 电管所 |")
    assert [(t.text, t.units.lead, t.units.participants, t.deadline_text) for t in tasks] == [
        ("烟花爆竹", ["安监站"], ["安监所"], "1月份"), ("电力设施", ["电管所"], [], "3月份")]


def test_a_form_row_is_no_header_for_want_of_a_task_column():
    from policykb.ingest.columns import header_columns
    assert header_columns(("牵头单位", "县水利局", "配合单位", "县财政局")) is None


def test_rows_whose_number_and_unit_cells_were_merged_away_keep_the_units_above_and_are_flagged():
    tasks = _cell_table("序号 | 项目内容 | 进展情况 | 责任单位 |",
                        "1 | 新建幼儿园7所。 | 已建成5所。 | 区教育局 |",
                        "新增学位600个。 | 已新增400个。 | ||",
                        "2 | 改造老旧小区10个。 | 已完成6个。 | 区住建局 |")
    assert [(t.number, t.text, t.units.lead) for t in tasks] == [
        (1, "新建幼儿园7所。", ["区教育局"]), (1, "新增学位600个。", ["区教育局"]), (2, "改造老旧小区10个。", ["区住建局"])]
    assert "units carried from the row above" in tasks[1].units.flags and not tasks[0].units.flags


def test_part_headings_between_the_rows_of_a_table_copied_one_cell_a_line_are_its_sections():
    tasks = _cell_table("序号", "重点工作任务", "主要责任单位", "协同配合单位", "一、稳增长", "3", "固定资产投资增长7.5%左右。",
                        "区发改委", "区住建局、区交通局。", "二、扩投资", "三、惠民生", "68", "加快建设黎明小学扩建项目。", "区教育局",
                        "区财政局。")
    assert [(t.number, t.text, t.part, t.units.lead, t.units.participants) for t in tasks] == [
        (3, "固定资产投资增长7.5%左右。", "一、稳增长", ["区发改委"], ["区住建局", "区交通局"]),
        (68, "加快建设黎明小学扩建项目。", "三、惠民生", ["区教育局"], ["区财政局"])]


def test_a_salutation_a_title_and_a_date_around_a_table_are_not_tasks_left_unread(tmp_path):
    import datetime as dt
    from conftest import import_text
    _, _, review = import_text(tmp_path, "各行政村、各有关单位:\n经镇政府研究决定,现将《甲镇2017年度安全生产专项整治工作计划》"
                               "印发给你们,请遵照执行。\n二〇一七年二月二十四日\n甲镇2017年度安全生产专项整治工作计划\n"
                               "专项整治行业名称 | 时间安排 | 责任单位 |\n烟花爆竹 | 1月份 | 安监站 安监所 |\n电力设施 | 3月份 | 电管所 |\n",
                               dt.date(2017, 2, 24))
    assert "[未读取]" not in review and review.count("[任务 ") == 2


# --- 由X会同Y: the doer named outright ---

def test_by_after_the_topic_names_the_doer_and_with_names_a_long_open_list_of_partners():
    tasks = _tasks("一、工作分工",
                   "(一)关于“确保口粮绝对安全”的问题,由发展改革委会同中央农办、农业部、财政部、科技部、国土资源部、水利部、"
                   "商务部、统计局、粮食局等部门研究提出落实意见。",
                   "(二)关于“严守耕地保护红线”的问题,由国土资源部会同农业部等部门负责落实。")
    assert [(t.units.lead, t.units.participants, t.units.open_ended) for t in tasks] == [
        (["发展改革委"], ["中央农办", "农业部", "财政部", "科技部", "国土资源部", "水利部", "商务部", "统计局", "粮食局"], True),
        (["国土资源部"], ["农业部"], True)]


def test_a_short_item_assigning_in_prose_is_no_heading():
    from policykb.ingest.shapes import is_heading
    assert not is_heading(Block("(二)关于“严守耕地保护红线”的问题,由国土资源部会同农业部负责落实。", "第1行"))
    assert is_heading(Block("(二)强化组织领导,落实工作责任", "第1行"))


def test_a_role_word_closes_its_list_before_the_next_one_even_inside_a_label():
    units = parse_units("责任单位:经济投资局和航空口岸局分别牵头、区发改局")
    assert (units.lead, units.participants, units.mode) == (["经济投资局", "航空口岸局"], ["区发改局"], "separate")
    plain = parse_units("责任单位：县财政局、县税务局")
    assert (plain.lead, plain.participants, plain.how) == (["县财政局"], ["县税务局"], "label")


def test_a_common_word_before_a_government_is_no_place():
    from policykb.ingest.meta import read_meta
    meta = read_meta([Block("《2023年区政府工作报告重点任务分解》已经区政府研究同意,现印发给你们。", "第1行"),
                      Block("1.做好甲项工作。[责任单位:区招商服务中心]", "第2行")], None)
    assert meta.jurisdiction != "已经区"


def test_a_line_stopping_inside_a_title_goes_on_in_the_next(tmp_path):
    from policykb.ingest.readers import read
    path = tmp_path / "s.txt"
    path.write_text("(一)市食安办负责,市食安委有关委员单位配合,深入宣传贯彻《\n食品安全法》,制定宣传方案。\n"
                    "(二)一个《未闭合的书名号\n不续行。\n", encoding="utf-8")
    assert [b.text for b in read(path).blocks] == [
        "(一)市食安办负责,市食安委有关委员单位配合,深入宣传贯彻《食品安全法》,制定宣传方案。", "(二)一个《未闭合的书名号", "不续行。"]


def test_a_page_whose_line_breaks_became_spaces_is_cut_at_its_items_and_labels(tmp_path):
    from policykb.ingest.readers import read
    path = tmp_path / "s.txt"
    body = ("各镇人民政府,县政府各部门: 现将重点工作责任分解印发给你们,请认真贯彻执行。" * 8
            + " 一、王丹县长牵头重点工作 1.全县生产总值增长7.5%左右。 责任单位:县发改局(首位单位为牵头单位,下同)、县财政局"
            " 2.降低行政运行成本。 责任单位:县财政局")
    path.write_text(body + "\n", encoding="utf-8")
    texts = [b.text for b in read(path).blocks]
    assert texts[1:] == ["一、王丹县长牵头重点工作", "1.全县生产总值增长7.5%左右。", "责任单位:县发改局(首位单位为牵头单位,下同)、县财政局",
                         "2.降低行政运行成本。", "责任单位:县财政局"]
    units = parse_units(texts[3])
    assert (units.lead, units.participants, units.flags) == (["县发改局"], ["县财政局"], [])


def test_parks_are_units():
    units = parse_units("牵头单位:县政府园区发展服务中心;责任单位:新材料产业园、商贸物流园等")
    assert units.participants == ["新材料产业园", "商贸物流园"] and units.open_ended


def test_a_collective_with_what_it_includes_in_brackets_is_one_unit():
    units = parse_units("牵头单位:市政府办公室;责任单位:市级其他有关单位,各区县政府(含南太湖新区、长合区管委会)")
    assert units.participants == ["市级其他有关单位", "各区县政府(含南太湖新区、长合区管委会)"] and not units.flags


@pytest.mark.parametrize("name", ["同意撤销铜陵承接产业转移集中示范园区", "积极宣传推介园区"])
def test_a_duty_ending_like_a_zone_is_no_unit(name):
    assert not looks_like_unit(name)


@pytest.mark.parametrize("name, place, qualified", [("州行政审批服务局", "湘西自治州", "湘西自治州行政审批服务局"),
                                                    ("州委办公室", "楚雄州", "楚雄州委办公室"),
                                                    ("市行政审批局", "泰州", "泰州市行政审批局"),
                                                    # a collective opening with the level is the place's too
                                                    # (corpus truth rule 3: one district's 区直各部门 is not another's)
                                                    ("州直相关单位", "湘西自治州", "湘西自治州直相关单位")])
def test_a_prefectures_bodies_written_with_its_level_take_its_name(name, place, qualified):
    from policykb.ingest.placenames import qualified as _qualified
    assert _qualified(name, place, "市", "湖南省") == qualified


@pytest.mark.parametrize("name, qualified", [("区农业农村局", "立山区农业农村局"),
                                             ("区镇农村人居环境整治工作联席会议办公室", "区镇农村人居环境整治工作联席会议办公室")])
def test_two_levels_written_together_take_no_place(name, qualified):
    """「区镇…办公室」: a zone and its town, two levels together, not 区 standing for the place's name."""
    from policykb.ingest.placenames import qualified as _qualified
    assert _qualified(name, "立山区", "县", "湖南省") == qualified


def test_a_wrapped_items_last_line_carrying_its_note_is_read_with_it():
    tasks = _tasks("一、总体要求", "(一)坚持扩大就业发展战略。各级发展改革部门要会同有关部门,建立带动就业的",
                   "评价机制。(省发展改革委、省财政厅等负责,列第一位者为牵头单位,下同)")
    assert [(t.number, t.units.lead, t.units.participants) for t in tasks] == [(1, ["省发展改革委"], ["省财政厅"])]
    assert tasks[0].text.startswith("坚持扩大就业发展战略")


def test_the_reader_drops_lines_of_a_pipe_alone(tmp_path):
    from policykb.ingest.candidates import _recognised
    from policykb.ingest.readers import read
    path = tmp_path / "s.txt"
    path.write_text("\n|\n".join(["序号", "重点工作任务", "责任领导", "责任部门", "完成期限", "1", "推动跨区域通道互通。",
                                   "胡德才", "建设管理局、交管站", "持续推进"]) + "\n|\n", encoding="utf-8")
    tasks = _recognised(read(path), ())[0]
    assert [(t.text, t.units.lead, t.units.participants, t.units.leaders, t.deadline_text) for t in tasks] == [
        ("推动跨区域通道互通。", ["建设管理局"], ["交管站"], ["胡德才"], "持续推进")]


def test_units_that_join_in_take_part():
    units = parse_units("市发展改革委、市人力资源社会保障局牵头,市委组织部、市教育局、国家统计局济宁调查队参加")
    assert (units.lead, units.participants, units.mode, units.flags) == (
        ["市发展改革委", "市人力资源社会保障局"], ["市委组织部", "市教育局", "国家统计局济宁调查队"], "joint", [])


def test_a_run_of_text_is_cut_at_any_short_label_and_a_persons_label_keeps_the_person(tmp_path):
    from policykb.ingest.candidates import _recognised
    from policykb.ingest.readers import read
    path = tmp_path / "s.txt"
    path.write_text("现将实事项目1—6月份进展情况予以公示,接受社会监督。" * 10
                    + " 1.新增安装300套路口交通信息视频采集设备。 牵头领导:王仁洲 责任单位:市公安局 项目责任人:王伟标"
                      " 配合单位:市城管局、市财政局 实际完成情况:已完成年度目标任务的55%。"
                      " 2.新辟公交线路10条。 牵头领导:王仁洲 责任单位:市交通委 项目责任人:劳可军 配合单位:市公安局\n",
                    encoding="utf-8")
    tasks = _recognised(read(path), ())[0]
    assert [(t.units.lead, t.units.participants, t.units.leaders) for t in tasks] == [
        (["市公安局"], ["市城管局", "市财政局"], ["王仁洲", "王伟标"]), (["市交通委"], ["市公安局"], ["王仁洲", "劳可军"])]


def test_assisting_units_are_labelled_participants():
    units = parse_units("牵头单位:州人社局、各县市人民政府;协助单位:州财政局、发改委")
    assert (units.lead, units.participants, units.flags) == (["州人社局", "各县市人民政府"], ["州财政局", "发改委"], [])


def test_a_committee_after_the_last_zone_joined_by_he_is_that_zones_alone():
    """「水利、电力、开发区、高新园区和东区管委会」: sectors (电力 as 水利), zones, then 和 and the last zone's 管委会: the
    committee is the last one's, not each name's (电力管委会, 开发区管委会)."""
    units = parse_units("水利、电力、开发区、高新园区和东区管委会负责")
    assert (units.lead + units.participants, units.flags) == (["水利", "电力", "开发区", "高新园区", "东区管委会"], [])
    units = parse_units("公安、住房和城乡建设部门负责")
    assert units.lead + units.participants == ["公安部门", "住房和城乡建设部门"]  # 和 inside a name


def test_units_that_cooperate_take_part_as_under_the_label_xiezuo_danwei():
    """「X牵头，Y协作」: 协作 after units is the role its label 协作单位 names."""
    units = parse_units("县市场监管局牵头，县卫健委各有关成员单位协作")
    assert (units.lead, units.participants, units.flags) == (["县市场监管局"], ["县卫健委各有关成员单位"], [])


@pytest.mark.parametrize("name, unit", [("校园内部安全整治主要由教育局", False), ("湖南自由贸易试验区", True)])
def test_a_name_holding_by_is_a_sentence(name, unit):
    assert looks_like_unit(name) is unit


def test_a_kind_after_etc_inside_a_list_makes_it_open_and_names_nobody():
    """「X、Y等市级相关单位，Z」: the others are described, not named; Z after the comma is named."""
    from policykb.ingest.unitnotes import parse_units
    units = parse_units("责任单位：市市场监管局、市投资局等市级相关单位，各区县政府、西咸新区管委会")
    assert units.lead + units.participants == ["市市场监管局", "市投资局", "各区县政府", "西咸新区管委会"]
    assert units.open_ended


def test_a_one_cell_a_line_header_keeps_a_last_word_not_understood_when_area_headings_stand_before_the_rows():
    """「完成进展」 (no column word) closes the header; the first row comes only after an area heading and a sub-area
    heading spanning the table: the header is still read, each row's own units and time in their cells."""
    tasks = _cell_table("主要任务", "重点工作和要求", "责任单位", "完成时限", "完成进展",
                        "一、加强专项整治安排部署", "(一)制定工作任务清单。",
                        "1.制定全市工作任务清单,分解落实到县区、部门。", "市安委办", "1月20日前",
                        "2.制定行业领域工作任务清单,并报市安委办。", "市级各专委会办公室、市生态环境局", "2月10日前")
    assert [(t.units.lead, t.units.participants, t.deadline_text) for t in tasks] == [
        (["市安委办"], [], "1月20日前"), (["市级各专委会办公室"], ["市生态环境局"], "2月10日前")]


@pytest.mark.parametrize("cell, lead, participants", [
    ("市安委办 (工作专班办公室)", ["市安委办（工作专班办公室）"], []),  # a space before a bracket parts no names
    ("各县区(开发区) 安委会", ["各县区(开发区)安委会"], []),  # each place's body, after a line broken in a cell
    ("各县区 安委会", ["各县区安委会"], []),
    ("市发改委 市财政局", ["市发改委"], ["市财政局"]),  # names apart: each with its own place
    ("各区县 市财政局", ["各区县"], ["市财政局"]),
    ("各单位 财政局", ["各单位"], ["财政局"]),  # a collective of bodies, not of places, has no body to share
])
def test_a_space_inside_a_cell_parts_names_only_where_each_side_is_a_name(cell, lead, participants):
    units = parse_units(cell)
    assert (units.lead, units.participants) == (lead, participants)


def test_a_subject_then_a_later_by_clause_in_one_sentence_are_two_tasks():
    """「…，各单位要在2月29日前完成汇总，待…后，由市政府督查室统一组织上传。」: the units opening a comma part own the
    sentence up to the later 由, which names the doer of the rest (read before as the doer of the whole)."""
    tasks = _tasks("二、工作任务", "(一)抓好任务分解。在清单的基础上,对已明确的点位进行再梳理,各单位要在2月29日前完成点位数据汇总,"
                   "待系统权限开放后,由市政府督查室统一组织上传。")
    assert [(t.units.lead, t.text.split(",")[-1]) for t in tasks] == [
        (["各单位"], "待系统权限开放后。"), (["市政府督查室"], "由市政府督查室统一组织上传。")]


def test_a_body_named_answerable_is_its_sentences_subject_and_a_person_in_charge_is_no_verb():
    """「各县(市、区)政府是…的责任主体」 names a collective to answer for the work, as 由 does; 「成员为X科室负责人」 is a
    list of members: 负责人 is a person, not the verb 负责 (it gave the junk unit 「成员为市直各有关单位科室」)."""
    found = subject_clauses("各县(市、区)政府是防洪能力提升工程实施的责任主体,要根据年度计划分解任务。")
    assert [u.lead for _, u in found] == [["各县(市、区)政府"]]
    assert subject_clauses("成员为市直各有关单位科室负责人、各县(市、区)水务(水利)局主要负责人。") == []
    assert subject_clauses("各县(市、区)政府是本地区的门户。") == []  # 是 alone answers for nothing


@pytest.mark.parametrize("cell, lead, participants", [
    ("招商合作局(行政审批局、政务服务中心)", ["招商合作局(行政审批局、政务服务中心)"], []),  # a body and its plates
    ("市发改委、招商合作局(行政审批局、政务服务中心)", ["市发改委"], ["招商合作局(行政审批局、政务服务中心)"]),
    ("市教育局（牵头）、市财政局", ["市教育局"], ["市财政局"]),  # a role in brackets is no name
])
def test_a_bracket_of_names_after_a_body_is_part_of_its_name(cell, lead, participants):
    units = parse_units(cell)
    assert (units.lead, units.participants, units.flags) == (lead, participants, [])


def test_a_covering_notices_requests_and_requirements_after_a_lead_in_are_its_requirements():
    """「请各单位…」 asks the units it names, whatever its verb; a subject after a lead-in clause (a time, a condition,
    「通知指出」) is the requirement's; not the closing formula, nor a doer's partners after its clause."""
    from policykb.ingest.requirements import requirement_paragraphs
    lines = ["一、请各单位提高政治站位,细化工作举措。",
             "二、从2023年第一季度开始,各责任单位要在每季度最后一个月的30日前报送进展情况。",
             "三、对工作不力的,县纪委监委将严肃追责问责。",
             "四、请各区县、各部门结合实际,认真贯彻执行。",
             "五、治理畜牧业产品污染由乡三农服务中心承办,乡畜牧站、卫生院配合。",
             "六、执行中遇到的问题,请径向县发改局反映。"]
    found = requirement_paragraphs([Block(t, f"第{i}行") for i, t in enumerate(lines, start=1)], (), set())
    assert [r["text"][:6] for r in found] == ["请各单位提高", "从2023年", "对工作不力的"]


def test_a_bodys_person_named_by_post_makes_the_body_answer_and_the_person_lead_it():
    """「各市级水行政主管部门联络员每季度初15日前应向…报送」: the liaison officer is a person of the bureaus; the bureaus
    answer for the work and the officer is kept as its leader (a time may stand between subject and modal)."""
    found = subject_clauses("各市级水行政主管部门联络员每季度初15日前应向省领导小组办公室书面报送上一季度工作情况报告。",
                            numbered=True)  # item 三、 of its notice
    assert [(u.lead, u.leaders) for _, u in found] == [(["各市级水行政主管部门"], ["各市级水行政主管部门联络员"])]
    units = parse_units("市财政局、市水务局主要负责人")
    assert (units.lead, units.participants, units.leaders) == (["市财政局"], ["市水务局"], ["市水务局主要负责人"])
    assert parse_units("主要负责同志").leaders == ["主要负责同志"] and not parse_units("主要负责同志").lead
    assert parse_units("各部门“一把手”").leaders == []  # a quoted post after a list is no body's person


def test_a_later_comma_part_with_a_subject_and_modal_of_its_own_is_its_own_clause():
    """「请各单位将…报厅办公室，厅办公室将汇总上报省政府办公厅」: two subjects, two tasks; a lead-in before a subject
    (「围绕年度目标的落实，市政府督查室要…」) stays one clause."""
    found = subject_clauses("请各单位将落实情况于12月1日前报厅办公室，厅办公室将汇总上报省政府办公厅。",
                            numbered=True, anyone=True)  # as a notice's requests are read
    assert [(c, u.lead) for c, u in found] == [("请各单位将落实情况于12月1日前报厅办公室", ["各单位"]),
                                               ("厅办公室将汇总上报省政府办公厅", ["厅办公室"])]
    assert [u.lead for _, u in subject_clauses("围绕年度目标的落实，市政府督查室要加大督查力度。")] == [["市政府督查室"]]


def test_a_proposals_co_handling_units_take_part():
    """A CPPCC proposal's 主办 (host) and 会办 (co-handling) units: 「X主办，Y会办」, 「会办单位要…」 (a role holder)."""
    units = parse_units("省政协提案委主办，市文旅局会办")
    assert (units.lead, units.participants) == (["省政协提案委"], ["市文旅局"])
    from policykb.ingest.clauses import subject_clauses
    assert [u.lead for _, u in subject_clauses("会办单位要积极配合主办单位办理提案", numbered=True, anyone=True)] == [["会办单位"]]


@pytest.mark.parametrize("text, lead, participants", [
    ("要求县交通运输局配合各镇做好技术指导和工程验收工作", ["各镇"], ["县交通运输局"]),
    ("县水利局协助县农业农村局开展灌区普查", ["县农业农村局"], ["县水利局"]),
    ("县水利局配合做好灌区普查", ["县水利局"], []),  # no units helped: the subject does the work
])
def test_the_units_helped_lead_and_the_helper_takes_part(text, lead, participants):
    """「X配合Y做好…」: Y does the work, X helps; a speech's point opening with 要求 names its subject after it, and
    要求 is no part of any unit's name."""
    [(_, units)] = subject_clauses(text, numbered=True)
    assert (units.lead, units.participants) == (lead, participants)
    assert not looks_like_unit("要求县交通运输局")


@pytest.mark.parametrize("text, lead", [
    ("三区和市直各部门要突出工作重点", ["三区", "市直各部门"]),
    ("两县人民政府和县直各部门要加强协调", ["两县人民政府", "县直各部门"]),
])
def test_a_number_of_places_is_a_collective_doing_its_share(text, lead):
    """「三区和市直各部门」: the three districts and the city's departments, two collectives joined by 和, each its
    share; 「三区三州」 is no list of them."""
    [(_, units)] = subject_clauses(text, numbered=True)
    assert (units.lead, units.mode) == (lead, "separate")
    assert parse_units("三区三州").lead != ["三区", "三州"]


def test_a_lists_mark_inside_a_paragraph_opens_no_subject():
    """「…提出了三点要求：一、进一步高度重视；二、…；三、区安置办要进一步加强调度」: the third demand names its holder
    after its mark; the first two name none."""
    found = subject_clauses("同时对下阶段工作提出了三点要求:一、进一步高度重视,做到进度不变;二、进一步加大协调力度;"
                            "三、区安置办要进一步加强调度,做好指导、督查和信息通报工作。", numbered=True)
    assert [(c, u.lead) for c, u in found] == [("区安置办要进一步加强调度,做好指导、督查和信息通报工作", ["区安置办"])]


@pytest.mark.parametrize("text, lead", [
    ("会议原则同意县财政局拟草的《关于加快资金支出进度相关事项》,修改完善后,批复实施。", ["县财政局"]),
    ("会议同意县脱贫攻坚办对全县各乡镇考核评价后拟定的《考核结果》,报县委审定。", ["县脱贫攻坚办"]),
    ("在听取完县生态环境局工作汇报后,周建平要求:要抓住政策机遇,县住建局、县水务局要分工协作,全力做好项目包装。",
     ["县住建局"]),
])
def test_an_executive_meetings_decisions_and_its_chairs_demands_name_their_holders(text, lead):
    """A meeting approving a body's draft to be revised and sent on gives the drafter that work; a speaker's demand
    after a lead-in clause (「在听取…后，X要求：…」) is on the units it names."""
    [(_, units)] = subject_clauses(text, numbered=True)
    assert units.lead == lead


def test_a_meeting_approving_a_draft_with_nothing_left_to_do_assigns_nothing():
    assert subject_clauses("会议同意县财政局拟草的《关于加快资金支出进度相关事项》。", numbered=True) == []


def test_a_meeting_approving_a_draft_its_proposers_put_forward_gives_them_the_revision():
    """「会议同意X、Y、Z提出的《…》，作进一步修改完善后提请…审议」: the proposers revise and submit it (the subject left
    unsaid), the first listed leading (no lead word: truth rule 5)."""
    [(_, units)] = subject_clauses("会议同意区甲办、乙局、丙局提出的《促进产业发展的政策意见》,作进一步修改完善后提请区委常委会审议。",
                                   numbered=True)
    assert (units.lead, units.participants) == (["区甲办"], ["乙局", "丙局"])
    [(_, units)] = subject_clauses("会议同意区丁局提出的《年度指导计划》,作进一步修改完善后提请区委常委会审议。", numbered=True)
    assert units.lead == ["区丁局"]


def test_a_meetings_demands_stay_its_tasks_beside_the_drafts_it_approves():
    """Minutes whose items each ask 「会议要求，各级各部门要…」 and approve a body's draft (「会议同意X提出的《…》，修改
    完善后…」): the approval divides no work, so the meeting's demands are what it assigns, tasks beside the drafts."""
    from policykb.ingest.candidates import find_candidates
    from policykb.ingest.source import Block, Source
    lines = ["2017年2月8日上午,区长某某主持召开区政府常务会议,纪要如下:", "一、会议审议了《关于开展项目提升年活动的实施意见》。",
             "会议要求,各级各部门要围绕项目招引和推进目标任务,抓紧落实五个方面措施,确保重大项目建设有序推进。",
             "会议同意区甲局提出的《关于开展项目提升年活动的实施意见》,作进一步修改完善后提请区委常委会审议。",
             "二、会议审议了《年度指导计划》。",
             "会议强调,各级各部门要认真研究落实指导计划,采取切实有效措施,确保目标任务全面完成。",
             "会议同意区乙局提出的《年度指导计划》,作进一步修改完善后提请区委常委会审议。"]
    blocks = [Block(t, f"第{i}行") for i, t in enumerate(lines, 1)]
    found, _, _ = find_candidates(Source(path="minutes.txt", kind="txt", blocks=blocks), set(), ())
    assert [c.units.lead for c in found] == [["各级", "各部门"], ["区甲局"], ["各级", "各部门"], ["区乙局"]]


@pytest.mark.parametrize("text, names", [
    ("各企业及相关单位", ["各企业", "相关单位"]),
    ("各区和各部门", ["各区", "各部门"]),
    ("各村和社区", ["各村和社区"]),  # 社区 is no collective of its own: as written
])
def test_a_collective_joined_to_another_by_he_or_ji_is_two(text, names):
    units = parse_units(text)
    assert units.lead + units.participants == names


def test_the_sentences_after_a_subjects_sentence_that_name_nobody_stay_its_tasks_text():
    """「（一）县水利局要加强监管。要建立台账，按月报送。」: the second sentence is the bureau's work too, not lost."""
    tasks = _tasks("一、总体", "（一）县水利局要加强监管。要建立台账，按月报送。",
                   "（二）督促落实企业主责。县交通局要加强监管，县水利局要建立台账。")
    assert [(t.text, t.units.lead) for t in tasks] == [
        ("县水利局要加强监管。要建立台账，按月报送。", ["县水利局"]),
        ("督促落实企业主责。县交通局要加强监管。", ["县交通局"]), ("县水利局要建立台账。", ["县水利局"])]


def test_posts_filled_by_a_bodys_responsible_comrades_assign_nothing():
    """「副主任由国家卫生健康委主要负责同志、…负责同志担任」: who holds a post, not a role word (负责 of 负责同志)."""
    from policykb.ingest.generic import general_tasks
    tasks, _ = general_tasks([Block("推进委员会主任由国务院分管领导同志担任,副主任由国家卫生健康委主要负责同志、国务院分管"
                                    "副秘书长以及教育、体育等相关部门负责同志担任。", "第1行")], (), set())
    assert tasks == []


def test_a_body_set_up_with_its_members_then_its_duty_is_the_subject():
    """「推进委员会设立专家咨询委员会,由…专家组成,负责…」: the body set up does the work, its members between it and
    its verb; 「下设」 sets up a body too."""
    [(_, units)] = subject_clauses("推进委员会设立专家咨询委员会,由推进委员会聘请相关领域专家组成,负责提供技术支持。")
    assert units.lead == ["专家咨询委员会"]
    [(_, units)] = subject_clauses("推进委员会下设综合协调组,负责专项行动的具体实施和监测工作。")
    assert units.lead == ["综合协调组"]


def test_a_count_of_bodies_is_no_units_name():
    assert not looks_like_unit("市政府15个安全生产督查组") and looks_like_unit("四个乡镇")


@pytest.mark.parametrize("text, names", [
    ("县财政局与县审计局", ["县财政局", "县审计局"]),
    ("公交公司和教育部门", ["公交公司", "教育部门"]),
    ("县人力资源和社会保障局", ["县人力资源和社会保障局"]),  # 和 inside a name, after no unit's ending
])
def test_he_ji_yu_after_a_units_ending_join_two_units(text, names):
    units = parse_units(text)
    assert units.lead + units.participants == names


def test_the_grounds_after_a_units_name_are_no_part_of_it():
    """「县消防救援大队根据市消防安全委员会统一要求…」: 根据 (依据, 依照, 按照) opens what the unit acts on, never a name."""
    for word in ("根据", "依据", "依照", "按照"):
        assert not looks_like_unit(f"县消防救援大队{word}市消防安全委员会")
    assert looks_like_unit("革命根据地纪念馆")


def test_an_enumerator_opening_a_clause_is_no_part_of_its_subject():
    """「…；四是县政府督查室要加强督查」: 一是, 二是 … count the demands of a speech run into one paragraph."""
    clauses = subject_clauses("区长要求:一是力度要更大,加速整改;二是措施要更硬。三是指导要更细。区农业农村局全体班子成员要带领"
                              "股室驻村指导。四是区政府督查室要加强督查,及时形成专报。")
    assert [(u.lead, u.leaders) for _, u in clauses] == [(["区农业农村局"], ["区农业农村局全体班子成员"]),
                                                          (["区政府督查室"], [])]


@pytest.mark.parametrize("text, body", [("县自然资源局全体班子成员", "县自然资源局"), ("各乡镇领导班子", "各乡镇")])
def test_a_bodys_leading_group_is_its_people(text, body):
    units = parse_units(text)
    assert units.lead == [body] and units.leaders == [text]


def test_a_group_coordinating_is_a_subject_doing_and_a_coordinating_office_a_name():
    """「领导小组统筹协调…」: 统筹 before another verb is the group's doing; 统筹办 stays a body's name."""
    [(_, units)] = subject_clauses("市旅游产业发展领导小组统筹协调全市红色旅游发展工作中的重大问题。", numbered=True)
    assert units.lead == ["市旅游产业发展领导小组"]
    [(_, units)] = subject_clauses("市城乡统筹办负责统筹协调全市城乡一体化工作。", numbered=True)
    assert units.lead == ["市城乡统筹办"]


@pytest.mark.parametrize("text, names", [
    ("市、区人民政府", ["市人民政府", "区人民政府"]),  # levels alone, one government each
    ("县、乡政府", ["县政府", "乡政府"]),
    ("各县、市、区政府", ["各县、市、区政府"]),  # one collective, each of its members a level
    ("各县(市、区)人民政府", ["各县(市、区)人民政府"]),
    ("市和县人民政府", ["市人民政府", "县人民政府"]),  # two levels joined by 和
    ("县(区)和乡(镇)政府", ["县(区)政府", "乡(镇)政府"]),  # a level written with its alternatives in brackets
])
def test_levels_written_before_one_government_each_have_theirs(text, names):
    units = parse_units(text)
    assert units.lead + units.participants == names


def test_two_levels_governments_with_their_alternatives_each_do_their_share():
    """「县(区)和乡(镇)政府要…」: each level's government in its own area (none leads the other)."""
    [(_, units)] = subject_clauses("县(区)和乡(镇)政府要加强对农村集体资产的监督管理。", numbered=True)
    assert (units.lead, units.mode) == (["县(区)政府", "乡(镇)政府"], "separate")


def test_fenbie_before_you_gives_each_its_own_share_and_a_closing_topic_note_keeps_its_sentence():
    """「小水泥厂的关闭分别由市、区人民政府负责。」: each government its own share (分别); the note after its topic
    ends the sentence, so cut out it would leave 「小水泥厂的关闭。」: the sentence stays as written."""
    from policykb.ingest.generic import general_tasks
    tasks, _ = general_tasks([Block("第四条 关闭工作按照统一部署进行。其中采石场的关闭由所在区人民政府负责;"
                                    "小水泥厂的关闭按照权限分别由市、区人民政府负责。", "第1行")], (), set())
    assert [(t.text, t.units.lead, t.units.mode) for t in tasks][-1] == (
        "小水泥厂的关闭按照权限分别由市、区人民政府负责。", ["市人民政府", "区人民政府"], "separate")


def test_a_bodys_duties_announced_in_a_sentence_are_its_task():
    """「市红办的主要职责是：…；…」: the body named before 的职责 does what follows."""
    [(_, units)] = subject_clauses("办公室设在市文化局。市协调办的主要职责是:组织制订全市发展规划;协调推动项目建设。",
                                   numbered=True)
    assert units.lead == ["市协调办"]


def test_a_body_set_up_after_a_lead_in_is_the_subject():
    """「结合实际，成立X领导小组，负责…」: the group set up does the work, not 「成立X领导小组」."""
    [(_, units)] = subject_clauses("结合实际,成立某镇河道整治督查领导小组,负责组织推进整治工作。", anyone=True)
    assert units.lead == ["某镇河道整治督查领导小组"]


def test_a_short_name_stands_for_the_body_set_up_or_defined_not_the_sentence():
    """「在X下设Y办公室（以下简称Y办）」 and 「X是本意见的管理机构（以下简称Z）」: the short name is the body's."""
    from policykb.ingest.holders import short_names
    assert short_names(["在市旅游发展领导小组下设某市红色旅游工作协调办公室(以下简称市红办)。",
                        "1.机构:某开发区管委会是本意见的管理机构(以下简称管委会),维护开发区的安全。"]) == {
        "市红办": "某市红色旅游工作协调办公室", "管委会": "某开发区管委会"}


def test_people_then_what_they_are_to_do_are_no_persons_name():
    """「请全县广大干部群众坚决贯彻落实习近平总书记…」: the people end where their doing begins (总书记 is a post)."""
    from policykb.ingest.lexicon import is_person
    assert is_person("全县广大干部群众") and is_person("分管安全生产工作的副县长")
    assert not is_person("全县广大干部群众坚决贯彻落实习近平总书记")



def test_a_body_restructured_into_another_holds_the_duties_under_its_heading():
    """「将X指挥部调整为Y指挥部…」 then 「一、主要职责」 and its duties naming nobody: Y's duties, as a body set up."""
    from policykb.ingest.generic import general_tasks
    tasks, _ = general_tasks([Block(t, f"第{i}行") for i, t in enumerate((
        "省人民政府决定,将省病虫害防控指挥部调整为省病虫疫情防控指挥部,现就有关事项通知如下:", "一、主要职责",
        "集中统一指挥全省病虫疫情的防控和应急处置等工作;加强部门间协同配合。"), start=1)], (), set())
    assert [t.units.lead for t in tasks] == [["省病虫疫情防控指挥部"]]


def test_who_holds_a_bodys_head_post_leads_its_work_in_person():
    """「市协调办主任由市发展改革委主任担任，常务副主任由…」, 「X主任担任联席会议召集人」, 「指挥部总指挥由…省领导兼任」:
    the head post's holder (not a deputy's) is the leader of the body's tasks, the body named as written, by its short
    name or by its kind."""
    from policykb.ingest.holders import head_of, head_posts
    heads = head_posts(["市协调办主任由市发展改革委主任担任,常务副主任由市旅游局局长担任。",
                        "发展改革委主任担任联席会议召集人,各成员单位有关负责同志为联席会议成员。",
                        "指挥部总指挥由负责农业农村工作的省领导兼任,副总指挥由省政府副秘书长兼任。"])
    assert heads == {"市协调办": "市发展改革委主任", "联席会议": "发展改革委主任", "指挥部": "负责农业农村工作的省领导"}
    assert head_of(["某市红色旅游工作协调办公室"], heads, {"市协调办": "某市红色旅游工作协调办公室"}) == "市发展改革委主任"
    assert head_of(["省农作物病虫疫情防控指挥部"], heads, {}) == "负责农业农村工作的省领导"
    assert head_of(["省财政厅"], heads, {}) is None and head_of(["指挥部", "省财政厅"], heads, {}) is None


@pytest.mark.parametrize("note, names", [("由经营者负责", ["经营者"]), ("由土地使用权人负责", ["土地使用权人"]),
                                         ("由所有权人、使用者或者管理者负责", ["所有权人", "使用者", "管理者"])])
def test_parties_a_regulation_names_by_their_role_hold_the_work(note, names):
    """「临街商户门前由经营者负责」, 「其他场地由所有权人、使用者或者管理者负责」: parties named by their legal role are
    the holders (或者 between two of them names either); 负责人 stays a person."""
    units = parse_units(note)
    assert units.lead + units.participants == names
    assert parse_units("由负责人负责").lead == []


@pytest.mark.parametrize("text, lead", [("各牵头单位的具体推进实施方案务于2月3日前报送各位分管市领导。", ["各牵头单位"]),
                                        ("市财政局的预算方案须于6月底前报市政府。", ["市财政局"])])
def test_a_bodys_paper_due_by_a_day_is_that_bodys_to_send(text, lead):
    """「X的实施方案务于…前报送」: the body whose plan (report, list …) is due sends it; 务于 is a modal like 务必."""
    [(_, units)] = subject_clauses(text, numbered=True)
    assert units.lead == lead
    assert subject_clauses("全市的工作方案要于3月底前完成。", numbered=True) == []  # 全市 is no body


def test_the_provinces_of_a_national_text_with_their_bracket_are_one_collective():
    """「各省（区、市）可参照…」, 「各省(自治区、直辖市)、新疆生产建设兵团」: the provinces and their kin in a bracket are
    one collective (as 各县（市、区） is), never 各省（区 and 市."""
    units = parse_units("各省(自治区、直辖市)、新疆生产建设兵团")
    assert (units.lead, units.participants, units.doubts) == (["各省(自治区、直辖市)"], ["新疆生产建设兵团"], [])
    assert [(units.lead, clause[:8]) for clause, units in subject_clauses(
        "各省（区、市）可参照本方案的分工，结合本地实际制定实施细则", numbered=True)] == [
        (["各省（区、市）"], "各省（区、市）可")]


def test_an_open_list_of_named_subjects_with_a_modal_is_led_by_its_first():
    """「县交通局、县财政局、县水利局等部门要分工协作…」: an open list (等部门) of named bodies asked to do the work has no
    lead word, so its first listed leads and the others take part (corpus rule 5); so does a closed list
    (「县交通局、县财政局要…」): the audit of the older parts' truths relabelled them so."""
    read = lambda text: [(u.lead, u.participants, u.mode) for _, u in subject_clauses(text, numbered=True)]  # noqa: E731
    assert read("县交通局、县财政局、县水利局等部门要分工协作，做好农村公路资金争取工作") == [
        (["县交通局"], ["县财政局", "县水利局"], "first")]
    assert read("县交通局、县财政局要分工协作，做好农村公路资金争取工作") == [(["县交通局"], ["县财政局"], "first")]


def test_a_bare_kind_of_section_after_a_collective_is_led_by_the_collective_listed_first():
    """「各中心、处室要…」: a collective and a kind of section written bare are departments and units only, not levels
    and departments: a list with no lead word, its first leads and the other takes part (truth rule 5), as with a
    named body after it."""
    read = lambda text: [(u.lead, u.participants, u.mode) for _, u in subject_clauses(text, numbered=True)]  # noqa: E731
    assert read("各中心、处室要认真学习会议精神，抓好贯彻落实") == [(["各中心"], ["处室"], "first")]
    assert read("各中心、办公室要认真学习会议精神，抓好贯彻落实") == [(["各中心"], ["办公室"], "first")]


def test_by_names_its_doer_before_a_verb_of_carrying_out():
    """「对进度滞后的乡镇，由县督查室进行通报」: 由 names the doer outright, 进行 (carry out) is its verb like 实施."""
    assert [(clause[:4], u.lead) for clause, u in subject_clauses("对进度滞后的乡镇和部门，由县督查室进行通报批评")] == [
        ("对进度滞", ["县督查室"])]


def test_the_posts_of_collectives_after_de_answer_for_the_work_named_by_jiushi():
    """「各社区、各站所的行政一把手就是本单位防汛工作的第一责任人」: the bodies before 的 answer for the work, each its
    share, their 行政一把手 the leader; 就 (that very one) stands between the subject and 是 as 均 and 都 do."""
    (_, units), = subject_clauses("各社区、各站所的行政一把手就是本单位防汛工作的第一责任人，要亲自部署", numbered=True)
    assert (units.lead, units.mode) == (["各社区", "各站所"], "separate")
    from policykb.ingest.posts import post_of
    assert post_of("各站所的行政一把手", ["各社区", "各站所"]) == "行政一把手"


def test_a_head_posts_comrade_is_kept_with_a_post_and_dropped_after_a_name():
    """「委员会主任由省政府分管领导同志担任」: 同志 is part of the post the leader is named by; 「办公室主任由周文同志兼任」:
    after a person's name it is a courtesy, and the name alone is kept."""
    from policykb.ingest.holders import head_posts
    assert head_posts(["专项委员会主任由省政府分管领导同志担任,副主任由省卫生厅负责同志担任。",
                       "专项委员会办公室主任由周文同志兼任。"]) == {
        "专项委员会": "省政府分管领导同志", "专项委员会办公室": "周文"}


def test_a_head_post_held_by_a_post_and_a_name_is_the_persons():
    """「办公室主任由统计局副局长徐一帆兼任」: the post before the name says who the person is; the person leads (a
    post alone, 「由市旅游局局长担任」, stays the leader)."""
    from policykb.ingest.holders import head_posts
    assert head_posts(["领导小组办公室主任由统计局副局长徐一帆兼任。", "协调办主任由市旅游局局长担任。",
                       "指挥部办公室主任由市应急局局长王平兼任。"]) == {
        "领导小组办公室": "徐一帆", "协调办": "市旅游局局长", "指挥部办公室": "王平"}


def test_a_subject_that_focuses_its_work_does_it():
    """「县农业农村局聚焦重点村组，加强…」: 聚焦 (focus on) is a verb of doing after the subject, like 开展 and 加强."""
    assert [(clause[:6], u.lead) for clause, u in subject_clauses(
        "县农业农村局聚焦重点村组和产业项目，加强技术指导服务", numbered=True)] == [("县农业农村局", ["县农业农村局"])]


def test_by_names_its_doer_before_it_gathers_and_reports():
    """「由镇综治办汇总后报县综治委」, 「…，由区督导组综合后向区委汇报」: 由 names the doer of the gathering and the report, not
    the body reported to."""
    read = lambda text: [u.lead for _, u in subject_clauses(text)]  # noqa: E731
    assert read("各村自查情况，由镇综治办汇总后报县综治委") == [["镇综治办"]]
    assert read("各单位整改情况，由区督导组综合后向区委汇报") == [["区督导组"]]


@pytest.mark.parametrize("note, names", [
    ("牵头单位：各县人民政府，甲州、乙山经济技术开发区管委会", ["各县人民政府", "甲州、乙山经济技术开发区管委会"]),
    ("丙城、丁河高新区管委会负责", ["丙城、丁河高新区管委会"]),
    ("戊示范区、己区党工委和管委会负责", ["戊示范区党工委和管委会", "己区党工委和管委会"]),  # a zone of its own first
])
def test_places_before_one_kind_of_zone_and_its_committee_name_one_unit(note, names):
    units = parse_units(note)
    assert units.lead + units.participants == names


@pytest.mark.parametrize("note, names", [
    ("责任单位：综合办、统战委农业农村局、卫健局", ["综合办", "统战委", "农业农村局", "卫健局"]),
    ("责任单位：文旅体育局港航物流局、财政局", ["文旅体育局", "港航物流局", "财政局"]),
    ("责任单位：园区党工委组织部、财政局", ["园区党工委组织部", "财政局"]),  # a party committee's department
    ("责任单位：县自然资源局东城分局、财政局", ["县自然资源局东城分局", "财政局"]),  # a bureau's branch
    ("责任单位：甲部、乙丙委丁戊保障部己局", ["甲部", "乙丙委丁戊保障部己局"]),  # a department's bureau under the commission
])
def test_two_peer_bodies_run_together_in_a_list_are_two_names(note, names):
    units = parse_units(note)
    assert units.lead + units.participants == names


@pytest.mark.parametrize("note, lead", [
    ("县（市、区）水利局", ["县（市、区）水利局"]), ("各市(州)财政局、省教育厅", ["各市(州)财政局"]),
    ("縣(市、區)水利局", ["縣(市、區)水利局"]),
])
def test_a_body_of_each_place_of_a_level_written_with_its_kin_in_brackets_is_one_collective(note, lead):
    units = parse_units(note)
    assert units.lead == lead and not units.flags


def test_a_plant_is_a_body_and_its_staff_are_people_of_it():
    assert looks_like_unit("各水厂") and looks_like_unit("某县自来水厂")
    units = parse_units("某县自来水厂工作人员")
    assert units.lead == ["某县自来水厂"] and units.leaders == ["某县自来水厂工作人员"]  # the plant answers for its staff


def test_a_townships_cadres_stationed_in_villages_are_people_of_the_townships():
    """「各镇驻村干部、农技站、畜牧站工作人员要…」: the cadres the townships station in villages are the townships' people,
    so the townships answer for the work (listed first, they lead) and the stations' staff bring their stations in."""
    units = parse_units("各镇驻村干部、农技站、畜牧站工作人员")
    assert (units.lead, units.participants) == (["各镇"], ["农技站", "畜牧站"])
    assert units.leaders == ["各镇驻村干部", "畜牧站工作人员"]


def test_areas_each_closed_by_its_own_bare_by_note_are_each_holders_share():
    """「A，由X负责；B，按照…由Y负责」: each area's clause closed by a bare 「由…负责」, the first right after its area (no
    topic inside its clause): each holder answers for its own area (separate), the item's text kept whole."""
    tasks = _tasks("二、职责分工", "(二)各村、居民住宅区、街巷,由属地管理村负责;实行专业物业管理的居民住宅区,"
                   "按照物业服务合同由物业服务企业负责;")
    assert [(t.units.lead, t.units.mode) for t in tasks] == [(["属地管理村", "物业服务企业"], "separate")]
    assert tasks[0].text.startswith("各村、居民住宅区、街巷,由属地管理村负责;")


def test_a_points_count_before_its_subject_is_no_part_of_the_name():
    found = subject_clauses("会议强调，一是各级政府要加快资金下拨，确保直达基层。", (), numbered=True, anyone=True)
    assert [u.lead for _, u in found] == [["各级政府"]]


@pytest.mark.parametrize("note, names", [
    ("甲县、某新区和市防指有关成员单位（详见任务分工）", ["甲县", "某新区", "市防指有关成员单位"]),
    ("县区及各相关部门", ["县区", "各相关部门"]),
    ("市人力资源和社会保障局", ["市人力资源和社会保障局"]),  # 和 inside a name stays
])
def test_a_place_joined_to_a_unit_opening_with_its_level_or_as_a_collective_is_two_names(note, names):
    units = parse_units(note)
    assert units.lead + units.participants == names


def test_levels_together_take_no_place():
    from policykb.ingest.placenames import qualified as _qualified
    assert _qualified("县区", "某某县", "县", None) == "县区" and _qualified("区财政局", "某某区", "县", None) == "某某区财政局"


def test_a_body_of_each_province_with_its_kin_in_a_bracket_is_one_collective():
    """「各省（自治区、直辖市）林业主管部门每季度将…」: the provinces and their kin in a bracket, then one body of each, are
    one collective (as 「各省、自治区、直辖市水利厅」 is), the subject of the sentence its time stands after."""
    units = parse_units("各省(自治区、直辖市)林业主管部门、国家林草局")
    assert (units.lead, units.participants, units.doubts) == (["各省(自治区、直辖市)林业主管部门"], ["国家林草局"], [])
    assert [units.lead for _, units in subject_clauses(
        "各县（市、区）农业农村局每季度将工作进展报送省农业农村厅。", numbered=True)] == [["各县（市、区）农业农村局"]]


def test_a_demand_with_its_circumstance_between_subject_and_modal():
    """「各乡镇在制定本级方案时，要参照…」: the circumstance stands between the subject and its modal."""
    found = subject_clauses("一是完善工作方案。各乡镇在制定本级方案时，要参照县级方案要求。", (), numbered=True)
    assert [u.lead for _, u in found] == [["各乡镇"]]


def test_a_demand_in_the_course_of_its_work_names_its_subject_before_the_circumstance():
    """「甲园区在招商工作中，应严格按准入标准执行」: 在…工作中 is the circumstance, as 在…时 is."""
    found = subject_clauses("甲园区在招商工作中，应严格按准入标准执行，杜绝高耗能项目进入。", (), numbered=True)
    assert [u.lead for _, u in found] == [["甲园区"]]


def test_a_duty_opening_with_guide_is_no_units_name():
    assert not looks_like_unit("指导各村") and looks_like_unit("各村")


def test_each_of_a_kind_with_its_one_character_kin_in_brackets_is_one_collective():
    """「各校(园)要…」: 各 over schools and kindergartens, one collective; 「各街办(新区)」 keeps its qualifier as before."""
    found = subject_clauses("一、加强宣传。各校(园)要以开学第一课为契机，开展法治教育。", (), numbered=True)
    assert [u.lead for _, u in found] == [["各校(园)"]]
    assert parse_units("各街办(新区)").lead == ["各街办（新区）"]


def test_a_subject_doing_its_work_by_its_duties_is_assigned():
    """「（一）县市场监管局按职责分工做好平台企业监管工作。」: 按职责分工 is the manner of the work, as 切实 is."""
    found = subject_clauses("县市场监管局按职责分工做好平台企业有关监管工作。", (), numbered=True)
    assert [u.lead for _, u in found] == [["县市场监管局"]]


@pytest.mark.parametrize("text, lead, leaders", [
    ("县河湖办主任会议原则上每半年召开一次,通报各河段治理进展。", ["县河湖办"], ["县河湖办主任"]),
    ("社区服务中心全体会议每月至少召开1次,由中心各科室负责人参加。", ["社区服务中心"], []),
])
def test_a_bodys_standing_meeting_held_at_set_times_is_that_bodys_work(text, lead, leaders):
    """「X主任会议原则上每季度召开一次」: the body holds its meeting, the head it is named after chairs it."""
    [(_, units)] = subject_clauses(text, numbered=True)
    assert (units.lead, units.leaders) == (lead, leaders)


@pytest.mark.parametrize("text", ["全体会议每季度召开一次。", "工作例会每月召开一次。", "例会原则上每月召开一次。"])
def test_a_meeting_of_no_body_is_no_task(text):
    """A meeting named by its kind alone names no body holding it: no task (a joint meeting is itself a body and
    holds its own: 「联席会议每季度召开一次」, as 「联席会议原则上每半年召开一次全体会议」)."""
    assert subject_clauses(text, numbered=True) == []
    assert [u.lead for _, u in subject_clauses("联席会议每季度召开一次。", numbered=True)] == [["联席会议"]]


def test_what_a_demand_is_about_may_stand_before_a_comma_and_its_modal():
    """「X对其下属单位负责人的考核，应…」: what the demand is about, then a comma, then the subject's modal."""
    found = subject_clauses("市教育局对其直属学校校长的年度考核,应主动听取家长委员会的意见。")
    assert [u.lead for _, u in found] == [["市教育局"]]


def test_levels_written_once_before_their_cadres_are_one_group_of_people():
    """「乡、村干部」: the cadres of both levels, one group (not a bare 乡 and 村干部)."""
    units = parse_units("乡、村干部")
    assert (units.lead, units.leaders, units.flags) == ([], ["乡、村干部"], [])


def test_an_articles_number_glued_to_a_defined_body_is_no_part_of_its_name():
    """「第三条县防汛指挥部（以下简称县防指）…」: a copy that lost the space after the article's number."""
    from policykb.ingest.holders import short_names
    assert short_names(["第三条县防汛指挥部(以下简称县防指)统一指挥全县防汛工作。"]) == {"县防指": "县防汛指挥部"}


def test_grounds_the_subject_combines_its_work_with_stand_before_the_verb():
    """「X结合汛前检查，组织…」: as 根据, a clause the subject works by, then its verb."""
    [(_, units)] = subject_clauses("县应急局结合汛前检查,组织有关单位开展隐患排查。", numbered=True)
    assert units.lead == ["县应急局"]


def test_a_list_of_places_only_or_of_bodies_of_one_kind_with_no_lead_word_is_led_by_its_first():
    """「各乡(镇)政府、街道办事处、某某管委会要…」, 「各站所、科室要…」: places only, or sections only, are no levels and
    departments; with no lead word (and no 分别, 各自) the first listed leads, the others take part (truth rule 5 as the
    2026-12-06 audit reads it). Levels and departments (「各乡镇、各部门要…」, places with a collective of units) still
    each do their share, and so do places given 本辖区."""
    found = [subject_clauses(t, numbered=True)[0][1] for t in (
        "各乡(镇)政府、街道办事处、滨江管委会要进一步明确消防工作责任。", "各站所、科室要认真领会文件精神。",
        "南庄镇、各街道办事处要做好组织发动工作。", "各乡镇、各部门要明确职责。",
        "各县(区)、某某经济技术开发区和市安委会有关成员单位要于3月15日前制定方案。",
        "各乡镇、县经开区负责组织本辖区安全检查。")]
    assert [(u.lead, u.participants, u.mode) for u in found] == [
        (["各乡(镇)政府、街道办事处"], ["滨江管委会"], "first"), (["各站所"], ["科室"], "first"),
        (["南庄镇"], ["各街道办事处"], "first"), (["各乡镇", "各部门"], [], "separate"),
        (["各县(区)", "某某经济技术开发区", "市安委会有关成员单位"], [], "separate"),  # places and units: levels and departments
        (["各乡镇", "县经开区"], [], "separate")]  # 本辖区: each its own area


def test_units_that_each_take_their_own_share_by_a_principle_are_separate():
    # (the level before the list is every sector's: corpus rule 5, settled 2026-12-08)
    found = subject_clauses("市交通、水利部门按属地原则分别负责辖区内桥梁的安全巡查。", numbered=True)
    assert [(u.lead, u.mode) for _, u in found] == [(["市交通部门", "市水利部门"], "separate")]


def test_two_levels_each_with_their_kin_then_party_and_government_are_one_collective_that_strictly_carries_out():
    found = subject_clauses("县（市、区）、乡镇（街道）党委、政府严格落实属地责任，牵头负责本地农家乐的消防安全。", numbered=True)
    assert [u.lead for _, u in found] == [["县（市、区）、乡镇（街道）党委、政府"]]
    # 严格 is a manner only before a duty it carries out: 「…场所，严格做好…」 names no subject
    assert subject_clauses("尽量不去人员密集场所严格做好个人防护。", numbered=True) == []


def test_a_responsibility_system_set_out_then_a_bodys_responsible_person_doing_the_work():
    found = subject_clauses("各街道明确网格责任制,各社区责任人负责每日巡查、上报辖区积水点情况。", numbered=True)
    assert [(u.lead, u.leaders) for _, u in found] == [(["各社区"], ["各社区责任人"])]


def test_a_subject_that_directs_then_units_that_lead_after_a_pause_mark():
    found = subject_clauses("市森林防火指挥部统筹协调、林业局负责牵头森林火灾预防工作,各镇做好巡山护林。", numbered=True)
    assert [(u.lead, u.participants) for _, u in found][:1] == [(["林业局"], ["市森林防火指挥部"])]


def test_a_liaison_system_set_up_then_one_person_of_each_member_body_as_liaison():
    found = subject_clauses("领导小组建立联络员制度,各成员单位相关业务科室一名负责同志作为联络员,联系和协调日常工作。",
                            numbered=True)
    assert [u.lead for _, u in found] == [["各成员单位"]]


def test_a_bodys_person_in_charge_of_a_field_and_the_people_after_them_serve_that_body():
    found = subject_clauses("各社区防汛负责人、网格员、全体协管员要提高警惕,加强巡查。", numbered=True)
    assert [(u.lead, u.leaders) for _, u in found] == [(["各社区"], ["各社区防汛负责人", "网格员", "全体协管员"])]


def test_a_bodys_cadres_sent_to_the_villages_make_the_body_answer_before_the_units_after_them():
    """「各乡驻村干部、林业站、水利站工作人员要…」: the townships' cadres in the villages are their people; the townships,
    named first, lead, the stations take part."""
    found = subject_clauses("各乡驻村干部、林业站、水利站工作人员要加强巡查,发现火情及时报告。", numbered=True)
    assert [(u.lead, u.participants) for _, u in found] == [(["各乡"], ["林业站", "水利站"])]
    assert "各乡驻村干部" in found[0][1].leaders


def test_units_each_with_their_own_named_person_are_led_by_the_first_and_so_are_people_of_a_post_of_several():
    """A person for each unit (「具体责任人:钱二平,各乡镇镇长,…」) is no lead word: the first listed unit leads, the others
    take part beside the 配合单位 (truth rule 5, as the 2026-12-06 audit relabelled such a list)."""
    units = parse_units("分管领导:赵一明；责任单位:县水利局,各乡镇政府,有关园区管委会；"
                        "具体责任人:钱二平,各乡镇镇长,有关园区管委会主任；配合单位:县财政局")
    assert (units.lead, units.mode) == (["县水利局"], "first")
    assert units.participants == ["各乡镇政府", "有关园区管委会", "县财政局"]
    # the people's list split into bodies' names (「X、Y主要负责人」): no one person per unit, the first listed leads
    units = parse_units("责任单位:县委办公室、县政府办公室,各乡镇党委和政府责任人:县委办公室、县政府办公室主要负责人,"
                        "各乡镇党委和政府主要负责人")
    assert units.lead == ["县委办公室"]


def test_two_kinds_of_departments_joined_by_he_each_carry_out_their_duty_by_their_own_functions():
    clauses = subject_clauses("各乡镇要加强日常巡查;各园区主管部门和行业主管部门依据自身职能履行消防管理职责,确保园区安全。",
                              numbered=True)
    assert [(u.lead, u.mode) for _, u in clauses][-1] == (["各园区主管部门", "行业主管部门"], "separate")
    # 各 over departments described by what they bear (…的部门) and a second kind stays one collective
    assert parse_units("各负有消防监管职责的部门和行业主管部门").lead == ["各负有消防监管职责的部门和行业主管部门"]


def test_a_bare_fuze_after_a_topic_of_those_so_stays_in_the_task_text():
    from policykb.ingest.inlinenotes import prose_note
    text, units, _ = prose_note("其余12座水库未设管护单位的,由所在乡人民政府负责,明确专人开展日常巡查。")
    assert units.lead == ["所在乡人民政府"]
    assert "由所在乡人民政府负责" in text
    # a note with its own work after the verb is cut out of the text as before
    text, units, _ = prose_note("水库巡查,由县水利局牵头,开展日常巡查。")
    assert (units.lead, text) == (["县水利局"], "水库巡查,开展日常巡查。")


@pytest.mark.parametrize("issuer, lead, participants", [
    ("", "乡农技站", ["乡林业站", "卫生院", "派出所"]),
    ("长沙县白沙乡人民政府关于印发", "白沙乡农技站", ["白沙乡林业站", "白沙乡卫生院", "白沙乡派出所"])])
def test_a_townships_level_is_shared_along_a_list_only_where_the_document_names_its_place(tmp_path, issuer, lead,
                                                                                           participants):
    """「由乡农技站承办，乡林业站、卫生院、派出所配合」: in a document naming no place its units stay as written (corpus
    truth rule 3); a named township's list shares its 乡 with the bare bodies after it, each the township's own."""
    import datetime as dt
    from conftest import import_text
    _, tasks, _ = import_text(tmp_path, issuer + "2015年食品安全工作方案\n一、治理农产品污染\n"
                              "由乡农技站承办，乡林业站、卫生院、派出所配合。\n2015年3月2日\n", dt.date(2015, 3, 2))
    assert [(t["lead"], t["participants"]) for t in tasks] == [([lead], participants)]


def test_collectives_working_closely_with_the_task_before_them_in_the_sentence_take_part():
    """「要求林业站做好苗木供应,各部门密切配合,…」: a manner (密切, 紧密) before the verb of taking part."""
    clauses = subject_clauses("会后,要求林业站做好苗木供应,各部门密切配合,确保按期栽植。", numbered=True)
    assert [(u.lead, u.participants) for _, u in clauses] == [(["林业站"], ["各部门"])]
    clauses = subject_clauses("要求林业站做好苗木供应,各乡镇紧密配合,确保按期栽植。", numbered=True)
    assert [(u.lead, u.participants) for _, u in clauses] == [(["林业站"], ["各乡镇"])]


def test_units_doing_their_share_by_their_own_duties_later_in_the_sentence_take_part():
    """「X负责牵头…，各有关部门、各乡镇人民政府根据各自职责做好…」: they take part in the work X leads."""
    clauses = subject_clauses("县水利局负责牵头防汛工作,各有关部门、各乡镇人民政府根据各自职责做好防汛工作。", numbered=True)
    assert [(u.lead, u.participants) for _, u in clauses] == [(["县水利局"], ["各有关部门", "各乡镇人民政府"])]


def test_the_units_a_duty_organises_to_do_its_work_take_part_the_people_among_them_do_not():
    """「由X组织居民代表、物业服务企业等进行评议」: the bodies organised take part; 居民代表 are people, left out."""
    clauses = subject_clauses("由社区服务中心组织居民代表、物业服务企业等进行评议,并通报评议结果。", numbered=True)
    assert [(u.lead, u.participants) for _, u in clauses] == [(["社区服务中心"], ["物业服务企业"])]
    clauses = subject_clauses("县应急局负责组织县消防救援大队开展演练。", numbered=True)
    assert [(u.lead, u.participants) for _, u in clauses] == [(["县应急局"], ["县消防救援大队"])]
    # 「组织实施」: no units organised, none taking part
    clauses = subject_clauses("县应急局负责组织实施演练方案。", numbered=True)
    assert [(u.lead, u.participants) for _, u in clauses] == [(["县应急局"], [])]


def test_one_qualifier_over_two_kinds_of_body_written_with_a_dun_comma_is_two_collectives():
    """「相关部门、单位」: 相关部门 and 相关单位."""
    units = parse_units("相关部门、单位")
    assert (units.lead + units.participants, units.doubts) == (["相关部门", "相关单位"], [])
    units = parse_units("有关单位、部门")
    assert (units.lead + units.participants, units.doubts) == (["有关单位", "有关部门"], [])


def test_villages_with_their_communities_in_brackets_alone_are_the_bodies_of_that_level():
    """「村（社区）」 alone, as 「镇（街道）」: the villages and communities, one collective."""
    units = parse_units("村（社区）")
    assert (units.lead, units.doubts) == (["村（社区）"], [])
    clauses = subject_clauses("镇（街道）负责组织所辖村（社区）开展隐患自查。", numbered=True)
    assert [(u.lead, u.participants) for _, u in clauses] == [(["镇（街道）"], ["村（社区）"])]


def test_the_units_a_later_part_of_the_sentence_organises_take_part():
    """「X要加强统筹，组织有关股室细化工作方案」: organised after the subject's first work, they take part."""
    clauses = subject_clauses("县教育局要加强统筹,组织有关股室细化工作方案。", numbered=True)
    assert [(u.lead, u.participants) for _, u in clauses] == [(["县教育局"], ["有关股室"])]


def test_the_units_a_duty_organises_and_guides_to_help_take_part():
    """「组织指导X配合做好…」: 指导 beside 组织, the units organised to help the work take part in it."""
    clauses = subject_clauses("市应急局负责全市应急演练的组织实施，组织指导市消防救援支队配合做好灭火救援工作。", numbered=True)
    assert [(u.lead, u.participants) for _, u in clauses] == [(["市应急局"], ["市消防救援支队"])]
    # 「组织协调」 still gathers nobody (the truth reads 协调 both ways)
    from policykb.ingest.partners import partners_with
    assert partners_with("组织协调各部门开展自查", ()) is None


def test_the_bodies_whose_people_attend_a_convened_meeting_take_part():
    """「由X主任负责召集，Y的分管领导和Z主要负责人参加」, 「由X负责召集Y主要负责人、Z的分管领导」: the people a meeting brings
    together hold posts of bodies; the bodies take part, the posts no part of their names."""
    clauses = subject_clauses("由区商务局局长负责召集，各镇分管领导和区财政局主要负责人参加，每月召开一次。", numbered=True)
    assert [(u.lead, u.participants) for _, u in clauses] == [(["区商务局"], ["各镇", "区财政局"])]
    clauses = subject_clauses("由区商务局负责召集各镇主要负责人、区财政局的分管领导，每季度召开一次调度会。", numbered=True)
    assert [(u.lead, u.participants) for _, u in clauses] == [(["区商务局"], ["各镇", "区财政局"])]
    # people of no body (「各项目投资商」) bring none
    clauses = subject_clauses("由区商务局负责召集各项目投资商，每季度召开一次调度会。", numbered=True)
    assert [(u.lead, u.participants) for _, u in clauses] == [(["区商务局"], [])]


def test_collectives_and_companies_as_one_subject():
    """「各级各部门和X企业要…」: no lead word, the collectives listed first lead (each its share), the companies take part;
    「省X集团和相关投资开发企业要…」: a group (集团, a body's end) and, after 和, a collective: the group leads; 「各相关县区和
    部门单位要…」: places and departments under one qualifier, two collectives."""
    [(_, units)] = subject_clauses("各级各部门和景区投资开发企业要进一步加强景区管理。", (), numbered=True)
    assert (units.lead, units.participants, units.mode) == (["各级", "各部门"], ["景区投资开发企业"], "separate")
    [(_, units)] = subject_clauses("省旅游投资集团和相关投资开发企业要加大投资力度。", (), numbered=True)
    assert (units.lead, units.participants, units.mode) == (["省旅游投资集团"], ["相关投资开发企业"], "first")
    [(_, units)] = subject_clauses("各相关县区和部门单位要认真履行统筹协调职能。", (), numbered=True)
    assert (units.lead, units.mode) == (["各相关县区", "各相关部门单位"], "separate")


def test_a_bodys_standing_may_say_who_holds_its_posts_before_its_duty():
    """「领导小组办公室设在市教育局，办公室主任由某某同志兼任，副主任由某某同志兼任，主要负责…」: the office's seat and the
    holders of its posts stand between it and its duty; the office is the subject."""
    [(_, units)] = subject_clauses("领导小组办公室设在市教育局，办公室主任由彭某同志兼任，副主任由柳某同志兼任，"
                                   "主要负责全市日常管理、协调工作。", numbered=True)
    assert units.lead == ["领导小组办公室"]


def test_a_groups_office_set_up_with_its_duty_in_one_sentence_does_it():
    """「领导小组下设办公室，办公室设在市教育局，…，主要负责…」 in any paragraph: the office is set up and given its work in
    one sentence, as 「成立X，负责…」 is."""
    from policykb.ingest.clauses import founded_with_duty
    [(text, units)] = founded_with_duty("领导小组下设办公室，办公室设在市教育局，办公室主任由彭某同志兼任，"
                                        "主要负责全市日常管理、协调工作。")
    assert units.lead == ["领导小组办公室"] and text.startswith("领导小组下设办公室")


def test_a_body_set_up_with_its_roster_before_its_duty_does_it_its_heads_leading():
    """「成立X领导小组，由局长任组长，分管领导为副组长，…负责人为成员，负责…」: the group's roster (its posts given to
    people) stands between the group and its work; the group does the work, the people heading it lead."""
    from policykb.ingest.clauses import founded_with_duty
    [(text, units)] = founded_with_duty("一是健全机构。成立系统安全生产工作领导小组，由局长任组长，分管领导为副组长，"
                                        "局办公室、执法科，市监察大队等单位负责人为成员，负责全系统安全生产的部署和督查。")
    assert (units.lead, units.leaders) == (["系统安全生产工作领导小组"], ["局长", "分管领导"])
    assert text.startswith("成立系统安全生产工作领导小组")


def test_a_word_saying_which_one_of_a_kind_is_no_part_of_the_units_name():
    """「若…岗位空缺的，巡护工作由对应的乡镇林业站具体负责」: 对应的 (lexicon.yaml name_determiners) says which station
    answers, it is not in the station's name."""
    from policykb.ingest.clauses import subject_clauses
    [(_, units)] = subject_clauses("若护林员岗位空缺的，巡护工作由对应的乡镇林业站具体负责。", numbered=True)
    assert units.lead == ["乡镇林业站"]


def test_a_longer_kind_of_body_with_its_one_character_kin_in_brackets_is_one_collective():
    """「各公民办学校(园)」, as 「各校（园）」: 各 over one kind of body and its kin in brackets, kept whole."""
    units = parse_units("各综合单位、各公民办学校(园)")
    assert (units.lead + units.participants, units.doubts) == (["各综合单位", "各公民办学校(园)"], [])


def test_a_paragraph_of_requests_closing_with_a_colon_before_its_items_holds_its_requirements():
    """「…请各单位结合实际，认真组织开展宣传周活动：」 then the plan's items: the paragraph's requests are requirements all
    the same; a lead-in alone (「各单位要做好以下工作：」) is none."""
    from policykb.ingest.requirements import requirement_paragraphs
    lines = ["宣传周活动时间为9月5日至11日。市教育局制订了实施方案,请各单位结合实际,认真组织开展宣传周活动:",
             "一、时间和主题", "各单位要认真做好以下几项工作:"]
    found = requirement_paragraphs([Block(t, f"第{i}行") for i, t in enumerate(lines, start=1)], (), set())
    assert [r["text"][:8] for r in found] == ["市教育局制订了实"]


def test_units_asked_to_do_the_work_by_themselves_keep_their_own_names():
    """「请各地、各单位自行组织观看」: 自行 (by themselves) is the request's manner, no part of 各单位's name; a 自行车 (bicycle)
    body keeps its name."""
    from policykb.ingest.requirements import _requested
    units = _requested("请各地、各单位自行组织观看。")
    assert (units.lead, units.mode) == (["各地", "各单位"], "separate")
    units = parse_units("市自行车运动协会、各单位")
    assert units.lead + units.participants == ["市自行车运动协会", "各单位"]


def test_a_subject_then_what_it_checks_then_its_check_after_a_points_heading_demand():
    """「要加大督查力度，纪检监察部门对…情况实施监察」: the point's demand heads the clause, the subject follows it, and
    what the subject checks stands between it and its verb (实施监察), as 「X对…要…」 does."""
    found = subject_clauses("要加大督查力度,县纪检监察部门对各村禁烧责任落实情况实施监察,督查结果纳入年终考核。", anyone=True)
    assert [(u.lead, u.mode) for _, u in found] == [(["县纪检监察部门"], "first")]


def test_a_notes_parts_each_giving_their_units_a_duty_after_the_verb_are_separate_shares():
    """「X会同Y、Z等部门负责隐患调查；Z负责组织山洪灾害调查」: each 「；」 part's holder leads its own share (separate), the
    units X works with take part (Z, a lead of its own share, is not its participant too); with a verb closing the
    parts (「X牵头；Y负责」) the note reads as before."""
    units = parse_units("县甲局会同县乙局、县丙局等部门负责隐患调查;县丙局负责组织山洪灾害调查")
    assert (units.lead, units.participants, units.mode, units.open_ended) == (
        ["县甲局", "县丙局"], ["县乙局"], "separate", True)
    units = parse_units("县甲局牵头;县乙局负责")
    assert (units.lead, units.participants, units.mode) == (["县甲局"], ["县乙局"], "first")


def test_a_prose_note_reads_a_name_closing_on_a_short_bracket():
    """「X负责,Y和各街道办事处(乡)配合,…」: the bracket is part of the name (truth rule 4), not the end of the note."""
    from policykb.ingest.inlinenotes import prose_note
    text, units, _ = prose_note("工商局负责,商务局和各街道办事处(乡)配合,监督各市场完成除“四害”达标工作。")
    assert (units.lead, units.participants) == (["工商局"], ["商务局", "各街道办事处(乡)"])
    assert text == "监督各市场完成除“四害”达标工作。"


def test_a_subject_the_document_defines_is_whole_up_to_its_definition_whatever_verb_words_it_holds():
    # 处置 and 组织 stand inside the names; the short name given in brackets is no part of the name
    [(_, units)] = subject_clauses("某区防范和处置非法集资工作领导小组办公室(以下简称处非办)要加强组织协调。", numbered=True)
    assert units.lead == ["某区防范和处置非法集资工作领导小组办公室"]
    [(_, units)] = subject_clauses("某县组织推进领导小组(以下简称“领导小组”)的主要职责是研究决定重大事项。", numbered=True)
    assert units.lead == ["某县组织推进领导小组"]


def test_a_highways_section_office_is_a_body_a_stage_is_none():
    assert looks_like_unit("市公路段") and looks_like_unit("公路段")
    assert not looks_like_unit("实施阶段")


def test_a_unit_helping_a_bare_sector_and_others_that_answer_for_the_work_takes_part_the_sector_leads():
    """「民宗部门协助城市管理等有关部门负责对…进行查处」: the helped lead (a bare sector before 等有关部门 is that sector's
    department, the list open), the helper takes part."""
    units = parse_units("城市管理等有关部门")
    assert (units.lead, units.open_ended) == (["城市管理部门"], True)
    [(_, units)] = subject_clauses("宗教部门协助城市管理等有关部门负责对占道祭祀活动进行查处。", numbered=True)
    assert (units.lead, units.participants, units.open_ended) == (["城市管理部门"], ["宗教部门"], True)


def test_the_leading_groups_of_a_collective_of_places_are_one_collective():
    units = parse_units("各区、开发(新)区整治工作领导小组")
    assert units.lead + units.participants == ["各区、开发(新)区整治工作领导小组"]
    assert parse_units("各区、开发(新)区").lead == ["各区、开发(新)区"]


def test_a_decision_the_issuer_announces_with_queding_and_a_comma_is_no_work_of_its_own():
    """「县局确定,全县以城区为重点」: what the bureau decided follows the comma; 「X确定一名分管领导」 is X's own choice."""
    assert subject_clauses("县局确定,全县以城区为重点。", numbered=True) == []
    [(_, units)] = subject_clauses("县教育局确定一名分管领导负责此项工作。", numbered=True)
    assert units.lead == ["县教育局"]


def test_qualifiers_listed_under_one_ge_before_one_kind_of_body_are_one_collective():
    """「各行业主管、监管部门」, 「市直药品、医疗器械生产、经营、使用单位」: one collective as written; places or people before
    the kind are no qualifiers (「各乡镇、县直部门」: levels and departments; 「各牵头领导、责任单位」: people, then a role)."""
    assert parse_units("各行业主管、监管部门").lead == ["各行业主管、监管部门"]
    assert parse_units("市直药品、医疗器械生产、经营、使用单位").lead == ["市直药品、医疗器械生产、经营、使用单位"]
    units = parse_units("各乡镇、县直部门")
    assert units.lead + units.participants == ["各乡镇", "县直部门"]
    units = parse_units("各牵头领导、责任单位")
    assert (units.lead, units.leaders) == (["责任单位"], ["各牵头领导"])


def test_a_subject_working_by_a_classification_before_its_verb():
    [(_, units)] = subject_clauses("各药品经营单位按环节分类做好自查及整改工作。", numbered=True)
    assert units.lead == ["各药品经营单位"]


@pytest.mark.parametrize("note, lead, participants, mode", [
    ("发展改革委、公安部按照职责分工分别牵头负责，中央编办、民政部参加", ["发展改革委", "公安部"], ["中央编办", "民政部"], "separate"),
    ("甲局、乙局，丙镇人民政府按职责分工分别负责", ["甲局", "乙局", "丙镇人民政府"], [], "separate"),
])
def test_how_the_units_do_it_between_a_list_and_its_role_word_is_no_part_of_a_name(note, lead, participants, mode):
    units = parse_units(note)
    assert (units.lead, units.participants, units.mode) == (lead, participants, mode)


def test_collectives_each_bearing_their_own_share_are_a_principle_no_prose_note():
    """「…在领导小组的统一领导下，各部门各负其责，通力合作。」: every department's principle (a requirement), no note giving
    各部门 a task; a named unit's 「…，由县水务局负责。」 still is one."""
    from policykb.ingest.prose import prose_notes
    from policykb.ingest.inlinenotes import prose_note
    text = "职责分工总的原则是在领导小组的统一领导下,各部门各负其责,通力合作。"
    assert prose_notes(text, ()) == [] and prose_note(text) is None
    assert prose_note("做好河道清障工作,由县水务局负责。")[1].lead == ["县水务局"]


def test_a_subject_inspecting_what_stands_between_it_and_jinxing_jiancha():
    """「市整治工作领导小组对各区整治活动开展情况进行全面检查」: the object (对…) between the subject and its verb, as
    「X对…实施监察」 has it."""
    [(_, units)] = subject_clauses("市整治工作领导小组对各区整治活动开展情况进行全面检查,检查结果向全市通报。", numbered=True)
    assert units.lead == ["市整治工作领导小组"]


def test_a_thing_put_on_show_in_a_prominent_place_is_no_units_name():
    """「显著位置展示新时代文明实践站组织架构」: where a thing is shown, ending like a station, names no unit."""
    assert not looks_like_unit("显著位置展示新时代文明实践站")


def test_a_party_committees_standing_member_is_a_person_not_a_committee():
    """「市委常委,组织部部长李四出席会议」: 常委 ends in 委 as a committee does, but names a post (a person)."""
    from policykb.ingest.lexicon import is_person
    assert is_person("市委常委") and is_person("县委常委")
    assert not is_person("市委") and not is_person("县纪委")


def test_a_titles_about_is_no_part_of_a_units_name():
    """「深入贯彻省委、省政府关于确保群众温暖过冬的有关要求」: 要 of 要求 after 「…的有关」 made a subject of a title's
    words; 关于 is in no unit's name."""
    assert not looks_like_unit("省政府关于确保群众温暖过冬的有关")
    assert subject_clauses("省政府关于确保群众温暖过冬的有关要求,按照市委安排部署,全力做好供暖工作", numbered=True,
                           anyone=True) == []


def test_a_village_collective_and_a_towns_body_joined_by_he_are_two_units():
    """「各村和镇农办要加强巡查」: 和 after the villages' collective, before a body opening with the town's level prefix."""
    units = parse_units("各村和镇农办")
    assert (units.lead, units.participants) == (["各村"], ["镇农办"])
    assert parse_units("市农业农村和水利局").lead == ["市农业农村和水利局"]


def test_a_new_areas_whole_is_one_collective_as_a_districts_is():
    """「新区上下要切实把思想和行动统一到…」: 新区上下 (everyone in the new area) is one collective, as 全区上下 is."""
    assert looks_like_unit("新区上下") and parse_units("新区上下").lead == ["新区上下"]
    [(_, units)] = subject_clauses("新区上下要切实把思想和行动统一到决策部署上来。", numbered=True, anyone=True)
    assert units.lead == ["新区上下"]


def test_a_paper_sent_out_in_the_names_of_units_is_their_task():
    # 「以X、Y名义印发」 names who sends the paper where the clause names no other doer: the first listed leads
    [(_, units)] = subject_clauses("会议原则同意该《清单》，按会议精神修改完善后，以县委办、县府办名义印发。", (), numbered=True)
    assert (units.lead, units.participants) == (["县委办"], ["县府办"])
    # a quoted name is the label the paper goes under, and a paper described so (「…名义印发的文件」) is sent by no one
    assert subject_clauses("按程序报备案后以“县政府”名义印发。", (), numbered=True) == []
    assert subject_clauses("对以县政府名义印发的文件进行解读。", (), numbered=True) == []
    assert subject_clauses("材料经审核后以本单位名义上报。", (), numbered=True) == []  # whoever is addressed


def test_a_later_sentence_in_a_holders_colon_paragraph_with_its_own_subject_is_that_units_task():
    """「镇政府：建立…服务站。服务站负责…。各村要建立…小组。」: the holder before the colon sets bodies up, and the sentences
    naming them (or a collective) as subject give each its own work: a task each, not one task of the holder."""
    lines = ["镇政府：建立由分管副镇长任站长的镇安全服务站。安全服务站负责辖区内的安全宣传教育。各村要建立由村长任组长的安全小组。",
             "交通部门：制定农村客运的相关政策，完善道路安全设施。"]
    tasks, _ = inline_tasks([Block(t, f"第{i}行") for i, t in enumerate(lines, start=1)])
    assert [(t.units.lead, t.text[:6]) for t in tasks] == [
        (["镇政府"], "建立由分管副"), (["安全服务站"], "安全服务站负"), (["各村"], "各村要建立由"), (["交通部门"], "制定农村客运")]


def test_a_duty_opening_with_what_it_acts_on_names_no_unit_though_its_verb_ends_like_a_bank():
    """「1.对招商项目履行组织、协调职能，承担…」: 对 and its object, then 履行 (ending like 银行): no subject; a body's name
    never opens with 对, but for the 对外, 对台 and 对口 offices."""
    assert not looks_like_unit("对招商项目履行") and not looks_like_unit("对违法行为进行")
    assert looks_like_unit("对外经济贸易委员会") and looks_like_unit("对口支援办公室")
    assert subject_clauses("对招商项目履行组织、协调职能，承担项目推进责任。", ()) == []


def test_a_holders_colon_line_names_the_units_a_part_of_its_duty_works_with_as_participants():
    """「交警部门：指导…；负责…；会同相关部门开展秩序整治，…」: the units a later 「；」 part of the duty works with take part."""
    from policykb.ingest.clauses import colon_line
    duty, units = colon_line("交警部门：指导全市道路安全工作机制的建设；负责机动车业务的指导和管理；会同相关部门开展交通秩序整治。")
    assert units.lead == ["交警部门"] and units.participants == ["相关部门"]


def test_a_lead_and_then_its_partners_joined_by_bing():
    """「牵头并会同X等其他部门对…进行清理」: 牵头并 before 会同 as 牵头， is; 「X等其他部门」 is X and others (an open list)."""
    from policykb.ingest.partners import partners_with
    from policykb.ingest.unitnames import split_names
    partners = partners_with("牵头并会同镇安全服务站等其他部门对辖区内运输机械进行全面摸排清理", ())
    assert partners.lead == ["镇安全服务站"] and partners.open_ended
    assert split_names("公安局、财政局等其他有关部门") == (["公安局", "财政局"], True)


def test_sectors_listed_under_one_levels_ji_are_each_that_levels_department():
    """「区级公安、质监、工商等部门」: 区级 qualifies every sector listed before the 部门 they share, each sector's
    department at that level, the list open (corpus rule 5). A closed list (no 等) is so too, as under 各级
    (「县级公安、交通部门」: 县级公安部门, 县级交通部门), also after a body of its own."""
    from policykb.ingest.unitnames import split_names
    assert split_names("区级公安、质监、工商等部门") == (["区级公安部门", "区级质监部门", "区级工商部门"], True)
    assert split_names("县级公安、交通部门") == (["县级公安部门", "县级交通部门"], False)
    assert split_names("市公安局、县级公安、交通部门")[0] == ["市公安局", "县级公安部门", "县级交通部门"]
    assert split_names("公安、交通等部门") == (["公安部门", "交通部门"], True)


def test_an_assistant_to_a_post_is_a_post_and_the_person_named_after_it_heads_the_office():
    """「财政部部长助理某某某兼任办公室主任」: 部长助理 is a post; the person after it is who heads the office."""
    from policykb.ingest.holders import head_posts
    assert head_posts(["领导小组办公室设在财政部。财政部部长助理戴某华兼任办公室主任。"]) == {"办公室": "戴某华"}


def test_items_listed_each_with_the_unit_answering_for_it_are_each_units_own():
    """「由县民政局负责的第1件、县发改局负责的第4件…进展滞后，请以上责任单位加快…」: each unit named with its items
    holds its own (separate), not the first alone."""
    found = subject_clauses("其中，由县民政局负责的第1件、县发改局负责的第4件、县卫健局负责的第17、18件事项进展滞后，"
                            "请以上责任单位加快工作节奏。", (), numbered=True)
    assert [(u.lead, u.mode) for _, u in found] == [(["县民政局", "县发改局", "县卫健局"], "separate")]


def test_a_body_set_up_with_the_post_heading_it_is_led_in_person_by_that_post():
    """「建立由主管安全的乡(镇)长任站长的乡镇安全管理站。安全管理站负责…」: who heads the body set up (the post, its
    qualifier before 的 aside) leads its work in person; the body named shorter after is the same body."""
    from policykb.ingest.holders import head_of, head_posts
    heads = head_posts(["镇政府：建立由主管道路安全的乡(镇)长任站长的乡镇安全管理站。各村要建立以村长(或民兵营长)任组长的安全联组。"])
    assert heads == {"乡镇安全管理站": "乡(镇)长", "安全联组": "村长(或民兵营长)"}
    assert head_of(["安全管理站"], heads, {}) == "乡(镇)长"


def test_two_stations_run_together_in_a_cell_are_two_units():
    units = parse_units("卫生院 司法所林业工作所")
    assert units.lead == ["卫生院"] and units.participants == ["司法所", "林业工作所"]
    assert parse_units("县公安局派出所").lead == ["县公安局派出所"]  # a bureau's station: one body
    assert parse_units("公共场所检测所").lead == ["公共场所检测所"]  # 场所 is a place, not a station


def test_a_name_holding_a_verb_word_that_reaches_no_verb_is_no_subject():
    from policykb.ingest.subjects import subject_match
    # 组织 is the department's name: 「市委」 alone is no subject of the list, which names what was done
    assert subject_match("市委组织部、市委宣传部、市财政局等5个部门和单位,市妇联联合制定政策清单。") is None
    # the members forming a body: their verb
    assert subject_match("县委组织部、县审计局组成考核组,对各乡镇进行考核")["subject"] == "县委组织部、县审计局"
    assert subject_match("县委组织部要做好干部培训。")["subject"] == "县委组织部"


def test_a_short_name_given_with_xia_jiancheng_is_no_part_of_the_name():
    """「市某某委员会办公室（下简称市某办）」: 下简称 gives a short name as 以下简称 does (truth rule 4)."""
    assert parse_units("市某某委员会办公室(下简称市某办)").lead == ["市某某委员会办公室"]


def test_places_written_bare_before_one_district_government_each_have_theirs():
    """「甲江、乙羊、丙华区政府和某某高新区管委会」: 区政府 written once after the last place is each place's; a place
    that already ends in the level (「甲区、乙区政府」) takes the rest of it."""
    units = parse_units("甲江、乙羊、丙华区政府和某某高新区管委会")
    assert units.lead + units.participants == ["甲江区政府", "乙羊区政府", "丙华区政府", "某某高新区管委会"]
    assert parse_units("甲山区、乙水区政府").lead + parse_units("甲山区、乙水区政府").participants == [
        "甲山区政府", "乙水区政府"]


def test_the_body_housing_an_office_is_no_part_of_the_offices_name():
    """「市某某局所属的市某某保障办公室」: which bureau houses it says which office it is; the office is the unit."""
    assert parse_units("市某某局所属的市某某保障办公室").lead == ["市某某保障办公室"]


def test_places_listed_then_joined_by_ji_before_one_department_each_have_it():
    """「甲山区、乙安区及丙经济开发区住房和城乡建设部门」: the department written once after the last place is each
    place's (a zone's own 管委会 after 和 stays the last one's: 「开发区、高新园区和西区管委会」)."""
    units = parse_units("甲山区、乙安区及丙经济开发区住房和城乡建设部门")
    assert units.lead + units.participants == ["甲山区住房和城乡建设部门", "乙安区住房和城乡建设部门",
                                               "丙经济开发区住房和城乡建设部门"]
    units = parse_units("开发区、高新园区和西区管委会")
    assert units.lead + units.participants == ["开发区", "高新园区", "西区管委会"]


def test_units_each_answering_for_their_own_area_after_a_manner_do_their_own_share():
    """「甲山区住建局、乙安区住建局具体负责各自行政区域内的…」: 具体 before 负责各自 keeps each its own share (separate)."""
    found = subject_clauses("甲山区住建局、乙安区住建局具体负责各自行政区域内的某某工作。", numbered=True)
    assert [(u.lead, u.mode) for _, u in found] == [(["甲山区住建局", "乙安区住建局"], "separate")]


def test_on_whose_behalf_a_body_acts_stands_between_it_and_its_verb():
    """「市某某局为某某工作的市级牵头部门，受市政府委托制订…」: 受X委托 says on whose behalf; the bureau does the work."""
    found = subject_clauses("市某某局为某某工作的市级牵头部门,受市政府委托制订某某工作责任目标。")
    assert [u.lead for _, u in found] == [["市某某局"]]


def test_two_bodies_each_named_answerable_in_one_sentence_are_two_clauses():
    """「X是市级项目的责任主体，Y和Z是县级项目的责任主体」: a comma part with a subject of its own named to answer for its
    work is its own clause, as one with a modal is."""
    found = subject_clauses("市直行业主管部门是市级项目的责任主体,县区政府和市某某局是县区级项目的责任主体。", numbered=True)
    assert [u.lead[0] for _, u in found] == ["市直行业主管部门", "县区政府"]


def test_a_list_named_answerable_by_a_copula_holds_the_standing_each_none_leading():
    """「县区政府和市某某局是县区级项目的责任主体」: the copula makes each named body a responsible subject, for its own
    share: both lead apart (separate), neither takes part in the other's work."""
    found = subject_clauses("县区政府和市某某局是县区级项目的责任主体。", numbered=True)
    assert [(u.lead, u.participants, u.mode) for _, u in found] == [(["县区政府", "市某某局"], [], "separate")]


def test_a_body_setting_up_a_working_system_is_given_that_work():
    """「乡镇人民政府负责…。乡镇人民政府建立…统一管理机制」: a body setting up a mechanism or system is its second task;
    建立 after no body's name (「监督建筑企业建立…制度」) is no subject's verb."""
    found = subject_clauses("乡镇人民政府负责本辖区内某某审批工作。乡镇人民政府建立某某统一管理机制,统筹协调有关机构履行职责。")
    assert [u.lead for _, u in found] == [["乡镇人民政府"], ["乡镇人民政府"]]
    assert subject_clauses("监督建筑业企业建立和完善劳动合同备案制度。") == []


def test_levels_alone_before_one_department_each_have_it_and_do_their_own_share():
    """「市、区(某某开发区)住房和城乡建设局是…的行政主管部门，负责…」: a level alone is no unit; the department written once
    after the last level (a zone run as that level, in brackets) is each level's, and each does its own level's share."""
    units = parse_units("市、区(某某开发区)住房和城乡建设局")
    assert units.lead + units.participants == ["市住房和城乡建设局", "区(某某开发区)住房和城乡建设局"]
    found = subject_clauses("市、区住房和城乡建设局是本市某某工作的行政主管部门,负责协调相关部门实施某某工作。", numbered=True)
    assert [(u.lead, u.mode) for _, u in found] == [(["市住房和城乡建设局", "区住房和城乡建设局"], "separate")]


def test_each_side_clause_of_a_chain_of_roles_names_its_own():
    """「由X负责，Y指导监督，Z密切配合」: the one who guides and supervises and the ones who help both take part (the
    model keeps a guide as a participant), not only the first side clause's."""
    [(_, units)] = subject_clauses("按照“属地管理”的原则,由各区政府负责,区住建局指导监督,相关部门密切配合,明确管理职责。",
                                   numbered=True)
    assert units.lead == ["各区政府"] and units.participants == ["区住建局", "相关部门"]


def test_after_the_one_assigned_a_subject_doing_its_part_alone_takes_part():
    """「由X负责，Y组织，Z落实」: the chain's later subjects, each with a doing verb standing alone, do their part of the
    work X answers for: they take part, X leads."""
    [(_, units)] = subject_clauses("按照属地管理的原则,由各区政府负责,街道办组织,社区居委会落实,明确管理职责。", numbered=True)
    assert units.lead == ["各区政府"] and units.participants == ["街道办", "社区居委会"]


def test_a_body_demanding_of_others_is_no_subject_doing_the_work():
    """「联席会议要求各成员单位要…」: 要求 asking the collectives after it is no modal 要: the meeting does none of it."""
    assert not any("甲联席会议" in units.lead for _, units in
                   subject_clauses("甲联席会议要求各成员单位要按照职责分工,主动研究有关问题。", ()))


def test_a_report_of_a_demand_with_a_comma_after_yaoqiu_names_no_subject_of_its_own():
    """「检查组要求,各街道、有关单位要建立…」: the group demanding (a report's comma after 要求) is no subject doing the
    work; the collectives it asks are, each its share."""
    found = subject_clauses("检查组要求,各街道、有关单位要建立问题台账,限期完成整改。", numbered=True, anyone=True)
    assert [(u.lead, u.mode) for _, u in found] == [(["各街道", "有关单位"], "separate")]


def test_a_roster_line_whose_duty_takes_measures_is_its_units():
    """「市城管局:采取有效措施,及时制止…」: a unit's colon line whose duty is to take measures (no 负责 in it)."""
    from policykb.ingest.clauses import colon_line
    found = colon_line("市城管局:采取有效措施,及时制止露天烧烤行为。")
    assert found is not None and found[1].lead == ["市城管局"]


def test_an_opening_subject_before_a_later_you_clause_keeps_its_own_clause():
    """「各区应于年底前开展一次自查,并将结果报市统计局,由市统计局将结果汇总上报市政府」: the opening subject's clause
    is its own, the later 由's clause the bureau's."""
    found = subject_clauses("各区应于年底前开展一次自查,并将结果报市统计局,由市统计局将结果汇总上报市政府。", numbered=True)
    assert [(c, u.lead) for c, u in found] == [("各区应于年底前开展一次自查,并将结果报市统计局", ["各区"]),
                                               ("由市统计局将结果汇总上报市政府", ["市统计局"])]


@pytest.mark.parametrize("name, two", [("甲区和乙县人民政府", True), ("公安局与司法局", True), ("住房和城乡建设局", False),
                                       ("文化和旅游厅", False), ("人力资源和社会保障局", False),
                                       ("各县(市、区)党委和人民政府", False), ("高新区党工委和管委会", False)])
def test_a_conjunction_after_a_units_ending_may_join_two_names(name, two):
    from policykb.ingest.proposals import joins_two_names
    assert joins_two_names(name) is two


def test_a_name_that_may_be_two_is_never_a_confident_reading(tmp_path):
    """Part 32 at its blind run: 「(牵头单位:甲区和乙县人民政府)」 read as one name at 0.9; it was two governments. Whether
    the grammar splits such a name or not, a name holding 和 after a unit's ending is reviewed."""
    import datetime as dt
    from conftest import import_text
    from policykb.ingest.confidence import CONFIDENT
    _, tasks, review = import_text(tmp_path, "江城市人民政府关于印发江城旅游度假区建设实施方案的通知\n一、主要任务\n"
                                   "1.完成度假区总体规划编制。(牵头单位:江城市发展改革委;责任单位:江城市财政局)\n"
                                   "2.组织开发建设。(牵头单位:东湖区和西山县人民政府)\n", dt.date(2010, 5, 1))
    lines = {x.split("]")[0]: x for x in review.splitlines() if x.startswith("[任务 ")}
    assert float(lines["[任务 1"].split("置信度 ")[1][:4]) >= CONFIDENT  # the same note without 和: confident
    joined = [x for x in lines.values() if "和" in x.split("牵头 ")[1].split("；")[0].split("（")[0]]
    # (when a later grammar splits such a name into two governments, nothing is left for this guard to review)
    assert all(float(x.split("置信度 ")[1][:4]) < CONFIDENT and "可能连着两个单位" in x for x in joined)


def test_a_collective_in_tortoise_brackets_is_one_name():
    """「各县〔市、区〕政府」: 〔〕 written for （） in a collective, one name, not cut at its 、."""
    from policykb.ingest.unitnames import split_names
    assert split_names("各县〔市、区〕政府")[0] == ["各县〔市、区〕政府"]


def test_places_of_two_levels_before_one_government_each_have_it_without_the_last_ones_level():
    """「甲山区、乙水县、丙河市、丁江县人民政府」: the 县 of 县人民政府 is the last place's; each place before it, named with
    its own level, has 人民政府 (not 甲山区县人民政府)."""
    from policykb.ingest.unitnames import split_names
    assert split_names("甲山区、乙水县、丙河市、丁江县人民政府")[0] == ["甲山区人民政府", "乙水县人民政府", "丙河市人民政府",
                                                                    "丁江县人民政府"]


def test_a_demand_with_no_subject_whose_verb_names_bodies_names_no_unit():
    """「要进一步发挥甲会、乙团…的作用」: 发挥 is the demand's verb before the bodies whose part it is, no unit's name."""
    assert not looks_like_unit("要进一步发挥甲会")
    assert not subject_clauses("要进一步发挥甲会、乙团、丙联和其他社会组织的作用,共同做好甲工作。", numbered=True, anyone=True)


def test_a_rule_drawn_up_by_units_is_theirs_and_lianhe_zhiding_is_joint():
    """「甲补贴、乙补贴办法由市劳动保障局、财政局联合制定」: 办法 the topic before 由 (劳动保障局 holds 保障, no verb), the
    two draw it up together."""
    [(_, units)] = subject_clauses("甲补贴、乙补贴办法由市劳动保障局、财政局联合制定。", numbered=True, anyone=True)
    assert units.lead == ["市劳动保障局", "财政局"] and units.mode == "joint"


def test_a_topic_before_you_and_the_body_it_names_is_that_bodys_task_in_an_article():
    """「甲联动区由省人民政府负责」: in a regulation's article any noun may be the topic before the 由 that names its doer."""
    [(_, units)] = subject_clauses("甲联动区由省人民政府负责。", numbered=True, anyone=True)
    assert units.lead == ["省人民政府"]


def test_a_topic_decided_by_the_body_that_you_names_is_that_bodys_task_in_an_article():
    """「甲联动区由省人民政府确定并公布」 (traditional 確定 too): after a topic, 确定 is the doer's act; a sentence opening
    with 「由X确定并告知…」 stays none (test_a_subject_whose_verb_follows_a_time_or_is_its_own_choice)."""
    for text in ("甲联动区由省人民政府确定并公布。", "甲聯動區由省人民政府確定並公布。"):
        [(_, units)] = subject_clauses(text, numbered=True, anyone=True)
        assert units.lead == ["省人民政府"]


def test_a_part_opened_by_you_before_a_roster_part_is_cut_there():
    """「由甲局、乙局等部门负责…,丙乡镇负责…」: the 由 part names its doer as a subject does: two clauses."""
    found = subject_clauses("由区甲局、区乙局等部门负责落实选址,各相关乡镇负责临时占地的租用。", numbered=True, anyone=True)
    assert [u.lead for _, u in found] == [["区甲局"], ["各相关乡镇"]]


def test_words_of_how_work_is_done_before_its_verb_are_no_units():
    """「科学组织防蚊工作」: 科学 alone is how it is done (市科学技术局 is a name); 「分级分部门负责」: how the work is
    shared out, no body."""
    assert not looks_like_unit("科学") and looks_like_unit("市科学技术局")
    assert not looks_like_unit("分级分部门")


def test_a_levels_departments_and_bodies_written_with_dunhao_are_one_collective():
    """「市直有关部门、单位」: one collective, as 市直有关部门和单位 (「有关部门、单位」 with no level is two)."""
    from policykb.ingest.unitnames import split_names
    assert split_names("甲局、市直有关部门、单位")[0] == ["甲局", "市直有关部门、单位"]
    assert split_names("有关部门、单位")[0] == ["有关部门", "有关单位"]


def test_a_collective_read_whole_is_a_unit_with_its_place_before_it():
    """「市直有关部门、单位」 qualified as 甲市直有关部门、单位 is still the collective, not dropped as no unit."""
    from policykb.ingest.proposals import Naming, Registry
    flags: list[str] = []
    assert Naming(Registry(), "甲市", "市").unit("市直有关部门、单位", flags) is not None
    assert not any(f.startswith("not a unit") for f in flags)


def test_the_units_taking_part_in_a_body_are_no_part_of_its_short_names_full_name():
    """「市政府有关部门参加的市甲联席会议(以下简称联席会议)」: the short name stands for 市甲联席会议."""
    from policykb.ingest.holders import short_names
    assert short_names(["完善由市长负总责,市政府有关部门参加的市甲发展联席会议(以下简称联席会议)制度。"]) \
        == {"联席会议": "市甲发展联席会议"}


def test_a_unit_that_guikou_manages_the_work_is_its_subject():
    """「甲务局归口管理全市防洪工程。」: 归口管理 is the unit's duty verb, as 负责 is."""
    [(_, units)] = subject_clauses("甲务局归口管理全市防洪抗旱工程。", numbered=True, anyone=True)
    assert units.lead == ["甲务局"]


def test_the_staff_of_bodies_after_jiqi_are_their_post():
    """「各级甲机构及其工作人员」: the bodies lead, their staff (工作人员, without 及其) are the leaders."""
    from policykb.ingest.posts import post_of
    assert post_of("各级甲机构及其工作人员", ["各级甲机构"]) == "工作人员"


def test_a_level_before_the_levels_below_it_written_as_one_is_one_collective():
    """「市、县区卫生行政部门应…」: 县区 is two levels written as one, so the list is one collective of each level's body
    (as 各市州、县市区 is one), not 市区X and 县区X; 「市、区人民政府」 is still each level's government."""
    [(_, units)] = subject_clauses("市、县区卫生行政部门应建立和完善健康教育网络。", numbered=True)
    assert units.lead == ["市、县区卫生行政部门"]
    from policykb.ingest.unitnames import split_names
    assert split_names("市、县区人民政府")[0] == ["市、县区人民政府"]
    assert split_names("市、区人民政府")[0] == ["市人民政府", "区人民政府"]


def test_a_bodys_head_by_title_is_a_leader_and_the_body_leads():
    """「由管委会主任负责召集…」: a body's head named by the title held in it (主任, 局长): the body leads, the head
    leads it in person, kept as written (the title is that body's own)."""
    [(_, units)] = subject_clauses("由管委会常务副主任负责召集,主要是安排布置园区突发性工作。", numbered=True)
    assert units.lead == ["管委会"] and units.leaders == ["管委会常务副主任"]
    from policykb.ingest.posts import post_of
    assert post_of("管委会常务副主任", ["管委会"]) == "管委会常务副主任"
    assert post_of("市水务局主要负责人", ["市水务局"]) == "主要负责人"


def test_a_posts_standing_as_the_person_answering_stands_between_it_and_its_duty():
    """「甲局责任人为项目推进工作协调和督促人，负责督促项目进度」: the standing the post is given (为…督促人, 为…第一
    责任人) stands between the subject and its duty, as 为…主体 does: the body leads, its post leads in person."""
    [(_, units)] = subject_clauses("市甲局责任人为项目推进工作协调和督促人,负责督促项目进度。", numbered=True)
    assert units.lead == ["市甲局"] and units.leaders == ["市甲局责任人"]


def test_a_cost_put_in_a_budget_by_a_body_is_its_task_among_articles_of_modal_duties():
    """「第三条 …所需经费，由市丙局列入年度财政预算。」: 由X列入 names the doer; a 由 clause among articles whose duties are
    modal sentences is no note naming units, so the articles before it stay tasks (not a covering notice's demands)."""
    from policykb.ingest.generic import general_tasks
    from policykb.ingest.source import Block
    found, _ = general_tasks([Block("第一条 市甲局应建立和完善健康教育网络。", "第1行"),
                              Block("第二条 市乙局应定期组织开展活动。", "第2行"),
                              Block("第三条 公共环境所需经费,由市丙局列入年度财政预算。", "第3行")])
    assert [c.units.lead for c in found] == [["市甲局"], ["市乙局"], ["市丙局"]]


def test_a_body_naming_one_of_its_people_as_a_post_leads_and_the_post_is_the_leader():
    """「各成员单位指定相关业务股室1名负责同志作为联络员，负责…」: the body leads; the person it names leads as the post
    named (联络员), not as 「指定…1名负责同志」."""
    [(_, units)] = subject_clauses("各成员单位指定相关业务股室1名负责同志作为联络员,负责联系和协调日常工作。", numbered=True)
    assert units.lead == ["各成员单位"] and units.leaders == ["联络员"]


def test_a_division_after_a_colon_and_an_office_seated_in_a_body_without_she():
    """「…负责制，具体为：甲局负责A镇，乙局负责B镇」: the first share after the colon is its body's clause too;
    「领导小组下设办公室在县甲局，具体负责…」: the office is the subject, 在县甲局 where it is seated (设 unwritten)."""
    found = subject_clauses("工作实行分片包干负责制,具体为:甲县农业局负责A镇、B镇,甲县水利局负责C镇,甲县林业局负责D镇。",
                            numbered=True)
    assert [u.lead for _, u in found] == [["甲县农业局"], ["甲县水利局"], ["甲县林业局"]]
    [(_, office)] = subject_clauses("领导小组下设办公室在县甲局,具体负责日常事务。", numbered=True)
    assert office.lead == ["领导小组办公室"]
    from policykb.ingest.holders import defined_body
    assert defined_body("领导小组下设办公室在县甲局") == "办公室"


def test_a_body_valuing_the_work_before_anothers_demand_is_no_task():
    """「市委、市政府高度重视X工作，各部门要…」: who values the work gives the reason for the demand after it, no task of
    its own; 高度重视 alone in its sentence is still a demand (「各单位高度重视…」)."""
    found = subject_clauses("市委、市政府高度重视景区开发工作,各级各部门要进一步强化对景区资源的认识。", (), numbered=True)
    assert [u.lead for _, u in found] == [["各级", "各部门"]]
    assert [u.lead for _, u in subject_clauses("某县交通局高度重视道路养护工作。", (), numbered=True)] == [["某县交通局"]]


def test_a_grasp_verb_after_each_subject_gives_each_its_share():
    """「X抓统筹，Y抓行业，Z抓实施」: 抓 and the share each holds is the duty verb, each clause its subject's task."""
    tasks = _tasks("一、改革内容", "(一)理顺机制。市物业工作领导小组抓统筹,市建设局抓行业,乡镇(街道)抓实施。")
    assert [t.units.lead for t in tasks] == [["市物业工作领导小组"], ["市建设局"], ["乡镇(街道)"]]


def test_a_body_a_clause_sets_up_with_jianli_is_the_subject_of_its_share():
    """「…，建立X领导小组抓统筹，Y抓行业」: the body 建立 sets up does its share, as one 成立 sets up."""
    tasks = _tasks("一、改革内容", "(一)理顺机制。改革完善管理构架,建立市物业工作领导小组抓统筹,市建设局抓行业,乡镇(街道)抓实施的工作机制。")
    assert [t.units.lead for t in tasks] == [["市物业工作领导小组"], ["市建设局"], ["乡镇(街道)"]]


def test_the_deputies_named_after_a_bodys_head_head_it_too():
    """「由镇长任组长，各分管领导任副组长，具体负责…」: the deputies named after the head, in the same sentence, are the
    work's leaders too (people, rule 6); a deputy in a later sentence is not this clause's."""
    from policykb.ingest.inperson import heads_named
    assert heads_named("由镇长任组长,各分管领导任副组长,具体负责各项整治工作开展。") == ["镇长", "各分管领导"]
    assert heads_named("由局长任组长,分管领导为副组长。办公室主任为副组长。") == ["局长", "分管领导"]


def test_a_regulations_article_beside_items_read_is_offered_to_the_general_reader():
    """A page of articles (第十八条 X应…) with items under one of them (（一）…，X应…): the items' reading does not
    leave the articles' subjects unread."""
    tasks, unread = inline_tasks([Block(t, f"第{i}行") for i, t in enumerate([
        "第十八条 市卫生行政部门应建立和完善健康教育网络,有计划地开展健康教育,提高全民卫生保健意识。",
        "第十九条 防制工作应当坚持以下原则:",
        "(一)分级管理和属地管理,市爱卫办应定期组织开展活动;"], start=1)])
    assert [t.units.lead for t in tasks] == [["市爱卫办"]]
    assert [b.where for b in unread] == ["第1行"]


def test_partners_closed_by_a_comma_before_the_duty_take_part():
    """「X会同Y等有关部门，将…纳入…」: the units X works with, a comma, then the duty's object: they take part."""
    [(_, units)] = subject_clauses("市委组织部会同市委党校等有关部门,将防治知识纳入各级党校的培训课程内容。", (), numbered=True)
    assert units.lead == ["市委组织部"] and units.participants == ["市委党校"] and units.open_ended


def test_a_later_sentence_working_beside_kinds_of_departments_makes_them_take_part():
    """「X开展…。与A、B等有关部门密切配合进行…」: a sentence with no subject of its own, working beside units: the last
    subject's partners, named with the shared head."""
    found = subject_clauses("公安部门结合治安管理工作,开展宣传教育活动。与宣传、文化、卫生等有关部门密切配合进行干预措施的宣传教育。",
                            (), numbered=True)
    assert [u.lead for _, u in found] == [["公安部门"]]
    assert found[0][1].participants == ["宣传部门", "文化部门", "卫生部门"] and found[0][1].open_ended


def test_a_dun_after_a_bodys_name_lists_objects_not_a_second_subject():
    """「X负责落实各类职业学校、普通中小学将…」: the 、 after a body's name lists what the duty covers; 「主办单位要主动、
    会办单位要积极」 still cuts, a demand before the 、."""
    found = subject_clauses("教育部门负责落实全市各类中等职业学校、普通中小学将健康教育内容纳入学校教学计划。", (), numbered=True)
    assert [u.lead for _, u in found] == [["教育部门"]]
    found = subject_clauses("主办单位要主动、会办单位要积极配合办理提案。", (), numbered=True)
    assert [u.lead for _, u in found] == [["主办单位"], ["会办单位"]]


def test_a_numbered_measures_name_then_its_holders_and_their_modal():
    """「（3）建立…长效机制，乡镇政府、村民委员会应安排…」: a numbered item's measure, then after the comma its holders and
    their modal; 「其中，X还应…」 names some of the holders before, no measure's; a comma part with 负责 is no modal's."""
    found = subject_clauses("建立封洲禁牧长效机制,乡镇政府、村民委员会应安排专门人员负责管理封洲禁牧工作。", (), numbered=True)
    assert [u.lead + u.participants for _, u in found] == [["乡镇政府", "村民委员会"]]
    assert not subject_clauses("其中,珠三角各市经济和信息化主管部门还应重点报送合作共建工作情况。", (), numbered=True)
    assert not subject_clauses("要控制工程支出,委托中介机构负责招投标。", (), numbered=True)


def test_a_members_line_whose_duty_is_to_take_part_is_its_task():
    """「人民银行X支行:参与…的调查」, 「X局:配合和协助…」: a roster line whose whole duty is to take part or help."""
    from policykb.ingest.clauses import colon_line
    duty, units = colon_line("人民银行某某中心支行:参与非法集资活动的调查及相关查处工作。")
    assert units.lead == ["人民银行某某中心支行"] and duty.startswith("参与")
    assert colon_line("省信访局:配合和协助联席会议办公室的信访工作,接受举报。")[1].lead == ["省信访局"]


def test_labour_security_opens_a_departments_name_not_a_verb():
    """「劳动保障、国土等部门要…」: 保障 after 劳动 is the name's, the shared head 部门 each's."""
    [(_, units)] = subject_clauses("劳动保障、国土等部门要抓紧开展被征地农民社会保险的基线调查工作,", (), numbered=True)
    assert units.lead == ["劳动保障部门"] and units.participants == ["国土部门"]


def test_a_joint_meeting_holding_its_plenary_at_set_times_leads_it_its_convener_chairs():
    """「联席会议原则上每半年召开一次全体会议，由召集人负责召集」: the meeting body holds its own plenary, the post
    convening it its leader."""
    from policykb.ingest.meetings import held_meeting
    held = held_meeting("联席会议原则上每半年召开一次全体会议,由召集人负责召集")
    assert held and held.body == "联席会议" and held.chair == "召集人"


@pytest.mark.parametrize("clause, body", [
    ("联席会议原则上每年召开一次", "联席会议"),
    ("某某工作联席会议每季度召开1次", "某某工作联席会议"),
    ("协调委员会一般每半年至少召开一次", "协调委员会"),
])
def test_a_joint_meeting_said_only_how_often_it_meets_holds_its_meetings(clause, body):
    """「联席会议原则上每年召开一次，根据工作需要可临时召开…」: a count of sittings without naming the meeting held is
    still the meeting body holding its own (not its kind's word, 联席, as the body of a 联席会议 held)."""
    from policykb.ingest.meetings import held_meeting
    held = held_meeting(clause + ",根据工作需要可临时召开全体会议")
    assert held and held.body == body and held.chair == ""


@pytest.mark.parametrize("written, names", [
    ("宣传、文化、卫生等有关部门", ["宣传部门", "文化部门", "卫生部门"]),
    ("宣传、文化、卫生、计生、工商等有关部门", ["宣传部门", "文化部门", "卫生部门", "计生部门", "工商部门"]),
    ("各区教育局、公安分局", ["各区教育局", "各区公安分局"]),
    ("各县农业局、市林业局", ["各县农业局", "市林业局"]),
])
def test_a_head_or_a_collectives_level_written_once_is_each_names(written, names):
    """「A、B、C等有关部门」: the shared head is each kind's, however many (等有关 before it too); 「各区X局、Y分局」: the
    bare bureau after 各区's is each district's (a name with a level of its own keeps it)."""
    from policykb.ingest.subjects import unit_names
    assert unit_names(written, ()) == names


def test_paragraphs_numbered_with_parts_marks_alone_are_the_items_of_one_list():
    """「一、…」 … 「五、…」 paragraphs with nothing numbered under them: each is an item of the document's one list,
    so a sentence of collectives in one (「四、各级普查机构及新闻宣传部门要…」) is their task, and one whose units the
    recognisers cannot read is offered to the general reader."""
    tasks = _tasks("人口普查的组织工作原则",
                   "一、人口普查所需经费,县人民政府将列入相应年度的财政预算,各乡镇也要相应安排专项经费用于人口普查。",
                   "二、各级普查机构及新闻宣传部门要采取一切行之有效的方式,积极做好人口普查的宣传工作。")
    assert [(t.units.lead, t.units.participants) for t in tasks] == [
        (["县人民政府"], []), (["各乡镇"], []), (["各级普查机构"], ["新闻宣传部门"])]


def test_two_bodies_answering_together_for_what_dui_names_lead_jointly():
    """「X与Y共同对…负责」: 共同 before the object of 负责 makes them lead together; a qualified role after a list
    (「Y挂钩到乡镇的成员单位」) is the list's second holder, not a role holder of the first's work."""
    [(_, units)] = subject_clauses("县普查办与县级挂钩到乡镇的成员单位共同对所挂钩联系的乡镇人口普查数据质量负责,"
                                   "确保数据真实、准确。", numbered=True)
    assert (units.lead, units.mode) == (["县普查办", "县级挂钩到乡镇的成员单位"], "joint")


@pytest.mark.parametrize("text, names", [
    ("各级普查机构及新闻宣传部门", (["各级普查机构"], ["新闻宣传部门"])),
    ("县防汛领导小组和县水利局", (["县防汛领导小组"], ["县水利局"])),
    ("各级普查机构及其工作人员", (["各级普查机构"], [])),
])
def test_a_body_ending_in_jigou_or_zu_closes_its_name_before_he_or_ji(text, names):
    """机构, 小组 end a body's name as 局 does: 和/及 after them joins the next name; 及其 joins a body's own people."""
    units = parse_units(text)
    assert (units.lead, units.participants) == names


def test_a_body_setting_up_its_working_body_and_staffing_it_by_a_principle_does_the_work():
    """「街道办事处设置…领导小组和办公室；居(村)委会设置…小组，分别负责…」: each body setting up its own group is the
    subject (not 「居委会设置人口普查小组」 as a name); 「X及Y本着精干、高效的原则，抽调有关人员做好…」: the principle is a
    manner before the verb, staffing the work the body's own; 「并从各成员单位抽调…」 names where people come from, no
    subject."""
    found = subject_clauses("街道办事处设置人口普查领导小组和办公室;居(村)委会设置人口普查小组,分别负责辖区内人口普查的组织和"
                            "具体实施工作。", numbered=True)
    assert [u.lead for _, u in found] == [["街道办事处"], ["居(村)委会"]]
    [(_, units)] = subject_clauses("街道普查办公室及居(村)普查小组本着精干、高效的原则,抽调有关人员做好人口普查工作。",
                                   numbered=True)
    assert (units.lead, units.participants) == (["街道普查办公室"], ["居(村)普查小组"])
    assert not looks_like_unit("并从各成员单位") and not looks_like_unit("联席会议办公室从有关部门")


def test_a_modal_before_you_after_the_case_names_the_doer():
    """「…无法履行职责时，应由所在单位将…报告」: after the case it is done in, 应由 names the doer; 「…，应由地方政府承担
    的费用」 describes a cost, no doer's clause."""
    found = subject_clauses("信息员因工作变动无法履行职责时,应由所在单位将新的信息员信息及时向县气象局报告。"
                            "县气象局要及时更新数据库。", numbered=True)
    assert [u.lead for _, u in found] == [["所在单位"], ["县气象局"]]
    assert subject_clauses("负责筹集除中央财政补助之外,应由地方政府承担的退休人员医疗保险费用。", numbered=True) == []


def test_collectives_asked_only_to_work_together_after_a_subjects_task_are_no_task():
    """「X务必于…设置…；各有关部门要按照各自职能，各司其职、通力协作、密切配合，确保…顺利进行」: doing one's part
    together, after a named subject's work, is a demand on carrying it out (truth rule 1), no task of its own."""
    found = subject_clauses("各乡镇人民政府务必于1月底前设置普查领导小组;各有关部门要按照各自职能,各司其职、通力协作、"
                            "密切配合,确保普查工作的顺利进行。", numbered=True)
    assert [u.lead for _, u in found] == [["各乡镇人民政府"]]


def test_bodies_building_a_project_together_lead_it_jointly():
    """「一、同意设立X植物园，由A、B、C、甲省和乙市人民政府合作共建」: 由 names who build it, together (joint); the
    government written once after two places joined by 和 is each place's."""
    tasks = _tasks("一、同意在甲省乙市设立国家植物园,由国家林草局、住房城乡建设部、中科院、甲省和乙市人民政府合作共建。")
    assert [(t.units.lead, t.units.mode) for t in tasks] == [
        (["国家林草局", "住房城乡建设部", "中科院", "甲省人民政府", "乙市人民政府"], "joint")]


def test_the_kinds_of_the_levels_below_written_bare_are_one_collective():
    """「X会同区、镇、街道负责…」: the levels below written bare, no body after them, are the bodies of those levels, one
    collective as 「各区、镇、街道」 is (not 区 and 镇 as names of their own); before a body they share it
    (「市、区人民政府」)."""
    from policykb.ingest.partners import partners_with
    assert partners_with("会同区、镇、街道负责落实粮食生产面积", ()).lead == ["区、镇、街道"]
    assert parse_units("市、区人民政府").lead + parse_units("市、区人民政府").participants == ["市人民政府", "区人民政府"]


def test_a_body_described_as_led_by_a_unit_gives_that_unit_no_work_unless_a_request_follows():
    """「同意建立由甲部牵头的乙联席会议制度。」: 由X牵头的 describes the system X leads, no note giving X a task; a request
    after it (「…，请…认真组织开展工作」) is the work asked of the unit the reply names to lead."""
    from policykb.ingest.prose import prose_notes
    assert prose_notes("国务院同意建立由甲部牵头的乙工作部际联席会议制度。昨日,某网站发布上述消息。", ()) == []
    [(_, _, units)] = prose_notes("同意建立由甲部牵头的乙工作部际联席会议制度。联席会议不刻制印章,请按照有关文件精神认真组织开展工作。", ())
    assert units.lead == ["甲部"]
    assert prose_notes("丙工作由甲局牵头,乙局配合。", ())[0][2].lead == ["甲局"]


def test_an_office_set_up_under_a_body_named_by_its_kind_is_that_bodys_office_in_full():
    """「成立县“甲乙”指挥部，…。指挥部下设办公室在县丙局，具体负责…」: the office of the headquarters set up, named as the
    body was (its quoted campaign inside the name); 「指挥部办公室」 written later is that office."""
    from policykb.ingest.holders import name_bare_office, set_up_office
    texts = ["县人民政府成立县“甲乙”指挥部,统一指挥调度专项行动。指挥部下设办公室在县丙局,具体负责日常事务。"]
    office = set_up_office(texts)
    assert office == "县“甲乙”指挥部办公室" and looks_like_unit(office)
    assert name_bare_office("指挥部办公室", office) == office and name_bare_office("县丙局", office) == "县丙局"
    assert set_up_office(["成立市甲乙专项行动领导小组,负责领导和协调。", "领导小组下设办公室,办公室设在市教育局,负责日常工作。"]) \
        == "市甲乙专项行动领导小组办公室"
    assert set_up_office(["领导小组下设办公室,办公室设在市教育局。"]) == "领导小组办公室"  # no body set up: as written


def test_a_towns_body_written_by_its_level_in_a_report_on_one_town_is_that_towns():
    """「近日，甲乙區丙丁鎮緊抓防汛…。各村和鎮農辦要…」: a report of no stated place on one township, named with its
    district; 鎮農辦 is that township's (traditional script too); 「以创建市级卫生镇」 names a kind of town, no place."""
    from policykb.ingest.wholeplace import report_town, town_named
    town = report_town(["近日,甲乙區丙丁鎮緊抓防汛不放松,召開防汛專題會議。", "各村和鎮農辦要加強巡查。"])
    assert town == "丙丁鎮"
    assert [town_named(n, town) for n in ["鎮農辦", "各村", "鎮村幹部", "丙丁鎮政府"]] == ["丙丁鎮農辦", "各村", "鎮村幹部", "丙丁鎮政府"]
    assert town_named("街道综治中心", report_town(["8月20日,甲乙县新城街道启动平安建设百日行动。"])) == "新城街道综治中心"
    assert report_town(["为巩固成果,以创建市级卫生镇为目标,做好各项工作。"]) is None


def test_a_list_of_units_as_the_verbs_object_goes_on_after_its_dunhao():
    """「教育部门负责落实各类甲学校、乙学校将…纳入…」: the units after 、 go on listing what the department sees to, no new
    subject; 「主办单位要主动、会办单位要积极」 still cuts after a manner word."""
    found = subject_clauses("教育部门负责落实全市各类中等职业学校、普通中小学将健康教育内容纳入学校教学计划,开展宣传教育活动。",
                            numbered=True)
    assert [units.lead for _, units in found] == [["教育部门"]]
    found = subject_clauses("主办单位要主动、会办单位要积极,共同做好接待工作。", numbered=True)
    assert [units.lead for _, units in found] == [["主办单位"], ["会办单位"]]


# --- rosters by kinds of departments, duty headings, lists of kinds ---

def _drafted(root, *lines: str) -> list[dict]:
    """The tasks of a small text as the importer drafts them (a knowledge base with no units of its own)."""
    import datetime as dt
    from policykb.ingest.compose import Registry, compose
    from policykb.ingest.source import Source
    source = Source("x.txt", "txt", [Block(t, f"第{i}行") for i, t in enumerate(lines, start=1)])
    return list(compose(source, Registry.load(root), dt.date(2024, 1, 1)).tasks.values())


def test_a_heading_naming_a_kind_of_department_alone_owns_the_duties_under_it(tmp_path):
    """「（二）公安部门」 over numbered duties, 「（三）工商部门」「（四）质监部门」 each over one paragraph of them, beside a
    task a note assigns: each duty is the heading's department's, whatever verb opens it."""
    tasks = _drafted(tmp_path, "(一)做好甲项工作(县交通局负责)。", "(二)公安部门", "1.加强车辆登记管理,禁止违规登记使用;",
                     "2.组织交警开展路面执法。", "(三)工商部门", "查处非法拼装、改装汽车行为,依法取缔非法改装企业。",
                     "(四)质监部门", "对治超工作所需的检测设备依法实施计量检定。")
    assert [t["lead"] for t in tasks] == [["县交通局"], ["公安部门"], ["公安部门"], ["工商部门"], ["质监部门"]]


def test_a_numbered_duty_heading_with_its_duties_run_in_is_a_roster_line(tmp_path):
    """「（一）县政府职责：…」: the heading's unit holds the duties after its colon, the body its duties open with as
    named there (「纪检监察部门职责：纪检监察机关负责…」), 会同 partners taking part; a paragraph between such lines, or
    after them, opening with its own unit is that unit's share (a collective's too, between them)."""
    tasks = _drafted(tmp_path, "(一)县政府职责:县政府根据方案要求,组织相关部门和镇政府实施改革;成立工作组,组织信息采集。",
                     "各镇政府承担对本辖区补贴对象信息审核的责任,确保信息准确无误。",
                     "(二)纪检监察部门职责:纪检监察机关主要负责监督检查改革实施情况;会同财政部门制定宣传方案。",
                     "镇财政所负责直接发放存折给补贴对象,不得委托他人代发。")
    assert [(t["lead"], t.get("participants", [])) for t in tasks] == [
        (["县政府"], ["相关部门", "镇政府"]), (["各镇政府"], []), (["纪检监察机关"], ["财政部门"]), (["镇财政所"], [])]


@pytest.mark.parametrize("text, lead, participants", [
    # fields written bare before the 部门 they share, said to work by their own duties: each its own share
    # (said of none, the first leads: truth rule 5, as 「交通运输、公安交警、应急管理部门要…」)
    ("建设、市政园林、公安等部门,要继续执行困难群众的优惠政策。", ["建设部门"], ["市政园林部门", "公安部门"]),
    ("劳动保障、教育、卫生等部门,要按照各自职责,继续完善各项救助政策。", ["劳动保障部门", "教育部门", "卫生部门"], []),
    ("机构编制、财政、税务等部门在各自职责范围内,协助做好救助工作。", ["机构编制部门", "财政部门", "税务部门"], []),
    # a list closed by its kind of body (lexicon.yaml body_kinds): the kind no name
    ("工会、共青团、妇联、残联等人民团体要充分发挥各自优势,开展扶贫济困活动。", ["工会", "共青团", "妇联", "残联"], []),
    # 要配合X做好…: X leads, the subject takes part
    ("发改、物价、统计等部门要配合民政部门做好救助标准的测算工作。", ["民政部门"], ["发改部门", "物价部门", "统计部门"]),
    ("卫生部门要配合药品监管部门严格医疗机构药品使用管理。", ["药品监管部门"], ["卫生部门"]),
])
def test_a_list_of_kinds_of_departments_each_does_its_own_share(text, lead, participants):
    [(_, units)] = subject_clauses(text, (), numbered=True)
    assert (units.lead, units.participants) == (lead, participants)


def test_named_bodies_listed_without_their_kind_still_have_the_first_lead():
    [(_, units)] = subject_clauses("县公安局、县交通局要加强路面巡查。", (), numbered=True)
    assert (units.lead, units.participants) == (["县公安局"], ["县交通局"])


@pytest.mark.parametrize("written, names", [
    ("各街道和镇社会事务部门", ["各街道和镇社会事务部门"]),  # one kind of department of each level: one collective
    ("开发区党工委、管委会", ["开发区党工委", "开发区管委会"]),  # the place before the party committee is the committee's too
    ("县市区党委、政府", ["县市区党委、政府"]),  # a collective of counted places stays one
    ("县(市、区)、乡镇(街道)党委、政府", ["县(市、区)、乡镇(街道)党委、政府"]),  # levels' committees and governments: one
    ("各区教育局、公安分局", ["各区教育局", "各区公安分局"]),  # each district's bureau of both kinds
    ("各县教育局、市公安局", ["各县教育局", "市公安局"]),
])
def test_a_place_or_level_written_once_is_each_listed_bodys(written, names):
    units = parse_units(written)
    assert units.lead + units.participants == names


@pytest.mark.parametrize("text, lead", [
    ("学生失踪失联须由公安部门界定,从严掌握。", ["公安部门"]),  # a modal before 由: the topic before it
    ("对疑似失学辍学学生,各区教育局、公安分局要建立协作查找机制。", ["各区教育局", "各区公安分局"]),  # whom it is about
    ("开发区管委会全权负责市级权限内各类建设工程的审批。", ["开发区管委会"]),
])
def test_a_subject_after_its_topic_or_with_its_manner(text, lead):
    [(_, units)] = subject_clauses(text, (), numbered=True)
    assert units.lead == lead


def test_a_sanction_on_cases_is_still_no_lead_in():
    assert subject_clauses("对逾期未整改的,新区将实施约谈。", (), numbered=True) == []


def test_a_demand_on_nobody_in_particular_before_named_departments_shares_is_no_task():
    """「（三）加强部门协作。各有关部门要切实履行监管职责…。X部门要…。Y部门要…」: the demand on all to work together
    heads the departments' shares (truth rule 1), no task of 各有关部门's."""
    tasks = _tasks("一、工作措施", "(三)加强部门协作。各有关部门要切实履行监管职责,加强协调沟通。食品药品监管部门要加强各环节的监管。"
                   "工商部门要严厉查处虚假广告。")
    assert [t.units.lead for t in tasks] == [["食品药品监管部门"], ["工商部门"]]


def test_a_page_stored_from_inside_a_list_keeps_its_headings_above_their_items():
    """「5.…」 (the end of a list begun on an earlier page), then 「（二）公安部门」 and its 「1.」「2.」: a list met first past
    its first number goes on a list above the items after it, so the heading still owns them."""
    from policykb.ingest.generic import general_tasks
    found, _ = general_tasks([Block(t, f"第{i}行") for i, t in enumerate(
        ["5.做好车辆查处的宣传工作。", "(二)公安部门", "1.加强车辆登记管理,禁止违规登记使用;", "2.组织交警开展路面执法。"], start=1)])
    assert [c.units.lead for c in found] == [["公安部门"], ["公安部门"]]


@pytest.mark.parametrize("name, unit", [
    ("要严格把关", False),  # a modal opening a clause with no subject
    ("将路面执法中发现的非法改装部门", False),  # what is done with a thing
    ("将乐县", True),
])
def test_a_clause_opening_with_a_modal_or_jiang_is_no_unit(name, unit):
    assert looks_like_unit(name) is unit


def test_one_each_over_a_level_with_its_bracketed_kind_and_departments_names_two_collectives():
    """「各乡镇(街道)和职能部门要…」: one 各 over the places (their other kind in brackets) and the departments named by
    their function: 各乡镇(街道) and 各职能部门, each its own share, not a bare 职能部门."""
    from policykb.ingest.unitnames import split_names
    assert split_names("各乡镇(街道)和职能部门")[0] == ["各乡镇(街道)", "各职能部门"]
    assert split_names("各乡镇和职能部门")[0] == ["各乡镇", "各职能部门"]


def test_a_named_bureau_and_others_like_it_after_a_collective_is_no_kind_of_department():
    """「各乡镇及县交通局等部门」: the townships and a named bureau (others like it left open), not one collective of a
    kind of department of each place (「各街道和镇社会事务部门」 stays one)."""
    from policykb.ingest.unitnames import split_names
    assert split_names("各乡镇及县交通局等部门") == (["各乡镇", "县交通局"], True)
    assert split_names("各街道和镇社会事务部门")[0] == ["各街道和镇社会事务部门"]


def test_a_paragraph_under_a_part_naming_the_tasks_gives_collectives_their_share():
    """「四、工作任务」「（一）着力开展X工程」「各乡镇和职能部门要…」: under a part whose heading names the tasks, a
    collective's sentence is the division's, its share (as under a part whose paragraphs already divide the work)."""
    tasks = _tasks("四、工作任务", "（一）着力开展“五一工程”",
                   "各乡镇和职能部门要按照专项行动的工作要求，组织开展“五一工程”，每周一次宣传教育，每月一次排名通报。")
    assert [(t.units.lead, t.units.mode) for t in tasks] == [(["各乡镇", "各职能部门"], "separate")]
    # under a part of requirements the same sentence is no task
    assert not _tasks("四、保障措施", "（一）加强组织领导",
                      "各乡镇和职能部门要按照专项行动的工作要求，加强组织领导，每周一次宣传教育，每月一次排名通报。")


def test_each_clause_of_a_sentence_that_assigns_two_units_their_own_work_is_its_units():
    """「省民政厅负责甲的普查工作，省海洋渔业局负责乙的普查工作。」 in a paragraph of prose: two units each answering
    for their own work, two tasks (not the first's whole sentence)."""
    from policykb.ingest.generic import general_tasks
    tasks, _ = general_tasks([Block("为加强领导，省成立普查试点领导小组。省民政厅负责试点地区陆地地名的普查工作，"
                                    "省海洋渔业局负责试点地区海域地名和其他海岛地名的普查工作。", "第1行")], (), set())
    assert [(t.units.lead, t.text) for t in tasks] == [
        (["省民政厅"], "省民政厅负责试点地区陆地地名的普查工作。"),
        (["省海洋渔业局"], "省海洋渔业局负责试点地区海域地名和其他海岛地名的普查工作。")]


def test_a_bodys_party_secretary_and_its_head_answer_for_its_work_in_person():
    """「学校党组织书记和校长对全校…工作负总责」: the party secretary of a body (its head in the party's line) and the
    head after 和 are two people; the body answers for the work, both lead it in person, kept as written."""
    [(_, units)] = subject_clauses("学校党组织书记和校长对全校安全工作负总责，专题部署学校安全教育工作。", numbered=True)
    assert (units.lead, units.leaders) == (["学校"], ["学校党组织书记", "校长"])
    [(_, units)] = subject_clauses("各社区党组织书记对本社区消防工作负总责，组织干部开展巡查。", numbered=True)
    assert (units.lead, units.leaders) == (["各社区"], ["各社区党组织书记"])


def test_people_a_body_sends_by_their_number_do_its_work_in_person():
    """「…，向考点各派2名纪检干部，全程监察」, 「安排2名公安人员参加试卷接送」: the people a body sends, counted, lead
    the body's work in person; the body answers for it."""
    [(_, units)] = subject_clauses("区纪委履行监督职责，向各考场各派2名纪检干部，全程监察。", numbered=True)
    assert (units.lead, units.leaders) == (["区纪委"], ["纪检干部"])
    [(_, units)] = subject_clauses("县公安局负责考试期间的保卫工作，安排3名公安人员参加试卷押运。", numbered=True)
    assert (units.lead, units.leaders) == (["县公安局"], ["公安人员"])


@pytest.mark.parametrize("text, subject", [
    ("区“双创”指挥部执纪问责组将进行约谈问责。", "区“双创”指挥部执纪问责组"),  # a place's body named for a campaign
    ("县“清剿火患”指挥部负责统一指挥调度。", "县“清剿火患”指挥部"),
    ("黄州区“双创”办要加强日常督查。", "黄州区“双创”办"),
])
def test_a_body_named_for_a_quoted_campaign_is_a_subject_whole(text, subject):
    from policykb.ingest.subjects import subject_match
    assert subject_match(text)["subject"] == subject


def test_a_quoted_term_after_a_verb_names_no_body():
    from policykb.ingest.subjects import subject_match
    assert subject_match("统筹推进“五位一体”总体布局,协调推进“四个全面”战略布局。") is None
    assert subject_match("各单位要做好“三服务”工作。")["subject"] == "各单位"


def test_a_subject_ending_before_a_quoted_term_keeps_its_own_name():
    from policykb.ingest.subjects import subject_match
    assert subject_match("区委农办要结合全区“三新”建设任务,负责指导督查新社区建设。")["subject"] == "区委农办"


def test_a_later_part_consulting_units_makes_them_take_part():
    """「X应按照…，根据…，会商Y及有关部门编制…」: Y takes part; 及有关部门 closes the list open, as 等有关部门 does."""
    found = subject_clauses("自治区发展和改革委员会应按照中央的要求，根据自治区确定的工作重点，会商自治区财政厅及有关部门"
                            "编制投资项目计划，报自治区人民政府批准后执行。", numbered=True)
    assert [(u.lead, u.participants, u.open_ended) for _, u in found] == [
        (["自治区发展和改革委员会"], ["自治区财政厅"], True)]


def test_a_body_checking_plans_by_a_rule_is_the_subject_of_its_work():
    """「X根据Y编制的计划，审核…」: the rule it works by, then its verb of checking; 「X审核通过的…」 describes a thing."""
    found = subject_clauses("自治区财政厅根据自治区发展和改革委员会编制的投资项目计划，审核地方配套资金建议计划，"
                            "提出初步安排意见。", numbered=True)
    assert [u.lead for _, u in found] == [["自治区财政厅"]]
    assert subject_clauses("市发改委审核通过的项目纳入计划。", numbered=True) == []
    assert subject_clauses("经县政府同意，县机构编制、司法行政部门审核备案后，报县委批准实施。", numbered=True) == []


def test_the_governments_of_levels_named_by_their_kind_each_do_their_own_share():
    """「乡镇政府、村民委员会应安排专门人员…」: a township's and a village's self-government named by kind alone, each
    in its own area (separate); a department before a level's governments still leads them (first)."""
    [(_, units)] = subject_clauses("乡镇政府、村民委员会应安排专门人员负责管理禁牧工作。", numbered=True)
    assert (units.lead, units.mode) == (["乡镇政府", "村民委员会"], "separate")
    [(_, units)] = subject_clauses("县农业局、乡镇政府要安排专门人员负责管理禁牧工作。", numbered=True)
    assert (units.lead, units.mode) == (["县农业局"], "first")


def test_levels_listed_bare_as_a_subject_are_each_levels_governments_doing_their_own_share(tmp_path):
    """「省、设区的市(自治州)、县(市、区)、乡(镇)应当建立…」: a law gives each level of government its share by naming the
    levels alone (the brackets hold the kinds of place of a level): each level, separate (in traditional script too); a
    level alone, levels before one body (市、县区卫生行政部门), or the levels below a city alone (区、镇、街道, one collective)
    is no such list."""
    [(_, units)] = subject_clauses("省、设区的市(自治州)、县(市、区)、乡(镇)应当建立工作第一责任人制度。")
    assert (units.lead, units.participants, units.mode) == (["省", "设区的市(自治州)", "县(市、区)", "乡(镇)"], [], "separate")
    from policykb.ingest.unitnames import level_list
    assert level_list("省、縣(市、區)") == ["省", "縣(市、區)"]
    assert level_list("区、镇、街道") is None  # the levels below a city, bare: one collective
    assert parse_units("区、镇、街道").lead == ["区、镇、街道"]
    assert subject_clauses("省应当建立工作第一责任人制度。") == []
    [(_, units)] = subject_clauses("市、县区卫生行政部门应建立健全工作制度。")
    assert units.lead == ["市、县区卫生行政部门"]
    tasks = _drafted(tmp_path, "甲乙省工作条例", "第一条 为了做好甲乙工作,制定本条例。",
                     "第二条 省、设区的市(自治州)、县(市、区)应当建立工作第一责任人制度。")
    assert [(t["lead"], t.get("lead_mode")) for t in tasks] == [(["甲乙省", "设区的市(自治州)", "县(市、区)"], "separate")]


def test_sectors_before_a_shared_department_in_charge_are_each_sectors_department():
    """「建设、水利、公路等工程建设主管部门，要…本部门…」: bare sectors before the one kind of department in charge they
    share (its field, 工程建设 or 行业, between): each sector's department in charge, the list open, each its own share;
    named bureaus before it stay as written."""
    units = parse_units("建设、水利、公路等工程建设主管部门", ())
    assert (units.lead + units.participants, units.open_ended) == (["建设主管部门", "水利主管部门", "公路主管部门"], True)
    units = parse_units("县教育局、县卫生局等行业主管部门", ())
    assert units.lead + units.participants == ["县教育局", "县卫生局"]
    [(_, units)] = subject_clauses("住建、交通等行业主管部门,要认真清理本部门管辖项目的欠薪情况。", numbered=True)
    assert (units.lead, units.mode) == (["住建主管部门", "交通主管部门"], "separate")


def test_partners_listed_as_alternatives_each_take_part():
    """「X所会同甲中心、乙中心或职能站(所)采集、汇总…」: bodies listed with 或 (and 和 after a 中心) are each a name, a
    station named with its kin in brackets is one; all take part in the subject's work."""
    [(_, units)] = subject_clauses("镇财政所会同镇农业服务中心、社会事业服务中心或职能站(所)采集、汇总补贴对象信息。",
                                   numbered=True)
    assert (units.lead, units.participants) == (["镇财政所"], ["镇农业服务中心", "镇社会事业服务中心", "镇职能站(所)"])
    assert parse_units("县交通局或县公路局", ()).lead + parse_units("县交通局或县公路局", ()).participants \
        == ["县交通局", "县公路局"]


def test_units_worked_with_xietong_take_part():
    """「X负责…，协同有关部门作好…宣传工作」: the units 协同 names take part in X's work; 协同单位 is a role, no partner."""
    [(_, units)] = subject_clauses("省教育厅负责将防火知识纳入教学安排,协同有关部门作好防火宣传工作。", numbered=True)
    assert (units.lead, units.participants) == (["省教育厅"], ["有关部门"])
    [(_, units)] = subject_clauses("协同单位要主动对接需求,提供支撑保障。", numbered=True)
    assert units.lead == ["协同单位"]


def test_a_body_taking_its_step_with_yuyi_is_a_subject():
    """「…由X管委会负责备案、核准和审批，市发改委予以备案并纳入台账管理」: the later body's step (予以 after its name) is
    its own clause's work; 「对…的，予以通报批评」 names no body."""
    from policykb.ingest.subjects import subject_match
    assert subject_match("市发改委予以备案并纳入台账管理。")["subject"] == "市发改委"
    [(_, units)] = subject_clauses("市财政局予以资金保障,确保项目按期完成。", numbered=True)
    assert units.lead == ["市财政局"]
    assert subject_clauses("对工作不力的,予以通报批评。", numbered=True) == []


def test_the_township_a_report_is_about_is_the_subject_this_town_names(tmp_path):
    """「郸城县新城街道启动…」 then 「该街道将…」: the report's one township is the subject 该街道 names; 该 opens no other
    name."""
    tasks = _drafted(tmp_path, "8月20日上午,郸城县新城街道启动平安建设行动,部署开展整治活动。",
                     "该街道将全覆盖进行排查检查,全面堵塞漏洞,净化社会治安环境。",
                     "各社区、各单位要严格按照方案要求,成立保卫巡逻队,做好安全防范。")
    assert [t["lead"] for t in tasks] == [["新城街道"], ["各社区", "各单位"]]
    assert not looks_like_unit("该部门")


# --- named places' governments, bodies a government sets up, rosters, days reported ---

@pytest.mark.parametrize("written, names", [
    ("河北省、山西省人民政府", ["河北省人民政府", "山西省人民政府"]),  # provinces share the government written once
    ("廣西壯族自治區、雲南省人民政府", ["廣西壯族自治區人民政府", "雲南省人民政府"]),  # a State Council text in traditional script
    # kinds of places, no place named: every province, region and municipality's government, one collective
    ("各省、自治区、直辖市人民政府", ["各省、自治区、直辖市人民政府"]),
    ("各省、自治区、直辖市党委和政府", ["各省、自治区、直辖市党委和政府"]),
])
def test_named_provinces_before_one_government_each_have_theirs(written, names):
    from policykb.ingest.subjects import unit_names
    assert unit_names(written, ()) == names


def test_named_places_governments_listed_each_do_their_own_share():
    """「甲省、乙省人民政府要…制定实施方案」: governments of different places, none leads another (separate)."""
    [(_, units)] = subject_clauses("河北省、山西省人民政府要切实加强组织领导，制定实施方案。", numbered=True)
    assert (units.lead, units.participants, units.mode) == (["河北省人民政府", "山西省人民政府"], [], "separate")


def test_a_body_a_government_sets_up_under_a_bare_name_is_that_governments():
    """「镇人民政府设立安全生产委员会，负责…」: the body is the government's (镇人民政府安全生产委员会); one named with
    its own level (「县人民政府成立县X指挥部」) keeps its name."""
    [(_, units)] = subject_clauses("镇人民政府设立安全生产委员会(以下简称镇安委会),负责统筹全镇安全生产工作。",
                                   numbered=True)
    assert units.lead == ["镇人民政府安全生产委员会"]
    [(_, units)] = subject_clauses("县人民政府成立县森林防火指挥部,负责统一指挥全县森林防火工作。", numbered=True)
    assert units.lead == ["县森林防火指挥部"]


def test_the_roster_after_a_body_set_up_names_its_leaders():
    """「…成立X指挥部，统一指挥…。副市长甲任指挥长，A局局长乙、B局副局长丙任副指挥长」: the people heading the body,
    each with the post written before the name, lead its work; 「由丁兼任办公室主任」 heads its office."""
    text = ("市人民政府成立市防汛指挥部,负责统一指挥全市防汛工作。副市长张明任指挥长,市水利局局长王强、"
            "市应急局副局长刘洋任副指挥长,成员由各有关部门负责人组成。")
    [(_, units)] = subject_clauses(text, numbered=True)
    assert units.lead == ["市防汛指挥部"]
    assert units.leaders == ["副市长张明", "市水利局局长王强", "市应急局副局长刘洋"]
    from policykb.ingest.inperson import heads_named
    assert heads_named("指挥部下设办公室,负责日常事务,由刘洋兼任办公室主任。") == ["刘洋"]


def test_a_sentence_reporting_what_was_done_on_a_day_is_no_task():
    """「5月8日，由X牵头，Y、Z等单位配合，共同对…进行检查。」: a news report's account of the day's work; a sentence
    of the same day that demands (要, 务必) is read."""
    from policykb.ingest.generic import general_tasks
    blocks = [Block("5月8日,由县应急局牵头,县消防救援大队、县市场监管局等单位配合,共同对全县加油站进行安全检查。", "第1行")]
    assert general_tasks(blocks)[0] == []
    from policykb.ingest.requirements import requirement_tasks
    assert requirement_tasks(blocks) == []  # (as a notice's demands neither: 应 of 应急局 is no modal)
    assert [c.units.lead for c in requirement_tasks([Block("5月8日,县应急局要组织召开专题会议。", "第1行")])] \
        == [["县应急局"]]
    [(_, units)] = subject_clauses("5月8日,县应急局要对全县加油站进行安全检查。", numbered=True)
    assert units.lead == ["县应急局"]
    # (a period is when the work is done; a day's instruction quoted relays demands)
    from policykb.ingest.subjects import reported_on_a_day
    assert not reported_on_a_day("2011年9月20日至2011年12月31日,县住建局和县质监站对口督查各乡镇")
    assert not reported_on_a_day("9月17日,市长对整改工作做出批示:“县水利局认真抓紧整改,县督查室搞好配合")


def test_the_public_listed_after_bodies_is_no_unit_the_bodies_do_the_work():
    """「一切单位和市民都应参加…」, 「各单位及居民应当…」: the people at large (lexicon.yaml the_public) listed after the
    bodies are neither unit nor leader; the bodies lead, no doubt raised."""
    from policykb.ingest.subjects import unit_names
    assert unit_names("一切单位和市民", ()) == ["一切单位"]
    assert unit_names("各单位及居民", ()) == ["各单位"]
    [(_, units)] = subject_clauses("全民参与,一切单位和市民都应参加灭鼠活动。", numbered=True)
    assert units.lead == ["一切单位"] and not units.flags


def test_a_collectives_line_among_roster_lines_is_one_of_the_roster():
    """「甲中心：负责…」, 「乙所：负责…」, then 「各村(社区)：将…发放到农户…」: a collective before its colon right after a
    roster line is a member's duty line, not a notice's addressees."""
    tasks = _tasks("农业服务中心:负责技术指导,推进综合利用。", "财政所:负责资金发放,保障工作经费。",
                   "各村(社区):将宣传资料发放到农户,组织开展巡查。")
    assert [t.units.lead for t in tasks] == [["农业服务中心"], ["财政所"], ["各村（社区）"]]


def test_a_report_whose_only_named_holder_is_levels_of_one_kind_keeps_its_role_words_demands():
    """「县乡两级服务机构要…，各成员单位要…」 in a meeting report dividing no work: bodies of one kind at each level
    name no one unit, so nothing is divided and the demand on the members is a task too (truth rule 2)."""
    from policykb.ingest.candidates import find_candidates
    from policykb.ingest.source import Block, Source
    lines = ["县委某某工作领导小组会议召开",
             "组长要求,要切实强化服务保障,县乡两级服务机构要提升履职能力,各成员单位要履行好统筹协调的职能,"
             "不断提高工作规范化水平。"]
    blocks = [Block(t, f"第{i}行") for i, t in enumerate(lines, 1)]
    found, _, _ = find_candidates(Source(path="report.txt", kind="txt", blocks=blocks), set(), ())
    assert [c.units.lead for c in found] == [["县乡两级服务机构"], ["各成员单位"]]


@pytest.mark.parametrize("text, lead", [
    ("省、市人民政府及其职能部门应当支持试验区聚焦主业。", ["省人民政府", "市人民政府", "职能部门"]),
    ("县级以上人民政府及其有关部门应当加强监督管理。", ["县级以上人民政府", "有关部门"]),
])
def test_governments_and_their_own_departments_each_do_their_share(text, lead):
    """「X人民政府及其有关部门」: the governments and their departments (其, theirs, names no body), levels and
    departments each doing its own share (truth rule 5)."""
    [(_, units)] = subject_clauses(text, numbered=True)
    assert (units.lead, units.mode, units.flags) == (lead, "separate", [])


def test_a_word_holding_you_opens_no_note_inside_a_name():
    """「中国(某省)自由贸易试验区办公室负责…」: the 由 of 自由贸易 is part of the name, no 「由X负责」 note (「河道清理由
    水利局牵头」 is one)."""
    from policykb.ingest.prose import prose_notes
    assert prose_notes("中国(某省)自由贸易试验区办公室负责制定发展规划和重大政策,研究提出改革方案。", ()) == []
    [(_, _, units)] = prose_notes("河道清理由水利局牵头,清除河道垃圾。", ())
    assert units.lead == ["水利局"]
    assert parse_units("各部门及其所属单位").lead == ["各部门及其所属单位"]


# --- a measure's run-in title, collectives setting up their working bodies, returns compiled and sent up ---

def test_a_run_in_title_closed_by_a_colon_does_not_hide_the_doer_named_by_by():
    """「（一）加强组织领导：由X牵头推进…。各乡镇成立工作专班，…」: the measure's short title and its colon, then 由 naming
    the doer; the next sentence's collective sets up its own working body (each its own), its task."""
    found = subject_clauses("加强组织领导:由县水利局牵头推进灌区改造工作。各乡镇成立工作专班,细化分解任务。", (),
                            numbered=True)
    assert [units.lead for _, units in found] == [["县水利局"], ["各乡镇"]]
    assert found[1][0].startswith("各乡镇成立工作专班")


@pytest.mark.parametrize("text, lead", [
    ("强化协调配合:县公路局和县交通局要加强协作,逐个项目制定细化的实施方案。", ["县公路局"]),
    ("加强项目管理：县公路局负责编制项目清单。", ["县公路局"]),
])
def test_a_run_in_title_closed_by_a_colon_does_not_hide_the_holders_after_it(text, lead):
    """「（二）强化协调配合：X和Y要…」: a numbered measure's short title and its colon, then its holders and their verb."""
    found = subject_clauses(text, (), numbered=True)
    assert [units.lead for _, units in found] == [lead]


@pytest.mark.parametrize("text", ["工作要求:县公路局要加强协作,逐个项目制定方案。", "主要职责:县公路局负责编制项目清单。",
                                  "牵头单位:县公路局负责编制项目清单。"])
def test_a_heading_announcing_demands_duties_or_units_is_no_measures_title(text):
    """「工作要求：」 announces demands, 「主要职责：」 a body's duties and 「牵头单位：」 its units: none is a measure's
    title before its holders (their readers are others')."""
    assert subject_clauses(text, (), numbered=True) == []


@pytest.mark.parametrize("text", ["县政府成立了工作专班,细化分解任务。", "各街道成立了防汛指挥部。"])
def test_a_body_that_set_up_a_working_body_reports_what_was_done(text):
    assert subject_clauses(text, (), numbered=True) == []


def test_a_body_compiling_the_returns_and_sending_them_up_does_its_own_work():
    """「…由各地办公室每月上报报表。市办公室每月进行统计汇总后报市政府」: the office that compiles them sends them up."""
    [(_, units)] = subject_clauses("市园区办公室每月进行统计汇总后报市政府和省工信厅。", (), numbered=True)
    assert units.lead == ["市园区办公室"]


# --- sectors named bare under one 各级, returns a topic's 由 sends up level by level ---

@pytest.mark.parametrize("text, names", [
    ("各级财政、审计部门", ["各级财政部门", "各级审计部门"]),
    ("各级公安、交通等部门", ["各级公安部门", "各级交通部门"]),
    ("各级行业主管、监管部门", ["各级行业主管、监管部门"]),  # kinds of one department, no sector: one collective
    ("省级财政、审计部门", ["省级财政部门", "省级审计部门"]),  # one level named, shared like 各级
    ("县级公安、交通等部门", ["县级公安部门", "县级交通部门"]),  # an open list of one level's: each too (corpus rule 5)
])
def test_sectors_named_bare_under_every_level_are_each_sectors_departments(text, names):
    assert parse_units(text, ()).lead + parse_units(text, ()).participants == names


def test_a_topics_returns_sent_up_level_by_level_by_each_sector_named_by_by():
    """「X情况由各级财政、发展改革部门分别逐级汇总上报」: the topic (情况), then 由 naming the doers, each its own share."""
    [(_, units)] = subject_clauses("项目完成情况由各级财政、发展改革部门分别逐级汇总上报。", (), numbered=True)
    assert units.lead == ["各级财政部门", "各级发展改革部门"]
    assert units.mode == "separate"


def test_each_of_a_collective_given_the_focus_of_its_own_work_is_a_task_a_whole_place_is_none(tmp_path):
    """「各供销社以各中心村为重点」: each of a collective given the focus of its own work holds it; 「全乡以集镇为重点」
    names the whole place, no body, and 「乡政府确定，…」 announces the decision: neither is a task."""
    import datetime as dt
    from conftest import import_text
    _, tasks, _ = import_text(tmp_path, "甲乡人民政府关于开展农资打假专项行动的通知\n各村、各供销社:\n"
                              "一、突出重点。各单位要结合辖区实际,狠抓大案要案。乡政府确定,全乡以集镇为重点,"
                              "各供销社以各中心村为重点。\n甲乡人民政府\n2015年3月2日\n", dt.date(2015, 3, 2))
    assert [t["lead"] for t in tasks] == [["各单位"], ["各供销社"]]


# --- a rule on setting bodies up: the act is the topic, the doer named by 由 ---

def test_setting_a_body_up_then_an_obligation_is_a_rule_its_doer_named_by_by_asks_approval():
    """「设立X，均须履行报批手续，具体由牵头部门请示」: what setting a body up takes (the act the topic, no body doing
    something); the doer 具体由 names asks for approval (请示), its task."""
    found = subject_clauses("设立议事协调机构,均须履行报批手续,具体由牵头部门请示,报省政府审批。", (), numbered=True)
    assert [units.lead for _, units in found] == [["牵头部门"]]
    assert subject_clauses("设立议事协调机构,应当从严控制。", (), numbered=True) == []


def test_a_procedure_notice_on_setting_bodies_up_gives_their_lead_departments_the_steps(tmp_path):
    """A notice of procedure: 「设立X，应当从严控制」 names no holder (no task of the addressees), the steps fall to the
    role word 牵头部门."""
    import datetime as dt
    from conftest import import_text
    _, tasks, _ = import_text(tmp_path, "甲省人民政府办公厅关于议事协调机构设立程序的通知\n各市人民政府、省政府各部门:\n"
                              "一、议事协调机构是协商办理跨部门事项的一种工作机制。设立议事协调机构,应当从严控制。\n"
                              "二、设立议事协调机构,均须履行报批手续,具体由牵头部门请示,报省政府审批。"
                              "工作结束后,应由牵头部门提出撤销申请,报省政府审批。\n"
                              "甲省人民政府办公厅\n2015年3月2日\n", dt.date(2015, 3, 2))
    assert [t["lead"] for t in tasks] == [["牵头部门"], ["牵头部门"]]


# --- a notice's demands on role holders and kinds of units, its division elsewhere ---

def test_a_bracket_defining_a_role_names_no_holder_and_leaves_the_clause_its_subject():
    """「特别是牵头单位（无牵头单位的，责任单位即为牵头单位，下同）要…」: the bracket defines the role; the clause is
    the role holder's, written with its bracket."""
    found = subject_clauses("各责任单位要逐项研究所承办的事项,特别是牵头单位(无牵头单位的,责任单位即为牵头单位,下同)"
                            "要统筹制订办理方案。", (), numbered=True)
    assert [u.lead for _, u in found] == [["各责任单位"], ["牵头单位"]]
    assert "(无牵头单位的,责任单位即为牵头单位,下同)要统筹" in found[1][0]


@pytest.mark.parametrize("text, lead, leader", [
    ("各单位“一把手”要亲自抓、负总责,做到每项任务有工作措施。", ["各单位"], "一把手"),
    ("各乡镇、各部门主要负责人作为落实工作任务的“第一责任人”,要负总责、亲自抓。", ["各乡镇", "各部门"], "主要负责人"),
    # how often the heads take the work up: they answer for it in person
    ("各街道要加强对安全生产工作的领导,主要负责同志每季度至少研究一次安全工作。", ["各街道"], "主要负责同志"),
    ("各乡镇、各部门要加强对信访工作的领导,主要负责人定期听取工作汇报。", ["各乡镇", "各部门"], "主要负责人"),
])
def test_a_collectives_heads_named_by_their_post_answer_for_their_units(text, lead, leader):
    [(_, units)] = subject_clauses(text, (), numbered=True)
    assert units.lead == lead
    assert any(p.endswith(leader) for p in units.leaders)


@pytest.mark.parametrize("text, lead", [
    ("各牵头单位从2022年第二季度起,要在每个季度第1个月的20日前,将完成情况报市政府督查室。", ["各牵头单位"]),
    ("其它责任单位将责任落实情况提前报送牵头单位。", ["其它责任单位"]),
    ("各责任事项牵头单位对照目标任务要求,科学谋划,认真制定全年办理方案。", ["各责任事项牵头单位"]),
    ("对涉及面广的责任事项,牵头单位适时向市人民政府报告落实中的困难和问题。", ["牵头单位"]),
    ("各牵头部门抓总,配合单位共同努力,细化工作方案。", ["各牵头部门"]),
])
def test_a_role_holders_demand_in_a_notice_is_read_whatever_stands_before_its_verb(text, lead):
    """From when on (从…起), 其它 as 其他, working to the targets (对照…要求), reporting up (向…报告), leading the whole
    (抓总)."""
    assert [u.lead for _, u in subject_clauses(text, (), numbered=True)] == [lead]


def test_the_stressed_kind_among_the_holders_before_is_no_holder_of_its_own():
    """「各职能部门要主动配合。特别是任务较重的单位，要加派人手」: those among them asked more, no name."""
    found = subject_clauses("各职能部门要主动配合、积极支持。特别是任务较重的单位,要加派人手、优化方案。", (), numbered=True)
    assert [u.lead for _, u in found] == [["各职能部门"]]


def test_the_members_of_a_named_body_keep_their_demand_beside_named_units(tmp_path):
    """「县林长制联席成员单位要…」 beside 「县林长制办公室要…」: the members of a body named, no role in a division
    elsewhere (the notice's demands are its tasks)."""
    import datetime as dt
    from conftest import import_text
    _, tasks, _ = import_text(tmp_path, "甲县印发巡林任务清单\n发布时间:2025-06-13\n"
                              "《清单》要求,各镇人民政府要坚决扛牢主体责任。县林长制联席成员单位要细化实化工作责任,"
                              "强化协调联动。县林长制办公室要加强对问题清单的动态调整更新。\n", dt.date(2025, 6, 13))
    assert any("联席成员单位" in lead for t in tasks for lead in t["lead"])


@pytest.mark.parametrize("written, name", [("县林业局、各县市、区政府", "各县市、区政府"),
                                           ("县林业局、各县市、区人民政府", "各县市、区人民政府")])
def test_counties_cities_and_districts_written_without_their_brackets_are_one_collective(written, name):
    """「各县市、区政府」 is 「各县（市、区）政府」 with its brackets left out: one collective, no 区政府 of its own."""
    units = parse_units(written)
    assert units.lead + units.participants == ["县林业局", name] and not units.doubts


@pytest.mark.parametrize("text, lead", [
    ("宣传部门通过媒体发布以下健康防护信息:儿童尽量留在室内。", ["宣传部门"]),
    ("教育部门通知并督导幼儿园、小学、中学停止所有户外课程和活动。", ["教育部门"]),
    ("卫生健康部门通知并督导医疗卫生机构加强对呼吸类疾病患者的就医指导。", ["卫生健康部门"]),
])
def test_a_department_telling_the_bodies_it_oversees_or_the_public_is_the_subject(text, lead):
    """「X部门通知并督导Y…」, 「X部门通过媒体发布…」: an alert's measures, each a department's share; the bodies it
    oversees (Y) are no part of its name."""
    assert [u.lead for _, u in subject_clauses(text, (), numbered=True)] == [lead]


def test_a_request_whose_long_topic_stands_before_its_ask_is_the_addressees_work():
    """「半年工作小结和年度工作总结请分别于…前报送…」: what is asked for, before 请, names no holder: the addressees."""
    from policykb.ingest.requirements import requirement_tasks
    blocks = [Block("各市人民政府,省安委会各成员单位:", "第1行"),
              Block("《要点》已经省政府同意,现印发给你们,请抓好贯彻落实。半年工作小结和年度工作总结请分别于6月25日、"
                    "12月20日前报送省安委会办公室。", "第2行")]
    [task] = requirement_tasks(blocks)
    assert task.units.lead == ["各市人民政府", "省安委会各成员单位"] and task.units.mode == "separate"


def test_each_sentence_of_a_paragraph_closed_by_a_bracket_of_bare_units_is_a_measure_of_its_own():
    """A paragraph whose number is lost, its sentences each closed by (X、Y): one task a bracket, the first listed
    leading (the numbered item's closing bracket alone is read as before)."""
    tasks = _tasks("一、总体", "依托登记系统,拓展网办场景。推广场景应用(区市场局、区行政服务中心)。优化登记信息库(区市场局、区大数据中心)。"
                   "提供集中登记地(区市场局)。")
    assert [(t.units.lead, t.units.participants) for t in tasks] == [
        (["区市场局"], ["区行政服务中心"]), (["区市场局"], ["区大数据中心"]), (["区市场局"], [])]
    assert tasks[1].text.startswith("优化")


def test_a_first_leads_note_may_name_the_first_responsible_unit():
    """「(第一责任单位为牵头单位,下同)」: the first of the 责任单位 line leads, the rule no part of the last name."""
    units = parse_units("责任单位:市发改委、市财政局(第一责任单位为牵头单位,下同)")
    assert (units.lead, units.participants, units.flags) == (["市发改委"], ["市财政局"], [])


def test_the_one_a_notice_asks_to_settle_problems_is_no_unit():
    """「…困难和问题,提请区人民政府统筹协调解决」: 提请 opens a request, no name."""
    assert not looks_like_unit("提请区人民政府") and not looks_like_unit("报请市人民政府")


def test_the_demands_of_a_notices_requirements_part_are_no_tasks(tmp_path):
    """「三. 几点要求」 after the measures divided: its demands on carrying them out are requirements, not tasks."""
    import datetime as dt
    from conftest import import_text
    _, tasks, _ = import_text(tmp_path, "甲市重污染天气应急响应通知\n发布时间:2023-12-25\n一. 健康防护措施\n"
                              "1、教育部门要督导学校停止户外活动。\n2、卫生健康部门要加强就医指导。\n三. 几点要求\n"
                              "1、各县市区政府要立即安排部署,认真督导各单位落实应急响应措施。\n", dt.date(2023, 12, 25))
    assert [t["lead"] for t in tasks] == [["教育部门"], ["卫生健康部门"]]


# --- public notices: enforcement duties given by 由, inspections, premises ---

@pytest.mark.parametrize("text, lead", [
    ("二、违反规定在禁放区域燃放的,由公安机关根据《中华人民共和国治安管理处罚法》予以处罚。", ["公安机关"]),
    ("三、拒不改正的,由林业部门按照《森林防火条例》予以处理。", ["林业部门"]),
    ("四、在禁止区域内焚烧垃圾的,由职能部门依法查处。", ["职能部门"]),
    ("五、发现违规放牧的,由所在地乡(镇)人民政府、街道办事处予以制止。", ["所在地乡(镇)人民政府、街道办事处"]),
])
def test_a_notices_case_handled_by_the_body_by_names_is_its_task(text, lead):
    """「…的，由X根据《…法》予以处罚」, 「由X依法查处」: a notice's item giving the body 由 names a case to act on (the
    law it acts under quoted before its verb); 所在地 before the governments of a level names each place's, as 各 does."""
    assert [u.lead for _, u in subject_clauses(text, (), numbered=True)] == [lead]


def test_a_department_inspecting_after_a_comma_is_a_subject_of_its_own():
    """「…，卫健部门要…，市场监管部门对宾馆、饭店…进行严格执法检查」: the second body's inspection is its own clause."""
    found = subject_clauses("考试期间,卫健部门要做好防疫工作,市场监管部门对宾馆、饭店及摊点进行严格执法检查,确保安全。",
                            (), numbered=True)
    assert [u.lead for _, u in found] == [["卫健部门"], ["市场监管部门"]]


@pytest.mark.parametrize("name, unit", [("国有林场", True), ("营业场所", False), ("公共场所", False)])
def test_a_forest_farm_is_a_body_and_premises_are_none(name, unit):
    assert looks_like_unit(name) is unit


def test_the_work_of_a_city_management_bureau_names_no_place():
    """「延吉市城市管理行政执法局」: 城市管理 is the bureau's work; its place is the city before it."""
    from policykb.ingest.organs import jurisdiction_of
    assert jurisdiction_of("甲乙市城市管理行政执法局") == "甲乙市"
    assert jurisdiction_of("丙县城市管理局") == "丙县"


def test_a_numbered_item_naming_nobody_before_its_sibling_is_no_heading_of_the_items_after_it(tmp_path):
    """A notice's flat list 一、…六、: 「三、营业场所必须…。」 names nobody and is followed by its sibling 「四、」; it heads
    nothing, so the tasks after it do not stand under it as their part (the letters would print it as their heading).
    A part's line with items under it still heads them."""
    import datetime as dt
    import yaml
    from conftest import import_text
    result, tasks, review = import_text(
        tmp_path, "甲市城市管理局关于禁止露天烧烤的通告\n一、城区内禁止露天烧烤。\n二、烧烤油烟必须经净化后排放。\n"
                  "三、市城市管理局将与公安等部门组成联合整治小组，依法查处违法行为。\n"
                  "四、对违反本通告的，由公安部门依法予以处理。\n甲市城市管理局\n2020年5月25日\n", dt.date(2020, 5, 25))
    doc = yaml.safe_load((result.folder / "document.yaml").read_text(encoding="utf-8"))
    assert [t["lead"] for t in tasks] == [["甲市城市管理局"], ["公安部门"]]
    assert [p["title"] for p in doc["parts"]] == ["任务分工"]
    (tmp_path / "headed").mkdir()
    result, tasks, _ = import_text(tmp_path / "headed", "甲市人民政府关于加强城市管理的通知\n一、加强组织领导。\n"
                                   "（一）市城市管理局负责统筹协调。\n（二）市公安局负责交通秩序。\n甲市人民政府\n2020年5月25日\n",
                                   dt.date(2020, 5, 25))
    doc = yaml.safe_load((result.folder / "document.yaml").read_text(encoding="utf-8"))
    assert [t["lead"] for t in tasks] == [["甲市城市管理局"], ["甲市公安局"]]
    assert [p["title"] for p in doc["parts"]] == ["加强组织领导"]


def test_a_collective_opening_a_regulations_article_holds_its_duty(tmp_path):
    """「第七条 各单位及居民应当…」: an article of measures is the measure itself, not a covering notice's demand on
    everyone: the collective it names holds its duty, as a named body holds the article before it."""
    import datetime as dt
    from conftest import import_text
    _, tasks, _ = import_text(tmp_path, "甲市病媒生物防制办法\n第五条 市卫生行政部门应当建立和完善健康教育网络,普及卫生知识。\n"
                              "第六条 市爱卫会负责组织协调病媒生物防制工作。\n"
                              "第七条 各单位及居民应当采取相应措施,将病媒生物密度控制在国家标准以内。\n", dt.date(2023, 12, 25))
    assert [t["lead"] for t in tasks][-1] == ["各单位"]


# --- lists of units' duties (a law site's page starting inside a plan) ---

def test_a_duty_lists_closing_line_names_no_place(tmp_path):
    """「(6)承担市政府赋予的其他任务。」 ending a list, then 「(1)市甲局:负责…」: 承担市 is a verb before 市政府, no
    place, so the units stay as written (no 「承担市甲局」)."""
    import datetime as dt
    from conftest import import_text
    _, tasks, _ = import_text(tmp_path, "(6)承担市政府赋予的其他任务。\n2.成员单位职责:\n"
                              "(1)市甲乙局:负责组织甲乙灾害防御工作,发布预警信息。\n"
                              "(2)市丙丁局:负责丙丁设施的加固工作,组织人员撤离。\n", dt.date(2020, 5, 25))
    assert [t["lead"] for t in tasks] == [["市甲乙局"], ["市丙丁局"]]


def test_a_society_office_is_a_body_not_a_list_closed_by_huiban():
    """「市社会办」: 社会 + 办, no list 「市社」 closed by the role word 会办 (co-handling)."""
    units = parse_units("市社会办")
    assert units.lead == ["市社会办"] and not units.flags
    assert parse_units("甲局主办、乙局会办").participants == ["乙局"]


def test_a_roster_line_whose_duty_is_to_assist_by_its_duties_is_the_members():
    """「X办:依据职责协助相关部门处理好…」: a member whose duty, by its duties, is to help: its line is its task."""
    tasks = _tasks("14.市甲局:负责查处违法收售药品等行为。", "15.市政府乙办:依据职责协助相关部门处理好整治中涉及的法制事务。")
    assert [t.units.lead for t in tasks] == [["市甲局"], ["市政府乙办"]]


@pytest.mark.parametrize("line, partners", [
    ("17.市甲局:负责协同城管执法部门查处依托门店店外经营行为。", ["城管执法部门"]),
    ("20.市乙总队:负责会同公安、城管部门查处非法出版物。", ["公安部门", "城管部门"]),
    ("(5)市丙局:提供分布图,根据气象条件会同气象部门提供灾害预报信息,协调实施防范工作。", ["气象部门"]),
])
def test_a_roster_lines_partners_after_xietong_or_a_lead_in_take_part(line, partners):
    """「负责协同X部门查处…」, 「负责会同X、Y部门查处…」, 「根据…会同X部门提供…」: the units the holder works with."""
    tasks = _tasks("13.市丁局:负责组织协调工作。", line)
    assert tasks[-1].units.participants == partners


def test_a_later_sentence_naming_the_holder_again_is_its_own_line():
    """「各区县政府(地区管委会):落实…。各区县政府、地区管委会应建立…」: the same holder, no second task."""
    tasks = _tasks("22.市甲局:负责组织工作。", "23.各区县政府(地区管委会):落实属地责任,制定辖区工作方案。"
                   "各区县政府、地区管委会应建立相应的工作机制,推动工作落实。")
    assert [t.units.lead for t in tasks] == [["市甲局"], ["各区县政府（地区管委会）"]]


def test_a_bureaus_own_units_after_its_duty_verb_are_no_name():
    """「市林业局负责局属单位…」: 局属 says whose units, the subject ends before 负责."""
    found = subject_clauses("市甲局负责局属单位各类绿地环境的防制工作。同时做好各区(县)绿地的检查工作。", (), numbered=True)
    assert [u.lead for _, u in found] == [["市甲局"]]


def test_a_collective_and_others_each_minding_their_own_area_do_their_own_share():
    """「全市各部门和相关单位要负责本区域…」: each its own area (as 本辖区): separate."""
    found = subject_clauses("全市各部门和相关单位要负责本区域及职责范围内的防制工作,并建立长效管理机制。", (), numbered=True)
    assert [(u.lead, u.mode) for _, u in found] == [(["全市各部门", "相关单位"], "separate")]


def test_a_body_named_for_a_quoted_campaign_and_a_government_strengthening_are_subjects():
    """「市甲办和查禁公路“三乱”督察队依法开展…」: the quoted short name inside a body's name; 「各级人民政府强化管理」."""
    found = subject_clauses("市甲办和查禁公路“三乱”督察队依法开展执法督导工作,查处行业不正之风。", (), numbered=True)
    assert [(u.lead, u.participants) for _, u in found] == [(["市甲办"], ["查禁公路“三乱”督察队"])]
    found = subject_clauses("各级人民政府强化管理,落实各企业防止超载的主体责任。", (), numbered=True)
    assert [u.lead for _, u in found] == [["各级人民政府"]]


@pytest.mark.parametrize("text, names", [
    ("财政等部门", ["财政部门"]),  # 「会同财政等部门」: one sector before 等部门 is that sector's department
    ("財政等部門", ["財政部門"]),  # written in traditional script, kept so
    ("財政、社保部門", ["財政部門", "社保部門"]),
    ("應急管理、生態環境、市場監管、交通運輸等部門", ["應急管理部門", "生態環境部門", "市場監管部門", "交通運輸部門"]),
    ("公安、应急、市场监管、生态环境、教育、交通、城管等部门",  # a long list: the 部门 reaches its first sector too
     ["公安部门", "应急部门", "市场监管部门", "生态环境部门", "教育部门", "交通部门", "城管部门"]),
    ("市财政局等部门", ["市财政局"]),  # a named body before 等部门 stays as written
    ("消防、公安、规划、执法等单位", ["消防", "公安", "规划", "执法"]),  # another shared word: kept as written
])
def test_sector_words_sharing_one_bumen_each_name_that_sectors_department(text, names):
    """Corpus rule 5: sector words sharing one 部门 name one department each, the 部门 written on every word, in
    either script and however long the list; another shared word (等单位) keeps the words as written."""
    from policykb.ingest.unitnames import split_names
    assert split_names(text)[0] == names


@pytest.mark.parametrize("text, lead, participants, mode", [
    # 「X、Y等部门按照各自职责，共同做好…」: the duties they work by, a comma after them, then the work done together:
    # no lead word, the first listed leads (corpus rule 5)
    ("公安、应急、交通等部门按照各自职责,共同做好禁燃禁放工作。", ["公安部门"], ["应急部门", "交通部门"], "first"),
    # 「…按照法定職責，做好…」: the law's duties, in traditional script
    ("應急管理、生態環境等部門按照法定職責,做好安全管理相關工作。", ["應急管理部門"], ["生態環境部門"], "first"),
])
def test_units_working_by_their_duties_then_a_comma_then_the_work_are_its_holders(text, lead, participants, mode):
    [(_, units)] = subject_clauses(text, (), numbered=True)
    assert (units.lead, units.participants, units.mode, units.open_ended) == (lead, participants, mode, True)


def test_a_body_forming_a_group_with_departments_named_by_their_sectors_takes_them_in():
    """「X将与公安、市场监督、畜牧等部门组成联合整治小组」: 与 an open list of departments forming the group with the
    subject: they take part in its work, each the sector's department (corpus rule 5)."""
    [(_, units)] = subject_clauses("市城管局将与公安、市场监督、畜牧等部门组成联合整治小组,依法对违法行为予以处罚。", (), numbered=True)
    assert (units.lead, units.participants, units.open_ended) == (["市城管局"], ["公安部门", "市场监督部门", "畜牧部门"], True)


# --- a group's office seated in a body; the units a duty gathers at set times ---

def test_a_group_setting_up_its_office_in_a_body_gives_the_office_its_work():
    """「领导小组在县甲办设立办公室，负责日常联络工作」: the seat named first, then the office: the group's office holds
    the work, as 「领导小组下设办公室，办公室设在县甲办，负责…」 does; the body it sits in holds none."""
    for text in ("领导小组在县甲办设立办公室，负责日常联络工作。", "领导小组在县甲办设办公室，负责日常联络工作。"):
        [(_, office)] = subject_clauses(text, numbered=True)
        assert office.lead == ["领导小组办公室"]
    tasks = _tasks("一、组织领导", "成立县乙项工作领导小组。领导小组在县甲办设立办公室，负责日常联络工作。")
    assert [t.units.lead for t in tasks][-1] == ["领导小组办公室"]


@pytest.mark.parametrize("duty, gathered", [
    ("定期组织交通、交警、农机等部门,督促检查乙项工作的落实情况。", ["交通部门", "交警部门", "农机部门"]),
    ("定期组织县甲局、县乙局,对丙项工作进行检查。", ["县甲局", "县乙局"]),
])
def test_units_a_duty_gathers_at_set_times_take_part_though_a_comma_closes_them(duty, gathered):
    """「安监部门：定期组织交通、交警等部门，督促检查…」: how often the holder gathers them stands before 组织, a comma
    after the units gathered, then the work they do together: they take part; 「组织召开会议，…」 gathers nobody."""
    tasks = _tasks("公安部门:负责甲项工作。", f"安监部门:{duty}")
    assert (tasks[-1].units.lead, tasks[-1].units.participants) == (["安监部门"], gathered)
    tasks = _tasks("公安部门:负责甲项工作。", "安监部门:组织召开会议,督促检查乙项工作。")
    assert tasks[-1].units.participants == []


def test_an_articles_later_sentence_opening_with_its_partners_goes_on_with_the_articles_subject():
    """「第七条 …。县丙办负责制定…。会同各乡镇人民政府落实…」: in a regulation's article too (where every subject is a
    holder), a sentence that opens with 会同 has no subject of its own: the body before it goes on with the same task,
    the units it works with take part in it; they never lead."""
    from policykb.ingest.generic import ARTICLE_STYLE, Item, read_item
    text = "县丙办负责制定发展规划，研究提出改革方案。会同各乡镇人民政府落实县政府的决策部署，完成县政府交办的相关任务。"
    found = read_item(Item(text, "第1行", 7, True, style=ARTICLE_STYLE), ())
    assert [(u.lead, u.participants) for _, u, _ in found] == [(["县丙办"], ["各乡镇人民政府"])]


# --- later clauses of a unit's duty, lists of kinds before a colon, a phase heading's dates ---

def test_the_units_a_later_clause_of_a_units_duty_helps_take_part():
    """「（一）水利部门。负责A，配合环保部门做好B。」: the holder keeps its work; those it helps later take part (a helping
    first clause still names who it helps, and a later 「；」 part's 「同时配合X处置」 is read too)."""
    from policykb.ingest.generic import general_tasks
    blocks = [Block(text, f"第{i}行") for i, text in enumerate((
        "二、部门职责", "(一)水利部门。负责河道巡查工作,配合环保部门做好水质监测。",
        "(二)林业部门。协助水利部门做好堤岸绿化,负责林地防火;对火情,同时配合消防部门处置。"), start=1)]
    tasks, _ = general_tasks(blocks)
    assert [(t.units.lead, t.units.participants) for t in tasks] == [
        (["水利部门"], ["环保部门"]), (["林业部门"], ["水利部门", "消防部门"])]


def test_a_numbered_colon_line_led_by_a_list_of_kinds_gives_the_first_the_lead():
    """「4.林业、水利部门：负责…。会同气象部门制定…」: the first listed leads, the others take part (truth rule 5), and a
    later sentence's partners take part too."""
    from policykb.ingest.clauses import colon_line
    duty, units = colon_line("林业、水利部门:负责护林防火工作。会同气象部门制定火险预警方案。", numbered=True)
    assert units.lead == ["林业部门"] and units.participants == ["水利部门", "气象部门"]
    assert colon_line("林业、水利部门:负责护林防火工作。") is None  # unnumbered: a notice's addressees may stand so


def test_a_range_of_days_within_one_year_is_one_deadline():
    from policykb.ingest.timing import find
    assert [(f.phrase, f.date.isoformat()) for f in find("第一阶段(2015年3月1日-3月20日)", 2015)] == [
        ("2015年3月1日-3月20日", "2015-03-20")]


def test_a_phase_headings_dates_are_the_deadline_of_the_paragraphs_under_it():
    tasks = _tasks("三、实施步骤", "(一)第一阶段(2015年3月1日-3月20日)。", "市场监管局要加强巡查,及时通报。",
                   "(二)第二阶段(2015年3月21日-4月30日)。", "城管局要做好复查工作。")
    assert [(t.units.lead, t.deadline_text) for t in tasks] == [
        (["市场监管局"], "2015年3月1日-3月20日"), (["城管局"], "2015年3月21日-4月30日")]


def test_under_a_units_heading_an_items_later_sentence_naming_who_does_a_share_makes_it_take_part():
    """「（一）民政部门」 over 「2、对…进行安置。城区内的由区福利院负责安置。」: the item is the unit's duty (its first sentence
    names nobody); the body a later sentence gives a share takes part."""
    tasks = _tasks("二、部门职责", "(一)民政部门", "1、负责救助站的日常工作。",
                   "2、对无法查明户籍的人员进行安置。城区内的由区福利院负责安置。")
    assert (tasks[-1].units.lead, tasks[-1].units.participants) == (["民政部门"], ["区福利院"])


def test_a_measures_title_then_whom_the_work_is_about_then_its_holders():
    """「（二）强化协调配合：对桥梁等较复杂的项目，X及Y等部门加强协作…」: the run-in title, then the projects the work is
    about (对…，), then the units doing it: their task, as without the title."""
    [(_, units)] = subject_clauses("（二）强化协调配合：对桥梁等工程量较大的项目，各乡镇及县交通局等部门加强协作，"
                                   "逐个项目制定细化的实施方案。", (), numbered=True)
    assert units.lead == ["各乡镇"]


# --- a notice's last items, its kinds of bodies, the units working with or helping its holders ---

@pytest.mark.parametrize("close", [["特此通告"], ["某县人民政府", "2024年1月19日"]])
def test_the_last_item_before_a_notices_close_heads_nothing(close):
    """「四、X要…。」 then 「特此通告」 or the signature over its date: the close is no text under the item."""
    tasks = _tasks("一、县消防队要统一食宿。各乡镇(街道)森林消防队伍进入戒备状态。", "二、县林业局要加强值班值守。", *close)
    assert [t.units.lead for t in tasks] == [["县消防队"], ["县林业局"]]


def test_places_and_a_class_of_bodies_written_bare_each_do_their_share():
    [(_, units)] = subject_clauses("各乡镇(街道)、国有林场要加强值班值守。")
    assert (units.lead, units.participants, units.mode) == (["各乡镇(街道)", "国有林场"], [], "separate")


def test_bodies_a_holder_works_with_may_go_on_after_a_comma_and_yiji():
    [(_, units)] = subject_clauses("违反本通告规定的,由乡镇人民政府协同农业综合执法大队,以及公安、环保等部门依法予以处理。")
    assert units.lead == ["乡镇人民政府"]
    assert units.participants == ["农业综合执法大队", "公安部门", "环保部门"] and units.open_ended


@pytest.mark.parametrize("helped", ["乡镇", "各乡镇人民政府"])
def test_units_helping_the_holder_just_named_take_part_in_its_task(helped):
    """「X是…的责任主体，Y、Z等相关部门要配合乡镇做好…」: the helped are the subject, named again or shortened."""
    [(_, units)] = subject_clauses(f"各乡镇人民政府是秸秆禁烧工作的责任主体,生态环境、公安等相关部门要配合{helped}做好执法工作。")
    assert (units.lead, units.participants) == (["各乡镇人民政府"], ["生态环境部门", "公安部门"])



@pytest.mark.parametrize("text, lead", [
    ("同时,各县(区)成立相应机构。", ["各县(区)"]),
    ("各乡镇设立相应的工作专班。", ["各乡镇"]),
    ("成立“某县防汛工作领导小组”,由县长任组长,加强对全县防汛工作的领导。", ["某县防汛工作领导小组"]),
])
def test_counterparts_set_up_and_a_quoted_body_given_its_leadership_are_subjects(text, lead):
    """「X成立相应机构」 (相应 after the verb, 同时 before the subject), and a body set up under its quoted name whose
    leadership of the work follows its roster (「加强对…的领导」): each the holder of its clause."""
    found = subject_clauses(text, numbered=True)
    assert [units.lead for _, units in found] == [lead]


def test_bodies_a_units_duty_gives_a_share_later_take_part():
    """「X局:负责…。各区县城管大队、分局在辖区政府领导下,积极发挥职能作用」 (working under another's lead on the duty, one 各
    over the kinds) and 「…,定点医院要开通绿色通道,确保…」 (a body's own demand inside the duty): they take part in X's
    task; 各有关单位要… names nobody."""
    from policykb.ingest.clauses import colon_line
    _, units = colon_line("市城管执法局:负责环境秩序整治的组织工作,推动各单位落实。各区县城管大队、分局在辖区政府领导下,"
                          "积极发挥职能作用,推动工作深入开展。", headed=True)
    assert (units.lead, units.participants) == (["市城管执法局"], ["各区县城管大队、分局"])
    _, units = colon_line("县卫生局:做好危重病人的救治工作,定点医院要开通绿色通道,确保救治及时,各有关单位要积极配合。")
    assert (units.lead, units.participants) == (["县卫生局"], ["定点医院"])


# --- s-tune59a: a target table's rows, a number column under another word, a layout's 局 ---

def test_a_row_whose_task_cell_is_a_figure_alone_is_read_with_the_place_it_is_for():
    """A table of targets by place (县(市、区) | 下降目标 | 节能目标 | 责任部门): the figure alone says nothing, so the
    row's text is its place and each figure after its column's name (what a letter's reader needs to know); the
    responsible column's government leads."""
    from policykb.ingest.tabletasks import table_tasks
    rows = [Block(" | ".join(c), f"第{i}行", c, 1) for i, c in enumerate([
        ("县(市、区)", "排放下降目标", "节能目标", "责任部门"),
        ("甲川区", "19%", "17%", "甲川区人民政府"),
        ("乙源市", "16%", "14%", "乙源市人民政府"),
        ("丙  县", "18%", "16%", "丙县人民政府")], start=1)]
    tasks = table_tasks(rows)
    assert [(t.text, t.units.lead) for t in tasks] == [
        ("甲川区：排放下降目标19%，节能目标17%", ["甲川区人民政府"]),
        ("乙源市：排放下降目标16%，节能目标14%", ["乙源市人民政府"]),
        ("丙县：排放下降目标18%，节能目标16%", ["丙县人民政府"])]  # (the short name's padding dropped)


def test_a_one_cell_a_line_table_whose_first_word_names_its_rows_numbers():
    """「任务项」 over rows that each open with their number alone and have one line for each header word: the
    first column is the rows' number, the task the content column after it."""
    tasks = _cell_table("任务项", "重点工作内容", "牵头责任单位", "季度任务分解", "季度进展情况", "完成状况",
                        "1", "开展市容秩序专项整治行动。", "区城管大队", "启动专项整治。", "召开调度会。", "已完成",
                        "2", "深入推进生活垃圾分类工作。", "区环卫所", "开展督查考核。", "开展督查一次。", "已完成")
    assert [(t.number, t.text, t.units.lead) for t in tasks] == [
        (1, "开展市容秩序专项整治行动。", ["区城管大队"]), (2, "深入推进生活垃圾分类工作。", ["区环卫所"])]


@pytest.mark.parametrize("name", ["优化城乡结构布局", "构建新发展格局", "服务发展大局"])
def test_a_layout_or_a_state_of_things_ending_in_ju_is_no_bureau(name):
    assert not looks_like_unit(name)


@pytest.mark.parametrize("sentence, lead", [
    ("要求民政部门负责人居环境整治的指导。", ["民政部门"]),  # 负责 + 人居环境, no post 负责人
    ("要求卫健部门负责人间疫情的监测。", ["卫健部门"]),
    ("要求农业部门进一步加大执法力度,切实搞好检查。", ["农业部门"]),  # 进一步 before the verb, 加大…力度
])
def test_a_demand_on_a_department_whose_verb_reads_like_a_post_or_a_strength(sentence, lead):
    found = subject_clauses(sentence, anyone=True)
    assert [units.lead for _, units in found] == [lead]


def test_a_list_of_kinds_whose_duties_are_stated_each_does_its_own_share():
    """「水利、电力等部门的职责是…」: the duties each department has, each its own share (separate)."""
    (_, units), = subject_clauses("水利、电力等部门的职责是保障灾区供水供电。", anyone=True)
    assert (units.lead, units.participants, units.mode) == (["水利部门", "电力部门"], [], "separate")


def test_a_numbered_colon_line_of_several_bodies_each_doing_its_own_systems_work():
    from policykb.ingest.clauses import colon_line
    _, units = colon_line("5.文化、旅游部门和消防部队:负责做好本系统的安全检查工作。", numbered=True)
    assert (units.lead[1:], units.participants, units.mode) == (["旅游部门", "消防部队"], [], "separate")
    _, units = colon_line("4.交通、铁路部门:负责运输保障。", numbered=True)
    assert (units.participants, units.mode) == (["铁路部门"], "first")  # no own share said: the first leads


def test_whom_a_campaign_is_stepped_up_towards_is_no_subject():
    assert subject_clauses("三是紧抓环保。向企业加大环保宣传力度,规范排污行为。", anyone=True) == []


def test_an_office_each_place_sets_up_in_a_seat_is_part_of_the_places_task():
    """「各地要…建立…领导小组，在工业主管部门设立办公室，负责…」: no setter before the seat, the collective before it
    sets the office up, each its own: one task of the places; a named unit's office set up so is its own subject."""
    [(clause, units)] = subject_clauses("各县要建立由主要领导挂帅的工作领导小组，在农业主管部门设立领导小组办公室，"
                                        "负责组织和推进全县工作。", numbered=True)
    assert units.lead == ["各县"] and clause.endswith("负责组织和推进全县工作")
    found = subject_clauses("县政府要成立工作领导小组，在县财政局设立领导小组办公室，负责日常工作。", numbered=True)
    assert [units.lead for _, units in found] == [["县政府"], ["领导小组办公室"]]


@pytest.mark.parametrize("text, lead", [
    ("建有“园中园”的特色园区要成立管委会。", "建有“园中园”的特色园区"),
    ("列入“百强”的乡镇要率先完成改造任务。", "列入“百强”的乡镇"),
])
def test_bodies_qualified_by_a_clause_with_a_quoted_term_are_a_subject(text, lead):
    [(_, units)] = subject_clauses(text, numbered=True)
    assert units.lead == [lead]


def test_a_quoted_way_of_doing_is_no_subject():
    assert subject_clauses("以“互联网+”的方式开展宣传。", numbered=True) == []


# --- a seated office, units defined as one body, a list then each one's share ---

def test_an_office_seated_in_a_bureau_on_a_line_of_its_own_is_no_unit_nor_a_heading_over_the_items(tmp_path):
    """「领导小组办公室设在县文旅局」 without a stop: where the office sits, a sentence; the items under it keep their own
    subjects, and the two bodies a sentence defines as one coordinating body hold its duty after it together."""
    assert not looks_like_unit("领导小组办公室设在县文旅局")
    tasks = _drafted(tmp_path, "一、组织机构", "领导小组办公室设在县文旅局", "二、工作职责",
                     "(一)县政府办公室和县文旅局为艺术节的总协调机构。负责联系各成员单位,督促落实各项职责。",
                     "(二)县卫健局负责保障场馆的食品安全。")
    assert [(t["lead"], t.get("lead_mode")) for t in tasks] == [
        (["县政府办公室", "县文旅局"], "joint"), (["县卫健局"], "first")]


def test_an_office_set_up_in_a_bureau_with_yu_is_no_name_of_the_bureau(tmp_path):
    """「下设办公室于镇民政办」: the office seated in the bureau (于 as 在); a later duty of the bureau is the bureau's."""
    tasks = _drafted(tmp_path, "(一)领导小组组长:张三(镇长)",
                     "下设办公室于镇民政办,办公室主任由李四同志兼任。", "(二)工作职责",
                     "1.镇民政办全面负责组织、协调春节慰问工作。", "2.镇农业办制定相应工作措施,加强山林巡查。")
    assert [t["lead"] for t in tasks] == [["镇民政办"], ["镇农业办"]]


def test_kinds_of_departments_given_work_then_each_its_share_are_one_task_each_doing_its_own():
    """「教育、交通、城管等部门负责…。教育局要…；交通局要…；城管局要…」: the sentences after the list divide its work among
    the departments it lists (named by their bureaus): one task, each department its share."""
    found = subject_clauses("教育、交通、城管等部门负责保障赛区周边秩序。教育局要做好学生组织;交通局要保障道路畅通;"
                            "城管局要清理占道经营。", numbered=True)
    assert [(units.lead, units.participants, units.mode) for _, units in found] == [
        (["教育部门", "交通部门", "城管部门"], [], "separate")]


def test_bodies_bearing_their_territorys_responsibility_then_each_its_demands_each_hold_their_own():
    """「各县政府和甲区管委及乡镇政府对…负有属地管理责任。各县政府和甲区管委要…。各乡镇政府要…」: bearing a
    responsibility (负有…责任) is the list's work; the sentences after it give some of them each their own demands."""
    found = subject_clauses("各县政府和甲区管委及乡镇政府对森林防火负有属地管理责任。各县政府和甲区管委要加强领导,"
                            "健全责任制度。各乡镇政府要落实巡山护林责任。", numbered=True)
    assert [(units.lead, units.mode) for _, units in found] == [(["各县政府", "甲区管委", "乡镇政府"], "separate")]


def test_schools_named_short_by_their_number_are_units():
    """「一中」, 「附中」: a middle school named by its number or its university's affiliation, listed with 和 too."""
    assert looks_like_unit("县一中") and looks_like_unit("师大附中")
    assert parse_units("县一中、县二中和师大附中").lead + parse_units("县一中、县二中和师大附中").participants == [
        "县一中", "县二中", "师大附中"]


def test_circled_items_giving_a_topic_to_a_unit_keep_their_sentence_and_those_helping_take_part():
    """「分工与配合：」 over 「①…由X组织实施。」 「②…由X落实，Y配合。」: each circled item is a task whose topic X carries out
    (its whole sentence, the topic without its doer being no task), Y helping it; the circled mark is its number."""
    tasks = _tasks("九、组织工作", "(一)开幕式", "分工与配合:", "①仪仗队、花束队由县教育局组织实施。",
                   "②场地和所需设施由会务组落实,县文化局、县公安局配合。")
    assert [(t.text, t.units.lead, t.units.participants, t.number) for t in tasks] == [
        ("仪仗队、花束队由县教育局组织实施。", ["县教育局"], [], 1),
        ("场地和所需设施由会务组落实,县文化局、县公安局配合。", ["会务组"], ["县文化局", "县公安局"], 2)]


def test_a_paragraph_opening_with_you_and_its_lead_keeps_its_sentence():
    """「由X牵头组织实施，Y制定详细方案。」 under a part: 由 makes X the doer of the sentence, which is the task as written
    (cut out, the note would leave 「Y制定详细方案」 or 「制定详细方案」 without the work X leads)."""
    tasks = _tasks("九、组织工作", "分工与配合:", "由县文化局牵头组织实施,会务组制定详细方案。")
    assert [(t.text, t.units.lead) for t in tasks] == [("由县文化局牵头组织实施,会务组制定详细方案。", ["县文化局"])]


def test_a_demand_only_to_take_the_work_seriously_is_no_task_beside_named_units_work():
    """「各单位要提高思想认识，把…作为重中之重」 beside sentences giving named bodies their own work: the demand asks
    only that the division be taken seriously, a requirement on carrying it out (truth rule 1), no task; one listing
    work with it (「要提高认识、密切协作」) keeps its task."""
    from policykb.ingest.candidates import find_candidates
    from policykb.ingest.source import Source
    source = Source("minutes.txt", "txt", [Block(t, f"第{i}行") for i, t in enumerate((
        "某县召开防汛工作会议", "会议要求,各单位要提高思想认识,把防汛工作作为当前工作的重中之重。",
        "县水利局要组织开展河道隐患排查,及时消除险情。", "县应急局要做好抢险物资储备和调运工作。",
        "各乡镇要提高认识、密切协作,做好群众转移安置工作。"), start=1)])
    assert [c.units.lead for c in find_candidates(source, set(), ())[0]] == [["县水利局"], ["县应急局"], ["各乡镇"]]


def test_a_team_and_its_cadres_carrying_out_a_named_plan_strictly_are_the_teams_task():
    """「会议要求，镇巡查队、镇村两级包保干部严格按照《…方案》执行…」: carrying out a plan the text names, strictly, is a duty
    verb; the cadres, people of no body of their own, work with the team listed before them."""
    found = subject_clauses("会议要求,镇护林巡查队、镇村两级包保干部严格按照《甲镇森林防火工作方案》执行24小时巡山值守。",
                            numbered=True)
    assert [(units.lead, units.leaders) for _, units in found] == [(["镇护林巡查队"], ["镇村两级包保干部"])]


def test_firms_written_bare_as_the_subject_of_their_own_duty_lead_it():
    """「企业要切实负起…主体责任」, 「…，企业负责收储…」: firms addressed as a kind bear their own duty (as 学校 do);
    部门 or 单位 written bare still names no unit."""
    assert looks_like_unit("企业") and not looks_like_unit("部门") and not looks_like_unit("单位")
    found = subject_clauses("企业要切实负起产品质量安全主体的责任,规范生产经营行为。", (), numbered=True)
    assert [units.lead for _, units in found] == [["企业"]]
    found = subject_clauses("由县农业局牵头引进加工企业。县国土局负责落实选址,企业负责收储设施的建设,各乡镇负责临时占地的租用。",
                            (), numbered=True)
    assert ["企业"] in [units.lead for _, units in found]


def test_a_government_and_the_places_below_it_working_by_a_rule_with_a_diligent_verb_each_do_their_share():
    """「市政府及各区、镇、街道按照…要求，积极组织落实…」: the rule the list works by, then 积极 and its verb, is its own
    work (without 积极 or 切实 it describes how it works); a government and every place below it each act in their own
    territory."""
    found = subject_clauses("市政府及各区、镇、街道按照粮食生产党政同责要求,积极组织落实年度粮食生产目标任务。", (),
                            numbered=True)
    assert [(units.lead, units.mode) for _, units in found] == [(["市政府", "各区、镇、街道"], "separate")]


def test_a_unit_drawing_up_the_plan_after_the_lead_you_names_takes_part():
    """「由X牵头组织实施，Y制定详细方案。」: 由 makes X the doer; Y, drawing up the plan of X's work, does its part."""
    tasks = _tasks("九、组织工作", "分工与配合:", "由县文化局牵头组织实施,会务组制定详细方案。")
    assert [(t.units.lead, t.units.participants) for t in tasks] == [(["县文化局"], ["会务组"])]


def test_circled_items_whose_topic_you_gives_to_units_organising_or_providing_it():
    """After a topic, 由 names the doer outright: 「A由X和Y组织，Z配合」 (X leads, Y and Z take part) and 「A由X提供，B由Y
    提供，Z具体组织实施」 (each its own share, the doer after the topics too) are tasks as role words would make them."""
    tasks = _tasks("九、组织工作", "(一)闭幕式", "分工与配合:", "①文艺表演由县文化局和会务组组织,县教育局、各乡镇配合。",
                   "②获奖名单由竞赛组提供,奖品由县总工会提供,会务组具体组织实施。")
    assert [(t.units.lead, t.units.participants, t.units.mode) for t in tasks] == [
        (["县文化局"], ["会务组", "县教育局", "各乡镇"], "first"), (["竞赛组", "县总工会", "会务组"], [], "separate")]


def test_units_named_later_doing_the_work_together_take_part_in_the_open_subjects_task():
    """「（二）林业等有关部门对…负有行业监管责任。林业部门…。应急、公安等部门按照有关法律法规，履行监管职责，共同做好…」:
    the others the headline left open (等有关部门), named later doing the same work together, take part in its task."""
    from policykb.ingest.clauses import subject_clauses
    found = subject_clauses("林业等有关部门对森林防火负有行业监管责任。林业部门依法开展防火检查。"
                            "应急、公安、气象等部门按照有关法律法规,履行监管职责,共同做好森林防火工作。", (), True)
    assert [(u.lead, u.participants) for _, u in found][0] == (["林业部门"], ["应急部门", "公安部门", "气象部门"])


def test_a_post_held_in_a_level_whose_bracket_lists_its_kinds_of_place_names_that_level():
    """「各县(市、区)主要负责人要…」: the bracket's 、 lists the kinds of place the level includes, inside one name: the
    level answers for the work and its head leads it in person (not 「各县(市」 and 「区)主要负责人」)."""
    from policykb.ingest.clauses import subject_clauses
    found = subject_clauses("各县(市、区)主要负责人要亲自部署,狠抓落实。", (), True)
    assert [(u.lead, u.leaders) for _, u in found] == [(["各县(市、区)"], ["各县(市、区)主要负责人"])]
    found = subject_clauses("各县(市、区)政府主要负责人、市直各部门主要负责人要亲自抓。", (), True)
    assert [(u.lead, u.mode) for _, u in found] == [(["各县(市、区)政府", "市直各部门"], "separate")]


def test_a_heading_naming_the_lead_of_the_work_under_it_leads_its_paragraphs_and_items():
    """「（一）X牵头的工作」 under 「一、Y县长负责的工作」: X leads the paragraph or items under it; a 协同单位 line after an
    item names only its partners (X still leads); the line right under the leader's heading (「全面负责…」) is the
    leader's own remit, the work of the government whose post it is, the leader leading every task under it."""
    tasks = _tasks("一、王某某县长负责的工作", "全面负责县人民政府工作任务的落实。", "(一)县监察局牵头的工作",
                   "加强行政监察工作,落实廉政建设责任制。", "(二)县审计局牵头的工作", "全面加强审计工作。",
                   "协同单位:县直各部门和各乡镇人民政府。", "(三)县编办牵头的工作", "1.深化行政管理体制改革。",
                   "2.推进乡镇机构改革。", "协同单位:县财政局、县人事局等县直有关部门和各乡镇人民政府。")
    assert [(t.units.lead, t.units.participants) for t in tasks] == [
        (["县人民政府"], []), (["县监察局"], []), (["县审计局"], ["县直各部门", "各乡镇人民政府"]), (["县编办"], []),
        (["县编办"], ["县财政局", "县人事局", "各乡镇人民政府"])]
    assert all(t.units.leaders == ["王某某"] for t in tasks)
    assert [t.text for t in tasks][2] == "全面加强审计工作。"  # (the heading is no text of its task)


def test_a_heading_naming_a_departments_duties_and_tasks_owns_the_items_under_it(tmp_path):
    """「（七）卫生部门职责、任务」: duties and tasks named together close a duty heading as 职责 alone does; the
    items numbered under it are the department's."""
    tasks = _drafted(tmp_path, "(七)卫生部门职责、任务", "1.加强对学校食堂的监督管理。", "2.依法对食堂从业人员进行定期体检。",
                     "(八)工商部门职责和任务", "1.加大对无照经营摊点的打击力度。")
    assert [t["lead"] for t in tasks] == [["卫生部门"], ["卫生部门"], ["工商部门"]]


def test_a_sector_named_bare_in_an_open_list_of_departments_is_its_department():
    """「公安消防、公安派出所、房管等有关部门配合」: 公安消防 (the fire service of the public security organs) is one
    body, not 公安 and 消防 run together; a bare sector anywhere in the open list is its department, though a named
    body (公安派出所) stands between it and 等."""
    units = parse_units("由属地乡镇政府牵头组织,公安消防、公安派出所、房管、国土等有关部门配合")
    assert (units.lead, units.participants) == (["属地乡镇政府"], ["公安消防部门", "公安派出所", "房管部门", "国土部门"])
    assert parse_units("公安、市场监管等部门配合").participants == ["市场监管部门"]


def test_a_duty_opening_with_a_verb_of_proposing_is_no_units_name():
    """「提出处理意见并提请公安机关报请本级政府协调解决」: ends like a government, a duty all the same."""
    assert not looks_like_unit("提出处理意见并提请公安机关报请本级政府")


def test_a_part_heading_naming_a_lead_ends_the_leader_an_earlier_part_heading_named():
    """「二、县财政局牵头的工作」 after 「一、王某某县长负责的工作」: a new part, whose work the leader of part one does not
    lead."""
    tasks = _tasks("一、王某某县长负责的工作", "(一)县监察局牵头的工作", "加强行政监察工作。",
                   "二、县财政局牵头的工作", "加强预算管理。")
    assert [(t.units.lead, t.units.leaders) for t in tasks] == [(["县监察局"], ["王某某"]), (["县财政局"], [])]


# --- s-tune63b: bare unit lists on their own line, unnumbered items over their label lines ---
def test_a_bare_unit_list_on_its_own_line_may_hold_a_bracketed_kind_of_place():
    """A breakdown whose targets are each followed by a bracket of unit names alone on a line of its own, one of them
    with a short bracket inside (「（市人保局，各市（县）、区政府）」): the bracket still assigns the target above it, and
    「各市（县）、区政府」 is one collective (the county-level cities and districts, each its government)."""
    lines = ["一、目标分解", "1、城镇登记失业率控制在3.5%以内。", "（市人保局，各市（县）、区政府）",
             "2、居民消费价格指数控制在省定范围内。", "（市发改委、物价局）"]
    tasks = inline_tasks([Block(t, f"第{i}行") for i, t in enumerate(lines, start=1)], bare_notes=True)[0]
    assert [(t.units.lead, t.units.participants) for t in tasks] == [(["市人保局"], ["各市（县）、区政府"]),
                                                                      (["市发改委"], ["物价局"])]


def test_an_unnumbered_paragraph_takes_the_unit_label_line_after_it():
    """「二、开展X工作」, then 「任务要求。全县三星级以上的宾馆全面开展…」 unnumbered, then 「牵头单位:县旅游局;责任单位:
    县环保局」: the label line names the paragraph's units, not the subject its sentence opens with."""
    tasks = _tasks("一、开展机动车检测工作", "(一)任务要求。所有年检车辆实施尾气排放检测。", "牵头单位:县公安局;责任单位:县环保局。",
                   "二、开展“绿色饭店”创建工作", "任务要求。全县三星级以上的宾馆全面开展“绿色饭店”创建工作,公布名单。",
                   "牵头单位:县旅游局;责任单位:县环保局、县林业局。",
                   "三、组织开展节能降耗工作", "任务要求。制定全县节能降耗工作计划,控制高能耗项目的审批建设。",
                   "牵头单位:县经贸局;责任单位:县发改委。")
    assert [(t.units.lead, t.units.participants) for t in tasks] == [
        (["县公安局"], ["县环保局"]), (["县旅游局"], ["县环保局", "县林业局"]), (["县经贸局"], ["县发改委"])]


def test_kind_colon_lines_with_two_sectors_joined_by_ji_an_oversight_duty_and_the_other_departments():
    """A roster of 「X部门:…」 lines: 「公安及维稳部门:」 is two sectors sharing one 部门 (the first leads, the other takes
    part), 「财政部门:安排…经费,监督管理…」 a duty of oversight, 「其它各部门:根据本部门的职责,…」 the rest of the
    departments, one collective; 「国土资源和规划部门」 (和) stays one body."""
    lines = ["林业绿化部门:承担林改办公室的具体工作,负责林改工作的技术指导。", "财政部门:安排林改工作经费,监督管理林改经费的使用。",
             "公安及维稳部门:制定林改工作应急预案,处置林改工作中突发事件。", "信访部门:负责林改信访事项的指导、协调工作。",
             "其它各部门:根据本部门的职责,协调对接好林改工作。"]
    assert [(t.units.lead, t.units.participants) for t in _tasks(*lines)] == [
        (["林业绿化部门"], []), (["财政部门"], []), (["公安部门"], ["维稳部门"]), (["信访部门"], []), (["其它各部门"], [])]
    assert looks_like_unit("其它各部门") and looks_like_unit("其他各单位")
    assert parse_units("国土资源和规划部门").lead == ["国土资源和规划部门"]


def test_a_levels_governments_beside_a_collective_each_do_their_share():
    """「县(区、市)政府、各工业园区负责本行政区域内节能工作,…,配合行业主管部门…」: the governments of every place of a
    level (no 各) and the parks, each its own area's share, none leading the other (配合 brings in the departments they
    work with, not each other)."""
    found = subject_clauses("县(区、市)政府、各工业园区负责本行政区域内节能工作,完善工作责任制,配合行业主管部门提出节能目标并推进落实。",
                            (), numbered=True)
    assert [(u.lead, u.mode) for _, u in found] == [(["县(区、市)政府", "各工业园区"], "separate")]


def test_a_heading_naming_the_lead_of_the_work_under_it_is_not_listed_as_unread(tmp_path):
    """「（一）县监察局牵头的工作」 is read: its unit leads the paragraph under it; the review does not ask a clerk to add
    the heading as a task of its own."""
    import datetime as dt
    from conftest import import_text
    _, _, review = import_text(tmp_path, "甲县人民政府关于印发2008年县人民政府工作目标责任分解的通知\n"
                               "一、王某某县长负责的工作\n(一)县监察局牵头的工作\n加强行政监察工作,落实廉政建设责任制。\n"
                               "(二)县审计局牵头的工作\n全面加强审计工作。\n协同单位:县直各部门和各乡镇人民政府。\n",
                               dt.date(2008, 2, 1))
    assert review.count("[任务 ") == 2 and "[未读取]" not in review


# --- 由 naming the doer of arranging and adjusting ---

@pytest.mark.parametrize("text, anyone, lead", [
    ("联席会议具体人员名单由县民政局根据各成员单位及成员职务分工变动及时调整,并抄报县领导。", False, ["县民政局"]),
    ("工作经费由县财政局根据实际情况安排,并列入年度预算。", True, ["县财政局"]),
])
def test_the_body_by_names_arranges_or_adjusts_after_what_it_goes_by(text, anyone, lead):
    """「名单由X根据…变动及时调整」, 「经费由X根据实际情况安排」: X does it, whatever case it goes by before its verb."""
    assert [units.lead for _, units in subject_clauses(text, anyone=anyone)] == [lead]


def test_money_arranged_by_a_body_described_is_no_duty():
    """「由X安排的部分」: a description of the money, no act of X's."""
    assert subject_clauses("所需资金由县财政局安排的部分,按时拨付。", anyone=True) == []


def test_a_level_without_ji_before_sector_words_sharing_one_department_is_each_sectors():
    """「市农业、林业、水利部门」, 「区交通、公安等部门」: a level written without 级 before a list of sector words sharing
    one 部门 is shared over every word (corpus rule 5), as 区级 is: each sector's department at that level, a sector's
    words that are no unit by themselves (房管, 质量技术监督) too; a later word written with its own level keeps it.
    市场监管 and 市政 open with 市 as a word, not a level."""
    from policykb.ingest.unitnames import split_names
    assert split_names("市农业、林业、水利部门") == (["市农业部门", "市林业部门", "市水利部门"], False)
    assert split_names("区交通、公安等部门") == (["区交通部门", "区公安部门"], True)
    assert split_names("市科技、财政、房管、质量技术监督等部门")[0] == ["市科技部门", "市财政部门", "市房管部门", "市质量技术监督部门"]
    assert split_names("区交通、区公安部门")[0] == ["区交通部门", "区公安部门"]
    assert split_names("市场监管、公安部门")[0] == ["市场监管部门", "公安部门"]
    assert split_names("市政、园林部门")[0] == ["市政部门", "园林部门"]


def test_a_list_in_overall_charge_leads_together_and_a_later_comma_part_with_its_own_subject_is_its_own_task():
    """「在市政府的领导下,X、Y对全市…工作总负责、总协调,Z、各工业园区也要…」: who guides them first, then a list in
    overall charge together (总负责 as 负总责: joint), then after a comma another subject with its own modal, its own
    task (each its own share)."""
    found = subject_clauses("在市政府的领导下,市发改委、市经贸委对全市能源和节能工作总负责、总协调,"
                            "县(区、市)政府、各工业园区也要明确相应的管理机构。", (), numbered=True)
    assert [(u.lead, u.participants, u.mode) for _, u in found] == [
        (["市发改委", "市经贸委"], [], "joint"), (["县(区、市)政府", "各工业园区"], [], "separate")]


def test_sector_departments_working_by_their_duties_xietong_is_no_lead_word():
    """「市科技、财政、统计等部门按照职责,协同做好相关工作」: the duties they work by and a comma, then 协同做好 (as 共同做好):
    a subject doing its work; no lead word, so the first listed leads and the others take part, each at the level written
    before the list."""
    found = subject_clauses("市科技、财政、统计等部门按照职责,协同做好相关工作。", (), numbered=True)
    assert [(u.lead, u.participants) for _, u in found] == [(["市科技部门"], ["市财政部门", "市统计部门"])]


def test_bing_huitong_later_in_a_clause_brings_in_partners():
    """「X组织制定并会同有关部门落实好…政策」: 并 joins a later part worked on with others as a comma does: they take part."""
    [(_, units)] = subject_clauses("县人事劳动和社会保障局组织制定并会同有关部门落实好工作人员的工伤待遇政策。", (), numbered=True)
    assert (units.lead, units.participants) == (["县人事劳动和社会保障局"], ["有关部门"])


def test_collectives_demands_beside_the_tasks_of_their_paragraph_are_its_requirements(tmp_path):
    """One paragraph dividing the work (「县民政局负责…，县水利局负责…」) and asking, beside it, a body's members
    (「领导小组成员单位要…密切配合」) or, after a body's 要求, kinds of bodies (「县有关部门和有普查任务的乡镇要…」) to
    carry it out: those demands are requirements, the division stays the tasks."""
    import datetime as dt
    from policykb.ingest.compose import Registry, compose
    from policykb.ingest.source import Source
    lines = ["甲县人民政府办公室关于开展乙普查的通知", "各乡镇人民政府,县政府各部门:",
             "乙普查是一项基础性调查。县政府要求,县有关部门和有普查任务的乡镇要周密部署,认真组织实施。县民政局负责"
             "城区地名的普查工作,县水利局负责河流名称的普查工作。领导小组成员单位要根据职责分工,密切配合,共同做好普查工作。"]
    draft = compose(Source("x.txt", "txt", [Block(t, f"第{i}行") for i, t in enumerate(lines, start=1)]),
                    Registry.load(tmp_path), dt.date(2024, 1, 1))
    asked = [r["text"] for r in draft.doc["annex"]["requirements"]]
    assert [t["lead"] for t in draft.tasks.values()] == [["甲县民政局"], ["甲县水利局"]]
    assert len(asked) == 2 and "县有关部门和有普查任务的乡镇要周密部署" in asked[0]
    assert asked[1].startswith("领导小组成员单位要根据职责分工")


def test_collectives_papers_asked_for_by_a_day_are_a_requirement():
    """「各单位宣传周工作方案，请在6月1日前报市网管办」: the collectives' own papers first, then a 请 naming nobody asks
    them sent on by a day: a requirement on the collectives; 「活动方案，请在…前报…」 names no owner and is none."""
    from policykb.ingest.requirements import requirement_paragraphs
    lines = ["各乡镇年度工作总结,请于12月10日前报县农业农村局,逾期不候。", "活动方案,请在6月1日前报县网管办。"]
    found = requirement_paragraphs([Block(t, f"第{i}行") for i, t in enumerate(lines, start=1)], (), set())
    assert [r["text"][:6] for r in found] == ["各乡镇年度工"]
