"""The built site: what cadres read on each page, links that resolve, nothing fetched from outside."""
from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from conftest import DOC, POLICIES, ROOT
from policykb.graph import PolicyGraph
from policykb.issues import CODES
from policykb.render.site import render_site
from policykb.render.site.files import history
from policykb.render.site.pages import Paths
from policykb.validate import load_kb

AS_OF = dt.date(2016, 9, 1)


class Text(HTMLParser):
    """Visible text of the article body, and every link/src in the page."""

    def __init__(self):
        super().__init__()
        self.parts, self.refs, self._skip = [], [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "style"):
            self._skip += 1
        for key in ("href", "src"):
            if attrs.get(key):
                self.refs.append((tag, attrs[key]))

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)

    @property
    def text(self) -> str:
        return re.sub(r"\s+", " ", " ".join(self.parts))


def parse(path: Path) -> Text:
    t = Text()
    t.feed(path.read_text(encoding="utf-8"))
    return t


def fake_stage(folder: Path, kind: str, unit: str, suffix: str) -> Path:
    folder.mkdir(parents=True)
    name = f"{unit}{suffix}"
    (folder / name).write_bytes(b"fake " + kind.encode())
    (folder / "manifest.json").write_text(json.dumps({kind: [{"unit": unit, "file": name}]}, ensure_ascii=False))
    return folder


@pytest.fixture(scope="module")
def built(tmp_path_factory, pg):
    tmp = tmp_path_factory.mktemp("site")
    letters = fake_stage(tmp / "letters", "letters", "省扶贫办", ".docx")
    manifest = json.loads((letters / "manifest.json").read_text(encoding="utf-8"))
    (letters / DOC).mkdir()
    for name in ("分工方案.docx", "分工方案.xlsx"):  # as the letters stage writes them beside the document's letters
        (letters / DOC / name).write_bytes(b"fake overview")
    # a second document sends the same unit a notice: each letter is listed as what it is
    (letters / "national").mkdir()
    (letters / "national" / "省扶贫办.docx").write_bytes(b"fake notice")
    entries = [dict(manifest["letters"][0], kind="责任书", document=DOC),
               {"unit": "省扶贫办", "file": "national/省扶贫办.docx", "kind": "告知函", "document": "national"}]
    documents = [{"document": DOC, "overview": [f"{DOC}/分工方案.docx", f"{DOC}/分工方案.xlsx"]}]  # no zip: --zip not given
    (letters / "manifest.json").write_text(json.dumps(dict(manifest, letters=entries, documents=documents),
                                           ensure_ascii=False))
    maps = fake_stage(tmp / "maps", "maps", "省扶贫办", ".svg")
    site = tmp / "site"
    render_site(pg, site, as_of=AS_OF, templates=ROOT / "templates", policies=POLICIES,
                config=ROOT / "mkdocs.yml", handwritten=ROOT / "docs", letters=letters, maps=maps)
    return site


def page(site: Path, rel: str) -> Text:
    return parse(site / rel)


def test_task_page_shows_text_units_article_deadlines(built, pg):
    t = page(built, f"{DOC}/tasks/69.html")
    assert "第69项" in t.text and "扶贫小额信贷" in t.text
    assert "单独牵头" in t.text and "人民银行长沙中心支行" in t.text
    assert "第28条 强化金融扶贫" in t.text
    assert "力争2016年" in t.text and "每年11月中旬" in t.text
    hrefs = [unquote(h) for _, h in t.refs]
    assert "../../units/sheng-fu-pin-ban.html" in hrefs and "../articles/28.html" in hrefs
    assert any(h.endswith("downloads/letters/省扶贫办.docx") for h in hrefs)  # the lead's letter
    # not the letter another document sends the same unit: at thirty documents that was thirty links, all 省扶贫办.docx
    assert not any(h.endswith("national/省扶贫办.docx") for h in hrefs)


