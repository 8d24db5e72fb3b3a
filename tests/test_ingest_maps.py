"""The maps of an imported document fit that document: its own years on the time axis (its period, or the
five years its letters state when it names none), a sheet sized to its few rows, every text whole."""
from __future__ import annotations

import datetime as dt
import shutil

import pytest

from policykb.graph import PolicyGraph
from policykb.ingest import import_file
from policykb.render import maps
from policykb.render.maps.layout import WALL_MM, shown
from policykb.render.maps.plan import plan
from policykb.validate import validate

from conftest import POLICIES, ROOT

CORPUS = ROOT / "tests" / "corpus"


@pytest.mark.parametrize("source, years", [
    ("lishan-2023-county-lines.txt", [2023]),  # deadlines within 2023: its period is 2023
    ("part3/tongxiang-2020-leader-heading-rank-rule.txt", [2020]),  # 「2020年…责任分解」: the title's year
])
def test_an_imported_documents_overall_map_is_drawn_on_its_own_years(tmp_path, source, years):
    kb = tmp_path / "kb"
    kb.mkdir()
    shutil.copy(POLICIES / "units.yaml", kb / "units.yaml")
    import_file(CORPUS / source, kb, "imported")
    fresh, report = validate(kb)
    assert fresh is not None, [i.format() for i in report.errors]
    overall = next(s for s in plan(PolicyGraph(fresh), "imported") if s.kind == "overall")
    paper, done = maps.render_on_paper(overall, dt.date(2026, 12, 4), "auto")
    assert [t.lines[0] for t in done.layout.panels[0].years] == [f"{y}年" for y in years]
    assert paper == "A3" and done.layout.size >= WALL_MM and shown(done.layout) > 0.999
    if not overall.general:  # a list that sets no general deadline: no row claims to follow one
        assert "按通用时限" not in done.svg and "未明确时限" in done.svg
    # its tasks are its own text, no attached annex: the source line cites none
    assert fresh.documents["imported"].meta.annex.attached or "附件《" not in overall.source


def test_pages_of_a_knowledge_base_with_an_imported_document_show_each_documents_own_life(tmp_path):
    """The home page names each document with its own period; a unit of the imported 2020 list is shown as of
    that list's end, by its own period (one year: 「实施期（2020年）」)."""
    from policykb.render.site.build import write_docs
    kb = tmp_path / "kb"
    shutil.copytree(POLICIES, kb, ignore=shutil.ignore_patterns("tracking"))
    import_file(CORPUS / "part3" / "tongxiang-2020-leader-heading-rank-rule.txt", kb, "tongxiang")
    fresh, report = validate(kb)
    assert fresh is not None, [i.format() for i in report.errors]
    pg = PolicyGraph(fresh)
    docs = tmp_path / "docs"
    docs.mkdir()
    write_docs(pg, docs, as_of=dt.date(2026, 12, 4), templates=ROOT / "templates", handwritten=None, policies=kb)
    home = (docs / "index.md").read_text(encoding="utf-8")
    assert "《湖南省脱贫攻坚实施意见》实施期（2016—2020年）已结束" in home
    assert "》实施期（2020年）已结束" in home
    unit = "桐乡市财政局"  # 「财政局」 of a 桐乡市 list: that city's own unit
    page = next(p for p in docs.rglob("*.md") if p.parent.name == "units" and f"# {unit}" in p.read_text("utf-8"))
    text = page.read_text(encoding="utf-8")
    assert "实施期（2020年）已结束，以下为最终情况" in text
