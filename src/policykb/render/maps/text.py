"""Measure and wrap text with the real font metrics of the faces the maps are drawn in.

The maps name the official faces (黑体, 方正小标宋简体); on Linux they resolve to Noto CJK through
fonts/fonts.conf, so the layout measures with Noto CJK's advance widths (read with fontTools).
Chinese wraps between characters, but a line never starts with closing punctuation nor ends with
opening punctuation; Latin words and numbers never split without a hyphen; shortened text ends in …
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ... import system
from ...issues import ToolError
from . import sfnt

FONT_DIRS = tuple(str(d) for d in system.font_dirs())  # Linux, Windows or macOS folders

# face -> (file name, family inside the collection)
FACE_FILES = {
    "sans": ("NotoSansCJK-Regular.ttc", "Noto Sans CJK SC"),
    "sans-bold": ("NotoSansCJK-Bold.ttc", "Noto Sans CJK SC"),
    "serif": ("NotoSerifCJK-Regular.ttc", "Noto Serif CJK SC"),
    "serif-bold": ("NotoSerifCJK-Bold.ttc", "Noto Serif CJK SC"),
}

# The names written into the SVG: official face first, then fallbacks (cairosvg takes the first and
# fontconfig maps it; browsers walk the list).
FAMILY = {
    "sans": "黑体, SimHei, Noto Sans CJK SC, Source Han Sans SC, sans-serif",
    "serif": "方正小标宋简体, FZXiaoBiaoSong-B05S, 宋体, SimSun, Noto Serif CJK SC, serif",
}

CLOSING = set("，。、；：？！）》〉】」』”’…%％·,.;:?!)]}、—")  # never starts a line
OPENING = set("（《〈【「『“‘([{")  # never ends a line
CLAUSE_END = set("，。；：！？")
ELLIPSIS = "…"


class FontMissing(ToolError):
    """The Noto CJK fonts the maps measure with are not installed (a build stops with this, cleanly)."""

    def __init__(self, message: str, hint: str = "apt-get install fonts-noto-cjk (or run scripts/setup)",
                 code: str = "font-missing"):
        super().__init__(message, hint, code)


SHORT = 24  # strings up to this long (tokens, unit names) keep their measured width


@dataclass(frozen=True)
class Metrics:
    """Advance widths (in em) of one face, plus its vertical extent."""
    widths: dict[int, float]
    ascent: float  # em above the baseline
    descent: float  # em below the baseline (positive)
    fallback: float = 1.0
    measured: dict[str, float] = field(default_factory=dict, compare=False, repr=False)

    def ems(self, text: str) -> float:
        """The text's width in em, summed in the same order every time (so `ems * size` is always the
        same float); a layout measures the same tokens at many sizes, so short ones are remembered."""
        found = self.measured.get(text)
        if found is None:
            w = self.widths
            found = sum(w.get(ord(c), self.fallback) for c in text)
            if len(text) <= SHORT:
                self.measured[text] = found
        return found

    def width(self, text: str, size: float) -> float:
        return self.ems(text) * size


def find_font(file_name: str) -> Path:
    for folder in FONT_DIRS:
        root = Path(folder)
        if not root.is_dir():
            continue
        direct = root / file_name
        if direct.is_file():
            return direct
        for found in sorted(root.rglob(file_name)):
            return found
    raise FontMissing(f"找不到字体文件 {file_name}（请安装 fonts-noto-cjk，即 Noto Sans/Serif CJK SC）")


@lru_cache(maxsize=None)
def metrics(face: str = "sans") -> Metrics:
    file_name, family = FACE_FILES[face]
    found = _read_widths(find_font(file_name), family)
    loaded = _LOADED[face] = Metrics(widths=found["widths"], ascent=found["ascent"], descent=found["descent"])
    return loaded


def _read_widths(path: Path, family: str) -> dict:
    """A face's advance widths in em, those other than the 1 em of `Metrics.fallback` only (the
    ideographs, most of a CJK font, are 1 em: leaving them out measures every text the same).
    Read from the table bytes (`sfnt`); fontTools reads a font whose character map that does not follow."""
    return sfnt.face_metrics(path, family) or _read_widths_by_fonttools(path, family)


def _read_widths_by_fonttools(path: Path, family: str) -> dict:
    from fontTools.ttLib import TTCollection

    collection = TTCollection(str(path), lazy=True)
    font = next((f for f in collection.fonts if f["name"].getDebugName(1) == family), collection.fonts[0])
    upm = font["head"].unitsPerEm
    hmtx = font["hmtx"].metrics
    fallback = Metrics.fallback
    widths = {cp: w for cp, glyph in font.getBestCmap().items() if (w := hmtx[glyph][0] / upm) != fallback}
    os2 = font["OS/2"]  # the ideographic em box: what a CJK line occupies
    return {"widths": widths, "ascent": os2.sTypoAscender / upm, "descent": -os2.sTypoDescender / upm}


_LOADED: dict[str, Metrics] = {}  # the faces `metrics` has read, for `forget`


def width(text: str, size: float, face: str = "sans") -> float:
    return metrics(face).width(text, size)


def _is_word_char(c: str) -> bool:
    return c.isascii() and (c.isalnum() or c in ".-_/%+")


def tokens(text: str) -> list[str]:
    """Unbreakable pieces: a CJK character or a Latin word/number, with the punctuation glued to it."""
    return list(_tokens(text))


@lru_cache(maxsize=20_000)  # a layout wraps each cell's text at many sizes: split it once
def _tokens(text: str) -> tuple[str, ...]:
    raw: list[str] = []
    for c in text:
        if raw and _is_word_char(c) and _is_word_char(raw[-1][-1]):
            raw[-1] += c
        else:
            raw.append(c)
    out: list[str] = []
    pending_open = ""
    for piece in raw:
        if piece in OPENING:
            pending_open += piece
            continue
        piece = pending_open + piece
        pending_open = ""
        if out and piece[0] in CLOSING:
            out[-1] += piece
        else:
            out.append(piece)
    if pending_open:
        if out:
            out[-1] += pending_open
        else:
            out.append(pending_open)
    return tuple(out)


def _split_long(token: str, limit: float, size: float, face: str) -> list[str]:
    """Break a token wider than a line: between characters, with a hyphen inside a Latin word."""
    pieces, current = [], ""
    for c in token:
        mark = "-" if _is_word_char(c) else ""
        if current and width(current + c + mark, size, face) > limit:
            glue = "-" if _is_word_char(current[-1]) and _is_word_char(c) else ""
            pieces.append(current + glue)
            current = c
        else:
            current += c
    if current:
        pieces.append(current)
    return pieces


def _fill(parts: list[str], limit: float, size: float, face: str) -> list[list[str]]:
    """Greedy line filling: each line a list of parts; a part wider than a line is split."""
    m = metrics(face)
    lines: list[list[str]] = []
    current: list[str] = []
    used = 0.0
    for part in parts:
        w = m.width(part, size)
        if used + w <= limit:
            current.append(part)
            used += w
            continue
        if w > limit and len(tokens(part)) > 1:  # e.g. a long unit name: break it like text
            toks = tokens(part)
            if current and used + m.width(toks[0], size) > limit:
                lines.append(current)
                current, used = [], 0.0
            pieces = _fill(toks, limit - used, size, face)
            current += pieces[0]
            if len(pieces) == 1:
                used += m.width("".join(pieces[0]), size)
                continue
            lines.append(current)
            rest = _fill(tokens("".join(p for line in pieces[1:] for p in line)), limit, size, face)
            lines.extend(rest[:-1])
            current, used = rest[-1], m.width("".join(rest[-1]), size)
            continue
        if current:
            lines.append(current)
        if w > limit:
            *full, part = _split_long(part, limit, size, face)
            lines.extend([piece] for piece in full)
            w = m.width(part, size)
        current, used = [part], w
    if current:
        lines.append(current)
    return lines


def wrap_tokens(parts: list[str], limit: float, size: float, face: str = "sans",
                max_lines: int | None = None, more: str = ELLIPSIS) -> list[str]:
    """Lines of unbreakable parts; beyond max_lines the last kept line ends with `more`."""
    lines = list(_filled(tuple(parts), limit, size, face))
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _cut(lines[-1], limit, size, face, more)
    return ["".join(line) for line in lines]


@lru_cache(maxsize=20_000)  # the layout tries each size with up to 7 line counts: fill once, cut each
def _filled(parts: tuple[str, ...], limit: float, size: float, face: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(line) for line in _fill(list(parts), limit, size, face))


def _cut(parts: list[str], limit: float, size: float, face: str, more: str) -> list[str]:
    """Drop parts from the end until the line plus `more` fits; trailing commas go too."""
    parts = list(parts)
    while parts and width("".join(parts) + more, size, face) > limit:
        parts.pop()
    if parts:
        parts[-1] = parts[-1].rstrip("".join(CLAUSE_END) + "、")
    if not "".join(parts) and width(more, size, face) > limit:
        return []
    return parts + [more]


def shorten(line: str, limit: float, size: float, face: str = "sans", more: str = ELLIPSIS) -> str:
    """The line cut at a token edge so that it ends with `more` and fits."""
    return "".join(_cut(tokens(line), limit, size, face, more))


def wrap(text: str, limit: float, size: float, face: str = "sans", max_lines: int | None = None) -> list[str]:
    """Lines of `text` no wider than `limit` at font size `size` (same unit as limit)."""
    return list(_wrap(text, round(limit, 6), size, face, max_lines))


@lru_cache(maxsize=20_000)  # a map's layout tries many sizes and both orientations with the same widths
def _wrap(text: str, limit: float, size: float, face: str, max_lines: int | None) -> tuple[str, ...]:
    return tuple(wrap_tokens(tokens(text), limit, size, face, max_lines))


def wrap_parts(parts: list[str], limit: float, size: float, face: str = "sans",
               max_lines: int | None = None) -> list[str]:
    """`wrap_tokens`, remembered: a map's layout wraps the same cells at many sizes."""
    return list(_wrap_parts(tuple(parts), round(limit, 6), size, face, max_lines))


