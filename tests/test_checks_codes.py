"""Every error code the tool can show users is in issues.CODES (and so in the site's error catalogue).

The source is read, not run: each literal that becomes a code (an error's `code=` or default code, the
code argument of LetterError/BuildError/Issue/report.add/super().__init__, a `code = "..."` assignment, a
(where, code, message, hint) problem) must be a key of CODES, and every error raised for users must name its code explicitly.
"""
from __future__ import annotations

import ast
import re

from policykb.issues import CODES

from conftest import ROOT

SRC = ROOT / "src" / "policykb"
CODE = re.compile(r"^[a-z]+(-[a-z]+)*$")
ERRORS = {"ToolError", "UserError", "UsageError", "LetterError", "Refused", "VersionError", "BuildError", "ImportFailed"}
CODE_FIRST = {"LetterError", "BuildError"}  # (code, message, hint)
EXPLICIT = {"ToolError", "UserError", "UsageError"}  # their default code ('error') is no code at all


def _name(func: ast.expr) -> str:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _literals(node: ast.expr | None) -> list[str]:
    """The string constants a code expression can take ('a' if x else 'b' gives both)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _literals(node.body) + _literals(node.orelse)
    return []


def emitted() -> dict[str, list[str]]:
    """code -> places (file:line) where the source emits it; places with a missing code as 'None'."""
    found: dict[str, list[str]] = {}

    def note(codes: list[str], where: str) -> None:
        for code in codes:
            found.setdefault(code, []).append(where)

    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Call):
                name = _name(node.func)
                keyword = next((k.value for k in node.keywords if k.arg == "code"), None)
                if name in ERRORS:
                    codes = _literals(keyword)
                    if name in CODE_FIRST and node.args:
                        codes += _literals(node.args[0])
                    if name in EXPLICIT and keyword is None:
                        codes = ["None"]
                    note(codes, where)
                elif name == "__init__" and len(node.args) == 3:  # super().__init__(message, hint, code)
                    note(_literals(node.args[2]), where)
                elif name == "Issue" and len(node.args) >= 4:
                    note(_literals(node.args[3]), where)
                elif name == "add" and node.args:  # report.add(file, line, col, code, message, ...)
                    positional = [a for a in node.args if not isinstance(a, ast.Starred)]
                    note([c for a in positional[:4] for c in _literals(a) if CODE.match(c)], where)
                elif name == "append" and node.args and isinstance(node.args[0], ast.Tuple):
                    items = node.args[0].elts  # a (where, code, message, hint) problem
                    if len(items) == 4 and isinstance(items[0], ast.Tuple):
                        note(_literals(items[1]), where)
            elif isinstance(node, ast.ClassDef) and node.name not in EXPLICIT:
                for f in node.body:  # def __init__(self, message, hint=None, code="wrong-type")
                    if isinstance(f, ast.FunctionDef):
                        params = f.args.args[len(f.args.args) - len(f.args.defaults):]
                        note([c for p, d in zip(params, f.args.defaults) if p.arg == "code"
                              for c in _literals(d)], where)
            elif isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "code"
                                                      for t in node.targets):
                note(_literals(node.value), where)
            elif isinstance(node, ast.Compare) and isinstance(node.left, ast.Attribute) and node.left.attr == "code":
                note([c for comp in node.comparators for c in _literals(comp)], where)
    return found


def test_every_emitted_code_is_catalogued():
    found = emitted()
    missing = {code: places for code, places in found.items() if code not in CODES}
    assert missing == {}, "add these codes to issues.CODES (or pass code=...)"


def test_the_scan_sees_every_kind_of_error():
    found = emitted()
    # one code from each way of emitting: validator, tracking problems, letters, build, CLI, recorder, forms
    assert {"yaml-syntax", "unit-required", "not-a-lead", "template-missing", "build-locked", "bad-paper",
            "state-backwards", "bad-form", "bad-revision"} <= set(found)


def test_every_catalogued_code_is_emitted():
    """No dead entries: a code users can never see does not belong in the catalogue."""
    assert sorted(set(CODES) - set(emitted())) == []
