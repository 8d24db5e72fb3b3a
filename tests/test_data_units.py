"""The unit registry of the bundled policy: complete, unambiguous, and each unit earning its place."""
from __future__ import annotations

from policykb import ingest as importer
from policykb.model import UnitKind
from typing import get_args


def _texts(doc) -> str:
    meta = doc.meta
    parts = [meta.preamble, meta.annex.preamble, *(r.text for r in meta.annex.requirements)]
    parts += [a.text for a in doc.articles.values()] + [t.text for t in doc.tasks.values()]
    return "\n".join(parts)


def test_no_two_units_share_a_name_or_alias(kb):
    names = [n for u in kb.units.values() for n in [u.name, *u.aliases]]
    assert sorted(n for n in set(names) if names.count(n) > 1) == []


def test_every_unit_earns_its_place(kb, pg, doc):
    """Used by a task, an issuer, or named (by name or alias) in the text of the document."""
    used = set(pg.units_with_tasks())
    issuers = {kb.unit(name).name for name in doc.meta.issuers}
    text = _texts(doc)
    idle = [u.name for u in kb.units.values()
            if u.name not in used | issuers and not any(n in text for n in [u.name, *u.aliases])]
    assert idle == []


def test_issuers_are_registered_with_the_names_the_text_uses(kb, doc):
    assert doc.meta.issuers == ["中共湖南省委", "湖南省人民政府"]
    assert kb.unit("省委").name == "中共湖南省委" and kb.unit("省政府").name == "湖南省人民政府"
    assert {kb.units[n].kind for n in doc.meta.issuers} == {"省委省政府"}


def test_units_named_as_acting_in_the_text_are_registered(kb):
    for name in ["省委办公厅", "省政府办公厅", "省委巡视组", "省扶贫办", "省财政"]:
        assert kb.unit(name) is not None, name
    for generic in ["纪检监察机关", "各级人大常委会和政协委员会", "当地县级人民政府"]:
        assert kb.unit(generic) is None, generic


def test_names_as_written_resolve(kb, doc):
    """Every erratum about a unit name resolves, both as written and as corrected."""
    unit_errata = [e for e in doc.meta.errata if e.note and e.note.startswith("unit name")]
    assert unit_errata
    for e in unit_errata:
        assert kb.unit(e.correction) is not None, e
    assert kb.unit("人力资源社会保障厅").name == "省人力资源社会保障厅"


def test_collectives(kb):
    collective = {u.name for u in kb.units.values() if u.collective}
    assert collective == {"各市州、县市区党委和政府", "相关市州和县市党委、政府"}
    assert {kb.units[n].kind for n in collective} == {"市县党委政府"}


def test_kinds(kb):
    kinds = {u.kind for u in kb.units.values()}
    assert kinds == set(get_args(UnitKind)) - {"中央国家机关", "市县部门"}  # no kind goes unused (those two: imports)
    expect = {"人民银行长沙中心支行": "中央驻湘机构", "省农村信用联社": "金融机构", "省电力公司": "企业",
              "省人民检察院": "政法机关", "省高级人民法院": "政法机关", "省气象局": "中央驻湘机构",
              "省人大常委会办公厅": "人大政协", "武警湖南省总队": "军队武警", "团省委": "群团组织",
              "湖南农业大学": "高校与科研院所", "省委组织部": "省直部门", "中共湖南省委": "省委省政府"}
    assert {n: kb.units[n].kind for n in expect} == expect


def test_importer_guesses_the_registry_kinds(kb):
    """A re-import classifies the annex units as the reviewed registry does."""
    annex = [u for u in kb.units.values() if not u.collective and u.kind != "省委省政府" and u.name != "省委巡视组"]
    wrong = {u.name: (importer.unit_kind(u.name), u.kind) for u in annex if importer.unit_kind(u.name) != u.kind}
    assert wrong == {}
