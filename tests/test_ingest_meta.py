"""Document details read from the head: the title wherever a real document states it, never a page's widget."""
from __future__ import annotations

import datetime as dt

import pytest

from policykb.ingest.meta import read_meta
from policykb.ingest.source import Block


def _blocks(*lines: str) -> list[Block]:
    return [Block(line, f"第{n}行") for n, line in enumerate(lines, start=1)]


NOTICE = ("《2020年某市重点工作责任分解》和《2020年某市民生实事项目责任分解》已经市政府常务会议讨论通过,"
          "现印发给你们,请认真贯彻执行。")


def test_a_title_ending_in_its_kind_after_the_signature_is_the_title():
    meta = read_meta(_blocks("朗读", "各镇人民政府、街道办事处:", NOTICE, "某市人民政府办公室", "2020年5月22日",
                             "2020年某市重点工作责任分解", "一、市长主抓重点工作"))
    assert meta.title == "2020年某市重点工作责任分解"


def test_a_transmittal_notice_names_the_first_document_it_sends():
    meta = read_meta(_blocks("打印", "各镇人民政府:", NOTICE, "某市人民政府办公室", "一、市长主抓重点工作"))
    assert meta.title == "2020年某市重点工作责任分解"
    assert any(g[0] == "标题" and g[3] < 0.85 for g in meta.guesses)  # a guess: reviewed


def test_a_pages_widget_is_never_the_title():
    meta = read_meta(_blocks("朗读", "1.制定出台政策体系。", "责任单位:财政局、发改局"))
    assert meta.title == ""  # the import then names the file and says so in the review


def test_an_item_of_a_basis_list_is_no_title():
    """A page that starts past the title: 「3.市公安局“三定”规定」 names a kind (规定) but is an item of the list of bases;
    a letter would quote it as the document's name."""
    meta = read_meta(_blocks("某项安全监管", "序号 涉及部门 职责分工", "1 市公安局 负责运输通行证发放工作。", "相关依据:",
                             "1.《某某安全管理条例》", "2.某市应急管理局“三定”规定", "3.某市公安局“三定”规定"))
    assert meta.title == "某项安全监管"  # the page's topic line, a guess the review asks about
    assert any(g[0] == "标题" and g[3] < 0.85 for g in meta.guesses)


@pytest.mark.parametrize("first", ["10月29日,某区召开消防安全专项治理工作动员部署会,安排下阶段工作。",
                                   "已阅读5页,还剩13页未读, 继续免费阅读", "政务公开 > 政策公开 > 政策文件",
                                   "某政发〔2021〕54号", "0310-3111082 3047798688@qq.com", "(一)每年4月为全市爱国卫生活动月;"])
def test_a_sentence_a_number_a_path_or_a_widget_on_the_first_line_is_no_title(first):
    meta = read_meta(_blocks(first, "某局负责做好消防安全检查工作。"))
    assert meta.title == ""  # left to the review's [待补], never quoted in a letter


def test_levels_named_together_are_no_jurisdiction():
    meta = read_meta(_blocks("重要政策措施分工方案", "1.组织结对帮扶。相关市州和县市党委、政府负责。",
                             "2.调整财政支出结构。各市州、县市区党委和政府负责。"))
    assert meta.jurisdiction is None  # neither 「和县市」 nor 「县市区」 is a place


def test_an_annex_line_or_an_addressee_line_is_no_title_and_a_level_alone_no_place():
    meta = read_meta(_blocks("各镇(街道)人民政府,区政府各部门:", "请各牵头单位要严格按照任务分工，结合自治州实际，抓好落实。",
                             "附件:《政府工作报告》任务分解表", "2021年1月25日"))
    assert meta.title == ""  # 「附件：…」 names the annex, the addressees end in a colon: the review asks for the title
    assert meta.jurisdiction is None  # 「结合自治州实际」: 自治州 is a level, no place's name


def test_a_document_without_a_title_gets_none_and_check_says_so(tmp_path):
    import shutil
    from policykb.ingest import import_file
    from policykb.validate import validate
    from conftest import POLICIES
    kb = tmp_path / "kb"
    shutil.copytree(POLICIES, kb, ignore=shutil.ignore_patterns("tracking"))
    table = tmp_path / "表.txt"
    table.write_text("朗读\n1.制定出台配套政策。\n责任单位：某市财政局、某市发展和改革委员会\n", encoding="utf-8")
    result = import_file(table, kb, "doc", dt.date(2021, 3, 1))
    review = (result.folder / "import-review.txt").read_text(encoding="utf-8")
    assert "[待补] 标题" in review and "表" not in review.split("[待补] 标题")[1].split("\n")[0]
    _, report = validate(kb)
    title = [i for i in report.errors if i.message == "'title' 是空的"]
    assert title and title[0].code == "empty-text" and "照原文写出文件标题" in title[0].hint
    assert title[0].line > 0  # located in document.yaml, where it is written


