"""Indicators of the bundled policy: quoted exactly, cited completely, with the source's figures."""
from __future__ import annotations

import re

import pytest

# (scope fragment, name fragment) -> (comparator, value, unit, year)
KEY = {
    ("贫困县", "贫困发生率"): ("<=", 2, "%", None),
    ("贫困村", "贫困发生率"): ("<=", 2, "%", None),
    ("贫困县", "人均可支配收入", 2017): (">=", 8000, "元", 2017),
    ("贫困县", "人均可支配收入", 2020): (">=", 10000, "元", 2020),
    ("全省", "贫困村出列"): ("=", 8000, "个", 2020),
    ("贫困村", "村集体经济收入"): (">=", 4, "万元", None),
    ("全省", "脱贫比例"): (">=", 75, "%", 2018),
    ("全省", "扶贫小额信贷发放额"): ("=", 60, "亿元", 2016),
    ("全省", "扶贫小额信贷累计发放额"): ("=", 300, "亿元", 2020),
    ("农村家庭", "宽带接入能力"): (">=", 12, "Mbps", 2020),
    ("残疾人", "残疾人补贴"): ("=", 50, "元/月", None),
    ("全省", "优质学校"): ("=", 300, "所", None),
    ("贫困地区", "薄弱学校"): ("=", 600, "所", None),
    ("贫困人口", "报销比例提高"): ("=", 10, "%", None),
    ("低保困难群众", "起付线降低"): ("=", 50, "%", None),
    ("全省", "直播卫星户户通"): ("=", 100, "万户", 2016),
    ("扶贫开发工作重点县", "污水处理设施"): ("=", 51, "个", 2018),
    ("每个贫困村", "产业合作组织"): (">=", 1, "个", None),
    ("民族地区", "少数民族特色村镇"): ("=", 200, "个", None),
    ("全省", "科技扶贫示范企业"): (">=", 100, "家", 2020),
    ("省扶贫开发工作重点县", "摘帽"): ("=", 100, "%", 2017),
    ("国家扶贫开发工作重点县", "摘帽"): ("=", 100, "%", 2019),
}


def _find(doc, scope: str, name: str, year: int | None = None):
    found = [i for i in doc.indicators.values()
             if scope in i.scope and name in i.name and (year is None or i.year == year)]
    assert len(found) == 1, (scope, name, [i.id for i in found])
    return found[0]


@pytest.mark.parametrize("key", list(KEY), ids=["-".join(map(str, k)) for k in KEY])
def test_key_indicator(doc, key):
    ind = _find(doc, *key)
    assert (ind.comparator, ind.value, ind.unit, ind.year) == KEY[key]


def test_phrases_are_verbatim_in_every_cited_text(doc):
    wrong = [(i.id, f"article {a}") for i in doc.indicators.values() for a in i.articles
             if i.phrase not in doc.articles[a].text]
    wrong += [(i.id, f"task {t}") for i in doc.indicators.values() for t in i.tasks
              if i.phrase not in doc.tasks[t].text]
    assert wrong == []


def test_every_text_that_states_the_target_is_cited(doc):
    missing = {}
    for i in doc.indicators.values():
        articles = sorted(n for n, a in doc.articles.items() if i.phrase in a.text)
        tasks = sorted(n for n, t in doc.tasks.items() if i.phrase in t.text)
        if (articles, tasks) != (sorted(i.articles), sorted(i.tasks)):
            missing[i.id] = (articles, tasks)
    assert missing == {}


def test_phrase_carries_the_figure(doc):
    """The value is written in the phrase (digits or a Chinese one), unless it is a 100 % completion."""
    cn = {1: "一"}
    for i in doc.indicators.values():
        if i.unit == "%" and i.value == 100:
            assert re.search(r"全|所有|摘帽|村村响", i.phrase), i.id
            continue
        figure = f"{i.value:g}"
        assert figure in i.phrase or cn.get(int(i.value), "\0") in i.phrase, i.id


def test_year_is_in_the_cited_text(doc):
    for i in doc.indicators.values():
        if i.year is None or i.period:
            continue
        texts = [doc.articles[a].text for a in i.articles] + [doc.tasks[t].text for t in i.tasks]
        assert any(f"{i.year}年" in text for text in texts), i.id


def test_ids_are_unique_and_every_figure_of_the_measures_is_covered(doc):
    assert len(doc.indicators) == len({i.id for i in doc.indicators.values()})
    # every article of the measures that sets a figure with a unit has an indicator
    figure = re.compile(r"\d+(?:万|亿)?(?:元|个|所|家|户|人|Mbps|％)")
    conditions = {20}  # article 20 pairs 7 cities with 7 counties: a structure, not a target
    cited = {a for i in doc.indicators.values() for a in i.articles}
    uncovered = {n for n, a in doc.articles.items() if figure.search(a.text) and n not in cited | conditions}
    assert uncovered == set()
