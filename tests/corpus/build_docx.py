"""Rebuild the corpus's Word tables from the stored pages' text, cell by cell (run once; the .docx is committed).

Each table below is the text of a stored public page (its url is in corpus.yaml), split into rows and cells
where the page separates them; nothing is reworded. python-docx writes them as a real Word table, because
imports from Word are what offices send and the pages only keep the text.
"""
from __future__ import annotations

import sys
from pathlib import Path

import docx

HERE = Path(__file__).resolve().parent

TABLES = {
    "holdout/huoshan-2025-zone-leader-column-table.docx": (
        ["2025年开发区重点工作及责任清单"],
        [["序号", "重点工作", "责任领导", "责任单位", "完成时限"],
         ["1", "坚持服务跟着项目走,优化“重点项目直通车”“无忧办”工作机 制,落实重点项目“领导+专班””“项目管家”等制度,全力服务重 大项目落地见效。",
          "叶林", "招商工作部、安商工作部", "全年"],
         ["2", "全力推进开发区“空间再造”,推动工业用地“腾笼换鸟”,力争 全年盘活僵尸企业10家,盘活存量土地400亩。",
          "马振明", "改革办", "全年"],
         ["3", "持续提升园区承载能力,加快推进开发区污水处理厂及污水管 网提升项目,全面做好纬六路以北、中沟以北地块水电气路网 等基础设施配套。",
          "张云峰", "规划建设局", "全年"]],
    ),
    "part19/school-food-safety-duty-table-number-department-duty-columns-unnamed-city-departments.docx": (
        ["中小学校食品安全管理"],
        [["序号", "涉及部门", "职责分工"],
         ["1", "市教育局",
          "负责校园食品安全管理工作。指导监督学校落实食品安全主体责任,建立健全食品安全相关管理制度,加强食品安全教育和日常管理。"],
         ["2", "市市场监督管理局",
          "负责学校集中用餐食品安全的监督管理,依法查处涉及学校的食品安全违法行为;建立学校食堂食品安全信用档案,及时向教育部门通报学校食品安全相关信息;指导学校做好食品安全管理和宣传教育;依法会同有关部门开展学校食品安全事故调查处理;定期对学校食堂、供餐单位和校园内以及周边食品经营者开展检查。"],
         ["3", "市卫生健康委",
          "负责组织开展校园食品安全风险监测;指导学校开展食源性疾病防控的知识教育,依法开展学校食品安全应急处置和相关疫情防控处置工作;组织医疗机构救治因学校食品安全事故导致人身伤害的人员。"]],
    ),
}


def build(name: str, paragraphs: list[str], rows: list[list[str]]) -> None:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, values in zip(table.rows, rows):
        for cell, value in zip(row.cells, values):
            cell.text = value
    document.core_properties.author = ""
    document.save(HERE / name)


if __name__ == "__main__":
    for name, (paragraphs, rows) in TABLES.items():
        if len(sys.argv) == 1 or name in sys.argv[1:]:
            build(name, paragraphs, rows)
