"""The yearly cycle in spreadsheets: a pre-filled report form per lead unit, and importing it back.

Forms go out as .xlsx (one per lead unit: its tasks, last year's status, a status list to pick
from); they come back filled in. Import checks every returned form first and names the sheet and
cell of each problem (报送表!F7); only when all are clean are the events written.
"""
from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from ..graph import PolicyGraph
from ..issues import Issue, PolicyError, Report
from ..load import display_path
from ..model import Task
from ..output import atomic_write
from ..reproducible import normalize_zip
from .load import Tracking
from .model import STATES
from .record import Recorder, Refused, apply
from .status import Answer

SHEET = "报送表"
META = "policykb"
MARK = "policykb-report-form"
FIRST_ROW = 5
# column letter -> (header, width)
COLUMNS = {
    "A": ("文件", 10), "B": ("序号", 6), "C": ("任务内容", 50), "D": ("牵头方式", 10), "E": ("上年状态", 10),
    "F": ("本年状态", 10), "G": ("年度落实情况", 50), "H": ("存在问题", 30), "I": ("下一年度工作安排", 30),
    "J": ("报送日期", 12), "K": ("佐证材料（多项用；分隔）", 30),
}
FIELDS = {"G": "summary", "H": "problems", "I": "next_year", "K": "evidence"}


def lead_tasks(pg: PolicyGraph, unit: str) -> list[Task]:
    return pg.tasks_of(unit)["lead"]


def form_units(pg: PolicyGraph) -> list[str]:
    """Every unit that leads at least one task: each gets a form."""
    return [u for u in pg.kb.units if lead_tasks(pg, u)]


def file_name(unit: str, year: int) -> str:
    return f"{year}年度落实情况报送表-{unit}.xlsx"


def _who(task: Task, unit: str) -> str | None:
    return unit if task.lead_mode == "separate" else None


