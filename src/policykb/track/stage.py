"""A build stage for tracking (for build.STAGES): status as of the build date and indicator charts.

    build/tracking/status.json          what `policykb status --format json` prints, for the as-of date
    build/tracking/status.txt           the same as text
    build/tracking/charts/<doc>/<id>.svg  one chart per indicator, values up to the as-of date
"""
from __future__ import annotations

import json
from pathlib import Path

from ..output import write_or_link
from .charts import indicator_svgs
from .view import status_data, status_lines

NAME = "tracking"


def render(ctx) -> None:
    """Stage entry point: Stage("tracking", "跟踪进度", track.stage.render)."""
    folder = ctx.out(NAME)
    tracking = ctx.tracking
    sts = ctx.statuses or None  # the build computed them for every stage
    data = status_data(ctx.pg, tracking, ctx.as_of, sts=sts)
    lines = status_lines(ctx.pg, tracking, ctx.as_of, sts=sts, data=data)
    put = _Writer(folder, ctx.build / NAME)
    put("status.json", (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    put("status.txt", ("\n".join(lines) + "\n").encode("utf-8"))
    for (doc, ident), svg in ctx.track(sorted(indicator_svgs(ctx.pg, tracking, ctx.as_of).items()), "指标图"):
        put(f"charts/{doc}/{ident}.svg", svg.encode("utf-8"))


class _Writer:
    """Files into the stage's staging folder (published whole when the build ends), each linked from the
    last build's output when its bytes are the same: most charts are, after any edit."""

    def __init__(self, folder: Path, previous: Path):
        self.folder, self.previous, self.made = folder, previous, set()

    def __call__(self, rel: str, data: bytes) -> None:
        target = self.folder / rel
        if target.parent not in self.made:
            target.parent.mkdir(parents=True, exist_ok=True)
            self.made.add(target.parent)
        write_or_link(target, data, self.previous / rel)