def test_bundled_site_has_no_cascade_sections(built, doc):
    """The bundled policy alone has no child plans: no empty 落实情况 / 上级任务 / 上级文件 sections (issue 24)."""
    pages = [f"{DOC}/index.html", *(f"{DOC}/tasks/{n}.html" for n in doc.tasks)]
    for rel in pages:
        html = (built / rel).read_text(encoding="utf-8")
        assert 'id="cascade"' not in html and 'id="chain"' not in html, rel
        assert not any(word in page(built, rel).text for word in ("上级任务", "上级文件", "下级文件", "落实任务")), rel


def test_article_page_lists_its_tasks(built, pg):
    t = page(built, f"{DOC}/articles/28.html")
    assert "第28条 强化金融扶贫" in t.text
    for task in pg.tasks_of_article(DOC, 28):
        assert f"第{task.number}项" in t.text


def test_unit_page_is_tasks_of(built, pg):
    paths = Paths(pg)
    roles = pg.tasks_of("省教育厅")
    t = page(built, paths.unit("省教育厅").replace(".md", ".html"))
    assert f"牵头的任务（{len(roles['lead'])} 项）" in t.text
    assert f"参与的任务（{len(roles['participant'])} 项）" in t.text
    for task in roles["lead"] + roles["participant"]:
        assert f"第{task.number}项" in t.text
    fpb = page(built, paths.unit("省扶贫办").replace(".md", ".html"))
    assert "责任书：省扶贫办.docx" in fpb.text and "作战图：省扶贫办.svg" in fpb.text
    assert "告知函：省扶贫办.docx" in fpb.text and "告知函、责任书和作战图" in fpb.text  # as listed below it


def test_home_shows_counts_and_what_falls_due_next(built, doc):
    t = page(built, "index.html")
    assert f"{len(doc.tasks)} 项任务" in t.text and f"{len(doc.articles)} 条条文" in t.text
    assert "以 2016-09-01 为准" in t.text
    assert "2016-11-20 每年11月中旬 全部 95 项任务" in t.text  # next general deadline after the as-of date
    assert "2016-06-30" not in t.text.split("即将到期")[1]  # past deadlines are not "next"
    # 目标 in the policy's words (targets.target_sentence), never 「= 100%（2020年）」
    from policykb.targets import target_sentence
    goals = t.text.split("目标", 1)[1].split("组成部分")[0]
    first = next(iter(doc.indicators.values()))
    assert target_sentence(first) in goals and not any(sign in goals for sign in ("=", "≥", "≤")), goals


def test_calendar_table_and_downloads(built, doc):
    cal = page(built, "calendar.html").text
    assert "2016年" in cal and "2020年" in cal and "已过" in cal
    table = page(built, f"{DOC}/table.html").text
    assert all(f"第{n}项" in table for n in doc.tasks)
    assert (built / "downloads" / "policykb.xlsx").stat().st_size > 1000
    downloads = page(built, "downloads.html")
    hrefs = [unquote(h) for _, h in downloads.refs]  # the letters stage's 分工方案, as a cadre prints it
    overview = [f"downloads/letters/{DOC}/分工方案.docx", f"downloads/letters/{DOC}/分工方案.xlsx"]
    assert set(overview) <= set(hrefs) and all((built / h).is_file() for h in overview)
    # letters made without --zip: the site zips the document's letters folder itself
    zipped = f"downloads/zips/{DOC}/责任书.zip"
    assert zipped in hrefs and "本文件的全部责任书（2 个文件）" in downloads.text
    import zipfile
    assert sorted(zipfile.ZipFile(built / zipped).namelist()) == ["分工方案.docx", "分工方案.xlsx"]
    assert "湖南省" in downloads.text.split("policykb.xlsx")[0]  # under the document's title, before the data
    original = f"downloads/source/{DOC}/原文.txt"  # the policy of record, as it stands beside its YAML
    # the same bytes after the UTF-8 mark a browser needs when a server sends the .txt without a charset
    assert original in hrefs and (built / original).read_bytes() == b"\xef\xbb\xbf" + (POLICIES / DOC / "source.txt").read_bytes()
    assert f"../{original}" in [unquote(h) for _, h in page(built, f"{DOC}/index.html").refs]  # and its page links it
    assert "省扶贫办 省扶贫办作战图（SVG）" in page(built, "maps.html").text


