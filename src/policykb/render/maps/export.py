"""SVG to PDF and PNG with cairosvg, the official font names resolved through fonts/fonts.conf.

fontconfig reads FONTCONFIG_FILE once, when cairo first asks for a font, so `use_fonts` sets it
before cairosvg is imported (an explicit FONTCONFIG_FILE in the environment wins). The SVGs ask for
text-rendering="geometricPrecision": without it cairo rounds font sizes to whole pixels on a PNG,
and lines grow out of the cells the layout measured for them.
"""
from __future__ import annotations

import io
import os
from concurrent.futures import Executor
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ... import paths
from ...parallel import workers
from . import glyphs

PNG_DPI = 96  # for the screen; the PDF is for print
PDF_EPOCH = "2016-04-01T00:00:00"  # a fixed creation date keeps PDFs byte-identical between builds


def fonts_conf() -> Path | None:
    """The knowledge base's own fonts/fonts.conf, else the one that ships with policykb."""
    found = paths.project_file(paths.FONTS_CONF)
    return found.resolve() if found.is_file() else None


def use_fonts() -> None:
    if "FONTCONFIG_FILE" not in os.environ:
        found = fonts_conf()
        if found:
            os.environ["FONTCONFIG_FILE"] = str(found)


def _cairo():
    use_fonts()
    import cairocffi
    from cairosvg import surface
    from cairosvg.parser import Tree
    # cairosvg maps geometricPrecision to ANTIALIAS_BEST, which scrambles CFF glyphs (Noto CJK) on
    # raster surfaces with cairo 1.16; grey antialiasing keeps the unhinted metrics and draws them right.
    surface.TEXT_ANTIALIAS["geometricPrecision"] = cairocffi.ANTIALIAS_GRAY
    return cairocffi, Tree


def pdf(svgs: list[str], name: str = "作战图") -> bytes:
    """One PDF with a page per SVG (all pages the size of the first); GlyphMissing when a character
    it shows has no real glyph in an embedded font (glyphs.check)."""
    cairo, Tree = _cairo()
    from cairosvg.surface import PDFSurface
    trees = [Tree(bytestring=s.encode("utf-8")) for s in svgs]
    buffer = io.BytesIO()
    shared: list = []

    class Page(PDFSurface):
        def _create_surface(self, width, height):
            if not shared:
                surface = cairo.PDFSurface(buffer, width, height)
                surface.set_metadata(cairo.PDF_METADATA_CREATE_DATE, PDF_EPOCH)
                surface.set_metadata(cairo.PDF_METADATA_CREATOR, "policykb")
                shared.append(surface)
            return shared[0], width, height

    for tree in trees:
        Page(tree, None, 96)
        shared[0].show_page()
    shared[0].finish()
    return glyphs.check(buffer.getvalue(), name)


def png(svg: str, dpi: int = PNG_DPI) -> bytes:
    _, Tree = _cairo()
    from cairosvg.surface import PNGSurface
    buffer = io.BytesIO()
    surface = PNGSurface(Tree(bytestring=svg.encode("utf-8")), buffer, dpi)
    surface.finish()
    return buffer.getvalue()


@contextmanager
def converters(jobs: int) -> Iterator[Executor]:
    """Where to run PDF/PNG conversions: worker processes (cairosvg is CPU-bound) when there are many."""
    use_fonts()  # the workers inherit the environment
    with workers(jobs) as pool:
        yield pool
