"""Incremental builds: a rebuild reuses what did not change and gives the same bytes as a clean build."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from policykb import build as building

from conftest import FIXTURES

AS_OF = dt.date(2016, 9, 1)


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
            and not p.name.endswith(".lock")}


def _stamps(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.relative_to(folder).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*"))}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The tiny knowledge base built once, then task 1 edited and rebuilt incrementally."""
    tmp = tmp_path_factory.mktemp("incremental")
    kb = tmp / "kb"
    shutil.copytree(FIXTURES / "tiny", kb)
    out = tmp / "build"
    first: dict = {}
    building.build(kb, out, as_of=AS_OF, timings=first)
    stamps = _stamps(out)
    noop: dict = {}
    building.build(kb, out, as_of=AS_OF, timings=noop)
    noop_stamps = _stamps(out)
    task = kb / "demo-2016" / "tasks" / "001.yaml"
    task.write_text(task.read_text(encoding="utf-8").replace("创新发展", "改革发展"), encoding="utf-8")
    edited: dict = {}
    building.build(kb, out, as_of=AS_OF, timings=edited)
    clean = tmp / "clean"
    building.build(kb, clean, as_of=AS_OF)
    return {"kb": kb, "out": out, "clean": clean, "first": first, "noop": noop, "edited": edited,
            "stamps": (stamps, noop_stamps)}


def test_noop_rebuild_rewrites_nothing(built):
    assert set(built["noop"].values()) == {"unchanged"}
    before, after = built["stamps"]
    assert before == after  # same files, same inodes, same modification times


def test_edit_rerenders_only_what_depends_on_it(built, pg):
    from policykb.graph import PolicyGraph
    from policykb.validate import load_kb
    task = PolicyGraph(load_kb(built["kb"])).task("demo-2016", 1)
    letters, maps = built["edited"]["letters"], built["edited"]["maps"]
    from policykb.render.letters import overview
    # the task's units' letters, and the 分工方案 overview, which lists every task
    assert letters.rendered == len(task.units) + len(overview.NAMES) and letters.reused > 0
    assert 0 < maps.rendered < maps.rendered + maps.reused


def test_incremental_equals_clean_build(built):
    incremental, clean = _tree(built["out"]), _tree(built["clean"])
    assert sorted(incremental) == sorted(clean)
    assert [name for name in incremental if incremental[name] != clean[name]] == []
