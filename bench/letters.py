"""Time the responsibility letters: render all of them in memory, then the whole `write_letters` run.

    PYTHONPATH=src python bench/letters.py [POLICIES] [--pdf]

POLICIES defaults to the bundled knowledge base; pass a corpus from bench/corpus.py for a larger one.
With --pdf, also times the LibreOffice conversion of every letter (one soffice call).
"""
from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

from policykb.graph import PolicyGraph
from policykb.render import letters
from policykb.validate import load_kb

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> None:
    args = [a for a in argv if not a.startswith("--")]
    policies = Path(args[0]) if args else ROOT / "policies"
    pg = PolicyGraph(load_kb(policies))
    template, as_of = ROOT / "templates" / "letter.docx", dt.date(2026, 11, 28)

    start = time.perf_counter()
    made = letters.render_all(pg, template, as_of=as_of)
    rendered = time.perf_counter() - start
    print(f"render:  {len(made)} letters in {rendered:.2f} s = {1000 * rendered / len(made):.1f} ms per letter")

    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        letters.write_letters(pg, out, template, as_of=as_of, make_zip=True, with_overview=True)
        written = time.perf_counter() - start
        print(f"write:   letters + overview + zip + manifest in {written:.2f} s "
              f"= {1000 * written / len(made):.1f} ms per letter")
        if "--pdf" in argv:
            start = time.perf_counter()
            letters.to_pdf(sorted(Path(out).rglob("*.docx")), ROOT / "fonts" / "fonts.conf")
            pdf = time.perf_counter() - start
            print(f"pdf:     {len(made)} letters in {pdf:.2f} s = {1000 * pdf / len(made):.1f} ms per letter")


if __name__ == "__main__":
    main(sys.argv[1:])
