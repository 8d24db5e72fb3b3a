"""Write outputs so that nobody ever sees half of them: temp file + rename, temp folder + swap."""
from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterator


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary file beside path, then rename: readers never see half a file."""
    with atomic_file(path) as out:
        out.write(data)


@contextmanager
def atomic_file(path: Path) -> Iterator[BinaryIO]:
    """A binary file to write in pieces; it replaces path only when the block ends without error."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            yield out
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def staged_dir(target: Path) -> Iterator[Path]:
    """Yield an empty folder beside target; on success it replaces target, on failure it vanishes.

    The old output stays in place until the new one is complete, so a failed or interrupted
    build leaves the previous output intact.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.new."))
    os.chmod(stage, 0o755)  # mkdtemp makes it private; outputs are published (web server, file share)
    try:
        yield stage
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    old = target.parent / f".{target.name}.old"
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(stage, target)
    shutil.rmtree(old, ignore_errors=True)


def recover(folder: Path) -> None:
    """Clean up what builds killed mid-way left in folder: staging folders go, a target caught
    mid-swap comes back from its .old copy.

    Call only while holding the build lock: then no other build is using these folders.
    """
    folder = Path(folder)
    for path in sorted(folder.glob(".*.old")) if folder.is_dir() else []:
        target = folder / path.name[1:-len(".old")]
        if path.is_dir() and not target.exists():
            os.replace(path, target)
        else:
            shutil.rmtree(path, ignore_errors=True)
    for path in sorted(folder.glob(".*.new.*")) if folder.is_dir() else []:
        shutil.rmtree(path, ignore_errors=True)
