"""After export: every character a map PDF shows must be drawn by an embedded font's real glyph.

cairo draws a character its font lacks as the empty .notdef box, and cairo 1.16's CFF subsetter has
been seen to drop a glyph (「如」) while the text layer keeps the character, so a PDF that looks
fine to pdftotext can show boxes or gaps on paper. This reads each embedded font program back with
fontTools and checks, character by character, that the glyph the page uses is there and has an outline.
"""
from __future__ import annotations

import html
import io
import re
from dataclasses import dataclass

from ...issues import ToolError
from . import cff

SPACES = set(" \u3000\u00a0\t\r\n")
_NAMED = 40  # characters named in an error message


@dataclass(frozen=True)
class Missing:
    font: str
    text: str  # the characters drawn without a glyph

    def __str__(self) -> str:  # a page of missing characters is named by its first ones
        shown = self.text if len(self.text) <= _NAMED else f"{self.text[:_NAMED]}…（共 {len(self.text)} 字）"
        return f"{self.font}: {shown}"


class GlyphMissing(ToolError):
    """A map PDF would show boxes or gaps: a build error, never a silent bad print."""

    def __init__(self, message: str):
        super().__init__(message, "安装 fonts-noto-cjk（Windows 上安装思源黑体、思源宋体），"
                                  "或在 fonts/fonts.conf 中把官方字体名映射到已安装的中文字体", "glyph-missing")

    def __reduce__(self):  # raised in a worker process: keep the message across the pickle
        return (GlyphMissing, (self.message,))


def check(pdf: bytes, what: str, text: str = "") -> bytes:
    """The PDF unchanged when every shown character has its glyph and every character of `text` (what the
    maps' SVGs write) is shown, else GlyphMissing naming them: typst leaves out a character no font it has
    can draw, with no trace in the PDF but its absence."""
    missing, shown = _inspect(pdf)
    if absent := "".join(sorted(set(text) - shown - SPACES)):
        missing.append(Missing("（没有字体能显示，未画出）", absent))
    if missing:
        raise GlyphMissing(f"{what}：以下文字没有嵌入可显示的中文字形 —— " + "；".join(map(str, missing)))
    return pdf


_TEXT = re.compile(r"<text\b[^>]*>(.*?)</text>", re.S)


def svg_text(svgs: list[str]) -> str:
    """Every character the SVGs' <text> elements write (tspans and entities resolved)."""
    return "".join(html.unescape(re.sub(r"<[^>]+>", "", m)) for svg in svgs for m in _TEXT.findall(svg))


def _to_unicode(stream: bytes) -> dict[int, str]:
    """code -> text from a ToUnicode CMap (bfchar and bfrange entries, as cairo writes them)."""
    found: dict[int, str] = {}
    text = stream.decode("latin-1")
    hexstr = lambda h: bytes.fromhex(h).decode("utf-16-be", errors="replace")  # noqa: E731
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for code, uni in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            found[int(code, 16)] = hexstr(uni)
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for lo, hi, uni in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            start = int(uni, 16)
            for i, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                found[code] = chr(start + i)
    return found


def _drawn(cff_data: bytes) -> dict[int, bool]:
    """CID -> whether the embedded CFF font has an outline for it."""
    programs = cff.cid_programs(cff_data)
    if programs is not None and all(p in _OUTLINED or draws(p) is not None for p in programs.values()):
        for program in programs.values():
            if program not in _OUTLINED:
                _OUTLINED[program] = draws(program)
        return {cid: cid != 0 and _OUTLINED[program] for cid, program in programs.items()}
    return _drawn_by_fonttools(cff_data)


def _drawn_by_fonttools(cff_data: bytes) -> dict[int, bool]:
    """`_drawn` for any CFF font: subroutines, a name-keyed font, a program `draws` does not follow."""
    from fontTools.cffLib import CFFFontSet

    fonts = CFFFontSet()
    fonts.decompile(io.BytesIO(cff_data), None)
    top = fonts[fonts.fontNames[0]]
    strings = top.CharStrings
    # without subroutines a charstring is the whole glyph program, so what it draws follows from its
    # bytes: typst's subsets have none, and every map of a build repeats the same few hundred glyphs
    whole = not fonts.GlobalSubrs and not any(getattr(p, "Subrs", None) for p in _privates(top))
    drawn = {}
    for name in top.charset:
        cid = int(name[3:]) if name.startswith("cid") else None
        if cid is None:
            continue
        charstring = strings[name]
        program = charstring.bytecode  # read first: drawing replaces it with the decoded program
        if whole and program is not None:
            if program not in _OUTLINED:
                found = draws(program)
                _OUTLINED[program] = _outlined(charstring) if found is None else found
            drawn[cid] = cid != 0 and _OUTLINED[program]
        else:
            drawn[cid] = cid != 0 and _outlined(charstring)
    return drawn


_OUTLINED: dict[bytes, bool] = {}  # subroutine-free charstring -> whether it draws (bounded by the fonts' glyphs)


def _outlined(charstring) -> bool:
    """Whether a charstring draws anything, by running it (subroutines included) into a pen."""
    from fontTools.pens.basePen import NullPen

    class Outline(NullPen):
        drawn = False

        def lineTo(self, *points):
            self.drawn = True

        curveTo = qCurveTo = lineTo

    pen = Outline()
    try:
        charstring.draw(pen)
    except Exception:  # noqa: BLE001 - a broken charstring (cairo 1.16 calls a subroutine the subset lacks)
        return False
    return pen.drawn


