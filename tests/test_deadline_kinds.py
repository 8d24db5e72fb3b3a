"""Deadlines that recur monthly or quarterly (每月28日前报送进展) and work without an end (长期坚持, 持续推进): read from
an imported list, accepted by `check`, falling due at each recurrence inside the period, and worded in the letters."""
from __future__ import annotations

import datetime as dt
import shutil

import pytest

from conftest import POLICIES, ROOT
from policykb import deadlines
from policykb.model import Deadline


@pytest.mark.parametrize("phrase, date, kind", [
    ("每月28日前", "2021-01-28", "monthly"), ("每月底前", "2021-01-31", "monthly"), ("每月", "2021-01-31", "monthly"),
    ("每季度初15日前", "2021-01-15", "quarterly"), ("每季度末", "2021-03-31", "quarterly"),
    ("每周五前", "2021-01-01", "weekly"), ("每周", "2021-01-03", "weekly"),  # the year's first Friday, first Sunday
    ("长期坚持", "2021-01-01", "ongoing"), ("持续推进", "2021-01-01", "ongoing"), ("常态化", "2021-01-01", "ongoing"),
])
def test_recurring_and_ongoing_phrases_are_read(phrase, date, kind):
    assert deadlines.parse(phrase, 2021) == (dt.date.fromisoformat(date), kind)


def test_recurring_deadlines_fall_at_each_recurrence_and_an_ongoing_one_never():
    def days(phrase):
        date, kind = deadlines.parse(phrase, 2021)
        return [d.isoformat() for d in deadlines.occurrences(Deadline(phrase=phrase, date=date, kind=kind),
                                                              dt.date(2021, 3, 5), dt.date(2021, 9, 30))]
    assert days("每月28日前") == ["2021-03-28", "2021-04-28", "2021-05-28", "2021-06-28", "2021-07-28", "2021-08-28",
                                "2021-09-28"]
    assert days("每月底前")[:2] == ["2021-03-31", "2021-04-30"]  # each month's own last day
    assert days("每季度初15日前") == ["2021-04-15", "2021-07-15"]
    assert days("每季度末") == ["2021-03-31", "2021-06-30", "2021-09-30"]
    assert days("长期坚持") == []
    assert days("每周五前")[:2] == ["2021-03-05", "2021-03-12"] and len(days("每周五前")) == 30  # each week's Friday


LIST = """茶陵县人民政府办公室关于印发2021年重点工作任务分工的通知
各乡镇人民政府，县直各单位：
一、县发改局负责编制年度重点项目计划，每月28日前报送项目进展。
二、县生态环境局负责巡查河道排污口，长期坚持。
茶陵县人民政府办公室
2021年2月1日
"""


def imported(tmp_path, text: str, name: str):
    """A knowledge base holding one document imported from text, as `check` reads it: (its folder, the checked kb,
    check's report)."""
    from policykb.ingest import import_file
    from policykb.validate import validate
    kb = tmp_path / "kb"
    kb.mkdir()
    shutil.copy(POLICIES / "units.yaml", kb / "units.yaml")
    source = tmp_path / f"{name}.txt"
    source.write_text(text, encoding="utf-8")
    import_file(source, kb, name)
    fresh, report = validate(kb)
    assert fresh is not None, [i.format() for i in report.errors]
    return kb, fresh, report


def letter_deadlines(pg, fresh, name: str) -> dict:
    """Each task's own deadlines as its letter shows them (DeadlineView), by task number."""
    from policykb.render.letters.context import DocumentParts, letter_context
    from policykb.render.letters.recipients import recipients
    doc = fresh.documents[name]
    parts = DocumentParts(doc, {u.name: u.name for u in fresh.units.values()},
                          {u.name: u.full_name or u.name for u in fresh.units.values()})
    return {t.number: [d for d in t.deadlines if not d.general]
            for serial, r in enumerate(recipients(pg, doc), start=1) for t in letter_context(pg, parts, r, serial).tasks}


