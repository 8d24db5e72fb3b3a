"""Make templates/letter.docx, the responsibility-letter template, reproducibly.

    PYTHONPATH=src python templates/make_letter_template.py [OUT.docx]

The result is an ordinary Word file with docxtpl tags ({{ … }}, {%p … %}, {%tr … %}); staff may
edit it in Word afterwards and policykb uses the edited file. The fields it may use are listed in
templates/README.md. Run this script only to start over from the standard layout.
"""
from __future__ import annotations

import sys
from pathlib import Path

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from policykb import gongwen as g
from policykb.render.letters.context import SIGNATURE_COLUMNS_MM

TABLE_SIZE = Pt(10.5)  # 五号: the task text in the 附件 table, a column half the type area wide
OUT = Path(__file__).resolve().parent / "letter.docx"


def _p(doc, text: str = "", style: str | None = None, indent: bool = True, center: bool = False, bold: str = ""):
    """A paragraph; `bold` is a leading run in bold (e.g. the task number), `text` follows."""
    p = doc.add_paragraph(style=style)
    if not indent:
        g.no_indent(p._p.get_or_add_pPr())
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if bold:
        run = p.add_run(bold)
        run.bold = True
    if text:
        p.add_run(text)
    return p


def _tag(doc, tag: str) -> None:
    """A paragraph holding only a docxtpl block tag ({%p … %}); it disappears when rendered."""
    _p(doc, tag, indent=False)


def _no_borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "nil")
        borders.append(edge)
    table._tbl.tblPr.insert_element_before(borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook",
                                           "w:tblCaption", "w:tblDescription", "w:tblPrChange")


def _cell(cell, text: str, center: bool = False, bold: bool = False) -> None:
    p = cell.paragraphs[0]
    p.style = "表格文字"
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run(text)
    run.bold = bold
    run.font.size = TABLE_SIZE


def _widths(table, widths_mm: list[int]) -> None:
    g.set_widths(table, [Mm(w) for w in widths_mm])


def _quotes(doc, loop: str) -> None:
    _tag(doc, f"{{%p for q in {loop} %}}")
    _p(doc, "“{{ q.text }}”（{{ q.source }}）")
    _tag(doc, "{%p endfor %}")


def _signatures(doc) -> None:
    """甲方 and 乙方 side by side: seal, names, a line per signatory, the date (rows made by policykb).
    One table row that cannot split, so the block is never cut by a page break."""
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    for cell, side in zip(table.rows[0].cells, ("party_a", "party_b")):
        for i, text in enumerate(("{%p for r in letter.signature_rows %}", f"{{{{ r.{side} }}}}", "{%p endfor %}")):
            p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
            p.add_run(text)
            p.alignment = WD_ALIGN_PARAGRAPH.LEFT  # justified lines before a line break would spread out
            g.no_indent(p._p.get_or_add_pPr())
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    _widths(table, list(SIGNATURE_COLUMNS_MM))


def _together(p, last: bool = False):
    """Keep a paragraph whole and on the page of the next: the closing block is never split from the
    signatures, and no page holds a signature or a date alone (Word and LibreOffice both read these)."""
    p.paragraph_format.keep_together = True
    p.paragraph_format.keep_with_next = not last
    return p


