"""Import of outside documents: readers, unit lists, deadlines, the corpus of real documents, round trips,
and the failures users meet (each a clear message and exit status 1, never a traceback)."""
from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from policykb.ingest import ImportFailed, import_file
from policykb.ingest.levels import level_of_name
from policykb.ingest.readers import decode, read
from policykb.ingest.shapes import inline_tasks
from policykb.ingest.source import Block
from policykb.ingest.tabletasks import table_tasks
from policykb.ingest.timing import find
from policykb.ingest.unitnames import looks_like_unit
from policykb.ingest.unitnotes import parse_units
from policykb.validate import validate

from conftest import DOC, POLICIES, ROOT

CORPUS = Path(__file__).resolve().parent / "corpus"
# the first corpus's entries carry leads: (the first lead of each task); later entries carry only tasks:,
# measured by bench/import_quality.py
MANIFEST = [e for e in yaml.safe_load((CORPUS / "corpus.yaml").read_text(encoding="utf-8"))["documents"]
            if "leads" in e]


def _kb(tmp_path: Path) -> Path:
    """A copy of the bundled knowledge base to import into."""
    kb = tmp_path / "kb"
    shutil.copytree(POLICIES, kb, ignore=shutil.ignore_patterns("tracking"))
    return kb


# --- readers ---

def test_a_hard_wrapped_page_goes_on_where_its_lines_stop_mid_sentence_or_inside_a_note(tmp_path):
    path = tmp_path / "s.txt"
    path.write_text("    2024 年 5 月 第 2 期          某某委员会办公室：年度工作要点          4\n\n"
                    "        （三）开展老年人健康素养提升活动，组织专家进社区、进乡村，持续\n\n"
                    "    推进健康知识普及。（民政部、国家卫生健康委、国家中医药局按\n\n    职责分工负责）\n\n"
                    "        （四）举办全国青少年足球联赛。（体育总\n\n    局牵头负责）\n\n"
                    "一、总体要求\n坚持问题导向，全面推进工作落实\n", encoding="utf-8")
    assert [b.text for b in read(path).blocks][1:] == [
        "（三）开展老年人健康素养提升活动，组织专家进社区、进乡村，持续推进健康知识普及。"
        "（民政部、国家卫生健康委、国家中医药局按职责分工负责）",
        "（四）举办全国青少年足球联赛。（体育总局牵头负责）", "一、总体要求", "坚持问题导向，全面推进工作落实"]
    folder = import_file(path, _kb(tmp_path), "doc", dt.date(2024, 5, 1)).folder
    tasks = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((folder / "tasks").glob("*.yaml"))]
    assert [(t["lead"], t["participants"]) for t in tasks] == [(["民政部"], ["国家卫生健康委", "国家中医药局"]),
                                                               (["体育总局"], [])]
    assert tasks[0]["text"] == "开展老年人健康素养提升活动，组织专家进社区、进乡村，持续推进健康知识普及。"


def test_an_items_first_line_wrapped_in_the_middle_of_a_word_goes_on(tmp_path):
    """「（十）严厉打击通过互联网销售烟草制」 / 「品的违法行为。（…按职」 / 「责分工负责）」: an item's numbered first line,
    long and with no comma, stops inside a word; the item, its note and its units are one."""
    path = tmp_path / "s.txt"
    path.write_text("          （十）严厉打击通过互联网销售烟草制品（含电子烟）和向未成年人销售烟草制\n\n"
                    "      品的违法行为，保护未成年人免受烟草侵害。（教育部、市场监管总局按职\n\n      责分工负责）\n",
                    encoding="utf-8")
    assert [b.text for b in read(path).blocks] == [
        "（十）严厉打击通过互联网销售烟草制品（含电子烟）和向未成年人销售烟草制品的违法行为，保护未成年人免受烟草侵害。"
        "（教育部、市场监管总局按职责分工负责）"]


def _chunked(text: str, size: int) -> str:
    """A sharing site's preview of `text`: chunks of `size` characters, each on its own line marked 1、2、…"""
    return "\n".join(f"{k}、{text[i:i + size]}" for k, i in enumerate(range(0, len(text), size), start=1))


def test_a_sharing_sites_chunks_go_on_where_the_count_cut_them_inside_a_word(tmp_path):
    """「…，各社区是垃圾分类工作责任主体，社区主要负」 / 「2、责人是第一责任人…」: the site cut the text every so many
    characters and marked each piece; the pieces are one text again, without the marks, with its line numbers."""
    body = ("某街道垃圾分类工作方案。为做好全街道垃圾分类工作，结合实际，制定本方案。" + "做好宣传引导，" * 28
            + "各社区是垃圾分类工作责任主体，社区主要负责人是第一责任人，对本社区分类工作负总责。城管科做好日常巡查。")
    cut = body.index("负责人") + 1
    path = tmp_path / "s.txt"
    path.write_text("某街道垃圾分类工作方案.doc\n《某街道垃圾分类工作方案.doc》由会员分享,可在线阅读。\n"
                    + _chunked(body, cut) + "\n", encoding="utf-8")
    blocks = read(path).blocks
    assert [b.text for b in blocks][2:] == [body] and blocks[2].where == "第3行"
    assert "社区主要负责人是第一责任人" in blocks[2].text


def test_numbered_paragraphs_ending_their_sentences_are_no_chunks(tmp_path):
    path = tmp_path / "s.txt"
    first = "1、" + "各社区要做好宣传引导，" * 20 + "确保全年完成。"
    path.write_text(first + "\n2、城管科做好日常巡查。\n", encoding="utf-8")
    assert [b.text for b in read(path).blocks] == [first, "2、城管科做好日常巡查。"]


def test_a_numbered_heading_run_on_with_its_paragraph_on_a_page_without_breaks_stands_apart(tmp_path):
    """「三、工作分工 按照…，各社区是…责任主体」 on a long page whose line breaks became spaces: the heading is no part of the
    paragraph's subject, and each sentence naming its own unit is that unit's task."""
    path = tmp_path / "s.txt"
    path.write_text("某街道垃圾分类工作方案 为做好全街道垃圾分类工作，结合实际，制定本方案。 一、工作目标 全街道生活垃圾"
                    "分类覆盖率达到百分之九十以上，群众知晓率明显提高，" + "居民参与率逐步提高，" * 15 + "形成长效机制。 二、时间安排 2024年3月至2024年12月。 三、工作分工 "
                    "按照“属地管理”的原则，各社区是垃圾分类工作责任主体，社区主要负责人是第一责任人，对本社区分类工作负总责。"
                    " 城管科做好垃圾分类的日常巡查工作。\n", encoding="utf-8")
    assert "三、工作分工" in [b.text for b in read(path).blocks]
    folder = import_file(path, _kb(tmp_path), "doc", dt.date(2024, 3, 1)).folder
    tasks = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((folder / "tasks").glob("*.yaml"))]
    assert [t["lead"] for t in tasks] == [["各社区"], ["城管科"]]


def test_a_pages_breadcrumb_is_no_title(tmp_path):
    path = tmp_path / "s.txt"
    path.write_text("当前位置: 政策文件  通知公告   某某县人民政府办公室关于印发重点工作分工的通知\n"
                    "某某县人民政府办公室关于印发重点工作分工的通知\n一、加快园区建设。（县发改局负责）\n", encoding="utf-8")
    assert [b.text for b in read(path).blocks][0] == "某某县人民政府办公室关于印发重点工作分工的通知"
    folder = import_file(path, _kb(tmp_path), "doc", dt.date(2024, 5, 1)).folder
    document = yaml.safe_load((folder / "document.yaml").read_text(encoding="utf-8"))
    assert document["issuers"] == ["某某县人民政府办公室"]


def test_a_pages_greeting_is_no_title_and_a_demand_read_is_not_listed_unread(tmp_path):
    """「欢迎访问X网站」 greets a page's reader: never the title (nor the lead it gave the demands); a numbered demand
    read as the issuer's (its subject people alone) is no item left unread beside the task it became."""
    path = tmp_path / "s.txt"
    path.write_text("欢迎访问某某县人民政府网站\n\n某某镇部署秋季防火工作\n\n发布时间:2021-10-08  发布机构:某某镇人民政府\n\n"
                    "一、要压实责任。镇村干部务必提高认识,把任务层层分解到人;\n\n"
                    "二、要加强巡查。各村要组织人员每日巡查山林。\n", encoding="utf-8")
    assert [b.text for b in read(path).blocks][0] == "某某镇部署秋季防火工作"
    folder = import_file(path, _kb(tmp_path), "doc", dt.date(2021, 10, 8)).folder
    document = yaml.safe_load((folder / "document.yaml").read_text(encoding="utf-8"))
    tasks = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((folder / "tasks").glob("*.yaml"))]
    assert document["title"] == "某某镇部署秋季防火工作"
    # (镇村干部 serve the township and its villages: the township listed first leads, the villages take part)
    assert [(t["lead"], t.get("participants"), t.get("leaders")) for t in tasks] == [
        (["某某镇人民政府"], ["各村"], ["镇村干部"]), (["各村"], [], None)]
    assert "[未读取]" not in (folder / "import-review.txt").read_text(encoding="utf-8")


