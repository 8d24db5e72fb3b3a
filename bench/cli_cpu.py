"""CPU seconds of `policykb build` run as people run it: the console script in a process of its own,
with its forkserver and workers (Linux).

    python bench/cli_cpu.py 1 /tmp/cli1              # three full builds of the 1x corpus
    python bench/cli_cpu.py 1 /tmp/cli1 --runs 5

bench/run.py and bench/timeline.py build inside the bench script's process, so that their workers
import the bench script as their main module; the workers of `policykb build` import the console
script (multiprocessing runs the parent's main script in each forkserver or spawned child), and with
it the command line's modules. This measures that build. CPU seconds are read from /proc every 0.05 s
for every process below the command (a process's last twentieth of a second before it ends is lost).
The corpus is made in WORK/policies unless it is there already; each build goes to WORK/build anew.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from memory import tree  # noqa: E402
from timeline import _cpu_and_parent  # noqa: E402

AS_OF = "2017-01-01"


def measure(policies: Path, out: Path) -> dict:
    """One `policykb build` of `policies` into `out` (made anew): its wall seconds and CPU seconds
    (the command's process, and all below it)."""
    shutil.rmtree(out, ignore_errors=True)
    command = [str(Path(sys.executable).with_name("policykb")), "build", "-p", str(policies), "-o", str(out),
               "--as-of", AS_OF]
    env = dict(os.environ, PYTHONPATH=str(HERE.parent / "src"), NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=HERE.parent, stdout=subprocess.DEVNULL)
    last: dict[int, float] = {}
    while process.poll() is None:
        for pid in tree(process.pid):
            if (found := _cpu_and_parent(pid)) is not None:
                last[pid] = found[0]
        time.sleep(0.05)
    wall = time.perf_counter() - start
    if process.returncode:
        raise SystemExit(f"policykb build failed ({process.returncode})")
    return {"seconds": round(wall, 2), "cpu_main": round(last.get(process.pid, 0.0), 2),
            "cpu_below": round(sum(v for pid, v in last.items() if pid != process.pid), 2),
            "cpu_total": round(sum(last.values()), 2), "processes": len(last), "load_1min": os.getloadavg()[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("factor", type=int)
    parser.add_argument("work", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = args.work.resolve()  # the build runs in the project folder (its templates)
    policies = work / "policies"
    if not policies.is_dir():
        from corpus import generate
        generate(args.factor, policies)
    runs = [measure(policies, work / "build") for _ in range(args.runs)]
    print(json.dumps({"factor": args.factor, "runs": runs}, indent=2))


if __name__ == "__main__":
    main()
