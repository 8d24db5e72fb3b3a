"""The text a reader sees in a Word document, where python-docx's `.text` stops short.

python-docx reads a paragraph's runs and hyperlinks, and a body's paragraphs and tables, and nothing else. Documents
passed between offices carry more: text inserted with Track Changes on and never accepted (`w:ins`), old Word's smart
tags around dates and places (`w:smartTag`, 「2016年4月1日」), fields shown as their result (`w:fldSimple`), and
content controls around paragraphs, runs or whole tables (`w:sdt`, as templates and OA systems make them). Read by
python-docx alone, those words are lost without a trace: a unit's name, a date, a table. So is a web page embedded
whole (`w:altChunk`, as OA systems export a text written in their HTML editor), which readers.py reads as a page, and
a table's rows inside a repeating section (a form template's content control around rows, filled one row per task).
Here a paragraph reads as Word shows it with its changes accepted: inserted text in, deleted and moved-away text out,
hidden text (a template's notes to whoever fills it in) out; text boxes, drawings' fallbacks and ruby (pinyin above
characters) left out, as python-docx leaves them.
"""
from __future__ import annotations

from typing import Iterator

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"  # WordprocessingML's namespace, as lxml writes tags
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# whole subtrees a reader does not see in the paragraph's line: deleted or moved-away text, properties, text boxes
# (their own paragraphs, laid out elsewhere), a drawing's alternative renderings, ruby's pinyin line
_UNSEEN = {f"{W}del", f"{W}moveFrom", f"{W}pPr", f"{W}rPr", f"{W}txbxContent", f"{W}rt",
           f"{_MC}AlternateContent", f"{W}sdtPr", f"{W}sdtEndPr"}
_CHARACTERS = {f"{W}tab": "\t", f"{W}ptab": "\t", f"{W}cr": "\n", f"{W}noBreakHyphen": "-"}
# wrappers around a body's or a cell's paragraphs and tables: their content is read in their place
_WRAPPERS = {f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}ins", f"{W}moveTo", f"{W}smartTag"}


def paragraph_text(p) -> str:
    """The paragraph's words in order, as Word shows them with its tracked changes accepted."""
    out: list[str] = []
    _collect(p, out)
    return "".join(out)


def _collect(element, out: list[str]) -> None:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _UNSEEN:
            continue  # comments and processing instructions, or a subtree not on the line
        if tag == f"{W}r" and _hidden(child):
            continue  # formatted as hidden: Word neither shows nor prints it
        if tag == f"{W}t":
            out.append(child.text or "")
        elif tag == f"{W}br":
            # a line break is a new line; a page or column break only moves the text (python-docx reads them so)
            out.append("\n" if child.get(f"{W}type") in (None, "textWrapping") else "")
        elif tag in _CHARACTERS:
            out.append(_CHARACTERS[tag])
        else:
            _collect(child, out)


def _hidden(run) -> bool:
    vanish = run.find(f"{W}rPr/{W}vanish")
    return vanish is not None and vanish.get(f"{W}val", "true") not in ("0", "false", "off")


def blocks(container) -> Iterator:
    """The paragraphs (w:p), tables (w:tbl) and embedded documents (w:altChunk) of a body or a table cell in reading
    order, those inside content controls and other wrappers in their place; deleted ones left out."""
    for child in container:
        if child.tag in (f"{W}p", f"{W}tbl", f"{W}altChunk"):
            yield child
        elif child.tag in _WRAPPERS:
            yield from blocks(child)


def lift_rows(table) -> None:
    """Rows and cells wrapped in content controls (a repeating section, one row per entry) set in their wrapper's
    place, and rows deleted with Track Changes on removed, so that the table reads as Word shows it with its changes
    accepted. It changes the parsed table in place: a document read, never saved; paragraphs keep their identity, so
    Word's list numbers counted before still find them."""
    _unwrap(table, f"{W}tr")
    for row in table.findall(f"{W}tr"):
        _unwrap(row, f"{W}tc")
        if row.find(f"{W}trPr/{W}del") is not None:
            table.remove(row)


def _unwrap(parent, tag: str) -> None:
    """Each wrapper among parent's children replaced by the elements of `tag` it holds, through nested wrappers."""
    for child in list(parent):
        if child.tag in _WRAPPERS:
            for inner in _wrapped(child, tag):
                child.addprevious(inner)
            parent.remove(child)


def _wrapped(wrapper, tag: str) -> list:
    found = []
    for child in wrapper:
        if child.tag == tag:
            found.append(child)
        elif child.tag in _WRAPPERS:
            found += _wrapped(child, tag)
    return found


def cells(table) -> Iterator:
    """A table's cells (w:tc) as the XML has them: a merged cell once, unlike python-docx's rows."""
    return table.iterfind(f"{W}tr/{W}tc")


def holds_tables(table) -> bool:
    """Whether a table has a table in a cell: the layout of a page pasted into Word, not a table of the text."""
    return any(block.tag == f"{W}tbl" for cell in cells(table) for block in blocks(cell))
