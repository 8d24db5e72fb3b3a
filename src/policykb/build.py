"""The main job: check the knowledge base, then write every output into build/ at once.

Gather, check, then write: nothing is rendered from a knowledge base with errors. Each stage
writes into its own staging folder; the folders replace build/<stage>/ only once every stage has
succeeded, so a failed or interrupted build leaves the previous outputs intact.
"""
from __future__ import annotations

import datetime as dt
import errno
import importlib
import os
import time
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from . import heap, parallel, paths
from .background import BackgroundFiles
from .cache import StageCache, build_inputs, code_digest, digest, stage_unchanged
from .issues import ToolError
from .lock import Busy, take
from .output import recover, refuse_protected, staged_dir
from .progress import Track, quiet
from .status import Statuses

if TYPE_CHECKING:  # imported when a stage runs: a build with nothing to do loads none of it
    from .graph import PolicyGraph
    from .track import Tracking


def _no_tracking() -> Tracking:
    from .track import Tracking
    return Tracking()


@dataclass(frozen=True)
class BuildContext:
    """What every stage may use. A stage writes only below `out(its name)`."""
    pg: PolicyGraph
    build: Path
    staged: dict[str, Path]
    as_of: dt.date
    policies: Path
    templates: Path
    tracking: Tracking = field(default_factory=_no_tracking)
    statuses: Statuses = field(default_factory=dict)
    track: Track = quiet
    options: dict = field(default_factory=dict)
    caches: dict[str, StageCache] = field(default_factory=dict)  # per stage, made on first use
    background: dict[str, BackgroundFiles] = field(default_factory=dict)  # per stage: files it is still writing

    def out(self, stage: str) -> Path:
        """Where a stage's output is: its staging folder if it runs in this build, else build/<stage>."""
        return self.staged.get(stage, self.build / stage)

    def cache(self, stage: str) -> StageCache:
        """Per-file reuse of the previous build's output of a stage (see policykb.cache)."""
        if stage not in self.caches:
            self.caches[stage] = StageCache(self.build / stage, self.out(stage), digest(code_digest(), stage))
        return self.caches[stage]


@dataclass(frozen=True)
class StageRun:
    """How a stage went: its seconds, and how many files it took from the last build or made anew."""
    seconds: float
    reused: int = 0
    rendered: int = 0

    def __str__(self) -> str:
        files = f"（沿用上次的 {self.reused} 个文件，新生成 {self.rendered} 个）" if self.reused else ""
        return f"{self.seconds:.1f} 秒{files}"


def run_json(run: StageRun | str) -> dict:
    """A stage's timing as `build --format json` reports it."""
    if isinstance(run, StageRun):
        return {"seconds": run.seconds, "reused": run.reused, "rendered": run.rendered}
    return {"unchanged": True}


@dataclass(frozen=True)
class Stage:
    """A step of the build. `target` is a function or "module:function", imported only when the
    stage runs, so that a build with nothing to do does not pay for loading every renderer."""
    name: str
    label: str
    target: Callable[[BuildContext], None] | str
    workers: tuple[str, ...] = ()  # the modules its worker processes run (parallel.warm_up)

    def run(self, ctx: BuildContext) -> None:
        target = self.target
        if isinstance(target, str):
            module, _, function = target.partition(":")
            target = getattr(importlib.import_module(module), function)
        target(ctx)


def _data(ctx: BuildContext) -> None:
    from . import export
    folder = ctx.out("data")
    for fmt in export.FORMATS:
        export.write(ctx.pg, fmt, folder / export.file_name(fmt))


# Stages run in this order; later ones may use what earlier ones wrote (the site links letters and maps).
# A stage may leave files to be written in the background (ctx.background: the letters, the maps' PDFs)
# while the next ones run; they are waited for before its keys are saved.
STAGES: list[Stage] = [
    Stage("data", "导出数据", _data),
    Stage("tracking", "跟踪进度", "policykb.track.stage:render"),
    Stage("letters", "责任书", "policykb.render.letters:stage", workers=("policykb.render.letters.write",)),
    # the maps' workers also export the PDFs: what that imports on first use (0.14 s a worker) once, beforehand
    Stage("maps", "绘制作战图", "policykb.render.maps:stage",
          workers=("policykb.render.maps.draw", "typst", "pypdf", "fontTools.cffLib")),
    Stage("site", "网站", "policykb.render.site:run_stage"),  # last: links the letters' and maps' outputs
]


class BuildError(ToolError):
    """The outputs could not be written (code as in issues.CODES); the previous outputs are intact."""

    def __init__(self, code: str, message: str, hint: str | None = None):
        super().__init__(message, hint, code)


def lock_path(out: Path | str) -> Path:
    """The lock file of an output folder: beside it, so that it exists before the folder does."""
    out = Path(os.path.abspath(out))
    return out.parent / f".{out.name}.lock"


