"""Each document's packages beside its letters: its 分工方案 (.docx, .xlsx) and its 责任书.zip of its letters
and overview, each made again only when what it is made from changed.
"""
from __future__ import annotations

import shutil
import zipfile
from pathlib import Path, PurePosixPath
from typing import Callable

from ...cache import StageCache, file_hash
from ...graph import PolicyGraph
from ...output import atomic_file
from ...reproducible import zip_member
from . import overview

ZIP_NAME = "责任书.zip"
DOCUMENT_KEY = "<document>/"  # in the stage's keys: what each document's letters were made from

STORED = (".docx", ".xlsx", ".pdf")  # already compressed: deflating them again costs time for nothing


def write_zip(target: Path, members: dict[str, Path]) -> None:
    """A zip of files on disk, whose bytes depend only on the files: sorted names, fixed times.

    Streamed member by member into a temporary file beside target, then renamed into place.
    """
    with atomic_file(target) as raw, zipfile.ZipFile(raw, "w") as z:
        for name in sorted(members):
            info = zip_member(name, zipfile.ZIP_STORED if name.endswith(STORED) else zipfile.ZIP_DEFLATED)
            with open(members[name], "rb") as src, z.open(info, "w") as dst:
                shutil.copyfileobj(src, dst, 1 << 20)


def write_overviews(pg: PolicyGraph, put: Callable[[str, bytes], None], out: Path, cache: StageCache | None,
                    xlsx: Path | None) -> dict[str, dict[str, str | None]]:
    """Each document's 分工方案 (.docx, .xlsx), handed to `put` (name, bytes), unless the last build's show the
    same tables. Returns {document: {file: its key, None without a cache}} for the documents with tasks."""
    alone = len(pg.kb.documents) == 1  # then the data stage's workbook is this document's
    found = {}
    for doc in pg.documents():
        if not doc.tasks:
            continue
        names = [f"{doc.id}/{name}" for name in overview.NAMES]
        key = _overview_key(pg, doc.id, cache, names[0]) if cache is not None else None
        found[doc.id] = dict.fromkeys(names, key)
        if key is not None and all([cache.reuse(name, key) for name in names]):  # a list: each name gets its key
            if cache.staged.resolve() != out.resolve():
                for name in names:
                    put(name, (cache.staged / name).read_bytes())
            continue
        workbook = xlsx.read_bytes() if alone and xlsx is not None and xlsx.is_file() else None
        for name, data in overview.files(pg, doc.id, workbook).items():
            put(f"{doc.id}/{name}", data)
    return found


def _overview_key(pg: PolicyGraph, doc_id: str, cache: StageCache, name: str) -> str:
    """What a document's overview files are keyed by: their tables' content; but when everything the
    document's letters are made from is unchanged (its policy files, the units, the code: see
    _document_reused), the last build's key, without making any table (the tables of a corpus's
    every document, made on each build, would grow a one-task rebuild with the number of documents)."""
    mark = DOCUMENT_KEY + doc_id
    last = cache.old.get(name)
    if mark in cache.new and cache.new[mark] == cache.old.get(mark) and isinstance(last, str):
        return last
    return cache.key(overview.content(pg, doc_id))


def document_files(pg: PolicyGraph, out: Path, entries: list[dict], overviews: dict[str, dict],
                    make_zip: bool, cache: StageCache | None) -> list[dict]:
    """What each document has besides its letters, as the manifest lists it: its title, its overview files
    and (with make_zip) its 责任书.zip of its letters and overview, made again only when a member changed."""
    members: dict[str, dict[str, str | None]] = {}  # document -> file -> what its bytes are known by
    for e in entries:
        for k in ("file", "pdf"):
            if k in e:  # a PDF's bytes are LibreOffice's: known by reading it
                members.setdefault(e["document"], {})[e[k]] = e["sha256"] if k == "file" else None
    listed = []
    for doc in pg.documents():
        files = overviews.get(doc.id, {})
        if not files and not (make_zip and doc.id in members):
            continue
        item = {"document": doc.id, "title": overview.title(doc)}
        if files:
            item["overview"] = sorted(files)
        if make_zip:
            packed = {**members.get(doc.id, {}), **files}
            item["zip"] = _write_zip_of(out, doc.id, packed, cache)
        listed.append(item)
    return listed


def _write_zip_of(out: Path, doc_id: str, packed: dict[str, str | None], cache: StageCache | None) -> str:
    """A document's 责任书.zip, its members named as in its folder; the last build's when every member
    has the bytes it had then."""
    name = f"{doc_id}/{ZIP_NAME}"
    if cache is not None:
        known = [[f, sha or file_hash(out / f)] for f, sha in sorted(packed.items())]
        if cache.reuse(name, cache.key(ZIP_NAME, known)):
            if cache.staged.resolve() != out.resolve():
                shutil.copyfile(cache.staged / name, out / name)
            return name
    folder = PurePosixPath(doc_id)
    write_zip(out / name, {str(PurePosixPath(f).relative_to(folder)): out / f for f in packed})
    return name


def remove_old_packages(out: Path, old: dict, keep: set[str]) -> None:
    """Delete the overview and zip files an earlier run listed that this run no longer makes: the whole
    knowledge base's of earlier versions, a document's after it lost its tasks, a zip not asked for."""
    listed = [old.get("zip"), *as_list(old.get("overview"))]
    for item in as_list(old.get("documents")):
        if isinstance(item, dict):
            listed += [item.get("zip"), *as_list(item.get("overview"))]
    for name in listed:
        if isinstance(name, str) and name not in keep and name.endswith((".docx", ".xlsx", ".zip")):
            path = (out / name).resolve()
            if out.resolve() in path.parents:
                path.unlink(missing_ok=True)


def as_list(value) -> list:
    """A manifest field that should be a list, or nothing (an older or damaged manifest)."""
    return value if isinstance(value, list) else []
