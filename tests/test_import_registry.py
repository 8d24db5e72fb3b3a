"""An import adds its proposed units to units.yaml whatever way the registry's list is written."""
from __future__ import annotations

import subprocess
import sys

import yaml

from policykb.ingest.write import with_units

from conftest import ROOT

NEW = [{"name": "某市发改委", "aliases": [], "kind": "市县部门", "level": "市", "proposed": True}]
BLOCK = "  # --- proposed by `policykb import a.txt` ---\n  - name: 某市发改委\n    aliases: []\n    kind: 市县部门\n    level: 市\n    proposed: true\n"


def _units(text: str) -> list[str]:
    return [u["name"] for u in yaml.safe_load(text)["units"]]


def test_an_empty_list_in_brackets_becomes_the_list_the_units_join():
    """`policykb init --empty` writes `units: []`: items appended under it were not YAML."""
    head = "# yaml-language-server: $schema=schemas/units.schema.json\n"
    text = with_units(head + "units: []\n", BLOCK, NEW)
    assert _units(text) == ["某市发改委"] and text.startswith(head) and "# --- proposed by" in text


def test_a_block_list_keeps_its_comments_and_gets_the_items_after_it():
    text = "units:\n  # 省直部门\n  - name: 省财政厅  # 原名\n    kind: 省直部门\n"
    done = with_units(text, BLOCK, NEW)
    assert done.startswith(text) and _units(done) == ["省财政厅", "某市发改委"]


def test_a_list_in_brackets_with_units_is_rewritten_whole_not_left_unreadable():
    text = "units: [{name: 省财政厅, kind: 省直部门}]\n"
    assert _units(with_units(text, BLOCK, NEW)) == ["省财政厅", "某市发改委"]


def test_init_empty_then_import_gives_a_knowledge_base_that_checks(tmp_path):
    """The first thing a new office does: a knowledge base of its own, then its first document."""
    source = tmp_path / "分工.txt"
    source.write_text("岳阳市人民政府办公室关于印发2024年重点工作任务分工方案的通知\n"
                      "岳政办发〔2024〕3号\n各县（市、区）人民政府，市直各单位：\n现将方案印发给你们，请认真贯彻落实。\n"
                      "岳阳市人民政府办公室\n2024年3月1日\n"
                      "1.推进项目审批改革。（市发改委牵头，市财政局、市住建局配合）\n"
                      "2.完善社会救助制度。（市民政局负责）\n", encoding="utf-8")
    run = lambda *args, cwd: subprocess.run([sys.executable, "-m", "policykb", *args], cwd=cwd, capture_output=True,
                                            text=True, timeout=300, env={"PYTHONPATH": str(ROOT / "src"),
                                                                         "PATH": "/usr/bin:/bin"})
    assert run("init", "--empty", "kb", cwd=tmp_path).returncode == 0
    done = run("import", str(source), cwd=tmp_path / "kb")
    assert done.returncode == 0, done.stderr
    check = run("check", cwd=tmp_path / "kb")
    assert "yaml-syntax" not in check.stderr and check.returncode == 0, check.stderr
    assert {"岳阳市发改委", "岳阳市财政局", "岳阳市民政局"} <= set(_units((tmp_path / "kb" / "policies" / "units.yaml").read_text(encoding="utf-8")))