def test_a_wiki_pages_edit_links_are_left_out(tmp_path):
    path = tmp_path / "s.txt"
    path.write_text("二、主要職責[編輯]\n三、内设机构 [编辑]\n", encoding="utf-8")
    assert [b.text for b in read(path).blocks] == ["二、主要職責", "三、内设机构"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_text_in_any_common_encoding(encoding):
    text = "牵头单位：区发改局\n责任单位：各街道\n"
    assert decode(text.encode(encoding))[0].replace("\r", "") == text


def test_docx_tables_keep_merged_cells_and_drop_repeated_headers(tmp_path):
    import docx
    document = docx.Document()
    document.add_paragraph("关于印发重点工作任务分工方案的通知")
    table = document.add_table(rows=5, cols=3)
    for row, cells in zip(table.rows, [("序号", "重点任务", "牵头单位"), ("1", "推进甲。", "市财政局"),
                                       ("2", "推进乙。", ""), ("序号", "重点任务", "牵头单位"),
                                       ("3", "推进丙。", "市商务局")]):
        for cell, value in zip(row.cells, cells):
            cell.text = value
    table.cell(1, 2).merge(table.cell(2, 2))  # one 牵头单位 cell for tasks 1 and 2
    path = tmp_path / "t.docx"
    document.save(path)
    rows = [b.cells for b in read(path).blocks if b.is_row]
    assert rows[0] == ("序号", "重点任务", "牵头单位")
    tasks = table_tasks(read(path).blocks)
    assert [t.text for t in tasks] == ["推进甲。", "推进乙。", "推进丙。"]
    assert [t.units.lead for t in tasks] == [["市财政局"], ["市财政局"], ["市商务局"]]


def test_saved_web_page(tmp_path):
    page = ("<html><head><meta charset='gbk'><script>var x=1;</script></head><body><p>（一）推进甲。"
            "（市财政局、市税务局负责）</p><table><tr><td>序号</td><td>工作任务</td><td>牵头单位</td></tr>"
            "<tr><td>1</td><td>推进乙。</td><td>市商务局</td></tr></table></body></html>")
    path = tmp_path / "p.html"
    path.write_bytes(page.encode("gbk"))
    blocks = read(path).blocks
    assert [b.text for b in blocks if not b.is_row] == ["（一）推进甲。（市财政局、市税务局负责）"]
    assert table_tasks(blocks)[0].units.lead == ["市商务局"]


# --- unit lists ---

@pytest.mark.parametrize("note, lead, participants, mode", [
    ("国务院各部门分别负责，年内持续推进", ["国务院各部门"], [], "first"),
    ("市发展改革委、市财政局、市地税局等按照职责分工负责。列第一位者为牵头单位，下同",
     ["市发展改革委"], ["市财政局", "市地税局"], "first"),
    ("牵头单位：市发展改革委，配合单位：市委组织部、市人力资源和社会保障局，各区、县级市",
     ["市发展改革委"], ["市委组织部", "市人力资源和社会保障局", "各区、县级市"], "first"),  # one collective
    ("省发展改革委牵头，省财政厅、省商务厅按职责分工负责", ["省发展改革委"], ["省财政厅", "省商务厅"], "first"),
    ("财政部、发展改革委共同牵头", ["财政部", "发展改革委"], [], "joint"),
    ("责任单位：县财政局、县税务局", ["县财政局"], ["县税务局"], "first"),
    ("国家发展改革委会同有关部门负责", ["国家发展改革委"], ["有关部门"], "first"),
    ("牵头单位:区卫健局;责任单位:区疫情防控指挥部成员单位、各街办(新区)",
     ["区卫健局"], ["区疫情防控指挥部成员单位", "各街办（新区）"], "first"),
    ("市委宣传部（市文明办）、市文化广电旅游局负责", ["市委宣传部（市文明办）"], ["市文化广电旅游局"], "first"),
    # forms of the issue's unseen documents (issue 22), read by the lexicon's words
    ("市教育局、市财政局指导，区教育局负责落实", ["区教育局"], ["市教育局", "市财政局"], "first"),
    ("市发改委、市财政局、市商务局分别牵头落实", ["市发改委", "市财政局", "市商务局"], [], "separate"),
    ("牵头负责领导：张建国；牵头责任单位：县发改局；协同责任单位：县财政局、各乡镇", ["县发改局"], ["县财政局", "各乡镇"], "first"),
    ("分管副县长、县发改局负责", ["县发改局"], [], "first"),
    ("各市州、县市区负责", ["各市州、县市区"], [], "first"),
    ("各区、县（市）人民政府，市财政局负责", ["各区、县（市）人民政府"], ["市财政局"], "first"),
    ("主办：区住建局；协办：区城管局", ["区住建局"], ["区城管局"], "first"),
    # the rule stated with 或单位, and what the others do (「…按职责分工负责」): no names
    ("甲局、乙委负责。列第一位者为牵头部门或单位，其他有关部门和单位按职责分工负责，下同", ["甲局"], ["乙委"], "first"),
])
def test_unit_notes(note, lead, participants, mode):
    units = parse_units(note)
    assert (units.lead, units.participants, units.mode) == (lead, participants, mode)
    assert all(looks_like_unit(n) for n in units.lead + units.participants)


def test_a_persons_name_before_a_post_is_kept_as_the_name():
    """「牵头市领导：王明副市长」: the name is kept (as 「分管副县长王五」 keeps 王五); 「马副市长」 names no one but a post."""
    assert parse_units("牵头市领导：王明副市长；牵头单位：市农业农村局").leaders == ["王明"]
    assert parse_units("牵头市领导：马副市长；牵头单位：市农业农村局").leaders == ["马副市长"]


def test_people_are_leaders_never_units():
    units = parse_units("牵头负责领导：张建国；牵头责任单位：县发改局；协同责任单位：县财政局")
    assert units.leaders == ["张建国"] and "张建国" not in units.lead + units.participants
    assert parse_units("分管副县长、县发改局负责").leaders == ["分管副县长"]


def test_scope_notes_are_removed_and_handed_on():
    units = parse_units("市文旅局指导，区文旅局负责落实。以下均需区文旅局落实，不再列出")
    assert (units.lead, units.participants) == (["区文旅局"], ["市文旅局"])
    assert units.scope.participants == ["区文旅局"]
    units = parse_units("区发改局牵头。明确牵头部门的，其他有关部门配合，不逐一列出，下同")
    assert units.lead == ["区发改局"] and units.participants == [] and units.scope.open_ended
    assert not units.flags


def test_a_sentence_fragment_is_not_a_unit():
    assert not looks_like_unit("加快推进农村公路建设") and not looks_like_unit("区发改局、县财政局")
    assert looks_like_unit("某某经济技术开发区管委会") and looks_like_unit("各区、县（市）人民政府")
    units = parse_units("区发改局、加快推进有关工作负责")
    assert units.lead == ["区发改局"] and units.flags == ["not a unit: 加快推进有关工作"]


def test_open_lists_are_marked():
    units = parse_units("省发展改革委、交通运输厅、能源局等省有关部门和各地级以上市人民政府按职责分工负责")
    assert units.open_ended and "能源局" in units.participants
    assert not any("等" in n or "负责" in n for n in units.lead + units.participants)


def test_levels_never_cross():
    assert level_of_name("财政部", "省") == "中央"
    assert level_of_name("省财政厅", "中央") == "省"
    assert level_of_name("各省级人民政府", "中央") == "省"
    assert level_of_name("区财政局", "县") == "县"


def test_check_does_not_suggest_a_unit_of_another_level(tmp_path):
    kb = _kb(tmp_path)
    task = kb / DOC / "tasks" / "001.yaml"
    task.write_text(task.read_text(encoding="utf-8").replace("- 省扶贫办", "- 财政部", 1), encoding="utf-8")
    _, report = validate(kb)
    hints = [i.hint for i in report.issues if i.code == "unknown-unit"]
    assert hints and not any("省财政厅" in (h or "") for h in hints)


# --- deadlines ---

def test_deadline_phrases_with_spans():
    text = "2019年底前完成，每年组织一次，上半年启动，每季度报送，到2025年基本建成，2021年5月1日至2022年4月30日实施。"
    found = {f.phrase: f for f in find(text, 2019)}
    assert found["2019年底前"].date == dt.date(2019, 12, 31)
    assert found["上半年"].date == dt.date(2019, 6, 30)
    assert found["到2025年"].kind == "target-year"
    assert found["2021年5月1日至2022年4月30日"].date == dt.date(2022, 4, 30)
    assert (found["每季度"].date, found["每季度"].kind) == (dt.date(2019, 3, 31), "quarterly")  # each quarter's end
    assert text[found["每年"].start:found["每年"].end] == "每年"


# --- the corpus of real documents ---

@pytest.mark.parametrize("entry", MANIFEST, ids=[e["file"] for e in MANIFEST])
def test_corpus_document_imports_with_its_leads(entry, tmp_path):
    kb = _kb(tmp_path)
    # a text with no date of its own (a 发文字号's year is none) is imported with the date a reviewer gives
    given = entry.get("import_date") or (entry["date"] if entry["date_source"] == "none" else None)
    result = import_file(CORPUS / entry["file"], kb, "doc", given)
    review = (result.folder / "import-review.txt").read_text(encoding="utf-8")
    _complete(kb, result.folder, review)  # what the text does not state, check refuses until people write it
    fresh, report = validate(kb)
    assert fresh is not None, [i.format() for i in report.errors]
    assert all("关于" not in i for i in fresh.documents["doc"].meta.issuers)  # never the title
    assert {i.code for i in report.warnings} <= {"proposed-unit", "no-period"}
    # a period the text does not state: the review asks for it and check says so until it is written
    assert ("no-period" in {i.code for i in report.warnings}) == ("[待补] 实施期" in review)
    doc = fresh.documents["doc"]
    assert doc.meta.date == entry["date"]  # YAML reads the ISO date as a date
    assert doc.meta.title and not any(c.isspace() for c in doc.meta.title)
    leads = [t.lead[0] for t in doc.tasks.values()]
    truth = [t["lead"][0] for t in entry["tasks"]] if entry.get("tasks") else entry["leads"]
    right = sum(a == b for a, b in zip(leads, truth))
    assert len(leads) == len(truth) and right >= 0.9 * len(leads), leads
    names = {n for t in doc.tasks.values() for n in t.lead + t.participants}
    assert all(looks_like_unit(n) for n in names), names
    assert (result.folder / "import-review.txt").read_text(encoding="utf-8").startswith(result.summary)


def _complete(kb: Path, folder: Path, review: str) -> None:
    """What a reviewer does when the import found no issuer or no title: check says so, then they are written.

    Neither is ever guessed from the document's title or file name: letters quote both to people who sign them."""
    no_issuer = "[待补] 发文机关：落款、版头和标题中都没有找到" in review
    no_title = "[待补] 标题：文中没有找到文件标题" in review
    if not (no_issuer or no_title):
        return
    _, report = validate(kb)
    found = {i.message.split("'")[1]: i for i in report.errors}
    assert set(found) == {k for k, missing in (("issuers", no_issuer), ("title", no_title)) if missing}, \
        [i.format() for i in report.errors]
    document = folder / "document.yaml"
    text = document.read_text(encoding="utf-8")
    if no_issuer:
        assert "版头" in found["issuers"].hint
        text = text.replace("issuers: []", "issuers: [某人民政府]")
    if no_title:
        assert found["title"].code == "empty-text" and "标题" in found["title"].hint
        text = text.replace("title: ''", "title: 某地任务分工", 1)
    document.write_text(text, encoding="utf-8")


# --- round trips of the project's own 分工方案 ---

@pytest.fixture(scope="module")
def own_tables(tmp_path_factory):
    from policykb import export
    from policykb.cli import graph
    from policykb.render.letters.overview import to_docx
    folder = tmp_path_factory.mktemp("own")
    pg = graph(POLICIES)
    (folder / "分工方案.docx").write_bytes(to_docx(pg))
    (folder / "分工方案.xlsx").write_bytes(export.to_xlsx(pg))
    return folder


@pytest.mark.parametrize("name", ["分工方案.docx", "分工方案.xlsx"])
def test_own_table_round_trip_keeps_all_95_leads(name, own_tables, tmp_path, kb):
    root = _kb(tmp_path)
    result = import_file(own_tables / name, root, "again", date=dt.date(2016, 4, 1))
    review = "".join(result.review)
    assert "[待补] 发文机关" in review  # a bare table names no issuer
    _complete(root, result.folder, review)
    fresh, report = validate(root)
    assert fresh is not None, [i.format() for i in report.errors]
    again = fresh.documents["again"].tasks
    original = kb.documents[DOC].tasks
    assert len(again) == 95
    assert [(t.lead, t.lead_mode) for t in again.values()] == [(t.lead, t.lead_mode) for t in original.values()]
    assert [(t.participants, t.open_ended) for t in again.values()] == \
        [(t.participants, t.open_ended) for t in original.values()]


# --- what users see when it fails (and when it works) ---

def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin", "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "policykb", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120)


