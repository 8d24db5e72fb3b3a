"""Document details from the head and the signature: title, 发文字号, issuers, date, jurisdiction. The readers of
each are in their own modules (title, docdate, issuers, jurisdiction); this one runs them in the order they depend on
each other (the title before the issuers it may name, the date's line before the signature above it)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .docdate import LABELLED_DATE, NUMBER, PUBLISHED, cited, date_of, month_of, posted
from .issuers import (GOVERNMENT_NUMBER, abbreviates, is_signature, issuer_reported, masthead_issuers, meeting_holder,
                      minutes_holder, signers_apart, source_within, speaker, split_issuers, title_issuers, title_owner)
from .jurisdiction import read_jurisdiction
from .organs import ORGAN
from .source import Block
from .title import DETAIL_LABEL, read_title

@dataclass
class Meta:
    title: str = ""
    title_where: str = ""
    number: str | None = None
    issuers: list[str] = field(default_factory=list)
    date: dt.date | None = None
    date_how: str = ""  # where the date was read (for the review)
    jurisdiction: str | None = None
    place_guessed: bool = False  # the jurisdiction only guessed from the running text: names placed by it are reviewed
    guesses: list[tuple[str, str, str, float]] = field(default_factory=list)  # (what, value, where, confidence)


def read_meta(blocks: list[Block], date: dt.date | None = None, issuers_given: tuple[str, ...] = ()) -> Meta:
    meta = Meta()
    head = [b for b in blocks[:60] if not b.is_row]
    # (a 版头's kind spaced out on a line of its own, 「通 知」, is the word it spells)
    texts = [re.sub(r"^(?:[\u4e00-\u9fff][ \u3000]+)+[\u4e00-\u9fff]$", lambda m: re.sub(r"\s", "", m.group()), b.text)
             for b in head]
    read_title(meta, head, texts)
    for b in blocks[:80]:
        if m := next((m for m in NUMBER.finditer(b.text) if not cited(b.text, m)), None):
            meta.number = re.sub(r"^(?:发文字号|文号|字号)", "", m.group())  # 「发文字号X〔2023〕11号」: the label run in
            meta.guesses.append(("发文字号", meta.number, b.where, 0.9))
            break
    # the date: the signature's (a date line under an organ's name, else the first date line), else a labelled
    # 成文日期, else the publication date, else --date
    dates = [(d, b.where, i) for i, b in enumerate(blocks) if not b.is_row and (d := date_of(b.text))]
    signed = [x for x in dates if x[2] and is_signature(blocks[x[2] - 1])]  # an organ's name above it: the signature
    # (a signature dated by its month alone, 「市水利局」 over 「二○○八年七月」: its first day, reviewed)
    by_month = [(d, b.where + "（落款只写年月，取当月1日）", i) for i, b in enumerate(blocks)
                if i and not b.is_row and (d := month_of(b.text)) and is_signature(blocks[i - 1])]
    found = (signed or by_month[:1] or dates or [None])[0]
    if found is None:
        for b in blocks:
            if (m := LABELLED_DATE.search(b.text)) and (not b.is_row or DETAIL_LABEL.match(b.cells[0] if b.cells else "")):
                found = (dt.date(int(m[1]), int(m[2]), int(m[3])), b.where, None)
                break
    if found is None:
        for b in blocks[:40]:
            if m := PUBLISHED.search(b.text) or posted(b.text, blocks[:10]):
                found = (dt.date(int(m[1]), int(m[2]), int(m[3])), b.where + "（发布日期）", None)
                break
    if date is not None:
        meta.date, meta.date_how = date, "--date"
    elif found:
        meta.date, meta.date_how = found[0], found[1]
        meta.guesses.append(("成文日期", found[0].isoformat(), found[1],
                             0.3 if "发布" in found[1] else 0.6 if found in by_month else 0.9))
    # the issuers: the signature above the date, else the title's prefix before 关于
    issuers: list[str] = []
    if found and found[2]:
        at = found[2] - 1  # the signature: one line of organs, or one organ a line (up to three)
        while at >= 0 and found[2] - at <= 3 and is_signature(blocks[at]):
            issuers = (signers_apart(blocks[at].text)
                       or split_issuers(blocks[at].text.replace(" ", "").replace("\u3000", ""))) + issuers
            at -= 1
        if issuers:
            # a line of bare ministries' names (「商务部 科技部」) is a signature less surely than a named organ's
            # (「宣传部」 alone may be a page's byline): reviewed
            ministries = not re.search(rf"{ORGAN}$", blocks[found[2] - 1].text)
            meta.guesses.append(("发文机关", "、".join(issuers), blocks[at + 1].where, 0.7 if ministries else 0.85))
    titled = title_issuers(meta.title)
    if len(issuers) == 1 and len(titled) == 1 and abbreviates(issuers[0], titled[0]):
        issuers = titled  # 「省政府办公厅」 signs what the title calls 「广东省人民政府办公厅」: the full name
    # a line of organ names alone above the title is its masthead, unless the title names another issuer
    # (「遂宁市水利局」 a portal's name above 「遂宁市人民政府防汛抗旱指挥部办公室关于…的函」)
    masthead = masthead_issuers(texts)
    if not issuers and masthead and (not titled or masthead_issuers(texts, printed=True) or titled == masthead):
        issuers = masthead
        # a masthead stands above a title; over a page with none it is as likely the portal's name above a news text
        meta.guesses.append(("发文机关", "、".join(issuers), "版头", 0.8 if meta.title else 0.6))
    elif not issuers and (issuers := titled):
        meta.guesses.append(("发文机关", "、".join(issuers), meta.title_where, 0.7))
    for b in blocks[:40]:  # a fuller name from the page's 发文单位 / 发布机构 line, when the title has none
        if m := re.search(rf"(?:发文单位|发文机关|发布机关|发布机构|发布单位|文章来源|信息来源)(?:\s*[：:|])*\s*([\u4e00-\u9fff]*?{ORGAN})(?![\u4e00-\u9fff])",
                          b.text):
            if not issuers or (len(issuers) == 1 and issuers[0] in m[1] and issuers[0] != m[1]):
                issuers = [m[1]]
                meta.guesses.append(("发文机关", m[1], b.where, 0.7))
            break
    if issuers == masthead and len(issuers) == 1 and (inner := source_within(blocks[:40], issuers[0])):
        issuers = [inner[0]]  # a county portal's name over a page its township's government is the source of
        meta.guesses = [g for g in meta.guesses if g[0] != "发文机关"]
        meta.guesses.append(("发文机关", inner[0], inner[1] + "（来源）", 0.7))
    if not issuers and (spoke := speaker(blocks[:60])):  # a news report: the organ whose demands it reports
        issuers, where = spoke
        meta.guesses.append(("发文机关", "、".join(issuers), where + "（讲话的机关）", 0.5))
    if not issuers and (reported := issuer_reported(blocks[:10])):
        issuers = [reported[0]]
        meta.guesses.append(("发文机关", reported[0], reported[1] + "（报道的印发机关）", 0.5))
    minutes = minutes_holder(blocks[:8])
    if not issuers and minutes:
        issuers = [minutes[0]]  # minutes of a body's meeting: that body's
        meta.guesses.append(("发文机关", minutes[0], minutes[2] + "（会议纪要）", 0.6))
    if meta.date is None and minutes:  # no other date: the minutes' own, their meeting's
        meta.date, meta.date_how = minutes[1], minutes[2]
        meta.guesses.append(("成文日期", minutes[1].isoformat(), minutes[2] + "（会议纪要）", 0.6))
    if not issuers and (held := meeting_holder(blocks[:8])):
        # a news report of a body's meeting (「开发区召开2021年第三次党工委会议」): the body whose meeting set the demands
        issuers = held[0]
        meta.guesses.append(("发文机关", "、".join(issuers), held[1], 0.5))
    if not issuers and (owner := title_owner(meta.title)):
        # 「交通运输局春运工作方案」: a plan titled by the organ whose own plan it is, nothing else naming one
        issuers = [owner]
        meta.guesses.append(("发文机关", owner, meta.title_where + "（标题开头的机关）", 0.5))
    if len(issuers) == 1 and meta.number and GOVERNMENT_NUMBER.search(meta.number) \
            and (government := re.sub(r"办公室$|办公厅$", "", issuers[0])) != issuers[0] and government.endswith("政府"):
        # 「华政发〔2021〕2号」 is a government's own number: a page's 发布机构 「县人民政府办公室」 only published it
        issuers = [government]
        meta.guesses = [g for g in meta.guesses if g[0] != "发文机关"]
        meta.guesses.append(("发文机关", government, f"发文字号 {meta.number}", 0.7))
    if issuers_given:  # the user's word (--issuer) over what the text seemed to say
        issuers = list(issuers_given)
        meta.guesses = [g for g in meta.guesses if g[0] != "发文机关"]
    meta.issuers = issuers
    read_jurisdiction(blocks, meta)
    return meta
