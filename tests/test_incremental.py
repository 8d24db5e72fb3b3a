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
    """Every file's bytes, but the cache's record of file times (cache.STATS_FILE): times differ by nature."""
    from policykb.cache import STATS_FILE
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
            and not p.name.endswith(".lock") and p.name != STATS_FILE}


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
    # the task's units' letters, and its document's 分工方案 overview, which lists every task, and zip
    assert letters.rendered == len(task.units) + len(overview.NAMES) + 1 and letters.reused > 0
    assert 0 < maps.rendered < maps.rendered + maps.reused


def test_incremental_equals_clean_build(built):
    incremental, clean = _tree(built["out"]), _tree(built["clean"])
    assert sorted(incremental) == sorted(clean)
    assert [name for name in incremental if incremental[name] != clean[name]] == []


def test_site_edit_rerenders_only_the_pages_it_changes(built):
    site = built["edited"]["site"]
    assert site.reused > 0 and 0 < site.rendered < site.reused  # the task's page and the pages listing it


def test_site_edit_writes_only_the_markdown_of_pages_whose_context_changed(tmp_path, monkeypatch):
    """A generated page's Markdown is made only when the last build had no page for its context."""
    from policykb.render.site import build as site_build
    kb, out = tmp_path / "kb", tmp_path / "build"
    shutil.copytree(FIXTURES / "tiny", kb)
    building.build(kb, out, as_of=AS_OF)
    written: list[str] = []
    make = site_build._make_page
    monkeypatch.setattr(site_build, "_make_page", lambda env, page: written.append(page.path) or make(env, page))
    _replace(kb / "demo-2016" / "tasks" / "003.yaml", "设立教育扶贫基金", "设立助学扶贫基金")
    timings: dict = {}
    building.build(kb, out, as_of=AS_OF, timings=timings)
    assert "demo-2016/tasks/3.md" in written and "demo-2016/tasks/1.md" not in written
    assert 0 < len(written) < timings["site"].reused  # the task's page and the few showing it
    from policykb.graph import PolicyGraph
    from policykb.render.site.pages import Paths
    from policykb.validate import load_kb
    pg = PolicyGraph(load_kb(kb))
    task_units = {Paths(pg).unit(u) for u in pg.task("demo-2016", 3).units}
    other_units = {Paths(pg).unit(u) for u in pg.units_with_tasks()} - task_units
    # a unit's page lists its tasks under their document: another task of that document leaves it be
    assert other_units and not other_units & set(written)


def test_page_keys_follow_the_context(pg):
    from policykb.render.site.pagekeys import PageKeys
    from policykb.render.site.pages import Paths
    keys, paths = PageKeys("salt"), Paths(pg)
    doc = next(iter(pg.documents()))
    first, second = list(doc.tasks.values())[:2]
    key = keys.key("task.md.j2", {"task": first, "paths": paths, "dates": {dt.date(2016, 1, 1)}})
    assert key == PageKeys("salt").key("task.md.j2", {"task": first, "paths": Paths(pg),
                                                      "dates": {dt.date(2016, 1, 1)}})
    assert key != keys.key("task.md.j2", {"task": second, "paths": paths, "dates": {dt.date(2016, 1, 1)}})
    assert key != keys.key("task.md.j2", {"task": first.model_copy(update={"text": first.text + "。"}),
                                          "paths": paths, "dates": {dt.date(2016, 1, 1)}})
    assert keys.key("document.md.j2", {"pg": pg}) is None  # the whole graph: rendered every build
    assert keys.key("task.md.j2", {"f": lambda t: t}) is None


def test_pages_given_a_document_shell_never_read_its_items():
    """Task, article, indicator and unit pages get the document without its items (so their keys hold
    when another task changes): their templates must not look for them."""
    from conftest import ROOT
    import re
    for name in ("task.md.j2", "article.md.j2", "indicators.md.j2", "unit.md.j2"):
        text = (ROOT / "templates" / "site" / name).read_text(encoding="utf-8")
        assert not re.search(r"\bdoc\.(tasks|articles|indicators)\b", text), name


# --- several kinds of edit, one after another: each incremental rebuild equals a clean build ---------------

