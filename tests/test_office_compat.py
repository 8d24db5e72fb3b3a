"""Every .docx and .xlsx a build writes opens in Word and WPS as a current document.

Schema validation: openxml-audit (MIT, pure Python) carries the Open XML SDK's schema data — the
ECMA-376 / ISO/IEC 29500 transitional schemas with Office's extensions, as the SDK's own validator
reads them — plus the package and cross-part checks Word and Excel apply. No package on PyPI or npm
ships the ECMA XSD files themselves. Every .docx/.xlsx of the bundled policy's build, its yearly
summary and report forms must have no finding of severity error.

Beside it, the parts that were wrong are checked by name: compatibilityMode 15 (no 兼容模式),
`w:zoom` with its required `w:percent`, font-table entries for the official fonts with an alternate
and the GB2312 charset, no blank thumbnail, and a package whose every relationship and content-type
override points at a part that exists and whose every XML part parses.
"""
from __future__ import annotations

import datetime as dt
import posixpath
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from policykb import build as building
from policykb.graph import PolicyGraph
from policykb.officecompat import GB2312, OFFICIAL_FONTS, STYLES_WITH_EFFECTS, THUMBNAIL, fix
from policykb.track import forms, load_tracking, summary
from policykb.validate import load_kb

from conftest import FIXTURES, POLICIES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"


@pytest.fixture(scope="module")
def office_files(tmp_path_factory) -> list[Path]:
    out = tmp_path_factory.mktemp("compat") / "build"
    building.build(FIXTURES / "tiny", out, as_of=dt.date(2016, 7, 1), only=["data", "letters"])
    files = sorted(p for p in out.rglob("*") if p.suffix in (".docx", ".xlsx"))
    assert any(p.suffix == ".docx" for p in files) and any(p.suffix == ".xlsx" for p in files)
    return files


def _package_problems(z: zipfile.ZipFile) -> list[str]:
    names = set(z.namelist())
    problems = []
    for name in names:
        if name.endswith((".xml", ".rels")):
            etree.fromstring(z.read(name))  # raises on malformed XML
        if not name.endswith(".rels"):
            continue
        source = posixpath.dirname(posixpath.dirname(name))  # word/_rels/document.xml.rels -> word
        for rel in etree.fromstring(z.read(name)).iter(f"{REL}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target")
            part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(source, target))
            if part not in names:
                problems.append(f"{name} -> {target}")
    for override in etree.fromstring(z.read("[Content_Types].xml")).iter(f"{CT}Override"):
        if override.get("PartName").lstrip("/") not in names:
            problems.append(f"content type for missing {override.get('PartName')}")
    return problems


def test_every_office_file_is_a_whole_package(office_files):
    for path in office_files:
        with zipfile.ZipFile(path) as z:
            assert _package_problems(z) == [], path
            assert THUMBNAIL not in z.namelist(), path


def test_letters_open_without_compatibility_mode(office_files):
    for path in (p for p in office_files if p.suffix == ".docx"):
        with zipfile.ZipFile(path) as z:
            settings = etree.fromstring(z.read("word/settings.xml"))
            fonts = etree.fromstring(z.read("word/fontTable.xml"))
        mode = [s.get(f"{W}val") for s in settings.iter(f"{W}compatSetting") if s.get(f"{W}name") == "compatibilityMode"]
        assert mode == ["15"], path
        zoom = settings.find(f"{W}zoom")
        assert zoom is not None and zoom.get(f"{W}percent") == "100", path
        assert settings.find(f"{W}savePreviewPicture") is None
        table = {f.get(f"{W}name"): f for f in fonts.iter(f"{W}font")}
        for name, (alternate, _) in OFFICIAL_FONTS.items():
            entry = table.get(name)
            assert entry is not None, (path, name)
            assert entry.find(f"{W}altName").get(f"{W}val") == alternate
            assert entry.find(f"{W}charset").get(f"{W}val") == GB2312
            # CT_Font's children in schema order
            order = [etree.QName(c).localname for c in entry]
            assert order == ["altName", "charset", "family", "pitch", "sig"], order


