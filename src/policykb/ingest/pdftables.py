"""A PDF's ruled tables as rows of cells: an annex's 序号/工作任务/牵头单位/完成时限 table, as read_docx reads a
Word table, so the table reader reads its columns.

pypdf gives a table's text line by line, each cell's wrapped lines among its neighbours'; pdfplumber (on pdfminer.six)
finds a table by its ruling lines and gives each cell whole. Only ruled tables: a table drawn without lines is
guessed from gaps between words, which prose has too. A page without a table keeps pypdf's lines.
"""
from __future__ import annotations

import io
import re

from . import limits
from .source import Block

Line = str | tuple[str, ...]
_LATIN = re.compile(r"[A-Za-z0-9]$")
MAX_RULES_DOWN = 120  # a row of one line of 10-point text is 14 points high: an A4 page holds about 55
# a stroked line, a filled or stroked rectangle (not the clip every page sets: 「re W n」), or a form drawn in
_DRAWING = re.compile(rb"-?[\d.]+\s+-?[\d.]+\s+l\b|\bre\s+[fFSsBb]\b|/[^\s/]+\s+Do\b")


def draws_lines(page) -> bool:
    """Whether a page (pypdf's) draws anything a table's rules could be: a page of text alone is left to pypdf
    without pdfplumber's slower reading of every glyph's position."""
    try:
        contents = page.get("/Contents")
        contents = contents.get_object() if contents is not None else None
        streams = contents if isinstance(contents, list) else [contents] if contents is not None else []
        return any(_DRAWING.search(s.get_object().get_data()) for s in streams)
    except Exception:  # a stream pypdf cannot decode: the page is read as text, as before
        return False


def pages_with_tables(raw: bytes, drawn: list[int]) -> dict[int, list[Line]]:
    """{page index: its lines and table rows in reading order} for each of the `drawn` pages with a ruled table of
    at least two rows and two columns; {} when pdfplumber cannot read the file (pypdf's lines then stand)."""
    if not drawn:
        return {}
    import pdfplumber  # late import: only PDFs need it
    out: dict[int, list[Line]] = {}
    try:
        with pdfplumber.open(io.BytesIO(raw), pages=[i + 1 for i in drawn]) as pdf:
            for index, page in zip(drawn, pdf.pages):
                found = [] if _too_dense(page) else \
                    [t for t in page.find_tables() if len(t.rows) >= 2 and len(t.columns) >= 2]
                if found:
                    out[index] = _page(page, sorted(found, key=lambda t: t.bbox[1]))
                page.close()  # its parsed objects: a long PDF is read a page at a time
    except Exception:  # pdfminer raises many kinds on a damaged file; pypdf has already read it
        return {}
    return out


def _too_dense(page) -> bool:
    """More rules across or down the page than a table has columns or a page rows: a drawing, or a grid made to keep
    the reader busy (finding cells costs the rules' crossings); the page is read as text."""
    across = {round(e["x0"]) for e in page.vertical_edges}
    down = {round(e["top"]) for e in page.horizontal_edges}
    return len(across) > limits.MAX_COLUMNS + 1 or len(down) > MAX_RULES_DOWN


def _page(page, tables) -> list[Line]:
    """The page's text above, between and below its tables as lines, each table's rows as tuples of cells."""
    out: list[Line] = []
    top = page.bbox[1]
    text = page.filter(lambda obj: not any(_inside(obj, t.bbox) for t in tables))  # a cell's text only in its row
    for table in tables:
        out += _text_lines(text, top, table.bbox[1])
        out += [tuple(cell_text(c) for c in row) for row in _filled(table)]
        top = table.bbox[3]
    return out + _text_lines(text, top, page.bbox[3])


def _inside(obj, box) -> bool:
    if "x0" not in obj or "top" not in obj:
        return False
    x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _text_lines(page, top: float, bottom: float) -> list[str]:
    if bottom - top < 1:
        return []
    x0, _, x1, _ = page.bbox
    return page.crop((x0, top, x1, bottom)).extract_text().splitlines()


def _filled(table) -> list[list[str]]:
    """The table's cells, a merged cell's text in each row and column it spans (as python-docx gives a Word table's)."""
    rows = table.extract()
    boxes = [row.cells for row in table.rows]
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text is None:
                row[c] = _covering(rows, boxes, r, c)
    return rows


def _covering(rows, boxes, r: int, c: int) -> str:
    """The text of the merged cell that covers row r, column c: the nearest real cell to its left or above whose box
    reaches over it."""
    for rr, cc in [(r, k) for k in range(c - 1, -1, -1)] + [(k, c) for k in range(r - 1, -1, -1)]:
        box = boxes[rr][cc]
        if box is None:
            continue
        here = _centre(boxes, r, c)
        if here and box[0] <= here[0] <= box[2] and box[1] <= here[1] <= box[3]:
            return rows[rr][cc] or ""
    return ""


def _centre(boxes, r: int, c: int):
    """The middle of row r in column c, from the boxes of the column's and the row's real cells."""
    xs = [row[c] for row in boxes if c < len(row) and row[c] is not None]
    ys = [b for b in boxes[r] if b is not None]
    if not xs or not ys:
        return None
    return (xs[0][0] + xs[0][2]) / 2, (ys[0][1] + ys[0][3]) / 2


def cell_text(text: str | None) -> str:
    """A cell's lines as one: a cell wraps Chinese anywhere, and Latin words only at a space."""
    out = ""
    for line in (text or "").splitlines():
        line = line.strip()
        out += (" " if _LATIN.search(out) and line[:1].isascii() and line[:1].isalnum() else "") + line
    return out


class Tables:
    """The rows read so far, numbered table by table: a table that goes on at the top of the next page, as many
    columns wide, is the same table; its first row there, with no number of its own and cells missing, is the rest
    of the row the page cut; a header repeated on each page is dropped."""

    def __init__(self, count: limits.Counter) -> None:
        self.count, self.number, self.open, self.header, self.rows = count, 0, False, None, 0
        self.page_top = False  # a page's table so far only its repeated header

    def close(self) -> None:
        self.open = False

    def add(self, out: list[Block], cells: tuple[str, ...], page: int, first_on_page: bool) -> None:
        if not any(cells):
            return
        limits.columns(len(cells), f"表{self.number + 1}")
        last = out[-1] if out and out[-1].is_row else None
        goes_on = self.open and last is not None and len(last.cells) == len(cells)
        page_top, self.page_top = first_on_page or self.page_top, False
        if goes_on and cells == self.header:
            self.page_top = page_top  # the header repeated: the row the page cut may follow it
            return
        if page_top and goes_on and not cells[0] and not all(cells[1:]):
            joined = tuple(a + b for a, b in zip(last.cells, cells))
            out[-1] = Block(" | ".join(joined), last.where, joined, last.table)
            return
        if not (goes_on or (self.open and not first_on_page)):
            self.number, self.header, self.rows = self.number + 1, cells, 0
        self.open = True
        self.rows += 1
        limits.rows(self.rows, f"表{self.number}")
        self.count.block(len(cells))
        out.append(Block(" | ".join(cells), f"表{self.number}第{self.rows}行", cells, self.number))