def test_gbk_text_imports_from_the_command_line(tmp_path):
    kb = _kb(tmp_path)
    source = tmp_path / "立山.txt"
    source.write_bytes((CORPUS / "lishan-2023-county-lines.txt").read_text(encoding="utf-8").encode("gbk"))
    run = _cli("import", str(source), str(kb), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "6 项任务" in run.stdout and "gb18030" in (kb / "立山" / "import-review.txt").read_text(encoding="utf-8")
    check = _cli("check", "-p", str(kb), cwd=tmp_path)
    assert check.returncode == 0 and "proposed-unit" in check.stderr


def test_a_program_error_while_importing_is_reported_plainly_and_writes_nothing(tmp_path):
    """A reader's bug on a layout it never met: `error[import-internal]` naming the error and where in policykb it
    happened, no traceback unless POLICYKB_DEBUG is set, no file written."""
    kb = _kb(tmp_path)
    before = sorted(p.relative_to(kb) for p in kb.rglob("*"))
    source = tmp_path / "new.txt"
    source.write_text("某县人民政府关于印发重点工作的通知\n1. 改造农村危房（县住建局负责）\n", encoding="utf-8")
    driver = ("import sys, policykb.ingest.compose as c\n"
              "def broken(*args, **kwargs):\n    return [][0]\n"
              "c.compose = broken\nfrom policykb.cli import main\nsys.argv[0] = 'policykb'\nmain()\n")
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin", "COLUMNS": "200"}

    def run(**more: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-c", driver, "import", str(source), str(kb), "--date", "2024-01-01"],
                              cwd=tmp_path, env={**env, **more}, capture_output=True, text=True, timeout=120)

    plain = run()
    assert plain.returncode == 1 and "error[import-internal]" in plain.stderr, plain.stderr
    assert "IndexError" in plain.stderr and "ingest/__init__.py 第" in plain.stderr and "POLICYKB_DEBUG" in plain.stderr
    assert "Traceback" not in plain.stderr
    assert sorted(p.relative_to(kb) for p in kb.rglob("*")) == before
    assert "Traceback" in run(POLICYKB_DEBUG="1").stderr


def test_failures_write_nothing(tmp_path):
    kb = _kb(tmp_path)
    before = sorted(p.relative_to(kb) for p in kb.rglob("*"))
    units = (kb / "units.yaml").read_bytes()
    for name, content in [("a.docx", b"PK\x03\x04cut"), ("b.pdf", b"%PDF-1.4\n%%EOF\n"), ("c.txt", "通知正文。".encode()),
                          ("d.doc", b"\xd0\xcf\x11\xe0")]:
        (tmp_path / name).write_bytes(content)
        run = _cli("import", str(tmp_path / name), str(kb), cwd=tmp_path)
        environment = "error[import-needs-office]" in run.stderr  # a .doc where LibreOffice is missing: status 3
        assert run.returncode == (3 if environment else 1) and "Traceback" not in run.stderr, run.stderr
        assert "error[import-" in run.stderr
        assert "hint:" in run.stderr
    assert sorted(p.relative_to(kb) for p in kb.rglob("*")) == before
    assert (kb / "units.yaml").read_bytes() == units


def test_an_existing_document_is_never_overwritten(tmp_path):
    kb = _kb(tmp_path)
    with pytest.raises(ImportFailed) as failed:
        import_file(CORPUS / MANIFEST[0]["file"], kb, DOC)
    assert failed.value.code == "import-exists"
    assert (kb / DOC / "tasks" / "001.yaml").read_bytes() == (POLICIES / DOC / "tasks" / "001.yaml").read_bytes()


def test_drafts_are_written_in_the_house_layout():
    """The fast writer of drafts gives the bytes yamlio gives, on every file of the bundled policy."""
    from policykb.ingest.fastyaml import dumps as fast
    from policykb.yamlio import dumps as house
    for path in sorted((POLICIES / DOC).rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert fast(data, "s.json") == house(data, "s.json"), path


def _blocks(*lines: str) -> list[Block]:
    return [Block(line, f"第{n}行") for n, line in enumerate(lines, start=1)]


def test_several_notes_in_one_paragraph_make_several_tasks():
    tasks, unread = inline_tasks(_blocks(
        "一、加快发展",
        "（一）推进甲。2019年底前建成甲。（省发展改革委负责）推进乙。（省财政厅、省商务厅负责）",
        "（二）加快推进丙工作，建立健全丙制度。",
        "2.完善丁。",
        "牵头单位：市教育局",
        "配合单位：市财政局、市人力资源社会保障局",
    ))
    assert [(t.text, t.units.lead, t.part) for t in tasks] == [
        ("推进甲。2019年底前建成甲。", ["省发展改革委"], "加快发展"),
        ("推进乙。", ["省财政厅"], "加快发展"),
        ("完善丁。", ["市教育局"], "加快发展")]
    assert tasks[2].units.participants == ["市财政局", "市人力资源社会保障局"]
    assert unread == []  # （二） is a heading here: nothing follows it that names a unit


def test_notes_in_square_brackets_may_hold_round_ones():
    tasks, _ = inline_tasks(_blocks("一、疫情防控", "1、抓好防控。[牵头单位:区卫健局;责任单位:各街办(新区)]",
                                    "2、整治环境。【区创文办负责】"))
    assert [(t.text, t.units.lead, t.units.participants) for t in tasks] == [
        ("抓好防控。", ["区卫健局"], ["各街办（新区）"]), ("整治环境。", ["区创文办"], [])]


def test_a_web_page_whose_text_sits_in_one_layout_cell(tmp_path):
    page = ("<table><tr><td><p>国务院关于促进某项工作</p><p>的若干意见</p><p>（一）推进甲。（海关总署负责）</p>"
            "<p>（二）推进乙。（商务部负责）</p></td></tr></table>")
    path = tmp_path / "p.html"
    path.write_text(page, encoding="utf-8")
    blocks = read(path).blocks
    assert [b.text for b in blocks] == ["国务院关于促进某项工作", "的若干意见", "（一）推进甲。（海关总署负责）",
                                        "（二）推进乙。（商务部负责）"]
    assert [t.units.lead for t in inline_tasks(blocks)[0]] == [["海关总署"], ["商务部"]]


def test_paragraphs_that_look_like_tasks_but_name_nobody_are_reported():
    _, unread = inline_tasks(_blocks("一、主要任务", "1.加快推进农村公路建设，2020年底前实现具备条件的建制村通硬化路。",
                                     "2.完善丁。（市教育局负责）"))
    assert [b.where for b in unread] == ["第2行"]


def test_document_details():
    from policykb.ingest.meta import read_meta
    meta = read_meta(_blocks("中共湖南省委湖南省人民政府", "关于深入推进某项工作", "的实施意见", "湘发〔2016〕6号",
                             "1.推进甲。（省财政厅负责）", "中共湖南省委　湖南省人民政府", "二○一六年四月一日"))
    assert meta.title == "关于深入推进某项工作的实施意见"
    assert meta.number == "湘发〔2016〕6号"
    assert meta.date == dt.date(2016, 4, 1)
    assert meta.issuers == ["中共湖南省委", "湖南省人民政府"] and meta.jurisdiction == "湖南省"


def test_page_labels_written_with_spaces_are_not_the_title():
    from policykb.ingest.meta import read_meta
    meta = read_meta(_blocks("名 称: 区人民政府办公室 关于印发2020年区政府重点工作责任分解的通知",
                             "区人民政府办公室 关于印发2020年区政府重点工作责任分解的通知", "2020年6月28日"))
    assert meta.title == "区人民政府办公室关于印发2020年区政府重点工作责任分解的通知"


def test_word_table_imports_from_the_command_line(own_tables, tmp_path):
    kb = _kb(tmp_path)
    run = _cli("import", str(own_tables / "分工方案.docx"), str(kb), "--id", "again", "--date", "2016-04-01",
               cwd=tmp_path)
    assert run.returncode == 0 and "95 项任务" in run.stdout and "Traceback" not in run.stderr, run.stderr
    check = _cli("check", "-p", str(kb), cwd=tmp_path)
    assert check.returncode == 1 and "'issuers'" in check.stderr  # no issuer in a bare table: said before letters
    _complete(kb, kb / "again", (kb / "again" / "import-review.txt").read_text(encoding="utf-8"))
    assert _cli("check", "-p", str(kb), cwd=tmp_path).returncode == 0
    # the issuer given on the command line is the draft's: no [待补] 发文机关 line, check's issuer error gone
    run = _cli("import", str(own_tables / "分工方案.docx"), str(kb), "--id", "signed", "--date", "2016-04-01",
               "--issuer", "中共湖南省委", "--issuer", "湖南省人民政府", cwd=tmp_path)
    assert run.returncode == 0 and "发文机关" not in run.stdout, run.stdout
    assert "issuers:\n  - 中共湖南省委\n  - 湖南省人民政府\n" in (kb / "signed" / "document.yaml").read_text(encoding="utf-8")


def test_the_document_number_is_kept_in_the_draft(tmp_path):
    kb = _kb(tmp_path)
    with pytest.raises(ImportFailed) as failed:  # its text has no date: the number's year makes up no day
        import_file(CORPUS / "guobanfa-2018-117-numbered-measures.txt", kb, "doc", None)
    assert failed.value.code == "import-no-date" and "2018年" in failed.value.message
    assert "--date 2018-MM-DD" in failed.value.hint
    import_file(CORPUS / "guobanfa-2018-117-numbered-measures.txt", kb, "doc", dt.date(2018, 12, 29))
    fresh, report = validate(kb)
    assert fresh is not None, [i.format() for i in report.errors]
    assert fresh.documents["doc"].meta.number == "国办发〔2018〕117号"
    # its source names none; the bundled document.yaml has it from 湘政发〔2017〕12号, which cites it (issue 24)
    assert fresh.documents["hunan-2016-implementation-opinions"].meta.number == "湘发〔2016〕7号"


# --- shapes of the issue's unseen documents (issue 22): grammar, not layouts ---

def _docx_table(path: Path, rows: list[tuple[str, ...]], title: str = "") -> Path:
    import docx
    document = docx.Document()
    if title:
        document.add_paragraph(title)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, cells in zip(table.rows, rows):
        for cell, value in zip(row.cells, cells):
            cell.text = value
    document.add_paragraph("某某县人民政府办公室")
    document.add_paragraph("2021年3月1日")
    document.save(path)
    return path


def test_table_columns_take_their_role_from_the_lexicon(tmp_path):
    path = _docx_table(tmp_path / "t.docx", [
        ("序号", "重点工作", "牵头责任单位", "责任单位", "分管县领导", "完成时限", "备注"),
        ("1", "推进甲。", "县发改局", "县财政局、县税务局", "分管副县长", "全年", ""),
        ("2", "推进乙。", "县商务局", "县市场监管局", "王小明", "2021年6月底前", "")],
        "某某县人民政府办公室关于印发2021年重点工作责任分解的通知")
    kb = _kb(tmp_path)
    result = import_file(path, kb, "doc")
    tasks = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((result.folder / "tasks").glob("*.yaml"))]
    assert [(t["lead"], t["participants"], t["leaders"]) for t in tasks] == [
        (["某某县发改局"], ["某某县财政局", "某某县税务局"], ["分管副县长"]),
        (["某某县商务局"], ["某某县市场监管局"], ["王小明"])]
    review = (result.folder / "import-review.txt").read_text(encoding="utf-8")
    assert "牵头责任单位→牵头" in review and "分管县领导→责任领导" in review and "备注→备注（只列单位时按配合单位读入）" in review
    assert "“全年”" in review  # a deadline cell not read as a date is listed, not lost
    assert tasks[1]["deadlines"][0]["phrase"] == "2021年6月底前"


def test_a_duty_table_of_departments_gives_each_department_its_duties(tmp_path):
    """「序号 | 涉及部门 | 职责分工」: each row's department answers for the duties beside it; the duties' own verbs
    (指导监督景区…) name no unit."""
    path = _docx_table(tmp_path / "d.docx", [
        ("序号", "涉及部门", "职责分工"),
        ("1", "市文旅局", "负责景区安全管理。指导监督景区落实安全主体责任。"),
        ("2", "市应急局", "负责综合协调。指导景区开展应急演练。")], "某某市景区安全管理职责分工")
    result = import_file(path, _kb(tmp_path), "doc", date=dt.date(2024, 4, 1))
    tasks = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((result.folder / "tasks").glob("*.yaml"))]
    assert [(t["text"], t["lead"]) for t in tasks] == [
        ("负责景区安全管理。指导监督景区落实安全主体责任。", ["市文旅局"]),
        ("负责综合协调。指导景区开展应急演练。", ["市应急局"])]
    assert "涉及部门→责任（首列者牵头），职责分工→任务" in (result.folder / "import-review.txt").read_text(encoding="utf-8")


