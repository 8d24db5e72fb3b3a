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
from . import textrules

YamlPath = tuple[Any, ...]
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml where installed: the same data, faster

# Characters that are invisible or control codes in a text meant for people.
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")
_LEADING_ZERO = re.compile(r"^[-+]?0[0-9_]+$")  # YAML 1.1 reads 010 as octal 8; people mean ten


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


def real_dir(folder: str) -> str:
    """Resolved folder path, cached: resolving every file's parents was the slowest part of a load."""
    return _real_abs_dir(os.path.abspath(folder))  # the cache is keyed by absolute paths only


@functools.lru_cache(maxsize=4096)
def _real_abs_dir(folder: str) -> str:
    return os.path.realpath(folder)


def real_path(path: Path) -> str:
    """Resolved path of a file; only a link itself costs a fresh resolve."""
    text = os.fspath(path)
    if os.path.islink(text):
        return os.path.realpath(text)
    folder, name = os.path.split(os.path.abspath(text))
    return os.path.join(real_dir(folder), name)


def display_path(path: Path) -> str:
    """The path as users should see it: relative to the working directory, links not followed."""
    folder, name = os.path.split(os.path.abspath(os.fspath(path)))
    real = os.path.join(real_dir(folder), name)
    cwd = real_dir(os.getcwd())
    return os.path.relpath(real, cwd) if real.startswith(cwd + os.sep) else os.fspath(path)


def document_folders(root: Path, document_file: str = "document.yaml") -> tuple[list[Path], list[Path]]:
    """(policy folders under root, hidden folders skipped): each folder holding document_file.

    A folder whose name starts with '.' is never a document: it is an interrupted import's
    staging (.import-….tmp), an editor's or a sync tool's copy. It is skipped, and named, so
    that `check` can say so instead of loading a second copy of a policy."""
    found = sorted(p.parent for p in Path(root).glob(f"*/{document_file}"))
    return [f for f in found if not f.name.startswith(".")], [f for f in found if f.name.startswith(".")]


MAX_DEPTH = 20  # policy files nest four levels deep; deeper is a mistake (or [[[[... by accident)
MAX_NESTING_SCAN = 1000  # beyond this the file is refused before libyaml sees it (see _nesting)
MAX_FILE_BYTES = 8_000_000  # a policy file is a few KB; a bigger one is a wrong paste or a wrong file


class _Refused(Exception):
    """A structure we do not read: an anchor reused through an alias (it can nest forever or
    multiply a file a billion times), or nesting deeper than MAX_DEPTH."""

    def __init__(self, node: yaml.Node, message: str, hint: str):
        self.node, self.message, self.hint = node, message, hint


def _plain(node: yaml.Node, path: YamlPath, positions: dict, issues: list[Issue], shown: str,
           seen: set[int] | None = None, depth: int = 0) -> Any:
    """Turn a composed node tree into plain data, recording positions and duplicate keys.

    Dates stay text so that 2016-02-30 is reported by validation, with its position.
    """
    seen = set() if seen is None else seen
    if id(node) in seen:
        raise _Refused(node, "这个锚点（&名称）通过别名（*名称）被重复引用",
                       "把值完整写出来；不支持锚点和别名")
    if depth > MAX_DEPTH:
        raise _Refused(node, f"这里的值嵌套超过 {MAX_DEPTH} 层",
                       "检查括号和缩进")
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        out: dict = {}
        for key_node, value_node in node.value:
            key = _plain(key_node, path, {}, issues, shown, seen, depth + 1)
            key = key if isinstance(key, str) else str(key)  # field names are text; ints mean list indexes
            mark = key_node.start_mark
            if key in out:
                issues.append(Issue(shown, mark.line + 1, mark.column + 1, "duplicate-key",
                                    f"键“{key}”重复出现", hint="删去重复的一处，或把两处内容合并到一个键下"))
                continue
            positions[("key",) + path + (key,)] = (mark.line + 1, mark.column + 1)
            value_mark = value_node.start_mark
            positions[path + (key,)] = (value_mark.line + 1, value_mark.column + 1)
            out[key] = _plain(value_node, path + (key,), positions, issues, shown, seen, depth + 1)
        return out
    if isinstance(node, yaml.SequenceNode):
        out_list = []
        for index, item in enumerate(node.value):
            positions[path + (index,)] = (item.start_mark.line + 1, item.start_mark.column + 1)
            out_list.append(_plain(item, path + (index,), positions, issues, shown, seen, depth + 1))
        return out_list
    if node.tag == "tag:yaml.org,2002:int" and _LEADING_ZERO.match(node.value):
        return int(node.value.replace("_", ""), 10)
    construct = _TYPED.get(node.tag)
    return construct(node) if construct else node.value


