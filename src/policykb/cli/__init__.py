"""The `policykb` command: a thin layer over the library. Only this package imports typer and rich.

Exit status: 0 done; 1 the knowledge base or an input file has a problem (the messages say which and
where); 2 the command line is wrong (unknown option, stage or format); 3 something the computer lacks
or refuses (a font, LibreOffice, a writable or unlocked output folder). Results and summaries go to
stdout (-q silences them); stderr carries only problems, so a clean run leaves it empty.
"""
from __future__ import annotations

import datetime as dt
import logging
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from .. import __version__, daterange, paths
from ..issues import PolicyError, Report, ToolError, exit_status

if TYPE_CHECKING:
    from ..graph import PolicyGraph

# Each command imports what it needs when it runs (the knowledge base's models, networkx, python-docx,
# mkdocs …): `policykb --help` or a mistyped option need none of it.

# jieba configures its own logger when imported and then reports "Building prefix dict …" on
# stderr; a filter set now, before anything imports it, survives that and keeps its warnings.
logging.getLogger("jieba").addFilter(lambda record: record.levelno >= logging.WARNING)

app = typer.Typer(help="policykb：把政策文件变成可检查的任务、责任书、作战图和网站。\n\n"
                       "退出码：0 成功；1 知识库或输入文件有问题；2 命令行用错；3 缺少字体、LibreOffice，"
                       "或输出文件夹不可写、正被占用。",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
                  context_settings={"help_option_names": ["-h", "--help"]})
err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)
T = TypeVar("T")
verbosity = {"level": 0}  # -q: -1, -v: 1 (set by the root callback for the whole run)

PoliciesOption = typer.Option(Path(paths.POLICIES), "--policies", "-p", help="政策知识库文件夹。")


class UserError(ToolError):
    """A user's mistake found by the CLI itself: printed as message + hint, no traceback."""


class UsageError(UserError):
    """The command line itself is wrong (exit status 2, as for typer's own usage errors)."""
    status = 2


def info(message: str) -> None:
    """A summary line on stdout ("已写出 89 份责任书"), unless -q."""
    if verbosity["level"] >= 0:
        out.print(message, markup=False, soft_wrap=True)


def detail(message: str) -> None:
    """A line only -v shows (stage timings, reused files)."""
    if verbosity["level"] > 0:
        out.print(message, markup=False, soft_wrap=True)


def _version(value: bool) -> None:
    if value:
        out.print(f"policykb {__version__}", markup=False)
        raise typer.Exit()


@app.callback()
def root(version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True,
                                      help="显示版本号并退出。"),
         quiet: bool = typer.Option(False, "--quiet", "-q", help="成功时不输出任何内容（只报告问题）。"),
         verbose: bool = typer.Option(False, "--verbose", "-v", help="多输出一些：各阶段用时、复用了多少文件。")) -> None:
    """policykb：把政策文件变成可检查的任务、责任书、作战图和网站。"""
    if quiet and verbose:
        raise UsageError("-q 与 -v 不能同时使用", hint="只保留其中一个", code="bad-format")
    verbosity["level"] = -1 if quiet else 1 if verbose else 0


@contextmanager
def site_problems() -> Iterator[None]:
    """mkdocs in strict mode stops with 「Aborted with 1 warnings」; it logs which page and which
    link beforehand (SiteError.warnings). Those warnings become the message of the site-failed error."""
    try:
        yield
    except Exception as e:
        site = sys.modules.get("policykb.render.site.build")  # a SiteError comes from there, imported by then
        if site is None or not isinstance(e, site.SiteError):
            raise
        found = "；".join(e.warnings) or str(e)
        raise UserError(f"网站生成失败（严格模式）：{found}",
                        hint="改正上面指出的页面中的链接或模板；之前的输出保持不变", code="site-failed") from None


def print_report(report: Report, console: Console = err) -> None:
    for issue in report.sorted():  # one unwrapped line per issue, so editors and CI can link to file:line:col
        colour = "red" if issue.severity == "error" else "yellow"
        console.print(f"{escape(issue.file)}:{issue.line}:{issue.col}: "
                      f"[{colour}]{issue.severity}\\[{issue.code}][/]: {escape(issue.message)}",
                      markup=True, highlight=False, soft_wrap=True)
        if issue.hint:
            console.print(f"  hint: {issue.hint}", markup=False, soft_wrap=True)
    console.print(f"{len(report.errors)} 个错误，{len(report.warnings)} 个警告")


def graph(policies: Path) -> PolicyGraph:
    from ..graph import PolicyGraph
    from ..validate import load_kb
    return PolicyGraph(load_kb(policies))


def parse_date(text: str | None) -> dt.date:
    if text is None:
        return dt.date.today()
    try:
        date = dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"'{text}' 不是日期", hint="写成 YYYY-MM-DD，如 2016-07-01", code="bad-date")
    if daterange.out_of_range(date):  # 9999-12-31 overflows the date arithmetic further on
        raise UserError(f"'{text}' 超出本工具处理的日期范围", hint=daterange.RANGE_HINT, code="bad-date")
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
    from .. import parallel
    parallel.preload(__name__)  # the workers run the console script again: it imports this package
    try:
        app()
    except PolicyError as e:
        print_report(e.report)
        sys.exit(1)
    except ToolError as e:
        err.print(f"error[{e.code}]: {e.message}", markup=False, soft_wrap=True)
        if e.hint:
            err.print(f"  hint: {e.hint}", markup=False, soft_wrap=True)
        sys.exit(getattr(e, "status", None) or exit_status(e.code))


from . import core  # noqa: E402,F401  (registers the commands)
from . import tracking  # noqa: E402,F401  (tracking commands; not "track": that name is the progress bar)
from . import letters  # noqa: E402,F401
from . import site  # noqa: E402,F401  (policykb site)
from . import maps  # noqa: E402,F401  (battle maps)
from . import cascade  # noqa: E402,F401  (issue 24: policykb link, policykb cascade …)
