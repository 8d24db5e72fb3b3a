"""progress commands: entries are checked, refusals change nothing, edits keep comments and layout."""
from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from policykb.cli import app
from policykb.track import load_tracking
from policykb.validate import load_kb

from conftest import DOC
from test_track_status import TASK_069, tracked_copy

def run(policies: Path, *args: str):
    return CliRunner().invoke(app, ["progress", *args, "-p", str(policies)])


def test_plan_appends_and_keeps_everything_else(tmp_path):
    policies = tracked_copy(tmp_path)
    path = policies / DOC / "tracking" / "tasks" / "069.yaml"
    before = path.read_bytes()
    result = run(policies, "report", "69", "--year", "2016", "--date", "2016-11-15", "--summary", "发放小额信贷62亿元",
                 "--evidence", "湘扶办〔2016〕30号", "--evidence", "统计表.xlsx")
    assert result.exit_code == 0, result.output
    after = path.read_bytes()
    assert after.startswith(before)  # every byte before the new event is unchanged, comments included
    assert after[len(before):].decode() == (
        "  - type: report\n    date: 2016-11-15\n    year: 2016\n    summary: 发放小额信贷62亿元\n"
        "    evidence:\n      - 湘扶办〔2016〕30号\n      - 统计表.xlsx\n")
    events = load_tracking(policies).of(DOC, 69, kind="report")
    assert events[0].summary == "发放小额信贷62亿元" and events[0].year == 2016
    again = run(policies, "report", "69", "--year", "2016", "--date", "2016-11-15", "--summary", "发放小额信贷62亿元",
                "--evidence", "湘扶办〔2016〕30号", "--evidence", "统计表.xlsx")
    assert again.exit_code == 0 and path.read_bytes() == after  # idempotent


def test_new_file_gets_schema_line(tmp_path):
    policies = tracked_copy(tmp_path)
    result = run(policies, "plan", "8", "--date", "2016-06-30", "--unit", "省公安厅", "--doc-number", "湘公发〔2016〕9号")
    assert result.exit_code == 0, result.output
    text = (policies / DOC / "tracking" / "tasks" / "008.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../../schemas/tracking-task.schema.json\ntask: 8\n")
    assert "unit: 省公安厅" in text and (policies / "schemas" / "tracking-task.schema.json").exists()


def _refused(policies: Path, path: Path, *args: str) -> str:
    before = path.read_bytes()
    result = run(policies, *args)
    assert result.exit_code == 1, result.output
    assert path.read_bytes() == before
    return str(result.exception) + result.output


def test_refusals_change_nothing(tmp_path):
    policies = tracked_copy(tmp_path)
    tasks = policies / DOC / "tracking" / "tasks"
    p4, p69 = tasks / "004.yaml", tasks / "069.yaml"
    assert "没有第96项任务" in _refused(policies, p69, "plan", "96", "--date", "2016-06-01")
    assert "不是第4项的牵头单位" in _refused(policies, p4, "plan", "4", "--date", "2016-06-01", "--unit", "省财政厅")
    assert "分别牵头" in _refused(policies, p4, "plan", "4", "--date", "2016-06-01")
    assert "早于政策的发文日期" in _refused(policies, p69, "note", "69", "--date", "2015-12-01", "--text", "x")
    assert "已经记录过" in _refused(policies, p69, "plan", "69", "--date", "2016-06-21")
    assert "不是日期" in _refused(policies, p69, "plan", "69", "--date", "2016-02-30")
    assert "不晚于原时限" in _refused(policies, p69, "extend", "69", "--date", "2016-06-01",
                                                "--original", "2016-06-30", "--new", "2016-06-01",
                                                "--reason", "x", "--approved-by", "省扶贫办")
    assert run(policies, "state", "69", "已销号", "--date", "2016-12-01", "--by", "省扶贫办").exit_code == 0
    assert "进度倒退" in _refused(policies, p69, "state", "69", "推进中", "--date", "2017-01-01")
    assert "'state'" in _refused(policies, p69, "state", "69", "进行中", "--date", "2017-01-01")
    assert run(policies, "state", "69", "推进中", "--date", "2017-01-01", "--force").exit_code == 0
    assert "没有指标“nope”" in _refused(policies, p69, "value", "nope", "--year", "2017", "--value", "1",
                                           "--source", "x")


def test_force_replaces_in_place(tmp_path):
    policies = tracked_copy(tmp_path)
    path = policies / DOC / "tracking" / "tasks" / "069.yaml"
    result = run(policies, "plan", "69", "--date", "2016-06-21", "--doc-number", "湘扶办发〔2016〕13号", "--force")
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8") == TASK_069.replace(
        "  - type: plan  # 方案已印发\n    date: 2016-06-20\n    doc_number: 湘扶办发〔2016〕12号\n",
        "  - type: plan  # 方案已印发\n    date: 2016-06-21\n    doc_number: 湘扶办发〔2016〕13号\n")


def test_indicator_values(tmp_path):
    policies = tracked_copy(tmp_path, {"069.yaml": TASK_069, "indicators.yaml": "# 实际值，按年份\nindicators: []\n"})
    for year, amount in (("2016", "62"), ("2017", "130.5")):
        result = run(policies, "value", "microcredit-5-years", "--year", year, "--value", amount, "--source", f"省扶贫办{year}年统计")
        assert result.exit_code == 0, result.output
    path = policies / DOC / "tracking" / "indicators.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# 实际值，按年份\nindicators:\n  - id: microcredit-5-years\n")
    values = load_tracking(policies, load_kb(policies)).values[(DOC, "microcredit-5-years")]
    assert [(v.year, v.value) for v in values] == [(2016, 62.0), (2017, 130.5)]
    assert "已有2017年的数值" in _refused(policies, path, "value", "microcredit-5-years", "--year", "2017", "--value", "1",
                                             "--source", "x")


def test_a_batch_killed_between_its_renames_is_finished_by_the_next_read(tmp_path, monkeypatch):
    """report-import writes several tracking files: a kill after the first rename must not leave an
    import that looks complete (issue 26); the journal lets the next read finish it."""
    import os

    from policykb.track import journal
    from policykb.track.record import Recorder, apply

    policies = tracked_copy(tmp_path)
    kb = load_kb(policies)
    recorder = Recorder(policies, kb)
    changes = [recorder.event(DOC, 69, {"type": "state", "date": "2016-08-01", "state": "推进中"}),
               recorder.event(DOC, 4, {"type": "state", "date": "2016-08-01", "state": "推进中",
                                        "unit": kb.documents[DOC].tasks[4].lead[0]})]
    renames = []

    def killed_after_one(src, dst):
        if str(dst).endswith(journal.JOURNAL):  # the journal's own atomic write
            return os.rename(src, dst)
        if renames:
            raise KeyboardInterrupt  # Ctrl-C between two renames
        renames.append(dst)
        os.replace(src, dst)
    monkeypatch.setattr(os, "replace", killed_after_one)
    try:
        apply(changes, policies)
    except KeyboardInterrupt:
        pass
    monkeypatch.undo()
    assert len(renames) == 1 and (policies / journal.JOURNAL).exists()
    tracking = load_tracking(policies)  # completes the journal first
    assert not (policies / journal.JOURNAL).exists()
    assert [e.state for e in tracking.of(DOC, 69, kind="state")][-1] == "推进中"
    assert [e.state for e in tracking.of(DOC, 4, kind="state")][-1] == "推进中"
    assert not list(policies.rglob("*.tmp"))
