"""Where a full build's wall and CPU time go: each stage's start and end, the work it left in the
background and when that ended, and the CPU seconds of the main process, the forkserver and the
workers while each stage ran (Linux).

    python bench/timeline.py 1 /tmp/timeline1            # a full build of the 1x corpus
    python bench/timeline.py 1 /tmp/timeline1 --json     # the same as JSON

bench/run.py gives the build's seconds against a bare mkdocs build; this says which process was busy
when, so that what runs one after the other can be told from what overlaps. CPU seconds are read from
/proc every 0.1 s (a process's last tenth of a second before it ends is lost). The corpus is made in
WORK/policies unless it is there already; the build goes to WORK/build, made anew each time.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

from memory import Sampling, tree  # noqa: E402

AS_OF = dt.date(2017, 1, 1)
TICK = os.sysconf("SC_CLK_TCK")


def _cpu_and_parent(pid: int) -> tuple[float, int] | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / TICK, int(fields[1])


class CpuSampler(Sampling):
    """CPU seconds per (stage, process kind) — main, forkserver (the main process's child) or worker."""

    def __init__(self) -> None:
        super().__init__(0.1)
        self.stage, self.last, self.cpu = "load", {}, {}

    def sample(self) -> None:
        me = os.getpid()
        for pid in tree(me):
            found = _cpu_and_parent(pid)
            if found is None:
                continue
            seconds, parent = found
            delta, self.last[pid] = seconds - self.last.get(pid, 0.0), seconds
            kind = "main" if pid == me else "forkserver" if parent == me else "workers"
            key = f"{self.stage}/{kind}"
            self.cpu[key] = round(self.cpu.get(key, 0.0) + delta, 2)


def measure(policies: Path, out: Path) -> dict:
    from policykb import background, build

    sampler, events, start = CpuSampler(), [], time.perf_counter()
    at = lambda: round(time.perf_counter() - start, 2)  # noqa: E731
    run, finish = build.Stage.run, background.BackgroundFiles.finish
    handed: list = []

    def timed(stage, ctx):
        sampler.sample()
        sampler.stage, began = stage.name, at()
        run(stage, ctx)
        sampler.sample()
        sampler.stage = f"after {stage.name}"
        events.append({"stage": stage.name, "start": began, "end": at()})
        handed.extend((stage.name, files) for files in ctx.background.values() if files not in
                      [f for _, f in handed])

    def waited(files):
        began = at()
        finish(files)
        if at() - began >= 0.01:
            events.append({"waited_for": files.folder.name.split(".")[1], "start": began, "end": at()})

    build.Stage.run, background.BackgroundFiles.finish = timed, waited
    try:
        with sampler:
            build.build(policies, out, as_of=AS_OF, templates=HERE.parent / "templates")
            total = at()
    finally:
        build.Stage.run, background.BackgroundFiles.finish = run, finish
    for name, files in handed:  # `ended`: policykb.background since the letters went there
        ended = getattr(files, "ended", None)
        if ended is not None:
            events.append({"background_of": name, "ended": round(ended - start, 2)})
    return {"seconds": total, "events": events, "cpu": sampler.cpu,
            "cpu_total": {kind: round(sum(v for k, v in sampler.cpu.items() if k.endswith(kind)), 2)
                          for kind in ("/main", "/forkserver", "/workers")},
            "load_1min": os.getloadavg()[0]}


def _text(result: dict) -> str:
    lines = [f"full build {result['seconds']:.2f} s, load {result['load_1min']:.1f}; CPU-s "
             + ", ".join(f"{k.strip('/')} {v:.2f}" for k, v in result["cpu_total"].items())]
    first = next((e["start"] for e in result["events"] if "stage" in e), result["seconds"])
    cpu = lambda stage: ", ".join(f"{k.split('/')[1]} {v:.2f}" for k, v in result["cpu"].items()  # noqa: E731
                                  if k.split("/")[0] == stage)
    lines.append(f"  {0:6.2f} - {first:6.2f}  {'load':<9} CPU-s: {cpu('load')}")
    for e in result["events"]:
        if "stage" in e:
            lines.append(f"  {e['start']:6.2f} - {e['end']:6.2f}  {e['stage']:<9} CPU-s: {cpu(e['stage'])}")
        elif "waited_for" in e:
            lines.append(f"  {e['start']:6.2f} - {e['end']:6.2f}  waited for {e['waited_for']}")
        else:
            lines.append(f"  {'':6}   {e['ended']:6.2f}  {e['background_of']}: its background work ended")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("factor", type=int)
    parser.add_argument("work", type=Path)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    policies = args.work / "policies"
    if not policies.is_dir():
        from corpus import generate
        generate(args.factor, policies)
    shutil.rmtree(args.work / "build", ignore_errors=True)
    result = measure(policies, args.work / "build")
    print(json.dumps(result, ensure_ascii=False, indent=2) if args.json else _text(result))


if __name__ == "__main__":  # the build's workers may be spawned: they import this file again
    main()