def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def _rename_unit(kb: Path) -> None:
    """省发改委 becomes 省发展改革委 (the old name kept as an alias) in the registry and every task."""
    _replace(kb / "units.yaml", "  - name: 省发改委\n    aliases: []", "  - name: 省发展改革委\n    aliases: [省发改委]")
    for task in (kb / "demo-2016" / "tasks").glob("*.yaml"):
        if "  - 省发改委\n" in task.read_text(encoding="utf-8"):
            _replace(task, "  - 省发改委\n", "  - 省发展改革委\n")


def _new_document(kb: Path) -> None:
    shutil.copytree(kb / "demo-2016", kb / "demo-2017")
    _replace(kb / "demo-2017" / "document.yaml", "title: 关于推进示范工作的实施意见", "title: 关于深化示范工作的实施意见")
    _replace(kb / "demo-2017" / "document.yaml", "short_title: 示范意见", "short_title: 深化意见")


EDITS = {
    "task text": lambda kb: _replace(kb / "demo-2016" / "tasks" / "003.yaml", "设立教育扶贫基金", "设立助学扶贫基金"),
    "unit rename": _rename_unit,
    "deadline": lambda kb: _replace(kb / "demo-2016" / "tasks" / "002.yaml", "phrase: 2016年9月底前\n    date: 2016-09-30",
                                    "phrase: 2016年10月底前\n    date: 2016-10-31"),
    "new document": _new_document,
    "deleted task": lambda kb: (kb / "demo-2016" / "tasks" / "004.yaml").unlink(),
}


@pytest.fixture(scope="module")
def series(tmp_path_factory):
    """The tiny knowledge base built once, then edited in turn; after each edit an incremental rebuild
    and a clean build of the same inputs."""
    tmp = tmp_path_factory.mktemp("series")
    kb, out = tmp / "kb", tmp / "build"
    shutil.copytree(FIXTURES / "tiny", kb)
    building.build(kb, out, as_of=AS_OF)
    results = {}
    for n, (name, edit) in enumerate(EDITS.items()):
        edit(kb)
        timings: dict = {}
        building.build(kb, out, as_of=AS_OF, timings=timings)
        clean = tmp / f"clean-{n}"
        building.build(kb, clean, as_of=AS_OF)
        results[name] = (_tree(out), _tree(clean), timings)
    return results


@pytest.mark.parametrize("edit", list(EDITS))
def test_incremental_equals_clean_build_after(series, edit):
    incremental, clean, timings = series[edit]
    assert sorted(incremental) == sorted(clean)
    assert [name for name in incremental if incremental[name] != clean[name]] == []
    assert timings["site"] != "unchanged"  # each edit shows on the site


def test_deleted_task_and_new_document_show_in_the_outputs(series):
    incremental, _, _ = series["deleted task"]
    assert any(name.startswith("site/") and "demo-2017" in name for name in incremental)
    assert not any(name.startswith("letters/demo-2016/") and "各市州" in name for name in incremental)


# --- the caches are keyed by content: a build moved to another folder (or machine) is still valid -----------

def test_moved_build_is_reused_whole(tmp_path):
    first, moved = tmp_path / "here", tmp_path / "elsewhere" / "project"
    shutil.copytree(FIXTURES / "tiny", first / "kb")
    building.build(first / "kb", first / "build", as_of=AS_OF)
    shutil.copytree(first, moved, symlinks=True)
    noop: dict = {}
    building.build(moved / "kb", moved / "build", as_of=AS_OF, timings=noop)
    assert set(noop.values()) == {"unchanged"}
    edited = {}
    for root in (first, moved):
        _replace(root / "kb" / "demo-2016" / "tasks" / "001.yaml", "创新发展", "改革发展")
        edited[root] = {}
        building.build(root / "kb", root / "build", as_of=AS_OF, timings=edited[root])
    for stage in ("letters", "maps", "site"):  # the moved build reuses exactly what the original does
        here, there = edited[first][stage], edited[moved][stage]
        assert (there.reused, there.rendered) == (here.reused, here.rendered) and there.reused > 0
    assert _tree(moved / "build") == _tree(first / "build")


# --- letters as PDF: only letters whose .docx changed go through LibreOffice again ---------------------------