def test_a_masthead_run_into_a_line_names_the_place_and_two_organs_name_none():
    """「市委市政府督查局」 is no place 「市委市」; 「X市人民政府文件」 inside a copied line still names X市."""
    meta = read_meta(_blocks("各乡镇人民政府:", "市委市政府督查局要加强督查,对重点工作实行专项督查。",
                             "年底前完成。某平市人民政府文件某政〔2021〕3号对有明确时间节点的工作跟踪问效。",
                             "1.做好甲项工作。", "责任单位:市应急局"))
    assert meta.jurisdiction == "某平市"
    assert meta.place_guessed


def test_a_pages_issuing_organ_line_names_the_issuer():
    meta = read_meta(_blocks("某省人民政府办公厅主要职责内设机构和人员编制规定", "2009年",
                             "发布机关:某省人民政府办公厅", "一、主要职责", "(一)负责省政府会议的准备工作。"))
    assert meta.issuers == ["某省人民政府办公厅"]


def test_a_portals_posted_on_line_dates_a_repost_without_a_signature():
    """「发表于:2021-03-09」 (a portal's posted-on line, 发布于 too) is the publication date: read, with a low
    confidence, rather than refusing the import for want of a date."""
    meta = read_meta(_blocks("某区人民政府办公室关于印发重点任务分工的通知", "发表于:2021-03-09 关注",
                             "各镇人民政府、街道办事处:", "区发改委要牵头做好项目储备。"))
    assert meta.date == dt.date(2021, 3, 9)
    assert any(g[0] == "成文日期" and g[3] < 0.8 for g in meta.guesses)


@pytest.mark.parametrize("line, date", [("2013.3.28", dt.date(2013, 3, 28)), ("（2019．11．5）", dt.date(2019, 11, 5)),
                                        ("2021年1月25日", dt.date(2021, 1, 25))])
def test_a_date_line_written_with_dots_is_the_documents_date(line, date):
    meta = read_meta(_blocks("某县召开农村道路建设工作会议", "会议要求各镇要多渠道筹资。", "某县交通运输局", line))
    assert meta.date == date and meta.issuers == ["某县交通运输局"]


def test_a_post_opening_a_news_title_names_no_place():
    """「副区长文定国组织召开…调度会」: 副区长 is a post; 副区 is no jurisdiction."""
    meta = read_meta(_blocks("副区长文定国组织召开安置房建设调度会", "更新时间:2012-08-16",
                             "区安置办要进一步加强调度。"))
    assert meta.jurisdiction is None


def test_a_title_whose_kind_is_spaced_out_on_its_own_line_is_read_whole():
    """A 版头 under its masthead: 「关于落实…责任的」 then 「通 知」 spaced out on a line of its own."""
    meta = read_meta(_blocks("某县人民政府办公室文件", "某政办发〔2013〕148号", "某县人民政府办公室",
                             "关于落实各级文物保护单位安全管理责任的", "通 知", "各镇人民政府:", "现就有关事项通知如下:"))
    assert meta.title == "关于落实各级文物保护单位安全管理责任的通知" and meta.issuers == ["某县人民政府办公室"]


def test_a_chapter_heading_naming_a_body_is_no_masthead():
    """「第三节 开发区管理委员会」 opening a gazetteer's chapter about the body: a heading, not the issuer's masthead
    (read as one it was taken as sure); the body named in the title is at most a guess for review."""
    meta = read_meta(_blocks("第三节 开发区管理委员会", "1993年5月，开发区管理委员会成立，为县政府派出机构。",
                             "办公室 负责文稿、信息、督查工作。"))
    assert [g[3] < 0.8 for g in meta.guesses if g[0] == "发文机关"] == [True]


def test_a_metadata_label_before_the_title_is_no_part_of_it():
    """A page's metadata list: 「- 内容概述: 福建省文化和旅游厅办公室关于印发…的通知」: the title, without its label."""
    meta = read_meta(_blocks("- 索 引 号: FJ00425-3013-2019-00059", "- 文 号: 闽文旅办〔2019〕7号",
                             "- 内容概述: 福建省文化和旅游厅办公室关于印发2019年工作主要任务分工方案的通知",
                             "厅机关各处室,省文物局:"))
    assert meta.title == "福建省文化和旅游厅办公室关于印发2019年工作主要任务分工方案的通知"


def test_a_portals_name_above_a_title_naming_another_issuer_is_no_masthead():
    """A consultation page: the site's name (「遂宁市水利局」) above a letter titled 「遂宁市人民政府防汛抗旱指挥部办公室关于
    …的函」: the title's issuer, for review; a 「X文件」 masthead or one agreeing with the title stays the masthead."""
    page = ["今天是:2025年12月06日", "遂宁市水利局", "征集调查",
            "遂宁市人民政府防汛抗旱指挥部办公室关于征求《遂宁市防汛应急预案(征求意见稿)》修改意见的函",
            "市直有关部门: 请各单位于6月18日前反馈修改意见。"]
    meta = read_meta(_blocks(*page))
    assert meta.issuers == ["遂宁市人民政府防汛抗旱指挥部办公室"]
    assert [g[2:] for g in meta.guesses if g[0] == "发文机关"][0][1] < 0.8
    assert read_meta(_blocks("遂宁市水利局文件", *page[3:])).issuers == ["遂宁市水利局"]
    assert read_meta(_blocks("遂宁市人民政府防汛抗旱指挥部办公室", *page[3:])).issuers == ["遂宁市人民政府防汛抗旱指挥部办公室"]


