"""The glyph check's reading of the CFF fonts typst embeds in a map PDF: the same as fontTools'."""
from __future__ import annotations

import io
from types import SimpleNamespace

import pytest
from fontTools.cffLib import CFFFontSet
from fontTools.misc.psCharStrings import T2CharString
from pypdf import PdfReader

from policykb.render.maps import cff, export, glyphs

TEXT = "如期脱贫攻坚，2016年6月底前（A1纸）省扶贫办牵头《方案》"


def _embedded_fonts() -> list[bytes]:
    """The font programs of a typst PDF drawn in the three faces the maps use."""
    lines = [('', TEXT), (' font-weight="bold"', TEXT),
             (' font-family="方正小标宋简体, Noto Serif CJK SC" font-weight="bold"', "重要政策措施作战图")]
    body = "".join(f'<text x="5" y="{20 + 20 * i}" font-size="12"{extra}>{t}</text>' for i, (extra, t) in enumerate(lines))
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="300" height="80" font-family="黑体, Noto Sans CJK SC">'
           f'{body}</svg>')
    data = export._typst([svg], "pdf")
    fonts = [glyphs._descriptor(ref.get_object())["/FontFile3"].get_object().get_data()
             for ref in PdfReader(io.BytesIO(data)).pages[0]["/Resources"]["/Font"].values()]
    assert len(fonts) == 3
    return fonts


def _fonttools(data: bytes):
    fonts = CFFFontSet()
    fonts.decompile(io.BytesIO(data), None)
    return fonts, fonts[fonts.fontNames[0]]


def test_the_glyph_programs_read_from_typst_fonts_are_fonttools_own():
    for data in _embedded_fonts():
        _, top = _fonttools(data)
        expected = {int(name[3:]): top.CharStrings[name].bytecode for name in top.charset if name.startswith("cid")}
        assert cff.cid_programs(data) == expected and len(expected) >= 9
        assert glyphs._drawn(data) == glyphs._drawn_by_fonttools(data)
        assert all(glyphs._drawn(data).values())


def test_an_empty_glyph_in_a_cid_keyed_font_is_caught_by_the_fast_reading():
    """One glyph of a typst font emptied (a width and endchar, as a box-less gap would be): the bytes'
    reading finds it empty and its neighbours drawn, as fontTools does."""
    fonts, top = _fonttools(_embedded_fonts()[0])
    names = [n for n in top.charset if n.startswith("cid")]
    emptied = names[3]
    top.CharStrings[emptied] = T2CharString(program=[500, "endchar"], private=top.CharStrings[emptied].private)
    out = io.BytesIO()
    fonts.compile(out, SimpleNamespace(recalcBBoxes=False))  # no sfnt around it: nothing to recompute
    data = out.getvalue()
    assert cff.cid_programs(data) is not None  # still the fast reading's kind of font
    drawn = glyphs._drawn(data)
    assert drawn[int(emptied[3:])] is False and sum(drawn.values()) == len(names) - 1
    assert drawn == glyphs._drawn_by_fonttools(data)


@pytest.mark.parametrize("broken", [b"", b"\x01\x00\x04", b"\x01\x00\x04\x04\x00\x01\x01\x01"])
def test_bytes_the_fast_reading_does_not_follow_are_left_to_fonttools(broken):
    assert cff.cid_programs(broken) is None


def test_a_name_keyed_font_is_left_to_fonttools():
    from fontTools.fontBuilder import FontBuilder
    fb = FontBuilder(1000, isTTF=False)
    fb.setupGlyphOrder([".notdef", "cid00001"])
    fb.setupCharacterMap({})
    fb.setupCFF("Test", {}, {".notdef": T2CharString(program=["endchar"]),
                             "cid00001": T2CharString(program=[100, 100, "rmoveto", 500, "hlineto", "endchar"])}, {})
    out = io.BytesIO()
    fb.font["CFF "].cff.compile(out, fb.font)
    assert cff.cid_programs(out.getvalue()) is None and glyphs._drawn(out.getvalue()) == {1: True}
