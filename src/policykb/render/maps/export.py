"""SVG to PDF and PNG with typst; with cairosvg (the official font names resolved through
fonts/fonts.conf) when asked for, or where typst is not installed.

typst (Apache-2.0, wheels for Linux, Windows and macOS) draws the same SVG into a PDF
with the same Noto CJK subsets, falling back along each text's font-family list (黑体 → SimHei →
Noto Sans CJK SC); POLICYKB_MAP_EXPORTER=cairo|typst chooses one by hand.

fontconfig reads FONTCONFIG_FILE once, when cairo first asks for a font, so `use_fonts` sets it
before cairosvg is imported (an explicit FONTCONFIG_FILE in the environment wins). The SVGs ask for
text-rendering="geometricPrecision": without it cairo rounds font sizes to whole pixels on a PNG,
and lines grow out of the cells the layout measured for them.
"""
from __future__ import annotations

import functools
import io
import os
import re
import tempfile
from pathlib import Path

from ... import paths, system
from . import glyphs

PNG_DPI = 96  # for the screen; the PDF is for print
# typst draws with the system's fonts; without them (a test of a machine with no Chinese font) with its own
# Latin ones alone
SYSTEM_FONTS = True
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


EXPORTERS = ("cairo", "typst")


@functools.cache
def exporter() -> str:
    """typst by default, cairo where typst is not installed (POLICYKB_MAP_EXPORTER names one by hand).

    typst is the default on every platform: the same PDFs look the same on Windows, macOS and Linux,
    it keeps the glyphs cairo 1.16's subsetter drops, and it exported the bundled maps in half the time
    at half the size (bench/results/2026-12-03-2cpu-maps-exporters.md)."""
    chosen = os.environ.get("POLICYKB_MAP_EXPORTER", "")
    if chosen in EXPORTERS:
        return chosen
    try:
        import typst  # noqa: F401
        return "typst"
    except ImportError:
        return "cairo"


def _typst(svgs: list[str], fmt: str, ppi: float | None = None) -> bytes:
    """The SVGs as pages of a typst document, each page the size of the first SVG."""
    import typst
    width, height = (_length(svgs[0], side) for side in ("width", "height"))
    with tempfile.TemporaryDirectory(prefix="policykb-typst-") as folder:
        pages = []
        for i, svg in enumerate(svgs):
            Path(folder, f"{i}.svg").write_text(svg, encoding="utf-8")
            pages.append(f'#image("{i}.svg", width: 100%)')
        source = (f"#set document(date: datetime(year: 2016, month: 4, day: 1))\n"  # same bytes each build
                  f"#set page(width: {width}, height: {height}, margin: 0pt)\n" + "\n#pagebreak()\n".join(pages))
        Path(folder, "map.typ").write_text(source, encoding="utf-8")
        return typst.compile(str(Path(folder, "map.typ")), root=folder, font_paths=_typst_fonts(), format=fmt,
                             ppi=ppi, timestamp=0, pdf_tags=False)


def _length(svg: str, side: str) -> str:
    """The root <svg>'s width or height as a typst length (a unitless SVG length is CSS px: 0.75 pt)."""
    number, unit = re.search(rf'<svg[^>]*?\s{side}="([\d.]+)\s*(mm|cm|in|pt|px)?"', svg).groups()
    return f"{number}{unit}" if unit in ("mm", "cm", "in", "pt") else f"{float(number) * 0.75}pt"


@functools.cache
def _typst_fonts():
    """The system's fonts (Windows' Fonts folder, fontconfig's folders) and POLICYKB_FONT_DIRS, read once
    per process: typst would scan them again for every map."""
    import typst
    extra = [p for p in os.environ.get(system.FONT_DIRS_ENV, "").split(os.pathsep) if p and Path(p).is_dir()]
    return typst.Fonts(include_system_fonts=SYSTEM_FONTS, include_embedded_fonts=not SYSTEM_FONTS, font_paths=extra)


def pdf(svgs: list[str], name: str = "作战图") -> bytes:
    """One PDF with a page per SVG (all pages the size of the first); GlyphMissing when a character
    it shows has no real glyph in an embedded font (glyphs.check)."""
    if exporter() == "typst":
        return glyphs.check(_typst(svgs, "pdf"), name, glyphs.svg_text(svgs))
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
    return glyphs.check(buffer.getvalue(), name, glyphs.svg_text(svgs))


def png(svg: str, dpi: int = PNG_DPI) -> bytes:
    if exporter() == "typst":
        return _typst([svg], "png", ppi=dpi)
    _, Tree = _cairo()
    from cairosvg.surface import PNGSurface
    buffer = io.BytesIO()
    surface = PNGSurface(Tree(bytestring=svg.encode("utf-8")), buffer, dpi)
    surface.finish()
    return buffer.getvalue()
