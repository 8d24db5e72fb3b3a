"""Policy versions: diff names the changed tasks, the units concerned and whose letters to reissue."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from typer.testing import CliRunner

from policykb.cli import app
from policykb.track import versions

from conftest import DOC, POLICIES

GIT = ["git", "-c", "user.name=test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]


def _git(repo: Path, *args: str) -> str:
    return subprocess.run([*GIT, "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def make_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    shutil.copytree(POLICIES, repo / "policies")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "first version")
    folder = repo / "policies" / DOC
    _edit(folder / "tasks" / "012.yaml", "lead:\n  - 省教育厅\n", "lead:\n  - 省财政厅\n")
    _edit(folder / "tasks" / "012.yaml", "participants:\n  - 省财政厅\n", "participants:\n  - 省教育厅\n")
    _edit(folder / "tasks" / "069.yaml", "力争2016年发放小额信贷60亿元", "力争2016年发放小额信贷80亿元")
    _edit(folder / "indicators.yaml", "    value: 60\n    unit: 亿元\n    year: 2016\n",
          "    value: 80\n    unit: 亿元\n    year: 2016\n")
    _git(repo, "commit", "-qam", "second version")
    (repo / "README.md").write_text("not a policy change\n", encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "docs only")
    return repo


def test_diff_names_tasks_and_units(tmp_path):
    repo = make_repo(tmp_path)
    result = CliRunner().invoke(app, ["diff", "HEAD~2", "HEAD~1", "--format", "json", "-p", str(repo / "policies")])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    tasks = {c["key"]: c for c in data["changes"] if c["kind"] == "task"}
    assert sorted(tasks) == [12, 69]
    assert tasks[12]["fields"]["lead"] == {"old": ["省教育厅"], "new": ["省财政厅"]}
    assert set(tasks[12]["fields"]) == {"lead", "participants"}
    assert set(tasks[69]["fields"]) == {"text"}
    [indicator] = [c for c in data["changes"] if c["kind"] == "indicator"]
    assert indicator["key"] == "microcredit-2016" and indicator["fields"]["value"] == {"old": 60.0, "new": 80.0}
    assert {"省教育厅", "省财政厅", "省扶贫办", "省农村信用联社"} <= set(data["affected_units"])
    assert data["reissue_letters"] == data["affected_units"]
    assert "省民政厅" not in data["affected_units"]


def test_diff_text_and_library(tmp_path):
    repo = make_repo(tmp_path)
    result = CliRunner().invoke(app, ["diff", "HEAD~2", "HEAD", "-p", str(repo / "policies")])
    assert result.exit_code == 0, result.output
    assert f"{DOC} 第12项更正" in result.output
    assert "牵头单位：省教育厅 → 省财政厅" in result.output
    assert "小额信贷[-6-]{+8+}0亿元" in result.output
    assert versions.diff(repo, "HEAD~1", "HEAD").changes == []
    log = versions.history(repo)
    assert [v.subject for v in log] == ["second version", "first version"]
    assert log[0].diff.changed_tasks(DOC) == [12, 69]
    assert len(log[1].diff.changes) == 1 and log[1].diff.changes[0].action == "added"


def test_diff_refuses_unknown_revision(tmp_path):
    repo = make_repo(tmp_path)
    result = CliRunner().invoke(app, ["diff", "nope", "HEAD", "-p", str(repo / "policies")])
    assert result.exit_code == 1 and "nope" in str(result.exception)


def test_a_change_of_the_members_a_task_names_reissues_their_letters(tmp_path):
    """第49项's members decide which 市州 get it in their letters: naming one more is a change to reissue."""
    repo = tmp_path / "repo"
    shutil.copytree(POLICIES, repo / "policies")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "first version")
    _edit(repo / "policies" / DOC / "tasks" / "049.yaml", "    娄底市: [新化县]\n", "")
    _git(repo, "commit", "-qam", "娄底市 no longer named")
    result = CliRunner().invoke(app, ["diff", "HEAD~1", "HEAD", "--format", "json", "-p", str(repo / "policies")])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    [task] = [c for c in data["changes"] if c["kind"] == "task"]
    assert task["key"] == 49 and set(task["fields"]) == {"members"}
    assert "娄底市" in task["fields"]["members"]["old"] and "娄底市" not in task["fields"]["members"]["new"]
    assert "娄底市" in data["reissue_letters"]