def _issuer_signature(doc) -> None:
    """A notice is signed by the issuers alone, right-aligned, with the date below."""
    _tag(doc, "{%p for name in letter.party_a_names %}")
    p = _together(_p(doc, "{{ name }}", indent=False))
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _tag(doc, "{%p endfor %}")
    p = _together(_p(doc, "{{ letter.date }}", indent=False), last=True)
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _task_table(doc) -> None:
    """The 附件 table: the tasks the unit leads, then those it joins, each group under a row naming it.
    policykb sizes the columns to each letter's unit names (letters/columns.py), one name a line;
    no row splits across pages; the header row repeats on each."""
    header = ["序号", "任务内容", "牵头单位", "参与单位"]
    table = doc.add_table(rows=13, cols=len(header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, header):
        _cell(cell, text, center=True, bold=True)
    repeat = OxmlElement("w:tblHeader")
    table.rows[0]._tr.get_or_add_trPr().append(repeat)
    body = ["{{ t.number_text }}", "{{ t.text }}{% if t.indicators %}（量化指标：{{ t.indicators_text }}）{% endif %}"
            "{% if t.deadline_note %}（完成时限：{{ t.deadline_note }}）{% endif %}",
            "{{ t.lead_lines }}", "{{ t.participants_lines or '—' }}"]
    for first, (group, label) in enumerate((("lead_tasks", "牵头任务（{{ lead_count }}项）"),
                                             ("participant_tasks", "参与任务（{{ participant_count }}项）"))):
        row = 1 + 6 * first
        _cell(table.rows[row].cells[0], f"{{%tr if {group} %}}")
        heading = table.rows[row + 1].cells[0].merge(table.rows[row + 1].cells[-1])
        _cell(heading, label, bold=True)
        heading.paragraphs[0].paragraph_format.keep_with_next = True  # never alone at a page's foot
        _cell(table.rows[row + 2].cells[0], "{%tr endif %}")
        _cell(table.rows[row + 3].cells[0], f"{{%tr for t in {group} %}}")
        for i, (cell, text) in enumerate(zip(table.rows[row + 4].cells, body)):
            _cell(cell, text, center=i == 0)
        _cell(table.rows[row + 5].cells[0], "{%tr endfor %}")
    for row in table.rows[1:]:
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    g.set_widths(table, [Mm(w) for w in (12, 88, 28, 28)])


def make() -> bytes:
    doc = g.new_document(title="{{ letter.title }}", author="{{ letter.party_a }}")
    _p(doc, "{{ letter.title }}", style="公文标题")
    _tag(doc, "{%p if letter.number %}")  # a document with no numbering style of its own gets none made up
    _p(doc, "{{ letter.number }}", indent=False, center=True)
    _tag(doc, "{%p endif %}")
    _p(doc)
    _tag(doc, "{%p if letter.signed %}")
    _p(doc, "{{ letter.party_a }}", indent=False, bold="甲方：")
    _p(doc, "{{ unit.full_name }}", indent=False, bold="乙方：")
    _p(doc, "为确保{{ document.issuers_text }}{{ document.date }}印发的{{ document.cited_title }}{{ document.short_clause }}"
            "{{ document.annex_clause }}提出的各项{{ document.measures }}落到实处、"
            "见到实效，明确责任、传导压力，甲乙双方签订本责任书。")
    _tag(doc, "{%p else %}")
    _p(doc, "{{ unit.full_name }}：", indent=False)
    _p(doc, "为确保{{ document.issuers_text }}{{ document.date }}印发的{{ document.cited_title }}{{ document.short_clause }}"
            "{{ document.annex_clause }}提出的各项{{ document.measures }}落到实处、"
            "见到实效，现将{{ document.plan_name }}明确由你单位承担的任务告知如下，请结合职能抓好落实。")
    _tag(doc, "{%p endif %}")

    _p(doc, "{{ headings.tasks }}", style="一级标题")
    _p(doc, "{{ letter.you }}{% if lead_count %}牵头{{ lead_count }}项任务"
            "{% if lead_notes and attachment %}（{{ lead_notes | join('；') }}）{% endif %}{% endif %}"
            "{% if lead_count and participant_count %}，{% endif %}"
            "{% if participant_count %}参与{{ participant_count }}项任务{% endif %}"
            "{% if attachment %}，任务清单见附件。{% else %}：{% endif %}")
    _tag(doc, "{%p if not attachment %}")
    _tag(doc, "{%p for t in tasks %}")
    _p(doc, "{{ t.text }}（{{ t.details }}）", bold="{{ t.ref }}　")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p if unit.collective_note %}")
    _p(doc, "{{ unit.collective_note }}")
    _tag(doc, "{%p endif %}")

    _tag(doc, "{%p if headings.duties %}")  # no heading over an empty section
    _p(doc, "{{ headings.duties }}", style="一级标题")
    _tag(doc, "{%p endif %}")
    _quotes(doc, "duties.lead")
    _quotes(doc, "duties.participant")
    _quotes(doc, "duties.general")

    _tag(doc, "{%p if reporting %}")
    _p(doc, "{{ headings.reporting }}", style="一级标题")
    _tag(doc, "{%p for r in reporting %}")
    # short and last in a notice: it goes with 特此函告 and the signature rather than leave them alone
    _together(_p(doc, "“{{ r.text }}”（{{ r.source }}）", bold="{{ r.phrase }}："))
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p endif %}")

    _tag(doc, "{%p if assessment %}")
    _p(doc, "{{ headings.assessment }}", style="一级标题")
    _p(doc, "甲方按照{{ document.cited_short_title }}的规定，对乙方落实本责任书的情况进行考核、督查和问责。有关规定如下：")
    _tag(doc, "{%p for a in assessment %}")
    _p(doc, "“{{ a.excerpt }}”", bold="{{ a.number_cn }}（{{ a.title }}）：")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p endif %}")

    _tag(doc, "{%p if not letter.signed %}")
    _together(_p(doc, "特此函告。"))
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p if letter.signed %}")
    _p(doc, "{{ headings.closing }}", style="一级标题")
    _p(doc, "1．本责任书所列任务以{{ document.basis }}为准，有效期至{{ document.period_end }}；"
            "{{ document.plan_name }}调整时，甲方重新印发责任书。")
    # the last clause goes with the signatures: GB/T 9704 never leaves them alone on a page
    _together(_p(doc, "2．{{ letter.copies_clause }}"))
    _tag(doc, "{%p endif %}")
    _together(_p(doc))
    _tag(doc, "{%p if attachment %}")
    _together(_p(doc, "附件：{{ attachment_title }}"))
    _together(_p(doc))
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p if letter.signed %}")
    _signatures(doc)
    _tag(doc, "{%p else %}")
    _issuer_signature(doc)
    _tag(doc, "{%p endif %}")

    _tag(doc, "{%p if attachment %}")
    mark = _p(doc, "附件", style="附件标识")
    mark.paragraph_format.page_break_before = True
    _p(doc)
    _p(doc, "{{ attachment_title }}", style="公文标题")
    _p(doc)
    _task_table(doc)
    _tag(doc, "{%p endif %}")
    return g.to_bytes(doc)


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    out.write_bytes(make())
    print(f"wrote {out}")