def test_an_imported_lists_recurring_and_ongoing_deadlines_pass_check_and_read_in_its_letters(tmp_path):
    from policykb.gongwen import read_text
    from policykb.graph import PolicyGraph
    from policykb.render import letters
    kb, fresh, report = imported(tmp_path, LIST, "list")
    assert not [i for i in report.issues if i.code == "deadline-outside-period"]
    tasks = fresh.documents["list"].tasks
    assert [(d.phrase, d.kind) for d in tasks[1].own_deadlines] == [("每月28日前", "monthly")]
    assert [(d.phrase, d.kind) for d in tasks[2].own_deadlines] == [("长期坚持", "ongoing")]
    pg = PolicyGraph(fresh)
    period = pg.period("list")
    assert (period.start, period.end) == (dt.date(2021, 1, 1), dt.date(2021, 12, 31))  # no one-off date ends it
    dues = pg.due_between(dt.date(2020, 1, 1), dt.date(2030, 1, 1), doc="list")
    assert [d.date.month for d in dues if d.task.number == 1] == list(range(1, 13))  # inside the period only
    assert not [d for d in dues if d.task.number == 2]
    out = tmp_path / "letters"
    made = letters.write_letters(pg, out, ROOT / "templates" / "letter.docx", as_of=dt.date(2021, 6, 1))
    texts = {m.unit: "\n".join(read_text((out / m.file).read_bytes())) for m in made}
    assert "专项时限：每月28日前" in texts["茶陵县发改局"] and "专项时限：长期坚持" in texts["茶陵县生态环境局"]
    # what a letter template may show beside the phrase: the recurrence, and no date made up for ongoing work
    shown = {n: [d.text for d in views] for n, views in letter_deadlines(pg, fresh, "list").items()}
    assert shown == {1: ["每月28日前（2021年每月28日）"], 2: ["长期坚持"]}
    # the 分工方案 table offices export: the first day a recurring deadline falls on, no day for ongoing work
    from policykb.export import task_rows
    header, rows = task_rows(pg, "list")
    assert [r[header.index("时限")] for r in rows] == ["每月28日前（2021-01-28起）", "长期坚持"]
    # on the battle map both rows run to the period's end: neither recurring nor ongoing work ends a bar
    from policykb.render import maps
    from policykb.render.maps.plan import plan
    spec = next(s for s in plan(pg, "list") if s.key == "overall")
    rows = {r.row.task.number: r.schedule for r in maps.render(spec, dt.date(2021, 6, 1)).layout.rows}
    assert all(rows[n].ongoing and rows[n].end == dt.date(2021, 12, 31) for n in (1, 2))
    # the site's task pages: the monthly deadline once, with its next date and how often it falls from the list's
    # own date on (February to December); the ongoing work by its words
    import html
    import re
    from policykb import build
    build.build(kb, tmp_path / "build", as_of=dt.date(2021, 6, 1), only=["site"])

    def page(n: int) -> str:
        text = (tmp_path / "build" / "site" / "list" / "tasks" / f"{n}.html").read_text(encoding="utf-8")
        return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", text)))
    assert re.findall(r"\S+ 每月28日前 [^|]*?共\d+次", page(1)) == ["2021-06-28（下次） 每月28日前 本任务时限，每月一次，实施期内共11次"]
    assert "长期 长期坚持 本任务时限，长期坚持、无到期日" in page(2)


@pytest.mark.parametrize("text, phrases", [
    ("各牵头单位要于每月28日前将进展报送县政府办。", ["每月28日前"]), ("每季度报送一次。", ["每季度"]),
    ("工作专班要每周组织会商研判。", ["每周"]),
    ("立行立改，长期坚持。", ["长期坚持"]), ("整改时限：立行立改，长期坚持整改措施：", ["长期坚持"]),
    ("持续推进农村改厕。", []), ("按每月100元标准发放补贴。", []), ("长期以来，", []),  # a verb, a rate, a story
])
def test_running_text_gives_a_recurring_or_ongoing_deadline_only_where_it_is_one(text, phrases):
    from policykb.ingest.timing import find
    assert [f.phrase for f in find(text, 2021) if f.date] == phrases


