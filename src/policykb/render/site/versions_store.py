"""The change log's versions kept in the repository's git directory, for a build into any output folder.

What a commit changed against the one before it never changes, yet working it out loads and checks
two whole knowledge bases. The site's folder keeps the versions for its own next build
(`files.remembered_versions`), but a build into a fresh folder (CI, `build -o elsewhere`) found none
and loaded and checked eleven past versions again. They belong to the repository: they are kept
below its git directory (`git rev-parse --git-common-dir`, shared by its worktrees, never committed,
never in the user's home), one file per version of policykb's code (other code may word a diff
otherwise), holding the versions by policies folder and commit pair. A damaged file is ignored.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

STORE = "policykb"  # the folder below the git directory
PREFIX = "versions-"
KEEP_CODES = 4  # files of other code (other worktrees' checkouts, older policykb) kept besides this one
KEEP_VERSIONS = 200  # per policies folder: the change log shows ten; branches built from one repository share it


def _file(git_dir: Path) -> Path:
    from ...cache import code_digest
    return Path(git_dir) / STORE / f"{PREFIX}{code_digest()[:16]}.json"


def load(git_dir: Path, folder: str) -> dict[str, dict]:
    """The versions kept for `folder` (a policies folder, relative to the repository) by this code; {}
    when there are none or the file is not what `save` writes."""
    try:
        stored = json.loads(_file(git_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    kept = stored.get(folder) if isinstance(stored, dict) else None
    if not isinstance(kept, dict):
        return {}
    return {k: v for k, v in kept.items() if isinstance(k, str) and isinstance(v, dict)}


def save(git_dir: Path, folder: str, versions: dict[str, dict]) -> None:
    """Add `versions` to those kept for `folder` (the latest KEEP_VERSIONS kept); where the git
    directory cannot be written (a read-only checkout), nothing is kept and nothing fails."""
    target = _file(git_dir)
    try:
        stored = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        stored = {}
    stored = stored if isinstance(stored, dict) else {}
    kept = stored.get(folder) if isinstance(stored.get(folder), dict) else {}
    merged = {k: v for k, v in kept.items() if k not in versions}
    merged.update(versions)  # the versions just used last: the oldest unused go first
    stored[folder] = dict(list(merged.items())[-KEEP_VERSIONS:])
    text = json.dumps(stored, ensure_ascii=False, sort_keys=False, default=str) + "\n"
    temporary = None
    try:
        target.parent.mkdir(exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(temporary, 0o644)  # as git's own files: mkstemp's are the owner's alone
        os.replace(temporary, target)  # a build reading it at the same time sees the old file or the new
        temporary = None
        _forget_other_code(target)
    except OSError:
        pass
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


def _forget_other_code(current: Path) -> None:
    """Only the files of the last few code versions are kept: each edit of policykb's code is a new one."""
    others = [p for p in current.parent.glob(f"{PREFIX}*.json") if p != current]
    for old in sorted(others, key=lambda p: p.stat().st_mtime_ns, reverse=True)[KEEP_CODES:]:
        old.unlink(missing_ok=True)