def test_error_catalogue_has_every_code(built):
    t = page(built, "guide/errors.html").text
    for code, (cause, fix) in CODES.items():
        assert code in t and cause in t and fix in t


def test_change_log_from_git(built):
    t = page(built, "changes.html").text
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("no git history here")
    assert "Core knowledge base" not in t  # commit messages are for maintainers
    # The project's own latest commits to policies/ may change only schemas or settings: the page must
    # agree with the history as the library reads it (the wording is tested on a repository of its own).
    from policykb.render.site.files import REISSUE_COMMITS
    from policykb.track.versions import history
    recent = history(ROOT, limit=REISSUE_COMMITS)
    if any(v.diff.changes for v in recent):
        assert "责任书内容有变" in t and re.search(r"第\d+项|第\d+条|指标|更正", t)  # in the policy's terms
    else:
        assert "还没有修订记录" in t


def test_change_log_says_what_changed_in_the_policys_terms(tmp_path):
    """On a repository of its own (the project's latest commits may touch policies/ in any way)."""
    if shutil.which("git") is None:
        pytest.skip("no git here")
    kb = tmp_path / "policies"
    shutil.copytree(POLICIES, kb, ignore=shutil.ignore_patterns("tracking"))

    def commit(message: str) -> None:
        for args in (["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", message]):
            subprocess.run(["git", "-C", str(tmp_path), *args], check=True, capture_output=True)

    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True, capture_output=True)
    commit("first")
    task = kb / DOC / "tasks" / "039.yaml"
    task.write_text(task.read_text(encoding="utf-8").replace("articles: [15]", "articles: [15, 16]"), encoding="utf-8")
    commit("Data: task 39 also implements article 16")
    pg = PolicyGraph(load_kb(kb))
    newest = history(pg, kb, Paths(pg))[0]
    said = " ".join(" ".join(str(x) for x in phrase if x) for phrase in newest["changes"])
    assert "第39项" in said and "落实条文更正：补上第16条" in said, said


