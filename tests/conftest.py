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
