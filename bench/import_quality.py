"""Import quality on the corpus of real documents: what `policykb import` reads right, against hand-written truth.

    PYTHONPATH=src python bench/import_quality.py [--part 1|2|...|41|1-22|all] [--by-part] [--jobs N] [--json] [--save]
                                                  [--totals-only] [--only FILE ...]

Part 1 is tests/corpus/corpus.yaml, part 2 tests/corpus/holdout/holdout.yaml (held out until 2026-12-04, tuned on
since; the folder keeps its name), part 3 tests/corpus/part3/part3.yaml, part 4 tests/corpus/part4/part4.yaml
(collected blind, measured blind three times on 2026-12-04, then opened), part 5 tests/corpus/part5/part5.yaml (the
same, measured blind twice, then opened), parts 6 to 19 tests/corpus/part6/ … part19/ (the same; 15 opened on
2026-12-05 when part 17 was collected, 16 when part 18 was, 17 when part 19 was, 18 on 2026-12-06 when part 20 was,
19 later that day when part 21 was, 20 and 21 when part 22 was collected, 22 when part 23 was being collected, 23 when
part 24 was collected, 24 when part 25 was collected, 25 when part 26 was collected, 26 when part 27 was
collected, 27 when part 28 was collected, 28 when part 29 was collected, 29 when part 30 was collected, 30 when part 31 was collected, 31 when part 32 was collected, 32 when part 33 was collected, 33 when part 34 was being collected,
34 when part 35 was collected, 35 when part 36 was collected, 36 when part 37 was collected, 37 when part 38 was
collected, 38 when part 39 was collected, 39 when part 40 was collected, 40 when part 41 was collected); part 41,
tests/corpus/part41/part41.yaml, is held out (collected blind on 2026-12-08). Each part's truth
was written before any importer ran on it. The newest part is the blind one, collected by someone who has seen none
of the tuning: measure it only with --totals-only, once a change is finished, and report that figure.
--totals-only prints no per-document line: the way to measure a blind part without looking at its documents.
--part takes one part, a range (1-22) or all (every part tuned on: all but the held-out one, which is measured only
by its number); --by-part prints a line of figures per part and the parts pooled, no document's line (how the notes
give "parts 1-22 pooled"). --jobs measures that many documents at once (default: one per CPU). Each
document is imported into its own copy of the bundled knowledge base (as tests/test_ingest.py does), then compared with its truth:

- imported: not refused (a refusal asking only for --date is retried with a placeholder date and counted as
  the date being flagged); an exception inside the importer counts as refused (code crash) and the run goes on;
- tasks: truth tasks found (an imported task whose text contains the truth's text fragment), and extra tasks;
- leads: a task's lead set right, leniently (a unit written without its place, 区发改局 for 立山区发改局, counts)
  and strictly (exactly the qualified name);
- participants in the right role: truth participants (and guides, which the model keeps as participants) found
  among the task's participants; those read as leads are counted apart;
- lead modes: single/separate/joint against the task's lead_mode (first/separate/joint);
- junk names: names the import put in a lead or participant role that are no unit of the truth (people count);
- issuer and date: right, or flagged in the review (a review line naming 发文机关 / 成文日期 with a confidence
  below 0.8 or a word such as 未找到、待核、请核对), or wrong;
- own numbers kept (a task's number, or where the document numbers afresh under each heading, its label: the number
  as written, 「二、（一）」), deadline phrases read (a task's own, or one the document sets for every task), leaders kept (where the import records them), where the truth has them;
- requirements (truth rule 1: demands on units in general in a document with a task division): found among the
  imported document's annex.requirements (a requirement whose text contains the truth's fragment; requirements_extra:
  imported requirement paragraphs that hold none), and how many
  were read as tasks instead. Their holders are in the truth for letters; the import records none to compare.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import sys
import tempfile
import unicodedata
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml

from policykb.ownnumbers import compact
from policykb.textrules import PINYIN_GLOSS

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
MANIFESTS = {"1": CORPUS / "corpus.yaml", "2": CORPUS / "holdout" / "holdout.yaml", "3": CORPUS / "part3" / "part3.yaml",
             "4": CORPUS / "part4" / "part4.yaml",  # part 4: collected blind on 2026-12-04, opened after three blind runs
             "5": CORPUS / "part5" / "part5.yaml",  # part 5: collected blind on 2026-12-04, opened after two blind runs
             "6": CORPUS / "part6" / "part6.yaml",  # part 6: collected blind on 2026-12-04, opened after two blind runs
             "7": CORPUS / "part7" / "part7.yaml",  # part 7: collected blind on 2026-12-04, opened after its blind figures
             "8": CORPUS / "part8" / "part8.yaml",  # part 8: collected blind on 2026-12-04, opened after three blind runs
             "9": CORPUS / "part9" / "part9.yaml",  # part 9: collected blind on 2026-12-04, opened after two blind runs
             "10": CORPUS / "part10" / "part10.yaml",  # part 10: collected blind on 2026-12-04, opened after two blind runs
             "11": CORPUS / "part11" / "part11.yaml",  # part 11: collected blind on 2026-12-04, opened after two blind runs
             "12": CORPUS / "part12" / "part12.yaml",  # part 12: collected blind on 2026-12-04, opened after three blind runs
             "13": CORPUS / "part13" / "part13.yaml",  # part 13: collected blind on 2026-12-05, opened after five blind runs
             "14": CORPUS / "part14" / "part14.yaml",  # part 14: collected blind on 2026-12-05, opened after three blind runs
             "15": CORPUS / "part15" / "part15.yaml",  # part 15: collected blind on 2026-12-05, opened the same day
             "16": CORPUS / "part16" / "part16.yaml",  # part 16: collected blind on 2026-12-05, opened after its blind runs
             "17": CORPUS / "part17" / "part17.yaml",  # part 17: collected blind on 2026-12-05, opened after its blind runs (40.0 -> 42.2)
             "18": CORPUS / "part18" / "part18.yaml",  # part 18: collected blind on 2026-12-05, opened after its blind runs (26.7 -> 30.0)
             "19": CORPUS / "part19" / "part19.yaml",  # part 19: collected blind on 2026-12-05, opened after its blind runs (41.3 -> 43.5)
             "20": CORPUS / "part20" / "part20.yaml",  # part 20: collected blind on 2026-12-06, opened after its blind runs (42.9 -> 44.6)
             "21": CORPUS / "part21" / "part21.yaml",  # part 21: collected blind on 2026-12-06, opened after its blind runs (41.7, three times)
             "22": CORPUS / "part22" / "part22.yaml",  # part 22: collected blind on 2026-12-06, opened after its blind runs (50.0, three times)
             "23": CORPUS / "part23" / "part23.yaml",  # part 23: collected blind on 2026-12-06, opened when part 24 was collected (26.5 after its blind runs)
             "24": CORPUS / "part24" / "part24.yaml",  # part 24: collected blind on 2026-12-06, opened when part 25 was collected (46.9 after its blind runs)
             "25": CORPUS / "part25" / "part25.yaml",  # part 25: collected blind on 2026-12-06, opened when part 26 was collected (43.3 after its blind runs)
             "26": CORPUS / "part26" / "part26.yaml",  # part 26: collected blind on 2026-12-06, opened when part 27 was collected (57.6 after its blind runs)
             "27": CORPUS / "part27" / "part27.yaml",  # part 27: collected blind on 2026-12-06, opened when part 28 was collected (36.4 after its blind runs)
             "28": CORPUS / "part28" / "part28.yaml",  # part 28: collected blind on 2026-12-06, opened when part 29 was collected (37.3 after its blind runs)
             "29": CORPUS / "part29" / "part29.yaml",  # part 29: collected blind on 2026-12-06, opened when part 30 was collected (32.4 after its blind runs)
             "30": CORPUS / "part30" / "part30.yaml",  # part 30: collected blind on 2026-12-06, opened when part 31 was collected (31.6 after its blind runs)
             "31": CORPUS / "part31" / "part31.yaml",  # part 31: collected blind on 2026-12-07, opened when part 32 was collected (50.0 after its blind runs)
             "32": CORPUS / "part32" / "part32.yaml",  # part 32: collected blind on 2026-12-07, opened when part 33 was collected (49.2 after its blind run)
             "33": CORPUS / "part33" / "part33.yaml",  # part 33: collected blind on 2026-12-07, opened while part 34 was collected (49.5 after its blind runs)
             "34": CORPUS / "part34" / "part34.yaml",  # part 34: collected blind on 2026-12-07, opened when part 35 was collected (62.9 at its first run, 66.1 at the end of the session it was collected in)
             "35": CORPUS / "part35" / "part35.yaml",  # part 35: collected blind on 2026-12-07, opened when part 36 was collected (70.9 at its first run, 70.9 at the end of the session it was collected in)
             "36": CORPUS / "part36" / "part36.yaml",  # part 36: collected blind on 2026-12-07, opened when part 37 was collected (75.7 at its first run, 75.7 at the end of the session it was collected in)
             "37": CORPUS / "part37" / "part37.yaml",  # part 37: collected blind on 2026-12-07, opened when part 38 was collected (49.1 at its first run, the only run while it was held out)
             "38": CORPUS / "part38" / "part38.yaml",  # part 38: collected blind on 2026-12-07, opened when part 39 was collected (40.0 at its first run, 40.0 at the end of the session it was collected in)
             "39": CORPUS / "part39" / "part39.yaml",  # part 39: collected blind on 2026-12-07, opened when part 40 was collected (52.5 at its first run, 52.5 at the end of the session it was collected in)
             "40": CORPUS / "part40" / "part40.yaml",  # part 40: collected blind on 2026-12-07, opened when part 41 was collected (59.5 at its first run, 59.5 at the end of the session it was collected in)
             "41": CORPUS / "part41" / "part41.yaml"}  # part 41: held out, collected blind on 2026-12-08
POLICIES = ROOT / "policies"
RESULTS = ROOT / "bench" / "results"
MODE_OF = {"first": "single", "separate": "separate", "joint": "joint"}
PLACEHOLDER_DATE = dt.date(2000, 1, 1)
FIELD_WORDS = {"issuer": ("发文机关",), "date": ("成文日期", "日期")}
DOUBT_WORDS = ("未找到", "未识别", "待核", "请核", "核对", "无法", "缺少", "未给出", "不明")
PLACEHOLDER_ISSUERS = {"发文机关待核", ""}
NUMERALS = {c: i for i, c in enumerate("零一二三四五六七八九十", 0)} | {c: i + 1 for i, c in enumerate("①②③④⑤⑥⑦⑧⑨⑩")}


def norm(text: str) -> str:
    """Full-width and half-width forms alike, no spaces, a page's angle brackets as the brackets they stand for
    (各县<市、区>人民政府: a unit's name cannot hold < >, the import writes （ ）), no pinyin glosses (a site's reading
    aid: the import leaves them out of a name they would make longer than 30 characters): how two writings of one
    name are compared."""
    return PINYIN_GLOSS.sub("", re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or "")).translate(_ANGLES))


_ANGLES = str.maketrans("<>〈〉", "()()")


def variants(name: str, place: str | None) -> set[str]:
    """The truth name and its writings without its place (立山区发改局 → 区发改局, 发改局)."""
    name = norm(name)
    out = {name}
    if place and name.startswith(norm(place)) and len(name) > len(norm(place)):
        rest = name[len(norm(place)):]
        out |= {norm(place)[-1] + rest, rest}
    return out


def matches(found: str, truth: str, place: str | None, strict: bool = False) -> bool:
    return norm(found) == norm(truth) if strict else norm(found) in variants(truth, place)


def _number_kept(task: dict, written: str) -> bool:
    """The task is named by its own number: its label (the number as written where the document numbers afresh under
    each heading: 「二、（一）」), else its sequence number."""
    label = task.get("label")
    if label:
        return compact(str(label)).endswith(compact(written))
    return task.get("number") == own_number(written)


def own_number(n: str | None) -> int | None:
    """The last numeral of a truth number as written (「（三）」 → 3, 「1、」 → 1, 「五、(二)」 → 2, 「80」 → 80)."""
    if not n:
        return None
    digits = re.findall(r"\d+", n)
    tail = re.findall(r"[一二三四五六七八九十①②③④⑤⑥⑦⑧⑨⑩]+", n)
    last_digit = n.rfind(digits[-1]) if digits else -1
    last_chinese = n.rfind(tail[-1]) if tail else -1
    if last_digit >= last_chinese and digits:
        return int(digits[-1])
    if not tail:
        return None
    text = tail[-1]
    if text[0] in "①②③④⑤⑥⑦⑧⑨⑩":
        return NUMERALS[text[0]]
    if text == "十":
        return 10
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (NUMERALS.get(tens, 1) if tens else 1) * 10 + (NUMERALS.get(ones, 0) if ones else 0)
    return NUMERALS.get(text[-1])


@dataclass
class DocResult:
    file: str
    part: str
    layout: str
    imported: bool = False
    refused: str | None = None
    asked_for_date: bool = False
    truth_tasks: int = 0
    tasks_found: int = 0
    extra_tasks: int = 0
    leads_right: int = 0
    leads_right_strict: int = 0
    participants_truth: int = 0
    participants_right: int = 0
    participants_as_lead: int = 0
    modes_right: int = 0
    numbers_truth: int = 0
    numbers_kept: int = 0
    deadlines_truth: int = 0
    deadlines_read: int = 0
    leaders_truth: int = 0
    leaders_kept: int = 0
    requirements_truth: int = 0
    requirements_found: int = 0
    requirements_as_tasks: int = 0
    requirements_extra: int = 0
    junk: list[str] = field(default_factory=list)
    issuer: str = "wrong"
    date: str = "wrong"
    issuers_read: list[str] = field(default_factory=list)
    date_read: str | None = None
    misread: list[str] = field(default_factory=list)


HELD_OUT = max(MANIFESTS, key=int)


def parts_of(spec: str) -> list[str]:
    """The parts a --part names: 「7」, 「1-22」, or 「all」 (every part tuned on)."""
    if spec == "all":
        return [p for p in MANIFESTS if p != HELD_OUT]
    first, _, last = spec.partition("-")
    parts = [str(n) for n in range(int(first), int(last or first) + 1)] if first.isdigit() and (last or first).isdigit() \
        else [spec]
    unknown = [p for p in parts if p not in MANIFESTS]
    if unknown:
        raise argparse.ArgumentTypeError(f"no part {', '.join(unknown)} (parts: {', '.join(MANIFESTS)}, a range, all)")
    return parts


def load(parts: list[str]) -> list[tuple[str, Path, dict]]:
    out = []
    for p in parts:
        manifest = MANIFESTS[p]
        for entry in yaml.safe_load(manifest.read_text(encoding="utf-8"))["documents"]:
            out.append((p, manifest.parent / entry["file"], entry))
    return out


def knowledge_base(tmp: Path) -> Path:
    """A copy of the bundled knowledge base to import into (tracking left out, as in tests/test_ingest.py)."""
    kb = tmp / "kb"
    shutil.copytree(POLICIES, kb, ignore=shutil.ignore_patterns("tracking"))
    return kb


@dataclass
class Crash:
    """An exception inside the importer: the document counts as not imported, and the run goes on to the next."""
    error: Exception
    code: str = "crash"

    def __str__(self) -> str:
        return f"{type(self.error).__name__}: {self.error}"


def run_import(source: Path, kb: Path, date: dt.date | None):
    from policykb.ingest import ImportFailed, import_file
    try:
        return import_file(source, kb, "doc", date), None
    except ImportFailed as failed:
        return None, failed
    except Exception as error:  # noqa: BLE001 - one document's bug must not hide the other documents' figures
        return None, Crash(error)


def read_imported(folder: Path) -> tuple[dict, list[dict], str]:
    """document.yaml, the task files in order, and the review text, read as files (whatever the model)."""
    meta = yaml.safe_load((folder / "document.yaml").read_text(encoding="utf-8")) or {}
    tasks = [yaml.safe_load(p.read_text(encoding="utf-8")) or {} for p in sorted((folder / "tasks").glob("*.yaml"))]
    review_file = folder / "import-review.txt"
    review = review_file.read_text(encoding="utf-8") if review_file.exists() else ""
    return meta, tasks, review


def flagged(review: str, what: str) -> bool:
    for line in review.splitlines():
        if not any(word in line for word in FIELD_WORDS[what]):
            continue
        confidence = re.search(r"置信度\s*([01](?:\.\d+)?)", line)
        if (confidence and float(confidence.group(1)) < 0.8) or any(w in line for w in DOUBT_WORDS):
            return True
    return False


def names_of(task: dict, key: str) -> list[str]:
    value = task.get(key) or []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def measure(part: str, source: Path, entry: dict) -> DocResult:
    result = DocResult(entry["file"], part, entry["layout"])
    truth_tasks = entry["tasks"]
    _count_truth(result, truth_tasks)
    result.requirements_truth = len(entry.get("requirements", []))
    place = entry.get("place")
    with tempfile.TemporaryDirectory() as tmp:
        kb = knowledge_base(Path(tmp))
        imported, failed = run_import(source, kb, entry.get("import_date"))
        if failed is not None and failed.code == "import-no-date":
            result.asked_for_date = True
            imported, failed = run_import(source, kb, PLACEHOLDER_DATE)
        if failed is not None:
            result.refused = f"{failed.code}: {failed}"
            result.misread.append(f"refused ({failed.code})")
            return result
        result.imported = True
        meta, tasks, review = read_imported(imported.folder)
    annex = meta.get("annex") if isinstance(meta.get("annex"), dict) else {}
    general = [d for d in annex.get("general_deadlines") or [] if isinstance(d, dict)]  # every task's, as check reads it
    _score_tasks(result, truth_tasks, [{**t, "deadlines": [*(t.get("deadlines") or []), *general]} for t in tasks], place)
    _score_requirements(result, entry.get("requirements", []), meta, tasks)
    _score_meta(result, entry, meta, review)
    return result


def _count_truth(result: DocResult, truth_tasks: list[dict]) -> None:
    """What the truth holds, counted whether or not the document imports (a refusal loses all of it)."""
    result.truth_tasks = len(truth_tasks)
    for truth in truth_tasks:
        result.participants_truth += len(truth.get("participants", []) + truth.get("guides", []))
        result.numbers_truth += own_number(truth.get("n")) is not None
        result.deadlines_truth += "deadline" in truth
        result.leaders_truth += len(truth.get("leaders", []))


def _score_tasks(result: DocResult, truth_tasks: list[dict], tasks: list[dict], place: str | None) -> None:
    taken: set[int] = set()
    truth_units = {n for t in truth_tasks for k in ("lead", "participants", "guides") for n in t.get(k, [])}
    for truth in truth_tasks:
        anchor = norm(truth["text"])
        # A document may state a task twice (a list, then a table giving its units): of the imported tasks
        # carrying the anchor, the first with a lead is taken, else the first.
        candidates = [i for i, t in enumerate(tasks) if i not in taken and anchor in norm(str(t.get("text", "")))]
        index = next((i for i in candidates if names_of(tasks[i], "lead")), candidates[0] if candidates else None)
        roles = truth.get("participants", []) + truth.get("guides", [])
        number = own_number(truth.get("n"))
        if index is None:
            result.misread.append(f"task {truth.get('n')} not found: {truth['text'][:24]}")
            continue
        taken.add(index)
        task = tasks[index]
        result.tasks_found += 1
        lead, participants = names_of(task, "lead"), names_of(task, "participants")
        if _same_units(lead, truth["lead"], place, strict=False):
            result.leads_right += 1
        else:
            result.misread.append(f"task {truth.get('n')}: leads {lead} (truth {truth['lead']})")
        result.leads_right_strict += _same_units(lead, truth["lead"], place, strict=True)
        result.participants_right += sum(any(matches(p, r, place) for p in participants) for r in roles)
        result.participants_as_lead += sum(any(matches(p, r, place) for p in lead) for r in roles)
        if any(not any(matches(p, r, place) for p in participants) for r in roles):  # a unit missing its letter
            result.misread.append(f"task {truth.get('n')}: participants {participants} (truth {roles}): {truth['text'][:24]}")
        if MODE_OF.get(str(task.get("lead_mode", "first"))) == truth["mode"]:
            result.modes_right += 1
        else:
            result.misread.append(f"task {truth.get('n')}: mode {task.get('lead_mode', 'first')} (truth {truth['mode']})")
        if number is not None and _number_kept(task, str(truth["n"])):
            result.numbers_kept += 1
        if "deadline" in truth:
            phrases = [norm(str(d.get("phrase", ""))) for d in task.get("deadlines") or [] if isinstance(d, dict)]
            read = any(norm(truth["deadline"]) in p or p in norm(truth["deadline"]) for p in phrases if p)
            result.deadlines_read += read
            if not read:
                result.misread.append(f"task {truth.get('n')}: deadline {phrases} (truth {truth['deadline']})")
        kept = names_of(task, "leaders")
        missing = [n for n in truth.get("leaders", []) if not any(norm(k) == norm(n) for k in kept)]
        result.leaders_kept += len(truth.get("leaders", [])) - len(missing)
        if missing:
            result.misread.append(f"task {truth.get('n')}: leaders {kept} (truth {truth['leaders']})")
    result.extra_tasks = len(tasks) - len(taken)
    for task in tasks:
        for name in names_of(task, "lead") + names_of(task, "participants"):
            if not any(matches(name, u, place) for u in truth_units) and name not in result.junk:
                result.junk.append(name)


def _score_requirements(result: DocResult, truth: list[dict], meta: dict, tasks: list[dict]) -> None:
    """A truth requirement is found when an imported requirement's text holds its fragment; one found only in a
    task's text was read as a task."""
    annex = meta.get("annex") if isinstance(meta.get("annex"), dict) else {}
    imported = [norm(str(r.get("text", ""))) for r in annex.get("requirements") or [] if isinstance(r, dict)]
    task_texts = [norm(str(t.get("text", ""))) for t in tasks]
    for requirement in truth:
        fragment = norm(requirement["text"])
        if any(fragment in text for text in imported):
            result.requirements_found += 1
        elif any(fragment in text for text in task_texts):
            result.requirements_as_tasks += 1
            result.misread.append(f"requirement read as a task: {requirement['text']}")
        else:
            result.misread.append(f"requirement not found: {requirement['text']}")
    # imported requirement paragraphs holding no truth requirement (a requirement the truth has not, or no
    # requirement at all: the import's precision)
    result.requirements_extra = sum(not any(norm(r["text"]) in text for r in truth) for text in imported)


