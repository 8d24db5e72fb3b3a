"""Cascade commands (issue 24): policykb link …, policykb cascade coverage | propose | status."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from . import PoliciesOption, UserError, app, err, out, parse_date, print_report
from ..issues import Report

cascade = typer.Typer(help="层层分解：下级方案落实上级任务的情况（覆盖、关联建议、进度汇总）。", no_args_is_help=True)
app.add_typer(cascade, name="cascade")


@app.command("link")
def link_(child: str = typer.Argument(..., help="下级任务，如 zhuzhou-2016-implementation-plan#3。"),
          parent: Optional[str] = typer.Argument(None, help="它落实的上级任务，如 hunan-2016-implementation-opinions#69。"),
          part: bool = typer.Option(False, "--part", help="只落实上级任务的一部分。"),
          confirm: bool = typer.Option(False, "--confirm", help="确认建议的链接（不写上级任务时确认全部）。"),
          remove: bool = typer.Option(False, "--remove", help="删除这条链接。"),
          policies: Path = PoliciesOption) -> None:
    """写入、确认或删除下级任务与上级任务的链接（implements）；注释和格式保持不变。"""
    from ..cascade import edit as links
    from ..validate import load_kb
    kb = load_kb(policies)
    child_task = links.find_task(kb, child)
    parent_task = links.find_task(kb, parent) if parent else None
    if confirm:
        count = links.confirm(child_task, parent_task)
        err.print(f"confirmed {count} link(s) of {child}", markup=False)
        return
    if parent_task is None:
        raise UserError("请写出要链接或删除链接的上级任务", hint="policykb link 下级任务 上级任务 [--part]",
                        code="not-found")
    if remove:
        if not links.remove(child_task, parent_task):
            raise UserError(f"{child} 没有链接到 {parent}", code="not-found",
                            hint="policykb show 或任务文件的 implements 下列出了它的链接")
        err.print(f"removed the link {child} → {parent}", markup=False)
        return
    changed = links.link(child_task, parent_task, part=part)
    err.print(f"{'linked' if changed else 'already linked'} {child} → {parent}"
              f"{' (part)' if part else ''}; next: policykb check -p {policies}", markup=False)


@cascade.command("coverage")
def coverage_(doc: Optional[str] = typer.Option(None, "--doc", help="只看这份上级文件。"),
              policies: Path = PoliciesOption) -> None:
    """各成员是否逐项落实了上级任务：缺少方案的成员、方案中缺少的任务、本级任务。"""
    from ..cascade.coverage import coverage as cover, required
    from ..validate import load_kb
    kb = load_kb(policies)
    ids = [doc] if doc else [d for d in kb.documents if required(kb, kb.documents[d])]
    lines = []
    for doc_id in ids:
        if doc_id not in kb.documents:
            raise UserError(f"没有文件“{doc_id}”", hint="现有文件：" + "、".join(kb.documents),
                            code="not-found")
        found = cover(kb, doc_id).lines(kb)
        lines += [f"《{kb.documents[doc_id].meta.label}》"] + ([f"  {x}" for x in found] or ["  全部落实"])
    out.print("\n".join(lines) or "没有要求下级逐项落实的任务", markup=False)


@cascade.command("propose")
def propose_(doc: str = typer.Argument(..., help="下级文件的文件夹名。"),
             write: bool = typer.Option(False, "--write", help="把明显最佳的候选写入任务文件（proposed: true）。"),
             policies: Path = PoliciesOption) -> None:
    """为下级文件的每项任务列出最相近的上级任务及理由；--write 只写明显最佳者，标为待确认。"""
    from ..cascade import edit as links
    from ..cascade.propose import propose as rank, review
    from ..validate import load_kb
    kb = load_kb(policies)
    if doc not in kb.documents:
        raise UserError(f"没有文件“{doc}”", hint="现有文件：" + "、".join(kb.documents),
                        code="not-found")
    proposals = rank(kb, doc)
    out.print("\n".join(review(kb, proposals)), markup=False)
    if write:
        written = 0
        for p in proposals:
            if p.winner and not p.task.implements:  # links already there are people's, never replaced
                written += links.link(p.task, p.winner.task, proposed=True)
        err.print(f"wrote {written} proposed link(s); confirm with policykb link CHILD --confirm", markup=False)


@cascade.command("status")
def status_(as_of: Optional[str] = typer.Option(None, "--as-of", help="以哪一天为准（YYYY-MM-DD），默认今天。"),
            doc: Optional[str] = typer.Option(None, "--doc", help="只看这份上级文件。"),
            strict: bool = typer.Option(False, "--strict", help="有警告时退出码为 1。"),
            policies: Path = PoliciesOption) -> None:
    """上级任务的落实情况按成员汇总：完成、推进、逾期的个数和名单，灯色取最差的成员。"""
    from ..cascade.indicators import totals
    from ..cascade.rollup import line, rollups, warnings
    from ..graph import PolicyGraph
    from ..track import load_tracking, statuses
    from ..validate import load_kb
    kb = load_kb(policies)
    pg = PolicyGraph(kb)
    tracking, day = load_tracking(policies, kb), parse_date(as_of)
    states = statuses(pg, tracking, day)
    lines = [line(kb, r) for doc_id in ([doc] if doc else list(kb.documents)) for r in rollups(kb, doc_id, states)]
    lines += totals(kb.documents, kb.units, tracking.values, day, doc)  # members' targets added up
    out.print("\n".join(lines) or "没有要求下级逐项落实的任务", markup=False)
    report = Report(warnings(kb, states, policies))
    if report.issues:
        print_report(report)
    if report.failed(strict):
        raise typer.Exit(1)
