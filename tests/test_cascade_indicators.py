"""Indicators broken down level by level (issue 24, item 8): the demo's one shortfall, members' targets
and reports added up, double counting refused."""
from __future__ import annotations

import importlib.util

import pytest
from typer.testing import CliRunner

from policykb.cascade.indicators import convert
from policykb.cli import app
from policykb.validate import validate

from conftest import ROOT

DEMO = ROOT / "examples" / "cascade-demo"
ZZ, YX = "zhuzhou-2016-implementation-plan", "youxian-2016-implementation-plan"
spec = importlib.util.spec_from_file_location("cascade_demo", DEMO / "assemble.py")
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)


def run(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.fixture
def demo(tmp_path):
    return module.assemble(tmp_path / "kb", on_time=True)


def test_units_convert_by_magnitude_only_when_they_count_the_same_thing():
    assert convert(3000, "万元", "亿元") == pytest.approx(0.3)
    assert convert(1.2, "万人", "人") == pytest.approx(12000)
    assert convert(1, "万户", "亿元") is None
    assert convert(90, "%", "%") == 90


def test_the_demo_has_exactly_one_shortfall_the_city_below_full_coverage(demo):
    kb, report = validate(demo)
    assert kb is not None
    found = [i for i in report.warnings if i.code == "indicator-shortfall"]
    assert [(i.file.split("/")[-2:], i.line) for i in found] == [([ZZ, "indicators.yaml"], 44)]
    assert "株洲市" in found[0].message and "90%" in found[0].message and "100%" in found[0].message
    # 衡阳 (100 % by 2019) and 邵阳 (全覆盖 by 2020) break the same target down in full: no warning for them


def test_members_targets_and_reports_add_up_in_status_with_those_not_broken_down_named(demo):
    before = run("cascade", "status", "--as-of", "2017-01-10", "-p", str(demo))
    assert before.exit_code == 0, before.output
    line = next(x for x in before.output.splitlines() if "「扶贫小额信贷发放额」目标60亿元" in x)
    assert "2个下级目标合计8亿元（株洲市3亿元、邵阳市5亿元）" in line and "尚未分解12个" in line and "衡阳市" in line
    assert "已报" not in line
    county = next(x for x in before.output.splitlines() if x.startswith("株洲市脱贫攻坚实施方案「扶贫小额信贷发放额」"))
    assert "1个下级目标合计0.3亿元（攸县3000万元）" in county  # 万元 added into 亿元
    recorded = run("progress", "value", "microcredit-2016", "--doc", ZZ, "--year", "2016", "--value", "3.2",
                   "--source", "株洲市扶贫办2016年工作总结", "--date", "2017-01-05", "-p", str(demo))
    assert recorded.exit_code == 0, recorded.output
    after = run("status", "--as-of", "2017-01-10", "-p", str(demo))
    assert "2016年已报1个，合计3.2亿元（株洲市3.2亿元）" in after.output
    earlier = run("status", "--as-of", "2017-01-01", "-p", str(demo))  # reported on 2017-01-05: not yet known
    assert "下级指标汇总" in earlier.output and "已报" not in earlier.output


def test_a_county_summed_into_the_province_as_well_as_through_its_city_is_counted_twice(demo):
    path = demo / YX / "indicators.yaml"
    path.write_text(path.read_text(encoding="utf-8") + """\
  - id: microcredit-2016-province
    name: 扶贫小额信贷发放额
    comparator: ">="
    value: 3000
    unit: 万元
    year: 2016
    scope: 全县
    phrase: 全县扶贫小额信贷2016年放贷不少于3000万元
    tasks: [1]
    contributes:
      - doc: hunan-2016-implementation-opinions
        indicator: microcredit-2016
        aggregation: sum
""", encoding="utf-8")
    kb, report = validate(demo)
    assert kb is None
    assert [(i.code, i.file.split("/")[-2:]) for i in report.errors] == [
        ("indicator-double-count", [YX, "indicators.yaml"])]
    assert "zhuzhou-2016-implementation-plan/microcredit-2016 再计入一次" in report.errors[0].message


def test_unlinked_demo_has_no_contributions(tmp_path):
    demo = module.assemble(tmp_path / "kb", linked=False, on_time=True)
    assert "contributes" not in (demo / ZZ / "indicators.yaml").read_text(encoding="utf-8")


def test_export_gives_each_contributing_indicator_its_links_and_omits_the_key_elsewhere(demo, tmp_path):
    import json
    result = run("export", "-f", "json", "-o", str(tmp_path / "kb.json"), "-p", str(demo))
    assert result.exit_code == 0, result.output
    indicators = json.loads((tmp_path / "kb.json").read_text(encoding="utf-8"))["indicators"]
    tap = next(i for i in indicators if i["document"] == ZZ and i["id"] == "village-tap-water")
    assert tap["contributes"] == [{"doc": "hunan-2016-implementation-opinions", "indicator": "drinking-water-safety",
                                   "aggregation": "all-done"}]
    assert not any("contributes" in i for i in indicators if i["document"] == "hunan-2016-implementation-opinions")
