"""The corpus manifests are well-formed truth: every file exists and is listed once, every entry has its
provenance, document details and tasks in the format described at the head of tests/corpus/corpus.yaml, and
every task's text fragment is in its document. No importer runs here (the parts are measured by
bench/import_quality.py; parts 1-19 are tuned on (13 to 17 opened on 2026-12-05, 18 and 19 on 2026-12-06, after
blind runs); parts 20 and 21 were opened on 2026-12-06; part 22 was opened when part 23 was being collected, part 23
when part 24 was collected, part 24 when part 25 was collected, part 25 when part 26 was collected, part 26 when part 27 was
collected, part 27 when part 28 was collected, part 28 when part 29 was collected, part 29 when part 30 was collected,
part 30 when part 31 was collected, part 31 when part 32 was collected, part 32 when part 33 was collected, part 33
while part 34 was being collected, part 34 when part 35 was collected, part 35 when part 36 was collected, part 36 when part 37 was collected,
part 37 when part 38 was collected, part 38 when part 39 was collected, part 39 when part 40 was collected, part 40
when part 41 was collected; part 41 is held out)."""
from __future__ import annotations

import datetime as dt
import functools
import html
import re
import sys
from pathlib import Path

import pytest
import yaml

CORPUS = Path(__file__).resolve().parent / "corpus"
MANIFESTS = {"part 1": CORPUS / "corpus.yaml", "part 2": CORPUS / "holdout" / "holdout.yaml",
             "part 3": CORPUS / "part3" / "part3.yaml", "part 4": CORPUS / "part4" / "part4.yaml",
             "part 5": CORPUS / "part5" / "part5.yaml", "part 6": CORPUS / "part6" / "part6.yaml",
             "part 7": CORPUS / "part7" / "part7.yaml", "part 8": CORPUS / "part8" / "part8.yaml",
             "part 9": CORPUS / "part9" / "part9.yaml", "part 10": CORPUS / "part10" / "part10.yaml",
             "part 11": CORPUS / "part11" / "part11.yaml", "part 12": CORPUS / "part12" / "part12.yaml",
             "part 13": CORPUS / "part13" / "part13.yaml", "part 14": CORPUS / "part14" / "part14.yaml",
             "part 15": CORPUS / "part15" / "part15.yaml", "part 16": CORPUS / "part16" / "part16.yaml",
             "part 17": CORPUS / "part17" / "part17.yaml", "part 18": CORPUS / "part18" / "part18.yaml",
             "part 19": CORPUS / "part19" / "part19.yaml", "part 20": CORPUS / "part20" / "part20.yaml",
             "part 21": CORPUS / "part21" / "part21.yaml", "part 22": CORPUS / "part22" / "part22.yaml",
             "part 23": CORPUS / "part23" / "part23.yaml",
             "part 24": CORPUS / "part24" / "part24.yaml",
             "part 25": CORPUS / "part25" / "part25.yaml",
             "part 26": CORPUS / "part26" / "part26.yaml",
             "part 27": CORPUS / "part27" / "part27.yaml",
             "part 28": CORPUS / "part28" / "part28.yaml",
             "part 29": CORPUS / "part29" / "part29.yaml",
             "part 30": CORPUS / "part30" / "part30.yaml",
             "part 31": CORPUS / "part31" / "part31.yaml",
             "part 32": CORPUS / "part32" / "part32.yaml",
             "part 33": CORPUS / "part33" / "part33.yaml",
             "part 34": CORPUS / "part34" / "part34.yaml",
             "part 35": CORPUS / "part35" / "part35.yaml",
             "part 36": CORPUS / "part36" / "part36.yaml",
             "part 37": CORPUS / "part37" / "part37.yaml",
             "part 38": CORPUS / "part38" / "part38.yaml",
             "part 39": CORPUS / "part39" / "part39.yaml",
             "part 40": CORPUS / "part40" / "part40.yaml",
             "part 41": CORPUS / "part41" / "part41.yaml"}
LEVELS = {"national", "provincial", "city", "county", "township", "zone"}
MODES = {"single", "separate", "joint"}
DATE_SOURCES = {"signature", "page", "none"}
TASK_KEYS = {"n", "text", "lead", "mode", "participants", "guides", "leaders", "deadline", "open_ended", "note"}
REQUIREMENT_KEYS = {"text", "holders"}
NOT_DOCUMENTS = {"build_docx.py"}  # the script that rebuilt the Word tables from the pages' text


