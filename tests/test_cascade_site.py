"""The site of the assembled cascade demo (issue 24): a parent task's page shows 落实情况 by member with
names and lights, a child task its chain upwards, a document its 上级/下级文件 — built by `policykb site`."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import pytest

from conftest import DOC, ROOT
from test_cascade import HY, YX, ZZ, _record, assemble, run
from test_site_pages import parse


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("cascade-site")
    demo = assemble(tmp / "kb", on_time=True)
    _record(demo, DOC, 69, "  - {type: plan, date: 2016-06-15}\n")
    _record(demo, ZZ, 1, "  - {type: plan, date: 2016-07-01}\n  - {type: state, date: 2016-12-28, state: 已完成}\n")
    _record(demo, HY, 1, "  - {type: plan, date: 2016-07-10}\n")
    result = run("site", "-p", str(demo), "-o", str(tmp / "site"), "--as-of", "2017-01-10",
                 "--config", str(ROOT / "mkdocs.yml"), "--templates", str(ROOT / "templates"))
    assert result.exit_code == 0, result.output
    return tmp / "site"


def _section(site: Path, rel: str, start: str, end: str) -> str:
    """The body's section from its heading (the last occurrence: the table of contents comes first) to `end`."""
    text = parse(site / rel).text
    assert start in text, rel
    return text[text.rindex(start):text.index(end, text.rindex(start))]


def test_parent_task_page_shows_each_member_with_its_light_and_child_tasks(site):
    part = _section(site, f"{DOC}/tasks/69.html", "落实情况 ", "进展")
    assert ("红灯 14个市州中已完成1个（株洲市）、推进中1个（衡阳市）、未启动1个（邵阳市）、无方案11个（长沙市、"
            in part)  # the same sentence as `policykb status`
    assert "本级记录：推进中" in part
    assert "株洲市 绿灯 已完成 株洲市脱贫攻坚实施方案 第1项 株洲市扶贫办 力争2016年底前；2020年 绿灯 已完成" in part
    assert "衡阳市 黄灯 推进中 衡阳市精准脱贫实施方案 第1项 衡阳市扶贫办 依上级时限" in part
    assert "邵阳市 黄灯 未启动 邵阳市脱贫攻坚实施方案 第1项 邵阳市扶贫办 2016年 未启动" in part
    assert "红灯 尚无落实方案（11个）： 长沙市 、 湘潭市" in part  # one line, not 11 rows of 无
    assert "指标分解：湖南省脱贫攻坚实施意见「扶贫小额信贷发放额」目标60亿元：2个下级目标合计8亿元（株洲市3亿元、邵阳市5亿元）" in part
    assert "所以两者可以不同，并不矛盾" in part  # why 衡阳 reads 黄灯 for the member beside its task's own light
    hrefs = {unquote(h) for _, h in parse(site / f"{DOC}/tasks/69.html").refs}
    assert {f"../../{ZZ}/tasks/1.html", f"../../{ZZ}/index.html", "../../units/zhu-zhou-shi.html"} <= hrefs


def test_child_task_page_shows_its_chain_upwards(site):
    part = _section(site, f"{YX}/tasks/1.html", "上级任务", "时限")
    assert "省：湖南省脱贫攻坚实施意见第69项 → 市：株洲市脱贫攻坚实施方案第1项 → 县：本项" in part
    hrefs = {unquote(h) for _, h in parse(site / f"{YX}/tasks/1.html").refs}
    assert {f"../../{DOC}/tasks/69.html", f"../../{ZZ}/tasks/1.html"} <= hrefs


def test_document_pages_list_parents_and_children(site):
    province = _section(site, f"{DOC}/index.html", "上级文件和下级文件", "一、")
    assert "中发〔2015〕34号）（不在本知识库中）" in province
    assert "株洲市脱贫攻坚实施方案 （株洲市）" in province and "攸县脱贫攻坚实施方案 （攸县）" in province
    city = _section(site, f"{ZZ}/index.html", "上级文件和下级文件", "附件")
    assert "上级文件 （本文件贯彻落实）： 湖南省脱贫攻坚实施意见 （湘发〔2016〕7号）" in city
    assert "下级文件 （落实本文件）： 攸县脱贫攻坚实施方案 （攸县）" in city
    html = (site / ZZ / "index.html").read_text(encoding="utf-8")
    assert "<p><strong>上级文件</strong>" in html and "<p><strong>下级文件</strong>" in html  # two paragraphs
