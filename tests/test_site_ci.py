"""CI for the people who run this, and docs that keep up with the CLI."""
from __future__ import annotations

import shutil
import subprocess

import pytest
import yaml

from conftest import ROOT
from policykb.annotations import github
from policykb.cli.site import commands

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"


def test_workflow_is_valid_against_the_github_schema():
    tool = shutil.which("check-jsonschema")
    if tool is None:
        pytest.skip("check-jsonschema not installed (pip install check-jsonschema)")
    done = subprocess.run([tool, "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_workflow_checks_builds_uploads_and_publishes():
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = flow[True]  # YAML 1.1 reads the key `on` as True
    for event in ("push", "pull_request"):
        for path in ("policies/**", "templates/**", "docs/**", "mkdocs.yml", "src/**", "pyproject.toml"):
            assert path in triggers[event]["paths"]
    steps = flow["jobs"]["build"]["steps"]
    runs = " ".join(s.get("run", "") for s in steps)
    assert "policykb check --format github" in runs
    assert "policykb -v build" in runs  # -v: the log names reused and redrawn files per stage
    assert "libreoffice" not in runs  # the build writes .docx; LibreOffice is for --pdf and the tests
    cache = [s for s in steps if s.get("uses", "").startswith("actions/cache")]
    assert cache and cache[0]["with"]["path"] == "build" and "restore-keys" in cache[0]["with"]
    assert steps.index(cache[0]) < next(i for i, s in enumerate(steps) if "build --as-of" in s.get("run", ""))
    assert ".ci/run" in " ".join(s.get("run", "") for s in flow["jobs"]["test"]["steps"])
    assert flow["jobs"]["windows"]["runs-on"].startswith("windows")
    uploads = {s["with"]["name"] for s in steps if s.get("uses", "").startswith("actions/upload-artifact")}
    assert {"letters", "maps"} <= uploads
    assert any(s.get("uses", "").startswith("actions/upload-pages-artifact") for s in steps)
    assert flow["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages")


def test_github_annotations_point_at_file_line_col():
    issue = {"file": "policies/d/tasks/069.yaml", "line": 7, "col": 5, "code": "unknown-unit",
             "message": "'lead' 中有未知单位 '省扶贫ban'", "severity": "error", "hint": "是不是 '省扶贫办'？"}
    warning = dict(issue, severity="warning", line=0, col=0, hint=None, message="100% done, a:b")
    assert github([issue, warning]) == [
        "::error file=policies/d/tasks/069.yaml,line=7,col=5,title=unknown-unit::"
        "'lead' 中有未知单位 '省扶贫ban'%0Ahint: 是不是 '省扶贫办'？",
        "::warning file=policies/d/tasks/069.yaml,line=1,col=1,title=unknown-unit::100%25 done, a:b",
    ]


def test_every_command_is_documented_in_the_guide():
    """The guide's reference page is the command tree's help, word for word: an option's help changed in code and
    not in the page would leave cadres reading the old meaning."""
    from policykb.cli.site import cli_reference
    page = (ROOT / "docs" / "guide" / "cli.md").read_text(encoding="utf-8")
    missing = [name for name, cmd in commands().items()
               if f"## policykb {name}\n" not in page or (cmd.help or "").strip().split("\n\n")[0] not in page]
    assert not missing, f"undocumented: {missing}; run `PYTHONPATH=src python -m policykb.cli.site > docs/guide/cli.md`"
    assert page == cli_reference(), "stale; run `PYTHONPATH=src python -m policykb.cli.site > docs/guide/cli.md`"


def test_every_command_has_chinese_help():
    for name, cmd in commands().items():
        assert cmd.help and any("\u4e00" <= c <= "\u9fff" for c in cmd.help), name


def test_site_command_reports_a_missing_configuration(tmp_path):
    import os
    import sys
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    done = subprocess.run([sys.executable, "-m", "policykb", "site", "-o", str(tmp_path / "site"),
                           "--config", str(tmp_path / "nope.yml"), "-p", str(ROOT / "policies")],
                          capture_output=True, text=True, env=env, cwd=tmp_path)
    assert done.returncode == 1
    assert "error[not-found]: 找不到网站设置" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "site").exists()


def test_check_prints_github_annotations(tmp_path):
    """`policykb check --format github` marks the file and line of each problem for CI."""
    import shutil
    from typer.testing import CliRunner
    from policykb.cli import app
    from conftest import FIXTURES
    kb = tmp_path / "kb"
    shutil.copytree(FIXTURES / "tiny", kb)
    task = kb / "demo-2016" / "tasks" / "001.yaml"
    task.write_text(task.read_text(encoding="utf-8").replace("  - 省扶贫办", "  - 省扶贫ban", 1), encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "-p", str(kb), "--format", "github"])
    assert result.exit_code == 1
    assert any(line.startswith("::error file=") and "001.yaml,line=" in line and "title=unknown-unit" in line
               for line in result.output.splitlines())
