"""Core commands: init, check, show, export, import, schema, build."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import json
import os
import traceback

import typer

from .. import paths
from ..issues import PolicyError
from ..output import writing
from . import (PoliciesOption, UsageError, UserError, app, detail, graph, info, out, parse_date, print_report,
               site_problems, track)


@app.command()
def init(folder: Path = typer.Argument(..., help="新知识库的文件夹（不存在或为空）。"),
         empty: bool = typer.Option(False, "--empty", help="不带自带的政策文件，只建空的单位名录（之后用 policykb import 导入原文）。")) -> None:
    """新建一个知识库：policies/（自带的政策文件，或空的）、可修改的 templates/ 和网站设置 mkdocs.yml。"""
    from .. import scaffold
    written = scaffold.init(folder, empty=empty)
    info(f"已新建知识库 {folder}/（{len(written)} 个文件）")
    info(f"下一步：cd \"{folder}\" && " + ("policykb import 原文.docx policies" if empty else "policykb build"))


@app.command()
def check(policies: Path = PoliciesOption,
          format: str = typer.Option("text", "--format", "-f",
                                     help="输出格式：text、json，或 github（GitHub Actions 注释，标在出错的文件和行上）。"),
          strict: bool = typer.Option(False, "--strict", help="警告也视为失败。")) -> None:
    """检查知识库：一次列出全部问题（文件:行:列），有错误时退出码为 1。"""
    from ..annotations import github_report
    from ..track import read_tracking
    from ..validate import validate
    if format not in ("text", "json", "github"):
        raise UsageError(f"未知的格式 '{format}'", hint="可选 text、json 或 github", code="bad-format")
    kb, report = validate(policies)
    if kb is not None:
        report.extend(read_tracking(policies, kb)[1].issues)
    if format == "json":
        print(report.to_json())
    elif format == "github":
        print(github_report(report))
    else:
        if report.issues:
            print_report(report)
        else:
            tasks = sum(len(d.tasks) for d in kb.documents.values())
            articles = sum(len(d.articles) for d in kb.documents.values())
            info(f"0 个错误，0 个警告：{len(kb.documents)} 份文件，{articles} 条条文，{tasks} 项任务，"
                 f"{len(kb.units)} 个单位")
    if report.failed(strict):
        raise typer.Exit(1)


@app.command()
def show(query: str = typer.Argument(..., help="任务号（69、第69项）、条文（第28条）或单位名称。"),
         doc: Optional[str] = typer.Option(None, "--doc", help="只在这个政策文件中查找。"),
         policies: Path = PoliciesOption) -> None:
    """显示一项任务、一条条文或一个单位，以及与之相关的一切。"""
    from ..show import NotFound, show as show_lines
    try:
        lines = show_lines(graph(policies), query, doc)
    except NotFound as e:
        raise UserError(f"没有名为 '{e.query}' 的任务、条文或单位", hint=e.hint, code="not-found")
    out.print("\n".join(lines), markup=False)


@app.command("export")
def export_(format: str = typer.Option("json", "--format", "-f", help="json、graphml、csv 或 xlsx。"),
            output: Path = typer.Option(..., "--output", "-o", help="输出文件。"),
            policies: Path = PoliciesOption) -> None:
    """导出知识库（JSON、GraphML、CSV，或分工方案 xlsx）。"""
    from .. import export as exporting
    if format not in exporting.FORMATS:
        raise UsageError(f"未知的格式 '{format}'", hint=f"可选 {'、'.join(exporting.FORMATS)}", code="bad-format")
    pg = graph(policies)
    with writing(output):
        exporting.write(pg, format, output)
    info(f"已写出 {output}")


DEBUG = "POLICYKB_DEBUG"  # set: a program error during import shows its traceback


def _where(error: BaseException) -> str:
    """The innermost line of policykb's own code the error passed through: 「ingest/clauses.py 第123行」."""
    frames = traceback.extract_tb(error.__traceback__)
    frame = ([f for f in frames if "policykb" in Path(f.filename).parts] or frames)[-1]
    path = Path(frame.filename)
    shown = "/".join(path.parts[path.parts.index("policykb") + 1:]) if "policykb" in path.parts else path.name
    return f"{shown} 第{frame.lineno}行"


