"""A letter's first page as the unit page shows it, read back from the letter's .docx."""
from __future__ import annotations

import datetime as dt

from policykb.render import letters
from policykb.render.site.preview import first_letter, letter_preview

from conftest import DOC, ROOT

TEMPLATE = ROOT / "templates" / "letter.docx"


def _letter(pg, tmp_path, unit: str):
    [(letter, data)] = letters.render_all(pg, TEMPLATE, as_of=dt.date(2026, 11, 30), units=[unit])
    path = tmp_path / f"{unit}.docx"
    path.write_bytes(data)
    return path


def test_preview_is_the_body_up_to_the_annex(pg, tmp_path):
    html = letter_preview(_letter(pg, tmp_path, "省教育厅"))
    assert '<p class="pk-letter-title">脱贫攻坚重要政策措施责任书</p>' in html
    assert "<strong>乙方：</strong>湖南省教育厅" in html and "附件：省教育厅重要政策措施任务清单" in html
    assert '<p class="pk-letter-heading">一、目标任务</p>' in html
    assert "<h1" not in html and "<h2" not in html  # no headings for the page's contents or its search
    assert pg.task(DOC, 15).text not in html  # the 附件's table is left out
    assert "主要负责人（签字）" in html


def test_a_letter_without_annex_shows_its_tasks(pg, tmp_path):
    html = letter_preview(_letter(pg, tmp_path, "省国资委"))
    assert pg.task(DOC, 4).text in html and "附件：" not in html and "pk-letter-annex" not in html


def test_a_missing_or_damaged_letter_has_no_preview(tmp_path):
    (tmp_path / "bad.docx").write_bytes(b"not a zip")
    assert letter_preview(tmp_path / "bad.docx") == "" and letter_preview(tmp_path / "none.docx") == ""
    assert first_letter(tmp_path, [{"path": "bad.docx"}]) is None
    assert first_letter(tmp_path, [{"path": "a.pdf"}]) is None
