"""How much of an imported file is read: a policy with its annex is a few hundred paragraphs and
table rows; a file far beyond that is the wrong file, or made to exhaust the machine.

A 128-byte page with colspan="999999999", a 1.8 MB .docx whose body inflates to 600 MB, a 32 MB
.xlsx of 16.8 million cells: each is refused in about a second, within a few hundred MB, with
import-too-large naming the limit. The same package checks as returned report forms
(`policykb.ziplimits`); the counts below are checked while reading, so reading stops at once.
"""
from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from .. import ziplimits
from .source import ImportFailed

MAX_BLOCKS = 20_000  # paragraphs and table rows; the Hunan annex with its 38 articles has about 300
MAX_ROWS = 20_000  # rows of one table or sheet
MAX_COLUMNS = 64  # columns of a table (colspan included); an annex table has 5 to 10
MAX_CELLS = 100_000  # cells of all tables together; an annex of 100 tasks in 10 columns has 1,000
MAX_PARTS = 2_000  # zip parts (a .docx with many pictures has a few hundred)
MAX_XML_BYTES = 16_000_000  # unpacked XML of one part: document.xml, a sheet, the shared strings
MAX_MEDIA_BYTES = 40_000_000  # a picture or an embedded object
MAX_TOTAL_BYTES = 120_000_000  # everything unpacked
TASK_WARNING = 1_000  # more tasks than this: the review says so (the largest known annex has 95)


class TooLarge(ziplimits.TooLarge):
    pass


def refuse(message: str) -> ImportFailed:
    return ImportFailed(message, hint="确认这就是政策文件本身；这么大的文件"
                                      "通常是选错了文件，或者文件已损坏", code="import-too-large")


def _part_limit(name: str) -> int:
    return MAX_XML_BYTES if name.endswith((".xml", ".rels")) else MAX_MEDIA_BYTES


def check_package(path: Path) -> None:
    """ImportFailed(import-too-large) for a .docx/.xlsx that unpacks beyond the limits."""
    try:
        zipfile.ZipFile(path).close()
    except (zipfile.BadZipFile, OSError):
        return  # not a zip at all: the reader says so in its own words
    try:
        ziplimits.check_zip(path, _part_limit, MAX_PARTS, MAX_TOTAL_BYTES, TooLarge, what="文件")
    except TooLarge as err:
        raise refuse(str(err)) from None
    except zipfile.BadZipFile as err:  # a part that lies about its size: its reader would inflate all of it at once
        raise ImportFailed(f"文件已损坏或被篡改：{err}",
                           hint="用 Office 或 WPS 打开后重新保存") from None
    except (OSError, zlib.error, RuntimeError, NotImplementedError, EOFError) as err:  # damaged, encrypted
        raise ImportFailed(f"文件无法解压（{type(err).__name__}）",
                           hint="用 Office 或 WPS 打开后重新保存") from None


class Counter:
    """Counts blocks and cells while a reader reads; refuses the moment a count passes its limit."""

    def __init__(self) -> None:
        self.blocks = self.cells = 0

    def block(self, cells: int = 0) -> None:
        self.blocks += 1
        self.cells += cells
        if self.blocks > MAX_BLOCKS:
            raise refuse(f"文件的段落和表格行超过 {MAX_BLOCKS:,} 个")
        if self.cells > MAX_CELLS:
            raise refuse(f"文件中表格的单元格超过 {MAX_CELLS:,} 个")


def columns(count: int, where: str) -> None:
    if count > MAX_COLUMNS:
        raise refuse(f"{where}占 {count:,} 列，最多读取 {MAX_COLUMNS} 列")


def rows(count: int, where: str) -> None:
    if count > MAX_ROWS:
        raise refuse(f"{where}超过 {MAX_ROWS:,} 行")
