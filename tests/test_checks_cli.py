"""`policykb check` as CI and editors use it: JSON output, --strict, exit status."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from test_checks_broken import BROKEN, overlay

from conftest import FIXTURES, ROOT


def _check(where: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "policykb", "check", "-p", "kb", *args], cwd=where, env=env,
                          capture_output=True, text=True, timeout=120)


def test_json_report(tmp_path):
    overlay(BROKEN / "unknown-unit" / "typo", tmp_path)
    result = _check(tmp_path, "--format", "json")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    report = json.loads(result.stdout)
    assert report["errors"] == 1 and report["warnings"] == 0
    [issue] = report["issues"]
    assert issue == {"file": "kb/demo-2016/tasks/001.yaml", "line": 7, "col": 5, "code": "unknown-unit",
                     "message": "'lead' 中有未知单位 '省扶贫ban'", "severity": "error",
                     "hint": "是不是 '省扶贫办'？"}


def test_json_report_of_a_clean_kb(tmp_path):
    (tmp_path / "kb").symlink_to(FIXTURES / "tiny")
    result = _check(tmp_path, "--format", "json")
    assert result.returncode == 0
    assert json.loads(result.stdout) == {"errors": 0, "warnings": 0, "issues": []}


def test_strict_promotes_warnings(tmp_path):
    overlay(BROKEN / "number-mismatch" / "file-name", tmp_path)
    lenient = _check(tmp_path)
    assert lenient.returncode == 0
    assert "kb/demo-2016/tasks/005.yaml:1:9: warning[number-mismatch]: " in lenient.stderr
    assert "0 个错误，1 个警告" in lenient.stderr
    strict = _check(tmp_path, "--strict")
    assert strict.returncode == 1 and "warning[number-mismatch]" in strict.stderr
    strict_json = _check(tmp_path, "--strict", "--format", "json")
    assert strict_json.returncode == 1 and json.loads(strict_json.stdout)["warnings"] == 1


def test_unknown_format_is_a_usage_error(tmp_path):
    (tmp_path / "kb").symlink_to(FIXTURES / "tiny")
    result = _check(tmp_path, "--format", "xml")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "error[bad-format]: " in result.stderr and "json" in result.stderr


def _cli(where, *args):
    import os
    import subprocess
    import sys
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "policykb", *args], cwd=where, env=env, capture_output=True,
                          text=True, timeout=300)


def test_version_quiet_verbose_and_json(tmp_path):
    import json
    import re
    (tmp_path / "kb").symlink_to(FIXTURES / "tiny")
    assert re.fullmatch(r"policykb \S+\n", _cli(tmp_path, "--version").stdout)
    loud = _cli(tmp_path, "check", "-p", "kb")
    assert loud.returncode == 0 and loud.stderr == "" and "0 个错误，0 个警告" in loud.stdout
    quiet = _cli(tmp_path, "-q", "check", "-p", "kb")
    assert quiet.returncode == 0 and quiet.stdout == quiet.stderr == ""
    first = _cli(tmp_path, "build", "-p", "kb", "--only", "data", "--as-of", "2016-07-01", "--format", "json")
    assert first.returncode == 0 and first.stderr == "", first.stderr
    assert json.loads(first.stdout)["stages"]["data"]["seconds"] >= 0
    again = _cli(tmp_path, "-v", "build", "-p", "kb", "--only", "data", "--as-of", "2016-07-01")
    assert again.returncode == 0 and again.stderr == ""
    assert "data：未变，跳过" in again.stdout and "输入没有变化" in again.stdout
    both = _cli(tmp_path, "-q", "-v", "check", "-p", "kb")
    assert both.returncode == 2 and "Traceback" not in both.stderr


def test_build_errors_as_json(tmp_path):
    import json
    import shutil
    shutil.copytree(FIXTURES / "tiny", tmp_path / "kb")
    task = tmp_path / "kb" / "demo-2016" / "tasks" / "001.yaml"
    task.write_text(task.read_text(encoding="utf-8").replace("  - 省扶贫办", "  - 省扶贫ban"), encoding="utf-8")
    done = _cli(tmp_path, "build", "-p", "kb", "--format", "json")
    assert done.returncode == 1
    issues = json.loads(done.stdout)
    assert "unknown-unit" in json.dumps(issues, ensure_ascii=False)
    assert not (tmp_path / "build").exists()
