"""Units of different places never merge (issue 22, item 7): a 「财政局」 written bare in a 株洲市 list and in a
岳阳市 list are two units, each registered with its place and called 财政局 only in its own place's documents."""
from __future__ import annotations

import datetime as dt
import shutil

import pytest
import yaml

from policykb.graph import PolicyGraph
from policykb.ingest import import_file
from policykb.model import AmbiguousUnit
from policykb.validate import validate

from conftest import POLICIES, ROOT


def _list(city: str, date: str, tasks: list[tuple[str, str, str]]) -> str:
    """A city government office's 责任分解 notice as such lists are written: numbered tasks, then 责任单位 lines."""
    lines = [f"{city}人民政府办公室关于印发2020年重点工作责任分解的通知", "一、重点工作"]
    for i, (text, lead, helpers) in enumerate(tasks, start=1):
        lines += [f"{i}.{text}", f"责任单位：{lead}" + (f"、{helpers}" if helpers else "")]
    return "\n".join(lines + ["二、工作要求", "各责任单位要细化工作措施，确保按期完成。", f"{city}人民政府办公室", date]) + "\n"


ZHUZHOU = _list("株洲市", "2020年3月2日", [("完善财政资金直达机制，年底前完成。", "财政局", "市发改委"),
                                          ("推进政府采购电子化。", "财政局", "")])
YUEYANG = _list("岳阳市", "2020年4月8日", [("加快专项债券项目建设，6月底前完成。", "财政局", "市住房城乡建设局")])
ZHUZHOU_LATER = _list("株洲市", "2020年9月1日", [("开展预算绩效评价。", "财政局", "株洲海关")])


@pytest.fixture
def two_cities(tmp_path):
    """The bundled knowledge base with a 株洲市 list and a 岳阳市 list imported, both naming 「财政局」 bare."""
    kb = tmp_path / "kb"
    shutil.copytree(POLICIES, kb, ignore=shutil.ignore_patterns("tracking"))
    for doc_id, text in (("zhuzhou-2020", ZHUZHOU), ("yueyang-2020", YUEYANG)):
        source = tmp_path / f"{doc_id}.txt"
        source.write_text(text, encoding="utf-8")
        import_file(source, kb, doc_id)
    return kb


def _registry(kb) -> dict[str, dict]:
    return {u["name"]: u for u in yaml.safe_load((kb / "units.yaml").read_text(encoding="utf-8"))["units"]}


def test_a_bare_name_of_two_cities_makes_two_units_each_of_its_place(two_cities):
    units = _registry(two_cities)
    assert {n: (units[n]["place"], units[n]["local_names"]) for n in ("株洲市财政局", "岳阳市财政局")} == {
        "株洲市财政局": ("株洲市", ["财政局"]), "岳阳市财政局": ("岳阳市", ["财政局"])}
    assert "财政局" not in units
    task = yaml.safe_load((two_cities / "zhuzhou-2020" / "tasks" / "001.yaml").read_text(encoding="utf-8"))
    assert task["lead"] == ["财政局"]  # the task file keeps the name as the source writes it
    review = (two_cities / "zhuzhou-2020" / "import-review.txt").read_text(encoding="utf-8")
    assert "“财政局”没有写明地方，按本文件的管辖地理解，请核对" in review
    assert "[拟新增单位] 株洲市财政局（市，株洲市的文件中写作“财政局”）" in review

    kb, report = validate(two_cities)
    assert kb is not None and not report.errors, [i.format() for i in report.errors]
    assert kb.documents["zhuzhou-2020"].tasks[1].lead == ["株洲市财政局"]
    assert kb.documents["yueyang-2020"].tasks[1].lead == ["岳阳市财政局"]
    pg = PolicyGraph(kb)
    assert [t.number for t in pg.tasks_of("株洲市财政局")["lead"]] == [1, 2]
    assert [t.number for t in pg.tasks_of("岳阳市财政局")["lead"]] == [1]


