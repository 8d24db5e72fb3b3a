"""An .xlsx as offices fill it in: the division on a visible sheet, a template's drop-down lists on hidden ones."""
from __future__ import annotations

import openpyxl

from policykb.ingest import readers


def test_a_hidden_sheet_of_drop_down_lists_is_not_read_as_rows(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "任务分工"
    sheet.append(["重点任务", "牵头单位", "配合单位"])
    sheet.append(["建设农村公厕20座", "县城管局", "县财政局"])
    lists = book.create_sheet("单位列表")  # the source of the 牵头单位 column's drop-down, hidden by the template
    for unit in ("县财政局", "县水利局", "县住建局"):
        lists.append([unit, "县直部门"])
    lists.sheet_state = "hidden"
    path = tmp_path / "分工.xlsx"
    book.save(path)
    rows = [b.cells for b in readers.read(path).blocks if b.is_row]
    assert rows == [("重点任务", "牵头单位", "配合单位"), ("建设农村公厕20座", "县城管局", "县财政局")]
