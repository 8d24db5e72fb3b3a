"""Careless and hostile input (issue 18): spreadsheets that run nothing, forms that cannot flood,
edits that are never lost, outputs never half-written. One broken case per defect lives under
tests/broken/; here are the checks a single case cannot express."""
from __future__ import annotations

import datetime as dt
import errno
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings, strategies as st

from policykb import build as building, export, textrules
from policykb.graph import PolicyGraph
from policykb.issues import PolicyError
from policykb.render.letters import overview
from policykb.track import forms, load_tracking, read_tracking
from policykb.track.formlimits import MAX_ROWS
from policykb.validate import load_kb, validate

from conftest import FIXTURES, ROOT
import formbombs

TINY = FIXTURES / "tiny"
HOSTILE_UNIT = "=1+1科技厅"
HOSTILE_TEXTS = ["=HYPERLINK(\"http://example.org\",\"点我\")", "+1+2", "-2+3", "@SUM(A1:A2)"]


def _hostile_kb(where: Path) -> Path:
    """The tiny knowledge base with a unit whose name is a formula and task texts that start like one."""
    kb = where / "kb"
    shutil.copytree(TINY, kb)
    units = kb / "units.yaml"
    units.write_text(units.read_text(encoding="utf-8").replace("name: 省扶贫办", f"name: '{HOSTILE_UNIT}'"),
                     encoding="utf-8")
    document = kb / "demo-2016" / "document.yaml"  # the office the yearly reports go to is that unit too
    document.write_text(document.read_text(encoding="utf-8").replace("to: 省扶贫办", f"to: '{HOSTILE_UNIT}'"),
                        encoding="utf-8")
    for number, text in zip(range(1, 5), HOSTILE_TEXTS):
        task = kb / "demo-2016" / "tasks" / f"{number:03d}.yaml"
        data = task.read_text(encoding="utf-8").replace("- 省扶贫办", f"- '{HOSTILE_UNIT}'")
        task.write_text(re.sub(r"^text: .*$", lambda _: "text: " + json.dumps(text, ensure_ascii=False), data,
                               count=1, flags=re.M), encoding="utf-8")
    return kb


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    where = tmp_path_factory.mktemp("hostile")
    kb = _hostile_kb(where)
    _, report = validate(kb)
    assert [i.format() for i in report.issues] == []  # texts like these are legal: they must be made harmless
    return kb


def _formulas(xlsx: bytes) -> list[str]:
    """Every formula (<f>) and every cell typed as a formula or an error in a workbook."""
    found = []
    with zipfile.ZipFile(io.BytesIO(xlsx)) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                xml = z.read(name).decode("utf-8")
                found += [f"{name}: {m}" for m in re.findall(r"<f[ >][^<]*", xml)]
                found += [f"{name}: {m}" for m in re.findall(r'<c [^>]*t="(?:e|str)"', xml)]
    return found


def _csv_cells(text: str) -> list[str]:
    import csv
    return [cell for row in csv.reader(io.StringIO(text.lstrip("\ufeff"))) for cell in row]


def test_no_workbook_or_csv_the_project_writes_holds_a_formula(hostile, tmp_path):
    pg = PolicyGraph(load_kb(hostile))
    out = tmp_path / "build"
    building.build(hostile, out, as_of=dt.date(2016, 7, 1), only=["data", "letters"], templates=ROOT / "templates")
    workbooks = {str(p): p.read_bytes() for p in sorted(out.rglob("*.xlsx"))}
    assert {Path(p).name for p in workbooks} >= {"policykb.xlsx", overview.XLSX_NAME}
    workbooks["export"] = export.to_xlsx(pg)
    tracking = load_tracking(hostile, pg.kb)
    for unit in forms.form_units(pg):
        workbooks[f"form {unit}"] = forms.form_bytes(pg, tracking, unit, 2016)
    assert HOSTILE_UNIT in forms.form_units(pg)
    for name, data in workbooks.items():
        assert _formulas(data) == [], name
    from openpyxl import load_workbook
    sheet = load_workbook(io.BytesIO(export.to_xlsx(pg)))["按任务"]
    column = [c.value for c in sheet[1]].index("任务内容")
    cells = [row[column].value for row in sheet.iter_rows()]
    assert set(HOSTILE_TEXTS[:4]) <= set(cells)  # the texts are there, as text
    for text in [export.to_csv(pg), *(p.read_text(encoding="utf-8") for p in out.rglob("*.csv"))]:
        cells = _csv_cells(text)
        assert [c for c in cells if c.startswith(export.FORMULA_START)] == []
        assert {"'" + t for t in HOSTILE_TEXTS} <= set(cells)


