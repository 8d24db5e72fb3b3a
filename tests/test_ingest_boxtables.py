"""Tables drawn with box-drawing characters in plain text (pasted from WPS or Word, or printed by an old system)."""
from __future__ import annotations

import datetime as dt

from policykb.ingest.boxtables import box_tables
from policykb.ingest.compose import Registry, compose
from policykb.ingest.readers import read
from policykb.ingest.source import Block

_HEAVY = """某县2024年重点工作任务分解表
┏━━━━━━━━━━━┳━━━┳━━━━━━┳━━━━┓
┃ 工 作 任 务 ┃责任领┃牵头单位┃完成时限┃
┃ ┃ 导 ┃ ┃ ┃
┣━━━━━━━━━━━╋━━━╋━━━━━━╋━━━━┫
┃推进农村道路建设 ┃张建国┃县交通运输局、┃年底前 ┃
┣━━━━━━━━━━━┫ ┃县财政局 ┃ ┃
┃△完成农村公路改造100公 ┃ ┣━━━━━━┫ ┃
┃里 ┃ ┃县水利局 ┃ ┃
┃△实施危桥改造 ┃ ┃ ┃ ┃
┣━━━━━━━━━━━┫ ┃ ┃ ┃
┃△完成病险水库除险加固 ┃ ┃ ┃ ┃
┗━━━━━━━━━━━┻━━━┻━━━━━━┻━━━━┛
某县人民政府
2024年1月5日"""


def test_a_table_drawn_in_heavy_box_lines_with_cells_merged_over_rows_bulleted_items_and_a_heading(tmp_path):
    """Each 「△」 item is a task, the plain cell above them their heading; the leader and deadline cells, merged over
    every row, are every row's; the unit cell's rule drawn right after its text (inside the two items' cell) closes
    it at that cell's end: both items are the first cell's units', the last the second's."""
    page = tmp_path / "table.txt"
    page.write_text(_HEAVY, encoding="utf-8")
    draft = compose(read(page), Registry.load(tmp_path), dt.date(2024, 1, 5))
    tasks = list(draft.tasks.values())
    assert [(t["text"], t["lead"]) for t in tasks] == [
        ("完成农村公路改造100公里", ["某县交通运输局", "某县财政局"]),
        ("实施危桥改造", ["某县交通运输局", "某县财政局"]),
        ("完成病险水库除险加固", ["某县水利局"])]
    assert all(t["leaders"] == ["张建国"] and t["deadlines"][0]["phrase"] == "年底前" for t in tasks)


def test_a_table_drawn_in_light_box_lines_row_by_row():
    """「┌─┬─┐」 over rows each closed by 「├─┼─┤」: a row each, a cell's lines joined, a spaced-out header word one."""
    lines = ["┌────┬──────┐", "│序 号│工作任务│", "├────┼──────┤", "│1 │建立联席会议 │", "│ │制度 │",
             "├────┼──────┤", "│2 │开展专项检查 │", "└────┴──────┘", "此表完"]
    rows = box_tables([Block(text, f"第{n}行") for n, text in enumerate(lines, start=1)], 0)
    assert [(b.cells, b.where, b.table) for b in rows[:3]] == [
        (("序号", "工作任务"), "第2行", 1), (("1", "建立联席会议制度"), "第4行", 1), (("2", "开展专项检查"), "第7行", 1)]
    assert rows[3] == Block("此表完", "第9行")
