"""Letters, site and maps say the same dates for every task: its own deadlines, else its own
indicators' target years, else the general deadlines; no row is dated by another task's target."""
from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from conftest import DOC
from policykb.render import maps
from policykb.render.letters.context import DocumentParts, letter_context
from policykb.render.letters.recipients import recipients
from policykb.render.maps.plan import plan
from policykb.render.site.pages import task_deadline

NS = "{http://www.w3.org/2000/svg}"
AS_OF = dt.date(2016, 7, 1)


@pytest.fixture(scope="module")
def overall(pg):
    spec = next(s for s in plan(pg, DOC) if s.key == "overall")
    result = maps.render(spec, AS_OF)
    root = ET.fromstring(result.svg.encode("utf-8"))
    cells = {g.get("data-task"): "".join("".join(c.itertext()) for c in g.iter(f"{NS}g")
                                         if c.get("class", "").startswith("cell-deadline"))
             for g in root.iter(f"{NS}g") if g.get("class") == "row"}
    return {r.row.task.number: (r.schedule, cells[str(r.row.task.number)]) for r in result.layout.rows}


@pytest.fixture(scope="module")
def lettered(pg):
    """Each task's view in the letter of one of its units: {number: TaskView}."""
    doc = pg.kb.documents[DOC]
    names = {n: u.name for u in pg.kb.units.values() for n in [u.name, *u.aliases]}
    parts = DocumentParts(doc, names, {u.name: u.full_name or u.name for u in pg.kb.units.values()})
    found = {}
    for serial, r in enumerate(recipients(pg, doc), start=1):
        for t in letter_context(pg, parts, r, serial).tasks:
            found.setdefault(t.number, t)
    return found


def test_every_task_has_the_same_dates_in_letters_site_and_maps(pg, overall, lettered):
    doc = pg.kb.documents[DOC]
    general = list(doc.meta.annex.general_deadlines)
    assert set(overall) == set(doc.tasks) == set(lettered)
    for n, task in doc.tasks.items():
        sched, cell = overall[n]
        own = [d.phrase for d in task.own_deadlines]
        site = task_deadline(task, general)
        letter = lettered[n]
        if own:
            assert site == own, n
            assert cell == "；".join(own), n
            assert [d.phrase for d in letter.deadlines if not d.general] == own, n
            ends = [d.date for d in task.own_deadlines if d.kind in ("once", "target-year")]
            assert sched.end == (max(ends) if ends else sched.end) and sched.ongoing == (not ends), n
        else:
            assert site == [f"{d.phrase}（通用）" for d in general], n
            assert not letter.own_deadlines_text, n
            targets = sorted({i.year for i in pg.indicators_of(DOC, task=n) if i.year})
            if targets:  # its own indicators' target years, which the letter quotes too
                assert cell == "指标目标：" + "、".join(f"{y}年" for y in targets), n
                assert sched.end.year == targets[-1] and all(str(y) in letter.indicators_text for y in targets), n
            else:
                assert cell.startswith("按通用时限") and sched.ongoing and sched.basis == "general", n


def test_no_row_is_dated_from_an_articles_target(overall):
    dated_by_article = [n for n, (sched, cell) in overall.items()
                        if "条目标：" in cell or (sched.basis not in ("own", "indicator", "general"))]
    context = {n: cell for n, (sched, cell) in overall.items() if "参考第" in cell}
    assert dated_by_article == []
    assert all(overall[n][0].ongoing for n in context)  # context never ends the bar nor makes it overdue
