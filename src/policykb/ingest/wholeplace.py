"""「全镇要…」: the whole township as a subject is its government's work (as a post over a government's work is).

A report names the township once as the one that holds its meeting (「中峰镇迅速行动，召开干部大会」, 「X镇召开…推进会」);
the whole township its meeting speaks to is that township, and its government answers for the demand. Read only where
the report names one such township; 全区上下 and the like stay as written (the corpus keeps them so).
"""
from __future__ import annotations

import re

_WHOLE = re.compile(r"^全(?P<kind>镇|乡)$")
# the township holding the meeting, named after a pause or at the start (a comma and a few words between it and 召开)
_HOLDS = re.compile(r"(?:^|(?<=[，,。\s]))(?P<place>[\u4e00-\u9fff]{2,3}?(?P<kind>镇|乡))(?:[^，,。]{0,8}[，,])?[^，,。]{0,6}?召开")


def whole_place(name: str, texts: list[str]) -> str | None:
    """The government of the township 「全镇」 means, or None."""
    if not (whole := _WHOLE.match(name)):
        return None
    places = {m["place"] for t in texts for m in _HOLDS.finditer(t) if m["kind"] == whole["kind"]}
    return f"{places.pop()}人民政府" if len(places) == 1 else None
