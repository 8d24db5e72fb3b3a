"""One broken input per issue code: each case names the code and the file:line:col users must see.

A case is a folder tests/broken/<code>/<case>/ holding the files that differ from the tiny fixture
and an expect.yaml:

    code: unknown-unit                  # the issue code expected
    file: demo-2016/tasks/001.yaml      # relative to the knowledge base ('.': the folder itself;
                                        # omit for build errors)
    line: 7
    col: 5                              # omit where the column means nothing
    message: 省扶贫ban                   # optional: part of the message
    hint: 省扶贫办                       # optional: part of the hint
    severity: warning                   # optional, default error
    only: true                          # optional: it is the only issue (no cascade of follow-ups)
    delete: [units.yaml]                # optional: files removed from the copy
    mkdir: [demo-2016/tasks/005.yaml]   # optional: folders created in the copy
    symlink: {demo-2016/tasks/005.yaml: ../../../outside.yaml}   # optional: link -> target (beside
                                        # kb/ are outside.yaml, a task, and outside-doc/, a document)
    repeat: {path: {marker: "@@", text: "字", times: 1000000}}    # optional: grow a file
    command: build                      # optional: the case is about `policykb build`, or, as a list,
                                        # any command: [track, check, -p, kb] (run in the folder
                                        # holding kb/; {root} stands for the repository); such
                                        # cases run through the CLI only
    output: blocked/build               # build cases: -o, relative to the case's tmp folder
    blocker: blocked                    # build cases: a regular file put where a folder should be
    hold_lock: true                     # build cases: another build holds the lock
    env: {PATH: ""}                     # command cases: environment variables set for the command
    patch: {policykb.render.maps.text.FONT_DIRS: []}   # command cases: module attributes replaced
                                        # before the command runs (what cannot be broken from outside)
    template: {file: broken.docx, replace: {"{{ unit.name }}": "{{ unit.nmae }}"}}   # a copy of
                                        # templates/letter.docx beside kb/ with its body XML edited
    form: {file: kb/form.xlsx, unit: 省扶贫办, year: 2016, cells: {F5: 差不多}}   # a report form
                                        # made by report-forms for the tiny copy, then cells overwritten
                                        # ("policykb!B3": a cell of another sheet; {text: 字, times: 9}:
                                        # a text repeated)
    git: true                           # the case's folder is a git repository with one commit
    status: 2                           # command cases: the exit status, when not the code's own
                                        # (issues.exit_status: 1 data, 2 usage, 3 environment)

Every code in issues.CODES must have at least one case.
"""
from __future__ import annotations

import fcntl
import io
import json
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml

from policykb import build as building
from policykb.issues import CODES, exit_status
from policykb.validate import validate

from conftest import FIXTURES, ROOT

BROKEN = Path(__file__).resolve().parent / "broken"
TINY = FIXTURES / "tiny"
CASES = sorted(p.parent for p in BROKEN.glob("*/*/expect.yaml"))
CASE_IDS = [f"{c.parent.name}/{c.name}" for c in CASES]


def _expect(case: Path) -> dict:
    return yaml.safe_load((case / "expect.yaml").read_text(encoding="utf-8"))


def _shown(file: str) -> str:
    """How the CLI names a file of the copy at ./kb ('.' is the knowledge base folder itself)."""
    return "kb" if file == "." else f"kb/{file}"


def overlay(case: Path, where: Path) -> Path:
    """A copy of the tiny knowledge base at where/kb with the case applied; returns its path."""
    kb = where / "kb"
    shutil.copytree(TINY, kb)
    outside = (TINY / "demo-2016" / "tasks" / "001.yaml").read_text(encoding="utf-8")
    (where / "outside.yaml").write_text(outside.replace("number: 1\n", "number: 5\n"), encoding="utf-8")
    shutil.copytree(TINY / "demo-2016", where / "outside-doc")
    for path in sorted(case.rglob("*")):
        if path.is_file() and path.name != "expect.yaml":
            target = kb / path.relative_to(case)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    expect = _expect(case)
    for name in expect.get("delete", []):
        (kb / name).unlink()
    for name in expect.get("mkdir", []):
        (kb / name).mkdir(parents=True)
    for name, target in expect.get("symlink", {}).items():
        (kb / name).symlink_to(target)
    for name, grow in expect.get("repeat", {}).items():
        path = kb / name
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(grow["marker"], grow["text"] * grow["times"]), encoding="utf-8")
    return kb