@pytest.fixture(scope="module")
def bundled_office_files(tmp_path_factory) -> list[Path]:
    """What offices receive for the bundled policy: letters, 分工方案, data workbook, summary, forms."""
    root = tmp_path_factory.mktemp("schema")
    building.build(POLICIES, root / "build", as_of=dt.date(2016, 7, 1), only=["data", "letters"])
    kb = load_kb(POLICIES)
    pg, tracking = PolicyGraph(kb), load_tracking(POLICIES, kb)
    # the summary and the forms come from one writer each: the report, three reminders, three forms
    written = summary.write_summary(pg, tracking, 2016, dt.date(2016, 12, 1), root / "summary")
    reports, reminders = [p for p in written if p.parent.name != "催办函"], [p for p in written if p.parent.name == "催办函"]
    filled = forms.write_forms(pg, tracking, 2016, root / "forms", units=forms.form_units(pg)[:3])
    built = sorted(p for p in (root / "build").rglob("*") if p.suffix in (".docx", ".xlsx"))
    return built + reports + reminders[:3] + filled


def test_every_office_file_is_schema_valid(bundled_office_files):
    from openxml_audit import FileFormat, OpenXmlValidator
    validator = OpenXmlValidator(file_format=FileFormat.MICROSOFT_365, max_errors=0)
    kinds = {p.suffix for p in bundled_office_files}
    assert kinds == {".docx", ".xlsx"} and len(bundled_office_files) > 90
    failures = {}
    for path in bundled_office_files:
        result = validator.validate(path)
        errors = [f"{e.error_type.value} {e.part_uri} {e.path}: {e.description}" for e in result.errors
                  if e.severity.value == "error" or e.error_type.value == "schema"]
        if errors:
            failures[path.name] = errors
    assert failures == {}


def test_the_validator_sees_what_was_wrong(tmp_path):
    """The two faults the build used to ship, put back, are reported: the check can fail."""
    import io
    from openxml_audit import FileFormat, OpenXmlValidator
    validator = OpenXmlValidator(file_format=FileFormat.MICROSOFT_365, max_errors=0)
    font = '<font><name val="Calibri"/><color theme="1"/><sz val="11"/></font>'
    assert fix("xl/styles.xml", font.encode()) == b'<font><sz val="11"/><color theme="1"/><name val="Calibri"/></font>'
    assert fix(STYLES_WITH_EFFECTS, b"<w:styles/>") is None
    from openpyxl import Workbook
    wb = Workbook()
    wb.active["A1"] = "序号"
    raw = io.BytesIO()
    wb.save(raw)  # openpyxl's own bytes: its default font lists name before sz
    path = tmp_path / "unfixed.xlsx"
    path.write_bytes(raw.getvalue())
    descriptions = [e.description for e in validator.validate(path).errors if e.error_type.value == "schema"]
    assert any("color" in d or "sz" in d for d in descriptions), descriptions


def test_workbooks_print_landscape_with_their_headers_on_every_page(pg):
    """The 分工方案 workbook leads with the task number (no folder name), prints landscape, as wide
    as the paper, its header row on each page, every row as tall as its wrapped text."""
    import io
    from openpyxl import load_workbook
    from policykb import export
    wb = load_workbook(io.BytesIO(export.to_xlsx(pg)))
    for title, paper in (("按任务", "8"), ("按单位", "9")):
        ws = wb[title]
        assert ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == paper, title
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.print_title_rows == "$1:$1"
    tasks = wb["按任务"]
    assert [c.value for c in tasks[1]][:2] == ["序号", "部分"]
    assert all(isinstance(row[0].value, int) for row in tasks.iter_rows(min_row=2))
    longest = max(range(2, tasks.max_row + 1), key=lambda r: len(tasks.cell(r, 3).value))
    assert tasks.row_dimensions[longest].height >= 14 * 8  # 第7项's text wraps to many lines
