"""An OFD's text as each page's visual lines: 党政机关 exchange their 电子公文 as OFD (GB/T 33190), China's own
fixed-layout format, and an office's OA system hands a received document over as one.

An OFD is a zip of XML: OFD.xml names each document's Document.xml, which lists its pages (and the template pages
they draw on: a 版头 or 版记 is often one); each page's Content.xml places text objects, each a run of characters
(`TextCode`) at a point, with the advance of each character after the first (`DeltaX`, where 「g 3 5.2」 stands for
three advances of 5.2). Like a PDF's, the text is glyphs on a page, so its lines go through pdftext's paragraph rules;
the straight strokes of its paths are read too, for the ruled tables they draw (ofdtables.py). Fonts, colours,
pictures, annotations and seals are not text of the document.
"""
from __future__ import annotations

import io
import posixpath
import unicodedata
import zipfile
from dataclasses import dataclass, field

from . import ofdtables, pdftables
from .source import ImportFailed

RESAVE = "用 WPS 或 OFD 阅读器把它转为 .docx（或另存为 PDF），再导入那个文件；也可向发文单位索取 Word 版"
OCR = "用 WPS 或 OFD 阅读器把它转为 .docx（文字识别），核对文字后再导入那个文件"
_SAME_LINE = 0.4  # of the font size: baselines closer than this are one line (a seal's or superscript's jitter)
# Of the font size, a gap wider than this parts two characters with a space (a word space, a table's next cell):
# measured on the corpus printed by LibreOffice, gaps without a space reach 0.3 (a digit's or letter's own width
# differs from half a character; Chinese beside Latin gets a quarter more, autospace), with one they are 0.5 or more.
_GAP = 0.4


@dataclass(frozen=True)
class _Glyph:
    x: float  # left edge on the page, mm
    y: float  # baseline on the page, mm (downwards)
    size: float
    width: float  # what the character itself takes of its line
    char: str
    spaced: bool  # written after a space of its own code

    @property
    def right(self) -> float:
        return self.x + self.width


def page_lines(raw: bytes, name: str, max_pages: int) -> list[list[str | tuple[str, ...]]]:
    """Each page's lines, top to bottom, with a space where a gap parts the characters of one line, and its ruled
    tables' rows as tuples of cells; ImportFailed when the file is no OFD or cannot be read."""
    try:
        package = _Package(zipfile.ZipFile(io.BytesIO(raw)))
        if len(package.pages) > max_pages:
            raise ImportFailed(f"“{name}”有 {len(package.pages)} 页，超过可读取的 {max_pages} 页", hint="确认导入的是政策文件"
                               "本身；文件确实很长时，只把分工方案部分另存为一个文件再导入", code="import-too-large")
        return [_page(*package.drawn_on(page)) for page in package.pages]
    except ImportFailed:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, IndexError, OSError, RuntimeError, RecursionError) as err:
        raise ImportFailed(f"无法读取这个 OFD 文件（{type(err).__name__}）：文件可能已损坏", hint=RESAVE) from None


Matrix = tuple[float, float, float, float, float, float]  # a b c d e f: (x, y) -> (ax + cy + e, bx + dy + f)
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