def _entries(part: str) -> list[dict]:
    return yaml.safe_load(MANIFESTS[part].read_text(encoding="utf-8"))["documents"]


ENTRIES = [(part, e) for part in MANIFESTS for e in _entries(part)]


def _names(value) -> bool:
    return isinstance(value, list) and all(isinstance(n, str) and n and n.strip() == n for n in value)


def _plain_text(path: Path) -> str:
    """The document's words, whatever its format (enough to find a task's text fragment)."""
    if path.suffix == ".docx":
        import docx
        document = docx.Document(str(path))
        cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
        return "\n".join([p.text for p in document.paragraphs] + cells)
    text = path.read_text(encoding="utf-8")
    return html.unescape(re.sub(r"<[^>]+>", "\n", text)) if path.suffix == ".html" else text


@pytest.mark.parametrize("part, entry", ENTRIES, ids=[f"{p}:{e['file']}" for p, e in ENTRIES])
def test_entry_is_well_formed(part, entry):
    path = MANIFESTS[part].parent / entry["file"]
    assert path.is_file(), entry["file"]
    assert "repository" not in entry, "texts cut from repository snapshots may not be committed (issue 22, item 12)"
    assert str(entry.get("url", "")).startswith("http"), "every document records the page it was read from"
    assert isinstance(entry["layout"], str) and entry["shape"]
    assert entry["level"] in LEVELS
    assert isinstance(entry.get("field"), str) and entry["field"]
    assert "place" in entry and (entry["place"] is None or isinstance(entry["place"], str))
    if entry["level"] == "national":
        assert entry["place"] is None
    assert _names(entry["issuer"])
    assert entry["number"] is None or entry["number"].endswith(("号", "號"))  # 號 in traditional-character texts
    assert entry["date_source"] in DATE_SOURCES
    assert isinstance(entry["date"], dt.date) or (entry["date"] is None and entry["date_source"] == "none")
    if "import_date" in entry:  # a date given on the command line is the one the document carries
        assert entry["date_source"] == "page" and entry["import_date"] == entry["date"]
    text = _plain_text(path)
    tasks = entry["tasks"]
    assert tasks, "every document assigns at least one task"
    for task in tasks:
        assert set(task) <= TASK_KEYS, set(task) - TASK_KEYS
        assert isinstance(task["text"], str) and task["text"] in text, task["text"]
        assert _names(task["lead"]) and task["lead"]
        assert task["mode"] in MODES
        assert task["mode"] == "single" or len(task["lead"]) > 1 or task["mode"] == "separate"
        for key in ("participants", "guides", "leaders"):
            assert _names(task.get(key, []))
        assert not set(task["lead"]) & set(task.get("participants", []))
    anchors = [t["text"] for t in tasks]
    assert len(set(anchors)) == len(anchors), "each task's text fragment finds one task"
    _check_requirements(entry.get("requirements", []), text, anchors)
    if "leads" in entry:
        assert len(entry["leads"]) == len(tasks)


def _check_requirements(requirements, text: str, anchors: list[str]) -> None:
    """Truth rule 1: the demands on units in general, each a fragment of the document with the units it names."""
    assert isinstance(requirements, list)
    fragments = []
    for requirement in requirements:
        assert isinstance(requirement, dict) and set(requirement) == REQUIREMENT_KEYS, requirement
        assert isinstance(requirement["text"], str) and requirement["text"] in text, requirement["text"]
        assert _names(requirement["holders"]) and requirement["holders"], requirement
        assert not any(requirement["text"] in a or a in requirement["text"] for a in anchors), \
            f"a requirement is no task: {requirement['text']}"
        fragments.append(requirement["text"])
    assert len(set(fragments)) == len(fragments), "each requirement's text fragment finds one requirement"


def test_requirements_are_checked_for_shape():
    """The check above refuses what rule 1 rules out: a requirement that is also a task, or one without holders."""
    _check_requirements([{"text": "各牵头单位要报送", "holders": ["各牵头单位"]}], "各牵头单位要报送进展", ["制定方案"])
    for bad in ([{"text": "各牵头单位要报送", "holders": []}], [{"text": "各牵头单位要报送"}],
                [{"text": "制定方案", "holders": ["各牵头单位"]}], [{"text": "不在文中", "holders": ["X"]}]):
        with pytest.raises(AssertionError):
            _check_requirements(bad, "各牵头单位要报送进展。制定方案", ["制定方案"])


