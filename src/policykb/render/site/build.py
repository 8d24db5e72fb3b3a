"""The static site: generated pages + hand-written docs/, built by mkdocs-material, searchable offline.

    docs tree (temp) = docs/ (guide, scripts, styles) + pages from templates/site/*.md.j2
    mkdocs build (strict, offline plugin) -> site/ ; its search index gets bigram fields as it is written.
"""
from __future__ import annotations

import datetime as dt
import html
import io
import logging
import os
import shutil
import tempfile
import zipfile
from functools import partial
from pathlib import Path

from ... import heap, paths
from ...background import BackgroundFiles
from ...cache import StageCache, tree_digest
from ...graph import PolicyGraph
from ...output import atomic_write
from ...progress import Track, quiet
from ...reproducible import normalize_zip
from ...status import Statuses
from . import compact, files, incremental, index
from .pagekeys import PageKeys
from .pages import Page, Paths, site_pages, slugs, task_events, unit_names
from .preview import first_letter
from .search import unit_places
from .text import environment, render

CONFIG = paths.SITE_CONFIG
DOCS = paths.SITE_DOCS
SITE_TEMPLATES = "site"
CHARTS = "charts"  # below the tracking stage's output


class SiteError(Exception):
    """mkdocs could not build the site (a broken link in strict mode, a bad template …); `warnings`
    holds what mkdocs logged before it stopped (which page, which link)."""

    def __init__(self, message: str, warnings: list[str] | None = None):
        super().__init__(message)
        self.warnings = list(warnings or [])


NAV_DOCUMENTS = 10  # more documents than this are listed on the home page only, not in the sidebar


def nav(pg: PolicyGraph, docs: Path) -> list:
    """The sidebar. Every page carries all of it, so its size multiplies the site's: with many
    documents it stays short (the home page links each document's pages)."""
    paths = Paths(pg)
    items: list = [{"首页": "index.md"}]
    documents = list(pg.documents()) if len(pg.kb.documents) <= NAV_DOCUMENTS else []
    for doc in documents:
        label = html.escape(doc.meta.label, quote=False)  # mkdocs puts nav titles into pages unescaped
        items.append({label: [{"条文目录": paths.document(doc.id)}, {"分工方案": paths.table(doc.id)},
                              {"指标": paths.indicators(doc.id)}]})
    items += [{"责任单位": "units/index.md"}, {"时间表": "calendar.md"}, {"作战图": "maps.md"},
              {"下载": "downloads.md"}, {"修订记录": "changes.md"}]
    # The maintainers' guide (guide/*.md) is kept out of the readers' tabs: the home page's footer links it.
    return items


def site_templates(templates: Path) -> tuple[Path, ...]:
    """Where the site's page templates are looked up: the knowledge base's templates/site/ (pages it edited), then the
    packaged ones. `policykb init` copies none, so an upgrade of policykb reaches every page nobody changed."""
    own, packaged = Path(templates) / SITE_TEMPLATES, paths.packaged(paths.TEMPLATES) / SITE_TEMPLATES
    return (own,) if own.resolve() == packaged.resolve() else (own, packaged)