def test_label_value_forms_with_several_tasks(tmp_path):
    path = _docx_table(tmp_path / "f.docx", [
        ("工作任务", "推进甲。"), ("牵头单位：", "县发改局"), ("配合单位：", "县财政局"), ("责任领导", "李建华"),
        ("工作任务", "推进乙。"), ("牵头单位：", "县商务局"), ("完成时限", "2021年底前")],
        "某某县重点工作任务表")
    kb = _kb(tmp_path)
    result = import_file(path, kb, "doc")
    tasks = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((result.folder / "tasks").glob("*.yaml"))]
    assert [(t["text"], t["lead"], t["participants"]) for t in tasks] == [
        ("推进甲。", ["某某县发改局"], ["某某县财政局"]), ("推进乙。", ["某某县商务局"], [])]
    assert tasks[0]["leaders"] == ["李建华"] and tasks[1]["deadlines"][0]["phrase"] == "2021年底前"


def test_one_unreadable_note_does_not_refuse_the_document(tmp_path):
    source = tmp_path / "s.txt"
    source.write_text("某某市人民政府关于推进某项工作的实施方案\n一、重点任务\n"
                      "1.推进甲。（市发改委负责）\n2.推进乙。（加快有关工作负责）\n"
                      "3.推进丙。（市财政局指导，市税务局负责落实。以下均需市税务局落实，不再列出）\n"
                      "4.推进丁。（市商务局牵头）\n某某市人民政府\n2021年5月6日\n", encoding="utf-8")
    kb = _kb(tmp_path)
    result = import_file(source, kb, "doc")
    tasks = {t["number"]: t for t in (yaml.safe_load(p.read_text(encoding="utf-8"))
                                      for p in (result.folder / "tasks").glob("*.yaml"))}
    assert sorted(tasks) == [1, 3, 4]  # the document's own numbers: item 3 is 第3项
    assert tasks[3]["lead"] == ["某某市税务局"] and tasks[3]["participants"] == ["某某市财政局"]
    assert tasks[4]["participants"] == ["某某市税务局"]  # 「以下均需…落实」 holds for later tasks
    assert "不再列出" not in tasks[3]["units_as_written"] or "以下" not in tasks[3]["text"]
    review = (result.folder / "import-review.txt").read_text(encoding="utf-8")
    assert "[未读取] 第4行：推进乙。（加快有关工作负责）" in review and "需要审核 2 项" in result.summary  # and its period


def test_a_cited_number_is_not_the_documents_own():
    from policykb.ingest.meta import read_meta
    meta = read_meta(_blocks("关于推进某项工作的实施方案",
                             "根据《某某省人民政府关于推进某项工作的意见》（某政发〔2018〕5号）精神，制定本方案。",
                             "1.推进甲。（市财政局负责）"), dt.date(2019, 1, 1))
    assert meta.number is None and meta.issuers == []
    meta = read_meta(_blocks("某某市人民政府文件", "某政发〔2019〕2号", "某某市人民政府关于推进某项工作的实施方案",
                             "根据《意见》（某政发〔2018〕5号）精神。", "某某市人民政府", "2019年3月4日"))
    assert meta.number == "某政发〔2019〕2号" and meta.issuers == ["某某市人民政府"] and meta.jurisdiction == "某某市"


def test_unit_pages_show_each_documents_own_period(tmp_path):
    """An imported one-year list beside the bundled 2016—2020 policy: each unit's page speaks of its own."""
    from policykb.graph import PolicyGraph
    from policykb.render.site.pages import Paths, life, unit_page
    from policykb.render.site.text import environment, render
    kb = _kb(tmp_path)
    import_file(CORPUS / "lishan-2023-county-lines.txt", kb, "lishan")
    fresh, report = validate(kb)
    assert fresh is not None, [i.format() for i in report.errors]
    pg = PolicyGraph(fresh)
    assert (pg.period("lishan").start, pg.period("lishan").end) == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    when = life(pg, dt.date(2023, 6, 1))
    env = environment(ROOT / "templates" / "site")

    def text(unit: str) -> str:
        page = unit_page(pg, unit, Paths(pg), when, None, {"letters": [], "maps": []}, {})
        return render(env, page.template, page.path, **page.context)

    county, province = text("立山区发改局"), text("省扶贫办")
    assert "2016" not in county and "以 2023&#45;06&#45;01 为准" in county
    assert "实施期（2016—2020年）已结束，以下为最终情况" in province  # though the county's list still runs


def test_letters_of_an_imported_document_speak_its_words(tmp_path):
    """A county's 2023 list: its issuer as 甲方, its own list name, no 「及其附件」, no empty section, nothing after 2023."""
    import re

    from policykb.gongwen import read_text
    from policykb.graph import PolicyGraph
    from policykb.render import letters
    kb = tmp_path / "kb"
    kb.mkdir()
    shutil.copy(POLICIES / "units.yaml", kb / "units.yaml")
    import_file(CORPUS / "lishan-2023-county-lines.txt", kb, "lishan")
    fresh, report = validate(kb)
    assert fresh is not None, [i.format() for i in report.errors]
    out = tmp_path / "letters"
    made = letters.write_letters(PolicyGraph(fresh), out, ROOT / "templates" / "letter.docx", as_of=dt.date(2023, 6, 1))
    texts = {m.unit: "\n".join(read_text((out / m.file).read_bytes())) for m in made}
    zone = texts["立山经济开发区"]  # four tasks: a 附件 list
    assert "甲方：立山区人民政府" in zone and "立山经济开发区重点工作任务清单" in zone
    for unit, body in texts.items():
        assert "及其附件" not in body and "重要政策措施" not in body and "工作职责" not in body, unit
        assert "有效期至2023年12月31日" in body and not re.search(r"20(2[4-9]|[3-9]\d)\s*年", body), unit


def test_letters_of_an_imported_city_document_say_only_what_it_says(tmp_path):
    """Chuzhou's 2020 list: 甲方 is its issuer, the 附件 its own list name, no section left empty, no
    number style made up, nothing from the bundled province (湖南, 分工方案, 湘…) and no date after 2020."""
    import re

    from policykb.gongwen import read_text
    from policykb.graph import PolicyGraph
    from policykb.render import letters
    kb = tmp_path / "kb"
    kb.mkdir()
    shutil.copy(POLICIES / "units.yaml", kb / "units.yaml")
    source = CORPUS / "chuzhou-2020-leader-lead-cooperate-lines.txt"
    import_file(source, kb, "chuzhou")
    settings = kb / "chuzhou" / "document.yaml"  # every letter gets its 附件 list, so the list name shows
    settings.write_text(settings.read_text(encoding="utf-8").replace("  measures: 重点工作\n",
                                                                     "  measures: 重点工作\n  attachment_from: 1\n"),
                        encoding="utf-8")
    fresh, report = validate(kb)
    assert fresh is not None, [i.format() for i in report.errors]
    out = tmp_path / "letters"
    made = letters.write_letters(PolicyGraph(fresh), out, ROOT / "templates" / "letter.docx", as_of=dt.date(2020, 6, 1))
    assert len(made) >= 10
    said = source.read_text(encoding="utf-8")
    for m in made:
        lines = read_text((out / m.file).read_bytes())
        body = "\n".join(lines)
        assert "甲方：滁州市人民政府" in body and f"{m.unit}重点工作任务清单" in body, m.unit
        assert "有效期至2020年12月31日" in body and "《滁州市2020年市政府重点工作及责任分解》调整时" in body, m.unit
        assert not re.search(r"20(2[1-9]|[3-9]\d)\s*年", body), m.unit
        assert "〔" not in body and "号" not in lines[1], m.unit  # no 发文字号 made up
        for word in ("湖南", "湘", "分工方案", "重要政策措施", "市州", "省委", "及其附件"):
            assert word in said or word not in body, (m.unit, word)
        headings = [i for i, line in enumerate(lines) if re.match(r"[一二三四五六七八九十]+、", line)]
        assert all(i + 1 < len(lines) and not re.match(r"[一二三四五六七八九十]+、", lines[i + 1]) for i in headings), m.unit


