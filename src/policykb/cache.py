"""Incremental builds keyed by content hashes, never timestamps.

A stage computes, for every file it would write, a key: the hash of everything that goes into it
(the graph query's result, the template, the code). When the previous build has the same key for
that file, the file is linked from the previous output instead of rendered again; a stage whose
inputs are all unchanged is skipped entirely. Keys live in `.keys.json` inside each stage folder,
so the cache survives across runs and moves with the output.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import paths
from .output import MARKER, files_below

KEYS_FILE = ".keys.json"
STAGE_KEY = "<stage>"
FILES_KEY = "<files>"  # {relative path: sha256} of every file the stage wrote, taken when it was written
STATS_FILE = ".stats.json"  # {relative path: [size, mtime in ns]} of the same files, as they were then;
# apart from the keys, which depend only on content (the same in a clean build, on another machine)
_PACKAGE = Path(__file__).resolve().parent


def digest(*parts: Any) -> str:
    """A stable hash of JSON-able parts (sets and paths are normalised)."""
    h = hashlib.sha256()
    for part in parts:
        if isinstance(part, bytes):
            h.update(part)
        else:
            h.update(json.dumps(part, ensure_ascii=False, sort_keys=True, default=str).encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()


LOCATION_FIELDS = ("file", "folder")  # where a fact was read from (the path as given): not what any output shows
_LOCATION = re.compile(r"\b(?:%s)='[^'\\]*'" % "|".join(LOCATION_FIELDS))


def portable(value: Any) -> Any:
    """`value` (model_dump data, or a repr) without the source files' paths, which differ between
    checkouts and machines: a key made from it is valid wherever the same content is built."""
    if isinstance(value, str):
        return _LOCATION.sub("", value)
    if isinstance(value, dict):
        return {k: portable(v) for k, v in value.items() if k not in LOCATION_FIELDS}
    if isinstance(value, (list, tuple)):
        return [portable(v) for v in value]
    return value


def tree_digest(*roots: Path, suffixes: tuple[str, ...] | None = None) -> str:
    """Hash of every file's relative path and bytes under the roots (missing roots hash as empty)."""
    h = hashlib.sha256()
    for root in roots:
        root = Path(root)
        files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else \
            ([root] if root.is_file() else [])
        for path in files:
            if "__pycache__" in path.parts or (suffixes and path.suffix not in suffixes):
                continue
            h.update(str(path.relative_to(root) if root.is_dir() else path.name).encode())
            h.update(b"\x00")
            h.update(path.read_bytes())
            h.update(b"\x00")
    return h.hexdigest()


@lru_cache(maxsize=1)
def code_digest() -> str:
    """The tool's own code: a new version of policykb invalidates every cached output."""
    return tree_digest(_PACKAGE, suffixes=(".py", ".j2", ".json", ".txt", ".js", ".css"))


def _policy_history(policies: Path) -> str:
    """The last commit touching the policies (the site's change log shows the history)."""
    try:
        done = subprocess.run(["git", "-C", str(policies), "log", "-1", "--format=%H", "--", "."],
                              capture_output=True, text=True, timeout=10)
        return done.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def build_inputs(policies: Path, templates: Path, as_of: Any, options: dict) -> str:
    """Everything a build reads: the knowledge base and tracking files, templates, the site's
    configuration and hand-written pages, the code, the as-of date, the options and the history."""
    root = Path(templates).resolve().parent
    return digest(code_digest(), tree_digest(policies), tree_digest(templates),
                  tree_digest(paths.packaged(paths.TEMPLATES)),  # pages a knowledge base has no copy of
                  tree_digest(paths.project_file(paths.SITE_DOCS, root)),
                  tree_digest(paths.project_file(paths.SITE_CONFIG, root)), str(as_of), options, _policy_history(policies))


