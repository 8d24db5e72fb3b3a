"""Portable file locks (filelock): fcntl.flock on Linux and macOS, msvcrt on Windows.

`import fcntl` stopped the CLI before it started on Windows; filelock picks the native lock of each
system, so a build or a progress command takes the same lock wherever it runs.
"""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from filelock import FileLock, Timeout


class Busy(Exception):
    """Someone else holds the lock and we were told not to wait."""


def take(path: Path, *, wait: bool) -> FileLock:
    """Take the lock at `path` (created if missing); release it with `.release()`. It is released
    when the process ends, however it ends. With `wait=False` a held lock raises Busy at once."""
    lock = FileLock(str(path), timeout=-1 if wait else 0, thread_local=False)
    try:
        lock.acquire()
    except Timeout:
        raise Busy(str(path)) from None
    return lock


@contextmanager
def held(path: Path, *, wait: bool) -> Iterator[None]:
    lock = take(path, wait=wait)
    try:
        yield
    finally:
        lock.release()
