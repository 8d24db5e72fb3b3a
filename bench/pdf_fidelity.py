"""How much of a document the importer still reads when it arrives as a PDF: each corpus document printed to PDF by
LibreOffice (its paragraphs wrapped at the page's width, as a site's PDF is), imported, and scored against the same
truth as the original file.

    PYTHONPATH=src python bench/pdf_fidelity.py [--part 1 --part 2 …] [--ruled] [--ofd] [--json]

--ruled: the .html and .docx tables are given rules (borders) before printing, as a site's PDF of an annex table
has them; without, LibreOffice prints them as the corpus has them, mostly borderless. .txt tables stay text.
--ofd: each PDF rewritten as an OFD (电子公文), its characters placed as an OA system's converter places them (runs
of characters on a baseline, each with its advances) and its rules as paths, and the OFD imported instead: the OFD
reader's figure.

Needs LibreOffice (soffice). The held-out part is never measured here (only bench/import_quality.py --totals-only
measures it). Figures: per part, leads right and tasks found from the original and from its PDF.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import import_quality as quality  # noqa: E402  (the corpus, its truth and its scoring)

from policykb import system  # noqa: E402
from policykb.ingest.readers import decode  # noqa: E402

HELD_OUT = quality.HELD_OUT
PRINTABLE = (".txt", ".docx", ".html", ".htm")


def as_pdfs(sources: list[Path], work: Path, ruled: bool = False) -> dict[Path, Path]:
    """Each source printed to PDF in `work` (a text decoded first: LibreOffice would guess its encoding; with
    `ruled`, tables given rules)."""
    soffice = system.soffice()
    if soffice is None:
        sys.exit("LibreOffice (soffice) is needed")
    inputs, out = work / "in", work / "pdf"
    inputs.mkdir()
    staged = {}
    for i, source in enumerate(sources):
        copy = inputs / f"d{i:04d}{source.suffix.lower()}"
        if source.suffix.lower() == ".txt":
            copy.write_text(decode(source.read_bytes())[0], encoding="utf-8")
        elif ruled:
            _write_ruled(source, copy)
        else:
            copy.write_bytes(source.read_bytes())
        staged[source] = copy
    profile = (work / "profile").as_uri()
    texts = [str(c) for c in staged.values() if c.suffix == ".txt"]
    others = [str(c) for c in staged.values() if c.suffix != ".txt"]
    base = [soffice, "--headless", f"-env:UserInstallation={profile}", "--convert-to", "pdf", "--outdir", str(out)]
    if texts:
        subprocess.run([*base, "--infilter=Text (encoded):UTF8,LF,,,", *texts], capture_output=True, timeout=3600)
    if others:
        subprocess.run([*base, *others], capture_output=True, timeout=3600)
    return {source: out / (copy.stem + ".pdf") for source, copy in staged.items() if (out / (copy.stem + ".pdf")).is_file()}


_BORDERS = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                   for side in ("top", "left", "bottom", "right", "insideH", "insideV"))


MM = 25.4 / 72  # a PDF's point in millimetres, OFD's unit


def as_ofd(pdf: Path) -> Path:
    """The PDF's characters written as an OFD beside it: a text object for each run of characters on one baseline,
    its DeltaX the advances between them; each rule a path. Pictures are not written."""
    import io
    import zipfile

    import pdfplumber
    ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
    pages = []
    with pdfplumber.open(pdf) as document:
        for page in document.pages:
            objects = []
            for run in _runs(page.chars):
                first = run[0]
                size = first["size"] * MM
                baseline = (page.height - first["matrix"][5]) * MM  # the text matrix's origin: one for every font
                advances = " ".join(f"{(b['x0'] - a['x0']) * MM:.3f}" for a, b in zip(run, run[1:]))
                text = "".join(c["text"] for c in run).replace("&", "&amp;").replace("<", "&lt;")
                objects.append(f'<ofd:TextObject ID="1" Boundary="{first["x0"] * MM:.3f} {baseline - size:.3f} '
                               f'{(run[-1]["x1"] - first["x0"]) * MM + 1:.3f} {size * 1.2:.3f}" Size="{size:.3f}">'
                               f'<ofd:TextCode X="0" Y="{size:.3f}" DeltaX="{advances}">{text}</ofd:TextCode>'
                               f'</ofd:TextObject>')
            for e in page.edges:  # a table's rules (lines and rectangles' sides), as a path each
                objects.append(f'<ofd:PathObject ID="4" Boundary="0 0 {page.width * MM:.3f} {page.height * MM:.3f}">'
                               f'<ofd:AbbreviatedData>M {e["x0"] * MM:.3f} {e["top"] * MM:.3f} '
                               f'L {e["x1"] * MM:.3f} {e["bottom"] * MM:.3f}</ofd:AbbreviatedData></ofd:PathObject>')
            pages.append(f'<ofd:Page {ns}><ofd:Content><ofd:Layer ID="2">{"".join(objects)}</ofd:Layer>'
                         f'</ofd:Content></ofd:Page>')
    listed = "".join(f'<ofd:Page ID="{n + 3}" BaseLoc="Pages/Page_{n}/Content.xml"/>' for n in range(len(pages)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("OFD.xml", f'<ofd:OFD {ns} Version="1.0" DocType="OFD"><ofd:DocBody>'
                                    f'<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>')
        package.writestr("Doc_0/Document.xml", f'<ofd:Document {ns}><ofd:Pages>{listed}</ofd:Pages></ofd:Document>')
        for n, content in enumerate(pages):
            package.writestr(f"Doc_0/Pages/Page_{n}/Content.xml", content)
    target = pdf.with_suffix(".ofd")
    target.write_bytes(out.getvalue())
    return target


def _runs(chars: list[dict]) -> list[list[dict]]:
    """Characters in the PDF's drawing order, cut into runs where the baseline changes or the text jumps back."""
    runs: list[list[dict]] = []
    for char in chars:
        if runs and abs(char["matrix"][5] - runs[-1][-1]["matrix"][5]) < 0.5 and char["x0"] >= runs[-1][-1]["x0"]:
            runs[-1].append(char)
        elif not char["text"].isspace():
            runs.append([char])
    return [[c for c in run if not c["text"].isspace()] or run for run in runs]


