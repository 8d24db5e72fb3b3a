"""mkdocs' build, run so that pages whose Markdown is unchanged are taken from the last build.

mkdocs has no partial build: it converts and templates every page on every run, and Material's
search plugin indexes every page again. Here the same steps run in the same order (the body of
`mkdocs.commands.build.build`, mkdocs 1.6), but each documentation page first gets a key: its
Markdown plus what every page shares (the configuration and navigation, the set of files links can
point at, the versions of the theme and of this code). A page whose key the last build had is not
converted, templated nor indexed: its HTML is hard-linked from the last build, and the search
entries made for it then (by Material's search plugin, or by the project's own index writer when
the theme's search is off), kept beside the site, are handed back in the page's place in the order.
Everything else (static files, the theme's templates, the index files) is made as mkdocs makes it,
so a rebuild gives the bytes of a full build.

A generated page (`lazy`) comes with a key of its template's context (pagekeys) and no Markdown
yet: when the last build made the page from the same context, its Markdown key is the last one and
the Markdown is never written; otherwise it is written, then keyed as above.

Measured against one mkdocs build per document under a shared shell (cross-document links and the
shared search index then need stitching, and a unit page links every document): keying pages costs
one read and hash per page, and a one-task edit converts only the pages whose Markdown changed.
"""
from __future__ import annotations

import json
import logging
import os
import shutil
import time
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Callable

from ...cache import StageCache, code_digest, digest

ENTRIES = ".search-entries.jsonl"  # each page's search entries, as the indexer made them, one page a line
SEARCH = "material/search"
log = logging.getLogger("mkdocs.commands.build")


@dataclass
class Source:
    """A generated page not yet made: its key (pagekeys), and what makes its Markdown when needed. It is
    no file in the docs tree, only in mkdocs' list of files (creating thousands of files nobody reads
    was a tenth of a one-task rebuild at 30x)."""
    key: str
    make: Callable[[], str]
    written: bool = False

    def write(self, file) -> None:
        if not self.written:
            file.content_string = self.make()
            self.written = True


def _shared_key(config, files) -> str:
    """What every page's HTML depends on besides its own Markdown."""
    config_file = Path(config.config_file_path) if config.config_file_path else None
    return digest(code_digest(), [version(p) for p in ("mkdocs", "mkdocs-material", "markdown", "jieba")],
                  config_file.read_bytes() if config_file and config_file.is_file() else b"",
                  config.nav, config.site_name, config.use_directory_urls,
                  sorted(f.src_uri for f in files))


class _Entries:
    """The search entries of each page: read from the last build, written for this one. A line is the
    page's path (JSON), a tab, then its entries (JSON): the index of the file reads only the paths."""

    def __init__(self, previous: Path, staged: Path):
        self.old: dict[str, tuple[int, int, int]] = {}  # path -> where its entries are, and its line's number
        self.previous = previous / ENTRIES
        if self.previous.is_file():
            offset = 0
            with self.previous.open("rb") as fh:
                for number, line in enumerate(fh):
                    uri, tab, rest = line.partition(b"\t")
                    try:  # a damaged line, or one of an earlier layout: that page is rendered again
                        self.old[json.loads(uri)] = (offset + len(uri) + 1, len(rest), number) if tab else None
                    except (ValueError, TypeError):
                        pass
                    offset += len(line)
        self.old = {k: v for k, v in self.old.items() if isinstance(k, str) and v is not None}
        self.reader = self.previous.open("rb") if self.old else None
        self.out = (staged / ENTRIES).open("wb")

    def __contains__(self, uri: str) -> bool:
        return uri in self.old

    def read(self, uri: str):
        return json.loads(self.read_bytes(uri))

    def read_bytes(self, uri: str) -> bytes:
        """A page's kept entries as written (JSON), to parse or to keep as they are."""
        offset, size, _ = self.old[uri]
        self.reader.seek(offset)
        return self.reader.read(size).rstrip(b"\n")

    def number(self, uri: str) -> int:
        """The page's place in the last build's order (its entries were written in the order pages came)."""
        return self.old[uri][2]

    def add(self, uri: str, entries, kept: bytes | None = None) -> None:
        """A page's entries for the next build; `kept`: the same entries as read_bytes gave them."""
        self.out.write(json.dumps(uri, ensure_ascii=False).encode("utf-8") + b"\t"
                       + (kept if kept is not None else json.dumps(entries, ensure_ascii=False).encode("utf-8"))
                       + b"\n")

    def close(self) -> None:
        self.out.close()
        if self.reader:
            self.reader.close()


