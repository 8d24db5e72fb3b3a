"""A document that numbers its items afresh under each heading (「一、…（一）（二）」, 「二、…（一）（二）」): each task
keeps its own number as written (`label`), and the letters, maps, tables and pages name it so (「第二（一）项」), since
a 「第3项」 is nowhere in the document a reader holds (issue #22, item 8)."""
from __future__ import annotations

import datetime as dt
import re

import yaml

from conftest import ROOT
from policykb.export import task_rows, unit_rows
from policykb.gongwen import read_text
from policykb.graph import PolicyGraph
from policykb.ingest.outline import numbered_paths, paragraphs_under
from policykb.ingest.source import Block
from policykb.ownnumbers import compact, task_ref, task_refs
from policykb.render.letters import overview
from policykb.validate import load_kb
from test_ingest import _imported_letters

AFRESH = ("双峰县人民政府办公室关于印发2024年重点工作分工的通知\n各乡镇人民政府，县政府各部门：\n"
          "一、农村道路\n（一）新建农村公路50公里（县交通局牵头，县财政局配合）。\n（二）养护县乡道路（县交通局负责）。\n"
          "二、危房改造\n（一）改造农村危房300户（县住建局牵头，县民政局配合）。\n（二）建立农房安全档案（县住建局负责）。\n"
          "双峰县人民政府办公室\n2024年1月20日\n")


def test_a_label_is_named_as_readers_cite_it():
    assert [compact(x) for x in ("二、（二）", "一、(一)1.", "一、2、", "（三）", "3.")] == [
        "二（二）", "一（一）1", "一.2", "（三）", "3"]
    assert (task_ref(5, None), task_ref(5, "二、（一）"), task_ref(5, "第四条")) == ("第5项", "第二（一）项", "第四条")
    assert task_refs([(1, None), (2, None)]) == "第1、2项"
    assert task_refs([(3, "二、（一）"), (4, "二、（二）")]) == "第二（一）、二（二）项"
    assert task_refs([]) == ""


def test_a_paragraphs_number_carries_its_headings_and_a_heading_closes_the_deeper_ones():
    lines = ["一、甲", "（一）子甲", "1. 细项", "（二）子乙", "二、乙", "（一）子丙", "2024年投入1.5亿元。", "①其一"]
    paths = numbered_paths([Block(t, f"第{i}行") for i, t in enumerate(lines, start=1)])
    assert {w: p.path for w, p in paths.items()} == {
        "第1行": "一、", "第2行": "一、（一）", "第3行": "一、（一）1.", "第4行": "一、（二）", "第5行": "二、",
        "第6行": "二、（一）", "第8行": "二、（一）①"}
    assert paths["第6行"].number == 1 and paths["第6行"].text == "子丙"


def test_a_page_cut_from_the_middle_nests_its_numbers_by_the_standard_order_not_by_what_came_first():
    """A page opening with a part's last 1. items before the next 四、: GB/T 9704's order (一、 （一） 1. （1）) says 四、 is
    the higher level, so its （一） is 「四、（一）」, not under the 9. before it."""
    lines = ["8. 甲", "9. 乙", "四、其他工作", "（一）丙", "1. 丁"]
    paths = numbered_paths([Block(t, f"第{i}行") for i, t in enumerate(lines, start=1)])
    assert [p.path for p in paths.values()] == ["8.", "9.", "四、", "四、（一）", "四、（一）1."]


def test_items_numbered_afresh_keep_their_own_numbers_in_the_yaml_the_review_and_the_letters(tmp_path):
    result, body = _imported_letters(tmp_path, AFRESH, dt.date(2024, 3, 1))
    tasks = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((result.folder / "tasks").glob("*.yaml"))]
    assert [(t["number"], t.get("label")) for t in tasks] == [
        (1, "一、（一）"), (2, "一、（二）"), (3, "二、（一）"), (4, "二、（二）")]
    assert any(line.startswith("[任务 3] 原文编号 二、（一），") for line in result.review)
    housing = body["双峰县住建局"]
    assert "第二（一）项" in housing and "第二（二）项" in housing
    assert not re.search(r"第[34]项", housing)


