"""The hand-written guide pages: a line break between two Chinese characters becomes a space in the browser
(Chromium keeps it), so a paragraph goes on one line; breaks stay only before or after code, lists and tables."""
from __future__ import annotations

import re

from conftest import ROOT

_ENDS_CHINESE = re.compile(r"[\u4e00-\u9fff，、；：（）「」“”《》。！？]$")
_OPENS_CHINESE = re.compile(r"^\s*[\u4e00-\u9fff（「“《]")


def _soft_breaks(text: str) -> list[str]:
    found, fence = [], False
    lines = text.split("\n")
    for before, line in zip(lines, lines[1:]):
        if before.strip().startswith("```"):
            fence = not fence
        if not fence and before.strip() and _ENDS_CHINESE.search(before) and _OPENS_CHINESE.match(line) \
                and not before.lstrip().startswith(("|", "#")):
            found.append(f"{before[-12:]}⏎{line.strip()[:12]}")
    return found


def test_guide_paragraphs_have_no_line_break_between_chinese_characters():
    pages = [p for p in sorted((ROOT / "docs" / "guide").glob("*.md")) if p.name != "cli.md"]  # cli.md: generated
    assert len(pages) >= 8
    breaks = {p.name: b for p in pages if (b := _soft_breaks(p.read_text(encoding="utf-8")))}
    assert not breaks, breaks


def test_a_soft_break_inside_a_sentence_is_found_and_one_in_a_code_block_is_not():
    assert _soft_breaks("原文件\n照原样保存") == ["原文件⏎照原样保存"]
    assert _soft_breaks("```\n原文件\n照原样保存\n```") == [] and _soft_breaks("原文件。\n- 列表项") == []
