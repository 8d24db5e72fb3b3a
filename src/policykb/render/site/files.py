"""What the site links besides its pages: downloads, other stages' letters and maps, git history."""
from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

from ... import export
from ...background import BackgroundFiles
from ...graph import PolicyGraph
from ...issues import CODES
from ...output import files_below
from ...reproducible import normalize_zip
from .pages import Paths, slug, slugs

DOWNLOADS = "downloads"
MANIFEST = "manifest.json"


def _zip(folder: Path, files: list[Path]) -> bytes:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as z:
        for f in files:
            z.write(f, f.relative_to(folder).as_posix())
    return normalize_zip(data.getvalue())


def _strings(node) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


def _by_unit(manifest, files: set[str], units: list[str]) -> dict[str, list[str]]:
    """Files per unit: from manifest entries naming a unit, else from file names."""
    found: dict[str, list[str]] = {}

    def walk(node):
        if isinstance(node, dict):
            unit = node.get("unit") or node.get("name")
            if isinstance(unit, str) and unit in units:
                for s in _strings(node):
                    if s in files:
                        found.setdefault(unit, []).append(s)
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(manifest)
    slugs(u for u in units if u not in found)  # together: one worker works them out
    for unit in units:
        if unit not in found:
            names = (unit, slug(unit))
            found[unit] = [f for f in sorted(files) if any(n in Path(f).stem for n in names)]
    return {u: sorted(set(fs)) for u, fs in found.items() if fs}


