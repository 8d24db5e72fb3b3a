"""Responsibility letters (责任书): one .docx per unit and document, from one `tasks_of` query each.

Gather, check, then write: the template is checked and every letter rendered in memory before the
first file is written, so a bad template or unit name leaves the output folder untouched.
"""
from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import io
import json
import os
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path, PurePosixPath

from ..cache import StageCache
from ..graph import PolicyGraph
from ..names import safe_filename
from ..output import atomic_write
from ..parallel import workers
from ..progress import Track, quiet
from ..reproducible import FIXED_ZIP_TIME
from . import overview
from .letters_context import DocumentParts, letter_context
from .letters_template import LetterError, LetterTemplate

TEMPLATE = "letter.docx"
MANIFEST = "manifest.json"
ZIP_NAME = "责任书.zip"


@dataclass(frozen=True)
class Letter:
    """One rendered letter, as the manifest lists it."""
    document: str
    unit: str
    serial: int
    file: str
    lead_tasks: list[int]
    participant_tasks: list[int]
    sha256: str


def resolve_units(pg: PolicyGraph, names: list[str]) -> list[str]:
    """Canonical names for names or aliases, in registry order; LetterError with did-you-mean otherwise."""
    index = {n: u.name for u in pg.kb.units.values() for n in [u.name, *u.aliases]}
    found = set()
    for name in names:
        if name not in index:
            close = difflib.get_close_matches(name, list(index), n=1, cutoff=0.4)
            hint = f"是否想写 “{index[close[0]]}”？" if close else "单位名称见 policies/units.yaml"
            raise LetterError("unknown-unit", f"没有名为 “{name}” 的单位", hint=hint)
        found.add(index[name])
    return [u for u in pg.kb.units if u in found]


def _inside(folder: Path, name: str) -> Path:
    path = (folder / name).resolve()
    if path.parent != folder.resolve():
        raise LetterError("unsafe-path", f"文件名 “{name}” 会写到输出文件夹之外")
    return path


def render_all(pg: PolicyGraph, template: Path | str, *, as_of: dt.date, units: list[str] | None = None,
               track: Track = quiet, cache: StageCache | None = None) -> list[tuple[Letter, bytes]]:
    """Every letter in memory: for each document, each unit with a task there (or only `units`).

    With a cache, a letter whose context and template are unchanged since the last build is taken
    from that build instead of being rendered again.
    """
    LetterTemplate(template)  # checked here, before any work starts: a broken template writes nothing
    template_digest = hashlib.sha256(Path(template).read_bytes()).hexdigest()
    chosen = set(units) if units is not None else None
    plan = []
    for doc in pg.documents():
        parts = DocumentParts(doc, as_of)
        for serial, unit in enumerate(pg.units_with_tasks(doc.id), start=1):
            if chosen is None or unit in chosen:
                plan.append((parts, unit, serial))
    if units is not None:
        idle = [u for u in units if not any(unit == u for _, unit, _ in plan)]
        if idle:
            raise LetterError("no-tasks", f"“{idle[0]}” 在分工方案中没有任务，无需责任书")
    jobs, names = [], set()
    for parts, unit, serial in plan:
        context = letter_context(pg, parts, unit, serial, as_of)
        name = safe_filename(unit)
        if (parts.doc.id, name) in names:
            name = f"{name}-{serial}"
        names.add((parts.doc.id, name))
        file = f"{parts.doc.id}/{name}.docx"
        reused = cache and cache.reuse(file, cache.key(context.model_dump(mode="json"), template_digest))
        jobs.append((parts.doc.id, unit, serial, file, context, reused))
    letters = []
    with workers(sum(1 for *_, reused in jobs if not reused), _load_template, (str(template),)) as pool:
        pending = [pool.submit(_render, context) if not reused else None for *_, context, reused in jobs]
        for (doc, unit, serial, file, context, reused), future in zip(jobs, track(pending, "责任书")):
            data = (cache.staged / file).read_bytes() if reused else future.result()
            letters.append((Letter(document=doc, unit=unit, serial=serial, file=file,
                                   lead_tasks=[t.number for t in context.lead_tasks],
                                   participant_tasks=[t.number for t in context.participant_tasks],
                                   sha256=hashlib.sha256(data).hexdigest()), data))
    return letters