class _Package:
    """An OFD's first document: its pages, the template pages and composite units (drawings reused by reference,
    where some converters put all of a page's text) they draw on."""

    def __init__(self, package: zipfile.ZipFile) -> None:
        self.package = package
        # names as written, and lower-cased: producers on Windows write 「TPLS/」 for a folder stored as 「Tpls/」
        self.names = {n.lower(): n for n in package.namelist()}
        document = self._root_document()
        root = self.xml(document)
        folder = posixpath.dirname(document)
        self.pages = [_resolve(folder, p.get("BaseLoc", "")) for p in _all(root, "Page")]
        self.templates = {t.get("ID"): _resolve(folder, t.get("BaseLoc", ""))
                          for t in _all(root, "TemplatePage") if t.get("ID")}
        self.units: dict[str, object] = {}  # CompositeGraphicUnit by ID, from the document's resource files
        for res in _all(root, "PublicRes") + _all(root, "DocumentRes"):
            self._add_units(_resolve(folder, res.text or ""))
        self.templates_read: set[str] = set()  # a running head drawn on every page is read once

    def _root_document(self) -> str:
        roots = [e.text.strip() for e in _all(self.xml("OFD.xml"), "DocRoot") if e.text and e.text.strip()]
        if not roots:
            raise ImportFailed("这个 OFD 文件里没有文档（OFD.xml 未指明 DocRoot）", hint=RESAVE)
        return roots[0].lstrip("/")

    def xml(self, member: str):
        from lxml import etree  # late import, as the other readers: only OFD needs it here
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        try:
            return etree.fromstring(self.package.read(self.names.get(member.lower(), member)), parser)
        except etree.XMLSyntaxError as err:
            raise ValueError(f"{member}: {err}") from None

    def has(self, member: str) -> bool:
        return member.lower() in self.names

    def _add_units(self, res: str) -> None:
        if self.has(res):
            self.units.update((u.get("ID"), u) for u in _all(self.xml(res), "CompositeGraphicUnit") if u.get("ID"))

    def drawn_on(self, page: str) -> tuple[list[_Glyph], list[ofdtables.Segment]]:
        """The characters and straight strokes of a page and of the template pages it draws on that no page before
        it drew; a template missing from the package is passed over (the page's own text is what matters)."""
        content = self.xml(page)
        for res in _all(content, "PageRes"):
            self._add_units(_resolve(posixpath.dirname(page), res.text or ""))
        drawn = _Drawn()
        self._place(content, _IDENTITY, set(), drawn)
        for use in _all(content, "Template"):
            template = self.templates.get(use.get("TemplateID"))
            if template and template != page and template not in self.templates_read and self.has(template):
                self.templates_read.add(template)
                self._place(self.xml(template), _IDENTITY, set(), drawn)
        return drawn.glyphs, drawn.rules

    def _place(self, element, matrix: Matrix, using: set[str], drawn: "_Drawn") -> None:
        """The text and path objects below element, and those of the composite units it draws, on the page."""
        for child in element:
            kind = _local(child)
            if kind == "TextObject":
                drawn.glyphs += _text_object(child, _compose(matrix, _placement(child)))
            elif kind == "PathObject":
                outline = next((e.text for e in child if _local(e) == "AbbreviatedData"), None) or ""
                placed = _compose(matrix, _placement(child))
                drawn.rules += ofdtables.segments(outline, lambda x, y: _apply(placed, x, y))
            elif kind == "CompositeObject":
                unit_id = child.get("ResourceID")
                unit = self.units.get(unit_id)
                if unit is not None and unit_id not in using:  # a unit drawing itself would never end
                    self._place(unit, _compose(matrix, _placement(child)), {*using, unit_id}, drawn)
            elif kind in ("Content", "Layer", "PageBlock"):
                self._place(child, matrix, using, drawn)


@dataclass
class _Drawn:
    glyphs: list[_Glyph] = field(default_factory=list)
    rules: list[ofdtables.Segment] = field(default_factory=list)


def _placement(element) -> Matrix:
    """Where an object's own space lies on its parent's: its matrix (CTM), then moved to its box's corner."""
    box = _numbers(element.get("Boundary")) + [0.0, 0.0]
    a, b, c, d, e, f = (_numbers(element.get("CTM")) + [0.0] * 6)[:6] if element.get("CTM") else _IDENTITY
    return a, b, c, d, e + box[0], f + box[1]


