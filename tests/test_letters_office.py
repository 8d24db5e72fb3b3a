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
# a department with 53 tasks, one with 16, one with a single task, a 市州, a central body (a notice)
UNITS = ["省扶贫办", "省教育厅", "省网信办", "长沙市", "武警湖南省总队"]
# letters whose signatures or a last table row once stood alone on the last page (issue 23)
ONCE_SPLIT = ["国家开发银行湖南省分行", "省人民检察院", "邮政储蓄银行湖南省分行", "农业银行湖南省分行", "省农村信用联社",
              "省国土资源厅", "省文化厅", "省农委"]
MAX_PAGES = {"省扶贫办": 20, "省教育厅": 8, "省网信办": 4}
PARTY = {"省扶贫办": "乙方：湖南省扶贫开发办公室", "省教育厅": "乙方：湖南省教育厅", "省网信办": "乙方：中共湖南省委网络安全",
         "长沙市": "乙方：中共长沙市委、长沙市人民政府", "武警湖南省总队": "中国人民武装警察部队湖南省总队："}


def _one_task_units(pg) -> list[str]:
    return [u for u in pg.units_with_tasks(DOC) if not pg.kb.units[u].members
            and sum(len(tasks) for tasks in pg.tasks_of(u, DOC).values()) == 1]


@pytest.fixture(scope="module")
def pdfs(pg, tmp_path_factory):
    """The sample above, and every unit with a single task (each must stay within 4 pages)."""
    require("soffice")
    require("pdftotext")
    out = tmp_path_factory.mktemp("pdf")
    units = UNITS + ONCE_SPLIT + [u for u in _one_task_units(pg) if u not in UNITS + ONCE_SPLIT]
    letters.write_letters(pg, out, ROOT / "templates" / "letter.docx", as_of=dt.date.today(), units=units,
                          pdf=True, fonts_conf=ROOT / "fonts" / "fonts.conf")
    return {unit: out / DOC / f"{safe_filename(unit)}.pdf" for unit in units}


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
    """Every paragraph before the 附件 reads back from the PDF, nothing dropped (e.g. a line-end 、)."""
    for unit, pdf in pdfs.items():
        text = _squash("".join(_pages(pdf, "-layout")))  # physical order: raw order can split a line
        docx = read_text(pdf.with_suffix(".docx").read_bytes())
        body = docx[:docx.index("附件")] if "附件" in docx else docx
        assert "告知函" in text or "脱贫攻坚重要政策措施责任书" in text, unit
        assert unit not in PARTY or _squash(PARTY[unit]) in text, unit
        for line in body:
            if "\t" not in line:
                assert _squash(line) in text, (unit, line)


def test_page_counts_and_no_date_after_the_period(pg, pdfs):
    """Letters short enough to read and sign (a single task: 4 pages at most); a 附件 starts a page
    with 「附件」 top left; the signatures never stand alone on the last page."""
    single = set(_one_task_units(pg))
    assert {"省网信办", "省国资委", "省小康办"} <= single
    for unit, pdf in pdfs.items():
        pages = [p for p in _pages(pdf, "-layout") if p.strip()]
        assert len(pages) <= (4 if unit in single else MAX_PAGES.get(unit, 8)), (unit, len(pages))
        text = "".join(pages)
        assert not re.search(r"20(2[1-9]|[3-9]\d)\s*年", text) and not re.search(r"(?<!\d)0\s*项", text), unit
        if "任务清单见附件" in _squash(text):
            start = next(p for p in pages if re.match(r"\s*附件\s*\n", p))
            assert "重要政策措施任务清单" in start.split("\n", 4)[-1], unit
        signed = next((p for p in pages if "主要负责人（签字）" in p or "市长（签字）" in p), None)
        if signed:
            assert "本责任书一式两份" in _squash(signed), unit  # the last clause goes with the signatures


def _lines(page: str) -> list[str]:
    return [line.strip() for line in page.splitlines()
            if line.strip() and not re.fullmatch(r"[—–-]\s*\d+\s*[—–-]", line.strip())]


