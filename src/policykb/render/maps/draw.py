"""Battle maps (作战图): tasks down, time across, drawn from the knowledge base for the wall and the screen.

    plan (which maps, which rows) -> layout (sizes, wrapping) -> svg -> paper (sheet or A3 tiles) -> export

`write` renders every map of every document into a folder with a manifest.json (and, for each
unit's map, a preview cropped to what is drawn, for the unit's page); `stage` is the build stage.
Outputs are deterministic: the as-of date is an input, never the clock, and once a policy's period
is over its maps show the period's end, so they no longer change with the build date.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Iterator

from ...background import BackgroundFiles
from ...cache import StageCache, portable
from ...graph import PolicyGraph
from ...names import safe_filename
from ...output import atomic_write
from ...parallel import give_back_memory, ordered, worker_count
from ...period import phase
from ...progress import Track, quiet
from ...status import Statuses
from . import export as maps_export, paper as maps_paper, svg as maps_svg, text as maps_text
from .cascade import write as member_charts
from .layout import Layout, Options, layout, shown, wall_layout, wall_ready
from .plan import MapSpec, plan

FORMATS = ("svg", "pdf", "png")
MANIFEST = "manifest.json"
PREVIEW = ".preview.svg"  # beside a unit map's .svg: the same map cropped to what is drawn
# Below this many maps, draw in this process: a one-task edit redraws about eight, tens of milliseconds
# each, and workers (forked from the forkserver, which imports typst and fontTools once) cost more to
# start the first time than that.
MIN_PARALLEL = 32


@dataclass(frozen=True)
class Rendered:
    spec: MapSpec
    layout: Layout
    svg: str  # the whole chart on one sheet
    pages: tuple[str, ...]  # what is printed: the sheet, or its A3 tiles
    preview: str | None = None  # a unit's map cropped to what is drawn, for its page on the site


def axis_years(spec: MapSpec, years: tuple[int, int] | None = None) -> tuple[int, int]:
    """The years a map's time axis spans: those asked for, else its policy's period (a 2023—2025 plan
    is drawn on 2023—2025, not on the bundled policy's 2016—2020)."""
    return years or (spec.period[0].year, spec.period[1].year)


def render(spec: MapSpec, as_of: dt.date, *, paper: str = "A1", statuses_given: bool = False,
           years: tuple[int, int] | None = None, lead_months: int | None = None, note: str | None = None,
           wall: bool = False) -> Rendered | None:
    """One map on one paper choice; with `wall`, only if every text fits whole at 4 mm (else None)."""
    opts = Options(as_of=as_of, paper=maps_paper.sheet(paper), years=axis_years(spec, years), lead_months=lead_months,
                   tracked=statuses_given, period=spec.period, note=note, paper_name=maps_paper.name(paper))
    laid = wall_layout(spec, opts) if wall else layout(spec, opts)
    if laid is None:
        return None
    drawn = maps_svg.draw(laid)
    svg = maps_svg.document(laid, drawn)
    preview = maps_svg.document(laid, drawn, maps_svg.content_box(laid)) if spec.kind == "unit" else None
    page = maps_paper.tile_page(paper)
    if page is None:
        return Rendered(spec, laid, svg, (svg,), preview)
    pages = tuple(maps_paper.tile_svg(laid, t, drawn) for t in maps_paper.tiles(laid.width, laid.used_height, page))
    return Rendered(spec, laid, svg, pages, preview)


OVERFLOW_NOTE = "本图任务多，一张A0纸放不下字高4毫米的全部任务原文，故分两张A0拼贴"


def overflow_note(laid: Layout) -> str:
    """The legend's word on a map too big even for two A0 sheets: its smaller text, and any cut text."""
    cut = "，部分任务文字截断（以…结尾，全文见网站任务页）" if shown(laid) < 0.999 else ""
    return f"{OVERFLOW_NOTE}；两张仍放不下，字高缩至{laid.size:g}毫米{cut}"


def render_on_paper(spec: MapSpec, as_of: dt.date, paper: str, **kw) -> tuple[str, Rendered]:
    """The paper a map goes on, and the map. The overall map: one A0 sheet, every text whole at 4 mm or
    more; where one sheet cannot hold that, two A0 sheets, said in its legend. With `auto`, a section or
    unit map goes on the smallest sheet (A3, A2, A1, A0) that shows it so: a unit's one row is not
    printed on A1, and 省扶贫办's 53 rows are not cut to fit A1. Only a map too big even for A0 is set
    on A1 by the older rule (texts shortened with …). Otherwise the map is on `paper`. A short document's
    overall map (an imported list of a few tasks) is sized like the others, never bigger than it needs."""
    if spec.kind == "overall" and paper in maps_paper.OVERALL_FROM:
        smaller = maps_paper.FIT[:maps_paper.FIT.index(maps_paper.OVERALL)] if paper == maps_paper.AUTO else ()
        for sheet in smaller:
            done = render(spec, as_of, paper=sheet, wall=True, **kw)
            if done is not None:
                return sheet, done
        done = render(spec, as_of, paper=maps_paper.OVERALL, **kw)
        if wall_ready(done.layout):
            return maps_paper.OVERALL, done
        tiled = render(spec, as_of, paper=maps_paper.OVERFLOW, note=OVERFLOW_NOTE, **kw)
        if not wall_ready(tiled.layout):  # not even two sheets hold it: say how it was made to fit
            tiled = render(spec, as_of, paper=maps_paper.OVERFLOW, note=overflow_note(tiled.layout), **kw)
        return maps_paper.OVERFLOW, tiled
    if paper != maps_paper.AUTO:
        return paper, render(spec, as_of, paper=paper, **kw)
    for sheet in maps_paper.FIT:
        done = render(spec, as_of, paper=sheet, wall=True, **kw)
        if done is not None:
            return sheet, done
    return "A1", render(spec, as_of, paper="A1", **kw)


def drawn_from(spec: MapSpec, rows: dict[int, str]) -> list:
    """What a map is drawn from, for its cache key (without the source files' paths): the spec but its
    rows, and each row's repr, made once per row object in `rows` (by id: the specs keep the rows
    alive). The reprs of the tasks' models were most of an unchanged map's cost in a rebuild."""
    for row in spec.rows:
        if id(row) not in rows:
            rows[id(row)] = portable(repr(row))
    return [portable(repr(replace(spec, groups=()))),
            [[g.label, g.section, [rows[id(r)] for r in g.rows]] for g in spec.groups]]


def file_stem(spec: MapSpec) -> str:
    """Where a map's files go: below its document's folder, each part of its key a safe name."""
    return "/".join([spec.doc, *(safe_filename(part) for part in spec.key.split("/"))])


def write(pg: PolicyGraph, out: Path | str, *, as_of: dt.date, statuses: Statuses | None = None,
          units: list[str] | None = None, paper: str = "A1", formats: tuple[str, ...] = FORMATS,
          years: tuple[int, int] | None = None, lead_months: int | None = None,
          track: Track = quiet, cache: StageCache | None = None,
          later: list[BackgroundFiles] | None = None) -> dict:
    """Render the maps of every document into `out`; returns (and writes) the manifest.

    With a cache, a map whose rows, statuses and options are unchanged since the last build is
    taken from that build (its files and manifest entry) instead of being drawn again. Maps are
    drawn first (layout, SVG), then exported to PDF; with `later` (the build), the PDFs are still
    being exported when this returns, by what it appends to `later` (see policykb.background).
    """
    out = Path(out)
    specs = [s for doc in sorted(pg.kb.documents) for s in plan(pg, doc, statuses, units)]
    previous = _previous_entries(cache)
    rows: dict[int, str] = {}  # each row's part of the keys, once: maps share rows (plan)
    entries: list[dict | None] = []
    todo, previews = [], {}  # first what is reused, so that workers are started only for what is drawn
    for spec in specs:
        stem = file_stem(spec)
        files = [f"{stem}.{fmt}" for fmt in FORMATS if fmt in formats]
        preview = f"{stem}{PREVIEW}" if spec.kind == "unit" and "svg" in formats else None
        if preview:
            previews[f"{stem}.svg"] = preview
        if cache:
            key = cache.key(drawn_from(spec, rows), shown_as_of(spec, as_of), paper, maps_paper.OVERALL, axis_years(spec, years), lead_months,
                            statuses is not None, maps_export.exporter())
            if all([cache.reuse(f, key) for f in files + [preview] if f]) and (spec.doc, spec.key) in previous:
                entries.append(previous[(spec.doc, spec.key)])
                continue
        todo.append((len(entries), spec, stem, files, preview))
        entries.append(None)
    del rows, previous  # gone before the maps are drawn: at 100x the rows' reprs alone are 40 MB
    maps_export.use_fonts()  # before the workers start: they take this environment
    jobs = [((at, spec, stem, files, preview),
             DrawJob(spec, stem, as_of, paper, statuses is not None, years, lead_months, tuple(formats), preview))
            for at, spec, stem, files, preview in todo]
    pages = tempfile.TemporaryDirectory(prefix="policykb-pages-")  # a tiled map's pages, until exported
    exports = []
    for (at, spec, stem, files, preview), drawn in ordered(draw_files, track(jobs, "绘制作战图"), min_jobs=MIN_PARALLEL):
        for name, data in drawn.files.items():
            atomic_write(out / name, data)
        if "pdf" in formats:
            exports.append(ExportJob(f"{stem}.pdf", os.path.abspath(out / f"{stem}.pdf"),
                                     _page_files(out, stem, drawn, Path(pages.name))))
        entries[at] = {"map": spec.key, "doc": spec.doc, "kind": spec.kind,
                       "title": f"{spec.title}·{spec.subject}", "unit": spec.unit, "paper": drawn.sheet,
                       "paper_name": maps_paper.name(drawn.sheet), "years": list(axis_years(spec, years)),
                       "pages": len(drawn.pages or [None]), "size_mm": drawn.size_mm, "font_mm": drawn.font_mm,
                       "files": files, "tasks": spec.tasks}
    if units is None:  # issue 24: each parent document's tasks × members chart; none without a cascade
        entries += member_charts(pg, out, as_of=as_of, statuses=statuses, formats=formats, cache=cache)
    manifest = {"documents": _documents(pg, as_of), "maps": entries, "previews": previews}
    atomic_write(out / MANIFEST, (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    writing = partial(_exported, out, exports, pages)
    if later is not None and len(exports) >= MIN_PARALLEL:  # fewer are exported here, in this process
        later.append(BackgroundFiles(out, [job.name for job in exports], writing))
    else:
        for _ in writing(threading.Event(), _SET):
            pass
    return manifest


def _page_files(out: Path, stem: str, drawn: Drawn, folder: Path) -> tuple[str, ...]:
    """Where the export reads a map's pages: its .svg when that is its one page, else files of their own.
    The pages are read back rather than held: at a hundred documents they are gigabytes."""
    if drawn.pages is None:
        return (os.path.abspath(out / f"{stem}.svg"),)
    paths = []
    for i, page in enumerate(drawn.pages):
        path = folder / stem / f"{i}.svg"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(page.encode("utf-8"))
        paths.append(str(path))
    return tuple(paths)


_SET = threading.Event()
_SET.set()  # `wanted` when the PDFs are exported before anything else is done


def _exported(out: Path, exports: list[ExportJob], pages: tempfile.TemporaryDirectory,
              started: threading.Event, wanted: threading.Event) -> Iterator[str]:
    """Export each map's PDF in a worker process; yields each file's name once it is written. The
    worker writes the files: this process, building the site meanwhile, only hands out the jobs.

    One worker, one PDF at a time while this process has work of its own (`wanted` not set: the site
    is being built), so that each has a core; then that worker exports as many at once as there are
    cores, in threads (`_batches`). A second worker would load typst's fonts again: at 100x the tree's
    peak was the site's wait with two export workers of about 200 MB each beside it."""
    try:
        for batch, _ in ordered(export_pdfs, _batches(exports, wanted), min_jobs=MIN_PARALLEL, started=started,
                                processes=1):
            yield from (job.name for job in batch)
    finally:
        pages.cleanup()


def _batches(exports: list[ExportJob], wanted: threading.Event) -> Iterator[tuple[tuple, tuple]]:
    """The export jobs for `ordered`: one at a time until `wanted` is set, then a core's worth at a time."""
    jobs = iter(exports)
    for job in jobs:
        batch = (job, *islice(jobs, worker_count() - 1)) if wanted.is_set() else (job,)
        yield batch, batch


@dataclass(frozen=True)
class DrawJob:
    """One map to lay out and draw, as a worker process gets it."""
    spec: MapSpec
    stem: str
    as_of: dt.date
    paper: str
    statuses_given: bool
    years: tuple[int, int] | None
    lead_months: int | None
    formats: tuple[str, ...]
    preview: str | None


@dataclass(frozen=True)
class Drawn:
    """A drawn map's files (name -> bytes), its pages when they are not its one sheet (tiles), and
    what the manifest says of it."""
    sheet: str
    pages: tuple[str, ...] | None
    size_mm: list[float]
    font_mm: float
    files: dict[str, bytes]


def draw_files(job: DrawJob) -> Drawn:
    """Lay out and draw one map: its SVG, preview and PNG; the PDF is exported apart (export_pdf)."""
    global _DOCUMENT
    if job.spec.doc != _DOCUMENT:  # what the wrapping remembered is one document's texts: at a hundred
        maps_text.forget()  # documents, kept until the caches' bounds, it was hundreds of megabytes
        _DOCUMENT = job.spec.doc
    sheet, done = render_on_paper(job.spec, job.as_of, job.paper, statuses_given=job.statuses_given,
                                  years=job.years, lead_months=job.lead_months)
    files = {}
    if "svg" in job.formats:
        files[f"{job.stem}.svg"] = done.svg.encode("utf-8")
    if job.preview:
        files[job.preview] = done.preview.encode("utf-8")
    if "png" in job.formats:
        files[f"{job.stem}.png"] = maps_export.png(done.svg)
    pages = None if done.pages == (done.svg,) and "svg" in job.formats else done.pages
    drawn = Drawn(sheet, pages, [done.layout.width, done.layout.height], done.layout.size, files)
    del done
    give_back_memory(sum(map(len, files.values())))
    return drawn


@dataclass(frozen=True)
class ExportJob:
    """One map's PDF: its name in the output, where it goes, and the files holding its pages."""
    name: str
    target: str
    pages: tuple[str, ...]


def export_pdf(job: ExportJob) -> None:
    pages = [Path(p).read_bytes().decode("utf-8") for p in job.pages]
    atomic_write(Path(job.target), maps_export.pdf(pages, job.name))
    give_back_memory(sum(map(len, pages)))


def export_pdfs(batch: tuple[ExportJob, ...]) -> None:
    """Several PDFs at once, a thread each: typst lets go of the interpreter while it compiles, and the
    threads share the fonts it has loaded (about 100 MB a process)."""
    if len(batch) == 1:
        return export_pdf(batch[0])
    with ThreadPoolExecutor(len(batch)) as pool:
        for _ in pool.map(export_pdf, batch):  # the first error, as one job at a time raises it
            pass


_DOCUMENT: str | None = None  # the document whose texts the wrapping caches hold


def shown_as_of(spec: MapSpec, as_of: dt.date) -> tuple[str, bool]:
    """The day a map shows and whether its period is over: after the end, whatever the build date,
    the map shows the final state at the period's end (and is the same file)."""
    if spec.period is None:
        return as_of.isoformat(), False
    return min(as_of, spec.period[1]).isoformat(), as_of > spec.period[1]


def _documents(pg: PolicyGraph, as_of: dt.date) -> dict[str, dict]:
    """Per document: its period, where the build day falls in it and the day its maps show (never a
    build date after the period's end)."""
    out = {}
    for doc in sorted(pg.kb.documents):
        period = pg.period(doc)
        out[doc] = {"period": {"start": period.start.isoformat(), "end": period.end.isoformat()},
                    "phase": phase(period, as_of), "shown_as_of": min(as_of, period.end).isoformat()}
    return out


def _previous_entries(cache: StageCache | None) -> dict[tuple[str, str], dict]:
    """The last build's manifest entries by (document, map key), for maps reused from it."""
    try:
        manifest = json.loads((cache.previous / MANIFEST).read_text(encoding="utf-8"))
        return {(e["doc"], e["map"]): e for e in manifest["maps"]}
    except (AttributeError, OSError, ValueError, KeyError, TypeError):
        return {}


def stage(ctx) -> None:
    """The `maps` build stage: SVG + PDF of every map into build/maps/, each on the paper it needs; the
    PDFs are exported while the site is built (it links them last)."""
    later: list[BackgroundFiles] = []
    write(ctx.pg, ctx.out("maps"), as_of=ctx.as_of, statuses=ctx.statuses or None,
          paper=ctx.options.get("paper", maps_paper.AUTO), formats=("svg", "pdf"), track=ctx.track,
          cache=ctx.cache("maps"), later=later)
    ctx.background.update({"maps": files for files in later})
    maps_text.forget()  # the stages after measure nothing
