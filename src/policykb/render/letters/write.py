"""Responsibility letters (责任书): one .docx per unit and document, from one `tasks_of` query each.

Gather, check, then write: the template and units are checked first, and every letter is rendered
into a folder beside the output before the first one is moved in, so a bad template or unit name
leaves the output folder untouched.
"""
from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import threading
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path, PurePosixPath
from typing import Generator, Iterable, Iterator

from ... import export, paths, system
from ...background import BackgroundFiles
from ...cache import StageCache, digest, portable, tree_digest
from ...gongwen import provenance
from ...graph import PolicyGraph
from ...load import document_folders
from ...names import safe_filename
from ...output import atomic_write
from ...parallel import ordered
from ...progress import Track, quiet
from ...track.model import TRACKING_DIR
from . import packages
from .packages import DOCUMENT_KEY, as_list
from .context import DocumentParts, letter_context
from .recipients import issuing_units, recipients
from .template import LetterError, LetterTemplate

TEMPLATE = "letter.docx"
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Letter:
    """One rendered letter, as the manifest lists it."""
    document: str
    unit: str
    serial: int
    file: str
    kind: str                  # 责任书 / 告知函
    collectives: list[str]     # for a member's letter: the collectives whose tasks it carries
    lead_tasks: list[int]
    participant_tasks: list[int]
    sha256: str


def resolve_units(pg: PolicyGraph, names: list[str]) -> list[str]:
    """Canonical names for names or aliases (or a local name of one unit), in registry order; LetterError with
    did-you-mean otherwise, AmbiguousUnit for a local name of several places."""
    index = {n: u.name for u in pg.kb.units.values() for n in [u.name, *u.aliases, *([u.full_name] if u.full_name else [])]}
    index.update({m: m for u in pg.kb.units.values() for m in u.members})
    found = set()
    for name in names:
        local = pg.kb.unit_named(name) if name not in index else None  # a local name, if one unit bears it
        if local is not None:
            found.add(local.name)
            continue
        if name not in index:
            close = difflib.get_close_matches(name, list(index), n=1, cutoff=0.4)
            hint = f"是否想写 “{index[close[0]]}”？" if close else "单位名称见 policies/units.yaml"
            raise LetterError("unknown-unit", f"没有名为 “{name}” 的单位", hint=hint)
        found.add(index[name])
    members = [m for u in pg.kb.units.values() for m in u.members if m in found]
    return [u for u in pg.kb.units if u in found] + list(dict.fromkeys(members))


def _inside(folder: Path, name: str) -> Path:
    path = (folder / name).resolve()
    if path.parent != folder.resolve():
        raise LetterError("unsafe-path", f"文件名 “{name}” 会写到输出文件夹之外")
    return path


def render_all(pg: PolicyGraph, template: Path | str, *, as_of: dt.date | None = None, units: list[str] | None = None,
               track: Track = quiet, cache: StageCache | None = None) -> list[tuple[Letter, bytes]]:
    """Every letter in memory (for a few units, and for tests); `iter_letters` for many."""
    return [(letter, (cache.staged / letter.file).read_bytes() if data is None else data)
            for letter, data in iter_letters(pg, template, as_of=as_of, units=units, track=track, cache=cache)]


