"""Tracking commands: status, progress …, report-forms, report-import, summary, diff."""
from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from ..output import staged_output, writing
from . import PoliciesOption, UsageError, UserError, app, info, out, parse_date

if TYPE_CHECKING:
    from ..graph import PolicyGraph

progress = typer.Typer(help="记录任务进展（不必手工编辑 YAML；注释和格式保持不变）。", no_args_is_help=True)
app.add_typer(progress, name="progress")

DocOption = typer.Option(None, "--doc", help="政策文件（只有一份时可省略）。")
UnitOption = typer.Option(None, "--unit", "-u", help="牵头单位（分别牵头的任务必填）。")
ForceOption = typer.Option(False, "--force", help="替换已有记录，或允许状态倒退。")
DateOption = typer.Option(..., "--date", help="日期（YYYY-MM-DD）。")
TRACKING_HINT = "policies/<文件>/tracking/ 下的跟踪文件和文件夹必须可写；什么也没有记录"


def _unit(pg: PolicyGraph, name: str | None, members: bool = False) -> str | None:
    """The registry name of the unit a reader typed (name, alias, full name, short name, a local name of one unit
    — of several, AmbiguousUnit names them); with
    `members`, also a member of a collective (长沙市, 中共长沙市委、长沙市人民政府) that carries tasks."""
    if name is None:
        return None
    unit = pg.kb.unit_named(name) or next((u for u in pg.kb.units.values() if name in u.names_people_use()), None)
    if unit is not None:
        return unit.name
    if members:
        from ..render.letters.recipients import member_full_name  # late: letters are heavy
        member = next((m for m in pg.members_with_tasks() if name in (m, member_full_name(m))), None)
        if member is not None:
            return member
    raise UserError(f"没有名为 '{name}' 的单位", hint="用 units.yaml 中的名称、别名或全称"
                    + ("，或集合单位的成员（如 长沙市）" if members else ""), code="unknown-unit")


@app.command()
def status(as_of: Optional[str] = typer.Option(None, "--as-of", help="以哪一天为准（YYYY-MM-DD），默认今天。"),
           unit: Optional[str] = typer.Option(None, "--unit", "-u", help="只看这个单位（名称、别名或全称；也可以是集合单位的成员，如 长沙市）。"),
           format: str = typer.Option("text", "--format", "-f", help="text 或 json。"),
           policies: Path = PoliciesOption) -> None:
    """截至某日的工作进度：哪些实施方案、年度报送、定期进展报送、任务逾期，按牵头单位列出，并给出红黄绿灯。"""
    from ..graph import PolicyGraph
    from ..track import load_tracking
    from ..track.view import status_data, status_lines
    from ..validate import load_kb
    kb = load_kb(policies)
    pg = PolicyGraph(kb)
    day, name = parse_date(as_of), _unit(pg, unit, members=True)
    tracking = load_tracking(policies, kb)
    if format == "json":
        print(json.dumps(status_data(pg, tracking, day, name), ensure_ascii=False, indent=2))
    elif format == "text":
        out.print("\n".join(status_lines(pg, tracking, day, name)), markup=False)
    else:
        raise UsageError(f"未知的格式 '{format}'", hint="可选 text 或 json", code="bad-format")


def _record(policies: Path, make, force: bool = False) -> None:
    """Check one entry, then write it; a refusal changes nothing."""
    from ..track.record import Recorder, Refused, apply, tracking_lock
    from ..validate import load_kb
    kb = load_kb(policies)
    with writing(policies, TRACKING_HINT), tracking_lock(policies):  # read, check and write as one step
        try:
            recorder = Recorder(policies, kb)
            change = make(recorder)
        except Refused as e:
            raise UserError(e.message, hint=e.hint, code=e.code)
        if change is None:
            info("已经记录过，没有改动")
            return
        written = apply([change], policies)
    for path in written:
        info(f"已记录 {change.description}：{path}")


@progress.command("plan")
def plan(task: str = typer.Argument(..., help="任务序号，或原文编号（如 二（一））。"), date: str = DateOption,
         doc_number: Optional[str] = typer.Option(None, "--doc-number", help="实施方案文号。"),
         title: Optional[str] = typer.Option(None, "--title", help="实施方案标题。"),
         unit: Optional[str] = UnitOption, doc: Optional[str] = DocOption, force: bool = ForceOption,
         policies: Path = PoliciesOption) -> None:
    """记录实施方案已出台（日期、文号）。"""
    data = {"type": "plan", "date": parse_date(date), "doc_number": doc_number, "title": title, "unit": unit}
    _record(policies, lambda r: r.event(doc, task, data, force))


