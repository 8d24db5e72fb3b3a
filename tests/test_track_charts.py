"""Indicator charts: targets against actual values, deterministic SVG."""
from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from policykb.track.charts import indicator_svg, indicator_svgs
from policykb.track.load import Tracking
from policykb.track.model import IndicatorValue

from conftest import DOC

NS = {"s": "http://www.w3.org/2000/svg"}


def _values() -> list[IndicatorValue]:
    return [IndicatorValue(year=2016, value=62, source="省扶贫办2016年统计"),
            IndicatorValue(year=2017, value=130.5, source="省扶贫办2017年统计"),
            IndicatorValue(year=2020, value=310, source="省扶贫办2020年统计", date=dt.date(2021, 1, 20))]


def test_chart_shows_target_and_values(doc):
    indicator = doc.indicators["microcredit-5-years"]
    svg = indicator_svg(indicator, _values(), first_year=2016)
    root = ET.fromstring(svg)
    labels = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "扶贫小额信贷累计发放额（全省）" in labels
    assert [str(y) for y in range(2016, 2021)] == [x for x in labels if x and x.isdigit() and len(x) == 4]
    assert {"62", "130.5", "310"} <= set(labels)
    assert "目标=300亿元（2020年）" in labels
    bars = root.findall(".//s:rect[@class]", NS)
    assert [b.get("class") for b in bars] == ["not-met", "not-met", "met"]
    assert bars[0].find("s:title", NS).text == "2016年：62亿元（省扶贫办2016年统计）"
    assert svg == indicator_svg(indicator, list(reversed(_values())), first_year=2016)  # deterministic


def test_chart_as_of_and_empty(doc):
    indicator = doc.indicators["microcredit-5-years"]
    svg = indicator_svg(indicator, _values(), as_of=dt.date(2020, 12, 31), first_year=2016)
    assert ">310<" not in svg and ">130.5<" in svg  # the 2020 figure was published in 2021
    empty = indicator_svg(indicator, [], first_year=2016)
    assert "尚无实际值" in empty and "目标=300亿元" in empty


def test_every_indicator_gets_a_chart(pg):
    charts = indicator_svgs(pg, Tracking())
    assert len(charts) == len(pg.kb.documents[DOC].indicators)
    assert all(svg.startswith("<svg") for svg in charts.values())


def test_build_stage_writes_status_and_charts(tmp_path):
    from policykb import build
    from policykb.track import stage
    from test_track_status import tracked_copy
    policies = tracked_copy(tmp_path)
    wired = stage.NAME in build.stage_names()  # once the lead adds the stage to build.STAGES
    if not wired:
        build.STAGES.append(build.Stage(stage.NAME, "跟踪进度", stage.render))
    try:
        build.build(policies, tmp_path / "build", as_of=dt.date(2016, 7, 1), only=[stage.NAME])
    finally:
        if not wired:
            build.STAGES.pop()
    out = tmp_path / "build" / stage.NAME
    assert (out / "status.txt").read_text(encoding="utf-8").startswith("截至2016年7月1日：")
    assert (out / "charts" / DOC / "microcredit-5-years.svg").read_text(encoding="utf-8").startswith("<svg")
