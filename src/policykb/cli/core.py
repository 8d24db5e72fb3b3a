"""Core commands: check, show, export, import, schema, build."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .. import build as building
from .. import export as exporting
from .. import paths
from ..annotations import github_report
from ..ingest import ImportFailed, import_file
from ..output import writing
from ..schema import write_schemas
from ..show import NotFound, show as show_lines
from ..track import read_tracking
from ..validate import validate
from . import PoliciesOption, UserError, app, err, graph, out, parse_date, print_report, track


@app.command()
def check(policies: Path = PoliciesOption,
          format: str = typer.Option("text", "--format", "-f",
                                     help="输出格式：text、json，或 github（GitHub Actions 注释，标在出错的文件和行上）。"),
          strict: bool = typer.Option(False, "--strict", help="警告也视为失败。")) -> None:
    """检查知识库：一次列出全部问题（文件:行:列），有错误时退出码为 1。"""
    if format not in ("text", "json", "github"):
        raise UserError(f"unknown format '{format}'", hint="choose text, json or github", code="bad-format")
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
            err.print(f"0 error(s), 0 warning(s): {len(kb.documents)} document(s), {articles} articles, "
                      f"{tasks} tasks, {len(kb.units)} units")
    if report.failed(strict):
        raise typer.Exit(1)


@app.command()
def show(query: str = typer.Argument(..., help="任务号（69、第69项）、条文（第28条）或单位名称。"),
         doc: Optional[str] = typer.Option(None, "--doc", help="只在这个政策文件中查找。"),
         policies: Path = PoliciesOption) -> None:
    """显示一项任务、一条条文或一个单位，以及与之相关的一切。"""
    try:
        lines = show_lines(graph(policies), query, doc)
    except NotFound as e:
        raise UserError(f"nothing named '{e.query}'", hint=e.hint, code="not-found")
    out.print("\n".join(lines), markup=False)


@app.command("export")
def export_(format: str = typer.Option("json", "--format", "-f", help="json、graphml、csv 或 xlsx。"),
            output: Path = typer.Option(..., "--output", "-o", help="输出文件。"),
            policies: Path = PoliciesOption) -> None:
    """导出知识库（JSON、GraphML、CSV，或分工方案 xlsx）。"""
    if format not in exporting.FORMATS:
        raise UserError(f"unknown format '{format}'", hint=f"choose one of {', '.join(exporting.FORMATS)}",
                        code="bad-format")
    pg = graph(policies)
    with writing(output):
        exporting.write(pg, format, output)
    err.print(f"wrote {output}")


@app.command("import")
def import_(source: Path = typer.Argument(..., help="原文：.txt（UTF-8、GBK、UTF-16 均可）、.docx、.xlsx 或另存的网页 .html。"),
            directory: Path = typer.Argument(Path(paths.POLICIES), help="知识库文件夹，默认 policies。"),
            doc_id: Optional[str] = typer.Option(None, "--id", help="文件夹名，默认取原文文件名。"),
            date: Optional[str] = typer.Option(None, "--date", help="成文日期（YYYY-MM-DD），原文中找不到时给出。")) -> None:
    """把原文导入为 YAML 初稿并写出审核清单；出错时什么也不写，已有的文件夹一律不覆盖。"""
    try:
        result = import_file(source, directory, doc_id, parse_date(date) if date else None)
    except ImportFailed as e:
        raise UserError(e.message, hint=e.hint, code=e.code)
    for line in result.review:
        if not line.startswith(("[任务", "[时限]")):  # the full list is in the review file
            err.print(line, markup=False, soft_wrap=True)
    err.print(f"{result.summary}", markup=False)
    err.print(f"wrote {len(result.written)} file(s): {result.folder}/ (existing files left untouched); "
              f"next: policykb check -p {directory}", markup=False)


@app.command()
def schema(policies: Path = PoliciesOption) -> None:
    """重新生成 policies/schemas/ 下的 JSON Schema（编辑器据此补全和检查）。"""
    changed = write_schemas(policies)
    err.print(f"{len(changed)} schema file(s) updated")


@app.command("build")
def build_(policies: Path = PoliciesOption,
           output: Path = typer.Option(Path(paths.BUILD), "--output", "-o", help="输出文件夹。"),
           as_of: Optional[str] = typer.Option(None, "--as-of", help="以哪一天为准（YYYY-MM-DD），默认今天。"),
           only: Optional[list[str]] = typer.Option(None, "--only", help="只生成这些部分（可重复）。"),
           templates: Optional[Path] = typer.Option(None, "--templates", help="模板文件夹，默认 templates/。")) -> None:
    """主任务：检查知识库，然后生成全部输出到 build/（失败时保留上一次的输出）。"""
    unknown = set(only or []) - set(building.stage_names())
    if unknown:
        raise UserError(f"unknown stage(s): {', '.join(sorted(unknown))}",
                        hint=f"stages are {', '.join(building.stage_names())}", code="unknown-stage")
    timings: dict = {}
    building.build(policies, output, as_of=parse_date(as_of), templates=templates, only=only, track=track,
                   timings=timings)
    for name, run in timings.items():
        err.print(f"  {name}: {run}")
    err.print(f"built into {output}/")