def iter_letters(pg: PolicyGraph, template: Path | str, *, as_of: dt.date | None = None, units: list[str] | None = None,
                 track: Track = quiet, cache: StageCache | None = None, processes: int | None = None,
                 started: threading.Event | None = None) -> Iterator[tuple[Letter, bytes]]:
    """Each letter in turn, for each document, each unit with a task there (or only `units`).

    The template and the units are checked before this returns, so errors come before any work.
    With a cache, a letter whose context and template are unchanged since the last build is taken
    from that build instead of being rendered again: it comes with None for its bytes (the cache has
    linked it into its staging folder and knows its hash). One letter at a time is held in memory.
    `processes`, `started`: for the worker processes that render them (parallel.ordered).
    """
    checked = LetterTemplate(template)
    template_digest = hashlib.sha256(checked.data).hexdigest()
    chosen = set(units) if units is not None else None
    full_names = {u.name: u.full_name or u.name for u in pg.kb.units.values()}
    properties = provenance(pg.kb.root)
    previous = _previous(cache.previous) if cache is not None and units is None else []
    shared = _shared_inputs(pg, template_digest, properties) if cache is not None else ""
    plan: list = []
    for doc in pg.documents():
        kept = _document_reused(pg, doc.id, cache, previous, shared)
        if kept is not None:
            plan += [(None, entry, None) for entry in kept]
            continue
        parts = DocumentParts(doc, pg.kb.names_in(doc.meta.jurisdiction), full_names)
        serials = {True: 0, False: 0}  # 责任书 and notices are numbered apart
        for recipient in recipients(pg, doc):
            serials[recipient.signed] += 1
            if chosen is None or recipient.name in chosen or chosen & set(recipient.units):
                plan.append((parts, recipient, serials[recipient.signed]))
    if units is not None:
        idle = [u for u in units if not any(u == r.name or u in r.units for _, r, _ in plan)]
        issuing = {u for doc in pg.documents() for u in issuing_units(pg, doc)}
        if idle and idle[0] in issuing:
            raise LetterError("no-tasks", f"“{idle[0]}” 是发文机关（甲方）：它自己牵头的任务不给自己写责任书")
        if idle:
            raise LetterError("no-tasks", f"“{idle[0]}” 在分工方案中没有任务，无需责任书")
    return _rendered(_jobs(pg, track(plan, "责任书"), cache, template_digest, properties), checked, cache,
                     processes, started)


def _jobs(pg: PolicyGraph, plan: Iterable[tuple], cache: StageCache | None, template_digest: str,
          properties: dict[str, str]) -> Iterator[tuple[dict, tuple | None]]:
    """Each letter's manifest fields, and what to render it from when it must be (None: reused from the cache)."""
    names = set()
    for parts, recipient, serial in plan:
        if parts is None:  # a letter of a document whose inputs are all unchanged (see _document_reused)
            cache.reuse(recipient["file"], cache.old[recipient["file"]])
            yield {k: v for k, v in recipient.items() if k in LETTER_FIELDS}, None
            continue
        context = letter_context(pg, parts, recipient, serial)
        name = safe_filename(recipient.name)
        if (parts.doc.id, name) in names:
            name = f"{name}-{serial}"
        names.add((parts.doc.id, name))
        file = f"{parts.doc.id}/{name}.docx"
        core = {"author": context.letter.party_a, "title": f"{context.letter.title}（{recipient.name}）",
                "date": (parts.date or parts.doc.meta.date).isoformat()}
        reused = cache and cache.reuse(file, cache.key(portable(context.model_dump(mode="json")), template_digest,
                                                       core, properties))
        fields = dict(document=parts.doc.id, unit=recipient.name, serial=serial, file=file,
                      kind=context.letter.kind, collectives=list(recipient.collectives),
                      lead_tasks=[t.number for t in context.lead_tasks],
                      participant_tasks=[t.number for t in context.participant_tasks])
        yield fields, None if reused else (context, core, properties)


LETTER_FIELDS = ("document", "unit", "serial", "file", "kind", "collectives", "lead_tasks", "participant_tasks")


def _shared_inputs(pg: PolicyGraph, template_digest: str, properties: dict) -> str:
    """What every document's letters are made from besides the document itself: the unit registry,
    every document's settings (a child task's letter quotes its parent document's level), the
    template and the provenance. Hashed once per stage."""
    root = Path(pg.kb.root)
    settings = [folder / paths.DOCUMENT_FILE for folder in document_folders(root, paths.DOCUMENT_FILE)[0]]
    return digest(tree_digest(root / paths.UNITS_FILE), tree_digest(*settings), template_digest, properties)


