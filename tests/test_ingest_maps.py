"""The maps of an imported document fit that document: its own years on the time axis (its period, or the
five years its letters state when it names none), a sheet sized to its few rows, every text whole."""
from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys

import pytest

from policykb.graph import PolicyGraph
from policykb.ingest import import_file
from policykb.render import maps
from policykb.render.maps.layout import WALL_MM, shown
from policykb.render.maps.plan import plan
from policykb.validate import validate

from conftest import POLICIES, ROOT, require

CORPUS = ROOT / "tests" / "corpus"


@pytest.mark.parametrize("source, years", [
    ("lishan-2023-county-lines.txt", [2023]),  # deadlines within 2023: its period is 2023
    ("part3/tongxiang-2020-leader-heading-rank-rule.txt", [2020]),  # 「2020年…责任分解」: the title's year
])
def test_an_imported_documents_overall_map_is_drawn_on_its_own_years(tmp_path, source, years):
    kb = tmp_path / "kb"
    kb.mkdir()
    shutil.copy(POLICIES / "units.yaml", kb / "units.yaml")
    import_file(CORPUS / source, kb, "imported")
    fresh, report = validate(kb)
    assert fresh is not None, [i.format() for i in report.errors]
    overall = next(s for s in plan(PolicyGraph(fresh), "imported") if s.kind == "overall")
    paper, done = maps.render_on_paper(overall, dt.date(2026, 12, 4), "auto")
    assert [t.lines[0] for t in done.layout.panels[0].years] == [f"{y}年" for y in years]
    assert paper == "A3" and done.layout.size >= WALL_MM and shown(done.layout) > 0.999
    if not overall.general:  # a list that sets no general deadline: no row claims to follow one
        assert "按通用时限" not in done.svg and "未明确时限" in done.svg
    # its tasks are its own text, no attached annex: the source line cites none
    assert fresh.documents["imported"].meta.annex.attached or "附件《" not in overall.source


def test_pages_of_a_knowledge_base_with_an_imported_document_show_each_documents_own_life(tmp_path):
    """The home page names each document with its own period; a unit of the imported 2020 list is shown as of
    that list's end, by its own period (one year: 「实施期（2020年）」)."""
    from policykb.render.site.build import write_docs
    kb = tmp_path / "kb"
    shutil.copytree(POLICIES, kb, ignore=shutil.ignore_patterns("tracking"))
    import_file(CORPUS / "part3" / "tongxiang-2020-leader-heading-rank-rule.txt", kb, "tongxiang")
    fresh, report = validate(kb)
    assert fresh is not None, [i.format() for i in report.errors]
    pg = PolicyGraph(fresh)
    docs = tmp_path / "docs"
    docs.mkdir()
    write_docs(pg, docs, as_of=dt.date(2026, 12, 4), templates=ROOT / "templates", handwritten=None, policies=kb)
    home = (docs / "index.md").read_text(encoding="utf-8")
    assert "《湖南省脱贫攻坚实施意见》实施期（2016—2020年）已结束" in home
    assert "》实施期（2020年）已结束" in home
    unit = "桐乡市财政局"  # 「财政局」 of a 桐乡市 list: that city's own unit
    page = next(p for p in docs.rglob("*.md") if p.parent.name == "units" and f"# {unit}" in p.read_text("utf-8"))
    text = page.read_text(encoding="utf-8")
    assert "实施期（2020年）已结束，以下为最终情况" in text


UNDIVIDED = """萧县人民政府办公室关于印发2024年重点工作任务分工的通知
各乡镇人民政府，县直各单位：
现将2024年重点工作任务分工印发给你们，请认真贯彻落实。
1．完成高标准农田建设2万亩。（县农业农村局牵头，县财政局、县自然资源局配合）
2．新建改建农村公路50公里。（县交通运输局负责）
3．实施城区老旧小区改造10个。（县住建局牵头，县发改局配合，2024年10月底前完成）
萧县人民政府办公室
2024年3月1日
"""


