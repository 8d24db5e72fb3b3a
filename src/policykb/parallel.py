"""Use both cores for independent work (letters, map exports) without changing any output.

Results are collected in submission order, so the files written are the same whatever ran where.

Workers are forked from a forkserver where the platform has one (Linux, macOS): it imports the
workers' modules once, so a build's two pools (letters, map exports) cost one import of docxtpl,
lxml and typst instead of one per worker (1.2 s of CPU for two spawned workers, 0.02 s forked).
Elsewhere (Windows) they are spawned. Never plain fork: the parent may hold locks (logging, rich)
that a forked child would inherit held.
"""
from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import sys
import threading
from collections import deque
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import ExitStack, contextmanager
from itertools import chain
from typing import Any, Callable, Iterable, Iterator, TypeVar

MIN_JOBS = 8  # starting a worker costs about half a second of imports: below this, work inline
MAX_WORKERS = 8
IN_FLIGHT = 4  # jobs per worker: enough to keep it busy, few enough that a long stream is not all in memory

T = TypeVar("T")


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
def workers(jobs: int, initializer: Callable | None = None, initargs: tuple = (),
            preload: Iterable[str] = (), processes: int | None = None, held: bool = False) -> Iterator[Executor]:
    """Worker processes when there are enough jobs and cores, else this process.

    `preload`: the modules the jobs need, imported once in the forkserver rather than in each worker.
    `processes`: at most this many (fewer than the cores: this process has work of its own meanwhile).
    `held`: work in the background (policykb.background) runs these: pools started while they run get
    the other cores, so that two stages side by side have as many workers (and memory) as one."""
    count = _count(processes)
    if jobs < MIN_JOBS or worker_count() < 2:
        if initializer:
            initializer(*initargs)
        yield _Inline()
        return
    modules = [*preload, *([initializer.__module__] if initializer else [])]
    with ProcessPoolExecutor(count, mp_context=_context(modules), initializer=_prepared,
                             initargs=(dict(os.environ), os.getcwd(), initializer, initargs)) as pool:
        with _holding(count if held else 0):
            yield pool


_held = 0  # worker processes that work in the background runs now
_held_lock = threading.Lock()


def _count(processes: int | None) -> int:
    """How many workers a pool started now has: at most `processes`, on the cores the background leaves."""
    return min(processes or worker_count(), max(1, worker_count() - _held))


def hold(count: int) -> None:
    """`count` cores taken by work in the background, until `release` (see `workers`' `held`)."""
    global _held
    with _held_lock:
        _held += count


def release(count: int) -> None:
    global _held
    with _held_lock:
        _held -= count


@contextmanager
def _holding(count: int) -> Iterator[None]:
    hold(count)
    try:
        yield
    finally:
        release(count)


_PRELOAD: set[str] = set()


def preload(*modules: str) -> None:
    """Modules the forkserver imports for every worker besides the pools' own: the command line's.
    multiprocessing runs the parent's main script again in each worker, and `policykb`'s console
    script imports the whole command line (0.3 s of CPU a worker); with it imported in the server
    that costs nothing. (The server's own "__main__" preload is lost on the way in Python 3.11.)"""
    _PRELOAD.update(modules)


def _context(modules: Iterable[str]):
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    _PRELOAD.update(modules)  # read when the server starts: a later pool's new modules load in its workers
    context.set_forkserver_preload(sorted(_PRELOAD))
    return context


def warm_up(modules: Iterable[str]) -> None:
    """Start the forkserver now, importing `modules` while this process does other work (loading the
    knowledge base): the first pool then finds it ready instead of waiting half a second for it."""
    if worker_count() >= 2 and _context(modules).get_start_method() == "forkserver":
        from multiprocessing import forkserver
        forkserver.ensure_running()


def _prepared(environ: dict, cwd: str, initializer: Callable | None, initargs: tuple) -> None:
    """A worker starts where and as the parent is now, as a spawned one would: the forkserver kept the
    environment and folder of the moment it started (a test or a stage may have set a variable since).

    What the worker has from the server (the preloaded modules) is frozen first: the cycle collector
    then never walks it, and the pages stay shared with the server instead of being copied into each
    worker the first time a collection touches them."""
    gc.freeze()
    os.environ.clear()
    os.environ.update(environ)
    os.chdir(cwd)
    if initializer:
        initializer(*initargs)