def test_a_reissue_is_asked_only_for_letters_that_read_differently(kb):
    """A correction that reaches no letter asks for none; one that does names exactly those recipients."""
    from policykb.track.reissue import changed_letters
    from policykb.track.versions import diff_kbs
    doc = kb.documents[DOC]
    assert changed_letters(kb, kb, set(doc.tasks[39].units)) == []
    # 第39项's text corrected: every letter carrying 第39项 changes, and no other
    task = doc.tasks[39].model_copy(update={"text": doc.tasks[39].text + "（更正）"})
    fixed = kb.model_copy(update={"documents": {DOC: doc.model_copy(update={"tasks": {**doc.tasks, 39: task}})}})
    diff = diff_kbs(kb, fixed)
    assert [c.label() for c in diff.changes] == ["第39项更正"]
    assert diff.reissue == sorted(doc.tasks[39].units)
    assert "责任书内容有变、需重新印发（9）" in "\n".join(diff.lines())


def test_history_takes_versions_worked_out_before_and_loads_only_new_ones(tmp_path, monkeypatch):
    """What a commit changed never changes: a second history() with the first one's versions loads no
    knowledge base, and after a new commit loads only the two it compares."""
    repo = make_repo(tmp_path)
    known: dict = {}
    first = versions.history(repo, known=known)
    assert len(first) == 2 and len(known) == 2

    loaded = []
    real = versions._Revisions.load
    monkeypatch.setattr(versions._Revisions, "load", lambda self, rev: loaded.append(rev) or real(self, rev))
    again = versions.history(repo, known=json.loads(json.dumps(known, default=str)))  # as stored on disk
    assert loaded == []
    assert [v.diff.to_json() for v in again] == [v.diff.to_json() for v in first]
    assert [(v.commit, v.date, v.diff.reissue) for v in again] == [(v.commit, v.date, v.diff.reissue) for v in first]

    _edit(repo / "policies" / DOC / "tasks" / "069.yaml", "80亿元", "90亿元")
    _git(repo, "commit", "-qam", "third version")
    newest = versions.history(repo, known=known)
    head, parent = _git(repo, "rev-parse", "HEAD", "HEAD~2").split()  # HEAD~1 touched README.md only
    assert sorted(loaded) == sorted([head, parent])
    assert newest[0].diff.changed_tasks() == [69] and len(newest) == 3 and len(known) == 3


def test_a_kept_version_that_is_not_what_to_json_wrote_is_worked_out_again(tmp_path):
    repo = make_repo(tmp_path)
    worked = versions.history(repo)
    kept: dict = {}
    versions.history(repo, known=kept)
    known = {key: {"commit": "x", "diff": {"changes": [{"kind": "task"}]}} for key in kept}  # damaged
    again = versions.history(repo, known=known)
    assert [v.diff.to_json() for v in again] == [v.diff.to_json() for v in worked]
    assert all(v["diff"]["changes"] and "fields" in v["diff"]["changes"][0] for v in known.values())


def test_revisions_read_one_after_another_are_the_revisions_read_alone(tmp_path):
    """The change log writes only what differs from the revision before: a file added, changed or
    removed (a document removed whole too) reads as the revision itself."""
    repo = make_repo(tmp_path)
    folder = repo / "policies" / DOC
    (folder / "tasks" / "095.yaml").unlink()
    _edit(folder / "tasks" / "094.yaml", "text: ", "text: 改")
    shutil.copytree(folder, repo / "policies" / "copy-of-it")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "third")
    shutil.rmtree(repo / "policies" / "copy-of-it")
    _git(repo, "commit", "-qam", "fourth")
    revs = _git(repo, "log", "--format=%H", "--", "policies").split()
    with versions._Revisions(repo, "policies") as revisions:
        walked = [revisions.load(rev) for rev in revs + revs[::-1]]
    alone = [versions.kb_at(repo, rev) for rev in revs + revs[::-1]]
    assert [versions.diff_kbs(a, w).changes for a, w in zip(alone, walked)] == [[]] * len(alone)
    assert [sorted(kb.documents) for kb in walked[:2]] == [[DOC], sorted([DOC, "copy-of-it"])]
