"""Status as of a date: exactly the missing plans, by lead unit; lights; reports and deadlines."""
from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from policykb.cli import app
from policykb.graph import PolicyGraph
from policykb.issues import PolicyError
from policykb.track import load_tracking, obligations, read_tracking, statuses
from policykb.validate import load_kb

from conftest import DOC, POLICIES

TASK_069 = """\
# yaml-language-server: $schema=../../../schemas/tracking-task.schema.json
# 扶贫小额信贷：省扶贫办牵头
task: 69
events:
  - type: plan  # 方案已印发
    date: 2016-06-20
    doc_number: 湘扶办发〔2016〕12号
"""
TASK_004 = """\
task: 4
events:
  - type: plan
    date: 2016-06-28
    unit: 省国资委
"""
TASK_001 = """\
task: 1
events:
  - {type: plan, date: 2016-07-05}
"""


def tracked_copy(tmp_path: Path, files: dict[str, str] | None = None) -> Path:
    """The bundled policies copied to tmp_path, with tracking files added (name -> text)."""
    policies = tmp_path / "policies"
    shutil.copytree(POLICIES, policies)
    folder = policies / DOC / "tracking" / "tasks"
    folder.mkdir(parents=True)
    default = {"069.yaml": TASK_069, "004.yaml": TASK_004, "001.yaml": TASK_001}
    for name, text in (default if files is None else files).items():
        (folder.parent / name if name == "indicators.yaml" else folder / name).write_text(text, encoding="utf-8")
    return policies


def _run(*args: str):
    result = CliRunner().invoke(app, list(args))
    return result


def test_no_tracking_means_no_statuses(pg):
    tracking = load_tracking(POLICIES, pg.kb)
    assert not tracking.documents and statuses(pg, tracking, dt.date(2020, 1, 1)) == {}


def test_missing_plans_by_lead_unit(tmp_path):
    policies = tracked_copy(tmp_path)
    result = _run("status", "--as-of", "2016-07-01", "--format", "json", "-p", str(policies))
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    missing = {(unit, o["task"]) for unit, items in data["overdue"].items() for o in items if o["kind"] == "plan"}
    kb = load_kb(policies)
    expected = set()
    for t in kb.documents[DOC].tasks.values():
        if t.number == 69:
            continue
        for unit in t.lead:
            if (t.number, unit) != (4, "省国资委"):
                expected.add((unit, t.number))
    assert missing == expected
    assert ("省工商联", 4) in missing and ("省国资委", 4) not in missing
    assert {("省国土资源厅", 8), ("省公安厅", 8), ("省住房城乡建设厅", 8)} <= missing  # separate: per lead
    assert ("省扶贫办", 5) in missing and ("省人力资源社会保障厅", 5) in missing  # joint: under both leads
    assert not any(o["task"] == 69 for items in data["overdue"].values() for o in items)


def test_status_text_names_units_and_reasons(tmp_path):
    policies = tracked_copy(tmp_path)
    result = _run("status", "--as-of", "2016-07-01", "--unit", "省工商联", "-p", str(policies))
    assert result.exit_code == 0, result.output
    assert "截至2016年7月1日（省工商联）" in result.output
    assert "省工商联（" in result.output and "第4项  实施方案逾期未出台（应于2016年6月30日前）" in result.output
    assert "省国资委（" not in result.output


def test_lights_and_reasons(tmp_path):
    policies = tracked_copy(tmp_path)
    kb = load_kb(policies)
    pg = PolicyGraph(kb)
    tracking = load_tracking(policies, kb)
    before = statuses(pg, tracking, dt.date(2016, 6, 15))
    assert before[(DOC, 2)].light == "amber" and not before[(DOC, 2)].overdue  # plan due within 30 days
    after = statuses(pg, tracking, dt.date(2016, 7, 1))
    assert after[(DOC, 2)].light == "red" and after[(DOC, 2)].overdue
    assert "实施方案逾期未出台（应于2016年6月30日前）" in after[(DOC, 2)].reasons
    assert after[(DOC, 69)].light == "green" and after[(DOC, 69)].state == "推进中"
    assert after[(DOC, 4)].light == "red" and after[(DOC, 4)].reasons == ("省工商联：实施方案逾期未出台（应于2016年6月30日前）",)
    later = statuses(pg, tracking, dt.date(2016, 7, 10))
    assert later[(DOC, 1)].light == "amber"  # issued late
    assert any("迟于时限" in r for r in later[(DOC, 1)].reasons)
    assert statuses(pg, tracking, dt.date(2016, 5, 1))[(DOC, 3)].state == "未启动"


