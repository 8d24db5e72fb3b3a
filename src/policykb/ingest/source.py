"""The common form every reader produces: blocks of text in reading order, each with where it stands.

Recognisers look only at this form, so a .txt, a .docx, an .xlsx and a saved web page of the same
document are read by the same rules; the positions let the review report point back at the source.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Block:
    """One paragraph, or one table row (its cells), as the source has it."""
    text: str  # the paragraph, or the row's cells joined by ' | '
    where: str  # for people: "第12行", "表1第3行", "第5段"
    cells: tuple[str, ...] | None = None  # a table row's cells, merged cells repeated
    table: int | None = None  # which table (1-based) a row belongs to
    merged_once: bool = False  # a table copied as text: a merged cell stands in the first of its rows only
    cell: bool = False  # a table's cell copied as a line, a border (「|」) before it: no line before it wrapped on

    @property
    def is_row(self) -> bool:
        return self.cells is not None


class ImportFailed(Exception):
    """The source cannot be read into a draft: a message and a hint for people, never a traceback."""

    def __init__(self, message: str, hint: str | None = None, code: str = "import-unreadable"):
        super().__init__(message)
        self.message, self.hint, self.code = message, hint, code


@dataclass
class Source:
    path: str
    kind: str  # txt, docx, xlsx, html, pdf; a converted file says so: 「doc，经 LibreOffice 转为 docx」
    blocks: list[Block] = field(default_factory=list)
    encoding: str | None = None  # for texts: the encoding the bytes were read in

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks)
