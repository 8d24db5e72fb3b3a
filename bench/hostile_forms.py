"""Time and peak memory of `policykb report-import` refusing hostile report forms (issue 18).

    PYTHONPATH=src:tests python bench/hostile_forms.py

Each form is imported by a fresh `policykb report-import` process into a copy of the tiny test
knowledge base; the figures are that process's wall time and peak resident memory (ru_maxrss).
The forms: parts inflating to 1 GB (a sheet, the shared strings, one lying about its size), one
cell at row 1,048,576, one 20-million-character cell, and an untouched form for comparison.
"""
from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

import formbombs  # noqa: E402
from policykb.graph import PolicyGraph  # noqa: E402
from policykb.track import forms, load_tracking  # noqa: E402
from policykb.validate import load_kb  # noqa: E402

GB = 1 << 30


def _cells(form: bytes, cells: dict) -> bytes:
    from openpyxl import load_workbook
    wb = load_workbook(io.BytesIO(form))
    for ref, value in cells.items():
        wb[forms.SHEET][ref] = value
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def hostile(form: bytes) -> dict[str, bytes]:
    return {
        "untouched form": form,
        "sheet inflating to 1 GB": formbombs.bomb(form, "xl/worksheets/sheet1.xml", GB),
        "shared strings inflating to 1 GB": formbombs.bomb(form, "xl/sharedStrings.xml", GB),
        "sheet inflating to 1 GB, declaring 4 KB": formbombs.bomb(form, "xl/worksheets/sheet1.xml", GB, declared=4096),
        "one cell at row 1,048,576": _cells(form, {"G1048576": "发放小额信贷62亿元。"}),
        "one 20,000,000-character cell": _cells(form, {"G5": "字" * 20_000_000, "J5": "2016-11-15"}),
    }


def run(kb: Path, path: Path) -> tuple[float, float, int, str]:
    """(seconds, peak MB, exit status, first error line) of one report-import process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "policykb", "report-import", str(path), "-p", str(kb)],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=kb.parent)
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)  # this process's own rusage, not the children's maximum
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    first = next((line for line in stderr.splitlines() if "error[" in line), stderr.strip()[-120:])
    return seconds, usage.ru_maxrss / 1024, process.returncode, first


def main() -> None:
    with tempfile.TemporaryDirectory() as where:
        where = Path(where)
        kb = where / "kb"
        shutil.copytree(ROOT / "tests" / "fixtures" / "tiny", kb)
        pg = PolicyGraph(load_kb(kb))
        form = forms.form_bytes(pg, load_tracking(kb, pg.kb), "省扶贫办", 2016)
        print("| form | file size | seconds | peak MB | exit | answer |")
        print("|---|---|---|---|---|---|")
        for name, data in hostile(form).items():
            path = where / "form.xlsx"
            path.write_bytes(data)
            seconds, peak, status, first = run(kb, path)
            print(f"| {name} | {len(data) / 1e6:.2f} MB | {seconds:.2f} | {peak:.0f} | {status} | {first} |")
            shutil.rmtree(kb / "demo-2016" / "tracking", ignore_errors=True)


if __name__ == "__main__":
    main()
