"""The search tokeniser: Python (index) and JavaScript (query) must agree."""
from __future__ import annotations

import json
import subprocess

from conftest import ROOT, require
from policykb.render.site_search import bigrams, query_terms, token

SCRIPT = ROOT / "docs" / "javascripts" / "pk-search.js"


def test_sub_words_of_an_indexed_run_are_all_there():
    indexed = set(bigrams("实施农村中等职业教育攻坚计划"))
    assert {t.lstrip("+") for t in query_terms("职业教育").split()} <= indexed
    assert {t.lstrip("+") for t in query_terms("护林员").split()} <= set(bigrams("选聘建档立卡贫困人口为生态护林员"))
    assert not {t.lstrip("+") for t in query_terms("职业培训").split()} <= indexed


def test_tokens_survive_lunrs_english_stemmer():
    # Material leaves lunr's English stemmer in the query pipeline; a token ending in a digit is left alone.
    assert all(t[-1].isdigit() and t.startswith("zz") for t in bigrams("省人力资源社会保障厅"))
    assert token("源社") == "zz2830431038"


def test_numbers_and_latin_text():
    assert query_terms("第69项") == " ".join(f"+{t}" for t in bigrams("第69项"))
    assert query_terms("unknown-unit") == "unknown-unit"
    assert query_terms("省") == "省"  # a single character is left to Material's own prefix search


def test_javascript_transform_matches_python():
    node = require("node")
    queries = ["职业教育", "第69项", "人民银行长沙中心支行", "省 教育", "ＰＰＰ项目", "unknown-unit", "省"]
    js = (f"global.window = {{}}; require({json.dumps(str(SCRIPT))});"
          f"console.log(JSON.stringify({json.dumps(queries, ensure_ascii=False)}.map(window.policykbSearchTransform)))")
    out = subprocess.run([node, "-e", js], capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == [query_terms(q) for q in queries]
