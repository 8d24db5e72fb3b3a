"""A build stage for tracking (for build.STAGES): status as of the build date and indicator charts.

    build/tracking/status.json          what `policykb status --format json` prints, for the as-of date
    build/tracking/status.txt           the same as text
    build/tracking/charts/<doc>/<id>.svg  one chart per indicator, values up to the as-of date
"""
from __future__ import annotations

import json

from ..output import atomic_write
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
    atomic_write(folder / "status.json", (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    atomic_write(folder / "status.txt", ("\n".join(lines) + "\n").encode("utf-8"))
    for (doc, ident), svg in ctx.track(sorted(indicator_svgs(ctx.pg, tracking, ctx.as_of).items()), "指标图"):
        atomic_write(folder / "charts" / doc / f"{ident}.svg", svg.encode("utf-8"))
