"""Write YAML: new files in the house layout, and round-trip edits that keep comments and formatting."""
from __future__ import annotations

import io
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

from .output import atomic_write

SCHEMA_COMMENT = "# yaml-language-server: $schema={}\n"


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.allow_unicode = True
    yaml.width = 4096  # never fold Chinese sentences: one line per value keeps diffs readable
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.preserve_quotes = True
    # Never write anchors (&id001 / *id001) for a value used twice: people edit these files.
    yaml.representer.ignore_aliases = lambda *args: True
    return yaml


def _styled(value: Any) -> Any:
    """Multi-line text as literal blocks, short lists of numbers inline."""
    if isinstance(value, dict):
        out = CommentedMap()
        for key, item in value.items():
            if item is None:
                continue
            out[key] = _styled(item)
        return out
    if isinstance(value, (list, tuple)):
        seq = CommentedSeq(_styled(v) for v in value)
        if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value):
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, str) and "\n" in value:
        return LiteralScalarString(value)
    return value


def dumps(data: Any, schema: str | None = None) -> str:
    buffer = io.StringIO()
    if schema:
        buffer.write(SCHEMA_COMMENT.format(schema))
    _yaml().dump(_styled(data), buffer)
    return buffer.getvalue()


def dump_new(path: Path, data: Any, schema: str | None = None) -> None:
    atomic_write(path, dumps(data, schema).encode("utf-8"))


@contextmanager
def edit(path: Path) -> Iterator[CommentedMap]:
    """Round-trip edit of one YAML file: comments and layout survive; an exception writes nothing."""
    yaml = _yaml()
    text = path.read_text(encoding="utf-8")
    data = yaml.load(text)
    yield data
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    new = buffer.getvalue()
    if new != text:
        atomic_write(path, new.encode("utf-8"))
