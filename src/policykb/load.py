"""Read YAML files into plain data, remembering where every value stands (file:line:col).

Reading uses libyaml's composer (PyYAML's C loader): ten times faster than a round-trip parser,
and its node marks give every position. Edits that must keep comments use `yamlio` instead.
"""
from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .issues import Issue

YamlPath = tuple[Any, ...]
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Characters that are invisible or control codes in a text meant for people.
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


_SCALARS = yaml.constructor.SafeConstructor()
_TYPED = {  # resolved tag -> constructor; everything else (timestamps included) stays text
    "tag:yaml.org,2002:int": _SCALARS.construct_yaml_int,
    "tag:yaml.org,2002:float": _SCALARS.construct_yaml_float,
    "tag:yaml.org,2002:bool": _SCALARS.construct_yaml_bool,
    "tag:yaml.org,2002:null": _SCALARS.construct_yaml_null,
}


@dataclass
class YamlFile:
    """One parsed file: its data as plain Python and the position of every value in it."""
    path: str  # as shown to users, relative to the working directory where possible
    data: Any
    positions: dict[YamlPath, tuple[int, int]] = field(default_factory=dict)

    def where(self, *path: Any) -> tuple[int, int]:
        """1-based (line, col) of the value at path, or of its nearest located parent."""
        path = tuple(path)
        while path not in self.positions and path:
            path = path[:-1]
        return self.positions.get(path, (1, 1))

    def key_where(self, *path: Any) -> tuple[int, int]:
        """Position of the key itself, for errors about a field's name."""
        return self.positions.get(("key",) + tuple(path)) or self.where(*path)


@functools.lru_cache(maxsize=4096)
def real_dir(folder: str) -> str:
    """Resolved folder path, cached: resolving every file's parents is the slowest part of a load."""
    return os.path.realpath(folder)


def real_path(path: Path) -> str:
    """Resolved path of a file; only a link itself costs a fresh resolve."""
    text = os.fspath(path)
    if os.path.islink(text):
        return os.path.realpath(text)
    folder, name = os.path.split(os.path.abspath(text))
    return os.path.join(real_dir(folder), name)


def display_path(path: Path) -> str:
    """Path as shown to users: relative to the working directory when below it."""
    folder, name = os.path.split(os.path.abspath(os.fspath(path)))
    real = os.path.join(real_dir(folder), name)  # a link is shown where it is, not where it points
    cwd = real_dir(os.getcwd())
    return os.path.relpath(real, cwd) if real.startswith(cwd + os.sep) else os.fspath(path)


def _plain(node: yaml.Node, path: YamlPath, positions: dict, issues: list[Issue], shown: str) -> Any:
    """Turn a composed node tree into plain data, recording positions and duplicate keys.

    Dates stay text so that 2016-02-30 is reported by validation, with its position.
    """
    if isinstance(node, yaml.MappingNode):
        out: dict = {}
        for key_node, value_node in node.value:
            key = _plain(key_node, path, {}, issues, shown)
            key = key if isinstance(key, (int, str)) else str(key)
            mark = key_node.start_mark
            if key in out:
                issues.append(Issue(shown, mark.line + 1, mark.column + 1, "duplicate-key",
                                    f"found duplicate key '{key}'", hint="delete or merge the repeated key"))
                continue
            positions[("key",) + path + (key,)] = (mark.line + 1, mark.column + 1)
            value_mark = value_node.start_mark
            positions[path + (key,)] = (value_mark.line + 1, value_mark.column + 1)
            out[key] = _plain(value_node, path + (key,), positions, issues, shown)
        return out
    if isinstance(node, yaml.SequenceNode):
        out_list = []
        for index, item in enumerate(node.value):
            positions[path + (index,)] = (item.start_mark.line + 1, item.start_mark.column + 1)
            out_list.append(_plain(item, path + (index,), positions, issues, shown))
        return out_list
    construct = _TYPED.get(node.tag)
    return construct(node) if construct else node.value


def read_text(path: Path, shown: str) -> tuple[str | None, list[Issue]]:
    """Decode a policy file as UTF-8, refusing BOMs and undecodable bytes."""
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [Issue(shown, 1, 1, "encoding", "file starts with a UTF-8 byte order mark (BOM)",
                            hint="save the file as UTF-8 without BOM")]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as err:
        before = raw[: err.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        return None, [Issue(shown, line, col, "encoding", f"file is not UTF-8 (byte 0x{raw[err.start]:02x})",
                            hint="save the file as UTF-8; GBK files must be converted first")]


def _bad_characters(text: str, shown: str) -> list[Issue]:
    issues = []
    for number, line in enumerate(text.splitlines(), start=1):
        for match in _BAD_CHARS.finditer(line):
            if match.group() == "\t" or line.lstrip().startswith("#"):
                continue
            issues.append(Issue(shown, number, match.start() + 1, "bad-character",
                                f"invisible or control character U+{ord(match.group()):04X}",
                                hint="delete it; show hidden characters in your editor to find it"))
    return issues


def load_file(path: Path) -> tuple[YamlFile | None, list[Issue]]:
    shown = display_path(path)
    text, issues = read_text(path, shown)
    if text is None:
        return None, issues
    issues = _bad_characters(text, shown)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        return None, issues + [_syntax_issue(err, text, shown)]
    positions: dict = {}
    data = _plain(node, (), positions, issues, shown) if node is not None else None
    return YamlFile(shown, data, positions), issues


def _syntax_issue(err: yaml.MarkedYAMLError, text: str, shown: str) -> Issue:
    mark = err.problem_mark or err.context_mark
    if err.context_mark and "end of stream" in (err.problem or ""):
        mark = err.context_mark  # an unclosed quote: point where it opened, not at the end of the file
    line = mark.line + 1 if mark else 1
    source_line = text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else ""
    hint = "indent with spaces, never tabs" if "\t" in source_line else \
        "check indentation and quotes around this position"
    message = _first_line(err.problem or str(err))
    if err.context and err.context_mark is mark:
        message = f"{message} ({err.context})"
    return Issue(shown, line, mark.column + 1 if mark else 1, "yaml-syntax", message, hint=hint)


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text and text.strip() else "invalid YAML"