def test_each_city_s_unit_gets_its_own_letter_and_page(two_cities, tmp_path):
    from policykb.gongwen import read_text
    from policykb.render import letters
    from policykb.render.site.build import search_pages, write_docs
    from policykb.render.site.search import names
    kb, _ = validate(two_cities)
    pg = PolicyGraph(kb)
    made = letters.write_letters(pg, tmp_path / "letters", ROOT / "templates" / "letter.docx",
                                 as_of=dt.date(2020, 6, 1))
    texts = {m.unit: "\n".join(read_text((tmp_path / "letters" / m.file).read_bytes())) for m in made}
    assert "甲方：株洲市人民政府办公室" in texts["株洲市财政局"] and "推进政府采购电子化" in texts["株洲市财政局"]
    assert "甲方：岳阳市人民政府办公室" in texts["岳阳市财政局"] and "专项债券" in texts["岳阳市财政局"]
    assert "专项债券" not in texts["株洲市财政局"] and "财政局" not in texts

    docs = tmp_path / "docs"
    docs.mkdir()
    made_pages = write_docs(pg, docs, as_of=dt.date(2020, 6, 1), templates=ROOT / "templates", handwritten=None,
                            policies=two_cities)
    # searching the name both lists write offers both cities' units, never one of them
    assert names(search_pages(made_pages))["财政局"] == ["units/yue-yang-shi-cai-zheng-ju.html",
                                                      "units/zhu-zhou-shi-cai-zheng-ju.html"]
    pages = {p.stem: p.read_text("utf-8") for p in (docs / "units").glob("*.md")}
    assert 'title: "岳阳市财政局"' in pages["yue-yang-shi-cai-zheng-ju"] and "专项债券" in pages["yue-yang-shi-cai-zheng-ju"]
    assert "专项债券" not in pages["zhu-zhou-shi-cai-zheng-ju"] and "政府采购电子化" in pages["zhu-zhou-shi-cai-zheng-ju"]
    assert "市县部门；株洲市的文件中写作 财政局。" in pages["zhu-zhou-shi-cai-zheng-ju"]
    assert not any('title: "财政局"' in text for text in pages.values())


def test_a_later_list_of_the_same_city_reuses_its_unit(two_cities, tmp_path):
    source = tmp_path / "zhuzhou-later.txt"
    source.write_text(ZHUZHOU_LATER, encoding="utf-8")
    before = _registry(two_cities)
    result = import_file(source, two_cities, "zhuzhou-2020-later")
    # no second 株洲市财政局; 株洲海关 says its place in its name, so it is proposed as written, for every document
    assert _registry(two_cities).keys() - before.keys() == {"株洲海关"} and "place" not in _registry(two_cities)["株洲海关"]
    review = (result.folder / "import-review.txt").read_text(encoding="utf-8")
    assert [line for line in review.splitlines() if line.startswith("[拟新增单位]")] == ["[拟新增单位] 株洲海关（市）"]
    kb, report = validate(two_cities)
    assert kb is not None, [i.format() for i in report.errors]
    assert kb.documents["zhuzhou-2020-later"].tasks[1].lead == ["株洲市财政局"]


def test_a_name_typed_at_the_command_line_that_two_cities_share_names_both(two_cities):
    kb, _ = validate(two_cities)
    with pytest.raises(AmbiguousUnit) as e:
        kb.unit_named("财政局")
    assert e.value.message == "'财政局' 可能是 株洲市财政局、岳阳市财政局" and e.value.code == "ambiguous-unit"
    assert kb.unit_named("财政局", "岳阳市").name == "岳阳市财政局"
    assert kb.unit_named("株洲市财政局").name == "株洲市财政局"


def test_a_document_of_another_place_cannot_use_a_city_s_local_name(two_cities):
    task = two_cities / "hunan-2016-implementation-opinions" / "tasks" / "001.yaml"
    text = task.read_text(encoding="utf-8")
    lead = yaml.safe_load(text)["lead"][0]
    task.write_text(text.replace(f"- {lead}\n", "- 财政局\n", 1), encoding="utf-8")
    kb, report = validate(two_cities)
    assert kb is None
    [issue] = [i for i in report.errors if i.code == "unknown-unit"]
    assert issue.message == "'lead' 中有未知单位 '财政局'"
    assert "只在本地方的文件中指 岳阳市财政局（岳阳市）、株洲市财政局（株洲市）" in issue.hint