def _apply(matrix: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = matrix
    return a * x + c * y + e, b * x + d * y + f


def _compose(outer: Matrix, inner: Matrix) -> Matrix:
    """inner, then outer."""
    a, b, c, d, e, f = outer
    p, q, r, s, t, u = inner
    return a * p + c * q, b * p + d * q, a * r + c * s, b * r + d * s, a * t + c * u + e, b * t + d * u + f


def _resolve(folder: str, location: str) -> str:
    """A location as OFD writes it: from the package's root when it starts with 「/」, else from the referring file's."""
    location = location.strip().replace("\\", "/")
    return posixpath.normpath(location.lstrip("/") if location.startswith("/") else posixpath.join(folder, location))


def _local(element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _all(root, name: str) -> list:
    """Elements of that local name anywhere below root, whatever namespace prefix the producer wrote."""
    return [e for e in root.iter() if _local(e) == name]


def _numbers(value: str | None) -> list[float]:
    return [float(v) for v in (value or "").split()]


def _advances(value: str | None, count: int) -> list[float]:
    """DeltaX as numbers, its 「g N d」 (N advances of d) spelt out; no more than the code's `count` characters use
    (a 「g 1e12 1」 would fill the memory)."""
    words, out, i = (value or "").split(), [], 0
    while i < len(words) and len(out) < count:
        if words[i] == "g" and i + 2 < len(words):
            out += [float(words[i + 2])] * min(int(float(words[i + 1])), count - len(out))
            i += 3
        else:
            out.append(float(words[i]))
            i += 1
    return out


def _text_object(element, matrix: Matrix) -> list[_Glyph]:
    """A text object's characters on the page: each code's point, advanced by DeltaX (and DeltaY: some producers
    write several lines in one code, going back with DeltaX), through the object's placement."""
    a, b, c, d = matrix[:4]
    scale = abs(a * d - b * c) ** 0.5 or 1.0
    size = float(element.get("Size") or 0) or 3.5  # in the object's own space
    glyphs, x, y = [], 0.0, 0.0
    for code in (child for child in element if _local(child) == "TextCode"):
        x = float(code.get("X", x))  # a code without a point goes on from the last one's
        y = float(code.get("Y", y))
        text = code.text or ""
        across, down = _advances(code.get("DeltaX"), len(text)), _advances(code.get("DeltaY"), len(text))
        spaced = False
        for n, char in enumerate(text):
            own = size * _width(char)
            if char.isspace():
                spaced = True
            else:
                glyphs.append(_Glyph(*_apply(matrix, x, y), size * scale, own * scale, char, spaced))
                spaced = False
            x += across[n] if n < len(across) else own  # past the list: the glyph's own width
            y += down[n] if n < len(down) else 0.0
    return glyphs


def _width(char: str) -> float:
    """A character's advance in ems: a Chinese character fills its square, a Latin letter or digit half of it; those
    of ambiguous width (“” ‘’ …) are full in a Chinese font."""
    return 1.0 if unicodedata.east_asian_width(char) in "WFA" else 0.5


def _page(glyphs: list[_Glyph], rules: list[ofdtables.Segment]) -> list[str | tuple[str, ...]]:
    """A page's lines top to bottom, each ruled table's rows among them as tuples of cells."""
    found = ofdtables.tables(rules) if rules else []
    placed: list[tuple[float, int, str | tuple[str, ...]]] = []
    for cells in found:
        box = (min(c[0] for c in cells), min(c[1] for c in cells), max(c[2] for c in cells), max(c[3] for c in cells))
        inside = [g for g in glyphs if _within(g, box)]
        glyphs = [g for g in glyphs if not _within(g, box)]
        placed += [(box[1], n, tuple(_cell(cell, inside) for cell in row))
                   for n, row in enumerate(ofdtables.grid(cells))]
    placed += [(line[0].y, 0, _spaced(line)) for line in _line_groups(glyphs)]
    return [item for _, _, item in sorted(placed, key=lambda p: (p[0], p[1]))]


def _within(glyph: _Glyph, box: tuple[float, float, float, float]) -> bool:
    """Whether a character's middle (half its width along, a third of its size above its baseline) is in the box."""
    x, y = glyph.x + glyph.width / 2, glyph.y - glyph.size / 3
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _cell(box: tuple[float, float, float, float], glyphs: list[_Glyph]) -> str:
    return pdftables.cell_text("\n".join(_lines([g for g in glyphs if _within(g, box)])))


def _lines(glyphs: list[_Glyph]) -> list[str]:
    return [_spaced(line) for line in _line_groups(glyphs)]


def _line_groups(glyphs: list[_Glyph]) -> list[list[_Glyph]]:
    """Characters on one baseline (within a fraction of their size) make a line, read left to right."""
    lines: list[list[_Glyph]] = []
    for glyph in sorted(glyphs, key=lambda g: (g.y, g.x)):
        if lines and glyph.y - lines[-1][0].y <= _SAME_LINE * max(glyph.size, lines[-1][0].size):
            lines[-1].append(glyph)
        else:
            lines.append([glyph])
    return [sorted(line, key=lambda g: g.x) for line in lines]


def _spaced(line: list[_Glyph]) -> str:
    out = [line[0].char]
    for before, glyph in zip(line, line[1:]):
        out.append((" " if glyph.spaced or glyph.x - before.right > _GAP * glyph.size else "") + glyph.char)
    return "".join(out)
