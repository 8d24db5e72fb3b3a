"""The 分工方案 overview: a document's annex as .docx tables (by task, by unit) beside the xlsx.

The rows are `export.task_rows` / `unit_rows`, the same ones the xlsx sheets 按任务 / 按单位 hold.
"""
from __future__ import annotations

import copy

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from ... import export
from ...graph import PolicyGraph
from ... import gongwen as g

DOCX_NAME = "分工方案.docx"
XLSX_NAME = "分工方案.xlsx"
# relative column widths (landscape type area 225 mm); columns not listed get 12
_WIDTH = {"序号": 11, "部分": 20, "任务内容": 66, "牵头单位": 24, "参与单位": 36, "牵头方式": 12, "原文编号": 22, "责任领导": 16, "落实条文": 12,
          "时限": 28, "指标": 24, "单位": 36, "类别": 20, "牵头任务": 56, "参与任务": 86, "牵头数": 14, "参与数": 14}
_RPR = qn("w:rPr")
SMALL = Pt(10.5)  # 五号: a 95-row table in 3号 would run to a hundred pages


# LibreOffice breaks a run of 「3、5、48、59」 anywhere — before a 、 or inside 59; a zero-width space after
# each 、 gives it the break a reader expects (Word breaks there already)
BREAK_AFTER = "、\u200b"


def _cell_text(value) -> str:
    return "" if value is None else str(value).replace("、", BREAK_AFTER)


def _table(doc, header: list[str], rows: list[list]) -> None:
    """The table through python-docx for the header and the first row; every further row a copy of
    the first with its texts set. python-docx's element-by-element API (each child looked up among its
    siblings) made this table most of a one-task rebuild's letters stage at 10 policies; the copies
    give the same XML."""
    uniform = all(len(row) == len(header) for row in rows)
    table = doc.add_table(rows=1 + (min(len(rows), 1) if uniform else len(rows)), cols=len(header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    total = sum(_WIDTH.get(h, 12) for h in header)
    widths = [Mm(225 * _WIDTH.get(h, 12) / total) for h in header]
    g.set_widths(table, widths)
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    # what `p.style = "表格文字"` writes, looked up once: python-docx scans every style on each assignment
    # (to see whether it is the default), which made this table most of the letters stage at 10 policies
    style_id = doc.part.get_style_id("表格文字", WD_STYLE_TYPE.PARAGRAPH)
    for r, (row, values) in enumerate(zip(table.rows, [header, *rows])):  # table.rows[r] would search every row
        for cell, value in zip(row.cells, values):
            p = cell.paragraphs[0]
            p._p.style = style_id
            run = p.add_run(_cell_text(value))
            run.font.size = SMALL
            if r == 0:
                run.bold = True
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if uniform and len(rows) > 1:
        first = table.rows[1]._tr
        for values in rows[1:]:
            tr = copy.deepcopy(first)
            for tc, value in zip(tr.tc_lst, values):
                _set_text(tc.p_lst[0].r_lst[0], _cell_text(value))
            table._tbl.append(tr)


def _set_text(r, text: str) -> None:
    """A run's text anew, its properties kept: what add_run(text) writes (python-docx's `r.text = text`,
    without its XPath lookups for the plain texts of a table)."""
    if any(c in text for c in "\t\r\n"):  # tabs and line breaks are elements of their own
        r.text = text
        return
    for child in list(r):
        if child.tag != _RPR:
            r.remove(child)
    if text:
        t = OxmlElement("w:t")
        t.text = text
        if len(text.strip()) < len(text):
            t.set(qn("xml:space"), "preserve")
        r.append(t)


def _drop_document_column(header: list[str], rows: list[list], single: bool) -> tuple[list[str], list[list]]:
    if not single or header[0] != "文件":
        return header, rows
    return header[1:], [row[1:] for row in rows]


# printed even when every row leaves them empty: what the table is about
_ALWAYS = {"序号", "任务内容", "牵头单位", "单位"}


def _without_empty_columns(header: list[str], rows: list[list]) -> tuple[list[str], list[list]]:
    """The printed table without the columns no row fills (an imported list's 时限, 指标, 落实条文): the others get
    their room, as a landscape page has little to spare."""
    kept = [i for i, h in enumerate(header) if h in _ALWAYS or any(row[i] not in ("", None) for row in rows)]
    return [header[i] for i in kept], [[row[i] for i in kept] for row in rows]


def title(document) -> str:
    """What a document's 分工方案 is called: its annex's title, or for a document that is the list itself
    (an imported 分工表 has no annex), its own title."""
    return document.meta.annex.title if document.meta.annex else document.meta.title


def to_docx(pg: PolicyGraph, doc: str | None = None) -> bytes:
    """按任务 then 按单位, landscape A4, with the title the annex carries: of one document, `doc`, or of
    the whole knowledge base."""
    docs = [pg.kb.documents[doc]] if doc is not None else list(pg.documents())
    titles = (title(docs[0]) if doc is not None else
              "、".join(dict.fromkeys(d.meta.annex.title for d in docs if d.meta.annex)) or "分工方案")
    word = g.new_document(landscape=True, title=titles, author=_issuers(pg, docs) or "policykb",
                        day=min((d.meta.date for d in docs), default=None))
    g.paragraph(word, titles, style="公文标题")
    for label, (header, rows) in (("一、按任务", export.task_rows(pg, doc)), ("二、按单位", export.unit_rows(pg, doc))):
        g.paragraph(word, label, style="一级标题")
        _table(word, *_without_empty_columns(*_drop_document_column(header, rows, len(docs) == 1)))
    return g.to_bytes(word, g.provenance(pg.kb.root))


def _issuers(pg: PolicyGraph, docs: list) -> str:
    return "、".join(dict.fromkeys(pg.kb.units[i].full_name or i if i in pg.kb.units else i
                                   for d in docs for i in d.meta.issuers))


NAMES = [DOCX_NAME, XLSX_NAME]


def files(pg: PolicyGraph, doc: str, xlsx: bytes | None = None) -> dict[str, bytes]:
    """One document's overview files, by name; `xlsx` is the data stage's policykb.xlsx when the knowledge
    base holds this document only and this build made it (the same workbook: made once)."""
    return {DOCX_NAME: to_docx(pg, doc), XLSX_NAME: export.to_xlsx(pg, doc) if xlsx is None else xlsx}


def content(pg: PolicyGraph, doc: str) -> list:
    """Everything one document's overview files show: what a cache keys them by."""
    document = pg.kb.documents[doc]
    return [title(document), _issuers(pg, [document]), document.meta.date.isoformat(), g.provenance(pg.kb.root),
            export.task_rows(pg, doc), export.unit_rows(pg, doc)]
