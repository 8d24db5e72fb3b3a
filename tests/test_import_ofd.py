"""`policykb import` of an OFD (GB/T 33190), the format 党政机关 exchange their 电子公文 in: the characters each page
and its template pages place, made lines by where they stand and paragraphs by the rules a PDF's lines follow; a
scanned or damaged OFD refused with the way out."""
from __future__ import annotations

import io
import zipfile

import pytest

from conftest import import_cli
from policykb.ingest import readers
from policykb.ingest.source import ImportFailed

NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'
LEFT, PITCH, ADVANCE, SIZE = 28.0, 10.2, 5.57, 5.6  # GB/T 9704's type area: 28 characters of 三号 a line
FULL = 28


def _line(text: str, row: int, indent: int = 0, right: bool = False) -> str:
    """A line as one text object, each character advancing by its width (a digit half a Chinese character's), runs
    of equal advances compressed as producers write them (「g N d」)."""
    steps = [ADVANCE * (0.5 if ch.isascii() else 1) for ch in text[:-1]]
    width = sum(steps) + ADVANCE
    x = LEFT + FULL * ADVANCE - width if right else LEFT + indent * ADVANCE
    y = 37.0 + row * PITCH
    return (f'<ofd:TextObject ID="1" Boundary="{x:.2f} {y:.2f} 160 7" Size="{SIZE}">'
            f'<ofd:TextCode X="0" Y="{SIZE}" DeltaX="{_compressed(steps)}">{text}</ofd:TextCode></ofd:TextObject>')


def _compressed(steps: list[float]) -> str:
    words, n = [], 0
    while n < len(steps):
        same = next((k for k in range(n, len(steps)) if steps[k] != steps[n]), len(steps)) - n
        words += [f"g {same} {steps[n]:.3f}"] if same > 1 else [f"{steps[n]:.3f}"]
        n += same
    return " ".join(words)


def _glyph_by_glyph(text: str, row: int) -> str:
    """A line whose every character is its own object, as some converters write it, in no particular order."""
    y = 37.0 + row * PITCH
    objects = [f'<ofd:TextObject ID="2" Boundary="{LEFT + i * ADVANCE:.2f} {y + 0.3 * (i % 2):.2f} 6 7" '
               f'Size="{SIZE}"><ofd:TextCode X="0" Y="{SIZE}">{ch}</ofd:TextCode></ofd:TextObject>'
               for i, ch in enumerate(text)]
    return "".join(reversed(objects))


def _content(objects: list[str], template: str | None = None) -> str:
    use = f'<ofd:Template TemplateID="{template}"/>' if template else ""
    return (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {NS}>{use}<ofd:Content><ofd:Layer ID="9">'
            f'<ofd:PageBlock ID="8">{"".join(objects)}</ofd:PageBlock></ofd:Layer></ofd:Content></ofd:Page>')


def ofd(pages: list[list[str]], template: list[str] | None = None) -> bytes:
    """An OFD package: OFD.xml, Doc_0/Document.xml, a Content.xml per page (and one template page they all use)."""
    listed = "".join(f'<ofd:Page ID="{n + 10}" BaseLoc="Pages/Page_{n}/Content.xml"/>' for n in range(len(pages)))
    common = '<ofd:TemplatePage ID="5" BaseLoc="Tpls/Tpl_0/Content.xml"/>' if template else ""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("OFD.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {NS} Version="1.0" DocType="OFD">'
                                    f'<ofd:DocBody><ofd:DocInfo><ofd:DocID>x</ofd:DocID></ofd:DocInfo>'
                                    f'<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>')
        package.writestr("Doc_0/Document.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {NS}>'
                                               f'<ofd:CommonData><ofd:MaxUnitID>99</ofd:MaxUnitID><ofd:PageArea>'
                                               f'<ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>{common}'
                                               f'</ofd:CommonData><ofd:Pages>{listed}</ofd:Pages></ofd:Document>')
        for n, objects in enumerate(pages):
            package.writestr(f"Doc_0/Pages/Page_{n}/Content.xml", _content(objects, "5" if template else None))
        if template:
            package.writestr("Doc_0/Tpls/Tpl_0/Content.xml", _content(template))
    return out.getvalue()


