"""Deadlines of the bundled policy's tasks: every dated target of a task's text, and nothing else."""
from __future__ import annotations

import re

# Every task's own deadlines, as its text words them.
EXPECTED = {
    19: ["从2016年起"],
    21: ["从2016年开始"],
    30: ["到2020年"],
    35: ["力争到2019年"],
    37: ["到2018年", "到2020年"],  # not 3年行动 / 5年专项治理: names of campaigns, dated by 到2018年
    38: ["力争5年内"],
    69: ["力争2016年", "5年累计"],
    93: ["每年"],  # 每年组织开展专题调研或专项视察
}
# Not deadlines: 每人每年至少一次 (task 7, a frequency per person, an indicator), 每月发放 (task 61),
# 一年以上劳动合同 / 服务3年以上 (conditions), 五年计划 (a plan's name), 年度 (adjective), 尽快 (no date).


def test_own_deadlines(doc):
    own = {n: [d.phrase for d in t.own_deadlines] for n, t in doc.tasks.items() if t.own_deadlines}
    assert own == EXPECTED


def test_phrases_are_verbatim_and_in_text_order(doc):
    for n, task in doc.tasks.items():
        positions = [task.text.find(d.phrase) for d in task.own_deadlines]
        assert -1 not in positions, n
        assert positions == sorted(positions), n


def test_every_year_in_a_task_text_is_part_of_a_deadline(doc):
    for n, task in doc.tasks.items():
        for m in re.finditer(r"\d{4}年", task.text):
            covering = [d for d in task.own_deadlines
                        if any(p.start() <= m.start() < p.end() for p in re.finditer(re.escape(d.phrase), task.text))]
            assert covering, (n, m.group())


def test_dates_and_kinds(doc):
    got = {(n, d.phrase): (d.date.isoformat(), d.kind) for n, t in doc.tasks.items() for d in t.own_deadlines}
    assert got[(19, "从2016年起")] == ("2016-01-01", "starting-year")
    assert got[(37, "到2018年")] == ("2018-12-31", "target-year")
    assert got[(38, "力争5年内")] == ("2020-12-31", "target-year")
    assert got[(69, "5年累计")] == ("2020-12-31", "target-year")
    assert got[(93, "每年")][1] == "yearly"


def test_general_deadlines_apply_to_every_task(doc):
    general = {d.id: (d.phrase, d.date.isoformat(), d.kind) for d in doc.meta.annex.general_deadlines}
    assert general == {"plan": ("2016年6月底前", "2016-06-30", "once"),
                       "yearly-report": ("每年11月中旬", "2016-11-20", "yearly")}
    for task in doc.tasks.values():
        assert task.deadlines[len(task.own_deadlines):] == list(doc.meta.annex.general_deadlines)