def test_progress_in_a_city_s_document_reads_its_local_name_as_that_city_s_unit(two_cities):
    """`progress --unit 财政局` on a 株洲市 task is 株洲市财政局 there (recorded by its full name); on the
    command line with no document to say where, the name is ambiguous and says so."""
    from typer.testing import CliRunner

    from policykb.cli import app
    run = lambda *args: CliRunner().invoke(app, [*args, "-p", str(two_cities)])  # noqa: E731
    done = run("progress", "state", "1", "推进中", "--date", "2020-05-01", "--unit", "财政局", "--doc", "zhuzhou-2020")
    assert done.exit_code == 0, done.output
    events = yaml.safe_load((two_cities / "zhuzhou-2020" / "tracking" / "tasks" / "001.yaml").read_text("utf-8"))
    assert [e["unit"] for e in events["events"]] == ["株洲市财政局"]
    refused = run("status", "--unit", "财政局", "--as-of", "2020-06-01")
    assert isinstance(refused.exception, AmbiguousUnit)  # shown as error[ambiguous-unit] (tests/broken/ambiguous-unit)
    assert refused.exception.candidates == ["株洲市财政局", "岳阳市财政局"]


def test_the_export_gives_the_place_only_of_units_called_by_a_local_name(two_cities):
    import json

    from policykb.export import to_json
    kb, _ = validate(two_cities)
    units = {u["name"]: u for u in json.loads(to_json(PolicyGraph(kb)))["units"]}
    assert (units["株洲市财政局"]["place"], units["株洲市财政局"]["local_names"]) == ("株洲市", ["财政局"])
    assert "place" not in units["省扶贫办"] and "local_names" not in units["省扶贫办"]


def test_a_document_yaml_with_another_error_still_places_its_tasks_names(two_cities):
    """An empty 'issuers' is one error, not one more unknown unit for each 「财政局」 of the document's tasks."""
    meta = two_cities / "zhuzhou-2020" / "document.yaml"
    text = meta.read_text(encoding="utf-8")
    issuers = text[text.index("issuers:"):text.index("date:")]
    meta.write_text(text.replace(issuers, "issuers: []\n"), encoding="utf-8")
    _, report = validate(two_cities)
    assert [(i.code, i.message) for i in report.errors] == [("wrong-type", "'issuers'：至少要有 1 项，这里写的是 []")]


def test_two_places_lists_of_one_name_are_told_apart_by_their_short_titles(two_cities):
    titles = {d: yaml.safe_load((two_cities / d / "document.yaml").read_text(encoding="utf-8"))["short_title"]
              for d in ("zhuzhou-2020", "yueyang-2020")}
    assert titles == {"zhuzhou-2020": "株洲市2020年重点工作责任分解", "yueyang-2020": "岳阳市2020年重点工作责任分解"}


@pytest.mark.parametrize("place, name, full", [
    ("杭州市余杭区", "区财政局", "余杭区财政局"),  # not 「市余杭区财政局」: 州 before 市 is the city's name
    ("广州市", "财政局", "广州市财政局"),
    ("杭州市余杭區", "財政局", "余杭區財政局"),  # a place in traditional script
    ("某某壮族自治区", "自治区大数据局", "某某壮族自治区大数据局"),  # an autonomous region's prefix is 自治区
])
def test_a_bare_name_takes_the_last_place_of_a_city_named_with_zhou(place, name, full):
    from policykb.ingest.placenames import local_unit_name as _local_unit_name, qualified as _qualified
    level = "省" if place.endswith("自治区") else "县" if place.endswith(("区", "區")) else "市"
    assert (_qualified(name, place, level, None) if name.startswith(("区", "自治区")) else _local_unit_name(name, place)) == full


def _one_list(tmp_path, place: str, date: str, task: tuple[str, str, str]):
    """The bundled knowledge base with one list of `place` imported (one task): (the kb, the import's result)."""
    kb = tmp_path / "kb"
    shutil.copytree(POLICIES, kb, ignore=shutil.ignore_patterns("tracking"))
    source = tmp_path / "list.txt"
    source.write_text(_list(place, date, [task]), encoding="utf-8")
    return kb, import_file(source, kb, "imported")


