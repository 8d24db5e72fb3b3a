"""Readers: a file as offices receive it (.txt in any common encoding, .docx, .xlsx, saved .html, a PDF's text
(`pdftext.py`), an OFD's (`ofdtext.py`); .doc, .wps, .xls and their kin through LibreOffice, `legacy.py`) into the common form
(`source.Source`). Each reader keeps paragraphs and table rows in reading order.
"""
from __future__ import annotations

import html
import io
import re
import zipfile
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

from . import legacy, limits, ofdtext, pdftext
from .lexicon import alternation, lexicon
from .source import Block, ImportFailed, Source
from .texttables import with_text_tables
from .unitnames import looks_like_unit
from .wordnumbers import ListNumbers
from .wordtext import blocks as word_blocks, cells as word_cells, holds_tables, lift_rows, paragraph_text

MAX_BYTES = 50_000_000  # a policy with its annexes is a few MB at most; more is the wrong file


def _blank(text: str) -> bool:
    return not text.strip().strip("\u3000")


_EDIT_LINK = re.compile(r"\s*\[(?:编辑|編輯|edit)\]$")  # 「二、主要职责[编辑]」: a wiki's link to edit its section


# 「…加工点4-10个.由区农业局…」: a half-width full stop between two words (not after a numeral, 「一.总则」 numbers a
# heading) ends a sentence as 。 does: written so, the sentences after it are read apart
_HALF_WIDTH_STOP = re.compile(r"(?<=[\u4e00-\u9fff])(?<![一二三四五六七八九十百零〇壹贰叁肆伍陆柒捌玖拾])\.(?=[\u4e00-\u9fff])")


def _clean(text: str) -> str:
    text = _EDIT_LINK.sub("", text.replace("\xa0", " ").replace("\u200b", "").replace("\ufeff", ""))
    text = _HALF_WIDTH_STOP.sub("。", text)
    return re.sub(r"[ \t\u3000]+", lambda m: " " if m.start() else "", text.strip()).strip()


# --- text ---

