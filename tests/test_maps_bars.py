"""What each row's bar says, read back from the SVG: to the task's own deadline, to the target year of
its own indicators, or a pale 持续推进 band with the general deadlines when nothing dates the task;
an article's target set in the sentence holding the task's text is context (◎), never its deadline;
the legend names only what the map shows."""
from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest

from conftest import DOC
from policykb.render import maps
from policykb.render.maps.plan import plan
from policykb.status import TaskStatus

NS = "{http://www.w3.org/2000/svg}"
AFTER = dt.date(2026, 11, 30)


@pytest.fixture(scope="module")
def specs(pg):
    return {s.key: s for s in plan(pg, DOC)}


@pytest.fixture(scope="module")
def section_2(specs):
    return ET.fromstring(maps.render(specs["section-2"], AFTER).svg.encode("utf-8"))


def row(root, n: int):
    return next(g for g in root.iter(f"{NS}g") if g.get("class") == "row" and g.get("data-task") == str(n))


def cell(g, key: str) -> str:
    return "".join("".join(c.itertext()) for c in g.iter(f"{NS}g") if c.get("class", "").startswith(f"cell-{key}"))


def bar(g):
    return next(p for p in g.iter(f"{NS}path") if p.get("class") == "bar")


def bar_box(g) -> tuple[float, float, float]:
    """x of its start, x of its end, its height."""
    points = [tuple(map(float, p.split(","))) for p in re.findall(r"-?[\d.]+,-?[\d.]+", bar(g).get("d"))]
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return min(xs), max(xs), max(ys) - min(ys)


def years(root) -> dict[int, tuple[float, float]]:
    """Each year column of the time axis: (left, right) in mm."""
    out = {}
    for g in root.iter(f"{NS}g"):
        if g.get("class") == "year":
            x, _, w, _ = map(float, g.get("data-cell").split())
            label = "".join(g.itertext()).removesuffix("年")  # 2016年, or 16 where the column is narrow
            out[int(label) if len(label) == 4 else 2000 + int(label)] = (x, x + w)
    return out


def legend(root) -> str:
    return "｜".join("".join(g.itertext()) for g in root.iter(f"{NS}g") if g.get("class") == "legend")


def test_an_articles_target_is_context_never_the_tasks_deadline(section_2, doc):
    """Task 33 names no date; article 13 sets 2017 for 「气化湖南」 in the sentence holding the task's
    text: a ◎ marked as reference on a 持续推进 band, the bar running on to the period's end."""
    assert not doc.tasks[33].own_deadlines and doc.tasks[33].articles == [13]
    g = row(section_2, 33)
    assert g.get("data-basis") == "general"
    assert cell(g, "deadline") == "按通用时限（参考第13条2017年目标）"
    spans = years(section_2)
    _, end, _ = bar_box(g)
    assert spans[2020][1] - 0.5 < end <= spans[2020][1] + 0.01
    [mark] = [float(c.get("cx")) for c in g.iter(f"{NS}circle") if c.get("class") == "article-target"]
    assert spans[2017][0] < mark <= spans[2017][1] + 0.5


def test_no_row_takes_a_date_from_another_tasks_target(pg, specs):
    """第8条's 2017 is the nutrition programme's (第13项): 第11–12、14–18、20项 show nothing of it;
    第16条's 2016 is 广播村村响's: 历史文化名镇保护 shows nothing of it."""
    rows = {r.task.number: r for spec in specs.values() if spec.key.startswith("section-") for r in spec.rows}
    for n in (11, 12, 14, 15, 16, 17, 18, 20):
        assert 8 not in rows[n].target_articles, n
    assert rows[13].target_articles == (8,)
    heritage = next(n for n, r in rows.items() if "历史文化名镇" in r.task.text)
    assert not rows[heritage].target_articles


def test_an_own_deadline_keeps_its_solid_bar_and_diamond(section_2):
    g = row(section_2, 35)  # 力争到2019年
    assert g.get("data-basis") == "own" and cell(g, "deadline") == "力争到2019年"
    _, end, h = bar_box(g)
    left, right = years(section_2)[2019]
    assert right - 1 < end <= right + 0.5
    assert g.find(f".//{NS}circle[@class='article-target']") is None
    assert h > bar_box(row(section_2, 33))[2]  # own deadline: the strongest bar


def test_an_undated_task_is_a_pale_band_with_the_general_deadlines(section_2):
    g = row(section_2, 46)  # nothing dated: 按通用时限
    assert g.get("data-basis") == "general" and cell(g, "deadline") == "按通用时限"
    start, end, h = bar_box(g)
    assert h < 0.5 * bar_box(row(section_2, 35))[2]  # thin beside a dated bar, seen across the room
    assert bar(g).get("stroke") is None  # and unedged
    spans = years(section_2)
    assert spans[2016][0] < start < spans[2016][1] and spans[2020][1] - 0.5 < end <= spans[2020][1] + 0.01
    marks = [p for p in g.iter(f"{NS}path") if p.get("class") != "bar"]
    assert len(marks) == 1 + 5  # ◇ 方案 by 2016-06-30, ▼ a report each year 2016–2020


