"""Organs' names: the kinds of organ a name ends with (人民政府, 办公厅, 局, a ministry's 部), and the place an
issuer's name says it is of (its jurisdiction). Shared by the issuers and the jurisdiction readers, which both read
organs' names."""
from __future__ import annotations

import re

ORGAN = (r"(?:人民政府办公厅|人民政府办公室|人民政府|国务院办公厅|办公厅|办公室|委员会|管委会|管理委员会|省委|市委|县委|区委|州委"
          r"|国务院|工作领导小组|领导小组|[厅局委办])")
# A ministry of the central government (商务部, 科技部, 海关总署): named without a place; it signs as an organ does
# (部署, to deploy, is no ministry: 「会议部署」 over a date signs nothing)
MINISTRY = r"[^\s省市县区州旗盟]{1,10}?(?:部(?!署)|(?<!部)署)"
# (「延吉市城市管理行政执法局」: 城市 opens the body's work, 城市管理, no place of its own under 延吉市)
PLACE = re.compile(r"(?!城市)(?:[\u4e00-\u9fff]{1,8}?(?:省|自治区|市|自治州|州|盟|地区|县|区|旗))(?![市县区旗])")  # 滁州市, not 滁州


def jurisdiction_of(issuer: str) -> str | None:
    if issuer.startswith(("国务院", "中共中央", "国家", "全国")) or issuer.endswith("部"):
        return "中央"
    name = re.sub(r"^中共", "", issuer)
    name = re.sub(r"(?:委)$", "", name) if re.search(r"(?:省|市|县|区|州)委$", name) else name
    within = re.sub(ORGAN + "$", "", name) or name
    places = PLACE.findall(within)
    if town := township(within, "".join(places)):
        return town
    if not places:
        return None
    place = "".join(places)
    return place


def township(within: str, county: str) -> str | None:
    """「庆城县桐川镇」, 「三道通镇」, 「河西街道办事处」: an organ's place that ends in a township, a place below its
    county (its county's name, if written, kept before it)."""
    town = re.sub(r"(?<=街道)办事处$", "", within)[len(county):] if within.startswith(county) else ""
    return county + town if re.fullmatch(r"[\u4e00-\u9fff]{2,8}(?:镇|乡|街道)", town) \
        and not re.search(r"^[各全本该我]|(?:乡镇|城镇|城乡)$", town) else None  # 各乡镇, 城镇: kinds of place, no name