def _same_units(found: list[str], truth: list[str], place: str | None, strict: bool) -> bool:
    return len(found) == len(truth) and all(any(matches(f, t, place, strict) for f in found) for t in truth)


def _score_meta(result: DocResult, entry: dict, meta: dict, review: str) -> None:
    issuers = [str(i) for i in meta.get("issuers") or [] if str(i) not in PLACEHOLDER_ISSUERS]
    result.issuers_read = issuers
    truth = entry["issuer"]
    right = (bool(truth) and len(issuers) == len(truth)
             and all(any(norm(t).endswith(norm(i)) and i for i in issuers) for t in truth)) or (not truth and not issuers)
    result.issuer = "right" if right else ("flagged" if flagged(review, "issuer") or not issuers else "wrong")
    if result.issuer == "wrong":
        result.misread.append(f"issuer {issuers} (truth {truth})")
    read = meta.get("date")
    result.date_read = str(read) if read else None
    if entry["date_source"] != "none" and not result.asked_for_date and str(read) == str(entry["date"]):
        result.date = "right"
    elif result.asked_for_date or flagged(review, "date"):
        result.date = "flagged"
    else:
        result.date = "wrong"
        result.misread.append(f"date {read} (truth {entry['date']}, {entry['date_source']})")


def totals(results: list[DocResult]) -> dict:
    def total(key: str) -> int:
        return sum(getattr(r, key) for r in results)
    truth, found = total("truth_tasks"), total("tasks_found")
    pct = (lambda a, b: round(100 * a / b, 1) if b else None)
    return {
        "documents": len(results), "imported": sum(r.imported for r in results),
        "refused": [r.file for r in results if not r.imported],
        "tasks_found": found, "tasks_truth": truth, "extra_tasks": total("extra_tasks"),
        "leads_right_pct": pct(total("leads_right"), truth),
        "leads_right_strict_pct": pct(total("leads_right_strict"), truth),
        "participants_right_pct": pct(total("participants_right"), total("participants_truth")),
        "participants_truth": total("participants_truth"), "participants_as_lead": total("participants_as_lead"),
        "modes_right": f"{total('modes_right')}/{found}",
        "junk_names": sum(len(r.junk) for r in results),
        "issuer_right": sum(r.issuer == "right" for r in results),
        "issuer_right_or_flagged": sum(r.issuer != "wrong" for r in results),
        "date_right": sum(r.date == "right" for r in results),
        "date_right_or_flagged": sum(r.date != "wrong" for r in results),
        "numbers_kept": f"{total('numbers_kept')}/{total('numbers_truth')}",
        "deadlines_read": f"{total('deadlines_read')}/{total('deadlines_truth')}",
        "leaders_kept": f"{total('leaders_kept')}/{total('leaders_truth')}",
        "requirements_found": f"{total('requirements_found')}/{total('requirements_truth')}",
        "requirements_as_tasks": total("requirements_as_tasks"),
        "requirements_extra": total("requirements_extra"),
        "layouts": len({r.layout for r in results}),
    }