def test_a_masthead_over_a_page_without_a_title_is_a_guess_to_review():
    """A portal's name (「遂宁市林业局」) above a news report of another body's meeting, no title found: the page's site as
    likely as its issuer, so reviewed; the same line above a title stays a masthead read with confidence."""
    news = ["今天是:2025年12月08日", "遂宁市林业局", "近日,某县林长制工作推进会在县自然资源和规划局召开。",
            "会议决定,联络单位对县级林长巡林负责,镇林长办对镇级林长巡林负责。"]
    guess = [g for g in read_meta(_blocks(*news)).guesses if g[0] == "发文机关"]
    assert guess and guess[0][1] == "遂宁市林业局" and guess[0][3] < 0.8
    titled = read_meta(_blocks("遂宁市林业局", "遂宁市林业局关于开展巡林工作的通知", *news[2:]))
    assert [g[3] for g in titled.guesses if g[0] == "发文机关"] == [0.8]


@pytest.mark.parametrize("organs, issuers", [
    ("安康市安全生产委员会办公室", ["安康市安全生产委员会办公室"]),  # a committee's office is one organ
    ("某市扶贫开发领导小组办公室", ["某市扶贫开发领导小组办公室"]),
    ("中共某省委某省人民政府", ["中共某省委", "某省人民政府"]),
    ("省委办公厅省政府办公厅", ["省委办公厅", "省政府办公厅"]),
    ("河南省人民政府安全生产委员会办公室", ["河南省人民政府安全生产委员会办公室"]),  # the government's committee
    ("市委宣传部", ["市委宣传部"]),  # a party committee's department
    ("环境保护部商务部科技部", ["环境保护部", "商务部", "科技部"]),  # ministries signing together
    ("国家发展改革委财政部", ["国家发展改革委", "财政部"]),
    ("市发展改革委市财政局", ["市发展改革委", "市财政局"]),
])
def test_an_office_is_the_office_of_the_organ_before_it(organs, issuers):
    from policykb.ingest.issuers import split_issuers
    assert split_issuers(organs) == issuers


def test_a_news_pages_time_line_dates_it_and_a_title_opening_with_a_post_names_no_place():
    """「来源:本站  时间:2018-07-25 15:11:24」 is a page's publication line; 「区长马军召开…」
    opens with a post and a verb of news: no place called 区长马军召开城区."""
    meta = read_meta(_blocks("区长马军召开城区道路交通秩序综合治理工作会", "来源:本站  时间:2018-07-25 15:11:24",
                             "7月20日上午,区长马军召开工作会。会议时间：2018年7月20日。"))
    assert meta.date == dt.date(2018, 7, 25) and meta.jurisdiction is None
    assert any(g == ("成文日期", "2018-07-25", "第2行（发布日期）", 0.3) for g in meta.guesses)


def test_a_governments_own_number_makes_the_government_the_issuer_over_the_office_that_published_it():
    """「华政发〔2021〕2号」 numbers a people's government's document: the page's 发布机构 (its 办公室) only published it;
    「X政办发」 is the office's own."""
    lines = ("• 发布机构:华容县人民政府办公室", "2021年县政府重点工作任务(华政发〔2021〕2号)", "各乡镇人民政府:")
    assert read_meta(_blocks(*lines)).issuers == ["华容县人民政府"]
    office = read_meta(_blocks(*(line.replace("华政发", "华政办发") for line in lines)))
    assert office.issuers == ["华容县人民政府办公室"]


def test_ministries_signing_on_one_line_are_the_issuers_and_a_table_cell_is_no_masthead():
    """「环境保护部 商务部 科技部」 above the date signs the document; in a headless duty list whose first lines are
    cells (序号, 部门, 1, 市委宣传部), a cell naming a party committee's department is no masthead; 「会议部署」
    (to deploy) signs nothing."""
    signed = read_meta(_blocks("关于同意5家园区建设国家生态工业示范园区的通知", "各园区管委会：", "请认真抓好规划的实施工作。",
                               "环境保护部 商务部 科技部", "2013年4月18日"))
    assert signed.issuers == ["环境保护部", "商务部", "科技部"]
    assert [g[3] for g in signed.guesses if g[0] == "发文机关"] == [0.7]  # bare ministries' names: reviewed
    assert read_meta(_blocks("关于做好防汛工作的通知", "各乡镇：", "请做好防汛准备。", "会议部署", "2013年4月18日")).issuers == []
    headless = read_meta(_blocks("序号", "部门", "事权清单", "1", "市委宣传部", "1.负责指导食品安全宣传教育工作。"))
    assert headless.issuers == []


