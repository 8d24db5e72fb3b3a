"""Files the maps command and the build stage write: SVG, PDF, PNG, manifest; same input, same bytes."""
from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import xml.etree.ElementTree as ET

import pytest
from typer.testing import CliRunner

from conftest import DOC, POLICIES, ROOT, require
from policykb import build
from policykb.cli import app
from policykb.render import maps
from policykb.render.maps.plan import plan

AS_OF = dt.date(2017, 3, 1)
runner = CliRunner()


def test_svg_is_deterministic(pg):
    spec = next(s for s in plan(pg, DOC) if s.key == "overall")
    first = maps.render(spec, AS_OF).svg
    again = maps.render(next(s for s in plan(pg, DOC) if s.key == "overall"), AS_OF).svg
    assert first == again
    assert maps.render(spec, dt.date(2018, 3, 1)).svg != first  # the as-of date is an input


@pytest.mark.parametrize("paper, size", [("A1", {(841, 594), (594, 841)}), ("A0", {(1189, 841), (841, 1189)})])
def test_sheet_sizes(pg, paper, size):
    spec = next(s for s in plan(pg, DOC) if s.key == "section-2")
    root = ET.fromstring(maps.render(spec, AS_OF, paper=paper).svg.encode("utf-8"))
    assert (int(root.get("width").removesuffix("mm")), int(root.get("height").removesuffix("mm"))) in size


def test_cli_writes_svg_pdf_png_and_manifest(tmp_path):
    result = runner.invoke(app, ["maps", "-o", str(tmp_path), "--as-of", "2017-03-01", "--unit", "省教育厅",
                                 "--policies", str(POLICIES)])
    assert result.exit_code == 0, result.output
    manifest = json.loads((tmp_path / "manifest.json").read_text("utf-8"))
    assert manifest["documents"][DOC] == {"period": {"start": "2016-04-01", "end": "2020-12-31"},
                                          "phase": "during", "shown_as_of": "2017-03-01"}
    assert len(manifest["maps"]) == 1
    entry = manifest["maps"][0]
    assert entry["unit"] == "省教育厅" and entry["files"] == [f"{DOC}/unit/省教育厅.{x}" for x in ("svg", "pdf", "png")]
    assert entry["tasks"][:3] == [11, 12, 13]
    for name in entry["files"]:
        assert (tmp_path / name).stat().st_size > 1000
    assert (tmp_path / entry["files"][1]).read_bytes().startswith(b"%PDF")
    assert (tmp_path / entry["files"][2]).read_bytes().startswith(b"\x89PNG")


def test_cli_refuses_unknown_unit_and_paper(tmp_path):
    result = runner.invoke(app, ["maps", "-o", str(tmp_path), "--unit", "无此单位", "--policies", str(POLICIES)])
    assert result.exit_code != 0 and not any(tmp_path.iterdir())
    result = runner.invoke(app, ["maps", "-o", str(tmp_path), "--paper", "B5", "--policies", str(POLICIES)])
    assert result.exit_code != 0


def test_tiled_pdf_has_a3_pages(tmp_path):
    pdfinfo = require("pdfinfo")
    result = runner.invoke(app, ["maps", "-o", str(tmp_path), "--as-of", "2017-03-01", "--unit", "省扶贫办",
                                 "--paper", "A3-tiled", "-f", "pdf", "--policies", str(POLICIES)])
    assert result.exit_code == 0, result.output
    info = subprocess.run([pdfinfo, str(tmp_path / DOC / "unit" / "省扶贫办.pdf")], capture_output=True,
                          text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info)[1])
    manifest = json.loads((tmp_path / "manifest.json").read_text("utf-8"))
    assert pages == manifest["maps"][0]["pages"] >= 4
    assert "(A3)" in info


