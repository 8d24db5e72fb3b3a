"""How a workbook sheet prints: landscape, as wide as the paper, its header rows on every page.

Office staff print the 分工方案 and the report forms; Excel's and WPS's defaults (portrait, actual
size) cut the right-hand columns onto pages of their own.
"""
from __future__ import annotations

import math

from openpyxl.worksheet.properties import PageSetupProperties

A3, A4 = 8, 9  # SpreadsheetML paperSize codes


def landscape(ws, header_rows: str, paper: int = A4) -> None:
    """Landscape on `paper`, every column on one page's width (pages run as long as they need),
    rows `header_rows` (e.g. "1:1") repeated on each page, gridlines and 「第 N 页，共 M 页」 printed."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = paper
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = header_rows
    ws.print_options.gridLines = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"


def _width(text: str) -> float:
    """Display width in column units (the width of a '0'): a Chinese character two, else one."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def fit_rows(ws, first_row: int = 2, line_points: float = 14.0) -> None:
    """Row heights for wrapped text: LibreOffice and WPS print a row without a height as one line,
    cutting the rest, so each row gets as many lines as its fullest cell needs."""
    widths = {letter: (dim.width or 8.43) for letter, dim in ws.column_dimensions.items()}
    for row in ws.iter_rows(min_row=first_row):
        lines = 1
        for cell in row:
            if isinstance(cell.value, str) and cell.value:
                room = max(1, int(widths.get(cell.column_letter, 8.43)) - 1)
                lines = max(lines, sum(math.ceil(_width(part) / room) or 1 for part in cell.value.split("\n")))
        ws.row_dimensions[row[0].row].height = line_points * lines