@pytest.mark.office
def test_letters_pdf_converts_only_changed_letters(tmp_path):
    from policykb.graph import PolicyGraph
    from policykb.render import letters
    from policykb.validate import load_kb
    from conftest import ROOT, require
    require("soffice")
    kb, out = tmp_path / "kb", tmp_path / "letters"
    shutil.copytree(FIXTURES / "tiny", kb)

    def write() -> dict[str, tuple[int, int]]:
        letters.write_letters(PolicyGraph(load_kb(kb)), out, ROOT / "templates" / "letter.docx", as_of=AS_OF,
                              pdf=True, fonts_conf=ROOT / "fonts" / "fonts.conf")
        return {p.relative_to(out).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns) for p in out.rglob("*.pdf")}

    first = write()
    assert first and write() == first  # nothing changed: no PDF made again
    _replace(kb / "demo-2016" / "tasks" / "003.yaml", "设立教育扶贫基金", "设立助学扶贫基金")  # 省教育厅, 省财政厅, 省扶贫办
    third = write()
    changed = {name for name in first if third[name] != first[name]}
    assert changed == {f"demo-2016/{unit}.pdf" for unit in ("省教育厅", "省财政厅", "省扶贫办")}


def test_kept_search_entries_survive_a_damaged_or_older_file(tmp_path):
    """The last build's search entries are indexed by path; a line that cannot be read (damaged, or an
    earlier version's layout) only means that page is rendered again — never a crash."""
    from policykb.render.site.incremental import ENTRIES, _Entries
    previous, staged = tmp_path / "previous", tmp_path / "staged"
    previous.mkdir(), staged.mkdir()
    kept = _Entries(previous, previous)
    kept.add("a/b.md", [{"text": "\t中文"}])
    kept.add("c.md", [])
    kept.close()
    with (previous / ENTRIES).open("ab") as fh:
        fh.write(b'{"page": "old.md", "entries": []}\n[1]\t[]\n\xff\t[]\n')
    entries = _Entries(previous, staged)
    assert sorted(entries.old) == ["a/b.md", "c.md"] and "old.md" not in entries
    assert entries.read("a/b.md") == [{"text": "\t中文"}] and entries.read("c.md") == []
    entries.close()


def test_kept_search_entries_follow_a_pages_search_settings(tmp_path, monkeypatch):
    """A reused page's search entries are kept enriched; when what enriches them changes (the page's
    keywords) while its Markdown does not, they are enriched anew: the index equals a clean build's."""
    from policykb.render.site import build as site_build
    from policykb.render.site.search import bigrams
    kb, out = tmp_path / "kb", tmp_path / "build"
    shutil.copytree(FIXTURES / "tiny", kb)
    building.build(kb, out, as_of=AS_OF)
    plain = site_build.search_pages

    def with_keyword(pages):
        found = plain(pages)
        for settings in found.values():
            settings["keywords"] = [*settings["keywords"], "珞珈山水"]
        return found

    monkeypatch.setattr(site_build, "search_pages", with_keyword)
    _replace(kb / "demo-2016" / "tasks" / "003.yaml", "设立教育扶贫基金", "设立助学扶贫基金")
    timings: dict = {}
    building.build(kb, out, as_of=AS_OF, timings=timings)
    assert timings["site"].reused > 0  # pages whose Markdown is unchanged, their entries enriched anew
    clean = tmp_path / "clean"
    building.build(kb, clean, as_of=AS_OF)
    incremental, fresh = _tree(out), _tree(clean)
    assert [name for name in fresh if incremental.get(name) != fresh[name]] == []
    shards = b"".join(data for name, data in incremental.items() if name.startswith("site/search/pk/t/"))
    assert all(token.encode() in shards for token in bigrams("珞珈山水"))