def decode(raw: bytes) -> tuple[str, str]:
    """The text of raw bytes and the encoding it was read in: BOMs first, then UTF-8, then GB18030."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", "replace"), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "utf-16"
    if raw[:200].count(b"\x00") > 20:  # UTF-16 without a BOM: every other byte of ASCII is zero
        little = raw[1::2].count(b"\x00") > raw[0::2].count(b"\x00")
        return raw.decode("utf-16-le" if little else "utf-16-be", "replace"), "utf-16"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    mixed = _utf8_lines(raw)
    if mixed:  # read as GBK, these lines would become mojibake without a word
        raise ImportFailed(f"文本混用了 UTF-8 和 GBK：第 {'、'.join(map(str, mixed[:5]))} 行是 UTF-8，"
                           f"其余不是", hint="用编辑器打开，改正乱码的行，再把整个文件保存为 UTF-8", code="encoding")
    try:
        return raw.decode("gb18030"), "gb18030"  # a superset of GBK and GB2312
    except UnicodeDecodeError as err:
        raise ImportFailed(f"文本既不是 UTF-8、UTF-16，也不是 GB18030/GBK（第 {err.start} 字节处为 0x{raw[err.start]:02x}）",
                           hint="用编辑器打开后保存为 UTF-8",
                           code="encoding")


def _utf8_lines(raw: bytes) -> list[int]:
    """Numbers of lines that are clearly UTF-8 Chinese (at least 4 characters beyond ASCII) in a file
    that as a whole is not UTF-8: pasted together from two sources."""
    found = []
    for number, line in enumerate(raw.split(b"\n"), start=1):
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if sum(ord(ch) > 0x2E80 for ch in text) >= 4:
            found.append(number)
    return found


def _open_title(text: str) -> bool:
    """A line that stops inside a 《title》: the page wrapped it there, and the next line, closing it, goes on."""
    return text.count("《") > text.count("》")


# where a page sits on its site (「当前位置：首页 > …」, or the path alone: 「首页 >> 政府信息公开 >> 正文」) and its
# greeting (「欢迎访问X人民政府网站」): no text of it
_SITE_CHROME = re.compile(r"^\s*(?:(?:当前位置|當前位置|您现在的位置|您現在的位置|您的位置|现在位置)\s*[:：]|(?:首页|首頁)\s*(?:>|＞|»|›)"
                          r"|(?:您好[，,！!]?\s*)?(?:欢迎|歡迎)(?:您)?(?:访问|訪問|来到|來到|光临|光臨|登录|登錄)[^。；;，,]{0,40}$)")


def _open_note(text: str, line: str) -> bool:
    """A line that stops inside a bracket (「…（教育部、国家」) and a next line closing it before opening another
    (「卫生健康委按职责分工负责）」): a hard-wrapped page broke the note there, and the line goes on."""
    opened = len(re.findall(r"[(（]", text)) - len(re.findall(r"[)）]", text))
    close = re.search(r"[)）]", line)
    return opened > 0 and close is not None and not re.search(r"[(（]", line[:close.start()])


# A hard-wrapped page (a PDF's text, a fixed-width copy): a line of prose (a comma inside it, no label's colon; or an
# item's numbered first line, long and without a stop) that stops on a character in the middle of its sentence, and
# a next line that opens with no numbering, digit or bracket, long or ending the sentence, go on as one line.
# Headings and titles have no comma; a paragraph ends with its stop.
_STOPS_MID_SENTENCE = re.compile(r"^[^：:|]{20,}[，,、][^：:|]*[\u4e00-\u9fff]$"
                                  r"|^[(（][一二三四五六七八九十\d]{1,3}[)）][^：:|。；;]{20,}[\u4e00-\u9fff]$")
_GOES_ON = re.compile(r"^[\u4e00-\u9fff“](?:.{19,}|.*[，,。；;）)])")  # a cell of a unit's name alone is none
_CELLS = re.compile(r"[\u4e00-\u9fff。，、；] +[\u4e00-\u9fff]")


def _wrapped(text: str, line: str) -> bool:
    """(a space between two words is a row of cells, 「…考核奖惩。 人秘科 各区教育局」, not prose; a covering notice's
    closing formula, 「…印发给你们请认真贯彻执行」 on a page that lost its stops, ends its paragraph)"""
    return bool(_STOPS_MID_SENTENCE.match(text) and _GOES_ON.match(line) and not _CELLS.search(text)
                and not _NUMBERED.match(line) and not lexicon().label.match(line)
                and not lexicon().transmittal_end.search(text))


_NUMBERED = re.compile(r"^(?:第[一二三四五六七八九十百\d]{1,4}[条项章节部分]|[一二三四五六七八九十]{1,3}[、．.])")


# A document-sharing site's preview (「《X.doc》由会员分享，可在线阅读…」) shows the text in chunks of a fixed length, each
# on a line of its own marked 「1、」「2、」…: a chunk stops wherever the count does, inside a sentence or a word
# (「村主要负」 / 「2、责人是第一责任人」), so the next chunk goes on without its mark.
_CHUNK = re.compile(r"^(\d{1,3})、")
_CHUNK_SIZE = 200  # a full chunk is a few hundred characters; a numbered paragraph that long ends its sentence
_SENTENCE_END = re.compile(r"[。；;：:！!？?）)”]\s*$")


def _chunks_joined(lines: list[str]) -> list[tuple[int, str]]:
    """(line number, line): each chunk that goes on from the one before joined to it, the marks of the run left out."""
    out: list[tuple[int, str]] = []
    run = 0  # the mark of the last line, where it opened a run of chunks
    for n, line in enumerate(lines, start=1):
        m = _CHUNK.match(line.strip())
        last = out[-1][1].strip() if out else ""
        if m and run and int(m[1]) == run + 1 and len(last) >= _CHUNK_SIZE and not _SENTENCE_END.search(last):
            out[-1] = (out[-1][0], (_CHUNK.sub("", last) if run == 1 else last) + line.strip()[m.end():])
            run += 1
            continue
        run = 1 if m and m[1] == "1" else 0
        out.append((n, line))
    return out


def _lines(text: str, unit: str = "行") -> list[Block]:
    count = limits.Counter()
    blocks = []
    border = False  # a 「|」 alone since the last line: the lines on either side are two cells, never one wrapped line
    for n, line in _chunks_joined(text.splitlines()):
        if _blank(line.replace("|", "")) or _SITE_CHROME.match(line):  # 「|」 alone: a page's cell border between
            border |= "|" in line  # cells copied one a line
            continue
        if blocks and (_open_title(blocks[-1].text) and "》" in line or _open_note(blocks[-1].text, line)
                       or not border and _wrapped(blocks[-1].text, _clean(line))):
            blocks[-1] = Block(blocks[-1].text + _clean(line), blocks[-1].where)
            continue
        count.block()
        blocks.append(Block(_clean(line), f"第{n}{unit}", cell=border))
        border = False
    return blocks


@lru_cache(maxsize=1)
def _breaks() -> re.Pattern:
    """Where a page that lost its line breaks had them: a space before a numbering or a label (「 一、」「 1.」「 （二）」
    「 责任单位:」, any short word and its colon: 「 牵头领导:」「 项目责任人:」)."""
    return re.compile(r"\s+(?=[一二三四五六七八九十]{1,3}、|\d{1,3}[.．、](?!\d)|[(（][一二三四五六七八九十\d]{1,3}[)）]"
                      rf"|(?:{alternation(lexicon().labels)}|[\u4e00-\u9fff]{{2,8}})\s*[：:])")


# 「X关于…的通知 各县、区人民政府,市政府各有关部门: 2005年…」: a title, a salutation and the body on one line, a space
# between each (the title short, without a full stop or colon; the salutation without spaces, closed by its colon)
# (no colon in the title: 「索引号: … 组配分类: 决策部署落实情况」 is a page's metadata, label and value)
_SALUTATION_BETWEEN = re.compile(r"^(?P<title>[^。：:\n]{4,120}?)\s+(?P<salutation>[^\s：:。]{4,60}[：:])\s+(?P<body>\S.*)$",
                                 re.S)


def _salutation_apart(block: Block) -> list[Block]:
    m = _SALUTATION_BETWEEN.match(block.text)
    return [Block(m[k], block.where) for k in ("title", "salutation", "body")] if m else [block]


# 「…共同做好预防工作。派出所:配合有关部门…」: a roster's unit and its colon right after a sentence, on a page that
# lost its line breaks
_ROSTER_NAME = re.compile(r"(?<=[。；;])\s*(?=(?P<name>[^，,。；;：:\s]{2,12})[：:])")


# 「三、职责分工 按照…原则,各村是…」: a numbered heading and its paragraph, a space between, on a page that lost its breaks
_HEADING_THEN = re.compile(r"^(?P<heading>[一二三四五六七八九十]{1,3}、[\u4e00-\u9fff]{2,10})\s+(?P<body>\S.{20,})$", re.S)


def _heading_apart(text: str) -> list[str]:
    m = _HEADING_THEN.match(text)
    return [m["heading"], m["body"]] if m else [text]


# A page's paragraph markup stored as text (「<p class="…">…</p> <p>…</p>」 on one line): a break at each paragraph
_PARAGRAPH_TAGS = re.compile(r"\s*(?:</p>\s*)?<p(?:\s[^<>]*)?>\s*|\s*</p>\s*", re.I)


def _unrun(blocks: list[Block]) -> list[Block]:
    """A whole document on one line (a page whose breaks became spaces, or kept its paragraph tags), cut where its
    items and labels begin, and before each unit's name that opens a roster line."""
    out = []
    for block in blocks:
        if block.is_row:  # a PDF's table row: its cells are already apart
            out.append(block)
            continue
        tagged = [p for p in _PARAGRAPH_TAGS.split(block.text) if p.strip()]
        if tagged and _PARAGRAPH_TAGS.search(block.text):  # each paragraph a place of its own: 「第1行第3段」
            out += _unrun([Block(p, f"{block.where}第{k}段") for k, p in enumerate(tagged, start=1)])
            continue
        pieces = _breaks().split(block.text) if len(block.text) > 300 else [block.text]
        run = [Block(h, block.where) for p in pieces if p for h in _heading_apart(p)] if len(pieces) >= 4 \
            else _salutation_apart(block)
        if len(run) >= 4 and "段" not in block.where:  # each item a place of its own, as a reader cites it: 「第1行第3段」
            run = [Block(piece.text, f"{block.where}第{k}段") for k, piece in enumerate(run, start=1)]
        for piece in run:
            cuts = [m.start() for m in _ROSTER_NAME.finditer(piece.text)  # (a label, 牵头单位：, stays in its item)
                    if looks_like_unit(m["name"]) and not lexicon().label_role(m["name"])] \
                if len(block.text) > 300 else []
            out += [Block(piece.text[a:b].strip(), piece.where, cell=block.cell and not a)
                    for a, b in zip([0] + cuts, cuts + [len(piece.text)]) if piece.text[a:b].strip()]
    return out


