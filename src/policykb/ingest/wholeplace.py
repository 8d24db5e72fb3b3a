"""「全镇要…」: the whole township as a subject is its government's work (as a post over a government's work is).

A report names the township once as the one that holds its meeting (「中峰镇迅速行动，召开干部大会」, 「X镇召开…推进会」);
the whole township its meeting speaks to is that township, and its government answers for the demand. Read only where
the report names one such township; 全区上下 and the like stay as written (the corpus keeps them so).
"""
from __future__ import annotations

import re

from .lexicon import lexicon

_WHOLE = re.compile(r"^全(?P<kind>镇|乡)$")
# the township holding the meeting, named after a pause or at the start (a comma and a few words between it and 召开)
_HOLDS = re.compile(r"(?:^|(?<=[，,。\s]))(?P<place>[\u4e00-\u9fff]{2,3}?(?P<kind>镇|乡))(?:[^，,。]{0,8}[，,])?[^，,。]{0,6}?召开")


def whole_place(name: str, texts: list[str]) -> str | None:
    """The government of the township 「全镇」 means, or None."""
    if not (whole := _WHOLE.match(name)):
        return None
    places = {m["place"] for t in texts for m in _HOLDS.finditer(t) if m["kind"] == whole["kind"]}
    return f"{places.pop()}人民政府" if len(places) == 1 else None


# 「郸城县新城街道启动…」, 「湘东区麻山镇紧抓防汛…」: a township named with the county or district it lies in, opening
# a clause (not 「以创建市级卫生镇」: a kind of town to become)
_TOWN = re.compile(r"(?:^|(?<=[，,。；;：:\s]))[\u4e00-\u9fff]{2,4}?[县区市旗](?P<town>(?![级直])[\u4e00-\u9fff]{2,3}?(?P<kind>镇|乡|街道))")


def report_town(texts: list[str]) -> str | None:
    """The one township a report of no stated place is about, named with its county (「湘東區麻山鎮」: 麻山鎮, as
    written); None when it names none or several."""
    towns = {t[m.start("town"):m.end("town")] for t in texts for m in _TOWN.finditer(lexicon().fold(t))}
    return towns.pop() if len(towns) == 1 else None


def town_named(name: str, town: str | None) -> str:
    """「镇农办」, 「街道综治中心」 in a report on one township: that township's body, written short by its level
    (「镇村干部」, 「乡镇」: levels together, not this township's)."""
    if not town:
        return name
    kind = re.search(r"(?:镇|乡|街道)$", lexicon().fold(town))[0]
    folded = lexicon().fold(name)
    if folded == "该" + kind:
        return town  # 「该街道将…」: the township the report is about
    if folded.startswith(kind) and len(name) > len(kind) + 1 and not re.match(r"[村镇乡]", folded[len(kind):]):
        return town + name[len(kind):]
    return name
