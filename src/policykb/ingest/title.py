"""A document's title: the first line of its head naming a kind of document (通知, 方案, ...), else the document a
transmittal notice sends out, else a first line long enough to be one. Its own module because the issuers and the
jurisdiction are read from the title once it is found."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..ownnumbers import MARK
from ..textrules import PINYIN_GLOSS
from .docdate import NUMBER
from .lexicon import alternation, lexicon
from .source import Block

if TYPE_CHECKING:
    from .meta import Meta

DOCUMENT_KINDS = r"(?:通知|意见|方案|决定|办法|计划|措施|要点|规划|纲要|分解表|分工表|责任分解|任务分工|清单|细则|规定|函)"
# 「现将《X》印发给你们」: a transmittal notice names the document it sends out (and whose tasks follow)
_TRANSMITTED = re.compile(r"《([^《》]{6,80})》(?:[和、及与]《[^《》]+》)*[^。《]{0,30}?印发给你们")  # the first sent
MIN_FIRST_LINE_TITLE = 6  # a shorter first line is a page's widget (朗读, 打印, 分享), not a title
# 「3.市公安局“三定”规定」, 「2.十方面民生实事责任分解」: a line opening with an item's number is an item of a list (a basis,
# a section) on a page that starts past the title; letters would quote it as the document's name
_ITEM = re.compile(rf"^\s*(?:{MARK})")


# a law site's details, each label run together with its value (「发文机关X人民政府」, 「发文字号X〔2023〕11号」): no title,
# masthead or number of its own
DETAIL_LABEL = re.compile(rf"^(?:{alternation(lexicon().page_labels)})")


# 「桐川镇2023年防汛工作安排意见」: a title without 关于 that opens with its place and year
_PLACE_YEAR = re.compile(r"^[\u4e00-\u9fff]{2,12}?(?:省|自治区|市|州|盟|县|区|旗|镇|乡|街道)\d{4}年")


def _could_be_a_title(line: str) -> bool:
    """A first line taken as the title when nothing names a kind of document: a phrase, not a sentence (「10月29日，X召开…」),
    a 发文字号 alone, a page's path of links, a widget (「还剩13页未读，继续阅读」) or an address."""
    words = PINYIN_GLOSS.sub("", re.sub(r"\s", "", line))
    return MIN_FIRST_LINE_TITLE <= len(words) <= 120 and not DETAIL_LABEL.match(line) and not _ITEM.match(line) \
        and not re.search(r"[，,。；;：:！!>/|@]|https?", words) and not NUMBER.fullmatch(words) \
        and len(re.findall(r"[\u4e00-\u9fff]", words)) >= len(words) / 2


def _broken_title_start(texts: list[str], i: int) -> int:
    """Where a title whose kind closes line i starts: the line holding its 关于, one or two short lines above, none of
    them closing a sentence or a title (「X关于设立某」「工业园区管委会Y」「推进办公室的通知」); i when none does."""
    for k in (i - 1, i - 2):
        if k < 0 or len(texts[k]) >= 40 or re.search(rf"[。，；：:！？]$|{DOCUMENT_KINDS}$", texts[k]):
            return i
        if "关于" in texts[k] or _named_elsewhere("".join(texts[k:i + 1]), texts, k, i):
            return k
    return i


def _named_elsewhere(title: str, texts: list[str], start: int, end: int) -> bool:
    """A title broken over lines that another line names whole (「附件：1.加强全市X建设主要目标任务及责任分解；」 above
    「加强全市X建设」 「主要目标任务及责任分解」): the document's own word for where it breaks."""
    return any(title in re.sub(r"\s", "", t) for j, t in enumerate(texts) if not start <= j <= end)


def read_title(meta: Meta, head: list[Block], texts: list[str]) -> None:
    """Set `meta`'s title, where it stands, and the guess it is (`texts` are the `head` blocks' texts, a spaced-out
    kind joined)."""
    # the title: the first line naming a kind of document, joined with the line before or after it
    for i, text in enumerate(texts):
        if len(text) > 120 or _ITEM.match(text) or re.search(r"[：:]$|^(?:索\s*引\s*号|名\s*称\s*[：:]|标\s*题\s*[：:]|发布|来源|主题|文\s*号|发文|"
                                        r"附\s*件)", text):  # 「附件：X任务分解表」 names the annex, not the document
            continue
        previous_has_about = i > 0 and "关于" in texts[i - 1] and not re.search(r"[。，；：:]$", texts[i - 1])
        start = _broken_title_start(texts, i)
        if re.search(rf"{DOCUMENT_KINDS}[》]?$", text) and ("关于" in text or previous_has_about or start < i
                                                    or re.search(r"分工|分解|任务|方案", text) or _PLACE_YEAR.match(text)):
            title, where = text, head[i].where
            if start < i and "关于" not in text:
                title = "".join(texts[start:i + 1])  # a title broken over two or three lines
            # a title broken over lines on a web page keeps a space where it broke: not part of the title
            title = re.sub(r"(?<=[\u4e00-\u9fff《》〈〉“”])\s+(?=[\u4e00-\u9fff《》〈〉“”])", "", title)
            title = re.sub(r"^【[^】]{1,30}】", "", title)  # a web page's column label before the title
            title = re.sub(rf"{DETAIL_LABEL.pattern}\s*(?=.*关于)", "", title)  # 「文件名称 X关于…」: the page's label
            title = re.sub(r"^[-·•*]?\s*(?:[\u4e00-\u9fff]\s*){2,6}[：:]\s*(?=.*关于)", "", title)  # 「- 内容概述: X关于…」
            title = re.sub(rf"^{NUMBER.pattern}\s*(?=关于)", "", title)  # 「金室字〔2020〕1号关于印发…」: its number
            title = re.sub(rf"^{NUMBER.pattern}\s*《(.+)》$", r"\1", title)  # 「粤办函〔2020〕82号《X关于…的通知》」
            meta.title, meta.title_where = title, where
            meta.guesses.append(("标题", title, where, 0.8 if "关于" in title else 0.6))
            break
    if not meta.title:
        if sent := next(((m[1], b.where) for b in head if (m := _TRANSMITTED.search(b.text))), None):
            meta.title, meta.title_where = sent
            meta.guesses.append(("标题", sent[0], sent[1] + "（印发通知所附）", 0.6))
        elif texts and _could_be_a_title(texts[0]):
            meta.title, meta.title_where = texts[0], head[0].where
            meta.guesses.append(("标题", texts[0], head[0].where, 0.3))