def test_a_number_run_into_the_title_line_is_the_documents_number_not_part_of_its_title():
    """「金室字〔2020〕1号关于印发《…》的通知」: letters quote the title, so its number is not in it."""
    meta = read_meta(_blocks("金室字〔2020〕1号关于印发《金乡县农村人居环境整治暨乡村治理工作分工方案》的通知",
                             "中共金乡县委办公室", "2020年3月18日"))
    assert meta.title == "关于印发《金乡县农村人居环境整治暨乡村治理工作分工方案》的通知"
    assert meta.number == "金室字〔2020〕1号"


def test_a_list_mark_before_a_level_names_no_place():
    """「四是县政府督查室要…」: the fourth demand's mark, then the county's office; 「四是县」 is no county."""
    meta = read_meta(_blocks("今天上午,副县长主持召开整改调度会。", "要求:一是力度要更大。二是措施要更硬。",
                             "三是县政府督查室要加强督查。四是县政府督查室要及时通报。"))
    assert meta.jurisdiction is None


def test_a_reports_speaking_organs_are_its_issuers_when_the_page_names_none():
    """A news page names no issuer, but 「X镇党委、政府认真强调：」 states the demands that follow: those two, as they
    sign (中共X镇委员会, X镇人民政府), guessed and reviewed."""
    meta = read_meta(_blocks("某镇召开党委政府工作会议", "时间: 2018/03/08 来源: 某镇",
                             "某某镇党委、政府认真强调:近期降雪较多。我镇机关干部要明确责任,做好安全宣传工作。"))
    assert meta.issuers == ["中共某某镇委员会", "某某镇人民政府"]
    assert any(g[0] == "发文机关" and g[3] < 0.85 for g in meta.guesses)


def test_a_signature_shortening_the_titles_organ_gives_its_full_name():
    """A page titled 「粤办函〔2020〕82号《X省人民政府办公厅关于…的通知》」 (its number, the title in 《》) and signed
    「省政府办公厅」: the title is the notice's own, the issuer the organ's full name as the title gives it."""
    meta = read_meta(_blocks("某办函〔2020〕82号《某某省人民政府办公厅关于调整防控指挥部的通知》", "各地级以上市人民政府:",
                             "现就有关事项通知如下:", "一、主要职责", "统一指挥防控工作。", "省政府办公厅", "2020年6月5日"))
    assert meta.title == "某某省人民政府办公厅关于调整防控指挥部的通知"
    assert meta.issuers == ["某某省人民政府办公厅"] and meta.number == "某办函〔2020〕82号"


@pytest.mark.parametrize("line, date", [("(某府办函〔2007〕337号 二○○七年十二月十日)", dt.date(2007, 12, 10)),
                                        ("（某政发〔2016〕1号 2016年1月5日）", dt.date(2016, 1, 5))])
def test_the_number_and_date_in_brackets_under_the_title_date_the_document(line, date):
    """A law archive prints 「（文号 成文日期）」 under the title (the date often in Chinese numerals): the document's own."""
    meta = read_meta(_blocks("某市人民政府办公室关于完善工作协调机制的通知", line, "各县(市、区)人民政府:",
                             "一、加强领导", "市领导小组统筹协调全市工作中的重大问题。"))
    assert meta.date == date


def test_a_news_report_of_a_bodys_own_meeting_names_that_body_as_the_issuer_for_review():
    """「某镇召开党委政府工作会议」: the township's 党委 and 政府, by their full names, set the meeting's demands (a guess,
    below the confident mark); 「开发区召开第三次党工委会议」: the zone's 党工委; a meeting that names no body is none's."""
    meta = read_meta(_blocks("某镇召开党委政府工作会议", "时间: 2018/03/08", "会议强调，机关干部要明确责任。"),
                     dt.date(2018, 3, 8))
    assert meta.issuers == ["中共某镇委员会", "某镇人民政府"]
    assert any(what == "发文机关" and confidence < 0.8 for what, _, _, confidence in meta.guesses)
    assert read_meta(_blocks("开发区召开2021年第三次党工委会议", "会议指出，班子成员要发挥示范带头作用。"),
                     dt.date(2021, 2, 1)).issuers == ["开发区党工委"]
    assert read_meta(_blocks("某镇召开人居环境整治工作推进会", "会议要求，机关职工负责集镇打扫。"),
                     dt.date(2019, 5, 10)).issuers == []


def test_a_zone_run_with_a_district_is_of_the_district_named_in_its_brackets():
    """「某新区(甲山区)政务服务网」: a zone and the district it is run with; its 区X局 are the district's."""
    assert read_meta(_blocks("某新区(甲山区)政务服务网", "区教育局", "负责考试组织。")).jurisdiction == "甲山区"
    assert read_meta(_blocks("甲山区(某新区)政务服务网", "区教育局", "负责考试组织。")).jurisdiction == "甲山区"


def test_a_law_sites_details_each_run_together_with_its_label():
    """「发文机关某市人民政府」, 「发文字号某政办〔2022〕5号」: the label is no part of the issuer, the number or the title."""
    meta = read_meta(_blocks("发文机关某市人民政府", "发文日期2022年03月04日", "时效性现行有效", "发文字号某政办〔2022〕5号",
                             "各县区人民政府,市政府各部门:", "为做好欠薪治理,现提出如下意见。", "一、加强合同管理"))
    assert meta.issuers == ["某市人民政府"] and meta.number == "某政办〔2022〕5号"
    assert not meta.title.startswith("发文") and meta.jurisdiction == "某市"
    assert meta.date == dt.date(2022, 3, 4)


