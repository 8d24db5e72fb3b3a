"""Tables a page stored as text in shapes the other readers leave: a header whose first column is the lead unit's,
its cells one a line, and a run-together row whose deadline cell closes it after the units."""
from __future__ import annotations

import datetime as dt

from policykb.ingest.compose import Registry, compose
from policykb.ingest.source import Block, Source
from policykb.ingest.texttables import with_text_tables


def _draft(root, *lines: str):
    blocks = with_text_tables([Block(line, f"第{n}行") for n, line in enumerate(lines, start=1)])
    return compose(Source("x.txt", "txt", blocks), Registry.load(root), dt.date(2024, 1, 1))


def test_a_table_opening_with_its_lead_column_one_cell_a_line_and_a_lead_cell_wrapped(tmp_path):
    """牵头单位 | 目 标 任 务 | 责 任 单 位, spaced, one cell a line, no number column: each row opens at its lead cell
    (its name wrapped in the narrow column a few characters a line: 「市发」「展改」「革委」), then its task, then its
    责任单位, who take part."""
    draft = _draft(tmp_path, "附件:", "某某市2015年目标任务责任分解表", "牵头单位", "目 标 任 务", "责 任 单 位",
                   "市发", "展改", "革委", "推进重点项目建设,确保全年完成投资100亿元", "市直有关单位",
                   "市教育局", "新建中小学校5所,改善办学条件", "市财政局")
    assert [(t["text"][:8], t["lead"], t.get("participants", [])) for t in draft.tasks.values()] == [
        ("推进重点项目建设", ["某某市发展改革委"], ["某某市直有关单位"]),
        ("新建中小学校5所", ["某某市教育局"], ["某某市财政局"])]


def test_a_run_together_row_closing_with_its_time_after_units_that_share_the_work(tmp_path):
    """序号任务名称目标内容主要责任单位完成期限 run together with the row (1 …。X、Y等按职责分工负责全年): the closing time is the
    row's deadline, not part of a name; 目标内容 is the task's content beside its short name; the unit cell names its
    own way of working (按职责分工负责, no lead word): the first listed leads, the other takes part."""
    draft = _draft(tmp_path, "1、某区2023年工作任务清单序号任务名称目标内容主要责任单位完成期限1宣传发动开展垃圾分类宣传进社区活动,"
                             "每季度不少于2次。区城管局、区教育局等按职责分工负责全年")
    task, = draft.tasks.values()
    assert "开展垃圾分类宣传" in task["text"]
    assert (task["lead"], task.get("participants")) == (["区城管局"], ["区教育局"])
    assert [d["phrase"] for d in task["deadlines"]] == ["全年"]