def test_csv_cells_that_could_start_a_formula_are_neutralised():
    assert [export.csv_cell(v) for v in ["=1", "+1", "-1", "@1", "\t1", "\r1", "省扶贫办", 7, "1-2"]] == \
        ["'=1", "'+1", "'-1", "'@1", "'\t1", "'\r1", "省扶贫办", 7, "1-2"]


def test_a_unit_named_like_a_formula_returns_its_untouched_form(hostile, tmp_path):
    pg = PolicyGraph(load_kb(hostile))
    form = tmp_path / "form.xlsx"
    form.write_bytes(forms.form_bytes(pg, load_tracking(hostile, pg.kb), HOSTILE_UNIT, 2016))
    read, issues = forms.read_form(form, pg)
    assert issues == [] and read.unit == HOSTILE_UNIT and [r.task for r in read.rows] == [1, 2]


def _tiny(where: Path) -> Path:
    kb = where / "kb"
    shutil.copytree(TINY, kb)
    return kb


def _form(kb: Path, unit: str = "省扶贫办", year: int = 2016) -> bytes:
    pg = PolicyGraph(load_kb(kb))
    return forms.form_bytes(pg, load_tracking(kb, pg.kb), unit, year)


@pytest.mark.parametrize("part", ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml"])
def test_a_form_inflating_to_a_gigabyte_is_refused(tmp_path, part):
    """Time and memory of the refusal: bench/hostile_forms.py (figures in bench/results/)."""
    kb = _tiny(tmp_path)
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(formbombs.bomb(_form(kb), part, 1 << 30))
    assert path.stat().st_size < 2 * formbombs.MB
    form, issues = forms.read_form(path, PolicyGraph(load_kb(kb)))
    assert form is None and [i.code for i in issues] == ["form-too-large"]
    assert part in issues[0].message and "1,073,741,824" in issues[0].message


def test_a_form_that_lies_about_its_size_is_refused_after_the_declared_bytes(tmp_path):
    kb = _tiny(tmp_path)
    path = tmp_path / "liar.xlsx"
    path.write_bytes(formbombs.bomb(_form(kb), "xl/worksheets/sheet1.xml", 256 * formbombs.MB, declared=4096))
    form, issues = forms.read_form(path, PolicyGraph(load_kb(kb)))
    assert form is None and [i.code for i in issues] == ["bad-form"]  # zip: the data does not match its header


def test_rows_up_to_the_limit_are_read_and_one_more_is_refused(tmp_path):
    from openpyxl import load_workbook
    kb = _tiny(tmp_path)
    pg = PolicyGraph(load_kb(kb))
    for last, refused in ((forms.FIRST_ROW + MAX_ROWS - 1, False), (forms.FIRST_ROW + MAX_ROWS, True)):
        wb = load_workbook(io.BytesIO(_form(kb)))
        wb[forms.SHEET][f"H{last}"] = "备注"
        path = tmp_path / f"rows-{last}.xlsx"
        wb.save(path)
        form, issues = forms.read_form(path, pg)
        codes = [i.code for i in issues]
        assert (codes == ["form-too-large"]) if refused else ("form-too-large" not in codes), codes


def _write_cell(form: bytes, cells: dict[str, object], path: Path) -> None:
    from openpyxl import load_workbook
    wb = load_workbook(io.BytesIO(form))
    for ref, value in cells.items():
        export.set_cell(wb[forms.SHEET][ref], value)
    wb.save(path)


@pytest.fixture(scope="module")
def round_trip(tmp_path_factory):
    where = tmp_path_factory.mktemp("round-trip")
    kb = _tiny(where)
    return kb, PolicyGraph(load_kb(kb)), _saved(_form(kb), where / "form.xlsx")  # a path: short in reports


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(st.text(max_size=40), st.sampled_from(
    ["=1+1", "@x", "\u200b", "a\u202eb", "\U000E0041", "\ue000", " 落实 ", "\x07", "\r\n", "字" * 20_001])))
