"""Write several tracking files as one change: all of them, or (after a kill) all of them on the next read.

Each file's new bytes go to a temporary file beside it; then a journal naming every (temporary, target)
pair is written atomically, and only then are the temporary files renamed over their targets. A command
killed before the journal exists leaves the old files (its temporaries are removed when it fails; after a
SIGKILL they stay, hidden, ignored by git and never loaded); one
killed after it leaves a journal that the next read of the tracking data completes. Completing is
idempotent and needs no lock: a rename whose temporary file is gone has already been done.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from ..output import atomic_write

JOURNAL = ".tracking-journal.json"  # hidden: `check` never loads it as a document


def commit(contents: dict[Path, bytes], policies: Path) -> None:
    """Replace every path with its bytes, as one change."""
    pairs = []
    try:
        for path, data in contents.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            pairs.append((tmp, str(path)))
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o644)
    except BaseException:  # nothing was renamed yet: the old files stand
        for tmp, _ in pairs:
            Path(tmp).unlink(missing_ok=True)
        raise
    journal = Path(policies) / JOURNAL
    atomic_write(journal, json.dumps(pairs, ensure_ascii=False).encode("utf-8"))
    complete(policies)


def complete(policies: Path) -> bool:
    """Finish a change a killed command left half done; True when there was one."""
    journal = Path(policies) / JOURNAL
    try:
        pairs = json.loads(journal.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return False
    except (OSError, ValueError):  # a journal cut short was never complete: its renames never started
        journal.unlink(missing_ok=True)
        return False
    for tmp, target in pairs:
        if Path(tmp).exists():
            os.replace(tmp, target)
    journal.unlink(missing_ok=True)
    return True