def test_items_numbered_once_through_the_document_keep_their_numbers_without_labels(tmp_path):
    text = AFRESH.replace("（一）新建", "1. 新建").replace("（二）养护", "2. 养护").replace("（一）改造", "3. 改造") \
        .replace("（二）建立", "4. 建立")
    result, body = _imported_letters(tmp_path, text, dt.date(2024, 3, 1))
    tasks = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((result.folder / "tasks").glob("*.yaml"))]
    assert [(t["number"], t.get("label")) for t in tasks] == [(1, None), (2, None), (3, None), (4, None)]
    assert "第3项" in body["双峰县住建局"]


def test_tables_maps_and_pages_name_a_task_by_its_own_number(tmp_path):
    from policykb.render.site import render_site
    result, _ = _imported_letters(tmp_path, AFRESH, dt.date(2024, 3, 1))
    pg = PolicyGraph(load_kb(tmp_path / "kb"))
    task = pg.kb.documents["doc"].tasks[3]
    assert (task.ref, task.own_number) == ("第二（一）项", "二（一）")
    header, rows = task_rows(pg, "doc")
    assert header[:3] == ["文件", "序号", "原文编号"] and rows[2][:3] == ["doc", 3, "二、（一）"]
    assert rows[2][header.index("落实条文")] == ""  # the item is its own article: no 第3条 it lacks
    printed = "\n".join(read_text(overview.to_docx(pg, "doc"))).replace("\u200b", "")
    assert "原文编号" in printed and "二、（一）" in printed
    assert not any(h in printed for h in ("落实条文", "时限", "指标"))  # columns no row fills are not printed
    _, units = unit_rows(pg, "doc")
    assert next(r for r in units if r[0] == "双峰县住建局")[2] == "二（一）、二（二）"
    site = tmp_path / "site"
    render_site(pg, site, as_of=dt.date(2024, 3, 1), templates=ROOT / "templates", policies=tmp_path / "kb",
                enrich_search=False)
    page = (site / "doc" / "tasks" / "3.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", page)
    assert "第二（一）项 改造农村危房300户" in text and "原文编号" in text and "二、（一）（知识库序号 3" in text
    assert "所属部分二、危房改造" in re.sub(r"\s", "", text)
    # a list imported from the document's own text is no attached 分工方案: the page does not speak of one
    assert "原文没有给出本项任务的时限，也没有对全部任务的通用时限" in text and "分工方案也没有" not in text
    assert "落实条文" not in text  # the item stands as an article of its own too: no 「第3条」 the document lacks
    # the document's items are its articles restated: its pages say 第3条 nowhere
    index = re.sub(r"<[^>]+>", "", (site / "doc" / "index.html").read_text(encoding="utf-8"))
    assert "：目录" in index and "第二（一）项 改造农村危房300户" in index and not re.search(r"第\d+条", index)
    assert "附件" not in index and "工作要求" not in index  # no attached annex, no requirements: none claimed
    article = re.sub(r"<[^>]+>", "", (site / "doc" / "articles" / "3.html").read_text(encoding="utf-8"))
    assert not re.search(r"第\d+条", article)
    unit = re.sub(r"<[^>]+>", "", (site / "units" / "shuang-feng-xian-zhu-jian-ju.html").read_text(encoding="utf-8"))
    assert "第二（一）项" in unit and "第3项" not in unit
    table = re.sub(r"<[^>]+>", "", (site / "doc" / "table.html").read_text(encoding="utf-8"))
    assert "二、危房改造" in table and "二（二）" in table and "第4项" not in table
    assert "落实条文" not in table and not re.search(r"第\d+条", table)