# 「…完成报告。Р区政府、卫生Р2.慢性病…」: a document site's preview marks each cell of its table with a Cyrillic Р (a
# letter no Chinese text holds between its words): a cell border, as a 「|」 alone on its line between cells
_CELL_MARK = re.compile(r"(?<=[\u4e00-\u9fff。；;，,、：:)）%])Р(?=[\u4e00-\u9fff(（\d])")


def _cells_marked(text: str) -> str:
    return _CELL_MARK.sub("\n|\n", text) if len(_CELL_MARK.findall(text)) >= 3 else text


def read_txt(path: Path, raw: bytes) -> Source:
    text, encoding = decode(raw)
    return Source(str(path), "txt", _unrun(_lines(_cells_marked(text))), encoding)


def with_tables(source: Source) -> Source:
    """A text's tables written as lines (cells between 「|」, spaced, one a line, run together) made rows; read in the
    page's reading view (`script`) so that a traditional or glossed header reads as column words. A PDF's text is such
    lines too where its tables had no rules; ruled ones come as rows already, numbered as read (pdftables)."""
    if source.kind not in ("txt", "pdf", "ofd") or any(b.is_row for b in source.blocks):
        return source
    return Source(source.path, source.kind, with_text_tables(source.blocks), source.encoding)


# --- Word ---

