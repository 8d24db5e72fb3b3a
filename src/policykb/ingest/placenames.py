"""Which place a unit's name says, and the full name a bare one takes in a document of a place.

「市发展改革委」 in a Guangzhou document is 广州市发展改革委; 「财政局」 of a 株洲市 list is 株洲市财政局; 「萧县财政局」
names its place already. Units of two places never merge because their bare names agree.
"""
from __future__ import annotations

import re

from .levels import level_of_name
from .lexicon import lexicon


def last_place(place: str, towns: bool = False) -> str:
    """The place a unit's name starts with: 鞍山市立山区 -> 立山区, 杭州市余杭區 -> 余杭區 (a 州 before 市 is the city's
    name: 杭州市, not 杭州; with towns, 攸县黄丰桥镇 -> 黄丰桥镇)."""
    folded = lexicon().fold(place)  # 區, 縣: the same places in traditional script, read by their folded letters
    town = re.match(r"^.*(?:县|区|市|旗)([\u4e00-\u9fff]{2,8}?(?:镇|乡|街道))$", folded) if towns else None
    if town:
        return place[town.start(1):]
    places = list(re.finditer(r"[\u4e00-\u9fff]{1,8}?(?:自治区|自治州|省|市|州|盟|县|区|旗)(?!市)", folded))
    return place[places[-1].start():places[-1].end()] if places else place


def names_place(name: str, place: str) -> bool:
    """「萧县财政局」 in a 萧县 document; 「人民银行上海总部」 in a 上海市 one, 「株洲财政局」 in a 株洲市 one: the name says
    its place, in full or without 市 (a one-character place says it only in full: 萧 alone may be any word's)."""
    last = last_place(place, towns=True)
    core = re.sub(r"(?:自治区|自治州|省|市|州|盟|县|区|旗|镇|乡|街道)$", "", last)
    return name.startswith(last) or len(core) >= 2 and core in name


def local_unit_name(name: str, place: str) -> str:
    """The registry name of the unit a document of `place` calls by a bare name: 株洲市 + 财政局 -> 株洲市财政局."""
    return last_place(place, towns=True) + name


_TOWN_KIND = re.compile(r"(?:镇|乡|街道)$")


def own_place_named(name: str, place: str | None) -> str:
    """「我镇机关干部」 in a 三道通镇 document are 三道通镇机关干部: 我/本 before the place's own level is the place,
    written short (a person of another place's, 我县 in a township's text, stays as written)."""
    short = last_place(place, towns=True) if place and place != "中央" else ""
    m = re.match(r"^[我本](镇|乡|街道|县|区|市|州|省)", name)
    return short + name[m.end():] if m and short.endswith(m[1]) and len(name) > m.end() else name


def qualified(name: str, place: str | None, level: str | None, home: str | None) -> str:
    """「市发展改革委」 in a Guangzhou document is 广州市发展改革委: bare names take the issuer's place."""
    if not place or level not in ("省", "市", "县") or place == home:
        return name
    if town := _TOWN_KIND.search(place):  # a township's documents write its bodies 镇X (县X is its county's)
        short = last_place(place, towns=True)
        if re.match(r"^(?:镇|乡)(?:村|镇|乡)", name) or not name.startswith(town[0]) or name.startswith(short):
            return name  # 「镇村干部」, 「乡镇」: two levels together, not this township alone
        return short[:-len(town[0])] + name
    # (a 自治州's documents write its bodies 州X; an autonomous region's, 自治区X: 自治区大数据发展局)
    province = ("市",) if place.endswith("市") else ("自治区",) if place.endswith("自治区") else ("省",)
    bare = {"省": province, "市": ("市", "州") if place.endswith("州") else ("市",), "县": ("县", "区", "旗")}[level]
    short = last_place(place)
    if re.fullmatch(r"各?[省市州县区旗乡镇]{2,}", name):
        return name  # 「县区」, 「县市区」: levels together, every place of them, not this place's
    if re.match(r"^[省市州县区][乡镇](?![村镇])", name):  # 「区镇联席会议办公室」: two levels together (a zone and its
        # town), not 区 standing for the place's name (县乡村振兴局 and 县乡镇企业局 are the county's)
        return name
    if name.startswith("市场"):  # 「市场监管部门」: 市场 is a word, no 市 standing for the place
        return name
    if name.startswith(bare) and not name.startswith(short):  # 区直各部门 too: 立山区直各部门 (corpus truth rule 3)
        prefix = next(p for p in bare if name.startswith(p))
        return short[:-len(prefix)] + name if short.endswith(prefix) else short + name
    return name


# (乡村振兴办, 市场监管局: a word opening with a level's character names no place)
_PLACED = re.compile(r"^(?:各|有关|相关|其他|全国|国家|国务院|中央|中共|全|省|市(?!场)|县|区|州|盟|旗|乡(?!村)|镇)"
                     r"|^[\u4e00-\u9fff]{2,8}?(?:省|市|县|区|州|旗|盟|镇|乡|街道)")
# a county of one character (萧县, 沛县, 达县) names its place before its body: 萧县财政局; 本县, 该县, 全县 and 两县 name
# no county
_ONE_CHARACTER_COUNTY = re.compile(r"^(?![各本该我全每此其外邻两一二三四五六七八九十省市区州乡镇县])[\u4e00-\u9fff]县"
                                   r"(?=[\u4e00-\u9fff]{1,10}$)")
# the issuer's own offices (应急处; 局政务公开办, 厅机关党委办: 「局」 as 本局): its place is the issuer's
_OFFICE = re.compile(r"(?:处|科|股|室)(?:（[^（）]+）)?$|^[局厅委](?:机关)?[\u4e00-\u9fff]{1,10}?办$")


_ZONE = re.compile(r"^(?:经济技术开发区|经济开发区|高新技术产业开发区|高新区|开发区|工业园区|产业园区|园区|新区|示范区|保税区)")


def placed(name: str) -> bool:
    """The name says where its unit is (a place or level, a collective, a central body), or is an office of the issuer;
    「经济开发区管委会」 names a kind of zone, not which."""
    return not _ZONE.match(name) and bool(_PLACED.search(name) or _ONE_CHARACTER_COUNTY.match(name)
                                          or _OFFICE.search(name) or level_of_name(name, None) == "中央")

