"""Maps across the policy's life: after its period no today line nor build date; the overall map's text
read from two metres; section maps with every task text whole; bars to the tasks' own target years."""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import DOC
from policykb.render import maps
from policykb.render.maps.layout import WALL_MM, shown
from policykb.render.maps.paper import OVERALL
from policykb.render.maps.plan import plan

TODAY = dt.date(2026, 11, 30)


@pytest.fixture(scope="module")
def specs(pg):
    return {s.key: s for s in plan(pg, DOC) if s.kind != "unit"}


def test_after_the_period_no_today_line_and_no_build_date(specs):
    svg = maps.render(specs["section-2"], TODAY).svg
    assert "实施期（2016—2020年）已结束" in svg and "今日线" not in svg
    assert "2026" not in svg


def test_inside_the_period_the_today_line_stands(specs):
    svg = maps.render(specs["section-2"], dt.date(2017, 3, 1)).svg
    assert "今日线（2017年3月1日）" in svg and "截至 2017年3月1日" in svg


def test_overall_map_is_read_from_two_metres_with_every_text_whole(specs):
    laid = maps.render(specs["overall"], TODAY, paper=OVERALL).layout
    assert laid.size >= WALL_MM and shown(laid) > 0.999


@pytest.mark.parametrize("key", ["section-1", "section-4"])
def test_section_maps_show_every_task_text_whole(specs, key):
    laid = maps.render(specs[key], TODAY).layout
    assert shown(laid) > 0.999


def test_a_task_without_own_deadline_runs_to_its_indicators_target_year(pg, specs):
    rows = [r for spec in specs.values() if spec.key.startswith("section-") for r in spec.rows]
    with_target = next(r for r in rows if not r.task.own_deadlines and r.targets and not r.target_articles)
    spec = specs[f"section-{with_target.section}"]
    laid = maps.render(spec, TODAY).layout
    sched = next(r.schedule for r in laid.rows if r.row.task.number == with_target.task.number)
    assert sched.end == max(with_target.targets) and not sched.ongoing


def test_overall_map_prints_on_a0_sheets(specs):
    """No plotter takes 2A0: the overall map fills two A0 pages, every text whole at 4 mm or more."""
    from policykb.render.maps.paper import PAPERS, name, tile_page
    done = maps.render(specs["overall"], TODAY, paper=OVERALL)
    assert tile_page(OVERALL) == PAPERS["A0"] and len(done.pages) == 2
    assert done.layout.size >= WALL_MM and shown(done.layout) > 0.999 and name(OVERALL) == "两张 A0 拼贴，每张 1189×841毫米"
    for svg in done.pages:
        assert 'width="1189mm" height="841mm"' in svg or 'width="841mm" height="1189mm"' in svg
