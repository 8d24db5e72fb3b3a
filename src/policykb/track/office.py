"""Official-document (公文) pages for the tracking reports, built on the letters' GB/T 9704 setup."""
from __future__ import annotations

import datetime as dt

from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from ..gongwen import FANGSONG, HEITI, KAITI, XIAOBIAOSONG, _char_spacing, _no_snap, new_document, no_indent, run_fonts, to_bytes


class Page:
    """A document in official style: add a title, headings, body paragraphs and tables, then `bytes()`."""

    def __init__(self, title: str = "", author: str = "policykb", day: dt.date | None = None,
                 properties: dict[str, str] | None = None):
        # A4, GB/T 9704 margins and grid, 「— 1 —」 page numbers; the issuer as author, the document's date
        self.doc = new_document(title=title, author=author, day=day)
        self.properties = properties or {}

    @staticmethod
    def _run(p, text: str, font: str, size: float):
        run = p.add_run(text)
        run_fonts(run, font)
        run.font.size = Pt(size)
        return run

    def title(self, text: str) -> None:
        """The title, centred; a "\n" in it is where its lines break (between words, longer line first)."""
        p = self.doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for i, line in enumerate(text.split("\n")):
            run = self._run(p, line, XIAOBIAOSONG, 22)
            if i:  # the break opens the run (after its properties): a w:br outside a run is invalid OOXML
                run._r.rPr.addnext(run._r.makeelement(qn("w:br"), {}))
        self.doc.add_paragraph()

    def line(self, text: str, font: str = FANGSONG, indent: bool = False, align=None) -> None:
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
        self.line(text, HEITI if level == 1 else KAITI, indent=True)

    def table(self, header: list[str], rows: list[list], widths: list[float] | None = None) -> None:
        table = self.doc.add_table(rows=1, cols=len(header))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        if widths:
            table.autofit = False
            for column, width in zip(table.columns, widths):
                column.width = Mm(width)
        for cells, values, font in [(table.rows[0].cells, header, HEITI)] + \
                [(table.add_row().cells, row, FANGSONG) for row in rows]:
            for i, (cell, value) in enumerate(zip(cells, values)):
                p = cell.paragraphs[0]
                p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
                _no_snap(p._p.get_or_add_pPr())  # off the body's character grid: a header word fits its column
                no_indent(p._p.get_or_add_pPr())  # nor the body's two-character indent
                run = self._run(p, str(value), font, 12)
                _char_spacing(run._r.get_or_add_rPr(), 0)
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
        return to_bytes(self.doc, self.properties)