@pytest.mark.parametrize("part", list(MANIFESTS))
def test_every_file_has_one_entry(part):
    folder = MANIFESTS[part].parent
    listed = [e["file"] for e in _entries(part)]
    present = {p.name for p in folder.iterdir() if p.is_file() and p != MANIFESTS[part]} - NOT_DOCUMENTS
    assert present == set(listed), present ^ set(listed)
    assert len(listed) == len(set(listed)), "a file is listed twice"


def test_the_parts_share_no_layout():
    """Part 2 was collected in layouts part 1 lacks (none of its layouts is one part 1 has); part 3 adds more."""
    first = {e["layout"] for e in _entries("part 1")}
    second = {e["layout"] for e in _entries("part 2")}
    third = {e["layout"] for e in _entries("part 3")}
    assert not first & second, first & second
    assert not first & third, first & third
    assert len(_entries("part 3")) >= 10


def test_the_blind_part_is_in_layouts_no_earlier_part_has():
    """Part 14 measures the importer on layouts it was never tuned on: none of its layout ids is in parts 1-13."""
    earlier = {e["layout"] for part in MANIFESTS if part != "part 14" for e in _entries(part)}
    fourteenth = {e["layout"] for e in _entries("part 14")}
    assert not fourteenth & earlier, fourteenth & earlier
    assert len(fourteenth) >= 10 and len(_entries("part 14")) >= 12


@pytest.mark.parametrize("part", [15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41])
def test_a_later_blind_part_is_in_layouts_the_parts_before_it_lack(part):
    """Parts 15-41 were each collected blind: none of a part's layout ids is in the parts before it (or any other),
    and it has its own at least ten."""
    earlier = {e["layout"] for name in MANIFESTS if name != f"part {part}" for e in _entries(name)}
    layouts = [e["layout"] for e in _entries(f"part {part}")]
    assert not set(layouts) & earlier, set(layouts) & earlier
    assert len(set(layouts)) >= 10 and len(layouts) >= 12


def test_the_corpus_covers_levels_and_fields():
    entries = [e for _, e in ENTRIES]
    assert {e["level"] for e in entries} >= {"national", "provincial", "city", "county", "zone"}
    assert any(e["field"] == "脱贫攻坚" for e in entries) and len({e["field"] for e in entries}) > 3
    assert len(_entries("part 2")) >= 10


# --- the measuring script's comparisons (bench/import_quality.py), without running any importer ---

@functools.cache
def _bench():
    import importlib.util
    spec = importlib.util.spec_from_file_location("import_quality", CORPUS.parent.parent / "bench" / "import_quality.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("written, number", [("（三）", 3), ("1、", 1), ("五、(二)", 2), ("80", 80), ("(2)①", 1),
                                             ("十二", 12), ("二十", 20), ("(一)1.", 1), (None, None)])
def test_own_numbers_are_read_as_written(written, number):
    assert _bench().own_number(written) == number


def test_names_match_with_or_without_their_place_but_strictly_only_in_full():
    bench = _bench()
    assert bench.matches("区发改局", "立山区发改局", "立山区") and bench.matches("发改局", "立山区发改局", "立山区")
    assert not bench.matches("区发改局", "立山区发改局", "立山区", strict=True)
    assert bench.matches("各街办(新区)", "各街办（新区）", None)  # full- and half-width brackets alike
    assert bench.matches("市场监管局", "潮州市市场监管局", "潮州市")
    assert not bench.matches("县财政局", "立山区财政局", "立山区")


def test_a_field_is_flagged_by_low_confidence_or_a_word_of_doubt():
    bench = _bench()
    assert bench.flagged("[猜测] 发文机关：X（第9行，置信度 0.6）", "issuer")
    assert bench.flagged("发文机关：未找到，请核对", "issuer")
    assert not bench.flagged("[猜测] 发文机关：X（第9行，置信度 0.9）", "issuer")
    assert not bench.flagged("[猜测] 发文机关：X（第9行，置信度 0.6）", "date")


