"""The place a document is of: the place its issuers' names give, else the place or township its title names, else the
place its text says it is about (「结合X实际」), else its page's 来源's (those last two guessed, reviewed); and a
knowledge base's home province. Apart from the issuers because a document's place is read from more than them."""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .issuers import SOURCE
from .levels import level_of_place
from .lexicon import lexicon
from .organs import PLACE, jurisdiction_of, township
from .source import Block

if TYPE_CHECKING:
    from .meta import Meta

# 「医药高新区(高港区)政务服务网」: a zone run as one with a district, named after it in brackets; the district is the
# place its bureaus (区教育局) are of
_ZONE = re.compile(r"(?:开发区|高新区|新区|园区|试验区|示范区)$")
_ZONE_OF_PLACE = re.compile(r"^[(（](?P<place>[\u4e00-\u9fff]{1,6}(?:区|县|市|旗))[)）]")


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


# bare place names listed before the one whose suffix and body they share (「锦江、青羊、」 before 「成华区政府」); a
# body before 、 (「中共X县委、」) is no bare place
_PLACES_LISTED = re.compile(r"(?:^|[^\u4e00-\u9fff、])(?:[\u4e00-\u9fff]{2,4}(?<![委府局办部厅会院室所队组])、)+$")


_BARE_OWN_PLACE = re.compile(r"结合(?:我|全)?([\u4e00-\u9fff]{2,3}?)(?:的)?实际")


# 「8月16日,高铁岭镇召开防溺水工作推进会」: a news report of a township's own meeting opens so (its place, the township)
_TOWN_MEETS = re.compile(r"(?:^|[\s,，。:：])([\u4e00-\u9fff]{2,5}?(?:镇|乡|街道))(?:党委|人民政府|政府|办事处)?"
                         r"(?:迅速行动[,，])?(?:组织|紧急)?召开")


def _title_township(title: str) -> str | None:
    """The township a title opens with, before its year, 关于 or its government (「泗洲头镇2024年度…」, 「某县甲岭镇
    关于…」); 城镇, 乡镇 name none."""
    m = re.match(r"^(?:中共)?([\u4e00-\u9fff]{2,14}?(?:镇|乡|街道))(?=\d{4}年|关于|人民政府|党委|政府|办事处)", title)
    return m and township(m[1], "".join(PLACE.findall(m[1])))


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
            if m[2] and _PLACES_LISTED.search(before):
                continue  # 「甲、乙、丙区政府」: the last of several places sharing one government's name, none the text's own
            if not re.match(r"^(?:全|各|本|该|我|新|城|辖|园|发展|开发|示范|试验|地|已经|业经|经过|报经|报请|提请|由|请|对|在|按照|根据|依据"
                            r"|协调|组织|配合|协助|会同|督促|指导"  # 「协调市政府召开的…」: a duty's verb, no place's name
                            # 「(6)承担市政府赋予的其他任务」, 「完成县政府交办的…」: a duty list's closing line, no place
                            r"|承担|完成|承办|办理|执行|落实|服从|接受|参与|负责|上报|报送|提交"
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


_NOT_A_PLACE = re.compile(r"^[省市县区州旗镇乡](?:长|委)|召开|主持|部署|调研|检查|出席|会见|印发|关于")


def _source_place(blocks: list[Block], meta: Meta) -> str | None:
    """The place of the body a page names as its source (「来源:X市Y区统计局」), when nothing else names one, the text
    neither: the page is that body's, so the document is most likely of its place (guessed, reviewed; the body is no
    issuer, and may have reposted another place's document, so the text's own place comes first)."""
    for b in blocks:
        if (m := SOURCE.search(b.text)) and (place := jurisdiction_of(m[1])) and place != "中央":
            meta.place_guessed = True
            meta.guesses.append(("管辖", place, b.where + "（来源）", 0.5))
            return place
    return None


def read_jurisdiction(blocks: list[Block], meta: Meta) -> None:
    """Set `meta`'s jurisdiction from its issuers, its title, else its text or its page's source."""
    for issuer in meta.issuers:
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
        # (「副区长文定国召开…」: a level before 长 is a post, no place; 「镇创建市级卫生镇…」: 市级 is a level, no place's end;
        # 「《X省…条例》(2021年修订版全文)」: a site's title in 《》, its place as a bare title's)
        if m := re.match(r"^《?(?:中共)?((?:(?!级)[\u4e00-\u9fff]){1,8}?(?:省|自治区|市|自治州|州|盟|县|区|旗))(?!长(?!江)|级)",
                         meta.title):
            if re.search(r"[我本该][省市县区州旗]$", m[1]):
                pass  # 「为确保我区按时完成…」: a paragraph taken for the title, 我区 a pronoun, no place's name
            elif _NOT_A_PLACE.search(m[1]) or lexicon().not_unit_start.match(m[1]):
                pass  # 「区长马军召开城区…」: a post and a verb of news; 「加强全市…」: a verb and the whole city, no name
            elif not re.fullmatch(r"[省市县区州]", m[1][-1:]) or len(m[1]) > 1:
                meta.jurisdiction = m[1] if len(m[1]) > 1 else None
                if (run := _ZONE_OF_PLACE.match(meta.title[m.end():])) and _ZONE.search(m[1]):
                    meta.jurisdiction = run["place"]  # 「医药高新区(高港区)」: the zone and the district it is run with
                if meta.jurisdiction:
                    meta.guesses.append(("管辖", meta.jurisdiction, meta.title_where + "（标题）", 0.6))
    if meta.jurisdiction is None:
        meta.jurisdiction = _place_in_text(blocks, meta) or _source_place(blocks[:10], meta)
