"""Each document has its own 分工方案 and 责任书.zip beside its letters (issues #28, #22): a knowledge base
of two documents gives each its own tables, title and letters, an edit of one task makes only that
document's files again, and the site links each document's own files."""
from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import zipfile
from pathlib import Path
from urllib.parse import unquote

import pytest

from policykb import build as building
from policykb.gongwen import read_text
from policykb.graph import PolicyGraph
from policykb.render.letters import overview
from policykb.validate import load_kb

from conftest import FIXTURES, ROOT
from test_site_pages import parse

AS_OF = dt.date(2016, 9, 1)
FIRST, SECOND = "demo-2016", "demo-2017"
FILES = [overview.DOCX_NAME, overview.XLSX_NAME, "责任书.zip"]


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def two_documents(kb: Path) -> None:
    """The tiny knowledge base and a second document of its own title and annex, with two of its tasks."""
    shutil.copytree(FIXTURES / "tiny", kb)
    shutil.copytree(kb / FIRST, kb / SECOND)
    settings = kb / SECOND / "document.yaml"
    _replace(settings, "title: 关于推进示范工作的实施意见", "title: 关于深化示范工作的实施方案")
    _replace(settings, "short_title: 示范意见", "short_title: 深化方案")
    _replace(settings, "  title: 重要政策措施分工方案", "  title: 深化示范工作任务分工表")
    for number in (3, 4):
        (kb / SECOND / "tasks" / f"00{number}.yaml").unlink()


