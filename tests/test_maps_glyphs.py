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

def _truetype(path) -> None:
    """A TrueType font, family PolicykbTest: 「A」 a square, 「B」 an empty glyph (as a dropped one would be),
    「C」 a copy of the .notdef box (as cairo writes a character its font lacks)."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    square = TTGlyphPen(None)
    square.moveTo((100, 0)), square.lineTo((100, 500)), square.lineTo((500, 500)), square.lineTo((500, 0))
    square.closePath()
    box = TTGlyphPen(None)
    box.moveTo((50, 0)), box.lineTo((50, 700)), box.lineTo((550, 700)), box.lineTo((550, 0))
    box.closePath()
    fb = FontBuilder(1000, isTTF=True)
    fb.setupGlyphOrder([".notdef", "A", "B", "C"])
    fb.setupCharacterMap({ord(c): c for c in "ABC"})
    fb.setupGlyf({".notdef": box.glyph(), "A": square.glyph(), "B": TTGlyphPen(None).glyph(), "C": box.glyph()})
    fb.setupHorizontalMetrics({name: (600, 0) for name in (".notdef", "A", "B", "C")})
    fb.setupHorizontalHeader(ascent=800, descent=-200)
    fb.setupNameTable({"familyName": "PolicykbTest", "styleName": "Regular", "fullName": "PolicykbTest Regular",
                       "psName": "PolicykbTest-Regular", "uniqueFontIdentifier": "PolicykbTest-Regular"})  # typst needs them
    fb.setupOS2(sTypoAscender=800, sTypoDescender=-200, usWinAscent=800, usWinDescent=200)
    fb.setupPost()
    fb.save(str(path))


def test_a_truetype_font_typst_embeds_is_checked_glyph_by_glyph(tmp_path, monkeypatch):
    """typst embeds a TrueType face as it is (FontFile2): SimHei (黑体) on Windows. Its drawn glyphs
    pass; an empty one and a copy of .notdef are named, instead of every character counting as missing."""
    import typst
    _truetype(tmp_path / "test.ttf")
    monkeypatch.setattr(export, "_typst_fonts", lambda: typst.Fonts(include_system_fonts=False,
                                                                    include_embedded_fonts=False,
                                                                    font_paths=[str(tmp_path)]))
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><text x="10" y="40"'
           ' font-family="PolicykbTest" font-size="24">{}</text></svg>')
    data = export._typst([svg.format("AAA")], "pdf")
    assert b"/FontFile2" in data and glyphs.missing_glyphs(data) == []
    found = glyphs.missing_glyphs(export._typst([svg.format("ABC")], "pdf"))
    assert [m.text for m in found] == ["BC"] and found[0].font.endswith("+PolicykbTest-Regular")


def test_a_character_no_font_can_draw_is_named_though_the_pdf_holds_no_trace_of_it(monkeypatch):
    """typst leaves out a character none of its fonts has: the check compares what the SVGs write with
    what the PDF shows (here typst has its own Latin fonts alone, as on a machine with no Chinese font)."""
    import typst
    monkeypatch.setattr(export, "_typst_fonts", lambda: typst.Fonts(include_system_fonts=False,
                                                                    include_embedded_fonts=True))
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><text x="10" y="40"'
           ' font-size="24">作战图 &amp; Map</text></svg>')
    assert glyphs.svg_text([svg]) == "作战图 & Map"
    with pytest.raises(glyphs.GlyphMissing) as caught:
        export.pdf([svg], "test.pdf")
    assert "作图战" in caught.value.message and "test.pdf" in caught.value.message
    assert "Map" not in caught.value.message.split("——")[1]