def test_kept_search_entries_of_an_earlier_layout_are_enriched_anew(tmp_path):
    """Kept entries written raw (a list, as before they were kept enriched) are enriched again, not
    taken as they are: the rebuilt index equals a clean build's."""
    import json
    from policykb.render.site.incremental import ENTRIES
    kb, out = tmp_path / "kb", tmp_path / "build"
    shutil.copytree(FIXTURES / "tiny", kb)
    building.build(kb, out, as_of=AS_OF)
    kept = out / "site" / ENTRIES
    lines = []
    for line in kept.read_bytes().splitlines():
        uri, _, rest = line.partition(b"\t")
        _counted, _, entries = rest.partition(b"\t")  # now: what the index took of them, then the entries
        raw = [{k: e[k] for k in ("location", "title", "text")} for e in json.loads(entries)]
        lines.append(uri + b"\t" + json.dumps(raw, ensure_ascii=False).encode("utf-8"))
    kept.write_bytes(b"\n".join(lines) + b"\n")
    _replace(kb / "demo-2016" / "tasks" / "003.yaml", "设立教育扶贫基金", "设立助学扶贫基金")
    timings: dict = {}
    building.build(kb, out, as_of=AS_OF, timings=timings)
    assert timings["site"].reused > 0
    clean = tmp_path / "clean"
    building.build(kb, clean, as_of=AS_OF)
    incremental, fresh = _tree(out), _tree(clean)
    assert [name for name in fresh if incremental.get(name) != fresh[name]] == []


def test_noop_rebuild_does_not_check_again_what_the_last_build_checked(tmp_path, monkeypatch):
    """Same bytes, same code as the last successful build: the knowledge base is not loaded again (at 30
    policies that check was most of a no-op); any edit, even one that breaks a file, is checked."""
    kb, out = tmp_path / "kb", tmp_path / "build"
    shutil.copytree(FIXTURES / "tiny", kb)
    building.build(kb, out, as_of=AS_OF, only=["data"])

    def refuse(*args, **kwargs):
        raise AssertionError("loaded again")
    monkeypatch.setattr("policykb.validate.load_kb", refuse)  # build imports it when it loads
    timings: dict = {}
    building.build(kb, out, as_of=AS_OF, only=["data"], timings=timings)
    assert timings == {"data": "unchanged"}
    monkeypatch.undo()
    task = kb / "demo-2016" / "tasks" / "001.yaml"
    task.write_text(task.read_text(encoding="utf-8").replace("lead:", "leed:"), encoding="utf-8")
    from policykb.issues import PolicyError
    with pytest.raises(PolicyError):
        building.build(kb, out, as_of=AS_OF, only=["data"])


def test_pages_made_on_demand_give_the_site_of_pages_written_out(built, tmp_path, monkeypatch):
    """Pages the incremental build keeps out of the docs tree (made only when needed) take the place
    mkdocs gives files it finds there: the same site, search parts numbered alike, as when every page
    is written out first."""
    from policykb.render.site.pagekeys import PageKeys
    monkeypatch.setattr(PageKeys, "key", lambda self, template, context: None)  # no page made on demand
    written_out = tmp_path / "build"
    building.build(built["kb"], written_out, as_of=AS_OF)
    visible = lambda tree: {k: v for k, v in tree.items() if not any(p.startswith(".") for p in k.split("/"))}  # noqa: E731
    lazy, plain = visible(_tree(built["clean"] / "site")), visible(_tree(written_out / "site"))
    assert sorted(lazy) == sorted(plain) and "search/pk/meta.js" in lazy
    assert [name for name in lazy if lazy[name] != plain[name]] == []


def test_search_parts_of_unchanged_pages_are_linked_not_written_again(built):
    """Writing a file costs several times linking it (bench/file_ops.py): a part with the same bytes
    as the last build's is that file, linked; the edited task's part is new."""
    before, _ = built["stamps"]
    parts = sorted((built["out"] / "site" / "search" / "pk" / "d").glob("*.js"))
    kept = [p for p in parts if before.get(p.relative_to(built["out"]).as_posix(), (None,))[0] == p.stat().st_ino]
    assert 0 < len(kept) < len(parts)


