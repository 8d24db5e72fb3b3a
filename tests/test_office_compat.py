"""Every .docx and .xlsx a build writes opens in Word and WPS as a current document.

No OOXML schema set is published on PyPI (the ECMA-376 XSDs are not packaged there), so this checks
the parts that were wrong structurally: compatibilityMode 15 (no 兼容模式), `w:zoom` with its
required `w:percent`, font-table entries for the official fonts with an alternate and the GB2312
charset, no blank thumbnail, and a package whose every relationship and content-type override
points at a part that exists and whose every XML part parses.
"""
from __future__ import annotations

import datetime as dt
import posixpath
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from policykb import build as building
from policykb.officecompat import GB2312, OFFICIAL_FONTS, THUMBNAIL

from conftest import FIXTURES

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
