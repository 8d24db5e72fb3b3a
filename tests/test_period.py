"""The policy's period: yearly deadlines recur only inside it; where a day falls in the policy's life."""
from __future__ import annotations

import datetime as dt

from conftest import DOC
from policykb.period import phase, sentence, view_date


def test_yearly_deadlines_recur_only_inside_the_period(pg):
    period = pg.period(DOC)
    assert (period.start, period.end) == (dt.date(2016, 4, 1), dt.date(2020, 12, 31))
    dues = pg.due_between(dt.date(2016, 1, 1), dt.date(2030, 12, 31), doc=DOC)
    assert max(d.date for d in dues) == dt.date(2020, 12, 31)
    assert {d.date.year for d in dues if d.deadline.kind == "yearly"} == {2016, 2017, 2018, 2019, 2020}


def test_a_day_before_during_and_after_the_period(pg):
    period = pg.period(DOC)
    assert [phase(period, dt.date(y, 7, 1)) for y in (2015, 2018, 2026)] == ["before", "during", "after"]
    assert sentence(period, dt.date(2026, 11, 30)) == "实施期（2016—2020年）已结束"
    assert view_date(period, dt.date(2026, 11, 30)) == dt.date(2020, 12, 31)
    assert view_date(period, dt.date(2018, 3, 1)) == dt.date(2018, 3, 1)


def test_status_after_the_period_says_it_is_over(pg, tmp_path):
    import shutil

    from conftest import POLICIES, ROOT
    from policykb.graph import PolicyGraph
    from policykb.track.load import load_tracking
    from policykb.track.view import status_lines
    from policykb.validate import load_kb

    policies = tmp_path / "policies"
    shutil.copytree(POLICIES, policies)
    shutil.copytree(ROOT / "examples" / "tracking-demo" / "tracking", policies / DOC / "tracking")
    kb = load_kb(policies)
    lines = status_lines(PolicyGraph(kb), load_tracking(policies, kb), dt.date(2026, 11, 30))
    assert lines[0].startswith("实施期（2016—2020年）已结束，最终情况：") and "2026" not in "".join(lines)


def test_a_document_naming_no_period_runs_to_its_last_deadline_else_five_years(pg):
    """One rule for letters, maps, pages and tracking: never an open end (pages then fell back to another
    document's last deadline and said 「以 2020-12-31 为准」 of a 2020 list; the maps' axis ran to year 9999)."""
    from policykb.model import Period
    from policykb.period import period_of
    doc = pg.kb.documents[DOC]
    bare = doc.model_copy(update={"meta": doc.meta.model_copy(update={"period": None})})
    assert period_of(bare) == Period(start=dt.date(2016, 4, 1), end=dt.date(2020, 12, 31))  # its last deadline
    undated = bare.model_copy(update={"tasks": {}})
    assert period_of(undated) == Period(start=dt.date(2016, 4, 1), end=dt.date(2021, 12, 31))