def form_bytes(pg: PolicyGraph, tracking: Tracking, unit: str, year: int) -> bytes:
    """One unit's form for a year: its lead tasks, last year's status, anything already reported."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    wb.properties.creator = "policykb"
    wb.properties.created = wb.properties.modified = dt.datetime(2016, 4, 1)
    ws = wb.active
    ws.title = SHEET
    last_column = max(COLUMNS)
    ws["A1"] = f"{year}年度重要政策措施落实情况报送表"
    ws["A1"].font = Font(name="黑体", size=16)
    ws.merge_cells(f"A1:{last_column}1")
    ws["A2"] = f"报送单位：{unit}　　报送年度：{year}　　报送时限：{year}年11月20日前报省扶贫办"
    ws["A3"] = ("填表说明：本年状态从下拉列表中选择；填写了“年度落实情况”的行视为已报送，须同时填写报送日期"
                "（YYYY-MM-DD）；不要增删列，不要修改 A、B 两列。")
    for cell in ("A2", "A3"):
        ws.merge_cells(f"{cell}:{last_column}{cell[1:]}")
    for col, (header, width) in COLUMNS.items():
        ws[f"{col}4"] = header
        ws[f"{col}4"].font = Font(bold=True)
        ws.column_dimensions[col].width = width
    status = DataValidation(type="list", formula1='"' + ",".join(STATES) + '"', allow_blank=False,
                            showErrorMessage=True, errorTitle="状态", error="请从列表中选择：" + "、".join(STATES))
    ws.add_data_validation(status)
    row, prefilled = FIRST_ROW, []
    for task in lead_tasks(pg, unit):
        answer_last = Answer(tracking, task, _who(task, unit), dt.date(year - 1, 12, 31))
        answer_now = Answer(tracking, task, _who(task, unit), dt.date(year, 12, 31))
        reported = [e for e in answer_now.events if e.type == "report" and e.year == year
                    and e.unit in (None, unit)]
        values = {"A": task.doc, "B": task.number, "C": task.text, "D": _mode(task),
                  "E": answer_last.state() if year > min(d.meta.date.year for d in pg.documents()) else "—",
                  "F": answer_now.state()}
        if reported:
            r = reported[-1]
            values.update(G=r.summary, H=r.problems, I=r.next_year, J=r.date.isoformat(), K="；".join(r.evidence))
        for col, value in values.items():
            ws[f"{col}{row}"] = value
            ws[f"{col}{row}"].alignment = Alignment(wrap_text=True, vertical="top")
        status.add(f"F{row}")
        prefilled.append(["prefill", task.doc, task.number, values["F"]])
        row += 1
    ws.freeze_panes = f"C{FIRST_ROW}"
    meta = wb.create_sheet(META)
    meta.sheet_state = "hidden"
    for key, value in (("mark", MARK), ("unit", unit), ("year", year), ("rows", row - FIRST_ROW)):
        meta.append([key, value])
    for line in prefilled:  # a status is recorded on import only when the unit changed it
        meta.append(line)
    out = io.BytesIO()
    wb.save(out)
    return normalize_zip(out.getvalue())


def _mode(task: Task) -> str:
    from ..export import LEAD_MODE_LABEL
    return LEAD_MODE_LABEL[task.lead_mode] if len(task.lead) > 1 else "牵头"


def write_forms(pg: PolicyGraph, tracking: Tracking, year: int, folder: Path, units: list[str] | None = None) -> list[Path]:
    written = []
    for unit in units or form_units(pg):
        path = Path(folder) / file_name(unit, year)
        atomic_write(path, form_bytes(pg, tracking, unit, year))
        written.append(path)
    return written


@dataclass
class FormRow:
    cell_row: int
    doc: str
    task: int
    state: str | None  # only when the unit changed the pre-filled status
    values: dict  # report fields, or empty when the row was not reported
    date: dt.date | None


@dataclass
class Form:
    path: str
    unit: str
    year: int
    rows: list[FormRow]


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(_text(value))
    except ValueError:
        return None


def read_form(path: Path, pg: PolicyGraph) -> tuple[Form | None, list[Issue]]:
    """Read a returned form; every problem names the sheet and cell."""
    from openpyxl import load_workbook
    shown = display_path(Path(path))
    issues: list[Issue] = []

    def bad(row: int, col: str, message: str, hint: str | None = None) -> None:
        issues.append(Issue(shown, row, ord(col) - 64, "bad-form", f"{SHEET}!{col}{row}: {message}", hint=hint))

    try:
        wb = load_workbook(path, data_only=True)
    except Exception as e:  # openpyxl raises many kinds for a file that is not a workbook
        return None, [Issue(shown, 0, 0, "bad-form", f"cannot read the workbook ({type(e).__name__})",
                            hint="return the .xlsx as it was sent, saved in Excel or WPS format .xlsx")]
    lines = list(wb[META].iter_rows(values_only=True)) if META in wb.sheetnames else []
    meta = {r[0]: r[1] for r in lines}
    prefilled = {(r[1], r[2]): r[3] for r in lines if r[0] == "prefill" and len(r) >= 4}
    if meta.get("mark") != MARK or SHEET not in wb.sheetnames:
        return None, [Issue(shown, 0, 0, "bad-form", "not a policykb report form (its hidden sheet is missing)",
                            hint="fill in the form made by policykb report-forms")]
    unit, year = str(meta.get("unit")), int(meta.get("year"))
    if pg.kb.unit(unit) is None:
        return None, [Issue(shown, 0, 0, "bad-form", f"the form is for unknown unit '{unit}'")]
    ws = wb[SHEET]
    rows = []
    for r in range(FIRST_ROW, ws.max_row + 1):
        cells = {col: ws[f"{col}{r}"].value for col in COLUMNS}
        if all(_text(v) == "" for v in cells.values()):
            continue
        doc, number = _text(cells["A"]), _text(cells["B"])
        task = pg.kb.documents[doc].tasks.get(int(number)) if doc in pg.kb.documents and number.isdigit() else None
        if task is None or unit not in task.lead:
            bad(r, "B", f"'{doc} {number}' is not a task led by {unit}", hint="do not change columns A and B")
            continue
        state = _text(cells["F"])
        if state not in STATES:
            bad(r, "F", f"'{state}' is not a status", hint="choose 未启动、推进中、已完成 or 已销号")
        values = {field: _text(cells[col]) for col, field in FIELDS.items()}
        values["evidence"] = [v.strip() for v in values["evidence"].replace(";", "；").split("；") if v.strip()]
        reported = bool(values["summary"])
        date = _date(cells["J"])
        if reported and date is None:
            bad(r, "J", f"'{_text(cells['J'])}' is not a date" if _text(cells["J"]) else "the report date is empty",
                hint="write it as YYYY-MM-DD, e.g. 2016-11-15")
        if not reported and any([values["problems"], values["next_year"], values["evidence"], _text(cells["J"])]):
            bad(r, "G", "年度落实情况 is empty but the row has other entries", hint="fill in G or clear the row")
        changed = state if state != prefilled.get((doc, task.number)) else None
        rows.append(FormRow(r, doc, task.number, changed, values if reported else {}, date))
    return Form(shown, pg.kb.unit(unit).name, year, rows), issues


def import_forms(paths: list[Path], policies: Path, pg: PolicyGraph, force: bool = False) -> list[Path]:
    """Check every form, then merge them all, or raise PolicyError and write nothing. Idempotent."""
    report = Report()
    forms = []
    for path in paths:
        form, issues = read_form(path, pg)
        report.extend(issues)
        if form:
            forms.append(form)
    recorder = Recorder(policies, pg.kb)
    changes = []
    for form in forms:
        for row in form.rows:
            task = pg.task(row.doc, row.task)
            who = _who(task, form.unit)  # joint and single leads report for the task as a whole
            try:
                if row.values and row.date:
                    changes.append(recorder.event(row.doc, row.task, {
                        "type": "report", "date": row.date, "unit": who, "year": form.year, **row.values},
                        force=True))
                day = row.date or dt.date(form.year, 12, 31)
                current = Answer(recorder.tracking, task, who, day).state()
                if row.state in STATES and row.state != current:
                    changes.append(recorder.event(row.doc, row.task, {
                        "type": "state", "date": day, "unit": who, "state": row.state}, force=force))
            except Refused as e:
                col = "F" if e.code == "state-backwards" else "J" if "date" in e.code else "B"
                report.add(form.path, row.cell_row, ord(col) - 64, "bad-form", f"{SHEET}!{col}{row.cell_row}: "
                           f"{e.message}", hint=e.hint)
    if report.failed():
        raise PolicyError(report)
    return apply(changes, policies)

