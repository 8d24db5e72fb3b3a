"""`policykb init` writes a .gitignore that keeps a build and what an interrupted command leaves out of git."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from policykb.scaffold import init

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _ignored(folder, names: list[str]) -> set[str]:
    done = subprocess.run(["git", "check-ignore", "--no-index", *names], cwd=folder, capture_output=True, text=True)
    return set(done.stdout.split())


def test_leftovers_of_interrupted_commands_are_ignored_and_policies_are_not(tmp_path):
    init(tmp_path / "kb", empty=True)
    subprocess.run(["git", "init", "-q"], cwd=tmp_path / "kb", check=True)
    leftovers = ["build/site/index.html", ".build.lock", ".tracking.lock", ".policykb-cache/x",
                 "policies/doc/tasks/.001.yaml.k3j2.tmp", "build/.letters.new.4242-ab12/x.docx",
                 "policies/.import-4242-ab12.tmp/document.yaml", "tracking/.tracking-journal.json"]
    kept = ["policies/doc/document.yaml", "policies/doc/tasks/001.yaml", "tracking/progress.yaml"]
    assert _ignored(tmp_path / "kb", leftovers + kept) == set(leftovers)