def _write_ruled(source: Path, copy: Path) -> None:
    """The source with a rule round every cell of its tables: <table border="1">, or Word's table borders."""
    if source.suffix.lower() != ".docx":
        copy.write_bytes(re.sub(rb"<table(?=[\s>])", b'<table border="1"', source.read_bytes(), flags=re.I))
        return
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn
    document = docx.Document(source)
    for table in document.tables:
        properties = table._tbl.tblPr
        for old in properties.findall(qn("w:tblBorders")):
            properties.remove(old)
        properties.append(parse_xml(f"<w:tblBorders {nsdecls('w')}>{_BORDERS}</w:tblBorders>"))
    document.save(copy)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", action="append", choices=[p for p in quality.MANIFESTS if p != HELD_OUT])
    parser.add_argument("--ruled", action="store_true", help="give the .html and .docx tables rules before printing")
    parser.add_argument("--ofd", action="store_true", help="import each PDF rewritten as an OFD")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    parts = args.part or [p for p in quality.MANIFESTS if p != HELD_OUT]
    docs = [(p, s, e) for part in parts for p, s, e in quality.load([part]) if s.suffix.lower() in PRINTABLE]
    rows = {}
    with tempfile.TemporaryDirectory(prefix="pdf-fidelity-") as work:
        pdfs = as_pdfs([s for _, s, _ in docs], Path(work), args.ruled)
        if args.ofd:
            pdfs = {source: as_ofd(pdf) for source, pdf in pdfs.items()}
        for part in parts:
            mine = [(p, s, e) for p, s, e in docs if p == part]
            both = [(p, s, e) for p, s, e in mine if s in pdfs]  # the same documents on both sides
            original = [quality.measure(p, s, e) for p, s, e in both]
            printed = [quality.measure(p, pdfs[s], e) for p, s, e in both]
            rows[part] = {"documents": len(mine), "printed": len(printed),
                          "original": _figures(original), "pdf": _figures(printed)}
            if not args.json:
                o, f = rows[part]["original"], rows[part]["pdf"]
                print(f"part {part:>2}: {len(mine)} documents ({len(printed)} printed)  leads {o['leads']} -> {f['leads']}"
                      f"  tasks {o['tasks']} -> {f['tasks']}  imported {o['imported']} -> {f['imported']}")
    pooled = {k: _add(r[k] for r in rows.values()) for k in ("original", "pdf")}
    if args.json:
        print(json.dumps({"parts": rows, "pooled": pooled}, ensure_ascii=False, indent=1))
    else:
        print(f"pooled: leads {pooled['original']['leads']} -> {pooled['pdf']['leads']}, "
              f"tasks {pooled['original']['tasks']} -> {pooled['pdf']['tasks']}, "
              f"imported {pooled['original']['imported']} -> {pooled['pdf']['imported']}")
    return 0


def _figures(results) -> dict:
    return {"leads": f"{sum(r.leads_right for r in results)}/{sum(r.truth_tasks for r in results)}",
            "tasks": f"{sum(r.tasks_found for r in results)}/{sum(r.truth_tasks for r in results)}",
            "imported": f"{sum(r.imported for r in results)}/{len(results)}"}


def _add(figures) -> dict:
    total: dict[str, list[int]] = {}
    for f in figures:
        for key, value in f.items():
            a, b = map(int, value.split("/"))
            total.setdefault(key, [0, 0])
            total[key] = [total[key][0] + a, total[key][1] + b]
    return {k: f"{a}/{b}" for k, (a, b) in total.items()}


if __name__ == "__main__":
    raise SystemExit(main())
