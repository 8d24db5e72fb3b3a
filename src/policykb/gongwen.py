"""GB/T 9704-2012 page and type settings for .docx files made with python-docx.

A4, margins 37/35/28/26 mm, 22 lines of 28 characters, 仿宋_GB2312 3号 body, 「— 1 —」 page numbers
right on odd pages and left on even ones. Chinese fonts are set on w:eastAsia with the theme
attributes removed (they would override the name) and w:hint="eastAsia" so quotes and dashes use
the CJK face. The official font names stay in the file; fonts/fonts.conf maps them on Linux.
"""
from __future__ import annotations

import datetime as dt
import io
import re

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt

from .deadlines import cn_date as date_cn  # noqa: F401  (成文日期 style, used by the letters)
from .reproducible import normalize_zip


def cite(title: str) -> str:
    """A title in book-title marks, inner marks turned to 〈〉 as Chinese usage wants (GB/T 15834); a page's ASCII
    stand-ins for them (「<政府工作报告>任务分解表」) too."""
    return "《" + re.sub(r"<([^<>]+)>", r"〈\1〉", title).replace("《", "〈").replace("》", "〉") + "》"


FANGSONG, XIAOBIAOSONG, HEITI, KAITI, SONGTI = "仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312", "宋体"
LATIN = "Times New Roman"
SIZE_2, SIZE_3, SIZE_4, SIZE_XIAO4 = Pt(22), Pt(16), Pt(14), Pt(12)
LINE_PITCH = 579        # twips: 22 lines in the 225 mm type area
# 28 characters in 156 mm: Word's character grid (linesAndChars, charSpace -848) would do it, but
# LibreOffice gives every 16 pt glyph two cells of a 15.79 pt grid (14 characters a line). A line
# grid plus condensed spacing does it in both: at 15.6 pt a character 28 fit the line and a 29th
# does not; justification spreads each full line to the margin. (At 15.75 pt LibreOffice drops a
# 、 or ， that falls on the 29th place instead of hanging it.)
CHAR_SPACING = -8       # twentieths of a point
FIXED_STAMP = dt.datetime(2016, 4, 1)

# style name -> (Chinese font, size, alignment, outline level); all based on Normal
STYLES = {
    "公文标题": (XIAOBIAOSONG, SIZE_2, WD_ALIGN_PARAGRAPH.CENTER, None),
    "一级标题": (HEITI, SIZE_3, None, 0),
    "二级标题": (KAITI, SIZE_3, None, 1),
    "附件标识": (HEITI, SIZE_3, None, None),
    "表格文字": (FANGSONG, SIZE_XIAO4, None, None),
    "页码": (SONGTI, SIZE_4, None, None),
}


def set_fonts(rpr, chinese: str, latin: str = LATIN) -> None:
    """Point a w:rPr at a Chinese font the way Word honours it."""
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr, value in (("w:ascii", latin), ("w:hAnsi", latin), ("w:eastAsia", chinese), ("w:cs", latin),
                        ("w:hint", "eastAsia")):
        fonts.set(qn(attr), value)


def run_fonts(run, chinese: str, latin: str = LATIN) -> None:
    set_fonts(run._element.get_or_add_rPr(), chinese, latin)


def _spacing(ppr, line: int = LINE_PITCH) -> None:
    spacing = ppr.get_or_add_spacing()
    for attr, value in (("w:before", "0"), ("w:after", "0"), ("w:line", str(line)), ("w:lineRule", "exact")):
        spacing.set(qn(attr), value)


def _no_hanging_punctuation(ppr) -> None:
    """Word: no punctuation hung into the margin; it moves to the next line with its character."""
    punct = OxmlElement("w:overflowPunct")
    punct.set(qn("w:val"), "0")
    ppr.insert_element_before(punct, "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
                              "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                              "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
                              "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
                              "w:rPr", "w:sectPr", "w:pPrChange")


def _no_snap(ppr) -> None:
    snap = OxmlElement("w:snapToGrid")
    snap.set(qn("w:val"), "0")
    ppr.insert_element_before(snap, "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
                              "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
                              "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
                              "w:sectPr", "w:pPrChange")


def no_indent(ppr) -> None:
    """Cancel the inherited two-character indent (the *Chars attribute wins in Word, so zero both)."""
    ind = ppr.get_or_add_ind()
    ind.set(qn("w:firstLineChars"), "0")
    ind.set(qn("w:firstLine"), "0")