def _link_or_copy(source: str, target: str) -> None:
    """Hard-link a file into the docs tree (it is only read from there), copying across file systems."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def stage_files(source: Path | None, kind: str, docs: Path, units: list[str],
                coming: BackgroundFiles | None = None, deferred: dict[str, str] | None = None) -> tuple[dict, list[dict]]:
    """Link another stage's output (letters, maps) into the docs tree when it has a manifest.

    Returns ({unit: [{'label', 'path', ...}]}, [every file as {'label', 'path', ...}]); empty when absent.
    Each file names the `document` it belongs to, where the manifest says ('' otherwise).
    `coming`: the files of `source` its stage is still writing (the maps' PDFs, see policykb.background):
    listed as if there, and put into `deferred` (path in the docs tree -> the file) instead of the docs tree.
    """
    if source is None or not (Path(source) / MANIFEST).is_file():
        return {}, []
    source = Path(source)
    manifest = json.loads((source / MANIFEST).read_text(encoding="utf-8"))
    names = {rel for rel, entry in files_below(source) if not entry.name.startswith(".")}  # mkdocs skips those
    listed = sorted(names | coming.names if coming is not None else names)
    # one listing and a link each (copytree stat'ed and copied each file's metadata too), by string
    # paths: Path objects for ten thousand files were most of this
    target, origin = os.path.join(docs, DOWNLOADS, kind), str(source)
    made: set[str] = set()
    for rel in listed:
        if coming is not None and rel in coming.names:
            deferred[f"{DOWNLOADS}/{kind}/{rel}"] = os.path.join(origin, rel)
            continue
        path = os.path.join(target, rel)
        folder = os.path.dirname(path)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        _link_or_copy(os.path.join(origin, rel), path)
    files = [rel for rel in listed if rel.rpartition("/")[2] != MANIFEST]

    maps = manifest.get("maps", []) if isinstance(manifest, dict) else []  # the letters' manifest is a list
    papers = {f: e["paper_name"] for e in maps if isinstance(e, dict) and "paper_name" in e
              for f in e.get("files", []) if isinstance(f, str) and f.endswith(".pdf")}

    letters = manifest.get("letters", []) if isinstance(manifest, dict) else []
    kinds = {e[k]: e["kind"] for e in letters if isinstance(e, dict) and isinstance(e.get("kind"), str)
             for k in ("file", "pdf") if isinstance(e.get(k), str)}  # 责任书 or 告知函: each letter its own
    # which document each file belongs to: a letter names its "document", a map its "doc"
    documents = {e[k]: e.get("document") for e in letters if isinstance(e, dict)
                 for k in ("file", "pdf") if isinstance(e.get(k), str)}
    documents.update({f: e.get("doc") for e in maps if isinstance(e, dict) for f in e.get("files", [])
                      if isinstance(f, str)})

    def item(f: str) -> dict:  # a map's PDF says which paper it is printed on
        return {"label": f.rpartition("/")[2], "path": f"{DOWNLOADS}/{kind}/{f}", "paper": papers.get(f, ""),
                "kind": kinds.get(f, ""), "document": documents.get(f) or ""}

    per_unit = {u: [item(f) for f in fs] for u, fs in _by_unit(manifest, set(files), units).items()}
    return per_unit, [item(f) for f in files]


def write_downloads(pg: PolicyGraph, docs: Path, letters_dir: Path | None, data_dir: Path | None = None,
                    policies: Path | None = None) -> list[dict]:
    """The data exports under docs/downloads, and each document's original, 分工方案 and zip of its letters: what
    the download page lists, a document's files first (each item names its `document`), then the data.

    The exports come from the data stage's folder when it has them (the same bytes), else are made here.
    """
    folder = docs / DOWNLOADS
    folder.mkdir(parents=True, exist_ok=True)
    for fmt in ("json", "xlsx", "csv"):
        name = export.file_name(fmt)
        if data_dir is not None and (Path(data_dir) / name).is_file():
            _link_or_copy(str(Path(data_dir) / name), str(folder / name))
        else:
            (folder / name).write_bytes(export.export(pg, fmt))
    items = [
        {"label": "policykb.xlsx", "path": f"{DOWNLOADS}/policykb.xlsx", "note": "分工方案（按任务、按单位两个工作表），Excel 可直接打开"},
        {"label": "policykb.csv", "path": f"{DOWNLOADS}/policykb.csv", "note": "分工方案，逗号分隔（UTF-8 带 BOM）"},
        {"label": "policykb.json", "path": f"{DOWNLOADS}/policykb.json", "note": "完整知识库（条文、任务、单位、指标），供程序使用"},
    ]
    if letters_dir is not None and (Path(letters_dir) / MANIFEST).is_file():
        manifest = json.loads((Path(letters_dir) / MANIFEST).read_text(encoding="utf-8"))
        items[:0] = _document_items(pg, manifest, Path(letters_dir), folder)
    if policies is not None:
        items[:0] = _originals(pg, Path(policies), folder)
    return items


ORIGINALS = "source"  # under downloads: each document's original as the office received it


def _originals(pg: PolicyGraph, policies: Path, folder: Path) -> list[dict]:
    """Each document's source file (the policy of record: .txt, .docx, .pdf …), for a cadre to read or print it whole."""
    items = []
    for doc in pg.documents():
        source = policies / doc.id / doc.meta.source
        if not source.is_file():
            continue
        name = f"原文{source.suffix.lower()}"
        target = folder / ORIGINALS / doc.id / name
        target.parent.mkdir(parents=True, exist_ok=True)
        marked = _with_utf8_mark(source)
        if marked is None:
            _link_or_copy(str(source), str(target))
        else:
            target.write_bytes(marked)
        items.append({"document": doc.id, "label": name, "path": f"{DOWNLOADS}/{ORIGINALS}/{doc.id}/{name}",
                      "note": "文件原文，即导入知识库的文件本身，未经改动"
                              + ("（文字文件开头加了 UTF-8 编码标记，浏览器打开不乱码）" if marked else "")})
    return items


_UTF8_MARK = b"\xef\xbb\xbf"


def _with_utf8_mark(source: Path) -> bytes | None:
    """A UTF-8 text original with the byte-order mark before it, None for any other file. A web server sends a .txt
    without a charset (nginx and python's http.server do) and Chromium then guesses a Latin or GBK page: the
    mark is what every browser, Word, WPS and Notepad take as UTF-8, and it adds no character to the text."""
    if source.suffix.lower() != ".txt":
        return None
    data = source.read_bytes()
    if data.startswith(_UTF8_MARK):
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return None  # GBK and its kin: Chromium on a Chinese desktop reads them; left as the office received them
    return _UTF8_MARK + data


OVERVIEW_NOTES = {".docx": "分工方案（按任务、按单位两张表），Word 或 WPS 可直接打开、打印",
                  ".xlsx": "分工方案（按任务、按单位两个工作表），与上表相同，便于筛选"}
ZIPS = "zips"  # under downloads: a document's letters zipped here when the letters stage made no zip


def _document_items(pg: PolicyGraph, manifest, letters_dir: Path, folder: Path) -> list[dict]:
    """Each document's 分工方案.docx/.xlsx and 责任书.zip, as the letters stage's manifest lists them (staged
    under downloads/letters with the letters), each item naming its document. A document whose letters
    came without a zip (`policykb letters` without --zip) gets one made here of its letters folder."""
    manifest = manifest if isinstance(manifest, dict) else {}
    listed = {d.get("document"): d for d in _list(manifest.get("documents")) if isinstance(d, dict)}
    kinds: dict[str, dict] = {}  # document -> its letters' kinds (责任书, 告知函), in order
    for e in _list(manifest.get("letters")):
        if isinstance(e, dict) and isinstance(e.get("kind"), str):
            kinds.setdefault(e.get("document"), {})[e["kind"]] = None
    items = []
    for doc in pg.documents():
        entry, words = listed.get(doc.id, {}), "、".join(kinds.get(doc.id, {})) or "责任书"
        files = [name for name in [*_list(entry.get("overview")), entry.get("zip")]
                 if isinstance(name, str) and (letters_dir / name).is_file()]
        items += [{"document": doc.id, "label": Path(name).name, "path": f"{DOWNLOADS}/letters/{name}",
                   "note": OVERVIEW_NOTES.get(Path(name).suffix,
                                              f"本文件的全部{words}" + ("和分工方案" if entry.get("overview") else ""))}
                  for name in files]
        if not any(name.endswith(".zip") for name in files) and doc.id in kinds and (letters_dir / doc.id).is_dir():
            from ..letters import ZIP_NAME  # only here: the site needs nothing else of the letters
            own = sorted(p for p in (letters_dir / doc.id).rglob("*") if p.is_file())
            target = folder / ZIPS / doc.id / ZIP_NAME
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(_zip(letters_dir / doc.id, own))
            items.append({"document": doc.id, "label": target.name, "path": f"{DOWNLOADS}/{ZIPS}/{doc.id}/{target.name}",
                          "note": f"本文件的全部{words}（{len(own)} 个文件）"})
    return items


def _list(value) -> list:
    return value if isinstance(value, list) else []


REISSUE_COMMITS = 10  # each needs both revisions loaded and compared: keep the latest only
VERSIONS_FILE = ".versions.json"  # in the site's folder: the change log's versions, for the next build


def remembered_versions(folder: Path | None) -> dict[str, dict]:
    """The versions the build in `folder` worked out, if the same code did (else none): what a commit
    changed is worked out once, not in every build."""
    from ...cache import code_digest
    try:
        stored = json.loads((Path(folder) / VERSIONS_FILE).read_text(encoding="utf-8"))
    except (TypeError, OSError, ValueError):
        return {}
    if not isinstance(stored, dict) or stored.get("code") != code_digest() or not isinstance(stored.get("versions"), dict):
        return {}
    return stored["versions"]


def remember_versions(folder: Path, known: dict[str, dict]) -> None:
    from ...cache import code_digest
    stored = {"code": code_digest(), "versions": known}
    (Path(folder) / VERSIONS_FILE).write_text(json.dumps(stored, ensure_ascii=False, sort_keys=True, default=str) + "\n",
                                              encoding="utf-8")
PHRASES = 12  # changes listed per revision; the rest counted


def history(pg: PolicyGraph, policies: Path, paths: Paths, limit: int = REISSUE_COMMITS,
            known: dict[str, dict] | None = None) -> list[dict] | None:
    """The latest revisions of the policies folder, newest first, each described in the policy's terms
    (「第69项 参与单位增加省审计厅」, from the semantic diff); None when there is no git history.
    `known`: the last build's versions (`remembered_versions`); left holding this build's."""
    from ...track import versions
    from . import versions_store
    policies = Path(policies).resolve()
    try:
        top, git_dir = subprocess.run(["git", "-C", str(policies), "rev-parse", "--show-toplevel", "--git-common-dir"],
                                      capture_output=True, text=True, check=True).stdout.splitlines()[:2]
        folder = policies.relative_to(top).as_posix() or "."
        stored = versions_store.load(policies / git_dir, folder) if known is not None else {}
        # a fresh output folder: the versions worked out before in this repository
        taken = {key for key, version in stored.items() if known.setdefault(key, version) is version}
        found = versions.history(Path(top), folder, limit=limit, known=known)
    except (OSError, subprocess.CalledProcessError, ValueError, versions.VersionError):
        return None
    if known is not None:  # only what the change log shows now is kept for the next build
        shown = {v.commit for v in found}
        for key in [k for k, v in known.items() if v.get("commit") not in shown]:
            del known[key]
        if any(key not in stored or (key in taken and known[key] is not stored[key]) for key in known):
            versions_store.save(policies / git_dir, folder, known)  # some worked out now (a damaged one again)
    out = []
    for v in found:
        phrases = [p for c in v.diff.changes for p in change_phrases(pg, paths, c)]
        out.append({"date": v.date, "changes": phrases[:PHRASES], "more": max(0, len(phrases) - PHRASES),
                    "reissue": v.diff.reissue})
    return versions.History([c for c in out if c["changes"]], partial=found.partial)  # shallow clone: say so


def _listed(value, name: str) -> list[str]:
    items = list(value) if isinstance(value, (list, tuple)) else [] if value is None else [value]
    return [f"第{x}条" if name == "articles" else f"第{x}项" if name == "tasks" else str(x) for x in items]


def change_phrases(pg: PolicyGraph, paths: Paths, c) -> list[tuple[str, str | None, str]]:
    """One change as (label, page it links to or None, what happened), in the words of the policy."""
    from ...track.versions import ACTION_LABEL, FIELD_LABEL
    doc = pg.kb.documents.get(c.doc)
    if c.kind == "document":
        title = f"《{doc.meta.title}》" if doc else "文件"
        if c.action != "changed":
            return [(title, paths.document(c.doc) if doc and c.action == "added" else None, ACTION_LABEL[c.action])]
        return [(title, paths.document(c.doc) if doc else None, f"更正{FIELD_LABEL.get(f, f)}") for f in c.fields]
    if c.kind == "article":
        label, target = f"第{c.key}条", paths.article(c.doc, c.key) if doc and c.key in doc.articles else None
    elif c.kind == "task":
        task = doc.tasks.get(c.key) if doc else None
        label, target = (task.ref, paths.task(c.doc, c.key)) if task else (f"第{c.key}项", None)
    else:
        ind = doc.indicators.get(c.key) if doc else None
        label, target = (f"指标“{ind.name}”" if ind else "指标"), (paths.indicators(c.doc) if ind else None)
    if c.action != "changed":
        return [(label, target, ACTION_LABEL[c.action])]
    out = []
    for name, (old, new) in c.fields.items():
        field_label = FIELD_LABEL.get(name, name)
        if isinstance(old, (list, tuple)) or isinstance(new, (list, tuple)):
            before, after = _listed(old, name), _listed(new, name)
            added = [x for x in after if x not in before]
            removed = [x for x in before if x not in after]
            # a revision of the data: what was entered is corrected, nothing "increases" or "decreases"
            words = [w for w in (f"补上{'、'.join(added)}" if added else "",
                                 f"去掉{'、'.join(removed)}" if removed else "") if w]
            out.append((label, target, field_label + ("更正：" + "，".join(words) if words else "调整顺序")))
        else:
            out.append((label, target, f"更正{field_label}"))
    return out


def error_catalogue() -> list[tuple[str, str, str]]:
    return [(code, cause, fix) for code, (cause, fix) in sorted(CODES.items())]


def charts(folder: Path | None, docs: Path, values: dict | None) -> dict[tuple[str, str], str]:
    """Copy the tracking stage's indicator charts; {(doc, id): path in docs} for indicators with values."""
    if folder is None or not Path(folder).is_dir():
        return {}
    found = {}
    for svg in sorted(Path(folder).glob("*/*.svg")):
        key = (svg.parent.name, svg.stem)
        if values is None or values.get(key):
            target = docs / DOWNLOADS / "charts" / svg.parent.name / svg.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(svg, target)
            found[key] = target.relative_to(docs).as_posix()
    return found
