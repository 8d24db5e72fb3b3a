"""The maps' PDFs are exported while the site is built, the letters written while the maps are drawn
(policykb.background): the same outputs as one stage after the other, and a build that fails on either
side still leaves the previous outputs."""
from __future__ import annotations

import datetime as dt
import json
import shutil
import threading
import time
from pathlib import Path

import pytest

from policykb import build as building, parallel
from policykb.render import letters
from policykb.render.letters import write as letters_write
from policykb.render.maps import draw
from policykb.render.maps.glyphs import GlyphMissing

from conftest import FIXTURES

AS_OF = dt.date(2016, 9, 1)


def _tree(folder: Path) -> dict[str, bytes]:
    """Every file's bytes, but the cache's record of file times (they differ by nature) and the lock."""
    from policykb.cache import STATS_FILE
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
            and not p.name.endswith(".lock") and p.name != STATS_FILE}


@pytest.fixture
def kb(tmp_path):
    shutil.copytree(FIXTURES / "tiny", tmp_path / "kb")
    return tmp_path / "kb"


@pytest.fixture
def in_background(monkeypatch):
    """Every build's PDFs exported in the background, however few; the BackgroundFiles made are kept."""
    made = []

    class Recorded(draw.BackgroundFiles):
        def __init__(self, *args):
            super().__init__(*args)
            made.append(self)

    monkeypatch.setattr(draw, "MIN_PARALLEL", 1)
    monkeypatch.setattr(draw, "BackgroundFiles", Recorded)
    return made


def test_site_built_beside_the_exports_is_the_site_built_after_them(kb, tmp_path, in_background, monkeypatch):
    building.build(kb, tmp_path / "beside", as_of=AS_OF)
    assert len(in_background) == 1 and in_background[0].names  # the PDFs were still coming when the site began
    monkeypatch.setattr(draw, "MIN_PARALLEL", 10**6)
    building.build(kb, tmp_path / "after", as_of=AS_OF)
    assert len(in_background) == 1
    beside, after = _tree(tmp_path / "beside"), _tree(tmp_path / "after")
    assert sorted(beside) == sorted(after)
    assert [name for name in beside if beside[name] != after[name] and not name.endswith(".keys.json")] == []
    pdfs = [name for name in beside if name.startswith("maps/") and name.endswith(".pdf")]
    assert pdfs and all(beside[f"site/downloads/{name}"] == beside[name] for name in pdfs)


def _inline_exports(monkeypatch, export) -> None:
    """The exports in this process (in the background thread), so that a test can replace them."""
    monkeypatch.setattr(parallel, "worker_count", lambda: 1)
    monkeypatch.setattr(draw.maps_export, "pdf", export)


def _built_then_edited(kb: Path, out: Path) -> dict[str, bytes]:
    """Build, then edit task 1 (so that the next build has maps to draw); what the build wrote."""
    building.build(kb, out, as_of=AS_OF)
    task = kb / "demo-2016" / "tasks" / "001.yaml"
    task.write_text(task.read_text(encoding="utf-8").replace("创新发展", "改革发展"), encoding="utf-8")
    return _tree(out)


def test_failed_export_fails_the_build_and_leaves_the_previous_outputs(kb, tmp_path, in_background, monkeypatch):
    out = tmp_path / "build"
    before = _built_then_edited(kb, out)

    def missing(svgs, name):
        raise GlyphMissing(f"{name}：以下文字没有嵌入可显示的中文字形 —— 缺")

    _inline_exports(monkeypatch, missing)
    with pytest.raises(GlyphMissing, match="没有嵌入可显示的中文字形"):
        building.build(kb, out, as_of=AS_OF)
    assert _tree(out) == before  # no staging folder left either


