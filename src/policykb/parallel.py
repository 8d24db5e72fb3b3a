"""Use both cores for independent work (letters, map exports) without changing any output.

Results are collected in submission order, so the files written are the same whatever ran where.
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Callable, Iterator

MIN_JOBS = 8  # starting a worker costs about half a second of imports: below this, work inline
MAX_WORKERS = 8


class _Inline(Executor):
    """The executor interface, running each job at once in this process."""

    def submit(self, fn, /, *args, **kwargs) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as err:  # handed back through result(), as a pool would
            future.set_exception(err)
        return future


@contextmanager
def workers(jobs: int, initializer: Callable | None = None, initargs: tuple = ()) -> Iterator[Executor]:
    """Worker processes when there are enough jobs and cores, else this process."""
    count = min(os.cpu_count() or 1, MAX_WORKERS)
    if jobs < MIN_JOBS or count < 2:
        if initializer:
            initializer(*initargs)
        yield _Inline()
        return
    # spawn, not fork: the parent may hold locks (logging, rich) that a forked child would inherit held
    with ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("spawn"),
                             initializer=initializer, initargs=initargs) as pool:
        yield pool