@progress.command("report")
def report(task: str = typer.Argument(..., help="任务序号，或原文编号（如 二（一））。"),
           year: int = typer.Option(..., "--year", help="报送哪一年的落实情况。"), date: str = DateOption,
           summary: str = typer.Option(..., "--summary", help="年度落实情况。"),
           problems: Optional[str] = typer.Option(None, "--problems", help="存在问题。"),
           next_year: Optional[str] = typer.Option(None, "--next-year", help="下一年度工作安排。"),
           evidence: Optional[list[str]] = typer.Option(None, "--evidence", help="佐证材料（可重复）。"),
           unit: Optional[str] = UnitOption, doc: Optional[str] = DocOption, force: bool = ForceOption,
           policies: Path = PoliciesOption) -> None:
    """记录年度落实情况已报送（报送给文件 reporting 写明的汇总单位）。"""
    data = {"type": "report", "date": parse_date(date), "year": year, "summary": summary, "problems": problems,
            "next_year": next_year, "evidence": evidence or [], "unit": unit}
    _record(policies, lambda r: r.event(doc, task, data, force))


@progress.command("update")
def update(task: str = typer.Argument(..., help="任务序号，或原文编号（如 二（一））。"), date: str = DateOption,
           summary: str = typer.Option(..., "--summary", help="报送的进展。"),
           evidence: Optional[list[str]] = typer.Option(None, "--evidence", help="佐证材料（可重复）。"),
           unit: Optional[str] = UnitOption, doc: Optional[str] = DocOption,
           policies: Path = PoliciesOption) -> None:
    """记录一次进展报送（每月、每季度等定期报送的进展；年度落实情况用 progress report）。"""
    data = {"type": "update", "date": parse_date(date), "summary": summary, "evidence": evidence or [], "unit": unit}
    _record(policies, lambda r: r.event(doc, task, data))


@progress.command("state")
def state(task: str = typer.Argument(..., help="任务序号，或原文编号（如 二（一））。"),
          new_state: str = typer.Argument(..., metavar="STATE", help="未启动、推进中、已完成 或 已销号。"),
          date: str = DateOption, by: Optional[str] = typer.Option(None, "--by", help="认定单位（销号时写明）。"),
          unit: Optional[str] = UnitOption, doc: Optional[str] = DocOption, force: bool = ForceOption,
          policies: Path = PoliciesOption) -> None:
    """记录任务状态变更（未启动 → 推进中 → 已完成 → 已销号；倒退需 --force）。"""
    data = {"type": "state", "date": parse_date(date), "state": new_state, "by": by, "unit": unit}
    _record(policies, lambda r: r.event(doc, task, data, force))


@progress.command("extend")
def extend(task: str = typer.Argument(..., help="任务序号，或原文编号（如 二（一））。"), date: str = DateOption,
           original: str = typer.Option(..., "--original", help="原定日期（YYYY-MM-DD）。"),
           new: str = typer.Option(..., "--new", help="延期后的日期（YYYY-MM-DD）。"),
           reason: str = typer.Option(..., "--reason", help="延期理由。"),
           approved_by: str = typer.Option(..., "--approved-by", help="批准单位。"),
           unit: Optional[str] = UnitOption, doc: Optional[str] = DocOption,
           policies: Path = PoliciesOption) -> None:
    """记录经批准的时限延期（原定日期、新日期、理由、批准单位）。"""
    data = {"type": "extension", "date": parse_date(date), "original": parse_date(original), "new": parse_date(new),
            "reason": reason, "approved_by": approved_by, "unit": unit}
    _record(policies, lambda r: r.event(doc, task, data))


@progress.command("note")
def note(task: str = typer.Argument(..., help="任务序号，或原文编号（如 二（一））。"), date: str = DateOption,
         text: str = typer.Option(..., "--text", help="备注内容。"),
         unit: Optional[str] = UnitOption, doc: Optional[str] = DocOption,
         policies: Path = PoliciesOption) -> None:
    """给任务加一条备注。"""
    data = {"type": "note", "date": parse_date(date), "text": text, "unit": unit}
    _record(policies, lambda r: r.event(doc, task, data))


@progress.command("value")
def value(indicator: str = typer.Argument(..., help="指标 id（见 indicators.yaml）。"),
          year: int = typer.Option(..., "--year", help="年份。"),
          amount: float = typer.Option(..., "--value", help="实际值。"),
          source: str = typer.Option(..., "--source", help="数据出处。"),
          date: Optional[str] = typer.Option(None, "--date", help="数据发布日期（YYYY-MM-DD）。"),
          note: Optional[str] = typer.Option(None, "--note", help="说明。"),
          doc: Optional[str] = DocOption, force: bool = ForceOption, policies: Path = PoliciesOption) -> None:
    """记录指标某一年的实际值及其出处。"""
    day = parse_date(date) if date else None
    _record(policies, lambda r: r.value(doc, indicator, year, amount, source, day, note, force))


def _year_out(year: int, output: Optional[Path], kind: str) -> Path:
    return output or Path("build") / "tracking" / f"{year}" / kind