def test_progress_commands_take_a_task_by_its_own_number(tmp_path):
    """The site tells a cadre 「第二（一）项」: the progress commands take that number as well as the sequence number."""
    from typer.testing import CliRunner
    from policykb.cli import app
    _imported_letters(tmp_path, AFRESH, dt.date(2024, 3, 1))
    kb = tmp_path / "kb"
    run = lambda *args: CliRunner().invoke(app, ["progress", *args, "--doc", "doc", "-p", str(kb)])  # noqa: E731
    assert run("plan", "第二（一）项", "--date", "2024-03-01").exit_code == 0
    assert run("plan", "二、(二)", "--date", "2024-03-02").exit_code == 0
    assert run("plan", "1", "--date", "2024-03-03").exit_code == 0
    written = {p.name for p in (kb / "doc" / "tracking" / "tasks").glob("*.yaml")}
    assert written == {"003.yaml", "004.yaml", "001.yaml"}
    refused = run("plan", "九（九）", "--date", "2024-03-01")
    said = f"{refused.exception}；{getattr(refused.exception, 'hint', '')}"
    assert refused.exit_code == 1 and "没有第九（九）项任务" in said and "原文编号（如 一（一））" in said


def test_a_task_in_the_paragraph_under_a_numbered_heading_is_named_by_the_headings_number(tmp_path):
    """「一、主要职责」 then 「负责…」, 「三、工作机构」 then 「…办公室设在…，承担…」: the paragraphs have no mark of their
    own, and a reader cites their work by the heading's (the first task under it; a table under a heading keeps its
    rows' own numbers)."""
    from conftest import import_text
    text = ("甲县人民政府办公室关于成立乙工作领导小组的通知\n各乡镇人民政府，县政府各部门：\n"
            "一、主要职责\n乙工作领导小组负责全县乙工作的组织和实施。\n二、组成人员\n组 长：张三 县长\n"
            "三、工作机构\n为加强日常工作，由县统计局负责领导小组的日常工作。\n甲县人民政府办公室\n2024年1月20日\n")
    _, tasks, _ = import_text(tmp_path, text, None)
    assert [(t["number"], t.get("label")) for t in tasks] == [(1, "一、"), (2, "三、")]
    paths = paragraphs_under([Block(t, f"第{i}行") for i, t in enumerate(["前言", "一、甲", "正文", "| 行 |"], start=1)]
                             [:3] + [Block("| 行 |", "第4行", cells=("行",), table=1)])
    assert {w: (above, p.path, p.text) for w, (above, p) in paths.items()} == {"第3行": ("第2行", "一、", "正文")}


def test_items_run_together_after_a_numbered_paragraphs_first_keep_their_own_marks(tmp_path):
    """「1.负责甲。 2.负责乙。」 on one line (a table cell's duties run together), numbered afresh under each unit: the
    later items are named by their own marks as the first is by the paragraph's, not left to the running count."""
    from conftest import import_text
    text = ("甲县人民政府办公室关于印发部门职责清单的通知\n各乡镇人民政府，县政府各部门：\n"
            "一、县交通局\n1.负责农村公路建设管理工作。 2.负责县乡道路养护工作。 3.负责客运站点建设工作。\n"
            "二、县住建局\n1.负责农村危房改造工作。 2.负责农房安全档案管理工作。\n"
            "甲县人民政府办公室\n2024年1月20日\n")
    _, tasks, _ = import_text(tmp_path, text, None)
    assert [(t.get("label"), t["text"][:4]) for t in tasks] == [
        ("一、1.", "负责农村"), ("一、2.", "负责县乡"), ("一、3.", "负责客运"), ("二、1.", "负责农村"), ("二、2.", "负责农房")]


