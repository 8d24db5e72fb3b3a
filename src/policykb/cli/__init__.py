"""The `policykb` command: a thin layer over the library. Only this package imports typer and rich."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Iterable, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from .. import daterange, paths
from ..graph import PolicyGraph
from ..issues import PolicyError, Report, ToolError
from ..validate import load_kb

app = typer.Typer(help="policykb：把政策文件变成可检查的任务、责任书、作战图和网站。",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)
T = TypeVar("T")

PoliciesOption = typer.Option(Path(paths.POLICIES), "--policies", "-p", help="政策知识库文件夹。")


class UserError(ToolError):
    """A user's mistake found by the CLI itself: printed as message + hint, exit status 1, no traceback."""


def print_report(report: Report, console: Console = err) -> None:
    for issue in report.sorted():  # one unwrapped line per issue, so editors and CI can link to file:line:col
        colour = "red" if issue.severity == "error" else "yellow"
        console.print(f"{escape(issue.file)}:{issue.line}:{issue.col}: "
                      f"[{colour}]{issue.severity}\\[{issue.code}][/]: {escape(issue.message)}",
                      markup=True, highlight=False, soft_wrap=True)
        if issue.hint:
            console.print(f"  hint: {issue.hint}", markup=False, soft_wrap=True)
    console.print(f"{len(report.errors)} error(s), {len(report.warnings)} warning(s)")


def graph(policies: Path) -> PolicyGraph:
    return PolicyGraph(load_kb(policies))


def parse_date(text: str | None) -> dt.date:
    if text is None:
        return dt.date.today()
    try:
        date = dt.date.fromisoformat(text)
    except ValueError:
        raise UserError(f"'{text}' is not a date", hint="write it as YYYY-MM-DD, e.g. 2016-07-01", code="bad-date")
    if daterange.out_of_range(date):  # 9999-12-31 overflows the date arithmetic further on
        raise UserError(f"'{text}' is outside the dates this tool works with", hint=daterange.RANGE_HINT,
                        code="bad-date")
    return date


def track(items: Iterable[T], label: str) -> Iterable[T]:
    """A rich progress bar on stderr for long loops; silent when stderr is not a terminal."""
    items = list(items)
    if not err.is_terminal:
        return items
    return _bar(items, label)


def _bar(items: list, label: str):
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True) as progress:
        yield from progress.track(items, description=label)


def main() -> None:
    try:
        app()
    except PolicyError as e:
        print_report(e.report)
        sys.exit(1)
    except ToolError as e:
        err.print(f"error[{e.code}]: {e.message}", markup=False, soft_wrap=True)
        if e.hint:
            err.print(f"  hint: {e.hint}", markup=False, soft_wrap=True)
        sys.exit(1)


from . import core  # noqa: E402,F401  (registers the commands)
from . import tracking  # noqa: E402,F401  (tracking commands; not "track": that name is the progress bar)
from . import letters  # noqa: E402,F401
from . import site  # noqa: E402,F401  (policykb site)
from . import maps  # noqa: E402,F401  (battle maps)
