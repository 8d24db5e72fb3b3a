"""`policykb serve`: the site on a local address, rebuilt and reloaded when a policy file changes."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

from conftest import FIXTURES, ROOT


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def _wait_for(predicate, seconds: float = 120):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            found = predicate()
            if found:
                return found
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError("timed out")


def test_serve_rebuilds_after_an_edit(tmp_path):
    shutil.copytree(FIXTURES / "tiny", tmp_path / "policies")
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([sys.executable, "-m", "policykb", "serve", "--port", str(port), "--as-of", "2016-07-01"],
                              cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}/"
        home = _wait_for(lambda: _get(base + "index.html"))
        assert "livereload" in home  # the server injects its reload script
        task = tmp_path / "policies" / "demo-2016" / "tasks" / "001.yaml"
        text = task.read_text(encoding="utf-8")
        url = base + "demo-2016/tasks/1.html"
        assert "实时预览的修改" not in _get(url)
        task.write_text(text.replace("text: 创新发展", "text: 实时预览的修改，创新发展"), encoding="utf-8")
        _wait_for(lambda: "实时预览的修改" in _get(url))
    finally:
        server.terminate()
        out, err = server.communicate(timeout=30)
    assert "Traceback" not in err, err
    assert "网站已更新" in out


def test_serve_into_the_project_is_refused_and_deletes_nothing(tmp_path):
    """`serve -o .` would swap the preview in for the project itself (issue 26's rule for every -o)."""
    shutil.copytree(FIXTURES / "tiny", tmp_path / "policies")
    (tmp_path / "notes.txt").write_text("mine\n", encoding="utf-8")
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_MKDOCS_2_WARNING": "1"}
    run = subprocess.run([sys.executable, "-m", "policykb", "serve", "-o", ".", "--port", str(_free_port())],
                         cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 1 and "output-not-ours" in run.stderr and "Traceback" not in run.stderr, run.stderr
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before
