"""How long the battle maps take: plan, layout + SVG, PDF, PNG, for every map of the bundled policy.

Run: PYTHONPATH=src python bench/maps.py [--paper A1|A0|A3-tiled] [--png]
Prints one line per phase and the total (no timed tests: speed is measured here).
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from policykb.graph import PolicyGraph  # noqa: E402
from policykb.render import maps
from policykb.render.maps import export as maps_export  # noqa: E402
from policykb.render.maps.plan import plan  # noqa: E402
from policykb.validate import load_kb  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--paper", default="A1")
    parser.add_argument("--png", action="store_true", help="also time PNG (96 dpi) for every map")
    args = parser.parse_args()
    as_of = dt.date(2017, 3, 1)
    started = time.perf_counter()
    pg = PolicyGraph(load_kb(ROOT / "policies"))
    t0 = time.perf_counter()
    specs = [s for doc in sorted(pg.kb.documents) for s in plan(pg, doc)]
    t1 = time.perf_counter()
    done = [maps.render(s, as_of, paper=args.paper) for s in specs]
    t2 = time.perf_counter()
    pdf_bytes = sum(len(maps_export.pdf(list(d.pages))) for d in done)
    t3 = time.perf_counter()
    png_s = 0.0
    if args.png:
        for d in done:
            maps_export.png(d.svg)
        png_s = time.perf_counter() - t3
    t4 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        maps.write(pg, tmp, as_of=as_of, paper=args.paper, formats=("svg", "pdf"))
    t5 = time.perf_counter()
    overall = next(d for d in done if d.spec.kind == "overall")
    print(f"maps: {len(specs)} ({args.paper}); overall {overall.layout.width:g}×{overall.layout.height:g} mm, "
          f"body {overall.layout.size:g} mm, {overall.layout.max_lines} line(s) of task text")
    print(f"load kb + graph   {t0 - started:6.2f} s")
    print(f"plan              {t1 - t0:6.2f} s")
    print(f"layout + svg      {t2 - t1:6.2f} s   ({sum(len(d.svg) for d in done) / 1e6:.1f} MB of SVG)")
    print(f"pdf               {t3 - t2:6.2f} s   ({pdf_bytes / 1e6:.1f} MB, {sum(len(d.pages) for d in done)} pages)")
    if args.png:
        print(f"png (96 dpi)      {png_s:6.2f} s")
    print(f"write svg+pdf     {t5 - t4:6.2f} s   (what the build stage does)")


if __name__ == "__main__":
    main()