def _document_reused(pg: PolicyGraph, doc_id: str, cache: StageCache | None, previous: list[dict],
                     shared: str) -> list[dict] | None:
    """The last build's manifest entries of a document's letters when everything they are made from is
    unchanged (the document's policy files — not its tracking, which letters never show — and the
    shared inputs, the code): then no letter context of that document need be built, which at many
    documents is most of the stage. None when any of it changed, or a letter file is missing or damaged."""
    folder = Path(pg.kb.root) / doc_id
    if cache is None or not folder.is_dir():  # a knowledge base not read from folders: no shortcut
        return None
    policy_files = [p for p in sorted(folder.iterdir()) if p.name != TRACKING_DIR]
    key = cache.key(DOCUMENT_KEY, doc_id, tree_digest(*policy_files), shared)
    cache.new[DOCUMENT_KEY + doc_id] = key
    if cache.old.get(DOCUMENT_KEY + doc_id) != key:
        return None
    entries = [e for e in previous if e.get("document") == doc_id]
    if not entries or not all(isinstance(e.get("file"), str) and e["file"] in cache.old
                              and cache.intact(e["file"]) for e in entries):
        return None
    return entries


def _rendered(jobs: Iterator[tuple[dict, tuple | None]], template: LetterTemplate, cache: StageCache | None,
              processes: int | None, started: threading.Event | None) -> Iterator[tuple[Letter, bytes]]:
    """Contexts are made as the workers need them: a corpus's thousands are never all in memory at once."""
    for fields, data in ordered(_render, jobs, _load_template, (str(template.path), template.data),
                                processes=processes, started=started):
        if data is None:  # reused: checked when linked, so its hash is known without reading it
            yield Letter(**fields, sha256=cache.linked_hash(fields["file"])), None
        else:
            yield Letter(**fields, sha256=hashlib.sha256(data).hexdigest()), data


_TEMPLATE: LetterTemplate | None = None  # one per process: loading a template costs more than a letter


def _load_template(path: str, checked: bytes) -> None:
    global _TEMPLATE
    _TEMPLATE = LetterTemplate(path, checked=checked)  # the parent checked these bytes


def _render(job) -> bytes:
    context, core, properties = job
    return _TEMPLATE.render(context, core, properties)


def to_pdf(docx_files: list[Path], fonts_conf: Path | None = None, soffice: str | None = None) -> list[Path]:
    """Convert with LibreOffice in one call (a private profile; official font names mapped by fonts.conf)."""
    soffice = system.soffice() if soffice is None else shutil.which(soffice)
    if soffice is None:
        raise LetterError("pdf-failed", "找不到 LibreOffice（soffice），无法生成 PDF",
                          hint=f"安装 LibreOffice（Debian：libreoffice-writer-nogui），或用环境变量 {system.SOFFICE_ENV} "
                               "指明 soffice 的位置，或去掉 --pdf")
    env = dict(os.environ)
    if fonts_conf and Path(fonts_conf).is_file():
        env["FONTCONFIG_FILE"] = str(Path(fonts_conf).resolve())
    by_folder: dict[Path, list[Path]] = {}
    for f in docx_files:
        by_folder.setdefault(f.parent, []).append(f)
    with tempfile.TemporaryDirectory(prefix="policykb-lo-") as profile:
        for folder, files in by_folder.items():
            cmd = [soffice, "--headless", f"-env:UserInstallation={Path(profile).as_uri()}", "--convert-to", "pdf",
                   "--outdir", str(folder), *map(str, files)]
            done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
            if done.returncode != 0:
                raise LetterError("pdf-failed", f"LibreOffice 转换 PDF 失败：{done.stderr.strip()[:500]}")
    pdfs = [f.with_suffix(".pdf") for f in docx_files]
    missing = [p for p in pdfs if not p.is_file()]
    if missing:
        raise LetterError("pdf-failed", f"LibreOffice 没有生成 {missing[0]}")
    return pdfs


