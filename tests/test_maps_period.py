"""Maps across the policy's life: after its period no today line nor build date; the overall map's text
read from two metres; section maps with every task text whole; bars to the tasks' own target years."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

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


def test_overall_map_prints_on_one_a0_sheet(specs):
    """No plotter takes 2A0 and two sheets must be glued: the overall map is one A0 sheet, every task
    text whole at 4 mm or more, the task list in two panels side by side, in order."""
    from policykb.render.maps.paper import PAPERS, name, tile_page
    done = maps.render(specs["overall"], TODAY, paper=OVERALL)
    assert tile_page(OVERALL) is None and len(done.pages) == 1 and name(OVERALL) == "A0，1189×841毫米"
    assert sorted((done.layout.width, done.layout.height)) == sorted(PAPERS["A0"])
    assert done.layout.size >= WALL_MM and shown(done.layout) > 0.999
    assert [r.row.task.number for r in done.layout.rows] == specs["overall"].tasks
    left, right = done.layout.panels
    assert left.table.right < right.table.x and abs(left.table.y - right.table.y) < 1e-9
    assert right.groups[0].rows[0].row is not right.groups[0].group.rows[0]  # a section goes on: 续
    assert "（续）" in right.groups[0].label.lines[0]
    assert max(p.table.bottom for p in done.layout.panels) < done.layout.legend_box.y
    assert 'width="1189mm" height="841mm"' in done.svg and "拼贴" not in done.svg
    assert "纸张：A0，1189×841毫米" in done.svg  # the footer says what to print it on


def test_an_overall_map_too_big_for_one_a0_goes_on_two_and_says_so(specs):
    spec = specs["overall"]
    doubled = replace(spec, groups=spec.groups + spec.groups)
    paper, done = maps.render_on_paper(doubled, TODAY, "A1")
    assert paper == "A0-tiled" and len(done.pages) == 2
    note = next(i.label.lines[0] for i in done.layout.legend if i.kind == "note")
    assert note.startswith(maps.OVERFLOW_NOTE) and (done.layout.size >= WALL_MM or "字高缩至" in note)
    paper, done = maps.render_on_paper(spec, TODAY, "A1")
    assert paper == "A0" and maps.OVERFLOW_NOTE not in done.svg


def test_unit_and_section_maps_go_on_the_smallest_sheet_their_rows_need(pg):
    """武警's one row on A3, not A1; a sheet is taken only if every text is whole at 4 mm (A3, A2, A1, A0)."""
    by_key = {s.key: s for s in plan(pg, DOC)}
    paper, done = maps.render_on_paper(by_key["unit/武警湖南省总队"], TODAY, "auto")
    assert paper == "A3" and sorted((done.layout.width, done.layout.height)) == [297.0, 420.0]
    assert done.layout.size >= WALL_MM and shown(done.layout) > 0.999 and "纸张：A3，420×297毫米" in done.svg
    assert done.layout.table.right > 0.9 * done.layout.width  # the row runs across the sheet
    paper, done = maps.render_on_paper(by_key["unit/省扶贫办"], TODAY, "auto")  # 53 rows: A1 would cut them
    assert paper == "A0" and "纸张：A0，1189×841毫米" in done.svg and shown(done.layout) > 0.999
    assert maps.render_on_paper(by_key["unit/武警湖南省总队"], TODAY, "A1")[0] == "A1"  # asked for: kept


def test_the_time_axis_spans_the_maps_own_policy_period(specs):
    """A plan of 2023—2025 is drawn on 2023—2025, not on the bundled policy's years; --years still overrides."""
    def axis(spec, **kw):
        laid = maps.render(spec, dt.date(2024, 6, 1), **kw).layout
        return [t.lines[0] for t in laid.panels[0].years]
    later = replace(specs["section-2"], period=(dt.date(2023, 1, 1), dt.date(2025, 12, 31)))
    assert axis(later) == ["2023年", "2024年", "2025年"]
    assert axis(specs["section-2"]) == ["2016年", "2017年", "2018年", "2019年", "2020年"]
    assert axis(later, years=(2022, 2026)) == ["2022年", "2023年", "2024年", "2025年", "2026年"]


def test_a_short_documents_overall_map_is_no_bigger_than_it_needs(specs):
    """An imported list of two tasks is not printed on A0: its overall map takes the smallest sheet that shows
    it whole at 4 mm, as section and unit maps do; the bundled 95 tasks still need the whole A0."""
    spec = specs["overall"]
    first = spec.groups[0]
    short = replace(spec, groups=(replace(first, rows=first.rows[:2]),))
    paper, done = maps.render_on_paper(short, TODAY, "auto")
    assert paper == "A3" and done.layout.size >= WALL_MM and shown(done.layout) > 0.999
    assert maps.render_on_paper(spec, TODAY, "auto")[0] == "A0"
    assert maps.render_on_paper(short, TODAY, "A0")[0] == "A0"  # asked for: kept
