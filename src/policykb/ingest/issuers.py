"""Who issued a document: the signature above its date, the masthead (「X文件」), the organ a title names before 关于
or opens with, a page's 来源, and for news reports the organ stating demands, issuing, or holding the meeting. One
organ's name split from a run of several (「中共湖南省委湖南省人民政府」)."""
from __future__ import annotations

import datetime as dt
import re

from .organs import MINISTRY, ORGAN, PLACE, jurisdiction_of
from .source import Block
from .title import DETAIL_LABEL, DOCUMENT_KINDS
from .unitnames import looks_like_unit

_NUMBERED_HEADING = re.compile(r"第[一二三四五六七八九十百\d]{1,4}[章节篇部分编]|[一二三四五六七八九十]{1,3}[、．.]"
                               r"|[(（][一二三四五六七八九十]{1,3}[)）]")


# 「建德市融媒体中心 主办」: a site's credit line, the body that runs the site (主办 hosts, no organ's name ends so)
_SITE_CREDIT = re.compile(r"(?:主办|承办|协办|主管)(?:单位)?$")
# 「领导小组办公室设在区教育局」: where an office is seated, a sentence ending like an organ, no masthead
_SEATED = re.compile(r"设在|设于")


def masthead_issuers(texts: list[str], printed: bool = False) -> list[str]:
    """The issuer printed above the title: 「X文件」, or a line that is only organ names (not when `printed`: the
    「X文件」 form alone, which no page's name takes)."""
    for text in texts[:6]:
        name = re.sub(r"\s", "", text)
        if _NUMBERED_HEADING.match(name) or DETAIL_LABEL.match(name) or _SITE_CREDIT.search(name) or _SEATED.search(name):
            continue  # 「第三节 开发区管理委员会」: a chapter of a gazetteer or a book about the body, not its masthead
        if m := re.fullmatch(rf"([\u4e00-\u9fff]{{2,40}}?{ORGAN})文件", name):
            return split_issuers(m[1])
        if not printed and re.fullmatch(rf"(?:中共)?[\u4e00-\u9fff]{{2,40}}?{ORGAN}", name) and "关于" not in name:
            return split_issuers(name)
    return []


def title_issuers(title: str | None) -> list[str]:
    """The organs a title names before 关于 (「X办公室关于…的函」); of a forwarding title, those before 转发 (「X转发Y
    关于…」: Y issued the document forwarded; 「转发Y关于…」 names no issuer of its own)."""
    prefix = (title or "").split("关于")[0].split("转发")[0]
    return split_issuers(prefix) if prefix and re.search(rf"{ORGAN}$", prefix) else []


# 「交通运输局春运工作方案」, 「水利局争创国家文明城市工作方案」: a title without 关于 opening with an organ, then the work
_TITLE_OWNER = re.compile(rf"^(?P<organ>[\u4e00-\u9fff]{{2,20}}?{ORGAN}(?:办公室|办公厅)?)(?=[\u4e00-\u9fff\d])"
                          rf".*{DOCUMENT_KINDS}$")


def title_owner(title: str) -> str | None:
    """The organ a title opens with when it has no 关于 (a bureau's own plan), if its name reads as a unit's and names
    more than a level's office (「街道办环境综合整治方案」: which street's, the title does not say)."""
    if "关于" in title or not (m := _TITLE_OWNER.match(title)) or not looks_like_unit(m["organ"]):
        return None
    own = re.sub(rf"^(?:[省市州县区旗乡镇]|街道)+|(?:(?:人民)?政府|{ORGAN})$", "",
                 re.sub(r"(?:办公室|办公厅)$", "", m["organ"]))
    return m["organ"] if len(own) >= 2 else None


# 「三道通镇党委、政府认真强调：」: an organ (a place's committee and government written once) stating demands
_SPEAKER = re.compile(rf"(?:^|[。；;]\s*)(?P<organ>[\u4e00-\u9fff、和]{{2,30}}?{ORGAN}|[\u4e00-\u9fff]{{2,12}}?"
                      r"(?:省|市|县|区|镇|乡|州|旗)(?:党委|党工委)[、和](?:人民)?政府)"
                      r"(?:认真|再次|进一步|明确|专门)?(?:强调|指出|要求|部署)[：:]")
_PLACE_ORGANS = re.compile(r"^(?P<place>[\u4e00-\u9fff]{2,12}?(?:省|市|县|区|镇|乡|州|旗))(?P<a>党委|党工委)[、和]"
                           r"(?P<b>(?:人民)?政府)$")