def write_docs(pg: PolicyGraph, docs: Path, *, as_of: dt.date, templates: Path, handwritten: Path | None,
               policies: Path, statuses: Statuses | None = None, letters: Path | None = None,
               maps: Path | None = None, tracking=None, charts: Path | None = None, data: Path | None = None,
               extra: dict[str, str] | None = None, track: Track = quiet,
               lazy: dict[str, "incremental.Source"] | None = None,
               known_versions: dict[str, dict] | None = None, maps_coming: BackgroundFiles | None = None,
               deferred: dict[str, str] | None = None) -> list[Page]:
    """Fill `docs` with the hand-written pages (`extra` replaces some), the downloads and every generated page.

    With `lazy` (an incremental build), a page whose context has a key (see pagekeys) is not written:
    its key and maker go into `lazy` under its path, and mkdocs' build makes it only if needed.

    `tracking` (policykb.track.Tracking) adds each task's events; `charts` is the tracking stage's
    folder of indicator charts (<doc>/<id>.svg), shown for indicators with recorded values.
    `known_versions`: the change log's versions worked out before (see files.history).
    `maps_coming`: the maps' files still being written; they go into `deferred` (see files.stage_files).
    """
    if handwritten is not None and Path(handwritten).is_dir():
        shutil.copytree(handwritten, docs, dirs_exist_ok=True)
    for name, text in (extra or {}).items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    units = pg.units_with_tasks() + pg.members_with_tasks()  # a 市州 has its own letter, map and page
    slugs(unit_names(pg))  # every unit's at once, in one worker: the letters, the maps and the pages ask
    letter_units, _ = files.stage_files(letters, "letters", docs, units)
    map_units, map_list = files.stage_files(maps, "maps", docs, units, maps_coming, deferred)
    unit_files = {u: {"letters": letter_units.get(u, []), "maps": map_units.get(u, []),
                      "letter_preview": first_letter(docs, letter_units.get(u, []))} for u in units}
    pages = site_pages(pg, as_of=as_of, statuses=statuses, unit_files=unit_files, maps=map_list,
                       downloads=files.write_downloads(pg, docs, letters, data, policies),
                       history=files.history(pg, policies, Paths(pg), known=known_versions),
                       errors=files.error_catalogue(), events=task_events(tracking),
                       charts=files.charts(charts, docs, getattr(tracking, "values", None)),
                       values=getattr(tracking, "values", None))
    folders = site_templates(templates)
    env = environment(*folders)
    keys = PageKeys(tree_digest(*folders)) if lazy is not None else None
    for page in track(pages, "网站页面"):
        target = docs / page.path
        key = keys.key(page.template, page.context) if keys else None
        if key is None:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(render(env, page.template, page.path, **page.context), encoding="utf-8")
        else:  # made only if the last build has no page for this key (incremental.build asks)
            lazy[page.path] = incremental.Source(key, partial(_make_page, env, page))
    return pages


def _make_page(env, page: Page) -> str:
    return render(env, page.template, page.path, **page.context)


