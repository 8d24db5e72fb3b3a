"""Peak memory of this process and its workers together, sampled from /proc (Linux).

ru_maxrss sees one process at a time (and a spawned worker's counts the parent's pages it shared
before exec); a build's letters and map exports run in worker processes beside the main one, so
the figure that matters is the sum over the process tree at its highest. Each process counts its
proportional set size (Pss): pages shared between processes are not counted twice.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path

PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def pss_kb(pid: int) -> int:
    """A process's proportional set size; 0 for a child that subprocess has started but that has not
    yet run its program: started with vfork, it is its parent's very memory (/proc shows the parent's
    pages for it), and a build's `git log` counted the main process twice (a 100x "worker" of 353 MB
    beside a main process of 353 MB)."""
    try:
        if _borrowed(pid):
            return 0
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_KB
    except (OSError, IndexError, ValueError):
        return 0  # gone between listing and reading


def _borrowed(pid: int) -> bool:
    """Whether `pid` shares its parent's memory (between vfork and exec): the same size and data
    segment, to the page (its resident pages may move between the two reads: the parent runs on)."""
    parent = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    if parent <= 1:
        return False
    sizes = [Path(f"/proc/{p}/statm").read_text().split() for p in (pid, parent)]
    return (sizes[0][0], sizes[0][5]) == (sizes[1][0], sizes[1][5])


def tree(pid: int) -> list[int]:
    """pid and every process below it."""
    pids, todo = [], [pid]
    while todo:
        current = todo.pop()
        pids.append(current)
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return pids


class Sampling:
    """A thread calling `sample()` every `interval` s while the `with` block runs (and once at its start)."""

    def __init__(self, interval: float):
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def sample(self) -> None:
        raise NotImplementedError

    def _run(self) -> None:
        while True:
            self.sample()
            if self._stop.wait(self.interval):
                return

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


class TreePeak(Sampling):
    """`with TreePeak() as peak: ...` then `peak.mb`: the highest total seen, sampled every `interval` s."""

    def __init__(self, interval: float = 0.25):
        super().__init__(interval)
        self.kb = 0

    def sample(self) -> None:
        self.kb = max(self.kb, sum(pss_kb(p) for p in tree(os.getpid())))

    @property
    def mb(self) -> float | None:
        return round(self.kb / 1024, 1) if Path("/proc/self/smaps_rollup").exists() else None