def _numbered(p, numbers: ListNumbers) -> str:
    """A paragraph's text (w:p) as Word shows it, with the number Word draws before it when its list numbers it."""
    label, text = numbers.labels.get(p, ""), paragraph_text(p)
    return label + (" " if label[-1:].isalnum() else "") + text if label else text


def _docx_rows(table, number: int, count: limits.Counter, numbers: ListNumbers) -> list[Block]:
    """Rows of a Word table; merged cells repeat their text, header rows repeated on each page are dropped; a 序号
    column numbered by Word's list numbering keeps its numbers."""
    tbl = table._tbl
    where = f"表{number}"
    limits.columns(len(tbl.xpath("./w:tblGrid/w:gridCol")), where)
    for span in tbl.xpath(".//w:gridSpan/@w:val"):  # python-docx repeats a merged cell once per column it spans
        limits.columns(int(span) if span.isdigit() else 1, where)
    limits.rows(len(tbl.xpath("./w:tr")), where)
    blocks, header = [], None
    for r, row in enumerate(table.rows, start=1):
        cells = tuple(_clean("\n".join(_numbered(p, numbers) for p in word_blocks(c._tc) if p.tag.endswith("}p")))
                      for c in row.cells)
        count.block(len(cells))
        if all(not c for c in cells):
            continue
        if header is None:
            header = cells
        elif cells == header:
            continue  # the header row again (repeated across pages, or a table pasted in pieces)
        blocks.append(Block(" | ".join(cells), f"表{number}第{r}行", cells, number))
    return blocks