class _Collected(logging.Handler):
    """The warnings mkdocs logs, kept to be shown when strict mode aborts the build."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage().replace("\n", " "))


def mkdocs_build(config: Path, docs: Path, site: Path, as_of: dt.date | None = None,
                 search: dict[str, dict] | None = None, cache: StageCache | None = None,
                 lazy: dict[str, "incremental.Source"] | None = None,
                 coming: dict[str, str] | None = None, **overrides) -> None:
    """A real mkdocs build (strict) of `docs` into `site` with the repository's configuration.

    The sitemap's dates come from the as-of date, not the clock (SOURCE_DATE_EPOCH). With `search`
    (see `search_pages`), the search index gets the hidden Chinese-search fields. With `cache`,
    pages whose Markdown (or, for those in `lazy`, whose key) is unchanged since the last build are
    taken from it (see `incremental`). `coming`: files of the docs tree still being written, not linked.
    """
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if as_of is not None:
        os.environ["SOURCE_DATE_EPOCH"] = str(int(dt.datetime(as_of.year, as_of.month, as_of.day,
                                                               tzinfo=dt.timezone.utc).timestamp()))
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    warnings = _Collected()
    logging.getLogger("mkdocs").addHandler(warnings)
    logging.getLogger("jieba").setLevel(logging.WARNING)  # its "Building prefix dict…" lines are noise to users
    try:
        cfg = load_config(config_file=str(config), docs_dir=str(docs), site_dir=str(site), **overrides)
        compact.install(cfg)
        if search is not None:
            index.install(cfg, search)
        incremental.build(cfg, cache, lazy, coming)
        if not cfg.site_url:  # a sitemap needs the site's address: without one mkdocs writes an empty list
            for name in ("sitemap.xml", "sitemap.xml.gz"):
                (Path(site) / name).unlink(missing_ok=True)
    except (MkDocsException, SystemExit) as e:  # "Aborted with 7 warnings": say which (issue 26)
        shown = "".join(f"\n  {w}" for w in warnings.lines[:20])
        more = f"\n  … {len(warnings.lines) - 20} more" if len(warnings.lines) > 20 else ""
        raise SiteError(f"mkdocs 生成网站失败：{e}{shown}{more}", warnings.lines) from e
    finally:
        logging.getLogger("mkdocs").removeHandler(warnings)
        if epoch is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = epoch


def search_pages(pages: list[Page]) -> dict[str, dict]:
    places = unit_places(pages)
    return {p.path[:-3] + ".html": {"keywords": p.keywords, "body": p.body, "section_titles": p.section_titles,
                                  "boost": p.boost, **({"places": places[p.path]} if p.path in places else {})}
            for p in pages}


def render_site(pg: PolicyGraph, out: Path, *, as_of: dt.date, templates: Path, policies: Path,
                config: Path = Path(CONFIG), handwritten: Path | None = Path(DOCS), statuses: Statuses | None = None,
                letters: Path | None = None, maps: Path | None = None, tracking=None, charts: Path | None = None,
                data: Path | None = None, extra: dict[str, str] | None = None, enrich_search: bool = True,
                track: Track = quiet, cache: StageCache | None = None,
                maps_coming: BackgroundFiles | None = None, coming: dict[str, str] | None = None) -> list[Page]:
    """Build the whole site into `out` (an empty or missing folder); with `cache`, pages unchanged
    since the build it holds are taken from there. `maps_coming`: the maps' files still being
    written (the build's PDFs); they go into `coming` (path in the site -> the file), for the caller
    to link once they are written (`link_coming`)."""
    with tempfile.TemporaryDirectory(prefix="policykb-docs-") as tmp:
        docs = Path(tmp) / "docs"
        docs.mkdir()
        lazy = {} if cache is not None else None
        known = files.remembered_versions(cache.previous) if cache is not None else None
        coming = {} if coming is None else coming
        pages = write_docs(pg, docs, as_of=as_of, templates=templates, handwritten=handwritten, policies=policies,
                           statuses=statuses, letters=letters, maps=maps, tracking=tracking, charts=charts,
                           data=data, extra=extra, track=track, lazy=lazy, known_versions=known,
                           maps_coming=maps_coming, deferred=coming)
        mkdocs_build(Path(config), docs, Path(out), as_of, search=search_pages(pages) if enrich_search else None,
                     cache=cache, lazy=lazy, coming=coming, nav=nav(pg, docs), strict=True)
    if known:
        files.remember_versions(Path(out), known)
    os.chmod(out, 0o755)  # staging folders are private; the site is for everyone on the machine
    return pages


def zip_site(site: Path, target: Path) -> Path:
    """One zip of the site, with fixed timestamps, to copy onto an intranet machine."""
    data = io.BytesIO()
    root = target.stem
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as z:
        for f in sorted(p for p in Path(site).rglob("*") if p.is_file() and not p.name.startswith(".")):
            z.write(f, f"{root}/{f.relative_to(site).as_posix()}")
    atomic_write(target, normalize_zip(data.getvalue()))
    return target


def run_stage(ctx) -> None:
    """The `site` build stage: links the letters', maps' and tracking stages' outputs when they exist;
    the maps' PDFs still being exported, once they are written."""
    if "letters" in ctx.background:  # every letter is linked and previewed: all of them first
        ctx.background["letters"].finish()
        # what the letters' thread freed goes back before the site's peak: at 100x they end after the
        # maps stage's settle, and glibc keeps a thread's freed memory in that thread's own heap
        heap.settle()
    root = Path(ctx.templates).resolve().parent
    coming: dict[str, str] = {}
    render_site(ctx.pg, ctx.out("site"), as_of=ctx.as_of, templates=ctx.templates, policies=ctx.policies,
                config=paths.project_file(CONFIG, root), handwritten=paths.project_file(DOCS, root),
                statuses=getattr(ctx, "statuses", None), letters=ctx.out("letters"), maps=ctx.out("maps"),
                tracking=getattr(ctx, "tracking", None), charts=ctx.out("tracking") / CHARTS, track=ctx.track,
                cache=ctx.cache("site"), maps_coming=ctx.background.get("maps"), coming=coming,
                data=ctx.staged.get("data"))  # only when made in this build: `--only site` may follow an edit
    if coming:
        link_coming(ctx.out("site"), coming, ctx.background["maps"])


def link_coming(site: Path, coming: dict[str, str], writing: BackgroundFiles) -> None:
    """Link the files still being written into the site once they are. The site's pages and mkdocs'
    state go back first: at a hundred documents the PDFs take longer than the site, and every core
    exports them while this waits."""
    heap.settle()
    writing.finish()
    for uri, path in coming.items():
        incremental.link(path, str(Path(site) / uri))