def test_a_pages_source_line_gives_the_place_when_nothing_else_does():
    """「来源:甲市乙区统计局」: the page is that bureau's, so the document's place is guessed from it (reviewed; the
    bureau is no issuer); 「按照区政府…安排」 names no place 「按照区」."""
    meta = read_meta(_blocks("当前位置:首页 > 部门文件", "关于做好普查工作的通知", "来源:甲市乙区统计局 发布时间:2019-03-11",
                             "各乡镇人民政府:", "按照区政府3月5日会议安排,现通知如下。", "1.区住建局负责建筑业普查。"))
    assert meta.jurisdiction == "甲市乙区" and meta.place_guessed and meta.issuers == []
    meta = read_meta(_blocks("关于做好普查工作的通知", "各乡镇人民政府:", "按照区政府3月5日会议安排,现通知如下。"))
    assert meta.jurisdiction is None
    meta = read_meta(_blocks("关于做好普查工作的通知", "来源:甲市乙区统计局 发布时间:2019-03-11",
                             "各乡镇人民政府:", "结合丙丁县实际,现通知如下。"))
    assert meta.jurisdiction == "丙丁县"  # a page reposting another place's document: the text's own place first


def test_the_last_of_places_listed_before_one_government_is_no_jurisdiction():
    """「甲江、乙羊、丙华区政府和某高新区管委会」: several districts share one 区政府, none of them the text's own place;
    a body before 、 (「中共丙华区委、丙华区人民政府」) leaves the government after it the text's."""
    meta = read_meta(_blocks("(一)城区政府管理职责。甲江、乙羊、丙华区政府和某高新区管委会作为责任主体,负责本辖区工作。",
                             "(二)街道办事处是落实主体,负责辖区内工作。"))
    assert meta.jurisdiction is None
    meta = read_meta(_blocks("关于做好学校工作的通知", "各街道:", "根据中共丙华区委、丙华区人民政府的部署,现通知如下。",
                             "一、区教育局负责学校工作。"))
    assert meta.jurisdiction == "丙华区"


def test_a_level_word_in_a_title_is_no_places_end():
    """「镇创建市级卫生先进乡镇实施方案」: the township is not named, and 市级 is a level; 「镇创建市」 is no place."""
    assert read_meta(_blocks("镇创建市级卫生先进乡镇实施方案", "一、指导思想。")).jurisdiction is None
    assert read_meta(_blocks("青山县创建市级卫生县城实施方案", "一、指导思想。")).jurisdiction == "青山县"


def test_a_pages_metadata_rows_of_label_and_value_cells_give_the_date_and_the_publishing_office():
    """「文号: | X〔2022〕20号 | 成文日期: | 2022-04-07 |」, 「发布单位: | 市政府办公厅 |」: a page's metadata as rows of
    label | value cells (the label's colon, then the cell's 「|」) give the date and the office that published it."""
    rows = [("索引号:", "002489401/2022-266118", "公开方式:", "主动公开"), ("文号:", "某政办函〔2022〕20号", "成文日期:", "2022-04-07"),
            ("发布单位:", "市政府办公厅", "主题分类:", "综合政务")]
    blocks = [Block(" | ".join(r), f"第{n}行", r, 1) for n, r in enumerate(rows, start=1)]
    meta = read_meta(blocks + _blocks("各区人民政府,市政府各部门:", "一、细化量化。各地各有关部门要压实工作责任。"))
    assert meta.date == dt.date(2022, 4, 7) and meta.issuers == ["市政府办公厅"]


@pytest.mark.parametrize("month", ["二○○八年七月", "2008年7月"])
def test_a_signature_dated_by_its_month_only_signs_the_document(month):
    """「市水利局」 over 「二○○八年七月」: a signature whose date gives the month only; the organ issued the document, and
    the date is the month's first day, reviewed (the day is not written)."""
    meta = read_meta(_blocks("水利局争创文明城市工作方案", "我局的工作方案如下:", "7月,成立局争创文明城市领导小组。",
                             "市水利局", month))
    assert meta.issuers == ["市水利局"] and meta.date == dt.date(2008, 7, 1)
    assert [g[3] for g in meta.guesses if g[0] == "成文日期"] == [0.6]


def test_a_signature_dated_by_its_month_alone_dates_the_document_on_its_first_day():
    """「市水利局」 over 「二○○八年七月」: the signature's month, its day not written: the first, reviewed."""
    meta = read_meta(_blocks("水利局争创文明城市工作方案", "7月,成立局争创文明城市领导小组。", "市水利局", "二○○八年七月"))
    assert (meta.date, meta.issuers) == (dt.date(2008, 7, 1), ["市水利局"])
    assert any(g[0] == "成文日期" and g[3] < 0.8 for g in meta.guesses)
    meta = read_meta(_blocks("某局工作方案", "一、成立领导小组。", "某县水利局", "2019年3月"))
    assert meta.date == dt.date(2019, 3, 1)
    assert read_meta(_blocks("某局工作方案", "2019年3月", "一、成立领导小组。")).date is None  # no signature above it



