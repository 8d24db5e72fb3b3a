"""Tracking holds a recurring report to account: a monthly or quarterly deadline is overdue when nothing was reported
since the recurrence before its latest one; ongoing work (长期坚持) is never overdue."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import POLICIES
from policykb.cli import app

LIST = """茶陵县人民政府办公室关于印发2021年重点工作任务分工的通知
各乡镇人民政府，县直各单位：
一、县发改局负责编制年度重点项目计划，每月28日前报送项目进展。
二、县生态环境局负责巡查河道排污口，长期坚持。
三、县交通运输局负责完成农村公路建设，2021年9月底前完成。
{requirement}茶陵县人民政府办公室
2021年2月1日
"""


def tracked_list(tmp_path: Path, requirement: str = "") -> Path:
    """The list imported into a knowledge base with an empty tracking folder (the list is tracked)."""
    from policykb.ingest import import_file
    kb = tmp_path / "kb"
    kb.mkdir()
    shutil.copy(POLICIES / "units.yaml", kb / "units.yaml")
    (tmp_path / "list.txt").write_text(LIST.format(requirement=requirement), encoding="utf-8")
    import_file(tmp_path / "list.txt", kb, "list")
    (kb / "list" / "tracking" / "tasks").mkdir(parents=True)
    return kb


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def overdue(kb: Path, as_of: str) -> list[str]:
    """The overdue lines of `policykb status`, as a cadre reads them."""
    text = run("status", "--as-of", as_of, "-p", str(kb))
    block = text.split("30天内到期：")[0]
    return [line.strip() for line in block.splitlines() if line.startswith("  第")]


def test_a_missed_month_is_overdue_once_and_a_report_since_the_last_deadline_meets_it(tmp_path):
    kb = tracked_list(tmp_path)
    assert overdue(kb, "2021-02-28") == []  # the first report falls due that day
    assert overdue(kb, "2021-03-01") == ["第1项  每月进展报送逾期未报送（应于2021年2月28日前）"]
    run("progress", "update", "1", "--date", "2021-03-25", "--summary", "3月项目进展", "-p", str(kb))
    # on 10 April the latest deadline passed is 28 March: reported on the 25th, after 28 February
    assert overdue(kb, "2021-04-10") == []
    # April and May missed: only the latest, 28 May, is overdue (not a line for every month)
    assert overdue(kb, "2021-06-05") == ["第1项  每月进展报送逾期未报送（应于2021年5月28日前）"]
    run("progress", "update", "1", "--date", "2021-06-10", "--summary", "4—5月项目进展", "-p", str(kb))
    data = json.loads(run("status", "--as-of", "2021-06-12", "--format", "json", "-p", str(kb)))
    task = next(t for t in data["tasks"] if t["task"] == 1)
    assert (task["light"], task["reasons"]) == ("amber", ["每月进展报送迟于时限（2021年6月10日，应于2021年5月28日前）"])
    # a report on the day of a deadline is that deadline's: the next month still needs its own
    run("progress", "update", "1", "--date", "2021-06-28", "--summary", "6月项目进展", "-p", str(kb))
    assert overdue(kb, "2021-07-29") == ["第1项  每月进展报送逾期未报送（应于2021年7月28日前）"]


def test_ongoing_work_is_never_overdue(tmp_path):
    kb = tracked_list(tmp_path)
    for as_of in ("2021-06-01", "2021-12-31", "2030-01-01"):
        data = json.loads(run("status", "--as-of", as_of, "--format", "json", "-p", str(kb)))
        assert not [o for items in data["overdue"].values() for o in items if o["task"] == 2], as_of
        assert next(t for t in data["tasks"] if t["task"] == 2)["overdue"] is False
    assert "第3项  任务完成逾期未完成（应于2021年9月30日前）" in overdue(kb, "2021-10-01")  # a dated task is


@pytest.mark.parametrize("as_of, lines", [
    ("2021-04-14", []),
    ("2021-04-16", [f"第{n}项  每季度进展报送逾期未报送（应于2021年4月15日前）" for n in (2, 3)]),
])
def test_a_general_quarterly_report_is_owed_for_every_task_even_ongoing_work(tmp_path, as_of, lines):
    """「各牵头单位要于每季度初15日前将进展报送县政府办」 asks every task for a report, the ongoing one too: the report
    is owed, the work itself never falls due. Task 1's monthly report in March is its report for the quarter too."""
    kb = tracked_list(tmp_path, "各牵头单位要于每季度初15日前将进展报送县政府办。\n")
    run("progress", "update", "1", "--date", "2021-03-20", "--summary", "3月项目进展", "-p", str(kb))
    assert sorted(line for line in overdue(kb, as_of) if "季度" in line) == lines
