"""Read a returned report form within stated limits, so that no file can flood memory or time.

An .xlsx is a zip of XML parts. A form we sent out is about 10 KB; one that comes back from an
outside unit may be careless (a whole report pasted into a cell) or hostile (a part that inflates
to gigabytes, a cell at row 1,048,576). Limits are checked in this order, each before the next
costs anything:

1. the zip's own directory: number of parts, each part's declared uncompressed size, their sum;
2. the parts themselves, decompressed in chunks up to the limit (a declared size can lie);
3. the sheet, parsed as a stream: a row or column beyond the limits stops the parse at once.

Each refusal is a `FormTooLarge` with a message saying which limit was passed.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from .. import ziplimits

MAX_PARTS = 64  # a form has about 12
MAX_SHEET_BYTES = 16_000_000  # uncompressed XML of a sheet or of the shared strings
MAX_OTHER_BYTES = 1_000_000  # styles, workbook, relationships: a few KB in a real form
MAX_TOTAL_BYTES = 40_000_000
MAX_ROWS = 2_000  # rows below the header: a unit leads a few dozen tasks
MAX_COLUMNS = 26  # A–Z; the form uses A–K, units sometimes add a remark column

_BIG_PARTS = ("xl/worksheets/", "xl/sharedStrings.xml")


class FormTooLarge(ziplimits.TooLarge):
    """The form exceeds a limit; message says which."""


def _limit(name: str) -> int:
    return MAX_SHEET_BYTES if name.startswith(_BIG_PARTS) else MAX_OTHER_BYTES


def check_zip(path: Path) -> None:
    """Refuse a workbook whose parts are too many or too big, before any XML is parsed.

    Raises FormTooLarge, or zipfile.BadZipFile (and OSError) for a file that is no zip at all.
    """
    ziplimits.check_zip(path, _limit, MAX_PARTS, MAX_TOTAL_BYTES, FormTooLarge, what="工作簿")


def sheet_rows(ws, first_row: int) -> Iterator[tuple[int, dict[int, object]]]:
    """(row number, {column number: value}) of each non-empty row from first_row on, streamed from a
    read-only worksheet; refuses a row or column beyond the limits without reading further."""
    from openpyxl.worksheet._reader import WorkSheetParser
    book = ws.parent
    last_row = first_row + MAX_ROWS - 1
    with ws._get_source() as source:
        parser = WorkSheetParser(source, ws._shared_strings, data_only=True, epoch=book.epoch,
                                 date_formats=book._date_formats, timedelta_formats=book._timedelta_formats)
        for number, cells in parser.parse():
            if number > last_row:
                raise FormTooLarge(f"用到了第 {number} 行；报送表最多 {MAX_ROWS} 行"
                                   f"（第 {first_row}–{last_row} 行）")
            values = {}
            for cell in cells:
                if cell["value"] is None:
                    continue
                if cell["column"] > MAX_COLUMNS:
                    raise FormTooLarge(f"第 {number} 行用到了第 {cell['column']} 列；报送表最多 "
                                       f"{MAX_COLUMNS} 列（A–Z）")
                values[cell["column"]] = cell["value"]
            if number >= first_row and values:
                yield number, values
