"""Levels of government: the level of a jurisdiction (中央, 省, 市, 县) and the level a unit's name says it is at.
Its own module because the knowledge base's checks and cascade read levels too, without the rest of the importer."""
from __future__ import annotations

import re

LEVELS = ("中央", "省", "市", "县")


def level_of_place(place: str) -> str | None:
    """The level of a jurisdiction: 中央 (the State Council, the Party Centre), a province, a city, a county."""
    if not place:
        return None
    if re.search(r"^(?:全国|中央|国务院|国家|中共中央)", place):
        return "中央"
    if re.search(r"(?:省|自治区)$", place) or place in ("北京市", "天津市", "上海市", "重庆市"):
        return "省"
    if re.search(r"(?:市|州|盟|地区)$", place):
        return "市"
    if re.search(r"(?:县|区|旗|镇|乡|街道)$", place):
        return "县"
    return None


_LOCAL_ORGAN = re.compile(r"(?:省|市|州|县|区|旗|盟)(?:委|人民|政府)")  # 交口县委宣传部, X县人民武装部: a place's own


def level_of_name(name: str, default: str | None) -> str | None:
    """The level a unit name says it is at (省财政厅 → 省, 财政部 → 中央), else the document's."""
    if re.match(r"^(?:国务院|国家|中央|全国|中共中央|最高人民)", name) or re.search(r"(?<![厅局总])部$|总局$|总署$", name) \
            and not re.match(r"^(?:省|市|县|区)", name) and not _LOCAL_ORGAN.search(name):
        return "中央"
    if re.match(r"^(?:各省|各省级|省)", name):
        return "省"
    if re.match(r"^(?:各市|各地级|市)", name):
        return "市"
    if re.match(r"^(?:各县|各区|各乡镇|各街道|县|区|乡|镇|街道)", name):
        return "县"
    return default