def _notice() -> bytes:
    opening = ("为深入推进农村人居环境整治，经县人民政府同意，现将人居环境整治重点任务分工方案印发给你们，"
               "请结合实际认真贯彻落实。")
    first = "一、开展村庄清洁行动。全面清理生活垃圾、河塘沟渠和畜禽养"
    assert len(first) == FULL and len(opening) > 54
    return ofd(
        [[_line("桃源县人民政府办公室关于印发人居环境整治", 1, indent=4),
          _line("重点任务分工方案的通知", 2, indent=8),
          _line("桃政办发〔2025〕6号", 3, indent=9),
          _line("各乡镇人民政府，县直有关单位：", 4),
          _line(opening[:26], 5, indent=2),
          _line(opening[26:54], 6),
          _line(opening[54:], 7),
          _line(first, 8, indent=0),
          _line("殖粪污。（县农业农村局牵头，县住建局、县卫健局配合）", 9),
          _glyph_by_glyph("二、推进农村改厕。（县农业农村局负责）", 10),
          _line("— 1 —", 14, indent=12)],
         [_line("三、治污。（县生态环境分局牵头，县水利局配合）", 0),
          _line("桃源县人民政府办公室", 2, right=True),
          _line("2025年3月10日", 3, right=True),
          _line("— 2 —", 14, indent=12)]],
        template=[_line("桃源县人民政府办公室文件", -2, indent=8)])


def test_an_ofd_reads_as_paragraphs_with_its_template_and_without_page_numbers(tmp_path):
    path = tmp_path / "通知.ofd"
    path.write_bytes(_notice())
    source = readers.read(path)
    texts = [b.text for b in source.blocks]
    assert source.kind == "ofd" and texts[0] == "桃源县人民政府办公室文件"  # the 版头 on the template page
    assert "一、开展村庄清洁行动。全面清理生活垃圾、河塘沟渠和畜禽养殖粪污。（县农业农村局牵头，县住建局、县卫健局配合）" in texts
    assert opening_of(texts).endswith("请结合实际认真贯彻落实。")
    assert "二、推进农村改厕。（县农业农村局负责）" in texts  # a character an object, jittered: one line
    assert "三、治污。（县生态环境分局牵头，县水利局配合）" in texts
    assert not any("—" in t for t in texts) and texts[-2:] == ["桃源县人民政府办公室", "2025年3月10日"]


def opening_of(texts: list[str]) -> str:
    return next(t for t in texts if t.startswith("为深入推进"))


def test_an_ofd_notice_imports_its_tasks_issuer_and_date_each_flagged_for_review(tmp_path):
    path = tmp_path / "通知.ofd"
    path.write_bytes(_notice())
    folder = import_cli(tmp_path, path)
    document = (folder / "document.yaml").read_text(encoding="utf-8")
    tasks = [(folder / "tasks" / f"00{n}.yaml").read_text(encoding="utf-8") for n in (1, 2, 3)]
    review = (folder / "import-review.txt").read_text(encoding="utf-8")
    assert "桃源县人民政府办公室" in document and "2025-03-10" in document and "桃政办发〔2025〕6号" in document
    assert "lead:\n  - 桃源县农业农村局\nparticipants:\n  - 桃源县住建局\n  - 桃源县卫健局\n" in tasks[0]
    assert "lead:\n  - 桃源县生态环境分局\nparticipants:\n  - 桃源县水利局\n" in tasks[2]
    assert review.count("版式文件") == 3 and (folder / "source.ofd").is_file()