def test_pdf_text_uses_cjk_fonts_and_reads_back(tmp_path, pg):
    """cairo resolved 黑体 / 方正小标宋简体 to Noto CJK: the PDF text reads back as Chinese."""
    pdffonts, pdftotext = require("pdffonts"), require("pdftotext")
    maps.write(pg, tmp_path, as_of=AS_OF, units=["省教育厅"], formats=("pdf",))
    pdf = tmp_path / DOC / "unit" / "省教育厅.pdf"
    fonts = subprocess.run([pdffonts, str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "NotoSansCJK" in fonts and "NotoSerifCJK" in fonts
    text = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "省教育厅" in text and "截至 2017年3月1日" in text


def test_pdf_is_byte_identical_between_runs(tmp_path, pg):
    for name in ("a", "b"):
        maps.write(pg, tmp_path / name, as_of=AS_OF, units=["省民政厅"], formats=("svg", "pdf"))
    for ext in ("svg", "pdf"):
        a = (tmp_path / "a" / DOC / "unit" / f"省民政厅.{ext}").read_bytes()
        assert a == (tmp_path / "b" / DOC / "unit" / f"省民政厅.{ext}").read_bytes()


def test_build_stage_writes_every_map(tmp_path):
    assert "maps" in build.stage_names()
    build.build(POLICIES, tmp_path, as_of=AS_OF, only=["maps"])
    manifest = json.loads((tmp_path / "maps" / "manifest.json").read_text("utf-8"))
    kinds = [m["kind"] for m in manifest["maps"]]
    assert kinds.count("overall") == 1 and kinds.count("section") == 5 and kinds.count("unit") > 50
    for entry in manifest["maps"]:
        assert [f.rsplit(".", 1)[1] for f in entry["files"]] == ["svg", "pdf"]
        assert all((tmp_path / "maps" / f).is_file() for f in entry["files"])
    # no single paper for the lot: the overall map on one A0 sheet, the others on the smallest sheet their rows need
    assert "paper" not in manifest and "as_of" not in manifest
    papers = {e["map"]: e["paper"] for e in manifest["maps"]}
    assert papers["overall"] == "A0" and papers["unit/武警湖南省总队"] == "A3"
    assert set(papers.values()) == {"A0", "A1", "A2", "A3"}
    assert all(e["paper_name"].startswith(e["paper"] + "，") for e in manifest["maps"])
    assert all(e["font_mm"] >= 4.0 for e in manifest["maps"])  # every text whole at 4 mm: none cut to fit A1
    units = [e for e in manifest["maps"] if e["kind"] == "unit"]
    assert sorted(manifest["previews"]) == sorted(e["files"][0] for e in units)
    for svg, preview in manifest["previews"].items():
        assert (tmp_path / "maps" / preview).is_file() and preview == svg.removesuffix(".svg") + ".preview.svg"


def view_box(svg: str) -> list[float]:
    return [float(v) for v in ET.fromstring(svg.encode("utf-8")).get("viewBox").split()]


def test_a_units_preview_is_its_map_cropped_to_what_is_drawn(pg):
    spec = next(s for s in plan(pg, DOC, units=["省人大常委会办公厅"]))  # one task: most of the sheet is white
    done = maps.render(spec, AS_OF)
    sheet, crop = view_box(done.svg), view_box(done.preview)
    assert sheet == [0, 0, done.layout.width, done.layout.height]
    assert crop[3] < 0.35 * sheet[3] and crop[2] > 0.95 * sheet[2]
    footer = done.layout.texts[-1].box
    assert crop[1] + crop[3] >= footer.bottom and crop[1] <= done.layout.texts[0].box.y  # title to footer
    assert done.preview.split(">", 2)[2] == done.svg.split(">", 2)[2]  # the same drawing, only the view differs
    assert maps.render(next(s for s in plan(pg, DOC) if s.key == "section-1"), AS_OF).preview is None


def test_the_units_page_shows_the_preview_and_does_not_list_it(tmp_path, pg):
    from policykb.render.site.build import write_docs

    maps.write(pg, tmp_path / "maps", as_of=AS_OF, units=["省教育厅"], formats=("svg", "pdf"))
    docs = tmp_path / "docs"
    docs.mkdir()
    write_docs(pg, docs, as_of=AS_OF, templates=ROOT / "templates", handwritten=None, policies=POLICIES,
               maps=tmp_path / "maps")
    page = (docs / "units" / "sheng-jiao-yu-ting.md").read_text("utf-8")
    src = re.search(r'<img src="([^"]+)"[^>]*alt="省教育厅作战图"', page)[1]
    assert src.endswith("省教育厅.preview.svg") and (docs / "units" / src).resolve().is_file()
    assert page.count("preview.svg") == 1  # the picture, not a download of its own
    maps_page = (docs / "maps.md").read_text("utf-8")
    assert "preview" not in maps_page


def test_after_the_period_the_maps_do_not_change_with_the_build_date(tmp_path, pg):
    """A finished policy's maps show the period's end: built on two later days, the same bytes."""
    days, units = (dt.date(2026, 11, 30), dt.date(2027, 1, 5)), ["省教育厅", "省人大常委会办公厅"]
    for day in days:
        maps.write(pg, tmp_path / day.isoformat(), as_of=day, units=units, formats=("svg", "pdf"))
    a, b = (tmp_path / d.isoformat() for d in days)
    names = sorted(p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file())
    assert len(names) == 2 * 3 + 1  # svg, pdf and preview of each, and the manifest
    for name in names:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    manifest = json.loads((a / "manifest.json").read_text("utf-8"))
    assert manifest["documents"][DOC] == {"period": {"start": "2016-04-01", "end": "2020-12-31"},
                                          "phase": "after", "shown_as_of": "2020-12-31"}
    assert "2026" not in (a / "manifest.json").read_text("utf-8")
    overall = next(s for s in plan(pg, DOC) if s.key == "overall")
    assert maps.render(overall, days[0]).svg == maps.render(overall, days[1]).svg


def test_png_text_ends_where_the_layout_measured_it(pg):
    """On the PNG a long line ends at its measured width (cairo must not round font sizes to pixels)."""
    import io

    from PIL import Image

    from policykb.render.maps import export as maps_export, text as maps_text

    spec = next(s for s in plan(pg, DOC) if s.key == "section-1")
    done = maps.render(spec, AS_OF)
    cell, line, base = max(((c, ln, b) for r in done.layout.rows for c in r.cells if c.role == "cell-task"
                            for ln, b in zip(c.lines, c.baselines())),
                           key=lambda x: maps_text.width(x[1], x[0].size))
    dpi = 96
    px = dpi / 25.4
    image = Image.open(io.BytesIO(maps_export.png(done.svg, dpi))).convert("L")
    x0, x1 = cell.anchor_x(), cell.anchor_x() + maps_text.width(line, cell.size)
    band = image.crop((int(x0 * px), int((base - 0.8 * cell.size) * px), int(cell.box.right * px),
                       int(base * px)))
    inked = [x for x in range(band.width) if min(band.getpixel((x, y)) for y in range(band.height)) < 128]
    right = x0 + inked[-1] / px
    assert x1 - 1.2 * cell.size < right <= x1 + 0.3


def test_png_glyphs_are_drawn_whole():
    """三 drawn on the PNG shows its three separate strokes (not a scrambled or missing glyph)."""
    import io

    from PIL import Image

    from policykb.render.maps import export as maps_export

    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="40mm" height="20mm" viewBox="0 0 40 20"'
           ' font-family="黑体, SimHei, Noto Sans CJK SC, sans-serif" text-rendering="geometricPrecision">'
           '<rect width="40" height="20" fill="#fff"/><text x="5" y="15" font-size="12">三</text></svg>')
    image = Image.open(io.BytesIO(maps_export.png(svg, 96))).convert("L")
    x = int(11 * 96 / 25.4)  # the middle of the glyph
    column = [image.getpixel((x, y)) < 128 for y in range(image.height)]
    strokes = sum(1 for a, b in zip([False] + column, column) if b and not a)
    assert strokes == 3


def test_the_faces_widths_read_from_the_font_tables_are_fonttools_own():
    """The widths are read from the hmtx and cmap bytes (fast): every character of each face measures
    as fontTools' decoding of the same font says, and the text the maps show measures the same."""
    from fontTools.ttLib import TTCollection

    from policykb.render.maps import text
    for face in ("sans", "serif-bold"):
        file_name, family = text.FACE_FILES[face]
        path = text.find_font(file_name)
        font = next(f for f in TTCollection(str(path), lazy=True).fonts if f["name"].getDebugName(1) == family)
        upm, hmtx = font["head"].unitsPerEm, font["hmtx"].metrics
        expected = {cp: hmtx[glyph][0] / upm for cp, glyph in font.getBestCmap().items()}
        read = text._read_widths(path, family)
        assert {cp: read["widths"].get(cp, text.Metrics.fallback) for cp in expected} == expected
        assert set(read["widths"]) <= set(expected) and len(read["widths"]) > 1000  # Latin, digits, punctuation
        assert text.width("省扶贫办牵头，2016年6月底前（A1纸）", 4.0, face) == pytest.approx(
            4.0 * sum(expected[ord(c)] for c in "省扶贫办牵头，2016年6月底前（A1纸）"))
