"""Measure the importer on the corpus: leads, participants in the right role, documents imported,
junk names, and how often a guess at each confidence level is right (the review's calibration).

    python tests/measure_ingest.py [tests/corpus]

Reads tests/corpus/corpus.yaml (never the held-out part unless its folder is given). A task's truth is
its lead list (`leads`: the first lead of each task) and, where written, `participants`.
"""
from __future__ import annotations

import re
import shutil
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from policykb.ingest import ImportFailed, import_file  # noqa: E402
from policykb.ingest.unitnames import looks_like_unit  # noqa: E402

_TASK_LINE = re.compile(r"^\[任务 (\d+)\].*?置信度 ([\d.]+)")


def _tasks(folder: Path) -> list[dict]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((folder / "tasks").glob("*.yaml"))]


def measure(corpus: Path) -> dict:
    manifest = yaml.safe_load((corpus / "corpus.yaml").read_text(encoding="utf-8"))["documents"]
    figures = {"documents": len(manifest), "imported": 0, "leads": 0, "leads_right": 0, "tasks_truth": 0,
               "tasks_read": 0, "participants": 0, "participants_right": 0, "junk": [], "refused": []}
    calibration: dict[float, list[bool]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base"
        shutil.copytree(ROOT / "policies", base, ignore=shutil.ignore_patterns("tracking"))
        for entry in manifest:
            kb = Path(tmp) / entry["file"]
            shutil.copytree(base, kb)
            truth_leads = entry.get("leads") or []
            figures["tasks_truth"] += len(truth_leads)
            try:
                result = import_file(corpus / entry["file"], kb, "doc", entry.get("import_date"))
            except ImportFailed as failed:
                figures["refused"].append(f"{entry['file']}: {failed.message}")
                continue
            figures["imported"] += 1
            tasks = _tasks(result.folder)
            figures["tasks_read"] += len(tasks)
            review = (result.folder / "import-review.txt").read_text(encoding="utf-8").splitlines()
            confidence = {int(m[1]): float(m[2]) for line in review if (m := _TASK_LINE.match(line))}
            truth_parts = entry.get("participants")
            for i, want in enumerate(truth_leads):
                got = tasks[i] if i < len(tasks) else None
                right = bool(got and got["lead"] and got["lead"][0] == want)
                figures["leads"] += 1
                figures["leads_right"] += right
                if got is not None:
                    calibration[confidence.get(got["number"], 0.0)].append(right)
                if truth_parts is not None and i < len(truth_parts):
                    for name in truth_parts[i] or []:
                        figures["participants"] += 1
                        figures["participants_right"] += bool(got and name in got.get("participants", []))
            for t in tasks:
                for name in t["lead"] + t.get("participants", []):
                    if not looks_like_unit(name):
                        figures["junk"].append(f"{entry['file']}: {name}")
    figures["calibration"] = {c: (sum(v), len(v)) for c, v in sorted(calibration.items())}
    return figures


def report(figures: dict) -> str:
    lines = [f"documents imported: {figures['imported']}/{figures['documents']}",
             f"tasks read: {figures['tasks_read']} (truth lists {figures['tasks_truth']})",
             f"leads right: {figures['leads_right']}/{figures['leads']}"
             f" = {100 * figures['leads_right'] / max(figures['leads'], 1):.1f} %"]
    if figures["participants"]:
        lines.append(f"participants in the right role: {figures['participants_right']}/{figures['participants']}"
                     f" = {100 * figures['participants_right'] / figures['participants']:.1f} %")
    lines.append(f"junk names: {len(figures['junk'])}" + "".join(f"\n  {j}" for j in figures["junk"][:20]))
    lines += [f"refused: {r}" for r in figures["refused"]]
    lines.append("confidence  right/guesses")
    lines += [f"  {c:.2f}      {r}/{n} = {100 * r / n:.0f} %" for c, (r, n) in figures["calibration"].items()]
    return "\n".join(lines)


if __name__ == "__main__":
    print(report(measure(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "corpus")))