def test_a_sites_credit_line_is_no_masthead():
    """「建德市融媒体中心 主办」 at the head of a news site: the body that runs the site, no issuer of the report."""
    meta = read_meta(_blocks("时政要闻 某市新闻网", "某市融媒体中心 主办", "我市部署推进防范电信网络诈骗工作",
                             "10月13日上午,我市召开推进会。"))
    assert meta.issuers == []


def test_a_forwarding_titles_organs_after_zhuanfa_issued_the_forwarded_document():
    """「转发国务院办公厅转发统计局关于…的通知」 names the forwarded document's issuers, not its own: the page's 发布机构
    row gives it; 「X转发Y关于…」: X forwards."""
    meta = read_meta(_blocks("发布机构: 某省人民政府办公厅 成文日期: 2011-10-20",
                             "转发国务院办公厅转发统计局关于加强和完善服务业统计工作意见的通知", "各市人民政府:"))
    assert meta.issuers == ["某省人民政府办公厅"]
    meta = read_meta(_blocks("某市人民政府办公厅转发省环保专项行动联席会议办公室关于做好整治工作的通知", "各县区人民政府:"))
    assert meta.issuers == ["某市人民政府办公厅"]


def test_a_news_pages_posting_time_under_its_headline_is_its_date():
    """「2021-10-13 21:43」 alone under the headline: when the report was posted, its page's date (reviewed); not a
    mirror's posting in another year than the document number on the page (「皖政[2001]85號」)."""
    meta = read_meta(_blocks("我市部署推进防范电信网络诈骗工作", "2021-10-13 21:43", "10月13日上午,我市召开推进会。"))
    assert meta.date == dt.date(2021, 10, 13)
    assert any(g[0] == "成文日期" and g[3] < 0.8 for g in meta.guesses)
    meta = read_meta(_blocks("某省人民政府关于基础教育改革的意见", "2025-06-07 16:43", "(某政[2001]85号)",
                             "各市、县人民政府:"))
    assert meta.date is None


def test_a_joint_signature_two_organs_a_line_names_each():
    """Six organs signing two a line, spaced apart (「工业和信息化部  公安部」, 「…总局  共青团中央」): each an issuer."""
    meta = read_meta(_blocks("关于印发《某活动方案》的通知", "各省、自治区、直辖市:", "现印发你们,请认真贯彻执行。",
                             "中央网络安全和信息化领导小组办公室 教育部", "工业和信息化部 公安部",
                             "国家新闻出版广电总局 共青团中央", "2016年3月17日"))
    assert meta.issuers == ["中央网络安全和信息化领导小组办公室", "教育部", "工业和信息化部", "公安部", "国家新闻出版广电总局",
                            "共青团中央"]
    assert meta.date == dt.date(2016, 3, 17)


def test_a_plan_titled_by_the_organ_whose_plan_it_is_names_its_issuer():
    """「交通运输局春运工作方案」 without 关于 and with nothing else naming an issuer: the bureau, reviewed; not a level's
    office alone (「街道办环境综合整治方案」: which street's, the title does not say)."""
    meta = read_meta(_blocks("交通运输局春运工作方案", "一、工作目标", "确保春运安全有序。"))
    assert meta.issuers == ["交通运输局"]
    assert any(g[0] == "发文机关" and g[3] < 0.8 for g in meta.guesses)
    assert read_meta(_blocks("街道办环境综合整治方案", "一、组织领导")).issuers == []
    assert read_meta(_blocks("县政府办公室2023年工作要点", "一、重点工作")).issuers == []


def test_a_body_named_after_the_state_council_without_a_place_of_its_own_is_its_body():
    """「国务院知识产权战略实施工作部际联席会议办公室」 signs as one organ, as a government's body named after it does; a
    ministry after it is an organ of its own."""
    meta = read_meta(_blocks("各省、自治区、直辖市人民政府:", "现将推进计划印发给你们,请认真贯彻执行。",
                             "国务院知识产权战略实施工作部际联席会议办公室", "2021年12月27日"))
    assert meta.issuers == ["国务院知识产权战略实施工作部际联席会议办公室"]
    assert read_meta(_blocks("现将方案印发给你们。", "国务院扶贫开发领导小组办公室", "2016年4月1日")).issuers == [
        "国务院扶贫开发领导小组办公室"]


def test_a_county_portals_page_sourced_from_one_of_its_townships_governments_is_that_townships():
    """The county government's name over the page is the site's; 「来源:某县甲镇人民政府」 names the same kind of body
    for a township inside the county: the page, and the document on it, is the township's (a guess, reviewed). A
    source in another place, or another kind of body, leaves the masthead."""
    head = ("某县人民政府", "甲镇政府信息公开", "2023年防汛工作安排意见")
    meta = read_meta(_blocks(*head, "来源:某县甲镇人民政府 发布时间:2023-05-09", "各村委会:", "一、加强领导"))
    assert meta.issuers == ["某县甲镇人民政府"] and any(g[0] == "发文机关" and g[3] < 0.8 for g in meta.guesses)
    meta = read_meta(_blocks(*head, "来源:某县水务局 发布时间:2023-05-09", "各村委会:", "一、加强领导"))
    assert meta.issuers == ["某县人民政府"]


