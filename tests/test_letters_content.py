"""Responsibility letters say exactly what the knowledge base says, read back from the .docx."""
from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from policykb.export import LEAD_MODE_LABEL
from policykb.graph import PolicyGraph
from policykb.names import safe_filename
from policykb.render import letters
from policykb.gongwen import read_text
from policykb.render.letters.template import LetterError

from conftest import DOC, ROOT

AS_OF = dt.date.today()  # the build date must not show, whatever it is
TEMPLATE = ROOT / "templates" / "letter.docx"
TABLE_HEAD = "序号\t任务内容\t牵头单位\t参与单位"
GROUP_ROW = re.compile(r"(牵头|参与)任务（\d+项）")
# 第49项 names the seven helping cities, 湘西州, and the 市州 of the four paired counties
TASK_49_CITIES = {"长沙市", "湘潭市", "岳阳市", "衡阳市", "株洲市", "常德市", "郴州市", "湘西土家族苗族自治州",
                  "怀化市", "邵阳市", "娄底市"}
CITIES = ["长沙市", "株洲市", "湘潭市", "衡阳市", "邵阳市", "岳阳市", "常德市", "张家界市", "益阳市", "郴州市", "永州市",
          "怀化市", "娄底市", "湘西土家族苗族自治州"]


@pytest.fixture(scope="module")
def built(pg, tmp_path_factory):
    out = tmp_path_factory.mktemp("letters")
    made = letters.write_letters(pg, out, TEMPLATE, as_of=AS_OF, make_zip=True, with_overview=True)
    return out, made


@pytest.fixture(scope="module")
def texts(built):
    out, made = built
    return {m.unit: read_text((out / m.file).read_bytes()) for m in made}


def _listed(lines: list[str]) -> list[int]:
    """The task numbers a letter lists: rows of its 附件 table, or (few tasks) paragraphs 「第N项　…」 in the body."""
    if TABLE_HEAD in lines:
        return [int(row.split("\t")[0]) for row in lines[lines.index(TABLE_HEAD) + 1:]
                if not GROUP_ROW.match(row.split("\t")[0])]
    return [int(m[1]) for line in lines if (m := re.match(r"第(\d+)项　", line))]


def _entry(lines: list[str], number: int) -> str:
    """How a letter shows one task: its table row, or its body paragraph."""
    return next(r for r in lines if r.startswith((f"{number}\t", f"第{number}项　")))


def _signature_rows(lines: list[str]) -> list[str]:
    """The signature block (one table row, a cell per party) as lines 「甲方 side\t乙方 side」."""
    block = next(line for line in lines if line.startswith("甲方（盖章）：\n"))
    left, right = (side.split("\n") for side in block.split("\t"))
    assert len(left) == len(right)
    return [f"{a}\t{b}" for a, b in zip(left, right)]


def _sources(pg, unit: str) -> list[str]:
    """The registry units whose tasks a letter carries: the unit, or a member's collectives."""
    return [u.name for u in pg.kb.units.values() if unit in u.members] or [unit]


def _roles(pg, unit: str) -> dict[str, list[int]]:
    roles = {"lead": [], "participant": []}
    for source in _sources(pg, unit):
        for role, tasks in pg.tasks_of(source, DOC).items():
            roles[role] += [t.number for t in tasks if source == unit or t.applies_to(source, unit)]
    return {role: sorted(numbers) for role, numbers in roles.items()}


