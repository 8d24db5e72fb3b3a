"""The people a document names as a task's 责任领导 (kept by the importer, never units) are shown where the task is:
in the particulars of a letter that lists it and as a row of its page on the site; a task without any shows none."""
from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from conftest import POLICIES, ROOT

LIST = """茶陵县人民政府办公室关于印发2021年重点工作任务分工的通知
各乡镇人民政府，县直各单位：
一、编制年度重点项目计划。（牵头单位：县发改局；责任领导：分管副县长）
二、完成农村公路建设。（县交通运输局负责）
茶陵县人民政府办公室
2021年2月1日
"""


@pytest.fixture(scope="module")
def kb(tmp_path_factory) -> Path:
    from policykb.ingest import import_file
    tmp = tmp_path_factory.mktemp("leaders")
    kb = tmp / "kb"
    kb.mkdir()
    shutil.copy(POLICIES / "units.yaml", kb / "units.yaml")
    (tmp / "list.txt").write_text(LIST, encoding="utf-8")
    import_file(tmp / "list.txt", kb, "list")
    return kb


@pytest.fixture(scope="module")
def pg(kb):
    from policykb.graph import PolicyGraph
    from policykb.validate import load_kb
    graph = PolicyGraph(load_kb(kb))
    assert [t.leaders for t in sorted(graph.kb.documents["list"].tasks.values(), key=lambda t: t.number)] == [
        ["分管副县长"], []]
    return graph


def test_a_letter_lists_a_tasks_leaders_in_its_particulars(pg):
    from policykb.render.letters.context import DocumentParts, letter_context
    from policykb.render.letters.recipients import recipients
    doc = pg.kb.documents["list"]
    names = {n: u.name for u in pg.kb.units.values() for n in [u.name, *u.aliases]}
    parts = DocumentParts(doc, names, {u.name: u.full_name or u.name for u in pg.kb.units.values()})
    views = {t.number: t for serial, r in enumerate(recipients(pg, doc), start=1)
             for t in letter_context(pg, parts, r, serial).tasks}
    assert views[1].leaders_text == "分管副县长" and "责任领导：分管副县长" in views[1].details
    assert views[2].leaders_text == "" and "责任领导" not in views[2].details


def test_a_task_page_has_a_row_for_its_leaders(tmp_path, pg, kb):
    from policykb.render.site.build import write_docs
    docs = tmp_path / "docs"
    docs.mkdir()
    write_docs(pg, docs, as_of=dt.date(2021, 3, 1), templates=ROOT / "templates", handwritten=None, policies=kb)
    assert "| 责任领导 | 分管副县长 |" in (docs / "list" / "tasks" / "1.md").read_text(encoding="utf-8")
    assert "责任领导" not in (docs / "list" / "tasks" / "2.md").read_text(encoding="utf-8")


def test_the_division_table_has_a_leaders_column_only_where_a_task_names_leaders(pg):
    from policykb.export import task_rows
    header, rows = task_rows(pg, "list")
    column = header.index("责任领导")
    assert [row[column] for row in rows] == ["分管副县长", ""]
    assert header[column - 1] == "牵头方式" and header[column + 1] == "落实条文"


def test_the_bundled_policys_table_has_no_leaders_column():
    from policykb.export import task_rows
    from policykb.graph import PolicyGraph
    from policykb.validate import load_kb
    header, _ = task_rows(PolicyGraph(load_kb(POLICIES)))
    assert "责任领导" not in header and len(header) == 10


def test_an_imported_lists_annex_title_does_not_say_task_twice(pg):
    """With no annex named, the division is 「重点工作任务分工」 or 「重点任务分工」, never 「重点任务任务分工」."""
    assert "任务任务" not in pg.kb.documents["list"].meta.annex.title


def test_a_task_without_any_deadline_says_so_instead_of_an_empty_table(tmp_path, kb):
    from policykb.graph import PolicyGraph
    from policykb.render.site.build import write_docs
    from policykb.validate import load_kb
    document = kb.parent / "undated"
    shutil.copytree(kb, document)
    meta = document / "list" / "document.yaml"
    meta.write_text(re.sub(r"general_deadlines:\n(?:  .*\n|    .*\n)*", "general_deadlines: []\n",
                           meta.read_text(encoding="utf-8")), encoding="utf-8")
    pg = PolicyGraph(load_kb(document))
    assert not [t for t in pg.kb.documents["list"].tasks.values() if t.deadlines]
    docs = tmp_path / "docs"
    docs.mkdir()
    write_docs(pg, docs, as_of=dt.date(2021, 3, 1), templates=ROOT / "templates", handwritten=None, policies=document)
    page = (docs / "list" / "tasks" / "1.md").read_text(encoding="utf-8")
    assert "原文没有给出本项任务的时限" in page and "| 日期 | 时限表述 | 说明 |" not in page
