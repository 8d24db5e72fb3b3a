"""Letters follow GB/T 9704-2012 as python-docx sees them: page, grid, fonts, page numbers, metadata."""
from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from policykb import gongwen
from policykb.render.letters import overview
from policykb.render.letters import render_all

from conftest import ROOT

THEME = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


@pytest.fixture(scope="module")
def letter(pg):
    [(_, data)] = render_all(pg, ROOT / "templates" / "letter.docx", as_of=dt.date(2026, 11, 28), units=["省扶贫办"])
    return Document(io.BytesIO(data))


def _fonts(rpr):
    return rpr.find(qn("w:rFonts"))


def test_page_is_a4_with_standard_margins(letter):
    section = letter.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert [round(m.mm) for m in (section.top_margin, section.bottom_margin, section.left_margin,
                                  section.right_margin)] == [37, 35, 28, 26]
    grids = section._sectPr.findall(qn("w:docGrid"))
    assert len(grids) == 1 and grids[0].get(qn("w:linePitch")) == "579"


def test_body_is_fangsong_3hao_28_chars_22_lines(letter):
    normal = letter.styles["Normal"]
    fonts = _fonts(normal.element.rPr)
    assert fonts.get(qn("w:eastAsia")) == "仿宋_GB2312" and fonts.get(qn("w:hint")) == "eastAsia"
    assert not any(fonts.get(qn(a)) for a in THEME)
    assert normal.font.size == Pt(16)
    spacing = normal.element.pPr.find(qn("w:spacing"))
    assert (spacing.get(qn("w:line")), spacing.get(qn("w:lineRule"))) == ("579", "exact")
    assert normal.element.pPr.find(qn("w:ind")).get(qn("w:firstLineChars")) == "200"
    # 16 pt less 0.25 pt a character: 28 characters fill the 156 mm line, a 29th does not fit
    advance = 16 + gongwen.CHAR_SPACING / 20
    assert 28 * advance <= Mm(156).pt < 29 * advance
    defaults = letter.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert not any(_fonts(defaults).get(qn(a)) for a in THEME)


@pytest.mark.parametrize("style, font, size", [("公文标题", "方正小标宋简体", 22), ("一级标题", "黑体", 16),
                                               ("二级标题", "楷体_GB2312", 16), ("页码", "宋体", 14)])
def test_heading_styles(letter, style, font, size):
    s = letter.styles[style]
    assert _fonts(s.element.rPr).get(qn("w:eastAsia")) == font and s.font.size == Pt(size)
    assert not s.font.bold


def test_paragraphs_use_the_styles(letter):
    by_text = {p.text: p for p in letter.paragraphs}
    assert by_text["脱贫攻坚重要政策措施责任书"].style.name == "公文标题"
    assert by_text["一、目标任务"].style.name == "一级标题"
    assert by_text["附件"].style.name == "附件标识" and by_text["附件"].paragraph_format.page_break_before
    assert by_text["省扶贫办重要政策措施任务清单"].style.name == "公文标题"


def test_page_numbers_odd_right_even_left(letter):
    assert letter.settings.odd_and_even_pages_header_footer
    section = letter.sections[0]
    for footer, align in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT), (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
        p = footer.paragraphs[0]
        assert p.alignment == align and p.style.name == "页码"
        xml = p._p.xml
        assert "PAGE" in "".join(t.text for t in p._p.iter(qn("w:instrText")))
        assert p.text.startswith("— ") and p.text.endswith(" —") and "fldChar" in xml


def test_fixed_core_properties(letter):
    """The issuer as author, the document's date (no signing date set); provenance in custom properties."""
    props = letter.core_properties
    assert props.created == props.modified == dt.datetime(2016, 4, 1, tzinfo=props.created.tzinfo)
    assert props.author == "中共湖南省委、湖南省人民政府" and props.title == "脱贫攻坚重要政策措施责任书（省扶贫办）"
    assert "python-docx" not in props.comments and props.last_modified_by == props.author
    custom = letter.part.package.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties").blob.decode()
    assert "policykb.knowledge-base-commit" in custom and "policykb.generator" in custom


def test_overview_is_landscape_a4(pg):
    doc = Document(io.BytesIO(overview.to_docx(pg)))
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
    assert [t.rows[0].cells[1].text for t in doc.tables] == ["部分", "类别"]
    assert len(doc.tables[0].rows) == 96


def _keeps(p) -> tuple[bool, bool]:
    """keepNext and keepLines as the paragraph itself sets them (w:keepNext in its pPr)."""
    return bool(p.paragraph_format.keep_with_next), bool(p.paragraph_format.keep_together)


@pytest.mark.parametrize("unit", ["省扶贫办", "国家开发银行湖南省分行"])
def test_closing_block_keeps_with_the_signatures_in_the_docx(pg, unit):
    """What Word reads as well as LibreOffice: the closing paragraphs carry keepNext and keepLines up
    to the signatures; a notice's 特此函告 and issuer lines too, its date last (keepLines only)."""
    [(_, data)] = render_all(pg, ROOT / "templates" / "letter.docx", as_of=dt.date(2016, 7, 1), units=[unit])
    doc = Document(io.BytesIO(data))
    paragraphs = doc.paragraphs
    if unit == "省扶贫办":
        start = next(i for i, p in enumerate(paragraphs) if p.text.startswith("2．本责任书"))
        closing = paragraphs[start:start + 4]  # the clause, a blank line, 附件：…, a blank line
        assert closing[2].text.startswith("附件：")
        assert all(_keeps(p) == (True, True) for p in closing)
        signature = doc.tables[0]
        assert signature.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None
    else:
        start = next(i for i, p in enumerate(paragraphs) if p.text == "特此函告。")
        names = paragraphs[start:]
        assert [p.text for p in names if p.text] == ["特此函告。", "中共湖南省委", "湖南省人民政府", "　　年　　月　　日"]
        assert all(_keeps(p) == (True, True) for p in names[:-1]) and _keeps(names[-1]) == (False, True)
        assert _keeps(paragraphs[start - 1])[0], "the last body paragraph goes with 特此函告"


def test_task_rows_never_split_and_the_header_repeats(letter):
    table = letter.tables[-1]
    header, *rows = table.rows
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert rows and all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in rows)
    last_but_one = rows[-2].cells[1].paragraphs[0]
    assert _keeps(last_but_one)[0], "the last row never stands alone on a page"


def test_unit_columns_fit_the_longest_name(letter):
    """Each unit on its own line, in a column at least as wide as the longest: no name breaks inside."""
    from policykb.render.letters.columns import CELL_MARGINS_MM, text_width_mm
    table = letter.tables[-1]
    grid = [int(c.get(qn("w:w"))) / 56.7 for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert abs(sum(grid) - 156) < 1
    for column in (2, 3):
        names = [line for row in table.rows[1:] if row.cells[0] is not row.cells[-1]
                 for line in row.cells[column].text.split("\n")]
        assert "邮政储蓄银行湖南省分行" in names or column == 2
        assert max(text_width_mm(n) for n in names) + CELL_MARGINS_MM <= grid[column]