def test_any_cell_value_is_imported_as_check_accepts_it_or_refused_by_cell(round_trip, text):
    """Whatever a unit types into 年度落实情况, import either refuses it naming 报送表!G5, or writes
    what `check` then accepts, with the text as typed."""
    kb, pg, form = round_trip
    with tempfile.TemporaryDirectory() as where:
        copy = Path(where) / "kb"
        shutil.copytree(kb, copy)
        path = Path(where) / "form.xlsx"
        _write_cell(form.read_bytes(), {"G5": text, "J5": "2016-11-15"}, path)
        try:
            forms.import_forms([path], copy, pg)
        except PolicyError as e:
            issues = e.report.issues
            assert issues and all(i.line == 5 and i.col == 7 and "报送表!G5" in i.message for i in issues)
            # an empty (or blank) 年度落实情况 beside a report date is bad-form; anything else is what check refuses
            assert {i.code for i in issues} <= {"bad-character", "text-too-long", "bad-form"}
            assert ("bad-form" in {i.code for i in issues}) == (not text.strip() or not _kept(text).strip())
            assert not (copy / "demo-2016" / "tracking").exists()  # nothing written
            return
        kb_after, report = validate(copy)
        tracking, tracked = read_tracking(copy, kb_after)
        assert [i.format() for i in report.issues + tracked.issues] == []
        stored = [e for e in tracking.of("demo-2016", 1) if e.type == "report"]
        typed = _kept(text).strip()
        if typed:
            assert [e.summary for e in stored] == [typed]
            assert textrules.first_bad_character(typed) is None and len(typed) <= 20_000
        else:
            assert stored == []