def test_the_one_span_under_a_time_heading_is_every_tasks_deadline(tmp_path):
    """「二、时间安排」 then 「即日起至6月30日。」: the campaign's span dates every task (a general deadline), and the
    period ends with it; two such headings, or a heading over phases, date nothing."""
    from policykb.ingest.timing import schedule_span
    lines = lambda *texts: [(f"第{k}行", t) for k, t in enumerate(texts, start=1)]  # noqa: E731
    found, where = schedule_span(lines("一、总体要求", "深入贯彻落实…", "二、时间安排", "即日起至6月30日。", "三、任务分工"), 2021)
    assert (found.phrase, found.date, where) == ("即日起至6月30日", dt.date(2021, 6, 30), "第4行")
    assert schedule_span(lines("（二）实施时间：2021年3月至2021年12月"), 2021)[0].date == dt.date(2021, 12, 31)
    assert schedule_span(lines("二、时间安排", "动员部署阶段（3月15日前）。集中整治阶段（6月30日前）。"), 2021) is None
    assert schedule_span(lines("时间安排", "即日起至6月30日", "时间安排", "7月1日至9月30日"), 2021) is None
    # a span of days within the document's year, under 「二、工作时间」
    assert schedule_span(lines("二、工作时间", "9月10日至9月30日。"), 2021)[0].date == dt.date(2021, 9, 30)
    assert schedule_span(lines("活动时间：自3月12日起至30日止"), 2021)[0].date == dt.date(2021, 3, 30)

    from policykb.ingest import import_file
    from policykb.validate import validate
    kb = tmp_path / "kb"
    kb.mkdir()
    shutil.copy(POLICIES / "units.yaml", kb / "units.yaml")
    source = tmp_path / "campaign.txt"
    source.write_text("茶陵县人民政府办公室关于开展安全生产大排查大整治行动的通知\n各乡镇人民政府，县直各单位：\n"
                      "一、时间安排\n即日起至6月30日。\n二、任务分工\n1.县应急管理局负责危险化学品行业的隐患排查治理工作。\n"
                      "2.县公安局负责道路交通行业的隐患排查治理工作。\n茶陵县人民政府办公室\n2021年3月2日\n", encoding="utf-8")
    import_file(source, kb, "campaign")
    fresh, report = validate(kb)
    assert fresh is not None, [i.format() for i in report.errors]
    doc = fresh.documents["campaign"]
    assert [(d.phrase, d.date) for d in doc.meta.annex.general_deadlines] == [("即日起至6月30日", dt.date(2021, 6, 30))]
    assert all([d.phrase for d in t.deadlines] == ["即日起至6月30日"] for t in doc.tasks.values()) and len(doc.tasks) == 2


def test_a_letter_words_a_weekly_deadline_by_its_day_of_the_week():
    from policykb.model import Period
    from policykb.render.letters.context import _when
    date, kind = deadlines.parse("每周五前", 2021)
    period = Period(start=dt.date(2021, 3, 1), end=dt.date(2021, 12, 31))
    assert _when(Deadline(phrase="每周五前", date=date, kind=kind), period) == "2021年每周五"
    assert deadlines.cell_text(Deadline(phrase="每周五前", date=date, kind=kind)) == "每周五前（2021-01-01起）"
    date, kind = deadlines.parse("每单月10日前", 2021)
    assert _when(Deadline(phrase="每单月10日前", date=date, kind=kind), period) == "2021年每两月10日"


@pytest.mark.parametrize("text, phrase, date", [
    ("各地河长制办公室每两月将进展情况报送水利部。", "每两月", "2021-01-31"),
    ("每单月10日前将进展情况表报送水利部。", "每单月10日前", "2021-01-10"),  # January, March …
])
def test_every_other_month_is_read_as_a_bimonthly_deadline(text, phrase, date):
    from policykb.ingest.timing import find
    read = [(f.phrase, f.date, f.kind) for f in find(text, 2021) if f.date]
    assert read == [(phrase, dt.date.fromisoformat(date), "bimonthly")]
    days = deadlines.occurrences(Deadline(phrase=phrase, date=read[0][1], kind="bimonthly"),
                                 dt.date(2021, 1, 1), dt.date(2021, 6, 30))
    assert [d.month for d in days] == [1, 3, 5]


