"""The `letters` command: responsibility letters for every unit, or for the units named."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .. import paths
from ..output import staged_output
from . import PoliciesOption, UserError, app, graph, info, parse_date, track


@app.command()
def letters(output: Path = typer.Option(Path(paths.BUILD) / "letters", "--output", "-o", help="输出文件夹。"),
            unit: Optional[list[str]] = typer.Option(None, "--unit", "-u", help="只为这个单位生成（规范名称或别名，可重复）。"),
            pdf: bool = typer.Option(False, "--pdf", help="同时用 LibreOffice 转成 PDF。"),
            zip_: bool = typer.Option(False, "--zip", help="另外把每个文件的责任书打包为该文件文件夹中的 责任书.zip。"),
            overview: bool = typer.Option(False, "--overview",
                                          help="同时为每个文件生成 分工方案.docx 和 .xlsx（在该文件的文件夹中，与 --zip 一并打包）。"),
            as_of: Optional[str] = typer.Option(None, "--as-of", help="以哪一天为准（YYYY-MM-DD），默认今天。"),
            template: Optional[Path] = typer.Option(None, "--template",
                                                    help="责任书模板（.docx，可在 Word 中修改），默认 templates/letter.docx，没有时用自带的。"),
            policies: Path = PoliciesOption) -> None:
    """为每个有任务的单位生成责任书（.docx），列明其牵头和参与的任务、时限、指标和考核要求。"""
    from ..render import letters as lettering
    template = template or paths.default_templates() / lettering.TEMPLATE
    pg = graph(policies)
    try:
        units = lettering.resolve_units(pg, unit) if unit else None
        with staged_output(output, keep=True) as folder:
            done = lettering.write_letters(pg, folder, template, as_of=parse_date(as_of), units=units, pdf=pdf,
                                           make_zip=zip_, with_overview=overview, fonts_conf=paths.project_file(paths.FONTS_CONF), track=track)
    except lettering.LetterError as e:
        raise UserError(e.message, hint=e.hint, code=e.code) from None
    info(f"已写出 {len(done)} 份责任书：{output}/")
    if units is None:
        for doc in pg.documents():  # the clerk who counts the letters learns why one unit has none
            for issuer in sorted(u for u in lettering.issuing_units(pg, doc) if u in pg.kb.units):
                if count := sum(map(len, pg.tasks_of(issuer, doc.id).values())):
                    info(f"{issuer}是《{doc.meta.label}》的发文机关（甲方），它承担的 {count} 项任务不写责任书")
