"""`policykb import` of a PDF (government sites publish most documents so): its visual lines joined where the layout
wrapped them, page numbers and the gap beside numbers left out, every task flagged for review; a scanned or damaged
PDF refused with the way out. How much of the corpus survives printing to PDF: bench/pdf_fidelity.py."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, require
from policykb.ingest import pdftext

FULL = "一" * 28  # a line of the page's full width (28 characters: GB/T 9704's line)


def test_a_line_that_reaches_the_edge_goes_on_and_a_short_one_ends_its_paragraph():
    pages = [["萧县人民政府办公室关于印发任务分工的通知", "各乡镇人民政府，县政府各部门：",
              "1.开展农村垃圾清运，" + "清" * 24, "运到位。（县住建局牵头，县财政局配合）",
              "2.整治河道沿岸环境，" + "整" * 24, FULL],
             ["治到位。（县水利局负责）", "牵头单位：县农业农村局", FULL, FULL]]
    found = [b.text for b in pdftext.paragraphs(pages)]
    assert found[:3] == ["萧县人民政府办公室关于印发任务分工的通知", "各乡镇人民政府，县政府各部门：",
                         "1.开展农村垃圾清运，" + "清" * 24 + "运到位。（县住建局牵头，县财政局配合）"]
    assert found[3] == "2.整治河道沿岸环境，" + "整" * 24 + FULL + "治到位。（县水利局负责）"  # across the page break
    assert found[4] == "牵头单位：县农业农村局"  # a label opens its own line
    assert [b.where for b in pdftext.paragraphs(pages)][3:5] == ["第1页第5行", "第2页第2行"]


def test_a_line_stopping_short_mid_sentence_goes_on_but_a_title_does_not():
    """A layout never breaks inside 「〔2021〕13号」, so a wrapped line may stop a few characters early."""
    pages = [["关于进一步做好就业工作的实施意见落实方案的" + "通知" * 2, "各有关单位：",
              "为贯彻落实《省人民政府关于印发若干政策措施的通知》（粤府", "〔2021〕13号），提出如下意见：", FULL, FULL, FULL]]
    found = [b.text for b in pdftext.paragraphs(pages)]
    assert found[:3] == ["关于进一步做好就业工作的实施意见落实方案的通知通知", "各有关单位：",
                         "为贯彻落实《省人民政府关于印发若干政策措施的通知》（粤府〔2021〕13号），提出如下意见："]


def test_a_list_of_short_lines_is_never_run_together():
    pages = [["1.轨道交通一号线投入试运营。", "牵头领导：林某", "责任单位：市轨道交通指挥部", "2.新增路口视频采集设备。",
              "责任单位：市公安局"]]
    assert len(pdftext.paragraphs(pages)) == 5


def test_page_furniture_and_the_gap_beside_numbers_are_left_out():
    text = "— 3 —\n现将《2024 年工作要点》印发给你们，至 2021 年 12 月 31 日。\n1 居民消费价格涨幅 3% 左右 发展改革委\n第 3 页 共 9 页\n"
    assert pdftext.page_lines(text) == ["现将《2024年工作要点》印发给你们，至2021年12月31日。",
                                        "1 居民消费价格涨幅 3% 左右 发展改革委"]  # a table's cells keep their spaces


def _cli(where: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "policykb", *args], cwd=where, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=300)


def _printed(where: Path) -> Path:
    """A two-page list printed to PDF by LibreOffice, a task's note wrapped onto the second page, a page footer."""
    import docx
    document = docx.Document()
    for text in ["萧县人民政府办公室关于印发2024年城乡环境整治任务分工的通知", "萧政办〔2024〕3号", "各乡镇人民政府，县政府各部门："]:
        document.add_paragraph(text)
    for n in range(1, 31):
        document.add_paragraph(f"{n}. 开展第{n}个片区的农村垃圾清运和河道沿岸环境整治工作，建立长效管护机制，确保环境持续改善。"
                               f"（县住建局牵头，县财政局、县水利局配合）")
    for text in ["萧县人民政府办公室", "2024年3月1日"]:
        document.add_paragraph(text)
    document.sections[0].footer.paragraphs[0].text = "— 1 —"
    document.save(where / "list.docx")
    soffice = require("soffice")
    subprocess.run([soffice, "--headless", f"-env:UserInstallation={(where / 'profile').as_uri()}", "--convert-to", "pdf",
                    "--outdir", str(where), str(where / "list.docx")], capture_output=True, timeout=300)
    return where / "list.pdf"