def _as_signed(place: str, body: str) -> str:
    """A place's 党委 or 政府 by the name it signs with (中共X委员会, X人民政府); any other body as written."""
    return {"党委": f"中共{place}委员会", "政府": f"{place}人民政府", "人民政府": f"{place}人民政府"}.get(body, place + body)


def speaker(blocks: list[Block]) -> tuple[list[str], str] | None:
    """The organs a report says stated its demands, and where, when the page names no issuer otherwise."""
    for b in blocks:
        if m := _SPEAKER.search(b.text):
            organ = m["organ"]
            if both := _PLACE_ORGANS.match(organ):
                return [_as_signed(both["place"], both["a"]), _as_signed(both["place"], both["b"])], b.where
            return split_issuers(organ), b.where
    return None


# 「3月29日，国务院印发关于…的意见。其中，…」: a page reporting what an organ issued, the organ opening its clause; a
# place so (「近日，X市印发了《…任务表》」) issued it by its government
_ISSUED = re.compile(rf"(?:^|[，,。；;])\s*(?:\d{{1,2}}月\d{{1,2}}日[，,]?\s*)?"
                     rf"(?P<organ>[\u4e00-\u9fff]{{0,20}}?{ORGAN}|[\u4e00-\u9fff]{{1,8}}?[省市县区州旗])"
                     r"(?:近日|日前)?印发(?:了)?(?:关于)?[^，,。；;]{2,60}?(?:意见|通知|方案|办法|规定|决定|任务表|清单)")


def issuer_reported(blocks: list[Block]) -> tuple[str, str] | None:
    """(organ, where) of the first line reporting that an organ issued the document (the page reposts part of it);
    not 「我局印发…」 (a pronoun, no name), nor a notice forwarding what the organ issued (「…，现将文件转发给你们」)."""
    return next(((m["organ"], b.where) for b in blocks if (m := _ISSUED.search(b.text))
                 and not re.match(r"[我本]", m["organ"]) and "转发" not in b.text[m.end():].split("。")[0]), None)


def abbreviates(short: str, full: str) -> bool:
    """「省政府办公厅」 of 「广东省人民政府办公厅」: the same organ's name with its place or 人民 left out (its characters
    in order, the same last two)."""
    rest = iter(full)
    return len(short) < len(full) and short[-2:] == full[-2:] and all(c in rest for c in short)


def split_issuers(organs: str) -> list[str]:
    """「中共湖南省委湖南省人民政府」 → two issuers; 「国务院办公厅」 → one; 「河南省人民政府安全生产委员会办公室」,
    「市委宣传部」 → one (a body named with no place of its own after a government or a committee is its);
    「环境保护部商务部科技部」 → three."""
    parts = re.findall(rf"中共[\u4e00-\u9fff]+?(?:省委|市委|县委|区委|州委|中央)(?:办公厅|办公室|组织部|宣传部)?"
                       rf"|[\u4e00-\u9fff]*?{ORGAN}|{MINISTRY}", organs)
    kept: list[str] = []
    for part in filter(None, parts):  # 「X委员会」「办公室」: an office alone is the office of the organ before it
        if kept and (part in ("办公室", "办公厅", "办")
                     or kept[-1].endswith(("政府", "国务院")) and not jurisdiction_of(part) and not part.startswith("中共")
                     or re.search(r"[省市县区州]委$", kept[-1]) and not re.match(r"中共|国家|国务院|[省市县区州]", part)
                     and not PLACE.search(part)):  # 「市委宣传部」: a party committee's department
            kept[-1] += part
        else:
            kept.append(part)
    return kept or [organs]


def is_signature(block: Block) -> bool:
    """A line that is only an organ's name (the signature above the date), or organs' names spaced apart."""
    return not block.is_row and len(block.text) <= 40 and "关于" not in block.text \
        and bool(re.search(rf"{ORGAN}$", block.text) or re.fullmatch(rf"(?:{MINISTRY}\s*)+", block.text.strip())
                 or signers_apart(block.text))


# (「共青团中央」 signs as an organ, 中央 its end)
_SIGNER_END = re.compile(rf"(?:{ORGAN}|部|署|中央)$")


def signers_apart(text: str) -> list[str]:
    """The organs of a joint signature written two or more a line, spaced apart (「中央网信办  教育部」, 「国家新闻出版
    广电总局  共青团中央」): each piece an organ's whole name; [] for a name spaced inside (「立山区 人民政府」)."""
    pieces = text.split()
    if len(pieces) < 2 or not all(len(p) >= 3 and _SIGNER_END.search(p) for p in pieces):
        return []
    return [i for piece in pieces for i in split_issuers(piece)]