def test_a_related_collective_is_explained_in_its_own_place_words():
    """「相关区县」 of a city document is not called 「相关市州」, the bundled province's word."""
    from types import SimpleNamespace

    from policykb.render.letters.context import _collective_note
    from policykb.render.letters.recipients import Recipient

    def note(collective: str) -> str:
        member = Recipient(name="某区", full_name="某区人民政府", kind="区县", units=("某区",),
                           collectives=(collective,), signatories=(), signed=True)
        return _collective_note(member, {"lead": [(SimpleNamespace(number=3, label=None, members={}), collective)], "participant": []})
    assert note("相关区县").endswith("第3项由相关区县承担，乙方作为其中之一在本行政区域内抓好落实；"
                                   "由“相关”区县承担的任务，乙方在分工涉及本地时落实。")
    assert "市州" not in note("相关县（市、区）人民政府")
    assert note("相关市州和县市党委、政府").endswith("由“相关”市州承担的任务，乙方在分工涉及本地时落实。")
    assert "“相关”" not in note("各区县")


@pytest.mark.parametrize("item, text, lead, participants", [
    ("（一）推进甲工作。由市发改委牵头，市财政局、市商务局配合。", "推进甲工作。", ["市发改委"], ["市财政局", "市商务局"]),
    ("1.推进乙工作，加快建设。市住建局负责，市自然资源局、市交通局参与。", "推进乙工作，加快建设。", ["市住建局"],
     ["市自然资源局", "市交通局"]),
    ("2.完善丙机制。建立健全相关制度，强化监督考核，由市人社局牵头，市财政局、市教育局配合，确保年底前完成。",
     "完善丙机制。建立健全相关制度，强化监督考核，确保年底前完成。", ["市人社局"], ["市财政局", "市教育局"]),
])
def test_an_assignment_written_as_prose_is_read_and_reviewed(item, text, lead, participants):
    """The issue's 「由X牵头，Y、Z配合」 and 「X负责，Y参与」 with no brackets, inside a paragraph: read, cut from
    the text, and marked below the confident mark so the review lists them."""
    from policykb.ingest.confidence import CONFIDENT
    tasks, unread = inline_tasks(_blocks("一、重点任务", item))
    assert [(t.text, t.units.lead, t.units.participants) for t in tasks] == [(text, lead, participants)] and not unread
    assert tasks[0].confidence < CONFIDENT and tasks[0].shape == "prose"


def test_a_note_after_its_topic_keeps_the_sentence_as_written():
    """「…工作由X负责实施。」 as a numbered item: X leads; cut out, the note would leave a topic with no duty. A note
    between ASCII commas is cut without leaving two commas behind."""
    tasks, unread = inline_tasks(_blocks("二、明确责任", "(二)其它文物点,由所在镇人民政府负责,指定专人巡查。",
                                         "(三)我县境内的文物行政执法工作由县文物旅游局负责实施。"))
    assert [(t.text, t.units.lead, t.number) for t in tasks] == [
        ("其它文物点,指定专人巡查。", ["所在镇人民政府"], 2),
        ("我县境内的文物行政执法工作由县文物旅游局负责实施。", ["县文物旅游局"], 3)] and not unread


def test_prose_that_names_no_unit_is_no_assignment():
    tasks, unread = inline_tasks(_blocks("一、重点任务", "3.加快推进产业发展，负责任地做好各项工作，确保取得实效。"))
    assert not tasks and [b.text for b in unread] == ["3.加快推进产业发展，负责任地做好各项工作，确保取得实效。"]


def _table(*rows: tuple[str, ...]) -> list[Block]:
    return [Block(" | ".join(r), f"表1第{i}行", tuple(r), 1) for i, r in enumerate(rows, start=1)]


@pytest.mark.parametrize("upper, lower", [
    (("序号", "工作任务", "责任单位", "责任单位", "完成时限"), ("", "", "牵头", "配合", "")),  # 责任单位 merged over two
    (("序号", "重点任务", "责任分工", "责任分工", "时间节点"), ("", "", "牵头单位", "配合单位", "")),
])
def test_a_header_split_over_two_rows_names_every_column(upper, lower):
    tasks = table_tasks(_table(upper, lower, ("1", "推进甲工作", "市发改委", "市财政局、市商务局", "2021年6月底前"),
                               ("2", "推进乙工作", "市住建局", "市交通局", "2021年底前")))
    assert [(t.number, t.text, t.units.lead, t.units.participants, t.deadline_text) for t in tasks] == [
        (1, "推进甲工作", ["市发改委"], ["市财政局", "市商务局"], "2021年6月底前"),
        (2, "推进乙工作", ["市住建局"], ["市交通局"], "2021年底前")]
    assert "未识别" not in tasks[0].notes[0] and "→牵头" in tasks[0].notes[0] and "→配合" in tasks[0].notes[0]


def test_a_standards_column_is_the_task_and_the_work_meeting_it_follows():
    """「任务内容 | 创建标准或要求 | 工作内容及要求 | 责任单位」: the row's standard (with its number) is its task, the
    work to meet it said after it; the first column stays its section."""
    tasks = table_tasks(_table(("任务内容", "国家卫生城市 标准或要求", "工作内容及要求", "牵头单位", "协助单位"),
                               ("市容环境", "1、主次干道整洁有序,无乱搭乱建。", "开展主次干道专项整治。", "市城管局", "市公安局")))
    assert [(t.number, t.text, t.part, t.units.lead, t.units.participants) for t in tasks] == [
        (1, "主次干道整洁有序,无乱搭乱建：开展主次干道专项整治。", "市容环境", ["市城管局"], ["市公安局"])]
    assert "标准或要求→标准（作任务，其工作接在后面）" in tasks[0].notes[0]


def test_two_notes_in_one_item_both_read_none_left_in_the_text():
    tasks, _ = inline_tasks(_blocks("一、重点任务", "（一）推进甲工作〔市发改委牵头，市财政局配合〕，推进乙工作。（市商务局负责）"))
    assert [(t.text, t.units.lead, t.units.participants) for t in tasks] == [
        ("推进甲工作。", ["市发改委"], ["市财政局"]), ("推进乙工作。", ["市商务局"], [])]
    assert not any(c in t.text for t in tasks for c in "〔〕（）")


def test_a_collective_takes_its_members_from_the_registry(tmp_path):
    source = tmp_path / "s.txt"
    source.write_text("湖南省人民政府关于推进某项工作的实施意见\n一、重点任务\n1.推进甲。（各市州、县市区负责）\n"
                      "2.推进乙。（省财政厅牵头，各区、县（市）人民政府配合）\n湖南省人民政府\n2021年5月6日\n", encoding="utf-8")
    kb = _kb(tmp_path)
    import_file(source, kb, "doc")
    units = {u["name"]: u for u in yaml.safe_load((kb / "units.yaml").read_text(encoding="utf-8"))["units"]}
    assert units["各市州、县市区"]["collective"] and len(units["各市州、县市区"]["members"]) == 14
    assert units["各区、县（市）人民政府"]["collective"] and "members" not in units["各区、县（市）人民政府"]
    fresh, report = validate(kb)
    assert fresh is not None, [i.format() for i in report.errors]


# --- part 3's layouts, by grammar (tables as text, sentences with the unit as subject, wrapped lines) ---

def test_a_table_written_with_bars_carries_merged_cells_down_and_reads_its_measures():
    from policykb.ingest.texttables import with_text_tables
    blocks = with_text_tables(_blocks(
        "2021年重点任务台账 |",
        "序号 | 工作任务 | 细化分工 | 责任处室 | 完成时限 | 备注 |",
        "1 | 做好信息发布 | 围绕防控发布权威信息 | 应急处、监督处等按职责分工落实 | 长期推进 |",
        "|",
        "2 | 做好接种信息公开 | 疾控处 | 2021年8月前 |",
        "3 | 常规公开事项 | 加强执法信息公开 | 政法处会办公室 | 长期推进 |"))
    assert blocks[0].text == "2021年重点任务台账 |" and not blocks[0].is_row  # one bar: no table
    tasks = table_tasks(blocks)
    assert [(t.number, t.text, t.part, t.units.lead, t.units.participants, t.deadline_text) for t in tasks] == [
        (1, "围绕防控发布权威信息", "做好信息发布", ["应急处"], ["监督处"], "长期推进"),
        (2, "做好接种信息公开", "做好信息发布", ["疾控处"], [], "2021年8月前"),  # 工作任务 merged over rows 1-2
        (3, "加强执法信息公开", "常规公开事项", ["政法处"], ["办公室"], "长期推进")]
    assert "细化分工→细化措施（作任务）" in tasks[0].notes[0] and "责任处室→责任（首列者牵头）" in tasks[0].notes[0]


def test_a_table_written_with_spaces_fills_its_columns_from_the_right():
    from policykb.ingest.texttables import with_text_tables
    tasks = table_tasks(with_text_tables(_blocks(
        "序号 类别 主要任务 细化措施 牵头单位 参与单位 责任单位",
        "1 加强保 护 严守红线 实施双控行动。 市水利局 市发展改革委、农业局等 各县(市、区)人民政府,高新区、示范区管委会",
        "2 严守用水 效率 落实评估体系。 市水利局 市发展改革委 各县(市、区)人民政府")))
    assert [(t.text, t.units.lead, t.units.participants) for t in tasks] == [
        ("实施双控行动。", ["市水利局"], ["市发展改革委", "农业局", "各县(市、区)人民政府", "高新区管委会", "示范区管委会"]),
        ("落实评估体系。", ["市水利局"], ["市发展改革委", "各县(市、区)人民政府"])]


