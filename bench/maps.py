"""How long the battle maps take: layout + SVG and PDF of every map, the maps build stage, and the
stage again after a one-task edit (what CI or a preview waits for), for the bundled policy.

Run: PYTHONPATH=src python bench/maps.py [--paper auto|A1|A0|A3-tiled] [--png] [--root OTHER_CHECKOUT]
`--root` runs the same phases on another checkout's code (e.g. the previous commit, unpacked with
`git archive`), so old and new can be timed side by side in the same minute on a shared machine.
Each phase prints wall seconds and CPU seconds (this process + its workers): on a loaded machine the
CPU figure is the steadier one. No timed tests: speed is measured here.
"""
from __future__ import annotations

import argparse
import datetime as dt
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AS_OF = dt.date(2017, 3, 1)
EDITED = "tasks/069.yaml"  # the one-task edit: a word added to task 69's text


def cpu() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


class Phase:
    def __enter__(self):
        self.wall, self.cpu = time.perf_counter(), cpu()
        return self

    def __exit__(self, *exc):
        self.wall, self.cpu = time.perf_counter() - self.wall, cpu() - self.cpu

    def __str__(self) -> str:
        return f"{self.wall:6.2f} s wall {self.cpu:6.2f} s cpu"


def edit_one_task(policies: Path) -> None:
    task = next(policies.rglob(EDITED))
    source = task.read_text(encoding="utf-8")
    task.write_text(source.replace("text: ", "text: 切实", 1), encoding="utf-8")


def changed_files(before: dict[str, bytes], folder: Path) -> int:
    now = {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    return sum(1 for k, v in now.items() if before.get(k) != v)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--paper", default="auto")
    parser.add_argument("--png", action="store_true", help="also time PNG (96 dpi) for every map")
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout whose src/ is timed")
    args = parser.parse_args()
    sys.path.insert(0, str(args.root / "src"))
    from policykb import build
    from policykb.graph import PolicyGraph
    from policykb.render import maps
    from policykb.render.maps import export as maps_export
    from policykb.render.maps.plan import plan
    from policykb.validate import load_kb

    def on_paper(spec):  # older code has no paper choice per map: its build put the overall map on A0-tiled
        if hasattr(maps, "render_on_paper"):
            return maps.render_on_paper(spec, AS_OF, args.paper)[1]
        paper = "A1" if args.paper == "auto" else args.paper
        return maps.render(spec, AS_OF, paper="A0-tiled" if spec.kind == "overall" else paper)

    import policykb
    print(f"code: {Path(policykb.__file__).parent}")
    pg = PolicyGraph(load_kb(ROOT / "policies"))
    specs = [s for doc in sorted(pg.kb.documents) for s in plan(pg, doc)]
    with Phase() as drawing:
        done = [on_paper(s) for s in specs]
    overall = next(d for d in done if d.spec.kind == "overall")
    with Phase() as pdf:
        pdf_bytes = sum(len(maps_export.pdf(list(d.pages))) for d in done)
    if args.png:
        with Phase() as png:
            for d in done:
                maps_export.png(d.svg)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copytree(ROOT / "policies", work / "policies")
        with Phase() as stage:
            build.build(work / "policies", work / "out", as_of=AS_OF, only=["maps"])
        before = {str(p.relative_to(work / "out" / "maps")): p.read_bytes()
                  for p in (work / "out" / "maps").rglob("*") if p.is_file()}
        edit_one_task(work / "policies")
        with Phase() as edit:
            build.build(work / "policies", work / "out", as_of=AS_OF, only=["maps"])
        rewritten = changed_files(before, work / "out" / "maps")
    sheets: dict[tuple[float, float], int] = {}
    for d in done:
        size = (d.layout.width, d.layout.height)
        sheets[size] = sheets.get(size, 0) + 1
    print(f"maps: {len(specs)} ({args.paper}); overall {overall.layout.width:g}×{overall.layout.height:g} mm "
          f"({len(overall.pages)} page(s)), body {overall.layout.size:g} mm, {overall.layout.max_lines} line(s) of task text")
    print(f"sheets (mm: maps): {', '.join(f'{w:g}×{h:g}: {n}' for (w, h), n in sorted(sheets.items()))}")
    print(f"layout + svg      {drawing}   ({sum(len(d.svg) for d in done) / 1e6:.1f} MB of SVG)")
    print(f"pdf               {pdf}   ({pdf_bytes / 1e6:.1f} MB, {sum(len(d.pages) for d in done)} pages)")
    if args.png:
        print(f"png (96 dpi)      {png}")
    print(f"maps stage, full  {stage}")
    print(f"one-task edit     {edit}   ({rewritten} files rewritten)")


if __name__ == "__main__":
    main()
