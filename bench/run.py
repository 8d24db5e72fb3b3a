"""Benchmark the pipeline on the bundled policy and on synthetic corpora 10x and 100x its size.

    python bench/run.py                 # 1x, 10x, 100x
    python bench/run.py --factors 1 10  # a quicker run

For each corpus, in a fresh process (so peak memory is that corpus's own): load + validate, graph,
every build stage, a no-op rebuild, a rebuild after one task is edited, and a bare `mkdocs build`
of the same generated pages (the pipeline's overhead is the ratio of the two). The full build's CPU
seconds (main process and workers) divided by the cores and the bare build give the ratio no
scheduling can beat on this machine (cpu_floor_ratio). Memory: the main process's peak RSS, and the
highest sum over it and its workers during the full build. Results go to
bench/results/<date>-<cores>cpu-<factors>.json and .md.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(HERE))

AS_OF = dt.date(2017, 1, 1)


def _timed(fn, *args, **kwargs):
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - start, result


def measure(factor: int, work: Path) -> dict:
    """Everything for one corpus size; runs inside its own process."""
    from corpus import generate
    from cputime import TreeCPU
    from memory import TreePeak
    from policykb import build
    from policykb.graph import PolicyGraph
    from policykb.validate import validate

    policies = generate(factor, work / "policies")
    out = work / "build"
    row: dict = {"factor": factor, "documents": factor}
    row["load_validate_s"], (kb, report) = _timed(validate, policies)
    assert kb is not None, [i.format() for i in report.errors[:5]]
    row["tasks"] = sum(len(d.tasks) for d in kb.documents.values())
    row["graph_s"], _ = _timed(PolicyGraph, kb)
    timings: dict[str, float] = {}
    load = row["load_1min"] = {"start": os.getloadavg()[0]}  # the machine may be shared: say how busy it was
    with TreePeak() as peak, TreeCPU() as cpu:
        row["full_build_s"], _ = _timed(build.build, policies, out, as_of=AS_OF, templates=ROOT / "templates",
                                        timings=timings)
    row["peak_build_tree_mb"] = peak.mb  # main process and workers together, during the full build
    row["full_build_cpu_s"] = cpu.seconds  # main process and workers together: the work, however it was spread
    row["stages_s"] = _seconds(timings)
    load["full_build"] = os.getloadavg()[0]
    row["noop_rebuild_s"], _ = _timed(build.build, policies, out, as_of=AS_OF, templates=ROOT / "templates")
    task = policies / "hunan-2016-implementation-opinions" / "tasks" / "069.yaml"
    task.write_text(task.read_text(encoding="utf-8").replace("60亿元", "61亿元"), encoding="utf-8")
    edit_timings: dict[str, float] = {}
    row["one_task_rebuild_s"], _ = _timed(build.build, policies, out, as_of=AS_OF,
                                          templates=ROOT / "templates", timings=edit_timings)
    load["one_task"] = os.getloadavg()[0]
    row["one_task_stages_s"] = _seconds(edit_timings)
    row["one_task_reused"] = {k: f"{v.reused}/{v.reused + v.rendered}" for k, v in edit_timings.items()
                              if getattr(v, "reused", 0) or getattr(v, "rendered", 0)}
    row["one_task_rebuilt"] = {k: v.rendered for k, v in edit_timings.items() if hasattr(v, "rendered")}
    row["bare_mkdocs_s"] = _bare_mkdocs(PolicyGraph(validate(policies)[0]), policies, work)
    load["bare_mkdocs"] = os.getloadavg()[0]
    row["site_overhead_ratio"] = round(row["stages_s"]["site"] / row["bare_mkdocs_s"], 3)
    row["full_build_ratio"] = round(row["full_build_s"] / row["bare_mkdocs_s"], 3)  # the whole build, all stages
    # the lowest full_build_ratio these cores allow: the build's CPU seconds spread evenly over all of them
    row["cpu_floor_ratio"] = round(row["full_build_cpu_s"] / (os.cpu_count() or 1) / row["bare_mkdocs_s"], 3)
    row["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return row


def _seconds(timings: dict) -> dict:
    return {k: getattr(v, "seconds", v) for k, v in timings.items()}


def _bare_mkdocs(pg, policies: Path, work: Path) -> float:
    """Time a bare `mkdocs build` of the very pages the site stage makes, with the project's mkdocs.yml
    and the same navigation: what is left of the site stage is the pipeline's own overhead (page
    generation, the search fields). A navigation is needed either way: without one, mkdocs lists every
    page in every page's sidebar, which grows with the square of the corpus."""
    import yaml
    from policykb.render.site import nav, write_docs
    docs = work / "bare-docs"
    docs.mkdir()
    built = work / "build"  # the same downloads as the site stage: letters, maps, charts
    write_docs(pg, docs, as_of=AS_OF, templates=ROOT / "templates", policies=policies,
               handwritten=ROOT / "docs", letters=built / "letters", maps=built / "maps",
               charts=built / "tracking" / "charts")
    config = work / "bare-mkdocs.yml"
    config.write_text(yaml.safe_dump({"INHERIT": str(ROOT / "mkdocs.yml"), "docs_dir": str(docs),
                                      "site_dir": str(work / "bare-site"), "nav": nav(pg, docs)},
                                     allow_unicode=True), encoding="utf-8")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)], check=True, cwd=work,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--note", default="", help="the machine's load conditions, for the results file")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        with tempfile.TemporaryDirectory() as tmp:
            print(json.dumps(measure(args.one, Path(tmp))))
        return
    rows, load_before = [], list(os.getloadavg())
    for factor in args.factors:
        print(f"corpus {factor}x …", file=sys.stderr, flush=True)
        done = subprocess.run([sys.executable, __file__, "--one", str(factor)], capture_output=True, text=True,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1",  # workers load this checkout's code
                                   "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"),
                                                                                os.environ.get("PYTHONPATH")]))})
        if done.returncode:
            sys.exit(f"{factor}x failed:\n{done.stderr[-3000:]}")
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
        print(json.dumps(rows[-1], ensure_ascii=False), file=sys.stderr)
    base = next((r for r in rows if r["factor"] == 1), None)
    summary = {"date": dt.date.today().isoformat(), "cores": os.cpu_count(), "python": platform.python_version(),
               "machine": platform.machine(), "cpu": _cpu_model(), "load_before": load_before,
               "load_after": list(os.getloadavg()), "note": args.note, "rows": rows}
    if base:
        summary["linearity"] = {str(r["factor"]): round(r["full_build_s"] / base["full_build_s"], 1) for r in rows}
    results = HERE / "results"
    results.mkdir(exist_ok=True)
    stem = _unused(results / f"{summary['date']}-{summary['cores']}cpu-{'-'.join(f'{f}x' for f in args.factors)}")
    stem.with_suffix(".json").write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    stem.with_suffix(".md").write_text(_markdown(summary), encoding="utf-8")
    print(_markdown(summary))


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def _unused(stem: Path) -> Path:
    """stem, or stem-run2, stem-run3 …: a second run on the same day keeps the first one's results."""
    candidate, run = stem, 1
    while candidate.with_suffix(".json").exists():
        run += 1
        candidate = stem.with_name(f"{stem.name}-run{run}")
    return candidate


