"""The site's change log on a knowledge base kept in git: what a build spends saying what each commit changed.

    python bench/history.py 10        # the 10x corpus, committed, then eleven commits of one task each

bench/run.py's corpora are not in git, so its one-task figures leave this out; an office's repository is
in git. Prints, per corpus: the seconds to work out the ten versions the change log shows, and to take
them from what the last build kept (what every later build does).
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

GIT = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.invalid", "-c", "commit.gpgsign=false"]
EDITS = 11  # the change log shows ten versions; the eleventh commit is the one the first is compared with


def _git(repo: Path, *args: str) -> None:
    subprocess.run([*GIT, "-C", str(repo), *args], check=True, capture_output=True)


def measure(factor: int, repo: Path) -> dict:
    from corpus import DOC, generate
    from policykb.render.site.files import REISSUE_COMMITS
    from policykb.track import versions
    generate(factor, repo / "policies")
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "corpus")
    tasks = sorted((repo / "policies" / DOC / "tasks").glob("*.yaml"))
    for i, task in enumerate(tasks[:EDITS], 1):
        text = task.read_text(encoding="utf-8")
        task.write_text(text.replace("text: ", f"text: （修订{i}）", 1), encoding="utf-8")
        _git(repo, "commit", "-qam", f"edit {i}")
    known: dict = {}
    start = time.perf_counter()
    worked = versions.history(repo, limit=REISSUE_COMMITS, known=known)
    worked_s = time.perf_counter() - start
    kept = json.loads(json.dumps(known, default=str))  # as the site's folder keeps them
    start = time.perf_counter()
    taken = versions.history(repo, limit=REISSUE_COMMITS, known=kept)
    taken_s = time.perf_counter() - start
    assert [v.diff.to_json() for v in taken] == [v.diff.to_json() for v in worked]
    return {"factor": factor, "versions": len(worked), "worked_out_s": round(worked_s, 3), "kept_s": round(taken_s, 3)}


def main() -> None:
    for factor in [int(a) for a in sys.argv[1:]] or [1, 10]:
        with tempfile.TemporaryDirectory() as tmp:
            print(json.dumps(measure(factor, Path(tmp))), flush=True)


if __name__ == "__main__":
    main()
