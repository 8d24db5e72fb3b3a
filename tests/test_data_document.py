"""Metadata of the bundled policy: as the source states it, nothing invented."""
from __future__ import annotations

import datetime as dt
import re

from conftest import DOC, POLICIES

SOURCE = (POLICIES / DOC / "source.txt").read_text(encoding="utf-8")


def test_title_issuers_date(doc):
    meta = doc.meta
    assert meta.title == SOURCE.strip().splitlines()[0].strip()
    assert meta.short_title == "湖南省脱贫攻坚实施意见"
    assert meta.issuers == ["中共湖南省委", "湖南省人民政府"]
    assert "".join(meta.issuers) in SOURCE  # the annex names the issuers: 《中共湖南省委湖南省人民政府关于…》
    assert meta.date == dt.date(2016, 4, 1) and "（2016年4月1日）" in SOURCE


def test_the_implemented_decision_is_quoted_with_its_number(doc):
    ref = doc.meta.implements
    assert f"《{ref.title}》({ref.number})" in SOURCE


def test_no_document_number_is_invented():
    # the source gives the central decision's 文号 only; the opinions' own number is not in it: it comes
    # from 湘政发〔2017〕12号, which cites the opinions so (issue 24), named with its page beside it
    text = (POLICIES / DOC / "document.yaml").read_text(encoding="utf-8")
    numbers = re.compile(r"\w+〔\d{4}〕\d+号")
    assert set(numbers.findall(SOURCE)) == {"中发〔2015〕34号"}
    assert set(numbers.findall(text)) == {"中发〔2015〕34号", "湘发〔2016〕7号", "湘政发〔2017〕12号"}
    assert "湘政发〔2017〕12号 cites this document" in text and "https://" in text