def test_a_page_made_in_memory_lets_its_markdown_go_once_converted(tmp_path):
    """mkdocs holds every page until the build ends: a page made on demand (a File with its Markdown in
    memory) must not keep that Markdown after conversion (at 100x it held 600 MB: 1.58 GB peak instead of 0.98)."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page
    from policykb.render.site.compact import CompactPages
    (tmp_path / "docs").mkdir()
    config = load_config(config_file=None, docs_dir=str(tmp_path / "docs"), site_dir=str(tmp_path / "site"))
    config = config.plugins.on_config(config)  # as a build starts (File.generated asks which plugin runs)
    made = File.generated(config, "tasks/1.md", content="# 第1项\n\n" + "任务内容。" * 1000)
    page = Page(None, made, config)
    page.read_source(config)
    CompactPages().on_page_content("<h1>第1项</h1>", page=page, config=config, files=None)
    assert made.content_string == "" and page.markdown == ""


def test_a_small_site_keeps_its_pages_as_they_are(tmp_path):
    """Compacting is for a site of thousands of pages; a small one's pages are kept whole (compressing
    them cost time and saved a few megabytes), a large one's are packed."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page
    from policykb.render.site import compact
    (tmp_path / "docs").mkdir()
    config = load_config(config_file=None, docs_dir=str(tmp_path / "docs"), site_dir=str(tmp_path / "site"))
    config = config.plugins.on_config(config)
    for pages, packed in ((3, False), (compact.FROM_PAGES, True)):
        files = Files([File.generated(config, f"tasks/{i}.md", content="# 任务\n") for i in range(pages)])
        plugin = compact.CompactPages()
        plugin.on_files(files, config=config)
        page = Page(None, files.documentation_pages()[0], config)
        page.read_source(config)
        page.content = plugin.on_page_content("<h1>任务</h1>", page=page, config=config, files=files)  # as mkdocs does
        assert page.content == ("" if packed else "<h1>任务</h1>")
        assert plugin.on_page_context({}, page=page, config=config, nav=None) == {}
        assert page.content == "<h1>任务</h1>"


def test_a_page_holding_the_whole_graph_is_refused_before_its_documents_are_hashed(pg):
    from policykb.render.site.pagekeys import PageKeys
    keys, hashed = PageKeys("salt"), []
    keys._once = lambda value, plain: hashed.append(value)
    assert keys.key("home.md.j2", {"docs": list(pg.documents()), "pg": pg}) is None
    assert hashed == []


def test_a_file_is_reused_into_a_folder_the_stage_emptied_since(tmp_path):
    """Reused files' folders are made once; a stage that empties its folder meanwhile (mkdocs cleans
    the site's) still gets the next file."""
    from policykb.cache import StageCache
    previous, staged = tmp_path / "previous", tmp_path / "staged"
    (previous / "a").mkdir(parents=True)
    (previous / "a" / "1.txt").write_text("one", encoding="utf-8")
    (previous / "a" / "2.txt").write_text("two", encoding="utf-8")
    first = StageCache(tmp_path / "none", previous, "salt")
    first.remember("a/1.txt", "k1")
    first.remember("a/2.txt", "k2")
    first.save()
    staged.mkdir()
    cache = StageCache(previous, staged, "salt")
    assert cache.reuse("a/1.txt", "k1")
    shutil.rmtree(staged / "a")
    assert cache.reuse("a/2.txt", "k2")
    assert (staged / "a" / "2.txt").read_text(encoding="utf-8") == "two"



def test_a_page_added_from_its_counted_entries_gives_the_index_its_entries_give(tmp_path):
    """A reused page goes into the search index from what the last build counted of its entries
    (shards.counted), not from its entries: the same index parts, with each token's counts."""
    import json
    from policykb.render.site.search import enriched, token
    from policykb.render.site.shards import ShardWriter, counted, shard_of
    entries = [enriched({"location": "a.html", "title": "脱贫攻坚", "text": "<p>设立教育扶贫基金，扶贫扶智</p>"}, {},
                        with_words=True),
               enriched({"location": "a.html#s", "title": "产业扶贫", "text": "发展产业扶贫"}, {}, with_words=True)]
    whole, kept = ShardWriter(tmp_path / "whole"), ShardWriter(tmp_path / "kept")
    whole.add_page("a.html", entries)
    kept.add_counted("a.html", 1, counted(entries), None, lambda: [[e["title"], e["text"]] for e in entries])
    whole.finish({})
    kept.finish({})
    made = _tree(tmp_path / "whole")
    assert made == _tree(tmp_path / "kept")
    meta = json.loads(made["search/pk/meta.js"].decode("utf-8").split(",", 1)[1].rsplit(")", 1)[0])
    shard = made[f"search/pk/t/{shard_of(token('扶贫'), meta['shards'])}.js"].decode("utf-8")
    postings = json.loads(shard.split(",", 1)[1].rsplit(")", 1)[0])[token("扶贫")]
    assert postings == [0, 0, 2, 1, 1, 1]  # [entry, in its title, in its text]: twice in the first text