def test_every_code_has_a_broken_case():
    covered = {c.parent.name for c in CASES}
    assert sorted(set(CODES) - covered) == []
    assert sorted(covered - set(CODES)) == []  # a folder named after a code that no longer exists


def test_every_case_names_its_folder_code():
    for case in CASES:
        assert _expect(case)["code"] == case.parent.name, case


def test_catalogue_entries_are_useful_chinese():
    for code, (cause, fix) in CODES.items():
        for text in (cause, fix):
            assert len(text) >= 8 and any("\u4e00" <= ch <= "\u9fff" for ch in text), code


def test_tiny_fixture_is_clean():
    kb, report = validate(TINY)
    assert [i.format() for i in report.issues] == []
    doc = kb.documents["demo-2016"]
    assert {t.lead_mode for t in doc.tasks.values()} == {"first", "joint", "separate"}
    assert any(t.open_ended for t in doc.tasks.values())
    assert any(u.collective for u in kb.units.values())
    assert doc.tasks[3].participants == ["省扶贫办"]  # an alias resolves to the canonical name


VALIDATE_CASES = [(c, i) for c, i in zip(CASES, CASE_IDS) if "command" not in _expect(c)]


@pytest.mark.parametrize("case", [c for c, _ in VALIDATE_CASES], ids=[i for _, i in VALIDATE_CASES])
def test_broken_case(case, tmp_path, monkeypatch):
    expect = _expect(case)
    overlay(case, tmp_path)
    monkeypatch.chdir(tmp_path)
    kb, report = validate("kb")
    found = [i for i in report.issues if i.code == expect["code"]]
    assert found, [i.format() for i in report.issues]
    where = [(i.file, i.line) + ((i.col,) if "col" in expect else ()) for i in found]
    wanted = (_shown(expect["file"]), expect["line"]) + ((expect["col"],) if "col" in expect else ())
    assert wanted in where, [i.format() for i in found]
    issue = found[where.index(wanted)]
    if expect.get("only"):
        assert len(report.issues) == 1, [i.format() for i in report.issues]
    assert issue.severity == expect.get("severity", "error")
    assert expect.get("message", "") in issue.message
    assert expect.get("hint", "") in (issue.hint or "")
    if issue.severity == "error":
        assert kb is None
    else:
        assert kb is not None and report.failed(strict=True) and not report.failed()


def _template(where: Path, spec: dict) -> None:
    """A copy of the shipped letter template with its body XML edited (a mistake made in Word)."""
    import zipfile
    body = "word/document.xml"
    source = zipfile.ZipFile(ROOT / "templates" / "letter.docx")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == body:
                xml = data.decode("utf-8")
                for old, new in spec.get("replace", {}).items():
                    assert old in xml, old
                    xml = xml.replace(old, new)
                data = xml.encode("utf-8")
            z.writestr(item, data)
    (where / spec["file"]).write_bytes(out.getvalue())


def _form(where: Path, spec: dict) -> None:
    """The report form policykb report-forms makes for the copy at where/kb, with some cells overwritten."""
    from openpyxl import load_workbook
    from policykb.graph import PolicyGraph
    from policykb.track import forms, load_tracking
    from policykb.validate import load_kb
    kb = load_kb(where / "kb")
    made = forms.form_bytes(PolicyGraph(kb), load_tracking(where / "kb", kb), spec["unit"], spec["year"])
    wb = load_workbook(io.BytesIO(made))
    for cell, value in spec.get("cells", {}).items():
        sheet, _, cell = cell.rpartition("!")
        if isinstance(value, dict):
            value = value["text"] * value["times"]
        wb[sheet or forms.SHEET][cell] = value
    wb.save(where / spec["file"])


def _git(where: Path) -> None:
    for args in (["init", "-q"], ["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@example.org",
                                                 "commit", "-qm", "kb"]):
        subprocess.run(["git", *args], cwd=where, check=True, capture_output=True)


# Runs the CLI after replacing module attributes given as JSON: {"module.attr": value}.
_PATCHED = ("import importlib, json, sys\n"
            "for name, value in json.loads(sys.argv[1]).items():\n"
            "    module, attr = name.rsplit('.', 1)\n"
            "    setattr(importlib.import_module(module), attr, value)\n"
            "sys.argv = ['policykb', *sys.argv[2:]]\n"
            "from policykb.cli import main\n"
            "main()\n")