def read_docx(path: Path, raw: bytes) -> Source:
    import docx  # late import: python-docx takes a while to load and only .docx needs it
    limits.check_package(path)
    try:
        document = docx.Document(path)
    except (zipfile.BadZipFile, KeyError, ValueError) as err:
        raise ImportFailed(f"无法打开这个 .docx（{type(err).__name__}：{err}）",
                           hint="用 Word 或 WPS 打开后重新另存为 .docx；旧版 .doc 须先另存为 .docx")
    except Exception as err:  # lxml and python-docx raise many kinds on a damaged file
        raise ImportFailed(f"这个 .docx 已损坏（{type(err).__name__}）",
                           hint="用 Word 或 WPS 打开后重新另存为 .docx")
    return Source(str(path), "docx", _WordBody(document, path).read(document.element.body))


class _WordBody:
    """A Word body's blocks in reading order: paragraphs, table rows, embedded pages, counted as the review names them."""

    def __init__(self, document, path: Path) -> None:
        self.document, self.path = document, path
        self.paragraph = self.table = 0
        self.count = limits.Counter()
        self.numbers = ListNumbers(document)

    def read(self, container) -> list[Block]:
        from docx.table import Table
        blocks: list[Block] = []
        for child in word_blocks(container):  # those inside content controls too
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                self.paragraph += 1
                self.count.block()  # empty paragraphs count too: 100,000 of them are no policy either
                for line in _numbered(child, self.numbers).splitlines():  # soft line breaks split lines
                    if not _blank(line):
                        blocks.append(Block(_clean(line), f"第{self.paragraph}段"))
            elif tag == "tbl":
                lift_rows(child)
                if holds_tables(child):
                    # a table holding tables is the layout of a page copied into Word: its cells read as the body does
                    for cell in word_cells(child):
                        blocks += self.read(cell)
                else:
                    self.table += 1
                    blocks.extend(_docx_rows(Table(child, self.document), self.table, self.count, self.numbers))
            elif (page := _embedded_page(self.document, child)) is not None:
                self.table += 1  # the page's tables, numbered on from the document's
                blocks += [Block(b.text, f"嵌入网页{b.where}", b.cells, self.table if b.is_row else None)
                           for b in read_html(self.path, page).blocks]
        return blocks


_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _embedded_page(document, chunk) -> bytes | None:
    """The web page a w:altChunk embeds (an OA system's export of a text from its HTML editor); None for another
    kind (an embedded .docx or .rtf) or a missing part."""
    rid = chunk.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
    part = document.part.related_parts.get(rid) if rid else None
    return part.blob if part is not None and part.content_type.split(";")[0].strip() in _HTML_TYPES else None


# --- Excel ---

def _sheet_grid(source, book, strings, where: str, count: limits.Counter) -> dict[int, dict[int, object]]:
    """{row: {column: value}} of one sheet's XML, streamed; merged values repeated over their range.

    Streaming (not openpyxl's full load) is what keeps a sheet of millions of cells from reaching
    memory: reading stops at the first row, column or cell beyond the limits."""
    from openpyxl.utils.cell import range_boundaries
    from openpyxl.worksheet._reader import WorkSheetParser
    grid: dict[int, dict[int, object]] = {}
    parser = WorkSheetParser(source, strings, data_only=True, epoch=book.epoch,
                             date_formats=book._date_formats, timedelta_formats=book._timedelta_formats)
    for row, cells in parser.parse():
        values = {}
        for cell in cells:
            if cell["value"] is not None:
                limits.columns(cell["column"], where)
                values[cell["column"]] = cell["value"]
        if values:
            limits.rows(row, where)
            count.block(len(values))
            grid[row] = values
    for rng in parser.merged_cells.mergeCell if parser.merged_cells else []:  # a merged value: first cell only
        min_col, min_row, max_col, max_row = range_boundaries(rng.ref)
        limits.columns(max_col, where)
        limits.rows(max_row, where)
        value = grid.get(min_row, {}).get(min_col)
        if value is None:
            continue
        for row in range(min_row, max_row + 1):
            count.block(max_col - min_col + 1)
            for col in range(min_col, max_col + 1):
                grid.setdefault(row, {})[col] = value
    return grid