def test_every_unit_with_a_task_gets_one_letter_collectives_one_per_member(pg, built):
    out, made = built
    collectives = {u for u in pg.units_with_tasks(DOC) if pg.kb.units[u].members}
    expected = [u for u in pg.units_with_tasks(DOC) if u not in collectives]
    assert collectives == {"各市州、县市区党委和政府", "相关市州和县市党委、政府"}
    assert sorted(m.unit for m in made) == sorted(expected + CITIES)
    assert all((out / m.file).is_file() for m in made)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["letters"]:
        roles = _roles(pg, entry["unit"])
        assert entry["lead_tasks"] == roles["lead"] and entry["participant_tasks"] == roles["participant"]
        assert set(entry) >= {"unit", "file", "kind", "collectives", "lead_tasks", "participant_tasks", "sha256"}
        if entry["unit"] in TASK_49_CITIES:
            assert entry["collectives"] == ["相关市州和县市党委、政府", "各市州、县市区党委和政府"]
        elif entry["unit"] in CITIES:
            assert entry["collectives"] == ["各市州、县市区党委和政府"]
        else:
            assert entry["collectives"] == []


def test_each_letter_lists_exactly_its_tasks_each_text_once(pg, texts):
    for unit, lines in texts.items():
        roles = _roles(pg, unit)
        assert _listed(lines) == roles["lead"] + roles["participant"], unit
        body = "\n".join(lines)
        for number in roles["lead"] + roles["participant"]:
            assert body.count(pg.task(DOC, number).text) == 1, (unit, number)
        counts = "".join(lines)
        if roles["lead"]:
            assert f"牵头{len(roles['lead'])}项任务" in counts, unit
        if roles["participant"]:
            assert f"参与{len(roles['participant'])}项任务" in counts, unit


def test_no_build_date_no_year_after_the_period_no_empty_sections(texts):
    for unit, lines in texts.items():
        body = "\n".join(lines)
        assert not re.search(r"20(2[1-9]|[3-9]\d)\s*年", body), unit
        assert not re.search(r"(?<!\d)0项", body) and "下一次" not in body and "截至" not in body, unit
        assert f"{AS_OF.year}年{AS_OF.month}月{AS_OF.day}日" not in body or AS_OF.year <= 2020
        assert "11月20日" not in body and "6月30日" not in body, unit  # only the policy's own deadline words


def test_cities_carry_task_66_and_task_49_only_where_named(pg, texts):
    for city in CITIES:
        lines = texts[city]
        assert 66 in _listed(lines) and (49 in _listed(lines)) == (city in TASK_49_CITIES), city
        assert "单独牵头" not in "".join(lines) and "（各市州、县市区党委和政府牵头）" in "".join(lines), city
        party = "州" if city.endswith("州") else "市"
        assert f"乙方：中共{city}委、{city}人民政府" in lines
        assert _signature_rows(lines) == ["甲方（盖章）：\t乙方（盖章）：", f"中共湖南省委\t中共{city}委",
                                          f"湖南省人民政府\t{city}人民政府", f"省委书记（签字）：\t{party}委书记（签字）：",
                                          f"省长（签字）：\t{party}长（签字）：", "　　年　　月　　日\t　　年　　月　　日"]
        if city in TASK_49_CITIES:
            assert "第49项由相关市州和县市党委、政府承担" in "".join(lines)
            named = pg.task(DOC, 49).members["相关市州和县市党委、政府"][city]
            assert f"第49项原文点名{'、'.join(named)}" in "".join(lines)


def test_full_names_and_signatures_of_departments(texts):
    lines = texts["省教育厅"]
    assert "乙方：湖南省教育厅" in lines and "甲方：中共湖南省委、湖南省人民政府" in lines
    rows = _signature_rows(lines)
    assert rows == ["甲方（盖章）：\t乙方（盖章）：", "中共湖南省委\t湖南省教育厅", "湖南省人民政府\t",
                    "省委书记（签字）：\t主要负责人（签字）：", "省长（签字）：\t", "　　年　　月　　日\t　　年　　月　　日"]
    assert re.fullmatch(r"湘脱贫责〔2016〕\d+号", lines[1])
    assert "附件：省教育厅重要政策措施任务清单" in lines
    mark = lines.index("附件")
    assert lines[mark + 2] == "省教育厅重要政策措施任务清单"


@pytest.mark.parametrize("unit, full", [("武警湖南省总队", "中国人民武装警察部队湖南省总队"),
                                        ("人民银行长沙中心支行", "中国人民银行长沙中心支行")])
