"""Write a draft into a knowledge base: all of it or nothing, never over an existing document.

The document folder is assembled beside the knowledge base's documents under a hidden name and
renamed into place at the end; proposed units are appended to the registry (its comments and
order untouched) only once the folder stands, and removed again if that append fails.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from .. import paths
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


def write_draft(draft: Draft, source: Path, out: Path, doc_id: str) -> list[Path]:
    folder = out / doc_id
    if folder.exists() or folder.is_symlink():
        raise ImportFailed(f"'{folder}' already exists; an existing document is never overwritten",
                           hint="give another folder name with --id, or move the old folder away first",
                           code="import-exists")
    staging = out / f".import-{doc_id}.tmp"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        staging.mkdir(parents=True)
        source_name = "source" + source.suffix.lower()
        shutil.copyfile(source, staging / source_name)
        dump_new(staging / paths.DOCUMENT_FILE, {**draft.doc, "source": source_name}, _schema(1, "document"))
        for number, article in draft.articles.items():
            dump_new(staging / paths.ARTICLES_DIR / paths.article_file(number), article, _schema(2, "article"))
        for number, task in draft.tasks.items():
            dump_new(staging / paths.TASKS_DIR / paths.task_file(number), task, _schema(2, "task"))
        dump_new(staging / paths.INDICATORS_FILE, {"indicators": []}, _schema(1, "indicators"))
        (staging / REVIEW_FILE).write_text("\n".join([draft.summary, "", *draft.review, ""]), encoding="utf-8")
        os.rename(staging, folder)
    except OSError as err:
        shutil.rmtree(staging, ignore_errors=True)
        raise ImportFailed(f"cannot write under '{out}': {err.strerror or err}",
                           hint="check that the folder exists and that you may write in it", code="output-unwritable")
    units_path = out / paths.UNITS_FILE
    try:
        block = _units_block(draft.proposed, source.name)
        if block and units_path.exists():
            text = units_path.read_text(encoding="utf-8")
            units_path.write_text(text + ("" if text.endswith("\n") else "\n") + block, encoding="utf-8")
        elif not units_path.exists():
            dump_new(units_path, {"units": draft.proposed}, _schema(0, "units"))
    except OSError as err:
        shutil.rmtree(folder, ignore_errors=True)
        raise ImportFailed(f"cannot add the proposed units to '{units_path}': {err.strerror or err}",
                           hint="check that you may write it", code="output-unwritable")
    written = sorted(p for p in folder.rglob("*") if p.is_file())
    from ..schema import write_schemas  # late import: schema imports the export models
    return written + [units_path] + write_schemas(out, overwrite=False)
