"""A .docx as offices pass it around: tracked changes never accepted, old Word's smart tags around dates, fields,
content controls around paragraphs and tables. The importer reads what Word shows with the changes accepted."""
from __future__ import annotations

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from conftest import import_cli
from policykb.ingest import readers

W = nsdecls("w")


def _append(paragraph, xml: str) -> None:
    paragraph._p.append(parse_xml(xml))


def _run(text: str) -> str:
    return f"<w:r><w:t xml:space='preserve'>{text}</w:t></w:r>"


def _revised_document() -> docx.Document:
    document = docx.Document()
    document.add_paragraph("萧县人民政府办公室关于印发重点工作任务分工的通知")
    task = document.add_paragraph("1.推进垃圾清运")
    _append(task, f"<w:ins {W} w:id='1' w:author='a'>{_run('（县住建局牵头，县财政局配合）')}</w:ins>")
    _append(task, f"<w:del {W} w:id='2' w:author='a'><w:r><w:delText>（县城管局负责）</w:delText></w:r></w:del>")
    second = document.add_paragraph("2.整治河道")
    _append(second, f"<w:smartTag {W} w:uri='urn:schemas-microsoft-com:office:smarttags' w:element='PersonName'>"
                    f"{_run('（县水利局负责）')}</w:smartTag>")
    body = document.element.body
    body.insert(len(body) - 1, parse_xml(  # a content control around a paragraph, as OA templates make them
        f"<w:sdt {W}><w:sdtPr><w:alias w:val='正文'/></w:sdtPr><w:sdtContent>"
        f"<w:p>{_run('3.改造农村公路（县交通运输局负责）')}</w:p></w:sdtContent></w:sdt>"))
    document.add_paragraph("萧县人民政府办公室")
    date = document.add_paragraph()
    _append(date, f"<w:smartTag {W} w:uri='urn:schemas-microsoft-com:office:smarttags' w:element='chsdate'>"
                  f"{_run('2024年3月1日')}</w:smartTag>")
    return document


def test_a_paragraph_reads_as_word_shows_it_with_its_changes_accepted(tmp_path):
    document = _revised_document()
    field = document.add_paragraph("文号：")
    _append(field, f"<w:fldSimple {W} w:instr=' DOCPROPERTY 文号 '>{_run('萧政办〔2024〕3号')}</w:fldSimple>")
    boxed = document.add_paragraph("正文")  # a text box's words are laid out elsewhere: not in this line
    _append(boxed, f"<w:r {W}><w:pict><v:shape xmlns:v='urn:schemas-microsoft-com:vml'><v:textbox><w:txbxContent {W}>"
                   f"<w:p>{_run('框里的字')}</w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>")
    ruby = document.add_paragraph()  # pinyin set above the characters: the characters only
    _append(ruby, f"<w:r {W}><w:ruby><w:rt>{_run('zhèn')}</w:rt><w:rubyBase>{_run('镇')}</w:rubyBase></w:ruby></w:r>")
    path = tmp_path / "revised.docx"
    document.save(path)
    texts = [b.text for b in readers.read(path).blocks]
    assert "1.推进垃圾清运（县住建局牵头，县财政局配合）" in texts  # inserted in, deleted out
    assert "2.整治河道（县水利局负责）" in texts and "2024年3月1日" in texts  # smart tags
    assert "3.改造农村公路（县交通运输局负责）" in texts  # inside a content control
    assert "文号：萧政办〔2024〕3号" in texts and "正文" in texts and "镇" in texts
    assert not any("框里的字" in t or "zhèn" in t or "城管局" in t for t in texts)


def test_a_table_inside_a_content_control_and_its_cells_controls_are_read(tmp_path):
    document = docx.Document()
    document.add_paragraph("任务分工表")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "重点任务", "牵头单位"
    table.cell(1, 0).text = "建设公厕"
    cell = table.cell(1, 1)._tc
    cell.remove(cell.p_lst[0])
    cell.append(parse_xml(f"<w:sdt {W}><w:sdtContent><w:p>{_run('县城管局')}</w:p></w:sdtContent></w:sdt>"))
    body = document.element.body
    tbl = table._tbl
    body.remove(tbl)
    wrapper = parse_xml(f"<w:sdt {W}><w:sdtContent/></w:sdt>")
    wrapper[0].append(tbl)
    body.insert(len(body) - 1, wrapper)
    path = tmp_path / "controls.docx"
    document.save(path)
    rows = [b.cells for b in readers.read(path).blocks if b.is_row]
    assert rows == [("重点任务", "牵头单位"), ("建设公厕", "县城管局")]


def test_an_unaccepted_revision_imports_its_units_and_a_smart_tagged_date(tmp_path):
    path = tmp_path / "通知.docx"
    _revised_document().save(path)
    folder = import_cli(tmp_path, path)  # without the smart tag's date: import-no-date
    assert "date: 2024-03-01" in (folder / "document.yaml").read_text(encoding="utf-8")
    tasks = [t.read_text(encoding="utf-8") for t in sorted((folder / "tasks").glob("*.yaml"))]
    assert len(tasks) == 3
    assert "萧县住建局" in tasks[0] and "萧县财政局" in tasks[0] and "城管局" not in tasks[0]