@pytest.fixture
def undivided(tmp_path):
    """A list of tasks under no heading, imported: the importer gives it one section, titled by itself."""
    kb = tmp_path / "kb"
    shutil.copytree(POLICIES, kb, ignore=shutil.ignore_patterns("tracking"))
    source = tmp_path / "xiaoxian.txt"
    source.write_text(UNDIVIDED, encoding="utf-8")
    import_file(source, kb, "xiaoxian")
    fresh, report = validate(kb)
    assert fresh is not None, [i.format() for i in report.errors]
    assert len(fresh.documents["xiaoxian"].meta.annex.sections) == 1
    return PolicyGraph(fresh)


def test_a_list_under_no_heading_gets_no_made_up_section_on_its_map(undivided):
    """One section is no division: the overall map's band says 全部任务, no key names a section, and no section map
    repeats the overall one."""
    specs = plan(undivided, "xiaoxian")
    assert [s.kind for s in specs].count("section") == 0
    overall = next(s for s in specs if s.kind == "overall")
    assert [g.label for g in overall.groups] == ["全部任务（3项）"] and overall.sections == ()
    _, done = maps.render_on_paper(overall, dt.date(2024, 6, 1), "auto")
    assert "全部任务（3项）" in done.svg and "（一）" not in done.svg


def test_a_list_under_no_heading_gets_no_made_up_section_on_its_pages(undivided, tmp_path):
    """The document page lists 全部任务, not 「一、任务分工」; a task page has no 所属部分 row; the 分工表 has no section
    heading row; the home page links 全部任务."""
    from policykb.render.site.build import write_docs
    docs = tmp_path / "docs"
    docs.mkdir()
    write_docs(undivided, docs, as_of=dt.date(2024, 6, 1), templates=ROOT / "templates", handwritten=None,
               policies=tmp_path / "kb")
    pages = {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in docs.rglob("*.md")}
    document, table, task = pages["xiaoxian/index.md"], pages["xiaoxian/table.md"], pages["xiaoxian/tasks/3.md"]
    assert "## 全部任务 {#part-1-list}" in document and "任务分工 {#part" not in document and "（一）" not in document
    assert "所属部分" not in task and "| 牵头单位 |" in task
    assert "| 原文单位 | 县住建局牵头，县发改局配合，2024年10月底前完成 |" in task  # as written: no brackets added
    assert 'class="pk-section"' not in table and table.count('class="pk-task"') == 3 and "可按单位、时限和状态筛选" in table
    home = pages["index.md"]
    assert "[全部任务](xiaoxian/index.md#part-1-list)（3 项任务）" in home and "、[任务分工]" not in home
    assert "一、[总体要求](hunan-2016-implementation-opinions/index.md#part-1-list)" in home  # six parts: named
    assert "<#--" not in home


def test_a_list_under_no_heading_filters_sorts_and_exports_without_a_section_in_chromium(undivided, tmp_path):
    """The 分工表 of a list under no heading, in Chromium: no 部分 filter; sorted by deadline and back, the list's own
    order returns (it had no section headings to restore it by); the CSV has no 部分 column."""
    require("chromium")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([sys.executable, "-m", "policykb", "site", "-p", "kb", "-o", "site", "--as-of", "2024-06-01",
                           "--config", str(ROOT / "mkdocs.yml"), "--templates", str(ROOT / "templates")],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    sys.path.insert(0, str(ROOT / "bench"))
    import search_quality as sq
    with sq.browser() as chromium:
        context = chromium.new_context(accept_downloads=True)
        page = context.new_page()
        page.goto((tmp_path / "site" / "xiaoxian" / "table.html").as_uri())
        assert page.locator("#pk-filter select[name=section]").count() == 0
        numbers = "() => [...document.querySelectorAll('#pk-plan tr.pk-task')].map(r => r.dataset.number)"
        page.select_option("#pk-filter select[name=sort]", "due")
        assert page.evaluate(numbers) == ["3", "1", "2"]  # the one deadline first
        page.select_option("#pk-filter select[name=sort]", "")
        assert page.evaluate(numbers) == ["1", "2", "3"]
        with page.expect_download() as download:
            page.locator("#pk-filter button[name=csv]").click()
        header = open(download.value.path(), encoding="utf-8-sig").readline()
        context.close()
    assert header.startswith('"序号"') and "部分" not in header