TRIM_AFTER = 2 << 20  # bytes of work between two trims: a trim costs milliseconds, a small map's garbage less


_since_trim = 0


def give_back_memory(handled: int = TRIM_AFTER) -> None:
    """Hand the heap's free pages back to the system (glibc's malloc_trim), for a worker after a big job:
    glibc keeps what a job freed, so a worker that drew one wall map stayed that big to the end, and
    the two workers' high-water marks added up to the build's peak. `handled`: the bytes of the job
    just done; the heap is trimmed once jobs have handled TRIM_AFTER since the last trim (trimming after
    each of the bundled policy's 97 small maps cost a quarter of a second). Elsewhere (not glibc) nothing."""
    global _since_trim
    _since_trim += handled
    if _since_trim < TRIM_AFTER:
        return
    _since_trim = 0
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL("libc.so.6").malloc_trim(0)
        except (OSError, AttributeError):  # not glibc
            pass


def apart(fn: Callable[[Any], T], argument: Any) -> T:
    """fn(argument) in a worker process of its own that ends with it: for work whose imports this
    process should not keep (their memory). In this process with one core, or where a worker would be
    spawned (Windows: it would import policykb again, a second more than the work)."""
    context = _context([fn.__module__])
    if worker_count() < 2 or context.get_start_method() != "forkserver":
        return fn(argument)
    with ProcessPoolExecutor(1, mp_context=context, initializer=_prepared,
                             initargs=(dict(os.environ), os.getcwd(), None, ())) as pool:
        return pool.submit(fn, argument).result()


def worker_count() -> int:
    return min(os.cpu_count() or 1, MAX_WORKERS)


def ordered(fn: Callable, jobs: Iterable[tuple[T, Any]], initializer: Callable | None = None,
            initargs: tuple = (), min_jobs: int = MIN_JOBS, started: threading.Event | None = None,
            processes: int | None = None) -> Iterator[tuple[T, Any]]:
    """(item, fn(argument)) for each (item, argument) of `jobs`, in order; (item, None) where the argument is None.

    Jobs are read lazily and only a few are in flight at a time, so a long stream never holds all its
    arguments or results at once. Workers are used when at least `min_jobs` arguments are not None
    (the jobs are read that far ahead to know), at most `processes` of them. `started` is set once the
    workers have taken this process's environment and folder: it is given for a stream read in another
    thread (see policykb.background), whose workers the pools started meanwhile leave their cores.

    Workers are added as cores come free, beside those the stream has (they stay, warm): for a stream
    read in this thread, when the background gives its cores back; one in the background keeps those
    it started with.
    """
    jobs = iter(jobs)
    head, needed = [], 0
    for job in jobs:
        head.append(job)
        needed += job[1] is not None
        if needed >= min_jobs:
            break
    background = started is not None
    with ExitStack() as stack:
        pools: dict[Executor, int] = {}  # each pool's workers

        def add(limit: int | None, work: int) -> Executor:
            size = _count(limit)
            pool = stack.enter_context(workers(work, initializer, initargs, preload=[fn.__module__],
                                               processes=size, held=background))
            pools[pool] = size if isinstance(pool, ProcessPoolExecutor) else 1
            return pool

        first = add(processes, needed if needed >= min_jobs else 0)
        if started is not None:
            started.set()
        growing = isinstance(first, ProcessPoolExecutor)
        pending: deque = deque()  # (item, its future or None, the pool it went to)
        for item, argument in chain(head, jobs):
            if growing and not background and (wanted := max(0, _count(processes) - sum(pools.values()))):
                add(wanted, MIN_JOBS)
            if argument is None:
                pending.append((item, None, None))
            else:  # to the pool with the fewest jobs a worker not yet done
                busy = dict.fromkeys(pools, 0)
                for _, future, pool in pending:
                    if future is not None and not future.done():
                        busy[pool] += 1
                pool = min(pools, key=lambda p: busy[p] / pools[p])
                pending.append((item, pool.submit(fn, argument), pool))
            if len(pending) >= IN_FLIGHT * sum(pools.values()):
                item, future, _ = pending.popleft()
                yield item, future and future.result()
        while pending:
            item, future, _ = pending.popleft()
            yield item, future and future.result()
