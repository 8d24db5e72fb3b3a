"""Read YAML files into plain data, remembering where every value stands (file:line:col)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError

from .issues import Issue

YamlPath = tuple[Any, ...]

# Characters that are invisible or control codes in a text meant for people.
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    # Keep dates as text so that 2016-02-30 is reported by validation, with its position.
    yaml.constructor.add_constructor(
        "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))
    return yaml


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


def display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _plain(node: Any, path: YamlPath, positions: dict) -> Any:
    """Convert ruamel's round-trip nodes to plain data while recording positions."""
    if isinstance(node, CommentedMap):
        out = {}
        for key, value in node.items():
            key_line, key_col, val_line, val_col = node.lc.data[key]
            positions[("key",) + path + (key,)] = (key_line + 1, key_col + 1)
            positions[path + (key,)] = (val_line + 1, val_col + 1)
            out[str(key) if not isinstance(key, (int, str)) else key] = _plain(value, path + (key,), positions)
        return out
    if isinstance(node, CommentedSeq):
        out = []
        for index, value in enumerate(node):
            line, col = node.lc.data[index]
            positions[path + (index,)] = (line + 1, col + 1)
            out.append(_plain(value, path + (index,), positions))
        return out
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, str):
        return str(node)
    return node


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
        node = _yaml().load(text)
    except DuplicateKeyError as err:
        mark = err.problem_mark
        return None, issues + [Issue(shown, mark.line + 1, mark.column + 1, "duplicate-key",
                                     _first_line(err.problem), hint="delete or merge the repeated key")]
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        hint = "indent with spaces, never tabs" if "\t" in (err.problem or "") or "'\\t'" in str(err) \
            else "check indentation and quotes around this position"
        return None, issues + [Issue(shown, mark.line + 1 if mark else 1, mark.column + 1 if mark else 1,
                                     "yaml-syntax", _first_line(err.problem or str(err)), hint=hint)]
    positions: dict = {}
    return YamlFile(shown, _plain(node, (), positions), positions), issues


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text and text.strip() else "invalid YAML"
