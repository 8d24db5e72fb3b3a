"""Shared fixtures: the bundled knowledge base, loaded once; helpers for tests that need real clients."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from policykb.graph import PolicyGraph
from policykb.validate import load_kb

ROOT = Path(__file__).resolve().parent.parent
POLICIES = ROOT / "policies"
DOC = "hunan-2016-implementation-opinions"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def import_text(tmp_path: Path, text: str, date) -> tuple:
    """A made-up document's text imported into a copy of the bundled knowledge base (tracking left out, as the corpus
    is measured): the import's result, its tasks as written and its review."""
    import yaml
    from policykb.ingest import import_file
    kb = tmp_path / "kb"
    shutil.copytree(POLICIES, kb, ignore=shutil.ignore_patterns("tracking"))
    source = tmp_path / "s.txt"
    source.write_text(text, encoding="utf-8")
    result = import_file(source, kb, "doc", date)
    tasks = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((result.folder / "tasks").glob("*.yaml"))]
    return result, tasks, (result.folder / "import-review.txt").read_text(encoding="utf-8")


def import_cli(tmp_path: Path, source: Path) -> Path:
    """A file imported as a clerk does it, `policykb init --empty` then `policykb import`: the new document's folder."""
    import subprocess
    import sys
    kb = tmp_path / "kb"
    for args in (["init", "--empty", str(kb)], ["import", str(source), str(kb / "policies"), "--id", "x"]):
        done = subprocess.run([sys.executable, "-m", "policykb", *args], capture_output=True, text=True,
                              encoding="utf-8", cwd=ROOT)
        assert done.returncode == 0, done.stderr
    return kb / "policies" / "x"


def require(program: str) -> str:
    """Path of an external program; skips the test when missing unless CI requires real clients."""
    found = shutil.which(program)
    if found:
        return found
    if os.environ.get("POLICYKB_REQUIRE_CLIENTS") == "1":
        pytest.fail(f"{program} is required (POLICYKB_REQUIRE_CLIENTS=1) but not installed")
    pytest.skip(f"{program} not installed")


@pytest.fixture(scope="session")
def kb():
    return load_kb(POLICIES)


@pytest.fixture(scope="session")
def pg(kb):
    return PolicyGraph(kb)


@pytest.fixture(scope="session")
def doc(kb):
    return kb.documents[DOC]
