"""The search tokeniser: Python (index) and JavaScript (query) must agree."""
from __future__ import annotations

import json
import subprocess

from conftest import ROOT, require
from policykb.render.site.search import FIELDS, bigrams, enriched, query_terms, token

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


PAGES = {"index.md": "# 扶贫工作\n\n职业教育攻坚计划。\n\n## 分工\n\n省教育厅牵头。\n",
         "tasks/69.md": "# 第69项\n\n选聘建档立卡贫困人口为生态护林员。\n\n## 相关任务 {#related-list}\n\n第70项。\n"}
KEYWORDS = {"tasks/69.html": {"keywords": ["护林员", "团省委"], "boost": 2.0}}


def build(tmp_path, name: str, plugins: str, search: dict | None):
    from policykb.render.site import mkdocs_build  # imports mkdocs: only where a test builds

    docs = tmp_path / "docs"
    for path, text in PAGES.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(text, encoding="utf-8")
    config = tmp_path / f"{name}.yml"
    config.write_text(f"site_name: t\ntheme: {{name: material}}\nplugins:\n{plugins}", encoding="utf-8")
    site = tmp_path / name
    mkdocs_build(config, docs, site, search=search)
    return site / "search"


def test_index_is_materials_own_with_every_entry_enriched(tmp_path):
    plugins = "  - search:\n      lang: zh\n  - offline\n"
    plain = json.loads((build(tmp_path, "plain", plugins, None) / "search_index.json").read_text(encoding="utf-8"))
    ours = build(tmp_path, "ours", plugins, KEYWORDS)
    index = json.loads((ours / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"] == dict(plain["config"], fields=FIELDS)
    assert index["docs"] == [enriched(e, KEYWORDS) for e in plain["docs"]]
    assert len(index["docs"]) == 4 and index["docs"][2]["boost"] == 2.0
    script = (ours / "search_index.js").read_bytes()  # the copy file:// pages read
    assert script == b"var __index = " + (ours / "search_index.json").read_bytes()


def test_index_without_offline_plugin_or_without_search(tmp_path):
    online = build(tmp_path, "online", "  - search\n", KEYWORDS)
    assert '"pkt"' in (online / "search_index.json").read_text(encoding="utf-8")
    assert not (online / "search_index.js").exists()
    assert not build(tmp_path, "nosearch", "  - offline\n", KEYWORDS).exists()  # nothing to enrich, no error
