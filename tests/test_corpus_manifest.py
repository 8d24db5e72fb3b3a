"""The corpus manifests are well-formed truth: every file exists, every entry has its provenance, document
details and tasks in the format described at the head of tests/corpus/corpus.yaml. No importer runs here."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

CORPUS = Path(__file__).resolve().parent / "corpus"
MANIFESTS = {"part 1": CORPUS / "corpus.yaml", "part 2": CORPUS / "holdout" / "holdout.yaml"}
LEVELS = {"national", "provincial", "city", "county", "zone"}
MODES = {"single", "separate", "joint"}
DATE_SOURCES = {"signature", "page", "none"}
TASK_KEYS = {"n", "lead", "mode", "participants", "guides", "leaders", "deadline", "open_ended", "note"}


def _entries(part: str) -> list[dict]:
    path = MANIFESTS[part]
    if not path.exists():
        return []
    return yaml.safe_load(path.read_text(encoding="utf-8"))["documents"]


ENTRIES = [(part, e) for part in MANIFESTS for e in _entries(part)]


def _names(value) -> bool:
    return isinstance(value, list) and all(isinstance(n, str) and n.strip() == n and n for n in value)


@pytest.mark.parametrize("part, entry", ENTRIES, ids=[f"{p}:{e['file']}" for p, e in ENTRIES])
def test_entry_is_well_formed(part, entry):
    folder = MANIFESTS[part].parent
    assert (folder / entry["file"]).is_file(), entry["file"]
    assert "repository" not in entry, "texts cut from repository snapshots may not be committed (issue 22, item 12)"
    assert str(entry.get("url", "")).startswith("http"), "every document records the page it was read from"
    assert isinstance(entry["layout"], str) and entry["shape"]
    assert entry["level"] in LEVELS
    assert isinstance(entry.get("field"), str) and entry["field"]
    assert "place" in entry and (entry["place"] is None) == (entry["level"] == "national")
    assert _names(entry["issuer"])
    assert entry["number"] is None or entry["number"].endswith("号")
    assert isinstance(entry["date"], dt.date)
    assert entry["date_source"] in DATE_SOURCES
    if "import_date" in entry:  # a date given on the command line is the one the document carries
        assert entry["date_source"] == "page" and entry["import_date"] == entry["date"]
    tasks = entry["tasks"]
    assert tasks, "every document assigns at least one task"
    for task in tasks:
        assert set(task) <= TASK_KEYS, set(task) - TASK_KEYS
        assert _names(task["lead"]) and task["lead"]
        assert task["mode"] in MODES
        assert task["mode"] == "single" or len(task["lead"]) > 1 or task["mode"] == "separate"
        for key in ("participants", "guides", "leaders"):
            assert _names(task.get(key, []))
        assert not set(task["lead"]) & set(task.get("participants", []))
    if "leads" in entry:
        assert len(entry["leads"]) == len(tasks)


def test_every_file_has_an_entry():
    for part, path in MANIFESTS.items():
        if not path.exists():
            continue
        listed = {e["file"] for e in _entries(part)}
        present = {p.name for p in path.parent.iterdir() if p.is_file() and p != path}
        assert present == listed, (part, present ^ listed)
        assert len(listed) == len(_entries(part)), "a file is listed twice"


def test_the_parts_share_no_layout():
    """Part 2 measures unseen layouts: none of its layouts is one part 1 has."""
    first = {e["layout"] for e in _entries("part 1")}
    second = {e["layout"] for e in _entries("part 2")}
    assert not first & second, first & second
