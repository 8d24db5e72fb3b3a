"""Small made-up texts (never the corpus): places' governments sharing one body, a note's start time, a document
site's cell marks and the units cell closing a row, a page's label before the title, words no name holds."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from policykb.ingest import readers
from policykb.ingest.compose import Registry, compose
from policykb.ingest.meta import read_meta
from policykb.ingest.source import Block, Source
from policykb.ingest.unitnames import looks_like_unit, split_names


def _drafted(root, source: Source) -> list[dict]:
    return list(compose(source, Registry.load(root), dt.date(2024, 1, 1)).tasks.values())


def test_two_places_joined_by_he_before_one_government_are_each_places_own():
    assert split_names("甲区和乙县人民政府")[0] == ["甲区人民政府", "乙县人民政府"]
    assert split_names("甲市和乙区政府、丙局")[0] == ["甲市政府", "乙区政府", "丙局"]
    assert "开发区人民政府" not in split_names("开发区和乙县人民政府")[0]  # a zone has no government of its own
    assert split_names("各区和县政府")[0] == ["各区和县政府"]  # a collective, one name


def test_places_governments_both_leading_each_do_their_own_area(tmp_path):
    source = Source("x.txt", "txt", [Block(
        "(一)编制景区详细规划。分别由甲区和乙县人民政府对辖区内景区编制规划。(牵头、责任单位:甲区和乙县人民政府。完成时间:2010年12月30日前)",
        "第1行")])
    tasks = _drafted(tmp_path, source)
    assert [(t["lead"], t["lead_mode"]) for t in tasks] == [(["甲区人民政府", "乙县人民政府"], "separate")]
    assert not tasks[0].get("participants")


def test_a_start_time_in_a_note_is_no_unit_and_no_deadline(tmp_path):
    source = Source("x.txt", "txt", [Block(
        "(二)组织开发建设。项目实施主体要制定实施方案。(牵头和责任单位:甲区和乙县人民政府。启动时间:2010年10月30日前)", "第1行")])
    tasks = _drafted(tmp_path, source)
    assert [t["lead"] for t in tasks] == [["甲区人民政府", "乙县人民政府"]]
    assert not tasks[0].get("deadlines")  # a start is no deadline


def test_a_document_sites_cell_marks_part_cells_and_a_cell_of_units_closes_its_row(tmp_path):
    text = ("做好慢性病监测工作。Р全人群的死因监测达到基本技术指标,完成报告。Р区政府、卫生Р2.监测数据互联互通。"
            "Р利用三级信息系统,实现监测数据互联互通Р卫生Р3.发布健康信息。Р定期发布综合健康报告。Р区政府、街道、卫生")
    source = readers.read_txt(Path("x.txt"), text.encode("utf-8"))
    assert "Р" not in source.text
    tasks = _drafted(tmp_path, source)
    assert [(t["lead"], t.get("participants") or []) for t in tasks] == [
        (["区政府"], ["卫生"]), (["卫生"], []), (["区政府"], ["街道", "卫生"])]
    assert "互联互通卫生" not in "".join(t["text"] for t in tasks)  # the units cell is no wrapped line of the row


def test_a_pages_label_before_the_title_is_no_part_of_it():
    meta = read_meta([Block(t, f"第{i}行") for i, t in enumerate((
        "文件名称 某县人民政府办公室关于印发《某县2021年政务公开工作任务分解一览表》的通知", "索引号 2021-1547",
        "各镇人民政府,县政府各工作部门:"), start=1)])
    assert meta.title == "某县人民政府办公室关于印发《某县2021年政务公开工作任务分解一览表》的通知"


def test_jinyibu_opens_a_sentences_work_never_a_name():
    assert not looks_like_unit("各有关单位进一步加强组")
    assert split_names("各级、各有关单位")[0] == ["各级", "各有关单位"]


def test_a_body_answering_for_what_dui_names_with_fuze_closing_the_clause_is_its_subject(tmp_path):
    """「X对Y负责」: X answers for Y, 负责 closing the clause (as 「X对Y负总责」)."""
    source = Source("x.txt", "txt", [Block("会议决定,各林长于3月开始巡林,镇林长办对镇级林长巡林负责。", "第1行")])
    assert [t["lead"] for t in _drafted(tmp_path, source)] == [["镇林长办"]]