def test_paragraphs_opening_with_a_count_keep_it_as_their_label(tmp_path):
    """「一是加强领导。…」 「二是通力协作。X要…。Y要…」: a paragraph opening with a count is numbered so, as a reader
    cites its sentences; each task read from it carries the count (二是 twice)."""
    from conftest import import_text
    lines = ["一是加强领导。各区县政府要对工作落实情况负总责。", "二是通力协作。各牵头单位要切实负起组织协调的职责。"]
    paths = numbered_paths([Block(t, f"第{i}行") for i, t in enumerate(lines, start=1)])
    assert [(p.path, p.number) for p in paths.values()] == [("一是", 1), ("二是", 2)]
    text = ("甲市强化三措施确保安全生产任务完成\n近日,甲市印发了《2018年度甲市安全生产任务表》,强化三项措施。\n"
            "一是加强领导。各区县政府要对工作落实情况负总责。\n二是通力协作。各牵头单位要切实负起组织协调的职责。"
            "各责任单位要主动作为,积极配合牵头单位做好工作。\n三是加强督查。市政府督查办将安全生产任务纳入政府目标督查范围。\n")
    _, tasks, _ = import_text(tmp_path, text, dt.date(2024, 1, 1))
    assert [t.get("label") for t in tasks] == ["一是", "二是", "二是", "三是"]


def test_items_numbered_inside_a_paragraph_under_a_heading_keep_the_headings_number_and_their_mark(tmp_path):
    """「（一）县自然资源局」 then 「县自然资源局负责…。1、会同…。2、组织…」: the paragraph's later tasks are its items
    1、 and 2、, named 「二、（一）1、」 as a reader cites them, not by the running count."""
    from conftest import import_text
    text = ("甲县人民政府关于做好地质灾害防治工作的通知\n各乡镇人民政府，县政府各部门：\n一、各级政府职责\n（一）县人民政府职责\n"
            "统一领导全县地质灾害防治工作。\n二、有关部门职责\n（一）县自然资源局\n县自然资源局负责地质灾害防治的组织、协调和监督"
            "工作。1、会同县水利局开展地质灾害调查。2、组织专家对地质灾害成因进行论证。\n（二）县水利局\n"
            "县水利局负责山洪灾害的监测预警工作。\n甲县人民政府\n2024年1月20日\n")
    _, tasks, _ = import_text(tmp_path, text, None)
    assert sorted((t.get("label"), t["text"][:6]) for t in tasks) == [
        ("二、（一）", "县自然资源局"), ("二、（一）1、", "会同县水利局"), ("二、（一）2、", "组织专家对地"), ("二、（二）", "县水利局负责")]


def test_items_of_a_page_that_lost_its_line_breaks_keep_each_its_own_mark(tmp_path):
    """A page whose breaks became spaces (「 （一）… （二）… （三）…」 on one line): each item is a place of its own,
    so a later task of item （二） is named by （二）, not by the last item's mark the line ends with."""
    from conftest import import_text
    items = ["（一）加强组织领导。县交通局负责全县农村公路建设的组织实施，确保按期完成各项建设任务和年度目标，每季度向县政府报告工作进展情况，年底前完成全年建设任务的总结和考核评估工作。",
             "（二）落实工作责任。县财政局负责落实农村公路建设资金，做好资金拨付和监管工作，确保专款专用、不得挤占挪用建设资金。"
             "县审计局负责对建设资金使用情况进行审计监督，发现问题及时督促整改落实到位。",
             "（三）强化督促检查。县住建局负责农村危房改造的质量安全监管，定期开展检查并通报检查结果，对发现的问题限期整改到位，整改情况及时报县政府办公室备案。",
             "（四）做好宣传引导。县融媒体中心负责农村公路建设和危房改造的宣传报道，及时总结推广先进经验和典型做法，营造良好的社会氛围。"]
    text = ("甲县人民政府办公室关于做好农村公路建设工作的通知\n各乡镇人民政府，县政府各部门：\n"
            + " ".join(items) + "\n甲县人民政府办公室\n2024年1月20日\n")
    _, tasks, _ = import_text(tmp_path, text, None)
    assert sorted((t.get("label"), t["text"][:5]) for t in tasks) == [
        ("（一）", "加强组织领"), ("（三）", "强化督促检"), ("（二）", "县审计局负"), ("（二）", "落实工作责"), ("（四）", "做好宣传引")]
