"""Builds are all-or-nothing: a killed or failed build leaves the previous outputs as they were."""
from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from policykb import build as building
from policykb.build import Stage

from conftest import FIXTURES, ROOT

AS_OF = dt.date(2016, 7, 1)


def _tree(folder: Path) -> dict[str, bytes]:
    """Every file below folder, by relative path, with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _visible(folder: Path) -> dict[str, bytes]:
    """What a reader of the outputs sees: hidden staging folders and lock files left out."""
    return {k: v for k, v in _tree(folder).items() if not any(part.startswith(".") for part in Path(k).parts)}


ONLY = ["data"]  # the cheapest stage: these tests are about staging and swapping, not rendering


@pytest.fixture
def kb_and_build(tmp_path):
    """A copy of the tiny knowledge base, built once; then its task 1 is edited."""
    kb = tmp_path / "kb"
    shutil.copytree(FIXTURES / "tiny", kb)
    assert building.build(kb, tmp_path / "build", as_of=AS_OF, only=ONLY) == ONLY
    task = kb / "demo-2016" / "tasks" / "001.yaml"
    task.write_text(task.read_text(encoding="utf-8").replace("创新发展", "改革发展"), encoding="utf-8")
    return kb, tmp_path / "build"


DRIVER = textwrap.dedent("""
    import pathlib, sys, time
    from policykb import build
    from policykb.cli import main

    marker = pathlib.Path(sys.argv[1])

    def slow(ctx):  # a stage that writes half of its output, says so, then hangs
        (ctx.out("slow") / "half.txt").write_text("half")
        marker.write_text("midway")
        time.sleep(300)

    build.STAGES.append(build.Stage("slow", "slow stage", slow))
    sys.argv = ["policykb", "build", "-p", "kb", "-o", "build", "--as-of", "2016-07-01",
                "--only", "data", "--only", "slow"]
    main()
""")


def test_killed_build_leaves_previous_outputs(kb_and_build, tmp_path):
    kb, out = kb_and_build
    before = _visible(out)  # staging folders and the cache keys (.keys.json) aside
    assert "data/policykb.json" in before and "改革发展".encode() not in before["data/policykb.json"]
    (tmp_path / "driver.py").write_text(DRIVER, encoding="utf-8")
    marker = tmp_path / "midway"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, "driver.py", str(marker)], cwd=tmp_path, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        for _ in range(1200):  # up to a minute for the build to reach its slow stage
            if marker.exists() or proc.poll() is not None:
                break
            time.sleep(0.05)
        assert marker.exists(), proc.communicate()
        # The new data is complete in staging, and half of the slow stage is written: kill now.
        assert any("改革发展".encode() in v for k, v in _tree(out).items() if k.startswith(".data.new."))
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.communicate()
    assert proc.returncode == -signal.SIGKILL
    assert _visible(out) == before  # byte for byte; no half-written 'slow' folder either
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["data"]

    # The next build is not blocked by the dead one's lock, and it clears its leftovers.
    building.build(kb, out, as_of=AS_OF, only=ONLY)
    assert [p.name for p in out.iterdir()] == ["data"]
    assert "改革发展".encode() in (out / "data" / "policykb.json").read_bytes()


def test_failing_stage_leaves_previous_outputs(kb_and_build, monkeypatch):
    kb, out = kb_and_build
    before = _tree(out)

    def broken(ctx):
        (ctx.out("broken") / "part.txt").write_text("part")
        raise RuntimeError("renderer bug")

    monkeypatch.setattr(building, "STAGES", [*building.STAGES, Stage("broken", "broken", broken)])
    with pytest.raises(RuntimeError, match="renderer bug"):
        building.build(kb, out, as_of=AS_OF, only=[*ONLY, "broken"])
    assert _tree(out) == before  # the staging folders are gone too


def test_a_build_leaves_the_cycle_collector_as_it_found_it(kb_and_build, monkeypatch):
    """Inside, the collector runs rarely and what was loaded is frozen (heap.py); after a build, done
    or failed, a long-running process (serve) has Python's collector back, with nothing frozen."""
    import gc
    kb, out = kb_and_build
    seen = {}

    def looks(ctx):
        seen.update(threshold=gc.get_threshold(), frozen=gc.get_freeze_count())
        if ctx.options.get("fail"):
            raise RuntimeError("renderer bug")

    monkeypatch.setattr(building, "STAGES", [*building.STAGES, Stage("looks", "looks", looks)])
    before = gc.get_threshold()
    building.build(kb, out, as_of=AS_OF, only=[*ONLY, "looks"])
    assert seen["threshold"] != before and seen["frozen"] > 1000  # the knowledge base and graph, at least
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
    with pytest.raises(RuntimeError, match="renderer bug"):
        building.build(kb, out, as_of=AS_OF, only=[*ONLY, "looks"], options={"fail": True})
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0


def test_second_build_at_once_is_refused(kb_and_build):
    kb, out = kb_and_build
    before = _tree(out)
    import fcntl
    with open(building.lock_path(out), "a+b") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        with pytest.raises(building.BuildError) as caught:
            building.build(kb, out, as_of=AS_OF, only=ONLY)
    assert caught.value.code == "build-locked" and str(out) in caught.value.message
    assert _tree(out) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into read-only folders")
def test_read_only_output_folder(kb_and_build):
    kb, out = kb_and_build
    before = _tree(out)
    out.chmod(0o555)
    try:
        with pytest.raises(building.BuildError) as caught:
            building.build(kb, out, as_of=AS_OF, only=ONLY)
    finally:
        out.chmod(0o755)
    assert caught.value.code == "output-unwritable"
    assert _tree(out) == before


def test_published_folders_are_readable(kb_and_build):
    _, out = kb_and_build
    assert (out / "data").stat().st_mode & 0o755 == 0o755


def test_recover_after_a_kill_mid_swap(tmp_path):
    """Killed between moving the old output aside and moving the new one in: the old one comes back."""
    from policykb.output import recover
    (tmp_path / ".data.old").mkdir()
    (tmp_path / ".data.old" / "policykb.json").write_text("old")
    (tmp_path / ".data.new.abc").mkdir()
    (tmp_path / ".data.new.abc" / "policykb.json").write_text("new, unfinished")
    recover(tmp_path)
    assert _tree(tmp_path) == {"data/policykb.json": b"old"}


def test_recover_leaves_the_staging_folder_of_a_run_still_going(tmp_path):
    """`policykb letters -o build/letters` takes no build lock: a build's clean-up must not delete its
    folder while it runs, but does delete one whose process is gone."""
    from policykb.output import recover
    alive, dead = tmp_path / f".letters.new.{os.getpid()}-ab", tmp_path / ".letters.new.999999-cd"
    for folder in (alive, dead):
        folder.mkdir()
    recover(tmp_path)
    assert alive.is_dir() and not dead.exists()