class _MaterialIndex:
    """Material's search plugin as the indexer: note the entries it made for each page, and hand
    a reused page's kept entries to it and to the handlers that run after it."""

    def __init__(self, search, entries: _Entries, config):
        self.search, self.entries, self.start = search, entries, 0
        handlers = config.plugins.events["page_context"]
        at = handlers.index(search.on_page_context)
        self.after_search = handlers[at + 1:]
        handlers[at:at + 1] = [self.before, search.on_page_context, self.after]

    def before(self, context, *, page, config, nav):
        self.start = len(self.search.search_index.entries)
        return context

    def after(self, context, *, page, config, nav):
        self.entries.add(page.file.src_uri, [dict(e) for e in self.search.search_index.entries[self.start:]])
        return context

    def replay(self, file, config, nav) -> None:
        kept = self.entries.read_bytes(file.src_uri)
        self.search.search_index.entries.extend(json.loads(kept))
        self.entries.add(file.src_uri, None, kept)
        for handler in self.after_search:
            handler(None, page=file.page, config=config, nav=nav)


class _OwnIndex:
    """The project's own index writer (index.OwnIndexWriter, when the theme's search is off): keep
    each page's enriched entries with the page's search settings they were made with, and what the
    index took of them (shards.counted) ahead of them on the line; a reused page is added again in
    its place from what was counted, its entries read only if its text part must be made again, and
    enriched anew only when its settings changed (enriching every page's entries again was most of a
    one-task rebuild's search index; reading and counting them, most of what was left)."""

    def __init__(self, own, entries: _Entries, config, previous: Path):
        self.own, self.entries = own, entries
        own.previous = previous  # its parts of unchanged bytes are linked from there
        handlers = config.plugins.events["page_context"]
        handlers.insert(handlers.index(own.on_page_context) + 1, self.after)

    def after(self, context, *, page, config, nav):
        self._keep(page.file.src_uri, self.own.settings(page.url), self.own.last, self.own.last_counted)
        return context

    def _keep(self, uri: str, settings: str, entries: list[dict], counted: list[list]) -> None:
        head = {"settings": settings, "boost": entries[0].get("boost", 1) if entries else 1, "counted": counted}
        self.entries.add(uri, None, json.dumps(head, ensure_ascii=False).encode("utf-8") + b"\t"
                         + json.dumps(entries, ensure_ascii=False).encode("utf-8"))

    def replay(self, file, config, nav) -> None:
        url, kept = file.page.url, self.entries.read_bytes(file.src_uri)
        settings = self.own.settings(url)
        head, tab, rest = kept.partition(b"\t")  # JSON has no raw tab: an earlier layout has none
        found = json.loads(head)
        if tab and isinstance(found, dict) and found.get("settings") == settings:
            self.own.add_counted(url, found["boost"], found["counted"], config, self.entries.number(file.src_uri),
                                 lambda: [[e["title"], e["text"]] for e in json.loads(rest)])
            self.entries.add(file.src_uri, None, kept)
            return
        if tab:
            raw = json.loads(rest)
        else:  # earlier layouts: {"settings", "entries"}, or the raw entries
            raw = found.get("entries", []) if isinstance(found, dict) else found
        entries = self.own.enrich(url, raw)
        self._keep(file.src_uri, settings, entries, self.own.add(url, entries, config))


def _indexer(config, cache: StageCache | None):
    """Whichever plugin indexes the pages for search, wrapped to keep and replay its entries."""
    from .index import OWN_NAME
    if cache is None:
        return None
    search, own = config.plugins.get(SEARCH), config.plugins.get(OWN_NAME)
    if search is not None and search.config.enabled:
        return _MaterialIndex(search, _Entries(cache.previous, Path(config.site_dir)), config)
    if own is not None:
        return _OwnIndex(own, _Entries(cache.previous, Path(config.site_dir)), config, cache.previous)
    return None


def link(source: str, target: str) -> None:
    os.makedirs(os.path.dirname(target), exist_ok=True)
    try:
        os.link(source, target)  # only read from the site; the docs tree is temporary
    except OSError:
        shutil.copyfile(source, target)


CONTEXT = "<context>/"  # in the keys: the context key a generated page's Markdown key was made for


def _reused(cache: StageCache, entries: _Entries | None, file, shared: str, source: Source | None) -> bool:
    """Take the page's HTML from the last build if its Markdown is the same. A generated page whose
    context key is the last build's has the same Markdown, unwritten; any other is written and hashed
    (a changed context may still give the same Markdown: a task's text not shown on a unit page)."""
    dest = file.dest_uri
    context = digest(shared, file.src_uri, source.key) if source is not None else None
    if context is not None:
        cache.new[CONTEXT + dest] = context
    if entries is not None and file.src_uri not in entries:  # its search entries are gone: render it
        if source is not None:
            source.write(file)
        cache.remember(dest, _markdown_key(shared, file))
        return False
    if source is not None:
        known = cache.old.get(dest)
        if cache.old.get(CONTEXT + dest) == context and isinstance(known, str) and cache.intact(dest):
            return cache.reuse(dest, known)
        source.write(file)
    return cache.reuse(dest, _markdown_key(shared, file))


