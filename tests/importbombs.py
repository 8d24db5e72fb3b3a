"""Hostile files to import, made in memory (never committed): a page with a huge colspan, a .docx
whose body inflates to hundreds of MB, a .docx of 100,000 paragraphs, workbooks of too many cells,
rows or columns. Shared by tests/test_checks_hostile_round2.py and bench/hostile_imports.py."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import formbombs

ROOT = Path(__file__).resolve().parent.parent
_BODY = "word/document.xml"


def colspan_page(span: str) -> bytes:
    """A 128-byte-class page whose one cell claims to span `span` columns."""
    return f'<html><body><table><tr><td colspan="{span}">x</td><td>y</td></tr></table></body></html>'.encode()


def _a_docx() -> bytes:
    return (ROOT / "templates" / "letter.docx").read_bytes()


def inflating_docx(size: int) -> bytes:
    """A .docx (about 1 KB per MB of size) whose document.xml unpacks to size bytes."""
    return formbombs.bomb(_a_docx(), _BODY, size)


def _replace(package: bytes, part: str, data: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in source.infolist():
            z.writestr(item, data if item.filename == part else source.read(item))
    return out.getvalue()


def paragraphs_docx(count: int) -> bytes:
    """A .docx of count short paragraphs (100,000 of them: about 300 KB)."""
    head = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w='
            '"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
    body = "".join(f"<w:p><w:r><w:t>{i}、落实。</w:t></w:r></w:p>" for i in range(count))
    return _replace(_a_docx(), _BODY, (head + body + "</w:body></w:document>").encode())


def gridspan_docx(span: int) -> bytes:
    """A .docx with a one-row table whose cell claims to span `span` grid columns."""
    head = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w='
            '"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
    table = (f'<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr><w:tc><w:tcPr><w:gridSpan w:val="{span}"/>'
             '</w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr></w:tbl>')
    return _replace(_a_docx(), _BODY, (head + table + "</w:body></w:document>").encode())


def _workbook() -> bytes:
    from openpyxl import Workbook
    out = io.BytesIO()
    wb = Workbook()
    wb.active["A1"] = "序号"
    wb.save(out)
    return out.getvalue()


def sheet_xlsx(cells_xml: str, merges: str = "") -> bytes:
    """A workbook whose first sheet holds the given <row> elements (and <mergeCell>s)."""
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns='
           '"http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + cells_xml + "</sheetData>"
           + (f"<mergeCells>{merges}</mergeCells>" if merges else "") + "</worksheet>")
    return _replace(_workbook(), "xl/worksheets/sheet1.xml", xml.encode())


def many_cells_xlsx(rows: int, columns: int) -> bytes:
    letters = [chr(ord("A") + c) for c in range(columns)]
    body = "".join(f'<row r="{r}">' + "".join(f'<c r="{c}{r}"><v>1</v></c>' for c in letters) + "</row>"
                   for r in range(1, rows + 1))
    return sheet_xlsx(body)


def far_cell_xlsx() -> bytes:
    """One value at the last cell a sheet has (XFD1048576)."""
    return sheet_xlsx('<row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c></row>'
                      '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')


def huge_merge_xlsx() -> bytes:
    """A value merged over the whole sheet: 17 billion cells if expanded."""
    return sheet_xlsx('<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c></row>',
                      '<mergeCell ref="A1:XFD1048576"/>')