BY_PART = ("documents", "imported", "tasks found", "leads", "strict", "participants", "junk", "numbers", "deadlines",
           "leaders")


def part_cells(name: str, results: list[DocResult]) -> list[str]:
    """One part's (or several parts' pooled) figures: counts as well as percentages, so parts can be added."""
    def total(key: str) -> int:
        return sum(getattr(r, key) for r in results)

    def share(right: int, of: int) -> str:
        return f"{right}/{of} {100 * right / of:.1f}%" if of else "-"
    truth = total("truth_tasks")
    return [name, str(len(results)), str(sum(r.imported for r in results)), f"{total('tasks_found')}/{truth}",
            share(total("leads_right"), truth), share(total("leads_right_strict"), truth),
            share(total("participants_right"), total("participants_truth")), str(sum(len(r.junk) for r in results)),
            f"{total('numbers_kept')}/{total('numbers_truth')}", f"{total('deadlines_read')}/{total('deadlines_truth')}",
            f"{total('leaders_kept')}/{total('leaders_truth')}"]


def by_part(results: list[DocResult]) -> str:
    """A line per part, and the parts pooled."""
    parts = list(dict.fromkeys(r.part for r in results))
    rows = [["part", *BY_PART]] + [part_cells(p, [r for r in results if r.part == p]) for p in parts]
    if len(parts) > 1:
        rows.append(part_cells(f"{parts[0]}-{parts[-1]}", results))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.rjust(width) for cell, width in zip(row, widths)) for row in rows)


