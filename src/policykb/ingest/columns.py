"""What a table's header cells name: each column's role (task, unit columns, deadline, leader …) by the lexicon's
column words and labels, or by its words (…领导, 牵头/配合/责任 × 单位/部门); the tables' readers (`shapes`,
`texttables`, `textcells`, `generic`) all name their columns so.
"""
from __future__ import annotations

import re

from .lexicon import lexicon
from .unitnames import looks_like_unit

_LEX = lexicon()

# The label a unit column's role is written under when a row is read as one note.
ROLE_LABEL = {"lead": "牵头单位", "separate": "牵头单位", "joint": "牵头单位", "responsible": "责任单位",
               "participant": "配合单位", "guide": "指导单位", "leader": "责任领导", "division": "分工"}
_ROLE_NAME = {"task": "任务", "detail": "细化措施（作任务）", "content": "项目内容（接在项目名称后）", "standard": "标准（作任务，其工作接在后面）", "number": "序号", "deadline": "时限", "start": "启动时间（不作时限）",
              "object": "对象（作任务，写作“列名：内容”）", "mode": "牵头方式", "section": "部分",
              "remark": "备注（只列单位时按配合单位读入）",
              "lead": "牵头", "separate": "分别牵头", "joint": "共同牵头", "responsible": "责任（首列者牵头）",
              "participant": "配合", "guide": "指导", "leader": "责任领导（人，不作单位）", "division": "分工（按其中的词读）"}
UNIT_ROLES = ("lead", "separate", "joint", "responsible", "participant", "guide", "division")


def column_role(cell: str) -> str | None:
    """What a header cell names: a lexicon label (牵头责任单位 → lead), a column word (完成时限 → deadline),
    or by its words (…领导 → leader; 牵头/配合/责任 × 单位/部门)."""
    word = _LEX.fold(re.sub(r"^\d{4}年度?|[\s：:]", "", cell))  # 「2023年目标进度」 is a 目标进度 column
    if not word or len(word) > 14:
        return None
    if role := _LEX.labels.get(word):
        return role
    for role, words in _LEX.columns.items():
        if word in words:
            return role
    if word.endswith("领导") or re.search(r"领导$|责任人$|负责人$", word):
        return "leader"
    if re.search(r"单位|部门|处室|科室|股室", word):
        for pattern, role in ((r"牵头|主办|主责|第一责任", "lead"), (r"配合|协同|协办|参与|协作|协助", "participant"),
                              (r"责任|负责|落实|实施|承办", "responsible"), (r"指导", "guide")):
            if re.search(pattern, word):
                return role
        return None
    for role, words in _LEX.columns.items():  # 「2022年预期目标」, 「工作任务及目标」 (a word of one character, 序, only alone)
        if any(len(w) > 1 and w in word for w in words) and not (role == "task" and re.search(r"牵头|参与|配合|数|值|来源|指标|分值|权重", word)):
            return role
    return None


def column_roles(cells: tuple[str, ...] | list[str]) -> list[str | None]:
    """Each header cell's role in its table: a bare 「单位」 beside a column that names its units by a role word (责任部门,
    牵头单位) is the measure's unit of a statistics table (万亩, %), no unit column."""
    roles = [column_role(c) for c in cells]
    labelled = any(_LEX.labels.get(_LEX.fold(re.sub(r"[\s：:]", "", c))) in UNIT_ROLES for c in cells)
    return [None if labelled and _LEX.fold(re.sub(r"[\s：:]", "", c)) == "单位" else r for c, r in zip(cells, roles)]


# 「督查单位」, 「检查对象」: a column naming what kind of unit a row is about (the units inspected), no unit itself
_KIND_OF_UNIT = re.compile(r"^(?![省市州县区乡镇各])[\u4e00-\u9fff]{2}(?:单位|部门|对象)$")


