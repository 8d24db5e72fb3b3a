"""Careless and hostile input, round two (issue 26): templates that run nothing, outputs that never
delete a user's files, imports with limits. Every probe runs through the command line, as a user
(or an attacker) would run it; tests/broken/ holds the cases one coded error expresses alone."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from policykb.render.letters.template import LetterError, LetterTemplate

from conftest import FIXTURES, ROOT
from test_letters_template import edited

TINY = FIXTURES / "tiny"


def _tiny(where: Path) -> Path:
    kb = where / "kb"
    shutil.copytree(TINY, kb)
    return kb


def cli(where: Path, *args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "policykb", *args], cwd=where, env=env, capture_output=True,
                          text=True, timeout=timeout)


# --- 1. a letter template runs nothing ---

EVIL = "{{ cycler.__init__.__globals__.os.popen('touch pwned').read() }}"


@pytest.mark.parametrize("command", [["letters", "-o", "out"], ["build", "-o", "out", "--only", "letters"]])
def test_the_evil_template_runs_no_command_and_is_refused_naming_the_field(tmp_path, command):
    _tiny(tmp_path)
    templates = tmp_path / "templates"
    templates.mkdir()
    edited(templates, "{{ unit.full_name }}", EVIL, name="letter.docx")
    option = ["--template", "templates/letter.docx"] if command[0] == "letters" else ["--templates", "templates"]
    done = cli(tmp_path, *command, "-p", "kb", *option, "--as-of", "2016-07-01")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "error[template-unsafe]" in done.stderr and "cycler.__init__.__globals__" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "pwned").exists() and not list(tmp_path.rglob("pwned"))
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").rglob("*.docx"))


@pytest.mark.parametrize("tag, named", [
    ("{{ unit.name.__class__.__mro__ }}", "unit.name.__class__"),
    ("{{ unit['__class__'] }}", "unit['__class__']"),
    ("{{ (unit|attr('__class__')) }}", "unit|attr(…)"),
    ("{{ lipsum.__globals__ }}", "lipsum.__globals__"),
])
def test_every_way_to_python_internals_is_refused_before_rendering(tmp_path, tag, named):
    path = edited(tmp_path, "{{ unit.full_name }}", tag)
    with pytest.raises(LetterError) as refused:
        LetterTemplate(path)
    assert refused.value.code == "template-unsafe" and named in refused.value.message


@pytest.mark.parametrize("tag", [
    "{{ range.__call__ }}",  # jinja's globals are gone: only the documented fields remain
    "{{ namespace() }}",
    "{{ dict(a=1) }}",
])
def test_jinja_globals_are_not_fields(tmp_path, tag):
    path = edited(tmp_path, "{{ unit.full_name }}", tag)
    with pytest.raises(LetterError) as refused:
        LetterTemplate(path)
    assert refused.value.code in ("template-unsafe", "template-unknown-field")


def test_a_method_that_changes_data_is_refused_by_the_sandbox(tmp_path):
    """The immutable sandbox: a template cannot change the context another letter is filled from."""
    path = edited(tmp_path, "{{ unit.full_name }}", "{{ lead_notes.append('x') }}{{ unit.full_name }}")
    with pytest.raises(LetterError) as refused:
        LetterTemplate(path)
    assert refused.value.code == "template-unsafe" and "append" in refused.value.message


# --- 2. the browser's CSV export neutralises formulas as the build's CSV does ---

def test_the_sites_csv_export_neutralises_formula_cells(tmp_path):
    """The 分工方案 page's 导出 CSV, clicked in Chromium on a site built from tasks whose texts and a
    unit's name start like formulas: every such cell begins with an apostrophe, as in policykb.csv."""
    import csv
    import io
    from conftest import require
    from test_checks_hostile import HOSTILE_TEXTS, HOSTILE_UNIT, _hostile_kb
    from policykb import export
    require("chromium")
    _hostile_kb(tmp_path)
    done = cli(tmp_path, "site", "-p", "kb", "-o", "site", "--as-of", "2016-07-01", "--config", str(ROOT / "mkdocs.yml"),
               "--templates", str(ROOT / "templates"))
    assert done.returncode == 0, done.stderr
    sys.path.insert(0, str(ROOT / "bench"))
    import search_quality as sq
    with sq.browser() as chromium:
        context = chromium.new_context(accept_downloads=True)
        page = context.new_page()
        page.goto((tmp_path / "site" / "demo-2016" / "table.html").as_uri())
        with page.expect_download() as download:
            page.locator("#pk-filter button[name=csv]").click()
        text = open(download.value.path(), encoding="utf-8-sig").read()
        context.close()
    cells = [c for row in csv.reader(io.StringIO(text)) for c in row]
    assert [c for c in cells if c.startswith(export.FORMULA_START)] == []
    assert {"'" + t for t in HOSTILE_TEXTS} <= set(cells)
    assert any(c.startswith("'" + HOSTILE_UNIT) for c in cells)
