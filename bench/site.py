"""Site build time: `policykb site` (pages + mkdocs build + search fields) vs a bare `mkdocs build`.

    PYTHONPATH=src python bench/site.py [--runs 3]

The bare build is mkdocs-material with its default configuration over the very same docs tree
(generated pages included), so the ratio is the cost of our pages' generation, the offline plugin,
Chinese segmentation and the bigram fields.
"""
from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from policykb.graph import PolicyGraph  # noqa: E402
from policykb.render.site import mkdocs_build, nav, render_site, write_docs  # noqa: E402
from policykb.validate import load_kb  # noqa: E402

BARE = "site_name: bare\ntheme: {name: material}\n"


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    logging.getLogger("jieba").setLevel(logging.ERROR)
    as_of = dt.date(2016, 9, 1)
    pg = PolicyGraph(load_kb(ROOT / "policies"))
    common = dict(as_of=as_of, templates=ROOT / "templates", policies=ROOT / "policies")
    ours, bare, bare_nav = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        docs = tmp / "docs"
        docs.mkdir()
        write_docs(pg, docs, handwritten=ROOT / "docs", **common)
        pages = sum(1 for _ in docs.rglob("*.md"))
        (tmp / "bare.yml").write_text(BARE, encoding="utf-8")
        render_site(pg, tmp / "warm", config=ROOT / "mkdocs.yml", handwritten=ROOT / "docs", **common)  # jieba warm-up
        for run in range(args.runs):
            ours.append(timed(lambda: render_site(pg, tmp / f"ours{run}", config=ROOT / "mkdocs.yml",
                                                  handwritten=ROOT / "docs", **common)))
            bare.append(timed(lambda: mkdocs_build(tmp / "bare.yml", docs, tmp / f"bare{run}")))
            bare_nav.append(timed(lambda: mkdocs_build(tmp / "bare.yml", docs, tmp / f"barenav{run}",
                                                       nav=nav(pg, docs))))
    o, b, n = statistics.median(ours), statistics.median(bare), statistics.median(bare_nav)
    print(f"{pages} pages; median of {args.runs} runs")
    print(f"policykb site (generate + mkdocs build + search fields): {o:.2f} s")
    print(f"bare mkdocs build of the same pages:                    {b:.2f} s")
    print(f"bare mkdocs build, same pages, our navigation:          {n:.2f} s")
    print(f"ratio: {o / b:.2f} vs bare (whose automatic navigation lists all pages on every page); "
          f"{o / n:.2f} vs bare with our navigation")


if __name__ == "__main__":
    main()