def _stamps(folder: Path) -> dict[str, tuple[int, int]]:
    return {name: ((folder / name).stat().st_ino, (folder / name).stat().st_mtime_ns) for name in FILES}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Built once with the site, then task 1 of the first document edited and the letters built again."""
    tmp = tmp_path_factory.mktemp("documents")
    kb, out = tmp / "kb", tmp / "build"
    two_documents(kb)
    building.build(kb, out, as_of=AS_OF, only=["data", "letters", "site"], templates=ROOT / "templates")
    letters = out / "letters"
    before = {doc: _stamps(letters / doc) for doc in (FIRST, SECOND)}
    manifest = json.loads((letters / "manifest.json").read_text(encoding="utf-8"))
    site = tmp / "site"
    shutil.copytree(out / "site", site)  # the next build replaces build/site
    _replace(kb / FIRST / "tasks" / "001.yaml", "创新发展", "改革发展")
    timings: dict = {}
    building.build(kb, out, as_of=AS_OF, only=["data", "letters"], templates=ROOT / "templates", timings=timings)
    after = {doc: _stamps(letters / doc) for doc in (FIRST, SECOND)}
    return {"kb": kb, "letters": letters, "manifest": manifest, "site": site, "stamps": (before, after),
            "timings": timings}


def _task_numbers(lines: list[str]) -> list[int]:
    """The 序号 of the 按任务 table: its rows up to the heading 二、按单位."""
    by_task = lines[:lines.index("二、按单位")]
    return [int(row.split("\t")[0]) for row in by_task if re.match(r"\d+\t", row)]


def test_each_document_has_its_own_overview_with_its_title_tasks_and_units(built):
    pg = PolicyGraph(load_kb(built["kb"]))
    titles = {FIRST: "重要政策措施分工方案", SECOND: "深化示范工作任务分工表"}
    for doc, title in titles.items():
        lines = read_text((built["letters"] / doc / overview.DOCX_NAME).read_bytes())
        assert lines[0] == title
        assert _task_numbers(lines) == sorted(pg.kb.documents[doc].tasks)
        units = [row.split("\t")[0].replace(overview.BREAK_AFTER, "、") for row in lines[lines.index("二、按单位"):]
                 if "\t" in row][1:]
        assert units == pg.units_with_tasks(doc)
        assert not any("文件" == row.split("\t")[0] for row in lines)  # one document: no 文件 column
    assert _task_numbers(read_text((built["letters"] / SECOND / overview.DOCX_NAME).read_bytes())) == [1, 2]
    assert "省教育厅" in pg.units_with_tasks(FIRST) and "省教育厅" not in pg.units_with_tasks(SECOND)


def test_each_documents_workbook_holds_its_own_tasks(built):
    from openpyxl import load_workbook
    for doc, count in ((FIRST, 4), (SECOND, 2)):
        book = load_workbook(built["letters"] / doc / overview.XLSX_NAME, read_only=True)
        rows = list(book["按任务"].values)
        assert rows[0][0] == "序号" and [r[0] for r in rows[1:]] == list(range(1, count + 1))


def test_each_documents_zip_holds_its_letters_and_overview_only(built):
    manifest = built["manifest"]
    assert "zip" not in manifest and "overview" not in manifest  # no file of the whole knowledge base
    assert not (built["letters"] / "责任书.zip").exists() and not (built["letters"] / overview.DOCX_NAME).exists()
    listed = {d["document"]: d for d in manifest["documents"]}
    for doc in (FIRST, SECOND):
        assert listed[doc]["zip"] == f"{doc}/责任书.zip"
        assert listed[doc]["overview"] == [f"{doc}/{overview.DOCX_NAME}", f"{doc}/{overview.XLSX_NAME}"]
        own = [Path(e["file"]).name for e in manifest["letters"] if e["document"] == doc]
        names = zipfile.ZipFile(built["letters"] / doc / "责任书.zip").namelist()
        assert names == sorted(own + [overview.DOCX_NAME, overview.XLSX_NAME])
    assert "省教育厅.docx" in zipfile.ZipFile(built["letters"] / FIRST / "责任书.zip").namelist()
    assert "省教育厅.docx" not in zipfile.ZipFile(built["letters"] / SECOND / "责任书.zip").namelist()
    assert listed[SECOND]["title"] == "深化示范工作任务分工表"


def test_an_edit_of_one_task_makes_only_that_documents_files_again(built):
    before, after = built["stamps"]
    assert after[SECOND] == before[SECOND]  # same inodes, same times: linked from the last build
    assert all(after[FIRST][name] != before[FIRST][name] for name in FILES)
    lines = read_text((built["letters"] / FIRST / overview.DOCX_NAME).read_bytes())
    assert any("改革发展扶贫小额信贷" in row for row in lines)
    task = PolicyGraph(load_kb(built["kb"])).task(FIRST, 1)
    letters = built["timings"]["letters"]
    # the task's units' letters, and that document's 分工方案 (docx, xlsx) and zip
    assert letters.rendered == len(task.units) + len(FILES) and letters.reused > 0


def test_site_links_each_documents_own_files(built):
    site = built["site"]
    downloads = parse(site / "downloads.html")
    for doc, title in ((FIRST, "关于推进示范工作的实施意见"), (SECOND, "关于深化示范工作的实施方案")):
        wanted = {f"downloads/letters/{doc}/{name}" for name in FILES}
        hrefs = {unquote(h) for _, h in downloads.refs}
        assert wanted <= hrefs and all((site / h).is_file() for h in wanted)
        assert title in downloads.text
        page = site / doc / "index.html"
        own = {unquote(h) for _, h in parse(page).refs if "downloads/letters/" in h}
        assert own == {f"../{w}" for w in wanted}, own  # its own files only, relative: file:// and served alike
        assert all((page.parent / h).resolve().is_file() for h in own)
        assert "原文、分工方案和责任书下载" in parse(page).text
    text = downloads.text
    assert text.index("关于推进示范工作的实施意见") < text.index("关于深化示范工作的实施方案") < text.index("policykb.xlsx")


def test_letters_command_writes_each_documents_zip_and_overview_and_drops_the_old_whole_ones(tmp_path):
    """`policykb letters --zip --overview` into a folder an earlier version filled: each document's own
    files appear, the whole knowledge base's 分工方案 and zip listed by the old manifest are gone."""
    from typer.testing import CliRunner
    from policykb.cli import app
    kb, out = tmp_path / "kb", tmp_path / "letters"
    two_documents(kb)
    out.mkdir()
    for name in FILES:
        (out / name).write_bytes(b"the whole knowledge base's, of an earlier version")
    (out / "manifest.json").write_text(json.dumps({"letters": [], "overview": FILES[:2], "zip": FILES[2]}),
                                       encoding="utf-8")
    done = CliRunner().invoke(app, ["letters", "-p", str(kb), "-o", str(out), "--as-of", "2016-09-01",
                                    "--template", str(ROOT / "templates" / "letter.docx"), "--zip", "--overview"])
    assert done.exit_code == 0, done.output
    assert not any((out / name).exists() for name in FILES)
    for doc, title in ((FIRST, "重要政策措施分工方案"), (SECOND, "深化示范工作任务分工表")):
        assert read_text((out / doc / overview.DOCX_NAME).read_bytes())[0] == title
        names = zipfile.ZipFile(out / doc / "责任书.zip").namelist()
        assert overview.DOCX_NAME in names and "省扶贫办.docx" in names
    done = CliRunner().invoke(app, ["letters", "-p", str(kb), "-o", str(out), "--as-of", "2016-09-01",
                                    "--template", str(ROOT / "templates" / "letter.docx"), "-u", "省财政厅"])
    assert done.exit_code == 0, done.output  # no --zip this time: the zips would be out of date, so none is left
    assert not any((out / doc / "责任书.zip").exists() for doc in (FIRST, SECOND))
    assert "documents" not in json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def test_a_document_naming_no_signatories_has_its_head_sign_for_party_a(tmp_path):
    """甲方 signs as 乙方 does, 主要负责人, where document.yaml names no signatories (an imported document): a
    signature block with a line for one party only could not be signed as it stands."""
    from policykb.render.letters.context import DocumentParts
    kb = load_kb(FIXTURES / "tiny")
    doc = kb.documents[FIRST]
    assert doc.meta.letters and not doc.meta.letters.signatories
    assert DocumentParts(doc, kb.names_in(doc.meta.jurisdiction), {}).signatories == ["主要负责人"]
