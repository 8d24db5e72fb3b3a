"""Targets in words: how every document a reader sees states an indicator (letters, maps, pages)."""
from __future__ import annotations

from .model import Indicator


def target_sentence(i: Indicator) -> str:
    """A target as the policy words it (「到2020年，组织300所优质学校帮扶600所薄弱学校」): the source's
    phrase, led by its year when the phrase does not say it. No =, ≥ or ≤: readers get the policy's words."""
    when = f"{i.year}年" if i.year else (i.period or "")
    return i.phrase if not when or when.rstrip("年") in i.phrase else f"到{when}，{i.phrase}"
