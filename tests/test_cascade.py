"""The cascade (issue 24) on the constructed demo: parents resolved from citations, links checked,
coverage gaps named, a late child deadline refused, status rolled up by member, links proposed."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from policykb.cascade import refs
from policykb.cascade.coverage import coverage
from policykb.cascade.propose import propose
from policykb.cascade.rollup import rollups, warnings
from policykb.cli import app
from policykb.graph import PolicyGraph
from policykb.model import Reference
from policykb.track import load_tracking, statuses
from policykb.validate import load_kb, validate

from conftest import DOC, ROOT

DEMO = ROOT / "examples" / "cascade-demo"
ZZ, HY, YX = "zhuzhou-2016-implementation-plan", "hengyang-2016-implementation-plan", "youxian-2016-implementation-plan"
SY = "shaoyang-2016-implementation-plan"  # written after the proposer was tuned: unseen text
TRUTH = yaml.safe_load((DEMO / "truth.yaml").read_text(encoding="utf-8"))


def _assemble():
    spec = importlib.util.spec_from_file_location("cascade_demo", DEMO / "assemble.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.assemble


assemble = _assemble()


def run(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    """The demo with its intended links, without the deliberately late deadline."""
    return assemble(tmp_path_factory.mktemp("demo") / "kb", on_time=True)


def test_numbers_compare_whatever_the_brackets_and_spaces():
    assert refs.number_key("湘发[2016]7号") == refs.number_key("湘发〔2016〕7号") == refs.number_key("湘发［2016］ 7 号")
    assert refs.number_key("衡发〔2016〕12 号") == "衡发〔2016〕12号"
    assert refs.title_key("《株洲市脱贫攻坚实施方案》") == refs.title_key("株洲市脱贫攻坚实施方案")


def test_bundled_policy_has_its_number_and_no_cascade(kb):
    assert kb.documents[DOC].meta.number == "湘发〔2016〕7号"
    assert not any(t.implements for t in kb.documents[DOC].tasks.values())


def test_parents_resolve_by_number_or_title(demo):
    kb = load_kb(demo)
    assert refs.parents(kb.documents[ZZ], kb.documents) == ([DOC], [])  # cited as 湘发[2016]7号
    found, missing = refs.parents(kb.documents[YX], kb.documents)
    assert found == [ZZ, DOC] and missing == []
    # the bundled policy's own parent, the central 决定, is not in the knowledge base: listed, not an error
    assert [r.number for r in refs.parents(kb.documents[DOC], kb.documents)[1]] == ["中发〔2015〕34号"]
    assert refs.resolve(Reference(title="《株洲市脱贫攻坚实施方案》"), kb.documents) == ZZ


def test_the_late_county_deadline_is_refused(tmp_path):
    kb, report = validate(assemble(tmp_path / "kb"))
    assert kb is None
    assert [(Path(i.file).parts[-3:], i.line, i.code) for i in report.errors] == [
        ((YX, "tasks", "005.yaml"), 13, "child-deadline-after-parent")]
    assert "2018年12月31日" in report.errors[0].message


def test_coverage_names_exactly_the_missing_plans_and_tasks(demo):
    kb = load_kb(demo)
    lines = coverage(kb, DOC).lines(kb)
    assert lines[0] == ("11个尚无落实《湖南省脱贫攻坚实施意见》的实施方案：长沙市、湘潭市、岳阳市、常德市、"
                        "张家界市、益阳市、郴州市、永州市、怀化市、娄底市、湘西土家族苗族自治州")
    gaps = [line for line in lines if "未落实第" in line]
    # 衡阳 left task 50 out (on purpose); task 49 is given to 相关市州和县市党委、政府, all 14 as registered
    assert gaps == ["株洲市脱贫攻坚实施方案未落实第49项", "衡阳市精准脱贫实施方案未落实第49项",
                    "邵阳市脱贫攻坚实施方案未落实第49项", "衡阳市精准脱贫实施方案未落实第50项"]
    own = [line for line in lines if "本级任务" in line]
    assert own == ["衡阳市精准脱贫实施方案本级任务（不落实上级任务）：第12项",
                   "邵阳市脱贫攻坚实施方案本级任务（不落实上级任务）：第12项",
                   "株洲市脱贫攻坚实施方案本级任务（不落实上级任务）：第12项"]
    county = coverage(kb, ZZ)
    assert "攸县" not in county.without_plan() and len(county.without_plan()) == 8


def _record(demo: Path, doc: str, number: int, events: str) -> None:
    folder = demo / doc / "tracking" / "tasks"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{number:03d}.yaml").write_text(f"task: {number}\nevents:\n{events}", encoding="utf-8")


def test_status_rolls_up_by_member_and_changes_with_a_report(tmp_path):
    demo = assemble(tmp_path / "kb", on_time=True)
    _record(demo, DOC, 69, "  - {type: plan, date: 2016-06-15}\n  - {type: state, date: 2016-12-20, state: 已完成}\n")
    _record(demo, HY, 1, "  - {type: plan, date: 2016-07-10}\n")

    def rolled():
        kb = load_kb(demo)
        states = statuses(PolicyGraph(kb), load_tracking(demo, kb), __import__("datetime").date(2017, 1, 10))
        return kb, states, next(r for r in rollups(kb, DOC, states) if r.task.number == 69)

    kb, states, before = rolled()
    assert before.summary() == ("14个市州中推进中1个（衡阳市）、未启动2个（株洲市、邵阳市）、无方案11个（长沙市、湘潭市、"
                                "岳阳市、常德市、张家界市、益阳市、郴州市、永州市、怀化市、娄底市、湘西土家族苗族自治州）")
    assert before.light == "red" and not before.done  # recorded done, but members are open
    assert [w.code for w in warnings(kb, states, demo)] == ["parent-done-children-open"]
    _record(demo, ZZ, 1, "  - {type: plan, date: 2016-07-01}\n  - {type: state, date: 2016-12-28, state: 已完成}\n")
    _, _, after = rolled()
    assert after.counts()["已完成"] == ["株洲市"] and after.counts()["未启动"] == ["邵阳市"]
    assert after.summary().startswith("14个市州中已完成1个（株洲市）、推进中1个（衡阳市）、未启动1个（邵阳市）、无方案11个")
    assert "%" not in after.summary()


def _rank1(kb, doc: str) -> tuple[int, int]:
    right = total = 0
    for p in propose(kb, doc):
        intended = TRUTH[doc][p.task.number]
        if intended:
            total += 1
            right += (p.candidates[0].task.doc, p.candidates[0].task.number) == (intended[0]["doc"], intended[0]["task"])
    return right, total


def test_proposer_finds_the_intended_parent_first(tmp_path):
    unlinked = load_kb(assemble(tmp_path / "unlinked", linked=False, on_time=True))
    for doc in (ZZ, HY, SY):
        right, total = _rank1(unlinked, doc)
        assert right / total >= 0.9, (doc, right, total)
    # the county plan is proposed once its 市 plan is linked, as it would be in practice
    linked = tmp_path / "linked"
    assemble(linked, on_time=True)
    for path in (linked / YX / "tasks").glob("*.yaml"):
        path.write_text(path.read_text(encoding="utf-8").split("implements:")[0], encoding="utf-8")
    right, total = _rank1(load_kb(linked), YX)
    assert right / total >= 0.9, (right, total)


def test_proposals_are_written_only_as_proposed_and_reviewed_in_full(tmp_path):
    demo = assemble(tmp_path / "kb", linked=False, on_time=True)
    result = run("cascade", "propose", HY, "--write", "-p", str(demo))
    assert result.exit_code == 0, result.output
    assert result.output.count("[关联] 第") == len(TRUTH[HY])  # every task, with its candidates
    written = [yaml.safe_load(p.read_text(encoding="utf-8")).get("implements") for p in (demo / HY / "tasks").glob("*.yaml")]
    links = [link for found in written if found for link in found]
    assert links and all(link["proposed"] is True for link in links)
    kb, report = validate(demo)
    assert kb is not None and {i.code for i in report.warnings} == {"proposed-link"}


def test_link_command_keeps_comments_and_confirms(tmp_path):
    demo = assemble(tmp_path / "kb", linked=False, on_time=True)
    path = demo / YX / "tasks" / "003.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("section: 1\n", "section: 1  # 县教育局 asked to keep this\n"),
                    encoding="utf-8")
    child, parent = f"{YX}#3", f"{ZZ}#5"
    assert run("link", child, parent, "-p", str(demo)).exit_code == 0
    assert run("link", child, f"{DOC}#12", "--part", "-p", str(demo)).exit_code == 0
    text = path.read_text(encoding="utf-8")
    assert "# 县教育局 asked to keep this" in text
    assert yaml.safe_load(text)["implements"] == [{"doc": ZZ, "task": 5}, {"doc": DOC, "task": 12, "part": True}]
    assert run("link", child, f"{DOC}#12", "--remove", "-p", str(demo)).exit_code == 0
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["implements"] == [{"doc": ZZ, "task": 5}]
    bad = run("link", child, f"{DOC}#999", "-p", str(demo))
    assert bad.exit_code == 1 and "Traceback" not in bad.output


def test_export_gives_each_linked_task_its_links(demo, tmp_path):
    out = tmp_path / "kb.json"
    assert run("export", "-f", "json", "-o", str(out), "-p", str(demo)).exit_code == 0
    tasks = {(t["document"], t["number"]): t for t in json.loads(out.read_text(encoding="utf-8"))["tasks"]}
    assert tasks[(ZZ, 1)]["implements"] == [{"doc": DOC, "task": 69, "part": False, "proposed": False},
                                            {"doc": DOC, "task": 3, "part": True, "proposed": False}]
    assert "implements" not in tasks[(DOC, 69)] and "implements" not in tasks[(ZZ, 12)]


def test_counterparts_carry_work_down_the_levels(demo):
    from policykb.cascade.counterparts import carries, chain
    kb = load_kb(demo)
    assert chain(kb, "攸县教育局") == ["攸县教育局", "株洲市教育局", "省教育厅"]
    assert carries(kb, "衡阳市教育局", "省教育厅") and not carries(kb, "衡阳市教育局", "省财政厅")


def test_a_child_without_a_deadline_inherits_the_parents(demo):
    kb = load_kb(demo)
    county = kb.documents[YX].tasks[5]  # its own deadline left out (on_time): 株洲 task 8 says 力争2018年底前
    assert [(d.phrase, d.date.isoformat()) for d in county.deadlines] == [("依上级时限（力争2018年底前）", "2018-12-31")]
    assert kb.documents[YX].tasks[3].deadlines == []  # its parent has no date either


def test_status_command_shows_the_roll_up_with_names(tmp_path):
    demo = assemble(tmp_path / "kb", on_time=True)
    _record(demo, ZZ, 1, "  - {type: plan, date: 2016-07-01}\n  - {type: state, date: 2016-12-28, state: 已完成}\n")
    result = run("status", "--as-of", "2017-01-10", "-p", str(demo))
    assert result.exit_code == 0, result.output
    line = next(x for x in result.output.splitlines() if "湖南省脱贫攻坚实施意见第69项" in x)
    assert "［红灯］14个市州中已完成1个（株洲市）、未启动2个（衡阳市、邵阳市）、无方案11个" in line


def test_citations_of_parents_are_read_from_the_preamble():
    from policykb.cascade.citations import cited
    text = ["攸县人民政府", "为贯彻落实《中共湖南省委湖南省人民政府关于深入贯彻〈中共中央国务院关于打赢脱贫攻坚战的决定〉"
            "的实施意见》（湘发[2016]7号）和《株洲市脱贫攻坚实施方案》（株发〔2016〕 9 号），结合我县实际，制定本方案。",
            "严格执行《中华人民共和国预算法》。"]  # a law obeyed is not a parent carried out
    assert cited(text) == [
        {"title": "中共湖南省委湖南省人民政府关于深入贯彻〈中共中央国务院关于打赢脱贫攻坚战的决定〉的实施意见",
         "number": "湘发[2016]7号"},
        {"title": "株洲市脱贫攻坚实施方案", "number": "株发〔2016〕9号"}]


def test_import_records_the_cited_parents_and_reviews_them(tmp_path):
    demo = assemble(tmp_path / "kb", on_time=True)
    source = demo / SY / "source.txt"
    moved = tmp_path / "shaoyang.txt"
    moved.write_bytes(source.read_bytes())
    import shutil
    shutil.rmtree(demo / SY)
    result = run("import", str(moved), str(demo), "--id", "sy")
    assert result.exit_code == 0, result.output
    doc = yaml.safe_load((demo / "sy" / "document.yaml").read_text(encoding="utf-8"))
    assert [p["number"] for p in doc["parents"]] == ["湘发〔2016〕7号"]
    review = (demo / "sy" / "import-review.txt").read_text(encoding="utf-8")
    assert "[上级文件]" in review and "知识库中为 hunan-2016-implementation-opinions" in review
    kb = load_kb(demo)
    assert refs.parents(kb.documents["sy"], kb.documents)[0] == [DOC]


def test_a_city_letter_to_a_county_quotes_the_provincial_task(demo, tmp_path):
    import zipfile
    result = run("letters", "--unit", "攸县", "-o", str(tmp_path / "letters"), "-p", str(demo))
    assert result.exit_code == 0, result.output
    letter = tmp_path / "letters" / ZZ / "攸县.docx"
    body = zipfile.ZipFile(letter).read("word/document.xml").decode("utf-8")
    assert "株洲市脱贫攻坚实施方案责任书" in body and "落实省第66项" in body
    # 乙方 as the registry names the county's bodies (as 攸县 writes it: 中共攸县县委), signed by county leaders
    assert "中共攸县县委、攸县人民政府" in body and "中共攸县委" not in body
    assert "县委书记" in body and "县长" in body and "市委书记（签字）" not in body


def test_diff_follows_links_to_the_child_tasks_and_their_letters(tmp_path, kb):
    """A changed provincial task names the city tasks carrying it out and, through them, the county's."""
    import subprocess
    from policykb.track import versions
    git = ["git", "-c", "user.name=test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false", "-C"]
    repo = tmp_path / "repo"
    demo = assemble(repo / "policies", on_time=True)
    subprocess.run([*git, str(repo), "init", "-q"], check=True)
    subprocess.run([*git, str(repo), "add", "."], check=True)
    subprocess.run([*git, str(repo), "commit", "-qm", "first"], check=True)
    task = demo / DOC / "tasks" / "069.yaml"
    task.write_text(task.read_text(encoding="utf-8").replace("小额信贷60亿元", "小额信贷80亿元"), encoding="utf-8")
    subprocess.run([*git, str(repo), "commit", "-qam", "second"], check=True)
    result = run("diff", "HEAD~1", "HEAD", "-p", str(demo))
    assert result.exit_code == 0, result.output
    assert "下级需复核（4 项任务落实了变化的上级任务）：" in result.output
    assert ("株洲市脱贫攻坚实施方案第1项（落实湖南省脱贫攻坚实施意见第69项）：复核任务，及其责任书"
            "（株洲市扶贫办、株洲市财政局、人民银行株洲市中心支行）") in result.output
    assert "攸县脱贫攻坚实施方案第1项（落实株洲市脱贫攻坚实施方案第1项）" in result.output  # two levels down
    data = json.loads(run("diff", "HEAD~1", "HEAD", "-p", str(demo), "-f", "json").output)
    assert {(r["child"]["doc"], r["child"]["task"]) for r in data["revisit"]} == {(ZZ, 1), (HY, 1), (SY, 1), (YX, 1)}
    assert "revisit" not in versions.diff_kbs(kb, kb).to_json()  # no cascade: the output is as before