def test_bodies_the_issuer_cannot_bind_get_a_notice(texts, built, unit, full):
    lines = texts[unit]
    body = "\n".join(lines)
    assert lines[0] == "脱贫攻坚重要政策措施任务分工告知函" and f"{full}：" in lines
    assert "责任书" not in body and "乙方" not in body and "签字" not in body and "考核奖惩" not in body
    assert re.fullmatch(r"湘脱贫函〔2016〕\d+号", lines[1])
    assert next(m.kind for m in built[1] if m.unit == unit) == "告知函"


@pytest.mark.parametrize("number", [4, 5, 8, 57, 58, 79, 93])
def test_joint_and_separate_leads_are_visible(pg, texts, number):
    task = pg.task(DOC, number)
    mode = LEAD_MODE_LABEL[task.lead_mode]
    assert task.lead_mode in ("joint", "separate") and len(task.lead) > 1
    for unit in task.lead:
        others = "、".join(u for u in task.lead if u != unit)
        row = _entry(texts[unit], number)
        if "\t" in row:  # a table row lists the leads and the mode; the count sentence names the co-leads
            assert row.split("\t")[2] == "\n".join(task.lead) + f"\n（{mode}）"
            assert f"第{number}项与{others}{mode}" in "".join(texts[unit])
        else:  # listed in the body: said once, after the task's text
            assert row.endswith(f"（与{others}{mode}）") or f"（与{others}{mode}；" in row, row
            assert "".join(texts[unit]).count(f"与{others}{mode}") == 1
    for unit in task.participants:
        row = _entry(texts[unit], number)
        if "\t" in row:
            assert row.split("\t")[2] == "\n".join(task.lead) + f"\n（{mode}）"
        else:
            assert f"（参与，{'、'.join(task.lead)}{mode}" in row, row


def test_assessment_quotes_what_binds_the_kind(doc, texts):
    dept, city = "".join(texts["省教育厅"]), "".join(texts["长沙市"])
    about_cities = "对未完成年度脱贫攻坚任务的市县，对其党政主要领导进行约谈"
    about_departments = "省直部门主要领导是本部门脱贫攻坚工作的第一责任人。"
    assert about_cities in doc.articles[26].text and about_departments in doc.articles[32].text
    assert about_departments in dept and about_cities not in dept
    assert about_cities in city and about_departments not in city
    assert "第二十六条（完善扶贫开发工作考核机制）" in dept


def test_requirements_quoted_once_and_only_to_whom_they_bind(doc, texts):
    for unit in ("省扶贫办", "省教育厅", "长沙市"):
        body = "".join(texts[unit])
        for requirement in doc.meta.annex.requirements:
            for sentence in re.findall(r"[^。]+。", requirement.text):
                assert body.count(f"“{sentence}”") <= 1, (unit, sentence)
    office, education = "".join(texts["省扶贫办"]), "".join(texts["省教育厅"])
    assert "“省扶贫办要积极发挥职能作用" in office and "“省扶贫办要积极发挥职能作用" not in education
    participant_only = "".join(texts["人民银行长沙中心支行"])  # the sentence on leads and participants binds it too
    assert "主要参与单位根据各自职能分工" in participant_only and "每年11月中旬" not in participant_only
    assert "每年11月中旬：“各牵头单位要在每年11月中旬" in office and "11月20日" not in office
    assert "中共湖南省委、湖南省人民政府2016年4月1日印发的《关于深入贯彻〈中共中央国务院关于打赢脱贫攻坚战的决定〉的实施意见》" in office
    assert not re.search(r"[〇零一二三四五六七八九]{4}年", office), "dates use Arabic numerals"


