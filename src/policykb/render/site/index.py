"""Write Material's search index with our hidden fields, one entry at a time as pages are indexed.

Material keeps every entry until the end of the build, then serialises the whole index into one
string, and its offline plugin reads that file back to inline it into a script; enriching the index
afterwards read it a third time. At a hundred policies the index is over a hundred megabytes, and
those copies were the build's memory peak. This plugin takes each page's entries as soon as the
search plugin has made them, enriches and spools them to a temporary file, and at the end writes
`search_index.json` (and `search_index.js` when the offline plugin is on) from the spool. It
replaces the two plugins' own index writers; the bytes are those of enriching their output.

Without Material's search (plugin removed, another theme) `OwnIndexWriter` writes our own index in
parts instead (shards.py), for pk-search.js's own search box. `install` is all the site build calls.
"""
from __future__ import annotations

import json
import re
from html import unescape as html_unescape
import shutil
import tempfile
from pathlib import Path

from mkdocs.plugins import BasePlugin, event_priority

from ...cache import digest

from .shards import ShardWriter
from .search import FIELDS, RULES_KEY, TAG, dumps, enriched, names, rules

NAME = "policykb-search-index"
SEARCH, OFFLINE = "material/search", "material/offline"
INDEX = {"search_index.json": b""}
SCRIPT = {"search_index.js": b"var __index = "}  # the offline plugin's copy, which file:// pages load


class SearchIndexWriter(BasePlugin):
    def __init__(self, search, pages: dict[str, dict], outputs: dict[str, bytes]) -> None:
        """`outputs` maps each file written below site/search/ to what precedes the index in it."""
        self.search, self.pages, self.outputs = search, pages, outputs
        self.spool = tempfile.TemporaryFile()
        self.count = 0

    @event_priority(-50)  # after the search plugin has indexed the page
    def on_page_context(self, context, *, page, config, nav):
        entries = self.search.search_index.entries
        for entry in entries:
            self.spool.write((b"," if self.count else b"") + dumps(enriched(entry, self.pages)))
            self.count += 1
        entries.clear()
        return context

    def on_post_build(self, *, config) -> None:
        index = json.loads(self.search.search_index.generate_search_index(None))  # its layout, no entries
        index["config"]["fields"] = FIELDS
        # the question words, everyday words and unit names pk-search.js uses
        index["config"][RULES_KEY] = dict(rules(), names=names(self.pages))
        folder = Path(config.site_dir) / "search"
        folder.mkdir(parents=True, exist_ok=True)
        for name, prefix in self.outputs.items():
            with (folder / name).open("wb") as out:
                out.write(prefix)
                self._write(out, index)
        self.spool.close()

    def _write(self, out, index: dict) -> None:
        """json.dumps(index) with the spooled entries as its `docs`."""
        out.write(b"{")
        for i, (key, value) in enumerate(index.items()):
            out.write((b"," if i else b"") + dumps(key) + b":")
            if key != "docs":
                out.write(dumps(value))
                continue
            out.write(b"[")
            self.spool.seek(0)
            shutil.copyfileobj(self.spool, out, 1 << 20)
            out.write(b"]")
        out.write(b"}")


OWN_NAME = "policykb-own-search-index"
HEADING = re.compile(r"<h([2-6])\b[^>]*\bid=\"([^\"]+)\"[^>]*>(.*?)</h\1>", re.S)


ENTRY_FIELDS = ("location", "title", "text")  # what page_entries makes of a page


def page_entries(url: str, title: str, html: str) -> list[dict]:
    """A page as search entries, the way Material's search plugin makes them: the page (its text up to
    the first section), then every section with an id (h2–h6), each with its HTML text."""
    entries, start, current = [], 0, {"location": url, "title": title}
    for m in HEADING.finditer(html):
        entries.append(dict(current, text=html[start:m.start()].strip()))
        current = {"location": f"{url}#{m[2]}", "title": TAG.sub("", m[3]).strip()}
        start = m.end()
    entries.append(dict(current, text=html[start:].strip()))
    return entries


