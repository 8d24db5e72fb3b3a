"""Issues as GitHub Actions workflow commands, so CI shows them on the changed lines.

    policykb check --format json | python -m policykb.annotations
prints `::error file=…,line=…,col=…,title=…::message` per issue and exits 1 when there are errors.
"""
from __future__ import annotations

import json
import sys
from typing import Iterable


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def github(issues: Iterable[dict]) -> list[str]:
    """One workflow command per issue (dicts as in `Report.to_json()`)."""
    lines = []
    for i in issues:
        level = "error" if i["severity"] == "error" else "warning"
        message = i["message"] + (f"\nhint: {i['hint']}" if i.get("hint") else "")
        where = f"file={_prop(i['file'])},line={max(i['line'], 1)},col={max(i['col'], 1)}"
        lines.append(f"::{level} {where},title={_prop(i['code'])}::{_data(message)}")
    return lines


def main() -> int:
    report = json.load(sys.stdin)
    for line in github(report["issues"]):
        print(line)
    return 1 if report["errors"] else 0


def github_report(report) -> str:
    """A policykb.issues.Report as workflow commands (for `policykb check --format github`)."""
    return "\n".join(github(json.loads(report.to_json())["issues"]))


if __name__ == "__main__":
    sys.exit(main())