def test_a_gap_wider_than_a_character_parts_a_lines_cells():
    row = (f'<ofd:TextObject ID="1" Boundary="{LEFT} 40 40 7" Size="{SIZE}"><ofd:TextCode X="0" Y="{SIZE}" '
           f'DeltaX="{ADVANCE} {ADVANCE} {ADVANCE}">建设公厕</ofd:TextCode></ofd:TextObject>'
           f'<ofd:TextObject ID="2" Boundary="{LEFT + 60} 40 40 7" Size="{2 * SIZE}" CTM="0.5 0 0 0.5 0 0">'
           f'<ofd:TextCode X="0" Y="{2 * SIZE}" DeltaX="g 4 {2 * ADVANCE}">县城管局</ofd:TextCode></ofd:TextObject>')
    from policykb.ingest import ofdtext
    dated = _line("发布时间：2021-05-07 10:49", 3)  # a space the code writes is a space, however narrow
    assert ofdtext.page_lines(ofd([[row, dated]]), "t.ofd", 10) == [["建设公厕 县城管局", "发布时间：2021-05-07 10:49"]]


@pytest.mark.parametrize("make, words", [
    (lambda: b"%!not a zip", "不是 .ofd 文件"),
    (lambda: ofd([["<ofd:ImageObject ID='3' Boundary='0 0 210 297' ResourceID='4'/>"]]), "扫描版 OFD"),
    (lambda: zipfile_without("OFD.xml"), "无法读取这个 OFD 文件"),
])
def test_an_ofd_without_text_or_broken_is_refused_with_the_way_out(tmp_path, make, words):
    path = tmp_path / "通知.ofd"
    path.write_bytes(make())
    with pytest.raises(ImportFailed) as failed:
        readers.read(path)
    assert words in failed.value.message and failed.value.hint and failed.value.code == "import-unreadable"