def test_overview_and_zip(pg, built):
    """The document's own 分工方案 and 责任书.zip, in its folder beside its letters."""
    out, made = built
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["documents"] == [{"document": DOC, "title": "重要政策措施分工方案",
                                      "overview": [f"{DOC}/分工方案.docx", f"{DOC}/分工方案.xlsx"],
                                      "zip": f"{DOC}/责任书.zip"}]
    lines = read_text((out / DOC / "分工方案.docx").read_bytes())
    assert lines[0] == "重要政策措施分工方案"
    by_task = [row for row in lines if re.match(r"\d+\t", row)]
    assert [int(row.split("\t")[0]) for row in by_task] == list(range(1, 96))
    assert "省扶贫办\t省直部门\t" in "\n".join(lines)
    import zipfile
    names = zipfile.ZipFile(out / DOC / "责任书.zip").namelist()
    assert names == sorted([m.file.split("/", 1)[1] for m in made] + ["分工方案.docx", "分工方案.xlsx"])


def test_two_runs_are_byte_identical(pg, built, tmp_path):
    out, _ = built
    letters.write_letters(pg, tmp_path, TEMPLATE, as_of=AS_OF, make_zip=True, with_overview=True)
    first = {p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    second = {p.relative_to(tmp_path): p.read_bytes() for p in sorted(tmp_path.rglob("*")) if p.is_file()}
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []


def test_unit_option_takes_aliases_and_suggests(kb, tmp_path):
    units = dict(kb.units)
    units["省扶贫办"] = units["省扶贫办"].model_copy(update={"aliases": ["扶贫办"]})
    pg = PolicyGraph(kb.model_copy(update={"units": units}))
    assert letters.resolve_units(pg, ["扶贫办", "省国资委"]) == ["省扶贫办", "省国资委"]  # registry order
    with pytest.raises(LetterError) as e:
        letters.resolve_units(pg, ["省扶贫ban"])
    assert e.value.code == "unknown-unit" and "省扶贫办" in e.value.hint
    made = letters.write_letters(pg, tmp_path, TEMPLATE, as_of=AS_OF, units=["省扶贫办"])
    assert [m.unit for m in made] == ["省扶贫办"]
    assert [p.name for p in (tmp_path / DOC).iterdir()] == ["省扶贫办.docx"]


def test_stale_letters_are_removed_on_a_full_run(pg, tmp_path):
    stale = tmp_path / DOC / "已撤销单位.docx"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"old")
    mine = tmp_path / "notes.txt"
    mine.write_text("keep")
    (tmp_path / "manifest.json").write_text(json.dumps(
        {"letters": [{"document": DOC, "unit": "已撤销单位", "serial": 99, "file": f"{DOC}/已撤销单位.docx"}]}))
    letters.write_letters(pg, tmp_path, TEMPLATE, as_of=AS_OF)
    assert not stale.exists() and mine.read_text() == "keep"


def test_file_names_of_hostile_units(tmp_path):
    """Letters are named by policykb.names.safe_filename (property-tested in test_checks_properties)."""
    for name in ("../../etc/passwd", "..\\..\\boot.ini", "CON", "...", " ", "a/../../b", "省扶贫办"):
        safe = safe_filename(name)
        assert (tmp_path / safe).resolve().parent == tmp_path.resolve(), name
    assert safe_filename("省扶贫办") == "省扶贫办"
    assert safe_filename("CON") == "_CON"


def test_indicators_show_on_the_tasks_they_measure(kb, doc, tmp_path):
    from policykb.model import Indicator
    from policykb.targets import target_sentence
    ind = Indicator(id="fund-size", name="投资基金规模", comparator=">=", value=10, unit="亿元", year=2020,
                    scope="全省", phrase="设立投资基金", tasks=[4])
    kb2 = kb.model_copy(update={"documents": {DOC: doc.model_copy(update={"indicators": {ind.id: ind}})}})
    [(_, data)] = letters.render_all(PolicyGraph(kb2), TEMPLATE, as_of=AS_OF, units=["省国资委"])
    assert f"第4项　{doc.tasks[4].text}（与省工商联分别牵头；参与单位：省财政厅；量化指标：到2020年，设立投资基金）" \
        in read_text(data)  # one task: listed in the body, no 附件
    [(_, plain)] = letters.render_all(PolicyGraph(kb), TEMPLATE, as_of=AS_OF, units=["省国资委"])
    assert not any("量化指标" in line for line in read_text(plain))
    assert target_sentence(ind) == "到2020年，设立投资基金"


