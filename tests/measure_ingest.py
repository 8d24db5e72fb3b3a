"""Measure the importer on the corpus: leads, participants in the right role, documents imported,
names not in the truth, and how often a guess at each confidence level is right (the review's calibration).

    python tests/measure_ingest.py [tests/corpus | tests/corpus/part3 ...]   # one part, or several pooled
    python tests/measure_ingest.py --part 1-30        # parts as bench/import_quality.py names them, pooled
    python tests/measure_ingest.py --part 31 --not-read   # also each task not read, and whether the review points at it
    python tests/measure_ingest.py --part 1-32 --confident   # also each reading marked confident, right or wrong

    python tests/measure_ingest.py tests/corpus/holdout   # part 2, tuned on since 2026-12-04 (the folder keeps its name)
    python tests/measure_ingest.py tests/corpus/part41 --totals-only   # a held-out part: figures only, no document

Reads the folder's manifest: tests/corpus/corpus.yaml, or the one .yaml of a part's folder (part3/part3.yaml,
holdout/holdout.yaml). The newest part (41) is held out: measure it with --totals-only (figures and calibration only).
A task's truth is its lead list (`leads`: the first lead of each task, matched by position) or its `tasks` entry
(matched by its text fragment, as the bench does) with, where written, `participants`. Names
are compared exactly (so its leads and participants are the bench's strict figures, and its names not in the
truth count every use, placed names such as 「长沙市财政局」 for 「市财政局」 included; the bench's junk names
are the distinct names no unit of the truth matches, places allowed), up to the width of their characters
(「县(市、区)」 is 「县（市、区）」), spaces and a page's pinyin glosses (「城鄉(xiāng)」 is 「城鄉」), as
bench/import_quality.py compares them.
"""
from __future__ import annotations

import datetime as dt
import re
import shutil
import sys
import tempfile
import unicodedata
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from policykb.ingest import ImportFailed, import_file  # noqa: E402
from policykb.ingest.readers import read  # noqa: E402
from policykb.ingest.confidence import CONFIDENT  # noqa: E402
from policykb.ingest.unitnames import looks_like_unit  # noqa: E402
from policykb.textrules import PINYIN_GLOSS  # noqa: E402

def _norm(names) -> set[str]:
    """Names as bench/import_quality.py compares them: widths alike, no spaces, no pinyin glosses (a site's reading
    aid, kept in a name as the page writes it; the truth writes the name alone)."""
    return {PINYIN_GLOSS.sub("", re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(n)))) for n in names or []}


_TASK_LINE = re.compile(r"^\[任务 (\d+)\].*?置信度 ([\d.]+)")


def _tasks(folder: Path) -> list[dict]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((folder / "tasks").glob("*.yaml"))]


def _truth(entry: dict) -> list[dict]:
    """Per task: lead, participants (guides take part too), leaders, own number; from tasks: or leads:."""
    if entry.get("tasks"):
        return [{"lead": t["lead"], "participants": (t.get("participants") or []) + (t.get("guides") or []),
                 "leaders": t.get("leaders") or [], "n": t.get("n"), "text": t["text"]} for t in entry["tasks"]]
    return [{"lead": [lead], "participants": None, "leaders": [], "n": None} for lead in entry.get("leads") or []]


def _match(want: dict, tasks: list[dict], taken: set[int]) -> dict | None:
    """The imported task holding the truth's text fragment (the first with a lead), as bench/import_quality.py
    finds it: a task read out of order, or one missed, does not shift the others."""
    anchor = next(iter(_norm([want["text"]])))
    found = [i for i, t in enumerate(tasks) if i not in taken and anchor in next(iter(_norm([t.get("text", "")])))]
    index = next((i for i in found if tasks[i]["lead"]), found[0] if found else None)
    if index is None:
        return None
    taken.add(index)
    return tasks[index]


def _unread_places(review: list[str]) -> set[str]:
    """Where the review's 「[未读取] 第12行：…」 lines point: the paragraphs it asks a person to read for units."""
    return {m[1] for line in review if (m := re.match(r"^\[未读取\] (.+?)：", line))}


def _holds(block, want: dict) -> bool:
    return next(iter(_norm([want["text"]]))) in next(iter(_norm([block.text])))