@pytest.mark.parametrize("text, phrase, date", [
    ("请有关单位每半年向市局报送工作进展情况。", "每半年", "2021-06-30"),  # by the end of each half
    ("各县区每半年首月10日前报送半年工作计划。", "每半年首月10日前", "2021-01-10"),  # January and July
    ("各单位应于年中和年末分别组织一次自查。", "年中和年末", "2021-06-30"),  # mid-year and the year's end
])
def test_twice_a_year_is_read_as_a_half_yearly_deadline_falling_in_each_half(text, phrase, date):
    """「每半年」 was found but not read (listed 时限未识别) or read as 上半年 and 下半年, two one-off dates."""
    from policykb.ingest.timing import find
    read = [(f.phrase, f.date, f.kind) for f in find(text, 2021) if f.date]
    assert read == [(phrase, dt.date.fromisoformat(date), "half-yearly")]
    days = deadlines.occurrences(Deadline(phrase=phrase, date=read[0][1], kind="half-yearly"),
                                 dt.date(2021, 1, 1), dt.date(2022, 12, 31))
    assert [(d.year, d.month) for d in days] == [(2021, m), (2021, m + 6), (2022, m), (2022, m + 6)] \
        if (m := read[0][1].month) else False
    assert deadlines.FREQUENT["half-yearly"] == "每半年"  # a page lists it once (how often, when next)


@pytest.mark.parametrize("text, phrase", [
    ("各牵头单位要在每个季度第1个月的20日前，将上季度完成情况报市政府督查室。", "每个季度第1个月的20日前"),
    ("各县区每季度第一个月10日前报送进展情况。", "每季度第一个月10日前"), ("每季度首月5日前报送。", "每季度首月5日前"),
])
def test_a_day_of_each_quarters_first_month_written_out_is_a_quarterly_deadline(text, phrase):
    """「每个季度第1个月的20日前」 says what 「每季度首月20日前」 says: January, April, July, October."""
    from policykb.ingest.timing import find
    read = [(f.phrase, f.date, f.kind) for f in find(text, 2022) if f.date]
    assert read == [(phrase, dt.date(2022, 1, read[0][1].day), "quarterly")]
    days = deadlines.occurrences(Deadline(phrase=phrase, date=read[0][1], kind="quarterly"),
                                 dt.date(2022, 1, 1), dt.date(2022, 12, 31))
    assert [d.month for d in days] == [1, 4, 7, 10]


def test_a_letter_words_a_half_yearly_deadline_and_check_accepts_it(tmp_path):
    from policykb.graph import PolicyGraph
    from policykb.model import Period
    from policykb.render.letters.context import _when
    period = Period(start=dt.date(2021, 1, 1), end=dt.date(2022, 12, 31))
    date, kind = deadlines.parse("每半年", 2021)
    assert _when(Deadline(phrase="每半年", date=date, kind=kind), period) == "2021—2022年每半年最后一天"
    date, kind = deadlines.parse("每半年首月10日前", 2021)
    assert _when(Deadline(phrase="每半年首月10日前", date=date, kind=kind), period) == "2021—2022年每半年首月10日"
    text = LIST.replace("每月28日前报送项目进展", "每半年报送项目进展")
    kb, fresh, report = imported(tmp_path, text, "chaling")
    task = fresh.documents["chaling"].tasks[1]
    assert [(d.phrase, d.kind) for d in task.deadlines] == [("每半年", "half-yearly")]
    views = letter_deadlines(PolicyGraph(fresh), fresh, "chaling")[1]
    assert [v.text for v in views] == ["每半年（2021年每半年最后一天）"]


@pytest.mark.parametrize("text, phrases", [
    # a month written in words, and a month the work is completed by (「，十月底全部完工」)
    ("争取在六月底前开工率达到100%,完工率达到40%以上,十月底全部完工。", [("六月底前", dt.date(2016, 6, 30)),
                                                             ("十月底", dt.date(2016, 10, 31))]),
    ("力争十二月底前完成验收。", [("十二月底前", dt.date(2016, 12, 31))]),
    ("9月底完成验收。", [("9月底", dt.date(2016, 9, 30))]),
    ("每两月报送一次,一个月内完成。", [("每两月", dt.date(2016, 1, 31))]),  # no month in words there
])
def test_months_in_words_and_the_month_work_is_done_by_are_deadlines(text, phrases):
    from policykb.ingest import timing
    assert [(f.phrase, f.date) for f in timing.find(text, 2016) if f.date] == phrases
