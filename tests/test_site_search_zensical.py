"""The own search box on a site another builder made: Zensical (Material for MkDocs' successor) runs no
mkdocs plugin, so policykb writes its index in parts over the built HTML (`index.index_built_site`).

The Zensical test skips when no `zensical` executable is found (POLICYKB_ZENSICAL, or on PATH): it is
not a dependency of policykb. The re-indexing itself is checked on the site mkdocs builds, always.
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from urllib.parse import quote

import pytest
import yaml

from conftest import DOC, POLICIES, ROOT, require
from policykb.render.site import render_site
from policykb.render.site.build import nav, search_pages, write_docs
from policykb.render.site.index import index_built_site

sys.path.insert(0, str(ROOT / "bench"))
import search_quality as sq  # noqa: E402  (the browser helpers, shared with the bench)

AS_OF = dt.date(2016, 9, 1)
FIRST = [("人社厅", "units/sheng-ren-li-zi-yuan-she-hui-bao-zhang-ting.html"),
         ("住建厅牵头的任务", "units/sheng-zhu-fang-cheng-xiang-jian-she-ting.html"),
         ("第二十条", f"{DOC}/articles/20.html"), ("旅游扶贫归哪个部门管", f"{DOC}/tasks/46.html"),
         ("小额信贷", f"{DOC}/tasks/69.html")]


def first_results(site, queries) -> list[str | None]:
    """The first result of each query, opened as `index.html?q=…` over file:// in Chromium."""
    base = site.as_uri() + "/"
    out = []
    with sq.browser() as b:
        context = b.new_context()
        for query, _ in queries:
            page = context.new_page()
            page.goto(f"{base}index.html?q={quote(query)}")
            page.wait_for_function("q => (document.querySelector('.pk-search') || {dataset: {}}).dataset.query === q",
                                   arg=query)
            links = page.eval_on_selector_all(".pk-search__link", "els => els.map(e => e.href)")
            out.append(sq.page_path(links[0], base) if links else None)
            page.close()
        context.close()
    return out


def test_an_index_written_over_the_built_html_answers_as_the_builds_own(tmp_path, pg):
    require("chromium")
    site = tmp_path / "site"
    pages = render_site(pg, site, as_of=AS_OF, templates=ROOT / "templates", policies=POLICIES,
                        config=ROOT / "mkdocs.yml", handwritten=ROOT / "docs")
    own = first_results(site, FIRST)
    shutil.rmtree(site / "search" / "pk")
    assert index_built_site(site, search_pages(pages), "政策落实知识库") > 200
    assert first_results(site, FIRST) == own == [target for _, target in FIRST]


def zensical() -> str:
    found = os.environ.get("POLICYKB_ZENSICAL") or shutil.which("zensical")
    if not found:
        pytest.skip("zensical not installed (pip install zensical, or set POLICYKB_ZENSICAL)")
    return found


def test_the_own_search_box_works_on_a_site_zensical_built(tmp_path, pg):
    exe = zensical()
    require("chromium")
    docs = tmp_path / "docs"
    docs.mkdir()
    pages = write_docs(pg, docs, as_of=AS_OF, templates=ROOT / "templates", handwritten=ROOT / "docs",
                       policies=POLICIES)
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config.update(docs_dir="docs", site_dir="site", nav=nav(pg, docs), plugins=[])  # Zensical runs no plugin
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    subprocess.run([exe, "build", "-f", "mkdocs.yml"], cwd=tmp_path, check=True, capture_output=True)
    site = tmp_path / "site"
    assert (site / "javascripts" / "pk-search.js").is_file() and not (site / "search" / "pk").exists()
    index_built_site(site, search_pages(pages), config["site_name"])
    assert first_results(site, FIRST) == [target for _, target in FIRST]
    with sq.browser() as b:  # one search box: Zensical's own (no index of ours, none at all over file://) is hidden
        for width in (1280, 390):
            page = b.new_context(viewport={"width": width, "height": 800}).new_page()
            page.goto(site.as_uri() + "/index.html")
            assert page.locator(".md-header .pk-search__input").is_visible()
            assert not page.locator(".md-search__button").is_visible()
            assert not page.locator('.md-header label[for="__search"]').is_visible()
            page.context.close()
