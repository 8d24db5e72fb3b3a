"""The numbers Word draws before a paragraph of an automatically numbered list (「一、」「（二）」「3.」「①」).

They are not in the paragraph's text: Word renders them from numbering.xml, counting as it goes. A division
document drafted with Word's or WPS's list numbering, or a table whose 序号 column is numbered so, would reach the
importer without its items' numbers; here they are counted again, in the document's order, as Word counts them:
one counter per list definition (abstractNum) and level, a level restarting after any higher level, a list instance
(num) with a start override starting afresh.
"""
from __future__ import annotations

import re

from ..ownnumbers import chinese_numeral as chinese
from .wordtext import W

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def _letters(n: int) -> str:
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


# Word's number formats (ST_NumberFormat) as the text they draw; a format not here draws as decimal
FORMATS = {
    "decimal": str, "decimalZero": lambda n: f"{n:02d}", "decimalFullWidth": lambda n: str(n).translate(
        str.maketrans("0123456789", "０１２３４５６７８９")),
    "chineseCounting": chinese, "chineseCountingThousand": chinese, "chineseLegalSimplified": chinese,
    "japaneseCounting": chinese, "taiwaneseCounting": chinese, "ideographDigital": chinese,
    "decimalEnclosedCircle": lambda n: _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n),
    "decimalEnclosedCircleChinese": lambda n: _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n),
    "decimalEnclosedParen": lambda n: f"({n})", "decimalEnclosedFullstop": lambda n: f"{n}.",
    "ideographTraditional": lambda n: _STEMS[(n - 1) % 10],
    "upperLetter": _letters, "lowerLetter": lambda n: _letters(n).lower(),
    "upperRoman": _roman, "lowerRoman": lambda n: _roman(n).lower(),
}
_SILENT = ("bullet", "none")  # a bullet or no number: nothing to keep


def _val(element, path: str) -> str | None:
    found = element.find(path) if element is not None else None
    return found.get(f"{W}val") if found is not None else None


class _Level:
    def __init__(self, lvl) -> None:
        self.start = int(_val(lvl, f"{W}start") or 1)
        self.format = _val(lvl, f"{W}numFmt") or "decimal"
        self.text = _val(lvl, f"{W}lvlText") or ""
        self.legal = lvl.find(f"{W}isLgl") is not None  # numbers of higher levels drawn as decimals


class ListNumbers:
    """The number Word draws before each numbered paragraph of a document, counted in the document's order."""

    def __init__(self, document) -> None:
        self._levels: dict[str, dict[int, _Level]] = {}  # abstractNum id -> level -> its definition
        self._lists: dict[str, tuple[str, dict[int, int]]] = {}  # num id -> (abstractNum id, start overrides)
        self._styles: dict[str, tuple[str | None, str | None, str | None]] = {}  # style -> numId, ilvl, basedOn
        self._read_definitions(document)
        self._counts: dict[str, dict[int, int]] = {}
        self._started: set[str] = set()
        self.labels = {p: label for p in document.element.body.iter(f"{W}p") if (label := self._next(p))}

    def _read_definitions(self, document) -> None:
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError):  # a document without numbering.xml numbers nothing
            return
        for abstract in numbering.iterfind(f"{W}abstractNum"):
            self._levels[abstract.get(f"{W}abstractNumId")] = {
                int(lvl.get(f"{W}ilvl", 0)): _Level(lvl) for lvl in abstract.iterfind(f"{W}lvl")}
        for num in numbering.iterfind(f"{W}num"):
            overrides = {int(o.get(f"{W}ilvl", 0)): int(_val(o, f"{W}startOverride"))
                         for o in num.iterfind(f"{W}lvlOverride") if _val(o, f"{W}startOverride") is not None}
            self._lists[num.get(f"{W}numId")] = (_val(num, f"{W}abstractNumId"), overrides)
        for style in document.styles.element.iterfind(f"{W}style"):
            ppr = style.find(f"{W}pPr")
            self._styles[style.get(f"{W}styleId")] = (_val(ppr, f"{W}numPr/{W}numId"),
                                                      _val(ppr, f"{W}numPr/{W}ilvl"), _val(style, f"{W}basedOn"))

    def _numbering_of(self, p) -> tuple[str | None, int]:
        """The paragraph's list and level: its own numPr, else its style's (or the style it is based on)."""
        ppr = p.find(f"{W}pPr")
        num, level = _val(ppr, f"{W}numPr/{W}numId"), _val(ppr, f"{W}numPr/{W}ilvl")
        style, seen = _val(ppr, f"{W}pStyle"), set()
        while style and style not in seen and (num is None or level is None):
            seen.add(style)
            style_num, style_level, style = self._styles.get(style, (None, None, None))
            num, level = num or style_num, level or style_level
        return num, int(level or 0)

    def _next(self, p) -> str:
        num, level = self._numbering_of(p)
        if not num or num == "0" or num not in self._lists:
            return ""
        abstract, overrides = self._lists[num]
        levels = self._levels.get(abstract, {})
        if level not in levels or levels[level].format in _SILENT:
            return ""
        counts = self._counts.setdefault(abstract, {})
        if num not in self._started:  # a list instance with its own start begins afresh
            self._started.add(num)
            for at, start in overrides.items():
                counts[at] = start - 1
        counts[level] = counts.get(level, levels[level].start - 1) + 1
        for deeper in [at for at in counts if at > level]:
            del counts[deeper]
        return self._drawn(levels, level, counts)

    @staticmethod
    def _drawn(levels: dict[int, _Level], level: int, counts: dict[int, int]) -> str:
        def number(match: re.Match) -> str:
            at = int(match[1]) - 1
            if at not in levels:
                return ""
            value = counts.get(at, levels[at].start)
            return str(value) if levels[level].legal and at != level else FORMATS.get(levels[at].format, str)(value)
        return re.sub(r"%([1-9])", number, levels[level].text)