def _run_cli(case: Path, where: Path) -> tuple[subprocess.CompletedProcess, dict]:
    """Run the command a user would run on this case, as a user would (a new process)."""
    expect = _expect(case)
    kb = overlay(case, where)
    if "template" in expect:
        _template(where, expect["template"])
    if "form" in expect:
        _form(where, expect["form"])
    if expect.get("git"):
        _git(where)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "60", **expect.get("env", {})}
    if expect.get("command") == "build":
        out = where / expect.get("output", "build")
        if "blocker" in expect:
            (where / expect["blocker"]).write_text("not a folder\n", encoding="utf-8")
        args = ["build", "-p", "kb", "-o", str(out.relative_to(where)), "--as-of", "2016-07-01"]
        lock = None
        if expect.get("hold_lock"):
            lock = open(building.lock_path(out), "a+")
            fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            return subprocess.run([sys.executable, "-m", "policykb", *args], cwd=where, env=env,
                                  capture_output=True, text=True, timeout=120), expect
        finally:
            if lock:
                lock.close()
    strict = ["--strict"] if expect.get("severity") == "warning" else []
    args = expect.get("command") or ["check", "-p", str(kb.relative_to(where)), *strict]
    args = [str(a).replace("{root}", str(ROOT)) for a in args]  # {root}: the repository (its templates/)
    python = [sys.executable, "-c", _PATCHED, json.dumps(expect["patch"])] if "patch" in expect \
        else [sys.executable, "-m", "policykb"]
    return subprocess.run([*python, *map(str, args)],
                          cwd=where, env=env, capture_output=True, text=True, timeout=120), expect


# The first case of every code, and every case of another command, goes through the real command
# line (a new process costs half a second).
CLI_CASES = sorted(set({c.parent.name: c for c in reversed(CASES)}.values())
                   | {c for c in CASES if "command" in _expect(c)})


@pytest.fixture(scope="module")
def cli_runs(tmp_path_factory):
    def run(case):
        return _run_cli(case, tmp_path_factory.mktemp(case.name))
    with ThreadPoolExecutor(max_workers=4) as pool:
        return dict(zip(CLI_CASES, pool.map(run, CLI_CASES)))


@pytest.mark.parametrize("case", CLI_CASES, ids=[f"{c.parent.name}/{c.name}" for c in CLI_CASES])
def test_broken_case_cli(case, cli_runs):
    result, expect = cli_runs[case]
    output = result.stdout + result.stderr
    code = expect["code"]
    assert result.returncode == expect.get("status", exit_status(code)), output
    assert "Traceback" not in output
    if "file" in expect:
        head = f"{_shown(expect['file'])}:{expect['line']}:"
        lines = [line for line in result.stderr.splitlines() if line.startswith(head)]
        assert any(f": {expect.get('severity', 'error')}[{code}]: " in line for line in lines), output
    else:
        lines = [line for line in result.stderr.splitlines() if line.startswith(f"error[{code}]: ")]
        assert lines and expect.get("message", "") in lines[0], output
    if "hint" in expect:
        assert f"  hint: " in result.stderr and expect["hint"] in result.stderr, output


def test_every_problem_shows_at_once(tmp_path, monkeypatch):
    """A broken document.yaml does not hide the problems of its tasks, nor those of other files."""
    overlay(BROKEN / "yaml-syntax" / "colon-in-text", tmp_path)
    kb = tmp_path / "kb"
    doc = kb / "demo-2016" / "document.yaml"
    doc.write_text(doc.read_text(encoding="utf-8").replace("parts:", "parts: [", 1), encoding="utf-8")
    shutil.copyfile(BROKEN / "unknown-unit" / "typo" / "demo-2016" / "tasks" / "001.yaml",
                    kb / "demo-2016" / "tasks" / "001.yaml")
    monkeypatch.chdir(tmp_path)
    _, report = validate("kb")
    assert sorted((i.file, i.code) for i in report.issues) == [
        ("kb/demo-2016/articles/01.yaml", "yaml-syntax"),
        ("kb/demo-2016/document.yaml", "yaml-syntax"),
        ("kb/demo-2016/tasks/001.yaml", "unknown-unit"),
    ]
