"""Deadlines that recur monthly or quarterly on the site: one row each on a task's page and in the calendar (how
often, when next, how many times in the period), and only the next occurrence where a page lists what falls due."""
from __future__ import annotations

import datetime as dt
import re
import shutil
from html import unescape
from pathlib import Path

import pytest

from conftest import POLICIES, ROOT
from test_site_pages import parse

# A five-year list: task 1 reports monthly, task 2 is ongoing, task 3 has one date; every task reports quarterly.
LIST = """茶陵县人民政府办公室关于印发2021年重点工作任务分工的通知
各乡镇人民政府，县直各单位：
一、县发改局负责编制年度重点项目计划，每月28日前报送项目进展。
二、县生态环境局负责巡查河道排污口，长期坚持。
三、县交通运输局负责完成农村公路建设，2021年9月底前完成。
各牵头单位要于每季度初15日前将进展报送县政府办。
茶陵县人民政府办公室
2021年2月1日
"""
# From the list's date (2021-02-01) to the end of 2025: February to December, then four whole years.
MONTHLY, QUARTERLY = 11 + 4 * 12, 3 + 4 * 4


def five_year_kb(tmp: Path) -> Path:
    from policykb.ingest import import_file
    kb = tmp / "kb"
    kb.mkdir()
    shutil.copy(POLICIES / "units.yaml", kb / "units.yaml")
    (tmp / "list.txt").write_text(LIST, encoding="utf-8")
    import_file(tmp / "list.txt", kb, "list")
    meta = kb / "list" / "document.yaml"
    text = meta.read_text(encoding="utf-8")
    assert "  end: 2021-12-31" in text
    meta.write_text(text.replace("  end: 2021-12-31", "  end: 2025-12-31"), encoding="utf-8")
    return kb


@pytest.fixture(scope="module")
def kb(tmp_path_factory) -> Path:
    return five_year_kb(tmp_path_factory.mktemp("recurring"))


@pytest.fixture(scope="module")
def pg(kb):
    from policykb.graph import PolicyGraph
    from policykb.validate import load_kb
    return PolicyGraph(load_kb(kb))


@pytest.fixture(scope="module")
def site(tmp_path_factory, pg, kb) -> Path:
    from policykb.render.site import render_site
    out = tmp_path_factory.mktemp("site") / "site"
    render_site(pg, out, as_of=dt.date(2023, 3, 10), templates=ROOT / "templates", policies=kb,
                config=ROOT / "mkdocs.yml", handwritten=ROOT / "docs")
    return out


def rows(page: Path, phrase: str, after: str = "") -> list[str]:
    """The page's table rows (cells joined by |) that give this deadline phrase, below the heading `after`."""
    html = page.read_text(encoding="utf-8")
    html = html.split(after, 1)[-1] if after else html
    found = [" | ".join(re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", cell))).strip()
                        for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S))
             for row in re.findall(r"<tr>(.*?)</tr>", html, re.S)]
    return [r for r in found if f" | {phrase} | " in r]


def test_a_task_page_gives_a_recurring_deadline_one_row(site):
    task = site / "list" / "tasks"
    assert rows(task / "1.html", "每月28日前") == [
        f"2023-03-28（下次） | 每月28日前 | 本任务时限，每月一次，实施期内共{MONTHLY}次"]
    assert rows(task / "1.html", "每季度初15日前") == [
        f"2023-04-15（下次） | 每季度初15日前 | 工作要求规定的通用时限，每季度一次，实施期内共{QUARTERLY}次"]
    assert rows(task / "3.html", "2021年9月底前") == ["2021-09-30 | 2021年9月底前 | 本任务时限（已过）"]  # as it was
    assert rows(task / "2.html", "长期坚持") == ["长期 | 长期坚持 | 本任务时限，长期坚持、无到期日"]


def test_lists_of_what_falls_due_give_each_recurring_deadline_once(site, pg):
    from policykb.render.site.pages import Paths
    home = site / "index.html"
    key_dates = parse(home).text.split("关键时间", 1)[1]
    assert "每季度初15日前（2021-04-15起每季度，至2025年）" in key_dates  # not from 15 January, before the list's date
    assert [r.split(" | ")[0] for r in rows(home, "每月28日前", 'id="upcoming-list"')] == ["2023-03-28"]  # not April…
    assert rows(home, "每季度初15日前", 'id="upcoming-list"') == ["2023-04-15 | 每季度初15日前 | 全部 3 项任务"]
    unit = site / Paths(pg).unit("茶陵县发改局").replace(".md", ".html")
    assert rows(unit, "每月28日前", 'id="dues-list"') == ["2023-03-28 | 每月28日前 | 第1项"]
    calendar = site / "calendar.html"
    assert [r.split(" | ")[0::3] for r in rows(calendar, "每月28日前")] == [["2023-03-28（下次）", f"每月一次，共{MONTHLY}次"]]
    assert rows(calendar, "每季度初15日前") == [
        f"2023-04-15（下次） | 每季度初15日前 | 全部 3 项任务 | 每季度一次，共{QUARTERLY}次"]
    assert rows(calendar, "2021年9月底前")[0].startswith("2021-09-30 | 2021年9月底前 | 第3项")  # the years' tables


@pytest.mark.parametrize("as_of, when", [
    (dt.date(2025, 12, 30), "已全部过期"),  # the last report (28 December) has passed, the period has a day left
    (dt.date(2026, 3, 1), "期满"),         # the period is over
])
def test_when_no_recurrence_is_left_the_row_says_so(tmp_path, pg, kb, as_of, when):
    from policykb.render.site.build import write_docs
    docs = tmp_path / "docs"
    docs.mkdir()
    write_docs(pg, docs, as_of=as_of, templates=ROOT / "templates", handwritten=None, policies=kb)
    page = (docs / "list" / "tasks" / "1.md").read_text(encoding="utf-8")
    assert f"| {when} | 每月28日前 | 本任务时限，每月一次，实施期内共{MONTHLY}次 |" in page
    assert f"| {when} | 每季度初15日前 | 工作要求规定的通用时限，每季度一次，实施期内共{QUARTERLY}次 |" in page
    assert as_of.isoformat() not in page  # the build day is never written on the page
