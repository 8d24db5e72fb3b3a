"""Document details from the head and the signature: title, 发文字号, issuers, date, jurisdiction."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .lexicon import alternation, lexicon
from .source import Block
from .unitnames import level_of_place, looks_like_unit

DOCUMENT_KINDS = r"(?:通知|意见|方案|决定|办法|计划|措施|要点|规划|纲要|分解表|分工表|责任分解|任务分工|清单|细则|规定|函)"
# 「现将《X》印发给你们」: a transmittal notice names the document it sends out (and whose tasks follow)
_TRANSMITTED = re.compile(r"《([^《》]{6,80})》(?:[和、及与]《[^《》]+》)*[^。《]{0,30}?印发给你们")  # the first sent
MIN_FIRST_LINE_TITLE = 6  # a shorter first line is a page's widget (朗读, 打印, 分享), not a title
_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,8}〔\d{4}〕\d{1,4}号")
# a line that is a date alone: 「2021年1月25日」, a byline's 「2013.3.28」 (closing its bracket too)
_DATE = re.compile(r"^[(（]?(\d{4})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|[.．](\d{1,2})[.．](\d{1,2}))[)）]?$")
_CN_DIGITS = {c: i for i, c in enumerate("○一二三四五六七八九")} | {"〇": 0, "零": 0}
_CN_DATE = re.compile(r"^([○〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$")
# (「成文日期: | 2022-04-07」: a page's metadata row, the label's colon and the cell's 「|」 both)
_LABELLED_DATE = re.compile(r"(?:成文日期|发文日期|印发日期)(?:\s*[：:|])*\s*(\d{4})[-年./](\d{1,2})[-月./](\d{1,2})")
# (「来源:本站  时间:2018-07-25 15:11:24」: a page's line; 「会议时间：」 is no publication)
_PUBLISHED = re.compile(r"(?:发布日期|发布时间|发表时间|发表于|发布于|公开日期|(?:^|\s)时间)\s*[：:|]?\s*(\d{4})[-年./](\d{1,2})[-月./](\d{1,2})")
# 「2021-10-13 21:43」 alone under a news page's headline: when it was posted
_STAMP = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
_NUMBER_YEAR = re.compile(r"[〔\[［](\d{4})[〕\]］]\s*\d{1,4}\s*[号號]")
_ORGAN = (r"(?:人民政府办公厅|人民政府办公室|人民政府|国务院办公厅|办公厅|办公室|委员会|管委会|管理委员会|省委|市委|县委|区委|州委"
          r"|国务院|工作领导小组|领导小组|[厅局委办])")
# A ministry of the central government (商务部, 科技部, 海关总署): named without a place; it signs as an organ does
# (部署, to deploy, is no ministry: 「会议部署」 over a date signs nothing)
_MINISTRY = r"[^\s省市县区州旗盟]{1,10}?(?:部(?!署)|(?<!部)署)"
_PLACE = re.compile(r"(?:[\u4e00-\u9fff]{1,8}?(?:省|自治区|市|自治州|州|盟|地区|县|区|旗))(?![市县区旗])")  # 滁州市, not 滁州


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


def _cn_number(text: str) -> int:
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + "一二三四五六七八九".index(text[1]) + 1
    if "十" in text:
        tens, _, ones = text.partition("十")
        return ("一二三四五六七八九".index(tens) + 1) * 10 + (("一二三四五六七八九".index(ones) + 1) if ones else 0)
    return "一二三四五六七八九".index(text) + 1


# 「（资府办函〔2007〕337号 二○○七年十二月十日）」: a law archive's line under the title, the number and the date
_NUMBER_THEN_DATE = re.compile(r"^[(（]\s*[^\s()（）]{2,20}〔\d{4}〕\d{1,4}号\s+(?P<date>[^()（）]{8,16}?)\s*[)）]$")


def date_of(text: str) -> dt.date | None:
    """The date a line is, when it is one alone (a signature's 「2021年1月25日」, 「二〇二一年一月二十五日」) or after the
    document's number in brackets under the title."""
    if m := _NUMBER_THEN_DATE.match(text.strip()):
        text = m["date"]
    try:
        if m := _DATE.match(text):
            return dt.date(int(m[1]), int(m[2] or m[4]), int(m[3] or m[5]))
        if m := _CN_DATE.match(text):
            year = int("".join(str(_CN_DIGITS[c]) for c in m[1]))
            return dt.date(year, _cn_number(m[2]), _cn_number(m[3]))
    except (ValueError, KeyError):
        return None
    return None


# 「二○○八年七月」, 「2008年7月」: a signature's date giving its month only
_MONTH_ONLY = re.compile(r"^(?:(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})|(?P<cn_year>[○〇零一二三四五六七八九]{4})年"
                         r"(?P<cn_month>[一二三四五六七八九十]{1,3}))\s*月$")


def month_of(text: str) -> dt.date | None:
    """The first day of the month a line names alone (a signature dated 「二○○八年七月」: its day is not written)."""
    if not (m := _MONTH_ONLY.match(text.strip())):
        return None
    try:
        if m["year"]:
            return dt.date(int(m["year"]), int(m["month"]), 1)
        return dt.date(int("".join(str(_CN_DIGITS[c]) for c in m["cn_year"])), _cn_number(m["cn_month"]), 1)
    except (ValueError, KeyError):
        return None


def _posted(text: str, head: list[Block]) -> re.Match | None:
    """A news page's posting time alone on a line; not a mirror's posting, in another year than a document number in
    the page's head gives (「皖政[2001]85號」 posted 2025-06-07)."""
    m = _STAMP.match(text.strip())
    years = {n[1] for b in head for n in _NUMBER_YEAR.finditer(b.text)}
    return m if m and (not years or m[1] in years) else None


def _cited(text: str, m: re.Match) -> bool:
    """「根据《…》（X〔2018〕N号）」: a number in brackets after a cited title is that document's, not this one's."""
    before = text[:m.start()]
    return bool(re.search(r"[（(]\s*$", before) and re.search(r"》|根据|按照|依据|贯彻|落实|印发", before)
                or (len(text) > 60 and "《" in before))


# a law site's details, each label run together with its value (「发文机关X人民政府」, 「发文字号X〔2023〕11号」): no title,
# masthead or number of its own
_DETAIL_LABEL = re.compile(rf"^(?:{alternation(lexicon().page_labels)})")


_NUMBERED_HEADING = re.compile(r"第[一二三四五六七八九十百\d]{1,4}[章节篇部分编]|[一二三四五六七八九十]{1,3}[、．.]"
                               r"|[(（][一二三四五六七八九十]{1,3}[)）]")


# 「建德市融媒体中心 主办」: a site's credit line, the body that runs the site (主办 hosts, no organ's name ends so)
_SITE_CREDIT = re.compile(r"(?:主办|承办|协办|主管)(?:单位)?$")


def _masthead(texts: list[str], printed: bool = False) -> list[str]:
    """The issuer printed above the title: 「X文件」, or a line that is only organ names (not when `printed`: the
    「X文件」 form alone, which no page's name takes)."""
    for text in texts[:6]:
        name = re.sub(r"\s", "", text)
        if _NUMBERED_HEADING.match(name) or _DETAIL_LABEL.match(name) or _SITE_CREDIT.search(name):
            continue  # 「第三节 开发区管理委员会」: a chapter of a gazetteer or a book about the body, not its masthead
        if m := re.fullmatch(rf"([\u4e00-\u9fff]{{2,40}}?{_ORGAN})文件", name):
            return _split_issuers(m[1])
        if not printed and re.fullmatch(rf"(?:中共)?[\u4e00-\u9fff]{{2,40}}?{_ORGAN}", name) and "关于" not in name:
            return _split_issuers(name)
    return []


def _title_issuers(title: str | None) -> list[str]:
    """The organs a title names before 关于 (「X办公室关于…的函」); of a forwarding title, those before 转发 (「X转发Y
    关于…」: Y issued the document forwarded; 「转发Y关于…」 names no issuer of its own)."""
    prefix = (title or "").split("关于")[0].split("转发")[0]
    return _split_issuers(prefix) if prefix and re.search(rf"{_ORGAN}$", prefix) else []


# 「交通运输局春运工作方案」, 「水利局争创国家文明城市工作方案」: a title without 关于 opening with an organ, then the work
_TITLE_OWNER = re.compile(rf"^(?P<organ>[\u4e00-\u9fff]{{2,20}}?{_ORGAN}(?:办公室|办公厅)?)(?=[\u4e00-\u9fff\d])"
                          rf".*{DOCUMENT_KINDS}$")


def _title_owner(title: str) -> str | None:
    """The organ a title opens with when it has no 关于 (a bureau's own plan), if its name reads as a unit's and names
    more than a level's office (「街道办环境综合整治方案」: which street's, the title does not say)."""
    if "关于" in title or not (m := _TITLE_OWNER.match(title)) or not looks_like_unit(m["organ"]):
        return None
    own = re.sub(rf"^(?:[省市州县区旗乡镇]|街道)+|(?:(?:人民)?政府|{_ORGAN})$", "",
                 re.sub(r"(?:办公室|办公厅)$", "", m["organ"]))
    return m["organ"] if len(own) >= 2 else None


# 「三道通镇党委、政府认真强调：」: an organ (a place's committee and government written once) stating demands
_SPEAKER = re.compile(rf"(?:^|[。；;]\s*)(?P<organ>[\u4e00-\u9fff、和]{{2,30}}?{_ORGAN}|[\u4e00-\u9fff]{{2,12}}?"
                      r"(?:省|市|县|区|镇|乡|州|旗)(?:党委|党工委)[、和](?:人民)?政府)"
                      r"(?:认真|再次|进一步|明确|专门)?(?:强调|指出|要求|部署)[：:]")
_PLACE_ORGANS = re.compile(r"^(?P<place>[\u4e00-\u9fff]{2,12}?(?:省|市|县|区|镇|乡|州|旗))(?P<a>党委|党工委)[、和]"
                           r"(?P<b>(?:人民)?政府)$")


def _as_signed(place: str, body: str) -> str:
    """A place's 党委 or 政府 by the name it signs with (中共X委员会, X人民政府); any other body as written."""
    return {"党委": f"中共{place}委员会", "政府": f"{place}人民政府", "人民政府": f"{place}人民政府"}.get(body, place + body)


def _speaker(blocks: list[Block]) -> tuple[list[str], str] | None:
    """The organs a report says stated its demands, and where, when the page names no issuer otherwise."""
    for b in blocks:
        if m := _SPEAKER.search(b.text):
            organ = m["organ"]
            if both := _PLACE_ORGANS.match(organ):
                return [_as_signed(both["place"], both["a"]), _as_signed(both["place"], both["b"])], b.where
            return _split_issuers(organ), b.where
    return None


# 「3月29日，国务院印发关于…的意见。其中，…」: a page reporting what an organ issued, the organ opening its clause
_ISSUED = re.compile(rf"(?:^|[，,。；;])\s*(?:\d{{1,2}}月\d{{1,2}}日[，,]?\s*)?(?P<organ>[\u4e00-\u9fff]{{0,20}}?{_ORGAN})"
                     r"(?:近日|日前)?印发(?:了)?(?:关于)?[^，,。；;]{2,60}?(?:意见|通知|方案|办法|规定|决定)")


def _issuer_reported(blocks: list[Block]) -> tuple[str, str] | None:
    """(organ, where) of the first line reporting that an organ issued the document (the page reposts part of it);
    not 「我局印发…」 (a pronoun, no name), nor a notice forwarding what the organ issued (「…，现将文件转发给你们」)."""
    return next(((m["organ"], b.where) for b in blocks if (m := _ISSUED.search(b.text))
                 and not re.match(r"[我本]", m["organ"]) and "转发" not in b.text[m.end():].split("。")[0]), None)


def _abbreviates(short: str, full: str) -> bool:
    """「省政府办公厅」 of 「广东省人民政府办公厅」: the same organ's name with its place or 人民 left out (its characters
    in order, the same last two)."""
    rest = iter(full)
    return len(short) < len(full) and short[-2:] == full[-2:] and all(c in rest for c in short)


def _split_issuers(organs: str) -> list[str]:
    """「中共湖南省委湖南省人民政府」 → two issuers; 「国务院办公厅」 → one; 「河南省人民政府安全生产委员会办公室」,
    「市委宣传部」 → one (a body named with no place of its own after a government or a committee is its);
    「环境保护部商务部科技部」 → three."""
    parts = re.findall(rf"中共[\u4e00-\u9fff]+?(?:省委|市委|县委|区委|州委|中央)(?:办公厅|办公室|组织部|宣传部)?"
                       rf"|[\u4e00-\u9fff]*?{_ORGAN}|{_MINISTRY}", organs)
    kept: list[str] = []
    for part in filter(None, parts):  # 「X委员会」「办公室」: an office alone is the office of the organ before it
        if kept and (part in ("办公室", "办公厅", "办")
                     or kept[-1].endswith(("政府", "国务院")) and not jurisdiction_of(part) and not part.startswith("中共")
                     or re.search(r"[省市县区州]委$", kept[-1]) and not re.match(r"中共|国家|国务院|[省市县区州]", part)
                     and not _PLACE.search(part)):  # 「市委宣传部」: a party committee's department
            kept[-1] += part
        else:
            kept.append(part)
    return kept or [organs]


# 「医药高新区(高港区)政务服务网」: a zone run as one with a district, named after it in brackets; the district is the
# place its bureaus (区教育局) are of
_ZONE = re.compile(r"(?:开发区|高新区|新区|园区|试验区|示范区)$")
_ZONE_OF_PLACE = re.compile(r"^[(（](?P<place>[\u4e00-\u9fff]{1,6}(?:区|县|市|旗))[)）]")


def jurisdiction_of(issuer: str) -> str | None:
    if issuer.startswith(("国务院", "中共中央", "国家", "全国")) or issuer.endswith("部"):
        return "中央"
    name = re.sub(r"^中共", "", issuer)
    name = re.sub(r"(?:委)$", "", name) if re.search(r"(?:省|市|县|区|州)委$", name) else name
    within = re.sub(_ORGAN + "$", "", name) or name
    places = _PLACE.findall(within)
    if town := _township(within, "".join(places)):
        return town
    if not places:
        return None
    place = "".join(places)
    return place


def _township(within: str, county: str) -> str | None:
    """「庆城县桐川镇」, 「三道通镇」, 「河西街道办事处」: an organ's place that ends in a township, a place below its
    county (its county's name, if written, kept before it)."""
    town = re.sub(r"(?<=街道)办事处$", "", within)[len(county):] if within.startswith(county) else ""
    return county + town if re.fullmatch(r"[\u4e00-\u9fff]{2,8}(?:镇|乡|街道)", town) \
        and not re.search(r"^[各全本该我]|(?:乡镇|城镇|城乡)$", town) else None  # 各乡镇, 城镇: kinds of place, no name


def document_place(jurisdiction: str | None, issuers: list[str] | None) -> str | None:
    """The place a document is of: its jurisdiction as written, else the first place its issuers name."""
    return jurisdiction or next((j for j in map(jurisdiction_of, issuers or []) if j), None)


def home_of(places: Iterable[str | None]) -> str | None:
    """A knowledge base's home, from its documents' places in order: the first at a province's level (the
    bundled policy's 湖南省). Its documents' bare 省X are its own; search leaves its name off units' names."""
    return next((place for place in places if place and level_of_place(place) == "省"), None)


# Where a text names its own place: 「结合官渡区实际」, 「X区人民政府」, 「全县/全区」 aside.
_OWN_PLACE = re.compile(r"结合(?:我|全)?([\u4e00-\u9fff]{2,8}?(?:省|市|区|县|州|旗))(?:的)?实际"
                        r"|(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2}(?:市|区|县|旗))(?:人民政府|委员会|党委|政府)"
                        r"|(?<=[省市州])([\u4e00-\u9fff]{2}(?:市|区|县|旗))(?:人民政府|委员会|党委|政府)"
                        rf"|({'|'.join(lexicon().provinces)})(?:人民政府|委员会|党委|政府)"
                        r"|([\u4e00-\u9fff]{2}(?:市|区|县|旗))人民政府文件")  # a masthead, even run into a line


_BARE_OWN_PLACE = re.compile(r"结合(?:我|全)?([\u4e00-\u9fff]{2,3}?)(?:的)?实际")


# 「8月16日,高铁岭镇召开防溺水工作推进会」: a news report of a township's own meeting opens so (its place, the township)
_TOWN_MEETS = re.compile(r"(?:^|[\s,，。:：])([\u4e00-\u9fff]{2,5}?(?:镇|乡|街道))(?:党委|人民政府|政府|办事处)?"
                         r"(?:迅速行动[,，])?(?:组织|紧急)?召开")


def _title_township(title: str) -> str | None:
    """The township a title opens with, before its year, 关于 or its government (「泗洲头镇2024年度…」, 「某县甲岭镇
    关于…」); 城镇, 乡镇 name none."""
    m = re.match(r"^(?:中共)?([\u4e00-\u9fff]{2,14}?(?:镇|乡|街道))(?=\d{4}年|关于|人民政府|党委|政府|办事处)", title)
    return m and _township(m[1], "".join(_PLACE.findall(m[1])))


def _town_meeting(text: str) -> str | None:
    """The township whose own meeting a line reports (「8月16日,高铁岭镇召开…」); 各乡镇 names none."""
    return next((m[1] for m in _TOWN_MEETS.finditer(text) if _a_place(m[1]) and not re.match(r"^[全各本该我]", m[1])),
                None)


def _a_place(name: str) -> bool:
    """Not a conjunction's tail (「市州和县市党委」 is no 和县市) nor levels listed together (「县市区党委」), nor a level
    alone (「结合自治州实际」: 自治州 names no place)."""
    return not re.match(r"^[和及与或并暨、]", name) and not re.fullmatch(r"(?:自治)?[省市州县区旗乡镇]+", name)


def _place_in_text(blocks: list[Block], meta: Meta) -> str | None:
    """The place the text says it is about, when neither issuer nor title names one (confidence low: reviewed).
    (「四是县政府督查室要…」: a list's mark before 县, no place's name)"""
    counts: dict[str, int] = {}
    for b in blocks:
        for m in _OWN_PLACE.finditer(b.text):
            place = next(g for g in m.groups() if g)
            before = b.text[:m.start()]
            if before.count("《") > before.count("》"):
                continue  # inside a cited title: another document's place
            if not re.match(r"^(?:全|各|本|该|我|新|城|辖|园|发展|开发|示范|试验|地|已经|业经|经过|报经|报请|提请|由|请|对|在|按照|根据|依据"
                            r"|[一二三四五六七八九十]{1,2}是)", place) \
                    and "委" not in place and _a_place(place):  # 「市委市政府」: two organs, no place
                counts[place] = counts.get(place, 0) + (3 if m[1] else 1)  # 「结合X实际」 says it outright
    for b in blocks[:10]:
        if town := _town_meeting(b.text):
            counts[town] = counts.get(town, 0) + 1
    text = "\n".join(b.text for b in blocks)
    for m in _BARE_OWN_PLACE.finditer(text):  # 「结合淮安实际」: the place without its suffix, which another line gives
        if not re.match(r"^(?:全|各|本|该|我|新|城|辖|园|发展|开发|示范|试验|地|工作|自身)", m[1]) \
                and (full := re.search(rf"{m[1]}(?:省|市|县|区|州|旗)", text)):
            counts[full.group()] = counts.get(full.group(), 0) + 3
    if not counts:
        return None
    place = max(counts, key=lambda k: (counts[k], -list(counts).index(k)))
    meta.place_guessed = True
    meta.guesses.append(("管辖", place, "正文（“结合…实际”等）", 0.5))
    return place


def _signature(block: Block) -> bool:
    """A line that is only an organ's name (the signature above the date), or organs' names spaced apart."""
    return not block.is_row and len(block.text) <= 40 and "关于" not in block.text \
        and bool(re.search(rf"{_ORGAN}$", block.text) or re.fullmatch(rf"(?:{_MINISTRY}\s*)+", block.text.strip())
                 or _signers_apart(block.text))


# (「共青团中央」 signs as an organ, 中央 its end)
_SIGNER_END = re.compile(rf"(?:{_ORGAN}|部|署|中央)$")


def _signers_apart(text: str) -> list[str]:
    """The organs of a joint signature written two or more a line, spaced apart (「中央网信办  教育部」, 「国家新闻出版
    广电总局  共青团中央」): each piece an organ's whole name; [] for a name spaced inside (「立山区 人民政府」)."""
    pieces = text.split()
    if len(pieces) < 2 or not all(len(p) >= 3 and _SIGNER_END.search(p) for p in pieces):
        return []
    return [i for piece in pieces for i in _split_issuers(piece)]


_NOT_A_PLACE = re.compile(r"^[省市县区州旗镇乡](?:长|委)|召开|主持|部署|调研|检查|出席|会见|印发|关于")
_GOVERNMENT_NUMBER = re.compile(r"政发〔")  # 「X政发」 numbers a people's government's own documents (「X政办发」 its office's)


# 「三道通镇召开党委政府工作会议」, 「开发区召开2021年第三次党工委会议」: a headline of a body's own meeting
_MEETING = re.compile(r"^(?P<place>[\u4e00-\u9fff]{2,10}?)召开(?:\d{4}年)?(?:第[一二三四五六七八九十\d]{1,3}次)?"
                      r"(?P<body>党委政府|党委、政府|党工委|党委|人民政府|政府|管委会)(?:[\u4e00-\u9fff]{0,6})?会议$")


# 「园区快第五期南谯工业开发区管委会2008年5月10日工作例会会议纪要」: a bulletin's issue (第五期), then the body whose
# meeting the minutes record, the meeting's date and its kind
_MINUTES = re.compile(r"(?P<body>[^\s，,。；;：:、\d]{4,30}?)(?P<year>\d{4})年(?P<month>\d{1,2})月(?P<day>\d{1,2})日"
                      r"[\u4e00-\u9fff]{0,8}?会议纪要")
_ISSUE = re.compile(r"^.*第[一二三四五六七八九十百\d]{1,4}期")


def _minutes_holder(blocks: list[Block]) -> tuple[str, dt.date, str] | None:
    """The body whose dated meeting a set of minutes records (its title), the meeting's date, and where it stands."""
    for b in blocks:
        if (m := _MINUTES.search(b.text)) and looks_like_unit(body := _ISSUE.sub("", m["body"])):
            try:
                return body, dt.date(int(m["year"]), int(m["month"]), int(m["day"])), b.where
            except ValueError:
                return None
    return None


def _meeting_holder(blocks: list[Block]) -> tuple[list[str], str] | None:
    """The body (or bodies: 党委政府) whose meeting a news report's headline names, and where it stands; a place's
    党委 and 政府 by their full names (中共X委员会, X人民政府), as an issuer is written."""
    for b in blocks:
        if m := _MEETING.match(b.text.strip()):
            placed = re.search(r"[省市州县区旗乡镇]$", m["place"]) and not m["place"].endswith("开发区")
            return [_as_signed(m["place"], body) if placed else m["place"] + body
                    for body in re.split(r"、|(?<=党委)(?=政府)", m["body"])], b.where
    return None


# 「桐川镇2023年防汛工作安排意见」: a title without 关于 that opens with its place and year
_PLACE_YEAR = re.compile(r"^[\u4e00-\u9fff]{2,12}?(?:省|自治区|市|州|盟|县|区|旗|镇|乡|街道)\d{4}年")


def read_meta(blocks: list[Block], date: dt.date | None = None, issuers_given: tuple[str, ...] = ()) -> Meta:
    meta = Meta()
    head = [b for b in blocks[:60] if not b.is_row]
    # (a 版头's kind spaced out on a line of its own, 「通 知」, is the word it spells)
    texts = [re.sub(r"^(?:[\u4e00-\u9fff][ \u3000]+)+[\u4e00-\u9fff]$", lambda m: re.sub(r"\s", "", m.group()), b.text)
             for b in head]
    # the title: the first line naming a kind of document, joined with the line before or after it
    for i, text in enumerate(texts):
        if len(text) > 120 or re.search(r"[：:]$|^(?:索\s*引\s*号|名\s*称\s*[：:]|标\s*题\s*[：:]|发布|来源|主题|文\s*号|发文|"
                                        r"附\s*件)", text):  # 「附件：X任务分解表」 names the annex, not the document
            continue
        previous_has_about = i > 0 and "关于" in texts[i - 1] and not re.search(r"[。，；：:]$", texts[i - 1])
        if re.search(rf"{DOCUMENT_KINDS}[》]?$", text) and ("关于" in text or previous_has_about
                                                    or re.search(r"分工|分解|任务|方案", text) or _PLACE_YEAR.match(text)):
            title, where = text, head[i].where
            if i > 0 and not re.search(rf"[。，；：:！？]$|{DOCUMENT_KINDS}$", texts[i - 1]) and len(texts[i - 1]) < 40 \
                    and "关于" in texts[i - 1] + text and "关于" not in text:
                title = texts[i - 1] + text  # a title broken over two lines
            # a title broken over lines on a web page keeps a space where it broke: not part of the title
            title = re.sub(r"(?<=[\u4e00-\u9fff《》〈〉“”])\s+(?=[\u4e00-\u9fff《》〈〉“”])", "", title)
            title = re.sub(r"^【[^】]{1,30}】", "", title)  # a web page's column label before the title
            title = re.sub(r"^[-·•*]?\s*(?:[\u4e00-\u9fff]\s*){2,6}[：:]\s*(?=.*关于)", "", title)  # 「- 内容概述: X关于…」
            title = re.sub(rf"^{_NUMBER.pattern}\s*(?=关于)", "", title)  # 「金室字〔2020〕1号关于印发…」: its number
            title = re.sub(rf"^{_NUMBER.pattern}\s*《(.+)》$", r"\1", title)  # 「粤办函〔2020〕82号《X关于…的通知》」
            meta.title, meta.title_where = title, where
            meta.guesses.append(("标题", title, where, 0.8 if "关于" in title else 0.6))
            break
    if not meta.title:
        if sent := next(((m[1], b.where) for b in head if (m := _TRANSMITTED.search(b.text))), None):
            meta.title, meta.title_where = sent
            meta.guesses.append(("标题", sent[0], sent[1] + "（印发通知所附）", 0.6))
        elif texts and MIN_FIRST_LINE_TITLE <= len(texts[0]) <= 120 and not re.search(r"[：:]$", texts[0]) \
                and not _DETAIL_LABEL.match(texts[0]):
            meta.title, meta.title_where = texts[0], head[0].where
            meta.guesses.append(("标题", texts[0], head[0].where, 0.3))
    for b in blocks[:80]:
        if m := next((m for m in _NUMBER.finditer(b.text) if not _cited(b.text, m)), None):
            meta.number = re.sub(r"^(?:发文字号|文号|字号)", "", m.group())  # 「发文字号X〔2023〕11号」: the label run in
            meta.guesses.append(("发文字号", meta.number, b.where, 0.9))
            break
    # the date: the signature's (a date line under an organ's name, else the first date line), else a labelled
    # 成文日期, else the publication date, else --date
    dates = [(d, b.where, i) for i, b in enumerate(blocks) if not b.is_row and (d := date_of(b.text))]
    signed = [x for x in dates if x[2] and _signature(blocks[x[2] - 1])]  # an organ's name above it: the signature
    # (a signature dated by its month alone, 「市水利局」 over 「二○○八年七月」: its first day, reviewed)
    by_month = [(d, b.where + "（落款只写年月，取当月1日）", i) for i, b in enumerate(blocks)
                if i and not b.is_row and (d := month_of(b.text)) and _signature(blocks[i - 1])]
    found = (signed or by_month[:1] or dates or [None])[0]
    if found is None:
        for b in blocks:
            if (m := _LABELLED_DATE.search(b.text)) and (not b.is_row or _DETAIL_LABEL.match(b.cells[0] if b.cells else "")):
                found = (dt.date(int(m[1]), int(m[2]), int(m[3])), b.where, None)
                break
    if found is None:
        for b in blocks[:40]:
            if m := _PUBLISHED.search(b.text) or _posted(b.text, blocks[:10]):
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
        while at >= 0 and found[2] - at <= 3 and _signature(blocks[at]):
            issuers = (_signers_apart(blocks[at].text)
                       or _split_issuers(blocks[at].text.replace(" ", "").replace("\u3000", ""))) + issuers
            at -= 1
        if issuers:
            # a line of bare ministries' names (「商务部 科技部」) is a signature less surely than a named organ's
            # (「宣传部」 alone may be a page's byline): reviewed
            ministries = not re.search(rf"{_ORGAN}$", blocks[found[2] - 1].text)
            meta.guesses.append(("发文机关", "、".join(issuers), blocks[at + 1].where, 0.7 if ministries else 0.85))
    titled = _title_issuers(meta.title)
    if len(issuers) == 1 and len(titled) == 1 and _abbreviates(issuers[0], titled[0]):
        issuers = titled  # 「省政府办公厅」 signs what the title calls 「广东省人民政府办公厅」: the full name
    # a line of organ names alone above the title is its masthead, unless the title names another issuer
    # (「遂宁市水利局」 a portal's name above 「遂宁市人民政府防汛抗旱指挥部办公室关于…的函」)
    masthead = _masthead(texts)
    if not issuers and masthead and (not titled or _masthead(texts, printed=True) or titled == masthead):
        issuers = masthead
        meta.guesses.append(("发文机关", "、".join(issuers), "版头", 0.8))
    elif not issuers and (issuers := titled):
        meta.guesses.append(("发文机关", "、".join(issuers), meta.title_where, 0.7))
    for b in blocks[:40]:  # a fuller name from the page's 发文单位 / 发布机构 line, when the title has none
        if m := re.search(rf"(?:发文单位|发文机关|发布机关|发布机构|发布单位|文章来源|信息来源)(?:\s*[：:|])*\s*([\u4e00-\u9fff]*?{_ORGAN})(?![\u4e00-\u9fff])",
                          b.text):
            if not issuers or (len(issuers) == 1 and issuers[0] in m[1] and issuers[0] != m[1]):
                issuers = [m[1]]
                meta.guesses.append(("发文机关", m[1], b.where, 0.7))
            break
    if issuers == masthead and len(issuers) == 1 and (inner := _source_within(blocks[:40], issuers[0])):
        issuers = [inner[0]]  # a county portal's name over a page its township's government is the source of
        meta.guesses = [g for g in meta.guesses if g[0] != "发文机关"]
        meta.guesses.append(("发文机关", inner[0], inner[1] + "（来源）", 0.7))
    if not issuers and (spoke := _speaker(blocks[:60])):  # a news report: the organ whose demands it reports
        issuers, where = spoke
        meta.guesses.append(("发文机关", "、".join(issuers), where + "（讲话的机关）", 0.5))
    if not issuers and (reported := _issuer_reported(blocks[:10])):
        issuers = [reported[0]]
        meta.guesses.append(("发文机关", reported[0], reported[1] + "（报道的印发机关）", 0.5))
    minutes = _minutes_holder(blocks[:8])
    if not issuers and minutes:
        issuers = [minutes[0]]  # minutes of a body's meeting: that body's
        meta.guesses.append(("发文机关", minutes[0], minutes[2] + "（会议纪要）", 0.6))
    if meta.date is None and minutes:  # no other date: the minutes' own, their meeting's
        meta.date, meta.date_how = minutes[1], minutes[2]
        meta.guesses.append(("成文日期", minutes[1].isoformat(), minutes[2] + "（会议纪要）", 0.6))
    if not issuers and (held := _meeting_holder(blocks[:8])):
        # a news report of a body's meeting (「开发区召开2021年第三次党工委会议」): the body whose meeting set the demands
        issuers = held[0]
        meta.guesses.append(("发文机关", "、".join(issuers), held[1], 0.5))
    if not issuers and (owner := _title_owner(meta.title)):
        # 「交通运输局春运工作方案」: a plan titled by the organ whose own plan it is, nothing else naming one
        issuers = [owner]
        meta.guesses.append(("发文机关", owner, meta.title_where + "（标题开头的机关）", 0.5))
    if len(issuers) == 1 and meta.number and _GOVERNMENT_NUMBER.search(meta.number) \
            and (government := re.sub(r"办公室$|办公厅$", "", issuers[0])) != issuers[0] and government.endswith("政府"):
        # 「华政发〔2021〕2号」 is a government's own number: a page's 发布机构 「县人民政府办公室」 only published it
        issuers = [government]
        meta.guesses = [g for g in meta.guesses if g[0] != "发文机关"]
        meta.guesses.append(("发文机关", government, f"发文字号 {meta.number}", 0.7))
    if issuers_given:  # the user's word (--issuer) over what the text seemed to say
        issuers = list(issuers_given)
        meta.guesses = [g for g in meta.guesses if g[0] != "发文机关"]
    meta.issuers = issuers
    for issuer in issuers:
        if place := jurisdiction_of(issuer):
            meta.jurisdiction = place
            break
    if meta.jurisdiction is None and meta.title and (town := _town_meeting(meta.title)):
        # 「秦州区融媒体中心3月23日讯 3月22日,牡丹镇召开…」: a district's media reporting its township's meeting
        meta.jurisdiction, meta.place_guessed = town, True
        meta.guesses.append(("管辖", town, meta.title_where + "（标题所报道的镇召开会议）", 0.5))
    if meta.jurisdiction is None and meta.title and (town := _title_township(meta.title)):
        meta.jurisdiction = town  # 「泗洲头镇2024年度重点工作计划…」: the township the title opens with
        meta.guesses.append(("管辖", town, meta.title_where + "（标题）", 0.6))
    if meta.jurisdiction is None and meta.title:  # 「立山区政府2023年重点工作…」: the place the title names
        # (「副区长文定国召开…」: a level before 长 is a post, no place; 「镇创建市级卫生镇…」: 市级 is a level, no place's end)
        if m := re.match(r"^(?:中共)?((?:(?!级)[\u4e00-\u9fff]){1,8}?(?:省|自治区|市|自治州|州|盟|县|区|旗))(?!长(?!江)|级)",
                         meta.title):
            if re.search(r"[我本该][省市县区州旗]$", m[1]):
                pass  # 「为确保我区按时完成…」: a paragraph taken for the title, 我区 a pronoun, no place's name
            elif _NOT_A_PLACE.search(m[1]):
                pass  # 「区长马军召开城区…」: a post and a verb of news, no place's name
            elif not re.fullmatch(r"[省市县区州]", m[1][-1:]) or len(m[1]) > 1:
                meta.jurisdiction = m[1] if len(m[1]) > 1 else None
                if (run := _ZONE_OF_PLACE.match(meta.title[m.end():])) and _ZONE.search(m[1]):
                    meta.jurisdiction = run["place"]  # 「医药高新区(高港区)」: the zone and the district it is run with
                if meta.jurisdiction:
                    meta.guesses.append(("管辖", meta.jurisdiction, meta.title_where + "（标题）", 0.6))
    if meta.jurisdiction is None:
        meta.jurisdiction = _place_in_text(blocks, meta) or _source_place(blocks[:10], meta)
    return meta


_SOURCE = re.compile(rf"(?:^|\s)来源\s*[：:]\s*([\u4e00-\u9fff]+?{_ORGAN})(?![\u4e00-\u9fff])")


# the place inside another a body's name adds between that place and its kind: 「庆城县桐川镇人民政府」's 桐川镇
_INNER_PLACE = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:镇|乡|街道|苏木)")