class OwnIndexWriter(BasePlugin):
    """The search index for a site built without the theme's search (Material's search plugin removed,
    another theme), in parts (see shards.py) that pk-search.js's own search box loads as it needs them."""

    def __init__(self, pages: dict[str, dict]) -> None:
        self.pages = pages
        self.writer = None
        self.last: list[dict] = []  # the enriched entries of the page indexed last, for an incremental build to keep
        self.last_counted: list[list] = []  # and what the index took of them (shards.counted)
        self.previous: Path | None = None  # the last build's site (an incremental build sets it): parts reused

    @event_priority(-50)  # the page's final HTML (CompactPages gives it back at priority 100)
    def on_page_context(self, context, *, page, config, nav):
        self.last = self.enrich(page.url, page_entries(page.url, page.title or "", page.content or ""))
        self.last_counted = self.add(page.url, self.last, config)
        return context

    def enrich(self, url: str, entries: list[dict]) -> list[dict]:
        """A page's entries with the hidden fields, made anew from what page_entries made (any fields an
        earlier enriching left are dropped first); they depend on the entry and on `settings`."""
        return [enriched({k: e[k] for k in ENTRY_FIELDS if k in e}, self.pages, with_words=True) for e in entries]

    def settings(self, url: str) -> str:
        """What besides its entries a page's enriched entries depend on: an incremental build keeps
        them only while this is unchanged."""
        return digest(self.pages.get(url, {}))

    def add(self, url: str, entries: list[dict], config, was: int | None = None) -> list[list]:
        """One page's enriched entries (an incremental build replays those it kept, with the page's
        number in the last build: see ShardWriter.add_page); returns them counted (shards.counted)."""
        return self._writer(config).add_page(url, entries, was)

    def add_counted(self, url: str, boost, entries: list[list], config, was: int | None, texts) -> None:
        """A page as an earlier build counted its entries (see ShardWriter.add_counted)."""
        self._writer(config).add_counted(url, boost, entries, was, texts)

    def _writer(self, config) -> ShardWriter:
        if self.writer is None:  # not before: mkdocs empties site_dir after pre_build
            self.writer = ShardWriter(Path(config.site_dir), self.previous)
        return self.writer

    def on_post_build(self, *, config) -> None:
        self._writer(config).finish({"fields": FIELDS, RULES_KEY: dict(rules(), names=names(self.pages))})


ARTICLE = re.compile(r"<article\b[^>]*\bmd-content__inner\b[^>]*>(.*?)</article>", re.S)
HTML_TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def index_built_site(site: Path, pages: dict[str, dict], site_name: str = "") -> int:
    """Our own index for a site another builder made from policykb's pages (Zensical, which runs no
    mkdocs plugin, so OwnIndexWriter never sees its pages): every page's article read back from its
    HTML and indexed as OwnIndexWriter would have. Returns the number of pages indexed."""
    site = Path(site)
    writer = ShardWriter(site)
    suffix = f" - {site_name}" if site_name else ""
    for path in sorted(site.rglob("*.html")):
        url = path.relative_to(site).as_posix()
        html = path.read_text(encoding="utf-8")
        article = ARTICLE.search(html)
        if url == "404.html" or url.startswith("search/") or article is None:
            continue
        found = HTML_TITLE.search(html)
        title = html_unescape(found[1].strip()) if found else ""
        title = title[:-len(suffix)] if suffix and title.endswith(suffix) else title
        writer.add_page(url, [enriched(e, pages, with_words=True) for e in page_entries(url, title, article[1])])
    writer.finish({"fields": FIELDS, RULES_KEY: dict(rules(), names=names(pages))})
    return len(writer.pages)


def install(config, pages: dict[str, dict]) -> None:
    """Let a loaded mkdocs configuration write its search index through SearchIndexWriter, or, when
    Material's search is off or absent, our own (OwnIndexWriter) for pk-search.js's own search box.

    `pages` is what `site_search.enriched` needs.
    """
    search = config.plugins.get(SEARCH)
    if search is None or not search.config.enabled:
        config.plugins[OWN_NAME] = OwnIndexWriter(pages)
        return
    offline = config.plugins.get(OFFLINE)
    replaced, outputs = [search.on_post_build], dict(INDEX)
    if offline is not None and offline.config.enabled:
        replaced, outputs = replaced + [offline.on_post_build], outputs | SCRIPT
    config.plugins[NAME] = SearchIndexWriter(search, pages, outputs)
    config.plugins.events["post_build"] = [m for m in config.plugins.events["post_build"] if m not in replaced]
