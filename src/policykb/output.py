"""Write outputs so that nobody ever sees half of them: temp file + rename, temp folder + swap."""
from __future__ import annotations

import errno
import os
import shutil
import tempfile
import time
from glob import escape as glob_escape
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterator

from .issues import ToolError
from .system import process_running


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


def files_below(folder: Path, prefix: str = "") -> Iterator[tuple[str, os.DirEntry]]:
    """(path relative to folder, entry) of every file under folder, unsorted: os.scandir's entries carry
    their type, so tens of thousands of files are listed without a stat call each (Path.rglob made one)."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                yield from files_below(Path(entry.path), f"{prefix}{entry.name}/")
            elif entry.is_file():
                yield f"{prefix}{entry.name}", entry


def write_or_link(target: Path, data: bytes, previous: Path | None) -> None:
    """Write data to target in a staging folder, or hard-link `previous` (the same file of the last
    build) when it holds these very bytes: writing a new file costs several times a link
    (bench/file_ops.py), and most of a rebuild's files are unchanged."""
    if previous is not None:
        try:
            if os.stat(previous).st_size == len(data) and Path(previous).read_bytes() == data:
                os.link(previous, target)
                return
        except OSError:  # gone, unreadable, or links not possible here: write it
            pass
    Path(target).write_bytes(data)


class OutputError(ToolError):
    """The output could not be written (code output-unwritable); what was there before is intact."""

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message, hint, "output-unwritable")


# Written into every folder staged_dir publishes: a later run may replace a folder only if it holds this.
MARKER = ".policykb-output"
_MARKER_TEXT = "policykb wrote this folder and replaces it as a whole on the next run; keep your own files elsewhere\n"
# Files outputs of earlier versions (before the marker) hold: such a folder is ours too.
_EARLIER_OUTPUT = (".keys.json", "manifest.json")
# What marks a folder no output may replace: a project, a knowledge base, a repository.
_PROJECT = (".git", "pyproject.toml", "mkdocs.yml", "units.yaml", "document.yaml", "policies")


class ForeignOutput(ToolError):
    """The -o folder holds files policykb did not write (code output-not-ours): nothing is touched."""

    def __init__(self, message: str, hint: str | None = None, code: str = "output-not-ours"):
        super().__init__(message, hint, code)


_FOREIGN_HINT = "用 -o 指定一个新的或空的文件夹（如 build/site）；policykb 从不删除不是它写的文件"


def _project(folder: Path) -> str | None:
    """What makes folder a project, knowledge base or repository ('.git', 'units.yaml' …), or None."""
    for name in _PROJECT:
        if (folder / name).exists():
            return name
    found = next(iter(folder.glob("*/document.yaml")), None) if folder.is_dir() else None
    return str(found.relative_to(folder)) if found else None


def refuse_protected(out: Path, policies: Path | None = None) -> None:
    """ForeignOutput when out is (or contains) a project, a knowledge base or a repository, or holds
    the knowledge base in use: `site -o .` in the project root must never replace the project."""
    out = Path(os.path.abspath(out))
    if policies is not None:
        kb = Path(os.path.realpath(policies))
        if kb == Path(os.path.realpath(out)) or kb.is_relative_to(os.path.realpath(out)):
            raise ForeignOutput(f"拒绝写入 {out}：知识库 {policies} 就在其中",
                                hint=_FOREIGN_HINT)
    what = _project(out) if out.is_dir() else None
    if what:
        raise ForeignOutput(f"拒绝写入 {out}：其中有“{what}”（项目、知识库或代码仓库），输出文件夹不能是这样的文件夹", hint=_FOREIGN_HINT)


def refuse_foreign(target: Path) -> None:
    """ForeignOutput unless target is missing, empty, or a folder policykb wrote (its marker is there)."""
    target = Path(target)
    refuse_protected(target)
    if not target.is_dir() or (target / MARKER).is_file() or any((target / n).is_file() for n in _EARLIER_OUTPUT):
        return
    foreign = sorted(p.name for p in target.iterdir())
    if foreign:
        shown = "、".join(foreign[:3]) + (f" … ({len(foreign)} in all)" if len(foreign) > 3 else "")
        raise ForeignOutput(f"拒绝替换 {target}：其中有不是 policykb 写的文件（{shown}）",
                            hint=_FOREIGN_HINT)


