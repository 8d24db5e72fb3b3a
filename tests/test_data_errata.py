"""Errata of the bundled policy: each slip is really in the source, where it is said to be, and kept."""
from __future__ import annotations

import re

from conftest import DOC, POLICIES

SOURCE = (POLICIES / DOC / "source.txt").read_text(encoding="utf-8")


def _source_line(where: str) -> str:
    """The line of source.txt holding an article (body) or a task (annex) with its unit list."""
    kind, number = where.split(":")
    body, annex = SOURCE.split("附件：", 1)
    lines = (body if kind == "article" else annex).splitlines()
    found = [line for line in lines if re.match(rf"^[\s\u3000]*{number}．", line)]
    assert len(found) == 1, where
    return found[0]


def test_every_erratum_is_in_the_source_where_it_says(doc):
    assert doc.meta.errata
    for e in doc.meta.errata:
        assert e.as_written in SOURCE, e
        assert e.as_written in _source_line(e.where), e
        assert e.correction != e.as_written, e


def test_articles_keep_the_slips_as_written(doc):
    for e in doc.meta.errata:
        kind, number = e.where.split(":")
        if kind == "article":
            assert e.as_written in doc.articles[int(number)].text, e


def test_the_known_slips_are_recorded(doc):
    recorded = {(e.where, e.as_written, e.correction) for e in doc.meta.errata}
    for slip in [("article:6", "一方水土养不活一方入", "一方水土养不活一方人"),
                 ("article:29", "优先将贫困地区的工业团区", "优先将贫困地区的工业园区"),
                 ("article:8", "改善贫困地，区义务教育办学条件", "改善贫困地区义务教育办学条件"),
                 ("task:29", "．省财政厅", "省财政厅")]:
        assert slip in recorded


def test_a_correction_matches_the_wording_used_elsewhere(doc):
    # the annex restates article 29 with the right character
    assert "工业园区" in doc.tasks[71].text and "工业团区" not in doc.tasks[71].text