def test_a_parent_documents_change_reaches_the_child_letters_that_quote_it(tmp_path):
    """A child letter quotes its parent's level (「落实省第66项」): the letters stage may reuse a plan's
    letters only while every document's settings are unchanged too, not only the plan's own folder."""
    import zipfile
    demo = assemble(tmp_path / "kb", on_time=True)
    args = ["build", "--only", "letters", "-o", str(tmp_path / "build"), "-p", str(demo)]
    assert run(*args).exit_code == 0
    settings = demo / DOC / "document.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "level: 中央\n", encoding="utf-8")
    assert run(*args).exit_code == 0
    body = zipfile.ZipFile(tmp_path / "build" / "letters" / ZZ / "攸县.docx").read("word/document.xml").decode("utf-8")
    assert "落实国家第66项" in body and "落实省第66项" not in body


def test_a_member_bodies_names_follow_the_place_without_a_registry_entry():
    from policykb.render.letters.recipients import member_full_name, member_signatories
    assert member_full_name("长沙市") == "中共长沙市委、长沙市人民政府"  # the bundled 市州: as before
    assert member_full_name("平江县") == "中共平江县委、平江县人民政府"
    assert member_full_name("攸县") == "中共攸县县委、攸县人民政府"  # a one-character name says its ending twice
    assert member_full_name("津市") == "中共津市市委、津市人民政府"
    assert member_signatories("湘西土家族苗族自治州") == ("州委书记", "州长")
    assert member_signatories("荷塘区") == ("区委书记", "区长")


def test_a_hidden_staging_copy_is_not_a_parent(tmp_path):
    """An interrupted import leaves .import-….tmp/ beside the documents: it is no document (as for load),
    so a cited parent still resolves to the one real document rather than to two candidates or the copy."""
    import shutil
    from policykb.cascade.citations import resolved
    policies = tmp_path / "policies"
    shutil.copytree(ROOT / "policies" / DOC, policies / DOC)
    shutil.copytree(ROOT / "policies" / DOC, policies / ".import-1234-abcd.tmp")
    number = yaml.safe_load((policies / DOC / "document.yaml").read_text(encoding="utf-8"))["number"]
    assert resolved([{"title": "不在这里的标题", "number": number}], policies) == [DOC]