# Type 2 charstring operators (Adobe TN 5177): those that draw a segment, and the stem hints that
# decide how many mask bytes follow hintmask/cntrmask. 12 x is written 1200 + x.
_SEGMENTS = {5, 6, 7, 8, 24, 25, 26, 27, 30, 31, 1234, 1235, 1236, 1237}
_STEMS = {1, 3, 18, 23}
_MASKS = {19, 20}
_MOVES = {4, 21, 22}
_NUMBER_LENGTH = {28: 3, 255: 5, **{b: 2 for b in range(247, 255)}}  # else 32-246: one byte


def draws(program: bytes) -> bool | None:
    """Whether a subroutine-free charstring draws a segment, read from its bytes up to the first one.

    Running it in fontTools costs half a millisecond per CJK glyph; a map has a thousand. None when
    the program does anything this reading does not follow (subroutine calls, arithmetic, an accented
    endchar): the caller runs it then."""
    i, size, args, stems = 0, len(program), 0, 0
    while i < size:
        byte = program[i]
        if byte >= 32 or byte == 28:
            i += _NUMBER_LENGTH.get(byte, 1)
            args += 1
            continue
        op, i = (1200 + program[i + 1], i + 2) if byte == 12 and i + 1 < size else (byte, i + 1)
        if op in _SEGMENTS:
            return args > 0 or None
        if op in _STEMS:
            stems += args // 2  # an odd count starts with the glyph's width
        elif op in _MASKS:
            stems += args // 2  # hintmask after hstem takes the vstems implied by its arguments
            i += (stems + 7) // 8
        elif op == 14:  # endchar: with four arguments more it composes an accented glyph (seac)
            return False if args <= 1 else None
        elif op not in _MOVES:
            return None
        args = 0
    return None


def _privates(top) -> list:
    """A CFF font's Private dicts: one per FD of a CID-keyed font, else its own."""
    return [fd.Private for fd in top.FDArray] if hasattr(top, "FDArray") else [top.Private]


def missing_glyphs(pdf: bytes) -> list[Missing]:
    """Every font of the PDF whose shown characters lack a real embedded glyph (empty when all is well)."""
    return _inspect(pdf)[0]


def _inspect(pdf: bytes) -> tuple[list[Missing], set[str]]:
    """The fonts whose shown characters lack a real embedded glyph, and every character the PDF shows."""
    from pypdf import PdfReader
    problems: dict[str, set[str]] = {}
    every: set[str] = set()
    seen: set = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            if getattr(ref, "idnum", None) in seen:
                continue
            seen.add(getattr(ref, "idnum", None))
            font = ref.get_object()
            name = str(font.get("/BaseFont", "?")).lstrip("/")
            unicode = _to_unicode(font["/ToUnicode"].get_object().get_data()) if "/ToUnicode" in font else {}
            shown = {code: ch for code, ch in unicode.items() if ch and not set(ch) <= SPACES}
            every.update(*shown.values())
            descriptor = _descriptor(font)
            program = descriptor.get("/FontFile3") if descriptor else None
            truetype = descriptor.get("/FontFile2") if descriptor and "/DescendantFonts" in font else None
            if program is not None:
                drawn = _drawn(program.get_object().get_data())
            elif truetype is not None:  # e.g. SimHei (黑体) on Windows, which typst embeds as it is: TrueType
                drawn = _drawn_truetype(truetype.get_object().get_data(), _cid_to_gid(font), shown)
            else:  # not embedded, or a simple TrueType font: every character it shows is at risk
                drawn = {}
            bad = {ch for code, ch in shown.items() if not drawn.get(code, False)}
            if bad:
                problems.setdefault(name, set()).update(bad)
    return [Missing(font, "".join(sorted(chars))) for font, chars in sorted(problems.items())], every


def _cid_to_gid(font) -> bytes | None:
    """A CIDFontType2's CID -> glyph map as its stream's bytes (two per CID); None: the identity."""
    mapping = font["/DescendantFonts"][0].get_object().get("/CIDToGIDMap")
    mapping = mapping.get_object() if mapping is not None else None
    return mapping.get_data() if hasattr(mapping, "get_data") else None


def _drawn_truetype(data: bytes, cid_to_gid: bytes | None, codes) -> dict[int, bool]:
    """CID -> whether the embedded TrueType font's glyph for it has an outline (contours or components)
    other than .notdef's: cairo writes a character its font lacks as a copy of the .notdef box."""
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(data), lazy=True)
    glyf, order = font["glyf"], font.getGlyphOrder()
    notdef = glyf[order[0]].compile(glyf)
    drawn = {}
    for cid in codes:
        gid = cid if cid_to_gid is None else int.from_bytes(cid_to_gid[2 * cid:2 * cid + 2], "big")
        glyph = glyf[order[gid]] if 0 < gid < len(order) else None
        drawn[cid] = glyph is not None and glyph.numberOfContours != 0 and glyph.compile(glyf) != notdef
    return drawn


def _descriptor(font):
    if "/DescendantFonts" in font:
        font = font["/DescendantFonts"][0].get_object()
    descriptor = font.get("/FontDescriptor")
    return descriptor.get_object() if descriptor is not None else None