def _markdown_key(shared: str, file) -> str:
    return digest(shared, file.src_uri, file.content_bytes)


def build(config, cache: StageCache | None, lazy: dict[str, Source] | None = None,
          coming: dict[str, str] | None = None) -> None:
    """`mkdocs build` of a loaded configuration, reusing the pages `cache` holds from the last build.

    A page in `lazy` (by its path in the docs tree) is keyed by its Source's key instead of its
    Markdown, which is written only when the page is not reused. `coming`: files of the docs tree
    (path -> the file) another stage is still writing (the maps' PDFs, exported while the site is
    built: policykb.background), listed as if there; the caller links them into the site once written."""
    from mkdocs import utils
    from mkdocs.commands.build import _build_extra_template, _build_page, _build_theme_template, _populate_page
    from mkdocs.exceptions import Abort, BuildError
    from mkdocs.structure.files import File, Files, InclusionLevel, file_sort_key, get_files, set_exclusions
    from mkdocs.structure.nav import get_navigation
    from mkdocs.structure.pages import Page

    warnings = utils.CountHandler()
    warnings.setLevel(logging.WARNING)
    if config.strict:
        logging.getLogger("mkdocs").addHandler(warnings)
    inclusion = InclusionLevel.is_included
    entries = None
    try:
        start = time.monotonic()
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        utils.clean_directory(config.site_dir)
        files = get_files(config)
        later = coming or {}
        if lazy or later:  # pages not in the docs tree (made only when needed), in the order get_files gives all
            files = Files(sorted([*files, *(File.generated(config, uri, content="") for uri in lazy or ()),
                                  *(File.generated(config, uri, abs_src_path=path) for uri, path in later.items())],
                                 key=file_sort_key))
        env = config.theme.get_env()
        files.add_files_from_theme(env, config)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        nav = get_navigation(files, config)
        nav = config.plugins.on_nav(nav, config=config, files=files)

        shared = _shared_key(config, files) if cache is not None else ""
        indexer = _indexer(config, cache)
        entries = indexer.entries if indexer else None

        reused: set[str] = set()  # their entries are read when their turn comes: never all in memory
        for file in files.documentation_pages(inclusion=inclusion):
            if file.page is None and file.inclusion.is_not_in_nav():
                Page(None, file, config)
            source = (lazy or {}).get(file.src_uri)
            if cache is not None and _reused(cache, entries, file, shared, source):
                reused.add(file.src_uri)
                continue
            if source is not None:
                source.write(file)
            _populate_page(file.page, config, files)

        env = config.plugins.on_env(env, config=config, files=files)
        for file in files:  # static files, linked rather than copied: the downloads are most of the site
            if not file.is_documentation_page() and inclusion(file.inclusion) and file.src_uri not in later:
                if file._content is None and Path(file.abs_src_path).is_relative_to(config.docs_dir):
                    link(file.abs_src_path, file.abs_dest_path)
                else:
                    file.copy_file()
        for template in config.theme.static_templates:
            _build_theme_template(template, env, files, config, nav)
        for template in config.extra_templates:
            _build_extra_template(template, files, config, nav)

        doc_files = files.documentation_pages(inclusion=inclusion)
        for file in doc_files:
            if file.src_uri in reused:
                if indexer:  # in the page's place, as if the search plugin had just indexed it
                    indexer.replay(file, config, nav)
                continue
            _build_page(file.page, config, doc_files, nav, env)
        for file in doc_files:
            if file.page.content is not None:  # pages reused have nothing to check
                file.page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
        if entries:
            entries.close()
            entries = None
        config.plugins.on_post_build(config=config)
        if counts := warnings.get_counts():
            raise Abort(f"Aborted with {', '.join(f'{v} {k.lower()}s' for k, v in counts)} in strict mode!")
        log.info(f"Documentation built in {time.monotonic() - start:.2f} seconds")
    except Exception as e:
        config.plugins.on_build_error(error=e)
        if isinstance(e, BuildError):
            log.error(str(e))
            raise Abort("Aborted with a BuildError!")
        raise
    finally:
        if entries:
            entries.close()
        logging.getLogger("mkdocs").removeHandler(warnings)
