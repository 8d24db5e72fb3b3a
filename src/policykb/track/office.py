"""Official-document (公文) pages in python-docx: A4, GB/T 9704 margins and type, deterministic bytes."""
from __future__ import annotations

import datetime as dt
import io

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from ..reproducible import normalize_zip

BODY, TITLE, HEI, KAI, SONG = "仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312", "宋体"
LINE = Pt(28.95)  # 22 lines on the 225 mm type area


def _fonts(run_or_style, name: str, size: float) -> None:
    font = run_or_style.font
    font.name = "Times New Roman" if name == BODY else name
    font.size = Pt(size)
    rpr = run_or_style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:eastAsia"), name)
    fonts.set(qn("w:hint"), "eastAsia")


class Page:
    """A document in official style: add a title, headings, body paragraphs and tables, then `bytes()`."""

    def __init__(self):
        self.doc = Document()
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)
        section.left_margin, section.right_margin = Mm(28), Mm(26)
        section.footer_distance = Mm(25)
        grid = section._sectPr.find(qn("w:docGrid"))
        if grid is None:
            grid = OxmlElement("w:docGrid")
            section._sectPr.append(grid)
        grid.set(qn("w:type"), "lines")  # 16 pt characters fill the 156 mm line with 28 of them anyway
        grid.set(qn("w:linePitch"), "579")
        grid.attrib.pop(qn("w:charSpace"), None)
        normal = self.doc.styles["Normal"]
        _fonts(normal, BODY, 16)
        normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        normal.paragraph_format.line_spacing = LINE
        normal.paragraph_format.space_before = normal.paragraph_format.space_after = Pt(0)
        self._page_numbers(section)
        props = self.doc.core_properties
        props.author = props.last_modified_by = "policykb"
        props.created = props.modified = dt.datetime(2016, 4, 1)
        props.revision = 1

    def _page_numbers(self, section) -> None:
        """「— 1 —」 in 4号 宋体: odd pages right, even pages left (GB/T 9704)."""
        self.doc.settings.odd_and_even_pages_header_footer = True
        for footer, align in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT), (section.even_page_footer,
                                                                             WD_ALIGN_PARAGRAPH.LEFT)):
            p = footer.paragraphs[0]
            p.alignment = align
            self._run(p, "— ", SONG, 14)
            run = self._run(p, "", SONG, 14)
            for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
                if kind:
                    el = OxmlElement("w:fldChar")
                    el.set(qn("w:fldCharType"), kind)
                else:
                    el = OxmlElement("w:instrText")
                    el.text = text
                run._r.append(el)
            self._run(p, " —", SONG, 14)

    @staticmethod
    def _run(p, text: str, font: str, size: float):
        run = p.add_run(text)
        _fonts(run, font, size)
        return run

    def title(self, text: str) -> None:
        p = self.doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self._run(p, text, TITLE, 22)
        self.doc.add_paragraph()

    def line(self, text: str, font: str = BODY, indent: bool = False, align=None) -> None:
        p = self.doc.add_paragraph()
        if indent:
            p.paragraph_format.first_line_indent = Pt(32)
            ind = p._p.get_or_add_pPr().get_or_add_ind()
            ind.set(qn("w:firstLineChars"), "200")
        if align == "right":
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        self._run(p, text, font, 16)

    def body(self, text: str) -> None:
        self.line(text, indent=True)

    def heading(self, text: str, level: int = 1) -> None:
        self.line(text, HEI if level == 1 else KAI, indent=True)

    def table(self, header: list[str], rows: list[list], widths: list[float] | None = None) -> None:
        table = self.doc.add_table(rows=1, cols=len(header))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        if widths:
            table.autofit = False
            for column, width in zip(table.columns, widths):
                column.width = Mm(width)
        for cells, values, font in [(table.rows[0].cells, header, HEI)] + \
                [(table.add_row().cells, row, BODY) for row in rows]:
            for i, (cell, value) in enumerate(zip(cells, values)):
                p = cell.paragraphs[0]
                p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
                self._run(p, str(value), font, 12)
                if widths:
                    cell.width = Mm(widths[i])
        self.doc.add_paragraph()

    def signature(self, issuer: str, day: dt.date) -> None:
        from .status import cn_date
        self.doc.add_paragraph()
        self.line(issuer + "　　", align="right")
        self.line(cn_date(day) + "　　", align="right")

    def new_page(self) -> None:
        self.doc.add_section(WD_SECTION.NEW_PAGE)

    def bytes(self) -> bytes:
        out = io.BytesIO()
        self.doc.save(out)
        return normalize_zip(out.getvalue())