def _source_within(blocks: list[Block], masthead: str) -> tuple[str, str] | None:
    """(body, where) of a page's 来源 naming the masthead's kind of body for a place inside the masthead's
    (「来源:庆城县桐川镇人民政府」 under 「庆城县人民政府」): the site is the county's, the page that township's."""
    place = jurisdiction_of(masthead)
    body = masthead[len(place):] if place and place != "中央" and masthead.startswith(place) else ""
    for b in blocks:
        if body and (m := _SOURCE.search(b.text)) and m[1].startswith(place) and m[1].endswith(body) \
                and _INNER_PLACE.fullmatch(m[1][len(place):-len(body)]):
            return m[1], b.where
    return None


def _source_place(blocks: list[Block], meta: Meta) -> str | None:
    """The place of the body a page names as its source (「来源:X市Y区统计局」), when nothing else names one, the text
    neither: the page is that body's, so the document is most likely of its place (guessed, reviewed; the body is no
    issuer, and may have reposted another place's document, so the text's own place comes first)."""
    for b in blocks:
        if (m := _SOURCE.search(b.text)) and (place := jurisdiction_of(m[1])) and place != "中央":
            meta.place_guessed = True
            meta.guesses.append(("管辖", place, b.where + "（来源）", 0.5))
            return place
    return None
