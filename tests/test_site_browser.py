"""The site in Chromium: navigate task -> unit -> letter; the search query set over http and file://."""
from __future__ import annotations

import datetime as dt
import json
import sys

import pytest

from conftest import DOC, POLICIES, ROOT, require
from policykb.render.site import render_site

sys.path.insert(0, str(ROOT / "bench"))
import search_quality as sq  # noqa: E402  (the browser helpers, shared with the bench)

QUERIES = sq.load_queries()


@pytest.fixture(scope="module")
def built(tmp_path_factory, pg):
    require("chromium")
    tmp = tmp_path_factory.mktemp("browser")
    letters = tmp / "letters"
    letters.mkdir()
    (letters / "省扶贫办.docx").write_bytes(b"fake letter")
    (letters / "manifest.json").write_text(json.dumps([{"unit": "省扶贫办", "file": "省扶贫办.docx"}],
                                                      ensure_ascii=False))
    render_site(pg, tmp / "site", as_of=dt.date(2016, 9, 1), templates=ROOT / "templates", policies=POLICIES,
                config=ROOT / "mkdocs.yml", handwritten=ROOT / "docs", letters=letters)
    return tmp / "site"


@pytest.fixture(scope="module")
def chromium(built):
    with sq.browser() as b:
        yield b


def recorded(context) -> list[str]:
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    return requests


def test_the_original_text_reads_as_chinese_over_http(built, chromium):
    """A cadre opens 原文.txt from an intranet server that sends no charset (python's http.server, nginx's default):
    Chromium guessed a Latin page and showed 「æ¹–å…」 until the site's copy carried the UTF-8 mark."""
    first = (POLICIES / DOC / "source.txt").read_text(encoding="utf-8").split("\n", 1)[0].strip()
    context = chromium.new_context()
    with sq.serve(built) as base:
        page = context.new_page()
        page.goto(f"{base}downloads/source/{DOC}/原文.txt")
        assert first and page.inner_text("body").strip().startswith(first)
    context.close()


def test_task_to_unit_to_letter(built, chromium):
    context = chromium.new_context(accept_downloads=True)
    requests = recorded(context)
    with sq.serve(built) as base:
        page = context.new_page()
        page.goto(f"{base}{DOC}/tasks/69.html")
        assert "第69项" in page.title()
        page.locator("article a", has_text="省扶贫办").first.click()
        page.wait_for_url("**/units/sheng-fu-pin-ban.html")
        assert page.locator("h1").inner_text().strip() == "省扶贫办"
        assert "第69项" in page.locator("article").inner_text()
        with page.expect_download() as download:
            page.locator("a", has_text="责任书：省扶贫办.docx").click()
        assert download.value.suggested_filename == "省扶贫办.docx"
    context.close()
    assert all(sq.is_local(u) for u in requests), [u for u in requests if not sq.is_local(u)]


@pytest.mark.parametrize("mode", ["http", "file"])
def test_search_finds_every_query_in_top_10(built, chromium, mode):
    context = chromium.new_context()
    requests = recorded(context)
    if mode == "http":
        with sq.serve(built) as base:
            ranks = sq.ranks(context, base, QUERIES)
    else:
        ranks = sq.ranks(context, built.as_uri() + "/", QUERIES)
    context.close()
    missed = [q["q"] for q, r in zip(QUERIES, ranks) if r is None]
    assert not missed, f"not in the top 10 over {mode}: {missed}"
    hits, mrr = sq.score(ranks)
    assert mrr > 0.9, f"MRR {mrr:.3f} over {mode}"
    assert all(sq.is_local(u) for u in requests), [u for u in requests if not sq.is_local(u)]
