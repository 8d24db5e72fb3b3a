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

AS_OF = dt.date(2026, 11, 28)
TEMPLATE = ROOT / "templates" / "letter.docx"
LEAD_HEAD, PART_HEAD, DUTIES_HEAD = "（一）乙方牵头的任务", "（二）乙方参与的任务", "二、工作职责"


@pytest.fixture(scope="module")
def built(pg, tmp_path_factory):
    out = tmp_path_factory.mktemp("letters")
    made = letters.write_letters(pg, out, TEMPLATE, as_of=AS_OF, make_zip=True, with_overview=True)
    return out, made


@pytest.fixture(scope="module")
def texts(built):
    out, made = built
    return {m.unit: read_text((out / m.file).read_bytes()) for m in made}


def _block(lines: list[str], start: str, end: str) -> list[str]:
    first = next(i for i, line in enumerate(lines) if line.startswith(start))
    last = next(i for i, line in enumerate(lines) if line.startswith(end))
    return lines[first + 1:last]


def _numbers(block: list[str]) -> list[int]:
    return [int(m[1]) for line in block for m in [re.match(r"\d+．分工方案第(\d+)项", line)] if m]


def test_every_unit_with_a_task_gets_one_letter(pg, built):
    out, made = built
    assert [m.unit for m in made] == pg.units_with_tasks(DOC)
    assert len(made) == 77 and all((out / m.file).is_file() for m in made)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert [e["unit"] for e in manifest["letters"]] == pg.units_with_tasks(DOC)
    for entry in manifest["letters"]:
        roles = pg.tasks_of(entry["unit"], DOC)
        assert entry["lead_tasks"] == [t.number for t in roles["lead"]]
        assert entry["participant_tasks"] == [t.number for t in roles["participant"]]
        assert set(entry) >= {"unit", "file", "lead_tasks", "participant_tasks", "sha256"}


def test_each_letter_lists_exactly_the_units_tasks(pg, texts):
    for unit, lines in texts.items():
        roles = pg.tasks_of(unit, DOC)
        lead = [t.number for t in roles["lead"]]
        joined = [t.number for t in roles["participant"]]
        assert _numbers(_block(lines, LEAD_HEAD, PART_HEAD)) == lead, unit
        assert _numbers(_block(lines, PART_HEAD, DUTIES_HEAD)) == joined, unit
        assert f"乙方：{unit}" in lines
        assert f"乙方牵头负责{len(lead)}项任务，参与{len(joined)}项任务" in "".join(lines)
        table = lines[lines.index("序号\t任务内容\t承担方式\t牵头单位\t参与单位\t完成时限") + 1:]
        assert [int(row.split("\t")[0]) for row in table] == lead + joined, unit


def test_task_blocks_carry_text_units_and_deadlines(pg, texts):
    for unit, lines in texts.items():
        body = "\n".join(lines)
        for role, tasks in pg.tasks_of(unit, DOC).items():
            for t in tasks:
                block = body.split(f"分工方案第{t.number}项　", 1)[1].split("分工方案第", 1)[0]
                assert block.startswith(t.text), (unit, t.number)
                for d in t.deadlines:
                    assert d.phrase in block, (unit, t.number, d.phrase)
                if role == "lead":
                    others = [u for u in t.participants]
                    assert ("参与单位：" + ("、".join(others) + ("等" if t.open_ended else "") or "无")) in block
                else:
                    assert "、".join(t.lead) in block


@pytest.mark.parametrize("number", [4, 5, 8, 57, 58, 79, 93])
def test_joint_and_separate_leads_are_visible(pg, texts, number):
    task = pg.task(DOC, number)
    mode = LEAD_MODE_LABEL[task.lead_mode]
    assert task.lead_mode in ("joint", "separate") and len(task.lead) > 1
    for unit in task.lead:
        others = "、".join(u for u in task.lead if u != unit)
        block = "\n".join(texts[unit]).split(f"分工方案第{number}项　", 1)[1]
        assert block.split("\n")[1].startswith(f"牵头方式：与{others}{mode}。"), unit
        row = next(r for r in texts[unit] if r.startswith(f"{number}\t"))
        assert row.split("\t")[2] == mode
    for unit in task.participants:
        block = "\n".join(texts[unit]).split(f"分工方案第{number}项　", 1)[1]
        assert block.split("\n")[1].startswith(f"牵头单位：{'、'.join(task.lead)}{mode}。"), unit