def test_the_legend_names_only_what_the_map_shows(section_2, specs):
    text = legend(section_2)
    for entry in ("倒排工期至任务自身时限", "参考：条文在同一句中所定目标年份", "无单独时限：持续推进，按通用时限",
                  "（二）加快推进贫困地区基础设施建设"):
        assert entry in text
    for absent in ("（一）组织实施脱贫攻坚行动", "二、加快推进", "持续推进，按任务自身时限", "未启动", "逾期", "今日线"):
        assert absent not in text  # no other section, no 从…年起 bar, nothing tracked
    unit = ET.fromstring(maps.render(specs["unit/省人大常委会办公厅"], AFTER).svg.encode("utf-8"))
    assert "参考：条文" not in legend(unit) and "任务每年时限" in legend(unit)  # its one task: 每年


def test_tracked_states_still_colour_every_kind_of_bar(pg):
    statuses = {(DOC, 32): TaskStatus("推进中", "amber"),
                (DOC, 46): TaskStatus("未启动", "red", overdue=True, reasons=("2016年6月底前未出台方案",)),
                (DOC, 35): TaskStatus("已完成", "green")}
    spec = next(s for s in plan(pg, DOC, statuses) if s.key == "section-2")
    root = ET.fromstring(maps.render(spec, dt.date(2016, 7, 1), statuses_given=True).svg.encode("utf-8"))
    assert bar(row(root, 32)).get("fill").startswith("url(#hatch")
    band = row(root, 46)
    assert band.get("data-overdue") == "1" and "逾期" in cell(band, "status")
    assert bar(band).get("stroke") == "#b00000" and bar(band).get("stroke-dasharray")
    assert bar(row(root, 35)).get("fill") == "#c8701e"  # done: solid in its section's colour
    text = legend(root)
    assert all(w in text for w in ("推进中", "未启动", "已完成", "逾期", "今日线（2016年7月1日）"))
    assert "已销号" not in text


def test_nothing_is_drawn_past_the_periods_end(specs):
    laid = maps.render(specs["overall"], AFTER).layout
    end = laid.axis.at(dt.date(2020, 12, 31))
    for r in laid.rows:
        assert r.schedule.end <= dt.date(2020, 12, 31)
        assert all(day <= dt.date(2020, 12, 31) for day, _ in r.schedule.milestones + r.schedule.general)
    assert end <= laid.axis.x + laid.axis.w


def test_a_half_yearly_deadline_is_marked_each_time_it_falls_and_a_quarterly_one_is_not(tmp_path):
    """Every half year reads on a wall chart; quarterly marks over five years would run into a smear."""
    import shutil

    from conftest import FIXTURES
    from policykb.graph import PolicyGraph
    from policykb.validate import load_kb
    kb = tmp_path / "kb"
    shutil.copytree(FIXTURES / "tiny", kb)
    task = kb / "demo-2016" / "tasks" / "002.yaml"
    task.write_text(task.read_text(encoding="utf-8").replace(
        "  - phrase: 2016年9月底前\n    date: 2016-09-30\n    kind: once\n",
        "  - phrase: 每半年\n    date: 2016-06-30\n    kind: half-yearly\n"), encoding="utf-8")
    other = kb / "demo-2016" / "tasks" / "001.yaml"
    other.write_text(other.read_text(encoding="utf-8").replace(
        "  - phrase: 力争2016年\n    date: 2016-12-31\n    kind: target-year\n",
        "  - phrase: 每季度\n    date: 2016-03-31\n    kind: quarterly\n"), encoding="utf-8")
    graph = PolicyGraph(load_kb(kb))
    spec = next(s for s in plan(graph, "demo-2016") if s.key == "overall")
    root = ET.fromstring(maps.render(spec, AFTER).svg.encode("utf-8"))
    ends = graph.kb.documents["demo-2016"].meta.period.end
    halves = [d for y in range(2016, ends.year + 1) for d in (dt.date(y, 6, 30), dt.date(y, 12, 31)) if d <= ends]
    diamonds = [p for p in row(root, 2).iter(f"{NS}path") if p.get("class") != "bar"]
    assert len(diamonds) == len(halves)
    quarterly = [p for p in row(root, 1).iter(f"{NS}path") if p.get("class") != "bar"]
    assert len(quarterly) == 1  # its indicator's target year alone, none of the 19 quarters
    assert "、每半年时限" in legend(root) and "每季度" not in legend(root)  # 任务每年、每半年时限: tiny has a yearly task