def test_a_requirement_is_found_among_the_imported_requirements_or_counted_as_read_as_a_task():
    bench = _bench()
    result = bench.DocResult("doc.txt", "1", "layout")
    truth = [{"text": "各牵头单位要于每月28日前", "holders": ["各牵头单位"]},
             {"text": "市政府督查室将跟踪督办", "holders": ["X市政府督查室"]},
             {"text": "请各单位认真落实", "holders": ["各单位"]}]
    meta = {"annex": {"requirements": [{"number": 1, "text": "各牵头单位要于每月２８日前报送进展情况。"}]}}
    bench._score_requirements(result, truth, meta, [{"text": "市政府督查室将跟踪督办，定期通报。"}])
    assert (result.requirements_found, result.requirements_as_tasks) == (1, 1)
    assert result.misread == ["requirement read as a task: 市政府督查室将跟踪督办", "requirement not found: 请各单位认真落实"]


def test_the_calibration_scripts_totals_name_no_document_task_or_unit():
    """tests/measure_ingest.py --totals-only (how a held-out part is measured) prints figures alone: once it printed
    up to 40 misread tasks with their documents and units."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("measure_ingest", CORPUS.parent / "measure_ingest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    figures = {"imported": 1, "documents": 1, "tasks_read": 1, "tasks_truth": 2, "leads_right": 0, "leads": 1,
               "participants": 0, "participants_right": 0, "issuer_right": 1, "issuer_flagged": 0, "date_right": 1,
               "asked_for_date": 0,
               "unknown_names": ["some-document.txt: 一个不像单位的名字 (not shaped like a unit)"],
               "refused": ["some-refused-document.txt"],
               "misread": ["some-document.txt task 1 (置信度 0.5): ['某局']/[] want ['某委']/[]"],
               "calibration": {0.5: (0, 1)}, "not_read": 1, "not_read_listed": 0, "unread_lines": 2,
               "unread_holding_a_task": 1}
    held_out, tuned = module.report(figures, totals_only=True), module.report(figures)
    assert "tasks not read: 1, of them pointed at by the review's [未读取] lines: 0; [未读取] lines: 2" in held_out
    assert "misread tasks: 1" in held_out and "refused: 1" in held_out
    assert "names not in the truth, each use, exact spelling: 1 (not shaped like a unit: 1)" in held_out
    assert not any(w in held_out for w in ("some-document", "某局", "一个不像单位", "some-refused"))
    assert "some-document" in tuned and "某局" in tuned


def test_all_parts_are_the_tuned_ones_and_the_held_out_part_is_measured_only_by_name():
    bench = _bench()
    assert bench.parts_of("all") == [p for p in bench.MANIFESTS if p != bench.HELD_OUT]
    assert bench.parts_of("20-22") == ["20", "21", "22"] and bench.parts_of("7") == ["7"]
    assert bench.parts_of(bench.HELD_OUT) == [bench.HELD_OUT]
    with pytest.raises(Exception, match="no part 998, 999"):
        bench.parts_of("998-999")


def test_pooled_figures_add_the_parts_counts_not_their_percentages():
    bench = _bench()
    small = bench.DocResult("a.txt", "1", "x", truth_tasks=1, tasks_found=1, leads_right=1, imported=True)
    large = bench.DocResult("b.txt", "2", "y", truth_tasks=3, tasks_found=3, leads_right=0, imported=True)
    table = bench.by_part([small, large]).splitlines()
    assert len(table) == 4 and table[-1].split()[0] == "1-2"
    assert "1/4 25.0%" in table[-1]  # (1 + 0) / (1 + 3), not the mean of 100 % and 0 %


def test_the_calibration_script_pools_parts_by_adding_their_counts():
    """`tests/measure_ingest.py --part 1-30`: the review's calibration over the whole corpus in one run (once it read
    one folder, and `tests/corpus` meant part 1 alone)."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("measure_ingest", CORPUS.parent / "measure_ingest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    one = {"leads": 3, "leads_right": 2, "junk": ["甲"], "calibration": {0.9: (2, 2), 0.6: (0, 1)}}
    two = {"leads": 4, "leads_right": 4, "junk": [], "calibration": {0.9: (3, 4)}}
    assert module.pooled([one, two]) == {"leads": 7, "leads_right": 6, "junk": ["甲"],
                                         "calibration": {0.6: (0, 1), 0.9: (5, 6)}}
    assert module._folders(["--part", "1-2"]) == [CORPUS, CORPUS / "holdout"]
