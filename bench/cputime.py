"""CPU seconds of this process and its workers together, sampled from /proc (Linux).

A build's wall time on a shared machine says little; its CPU time says what the work costs, and
divided by the cores it is the fastest the build could ever be on them: the floor under a ratio of
wall times. Workers are forked from multiprocessing's forkserver, which is not this process's
waited-for child, so getrusage never counts them: each process of the tree is read instead.
"""
from __future__ import annotations

import os
from pathlib import Path

from memory import Sampling, tree

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_ticks(pid: int) -> int:
    """A process's user + system time so far, in clock ticks; 0 once gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    except (OSError, IndexError, ValueError):
        return 0


class TreeCPU(Sampling):
    """`with TreeCPU() as cpu: ...` then `cpu.seconds`: the CPU time the tree spent inside the block.
    A process that ends between two samples loses its last `interval` at most."""

    def __init__(self, interval: float = 0.05):
        super().__init__(interval)
        self.base = {pid: cpu_ticks(pid) for pid in tree(os.getpid())}  # a forkserver may outlive a block
        self.seen: dict[int, int] = {}

    def sample(self) -> None:
        for pid in tree(os.getpid()):
            self.seen[pid] = max(self.seen.get(pid, 0), cpu_ticks(pid))

    def __exit__(self, *exc) -> None:
        super().__exit__(*exc)
        self.sample()

    @property
    def seconds(self) -> float:
        return round(sum(t - self.base.get(pid, 0) for pid, t in self.seen.items()) / TICKS, 2)