def test_clauses_whose_subject_is_a_unit_are_its_tasks():
    tasks, _ = inline_tasks(_blocks(
        "二、明确工作责任。甲镇、乙乡负责做好项目实施;县发改局负责立项审批;县财政局负责会同各项目主管部门抓好资金管理;"
        "县审计局要负责监督审计;县农业局等有关县级部门要切实做好规划申报。",
        "三、严肃问责。对工作不力的,县纪委监委将严肃问责。"))
    assert [(t.units.lead, t.units.mode, t.units.participants, t.units.open_ended) for t in tasks] == [
        (["甲镇"], "first", ["乙乡"], False), (["县发改局"], "first", [], False),
        (["县财政局"], "first", ["各项目主管部门"], False), (["县审计局"], "first", [], False),
        (["县农业局"], "first", [], True)]
    assert all(t.shape == "subject" and t.confidence < 0.85 for t in tasks)
    assert tasks[1].text == "县发改局负责立项审批。"


def test_lines_that_name_a_unit_before_its_duty():
    tasks, unread = inline_tasks(_blocks(
        "3、各乡(镇)政府、街道办事处必须结合实际制定本辖区的方案。",
        "4、清水、西山街道和东岭乡,要在一侧设立明显标志。",
        "5、各部门要各司其职。其职责分工为:",
        "区委宣传部:制订宣传工作方案。",
        "商委:协调供销社做好供应。",
        "发布机构:县人民政府办公室"))
    assert [(t.units.lead, t.units.mode) for t in tasks] == [
        (["各乡(镇)政府、街道办事处"], "first"), (["清水街道"], "first"),
        (["区委宣传部"], "first"), (["商委"], "first")]  # 「各部门要…」 is nobody in particular
    assert tasks[2].text == "制订宣传工作方案。" and [b.where for b in unread] == ["第3行"]


def test_a_covering_notice_before_the_named_tasks_gives_no_task():
    tasks, _ = inline_tasks(_blocks("一、区考评机构要将目标任务纳入考核。", "二、工作任务",
                                    "1.地区生产总值增长7%。（区发改局负责）"))
    assert [t.units.lead for t in tasks] == [["区发改局"]]


def test_hard_wrapped_items_and_unit_lists_are_joined():
    tasks, _ = inline_tasks(_blocks(
        "一、加强党的领导", "1.完善街道党工委的领导体制机制,优", "化决策程序,确保落实。",
        "— — — 2 —", "牵头单位:区委组织部", "协办单位:区委编办、园区党工", "委、各街道党工委"))
    assert [(t.text, t.units.lead, t.units.participants) for t in tasks] == [
        ("完善街道党工委的领导体制机制,优化决策程序,确保落实。", ["区委组织部"], ["区委编办", "园区党工委", "各街道党工委"])]


def test_a_leader_heading_makes_its_person_the_leader_of_the_part():
    tasks, _ = inline_tasks(_blocks("一、王某某市长主抓重点工作", "1.制定政策体系。",
                                    "责任单位:财政局、发改局(列第一位者为牵头或汇总单位,下同)",
                                    "二、其他工作", "2.推进乙。", "责任单位:商务局"))
    assert [(t.units.lead, t.units.participants, t.units.leaders) for t in tasks] == [
        (["财政局"], ["发改局"], ["王某某"]), (["商务局"], [], [])]


@pytest.mark.parametrize("note, lead, participants", [
    ("公安、交通部门负责,有关部门配合", ["公安部门"], ["交通部门", "有关部门"]),  # 部门 is both's; no lead word: the first
    ("市水利局牵头,示范区、高新区党工委和管委会参与", ["市水利局"], ["示范区党工委和管委会", "高新区党工委和管委会"]),
    ("市教育局,市委农办,各县<市、区>人民政府,排名第一位为牵头单位,下同", ["市教育局"], ["市委农办", "各县<市、区>人民政府"]),
    ("省人大常委会办公厅、省政协办公厅分别牵头", ["省人大常委会办公厅", "省政协办公厅"], []),
])
def test_a_body_written_once_belongs_to_each_place_and_brackets_keep_collectives_whole(note, lead, participants):
    units = parse_units(note)
    assert (units.lead, units.participants, units.flags) == (lead, participants, [])


def test_a_unit_named_without_its_place_is_flagged_below_the_confident_mark(tmp_path):
    source = tmp_path / "s.txt"
    source.write_text("桐乡市人民政府办公室关于印发重点工作责任分解的通知\n一、重点工作\n1.推进甲。\n责任单位:财政局、市发改局\n"
                      "2.推进乙。\n责任单位:市商务局\n桐乡市人民政府办公室\n2020年5月22日\n", encoding="utf-8")
    result = import_file(source, _kb(tmp_path), "doc")
    review = (result.folder / "import-review.txt").read_text(encoding="utf-8")
    assert "“财政局”没有写明地方" in review and "置信度 0.80：牵头 财政局" in review
    assert "置信度 0.90：牵头 桐乡市商务局" in review


PART3 = yaml.safe_load((CORPUS / "part3" / "part3.yaml").read_text(encoding="utf-8"))["documents"]


@pytest.mark.parametrize("entry", PART3, ids=[e["file"] for e in PART3])
def test_part3_document_imports_with_its_leads(entry, tmp_path):
    try:
        result = import_file(CORPUS / "part3" / entry["file"], _kb(tmp_path), "doc", entry.get("import_date"))
    except ImportFailed as failed:  # a text without a date of its own: given, as a reviewer would
        assert failed.code == "import-no-date"
        result = import_file(CORPUS / "part3" / entry["file"], _kb(tmp_path / "again"), "doc", dt.date(2000, 1, 1))
    tasks = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((result.folder / "tasks").glob("*.yaml"))]
    assert len(tasks) == len(entry["tasks"])
    found = [t["lead"][0] for t in tasks]
    right = sum(any(f.endswith(w.lstrip("福建省灵璧县苍溪县平顶山市桐乡市石景山区云浮市")) for w in want["lead"])
                for f, want in zip(found, entry["tasks"]))
    assert right >= 0.9 * len(tasks), found
    assert all(looks_like_unit(n) for t in tasks for n in t["lead"] + t.get("participants", []))


def test_a_note_standing_after_sub_items_assigns_their_group():
    tasks, unread = inline_tasks(_blocks(
        "一、建设任务", "1.完善预案体系", "(1)加强预案管理,规范预案编制。", "(2)推进预案精编化,及时修订完善。",
        "(责任单位:市直各有关单位、各县(市、区)人民政府)", "2.健全管理机制", "(1)推进机构建设。",
        "(责任单位:市应急局)"))
    assert [(t.number, t.text, t.units.lead, t.units.participants) for t in tasks] == [
        (1, "完善预案体系。加强预案管理,规范预案编制。推进预案精编化,及时修订完善。", ["市直各有关单位"],
         ["各县(市、区)人民政府"]),
        (2, "健全管理机制。推进机构建设。", ["市应急局"], [])]
    assert not unread and all(t.confidence < 0.85 for t in tasks)


def test_a_table_copied_one_cell_a_line_is_read_row_by_row():
    """As a page's text gives a table (the stored text of part 1's 沙坪坝 page): a header of column words one to
    a line, then each row's number and cells; a row missing a cell gives the others to where they fit."""
    from policykb.ingest.texttables import with_text_tables
    tasks = table_tasks(with_text_tables(_blocks(
        "附件2", "2022年区政府工作报告重点工作任务分解表", "序号", "工作任务", "牵头单位", "配合单位", "完成时限",
        "1", "联动共建科学城", "区科技局", "区发展改革委、区财政局", "2022年底前",
        "2", "推进城市更新", "区住房城乡建委", "全年",
        "3", "办好民生实事", "区民政局", "各镇人民政府、街道办事处", "2022年12月")))
    assert [(t.number, t.text, t.units.lead, t.units.participants, t.deadline_text) for t in tasks] == [
        (1, "联动共建科学城", ["区科技局"], ["区发展改革委", "区财政局"], "2022年底前"),
        (2, "推进城市更新", ["区住房城乡建委"], [], "全年"),
        (3, "办好民生实事", ["区民政局"], ["各镇人民政府、街道办事处"], "2022年12月")]


def test_a_unit_cell_ending_in_deng_stays_in_its_column_of_a_table_copied_one_cell_a_line(tmp_path):
    """「科技局、建设局等各部门」 is an open list of units: its cell is the unit column's, not the next column's."""
    from policykb.ingest.readers import with_tables
    path = tmp_path / "t.txt"
    path.write_text("\n|\n".join([
        "序号", "工作任务", "责任领导", "责任部门", "完成期限", "监督方式",
        "1", "推进园区道路建设。", "王一民", "建设局", "年内", "区委",
        "2", "建设科创中心。", "李二华、王一民", "科技局、建设局等各部门", "持续推进", "区委"]) + "\n|\n", encoding="utf-8")
    tasks = table_tasks(with_tables(read(path)).blocks)
    assert [(t.number, t.units.lead, t.units.participants, t.units.leaders, t.deadline_text) for t in tasks] == [
        (1, ["建设局"], [], ["王一民"], "年内"), (2, ["科技局"], ["建设局"], ["李二华", "王一民"], "持续推进")]


def test_a_comma_in_a_bare_list_parts_no_leads_the_first_listed_leads():
    """「X、Y，Z、W」 with no lead word: the names before the comma do not lead together; the first listed leads and the
    others take part (truth rule 5, as the audit of 2026-12-06 relabelled such cells)."""
    units = parse_units("市扶贫办、市财政局，市农业局、市水利局")
    assert (units.lead, units.mode, units.participants) == (["市扶贫办"], "first", ["市财政局", "市农业局", "市水利局"])
    units = parse_units("市扶贫办，市财政局、市农业局")  # one name before the comma: it leads, as the first listed
    assert (units.lead, units.participants) == (["市扶贫办"], ["市财政局", "市农业局"])


def test_a_division_label_and_a_provincial_leader_line_are_read():
    tasks, _ = inline_tasks(_blocks("一、重点任务", "1.推进甲工作。", "省领导：王某某", "分工：省发展改革委牵头，省财政厅配合",
                                    "2.推进乙工作。", "责任人：李某", "责任分工：省商务厅负责"))
    assert [(t.units.lead, t.units.participants, t.units.leaders) for t in tasks] == [
        (["省发展改革委"], ["省财政厅"], ["王某某"]), (["省商务厅"], [], ["李某"])]
    table = table_tasks(_table(("序号", "工作任务", "责任分工"), ("1", "推进丙工作", "省教育厅牵头，省财政厅配合")))
    assert [(t.units.lead, t.units.participants) for t in table] == [(["省教育厅"], ["省财政厅"])]