@lru_cache(maxsize=20_000)
def _wrap_parts(parts: tuple[str, ...], limit: float, size: float, face: str, max_lines: int | None) -> tuple[str, ...]:
    return tuple(wrap_tokens(list(parts), limit, size, face, max_lines))


def wrap_names(names: list[str], limit: float, size: float, face: str = "sans", max_lines: int | None = None,
               suffix: str = "") -> list[str]:
    """Unit names joined by 、, breaking between names where it can; a cut list says how many in all."""
    return list(_wrap_names(tuple(names), round(limit, 6), size, face, max_lines, suffix)) if names else []


@lru_cache(maxsize=20_000)
def _wrap_names(names: tuple[str, ...], limit: float, size: float, face: str, max_lines: int | None,
                suffix: str) -> tuple[str, ...]:
    parts = [n + ("、" if i < len(names) - 1 else "") for i, n in enumerate(names)]
    if suffix.startswith("（"):  # a label such as （共同牵头） may go to a line of its own
        parts.append(suffix)
    else:
        parts[-1] += suffix
    return tuple(wrap_tokens(parts, limit, size, face, max_lines, more=f"等{len(names)}个"))


def forget() -> None:
    """Drop what the wrapping remembered (tens of megabytes at many documents): for after the maps
    are drawn, so that the stages after them do not carry it. The fonts' widths are kept."""
    for remembered in (_tokens, _filled, _wrap, _wrap_parts, _wrap_names):
        remembered.cache_clear()
    for loaded in _LOADED.values():
        loaded.measured.clear()
