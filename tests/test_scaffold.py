"""`policykb init` writes a .gitignore that keeps a build and what an interrupted command leaves out of git."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from policykb.scaffold import init

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _ignored(folder, names: list[str]) -> set[str]:
    done = subprocess.run(["git", "check-ignore", "--no-index", *names], cwd=folder, capture_output=True, text=True)
    return set(done.stdout.split())


def test_leftovers_of_interrupted_commands_are_ignored_and_policies_are_not(tmp_path):
    init(tmp_path / "kb", empty=True)
    subprocess.run(["git", "init", "-q"], cwd=tmp_path / "kb", check=True)
    leftovers = ["build/site/index.html", ".build.lock", ".tracking.lock", ".policykb-cache/x",
                 "policies/doc/tasks/.001.yaml.k3j2.tmp", "build/.letters.new.4242-ab12/x.docx",
                 "policies/.import-4242-ab12.tmp/document.yaml", "tracking/.tracking-journal.json"]
    kept = ["policies/doc/document.yaml", "policies/doc/tasks/001.yaml", "tracking/progress.yaml"]
    assert _ignored(tmp_path / "kb", leftovers + kept) == set(leftovers)


def test_site_templates_come_from_the_package_unless_the_knowledge_base_has_its_own_copy(tmp_path):
    """init copies the letter template but no page template: an upgrade reaches every page nobody changed, and a
    page an office copied into templates/site/ is its own."""
    from policykb import paths
    from policykb.render.site.build import site_templates
    from policykb.render.site.text import environment
    kb = tmp_path / "kb"
    init(kb, empty=True)
    assert (kb / "templates" / "letter.docx").is_file() and not (kb / "templates" / "site").exists()
    own = kb / "templates" / "site" / "task.md.j2"
    own.parent.mkdir()
    own.write_text("# 本局自己的任务页 {{ task.number }}\n", encoding="utf-8")
    env = environment(*site_templates(kb / "templates"))
    assert env.get_template("task.md.j2").render(task={"number": 3}) == "# 本局自己的任务页 3\n"
    packaged = paths.packaged(paths.TEMPLATES) / "site" / "unit.md.j2"
    assert env.get_template("unit.md.j2").filename == str(packaged)