def header_columns(cells: tuple[str, ...]) -> dict[int, str] | None:
    """Each column's role in a header row, or None when the row is not a task table's header."""
    roles = dict(enumerate(column_roles(cells)))
    tasks = [i for i, r in roles.items() if r == "task"]
    content = [i for i in tasks[1:] if cells[i] != cells[tasks[0]] and re.search(r"内容|措施|举措", _LEX.fold(cells[i]))]
    if content and "detail" not in roles.values():  # 重点任务 | 工作内容: the content is the measure, the first
        # column its heading; 项目名称 | 建设内容: a project list, each project the task and its content said after it
        roles[content[0]] = "content" if "项目" in _LEX.fold(cells[tasks[0]]) else "detail"
    first: dict[str, int] = {}
    for i, role in roles.items():  # a role named twice (merged header cells): its first column
        if role == "lead" and "lead" in first and cells[i] != cells[first["lead"]] and "participant" not in roles.values():
            role = roles[i] = "participant"  # 第一责任单位 | 主要责任单位: two lead columns, the later takes part
        if role and role not in first:
            first[role] = i
    if "division" in first and "task" not in first and "detail" not in first \
            and any(r in first for r in UNIT_ROLES if r != "division"):
        # 「涉及部门 | 职责分工」: beside a column of units, the division column holds each unit's duties, the task
        roles[first["division"]] = "task"
        first["task"] = first.pop("division")
    found = {i: r for r, i in first.items()}
    if not any(r in first for r in UNIT_ROLES):
        # 「序号 | 重点工作 | 工作时限 | 承办责任人」: a table of work, its time and the person who does it, naming no unit:
        # the issuer's own work (`own_work`)
        return found if own_work(found) else None
    if "task" in first or "detail" in first:
        return found
    # 「专项整治行业名称 | 时间安排 | 责任单位」: a header with unit columns and one column it does not name holds
    # the tasks in that column, when another column is understood too (a form row names no second role)
    unnamed = [i for i, c in enumerate(cells) if c and roles[i] is None]
    if len(unnamed) == 1 and len(found) >= 2 and _KIND_OF_UNIT.match(_LEX.fold(cells[unnamed[0]])):
        return {**found, unnamed[0]: "object"}  # 「督查组牵头单位 | 督查单位」: each row's work is about its unit
    if len(unnamed) == 1 and len(found) >= 2 and not looks_like_unit(cells[unnamed[0]]) \
            and len(_LEX.fold(cells[unnamed[0]])) <= 10:
        return {**found, unnamed[0]: "task"}
    return None


def own_work(columns: dict[int, str]) -> bool:
    """A table's columns name its work, a time and a person, and no unit: the work is the issuer's own."""
    roles = set(columns.values())
    return bool(roles & {"task", "detail"}) and {"deadline", "leader"} <= roles and not roles & set(UNIT_ROLES)


def two_row_header(upper: tuple[str, ...], lower: tuple[str, ...]) -> tuple[str, ...]:
    """A header split over two rows (「责任单位」 merged over 「牵头 | 配合」) as one row: each column named by its
    lower cell when that names a role, else by the two together (责任单位 + 牵头), else by the upper cell."""
    cells = []
    for i in range(max(len(upper), len(lower))):
        top, bottom = upper[i] if i < len(upper) else "", lower[i] if i < len(lower) else ""
        both = top + bottom if bottom != top else top
        cells.append(bottom if bottom and column_role(bottom) else both if column_role(both) else top or bottom)
    return tuple(cells)


def report_columns(cells: tuple[str, ...], columns: dict[int, str], table: int | None) -> str:
    has_lead = bool(set(columns.values()) & {"lead", "separate", "joint"})
    name = lambda role: "配合（另有牵头列）" if role == "responsible" and has_lead else _ROLE_NAME[role]
    parts = [f"{c}→{name(columns[i]) if i in columns else '未识别（未读取）'}" for i, c in enumerate(cells) if c]
    return f"表{table or ''}各列：" + "，".join(parts)
