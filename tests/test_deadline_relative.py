"""Deadlines relative to the document's own day, as minutes and 督办 lists set them (本周完成, 两周内, 月底前, 下周五前):
read against the document's date, kept as written with a kind of their own, accepted by `check`, and shown with
their day in letters, maps and the site."""
from __future__ import annotations

import datetime as dt

import pytest

from policykb import deadlines
from test_deadline_kinds import imported, letter_deadlines

DAY = dt.date(2021, 3, 10)  # a Wednesday


@pytest.mark.parametrize("phrase, date", [
    ("本周完成", "2021-03-14"), ("本周工作", "2021-03-14"), ("本周内", "2021-03-14"), ("下周", "2021-03-21"),
    ("下周五前", "2021-03-19"), ("本月工作", "2021-03-31"), ("月底前", "2021-03-31"), ("下月底", "2021-04-30"),
    ("两周工作", "2021-03-24"), ("两周内", "2021-03-24"), ("10天内", "2021-03-20"), ("3个月内", "2021-06-10"),
    ("本季度", "2021-03-31"),
])
def test_a_phrase_relative_to_the_documents_day_is_read_against_it(phrase, date):
    assert deadlines.parse(phrase, DAY) == (dt.date.fromisoformat(date), deadlines.RELATIVE)
    assert deadlines.parse(phrase, 2021) is None  # the year alone does not say which week


def test_phrases_of_a_year_read_as_before_with_the_documents_day():
    assert deadlines.parse("6月底前", DAY) == (dt.date(2021, 6, 30), "once")
    assert deadlines.parse("长期工作", DAY) == (dt.date(2021, 1, 1), "ongoing")
    assert deadlines.parse("本月五", DAY) is None


@pytest.mark.parametrize("text, phrases", [
    ("县住建局负责城区道路修补，本周内完成。", ["本周内"]), ("各乡镇于月底前报送结果。", ["月底前"]),
    ("县财政局下周五前拨付到位。", ["下周五前"]), ("本月以来，", []),
    ("十二月底前完成。", ["十二月底前"]),  # December written in words (its date, once), no 月底前 of the document's day
    ("各部门要在一个月内形成名单。", ["在一个月内"]), ("，两周内完成。", ["两周内"]),
    ("文件出台3日内报告。", []), ("收到通知后30日内办结。", []),  # a span from an event, not from the document's day
])
def test_running_text_gives_a_relative_deadline_only_where_it_is_one(text, phrases):
    from policykb.ingest.timing import find
    assert [f.phrase for f in find(text, DAY) if f.date] == phrases
    assert all(f.kind == (deadlines.RELATIVE if f.phrase == "月底前" else "once") for f in find(text, DAY)
               if f.date and "月底" in f.phrase)

@pytest.mark.parametrize("cell, phrase", [("本周完成", "本周完成"), ("两周工作", "两周工作"), ("本月工作", "本月工作")])
def test_a_time_cell_of_minutes_is_read_as_written(cell, phrase):
    from policykb.ingest.timing import find_cell
    assert [(f.phrase, f.kind) for f in find_cell(cell, DAY) if f.date] == [(phrase, deadlines.RELATIVE)]


MINUTES = """茶陵县人民政府办公室
县政府常务会议纪要
2021年3月10日，县长主持召开县政府常务会议。现将会议议定事项纪要如下：
一、县住建局负责城区道路修补，本周内完成。
二、县交通局负责乡道安全隐患排查，月底前报送结果。
茶陵县人民政府办公室
2021年3月10日
"""


def test_imported_minutes_relative_deadlines_pass_check_and_show_their_day(tmp_path):
    from policykb.graph import PolicyGraph
    kb, fresh, _ = imported(tmp_path, MINUTES, "minutes")
    tasks = fresh.documents["minutes"].tasks
    assert [(d.phrase, d.date, d.kind) for d in tasks[1].own_deadlines] == [("本周内", dt.date(2021, 3, 14), "relative")]
    assert [(d.phrase, d.date) for d in tasks[2].own_deadlines] == [("月底前", dt.date(2021, 3, 31))]
    pg = PolicyGraph(fresh)
    assert pg.period("minutes").end == dt.date(2021, 3, 31)  # the latest day a task falls due on
    # the letters: the phrase with its day
    shown = {n: [(d.text, d.kind) for d in views] for n, views in letter_deadlines(pg, fresh, "minutes").items()}
    assert shown == {1: [("本周内（2021年3月14日）", "相对成文日期")], 2: [("月底前（2021年3月31日）", "相对成文日期")]}
    # the battle map: each bar ends on its task's own day, with a diamond there
    from policykb.render import maps
    from policykb.render.maps.plan import plan
    spec = next(s for s in plan(pg, "minutes") if s.key == "overall")
    rows = {r.row.task.number: r.schedule for r in maps.render(spec, dt.date(2021, 3, 12)).layout.rows}
    assert rows[1].end == dt.date(2021, 3, 14) and (dt.date(2021, 3, 14), "once") in rows[1].milestones
    # the site's task page: the day, the phrase, and the day it is counted from
    import html
    import re
    from policykb import build
    build.build(kb, tmp_path / "build", as_of=dt.date(2021, 3, 12), only=["site"])
    text = (tmp_path / "build" / "site" / "minutes" / "tasks" / "1.html").read_text(encoding="utf-8")
    text = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", text)))
    assert "2021-03-14 本周内 本任务时限，自成文日期（2021-03-10）起算" in text


@pytest.mark.parametrize("cell, phrases", [
    ("泵站改造3月开工,7月完工,河道整治工程10月开工。", ["7月"]), ("主体工程4月开工，11月底建成投用", ["11月底"]),
    ("厂房改造5月开(kāi)工,9月竣(jùn)工", ["9月"]), ("项目分批开工，逐步推进", []),
])
def test_a_time_cell_gives_the_month_its_work_ends_in(cell, phrases):
    """「3月开工,7月完工」 after a project's name: 7月 ends the work (开工 starts it)."""
    from policykb.ingest.timing import find_cell
    assert [f.phrase for f in find_cell(cell, 2023) if f.date] == phrases


@pytest.mark.parametrize("text, phrases", [
    ("活动方案一、宣传周启动仪式6 月 29 日上午,与全国同步举行启动仪式。", ["6 月 29 日"]),
    ("二、现场观摩9月3日，组织各县区观摩。", ["9月3日"]),
    ("9月17日，市长主持召开会议。", []),  # a report's dateline opens no run-in title: no deadline
])
def test_the_day_after_a_run_in_title_is_its_works_deadline_in_the_documents_year(text, phrases):
    from policykb.ingest.timing import find
    found = [f for f in find(text, DAY) if f.date]
    assert [f.phrase for f in found] == phrases
    assert all(f.date.year == DAY.year for f in found)
