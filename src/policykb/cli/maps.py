"""The `maps` command: battle maps (作战图) as SVG, PDF and PNG."""
from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Optional

import typer

from ..output import staged_output
from . import PoliciesOption, UsageError, UserError, app, graph, info, parse_date, track


def _years(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{4})\s*[-–—~]\s*(\d{4})", text.strip())
    if not match or int(match[1]) > int(match[2]):
        raise UsageError(f"'{text}' 不是年份范围", hint="写成 2016-2020", code="bad-years")
    return int(match[1]), int(match[2])


@app.command("maps")
def maps_(output: Path = typer.Option(Path("build/maps"), "--output", "-o", help="输出文件夹。"),
          as_of: Optional[str] = typer.Option(None, "--as-of", help="以哪一天为准（YYYY-MM-DD），默认今天；决定今日线。"),
          unit: Optional[list[str]] = typer.Option(None, "--unit", help="只画这个单位的作战图（可重复）。"),
          paper: str = typer.Option("auto", "--paper", help="纸张：auto（默认：总图一张 A0，其余按行数用 A3、A2、A1 或 A0，全部原文完整、字高不小于 4 毫米）、A0、A1 单张，或 A3-tiled（A1 图分页打印在 A3 上）、A0-tiled。"),
          years: Optional[str] = typer.Option(None, "--years", help="时间轴范围（按季度），如 2016-2020；默认为各文件的实施期。"),
          format: Optional[list[str]] = typer.Option(None, "--format", "-f", help="svg、pdf、png（可重复），默认全部。"),
          policies: Path = PoliciesOption) -> None:
    """绘制作战图：总图、各部分图、各单位图（横向时间、纵向任务，倒排工期、挂图作战、按图销号）。"""
    from ..render import maps as rendering
    from ..render.maps.paper import CHOICES
    if paper not in CHOICES:
        raise UsageError(f"未知的纸张 '{paper}'", hint=f"可选 {'、'.join(CHOICES)}", code="bad-paper")
    formats = tuple(format or rendering.FORMATS)
    bad = set(formats) - set(rendering.FORMATS)
    if bad:
        raise UsageError(f"未知的格式：{'、'.join(sorted(bad))}", hint="可选 svg、pdf 或 png", code="bad-format")
    pg = graph(policies)
    units = None
    if unit:
        units = []
        for name in unit:
            found = pg.kb.unit_named(name)  # a local name of several places: AmbiguousUnit
            if found is None or found.name not in pg.units_with_tasks():
                close = difflib.get_close_matches(name, pg.units_with_tasks(), n=3, cutoff=0.4)
                hint = f"是不是 {'、'.join(close)}？" if close else "用 `policykb show 单位名` 查看"
                raise UserError(f"没有名为 '{name}' 且有任务的单位", hint=hint, code="unknown-unit")
            units.append(found.name)
    day, span = parse_date(as_of), _years(years) if years else None
    with staged_output(output, keep=units is not None) as folder:  # a failed run leaves the old maps
        manifest = rendering.write(pg, folder, as_of=day, units=units, paper=paper, formats=formats,
                                   years=span, track=track)
    info(f"已写出 {len(manifest['maps'])} 张作战图：{output}/（清单见 {output}/{rendering.MANIFEST}）")
