"""The cascade on the maps (issue 24, item 10): a parent document's tasks × members chart with one light
a cell, counts and the worst light a row; a 上级任务 column on a child plan's map; nothing of it for the
bundled policy alone."""
from __future__ import annotations

import datetime as dt
import json
import re

from policykb.graph import PolicyGraph
from policykb.render.maps import cascade as chart
from policykb.render.maps.layout import Options, layout
from policykb.render.maps.paper import sheet
from policykb.render.maps.plan import plan
from policykb.track import load_tracking, statuses
from policykb.validate import load_kb

from conftest import DOC
from test_cascade import YX, ZZ, _record, assemble

AS_OF = dt.date(2017, 1, 10)


def _charts(demo):
    kb = load_kb(demo)
    pg = PolicyGraph(kb)
    return pg, chart.charts(pg, statuses(pg, load_tracking(demo, kb), AS_OF))


def _cells(svg: str, row_task: int) -> list[str]:
    """The one-character marks of a row, read back from the drawn SVG in member order."""
    rows = svg.split('class="cell-no"')[1:]
    row = next(r for r in rows if re.search(rf">{row_task}</text>", r.split("</g>")[0]))
    return re.findall(r'font-weight="bold" fill="[^"]+">(.)</text>', row)


def test_the_bundled_policy_alone_has_no_member_chart_and_no_parent_column(pg):
    assert chart.charts(pg, None) == []
    assert all(r.parents == () for spec in plan(pg, DOC) for r in spec.rows)


def test_each_parent_document_gets_a_chart_of_its_members_with_counts_and_the_worst_light(tmp_path):
    demo = assemble(tmp_path / "kb", on_time=True)
    pg, charts = _charts(demo)
    assert [(c.doc.id, len(c.members), c.noun) for c in charts] == [(DOC, 14, "市州"), (ZZ, 9, "县市区")]
    svg, paper = chart.draw(charts[0], AS_OF, "依据：…")
    assert paper == "A1" and "湖南省脱贫攻坚实施意见·各市州落实情况图" in svg
    marks = _cells(svg, 50)  # 衡阳's plan leaves out task 50 (缺); 株洲 and 邵阳 have it, not started
    assert len(marks) == 14 and marks[1] == "未" and marks[3] == "缺" and marks[4] == "未" and marks.count("无") == 11
    counts = svg.split('class="cell-no"')[1:][[r.task.number for r in charts[0].rows].index(50)]
    counts = "".join(re.findall(r">([^<>]+)</text>", counts.split('class="cell-count"')[1].split("</g>")[0]))
    assert counts == "未启动2，未落实1，无方案11"  # counts and names, never an average
    assert "红灯" in svg and "不取平均" in svg

    _record(demo, ZZ, 1, "  - {type: plan, date: 2016-07-01}\n  - {type: state, date: 2016-12-28, state: 已完成}\n")
    _, charts = _charts(demo)
    marks = _cells(chart.draw(charts[0], AS_OF, "")[0], 69)
    assert marks[1] == "完"  # 株洲's report turns its cell green; the others stay


def test_charts_are_written_beside_the_maps_with_a_manifest_entry(tmp_path):
    demo = assemble(tmp_path / "kb", on_time=True)
    pg, _ = _charts(demo)
    entries = chart.write(pg, tmp_path / "maps", as_of=AS_OF, statuses=None, formats=("svg", "pdf"))
    assert [(e["doc"], e["kind"], e["files"]) for e in entries] == [
        (DOC, "members", [f"{DOC}/members.svg", f"{DOC}/members.pdf"]),
        (ZZ, "members", [f"{ZZ}/members.svg", f"{ZZ}/members.pdf"])]
    assert (tmp_path / "maps" / DOC / "members.pdf").read_bytes().startswith(b"%PDF")
    again = chart.write(pg, tmp_path / "again", as_of=AS_OF, statuses=None, formats=("svg", "pdf"))
    assert json.dumps(again) == json.dumps(entries)
    for e in entries:  # byte-identical between builds
        for f in e["files"]:
            assert (tmp_path / "maps" / f).read_bytes() == (tmp_path / "again" / f).read_bytes()


def test_a_child_plan_map_has_a_parent_task_column(tmp_path):
    demo = assemble(tmp_path / "kb", on_time=True)
    pg = PolicyGraph(load_kb(demo))
    overall = plan(pg, YX)[0]
    assert [r.parents for r in overall.rows] == [("市第1项",), ("市第2项",), ("市第5项",), ("市第6项",), ("市第8项",),
                                                 ("市第10项", "省第66项（部分）"), ()]
    laid = layout(overall, Options(as_of=AS_OF, paper=sheet("A1"), years=(2016, 2020), period=overall.period))
    assert [c.label for c in laid.columns][:3] == ["序号", "上级任务", "重点任务"]
    cells = [t.lines for r in laid.rows for t in r.cells if t.role == "cell-parents"]
    assert cells[0] == ("市第1项",) and cells[-1] == ("本级",)


def test_member_charts_are_exported_again_only_when_they_change(tmp_path):
    """An incremental maps stage keeps a member chart whose drawing is unchanged (the same file) and
    redraws one a report changed; the result is the clean build's bytes."""
    from policykb import build as building
    demo = assemble(tmp_path / "kb", on_time=True)
    out = tmp_path / "build"
    building.build(demo, out, as_of=AS_OF, only=["maps"])
    inode = {k: (out / "maps" / k / "members.pdf").stat().st_ino for k in (DOC, ZZ)}
    _record(demo, ZZ, 1, "  - {type: plan, date: 2016-07-01}\n  - {type: state, date: 2016-12-28, state: 已完成}\n")
    building.build(demo, out, as_of=AS_OF, only=["maps"])
    assert (out / "maps" / ZZ / "members.pdf").stat().st_ino == inode[ZZ]  # 县市区 of 株洲: no report changed
    assert (out / "maps" / DOC / "members.pdf").stat().st_ino != inode[DOC]  # 株洲's own cell turned green
    clean = tmp_path / "clean"
    building.build(demo, clean, as_of=AS_OF, only=["maps"])
    for k in (DOC, ZZ):
        for fmt in ("svg", "pdf"):
            assert (out / "maps" / k / f"members.{fmt}").read_bytes() == (clean / "maps" / k / f"members.{fmt}").read_bytes()
