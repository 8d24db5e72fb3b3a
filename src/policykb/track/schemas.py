"""JSON Schemas of the tracking files, written beside the knowledge base's own schemas."""
from __future__ import annotations

import json
from pathlib import Path

from .. import paths
from ..output import atomic_write
from .model import INDICATORS_SCHEMA, TASK_SCHEMA, IndicatorsTrackingFile, TaskTrackingFile

KINDS = {TASK_SCHEMA: TaskTrackingFile, INDICATORS_SCHEMA: IndicatorsTrackingFile}


def schema_text(kind: str) -> str:
    schema = KINDS[kind].model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(policies: Path) -> list[Path]:
    """(Re)write the tracking schemas under policies/schemas/; returns the files changed."""
    changed = []
    for kind in KINDS:
        path = Path(policies) / paths.SCHEMAS_DIR / f"{kind}.schema.json"
        text = schema_text(kind)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            atomic_write(path, text.encode("utf-8"))
            changed.append(path)
    return changed


def schema_ref(kind: str, depth: int) -> str:
    """The schema path as seen from a file `depth` folders below policies/."""
    return "../" * depth + f"{paths.SCHEMAS_DIR}/{kind}.schema.json"