def test_no_page_holds_only_a_signature_a_date_or_a_stray_line(pdfs):
    """Every page carries more than a few lines: the closing block keeps with the signatures, the
    issuers and the date stay together, a task row never splits and the last one never stands alone."""
    for unit, pdf in pdfs.items():
        for n, page in enumerate([p for p in _pages(pdf, "-layout") if p.strip()], start=1):
            lines = _lines(page)
            assert len(lines) > 3, (unit, n, lines)
            assert not (lines[0].startswith("湖南省人民政府") or re.fullmatch(r"年\s*月\s*日", lines[0])), (unit, n)


def test_unit_names_in_the_task_table_never_break(pg, pdfs):
    """On the 附件 pages each lead and participant name reads whole on one line."""
    for unit, pdf in pdfs.items():
        pages = _pages(pdf, "-layout")
        start = next((i for i, p in enumerate(pages) if re.match(r"\s*附件\s*\n", p)), None)
        if start is None:
            continue
        lines = [re.sub(r"\s", "", line) for p in pages[start:] for line in p.splitlines()]
        names = {u for role in pg.tasks_of(unit, DOC).values() for t in role for u in t.units}
        for name in names:
            assert any(name in line for line in lines), (unit, name)


def test_page_numbers(pdfs):
    pages = [re.sub(r"\s+", "", p) for p in _pages(pdfs["省扶贫办"]) if p.strip()]
    assert len(pages) > 2
    for n, page in enumerate(pages, start=1):
        assert page.endswith(f"—{n}—") or page.startswith(f"—{n}—") or f"—{n}—" in page, n


def test_22_lines_of_28_characters(pdfs):
    """A full body page holds 22 lines; a line of Chinese text holds 28 characters, never more."""
    pages = [[line.strip() for line in page.splitlines() if line.strip() and not re.fullmatch(r"\s*—\s*\d+\s*—\s*", line)]
             for page in _pages(pdfs["省扶贫办"], "-layout")[:3]]  # body pages, before the 附件
    assert max(len(page) for page in pages) == 22
    body = next(page for page in pages if len(page) == 22)
    chinese = [line.replace(" ", "") for line in body if not re.search(r"[A-Za-z0-9]", line)]
    # LibreOffice hangs a line-end 、，。 into the margin: it does not take one of the 28 places
    assert max(len(re.sub(r"[、，。；：”）]$", "", line)) for line in chinese) == 28


def test_first_page_renders(pdfs, tmp_path):
    require("pdftoppm")
    _run("pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(pdfs["省网信办"]), str(tmp_path / "p"))
    [png] = list(tmp_path.glob("p*.png"))
    header = png.read_bytes()[:24]
    width, height = int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")
    assert abs(height / width - 297 / 210) < 0.01


def test_overview_lists_of_task_numbers_break_only_after_a_comma(pg, tmp_path):
    """分工方案.docx 按单位: no line starts with 「、」 and no task number is cut in two (LibreOffice once
    broke 「5」「9、62」 for 59)."""
    require("soffice")
    from policykb import export
    from policykb.render.letters import overview
    docx = tmp_path / overview.DOCX_NAME
    docx.write_bytes(overview.to_docx(pg))
    [pdf] = letters.to_pdf([docx], fonts_conf=ROOT / "fonts" / "fonts.conf")
    text = "\f".join(_pages(pdf))
    assert not [ln for ln in text.splitlines() if ln.strip().startswith("、")]
    by_unit = text[text.index("二、按单位"):]
    numbers = re.findall(r"\d+", "\n".join(ln for ln in by_unit.splitlines() if "—" not in ln))  # not page numbers
    _, rows = export.unit_rows(pg)
    expected = [n for row in rows for cell in row[2:4] for n in (cell.split("、") if cell else [])]
    expected += [str(n) for row in rows for n in row[4:6]]
    assert sorted(numbers) == sorted(expected)