def file_hash(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def _keys(folder: Path) -> dict:
    """The keys file of a stage folder; {} when missing or damaged (`[]`, garbage): then everything is rebuilt."""
    try:
        keys = json.loads((Path(folder) / KEYS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return keys if isinstance(keys, dict) else {}


def _hashes(keys: dict) -> dict[str, str]:
    files = keys.get(FILES_KEY)
    return files if isinstance(files, dict) else {}


def _stats(folder: Path) -> dict[str, list]:
    """The recorded sizes and times of a stage folder's files; {} when missing or damaged: then hashed."""
    try:
        stats = json.loads((Path(folder) / STATS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return stats if isinstance(stats, dict) else {}


def _stat(path: Path) -> list[int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def _intact(folder: Path, rel: str, expected: object, stat: object = None) -> bool:
    """The file is there with the bytes the stage wrote (not truncated, not saved over in WPS).

    A file whose size and modification time are those recorded when it was written is taken as
    unchanged without reading it (as git and make do: an editor or a truncation sets a new time);
    any other is hashed. A no-op rebuild of a large build then reads no output file."""
    if not isinstance(expected, str):
        return False
    path = os.path.join(folder, rel)  # a string: this runs for every file of a rebuild, tens of thousands
    if stat is not None and _stat(path) == stat:
        return True
    path = Path(path)
    try:
        return path.is_file() and file_hash(path) == expected
    except OSError:
        return False


def stage_unchanged(folder: Path, key: str) -> bool:
    """True when the stage's output in folder was built from exactly these inputs and every file it
    wrote still has the bytes it was written with."""
    keys = _keys(folder)
    files, stats = _hashes(keys), _stats(folder)
    return keys.get(STAGE_KEY) == key and bool(files) and \
        all(_intact(folder, rel, sha, stats.get(rel)) for rel, sha in files.items())


class StageCache:
    """Per-file reuse between the previous output folder of a stage and its staging folder."""

    def __init__(self, previous: Path, staged: Path, salt: str):
        self.previous, self.staged, self.salt = Path(previous), Path(staged), salt
        self.old = _keys(self.previous)
        self.old_hashes, self.old_stats = _hashes(self.old), _stats(self.previous)
        self.new: dict[str, str] = {}
        self.reused = self.rendered = 0
        self._checked: dict[str, bool] = {}  # previous files already hashed: each is read once
        self._linked: dict[str, str] = {}  # reused files and their (checked) hashes, for save
        self._folders: set[str] = set()  # folders of the staging folder made for reused files

    def key(self, *parts: Any) -> str:
        return digest(self.salt, *parts)

    def reuse(self, rel: str, key: str) -> bool:
        """Link the previous file into the staging folder if its key matches; else the caller renders it."""
        self.new[rel] = key
        if self.old.get(rel) != key or not self.intact(rel):
            self.rendered += 1
            return False
        # strings, and each folder made once: a rebuild reuses every file but the few that changed
        old, target = os.path.join(self.previous, rel), os.path.join(self.staged, rel)
        folder = os.path.dirname(target)
        if folder not in self._folders:
            os.makedirs(folder, exist_ok=True)
            self._folders.add(folder)
        try:
            os.link(old, target)  # the old folder is discarded after the swap: a hard link is safe
        except OSError:
            os.makedirs(folder, exist_ok=True)  # the stage may have emptied its folder since (mkdocs does)
            shutil.copy2(old, target)
        self._linked[rel] = self.old_hashes[rel]
        self.reused += 1
        return True

    def intact(self, rel: str) -> bool:
        """The previous build's file is there with the bytes it wrote (see _intact)."""
        if rel not in self._checked:
            self._checked[rel] = _intact(self.previous, rel, self.old_hashes.get(rel), self.old_stats.get(rel))
        return self._checked[rel]

    def linked_hash(self, rel: str) -> str | None:
        """The checked hash of a file `reuse` linked (None if it was not): no need to read it again."""
        return self._linked.get(rel)

    def remember(self, rel: str, key: str) -> None:
        """Record the key of a file the caller renders without asking to reuse it."""
        self.new[rel] = key
        self.rendered += 1

    def _unchanged_hash(self, rel: str, stat: list[int] | None) -> str | None:
        """The last build's hash of a file that has the size and time it had then: a file linked in
        from elsewhere (the site's downloads are the letters' and maps' files) need not be read."""
        return self.old_hashes.get(rel) if stat is not None and stat == self.old_stats.get(rel) else None

    def save(self, stage_key: str | None = None) -> None:
        keys: dict = dict(sorted(self.new.items()))
        if stage_key:
            keys[STAGE_KEY] = stage_key
        skip = {KEYS_FILE, STATS_FILE, MARKER}  # the keys themselves; the output marker, written after
        hashes, stats = {}, {}
        for rel, entry in sorted(files_below(self.staged), key=lambda found: found[0].split("/")):
            if entry.name not in skip:
                st = entry.stat()
                stats[rel] = [st.st_size, st.st_mtime_ns]
                hashes[rel] = self._linked.get(rel) or self._unchanged_hash(rel, stats[rel]) or file_hash(entry.path)
        keys[FILES_KEY] = hashes
        (self.staged / KEYS_FILE).write_text(json.dumps(keys, ensure_ascii=False, indent=1) + "\n",
                                             encoding="utf-8")
        (self.staged / STATS_FILE).write_text(json.dumps(stats, ensure_ascii=False) + "\n", encoding="utf-8")