def _sheets(path: Path):
    """(title, grid reader) of each worksheet a reader sees, from openpyxl's own parts but without its worksheet
    objects: even in read-only mode those scan a whole sheet that lacks a <dimension> to size it. A hidden sheet is
    left out: it holds a form's drop-down lists (units, years), not the division the reader sees."""
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.stylesheet import apply_stylesheet
    reader = ExcelReader(path, read_only=True, data_only=True)
    reader.read_manifest()
    reader.read_strings()
    reader.read_workbook()
    apply_stylesheet(reader.archive, reader.wb)  # the date formats: a date cell is read as a date
    return reader, [(sheet.name, rel.target) for sheet, rel in reader.parser.find_sheets()
                    if rel.target in reader.valid_files and "worksheet" in rel.Type and sheet.state == "visible"]


def read_xlsx(path: Path, raw: bytes) -> Source:
    limits.check_package(path)
    try:
        reader, sheets = _sheets(path)
    except Exception as err:  # zipfile, KeyError, InvalidFileException …
        raise ImportFailed(f"无法打开这个 .xlsx（{type(err).__name__}）",
                           hint="用 Excel 或 WPS 打开后重新另存为 .xlsx")
    blocks: list[Block] = []
    count = limits.Counter()
    try:
        for number, (title, target) in enumerate(sheets, start=1):
            with reader.archive.open(target) as source:
                grid = _sheet_grid(source, reader.wb, reader.shared_strings, f"工作表{number}（{title}）", count)
            width = max((max(values) for values in grid.values()), default=0)
            header = None
            for r in sorted(grid):
                cells = tuple(_clean(str(grid[r][c])) if c in grid[r] else "" for c in range(1, width + 1))
                if all(not c for c in cells):
                    continue
                if len([c for c in cells if c]) == 1 and header is None:  # a title above the table
                    blocks.append(Block(next(c for c in cells if c), f"表{number}第{r}行"))
                    continue
                if header is None:
                    header = cells
                elif cells == header:
                    continue
                blocks.append(Block(" | ".join(cells), f"表{number}第{r}行", cells, number))
    except ImportFailed:
        raise
    except Exception as err:  # a damaged sheet: lxml, KeyError, ValueError …
        raise ImportFailed(f"无法读取这个 .xlsx（{type(err).__name__}）",
                           hint="用 Excel 或 WPS 打开后重新另存为 .xlsx")
    finally:
        reader.archive.close()
    return Source(str(path), "xlsx", blocks)


# --- saved web pages ---