def _defaults(doc) -> None:
    """The body's font, size and line pitch as document defaults, so text typed outside a style matches."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr, FANGSONG)
    for tag in ("w:sz", "w:szCs"):
        rpr.find(qn(tag)).set(qn("w:val"), str(int(SIZE_3.pt * 2)))
    lang = rpr.find(qn("w:lang"))
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    _spacing(defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")))


def setup_styles(doc) -> None:
    """Normal is the 仿宋 body with a two-character first-line indent; the rest are named styles."""
    _defaults(doc)
    normal = doc.styles["Normal"]
    normal.font.size = SIZE_3
    set_fonts(normal.element.get_or_add_rPr(), FANGSONG)
    _char_spacing(normal.element.get_or_add_rPr(), CHAR_SPACING)
    ppr = normal.element.get_or_add_pPr()
    _spacing(ppr)
    ind = ppr.get_or_add_ind()
    ind.set(qn("w:firstLineChars"), "200")
    ind.set(qn("w:firstLine"), "640")
    ppr.get_or_add_jc().set(qn("w:val"), "both")
    _no_hanging_punctuation(ppr)
    for name, (font, size, align, level) in STYLES.items():
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = True
        style.font.size = size
        set_fonts(style.element.get_or_add_rPr(), font)
        fmt = style.paragraph_format
        if name in ("公文标题", "附件标识", "表格文字", "页码"):
            no_indent(style.element.get_or_add_pPr())
        if name in ("公文标题", "表格文字", "页码"):
            _char_spacing(style.element.get_or_add_rPr(), 0)
        if align is not None:
            fmt.alignment = align
        if name in ("表格文字", "页码"):  # off the 28.95 pt line grid, or every line takes a grid line
            ppr = style.element.get_or_add_pPr()
            _spacing(ppr, 320)
            _no_snap(ppr)
            fmt.alignment = WD_ALIGN_PARAGRAPH.LEFT
        if level is not None:
            style.element.get_or_add_pPr().get_or_add_outlineLvl().set(qn("w:val"), str(level))
            fmt.keep_with_next = True


def setup_page(section, landscape: bool = False) -> None:
    """A4 with the standard margins and the 22 × 28 document grid."""
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    width, height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    section.page_width, section.page_height = width, height
    if landscape:  # the portrait frame turned a quarter: top/bottom become left/right
        section.top_margin, section.bottom_margin = Mm(28), Mm(26)
        section.left_margin, section.right_margin = Mm(37), Mm(35)
    else:
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)
        section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance = Mm(15)
    section.footer_distance = Mm(25)
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        section._sectPr.append(grid)
    grid.attrib.clear()
    if not landscape:
        grid.set(qn("w:type"), "lines")
        grid.set(qn("w:linePitch"), str(LINE_PITCH))
    else:
        grid.set(qn("w:linePitch"), "312")


_AFTER_SPACING = ("w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr",
                  "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
                  "w:specVanish", "w:oMath")


def _char_spacing(rpr, value: int) -> None:
    spacing = rpr.find(qn("w:spacing"))
    if spacing is None:
        spacing = OxmlElement("w:spacing")
        rpr.insert_element_before(spacing, *_AFTER_SPACING)
    spacing.set(qn("w:val"), str(value))


def _field(paragraph, instruction: str, shown: str) -> None:
    """A complex field (PAGE): begin, instruction, separate, cached result, end."""
    def run_with(child):
        run = paragraph.add_run()
        run_fonts(run, SONGTI, SONGTI)
        run._element.append(child)
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run_with(sep)
    result = paragraph.add_run(shown)
    run_fonts(result, SONGTI, SONGTI)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def _page_number(footer, odd: bool) -> None:
    footer.is_linked_to_previous = False
    p = footer.paragraphs[0]
    p.style = "页码"
    fmt = p.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.RIGHT if odd else WD_ALIGN_PARAGRAPH.LEFT
    indent = Pt(14)  # one 4号 character in from the edge of the type area
    if odd:
        fmt.right_indent = indent
    else:
        fmt.left_indent = indent
    run_fonts(p.add_run("— "), SONGTI, SONGTI)
    _field(p, "PAGE", "1")
    run_fonts(p.add_run(" —"), SONGTI, SONGTI)


def page_numbers(doc) -> None:
    """「— 1 —」: odd pages right, even pages left, each one character in."""
    doc.settings.odd_and_even_pages_header_footer = True
    for section in doc.sections:
        _page_number(section.footer, odd=True)
        _page_number(section.even_page_footer, odd=False)


def new_document(landscape: bool = False, title: str = "", author: str = "policykb", day: dt.date | None = None):
    """An empty GB/T 9704 document: page, grid, styles, page numbers, fixed core properties
    (the issuer as author, the document's own date; python-docx's 「generated by」 note removed)."""
    doc = Document()
    setup_styles(doc)
    setup_page(doc.sections[0], landscape)
    page_numbers(doc)
    props = doc.core_properties
    props.author = props.last_modified_by = author
    props.title = title if len(title) <= 255 else title[:254] + "…"  # the .docx format's limit
    props.comments = ""
    stamp = dt.datetime.combine(day, dt.time()) if day else FIXED_STAMP
    props.created = props.modified = stamp
    props.revision = 1
    doc._policykb_stamp = stamp  # to_bytes keeps it through normalize_zip
    return doc


def set_widths(table, widths: list) -> None:
    """Column widths both as the grid (LibreOffice reads it) and per cell (Word reads those)."""
    table.autofit = False
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(int(width.twips)))
    tblw = table._tbl.tblPr.find(qn("w:tblW"))
    if tblw is not None:
        tblw.set(qn("w:type"), "dxa")
        tblw.set(qn("w:w"), str(int(sum(w.twips for w in widths))))
    for tr in table._tbl.tr_lst:  # a merged cell (gridSpan) is as wide as the columns it spans
        column = 0
        for tc in tr.tc_lst:
            tc.width = Emu(sum(widths[column:column + tc.grid_span]))
            column += tc.grid_span


def paragraph(doc_or_cell, text: str = "", style: str | None = None):
    """A paragraph whose runs carry the style's Chinese font explicitly (Word ignores nothing then)."""
    p = doc_or_cell.add_paragraph(style=style)
    if text:
        p.add_run(text)
    return p