def test_a_web_page_embedded_whole_is_read_in_its_place(tmp_path):
    """OA systems export a text written in their HTML editor as a .docx that embeds the page (w:altChunk)."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    document = docx.Document()
    document.add_paragraph("萧县人民政府办公室关于印发重点工作任务分工的通知")
    page = ("<html><body><p>1.推进垃圾清运（县住建局牵头）</p><table><tr><td>重点任务</td><td>牵头单位</td></tr>"
            "<tr><td>建设公厕</td><td>县城管局</td></tr></table></body></html>").encode("utf-8")
    part = Part(PackURI("/word/afchunk1.html"), "text/html", page, document.part.package)
    rid = document.part.relate_to(part, RELATIONSHIP_TYPE.A_F_CHUNK)
    body = document.element.body
    body.insert(len(body) - 1, parse_xml(f"<w:altChunk {W} {nsdecls('r')} r:id='{rid}'/>"))
    document.add_paragraph("萧县人民政府办公室")
    path = tmp_path / "export.docx"
    document.save(path)
    read = readers.read(path).blocks
    texts = [b.text for b in read]
    assert texts[0] == "萧县人民政府办公室关于印发重点工作任务分工的通知" and texts[-1] == "萧县人民政府办公室"
    assert "1.推进垃圾清运（县住建局牵头）" in texts
    assert [b.cells for b in read if b.is_row] == [("重点任务", "牵头单位"), ("建设公厕", "县城管局")]
    assert all(b.where.startswith("嵌入网页") for b in read[1:-1])


def test_a_page_copied_into_word_in_its_layout_table_reads_as_its_body(tmp_path):
    """A web page pasted into Word keeps the page's layout table: the text and the division table sit in one cell."""
    document = docx.Document()
    layout = document.add_table(rows=1, cols=1)
    cell = layout.cell(0, 0)
    cell.paragraphs[0].text = "萧县人民政府办公室关于印发重点工作任务分工的通知"
    cell.add_paragraph("1.推进垃圾清运（县住建局牵头）")
    inner = cell.add_table(rows=2, cols=2)
    for r, row in enumerate([("重点任务", "牵头单位"), ("建设公厕", "县城管局")]):
        for c, text in enumerate(row):
            inner.cell(r, c).text = text
    cell.add_paragraph("萧县人民政府办公室")
    path = tmp_path / "pasted.docx"
    document.save(path)
    read = readers.read(path).blocks
    assert [b.text for b in read if not b.is_row] == ["萧县人民政府办公室关于印发重点工作任务分工的通知",
                                                      "1.推进垃圾清运（县住建局牵头）", "萧县人民政府办公室"]
    assert [(b.cells, b.where) for b in read if b.is_row] == [(("重点任务", "牵头单位"), "表1第1行"),
                                                               (("建设公厕", "县城管局"), "表1第2行")]


def test_a_forms_repeating_rows_and_wrapped_cells_are_read_and_deleted_rows_are_not(tmp_path):
    """A form template's repeating section wraps rows in a content control, one row per entry; a cell may be wrapped
    too. python-docx sees only bare rows and cells, so every task filled into the form was lost."""
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "重点任务", "牵头单位"
    tbl = table._tbl

    def row(*texts: str) -> str:
        return "<w:tr>" + "".join(f"<w:tc><w:p>{_run(t)}</w:p></w:tc>" for t in texts) + "</w:tr>"

    tbl.append(parse_xml(f"<w:sdt {W}><w:sdtPr><w:alias w:val='任务'/></w:sdtPr><w:sdtContent>"
                         f"<w:sdt><w:sdtContent>{row('建设公厕', '县城管局')}</w:sdtContent></w:sdt>"
                         f"<w:sdt><w:sdtContent>{row('整治河道', '县水利局')}</w:sdtContent></w:sdt>"
                         f"</w:sdtContent></w:sdt>"))
    wrapped_cell = parse_xml(f"<w:tr {W}><w:tc><w:p>{_run('改造公路')}</w:p></w:tc><w:sdt><w:sdtContent>"
                             f"<w:tc><w:p>{_run('县交通运输局')}</w:p></w:tc></w:sdtContent></w:sdt></w:tr>")
    tbl.append(wrapped_cell)
    deleted = parse_xml(f"<w:tr {W}><w:trPr><w:del w:id='9' w:author='a'/></w:trPr>"
                        f"<w:tc><w:p>{_run('撤销的任务')}</w:p></w:tc><w:tc><w:p>{_run('县林业局')}</w:p></w:tc></w:tr>")
    tbl.append(deleted)
    path = tmp_path / "form.docx"
    document.save(path)
    rows = [b.cells for b in readers.read(path).blocks if b.is_row]
    assert rows == [("重点任务", "牵头单位"), ("建设公厕", "县城管局"), ("整治河道", "县水利局"),
                    ("改造公路", "县交通运输局")]


def test_text_formatted_as_hidden_is_not_read(tmp_path):
    """A template's hidden notes to whoever fills it in: Word neither shows nor prints them."""
    document = docx.Document()
    task = document.add_paragraph("1.推进垃圾清运（县住建局牵头）")
    _append(task, f"<w:r {W}><w:rPr><w:vanish/></w:rPr><w:t>（填写说明：此处写配合单位）</w:t></w:r>")
    shown = document.add_paragraph("2.整治河道")
    _append(shown, f"<w:r {W}><w:rPr><w:vanish w:val='0'/></w:rPr><w:t>（县水利局负责）</w:t></w:r>")
    path = tmp_path / "hidden.docx"
    document.save(path)
    texts = [b.text for b in readers.read(path).blocks]
    assert texts == ["1.推进垃圾清运（县住建局牵头）", "2.整治河道（县水利局负责）"]