def test_a_printed_list_imports_every_task_each_flagged_for_review(tmp_path):
    pdf = _printed(tmp_path)
    kb = tmp_path / "kb"
    shutil.copytree(FIXTURES / "tiny", kb)
    done = _cli(tmp_path, "import", str(pdf), str(kb), "--id", "x")
    assert done.returncode == 0, done.stderr
    tasks = sorted((kb / "x" / "tasks").glob("*.yaml"))
    assert len(tasks) == 30 and "需要审核 30 项" in done.stdout
    for task in tasks:
        text = task.read_text(encoding="utf-8")
        assert "萧县住建局" in text and "萧县水利局" in text and "— 1 —" not in text and "2024 年" not in text
    review = (kb / "x" / "import-review.txt").read_text(encoding="utf-8")
    assert "（pdf）" in review and "第2页" in review and "原文是 PDF" in review
    assert not re.search(r"\[任务 \d+\].*置信度 0\.(?:8[5-9]|9)", review)  # no task's reading claims to be sure
    assert "2024-03-01" in (kb / "x" / "document.yaml").read_text(encoding="utf-8")


def test_a_pdf_past_the_page_limit_is_refused(tmp_path, monkeypatch):
    from policykb.ingest import readers
    from policykb.ingest.source import ImportFailed
    pdf = _printed(tmp_path)
    monkeypatch.setattr(pdftext, "MAX_PAGES", 1)
    with pytest.raises(ImportFailed) as failed:
        readers.read(pdf)
    assert failed.value.code == "import-too-large" and "1 页" in failed.value.message


_LEADS = ["县住建局", "县水利局", "县农业农村局"]


def _printed_table(where: Path) -> Path:
    """An annex's ruled table (序号/工作任务/牵头单位/配合单位/完成时限) printed to PDF by LibreOffice: each task wrapped
    over several lines of its cell, the table running over two pages."""
    import docx
    document = docx.Document()
    for text in ["萧县人民政府办公室关于印发2024年城乡环境整治任务分工的通知", "各乡镇人民政府，县政府各部门：",
                 "现将《2024年城乡环境整治任务分工》印发给你们，请认真抓好落实。", "萧县人民政府办公室", "2024年3月1日"]:
        document.add_paragraph(text)
    table = document.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"]):
        cell.text = text
    for n in range(1, 13):
        cells = table.add_row().cells
        cells[0].text = str(n)
        cells[1].text = f"开展第{n}个片区的农村垃圾清运和河道沿岸环境整治工作，建立长效管护机制，确保环境持续改善并接受群众监督"
        cells[2].text = _LEADS[n % 3]
        cells[3].text = "县财政局、县生态环境分局"
        cells[4].text = f"2024年{n % 12 + 1}月底前"
    document.save(where / "table.docx")
    soffice = require("soffice")
    subprocess.run([soffice, "--headless", f"-env:UserInstallation={(where / 'profile').as_uri()}", "--convert-to", "pdf",
                    "--outdir", str(where), str(where / "table.docx")], capture_output=True, timeout=300)
    return where / "table.pdf"


def test_a_printed_table_imports_each_rows_task_lead_participants_and_deadline(tmp_path):
    """Read line by line, a table's wrapped cells come out one beside another; read as rows of cells (pdfplumber
    finds the ruled table), each row is its task, its lead, its participants and its deadline."""
    from policykb.ingest import readers
    pdf = _printed_table(tmp_path)
    rows = [b for b in readers.read(pdf).blocks if b.is_row]
    assert len({b.table for b in rows}) == 1 and len(rows) == 13  # the header and 12 rows, one table over two pages
    kb = tmp_path / "kb"
    shutil.copytree(FIXTURES / "tiny", kb)
    done = _cli(tmp_path, "import", str(pdf), str(kb), "--id", "x")
    assert done.returncode == 0, done.stderr
    tasks = sorted((kb / "x" / "tasks").glob("*.yaml"))
    assert len(tasks) == 12
    for n, task in enumerate(tasks, start=1):
        text = task.read_text(encoding="utf-8")
        assert f"text: 开展第{n}个片区的农村垃圾清运和河道沿岸环境整治工作，建立长效管护机制，确保环境持续改善并接受群众监督\n" in text
        lead = text.split("lead:\n", 1)[1].split("\n", 1)[0]
        assert lead.endswith(_LEADS[n % 3][1:])
        participants = text.split("participants:\n", 1)[1].split("\n", 2)[:2]
        assert participants[0].endswith("财政局") and participants[1].endswith("生态环境分局")
        assert f"date: 2024-{n % 12 + 1:02d}-" in text