def _imported_letters(tmp_path, text: str, as_of: dt.date, rewrite: dict[str, str] | None = None):
    """A text imported into a knowledge base of the bundled units, checked, and its letters read back by unit.
    `rewrite`: names the review asks to replace, replaced in the registry and the tasks as a clerk would."""
    from policykb.gongwen import read_text
    from policykb.graph import PolicyGraph
    from policykb.render import letters
    kb = tmp_path / "kb"
    kb.mkdir()
    shutil.copy(POLICIES / "units.yaml", kb / "units.yaml")
    source = tmp_path / "source.txt"
    source.write_text(text, encoding="utf-8")
    result = import_file(source, kb, "doc")
    for path in [kb / "units.yaml", *(kb / "doc" / "tasks").glob("*.yaml")]:
        for written, meant in (rewrite or {}).items():
            path.write_text(path.read_text(encoding="utf-8").replace(written, meant), encoding="utf-8")
    fresh, report = validate(kb)
    assert fresh is not None, [i.format() for i in report.errors]
    made = letters.write_letters(PolicyGraph(fresh), tmp_path / "letters", ROOT / "templates" / "letter.docx",
                                 as_of=as_of)
    return result, {m.unit: "\n".join(read_text((tmp_path / "letters" / m.file).read_bytes())) for m in made}


def test_the_issuer_gets_no_letter_from_itself_for_the_work_it_leads(tmp_path):
    """A bureau's public notice whose items are partly its own work: the bureau is 甲方 of every letter, so it gets
    none (it would sign with itself); the other units get theirs, and asking for the issuer's letter says why."""
    from policykb.graph import PolicyGraph
    from policykb.render import letters
    from policykb.render.letters.write import LetterError
    _, body = _imported_letters(tmp_path, "甲市城市管理局关于禁止露天烧烤的通告\n一、城区内禁止露天烧烤。\n"
                                "二、市城市管理局负责组织联合整治，依法查处违法行为。\n"
                                "三、市公安局负责查处阻碍执法的行为。\n甲市城市管理局\n2020年5月25日\n", dt.date(2020, 6, 1))
    assert list(body) == ["甲市公安局"] and "甲方：甲市城市管理局" in body["甲市公安局"]
    fresh, _ = validate(tmp_path / "kb")
    with pytest.raises(LetterError, match="是发文机关（甲方）"):
        letters.write_letters(PolicyGraph(fresh), tmp_path / "again", ROOT / "templates" / "letter.docx",
                              as_of=dt.date(2020, 6, 1), units=["甲市城市管理局"])
    # the letters command says so beside its count
    done = subprocess.run([sys.executable, "-m", "policykb", "letters", "-p", str(tmp_path / "kb"), "-o",
                           str(tmp_path / "cli"), "--as-of", "2020-06-01"], capture_output=True, text=True,
                          encoding="utf-8", cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-2:] == [f"已写出 1 份责任书：{tmp_path / 'cli'}/",
                                             "甲市城市管理局是《甲市禁止露天烧烤的通告》的发文机关（甲方），它承担的 1 项任务不写责任书"]
    # its page says why it has none; another unit's page does not
    from policykb.render.site.pages import Paths, life, unit_page
    from policykb.render.site.text import environment, render
    pg = PolicyGraph(fresh)
    said = "的发文机关（甲方），自己牵头的任务不另写责任书"
    for unit, says in [("甲市城市管理局", True), ("甲市公安局", False)]:
        page = unit_page(pg, unit, Paths(pg), life(pg, dt.date(2020, 6, 1)), None,
                         {"letters": [], "maps": [], "letter_preview": None}, {})
        text = render(environment(ROOT / "templates" / "site"), page.template, page.path, **page.context)
        assert (f"本单位是《甲市禁止露天烧烤的通告》{said}" in text) is says  # its short title


def test_letters_of_a_notice_of_requirements_alone_name_its_list_once(tmp_path):
    """A district's notice that sends its 任务分解表 (not kept) and asks units for things: imported from its requirements,
    its letters cite the list as 《〈政府工作报告〉任务分解表》 (a page's <> as the inner marks) and do not name it again as
    an annex; the issuer signs as 甲方. (「各牵头单位」 names a role of the list, no unit: check refuses it until the clerk
    writes the units the list names.)"""
    result, body = _imported_letters(tmp_path, "各镇人民政府,区政府各部门:\n为全面完成好各项工作任务,现将《<政府工作报告>任务分解表》"
                                "印发给你们,请认真贯彻执行。请各牵头单位要严格按照任务分工,对工作任务进行再细化、再分解。"
                                "区委区政府督查室要根据各项工作任务完成时限要求,适时开展督查督办工作。\n"
                                "附件:《政府工作报告》任务分解表\n盘锦市大洼区人民政府办公室\n2021年1月25日\n", dt.date(2021, 3, 1),
                                rewrite={"各牵头单位": "大洼区发展和改革局"})
    assert any("“各牵头单位”是分工中的角色" in line for line in result.review)
    assert any(line.startswith("[待补] 附件：原文列出附件《〈政府工作报告〉任务分解表》") for line in result.review)
    office = body["大洼区委区政府督查室"]
    assert "甲方：盘锦市大洼区人民政府办公室" in office and "印发的《〈政府工作报告〉任务分解表》" in office
    assert "及其附件" not in office and "<" not in office
    assert "区委区政府督查室要根据各项工作任务完成时限要求" in office


def test_a_notices_requirements_on_units_are_its_work_requirements_quoted_in_the_letters(tmp_path):
    """A list whose covering notice asks the lead units for a plan by a date and a yearly report: those paragraphs
    are the document's 工作要求 (never tasks), from their first requirement on; their dates apply to every task; a
    lead unit's letter quotes the sentence on lead units under 工作职责."""
    result, body = _imported_letters(
        tmp_path, "嘉鱼县人民政府办公室关于印发2021年重点工作责任分解的通知\n各乡镇人民政府，县政府各部门：\n"
                  "2021年是“十四五”开局之年。各牵头单位要于2021年2月3日前制定推进方案，每年11月中旬报送落实情况。\n"
                  "1. 新建农村公路50公里（县交通局牵头，县财政局配合）。\n2. 改造农村危房300户（县住建局负责）。\n"
                  "嘉鱼县人民政府办公室\n2021年1月20日\n", dt.date(2021, 3, 1))
    doc = yaml.safe_load((result.folder / "document.yaml").read_text(encoding="utf-8"))
    assert [r["text"] for r in doc["annex"]["requirements"]] == [
        "各牵头单位要于2021年2月3日前制定推进方案，每年11月中旬报送落实情况。"]
    assert [(d["phrase"], d["kind"]) for d in doc["annex"]["general_deadlines"]] == [
        ("2021年2月3日前", "once"), ("每年11月中旬", "yearly")]
    assert len(list((result.folder / "tasks").glob("*.yaml"))) == 2
    assert any(line.startswith("[工作要求 1]") for line in result.review)
    assert "各牵头单位要于2021年2月3日前制定推进方案" in body["嘉鱼县交通局"]
    assert "“十四五”开局之年" not in body["嘉鱼县交通局"]


def test_a_paragraph_read_as_a_requirement_is_not_also_listed_as_a_task_left_unread(tmp_path):
    """A covering notice's 「严肃追责问责。…，县纪委监委将严肃追责问责。」 is one of its 工作要求: the review said so, and
    also listed the same paragraph as 「像是任务，但单位未能读取」, two answers to one question."""
    source = tmp_path / "source.txt"
    source.write_text("甲县人民政府办公室\n关于下达甲县产业园建设任务的通知\n甲府办函〔2019〕43号\n乙镇人民政府，县级有关部门：\n"
                      "《甲县产业园建设任务》已经县政府研究同意，现下达给你们，一并提出以下要求，请认真组织实施。\n"
                      "一、明确工作责任。乙镇负责做好项目规划、设计、实施、验收等工作；县发改局负责做好项目的立项审批工作；"
                      "县财政局负责做好资金拨付工作。\n"
                      "二、严肃追责问责。对项目推进工作不力、进度缓慢、工作失职影响项目实施的，县纪委监委将严肃追责问责。\n"
                      "甲县人民政府办公室\n2019年11月25日\n", encoding="utf-8")
    result = import_file(source, _kb(tmp_path), "doc")
    asked = [line for line in result.review if line.startswith("[工作要求")]
    assert any("县纪委监委将严肃追责问责" in line for line in asked)
    assert not any("严肃追责问责" in line for line in result.review if line.startswith("[未读取]"))


def test_an_office_named_by_its_bodys_kind_alone_asks_for_its_full_name(tmp_path):
    """「联席会议办公室负责…」 in two documents setting up two joint meetings: as written, both are one unit of the
    knowledge base, whose letter would hold both meetings' work; the review asks for the full name and offers it."""
    kb = _kb(tmp_path)
    reviews = []
    for n, (place, field) in enumerate([("湖南省", "殡葬管理"), ("江西省", "校车安全管理")]):
        source = tmp_path / f"{n}.txt"
        source.write_text(f"{place}人民政府办公厅关于建立{place}{field}工作联席会议制度的通知\n各市州人民政府，省直各单位：\n"
                          f"为加强{field}工作的统筹协调，经省人民政府同意，建立{place}{field}工作联席会议制度。\n"
                          f"一、联席会议负责统筹协调全省{field}工作。\n"
                          f"二、联席会议办公室设在{place}民政厅，负责联席会议的日常工作。\n"
                          f"{place}人民政府办公厅\n2021年3月1日\n", encoding="utf-8")
        reviews.append(import_file(source, kb, f"doc{n}").review)
    for review, full in zip(reviews, ["湖南省殡葬管理工作联席会议办公室", "江西省校车安全管理工作联席会议办公室"]):
        asked = [line for line in review if line.startswith("[待补] 单位“联席会议办公室”")]
        assert len(asked) == 1 and f"（如“{full}”）" in asked[0]
    assert not any("单位“湖南省民政厅”" in line for line in reviews[0])


def test_a_tasks_own_deadline_read_from_its_own_line_is_in_the_letters_list(tmp_path):
    """「完成时间：2024年12月」 on a line of its own is taken apart from the task's text: the letter's list said the task
    but not by when; it says 「（完成时限：2024年12月）」 after the text (a deadline the text says is not repeated)."""
    projects = "".join(f"{n}、{name}项目。\n目标任务：{goal}。\n牵头单位：市教育局。\n配合单位：市财政局。\n完成时间：{when}。\n"
                       for n, name, goal, when in [("一", "扩大农村学前教育资源", "新建幼儿园10所", "2024年12月"),
                                                   ("二", "义务教育学校建设", "改扩建学校5所", "2024年11月"),
                                                   ("三", "普通高中助学金", "资助学生3000人", "2024年10月"),
                                                   ("四", "职业教育基础能力建设", "2024年9月底前建成实训楼1栋",
                                                    "2024年9月底前")])
    _, body = _imported_letters(
        tmp_path, "某市人民政府办公室关于印发2024年民生实事项目实施方案的通知\n各县市区人民政府，市直各单位：\n"
                  + projects + "某市人民政府办公室\n2024年3月1日\n", dt.date(2024, 4, 1))
    rows = [line for line in body["某市教育局"].splitlines() if line.startswith(("1\t", "2\t", "3\t", "4\t"))]
    assert len(rows) == 4 and "（完成时限：2024年12月）" in rows[0] and "（完成时限：2024年11月）" in rows[1]
    assert "完成时限" not in rows[3]  # 「2024年9月底前建成实训楼1栋」: its text says by when