def test_reports_extensions_and_done(tmp_path):
    policies = tracked_copy(tmp_path, {"069.yaml": TASK_069 + """\
  - {type: report, year: 2016, date: 2016-11-15, summary: 发放小额信贷62亿元}
  - {type: extension, date: 2017-10-01, original: 2017-11-20, new: 2017-12-31, reason: 年度统计口径调整, approved_by: 省扶贫办}
""", "002.yaml": """\
task: 2
events:
  - {type: plan, date: 2016-06-01}
  - {type: state, date: 2016-10-01, state: 已完成}
  - {type: state, date: 2016-12-01, state: 已销号, by: 省扶贫办}
"""})
    kb = load_kb(policies)
    pg = PolicyGraph(kb)
    tracking = load_tracking(policies, kb)
    day = dt.date(2017, 12, 1)
    obs = {(o.task, o.kind, o.year): o for o in obligations(pg, tracking, day) if o.task in (2, 69)}
    assert obs[(69, "report", 2016)].met == dt.date(2016, 11, 15) and not obs[(69, "report", 2016)].late
    assert obs[(69, "report", 2017)].due == dt.date(2017, 12, 31) and not obs[(69, "report", 2017)].overdue
    assert not any(o.overdue for o in obs.values())
    assert (2, "report", 2017) not in obs  # done in 2016: nothing more to report
    st = statuses(pg, tracking, day)
    assert st[(DOC, 2)].state == "已销号" and st[(DOC, 2)].light == "green"
    assert st[(DOC, 69)].light == "amber"  # the 2017 report falls due within 30 days, under an extension
    assert statuses(pg, tracking, dt.date(2018, 1, 2))[(DOC, 69)].light == "red"
    assert "2017年度落实情况报送逾期未报送（应于2017年12月31日前，已延期）" in \
        statuses(pg, tracking, dt.date(2018, 1, 2))[(DOC, 69)].reasons


def test_bad_tracking_files_are_located(tmp_path):
    policies = tracked_copy(tmp_path, {"004.yaml": """\
task: 4
events:
  - type: plan
    date: 2016-06-28
  - type: report
    date: 2016-02-30
    unit: 省国资委
    year: 2016
    summary: x
  - type: note
    date: 2016-05-01
    unit: 省财政厅
    text: 参与单位
""", "070.yaml": "task: 71\nevents: []\n"})
    kb = load_kb(policies)
    tracking, report = read_tracking(policies, kb)
    found = {(Path(i.file).name, i.line, i.code) for i in report.issues}
    assert ("004.yaml", 6, "bad-date") in found
    assert ("070.yaml", 1, "number-mismatch") in found
    try:
        load_tracking(policies, kb)
    except PolicyError as e:
        assert e.report.errors
    else:
        raise AssertionError("bad tracking files must be refused")
    policies2 = tracked_copy(tmp_path / "b", {"004.yaml": TASK_004.replace("省国资委", "省财政厅"),
                                              "008.yaml": "task: 8\nevents:\n  - {type: plan, date: 2016-06-01}\n"})
    _, report = read_tracking(policies2, load_kb(policies2))
    found = {(Path(i.file).name, i.line, i.col, i.code) for i in report.issues}
    assert found == {("004.yaml", 5, 11, "not-a-lead"), ("008.yaml", 3, 5, "unit-required")}