def to_bytes(doc, properties: dict[str, str] | None = None) -> bytes:
    """The document as byte-identical .docx bytes (fixed zip times and core properties), with
    `properties` (provenance) as custom document properties."""
    out = io.BytesIO()
    doc.save(out)
    stamp = getattr(doc, "_policykb_stamp", FIXED_STAMP).strftime("%Y-%m-%dT%H:%M:%SZ")
    return normalized(out.getvalue(), stamp, properties or {})


def provenance(kb_root) -> dict[str, str]:
    """What made a file, for its custom properties (never its text): generator and knowledge-base commit."""
    from importlib.metadata import version
    from pathlib import Path
    from .cache import _policy_history
    return {"policykb.generator": f"policykb {version('policykb')}",
            "policykb.knowledge-base-commit": _policy_history(Path(kb_root)) or "uncommitted"}


_CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"


def normalized(data: bytes, stamp: str, properties: dict[str, str]) -> bytes:
    """A saved .docx with fixed times (`normalize_zip`) and docProps/custom.xml (File > Properties >
    Custom in Word) holding `properties` as text, in one pass over its members."""
    if not properties:
        return normalize_zip(data, stamp)
    from xml.sax.saxutils import escape, quoteattr
    items = "".join(f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{pid}" name={quoteattr(name)}>'
                    f"<vt:lpwstr>{escape(value)}</vt:lpwstr></property>"
                    for pid, (name, value) in enumerate(sorted(properties.items()), start=2))
    custom = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns='
              '"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt='
              f'"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">{items}</Properties>')

    def edit(name: str, body: bytes) -> bytes | None:
        if name == "docProps/custom.xml":
            return None
        if name == "docProps/app.xml":  # python-docx's template claims to be Word for Mac
            body = re.sub(rb"<Application>[^<]*</Application>", b"<Application>policykb</Application>", body)
        if name == "[Content_Types].xml" and _CUSTOM_TYPE.encode() not in body:
            body = body.replace(b"</Types>", f'<Override PartName="/docProps/custom.xml" '
                                             f'ContentType="{_CUSTOM_TYPE}"/></Types>'.encode())
        if name == "_rels/.rels" and _CUSTOM_REL.encode() not in body:
            body = body.replace(b"</Relationships>", f'<Relationship Id="rIdCustomProps" Type="{_CUSTOM_REL}" '
                                                     f'Target="docProps/custom.xml"/></Relationships>'.encode())
        return body

    return normalize_zip(data, stamp, edit, {"docProps/custom.xml": custom.encode("utf-8")})


def read_text(data: bytes) -> list[str]:
    """The visible text of a .docx in reading order: one string per paragraph, table rows tab-joined."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    doc = Document(io.BytesIO(data))
    lines = []
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:p"):
            lines.append(Paragraph(child, doc).text)
        elif child.tag == qn("w:tbl"):
            lines += ["\t".join(cell.text for cell in row.cells) for row in Table(child, doc).rows]
    return lines