def measure(corpus: Path) -> dict:
    path = corpus / "corpus.yaml" if (corpus / "corpus.yaml").is_file() else next(corpus.glob("*.yaml"))
    manifest = yaml.safe_load(path.read_text(encoding="utf-8"))["documents"]
    figures = {"documents": len(manifest), "imported": 0, "leads": 0, "leads_right": 0, "tasks_truth": 0,
               "tasks_read": 0, "participants": 0, "participants_right": 0, "participants_as_lead": 0,
               "unknown_names": [], "refused": [], "issuer_right": 0, "issuer_flagged": 0, "date_right": 0,
               "misread": [], "asked_for_date": 0,
               "not_read": 0, "not_read_listed": 0, "not_read_items": [], "confident_items": [], "unread_lines": 0, "unread_holding_a_task": 0}
    calibration: dict[float, list[bool]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base"
        shutil.copytree(ROOT / "policies", base, ignore=shutil.ignore_patterns("tracking"))
        for entry in manifest:
            kb = Path(tmp) / entry["file"].replace("/", "_")
            shutil.copytree(base, kb)
            truth = _truth(entry)
            figures["tasks_truth"] += len(truth)
            try:
                try:
                    result = import_file(corpus / entry["file"], kb, "doc", entry.get("import_date"))
                except ImportFailed as failed:  # a text with no date of its own: the date is asked for, given
                    if failed.code != "import-no-date":
                        raise
                    figures["asked_for_date"] += 1
                    result = import_file(corpus / entry["file"], kb, "doc", dt.date(2000, 1, 1))
            except ImportFailed as failed:
                figures["refused"].append(f"{entry['file']}: {failed.message}")
                figures["leads"] += len(truth)
                continue
            figures["imported"] += 1
            tasks = _tasks(result.folder)
            document = yaml.safe_load((result.folder / "document.yaml").read_text(encoding="utf-8"))
            figures["tasks_read"] += len(tasks)
            review = (result.folder / "import-review.txt").read_text(encoding="utf-8").splitlines()
            confidence = {int(m[1]): float(m[2]) for line in review if (m := _TASK_LINE.match(line))}
            unread = _unread_places(review)
            paragraphs = read(corpus / entry["file"]).blocks if unread else []
            figures["unread_lines"] += len(unread)
            figures["unread_holding_a_task"] += sum(
                any(_holds(b, t) for b in paragraphs if b.where == where for t in truth if t.get("text"))
                for where in unread)
            if isinstance(entry.get("issuer"), list):
                figures["issuer_right"] += document["issuers"] == entry["issuer"]
                figures["issuer_flagged"] += document["issuers"] != entry["issuer"] and any("[待补] 发文机关" in r for r in review)
            figures["date_right"] += document["date"] == entry["date"] or document["date"] == dt.date(2000, 1, 1)
            known = _norm(n for t in truth for n in t["lead"] + (t["participants"] or []))
            taken: set[int] = set()
            for i, want in enumerate(truth):
                got = _match(want, tasks, taken) if want.get("text") else tasks[i] if i < len(tasks) else None
                if got is None and want.get("text"):  # a task not read: does the review point at it?
                    figures["not_read"] += 1
                    listed = any(_holds(b, want) for b in paragraphs if b.where in unread)
                    figures["not_read_listed"] += listed
                    figures["not_read_items"].append(f"{entry['file']}: {'listed' if listed else 'NOT listed'}: "
                                                     f"{want['text']}")
                lead_right = bool(got and _norm(got["lead"]) == _norm(want["lead"]))
                if want["participants"] is None:  # the first corpus: the first lead only
                    lead_right = bool(got and got["lead"] and _norm(got["lead"][:1]) == _norm(want["lead"][:1]))
                figures["leads"] += 1
                figures["leads_right"] += lead_right
                right = lead_right
                for name in want["participants"] or []:
                    figures["participants"] += 1
                    hit = bool(got and _norm([name]) <= _norm(got.get("participants")))
                    figures["participants_right"] += hit
                    figures["participants_as_lead"] += bool(got and _norm([name]) <= _norm(got["lead"]))
                    right &= hit
                if want["participants"] is not None and got:
                    right &= _norm(got.get("participants")) <= _norm(want["participants"])
                if got is not None:
                    level = confidence.get(got["number"], 0.0)
                    calibration[level].append(right)
                    if level >= CONFIDENT:
                        figures["confident_items"].append(f"{entry['file']} task {i + 1} ({level}, "
                                                          f"{'right' if right else 'WRONG'}): {got['lead']}/"
                                                          f"{got.get('participants')}")
                    if not right:
                        figures["misread"].append(f"{entry['file']} task {i + 1} (置信度 {level}): "
                                                  f"{got['lead']}/{got.get('participants')} want {want['lead']}/"
                                                  f"{want['participants']}")
            if known:
                for t in tasks:
                    for name in t["lead"] + t.get("participants", []):
                        if not _norm([name]) <= known and not looks_like_unit(name):
                            figures["unknown_names"].append(f"{entry['file']}: {name} (not shaped like a unit)")
                        elif not _norm([name]) <= known and entry.get("tasks"):
                            figures["unknown_names"].append(f"{entry['file']}: {name}")
    figures["calibration"] = {c: (sum(v), len(v)) for c, v in sorted(calibration.items())}
    return figures


def report(figures: dict, totals_only: bool = False) -> str:
    """The figures; with totals_only, no document's name, task or unit (a held-out part is measured so)."""
    lines = [f"documents imported: {figures['imported']}/{figures['documents']}",
             f"tasks read: {figures['tasks_read']} (truth lists {figures['tasks_truth']})",
             f"tasks whose leads are right, exact names: {figures['leads_right']}/{figures['leads']}"
             f" = {100 * figures['leads_right'] / max(figures['leads'], 1):.1f} %"]
    if figures["participants"]:
        lines.append(f"participants in the right role, exact names: {figures['participants_right']}/{figures['participants']}"
                     f" = {100 * figures['participants_right'] / figures['participants']:.1f} %")
    lines.append(f"issuer right: {figures['issuer_right']}, wrong but flagged: {figures['issuer_flagged']}; "
                 f"date right or asked for: {figures['date_right']}/{figures['imported']} "
                 f"(asked for: {figures['asked_for_date']})")
    lines.append(f"tasks not read: {figures['not_read']}, of them pointed at by the review's [未读取] lines: "
                 f"{figures['not_read_listed']}; [未读取] lines: {figures['unread_lines']}, "
                 f"of them holding a task of the truth: {figures['unread_holding_a_task']}")
    unknown, misread = ([], []) if totals_only else (figures["unknown_names"][:30], figures["misread"][:40])
    if "--not-read" in sys.argv and not totals_only:
        lines += [f"  {item}" for item in figures["not_read_items"]]
    if "--confident" in sys.argv and not totals_only:
        lines += [f"  {item}" for item in figures["confident_items"]]
    unshaped = sum(n.endswith("(not shaped like a unit)") for n in figures["unknown_names"])
    lines.append(f"names not in the truth, each use, exact spelling: {len(figures['unknown_names'])} "
                 f"(not shaped like a unit: {unshaped})" + "".join(f"\n  {n}" for n in unknown))
    lines.append(f"misread tasks: {len(figures['misread'])}" + "".join(f"\n  {m}" for m in misread))
    lines += [f"refused: {len(figures['refused'])}"] if totals_only else [f"refused: {r}" for r in figures["refused"]]
    lines.append("confidence  right/guesses")
    lines += [f"  {c:.2f}      {r}/{n} = {100 * r / n:.0f} %" for c, (r, n) in figures["calibration"].items()]
    confident = [(r, n) for c, (r, n) in figures["calibration"].items() if c >= CONFIDENT]
    right, guesses = sum(r for r, _ in confident), sum(n for _, n in confident)
    lines.append(f"confident (>= {CONFIDENT}): {right}/{guesses} right"
                 + (f" = {100 * right / guesses:.1f} %" if guesses else ""))
    return "\n".join(lines)


def pooled(parts: list[dict]) -> dict:
    """Several parts' figures as one: counts added, lists joined, each confidence level's guesses added."""
    out: dict = {}
    for figures in parts:
        for key, value in figures.items():
            if key == "calibration":
                levels = out.setdefault(key, {})
                for level, (right, guesses) in value.items():
                    had = levels.get(level, (0, 0))
                    levels[level] = (had[0] + right, had[1] + guesses)
            else:
                out[key] = out[key] + value if key in out else value
    out["calibration"] = dict(sorted(out.get("calibration", {}).items()))
    return out


def _folders(argv: list[str]) -> list[Path]:
    """The folders named, or those of `--part SPEC` as the bench names parts (「1-30」, 「all」: every part tuned on)."""
    if "--part" in argv:
        import importlib.util
        spec = importlib.util.spec_from_file_location("import_quality", ROOT / "bench" / "import_quality.py")
        bench = sys.modules["import_quality"] = importlib.util.module_from_spec(spec)  # (its dataclasses look it up)
        spec.loader.exec_module(bench)
        return [bench.MANIFESTS[p].parent for p in bench.parts_of(argv[argv.index("--part") + 1])]
    return [Path(a) for a in argv if not a.startswith("--")] or [ROOT / "tests" / "corpus"]


if __name__ == "__main__":
    print(report(pooled([measure(folder) for folder in _folders(sys.argv[1:])]), "--totals-only" in sys.argv))
