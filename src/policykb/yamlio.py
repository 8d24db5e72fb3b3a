"""Write YAML: new files in the house layout, and round-trip edits that keep comments and formatting."""
from __future__ import annotations

import io
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

import yaml as pyyaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scalarstring import LiteralScalarString, ScalarString, SingleQuotedScalarString

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


_RESOLVERS = (pyyaml.resolver.Resolver(), VersionedResolver())  # YAML 1.1 (the loader), 1.2 (ruamel)


def needs_quotes(text: str) -> bool:
    """The one quoting rule of every YAML writer here: quote a one-line text the loader (PyYAML,
    YAML 1.1) would read as something else — 1:30 as 90, on/no/yes as booleans, 007 as 7, a date,
    a number, ~ as nothing. ruamel's round-trip writer follows YAML 1.2 and would leave them bare;
    what YAML 1.2 alone reads as a number (1e3) ruamel quotes itself, so the import writer must too."""
    if "\n" in text:
        return False
    return any(r.resolve(node, text, (True, False)) != "tag:yaml.org,2002:str"
               for r, node in zip(_RESOLVERS, (pyyaml.ScalarNode, ScalarNode)))


def _quoted(value: Any) -> Any:
    """Quote, in place, every plain text of a round-trip document that needs_quotes."""
    if isinstance(value, dict):
        for key, item in value.items():
            value[key] = _quoted(item)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            value[i] = _quoted(item)
    elif isinstance(value, str) and not isinstance(value, ScalarString) and needs_quotes(value):
        return SingleQuotedScalarString(value)
    return value


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
    if isinstance(value, str) and needs_quotes(value):
        return SingleQuotedScalarString(value)
    return value


def dumps(data: Any, schema: str | None = None) -> str:
    buffer = io.StringIO()
    if schema:
        buffer.write(SCHEMA_COMMENT.format(schema))
    _yaml().dump(_styled(data), buffer)
    return buffer.getvalue()


def dump_new(path: Path, data: Any, schema: str | None = None) -> None:
    atomic_write(path, dumps(data, schema).encode("utf-8"))


def rewrite(text: str, change: Callable[[CommentedMap], None]) -> str:
    """The text after a round-trip edit (comments and layout survive), for writers of several files."""
    yaml = _yaml()
    data = yaml.load(text)
    change(data)
    _quoted(data)
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    return buffer.getvalue()


@contextmanager
def edit(path: Path) -> Iterator[CommentedMap]:
    """Round-trip edit of one YAML file: comments and layout survive; an exception writes nothing."""
    yaml = _yaml()
    text = path.read_text(encoding="utf-8")
    data = yaml.load(text)
    yield data
    _quoted(data)
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    new = buffer.getvalue()
    if new != text:
        atomic_write(path, new.encode("utf-8"))
