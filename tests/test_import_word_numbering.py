"""A .docx numbered by Word's own list numbering: the numbers are drawn by Word, not written in the text, and the
importer must see them as a reader does (「一、」「（二）」, a table's 序号 1, 2, 3)."""
from __future__ import annotations

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from conftest import import_cli
from policykb.ingest import readers
from policykb.ownnumbers import chinese_numeral as chinese

_ABSTRACT = f"""<w:abstractNum {nsdecls('w')} w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>"""
_DECIMAL = f"""<w:abstractNum {nsdecls('w')} w:abstractNumId="91">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl>
</w:abstractNum>"""


def _numbered_document() -> docx.Document:
    document = docx.Document()
    numbering = document.part.numbering_part.element
    first_num = numbering.find(parse_xml(_ABSTRACT).tag.replace("abstractNum", "num"))
    for xml in (_ABSTRACT, _DECIMAL):  # abstract definitions go before the first <w:num>
        first_num.addprevious(parse_xml(xml))
    for num, abstract, start in (("90", "90", None), ("91", "91", None), ("92", "91", 1), ("93", "90", 5)):
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num}"><w:abstractNumId w:val="{abstract}"/>'
                                   + (f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride>'
                                      if start else "") + "</w:num>"))
    return document


def _number(paragraph, num: str, level: int = 0) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'))


def _table(document, rows: list[tuple[str, ...]], num: str) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
        if r:  # the 序号 cell: empty text, numbered by the list
            _number(table.cell(r, 0).paragraphs[0], num)


def test_numbers_count_as_lists_do():
    assert [chinese(n) for n in (1, 10, 11, 20, 23, 100, 105, 112)] == \
        ["一", "十", "十一", "二十", "二十三", "一百", "一百零五", "一百一十二"]


def test_a_documents_list_numbers_are_read_as_a_reader_sees_them(tmp_path):
    document = _numbered_document()
    document.add_paragraph("萧县人民政府办公室关于印发重点工作任务分工的通知")
    for text, level in (("农村人居环境", 0), ("推进垃圾清运（县住建局牵头，县财政局配合）", 1),
                        ("整治河道（县水利局负责）", 1), ("基础设施", 0), ("改造农村公路（县交通运输局负责）", 1)):
        _number(document.add_paragraph(text), "90", level)
    unnumbered = document.add_paragraph("附件")
    _table(document, [("序号", "重点任务", "牵头单位"), ("", "建设公厕", "县城管局"), ("", "改造户厕", "县农业农村局")], "91")
    _table(document, [("序号", "重点任务", "牵头单位"), ("", "清理沟渠", "县水利局")], "92")  # its own list: from 1
    path = tmp_path / "numbered.docx"
    document.save(path)
    texts = [b.text for b in readers.read(path).blocks]
    assert texts[1:6] == ["一、农村人居环境", "（一）推进垃圾清运（县住建局牵头，县财政局配合）", "（二）整治河道（县水利局负责）",
                          "二、基础设施", "（一）改造农村公路（县交通运输局负责）"]  # a level restarts after a higher one
    assert unnumbered.text in texts
    rows = [b.cells for b in readers.read(path).blocks if b.is_row]
    assert [r[0] for r in rows] == ["序号", "1", "2", "序号", "1"]


def test_an_imported_list_keeps_word_s_numbers_as_the_tasks_own(tmp_path):
    document = _numbered_document()
    document.add_paragraph("萧县人民政府办公室关于印发重点工作任务分工的通知")
    for text in ("推进垃圾清运（县住建局牵头，县财政局配合）", "整治河道（县水利局负责）", "改造农村公路（县交通运输局负责）"):
        _number(document.add_paragraph(text), "93")  # a list going on from an earlier document's item 四
    document.add_paragraph("萧县人民政府办公室")
    document.add_paragraph("2024年3月1日")
    path = tmp_path / "通知.docx"
    document.save(path)
    folder = import_cli(tmp_path, path)
    review = (folder / "import-review.txt").read_text(encoding="utf-8")
    tasks = [t.read_text(encoding="utf-8") for t in sorted((folder / "tasks").glob("*.yaml"))]
    assert len(tasks) == 3 and "原文编号 七、" in review, review  # 五、六、七 as Word draws them, not 1, 2, 3
    assert "label: 七、" in tasks[2] and "text: 改造农村公路" in tasks[2], tasks[2]


def test_a_document_without_list_numbering_reads_as_before(tmp_path):
    document = docx.Document()
    document.add_paragraph("一、推进垃圾清运（县住建局牵头）")
    path = tmp_path / "plain.docx"
    document.save(path)
    assert [b.text for b in readers.read(path).blocks] == ["一、推进垃圾清运（县住建局牵头）"]
