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
from .. import textrules
from ..deadlines import cn_date
from ..export import append_row, set_cell
from ..issues import Issue, PolicyError, Report, ToolError
from ..model import MAX_TEXT
from ..names import safe_filename
from ..load import display_path
from ..model import Task
from ..output import atomic_write
from .. import printsetup
from ..reproducible import normalize_zip
from . import formlimits, reporting
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
    return f"{year}年度落实情况报送表-{safe_filename(unit)}.xlsx"


def year_range(pg: PolicyGraph) -> tuple[int, int]:
    """The years reports can be for: from the first policy's year to the last period's end."""
    docs = list(pg.documents())
    first = min(d.meta.date.year for d in docs)
    ends = [d.meta.period.end.year for d in docs if d.meta.period]
    last = max(ends) if len(ends) == len(docs) else max(first, dt.date.today().year)
    return first, last


def check_year(pg: PolicyGraph, year: int) -> None:
    first, last = year_range(pg)
    if not first <= year <= last:
        raise ToolError(f"{year}年不在政策的实施期（{first}–{last}年）内",
                        hint=f"给出 {first} 至 {last} 之间的年份", code="year-outside-period")


def _who(task: Task, unit: str) -> str | None:
    return unit if task.lead_mode == "separate" else None


def form_bytes(pg: PolicyGraph, tracking: Tracking, unit: str, year: int) -> bytes:
    """One unit's form for a year: its lead tasks, last year's status, anything already reported."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    wb.properties.creator = "policykb"
    wb.properties.created = wb.properties.modified = dt.datetime(year, 1, 1)  # the form's year: same bytes each run
    ws = wb.active
    ws.title = SHEET
    last_column = max(COLUMNS)
    docs = tuple(dict.fromkeys(t.doc for t in lead_tasks(pg, unit)))
    set_cell(ws["A1"], f"{year}年度{reporting.measures(pg, docs)}落实情况报送表")
    ws["A1"].font = Font(name="黑体", size=16)
    ws.merge_cells(f"A1:{last_column}1")
    set_cell(ws["A2"], f"报送单位：{unit}　　报送年度：{year}　　报送时限：{_where_to(pg, docs, year)}")
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
            set_cell(ws[f"{col}{row}"], value)
            ws[f"{col}{row}"].alignment = Alignment(wrap_text=True, vertical="top")
        status.add(f"F{row}")
        prefilled.append(["prefill", task.doc, task.number, values["F"]])
        row += 1
    ws.freeze_panes = f"C{FIRST_ROW}"
    printsetup.landscape(ws, f"{FIRST_ROW - 1}:{FIRST_ROW - 1}", printsetup.A3)  # the column headers on each page
    meta = wb.create_sheet(META)
    meta.sheet_state = "hidden"
    for key, value in (("mark", MARK), ("unit", unit), ("year", year), ("rows", row - FIRST_ROW)):
        append_row(meta, [key, value])
    for line in prefilled:  # a status is recorded on import only when the unit changed it
        append_row(meta, line)
    out = io.BytesIO()
    wb.save(out)
    return normalize_zip(out.getvalue())


def _where_to(pg: PolicyGraph, docs: tuple[str, ...], year: int) -> str:
    """By when and to whom, as each document's 工作要求 says (「2016年11月20日前报省扶贫办」)."""
    said = []
    for doc in map(pg.kb.documents.get, docs):
        due, to = reporting.due(doc, year), doc.meta.reporting and doc.meta.reporting.to
        if due or to:
            said.append((f"{cn_date(due)}前" if due else "") + (f"报{to}" if to else ""))
    return "；".join(dict.fromkeys(said)) or "见文件工作要求"


def _mode(task: Task) -> str:
    from ..export import LEAD_MODE_LABEL
    return LEAD_MODE_LABEL[task.lead_mode] if len(task.lead) > 1 else "牵头"