def test_a_page_reporting_what_an_organ_issued_names_that_organ_as_the_issuer():
    """「3月29日,国务院印发关于…的意见。其中,…」: a repost of part of the organ's document, the organ its issuer (a
    guess, reviewed); 「我局印发…」 names no one, and a notice forwarding what an organ issued (「…，现将文件转发给你们」)
    is the forwarder's."""
    meta = read_meta(_blocks("重点任务部门分工确定", "发布时间:2016-03-31",
                             "3月29日,国务院印发关于落实重点工作部门分工的意见。其中,科技部参与的工作如下:", "一、加强创新"))
    assert meta.issuers == ["国务院"] and any(g[0] == "发文机关" and g[3] < 0.8 for g in meta.guesses)
    meta = read_meta(_blocks("关于做好秋冬季工作的通知", "各单位:",
                             "市人民政府办公室印发了《关于做好秋冬季工作的通知》,现将文件转发给你单位,请认真遵照执行。"))
    assert meta.issuers == []
    meta = read_meta(_blocks("重点任务分工", "我局印发了关于做好中医药工作的通知。", "一、加强创新"))
    assert meta.issuers == []



def test_a_page_reporting_what_a_place_issued_names_the_place_as_the_issuer():
    """「近日,甲市印发了《…任务表》」: a place reported issuing its task table is the issuer (a guess, reviewed)."""
    meta = read_meta(_blocks("甲市强化三措施确保安全生产任务完成", "2018-04-20 09:58  市应急管理局",
                             "近日,甲市印发了《2018年度甲市安全生产领域改革发展任务表》,强化三项措施。",
                             "一是加强领导。各区县政府要落实责任。"))
    assert meta.issuers == ["甲市"] and any(g[0] == "发文机关" and g[3] < 0.8 for g in meta.guesses)

def test_a_news_report_of_a_townships_own_meeting_is_of_that_township():
    """「8月16日,甲岭镇召开防溺水工作推进会」: a report naming no issuer is of the township holding the meeting (a
    guess, reviewed), so its bare 镇X are that township's; 「各乡镇召开」 names no township."""
    meta = read_meta(_blocks("8月16日,甲岭镇召开防溺水工作推进会,各村书记参加会议。", "会议要求,镇农业站要加强巡查。"))
    assert meta.jurisdiction == "甲岭镇" and meta.place_guessed
    meta = read_meta(_blocks("8月16日,各乡镇召开防溺水工作推进会,各村书记参加会议。", "会议要求,镇农业站要加强巡查。"))
    assert meta.jurisdiction is None


def test_a_districts_media_report_of_a_townships_meeting_is_of_the_township():
    """「某区融媒体中心3月23日讯 3月22日,甲岭镇召开…」 taken for the title: the district is the outlet's, the meeting
    the township's, and so is the report (a guess, reviewed)."""
    meta = read_meta(_blocks("某区融媒体中心3月23日讯 3月22日,甲岭镇召开禁毒工作推进会,镇干部参加会议。",
                             "会议要求,派出所要加强排查。"))
    assert meta.jurisdiction == "甲岭镇" and meta.place_guessed


def test_a_title_without_guanyu_that_opens_with_its_place_and_year_is_the_title():
    """「甲岭镇2023年防汛工作安排意见」 under a county portal's name: a kind of document after a place and a year is the
    title, though it has no 关于; a sentence ending in a kind word with no place and year before it is not."""
    meta = read_meta(_blocks("某县人民政府", "甲镇政府信息公开", "甲岭镇2023年防汛工作安排意见", "各村委会:", "一、加强领导"))
    assert meta.title == "甲岭镇2023年防汛工作安排意见"
    meta = read_meta(_blocks("某县人民政府", "甲镇政府信息公开", "请各村认真落实安排意见", "各村委会:", "一、加强领导"))
    assert meta.title != "请各村认真落实安排意见"


def test_a_title_opening_with_a_township_makes_the_document_the_townships():
    """「甲岭镇2024年度重点工作计划二季度执行情况」 naming no issuer: the township the title opens with is the place (a
    township below its county, 「某县甲岭镇关于…」 kept whole); 城镇 and 各乡镇 are kinds of place, no township."""
    assert read_meta(_blocks("甲岭镇2024年度重点工作计划二季度执行情况", "序号", "重点工作")).jurisdiction == "甲岭镇"
    assert read_meta(_blocks("某县甲岭镇关于做好防汛工作的通知", "各村:")).jurisdiction == "某县甲岭镇"
    assert read_meta(_blocks("城镇2024年老旧小区改造方案", "序号", "重点工作")).jurisdiction is None


