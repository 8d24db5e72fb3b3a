"""One quoting rule for every YAML writer: what a command writes, the loader reads back unchanged."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
import yaml
from hypothesis import HealthCheck, given, settings, strategies as st

from policykb import yamlio
from policykb.ingest import fastyaml

from conftest import FIXTURES, ROOT

TRICKY = ["1:30", "on", "no", "yes", "off", "007", "0x1F", "2016-07-01", "1e3", "3.14", "~", "null", ".inf",
          "12,345", "- 1", "#1", "a: b", " 前后空格 ", "'", '"', "y", "=", "<<"]
# Printable text on one line: YAML forbids most control characters, and line breaks become blocks.
TEXT = st.one_of(st.sampled_from(TRICKY),
                 st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"),
                                       blacklist_characters="\ufeff\x85"), max_size=30))


def _load(text: str):
    return yaml.load(text, Loader=yaml.SafeLoader)  # the loader policykb reads files with (load.py)


@given(TEXT)
@settings(max_examples=300, deadline=None)
def test_both_writers_round_trip_any_text(value):
    data = {"text": value, "items": [value]}
    assert _load(yamlio.dumps(data)) == data
    assert _load(fastyaml.dumps(data)) == data
    if yamlio.needs_quotes(value):  # the rule both follow; how each emitter escapes ' or " may differ
        assert fastyaml.dumps(data) == yamlio.dumps(data)


@given(TEXT)
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_round_trip_edit_keeps_any_text(tmp_path, value):
    path = tmp_path / "file.yaml"
    path.write_text("# a comment people wrote\nevents: []\n", encoding="utf-8")
    with yamlio.edit(path) as data:
        data["events"].append({"type": "note", "text": value})
    written = path.read_text(encoding="utf-8")
    assert written.startswith("# a comment people wrote\n")
    assert _load(written)["events"] == [{"type": "note", "text": value}]


@pytest.mark.parametrize("text", ["1:30", "on", "no", "007"])
def test_progress_note_reads_back_the_same_text(tmp_path, text):
    shutil.copytree(FIXTURES / "tiny", tmp_path / "kb")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}

    def run(*args):
        return subprocess.run([sys.executable, "-m", "policykb", *args, "-p", "kb"], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=120)

    note = run("progress", "note", "1", "--date", "2016-06-01", "--text", text)
    assert note.returncode == 0, note.stderr
    check = run("check")
    assert check.returncode == 0 and check.stderr == "", check.stderr
    files = list((tmp_path / "kb").rglob("tracking/**/*.yaml"))
    events = [e for f in files for e in (_load(f.read_text(encoding="utf-8")) or {}).get("events", [])]
    assert [e["text"] for e in events if e.get("type") == "note"] == [text]