def _markdown(summary: dict) -> str:
    cols = ["factor", "tasks", "load_validate_s", "graph_s", "full_build_s", "noop_rebuild_s",
            "one_task_rebuild_s", "bare_mkdocs_s", "full_build_ratio", "full_build_cpu_s", "cpu_floor_ratio",
            "site_overhead_ratio", "peak_rss_mb",
            "peak_build_tree_mb"]
    load = ", ".join(f"{x:.1f}" for x in summary.get("load_before", []))
    lines = [f"# policykb benchmark {summary['date']} ({summary['cores']} cores, Python {summary['python']})", "",
             f"Machine: {summary.get('cpu', '')}, {summary['cores']} cores; load average at the start {load}, "
             f"at the end {', '.join(f'{x:.1f}' for x in summary.get('load_after', []))}. {summary.get('note', '')}",
             "", "| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for r in summary["rows"]:
        lines.append("| " + " | ".join(_fmt(r.get(c)) for c in cols) + " |")
    lines += ["", "Stage seconds per corpus:", ""]
    for r in summary["rows"]:
        stages = ", ".join(f"{k} {v:.2f}" for k, v in r["stages_s"].items())
        lines.append(f"- {r['factor']}x: {stages}")
    lines += ["", "One-task edit (task 069's text), stage seconds and files rebuilt (pages, letters, maps' files):", ""]
    for r in summary["rows"]:
        stages = ", ".join(f"{k} {v if isinstance(v, str) else f'{v:.2f}'}" for k, v in r["one_task_stages_s"].items())
        rebuilt = ", ".join(f"{k} {n} of {r['one_task_reused'][k].split('/')[-1]}"
                            for k, n in r.get("one_task_rebuilt", {}).items() if k in r["one_task_reused"])
        lines.append(f"- {r['factor']}x: {stages}; rebuilt: {rebuilt}")
    lines += ["", "1-minute load average after each phase (2 cores: above 2, others were working too):", ""]
    for r in summary["rows"]:
        lines.append(f"- {r['factor']}x: " + ", ".join(f"{k} {v:.1f}" for k, v in r.get("load_1min", {}).items()))
    if "linearity" in summary:
        lines += ["", f"Full build relative to 1x: {summary['linearity']}"]
    return "\n".join(lines) + "\n"


def _fmt(value) -> str:
    return "" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)


if __name__ == "__main__":
    main()
