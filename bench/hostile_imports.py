"""Time and peak memory of `policykb import` refusing hostile documents (issue 26).

    PYTHONPATH=src:tests python bench/hostile_imports.py

Each file is imported by a fresh `policykb import` process into a copy of the tiny test knowledge
base; the figures are that process's wall time and peak resident memory (ru_maxrss). The files
(tests/importbombs.py, made in memory): pages with a huge colspan, a .docx whose body inflates to
600 MB and to 1 GB, one of 100,000 paragraphs, one with a gridSpan of ten million, workbooks of
500,000 cells, a value at XFD1048576, a merge over the whole sheet, and the bundled policy's own
text for comparison.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

import formbombs  # noqa: E402
import importbombs as b  # noqa: E402

MB = 1 << 20


def hostile() -> dict[str, tuple[str, bytes]]:
    source = (ROOT / "policies" / "hunan-2016-implementation-opinions" / "source.txt").read_bytes()
    return {
        "the bundled policy's source.txt": ("source.txt", source),
        'colspan="1000000"': ("a.html", b.colspan_page("1000000")),
        'colspan="999999999"': ("a.html", b.colspan_page("999999999")),
        "document.xml inflating to 600 MB": ("a.docx", b.inflating_docx(600 * MB)),
        "document.xml inflating to 1 GB, declaring 4 KB": (
            "a.docx", formbombs.bomb((ROOT / "templates" / "letter.docx").read_bytes(), "word/document.xml",
                                     1024 * MB, declared=4096)),
        "100,000 short paragraphs": ("a.docx", b.paragraphs_docx(100_000)),
        "gridSpan 10,000,000": ("a.docx", b.gridspan_docx(10_000_000)),
        "sheet inflating to 600 MB": ("a.xlsx", formbombs.bomb(b._workbook(), "xl/worksheets/sheet1.xml", 600 * MB)),
        "500,000 cells": ("a.xlsx", b.many_cells_xlsx(20_000, 25)),
        "sheet inflating to 1 GB, declaring 4 KB": ("a.xlsx", formbombs.bomb(b._workbook(), "xl/worksheets/sheet1.xml",
                                                                    1024 * MB, declared=4096)),
        "one value at XFD1048576": ("a.xlsx", b.far_cell_xlsx()),
        "a merge over the whole sheet": ("a.xlsx", b.huge_merge_xlsx()),
    }


def run(kb: Path, path: Path) -> tuple[float, float, int, str]:
    import os
    import subprocess
    import time
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "policykb", "import", str(path), str(kb), "--id", "probe",
                                "--date", "2016-04-01"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True, cwd=kb.parent)
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)  # this process's own rusage
    seconds = time.perf_counter() - start
    first = next((line for line in stderr.splitlines() if "error[" in line), "imported")
    return seconds, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status), first[:110]


def main() -> None:
    with tempfile.TemporaryDirectory() as where:
        where = Path(where)
        kb = where / "kb"
        shutil.copytree(ROOT / "tests" / "fixtures" / "tiny", kb)
        print("| file | size | seconds | peak MB | exit | answer |")
        print("|---|---|---|---|---|---|")
        for name, (file_name, data) in hostile().items():
            path = where / file_name
            path.write_bytes(data)
            seconds, peak, status, first = run(kb, path)
            print(f"| {name} | {len(data) / 1e6:.3f} MB | {seconds:.2f} | {peak:.0f} | {status} | {first} |")
            shutil.rmtree(kb / "probe", ignore_errors=True)


if __name__ == "__main__":
    main()