@app.command("report-forms")
def report_forms(year: int = typer.Option(..., "--year", help="报送年度。"),
                 output: Optional[Path] = typer.Option(None, "--output", "-o", help="输出文件夹，默认 build/tracking/<年度>/forms。"),
                 unit: Optional[list[str]] = typer.Option(None, "--unit", "-u", help="只给这些单位生成（可重复）。"),
                 policies: Path = PoliciesOption) -> None:
    """生成年度落实情况报送表（每个牵头单位一份 .xlsx，已预填任务和上年状态）。"""
    from ..graph import PolicyGraph
    from ..track import forms, load_tracking
    from ..validate import load_kb
    kb = load_kb(policies)
    pg = PolicyGraph(kb)
    units = [_unit(pg, u) for u in unit] if unit else None
    forms.check_year(pg, year)
    folder = _year_out(year, output, "forms")
    tracking = load_tracking(policies, kb)
    with staged_output(folder, keep=units is not None) as stage:  # all the forms or none
        written = forms.write_forms(pg, tracking, year, stage, units)
    info(f"已写出 {len(written)} 份报送表：{folder}/")


@app.command("report-import")
def report_import(files: list[Path] = typer.Argument(..., help="填好的报送表（.xlsx，可多个）。"),
                  force: bool = typer.Option(False, "--force", help="允许状态倒退，或替换已报送的落实情况。"),
                  policies: Path = PoliciesOption) -> None:
    """导入填好的报送表：先检查全部表格（指出工作表和单元格），全部无误才写入；重复导入不会重复记录。"""
    from ..graph import PolicyGraph
    from ..track import forms
    from ..track.record import tracking_lock
    from ..validate import load_kb
    missing = [f for f in files if not f.is_file()]
    if missing:
        raise UserError(f"没有文件 '{missing[0]}'", code="not-found")
    pg = PolicyGraph(load_kb(policies))
    with writing(policies, TRACKING_HINT), tracking_lock(policies):
        written = forms.import_forms(files, policies, pg, force)
    info(f"已导入 {len(files)} 份报送表，改动了 {len(written)} 个跟踪文件")


@app.command()
def summary(year: int = typer.Option(..., "--year", help="报送年度。"),
            as_of: Optional[str] = typer.Option(None, "--as-of", help="以哪一天为准（YYYY-MM-DD），默认今天。"),
            output: Optional[Path] = typer.Option(None, "--output", "-o", help="输出文件夹，默认 build/tracking/<年度>/summary。"),
            policies: Path = PoliciesOption) -> None:
    """生成年度汇总报告（.docx：各单位、各任务按时/逾期/未报送，进展和问题）和未报送单位的催办函；
    由各文件 document.yaml 的 reporting 写明的汇总单位署名。"""
    from ..graph import PolicyGraph
    from ..track import forms, load_tracking, reporting
    from ..track import summary as track_summary
    from ..validate import load_kb
    kb = load_kb(policies)
    tracking = load_tracking(policies, kb)
    if not tracking.documents:
        raise UserError("还没有任何进展记录", hint="先用 policykb progress … 或 report-import 记录进展",
                        code="not-found")
    folder = _year_out(year, output, "summary")
    pg, day = PolicyGraph(kb), parse_date(as_of)
    forms.check_year(pg, year)
    offices = reporting.offices(pg)
    if not offices:
        raise UserError("没有哪份文件写明年度落实情况报送给谁、由谁汇总",
                        hint="在 document.yaml 中按工作要求写 reporting:（to: 汇总单位，summary_to: 汇总报告主送机关）",
                        code="no-reporting")
    for doc in reporting.unreported(pg):
        info(f"注意：《{doc.meta.label}》没有写明年度落实情况报送给谁（document.yaml 的 reporting），未列入汇总")
    with staged_output(folder) as stage:
        written = track_summary.write_summary(pg, tracking, year, day, stage)
    info(f"已写出 {len(offices)} 份年度汇总报告和 {len(written) - len(offices)} 份催办函：{folder}/")


@app.command("diff")
def diff_(old: str = typer.Argument(..., help="较早的版本（提交、标签或分支）。"),
          new: str = typer.Argument("HEAD", help="较新的版本，默认 HEAD。"),
          format: str = typer.Option("text", "--format", "-f", help="text 或 json。"),
          policies: Path = PoliciesOption) -> None:
    """比较 policies/ 的两个 git 版本：哪些条文、任务、指标变了，涉及哪些单位，谁的责任书要重新印发。"""
    from ..track import versions
    if format not in ("text", "json"):
        raise UsageError(f"未知的格式 '{format}'", hint="可选 text 或 json", code="bad-format")
    try:
        root = versions.repo_root(policies if policies.exists() else Path("."))
        inside = Path(policies).resolve().relative_to(root.resolve()).as_posix()
        result = versions.diff(root, old, new, inside)
    except versions.VersionError as e:
        raise UserError(e.message, hint=e.hint, code=e.code)
    except ValueError:
        raise UserError(f"'{policies}' 不在 git 仓库中", code="not-found")
    if format == "json":
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        out.print("\n".join(result.lines()), markup=False)