def test_failed_site_stops_the_exports_and_leaves_the_previous_outputs(kb, tmp_path, in_background, monkeypatch):
    out = tmp_path / "build"
    before = _built_then_edited(kb, out)
    real = draw.maps_export.pdf

    def slow(svgs, name):
        time.sleep(0.2)
        return real(svgs, name)

    def broken(ctx):
        raise RuntimeError("site renderer bug")

    _inline_exports(monkeypatch, slow)
    import policykb.render.site as site
    monkeypatch.setattr(site, "run_stage", broken)
    with pytest.raises(RuntimeError, match="site renderer bug"):
        building.build(kb, out, as_of=AS_OF)
    assert not [t for t in threading.enumerate() if t.name.startswith("policykb-")]  # the exports stopped
    assert _tree(out) == before


def _letters_in_this_thread(ctx) -> None:
    """The letters stage as it ran before the letters were written in the background."""
    for _ in letters_write.writing_letters(ctx.pg, ctx.out("letters"), ctx.templates / letters.TEMPLATE,
                                           as_of=ctx.as_of, make_zip=True, with_overview=True,
                                           cache=ctx.cache("letters")):
        pass


def test_letters_written_beside_the_maps_are_the_letters_written_before_them(kb, tmp_path, monkeypatch):
    building.build(kb, tmp_path / "beside", as_of=AS_OF)
    monkeypatch.setattr(letters, "stage", _letters_in_this_thread)
    building.build(kb, tmp_path / "before", as_of=AS_OF)
    beside, before = _tree(tmp_path / "beside"), _tree(tmp_path / "before")
    assert sorted(beside) == sorted(before)
    assert [name for name in beside if beside[name] != before[name] and not name.endswith(".keys.json")] == []
    docx = [name for name in beside if name.startswith("letters/") and name.endswith(".docx")]
    assert docx and all(beside[f"site/downloads/{name}"] == beside[name] for name in docx)


def test_failed_maps_stop_the_letters_between_two_and_leave_the_previous_outputs(kb, tmp_path, monkeypatch):
    out = tmp_path / "build"
    before = _built_then_edited(kb, out)
    shutil.rmtree(out / "letters")  # so that every letter is rendered again
    before = {name: data for name, data in before.items() if not name.startswith("letters/")}
    rendered, first, stopping = [], threading.Event(), threading.Event()
    real_render, real_stop = letters_write._render, letters_write.BackgroundFiles.stop

    def render(job):  # in this process (one core): the first letter, then the others once the build stops
        rendered.append(job)
        first.set() if len(rendered) == 1 else stopping.wait(10)
        return real_render(job)

    def stop(files):
        files._stopping = True
        stopping.set()
        real_stop(files)

    def broken(ctx):
        first.wait(10)
        raise RuntimeError("map renderer bug")

    import policykb.render.maps as maps
    monkeypatch.setattr(parallel, "worker_count", lambda: 1)
    monkeypatch.setattr(letters_write, "_render", render)
    monkeypatch.setattr(letters_write.BackgroundFiles, "stop", stop)
    monkeypatch.setattr(maps, "stage", broken)
    with pytest.raises(RuntimeError, match="map renderer bug"):
        building.build(kb, out, as_of=AS_OF)
    assert not [t for t in threading.enumerate() if t.name.startswith("policykb-")]  # the letters stopped
    assert _tree(out) == before
    monkeypatch.undo()
    building.build(kb, tmp_path / "whole", as_of=AS_OF)
    written = json.loads((tmp_path / "whole" / "letters" / letters.MANIFEST).read_text(encoding="utf-8"))["letters"]
    assert 0 < len(rendered) < len(written)  # stopped between two letters, not after the last


def test_failed_letters_fail_the_build_and_leave_the_previous_outputs(kb, tmp_path, monkeypatch):
    out = tmp_path / "build"
    before = _built_then_edited(kb, out)
    shutil.rmtree(out / "letters")  # none to take: written in the background
    before = {name: data for name, data in before.items() if not name.startswith("letters/")}

    def broken(job):
        raise RuntimeError("letter renderer bug")

    monkeypatch.setattr(parallel, "worker_count", lambda: 1)
    monkeypatch.setattr(letters_write, "_render", broken)
    with pytest.raises(RuntimeError, match="letter renderer bug"):
        building.build(kb, out, as_of=AS_OF)
    assert _tree(out) == before


