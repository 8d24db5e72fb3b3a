"""How a build spends memory: the cycle collector kept off what lives to the end, and each stage's
leftovers handed back before the next stage starts.

Python's cycle collector runs after every 700 new objects and now and then walks every object alive.
A build holds its knowledge base, graph and statuses from start to end, and its site stage makes and
drops millions of small objects (search entries, page contexts): at 100 policies a one-task rebuild
took 75 s with the collector as Python sets it, 60 s with it off, 57 s as here (bench/corpus.py's 100x
corpus, one run each on a shared machine). While a build runs the collector runs less often, and what
is alive after loading and after each stage is frozen (gc.freeze: never walked again, still freed by
reference counting) until the build ends.
"""
from __future__ import annotations

import gc
import sys
from contextlib import contextmanager
from typing import Iterator

BUILD_THRESHOLDS = (50_000, 20, 10)  # Python's are (700, 10, 10): a young collection every 700 new objects


@contextmanager
def collecting_less() -> Iterator[None]:
    """The collector runs less often inside; on leaving, the old thresholds return and nothing stays
    frozen, so a long-running process (`serve`) collects the build's garbage as any other."""
    thresholds = gc.get_threshold()
    gc.set_threshold(*BUILD_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def settle() -> None:
    """Between the steps of a build: collect cycles, freeze what is left (it lives on, or is freed by
    reference counting), and hand the heap's free pages back to the system (glibc's malloc_trim).

    glibc keeps what a stage freed inside its heaps, so a build's resident memory only ever grew:
    each stage started on top of what the ones before had used, and the site (last) peaked highest.
    Elsewhere (macOS, Windows, musl) only the collection runs."""
    gc.collect()
    gc.freeze()
    if sys.platform.startswith("linux"):
        import ctypes
        try:
            ctypes.CDLL("libc.so.6").malloc_trim(0)
        except (OSError, AttributeError):  # not glibc
            pass