@contextmanager
def _locked(out: Path) -> Iterator[None]:
    """Hold the output folder's lock; a second build at the same time stops with build-locked."""
    path = lock_path(out)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        open(path, "a").close()  # an unwritable folder must not read as "another build holds the lock"
        lock = take(path, wait=False)
    except Busy:
        raise BuildError("build-locked", f"另一次生成正在写入 {out}/",
                         hint="等它结束后再运行一次；已有的输出保持不变") from None
    except OSError as err:
        raise _unwritable(out, err) from None
    try:
        yield
    finally:
        lock.release()


def _unwritable(out: Path, err: OSError) -> BuildError:
    hint = "用 -o/--output 另选文件夹，或修改这个文件夹的权限；" \
           "之前的输出保持不变"
    for folder in [out, *out.parents]:
        if folder.exists() and not folder.is_dir():
            return BuildError("output-unwritable", f"无法写入 {out}/：'{folder}' 是文件，不是文件夹",
                              hint=hint)
    return BuildError("output-unwritable", f"无法写入 {out}/：{err.strerror or err}", hint=hint)


def _within(filename: str | None, folder: Path) -> bool:
    if not filename:
        return False
    return Path(os.path.abspath(filename)).is_relative_to(Path(os.path.abspath(folder)).parent)


def build(policies: Path | str = paths.POLICIES, out: Path | str = paths.BUILD, *, as_of: dt.date,
          templates: Path | str | None = None, only: list[str] | None = None, track: Track = quiet,
          options: dict | None = None, timings: dict | None = None) -> list[str]:
    """Check, then build every stage (or `only` those) into `out`.

    Raises PolicyError on bad input, BuildError when the output folder cannot be written or
    another build holds it. Outputs are staged and swapped in only when every stage succeeded.
    A stage whose inputs are unchanged since the last build is not run at all; `timings` receives
    each stage's seconds, or "unchanged".
    """
    timings = {} if timings is None else timings
    out = Path(out)
    refuse_protected(out, Path(policies))  # never `build -o .` over a project, its policies or a repository
    templates = Path(templates or paths.default_templates())
    stages = [s for s in STAGES if not only or s.name in only]
    inputs = build_inputs(Path(policies), templates, as_of, options or {})
    with _locked(out):
        try:
            recover(out)  # what a killed build left behind
            todo = [s for s in stages if not stage_unchanged(out / s.name, digest(inputs, s.name))]
            timings.update({s.name: "unchanged" for s in stages if s not in todo})
            if not todo:  # the very bytes (and code) the last successful build checked: nothing to check again
                return [s.name for s in stages]
            from .graph import PolicyGraph
            from .track import load_tracking, statuses
            from .validate import load_kb
            with ExitStack() as stack:
                stack.enter_context(heap.collecting_less())
                parallel.warm_up(m for s in todo for m in s.workers)
                kb = load_kb(policies)
                tracking = load_tracking(policies, kb)
                pg = PolicyGraph(kb)
                staged = {s.name: stack.enter_context(staged_dir(out / s.name)) for s in todo}
                ctx = BuildContext(pg=pg, build=out, staged=staged, as_of=as_of, policies=Path(policies),
                                   tracking=tracking, statuses=statuses(pg, tracking, as_of),
                                   templates=templates, track=track, options=options or {})
                heap.settle()  # the knowledge base, graph and statuses: alive to the end
                stack.callback(_stop_background, ctx)  # before the staging folders go, on failure
                started = {}
                for s in todo:
                    started[s.name] = time.perf_counter()
                    s.run(ctx)
                    if s is not todo[-1]:  # the next stage starts from what is kept, not from this one's peak
                        heap.settle()
                    if s.name not in ctx.background:
                        _finished(ctx, s.name, inputs, started[s.name], timings)
                for name, files in list(ctx.background.items()):
                    files.finish()
                    _finished(ctx, name, inputs, started[name], timings, files.ended)
                for s in todo:  # reported in the stages' order, whichever finished last
                    timings[s.name] = timings.pop(s.name)
        except OSError as err:
            if _within(err.filename, out) or err.errno in (errno.ENOSPC, errno.EDQUOT):  # disk full: any file
                raise _unwritable(out, err) from None
            raise
    return [s.name for s in stages]


def _finished(ctx: BuildContext, stage: str, inputs: str, start: float, timings: dict,
              end: float | None = None) -> None:
    """Save a stage's keys once all its files are written, and say how long it took (with its files
    written in the background, until the last was: `end`)."""
    cache = ctx.cache(stage)
    cache.save(digest(inputs, stage))
    timings[stage] = StageRun(round((end or time.perf_counter()) - start, 3), cache.reused, cache.rendered)


def _stop_background(ctx: BuildContext) -> None:
    for files in ctx.background.values():
        files.stop()


def stage_names() -> list[str]:
    return [s.name for s in STAGES]
