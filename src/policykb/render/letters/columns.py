"""The 附件 task table's columns sized to each letter's content, so a unit name never breaks inside.

The template draws the table once for every letter; how wide its unit columns must be depends on
the names a letter lists (省农委 or 邮政储蓄银行湖南省分行). Each unit stands on its own line in
its cell, so a column as wide as the longest name keeps every name whole; the task text takes
what is left. Widths go both into the grid (LibreOffice) and into each cell (Word).
"""
from __future__ import annotations

import unicodedata

from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from ...gongwen import set_widths

TABLE_TEXT = Pt(10.5)              # 五号, as templates/make_letter_template.py sets the table text
CELL_MARGINS_MM = 3.8              # Word's default cell margins, 1.9 mm each side
SLACK_MM = 1.0                     # rounding in the renderers' line breaking
NUMBER_MM = 12                     # 序号: the header's two characters in bold
TEXT_MIN_MM = 50                   # the task text keeps at least 13 characters a line
UNIT_COLUMNS = (2, 3)              # 牵头单位, 参与单位


def text_width_mm(text: str) -> float:
    """Width of one line of table text: full-width characters one em, others half."""
    ems = sum(1 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in text)
    return ems * TABLE_TEXT.pt * 25.4 / 72


def _column_mm(cells: list[str]) -> float:
    longest = max((text_width_mm(line) for text in cells for line in text.split("\n")), default=0)
    return longest + CELL_MARGINS_MM + SLACK_MM


def _task_tables(document):
    """Tables whose first row repeats as a header: the 附件 task list."""
    for table in document.tables:
        tr_pr = table.rows[0]._tr.trPr if table.rows else None
        if tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None and len(table.columns) == 4:
            yield table


def fit(document, width_mm: float) -> None:
    """Size the unit columns of every task table to their longest line; the text column takes the
    rest of `width_mm` (the type area), never less than TEXT_MIN_MM."""
    for table in _task_tables(document):
        rows = [row for row in table.rows[1:] if len(row._tr.tc_lst) == 4]  # not a group's merged heading row
        widths = {i: max(_column_mm([row.cells[i].text for row in rows]), _column_mm([table.rows[0].cells[i].text]))
                  for i in UNIT_COLUMNS}
        # 序号: a document's own number (「二（二）」) may be wider than the header
        number = max(NUMBER_MM, _column_mm([row.cells[0].text for row in rows]))
        spare = width_mm - number - TEXT_MIN_MM - sum(widths.values())
        if spare < 0:  # names too long for the page: the widest column gives way (and wraps)
            widest = max(UNIT_COLUMNS, key=widths.get)
            widths[widest] += spare
        text = width_mm - number - sum(widths.values())
        set_widths(table, [Mm(w) for w in (number, text, widths[2], widths[3])])
        keep_tail(table)


def keep_tail(table) -> None:
    """The last row never stands alone on a page: the row before it keeps with it."""
    if len(table.rows) > 2:
        for cell in table.rows[-2].cells:
            for p in cell.paragraphs:
                p.paragraph_format.keep_with_next = True