def test_a_county_of_one_character_names_its_units_once(tmp_path):
    """萧县, 攸县, 沙县: 「县财政局」 of a 萧县 list is 萧县财政局, registered once under that name (not 萧县萧县财政局)."""
    kb, _ = _one_list(tmp_path, "萧县", "2020年3月2日", ("完善财政资金直达机制，年底前完成。", "县财政局", "县发改委"))
    names = set(_registry(kb))
    assert {"萧县财政局", "萧县发改委"} <= names
    assert not [n for n in names if n.startswith("萧县萧县")]
    task = yaml.safe_load((kb / "imported" / "tasks" / "001.yaml").read_text(encoding="utf-8"))
    assert task["lead"] == ["萧县财政局"]


def test_a_city_s_county_of_one_character_is_named_as_written_like_its_neighbours(tmp_path):
    """A city's list gives 「丙县人民政府」 and 「丁川区人民政府」 their work: both name their place, so both are registered as
    written (not 乙州市丙县人民政府 beside 丁川区人民政府) and neither is flagged 「没有写明地方」; 「该县人民政府」 names none."""
    kb, done = _one_list(tmp_path, "乙州市", "2012年11月1日", ("完成碳强度下降目标。", "丙县人民政府", "丁川区人民政府"))
    names = set(_registry(kb))
    assert {"丙县人民政府", "丁川区人民政府"} <= names and not [n for n in names if n.startswith("乙州市丙县")]
    assert not [line for line in done.review if "没有写明地方" in line]
    from policykb.ingest.placenames import placed
    assert not placed("该县人民政府") and not placed("两县政府")


def test_a_one_character_county_s_placed_names_are_no_guess_and_its_collectives_stay_collectives(tmp_path):
    """「县财政局」 of a 萧县 list says its place (县): no 「没有写明地方」 flag lowers its reading; 「县直各执法部门」 is
    proposed as a collective (萧县直各执法部门 no longer starts like one, but it was written as one)."""
    kb, done = _one_list(tmp_path, "萧县", "2020年3月2日", ("落实“首违不罚”清单制度。", "县司法局", "县直各执法部门"))
    assert not [line for line in done.review if "没有写明地方" in line]
    assert _registry(kb)["萧县直各执法部门"].get("collective") is True


@pytest.mark.parametrize("role", ["牵头单位", "各责任单位", "相关责任单位"])
def test_a_holder_named_by_its_role_alone_is_no_unit_of_the_place_and_the_review_asks_for_the_units(tmp_path, role):
    """「牵头单位要…」 in a city's notice whose division is in its annex: every holder of that role, wherever the division
    puts them; proposed as a collective as written (no 株洲市牵头单位 of the city's own, whose letter reaches nobody),
    and the review asks for the units the division names."""
    kb, done = _one_list(tmp_path, "株洲市", "2020年3月2日", ("按季度报送工作进展。", role, ""))
    units = _registry(kb)
    assert units[role].get("collective") is True and "local_names" not in units[role]
    assert not [n for n in units if n.endswith(role) and n != role]
    assert any(f"“{role}”是分工中的角色，不是具体单位" in line for line in done.review)
    assert not [line for line in done.review if f"“{role}”没有写明地方" in line]
    # accepted as proposed, unrewritten: check refuses it before any letter goes to nobody
    _, report = validate(kb)
    assert [i.message for i in report.issues if i.code == "role-as-unit"] == [
        f"'{role}' 是分工中的角色，不是具体单位：它的责任书没有人收"]


def test_a_bureau_s_own_office_named_by_its_bureau_is_no_local_name_of_the_city(tmp_path):
    """「局政务公开办」 in a 广州市 bureau's notice is the bureau's own office (局: 本局), as 「厅办公室」 is: proposed as
    written, not registered as a city body 广州市局政务公开办."""
    kb, _ = _one_list(tmp_path, "广州市", "2021年7月16日", ("做好政务公开工作进展的收集报送。", "局政务公开办", ""))
    names = set(_registry(kb))
    assert "局政务公开办" in names and not [n for n in names if n.endswith("局政务公开办") and n != "局政务公开办"]


@pytest.mark.parametrize("issuer, place", [("庆城县桐川镇人民政府", "庆城县桐川镇"), ("中共三道通镇委员会", "三道通镇"),
                                           ("河西街道办事处", "河西街道"), ("攸县各乡镇人民政府", "攸县"),
                                           ("攸县城乡建设局", "攸县"), ("各乡镇人民政府", None)])