def test_targets_in_words_once_and_no_formula_signs(texts):
    """量化指标 as the policy words them, each sentence once: no =, ≥, ≤ in a signed document."""
    for unit, lines in texts.items():
        body = "\n".join(lines)
        assert not re.search(r"[=≥≤＝]", body), unit
        for note in re.findall(r"量化指标：([^）]*)）", body):
            parts = note.split("；")
            assert len(parts) == len(set(parts)), (unit, note)
    education = "\n".join(texts["省教育厅"])
    schools = "组织300所优质学校帮扶带动贫困地区600所薄弱学校(教学点)提高办学水平"  # two figures, one sentence
    assert f"（量化指标：{schools}）" in education


def test_overview_of_many_documents(tmp_path):
    """Many policy documents (a 1＋10＋17 system) give one overview; a long title is no error."""
    from policykb.model import Document
    from policykb.render.letters import overview
    from policykb.gongwen import new_document
    from conftest import POLICIES
    from policykb.validate import load_kb
    kb = load_kb(POLICIES)
    doc = next(iter(kb.documents.values()))
    many = {f"copy-{i}": Document(**{**doc.__dict__, "id": f"copy-{i}"}) for i in range(40)}
    data = overview.to_docx(PolicyGraph(kb.model_copy(update={"documents": many})))
    assert data[:2] == b"PK"
    assert new_document(title="长" * 300).core_properties.title == "长" * 254 + "…"


def test_sentences_the_settings_call_not_binding_are_not_quoted(doc):
    from policykb.render.letters.context import _assessment
    supervisors = "各级党委、政府督查部门和扶贫主管部门要将脱贫攻坚工作纳入年度重点督查工作内容"
    quoted = lambda d: "".join(q.excerpt for q in _assessment(d, True, set()))  # noqa: E731
    assert supervisors not in quoted(doc)
    unset = doc.model_copy(update={"meta": doc.meta.model_copy(update={
        "letters": doc.meta.letters.model_copy(update={"not_binding": []})})})
    assert supervisors in quoted(unset)


@pytest.mark.parametrize("name, column, lines", [
    ("安康市安全生产委员会办公室", 0, ["安康市安全生产委员会", "办公室"]),  # not 「…办公」「室」
    ("中国人民政治协商会议湖南省委员会办公厅", 1, ["中国人民政治协商会议", "湖南省委员会办公厅"]),  # 省委员会 is no 省委
    ("湖南省人民政府国有资产监督管理委员会", 1, ["湖南省人民政府", "国有资产监督管理委员会"]),
    ("湖南省人民政府", 0, ["湖南省人民政府"]),
])
def test_a_long_name_in_the_signature_block_goes_on_after_a_word(name, column, lines):
    """A seal's name too long for its column is broken after an organ's word or a place, every line fitting."""
    from policykb.render.letters.context import SIGNATURE_COLUMNS_MM, _broken
    assert _broken(name, SIGNATURE_COLUMNS_MM[column]).split("\n") == lines


@pytest.mark.parametrize("full_name, parties", [
    ("中共长沙市委、长沙市人民政府", ["中共长沙市委", "长沙市人民政府"]),  # a committee and its government sign together
    ("各牵头处室、单位", ["各牵头处室、单位"]),  # one collective: its 、 lists kinds of body, not signatories
    ("有关县区、园区", ["有关县区、园区"]),
])
def test_the_signature_block_names_each_signing_party_on_a_line_of_its_own(full_name, parties):
    from policykb.render.letters.context import _parties
    assert _parties(full_name) == parties