def test_collective_units_get_letters_that_say_so(kb, texts):
    collective = [u.name for u in kb.units.values() if u.collective]
    assert collective
    for name in collective:
        assert any("乙方为集合单位" in line for line in texts[name]), name
    for name in set(texts) - set(collective):
        assert not any("乙方为集合单位" in line for line in texts[name]), name


def test_letter_quotes_the_source(doc, texts, built):
    out, made = built
    lines = texts["省扶贫办"]
    body = "".join(lines)
    serial = next(m.serial for m in made if m.unit == "省扶贫办")
    assert f"湘脱贫责〔2026〕{serial}号" in lines
    assert "中共湖南省委、湖南省人民政府2016年4月1日印发的《关于深入贯彻〈中共中央国务院关于打赢脱贫攻坚战的决定〉的实施意见》" in body
    assert "甲方：中共湖南省委、湖南省人民政府" in lines
    for requirement in doc.meta.annex.requirements:  # every sentence of the 工作要求, verbatim
        for sentence in re.findall(r"[^。]+。", requirement.text):
            assert f"“{sentence}”" in body
    assert "每年11月中旬（每年11月20日，下一次为2027年11月20日）" in body
    for number, phrase in ((26, "对未完成年度脱贫攻坚任务的市县，对其党政主要领导进行约谈"),
                           (32, "省直部门主要领导是本部门脱贫攻坚工作的第一责任人。"),
                           (37, "要在全省通报并严肃处理。")):
        assert phrase in doc.articles[number].text and phrase in body
    assert f"《{doc.meta.short_title}》第二十六条（完善扶贫开发工作考核机制）" in body
    assert "第三十二条" in body and "第三十七条" in body
    assert "甲方（盖章）：\t乙方（盖章）：" in lines and "负责人（签字）：\t主要负责人（签字）：" in lines
    assert not re.search(r"[〇零一二三四五六七八九]{4}年", body), "dates use Arabic numerals"


def test_overview_and_zip(pg, built):
    out, made = built
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["overview"] == ["分工方案.docx", "分工方案.xlsx"] and manifest["zip"] == "责任书.zip"
    lines = read_text((out / "分工方案.docx").read_bytes())
    assert lines[0] == "重要政策措施分工方案"
    by_task = [row for row in lines if re.match(r"\d+\t", row)]
    assert [int(row.split("\t")[0]) for row in by_task] == list(range(1, 96))
    assert "省扶贫办\t省直部门\t" in "\n".join(lines)
    import zipfile
    names = zipfile.ZipFile(out / "责任书.zip").namelist()
    assert sorted(names) == names and set(m.file for m in made) <= set(names) and "分工方案.xlsx" in names


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
    from policykb.show import indicator_line
    ind = Indicator(id="fund-size", name="投资基金规模", comparator=">=", value=10, unit="亿元", year=2020,
                    scope="全省", phrase="设立投资基金", tasks=[4])
    kb2 = kb.model_copy(update={"documents": {DOC: doc.model_copy(update={"indicators": {ind.id: ind}})}})
    [(_, data)] = letters.render_all(PolicyGraph(kb2), TEMPLATE, as_of=AS_OF, units=["省国资委"])
    lines = read_text(data)
    assert f"量化指标：{indicator_line(ind)}。" in lines
    [(_, plain)] = letters.render_all(PolicyGraph(kb), TEMPLATE, as_of=AS_OF, units=["省国资委"])
    assert not any(line.startswith("量化指标") for line in read_text(plain))


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
