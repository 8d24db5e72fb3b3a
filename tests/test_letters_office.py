"""A real client opens the letters: LibreOffice converts them, poppler reads the PDFs back."""
from __future__ import annotations

import datetime as dt
import re
import subprocess

import pytest

from policykb.names import safe_filename
from policykb.render import letters
from policykb.gongwen import read_text

from conftest import DOC, ROOT, require

pytestmark = pytest.mark.office
UNITS = ["省扶贫办", "省国资委", "各市州、县市区党委和政府"]


@pytest.fixture(scope="module")
def pdfs(pg, tmp_path_factory):
    require("soffice")
    require("pdftotext")
    out = tmp_path_factory.mktemp("pdf")
    letters.write_letters(pg, out, ROOT / "templates" / "letter.docx", as_of=dt.date(2026, 11, 28), units=UNITS,
                          pdf=True, fonts_conf=ROOT / "fonts" / "fonts.conf")
    return {unit: out / DOC / f"{safe_filename(unit)}.pdf" for unit in UNITS}


def _run(*cmd) -> str:
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def _pages(pdf, *layout: str) -> list[str]:
    return _run("pdftotext", *layout, "-enc", "UTF-8", str(pdf), "-").split("\f")


def _squash(text: str) -> str:
    return re.sub(r"—\d+—", "", re.sub(r"\s+", "", text))


def test_pdfs_are_a4(pdfs):
    require("pdfinfo")
    for unit, pdf in pdfs.items():
        info = _run("pdfinfo", str(pdf))
        assert re.search(r"Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info), unit


def test_text_comes_back(pdfs, tmp_path):
    """Every paragraph before the 附表 table reads back from the PDF, nothing dropped (e.g. a line-end 、)."""
    for unit, pdf in pdfs.items():
        text = _squash("".join(_pages(pdf, "-layout")))  # physical order: raw order can split a line
        docx = read_text(pdf.with_suffix(".docx").read_bytes())
        body = docx[:docx.index("附表")]
        assert "脱贫攻坚重要政策措施责任书" in text and f"乙方：{unit}" in text
        for line in body:
            if "\t" not in line:
                assert _squash(line) in text, (unit, line)


def test_page_numbers(pdfs):
    pages = [re.sub(r"\s+", "", p) for p in _pages(pdfs["省扶贫办"]) if p.strip()]
    assert len(pages) > 2
    for n, page in enumerate(pages, start=1):
        assert page.endswith(f"—{n}—") or page.startswith(f"—{n}—") or f"—{n}—" in page, n


def test_22_lines_of_28_characters(pdfs):
    """A full body page holds 22 lines; a line of Chinese text holds 28 characters, never more."""
    pages = [[line.strip() for line in page.splitlines() if line.strip() and not re.fullmatch(r"\s*—\s*\d+\s*—\s*", line)]
             for page in _pages(pdfs["省扶贫办"], "-layout")[:10]]  # body pages, before the 附表
    assert max(len(page) for page in pages) == 22
    body = pages[1]
    chinese = [line.replace(" ", "") for line in body if not re.search(r"[A-Za-z0-9]", line)]
    # LibreOffice hangs a line-end 、，。 into the margin: it does not take one of the 28 places
    assert max(len(re.sub(r"[、，。；：”）]$", "", line)) for line in chinese) == 28


def test_first_page_renders(pdfs, tmp_path):
    require("pdftoppm")
    _run("pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(pdfs["省国资委"]), str(tmp_path / "p"))
    [png] = list(tmp_path.glob("p*.png"))
    header = png.read_bytes()[:24]
    width, height = int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")
    assert abs(height / width - 297 / 210) < 0.01