_BLOCK_TAGS = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "section", "article", "tr", "title"}
_SKIP_TAGS = {"script", "style", "head", "noscript", "template"}
# A page's hidden parts (share menus, a print copy, the spam mirror sites hide for search engines) are no text a
# reader sees. Only elements whose end tag HTML requires are followed, so that an unclosed <p> hides nothing after it.
_HIDEABLE = {"div", "span", "section", "article", "aside", "nav", "header", "footer", "table", "ul", "ol", "dl",
             "font", "form", "center", "a", "label", "small", "em", "strong", "b", "i", "u", "iframe",
             "h1", "h2", "h3", "h4", "h5", "h6"}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def _hides(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    given = dict(attrs)
    return tag in _HIDEABLE and ("hidden" in given or bool(_HIDDEN_STYLE.search(given.get("style") or "")))


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.rows: list[tuple[int, list[str]]] = []  # (line index it follows, cells)
        self.buffer: list[str] = []
        self.skip = 0
        self.hidden: tuple[str, int] | None = None  # the hidden element's tag, and how deep in it the page is
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.colspan = 1
        self.tables = 0
        self.count = limits.Counter()

    def flush(self) -> None:
        text = "".join(self.buffer)
        self.buffer = []
        for line in text.splitlines():
            if not _blank(line):
                self.count.block()
                self.lines.append(line)

    def handle_starttag(self, tag, attrs):
        if self.hidden:
            if tag == self.hidden[0]:
                self.hidden = (tag, self.hidden[1] + 1)
            return
        if _hides(tag, attrs):
            self.hidden = (tag, 1)
        elif tag in _SKIP_TAGS:
            self.skip += 1
        elif tag == "table":
            self.flush()
            self.tables += 1
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []
            span = (dict(attrs).get("colspan") or "1").strip()
            self.colspan = int(span) if span.isdigit() else 1
            limits.columns(self.colspan, f"表格的一个单元格（colspan=\"{span[:12]}\"）")  # before any copy is made
        elif tag in _BLOCK_TAGS:
            if self.cell is not None:
                self.cell.append("\n")
            else:
                self.flush()

    def handle_endtag(self, tag):
        if self.hidden:
            if tag == self.hidden[0]:
                self.hidden = (tag, self.hidden[1] - 1) if self.hidden[1] > 1 else None
            return
        if tag in _SKIP_TAGS:
            self.skip = max(self.skip - 1, 0)
        elif tag in ("td", "th") and self.cell is not None and self.row is not None:
            self.row.extend(["".join(self.cell)] * self.colspan)  # lines kept: a layout cell holds paragraphs
            limits.columns(len(self.row), "表格的一行")
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.count.block(len(self.row))
            self.rows.append((len(self.lines), self.row))
            self.row = None
        elif tag in _BLOCK_TAGS and self.cell is None:
            self.flush()

    def handle_data(self, data):
        if self.skip or self.hidden:
            return
        (self.cell if self.cell is not None else self.buffer).append(data)


def read_html(path: Path, raw: bytes) -> Source:
    head = raw[:4000].decode("ascii", "ignore")
    charset = re.search(r"charset=[\"']?([\w-]+)", head, re.I)
    if charset and charset[1].lower().replace("-", "") in ("gb2312", "gbk", "gb18030"):
        text, encoding = raw.decode("gb18030", "replace"), "gb18030"
    else:
        text, encoding = decode(raw)
    page = _Page()
    page.feed(text)
    page.close()
    page.flush()
    blocks: list[Block] = []
    rows = iter(page.rows)
    pending = next(rows, None)
    row_number = 0
    header: tuple[str, ...] | None = None
    for index, line in enumerate(page.lines + [None]):
        while pending is not None and pending[0] <= index:
            cells = tuple(_clean(" ".join(c.split())) for c in pending[1])
            row_number += 1
            if len([c for c in cells if c]) >= 2 and cells != header:
                header = header or cells
                blocks.append(Block(" | ".join(cells), f"表格第{row_number}行", cells, 1))
            elif len([c for c in cells if c]) == 1:
                # a one-cell row is page layout (gov.cn puts the whole text in one): its paragraphs
                lines = [_clean(" ".join(x.split())) for x in next(c for c in pending[1] if c.strip()).splitlines()]
                lines = [x for x in lines if x]
                blocks += [Block(x, f"表格第{row_number}行第{i}段" if len(lines) > 1 else f"表格第{row_number}行")
                           for i, x in enumerate(lines, start=1)]
            pending = next(rows, None)
        if line is not None:
            blocks.append(Block(_clean(html.unescape(line)), f"第{index + 1}段"))
    return Source(str(path), "html", blocks, encoding)


def read_pdf(path: Path, raw: bytes) -> Source:
    return Source(str(path), "pdf", _unrun(pdftext.blocks(raw, path.name)))  # a page printed run together, too


def read_ofd(path: Path, raw: bytes) -> Source:
    """An OFD (电子公文): its pages' lines made paragraphs by the rules a PDF's lines follow."""
    limits.check_package(path)
    pages = ofdtext.page_lines(raw, path.name, pdftext.MAX_PAGES)
    return Source(str(path), "ofd", _unrun(pdftext.layout_paragraphs(pages, path.name, "OFD", ofdtext.OCR)))


READERS = {".txt": read_txt, ".text": read_txt, ".docx": read_docx, ".xlsx": read_xlsx, ".xlsm": read_xlsx,
           ".html": read_html, ".htm": read_html, ".shtml": read_html, ".pdf": read_pdf,
           ".ofd": read_ofd}


def read(path: Path, tables: bool = True) -> Source:
    """Read any supported file into the common form, or raise ImportFailed saying what to do. tables=False: a
    text's lines as they are, its tables left to `with_tables` (the importer reads them in the page's reading view)."""
    suffix = path.suffix.lower()
    reader = READERS.get(suffix)
    if reader is None and not legacy.needs_conversion(suffix):
        raise ImportFailed(f"不能读取“{path.suffix or path.name}”文件",
                           hint="请导入 .txt、.docx、.doc、.wps、.xlsx、.xls、.pdf、.ofd 或另存的 .html 文件", code="import-unreadable")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ImportFailed(f"文件有 {size:,} 字节，对一份政策文件来说太大",
                               hint="请确认选对了文件")
        raw = path.read_bytes()
    except OSError as err:
        raise ImportFailed(f"无法读取“{path}”：{err.strerror or err}", code="not-found")
    if raw.startswith(b"%PDF"):
        source = read_pdf(path, raw)
    elif reader is None:
        source = _read_converted(path, raw, legacy.CONVERTED[suffix])
    elif suffix in (".docx", ".xlsx", ".xlsm", ".ofd") and not raw.startswith(b"PK"):
        raise ImportFailed(f"“{path.name}”的内容不是 {suffix} 文件（可能已损坏，或是改了扩展名的旧格式）",
                           hint=f"用 Office 或 WPS 打开后另存为 {suffix}")
    else:
        source = reader(path, raw)
    return with_tables(source) if tables else source


def _read_converted(path: Path, raw: bytes, target: str) -> Source:
    """An old or other office file: read as what it really is when that is already readable (a .docx renamed .doc;
    a web page saved as .doc, as Word and many OA systems do), else through LibreOffice."""
    if _zip_holds(raw, "word/document.xml" if target == ".docx" else "xl/workbook.xml"):
        return READERS[target](path, raw)
    if b"<html" in raw[:4096].lower():
        return read_html(path, raw)
    if not legacy.looks_convertible(raw):
        suite, kind = ("Excel 或 WPS", "表格") if target == ".xlsx" else ("Word 或 WPS", "文档")
        raise ImportFailed(f"“{path.name}”的内容不是 {suite} {kind}，也不是文字：文件可能已损坏、没有下载完整，"
                           f"或是别的格式改了扩展名",
                           hint=f"用 {suite} 打开它，能打开的另存为 {target}，再导入那个文件；打不开的，请向发文单位重新索取")
    with legacy.converted(path) as copy:
        source = READERS[target](copy, copy.read_bytes())
    return Source(str(path), f"{path.suffix.lower()[1:]}，经 LibreOffice 转为 {target[1:]}", source.blocks)


def _zip_holds(raw: bytes, member: str) -> bool:
    if not raw.startswith(b"PK"):
        return False
    try:
        return member in zipfile.ZipFile(io.BytesIO(raw)).namelist()
    except zipfile.BadZipFile:
        return False
