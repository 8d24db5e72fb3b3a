"""A PDF's text as paragraphs: government sites publish most documents as PDF.

A PDF keeps glyphs placed on pages, not paragraphs; pypdf gives each page's visual lines. A line that runs to the
text's right edge, or nearly and stops mid-sentence, was wrapped by the layout and goes on in the next line (across a
page break too); a shorter one ends its paragraph (a title, a heading, the last line of a paragraph). Each page's
furniture (「— 3 —」, 「第3页 共9页」) is left out, and so is the gap a layout puts between a number and its words
(「2024 年」). A scanned PDF has no text: refused, with the way out.
"""
from __future__ import annotations

import io
import re
import unicodedata

from . import itemmarks, limits, pdftables
from .lexicon import lexicon
from .source import Block, ImportFailed

PDF_LAYOUT = "paragraphs from a PDF's layout"  # the flag of every task read from a PDF or an OFD: each is reviewed
MAX_PAGES = 500  # a policy with its annexes runs to a few dozen pages; hundreds is a yearbook or the wrong file
_RESAVE = "用 WPS 或 Word 打开 PDF 另存为 .docx（或把文字复制到 .txt 文件），再导入那个文件"

# a page number alone on its line, as GB/T 9704 prints it (「— 3 —」) or as sites do (「-3-」「第3页 共9页」「3/9」)
_FURNITURE = re.compile(r"^\s*(?:[-—–－]\s*\d{1,4}\s*[-—–－]|\d{1,4}|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
                        r"|\d{1,4}\s*/\s*\d{1,4})\s*$")
# The gap a layout puts between a number and the Chinese around it (Word's and WPS's autospace, or a Latin font for
# digits) comes out as a space: 「2016 年 4 月 6 日」「至 2021 年」「1000 亿元」. It goes only beside the words a number
# reads with; elsewhere a space may part a table's cells (「1 居民消费价格涨幅3%左右 发展改革委」).
_NUMBER_WORDS = "年月日号时点分个项条万亿千百元%％人次家户亩吨米岁届批期周天倍所座"
_BEFORE_NUMBERS = "至到于在第约近共达超为占年月日前起自从和及、，（("
_NUMBER_GAP = re.compile(rf"(?<=[0-9.%])\s(?=[{_NUMBER_WORDS}])|(?<=[{_BEFORE_NUMBERS}])\s(?=[0-9])")
# a line opening an item starts a paragraph even after a full line (and so does a label: 牵头单位：): the marks of
# itemmarks, and those a PDF adds: a table row's number and its first cell (「1 居民消费…」), ①, 第N条
_OPENS_TOO = re.compile(r"^(?:\d{1,3}\s(?=[\u4e00-\u9fff])|[①-⑳]|第[一二三四五六七八九十百\d]{1,4}[条项章节])")
_NARROWEST_PAGE = 40  # columns: no page's text is narrower than 20 Chinese characters
_EDGE = 3  # columns short of the right edge a full line may stop: justified text squeezes its last punctuation
# a line that stops well short of the edge still goes on when it stops mid-sentence: a layout never breaks inside
# 「〔2021〕13号」 or before a closing mark, so such lines end a few characters early
_SHORT_OF_EDGE = 0.75
_ENDS = re.compile(r"[。；;：:！!？?）)」”》]$")
_PROSE = re.compile(r"[，,。；;]")  # a title or heading has no comma: its short line ends it
_OPENING = re.compile(r"[《「『“‘（(〔【［\[]$")  # no sentence ends on an opening mark, however short its line


def blocks(raw: bytes, name: str) -> list[Block]:
    """The PDF's paragraphs, each where it begins (第P页第L行), and its ruled tables' rows of cells; ImportFailed when
    it has no text or cannot be read."""
    texts, drawn = _page_texts(raw, name)
    pages = [page_lines(text) for text in texts]
    _readable(pages, name, "PDF", _OCR)
    tabled = pdftables.pages_with_tables(raw, drawn)
    return paragraphs([tidied(tabled[p]) if p in tabled else page for p, page in enumerate(pages)])


def layout_paragraphs(pages: list[list[str | tuple[str, ...]]], name: str, kind: str, hint: str) -> list[Block]:
    """Another fixed layout's lines and table rows (an OFD's, page by page) as paragraphs and rows, by the rules a
    PDF's follow."""
    pages = [tidied(lines) for lines in pages]
    _readable(pages, name, kind, hint)
    return paragraphs(pages)


_OCR = "用 WPS 或 Word 的“PDF 转 Word”（文字识别）转为 .docx，核对文字后再导入那个文件"


def _readable(pages: list[list], name: str, kind: str, hint: str) -> None:
    """ImportFailed for a layout without text (a scan: pictures alone) or with garbled text."""
    if not any(pages):
        raise ImportFailed(f"“{name}”里没有可读的文字：扫描版 {kind} 只有图像", hint=hint)
    text = "".join(line for page in pages for line in page if isinstance(line, str))
    if garbled(text):
        raise ImportFailed(f"“{name}”的文字取出来是乱码：{kind} 里的字体没有给出文字的编码（较早的排版软件常这样）",
                           hint=f"请向发文单位索取 Word 版；或{hint}")


