"""What keeps policykb working off Debian: no POSIX-only import, map PDFs checked glyph by glyph."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from policykb.render.maps import export
from policykb.render.maps.glyphs import GlyphMissing, missing_glyphs

import pytest

from conftest import FIXTURES, ROOT

NO_FCNTL = "import sys\nsys.modules['fcntl'] = None  # as on Windows: `import fcntl` raises ImportError\n"


def _without_fcntl(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    site = tmp_path / "site"
    site.mkdir(exist_ok=True)
    (site / "sitecustomize.py").write_text(NO_FCNTL, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(ROOT / "src")])}
    return subprocess.run([sys.executable, "-m", "policykb", *args], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=300)


def test_check_and_progress_run_without_fcntl(tmp_path):
    import shutil
    shutil.copytree(FIXTURES / "tiny", tmp_path / "kb")
    probe = _without_fcntl(tmp_path, "--version")
    assert probe.returncode == 0, probe.stderr
    check = _without_fcntl(tmp_path, "check", "-p", "kb")
    # filelock, finding no fcntl on Linux, warns that it falls back to a soft lock (on Windows it takes msvcrt)
    assert check.returncode == 0 and "Traceback" not in check.stderr, check.stderr
    note = _without_fcntl(tmp_path, "progress", "note", "1", "--date", "2016-06-01", "--text", "1:30", "-p", "kb")
    assert note.returncode == 0, note.stderr  # the tracking lock works without fcntl too


def _svg(family: str, text: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><text x="10" y="40" '
            f'font-family="{family}" font-size="24">{text}</text></svg>')


def test_a_map_pdf_in_a_cjk_font_has_every_glyph():
    data = export.pdf([_svg("黑体, Noto Sans CJK SC", "期脱贫攻坚 2016")])
    assert missing_glyphs(data) == []


def _cff(glyphs: dict[str, list]) -> bytes:
    """A subroutine-free CFF font (as typst embeds them) with the given charstring programs."""
    import io
    from fontTools.fontBuilder import FontBuilder
    from fontTools.misc.psCharStrings import T2CharString
    names = [".notdef", *glyphs]
    fb = FontBuilder(1000, isTTF=False)
    fb.setupGlyphOrder(names)
    fb.setupCharacterMap({})
    fb.setupCFF("Test", {}, {n: T2CharString(program=p) for n, p in {".notdef": ["endchar"], **glyphs}.items()}, {})
    out = io.BytesIO()
    fb.font["CFF "].cff.compile(out, fb.font)
    return out.getvalue()


def test_an_empty_glyph_is_caught_though_its_drawn_neighbours_are_remembered():
    """What a subroutine-free glyph draws is remembered by its bytes, across PDFs: an empty glyph
    stays empty the second time, and a drawn one stays drawn."""
    from policykb.render.maps import glyphs
    square = [100, 100, "rmoveto", 500, "hlineto", 500, "vlineto", -500, "hlineto", "endchar"]
    font = _cff({"cid00001": square, "cid00002": ["endchar"]})
    assert glyphs._drawn(font) == {1: True, 2: False}
    assert glyphs._drawn(_cff({"cid00007": ["endchar"], "cid00009": square})) == {7: False, 9: True}


@pytest.fixture
def cairo(monkeypatch):
    """The cairo exporter, asked for by name (typst is the default)."""
    monkeypatch.setenv("POLICYKB_MAP_EXPORTER", "cairo")
    export.exporter.cache_clear()
    yield
    monkeypatch.undo()
    export.exporter.cache_clear()


def test_cairo_116_dropping_ru_is_caught(monkeypatch, cairo):
    """cairo 1.16's CFF subsetter writes 「如」 (first in this line) as a call to a subroutine the
    subset does not have: the text layer keeps the character, the page shows nothing."""
    import cairocffi
    from policykb.render.maps import glyphs
    monkeypatch.setattr(glyphs, "check", lambda pdf, name, text="": pdf)
    data = export.pdf([_svg("黑体, Noto Sans CJK SC", "如期脱贫 2016")])
    found = missing_glyphs(data)
    if cairocffi.cairo_version() < 11700:
        assert [m.text for m in found] == ["如"]
    else:  # fixed upstream in 1.17
        assert found == []


def test_chinese_in_a_font_without_it_is_a_build_error(cairo):
    """cairo takes the first family and draws .notdef boxes for what it lacks: caught, named."""
    with pytest.raises(GlyphMissing) as caught:
        export.pdf([_svg("DejaVu Sans", "如期 ok")], "test.pdf")
    assert caught.value.code == "glyph-missing" and "如" in caught.value.message and "test.pdf" in caught.value.message


def test_libreoffice_found_where_windows_installs_it(tmp_path, monkeypatch):
    from policykb import system
    program = tmp_path / "Program Files" / "LibreOffice" / "program" / "soffice.exe"
    program.parent.mkdir(parents=True)
    program.write_bytes(b"")
    monkeypatch.setattr(system.sys, "platform", "win32")
    monkeypatch.setattr(system.shutil, "which", lambda name: None)
    monkeypatch.delenv(system.SOFFICE_ENV, raising=False)
    monkeypatch.setenv("ProgramFiles", str(tmp_path / "Program Files"))
    monkeypatch.delenv("ProgramW6432", raising=False)
    monkeypatch.delenv("ProgramFiles(x86)", raising=False)
    assert system.soffice() == str(program)
    monkeypatch.setenv(system.SOFFICE_ENV, str(tmp_path / "elsewhere.exe"))
    assert system.soffice() is None  # named but missing: not silently replaced by another one


def test_fonts_looked_up_in_the_windows_fonts_folder(tmp_path, monkeypatch):
    from policykb import system
    monkeypatch.setattr(system.sys, "platform", "win32")
    monkeypatch.setenv("WINDIR", str(tmp_path / "Windows"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    monkeypatch.setenv(system.FONT_DIRS_ENV, str(tmp_path / "mine"))
    assert system.font_dirs() == [tmp_path / "mine", tmp_path / "Windows" / "Fonts",
                                  tmp_path / "Local" / "Microsoft" / "Windows" / "Fonts"]


def test_a_process_is_asked_about_never_signalled_on_windows(monkeypatch):
    """os.kill(pid, 0) ends the process on Windows: there the staging clean-up must not call it."""
    import os

    from policykb import system
    calls = []
    monkeypatch.setattr(os, "kill", lambda *a: calls.append(a))
    monkeypatch.setattr(os, "name", "nt")
    assert system.process_running(12345) and calls == []
    monkeypatch.undo()
    assert system.process_running(os.getpid()) and not system.process_running(2 ** 22 + 12345)


# As on Windows, where PyPI ships no cairo DLL: cairocffi's import fails to load the library.
NO_CAIRO = """import sys, importlib.abc
class NoCairo(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name == "cairocffi":
            raise OSError("no library called \\"cairo-2\\" was found")
sys.meta_path.insert(0, NoCairo())
"""


def test_map_pdfs_without_a_cairo_library_come_from_typst(tmp_path):
    """The fallback is detected, not assumed: with cairo unloadable, `maps` still writes PDFs and PNGs,
    in the Noto CJK subsets, every glyph whole, and nothing on stderr."""
    import shutil
    from pypdf import PdfReader
    shutil.copytree(FIXTURES / "tiny", tmp_path / "kb")
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(NO_CAIRO, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(ROOT / "src")])}
    env.pop("POLICYKB_MAP_EXPORTER", None)
    done = subprocess.run([sys.executable, "-m", "policykb", "maps", "-o", "out", "-p", "kb", "--as-of", "2016-07-01",
                           "-f", "pdf", "-f", "png"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    pdfs = sorted((tmp_path / "out").rglob("*.pdf"))
    assert pdfs and sorted((tmp_path / "out").rglob("*.png"))
    for pdf in pdfs:
        data = pdf.read_bytes()
        assert PdfReader(pdf).metadata.get("/Creator", "").startswith("Typst"), pdf
        fonts = {f.split("+")[-1] for f in _base_fonts(data)}
        assert fonts and all(f.startswith(("NotoSansCJKsc", "NotoSerifCJKsc")) for f in fonts), (pdf, fonts)
        assert missing_glyphs(data) == [], pdf


def _base_fonts(data: bytes) -> set[str]:
    import io
    from pypdf import PdfReader
    found = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            found.add(str(font.get_object()["/BaseFont"]).lstrip("/"))
    return found


def test_typst_draws_what_cairo_116_drops(monkeypatch):
    """「如」, the glyph cairo 1.16's subsetter loses, is whole in typst's PDF."""
    monkeypatch.setenv("POLICYKB_MAP_EXPORTER", "typst")
    export.exporter.cache_clear()
    try:
        data = export.pdf([_svg("黑体, Noto Sans CJK SC", "如期脱贫 2016")])
        picture = export.png(_svg("黑体, Noto Sans CJK SC", "如期"))
    finally:
        export.exporter.cache_clear()
    assert missing_glyphs(data) == [] and picture.startswith(b"\x89PNG\r\n")


def test_a_glyph_is_read_from_its_bytes_as_fonttools_would_draw_it():
    """The byte reading of a charstring agrees with running it, for every glyph of a real map PDF
    and for the programs it must leave to fontTools."""
    import io
    from fontTools.cffLib import CFFFontSet
    from fontTools.misc.psCharStrings import T2CharString
    from pypdf import PdfReader
    from policykb.render.maps import glyphs
    data = export.pdf([_svg("黑体, Noto Sans CJK SC", "如期脱贫攻坚 2016 年底前（省扶贫办牵头）"),
                       _svg("宋体, Noto Serif CJK SC", "按图销号、挂图作战 —— 第12项")])
    checked = 0
    for page in PdfReader(io.BytesIO(data)).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            fonts = CFFFontSet()
            fonts.decompile(io.BytesIO(descriptor["/FontFile3"].get_object().get_data()), None)
            strings = fonts[fonts.fontNames[0]].CharStrings
            for name in strings.keys():
                program = strings[name].bytecode
                assert glyphs.draws(program) == glyphs._outlined(strings[name]), name
                checked += 1
    assert checked > 30

    def compiled(program: list) -> bytes:
        charstring = T2CharString(program=program)
        charstring.compile()
        return charstring.bytecode
    hinted = [50, 20, 300, 40, "hstemhm", 60, 30, "hintmask", b"\xc0", 100, 100, "rmoveto", 5, "hlineto", "endchar"]
    assert glyphs.draws(compiled(hinted)) is True
    assert glyphs.draws(compiled([500, 100, 100, "rmoveto", "endchar"])) is False  # a width and a move draw nothing
    assert glyphs.draws(compiled([10, "callsubr", "endchar"])) is None  # left to fontTools
    assert glyphs.draws(compiled([0, 0, 65, 97, "endchar"])) is None  # seac: an accented composite