def test_demo_tracking_loads_clean_and_shows_extensions(tmp_path):
    """The example folder stays valid; an approved extension turns a missed date amber, not red."""
    from conftest import ROOT
    policies = tmp_path / "policies"
    shutil.copytree(POLICIES, policies)
    shutil.copytree(ROOT / "examples" / "tracking-demo" / "tracking", policies / DOC / "tracking")
    kb = load_kb(policies)
    tracking, report = read_tracking(policies, kb)
    assert [i.format() for i in report.issues] == []
    st = statuses(PolicyGraph(kb), tracking, dt.date(2016, 7, 1))[(DOC, 4)]
    assert st.light == "amber" and st.reasons == ("省工商联：实施方案已延期至2016年9月30日（原定2016年6月30日）",)
    assert statuses(PolicyGraph(kb), tracking, dt.date(2016, 10, 1))[(DOC, 4)].light == "green"


def test_without_records_after_the_period_the_headline_gives_no_build_date():
    """A status printed years after the period names the period's end, not the day it was printed."""
    result = CliRunner().invoke(app, ["status", "-p", str(POLICIES), "--as-of", dt.date.today().isoformat()])
    assert result.exit_code == 0, result.output
    assert "实施期（2016—2020年）已结束" in result.output and str(dt.date.today().year) not in result.output
    during = CliRunner().invoke(app, ["status", "-p", str(POLICIES), "--as-of", "2017-01-01"])
    assert "截至2017年1月1日" in during.output


def test_status_of_a_member_of_a_collective_and_by_full_name(tmp_path):
    """长沙市 gets a letter, so `status -u 长沙市` answers: the tasks its collectives give it."""
    policies = tracked_copy(tmp_path)
    for name in ("长沙市", "中共长沙市委、长沙市人民政府"):
        result = _run("status", "--as-of", "2016-07-01", "--format", "json", "-u", name, "-p", str(policies))
        assert result.exit_code == 0, result.output
        data = json.loads(result.output)
        assert {t["task"] for t in data["tasks"]} == {49, 66}  # 第49项 names 长沙市 among the cities
        assert {(u, o["task"]) for u, items in data["overdue"].items() for o in items} == {("长沙市", 66)}
    zhangjiajie = json.loads(_run("status", "--as-of", "2016-07-01", "--format", "json", "-u", "张家界市",
                                  "-p", str(policies)).output)
    assert {t["task"] for t in zhangjiajie["tasks"]} == {66}  # 第49项 does not name 张家界市
    full = _run("status", "--as-of", "2016-07-01", "-u", "湖南省教育厅", "-p", str(policies))
    assert full.exit_code == 0 and "截至2016年7月1日（省教育厅）" in full.output
    unknown = _run("status", "--as-of", "2016-07-01", "-u", "长沙", "-p", str(policies))
    assert unknown.exit_code == 1 and "没有名为 '长沙' 的单位" in str(unknown.exception)


def test_a_separate_lead_that_started_moves_the_task(tmp_path):
    """第4项: 省国资委 issued its plan, 省工商联 has not — the task is under way, and says how far."""
    policies = tracked_copy(tmp_path)
    kb = load_kb(policies)
    pg = PolicyGraph(kb)
    tracking = load_tracking(policies, kb)
    four = statuses(pg, tracking, dt.date(2016, 7, 1))[(DOC, 4)]
    assert four.state == "推进中" and four.label == "推进中（1/2个牵头单位已启动）"
    assert four.light == "red"  # 省工商联's plan is still overdue
    from policykb.render.site.pages import status_view  # the task page and tables say the same
    assert status_view({(DOC, 4): four}, kb.documents[DOC].tasks[4])["state"] == "推进中（1/2个牵头单位已启动）"
    assert statuses(pg, tracking, dt.date(2016, 6, 1))[(DOC, 4)].label == "未启动"  # before the plan
    assert statuses(pg, tracking, dt.date(2016, 7, 1))[(DOC, 69)].label == "推进中"  # one lead: no count
    data = json.loads(_run("status", "--as-of", "2016-07-01", "--format", "json", "-p", str(policies)).output)
    row = next(t for t in data["tasks"] if t["task"] == 4)
    assert (row["state"], row["state_detail"]) == ("推进中", "1/2个牵头单位已启动")