def test_a_townships_organ_is_of_the_township_below_its_county(issuer, place):
    """「庆城县桐川镇人民政府」 is the township's, not the county's: its bare 镇X are that township's bodies. 各乡镇 and
    城乡 name kinds of place, no township."""
    from policykb.ingest.organs import jurisdiction_of
    assert jurisdiction_of(issuer) == place


def test_a_townships_bare_names_take_the_townships_name_and_its_countys_stay_as_written(tmp_path):
    """In a township's document 「镇防汛办公室」 is 桐川镇防汛办公室 (corpus truth rule 3), 「县水务局」 is its
    county's (a prefix of another level, as written), and 「镇村干部」 are cadres of two levels, no unit of this one."""
    from conftest import import_text
    _, tasks, _ = import_text(tmp_path, "庆城县桐川镇人民政府关于做好2023年防汛工作的意见\n一、加强领导\n"
                              "1.镇防汛办公室负责日常业务工作，县水务局配合。\n"
                              "2.镇人民政府负责组织抢险救灾，镇村干部配合。\n"
                              "庆城县桐川镇人民政府\n2023年5月9日\n", dt.date(2023, 5, 9))
    assert [(t["lead"], t["participants"]) for t in tasks][:2] == [
        (["桐川镇防汛办公室"], ["县水务局"]), (["桐川镇人民政府"], [])]
    from policykb.ingest.placenames import qualified
    assert qualified("镇村干部", "庆城县桐川镇", "县", None) == "镇村干部"
    assert qualified("街道城管科", "河西街道", "县", None) == "河西街道城管科"


@pytest.mark.parametrize("head, participants", [("8月16日,甲岭镇召开禁毒工作推进会,镇干部参加会议。", ["甲岭镇"]),
                                                ("某县人民政府关于做好禁毒工作的通知", [])])
def test_a_townships_cadres_beside_a_body_that_leads_bring_their_township_in(tmp_path, head, participants):
    """「派出所、镇村干部、护林员要加强配合」 in a township's report: the police station leads, the cadres lead in person,
    and the township whose cadres they are takes part (truth rule 6); in a county's document 镇村干部 says not
    which township."""
    from conftest import import_text
    _, tasks, _ = import_text(tmp_path, f"{head}\n会议要求,派出所、镇村干部、护林员要加强配合,对重点区域进行踏查。\n",
                              dt.date(2024, 3, 22))
    assert [(t["lead"], t.get("participants") or []) for t in tasks] == [(["派出所"], participants)]


def test_people_of_our_township_are_named_by_the_township():
    """「我镇机关干部」 in a 三道通镇 document are 三道通镇机关干部 (the leaders the corpus truth writes); 我县 in a
    township's text is its county's, not named here, and stays as written."""
    from policykb.ingest.placenames import own_place_named
    assert own_place_named("我镇机关干部", "三道通镇") == "三道通镇机关干部"
    assert own_place_named("本县干部", "攸县") == "攸县干部"
    assert own_place_named("我县干部", "庆城县桐川镇") == "我县干部"
    assert own_place_named("包村干部", "三道通镇") == "包村干部"


def test_a_townships_report_names_its_own_cadres_by_the_township(tmp_path):
    """The leaders of a township's report: 「我镇机关干部」 named by the township the report is of."""
    from conftest import import_text
    _, tasks, _ = import_text(tmp_path, "甲岭镇召开党委政府工作会议\n2018年3月8日,甲岭镇召开党委政府工作会议。\n"
                              "甲岭镇党委、政府认真强调:近期降雪天气较多。我镇机关干部、包村干部要明确责任,加强巡查。\n",
                              dt.date(2018, 3, 8))
    assert tasks[0]["leaders"] == ["甲岭镇机关干部", "包村干部"]


def test_the_review_names_all_unplaced_names_of_a_reading_in_one_sentence():
    """Four names of unknown place were four sentences in one review line; each kind of doubt is said once."""
    from policykb.ingest.confidence import flags_cn
    said = flags_cn(["place unknown: 市公安局", "place unknown: 市住建局", "place not written: 财政局",
                     "only a guiding unit named", "place unknown: 市公安局"])
    assert said == ("“市公安局”、“市住建局”属于哪个地方未能确定，请写明 jurisdiction 后重新导入；"
                    "“财政局”没有写明地方，按本文件的管辖地理解，请核对；只写了指导单位，暂作牵头")