def _kept(text: str) -> str:
    """What a cell keeps of a text: characters XML cannot carry replaced (set_cell), line ends as \n."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    return ILLEGAL_CHARACTERS_RE.sub("\ufffd", text).replace("\r\n", "\n").replace("\r", "\n")


# The CLI with a slow write: a pause between reading the tracking file and writing it back, the
# window in which two commands without a lock both read the old file and the later write drops a note.
_SLOW = ("import sys, time, policykb.yamlio as y\n"
         "real = y.atomic_write\n"
         "def slow(path, data):\n"
         "    time.sleep(0.5)\n"
         "    real(path, data)\n"
         "y.atomic_write = slow\n"
         "sys.argv = ['policykb', *sys.argv[1:]]\n"
         "from policykb.cli import main\nmain()\n")


def _progress(kb: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.Popen([sys.executable, "-c", _SLOW, "progress", *args, "-p", str(kb)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_three_progress_notes_at_once_are_all_kept(tmp_path):
    kb = _tiny(tmp_path)
    for round_ in range(2):
        runs = [_progress(kb, "note", "1", "--date", "2016-06-01", "--text", f"第{round_}轮备注{i}")
                for i in range(3)]
        results = [(p.wait(timeout=120), p.stderr.read()) for p in runs]
        assert [code for code, _ in results] == [0, 0, 0], results
    notes = [e.text for e in load_tracking(kb).of("demo-2016", 1) if e.type == "note"]
    assert sorted(notes) == sorted(f"第{r}轮备注{i}" for r in range(2) for i in range(3))


def test_two_co_leads_forms_of_a_joint_task_need_force(tmp_path):
    """Task 2 is led jointly by 省发改委 and 省扶贫办: two different reports for 2016 conflict."""
    kb = _tiny(tmp_path)
    pg = PolicyGraph(load_kb(kb))
    paths = []
    for unit, summary in (("省扶贫办", "片区机制已建立。"), ("省发改委", "项目已开工。")):
        form = _form(kb, unit)
        read_rows = forms.read_form(_saved(form, tmp_path / "probe.xlsx"), pg)[0].rows
        row = next(r.cell_row for r in read_rows if r.task == 2)
        path = tmp_path / f"{unit}.xlsx"
        _write_cell(form, {f"G{row}": summary, f"J{row}": "2016-11-15"}, path)
        paths.append(path)
    with pytest.raises(PolicyError) as refused:
        forms.import_forms(paths, kb, pg)
    assert [(i.code, i.file.endswith("省发改委.xlsx")) for i in refused.value.report.issues] == [("duplicate-report", True)]
    assert not (kb / "demo-2016" / "tracking").exists()
    forms.import_forms(paths, kb, pg, force=True)
    reports = [e.summary for e in load_tracking(kb).of("demo-2016", 2) if e.type == "report"]
    assert reports == ["项目已开工。"]  # the later form, as asked with --force


def _saved(data: bytes, path: Path) -> Path:
    path.write_bytes(data)
    return path


def test_a_full_disk_during_a_build_is_a_coded_error_and_keeps_the_old_output(tmp_path, monkeypatch):
    kb = _tiny(tmp_path)
    out = tmp_path / "build"
    building.build(kb, out, as_of=dt.date(2016, 7, 1), only=["data"])
    before = (out / "data" / "policykb.json").read_bytes()
    real = export.to_json

    def full(pg):
        raise OSError(errno.ENOSPC, "No space left on device")  # as a write deep inside a renderer would
    monkeypatch.setattr(export, "to_json", full)
    (kb / "demo-2016" / "tasks" / "001.yaml").write_text(
        (kb / "demo-2016" / "tasks" / "001.yaml").read_text(encoding="utf-8").replace("60亿元", "61亿元"),
        encoding="utf-8")
    with pytest.raises(building.BuildError) as err:
        building.build(kb, out, as_of=dt.date(2016, 7, 1), only=["data"])
    assert err.value.code == "output-unwritable"
    assert (out / "data" / "policykb.json").read_bytes() == before
    monkeypatch.setattr(export, "to_json", real)


def _cli(where: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "policykb", *args], cwd=where, env=env, capture_output=True,
                          text=True, timeout=300)


def test_maps_and_forms_that_fail_halfway_leave_the_previous_output_whole(tmp_path):
    """A run that fails after some files are written: the folder is as the last good run left it."""
    kb = _tiny(tmp_path)
    assert _cli(tmp_path, "report-forms", "--year", "2016", "-p", "kb", "-o", "forms").returncode == 0
    assert _cli(tmp_path, "maps", "-f", "svg", "-p", "kb", "-o", "maps", "--as-of", "2016-07-01").returncode == 0
    before = {p: p.read_bytes() for p in sorted((tmp_path / "forms").rglob("*")) + sorted((tmp_path / "maps").rglob("*"))
              if p.is_file()}
    # the third form and the second map fail: a patched writer raises once some files are written
    patch = ("import sys, policykb.output as o, policykb.track.forms as f, policykb.render.maps.draw as d\n"
             "count = [0]\n"
             "def failing(path, data, real=o.atomic_write):\n"
             "    count[0] += 1\n"
             "    if count[0] == 3: raise RuntimeError('halfway')\n"
             "    real(path, data)\n"
             "f.atomic_write = d.atomic_write = failing\n"
             "sys.argv = ['policykb', *sys.argv[1:]]\n"
             "from policykb.cli import main\nmain()\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    for args in (["report-forms", "--year", "2017", "-p", "kb", "-o", "forms"],
                 ["maps", "-f", "svg", "-p", "kb", "-o", "maps", "--as-of", "2017-07-01"]):
        run = subprocess.run([sys.executable, "-c", patch, *args], cwd=tmp_path, env=env, capture_output=True,
                             text=True, timeout=300)
        assert run.returncode != 0 and "halfway" in run.stderr
    after = {p: p.read_bytes() for p in sorted((tmp_path / "forms").rglob("*")) + sorted((tmp_path / "maps").rglob("*"))
             if p.is_file()}
    assert after == before
    assert [p.name for p in tmp_path.iterdir() if ".new." in p.name] == []  # no staging folder left behind


def test_file_names_made_from_names_are_never_options_nor_hidden():
    from policykb.names import safe_filename
    assert [safe_filename(n) for n in ["-rf 省扶贫办", "--help", "省扶贫办\t.", " .省扶贫办. "]] == \
        ["_rf 省扶贫办", "_help", "省扶贫办", "省扶贫办"]
    assert forms.file_name("省扶贫办\t.", 2016) == "2016年度落实情况报送表-省扶贫办.xlsx"


@pytest.mark.parametrize("ch", ["\x07", "\x7f", "\x85", "\u200b", "\u202e", "\u2028", "\u2029", "\ufeff", "\ue000",
                                "\U000e0041", "\ud800", "\U0010fffe", "\u0378"])
def test_every_kind_of_invisible_character_is_found_after_lines_and_spaces(ch):
    """Controls, format, private-use, surrogate, unassigned and line/paragraph separators, behind
    the characters a text may hold: new lines, ideographic and no-break spaces, CJK."""
    text = f"第一行\n　省扶贫办\u00a0牵头 {ch}尾"
    assert textrules.first_bad_character(text) == (text.index(ch), ch)


def test_a_text_of_lines_and_spaces_only_is_clean():
    assert textrules.first_bad_character("第一行\n\n　省扶贫办\u00a0牵头\t ok") == (13, "\t")  # a tab is a control
    assert textrules.first_bad_character("第一行\n\n　省扶贫办\u00a0牵头 ok\n") is None
