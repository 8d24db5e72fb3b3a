"""JSON Schemas for each YAML file kind, so editors complete and check files as staff type."""
from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from . import paths
from .export import Export
from .model import ArticleFile, DocumentFile, IndicatorsFile, TaskFile, UnitsFile
from .output import atomic_write
from .track.model import INDICATORS_SCHEMA, TASK_SCHEMA, IndicatorsTrackingFile, TaskTrackingFile

# file kind -> model; the file name is <kind>.schema.json
KINDS: dict[str, type[BaseModel]] = {
    "document": DocumentFile,
    "article": ArticleFile,
    "task": TaskFile,
    "indicators": IndicatorsFile,
    "units": UnitsFile,
    "export": Export,
    TASK_SCHEMA: TaskTrackingFile,
    INDICATORS_SCHEMA: IndicatorsTrackingFile,
}


def schema_text(kind: str) -> str:
    schema = KINDS[kind].model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(policies: Path, overwrite: bool = True) -> list[Path]:
    """(Re)write every schema under policies/schemas/; returns the files written."""
    changed = []
    for kind in KINDS:
        path = policies / paths.SCHEMAS_DIR / f"{kind}.schema.json"
        text = schema_text(kind)
        if not path.exists() or (overwrite and path.read_text(encoding="utf-8") != text):
            atomic_write(path, text.encode("utf-8"))
            changed.append(path)
    return changed
