"""Which tasks each battle map shows: checked against the graph, read back from the SVG rows."""
from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from conftest import DOC
from policykb.render import maps
from policykb.render.maps.plan import indicator_texts, plan

AS_OF = dt.date(2017, 3, 1)
NS = "{http://www.w3.org/2000/svg}"


def rows(svg: str) -> list[dict]:
    root = ET.fromstring(svg.encode("utf-8"))
    return [dict(g.attrib) for g in root.iter(f"{NS}g") if g.get("class") == "row"]


@pytest.fixture(scope="module")
def specs(pg):
    return {s.key: s for s in plan(pg, DOC)}


@pytest.fixture(scope="module")
def overall_svg(specs):
    return maps.render(specs["overall"], AS_OF).svg


def test_overall_map_holds_every_task_exactly_once(overall_svg, doc):
    numbers = [int(r["data-task"]) for r in rows(overall_svg)]
    assert sorted(numbers) == sorted(doc.tasks) and len(numbers) == len(doc.tasks) == 95


def test_overall_map_groups_rows_by_section_in_order(overall_svg, doc):
    found = [(int(r["data-section"]), int(r["data-task"])) for r in rows(overall_svg)]
    assert found == sorted((t.section, t.number) for t in doc.tasks.values())
    root = ET.fromstring(overall_svg.encode("utf-8"))
    bands = ["".join(g.itertext()) for g in root.iter(f"{NS}g") if g.get("class") == "group"]
    titles = [s.title for s in doc.meta.annex.sections]
    assert len(bands) == 5 and all(title in band for title, band in zip(titles, bands))


def test_one_map_per_section_with_exactly_its_tasks(specs, doc):
    for section in doc.meta.annex.sections:
        svg = maps.render(specs[f"section-{section.number}"], AS_OF).svg
        shown = [int(r["data-task"]) for r in rows(svg)]
        assert shown == sorted(t.number for t in doc.tasks.values() if t.section == section.number)


def test_one_map_per_unit_with_tasks(specs, pg):
    """Each unit with a task, then each 市州 of a collective: the recipients of the letters."""
    units = [s.unit for s in specs.values() if s.kind == "unit"]
    assert units == pg.units_with_tasks(DOC) + pg.members_with_tasks(DOC)
    assert len(pg.members_with_tasks(DOC)) == 14


def test_a_members_map_holds_the_tasks_its_letter_carries(specs, pg):
    """张家界市 is not named by 第49项: its map, like its letter, holds 第66项 only; 长沙市's both."""
    for city, expected in (("张家界市", [("lead", 66)]), ("长沙市", [("lead", 66), ("participant", 49)])):
        svg = maps.render(specs[f"unit/{city}"], AS_OF).svg
        assert [(r["data-role"], int(r["data-task"])) for r in rows(svg)] == expected, city


@pytest.mark.parametrize("unit", ["省扶贫办", "省财政厅", "省教育厅", "武警湖南省总队", "各市州、县市区党委和政府",
                                  "省人大常委会办公厅"])
def test_a_units_map_holds_exactly_its_lead_then_participant_tasks(specs, pg, unit):
    svg = maps.render(specs[f"unit/{unit}"], AS_OF).svg
    shown = [(r["data-role"], int(r["data-task"])) for r in rows(svg)]
    roles = pg.tasks_of(unit, DOC)
    expected = [("lead", t.number) for t in roles["lead"]] + [("participant", t.number) for t in roles["participant"]]
    assert shown == expected and shown


def test_every_units_map_matches_tasks_of(specs, pg):
    for spec in specs.values():
        if spec.kind == "unit":
            roles = pg.tasks_of(spec.unit, DOC) if spec.unit in pg.kb.units else pg.member_tasks(spec.unit, DOC)
            assert spec.tasks == [t.number for t in roles["lead"] + roles["participant"]], spec.unit


def test_rows_show_units_deadline_and_indicators(overall_svg, pg, doc):
    root = ET.fromstring(overall_svg.encode("utf-8"))
    by_task = {int(g.get("data-task")): g for g in root.iter(f"{NS}g") if g.get("class") == "row"}

    def cell(n: int, key: str) -> str:
        return "".join("".join(c.itertext()) for c in by_task[n].iter(f"{NS}g") if c.get("class") == f"cell-{key}")

    t69 = doc.tasks[69]
    assert cell(69, "lead") == "省扶贫办"
    assert cell(69, "deadline").startswith("力争2016年")
    assert "5年累计" in cell(69, "deadline")
    participants = cell(69, "participants")
    assert participants.startswith(t69.participants[0])
    assert cell(1, "deadline") == "按通用时限"
    assert "共同牵头" in cell(next(n for n, t in doc.tasks.items() if t.lead_mode == "joint"), "lead")
    with_indicators = [n for n in doc.tasks if pg.indicators_of(DOC, task=n)]
    for n in with_indicators:  # targets in the policy's words, as letters state them; cut only with …
        found = pg.indicators_of(DOC, task=n)
        words = "；".join(indicator_texts(found))
        assert all(i.phrase in words and (not i.year or str(i.year) in words) for i in found), n
        shown = cell(n, "indicators")
        assert shown == words or (shown.endswith("…") and words.startswith(shown[:-1])), n
        assert not set(shown) & set("=≥≤"), n
    assert indicator_texts(pg.indicators_of(DOC, task=72))[0].count("到2020年") == 1  # the year said once


def test_without_indicators_the_column_goes(pg, doc):
    from dataclasses import replace
    spec = next(s for s in plan(pg, DOC) if s.key == "section-5")
    bare = replace(spec, groups=tuple(replace(g, rows=tuple(replace(r, indicators=()) for r in g.rows))
                                      for g in spec.groups))
    svg = maps.render(bare, AS_OF).svg
    assert "关键指标" not in svg and "主要参与单位" in svg and len(rows(svg)) == 15


def test_map_has_title_source_and_as_of_stamp(overall_svg, doc):
    text = "".join(ET.fromstring(overall_svg.encode("utf-8")).itertext())
    assert "作战图" in text and "总图" in text
    assert "依据：中共湖南省委、湖南省人民政府" in text and "2016年4月1日" in text
    assert "截至 2017年3月1日" in text


def test_a_units_map_underlines_its_name(specs):
    svg = maps.render(specs["unit/省教育厅"], AS_OF).svg
    root = ET.fromstring(svg.encode("utf-8"))
    marked = [r for r in root.iter(f"{NS}g") if r.get("class") == "row"
              and any(el.get("class") == "own-unit" for el in r.iter(f"{NS}line"))]
    assert len(marked) == len(specs["unit/省教育厅"].tasks)
    assert "own-unit" not in maps.render(specs["section-1"], AS_OF).svg


def test_a_units_map_names_it_first_among_participants(specs):
    svg = maps.render(specs["unit/省财政厅"], AS_OF).svg
    root = ET.fromstring(svg.encode("utf-8"))
    for r in root.iter(f"{NS}g"):
        if r.get("class") == "row" and r.get("data-role") == "participant":
            cell = next(c for c in r.iter(f"{NS}g") if c.get("class") == "cell-participants")
            assert "".join(cell.itertext()).startswith("省财政厅"), r.get("data-task")