def report(results: list[DocResult], summary: dict) -> str:
    lines = [f"{'document':52} {'part':>4} {'tasks':>7} {'leads':>6} {'part.':>7} {'modes':>6} {'junk':>4} "
             f"{'issuer':>8} {'date':>8}"]
    for r in results:
        if not r.imported:
            lines.append(f"{r.file:52} {r.part:>4}  REFUSED {r.refused}")
            continue
        lines.append(f"{r.file:52} {r.part:>4} {r.tasks_found:>3}/{r.truth_tasks:<3} {r.leads_right:>6} "
                     f"{r.participants_right:>3}/{r.participants_truth:<3} {r.modes_right:>6} {len(r.junk):>4} "
                     f"{r.issuer:>8} {r.date:>8}")
    lines.append("")
    lines += [f"{k}: {v}" for k, v in summary.items()]
    lines.append("")
    for r in results:
        if r.misread or r.junk:
            lines.append(f"{r.file}:")
            lines += [f"  - {m}" for m in r.misread]
            if r.junk:
                lines.append(f"  - junk names: {'、'.join(r.junk)}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", type=parts_of, default=["1"], metavar="N|A-B|all")
    parser.add_argument("--by-part", action="store_true", help="a line of figures per part and the parts pooled")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="documents measured at once")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--save", action="store_true", help="also write the figures to bench/results/")
    parser.add_argument("--only", nargs="*", help="measure only these files (names as in the manifest)")
    parser.add_argument("--totals-only", action="store_true", help="print the totals only, no document's result")
    parser.add_argument("--general-only", action="store_true",
                        help="layout recognisers off: only the general reader (a proxy for documents never seen)")
    args = parser.parse_args(argv)
    if args.general_only:
        from policykb.ingest.generic import GENERAL_ONLY
        os.environ[GENERAL_ONLY] = "1"
    documents = [d for d in load(args.part) if not args.only or d[2]["file"] in args.only]
    with ProcessPoolExecutor(max(1, args.jobs)) as pool:  # each document in its own knowledge base: independent
        results = list(pool.map(measure, *zip(*documents))) if documents else []
    summary = totals(results)
    name = args.part[0] if len(args.part) == 1 else f"{args.part[0]}-{args.part[-1]}"
    payload = {"part": name, "totals": summary, "documents": [asdict(r) for r in results]}
    if args.by_part:
        payload["parts"] = {p: totals([r for r in results if r.part == p]) for p in args.part}
        payload.pop("documents")
        text = json.dumps(payload, ensure_ascii=False, indent=1) if args.json else by_part(results)
    elif args.totals_only:
        payload.pop("documents")
        summary = payload["totals"] = {**summary, "refused": len(summary["refused"])}  # how many, not which
        text = json.dumps(summary, ensure_ascii=False, indent=1) if args.json else "\n".join(
            f"{k}: {v}" for k, v in summary.items())
    else:
        text = json.dumps(payload, ensure_ascii=False, indent=1) if args.json else report(results, summary)
    print(text)
    if args.save:
        RESULTS.mkdir(exist_ok=True)
        stamp = dt.date.today().isoformat()
        (RESULTS / f"{stamp}-import-quality{'-general' if args.general_only else ''}-part{name}.json").write_text(
            json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
