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
from docx.shared import Mm

from policykb import gongwen as g

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


def _widths(table, widths_mm: list[int]) -> None:
    g.set_widths(table, [Mm(w) for w in widths_mm])


def _task_block(doc, loop: str, role: str) -> None:
    """One task of a unit, repeated by a {%p for %} loop."""
    _tag(doc, f"{{%p for t in {loop} %}}")
    _p(doc, "{{ t.text }}", bold="{{ loop.index }}．分工方案第{{ t.number }}项　")
    if role == "lead":
        _p(doc, "牵头方式：{{ t.lead_note }}。参与单位：{{ t.participants_text or '无' }}。")
    else:
        _p(doc, "牵头单位：{{ t.lead_note }}。其他参与单位：{{ t.other_units_text or '无' }}。")
    _p(doc, "完成时限：{{ t.deadlines_text or '按分工方案工作要求执行' }}。")
    _tag(doc, "{%p if t.indicators %}")
    _p(doc, "量化指标：{{ t.indicators_text }}。")
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p endfor %}")


def _quotes(doc, loop: str) -> None:
    _tag(doc, f"{{%p for q in {loop} %}}")
    _p(doc, "“{{ q.text }}”（{{ q.source }}）")
    _tag(doc, "{%p endfor %}")


def _signatures(doc) -> None:
    rows = [("甲方（盖章）：", "乙方（盖章）："),
            ("{{ letter.party_a }}", "{{ unit.name }}"),
            ("", ""),
            ("负责人（签字）：", "主要负责人（签字）："),
            ("", ""),
            ("　　　　年　　月　　日", "　　　　年　　月　　日")]
    table = doc.add_table(rows=len(rows), cols=2)
    _no_borders(table)
    for row, texts in zip(table.rows, rows):
        for cell, text in zip(row.cells, texts):
            p = cell.paragraphs[0]
            p.add_run(text)
            g.no_indent(p._p.get_or_add_pPr())
    _widths(table, [84, 72])


def _task_table(doc) -> None:
    header = ["序号", "任务内容", "承担方式", "牵头单位", "参与单位", "完成时限"]
    table = doc.add_table(rows=4, cols=len(header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, header):
        _cell(cell, text, center=True, bold=True)
    repeat = OxmlElement("w:tblHeader")
    table.rows[0]._tr.get_or_add_trPr().append(repeat)
    _cell(table.rows[1].cells[0], "{%tr for t in tasks %}")
    body = ["{{ t.number }}", "{{ t.text }}", "{{ t.role_text }}", "{{ t.lead_text }}", "{{ t.participants_text }}",
            "{% for d in t.deadlines %}{{ d.phrase }}（{{ d.date }}）{% if not loop.last %}；{% endif %}{% endfor %}"]
    for i, (cell, text) in enumerate(zip(table.rows[2].cells, body)):
        _cell(cell, text, center=i in (0, 2))
    _cell(table.rows[3].cells[0], "{%tr endfor %}")
    _widths(table, [14, 50, 16, 22, 26, 28])


def make() -> bytes:
    doc = g.new_document(title="{{ unit.name }}重要政策措施责任书")
    _p(doc, "{{ letter.title }}", style="公文标题")
    _p(doc, "（{{ unit.name }}）", style="二级标题", indent=False, center=True)
    _p(doc, "{{ letter.number }}", indent=False, center=True)
    _p(doc)
    _p(doc, "{{ letter.party_a }}", indent=False, bold="甲方：")
    _p(doc, "{{ unit.name }}", indent=False, bold="乙方：")
    _p(doc)
    _p(doc, "为确保{{ document.issuers_text }}{{ document.date }}印发的{{ document.cited_title }}及其附件"
            "《{{ document.annex_title }}》提出的各项重要政策措施落到实处、见到实效，明确责任、传导压力，"
            "甲乙双方依据分工方案签订本责任书。乙方牵头负责{{ lead_count }}项任务，参与{{ participant_count }}项任务。")
    _tag(doc, "{%p if unit.collective %}")
    _p(doc, "乙方为集合单位，本责任书所列任务由其所含各单位分别承担、分别落实。")
    _tag(doc, "{%p endif %}")

    _p(doc, "一、目标任务", style="一级标题")
    _p(doc, "（一）乙方牵头的任务（{{ lead_count }}项）", style="二级标题")
    _tag(doc, "{%p if not lead_tasks %}")
    _p(doc, "分工方案中乙方没有牵头的任务。")
    _tag(doc, "{%p endif %}")
    _task_block(doc, "lead_tasks", "lead")
    _p(doc, "（二）乙方参与的任务（{{ participant_count }}项）", style="二级标题")
    _tag(doc, "{%p if not participant_tasks %}")
    _p(doc, "分工方案中乙方没有参与的任务。")
    _tag(doc, "{%p endif %}")
    _task_block(doc, "participant_tasks", "participant")

    _p(doc, "二、工作职责", style="一级标题")
    _p(doc, "（一）牵头单位", style="二级标题")
    _quotes(doc, "duties.lead")
    _p(doc, "（二）参与单位", style="二级标题")
    _quotes(doc, "duties.participant")
    _p(doc, "（三）共同要求", style="二级标题")
    _quotes(doc, "duties.general")

    _p(doc, "三、时间节点和报告制度", style="一级标题")
    _tag(doc, "{%p for r in reporting %}")
    _p(doc, "“{{ r.text }}”（{{ r.source }}）",
       bold="{{ loop.index }}．{{ r.phrase }}（{{ r.date }}{% if r.next %}，下一次为{{ r.next }}{% endif %}）：")
    _tag(doc, "{%p endfor %}")

    _p(doc, "四、考核奖惩", style="一级标题")
    _p(doc, "甲方按照《{{ document.short_title }}》的规定，对乙方落实本责任书的情况进行考核、督查和问责。有关规定如下：")
    _tag(doc, "{%p for a in assessment %}")
    _p(doc, "“{{ a.excerpt }}”", bold="《{{ document.short_title }}》{{ a.number_cn }}（{{ a.title }}）：")
    _tag(doc, "{%p endfor %}")

    _p(doc, "五、附则", style="一级标题")
    _p(doc, "1．本责任书所列任务以《{{ document.annex_title }}》为准；分工方案调整时，甲方重新印发责任书。")
    _p(doc, "2．本责任书一式两份，甲乙双方各执一份，自双方签字盖章之日起生效。")
    _p(doc, "3．本责任书依据截至{{ letter.as_of }}的政策知识库生成。")
    _p(doc)
    _p(doc, "附表：{{ unit.name }}重要政策措施任务清单")
    _p(doc)
    _signatures(doc)

    mark = _p(doc, "附表", style="附件标识")
    mark.paragraph_format.page_break_before = True
    _p(doc)
    _p(doc, "{{ unit.name }}重要政策措施任务清单", style="公文标题")
    _p(doc)
    _task_table(doc)
    return g.to_bytes(doc)


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    out.write_bytes(make())
    print(f"wrote {out}")