def _previous(out: Path) -> list[dict]:
    return as_list(_previous_manifest(out).get("letters"))


def _previous_manifest(out: Path) -> dict:
    """The manifest an earlier run left in `out`; {} when missing or damaged."""
    try:
        manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return manifest if isinstance(manifest, dict) else {}


def _converted(out: Path, old: list[dict]) -> dict[str, str]:
    """The letters whose PDF the last run made and left in `out`, by file, with the .docx's hash then:
    a letter with the same hash now need not be converted again (LibreOffice is the slow part)."""
    found = {}
    for entry in old:
        name, sha, made = entry.get("file"), entry.get("sha256"), entry.get("pdf")
        if isinstance(name, str) and isinstance(sha, str) and isinstance(made, str) and (out / made).is_file():
            found[name] = sha
    return found


def _remove_stale(out: Path, old: list[dict], keep: set[str]) -> None:
    """Delete letters an earlier run listed that this run no longer makes (e.g. a unit lost its tasks)."""
    for entry in old:
        for key in ("file", "pdf"):
            name = entry.get(key)
            if isinstance(name, str) and name not in keep and name.endswith((".docx", ".pdf")):
                path = (out / name).resolve()
                if out.resolve() in path.parents:
                    path.unlink(missing_ok=True)


def write_letters(pg: PolicyGraph, out: Path | str, template: Path | str, *, as_of: dt.date,
                  units: list[str] | None = None, pdf: bool = False, make_zip: bool = False,
                  with_overview: bool = False, fonts_conf: Path | None = None,
                  track: Track = quiet, cache: StageCache | None = None,
                  overview_xlsx: Path | None = None) -> list[Letter]:
    """Render, then write the letters, manifest.json and (on request) PDFs, and each document's zip and
    overview (see `writing_letters`); the letters written."""
    return _drained(writing_letters(pg, out, template, as_of=as_of, units=units, pdf=pdf, make_zip=make_zip,
                                    with_overview=with_overview, fonts_conf=fonts_conf, track=track, cache=cache,
                                    overview_xlsx=overview_xlsx))


def _drained(writing: Generator[str, None, list[Letter]]) -> list[Letter]:
    while True:
        try:
            next(writing)
        except StopIteration as done:
            return done.value