@contextmanager
def staged_dir(target: Path, keep: bool = False) -> Iterator[Path]:
    """Yield an empty folder beside target; on success it replaces target, on failure it vanishes.

    The old output stays in place until the new one is complete, so a failed or interrupted
    build leaves the previous output intact. With keep, the folder starts as a copy of target, for
    commands that rewrite only part of it (maps --unit, report-forms --unit).
    Only a folder policykb wrote is ever replaced: one holding other files raises ForeignOutput.
    """
    target = Path(target)
    if target.exists() and not target.is_dir():  # never swap a folder in for someone's file
        raise NotADirectoryError(errno.ENOTDIR, "路径上有同名的普通文件", os.fspath(target))
    refuse_foreign(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    reclaim(target)
    # absolute: a renderer may resolve a relative path elsewhere (mkdocs: beside its configuration)
    stage = Path(os.path.abspath(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.new.{os.getpid()}-")))
    os.chmod(stage, 0o755)  # mkdtemp makes it private; outputs are published (web server, file share)
    try:
        if keep and target.is_dir():
            shutil.copytree(target, stage, dirs_exist_ok=True, symlinks=True)
        yield stage
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    (stage / MARKER).write_text(_MARKER_TEXT, encoding="utf-8")
    old = target.parent / f".{target.name}.old"
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(stage, target)
    shutil.rmtree(old, ignore_errors=True)


_STALE_SECONDS = 24 * 3600  # a staging folder without a process id (earlier versions) this old is abandoned


def _owner(suffix: str) -> int | None:
    """The process id a staging folder's name carries after `.new.` (`<pid>-<random>`), if any."""
    pid, dash, _ = suffix.partition("-")
    return int(pid) if dash and pid.isdigit() else None


def reclaim(target: Path) -> None:
    """Remove what a killed run into target left beside it (7–39 MB each, never reclaimed before):
    staging folders of processes no longer running; a target caught mid-swap comes back from .old."""
    old = target.parent / f".{target.name}.old"
    if old.is_dir() and not target.exists():
        os.replace(old, target)
    prefix = f".{target.name}.new."
    for path in sorted(target.parent.glob(f"{glob_escape(prefix)}*")):
        pid = _owner(path.name[len(prefix):])
        if pid is not None:
            stale = not process_running(pid)
        else:
            try:
                stale = time.time() - path.stat().st_mtime > _STALE_SECONDS
            except OSError:
                stale = False
        if stale:
            shutil.rmtree(path, ignore_errors=True)


def recover(folder: Path) -> None:
    """Clean up what builds killed mid-way left in folder: a target caught mid-swap comes back from
    its .old copy, and staging folders go — by `reclaim`'s rule for those named with a process id (a
    `policykb letters` into build/letters, which takes no build lock, may be running), at once for
    the others.

    Call only while holding the build lock: then no other build is using these folders.
    """
    folder = Path(folder)
    if not folder.is_dir():
        return
    leftovers = [*folder.glob(".*.old"), *folder.glob(".*.new.*")]
    for name in sorted({p.name[1:-len(".old")] if p.name.endswith(".old") else p.name[1:].split(".new.", 1)[0]
                        for p in leftovers}):
        reclaim(folder / name)
    for path in sorted(folder.glob(".*.old")):  # its swap was over: the new output is in place
        shutil.rmtree(path, ignore_errors=True)
    for path in sorted(folder.glob(".*.new.*")):
        if _owner(path.name[1:].split(".new.", 1)[1]) is None:  # no process id: no run can own it now
            shutil.rmtree(path, ignore_errors=True)


# Errors that mean "this place cannot take the output", whichever file the system names.
_NO_ROOM = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.ENOTDIR, errno.EEXIST,
            errno.EISDIR, errno.ENAMETOOLONG, errno.EFBIG}


HINT = "用 -o/--output 另选位置，或修改这里的权限；" \
       "之前的输出保持不变"


def unwritable(out: Path, err: OSError, hint: str = HINT) -> OutputError:
    """The coded error for an OSError met while writing into out: says which path is in the way."""
    out = Path(out)
    named = [Path(err.filename)] if isinstance(err.filename, str) and err.filename else []
    for folder in [*named, *(named[0].parents if named else []), out, *out.parents]:
        if folder.exists() and not folder.is_dir() and (folder == out or folder in out.parents
                                                        or folder.is_relative_to(out)):
            return OutputError(f"无法写入 {out}：'{folder}' 是文件，不是文件夹", hint=hint)
    if err.errno in (errno.ENOSPC, errno.EDQUOT):
        return OutputError(f"无法写入 {out}：磁盘已满", hint="腾出一些空间后再运行；"
                           "之前的输出保持不变")
    return OutputError(f"无法写入 {out}：{err.strerror or err}", hint=hint)


def writes_into(err: OSError, out: Path) -> bool:
    """Whether an OSError is about writing the output (not about reading an input)."""
    if err.errno in (errno.ENOSPC, errno.EDQUOT, errno.EROFS):
        return True
    names = [n for n in (err.filename, getattr(err, "filename2", None)) if n]
    top = Path(os.path.abspath(out))
    return any(_ours(Path(os.path.abspath(n)), top) for n in names) or (not names and err.errno in _NO_ROOM)


def _ours(path: Path, top: Path) -> bool:
    """path is the output, inside it, one of its parents (to be made), or its staging beside it."""
    return path.is_relative_to(top) or top.is_relative_to(path) or \
        any(p.parent == top.parent and p.name.startswith(f".{top.name}.") for p in [path, *path.parents])


@contextmanager
def writing(out: Path, hint: str = HINT) -> Iterator[None]:
    """Turn the OSErrors of writing into out (unwritable folder, file in the way, disk full,
    permission denied) into OutputError; other errors pass."""
    try:
        yield
    except OSError as err:
        if writes_into(err, out):
            raise unwritable(out, err, hint) from None
        raise


@contextmanager
def staged_output(target: Path, keep: bool = False) -> Iterator[Path]:
    """staged_dir for a command's output folder, its write errors turned into OutputError."""
    # absolute: renderers may resolve relative paths elsewhere (mkdocs: beside its configuration)
    with writing(target), staged_dir(Path(os.path.abspath(target)), keep=keep) as folder:
        yield folder
