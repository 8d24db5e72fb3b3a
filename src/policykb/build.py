"""The main job: check the knowledge base, then write every output into build/ at once.

Gather, check, then write: nothing is rendered from a knowledge base with errors. Each stage
writes into its own staging folder; the folders replace build/<stage>/ only once every stage has
succeeded, so a failed or interrupted build leaves the previous outputs intact.
"""
from __future__ import annotations

import datetime as dt
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import export, paths
from .graph import PolicyGraph
from .output import staged_dir
from .progress import Track, quiet
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
    Stage("maps", "绘制作战图", maps.stage),
]


def build(policies: Path | str = paths.POLICIES, out: Path | str = paths.BUILD, *, as_of: dt.date,
          templates: Path | str = paths.TEMPLATES, only: list[str] | None = None, track: Track = quiet,
          options: dict | None = None) -> list[str]:
    """Check, then build every stage (or `only` those) into `out`. Raises PolicyError on bad input."""
    kb = load_kb(policies)
    pg = PolicyGraph(kb)
    stages = [s for s in STAGES if not only or s.name in only]
    with ExitStack() as stack:
        staged = {s.name: stack.enter_context(staged_dir(Path(out) / s.name)) for s in stages}
        ctx = BuildContext(pg=pg, build=Path(out), staged=staged, as_of=as_of, policies=Path(policies),
                           templates=Path(templates), track=track, options=options or {})
        for s in stages:
            s.run(ctx)
    return [s.name for s in stages]


def stage_names() -> list[str]:
    return [s.name for s in STAGES]
