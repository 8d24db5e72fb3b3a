"""Where a build's memory goes: per stage, the peak of the main process and of its workers (Linux).

    python bench/stage_memory.py 30 /tmp/corpus30            # a full build of the 30x corpus
    python bench/stage_memory.py 30 /tmp/corpus30 --edit     # then the one-task edit bench/run.py makes

bench/run.py gives the whole build's peak; this says which stage reaches it and whether the main
process or the workers (letters, map exports) hold it. The process tree is sampled every 0.3 s as
memory.TreePeak does (proportional set sizes, so shared pages count once). The corpus is made in
WORK/policies unless it is there already; the build goes to WORK/build.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

from memory import Sampling, pss_kb, tree  # noqa: E402

AS_OF = dt.date(2017, 1, 1)


class Sampler(Sampling):
    """Peaks per stage: (main MB, workers MB, tree MB, most workers at once); the tree's peak itself."""

    def __init__(self) -> None:
        super().__init__(0.3)
        self.stage, self.peaks = "load", {}
        self.top: dict = {"tree_mb": 0}  # the tree's highest sample, process by process
        self.stage_top: dict[str, dict] = {}  # each stage's highest sample, process by process
        self.waiting = ""  # the background work the stage waits for now, if any

    def sample(self) -> None:
        me = os.getpid()
        main = pss_kb(me) // 1024
        workers = [pss_kb(p) // 1024 for p in tree(me) if p != me]
        if main + sum(workers) > self.top["tree_mb"]:  # forkserver and resource tracker among the workers
            self.top = {"tree_mb": main + sum(workers), "stage": self.stage, "waiting_for": self.waiting, "main_mb": main,
                        "each_worker_mb": sorted(workers, reverse=True)}
        old = self.peaks.get(self.stage, (0, 0, 0, 0))
        if main + sum(workers) > old[2]:  # the stage's own highest sample, process by process
            self.stage_top[self.stage] = {"main_mb": main, "each_worker_mb": sorted(workers, reverse=True),
                                          "waiting_for": self.waiting}
        self.peaks[self.stage] = (max(old[0], main), max(old[1], sum(workers)),
                                  max(old[2], main + sum(workers)), max(old[3], len(workers)))


def measure(policies: Path, out: Path) -> dict:
    from policykb import background, build

    sampler, seconds, waits = Sampler(), {}, {}
    run, finish = build.Stage.run, background.BackgroundFiles.finish

    def timed(stage, ctx):
        sampler.stage = stage.name
        start = time.perf_counter()
        run(stage, ctx)
        seconds[stage.name] = round(time.perf_counter() - start, 1)
        sampler.stage = f"after {stage.name}"

    def waited(files):
        sampler.waiting = files.folder.name.split(".")[1]  # staged as .<stage>.new…
        start = time.perf_counter()
        try:
            finish(files)
        finally:
            waits[sampler.waiting] = round(waits.get(sampler.waiting, 0) + time.perf_counter() - start, 1)
            sampler.waiting = ""

    build.Stage.run, background.BackgroundFiles.finish = timed, waited
    try:
        with sampler:
            start = time.perf_counter()
            build.build(policies, out, as_of=AS_OF, templates=HERE.parent / "templates")
            total = round(time.perf_counter() - start, 1)
    finally:
        build.Stage.run, background.BackgroundFiles.finish = run, finish
    stages = {name: dict(zip(("main_mb", "workers_mb", "tree_mb", "workers"), peak), seconds=seconds.get(name),
                         at_peak=sampler.stage_top.get(name))
              for name, peak in sampler.peaks.items()}
    return {"seconds": total, "peak_tree_mb": max(p[2] for p in sampler.peaks.values()), "peak_at": sampler.top,
            "stages": stages, "waited_seconds": waits,  # for the stage's files written in the background
            # bench/run.py's peak_rss_mb: the main process's high-water mark so far (its whole life)
            "main_maxrss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
            "load_1min": os.getloadavg()[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("factor", type=int)
    parser.add_argument("work", type=Path)
    parser.add_argument("--edit", action="store_true", help="after the full build, the one-task edit's rebuild")
    args = parser.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    policies = args.work / "policies"
    if not policies.is_dir():
        from corpus import generate
        generate(args.factor, policies)
    result = {"factor": args.factor, "load_before": list(os.getloadavg()),
              "full": measure(policies, args.work / "build")}
    if args.edit:
        task = policies / "hunan-2016-implementation-opinions" / "tasks" / "069.yaml"
        task.write_text(task.read_text(encoding="utf-8").replace("60亿元", "61亿元"), encoding="utf-8")
        result["one_task"] = measure(policies, args.work / "build")
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":  # the build's workers are spawned: they import this file again
    main()
