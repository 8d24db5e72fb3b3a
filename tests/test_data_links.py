"""Task -> article links of the bundled policy: every task implements the articles it restates."""
from __future__ import annotations

import re

# Tasks that summarise an article in their own words instead of restating its sentences.
PARAPHRASED = {
    39: [15],  # 加大电商扶贫力度 — the e-commerce measures of article 15 (农村“互联网＋”扶贫)
    54: [23],  # 公益扶贫捐赠所得税税前扣除等政策
    57: [23],  # 巾帼扶贫、青年扶贫志愿者行动
    59: [24],  # 资产收益、投资收益、理财收益扶贫模式
    65: [27],  # 省级财政大幅增加专项扶贫投入 (article 27: 专项扶贫资金)
    90: [36],  # 《湖南省农村扶贫开发条例》 (article 36: 强化条例刚性约束)
}
# Articles with no annex task: part 1 (总体要求) states aims and principles, not measures.
WITHOUT_TASKS = {1, 2, 3}


def _clauses(text: str) -> list[str]:
    return [c.strip() for c in re.split(r"[，。；：]", text) if len(c.strip()) >= 8]


def _restated(task, articles) -> set[int]:
    """Articles that contain, word for word, a clause of the task."""
    return {n for n, a in articles.items() for c in _clauses(task.text) if c in a.text}


def test_every_task_links_the_articles_it_restates(doc):
    wrong = {}
    for n, task in doc.tasks.items():
        expected = set(PARAPHRASED[n]) if n in PARAPHRASED else _restated(task, doc.articles)
        if set(task.articles) != expected:
            wrong[n] = (task.articles, sorted(expected))
    assert wrong == {}


def test_paraphrased_tasks_really_share_no_clause(doc):
    # if one of them starts restating an article, the general rule above should cover it
    assert {n: sorted(_restated(doc.tasks[n], doc.articles)) for n in PARAPHRASED} == {n: [] for n in PARAPHRASED}


def test_a_task_restating_two_articles_links_both(doc):
    assert doc.tasks[48].articles == [18, 19]  # 大数据平台 (18) and 退出标准、退出程序 (19)


def test_links_stay_within_the_matching_part(doc):
    part_of_section = {s.number: s.part for s in doc.meta.annex.sections}
    for n, task in doc.tasks.items():
        assert task.articles, f"task {n} links no article"
        assert {doc.articles[a].part for a in task.articles} == {part_of_section[task.section]}, n


def test_every_article_of_the_measures_has_a_task(pg, doc):
    without = {n for n in doc.articles if not pg.tasks_of_article(doc.id, n)}
    assert without == WITHOUT_TASKS
    assert {doc.articles[n].part for n in WITHOUT_TASKS} == {1}
