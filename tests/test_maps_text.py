"""Wrapping Chinese text for the map cells: line-break rules, shortening with …, real widths."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from policykb.render.maps import text

CHARS = "扶贫产业项目建设，。、；：（）《》“”0123456789abcXYZ%…"


def test_metrics_are_the_installed_noto_widths():
    assert text.width("中文", 10) == pytest.approx(20)
    assert 0 < text.width("1", 10) < 10  # proportional digits
    assert text.width("中", 10, "serif-bold") == pytest.approx(10)


def test_no_line_starts_with_closing_or_ends_with_opening_punctuation(doc):
    for task in doc.tasks.values():
        for limit in (17.0, 31.0, 60.0):
            lines = text.wrap(task.text, limit, 3.0)
            assert "".join(lines) == task.text
            for line in lines:
                assert line[0] not in text.CLOSING, (task.number, line)
                assert line[-1] not in text.OPENING, (task.number, line)
                assert text.width(line, 3.0) <= limit + 1e-9


def test_numbers_and_latin_words_are_not_split():
    lines = text.wrap("力争2016年发放小额信贷60亿元，5年累计达到300亿元", 12, 3.0)
    assert all(not line[0].isdigit() or not prev[-1].isdigit() for prev, line in zip(lines, lines[1:]))
    long = text.wrap("abcdefghijklmnopqrstuvwxyz", 20, 3.0)
    assert all(line.endswith("-") for line in long[:-1]) and "".join(l.rstrip("-") for l in long) == \
        "abcdefghijklmnopqrstuvwxyz"


def test_shortened_text_ends_with_an_ellipsis_and_fits():
    source = "创新发展扶贫小额信贷，为有需求的贫困户提供免抵押、免担保、基础利率、全额贴息的扶贫小额信贷。"
    lines = text.wrap(source, 40, 3.0, max_lines=2)
    assert len(lines) == 2 and lines[-1].endswith("…") and not lines[-1].endswith("，…")
    assert source.startswith("".join(lines)[:-1])
    assert all(text.width(line, 3.0) <= 40 for line in lines)


def test_unit_lists_break_between_names_and_say_how_many_when_cut():
    names = ["省扶贫办", "省农村信用联社", "人民银行长沙中心支行", "省财政厅", "农业银行湖南省分行"]
    lines = text.wrap_names(names, 36, 3.0)
    assert "".join(lines) == "、".join(names)
    assert all(line.endswith("、") or line == lines[-1] for line in lines)
    cut = text.wrap_names(names, 36, 3.0, max_lines=2)
    assert len(cut) == 2 and cut[-1].endswith("等5个") and all(text.width(l, 3.0) <= 36 for l in cut)
    joint = text.wrap_names(["省国资委", "省工商联"], 25, 3.0, suffix="（分别牵头）")
    assert joint == ["省国资委、", "省工商联", "（分别牵头）"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=CHARS, min_size=1, max_size=80), st.floats(min_value=6.0, max_value=80.0),
       st.integers(min_value=1, max_value=4))
def test_wrapping_keeps_every_rule(source, limit, max_lines):
    lines = text.wrap(source, limit, 3.0, max_lines=max_lines)
    assert len(lines) <= max_lines
    for line in lines:
        assert text.width(line, 3.0) <= limit + 1e-9
    full = text.wrap(source, limit, 3.0)
    if len(full) <= max_lines:
        assert "".join(l.removesuffix("-") if l.endswith("-") and l[-2:-1].isascii() else l for l in lines) \
            .replace("-", "") == source.replace("-", "")
    else:
        assert lines[-1].endswith("…")


def _font(path, chars: dict[int, int]) -> None:
    """A TrueType font with one glyph per character, of the given advance (1000 units per em)."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    names = [".notdef"] + [f"g{cp}" for cp in chars]
    fb = FontBuilder(1000, isTTF=True)
    fb.setupGlyphOrder(names)
    fb.setupCharacterMap({cp: f"g{cp}" for cp in chars})
    fb.setupGlyf({name: TTGlyphPen(None).glyph() for name in names})
    fb.setupHorizontalMetrics({".notdef": (1000, 0), **{f"g{cp}": (w, 0) for cp, w in chars.items()}})
    fb.setupHorizontalHeader(ascent=880, descent=-120)
    fb.setupNameTable({"familyName": "Measured", "styleName": "Regular"})
    fb.setupOS2(sTypoAscender=880, sTypoDescender=-120)
    fb.setupPost()
    fb.save(str(path))


def test_a_fonts_metrics_read_from_its_tables(tmp_path):
    """The face's widths other than 1 em, and its ascent and descent, from the table bytes; a font
    without a full-repertoire (format 12) character map is left to fontTools."""
    from policykb.render.maps import sfnt
    _font(tmp_path / "wide.ttf", {ord("A"): 600, ord("中"): 1000, 0x20000: 1000, 0x20001: 500})  # > U+FFFF: format 12
    assert sfnt.face_metrics(tmp_path / "wide.ttf", "Measured") == {
        "widths": {ord("A"): 0.6, 0x20001: 0.5}, "ascent": 0.88, "descent": 0.12}
    _font(tmp_path / "basic.ttf", {ord("A"): 600})  # format 4 only
    assert sfnt.face_metrics(tmp_path / "basic.ttf", "Measured") is None
