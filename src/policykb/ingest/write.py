"""Write a draft into a knowledge base: all of it or nothing, never over an existing document.

Everything is assembled in a staging folder inside the knowledge base (same file system, so the
final renames are atomic) but one level deeper than documents and under a hidden name, so that
nothing ever loads it: `.import-<pid>-<random>.tmp/<id>/` and, when units are proposed, a whole
new `units.yaml` beside it. At the end the folder is renamed into place and the registry replaced
in one rename; the staging folder goes on every exit (error, Ctrl-C, kill with SIGTERM), and one
left by a process that died harder (SIGKILL, power cut) is reclaimed by the next import.
"""
from __future__ import annotations

import os
import re
import shutil
import signal
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import yaml

from .. import paths
from ..load import FAST_LOADER
from ..system import process_running
from ..yamlio import rewrite
from .fastyaml import dumps
from .compose import Draft
from .source import ImportFailed

REVIEW_FILE = "import-review.txt"


def dump_new(path: Path, data: dict, schema: str) -> None:
    """A new file in the staging folder (renamed into place as a whole, so no temp file per file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dumps(data, schema), encoding="utf-8")


def _schema(depth: int, name: str) -> str:
    return "../" * depth + f"{paths.SCHEMAS_DIR}/{name}.schema.json"


def _units_block(proposed: list[dict], source_name: str) -> str:
    """The proposed units as YAML list items, under a comment saying they await review."""
    if not proposed:
        return ""
    body = dumps({"units": proposed}, None).split("\n", 1)[1]  # drop the 'units:' line
    return (f"  # --- proposed by `policykb import {source_name}`: check each name, level and kind, then set "
            f"proposed: false ---\n" + body)


_EMPTY_LIST = re.compile(r"^units:[ \t]*(?:\[[ \t]*\]|~|null)?[ \t]*(#.*)?$", re.M)


def with_units(text: str, block: str, proposed: list[dict]) -> str:
    """The registry's text with the proposed units after its list, its comments and layout kept. An
    empty list written `units: []` (as `policykb init --empty` writes it) becomes the block list the
    items join; a registry laid out otherwise (a list in brackets) is rewritten whole rather than
    left unreadable."""
    appended = _EMPTY_LIST.sub(lambda m: "units:" + (f" {m[1]}" if m[1] else ""), text, count=1)
    appended += ("" if appended.endswith("\n") else "\n") + block
    try:
        before, after = (yaml.load(t, Loader=FAST_LOADER) or {} for t in (text, appended))
        if len(after["units"]) == len(before.get("units") or []) + len(proposed):
            return appended
    except (yaml.YAMLError, TypeError, KeyError, AttributeError):
        pass
    return rewrite(text, lambda data: data.__setitem__("units", [*(data.get("units") or []), *proposed]))


_STAGING = re.compile(r"^\.import-(?:(\d+)-.*)?.*\.tmp$")


def reclaim(out: Path) -> None:
    """Remove staging folders whose import is no longer running (killed with SIGKILL, power cut)."""
    for path in sorted(out.iterdir()) if out.is_dir() else []:
        match = _STAGING.match(path.name)
        if match and path.is_dir() and not (match[1] and process_running(int(match[1]))):
            shutil.rmtree(path, ignore_errors=True)


@contextmanager
def _terminate_as_exit() -> Iterator[None]:
    """SIGTERM (kill, a closed terminal's session) ends the import like Ctrl-C: cleanup code runs."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    def stop(signum, frame):
        raise SystemExit(128 + signum)
    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _unwritable(out: Path, err: OSError) -> ImportFailed:
    return ImportFailed(f"无法写入 '{out}'：{err.strerror or err}",
                        hint="确认文件夹存在、有写入权限、磁盘有空间；"
                             "这次没有导入任何内容", code="output-unwritable")


@contextmanager
def staged_import(out: Path, doc_id: str) -> Iterator[Path]:
    """A staging root to write `<root>/<doc_id>/` (and `<root>/units.yaml`, starting as a copy of the
    registry) into; on success both move into out at once, on any exit the staging root is gone."""
    folder = out / doc_id
    if folder.exists() or folder.is_symlink():
        raise ImportFailed(f"“{folder}”已经存在；已有的文件从不覆盖",
                           hint="用 --id 另起一个文件夹名，或先把旧文件夹移走",
                           code="import-exists")
    units = out / paths.UNITS_FILE
    with _terminate_as_exit():
        try:
            out.mkdir(parents=True, exist_ok=True)
            reclaim(out)
            root = Path(tempfile.mkdtemp(dir=out, prefix=f".import-{os.getpid()}-", suffix=".tmp"))
        except OSError as err:
            raise _unwritable(out, err) from None
        try:
            if units.is_file():
                shutil.copyfile(units, root / paths.UNITS_FILE)
            yield root
            os.rename(root / doc_id, folder)
            staged_units = root / paths.UNITS_FILE
            if staged_units.is_file() and (not units.is_file() or staged_units.read_bytes() != units.read_bytes()):
                try:
                    os.replace(staged_units, units)  # one rename: the registry is old or new, never torn
                except OSError:
                    shutil.rmtree(folder, ignore_errors=True)
                    raise
        except OSError as err:
            raise _unwritable(out, err) from None
        finally:
            shutil.rmtree(root, ignore_errors=True)


def write_draft(draft: Draft, source: Path, out: Path, doc_id: str) -> list[Path]:
    folder = out / doc_id
    with staged_import(out, doc_id) as root:
        staging = root / doc_id
        source_name = "source" + source.suffix.lower()
        staging.mkdir()
        shutil.copyfile(source, staging / source_name)
        dump_new(staging / paths.DOCUMENT_FILE, {**draft.doc, "source": source_name}, _schema(1, "document"))
        for number, article in draft.articles.items():
            dump_new(staging / paths.ARTICLES_DIR / paths.article_file(number), article, _schema(2, "article"))
        for number, task in draft.tasks.items():
            dump_new(staging / paths.TASKS_DIR / paths.task_file(number), task, _schema(2, "task"))
        dump_new(staging / paths.INDICATORS_FILE, {"indicators": []}, _schema(1, "indicators"))
        (staging / REVIEW_FILE).write_text("\n".join([draft.summary, "", *draft.review, ""]), encoding="utf-8")
        units_path = root / paths.UNITS_FILE
        block = _units_block(draft.proposed, source.name)
        if block and units_path.exists():
            units_path.write_text(with_units(units_path.read_text(encoding="utf-8"), block, draft.proposed),
                                  encoding="utf-8")
        elif not units_path.exists():
            dump_new(units_path, {"units": draft.proposed}, _schema(0, "units"))
    written = sorted(p for p in folder.rglob("*") if p.is_file())
    from ..schema import write_schemas  # late import: schema imports the export models
    return written + [out / paths.UNITS_FILE] + write_schemas(out, overwrite=False)