GOVERNMENT_NUMBER = re.compile(r"政发〔")  # 「X政发」 numbers a people's government's own documents (「X政办发」 its office's)


# 「三道通镇召开党委政府工作会议」, 「开发区召开2021年第三次党工委会议」: a headline of a body's own meeting
_MEETING = re.compile(r"^(?P<place>[\u4e00-\u9fff]{2,10}?)召开(?:\d{4}年)?(?:第[一二三四五六七八九十\d]{1,3}次)?"
                      r"(?P<body>党委政府|党委、政府|党工委|党委|人民政府|政府|管委会)(?:[\u4e00-\u9fff]{0,6})?会议$")


# 「5月18日下午，X镇在镇北三楼会议室召开重点工作调度会」: a report opening with the body that held the meeting (a
# person holding it, 「区长张三在…召开会议」, is no body)
_HELD_IN = re.compile(r"^(?:\d{1,2}月\d{1,2}日[上下]?午?[，,]\s*)?(?P<body>[\u4e00-\u9fff]{2,12}?)在[^，,。；;]{2,20}?召开"
                      r"[^，,。；;]{0,20}?会")


# 「园区快第五期南谯工业开发区管委会2008年5月10日工作例会会议纪要」: a bulletin's issue (第五期), then the body whose
# meeting the minutes record, the meeting's date and its kind
_MINUTES = re.compile(r"(?P<body>[^\s，,。；;：:、\d]{4,30}?)(?P<year>\d{4})年(?P<month>\d{1,2})月(?P<day>\d{1,2})日"
                      r"[\u4e00-\u9fff]{0,8}?会议纪要")
_ISSUE = re.compile(r"^.*第[一二三四五六七八九十百\d]{1,4}期")


def minutes_holder(blocks: list[Block]) -> tuple[str, dt.date, str] | None:
    """The body whose dated meeting a set of minutes records (its title), the meeting's date, and where it stands."""
    for b in blocks:
        if (m := _MINUTES.search(b.text)) and looks_like_unit(body := _ISSUE.sub("", m["body"])):
            try:
                return body, dt.date(int(m["year"]), int(m["month"]), int(m["day"])), b.where
            except ValueError:
                return None
    return None


def meeting_holder(blocks: list[Block]) -> tuple[list[str], str] | None:
    """The body (or bodies: 党委政府) whose meeting a news report's headline names, and where it stands; a place's
    党委 and 政府 by their full names (中共X委员会, X人民政府), as an issuer is written. Without such a headline, the
    body the report's opening sentence says held the meeting in a room (「5月18日下午，X镇在镇北会议室召开…会」)."""
    for b in blocks:
        if m := _MEETING.match(b.text.strip()):
            placed = re.search(r"[省市州县区旗乡镇]$", m["place"]) and not m["place"].endswith("开发区")
            return [_as_signed(m["place"], body) if placed else m["place"] + body
                    for body in re.split(r"、|(?<=党委)(?=政府)", m["body"])], b.where
    return next((([m["body"]], b.where) for b in blocks[:3] if (m := _HELD_IN.match(b.text.strip()))
                 and (looks_like_unit(m["body"]) or re.search(r"[县区旗乡镇]$|街道$", m["body"]))), None)


SOURCE = re.compile(rf"(?:^|\s)来源\s*[：:]\s*([\u4e00-\u9fff]+?{ORGAN})(?![\u4e00-\u9fff])")


# the place inside another a body's name adds between that place and its kind: 「庆城县桐川镇人民政府」's 桐川镇
_INNER_PLACE = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:镇|乡|街道|苏木)")


def source_within(blocks: list[Block], masthead: str) -> tuple[str, str] | None:
    """(body, where) of a page's 来源 naming the masthead's kind of body for a place inside the masthead's
    (「来源:庆城县桐川镇人民政府」 under 「庆城县人民政府」): the site is the county's, the page that township's."""
    place = jurisdiction_of(masthead)
    body = masthead[len(place):] if place and place != "中央" and masthead.startswith(place) else ""
    for b in blocks:
        if body and (m := SOURCE.search(b.text)) and m[1].startswith(place) and m[1].endswith(body) \
                and _INNER_PLACE.fullmatch(m[1][len(place):-len(body)]):
            return m[1], b.where
    return None
