"""A letter's first page as the unit page shows it: the real .docx read back as HTML.

Read from the letter the letters stage wrote, so the preview follows the template an office edited
in Word. Only the body up to the 附件 is shown: the picture of a page, not a second copy of the
task list. Headings become styled paragraphs, never <h1>/<h2>: they must not enter the page's
table of contents or its search sections.

Read with lxml straight from word/document.xml: mammoth did the same in 0.3 s a letter, which
quadrupled the site stage; this takes under a millisecond.
"""
from __future__ import annotations

import html
import zipfile
from pathlib import Path

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# the template's paragraph styles (templates/make_letter_template.py, policykb.gongwen) -> CSS classes
STYLE_CLASS = {"公文标题": "pk-letter-title", "一级标题": "pk-letter-heading"}
ANNEX_STYLE = "附件标识"  # the 附件 page starts here: the preview stops before it


def _style_names(package: zipfile.ZipFile) -> dict[str, str]:
    """Paragraph style id -> name (Word may give a style an id unlike its name). Every letter of a
    template has the same (large) styles.xml: it is inflated and parsed once, known again by the
    checksum and size its zip lists for it."""
    try:
        member = package.getinfo("word/styles.xml")
    except KeyError:
        return {}
    key = (member.CRC, member.file_size)
    if key not in _STYLES:
        if len(_STYLES) >= 8:  # letters of another template (a test, a second knowledge base)
            _STYLES.clear()
        styles = etree.fromstring(package.read(member))
        _STYLES[key] = {s.get(f"{W}styleId"): s.find(f"{W}name").get(f"{W}val")
                        for s in styles.iter(f"{W}style") if s.find(f"{W}name") is not None}
    return _STYLES[key]


_STYLES: dict[tuple[int, int], dict[str, str]] = {}  # (CRC, size) of a styles.xml -> its style names


def _runs(p) -> str:
    out = []
    for r in p.iter(f"{W}r"):
        b = r.find(f"{W}rPr/{W}b")
        bold = b is not None and b.get(f"{W}val") not in ("0", "false")
        text = "".join("<br>" if el.tag in (f"{W}br", f"{W}cr") else html.escape(el.text or "", quote=False)
                       for el in r if el.tag in (f"{W}t", f"{W}br", f"{W}cr", f"{W}tab"))
        out.append(f"<strong>{text}</strong>" if bold and text else text)
    return "".join(out)


def _paragraph(p, styles: dict[str, str]) -> str:
    style = p.find(f"{W}pPr/{W}pStyle")
    css = STYLE_CLASS.get(styles.get(style.get(f"{W}val"), "") if style is not None else "")
    text = _runs(p) or "<br>"  # an empty paragraph is a blank line on the page
    return f'<p class="{css}">{text}</p>' if css else f"<p>{text}</p>"


def _table(tbl, styles: dict[str, str]) -> str:
    rows = ["<tr>" + "".join("<td>" + "".join(_paragraph(p, styles) for p in tc.iter(f"{W}p")) + "</td>"
                             for tc in tr.iter(f"{W}tc")) + "</tr>" for tr in tbl.iter(f"{W}tr")]
    return "<table>" + "".join(rows) + "</table>"


def letter_preview(docx: Path) -> str:
    """The letter's body as HTML (up to its 附件), or '' when the file cannot be read."""
    try:
        with zipfile.ZipFile(docx) as package:
            body = etree.fromstring(package.read("word/document.xml")).find(f"{W}body")
            styles = _style_names(package)
    except (OSError, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError):
        return ""  # a missing or damaged file: the page simply shows no preview
    parts = []
    for el in body if body is not None else ():
        if el.tag == f"{W}p":
            style = el.find(f"{W}pPr/{W}pStyle")
            if style is not None and styles.get(style.get(f"{W}val")) == ANNEX_STYLE:
                break
            parts.append(_paragraph(el, styles))
        elif el.tag == f"{W}tbl":
            parts.append(_table(el, styles))
    return "".join(parts)


def first_letter(docs: Path, letters: list[dict]) -> dict | None:
    """The preview of a unit's first letter ({'path', 'name', 'html'}); a collective's members each
    have one, and the first stands for all."""
    for f in letters:
        if f["path"].endswith(".docx"):
            html_text = letter_preview(docs / f["path"])
            return {"path": f["path"], "name": Path(f["path"]).stem, "html": html_text,
                    "kind": f.get("kind", "")} if html_text else None
    return None