_TEMPLATE: LetterTemplate | None = None  # one per process: loading a template costs more than a letter


def _load_template(path: str) -> None:
    global _TEMPLATE
    _TEMPLATE = LetterTemplate(path)


def _render(context) -> bytes:
    return _TEMPLATE.render(context)


def zip_bytes(files: dict[str, bytes]) -> bytes:
    """A zip whose bytes depend only on the files: sorted names, fixed times."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, files[name])
    return out.getvalue()


def to_pdf(docx_files: list[Path], fonts_conf: Path | None = None, soffice: str = "soffice") -> list[Path]:
    """Convert with LibreOffice in one call (a private profile; official font names mapped by fonts.conf)."""
    if shutil.which(soffice) is None:
        raise LetterError("pdf-failed", f"找不到 LibreOffice（{soffice}），无法生成 PDF",
                          hint="安装 libreoffice-writer-nogui，或去掉 --pdf")
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
    try:
        return json.loads((out / MANIFEST).read_text(encoding="utf-8")).get("letters", [])
    except (OSError, ValueError, AttributeError):
        return []


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
                  track: Track = quiet, cache: StageCache | None = None) -> list[Letter]:
    """Render, then write the letters, manifest.json and (on request) PDFs, the zip and the overview.

    With `units`, only their letters are (re)written and the manifest keeps the other units' entries;
    without, letters an earlier run wrote for units that no longer have tasks are removed.
    """
    letters = render_all(pg, template, as_of=as_of, units=units, track=track, cache=cache)
    out = Path(out)
    files = {letter.file: data for letter, data in letters}
    if with_overview:
        files.update(overview.files(pg))
    for name, data in files.items():
        path = _inside(out / Path(name).parent, Path(name).name)
        if not (path.is_file() and path.read_bytes() == data):  # a letter reused from the cache is in place
            atomic_write(path, data)
    entries = [asdict(letter) for letter, _ in letters]
    if pdf:
        to_pdf([out / letter.file for letter, _ in letters], fonts_conf)
        for entry in entries:
            entry["pdf"] = str(PurePosixPath(entry["file"]).with_suffix(".pdf"))
    old = _previous(out)
    if units is None:
        _remove_stale(out, old, {e[k] for e in entries for k in ("file", "pdf") if k in e})
    else:
        done = {(e["document"], e["unit"]) for e in entries}
        kept = [e for e in old if (e.get("document"), e.get("unit")) not in done and (out / e.get("file", "")).is_file()]
        entries = sorted(kept + entries, key=lambda e: (e["document"], e["serial"]))
    manifest = {"as_of": as_of.isoformat(), "letters": entries}
    if with_overview:
        manifest["overview"] = sorted(set(files) - {e["file"] for e in entries})
    if make_zip:
        packed = {e[k]: (out / e[k]).read_bytes() for e in entries for k in ("file", "pdf") if k in e}
        packed.update({name: files[name] for name in manifest.get("overview", [])})
        atomic_write(out / ZIP_NAME, zip_bytes(packed))
        manifest["zip"] = ZIP_NAME
    atomic_write(out / MANIFEST, (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    return [letter for letter, _ in letters]


def stage(ctx) -> None:
    """Build stage `letters`: every letter, the 分工方案 overview (docx, xlsx) and a zip of them all."""
    write_letters(ctx.pg, ctx.out("letters"), ctx.templates / TEMPLATE, as_of=ctx.as_of, make_zip=True,
                  with_overview=True, track=ctx.track, cache=ctx.cache("letters"))