def test_a_title_broken_over_three_lines_is_read_whole_with_its_issuer():
    """「某园区管理委员会关于设立某」「园区管委会招商项目」「推进办公室的通知」: the kind closes the third line, 关于 stands two
    lines above it; the three lines are the title (and the issuer before its 关于 is read from it)."""
    meta = read_meta(_blocks("某工管发〔2015〕7号", "某园区管理委员会关于设立某", "园区管委会招商项目", "推进办公室的通知",
                             "为加强招商项目的跟踪服务，决定设立招商项目推进办公室。现将有关事项通知如下:", "一、职能职责"))
    assert meta.title == "某园区管理委员会关于设立某园区管委会招商项目推进办公室的通知"
    assert meta.issuers == ["某园区管理委员会"]


def test_a_pages_path_on_its_site_is_no_line_of_its_text(tmp_path):
    """「首页 >> 政府信息公开 >> 正文」: where the page sits on its site, written without 「当前位置：」, is no title; the
    headline after it is."""
    from policykb.ingest.readers import read
    path = tmp_path / "s.txt"
    path.write_text("首页 >> 政府信息公开 >> 应急管理 >> 正文\n\n甲市强化三措施确保安全生产任务完成\n"
                    "近日,甲市印发了任务表。\n一是各区县政府要落实责任。\n", encoding="utf-8")
    texts = [b.text for b in read(path).blocks]
    assert not any("首页" in t for t in texts)
    assert read_meta(read(path).blocks).title == "甲市强化三措施确保安全生产任务完成"


def test_a_title_in_book_title_marks_names_its_place_as_a_bare_title_does():
    """「《某山省乡村振兴促进条例》(2021年修订版全文)」: a site writes the regulation's title in 《》 with its own label
    after it; the place it opens with is the document's, as in 「某山省乡村振兴促进条例」."""
    meta = read_meta(_blocks("《某山省乡村振兴促进条例》(2021年修订版全文)", "第一章 总则",
                             "第四条 各级人民政府应当加强乡村振兴工作。"))
    assert meta.jurisdiction == "某山省"


@pytest.mark.parametrize("line, title", [
    ("附件:1.加强全市消防部队应急救援能力建设主要目标任务及责任分解;", "加强全市消防部队应急救援能力建设主要目标任务及责任分解"),
    ("附件：2021年重点工作任务分解表", "2021年重点工作任务分解表"),
    ("附件：《2021年重点工作任务分解表》。", "2021年重点工作任务分解表"),
])
def test_an_annex_title_keeps_no_punctuation_of_the_list_it_stands_in(line, title):
    """A letter quotes the annex by its title (「及其附件《…》」): the 「；」 closing a list of annexes is not the title's."""
    from policykb.ingest.settings import annex_title_of
    from policykb.ingest.source import Source
    assert annex_title_of(Source("s.txt", "txt", _blocks("某某市人民政府关于X的通知", line))) == title


@pytest.mark.parametrize("line, number, text", [
    ("10.2010年底前,开工建设五华消防三中队营房。", 10, "2010年底前,开工建设五华消防三中队营房。"),  # an item opening with its year
    ("3.2023年6月底前完成排查。", 3, "2023年6月底前完成排查。"),
])
def test_an_item_opening_with_its_deadlines_year_is_numbered(line, number, text):
    """「10.2010年底前，开工建设…」 is item 10, its deadline first: its text is no decimal 「10.2010年」, and a letter
    prints 「第10项 2010年底前…」, not the mark again; 「1.5万元」 stays a number."""
    from policykb.ingest.itemmarks import item_number, strip_number
    assert strip_number(line) == text and item_number(line.split(".")[0]) == number
    assert strip_number("1.5万元用于补助") == "1.5万元用于补助"


def test_a_title_broken_over_two_lines_that_the_annex_line_names_whole_is_joined():
    """An annex's heading in two lines (「加强全市消防部队应急救援能力建设」 over 「主要目标任务及责任分解」) is one title when
    the notice's 附件 line names it whole; without such a line the kind's line alone stays the title."""
    lines = ["各级目督办要把上述重点建设任务纳入目标管理内容。", "附件:1.加强全市消防部队应急救援能力建设主要目标任务及责任分解;",
             "二〇〇九年五月三十一日", "附件1", "加强全市消防部队应急救援能力建设", "主要目标任务及责任分解", "一、消防站点建设"]
    assert read_meta(_blocks(*lines)).title == "加强全市消防部队应急救援能力建设主要目标任务及责任分解"
    assert read_meta(_blocks(*lines[2:])).title == "主要目标任务及责任分解"


def test_a_title_opening_with_a_verb_and_the_whole_city_names_no_place():
    """「加强全市消防部队…」: 加强 and 全市 (the whole city) are no place's name; 「立山区政府2023年…」 names its place."""
    assert read_meta(_blocks("加强全市消防部队应急救援能力建设主要目标任务及责任分解", "一、消防站点建设")).jurisdiction is None
    assert read_meta(_blocks("立山区政府2023年重点工作任务分解方案", "一、目标")).jurisdiction == "立山区"
