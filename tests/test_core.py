"""The bundled knowledge base: complete, clean, and faithful to its source."""
from __future__ import annotations

import json
import re

from policykb import export
from policykb.ingest import import_source
from policykb.validate import validate

from conftest import DOC, POLICIES


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_bundled_policy_checks_clean():
    kb, report = validate(POLICIES)
    assert [i.format() for i in report.issues] == []
    assert kb is not None


def test_counts(doc):
    assert sorted(doc.articles) == list(range(1, 39))
    assert sorted(doc.tasks) == list(range(1, 96))


def test_texts_are_the_source_wording(doc, tmp_path):
    """Re-import the text of record and compare every article and task with the YAML."""
    import_source(POLICIES / DOC / "source.txt", tmp_path, DOC)
    fresh_kb, report = validate(tmp_path)
    assert fresh_kb is not None, [i.format() for i in report.errors]
    fresh = fresh_kb.documents[DOC]
    for n, a in doc.articles.items():
        assert _squash(a.title) == _squash(fresh.articles[n].title), n
        assert _squash(a.text) == _squash(fresh.articles[n].text), n
    for n, t in doc.tasks.items():
        assert _squash(t.text) == _squash(fresh.tasks[n].text), n
        assert t.units_as_written == fresh.tasks[n].units_as_written, n


def test_export_json(pg):
    data = json.loads(export.to_json(pg))
    assert len(data["articles"]) == 38 and len(data["tasks"]) == 95
    tasks = {t["number"]: t for t in data["tasks"]}
    assert all(t["lead_units"] for t in tasks.values())
    assert tasks[4]["lead_mode"] == "separate" and tasks[4]["lead_units"] == ["省国资委", "省工商联"]
    assert tasks[5]["lead_mode"] == "joint" and tasks[5]["lead_units"] == ["省扶贫办", "省人力资源社会保障厅"]
    assert tasks[8]["lead_units"] == ["省国土资源厅", "省公安厅", "省住房城乡建设厅"]
    assert tasks[79]["lead_mode"] == "joint" and tasks[79]["open_ended"]
    assert tasks[66]["lead_units"] == ["各市州、县市区党委和政府"]
    names = {n for t in tasks.values() for n in t["lead_units"] + t["participant_units"]}
    assert not [n for n in names if re.search(r"^[．.、，,；\s]|[．.、，,；\s]$|等$", n)]
    assert "人力资源社会保障厅" not in names and "省人力资源社会保障厅" in names
    for t in tasks.values():
        phrases = [d["phrase"] for d in t["deadlines"]]
        assert "2016年6月底前" in phrases and "每年11月中旬" in phrases


def test_schemas_are_current():
    """policies/schemas/ must match the models: run `policykb schema` after changing a model."""
    from policykb.schema import KINDS, schema_text
    for kind in KINDS:
        path = POLICIES / "schemas" / f"{kind}.schema.json"
        assert path.read_text(encoding="utf-8") == schema_text(kind), f"{path} is stale: run policykb schema"
