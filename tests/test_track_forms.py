"""The yearly cycle: pre-filled forms go out, filled forms come back and merge — or are refused whole."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from policykb.cli import app
from policykb.graph import PolicyGraph
from policykb.issues import PolicyError
from policykb.track import forms, load_tracking, statuses
from policykb.validate import load_kb

from conftest import DOC
from test_track_status import TASK_069, tracked_copy


def _snapshot(policies: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted((policies / DOC / "tracking").rglob("*")) if p.is_file()}


def _form(policies: Path, tmp_path: Path, unit: str, year: int = 2016) -> Path:
    result = CliRunner().invoke(app, ["report-forms", "--year", str(year), "-o", str(tmp_path / "forms"),
                                      "--unit", unit, "-p", str(policies)])
    assert result.exit_code == 0, [i.format() for i in result.exception.report.issues[:3]]
    return tmp_path / "forms" / forms.file_name(unit, year)


def _row(ws, task: int) -> int:
    return next(r for r in range(forms.FIRST_ROW, ws.max_row + 1) if ws[f"B{r}"].value == task)


def _fill(path: Path, entries: dict[int, dict[str, object]]) -> dict[int, int]:
    """Fill a form as a unit would (task -> column -> value); returns each task's row."""
    wb = load_workbook(path)
    ws = wb[forms.SHEET]
    rows = {task: _row(ws, task) for task in entries}
    for task, cells in entries.items():
        for col, value in cells.items():
            ws[f"{col}{rows[task]}"] = value
    wb.save(path)
    return rows


def test_form_is_prefilled_and_deterministic(tmp_path):
    policies = tracked_copy(tmp_path)
    path = _form(policies, tmp_path, "省扶贫办")
    wb = load_workbook(path)
    ws = wb[forms.SHEET]
    assert ws["A2"].value.startswith("报送单位：省扶贫办")
    assert ws["A2"].value.endswith("报送时限：2016年11月20日前报省扶贫办")  # the document's reporting and deadline
    assert ws["A1"].value == "2016年度重要政策措施落实情况报送表"
    kb = load_kb(policies)
    pg = PolicyGraph(kb)
    assert [ws[f"B{r}"].value for r in range(forms.FIRST_ROW, ws.max_row + 1)] == \
        [t.number for t in pg.tasks_of("省扶贫办")["lead"]]
    r = _row(ws, 69)
    assert ws[f"F{r}"].value == "推进中" and ws[f"E{r}"].value == "—"
    assert ws[f"C{r}"].value.startswith("创新发展扶贫小额信贷")
    validation = ws.data_validations.dataValidation[0]
    assert validation.formula1 == '"未启动,推进中,已完成,已销号"' and f"F{r}" in str(validation.sqref)
    assert forms.form_bytes(pg, load_tracking(policies, kb), "省扶贫办", 2016) == path.read_bytes()


def test_filled_form_round_trips(tmp_path):
    policies = tracked_copy(tmp_path)
    path = _form(policies, tmp_path, "省扶贫办")
    rows = _fill(path, {69: {"F": "推进中", "G": "全年发放扶贫小额信贷62亿元", "H": "部分县贴息资金到位慢",
                             "J": dt.datetime(2016, 11, 15), "K": "湘扶办〔2016〕30号；发放台账.xlsx"},
                        5: {"F": "已完成", "G": "已出台就业扶贫实施方案", "J": "2016-11-10"}})
    r, r5 = rows[69], rows[5]
    before = (policies / DOC / "tracking" / "tasks" / "069.yaml").read_text(encoding="utf-8")

    result = CliRunner().invoke(app, ["report-import", str(path), "-p", str(policies)])
    assert result.exit_code == 0, result.output
    text = (policies / DOC / "tracking" / "tasks" / "069.yaml").read_text(encoding="utf-8")
    assert text.startswith(before)  # the comments and the earlier event are untouched
    kb = load_kb(policies)
    tracking = load_tracking(policies, kb)
    [rep] = tracking.of(DOC, 69, kind="report")
    assert (rep.year, rep.date, rep.summary, rep.problems) == (2016, dt.date(2016, 11, 15), "全年发放扶贫小额信贷62亿元",
                                                               "部分县贴息资金到位慢")
    assert rep.evidence == ["湘扶办〔2016〕30号", "发放台账.xlsx"]
    assert statuses(PolicyGraph(kb), tracking, dt.date(2016, 12, 1))[(DOC, 5)].state == "已完成"

    snapshot = _snapshot(policies)
    again = CliRunner().invoke(app, ["report-import", str(path), "-p", str(policies)])
    assert again.exit_code == 0 and _snapshot(policies) == snapshot  # idempotent
    refilled = load_workbook(_form(policies, tmp_path / "again", "省扶贫办"))[forms.SHEET]
    assert refilled[f"G{r}"].value == "全年发放扶贫小额信贷62亿元" and refilled[f"F{r5}"].value == "已完成"


def test_separate_leads_report_for_themselves(tmp_path):
    policies = tracked_copy(tmp_path)
    path = _form(policies, tmp_path, "省工商联")
    _fill(path, {4: {"G": "组织民营企业结对帮扶", "J": "2016-11-18"}})
    assert CliRunner().invoke(app, ["report-import", str(path), "-p", str(policies)]).exit_code == 0
    [rep] = load_tracking(policies).of(DOC, 4, kind="report")
    assert rep.unit == "省工商联"


def test_bad_form_is_refused_whole(tmp_path):
    policies = tracked_copy(tmp_path)
    good = _form(policies, tmp_path, "省工商联")
    _fill(good, {4: {"G": "组织民营企业结对帮扶", "J": "2016-11-18"}})
    bad = _form(policies, tmp_path, "省扶贫办")
    rows = _fill(bad, {69: {"F": "进行中", "G": "发放62亿元", "J": "2016-11-15"},
                       5: {"G": "已出台方案", "J": "2016年11月"}})
    r69, r5 = rows[69], rows[5]
    snapshot = _snapshot(policies)
    kb = load_kb(policies)
    with pytest.raises(PolicyError) as caught:
        forms.import_forms([good, bad], policies, PolicyGraph(kb))
    messages = [i.message for i in caught.value.report.issues]
    assert any(m.startswith(f"报送表!F{r69}: '进行中' 不是任务状态") for m in messages), messages
    assert any(m.startswith(f"报送表!J{r5}: '2016年11月' 不是日期") for m in messages), messages
    assert _snapshot(policies) == snapshot  # the good form was not merged either


def test_state_backwards_names_the_cell(tmp_path):
    policies = tracked_copy(tmp_path, {"069.yaml": TASK_069 + "  - {type: state, date: 2016-10-01, state: 已完成}\n"})
    path = _form(policies, tmp_path, "省扶贫办")
    assert load_workbook(path)[forms.SHEET][f"F{_row(load_workbook(path)[forms.SHEET], 69)}"].value == "已完成"
    r = _fill(path, {69: {"F": "推进中", "G": "继续推进", "J": "2016-11-15"}})[69]
    snapshot = _snapshot(policies)
    result = CliRunner().invoke(app, ["report-import", str(path), "-p", str(policies)])
    assert result.exit_code == 1
    assert f"报送表!F{r}:" in result.exception.report.issues[0].message
    assert _snapshot(policies) == snapshot