def writing_letters(pg: PolicyGraph, out: Path | str, template: Path | str, *, as_of: dt.date,
                    units: list[str] | None = None, pdf: bool = False, make_zip: bool = False,
                    with_overview: bool = False, fonts_conf: Path | None = None,
                    track: Track = quiet, cache: StageCache | None = None,
                    overview_xlsx: Path | None = None, processes: int | None = None,
                    started: threading.Event | None = None) -> Generator[str, None, list[Letter]]:
    """`write_letters`, a letter at a time: yields each letter's file once it is rendered, so that the
    build can stop it between two (see policykb.background); returns the letters written.

    Letters are rendered one by one into a folder beside `out` and moved in only when all of them
    succeeded: a bad template or unit name leaves `out` untouched. With `units`, only their letters
    are (re)written and the manifest keeps the other units' entries; without, letters an earlier
    run wrote for units that no longer have tasks are removed. Each document's 分工方案 and 责任书.zip
    go into its own folder beside its letters, and with a cache are made again only when that
    document's tables or letters changed. `overview_xlsx`: a file holding the workbook of a knowledge
    base of one document already (`export.to_xlsx` of the same graph), taken instead of making it again.
    """
    out = Path(out)
    letters = iter_letters(pg, template, as_of=as_of, units=units, track=track, cache=cache, processes=processes,
                           started=started)
    out.parent.mkdir(parents=True, exist_ok=True)
    # named with the process id: output.recover (a build into the same folder) leaves it while this runs
    rendering = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.new.{os.getpid()}-"))
    try:
        made = []
        for letter, data in letters:
            made.append(letter)
            if data is not None or cache.staged.resolve() != out.resolve():  # else reused: linked into place
                _put(rendering, out, letter.file, (cache.staged / letter.file).read_bytes() if data is None else data)
            yield letter.file
        overviews = (packages.write_overviews(pg, partial(_put, rendering, out), out, cache, overview_xlsx)
                     if with_overview else {})
        out.mkdir(exist_ok=True)
        for path in sorted(p for p in rendering.rglob("*") if p.is_file()):
            target = _inside(out / path.relative_to(rendering).parent, path.name)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)
    finally:
        letters.close()  # stopped between two letters: its workers finish the letters they hold, then go
        shutil.rmtree(rendering, ignore_errors=True)
    entries = [asdict(letter) for letter in made]
    old_manifest = _previous_manifest(out)
    old = as_list(old_manifest.get("letters"))
    if pdf:
        converted = _converted(out, old)
        todo = [out / letter.file for letter in made if converted.get(letter.file) != letter.sha256]
        if todo:
            to_pdf(todo, fonts_conf)
        for entry in entries:
            entry["pdf"] = str(PurePosixPath(entry["file"]).with_suffix(".pdf"))
    if units is None:
        _remove_stale(out, old, {e[k] for e in entries for k in ("file", "pdf") if k in e})
    else:
        done = {(e["document"], e["unit"]) for e in entries}
        kept = [e for e in old if (e.get("document"), e.get("unit")) not in done and (out / e.get("file", "")).is_file()]
        entries = sorted(kept + entries, key=lambda e: (e["document"], e["serial"]))
    documents = packages.document_files(pg, out, entries, overviews, make_zip, cache)
    made_now = {e[k] for e in entries for k in ("file", "pdf") if k in e}  # an old list naming one keeps it
    made_now |= {f for d in documents for f in [*d.get("overview", []), d.get("zip")] if f}
    packages.remove_old_packages(out, old_manifest, made_now)
    manifest = {"as_of": as_of.isoformat(), "letters": entries}
    if documents:
        manifest["documents"] = documents
    atomic_write(out / MANIFEST, (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    return made


def _put(rendering: Path, out: Path, name: str, data: bytes) -> None:
    """Write a finished file into the rendering folder, unless `out` has it already (reused or unchanged)."""
    current = _inside(out / Path(name).parent, Path(name).name)
    if not (current.is_file() and current.stat().st_size == len(data) and current.read_bytes() == data):
        path = rendering / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def stage(ctx) -> None:
    """Build stage `letters`: every letter, and each document's 分工方案 (docx, xlsx) and 责任书.zip of its
    letters. A knowledge base of one document takes its workbook from the data stage, when this build made it.

    With no letters of an earlier build to take (a full build), they are written in the background while
    the maps are drawn (policykb.background), with one worker (its core taken at once: the maps' pool has
    the other), and no progress bar (the maps' has the terminal); the site waits for them. A rebuild
    writes its few here, first: beside it the maps draw and export their few in this process, and typst
    holds the interpreter while it exports (a one-task edit took a second longer at 1x)."""
    data = ctx.staged.get("data")
    cache = ctx.cache("letters")
    writing = partial(writing_letters, ctx.pg, ctx.out("letters"), ctx.templates / TEMPLATE, as_of=ctx.as_of,
                      make_zip=True, with_overview=True, cache=cache,
                      overview_xlsx=data / export.file_name("xlsx") if data else None)
    if cache.old:
        _drained(writing(track=ctx.track))
    else:
        ctx.background["letters"] = BackgroundFiles(ctx.out("letters"), (), partial(_at_once, writing), cores=1)


def _at_once(writing, started: threading.Event, wanted: threading.Event) -> Iterator[str]:
    """The letters' work, started at once: their workers read nothing of what the maps set in the
    environment meanwhile (the site, which sets mkdocs' variables, waits for the letters first)."""
    started.set()
    return writing(processes=1)