def test_a_table_going_on_over_a_page_is_one_table_and_the_row_the_page_cut_one_row():
    """The header repeated on the next page is dropped; the first row there with no number and cells missing is the
    rest of the row above; a table after text is a new table."""
    header = ("序号", "工作任务", "牵头单位", "完成时限")
    pages = [["附件", header, ("1", "开展农村垃圾清运和河道", "县住建局", "2024年6月")],
             [header, ("", "沿岸环境整治", "", "底前"), ("2", "建立长效管护机制", "县水利局", "长期坚持")],
             ["附件2", header, ("1", "开展秸秆综合利用", "县农业农村局", "2024年底前")]]
    rows = [b for b in pdftext.paragraphs(pages) if b.is_row]
    assert [b.cells for b in rows][1:3] == [("1", "开展农村垃圾清运和河道沿岸环境整治", "县住建局", "2024年6月底前"),
                                            ("2", "建立长效管护机制", "县水利局", "长期坚持")]
    assert [b.table for b in rows] == [1, 1, 1, 2, 2] and [b.where for b in rows][:3] == ["表1第1行", "表1第2行", "表1第3行"]


def test_only_pages_that_draw_lines_are_read_for_tables(tmp_path):
    """A page of text alone draws no line: it is left to pypdf, without pdfplumber's slower reading of every glyph."""
    from pypdf import PdfReader
    from policykb.ingest import pdftables
    text, table = _printed(tmp_path), _printed_table(tmp_path)
    assert not any(pdftables.draws_lines(page) for page in PdfReader(text).pages)
    assert all(pdftables.draws_lines(page) for page in PdfReader(table).pages)


def test_a_page_ruled_more_densely_than_a_table_is_read_as_text(tmp_path, monkeypatch):
    """Finding cells costs the rules' crossings: a page with more rules down it than a page has rows (a drawing, or a
    grid made to keep the reader busy) is read as text."""
    from policykb.ingest import pdftables, readers
    table = _printed_table(tmp_path)
    monkeypatch.setattr(pdftables, "MAX_RULES_DOWN", 3)
    assert not any(b.is_row for b in readers.read(table, tables=False).blocks)  # no ruled table read (text tables aside)


def test_a_line_ending_on_an_opening_mark_goes_on_however_short():
    """The page's text broke 「深入宣传贯彻《」 from 「食品安全法》」: no sentence, title or heading ends on 《 or （."""
    pages = [["（一）市食安办负责，深入宣传贯彻《", "食品安全法》，制定宣传方案。（市司法局配合）", "（二）做好监测工作（",
              "市卫生局负责）", FULL, FULL, FULL]]
    found = [b.text for b in pdftext.paragraphs(pages)]
    assert found[:2] == ["（一）市食安办负责，深入宣传贯彻《食品安全法》，制定宣传方案。（市司法局配合）",
                         "（二）做好监测工作（市卫生局负责）"]


def test_a_label_alone_opens_its_line_after_a_full_last_line():
    """A form printed as label lines: a task's last line filling the width must not take 「责任单位」 into it."""
    pages = [["具体任务", "开展农村垃圾清运，" + "清" * 18 + "。", "责任单位", "县住建局", "完成时限", "12月底前", FULL, FULL]]
    found = [b.text for b in pdftext.paragraphs(pages)]
    assert found[:6] == ["具体任务", "开展农村垃圾清运，" + "清" * 18 + "。", "责任单位", "县住建局", "完成时限", "12月底前"]


def test_garbled_text_is_told_from_chinese_english_and_glossed_text():
    """A font without Unicode for its glyphs gives accents or private-use characters (a coded refusal, case
    tests/broken/import-unreadable/garbled-pdf); a real text of any of these kinds is no garble."""
    assert pdftext.garbled("ÏØÈËÃñÕþ¸®°ì¹«ÊÒ¹ØÓÚÓ¡·¢ÈÎÎñ·Ö¹¤µÄÍ¨Öª" * 10)
    assert pdftext.garbled("".join(chr(0xE000 + i % 400) for i in range(400)))
    assert not pdftext.garbled("一、推进垃圾清运（县住建局牵头，县财政局配合）。" * 20)
    assert not pdftext.garbled("Implementation plan, item 3: the county bureau leads. " * 10)
    assert not pdftext.garbled("政(zhèng)府(fǔ)辦(bàn)公(gōng)室(shì)負(fù)責(zé)。" * 20)  # a mirror's pinyin glosses
    assert not pdftext.garbled("ÏØÈË")  # too little to judge
