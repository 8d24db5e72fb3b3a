"""The main job: check the knowledge base, then write every output into build/ at once.

Gather, check, then write: nothing is rendered from a knowledge base with errors. Each stage
writes into its own staging folder; the folders replace build/<stage>/ only once every stage has
succeeded, so a failed or interrupted build leaves the previous outputs intact.
"""
from __future__ import annotations

import datetime as dt
import fcntl
import os
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from . import export, paths
from .graph import PolicyGraph
from .issues import ToolError
from .output import recover, staged_dir
from .progress import Track, quiet
from .status import Statuses
from .track import Tracking, load_tracking, statuses
from .track.stage import render as render_tracking
from .render.letters import stage as letters_stage
from .render.site import run_stage as render_site_stage
from .render import maps
from .validate import load_kb


@dataclass(frozen=True)
class BuildContext:
    """What every stage may use. A stage writes only below `out(its name)`."""
    pg: PolicyGraph
    build: Path
    staged: dict[str, Path]
    as_of: dt.date
    policies: Path
    templates: Path
    tracking: Tracking = field(default_factory=Tracking)
    statuses: Statuses = field(default_factory=dict)
    track: Track = quiet
    options: dict = field(default_factory=dict)

    def out(self, stage: str) -> Path:
        """Where a stage's output is: its staging folder if it runs in this build, else build/<stage>."""
        return self.staged.get(stage, self.build / stage)


@dataclass(frozen=True)
class Stage:
    name: str
    label: str
    run: Callable[[BuildContext], None]


def _data(ctx: BuildContext) -> None:
    folder = ctx.out("data")
    for fmt in export.FORMATS:
        export.write(ctx.pg, fmt, folder / f"policykb.{fmt}")


# Stages run in this order; later ones may use what earlier ones wrote (the site links letters and maps).
STAGES: list[Stage] = [
    Stage("data", "导出数据", _data),
    Stage("tracking", "跟踪进度", render_tracking),
    Stage("letters", "责任书", letters_stage),
    Stage("maps", "绘制作战图", maps.stage),
    Stage("site", "网站", render_site_stage),  # last: links the letters' and maps' outputs
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
        handle = open(path, "a+b")
    except OSError as err:
        raise _unwritable(out, err) from None
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildError("build-locked", f"another build is writing into {out}/ right now",
                             hint="wait for it to finish, then run again; the outputs are left as they are") \
                from None
        yield  # closing the file releases the lock, also when the process dies


def _unwritable(out: Path, err: OSError) -> BuildError:
    hint = "choose another folder with -o/--output, or fix the permissions of this one; " \
           "the previous outputs are left as they are"
    for folder in [out, *out.parents]:
        if folder.exists() and not folder.is_dir():
            return BuildError("output-unwritable", f"cannot write into {out}/: '{folder}' is a file, not a folder",
                              hint=hint)
    return BuildError("output-unwritable", f"cannot write into {out}/: {err.strerror or err}", hint=hint)


def _within(filename: str | None, folder: Path) -> bool:
    if not filename:
        return False
    return Path(os.path.abspath(filename)).is_relative_to(Path(os.path.abspath(folder)).parent)


def build(policies: Path | str = paths.POLICIES, out: Path | str = paths.BUILD, *, as_of: dt.date,
          templates: Path | str | None = None, only: list[str] | None = None, track: Track = quiet,
          options: dict | None = None) -> list[str]:
    """Check, then build every stage (or `only` those) into `out`.

    Raises PolicyError on bad input, BuildError when the output folder cannot be written or
    another build holds it. Outputs are staged and swapped in only when every stage succeeded.
    """
    kb = load_kb(policies)
    pg = PolicyGraph(kb)
    out = Path(out)
    tracking = load_tracking(policies, kb)
    stages = [s for s in STAGES if not only or s.name in only]
    with _locked(out):
        try:
            recover(out)  # what a killed build left behind
            with ExitStack() as stack:
                staged = {s.name: stack.enter_context(staged_dir(out / s.name)) for s in stages}
                ctx = BuildContext(pg=pg, build=out, staged=staged, as_of=as_of, policies=Path(policies),
                                   tracking=tracking, statuses=statuses(pg, tracking, as_of),
                                   templates=Path(templates or paths.default_templates()), track=track, options=options or {})
                for s in stages:
                    s.run(ctx)
        except OSError as err:
            if _within(err.filename, out):
                raise _unwritable(out, err) from None
            raise
    return [s.name for s in stages]


def stage_names() -> list[str]:
    return [s.name for s in STAGES]
