"""Where a tracking file's schema line points; the schemas themselves are written by policykb.schema."""
from __future__ import annotations

from .. import paths
from ..schema import write_schemas  # noqa: F401  (re-exported for record.apply)


def schema_ref(kind: str, depth: int) -> str:
    """The schema path as seen from a file `depth` folders below policies/."""
    return "../" * depth + f"{paths.SCHEMAS_DIR}/{kind}.schema.json"