def test_change_log_versions_are_kept_for_the_next_build_of_the_same_code(tmp_path, monkeypatch):
    """The site's folder keeps the versions its change log shows; a build of other code (whose diff
    may read differently) works them out again, and versions no longer shown are not kept."""
    from policykb.render.site import files
    known = {"..b": {"commit": "b"}, "b..c": {"commit": "c"}}
    files.remember_versions(tmp_path, known)
    assert files.remembered_versions(tmp_path) == known
    assert files.remembered_versions(tmp_path / "missing") == {}
    monkeypatch.setattr("policykb.cache.code_digest", lambda: "other code")
    assert files.remembered_versions(tmp_path) == {}
    if shutil.which("git") is None:
        return
    kb = tmp_path / "repo" / "policies"
    shutil.copytree(POLICIES, kb, ignore=shutil.ignore_patterns("tracking"))
    for args in (["init", "-q"], ["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "x"]):
        subprocess.run(["git", "-C", str(kb.parent), *args], check=True, capture_output=True)
    pg = PolicyGraph(load_kb(kb))
    history(pg, kb, Paths(pg), known=known)
    assert [v["commit"] for v in known.values()] == [subprocess.run(["git", "-C", str(kb), "rev-parse", "HEAD"],
                                                                     capture_output=True, text=True).stdout.strip()]


def _repo_of_two_versions(tmp_path: Path) -> Path:
    """A repository whose second commit adds article 16 to task 39; returns its policies folder."""
    kb = tmp_path / "repo" / "policies"
    shutil.copytree(POLICIES, kb, ignore=shutil.ignore_patterns("tracking"))

    def commit(message: str) -> None:
        for args in (["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", message]):
            subprocess.run(["git", "-C", str(kb.parent), *args], check=True, capture_output=True)

    subprocess.run(["git", "init", "-q", str(kb.parent)], check=True, capture_output=True)
    commit("first")
    task = kb / DOC / "tasks" / "039.yaml"
    task.write_text(task.read_text(encoding="utf-8").replace("articles: [15]", "articles: [15, 16]"), encoding="utf-8")
    commit("Data: task 39 also implements article 16")
    return kb


def test_a_fresh_output_folder_takes_the_change_log_from_the_repository(tmp_path, monkeypatch):
    """What a commit changed is kept below the git directory: a build into a new output folder (no
    versions of its own) loads no past version, and its change log reads the same; a damaged kept
    file is ignored, and a git directory that cannot be written only keeps nothing."""
    if shutil.which("git") is None:
        pytest.skip("no git here")
    from policykb.render.site import versions_store
    from policykb.track import versions
    kb = _repo_of_two_versions(tmp_path)
    pg = PolicyGraph(load_kb(kb))
    first = history(pg, kb, Paths(pg), known={})
    assert "落实条文更正：补上第16条" in str(first)
    kept = list((kb.parent / ".git" / versions_store.STORE).glob("versions-*.json"))
    assert len(kept) == 1 and list(json.loads(kept[0].read_text(encoding="utf-8"))) == ["policies"]

    loaded = []
    real = versions._Revisions.load
    monkeypatch.setattr(versions._Revisions, "load", lambda self, rev: loaded.append(rev) or real(self, rev))
    assert history(pg, kb, Paths(pg), known={}) == first and loaded == []  # a second fresh folder: nothing loaded

    kept[0].write_text("{not json", encoding="utf-8")  # damaged: worked out again, and kept right again
    assert history(pg, kb, Paths(pg), known={}) == first and len(loaded) == 2
    assert history(pg, kb, Paths(pg), known={}) == first and len(loaded) == 2

    shutil.rmtree(kept[0].parent)
    kept[0].parent.write_text("", encoding="utf-8")  # a file where the folder would go: cannot be written
    assert history(pg, kb, Paths(pg), known={}) == first and len(loaded) == 4
    assert history(pg, kb, Paths(pg), known=None) == first


def test_history_tolerates_no_git(tmp_path, pg):
    shutil.copytree(POLICIES, tmp_path / "policies")
    assert history(pg, tmp_path / "policies", Paths(pg)) is None


def test_every_internal_link_resolves_and_nothing_is_remote(built):
    broken, remote = [], []
    for html in built.rglob("*.html"):
        if html.name == "404.html":  # served for any missing path: its links are site-absolute
            continue
        for tag, ref in parse(html).refs:
            url = urlparse(ref)
            if url.scheme in ("http", "https") or ref.startswith("//"):
                if tag in ("script", "link", "img", "iframe"):
                    remote.append((html.name, ref))
                continue
            if url.scheme or not url.path:
                continue
            if not (html.parent / unquote(url.path)).exists():
                broken.append((str(html.relative_to(built)), ref))
    assert not broken, broken[:10]
    assert not remote, remote[:10]
    assert "unpkg.com" not in (built / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis" not in (built / "index.html").read_text(encoding="utf-8")


def test_search_index_has_bigram_fields(built):
    """The site's own index (mkdocs.yml has no theme search), in parts that file:// pages load as scripts."""
    meta = (built / "search" / "pk" / "meta.js").read_text(encoding="utf-8")
    assert meta.startswith('policykbShard("meta",') and not (built / "search" / "search_index.json").exists()
    fields = json.loads(meta[len('policykbShard("meta",'):-3])["config"]["fields"]
    assert fields["pkt"]["boost"] > fields["pkb"]["boost"]
    assert any((built / "search" / "pk" / "t").glob("*.js")) and any((built / "search" / "pk" / "d").glob("*.js"))


def _pages_holding(built: Path, phrase: str) -> set[str]:
    """The pages whose indexed words hold every pair of characters of `phrase`, in one entry: what
    pk-search.js's all-terms search can find, read from the index in parts as the browser reads it."""
    from policykb.render.site.search import bigrams
    from policykb.render.site.shards import shard_of
    from test_site_search import read_part
    folder = built / "search" / "pk"
    meta = read_part(folder / "meta.js", "meta")
    entries = None
    for token in bigrams(phrase):
        shard = shard_of(token, meta["shards"])
        postings = read_part(folder / "t" / f"{shard}.js", f"t/{shard}").get(token, [])
        found = set(postings[0::3])
        entries = found if entries is None else entries & found
    return {meta["pages"][meta["entries"][e][0]][0] for e in entries or ()}


def test_the_work_requirements_on_the_document_page_are_searchable(built, pg):
    """The 工作要求 set the deadlines of every task (yearly reports to 省扶贫办): a cadre searching their words
    finds the document page, though the annex's list of sections above them is indexed by title only."""
    doc = pg.kb.documents[DOC]
    page = f"{DOC}/index.html"
    assert "工作要求" in (built / page).read_text(encoding="utf-8")
    for phrase in ("下一年度工作安排", "报送省扶贫办"):
        assert any(phrase in r.text for r in doc.meta.annex.requirements)
        assert page in _pages_holding(built, phrase), phrase


HOSTILE = '<script>alert("x")</script> **粗体** [链接](http://evil.example) {{ 7*7 }} {% if x %} | 竖线 | <b>b</b>'


def test_text_from_yaml_renders_literally(tmp_path):
    policies = tmp_path / "policies"
    shutil.copytree(POLICIES, policies)
    task = policies / DOC / "tasks" / "069.yaml"
    text = task.read_text(encoding="utf-8")
    task.write_text(re.sub(r"^text: .*$", "text: '" + HOSTILE.replace("'", "''") + "'", text, flags=re.M),
                    encoding="utf-8")
    site = tmp_path / "site"
    render_site(PolicyGraph(load_kb(policies)), site, as_of=AS_OF, templates=ROOT / "templates",
                policies=policies, config=ROOT / "mkdocs.yml", handwritten=ROOT / "docs")
    html = (site / DOC / "tasks" / "69.html").read_text(encoding="utf-8")
    assert '<script>alert("x")' not in html and "<b>b</b>" not in html
    assert "<strong>粗体</strong>" not in html and 'href="http://evil.example"' not in html
    visible = parse(site / DOC / "tasks" / "69.html").text
    assert HOSTILE in visible  # shown exactly as written
    assert "<script>alert" not in (site / "units" / "sheng-fu-pin-ban.html").read_text(encoding="utf-8")


def test_same_input_same_bytes(built, tmp_path, pg):
    again = tmp_path / "site"
    letters, maps = built.parent / "letters", built.parent / "maps"
    render_site(pg, again, as_of=AS_OF, templates=ROOT / "templates", policies=POLICIES,
                config=ROOT / "mkdocs.yml", handwritten=ROOT / "docs", letters=letters, maps=maps)
    files = sorted(p.relative_to(built) for p in built.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    changed = [str(f) for f in files if (built / f).read_bytes() != (again / f).read_bytes()]
    assert not changed, changed[:10]


def test_tracking_shows_status_events_and_charts(tmp_path, pg, doc):
    from types import SimpleNamespace

    from policykb.render.site import write_docs
    from policykb.status import TaskStatus

    ident = next(iter(doc.indicators))
    charts = tmp_path / "charts" / DOC
    charts.mkdir(parents=True)
    (charts / f"{ident}.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    event = SimpleNamespace(type="report", date=dt.date(2016, 8, 15), unit="省扶贫办", year=2016, summary="发放贷款")
    later = SimpleNamespace(type="report", date=dt.date(2016, 11, 15), unit="省扶贫办", year=2016, summary="以后的事")
    tracking = SimpleNamespace(events={(DOC, 69): [event, later]}, values={(DOC, ident): [object()]})
    statuses = {(DOC, 69): TaskStatus("推进中", "amber", reasons=("方案已印发",))}
    docs = tmp_path / "docs"
    write_docs(pg, docs, as_of=AS_OF, templates=ROOT / "templates", handwritten=None, policies=POLICIES,
               statuses=statuses, tracking=tracking, charts=tmp_path / "charts")
    task = (docs / DOC / "tasks" / "69.md").read_text(encoding="utf-8")
    assert "黄灯</span> 推进中" in task and "方案已印发" in task
    assert "| 2016&#45;08&#45;15 | 省扶贫办 | 报送2016年落实情况：发放贷款 |" in task
    assert "以后的事" not in task  # after the day the site speaks as of (2016-09-01)
    assert f"](../downloads/charts/{DOC}/{ident}.svg)" in (docs / DOC / "indicators.md").read_text(encoding="utf-8")
    assert (docs / "downloads" / "charts" / DOC / f"{ident}.svg").is_file()


def test_many_documents_keep_the_sidebar_short(tmp_path):
    """Every page carries the whole sidebar: with many documents it lists none of them (the site would
    grow with the square of the corpus); the home page links each document's pages instead."""
    from conftest import FIXTURES
    from policykb.render.site import NAV_DOCUMENTS, nav

    policies = tmp_path / "policies"
    shutil.copytree(FIXTURES / "tiny", policies)
    for k in range(NAV_DOCUMENTS):
        shutil.copytree(policies / "demo-2016", policies / f"demo-copy-{k}")
    pg = PolicyGraph(load_kb(policies))
    site = tmp_path / "site"
    render_site(pg, site, as_of=AS_OF, templates=ROOT / "templates", policies=policies,
                config=ROOT / "mkdocs.yml", handwritten=ROOT / "docs")
    labels = [next(iter(item)) for item in nav(pg, tmp_path)]
    assert not {d.meta.short_title or d.id for d in pg.documents()} & set(labels) and "责任单位" in labels
    home = parse(site / "index.html")
    for doc in pg.documents():
        assert f"{doc.id}/index.html" in {unquote(urlparse(ref).path) for _, ref in home.refs}
        assert (site / doc.id / "tasks" / "1.html").is_file()


@pytest.fixture(scope="module")
def with_members(tmp_path_factory, pg):
    """A site whose letters stage issued the 14 市州 letters (as the letters stage names them)."""
    tmp = tmp_path_factory.mktemp("members")
    letters = tmp / "letters"
    letters.mkdir()
    cities = pg.members_with_tasks(DOC)
    for city in cities:
        (letters / f"{city}.docx").write_bytes(b"fake letter")
    (letters / "manifest.json").write_text(json.dumps(
        {"letters": [{"unit": c, "file": f"{c}.docx", "collectives": pg.collectives_of(c)} for c in cities]},
        ensure_ascii=False))
    site = tmp / "site"
    render_site(pg, site, as_of=AS_OF, templates=ROOT / "templates", policies=POLICIES,
                config=ROOT / "mkdocs.yml", handwritten=ROOT / "docs", letters=letters)
    return site


def test_every_city_has_its_page_letter_and_exactly_its_tasks(with_members, pg):
    """Each 市州 of a collective: its page with the tasks its letter carries and its letter, linked from
    the collective's page, the task pages, the 分工方案 filter and the unit list; counts agree."""
    paths = Paths(pg)
    html = lambda rel: rel.replace(".md", ".html")
    cities = pg.members_with_tasks(DOC)
    assert len(cities) == 14
    for city in cities:
        t = page(with_members, html(paths.unit(city)))
        assert "第66项" in t.text and f"{city}.docx" in t.text, city
        assert ("第49项" in t.text) == pg.task(DOC, 49).applies_to("相关市州和县市党委、政府", city), city
    assert "第49项" not in page(with_members, html(paths.unit("张家界市"))).text
    collective = page(with_members, html(paths.unit("各市州、县市区党委和政府")))
    hrefs = {unquote(h) for _, h in collective.refs}
    assert all(any(h.endswith(html(paths.unit(c)).split("/")[-1]) for h in hrefs) for c in cities)
    for n in (49, 66):
        task = page(with_members, f"{DOC}/tasks/{n}.html")
        collective = "相关市州和县市党委、政府" if n == 49 else "各市州、县市区党委和政府"
        said = task.text.split("回到页面顶部")[0].rsplit(collective, 1)[1]  # the collective's line, last of the list
        assert "尚未生成" not in said and "长沙市.docx" in said, n
    assert "张家界市" not in page(with_members, f"{DOC}/tasks/49.html").text
    table = (with_members / DOC / "table.html").read_text(encoding="utf-8")
    row_66 = re.search(r'<tr class="pk-task" data-number="66"[^>]*>', table)[0]
    assert all(c in row_66 for c in cities)
    units = page(with_members, "units/index.html")
    assert all(c in units.text for c in cities)
    home = page(with_members, "index.html")
    assert "89 份责任书和告知函" in home.text and "14 个市州" in home.text


def test_a_unit_with_tasks_in_two_documents_sees_each_documents_tasks_apart(tmp_path):
    """第50项 of two documents are two tasks: a unit's page puts each under its document's name, and says
    once that every document's period is over instead of once per document."""
    from policykb.render.site.pages import life, unit_page
    from policykb.render.site.text import environment, render
    kb = tmp_path / "kb"
    shutil.copytree(POLICIES, kb, ignore=shutil.ignore_patterns("tracking"))
    shutil.copytree(kb / DOC, kb / "second")
    meta = kb / "second" / "document.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("short_title: 湖南省脱贫攻坚实施意见",
                                                             "short_title: 第二份实施意见"), encoding="utf-8")
    fresh = load_kb(kb)
    pg = PolicyGraph(fresh)
    page = unit_page(pg, "省扶贫办", Paths(pg), life(pg, dt.date(2026, 12, 4)), None, {"letters": [], "maps": []}, {})
    text = render(environment(ROOT / "templates" / "site"), page.template, page.path, **page.context)
    assert "承担任务的 2 个文件实施期均已结束，以下为最终情况" in text and "2016—2020年）已结束；" not in text
    lead = text[text.index("## 牵头的任务"):text.index("## 参与的任务")]
    first, second = lead.index("### 湖南省脱贫攻坚实施意见（16 项）"), lead.index("### 第二份实施意见（16 项）")
    assert first < second and lead.count("第48项") == 2
    assert lead.index("第48项") < second < lead.rindex("第48项")


def test_unit_pages_are_named_by_pinyin_worked_out_apart(monkeypatch):
    """The slugs come from a worker (pypinyin's 56 MB stay out of the build's process): the same names."""
    from policykb import parallel
    from policykb.render.site import pages
    monkeypatch.setattr(pages, "_SLUGS", {})
    asked = []

    def apart(fn, names):
        asked.append(list(names))
        return fn(names)

    monkeypatch.setattr(parallel, "apart", apart)
    paths = Paths(PolicyGraph(load_kb(POLICIES)))
    assert paths.units["省扶贫办"] == "units/sheng-fu-pin-ban.md"
    assert paths.units["国家开发银行湖南省分行"] == "units/guo-jia-kai-fa-yin-hang-hu-nan-sheng-fen-hang.md"  # 银行: hang
    assert len(asked) == 1  # every unit in one worker
    Paths(PolicyGraph(load_kb(POLICIES)))
    assert len(asked) == 1  # known since


def test_a_collectives_members_are_called_by_its_level_not_the_bundled_provinces_word():
    """A city's 「各区县」 has 县市区 as members, not the 市州 of the Hunan text; several levels are 成员单位."""
    from policykb.render.site.pages import members_called
    kb = load_kb(POLICIES)
    cities = "各市州、县市区党委和政府"
    counties = kb.units[cities].model_copy(update={"name": "各区县", "level": "县"})
    pg = PolicyGraph(kb.model_copy(update={"units": {**kb.units, "各区县": counties}}))
    assert members_called(pg, [cities]) == "市州"
    assert members_called(pg, ["各区县"]) == "县市区"
    assert members_called(pg, [cities, "各区县"]) == "成员单位"