def paragraphs(pages: list[list[str | tuple[str, ...]]]) -> list[Block]:
    """Each page's lines (furniture left out) joined where the layout wrapped them; a table's rows (tuples of cells)
    each a row, a table going on over the next page one table."""
    right = _right_edge([line for page in pages for line in page if isinstance(line, str)])
    out: list[Block] = []
    count = limits.Counter()
    goes_on = False
    tables = pdftables.Tables(count)
    for p, page in enumerate(pages, start=1):
        for n, line in enumerate(page, start=1):
            if isinstance(line, tuple):
                tables.add(out, line, p, first_on_page=n == 1)
                goes_on = False
                continue
            tables.close()
            if out and goes_on and not _opens(line):
                out[-1] = Block(out[-1].text + line, out[-1].where)
            else:
                count.block()
                out.append(Block(line, f"第{p}页第{n}行"))
            goes_on = _runs_on(line, right)
    return out


# What a document's text is made of: Chinese, its punctuation and full-width forms, ASCII. Text drawn in a font
# that gives no Unicode for its glyphs comes out as Latin-1 accents, private-use or control characters instead.
_READABLE = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf\u3000-\u303f\uff00-\uffef\u2000-\u206f\u2460-\u24ff"
                       r"\u2500-\u257f\u00b7\u00d7\u2160-\u217f\x21-\x7e]")


def garbled(text: str) -> bool:
    """Whether a PDF's text is mostly characters no document is written in (at least 200 of them to judge by)."""
    chars = [c for c in text if not c.isspace()]
    return len(chars) >= 200 and sum(1 for c in chars if _READABLE.match(c)) < 0.6 * len(chars)


def _opens(line: str) -> bool:
    return bool(itemmarks.PART.match(line) or itemmarks.SECTION.match(line) or itemmarks.ITEM.match(line)
                or _OPENS_TOO.match(line) or lexicon().label.match(line) or _label_alone(line))


def _label_alone(line: str) -> bool:
    """「责任单位」「完成时限」 alone on a line: a form's label, its value on the next line; it never ends a sentence.
    A word of two characters alone (「单位」「配合」) is as often the end of a wrapped cell or sentence: not one."""
    words = lexicon()
    word = words.fold(re.sub(r"[\s：:]", "", line))
    return len(word) > 2 and (word in words.labels or any(word in column for column in words.columns.values()))


def _page_texts(raw: bytes, name: str) -> tuple[list[str], list[int]]:
    """Each page's text, and which pages draw lines (those alone may hold a ruled table)."""
    from pypdf import PdfReader  # late import: only PDFs need it
    from pypdf.errors import PyPdfError
    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ImportFailed(f"“{name}”加了打开密码", hint=f"去掉密码后再导入；或{_RESAVE}")
        if len(reader.pages) > MAX_PAGES:
            raise ImportFailed(f"“{name}”有 {len(reader.pages)} 页，超过可读取的 {MAX_PAGES} 页", hint="确认导入的是政策文件本身；"
                               "文件确实很长时，只把分工方案部分另存为一个文件再导入", code="import-too-large")
        return [page.extract_text() or "" for page in reader.pages], \
            [i for i, page in enumerate(reader.pages) if pdftables.draws_lines(page)]
    except ImportFailed:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError) as err:
        raise ImportFailed(f"无法读取这个 PDF（{type(err).__name__}）：文件可能已损坏", hint=_RESAVE)


def page_lines(text: str) -> list[str]:
    """A page's visual lines as pypdf gives them, tidied: no page number, no gap beside a number."""
    return tidied(text.splitlines())


def tidied(lines: list[str | tuple[str, ...]]) -> list[str | tuple[str, ...]]:
    """A page's lines (and table rows) without the page number above or below them and the gaps beside numbers."""
    lines = [tuple(tidy(c) for c in line) if isinstance(line, tuple) else tidy(line) for line in lines]
    lines = [line for line in lines if line]
    while lines and isinstance(lines[-1], str) and _FURNITURE.match(lines[-1]):
        lines.pop()
    while lines and isinstance(lines[0], str) and _FURNITURE.match(lines[0]):
        lines.pop(0)
    return lines


def tidy(line: str) -> str:
    return _NUMBER_GAP.sub("", " ".join(line.split()))


def _runs_on(line: str, right: int | None) -> bool:
    """Whether the layout wrapped this line (its paragraph goes on in the next). Without a right edge (a list of
    short lines) only a line ending on an opening mark goes on."""
    if _OPENING.search(line):
        return True
    width = _width(line)
    return right is not None and (width >= right - _EDGE or (width >= _SHORT_OF_EDGE * right and not _ENDS.search(line)
                                                             and bool(_PROSE.search(line))))


def _width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def _right_edge(lines: list[str]) -> int | None:
    """The text's width, as its widest lines reach it (the third widest: one odd line is no edge); None in a document
    of short lines alone (a list of labels), where no line reaches a page's width."""
    widths = sorted((_width(line) for line in lines), reverse=True)
    edge = widths[min(2, len(widths) - 1)] if widths else 0
    return edge if edge >= _NARROWEST_PAGE else None