@app.command("import")
def import_(source: Path = typer.Argument(..., help="原文：.txt（UTF-8、GBK、UTF-16 均可）、.docx、.xlsx、另存的网页 .html、有文字的 PDF 或电子公文 OFD；.doc、.wps、.xls、.et 等由 LibreOffice 转换后读取。"),
            directory: Path = typer.Argument(Path(paths.POLICIES), help="知识库文件夹，默认 policies。"),
            doc_id: Optional[str] = typer.Option(None, "--id", help="文件夹名，默认取原文文件名。"),
            date: Optional[str] = typer.Option(None, "--date", help="成文日期（YYYY-MM-DD），原文中找不到时给出。"),
            issuer: Optional[list[str]] = typer.Option(None, "--issuer",
                                                       help="发文机关全称，原文中找不到或读错时给出；联合发文写多次。")) -> None:
    """把原文导入为 YAML 初稿并写出审核清单；出错时什么也不写，已有的文件夹一律不覆盖。"""
    from ..ingest import ImportFailed, import_file
    try:
        result = import_file(source, directory, doc_id, parse_date(date) if date else None,
                             tuple(i.strip() for i in issuer or () if i.strip()))
    except ImportFailed as e:
        raise UserError(e.message, hint=e.hint, code=e.code)
    except Exception as e:  # noqa: BLE001  a reader's bug on a layout it never met: said plainly, nothing written
        if os.environ.get(DEBUG):
            raise
        raise UserError(f"读取 {source.name} 时程序出错（{type(e).__name__}，{_where(e)}），没有写出任何文件",
                        hint=f"请把这份原文和这条信息发给维护者；设置环境变量 {DEBUG}=1 后重试可看到完整的出错经过",
                        code="import-internal") from None
    for line in result.review:
        # the full lists (tasks, deadlines, each task's candidate parents) are in the review file
        if not line.startswith(("[任务", "[时限]", " ", "\u3000")):
            info(line)
    info(f"{result.summary}")
    info(f"已写出 {len(result.written)} 个文件：{result.folder}/（已有的文件未改动）；下一步：policykb check -p {directory}")


@app.command()
def schema(policies: Path = PoliciesOption) -> None:
    """重新生成 policies/schemas/ 下的 JSON Schema（编辑器据此补全和检查）。"""
    from ..schema import write_schemas
    changed = write_schemas(policies)
    info(f"更新了 {len(changed)} 个 schema 文件")


@app.command("build")
def build_(policies: Path = PoliciesOption,
           output: Path = typer.Option(Path(paths.BUILD), "--output", "-o", help="输出文件夹。"),
           as_of: Optional[str] = typer.Option(None, "--as-of", help="以哪一天为准（YYYY-MM-DD），默认今天。"),
           only: Optional[list[str]] = typer.Option(None, "--only", help="只生成这些部分（可重复）。"),
           templates: Optional[Path] = typer.Option(None, "--templates", help="模板文件夹，默认 templates/，没有时用自带的。"),
           format: str = typer.Option("text", "--format", "-f",
                                      help="text，或 json（各阶段用时和复用情况；出错时是问题列表）。")) -> None:
    """主任务：检查知识库，然后生成全部输出到 build/（失败时保留上一次的输出）。"""
    from .. import build as building
    unknown = set(only or []) - set(building.stage_names())
    if unknown:
        raise UsageError(f"未知的阶段：{'、'.join(sorted(unknown))}",
                         hint=f"可选的阶段：{'、'.join(building.stage_names())}", code="unknown-stage")
    if format not in ("text", "json"):
        raise UsageError(f"未知的格式 '{format}'", hint="可选 text 或 json", code="bad-format")
    timings: dict = {}
    try:
        with site_problems():
            building.build(policies, output, as_of=parse_date(as_of), templates=templates, only=only, track=track,
                           timings=timings)
    except PolicyError as e:
        if format != "json":
            raise
        print(e.report.to_json())
        raise typer.Exit(1)
    if format == "json":
        print(json.dumps({"output": str(output), "stages": {name: building.run_json(run) for name, run in
                                                            timings.items()}}, ensure_ascii=False, indent=2))
        return
    for name, run in timings.items():
        detail(f"  {name}：{'未变，跳过' if run == 'unchanged' else run}")
    made = [name for name, run in timings.items() if run != "unchanged"]
    info(f"已构建到 {output}/" + (f"（{'、'.join(made)}）" if made else "（输入没有变化，什么也没重做）"))