def _position(raw: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of a byte offset."""
    before = raw[:offset]
    start = before.rfind(b"\n") + 1
    return before.count(b"\n") + 1, len(before[start:].decode("utf-8", "replace")) + 1


def read_text(path: Path, shown: str) -> tuple[str | None, list[Issue]]:
    """Decode a policy file as UTF-8, refusing BOMs, undecodable bytes and unreadable files."""
    if path.exists() and not path.is_file():  # a folder, or a pipe that would block the read forever
        return None, [Issue(shown, 1, 1, "unreadable-file", "这不是普通文件（是文件夹、管道或设备）",
                            hint="换成普通的 YAML 文件，或把它移出政策文件夹")]
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [Issue(shown, 1, 1, "text-too-long", f"文件有 {size:,} 字节，上限是 "
                                f"{MAX_FILE_BYTES:,}", hint="检查是否误粘贴了整份文件或图片")]
        raw = path.read_bytes()
    except OSError as err:
        return None, [Issue(shown, 1, 1, "unreadable-file", f"无法读取文件：{err.strerror or err}",
                            hint="确认它是普通文件（不是文件夹或失效的链接），"
                                 "并且有读取权限")]
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [Issue(shown, 1, 1, "encoding", "文件以 UTF-8 的字节顺序标记（BOM）开头",
                            hint="把文件另存为“UTF-8（无 BOM）”")]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [Issue(shown, 1, 1, "encoding", "文件是 UTF-16 编码，不是 UTF-8",
                            hint="把文件另存为 UTF-8（无 BOM）")]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as err:
        line, col = _position(raw, err.start)
        return None, [Issue(shown, line, col, "encoding", f"文件不是 UTF-8 编码（字节 0x{raw[err.start]:02x}）",
                            hint="把文件另存为 UTF-8；GBK 编码的文件须先转换")]


def _bad_characters(text: str, shown: str) -> list[Issue]:
    issues = []
    for number, line in enumerate(text.split("\n"), start=1):
        if line.lstrip().startswith("#"):
            continue
        for match in _BAD_CHARS.finditer(line):
            issues.append(Issue(shown, number, match.start() + 1, "bad-character",
                                f"看不见的字符或控制字符 U+{ord(match.group()):04X}",
                                hint="删除它；在编辑器中打开“显示不可见字符”找到它"))
    return issues


def _nesting(text: str) -> int:
    """An upper bound of how deep values nest, cheap for ordinary files.

    libyaml's composer recurses in C and crashes the process beyond some 20,000 levels, so a
    file that might nest that deep is refused before it is composed.
    """
    bound = text.count("[") + text.count("{") + text.count("- ") + text.count("? ")
    if bound <= MAX_DEPTH:
        return bound
    depth = deepest = 0
    for match in re.finditer(r"[\[{]|[\]}]", text):
        depth = depth + 1 if match.group() in "[{" else max(depth - 1, 0)
        deepest = max(deepest, depth)
    return max(deepest, max(line.count("- ") + line.count("? ") for line in text.split("\n")))


def load_file(path: Path) -> tuple[YamlFile | None, list[Issue]]:
    shown = display_path(path)
    text, issues = read_text(path, shown)
    if text is None:
        return None, issues
    issues = _bad_characters(text, shown)
    if _nesting(text) > MAX_NESTING_SCAN:
        return None, issues + [Issue(shown, 1, 1, "yaml-syntax",
                                     f"括号或“- ”列表项嵌套超过 {MAX_NESTING_SCAN} 层",
                                     hint="检查括号 [ ] { } 和“- ”列表项")]
    try:
        node = yaml.compose(text, Loader=FAST_LOADER)
    except yaml.MarkedYAMLError as err:
        return None, issues + [_syntax_issue(err, text, shown)]
    except yaml.reader.ReaderError as err:  # a character YAML refuses; most are already reported above
        pos, char = err.position, err.character
        char = ord(char) if isinstance(char, str) else char
        line, col = text.count("\n", 0, pos) + 1, pos - text.rfind("\n", 0, pos)
        return None, issues or [Issue(shown, line, col, "bad-character",
                                      f"YAML 中不允许字符 U+{char:04X}",
                                      hint="删除它；在编辑器中打开“显示不可见字符”找到它")]
    except yaml.YAMLError as err:
        return None, issues + [Issue(shown, 1, 1, "yaml-syntax", _first_line(str(err)))]
    positions: dict = {}
    if node is None:
        return YamlFile(shown, None, positions), issues
    positions[()] = (node.start_mark.line + 1, node.start_mark.column + 1)
    try:
        data = _plain(node, (), positions, issues, shown)
    except _Refused as refused:
        mark = refused.node.start_mark
        return None, issues + [Issue(shown, mark.line + 1, mark.column + 1, "yaml-syntax", refused.message,
                                     hint=refused.hint)]
    file = YamlFile(shown, data, positions)
    return file, issues + _parsed_characters(file, {i.line for i in issues if i.code == "bad-character"})


def _parsed_characters(file: YamlFile, reported: set[int]) -> list[Issue]:
    """Characters no text may hold that reached a value through an escape ("\\u202e"): the raw scan
    cannot see them. Lines already reported by the raw scan are not reported twice."""
    issues = []
    for path, text in textrules.strings(file.data):
        found = textrules.first_bad_character(text)
        line, col = file.where(*path)
        if found and line not in reported:
            issues.append(Issue(file.path, line, col, "bad-character", textrules.character_message(found[1]),
                                hint=textrules.CHARACTER_HINT))
    return issues


# What the parser's complaint means for someone editing the file, and where to point.
_SYNTAX = [  # (part of the parser's problem, plain message, hint)
    ("end of stream", "这里开始的引号没有闭合", "在文字末尾补上对应的引号"),
    ("expected ',' or ']'", "这里开始的“[”没有闭合", "在同一行用“]”结束列表"),
    ("expected ',' or '}'", "这里开始的“{”没有闭合", "在同一行用“}”结束"),
    ("mapping values are not allowed", "这一行出现了意外的冒号“:”",
     "含“: ”的文字要用引号括起来，或改正这一行的缩进"),
    ("could not find expected ':'", "这一行不是“键: 值”的形式",
     "补上缺少的“:”，或把续写的文字缩进到上一行之下"),
    ("did not find expected key", "这一行的缩进与上面的行不一致",
     "同一层的键左对齐，同一列表的“- ”项左对齐"),
    ("expected <block end>", "这一行的缩进与上面的行不一致",
     "同一层的键左对齐，同一列表的“- ”项左对齐"),
    ("expected '-' indicator", "这一行没有接续上面的“- ”列表",
     "每一项都以“- ”开头，与其他项左对齐"),
    ("another document", "这里开始了第二个文档（“---”）", "一个文件只写一个文档"),
    ("undefined alias", "值不能以“*”开头", "把这个值用引号括起来"),
    ("cannot start any token", "这个字符不能作为值的开头", "把这个值用引号括起来"),
]
# Parser contexts whose mark is where the trouble began (an opening quote or bracket, a line without ':').
_OPENED = ("quoted scalar", "flow sequence", "flow mapping", "simple key")


def _syntax_issue(err: yaml.MarkedYAMLError, text: str, shown: str) -> Issue:
    problem = _first_line(err.problem or str(err))
    mark = err.problem_mark or err.context_mark
    if err.context_mark and any(c in (err.context or "") for c in _OPENED):
        mark = err.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    lines = text.split("\n")
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in source_line[:max(col, 1)] or source_line[col - 1:col] == "\t":
        return Issue(shown, line, col, "yaml-syntax", f"缩进中有制表符（Tab）（YAML：{problem}）",
                     hint="只用空格缩进，不要用制表符（Tab）")
    for part, message, hint in _SYNTAX:
        if part in problem:
            return Issue(shown, line, col, "yaml-syntax", f"{message}（YAML：{problem}）", hint=hint)
    return Issue(shown, line, col, "yaml-syntax", problem, hint="检查这个位置附近的缩进和引号")


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text and text.strip() else "invalid YAML"