def write_forms(pg: PolicyGraph, tracking: Tracking, year: int, folder: Path, units: list[str] | None = None) -> list[Path]:
    check_year(pg, year)
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


def _issue(shown: str, row: int, col: str, code: str, message: str, hint: str | None = None) -> Issue:
    return Issue(shown, row, ord(col) - 64, code, f"{SHEET}!{col}{row}: {message}", hint=hint)


def _open(path: Path, shown: str):
    """The workbook, opened read-only after the size limits are checked; or the issue why not."""
    from openpyxl import load_workbook
    try:
        formlimits.check_zip(path)
        return load_workbook(path, read_only=True, data_only=True), None
    except formlimits.FormTooLarge as e:
        return None, Issue(shown, 0, 0, "form-too-large", str(e),
                           hint="填写 policykb report-forms 生成的表格；不要把整份文件粘贴到单元格里")
    except Exception as e:  # openpyxl raises many kinds for a file that is not a workbook
        return None, Issue(shown, 0, 0, "bad-form", f"无法读取这个表格（{type(e).__name__}）",
                           hint="按发来的 .xlsx 格式交回，在 Excel 或 WPS 中保存为 .xlsx")


def _meta(wb) -> tuple[dict, dict]:
    """The hidden sheet: its key/value lines and the statuses the form was sent out with."""
    lines = [row for _, row in formlimits.sheet_rows(wb[META], 1)] if META in wb.sheetnames else []
    meta = {_text(r.get(1)): r.get(2) for r in lines}
    prefilled = {(_text(r.get(2)), _text(r.get(3))): _text(r.get(4)) for r in lines if r.get(1) == "prefill"}
    return meta, prefilled


def _cell_problem(value, col: str) -> tuple[str, str, str] | None:
    """(code, message, hint) when a cell holds what `check` would refuse in the tracking file."""
    text = _text(value)
    if len(text) > MAX_TEXT:
        return ("text-too-long", f"有 {len(text):,} 个字符，一个单元格最多 {MAX_TEXT:,} 个",
                "写一段概要；长篇材料作为佐证材料另附")
    found = textrules.first_bad_character(text)
    if found:
        return ("bad-character", textrules.character_message(found[1]), textrules.CHARACTER_HINT)
    return None


def read_form(path: Path, pg: PolicyGraph) -> tuple[Form | None, list[Issue]]:
    """Read a returned form within the limits of formlimits; every problem names the sheet and cell."""
    shown = display_path(Path(path))
    wb, problem = _open(path, shown)
    if problem:
        return None, [problem]
    try:
        return _read(wb, shown, pg)
    except formlimits.FormTooLarge as e:
        return None, [Issue(shown, 0, 0, "form-too-large", str(e),
                            hint="填写 policykb report-forms 生成的表格；不要增加行或列")]
    except Exception as e:  # a part openpyxl cannot parse: tampered or broken XML
        return None, [Issue(shown, 0, 0, "bad-form", f"无法读取这个表格（{type(e).__name__}）",
                            hint="按发来的 .xlsx 格式交回，在 Excel 或 WPS 中保存为 .xlsx")]
    finally:
        wb.close()


