"""Status on the map, from hand-made Statuses: readable without colour, struck through when done."""
from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from conftest import DOC
from policykb.render import maps
from policykb.render.maps.plan import plan
from policykb.status import TaskStatus

NS = "{http://www.w3.org/2000/svg}"
AS_OF = dt.date(2017, 3, 1)
STATUSES = {
    (DOC, 1): TaskStatus("已销号", "green"),
    (DOC, 2): TaskStatus("推进中", "amber"),
    (DOC, 3): TaskStatus("未启动", "red", overdue=True, reasons=("2016年6月底前未出台方案",)),
    (DOC, 4): TaskStatus("推进中", "red", overdue=True, detail="1/2个牵头单位已启动"),  # separate leads
    (DOC, 6): TaskStatus("已完成", "green"),
    (DOC, 30): TaskStatus("推进中", "red", overdue=True),
}


@pytest.fixture(scope="module")
def section_1(pg):
    spec = next(s for s in plan(pg, DOC, STATUSES) if s.key == "section-1")
    return ET.fromstring(maps.render(spec, AS_OF, statuses_given=True).svg.encode("utf-8"))


def row(root, n: int):
    return next(g for g in root.iter(f"{NS}g") if g.get("class") == "row" and g.get("data-task") == str(n))


def cell_text(g, key: str) -> str:
    return "".join("".join(c.itertext()) for c in g.iter(f"{NS}g") if c.get("class", "").startswith(f"cell-{key}"))


def struck(g) -> bool:
    task_cell = next(c for c in g.iter(f"{NS}g") if c.get("class") == "cell-task")
    return any(el.tag == f"{NS}line" for el in task_cell)


def test_done_tasks_are_struck_through_and_ticked(section_1):
    for n, state in ((1, "已销号"), (6, "已完成")):
        g = row(section_1, n)
        assert g.get("data-state") == state and struck(g)
        assert state in cell_text(g, "status")
        ticks = [p for p in g.iter(f"{NS}path") if p.get("stroke-linecap") == "round"]
        assert ticks, f"task {n} has no tick"


def test_open_tasks_are_not_struck(section_1):
    for n in (2, 3, 4, 5):
        assert not struck(row(section_1, n))


def test_separate_leads_say_how_many_started(section_1):
    """第4项: one of its two separate leads issued its plan — the map says so, as the site does."""
    status = cell_text(row(section_1, 4), "status")
    assert all(word in status for word in ("推进中", "1/2个牵头单位已启动", "逾期"))


def test_states_read_without_colour(section_1):
    """Each state has its own bar fill (pattern, outline, solid) and its word in the row."""
    fills = {}
    for n in (1, 2, 3):
        g = row(section_1, n)
        bar = next(p for p in g.iter(f"{NS}path") if p.get("class") == "bar")
        fills[n] = (bar.get("fill"), bar.get("stroke-dasharray"))
    assert fills[2][0].startswith("url(#hatch")  # in progress: hatched
    assert fills[3][1] is not None  # not started: dashed outline
    assert len(set(fills.values())) == 3
    assert "推进中" in cell_text(row(section_1, 2), "status")
    assert "未启动" in cell_text(row(section_1, 3), "status")


def test_overdue_rows_are_marked(section_1):
    g = row(section_1, 3)
    assert g.get("data-overdue") == "1"
    assert "逾期" in cell_text(g, "status")
    tip = g.find(f"{NS}title").text  # the whole row on hover, on screen
    assert "2016年6月底前未出台方案" in tip and "农业银行湖南省分行" in tip
    assert row(section_1, 2).get("data-overdue") is None


def test_tasks_without_status_say_untracked(section_1):
    g = row(section_1, 5)
    assert g.get("data-state") is None and cell_text(g, "status") == "未跟踪"


def test_today_line_and_legend(pg, section_1):
    text = "".join(section_1.itertext())
    assert "截至 2017年3月1日" in text and "今日线（2017年3月1日）" in text
    for word in ("未启动", "推进中", "已完成", "已销号", "逾期", "方案出台：2016年6月底前", "年度报告：每年11月中旬"):
        assert word in text
    spec = next(s for s in plan(pg, DOC) if s.key == "section-1")
    laid = maps.render(spec, AS_OF).layout
    today = [m for m in laid.milestones if m.kind == "today"]
    assert len(today) == 1 and today[0].day == AS_OF
    assert laid.axis.x < laid.axis.at(AS_OF) < laid.axis.x + laid.axis.w
    assert not [m for m in maps.render(spec, dt.date(2021, 3, 1)).layout.milestones if m.kind == "today"]


def test_general_milestones_fall_on_the_deadlines(pg):
    spec = next(s for s in plan(pg, DOC) if s.key == "section-1")
    days = [(m.day, m.kind) for m in maps.render(spec, AS_OF).layout.milestones if m.kind != "today"]
    assert (dt.date(2016, 6, 30), "plan") in days
    assert [d for d, k in days if k == "yearly-report"] == [dt.date(y, 11, 20) for y in range(2016, 2021)]


def test_bars_are_scheduled_backwards_from_the_deadline(pg, doc):
    from policykb.render.maps.layout import schedule
    end = dt.date(2021, 1, 1)
    t69 = schedule(doc.tasks[69], doc.meta.date, end)
    assert (t69.start, t69.end, t69.ongoing) == (doc.meta.date, dt.date(2020, 12, 31), False)
    assert [d for d, _ in t69.milestones] == [dt.date(2016, 12, 31), dt.date(2020, 12, 31)]
    lead = schedule(doc.tasks[69], doc.meta.date, end, lead_months=12)
    assert lead.start == dt.date(2020, 1, 1)
    t1 = schedule(doc.tasks[1], doc.meta.date, end)
    assert t1.ongoing and t1.end == end and not t1.milestones
    t19 = schedule(doc.tasks[19], doc.meta.date, end)
    assert t19.starts_with_phrase and t19.start == dt.date(2016, 1, 1)