def test_site_starts_once_the_letters_memory_is_handed_back(kb, tmp_path, monkeypatch):
    """At 100x the letters end during the site's wait for them, after the maps' settle: what their
    thread freed is handed back then, or the site's peak sits on top of it."""
    from policykb import heap
    from policykb.render.site import build as site_build
    events = []
    real_finish, real_settle, real_render = letters_write.BackgroundFiles.finish, heap.settle, site_build.render_site

    def finish(files):
        real_finish(files)
        events.append("letters written" if "letters" in files.folder.name else "files written")

    def settle():
        real_settle()
        events.append("settled")

    def render(*args, **kwargs):
        events.append("site")
        return real_render(*args, **kwargs)

    monkeypatch.setattr(letters_write.BackgroundFiles, "finish", finish)
    monkeypatch.setattr(heap, "settle", settle)
    monkeypatch.setattr(site_build, "render_site", render)
    building.build(kb, tmp_path / "build", as_of=AS_OF)
    site = events.index("site")
    assert events[site - 2:site] == ["letters written", "settled"]


def test_the_pdfs_go_one_at_a_time_while_the_site_is_built_then_a_core_each(monkeypatch, tmp_path):
    monkeypatch.setattr(parallel, "worker_count", lambda: 2)
    exports = [draw.ExportJob(f"{i}.pdf", str(tmp_path / f"{i}.pdf"), ()) for i in range(7)]
    wanted = threading.Event()
    batches = draw._batches(exports, wanted)
    first = [next(batches)[0] for _ in range(2)]
    wanted.set()  # the site waits for them
    rest = [batch for batch, _ in batches]
    assert [[job.name for job in batch] for batch in first + rest] == [
        ["0.pdf"], ["1.pdf"], ["2.pdf", "3.pdf"], ["4.pdf", "5.pdf"], ["6.pdf"]]


def test_a_batch_of_pdfs_is_exported_at_once_in_one_process(monkeypatch, tmp_path):
    """Two PDFs at the same moment, in threads of one worker (they share typst's fonts): each export
    waits for the other to have started, so one after the other would never finish."""
    both = threading.Barrier(2, timeout=30)

    def export(svgs, name):
        both.wait()
        return f"{name}: {svgs[0]}".encode("utf-8")

    monkeypatch.setattr(draw.maps_export, "pdf", export)
    batch = []
    for stem in ("overall", "section-1"):
        (tmp_path / f"{stem}.svg").write_text(f"<svg>{stem}</svg>", encoding="utf-8")
        batch.append(draw.ExportJob(f"{stem}.pdf", str(tmp_path / f"{stem}.pdf"), (str(tmp_path / f"{stem}.svg"),)))
    draw.export_pdfs(tuple(batch))
    assert (tmp_path / "overall.pdf").read_text(encoding="utf-8") == "overall.pdf: <svg>overall</svg>"
    assert (tmp_path / "section-1.pdf").read_text(encoding="utf-8") == "section-1.pdf: <svg>section-1</svg>"


def test_a_failed_pdf_of_a_batch_fails_it(monkeypatch, tmp_path):
    def export(svgs, name):
        if name == "section-1.pdf":
            raise GlyphMissing(f"{name}：以下文字没有嵌入可显示的中文字形 —— 缺")
        return b"%PDF"

    monkeypatch.setattr(draw.maps_export, "pdf", export)
    (tmp_path / "map.svg").write_text("<svg/>", encoding="utf-8")
    batch = tuple(draw.ExportJob(name, str(tmp_path / name), (str(tmp_path / "map.svg"),))
                  for name in ("overall.pdf", "section-1.pdf"))
    with pytest.raises(GlyphMissing, match="section-1.pdf"):
        draw.export_pdfs(batch)