def zipfile_without(member: str) -> bytes:
    whole = zipfile.ZipFile(io.BytesIO(ofd([[_line("一、任务", 1)]])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for name in whole.namelist():
            if name != member:
                package.writestr(name, whole.read(name))
    return out.getvalue()


def test_a_pdf_named_ofd_is_read_as_the_pdf_it_is(tmp_path):
    """What a file is decides, not its name: a PDF saved as .ofd reads as a PDF (this one a blank page)."""
    from pypdf import PdfWriter
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    path = tmp_path / "通知.ofd"
    with path.open("wb") as out:
        writer.write(out)
    with pytest.raises(ImportFailed) as failed:
        readers.read(path)
    assert "扫描版 PDF" in failed.value.message


def test_one_code_written_over_two_lines_reads_as_two():
    """A producer that writes two lines in one code, going back with DeltaX and down with DeltaY."""
    from policykb.ingest import ofdtext
    row = (f'<ofd:TextObject ID="1" Boundary="{LEFT} 40 160 30" Size="{SIZE}"><ofd:TextCode X="0" Y="{SIZE}" '
           f'DeltaX="g 3 {ADVANCE} {-3 * ADVANCE} g 2 {ADVANCE}" DeltaY="g 3 0 {PITCH} g 2 0">一、建厕二、治水'
           f'</ofd:TextCode></ofd:TextObject>')
    assert ofdtext.page_lines(ofd([[row]]), "t.ofd", 10) == [["一、建厕", "二、治水"]]


def test_text_drawn_through_a_composite_unit_and_a_template_named_in_another_case_is_read():
    """A converter that puts a page's text in a composite unit of the document's resources (drawn by reference,
    scaled from points to millimetres), and a producer on Windows naming the template's folder 「TPLS/」 for 「Tpls/」."""
    from policykb.ingest import ofdtext
    unit = (f'<ofd:Res {NS}><ofd:CompositeGraphicUnits><ofd:CompositeGraphicUnit ID="7" Width="595" Height="842">'
            f'<ofd:Content><ofd:TextObject ID="8" Boundary="80 100 400 20" Size="16"><ofd:TextCode X="0" Y="16" '
            f'DeltaX="g 7 16">一、建设公厕（县城管局负责）</ofd:TextCode></ofd:TextObject></ofd:Content>'
            f'</ofd:CompositeGraphicUnit></ofd:CompositeGraphicUnits></ofd:Res>')
    drawn = '<ofd:CompositeObject ID="9" Boundary="0 0 210 297" CTM="0.3528 0 0 0.3528 0 0" ResourceID="7"/>'
    whole = zipfile.ZipFile(io.BytesIO(ofd([[drawn]], template=[_line("萧县人民政府办公室文件", -2, indent=8)])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for name in whole.namelist():
            data = whole.read(name)
            if name == "Doc_0/Document.xml":
                data = data.replace(b"Tpls/", b"TPLS/").replace(b"</ofd:TemplatePage>", b"").replace(
                    b"<ofd:Pages>", b"<ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes><ofd:Pages>")
                data = data.replace(b"</ofd:CommonData><ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>",
                                    b"<ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes></ofd:CommonData>")
            package.writestr(name, data)
        package.writestr("Doc_0/DocumentRes.xml", unit)
    assert ofdtext.page_lines(out.getvalue(), "t.ofd", 10) == [["萧县人民政府办公室文件", "一、建设公厕（县城管局负责）"]]


def _rule(x0: float, y0: float, x1: float, y1: float) -> str:
    return (f'<ofd:PathObject ID="4" Boundary="0 0 210 297" LineWidth="0.25">'
            f'<ofd:AbbreviatedData>M {x0} {y0} L {x1} {y1}</ofd:AbbreviatedData></ofd:PathObject>')


def _text(text: str, x: float, y: float) -> str:
    return (f'<ofd:TextObject ID="5" Boundary="{x} {y - SIZE} 80 7" Size="{SIZE}"><ofd:TextCode X="0" Y="{SIZE}" '
            f'DeltaX="g {len(text) - 1} {ADVANCE}">{text}</ofd:TextCode></ofd:TextObject>')


def test_a_ruled_table_reads_cell_by_cell_a_merged_cell_in_each_row_it_spans(tmp_path):
    """An annex's table drawn with rules: a task wrapped over two lines in its cell stays one cell, a lead unit
    merged over two rows leads both, and the table's rows import as tasks."""
    xs, ys = [28, 40, 120, 184], [60, 72, 94, 106]
    rules = [_rule(xs[0], y, xs[-1], y) for y in (ys[0], ys[1], ys[3])] + [_rule(xs[0], ys[2], xs[2], ys[2])]
    rules += [_rule(x, ys[0], x, ys[-1]) for x in xs]
    cells = [_text("序号", 29, 68), _text("重点任务", 41, 68), _text("牵头单位", 121, 68),
             _text("1", 29, 80), _text("开展村庄清洁行动，清理生活", 41, 80), _text("垃圾", 41, 90),
             _text("县农业农村局", 121, 85), _text("2", 29, 102), _text("推进农村改厕", 41, 102)]
    page = [_line("附件", 0), _line("重点任务分工表", 1, indent=10), *rules, *cells]
    path = tmp_path / "附件.ofd"
    path.write_bytes(ofd([page]))
    rows = [b.cells for b in readers.read(path).blocks if b.is_row]
    assert rows == [("序号", "重点任务", "牵头单位"), ("1", "开展村庄清洁行动，清理生活垃圾", "县农业农村局"),
                    ("2", "推进农村改厕", "县农业农村局")]
    texts = [b.text for b in readers.read(path).blocks if not b.is_row]
    assert texts == ["附件", "重点任务分工表"]


def test_a_compressed_advance_list_longer_than_its_code_is_read_only_as_far_as_the_code(tmp_path):
    """「g 1000000000000 5」 before two characters: spelt out whole it would fill the memory; two advances are used."""
    from policykb.ingest import ofdtext
    row = (f'<ofd:TextObject ID="1" Boundary="{LEFT} 40 40 7" Size="{SIZE}"><ofd:TextCode X="0" Y="{SIZE}" '
           f'DeltaX="g 1000000000000 {ADVANCE}">建厕</ofd:TextCode></ofd:TextObject>')
    assert ofdtext.page_lines(ofd([[row]]), "t.ofd", 10) == [["建厕"]]
