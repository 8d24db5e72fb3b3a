"""Link proposals during `policykb import` (issue 24, item 4): a plan whose parents are in the knowledge
base arrives with its clear winners written as proposed links, and every task's candidates reviewed."""
from __future__ import annotations

import importlib.util
import shutil

import yaml
from typer.testing import CliRunner

from policykb.cli import app
from policykb.validate import validate

from conftest import ROOT

DEMO = ROOT / "examples" / "cascade-demo"
SY = "shaoyang-2016-implementation-plan"
TRUTH = yaml.safe_load((DEMO / "truth.yaml").read_text(encoding="utf-8"))
spec = importlib.util.spec_from_file_location("cascade_demo", DEMO / "assemble.py")
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)


def test_import_writes_clear_winners_as_proposed_and_reviews_every_task(tmp_path):
    kb = module.assemble(tmp_path / "kb", linked=False, on_time=True)
    source = tmp_path / "shaoyang.txt"
    shutil.copyfile(kb / SY / "source.txt", source)
    shutil.rmtree(kb / SY)
    result = CliRunner().invoke(app, ["import", str(source), str(kb), "--id", "sy"])
    assert result.exit_code == 0, result.output
    review = (kb / "sy" / "import-review.txt").read_text(encoding="utf-8")
    tasks = {int(p.stem): yaml.safe_load(p.read_text(encoding="utf-8")) for p in (kb / "sy" / "tasks").glob("*.yaml")}
    assert len(tasks) == len(TRUTH[SY]) == 12
    for number in tasks:  # every task with its verdict and its top candidates, each with reasons
        block = review.split(f"[关联] 第{number}项：")[1].split("\n[")[0].splitlines()
        assert len(block) == 4 and all("文字相近" in line for line in block[1:]), block
    written = {n: t["implements"] for n, t in tasks.items() if "implements" in t}
    assert written and all(link["proposed"] is True for links in written.values() for link in links)
    assert all(f"[关联] 第{n}项：建议落实" in review for n in written)
    right = sum((links[0]["doc"], links[0]["task"]) == (TRUTH[SY][n][0]["doc"], TRUTH[SY][n][0]["task"])
                for n, links in written.items() if TRUTH[SY][n])
    assert right / sum(1 for n in written if TRUTH[SY][n]) >= 0.9
    checked, report = validate(kb)
    assert checked is not None and {i.code for i in report.warnings} == {"proposed-link"}


def test_nothing_is_proposed_without_parents_in_the_knowledge_base(tmp_path):
    kb = module.assemble(tmp_path / "kb", linked=False, on_time=True)
    source = tmp_path / "shaoyang.txt"
    text = (kb / SY / "source.txt").read_text(encoding="utf-8")
    source.write_text(text.replace("湘发〔2016〕7号", "湘发〔2099〕1号").replace("关于深入贯彻", "关于其他"),
                      encoding="utf-8")
    shutil.rmtree(kb / SY)
    result = CliRunner().invoke(app, ["import", str(source), str(kb), "--id", "sy"])
    assert result.exit_code == 0, result.output
    assert not any("implements" in p.read_text(encoding="utf-8") for p in (kb / "sy" / "tasks").glob("*.yaml"))
    assert "[关联]" not in (kb / "sy" / "import-review.txt").read_text(encoding="utf-8")