def _read(wb, shown: str, pg: PolicyGraph) -> tuple[Form | None, list[Issue]]:
    issues: list[Issue] = []
    meta, prefilled = _meta(wb)
    if meta.get("mark") != MARK or SHEET not in wb.sheetnames:
        return None, [Issue(shown, 0, 0, "bad-form", "这不是 policykb 的报送表格（缺少隐藏的工作表）",
                            hint="填写 policykb report-forms 生成的表格")]
    unit, year_text = _text(meta.get("unit")), _text(meta.get("year"))
    if pg.kb.unit(unit) is None:
        return None, [Issue(shown, 0, 0, "bad-form", f"表格所属的单位 '{unit[:40]}' 不在单位名录中",
                            hint="填写 policykb report-forms 为本单位生成的表格")]
    first, last = year_range(pg)
    if not (year_text.isascii() and year_text.isdigit()) or not first <= int(year_text) <= last:
        return None, [Issue(shown, 0, 0, "year-outside-period", f"表格的年份 '{year_text[:20]}' 不在政策的"
                            f"年份之内（{first}–{last}）", hint="填写 policykb report-forms 生成的表格")]
    year, unit = int(year_text), pg.kb.unit(unit).name
    rows, seen = [], {}
    for r, cells in formlimits.sheet_rows(wb[SHEET], FIRST_ROW):
        cells = {col: cells.get(ord(col) - 64) for col in COLUMNS}
        if all(_text(v) == "" for v in cells.values()):
            continue
        bad = [(col, p) for col in COLUMNS if (p := _cell_problem(cells[col], col))]
        for col, (code, message, hint) in bad:
            issues.append(_issue(shown, r, col, code, message, hint))
        if bad:
            continue
        doc, number = _text(cells["A"]), _text(cells["B"])
        numeric = number.isascii() and number.isdigit()
        task = pg.kb.documents[doc].tasks.get(int(number)) if doc in pg.kb.documents and numeric else None
        if task is None or unit not in task.lead:
            issues.append(_issue(shown, r, "B", "bad-form", f"'{doc[:20]} {number[:20]}' 不是{unit}牵头的任务",
                                 hint="不要改动 A、B 两列"))
            continue
        if (doc, task.number) in seen:
            issues.append(_issue(shown, r, "B", "duplicate-report", f"任务 {task.number} 也在第 "
                                 f"{seen[(doc, task.number)]} 行", hint="每项任务只占一行；不要复制行"))
            continue
        seen[(doc, task.number)] = r
        state = _text(cells["F"])
        if state not in STATES:
            issues.append(_issue(shown, r, "F", "bad-form", f"'{state[:20]}' 不是任务状态",
                                 hint="从 未启动、推进中、已完成、已销号 中选一个"))
        values = {field: _text(cells[col]) for col, field in FIELDS.items()}
        values["evidence"] = [v.strip() for v in values["evidence"].replace(";", "；").split("；") if v.strip()]
        reported = bool(values["summary"])
        date = _date(cells["J"])
        if reported and date is None:
            issues.append(_issue(shown, r, "J", "bad-form", f"'{_text(cells['J'])[:20]}' 不是日期"
                                 if _text(cells["J"]) else "报送日期是空的",
                                 hint="按 YYYY-MM-DD 填写，如 2016-11-15"))
        elif date and date > dt.date.today():
            issues.append(_issue(shown, r, "J", "date-in-future", f"{date.isoformat()} 是将来的日期",
                                 hint="填写报送当天的日期"))
        if not reported and any([values["problems"], values["next_year"], values["evidence"], _text(cells["J"])]):
            issues.append(_issue(shown, r, "G", "bad-form", "年度落实情况是空的，但这一行填了其他内容",
                                 hint="填写 G 列，或清空这一行"))
        changed = state if state != prefilled.get((doc, str(task.number))) else None
        rows.append(FormRow(r, doc, task.number, changed, values if reported else {}, date))
    return Form(shown, unit, year, rows), issues


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
                        force=force))
                day = row.date or dt.date(form.year, 12, 31)
                current = Answer(recorder.tracking, task, who, day).state()
                if row.state in STATES and row.state != current:
                    changes.append(recorder.event(row.doc, row.task, {
                        "type": "state", "date": day, "unit": who, "state": row.state}, force=force))
            except Refused as e:
                col = "F" if e.code == "state-backwards" else "J" if "date" in e.code else \
                    "G" if e.code == "duplicate-report" else "B"
                code = e.code if e.code in ("duplicate-report", "date-in-future", "state-backwards") else "bad-form"
                report.add(form.path, row.cell_row, ord(col) - 64, code, f"{SHEET}!{col}{row.cell_row}: "
                           f"{e.message}", hint=e.hint)
    if report.failed():
        raise PolicyError(report)
    return apply(changes, policies)