def test_a_list_without_a_lead_word_is_reviewed_unless_the_document_says_the_first_leads(tmp_path):
    """「（X、Y、Z分工负责）」 says nobody leads: the first listed is taken by custom, below the confident mark and
    said so in the review; a document that says 「列第一位者为牵头单位」 makes it no guess."""
    from policykb.ingest.confidence import CONFIDENT
    reviews = {}
    for name, rule in (("guess", "各单位要抓好落实。"), ("said", "各项任务列第一位者为牵头单位。")):
        path = tmp_path / f"{name}.txt"
        path.write_text(f"交口县人民政府关于印发重点工作分工方案的通知\n{rule}\n"
                        "1.加强安全宣传教育。（交口县委宣传部、交口县委组织部、交口县应急局分工负责）\n"
                        "2.开展隐患排查。（交口县应急局牵头，交口县公安局配合）\n", encoding="utf-8")
        folder = import_file(path, _kb(tmp_path / name), "doc", dt.date(2024, 5, 1)).folder
        reviews[name] = (folder / "import-review.txt").read_text(encoding="utf-8")
    guessed = next(line for line in reviews["guess"].splitlines() if line.startswith("[任务 1]"))
    assert "按惯例以排在第一位的单位牵头" in guessed and float(guessed.split("置信度 ")[1][:4]) < CONFIDENT
    said = next(line for line in reviews["said"].splitlines() if line.startswith("[任务 1]"))
    assert "按惯例" not in said and float(said.split("置信度 ")[1][:4]) >= CONFIDENT
    assert "（中央）" not in reviews["guess"]  # 县委宣传部 ends like a ministry (…部) and is the county's


def test_a_stage_item_whose_text_stands_on_the_next_line_gives_its_collectives_their_work_and_its_months():
    """「1、宣传发动阶段(7月-8月)」 over 「各区结合本区实际，制定…。」: the short item is the title of the paragraph under
    it (not a line wrapped into it); the paragraph is the item's text, so its collectives' work is their task, numbered
    as the item, the title's closing time its deadline."""
    tasks, _ = inline_tasks(_blocks("四、工作步骤", "1、宣传发动阶段(2024年7月底前)",
                                    "各乡镇结合本地实际,制定整治活动实施方案,召开动员会。",
                                    "2、具体实施阶段(2024年11月底前)",
                                    "各乡镇整治工作领导小组要按照各自工作方案,开展专项整治,确保活动成效。"))
    assert [(t.units.lead, t.number, t.deadline_text) for t in tasks] == [
        (["各乡镇"], 1, "2024年7月底前"), (["各乡镇整治工作领导小组"], 2, "2024年11月底前")]


def test_an_items_title_asking_all_the_members_heads_the_named_units_sentences_under_it():
    """「（二）各成员单位要履行各自管理职责。县处非办要…。县市场监管局要…」: the title's demand on collectives alone heads the
    sentences giving named units their work: no task of its own, and its words open the first one's text."""
    tasks, _ = inline_tasks(_blocks("一、明确职责", "（二）各成员单位要履行各自管理职责。县处非办要推动建立监管责任机制。"
                                    "县市场监管局要加强日常监管。"))
    assert [(t.units.lead, t.text[:5]) for t in tasks] == [(["县处非办"], "各成员单位"), (["县市场监管局"], "县市场监管")]


def test_a_bodys_duties_stated_before_the_divisions_first_part_are_its_task():
    """「某县X领导小组(以下简称“领导小组”)的主要职责是…。领导小组的日常工作由领导小组办公室承担。」 before 「一、职责分工」 and
    its notes: the group's stated duties are its task, not a covering notice's demand, and its office's too."""
    tasks, _ = inline_tasks(_blocks("某县X普查领导小组(以下简称“领导小组”)的主要职责是研究决定普查的重大事项。"
                                    "领导小组的日常工作由领导小组办公室承担。", "一、职责分工",
                                    "做好普查宣传(县委宣传部负责)。"))
    assert [t.units.lead for t in tasks] == [["某县X普查领导小组"], ["领导小组办公室"], ["县委宣传部"]]



@pytest.mark.parametrize("text, no_work", [
    ("一、指导思想。坚持以新发展理念为指导，全面贯彻落实上级部署", True),
    ("为进一步规范某项工作，根据《某某条例》，制定本办法", True),
    ("（二）根据《某某法》等规定，结合实际", True),
    ("本规定适用于本市行政区域内的消防工作", True),
    ("1.深入贯彻落实上级会议精神，统一思想", True),
    ("他指出，该工程将惠及全县群众，各镇要抓紧完成", False),  # a report's paragraph goes on to the work asked for
    ("会议要求，各镇要在月底前完成排查", False),
    ("四、加强督查考核，定期通报工作进展情况", False),
    ("二是为切实加强组织领导，成立工作专班", True),
    ("二是为民办实事，各村要落实", False),
    ("组织各部门开展联合检查", False),
])
def test_a_paragraph_stating_no_work_is_not_listed_as_a_task_left_unread(text, no_work):
    """A purpose, the guiding thought or a basis names nobody and has no units to find: listed as 「[未读取]」 beside
    the items that do, it buried them (102 of 145 such lines in parts 1-29 held no task of the truth)."""
    from policykb.ingest.nowork import states_no_work
    assert states_no_work(text) is no_work


def _unread_lines(result) -> list[str]:
    """The import review's 「[未读取]」 lines: what it asks a person to read for units."""
    return [line for line in (result.folder / "import-review.txt").read_text(encoding="utf-8").splitlines()
            if line.startswith("[未读取]")]


def test_an_item_between_tasks_that_no_task_was_read_from_is_listed_for_review(tmp_path):
    """「（二）宣传部门…应当做好…」 between two items whose units were read names its units in a way not understood:
    once the review said nothing of it, and the task was lost unseen. Their heading, and an item stating no work, are
    not listed."""
    source = tmp_path / "s.txt"
    source.write_text("某某市人民政府关于做好某项工作的通知\n一、重点任务\n"
                      "（一）推进甲项工作，完善工作机制。（市发改委负责）\n"
                      "（二）宣传部门以及新闻媒体，应当做好宣传发动和舆论监督工作。\n"
                      "（三）为进一步加强组织领导，确保工作取得实效。\n"
                      "（四）推进丙项工作，加强督促检查。（市财政局负责）\n"
                      "某某市人民政府\n2021年5月6日\n", encoding="utf-8")
    result = import_file(source, _kb(tmp_path), "doc")
    unread = _unread_lines(result)
    assert [line.split("：")[0] for line in unread] == ["[未读取] 第4行"]
    assert "1 段疑似任务未读取" in result.summary


def test_a_sentence_giving_units_work_that_no_task_holds_is_listed_for_review():
    """A sentence whose subject is units and whose verb gives them work (「对疑似失学学生，市教育局、市公安局要建立…」),
    that no task read holds: the review points at it, so that no task is lost unseen (parts 1-33 held 103 tasks not
    read that the review said nothing of). A sentence a task holds (its text reworded, its note left out), a note
    already read, a demand naming no unit (「…的认定，要严格把关」) and a paragraph listed already are not."""
    from policykb.ingest.leftout import unread_assignments
    blocks = [Block("（一）推进甲项工作，完善工作机制。（市发改委负责）", "第3行"),
              Block("对“不需要劝返学生”的认定，要严格把关，对其真实性负责。"
                    "对疑似失学学生，市教育局、市公安局要建立协作查找、劝返机制，做好劝返复学工作。", "第6行"),
              Block("市卫生健康委负责学生健康筛查，从严掌握。", "第7行"),
              Block("各区教育局要逐人建立台账，按月报送。", "第8行")]
    held = ["推进甲项工作，完善工作机制。", "市发改委负责", "学生健康筛查，从严掌握。"]
    missed = unread_assignments(blocks, held, (), skip={"第8行"})
    assert [(b.where, b.text) for b in missed] == [
        ("第6行", "对疑似失学学生，市教育局、市公安局要建立协作查找、劝返机制，做好劝返复学工作")]


def test_a_sentence_whose_units_go_by_a_rule_before_their_work_is_listed_for_review():
    """「市政府及各区、镇按照党政同责要求，积极组织落实…」: what the units go by stands between them and their work;
    read without it, the sentence gives them work like any other, and the review points at it when no task holds it."""
    from policykb.ingest.leftout import unread_assignments
    blocks = [Block("（一）推进甲项工作，完善工作机制。（市发改委负责）", "第3行"),
              Block("市政府及各区、镇、街道按照党政同责要求，积极组织落实年度目标任务。", "第5行")]
    missed = unread_assignments(blocks, ["推进甲项工作，完善工作机制。", "市发改委负责"], (), skip=set())
    assert [b.where for b in missed] == ["第5行"]


def test_an_item_that_is_a_decision_or_introduces_what_follows_is_not_listed_beside_the_tasks(tmp_path):
    """Between items whose units were read, 「（二）同意撤销甲园区…」 (a reply's approval, a meeting's agenda) and
    「（三）…的具体任务是：」 (the heading of what follows) hand out no work: listed, they sent a person to read text
    holding no task."""
    source = tmp_path / "s.txt"
    source.write_text("某某市人民政府关于做好某项工作的通知\n一、重点任务\n"
                      "（一）推进甲项工作，完善工作机制。（市发改委负责）\n"
                      "（二）同意撤销甲园区，将其整体并入乙开发区。\n"
                      "（三）今后五年乙开发区发展的具体任务是：\n"
                      "（四）推进丙项工作，加强督促检查。（市财政局负责）\n"
                      "（五）宣传部门以及新闻媒体，应当做好宣传发动和舆论监督工作。\n"
                      "某某市人民政府\n2021年5月6日\n", encoding="utf-8")
    result = import_file(source, _kb(tmp_path), "doc")
    unread = _unread_lines(result)
    assert [line.split("：")[0] for line in unread] == ["[未读取] 第7行"]
