"""Careless and hostile input, round two (issue 26): templates that run nothing, outputs that never
delete a user's files, imports with limits. Every probe runs through the command line, as a user
(or an attacker) would run it; tests/broken/ holds the cases one coded error expresses alone."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from policykb.render.letters.template import LetterError, LetterTemplate

from conftest import FIXTURES, ROOT
from test_letters_template import edited

TINY = FIXTURES / "tiny"


def _tiny(where: Path) -> Path:
    kb = where / "kb"
    shutil.copytree(TINY, kb)
    return kb


def cli(where: Path, *args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "policykb", *args], cwd=where, env=env, capture_output=True,
                          text=True, timeout=timeout)


# --- 1. a letter template runs nothing ---

EVIL = "{{ cycler.__init__.__globals__.os.popen('touch pwned').read() }}"


@pytest.mark.parametrize("command", [["letters", "-o", "out"], ["build", "-o", "out", "--only", "letters"]])
def test_the_evil_template_runs_no_command_and_is_refused_naming_the_field(tmp_path, command):
    _tiny(tmp_path)
    templates = tmp_path / "templates"
    templates.mkdir()
    edited(templates, "{{ unit.full_name }}", EVIL, name="letter.docx")
    option = ["--template", "templates/letter.docx"] if command[0] == "letters" else ["--templates", "templates"]
    done = cli(tmp_path, *command, "-p", "kb", *option, "--as-of", "2016-07-01")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "error[template-unsafe]" in done.stderr and "cycler.__init__.__globals__" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "pwned").exists() and not list(tmp_path.rglob("pwned"))
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").rglob("*.docx"))


@pytest.mark.parametrize("tag, named", [
    ("{{ unit.name.__class__.__mro__ }}", "unit.name.__class__"),
    ("{{ unit['__class__'] }}", "unit['__class__']"),
    ("{{ (unit|attr('__class__')) }}", "unit|attr(…)"),
    ("{{ lipsum.__globals__ }}", "lipsum.__globals__"),
])
def test_every_way_to_python_internals_is_refused_before_rendering(tmp_path, tag, named):
    path = edited(tmp_path, "{{ unit.full_name }}", tag)
    with pytest.raises(LetterError) as refused:
        LetterTemplate(path)
    assert refused.value.code == "template-unsafe" and named in refused.value.message


@pytest.mark.parametrize("tag", [
    "{{ range.__call__ }}",  # jinja's globals are gone: only the documented fields remain
    "{{ namespace() }}",
    "{{ dict(a=1) }}",
])
def test_jinja_globals_are_not_fields(tmp_path, tag):
    path = edited(tmp_path, "{{ unit.full_name }}", tag)
    with pytest.raises(LetterError) as refused:
        LetterTemplate(path)
    assert refused.value.code in ("template-unsafe", "template-unknown-field")


def test_a_method_that_changes_data_is_refused_by_the_sandbox(tmp_path):
    """The immutable sandbox: a template cannot change the context another letter is filled from."""
    path = edited(tmp_path, "{{ unit.full_name }}", "{{ lead_notes.append('x') }}{{ unit.full_name }}")
    with pytest.raises(LetterError) as refused:
        LetterTemplate(path)
    assert refused.value.code == "template-unsafe" and "append" in refused.value.message


# --- 2. the browser's CSV export neutralises formulas as the build's CSV does ---

def test_the_sites_csv_export_neutralises_formula_cells(tmp_path):
    """The 分工方案 page's 导出 CSV, clicked in Chromium on a site built from tasks whose texts and a
    unit's name start like formulas: every such cell begins with an apostrophe, as in policykb.csv."""
    import csv
    import io
    from conftest import require
    from test_checks_hostile import HOSTILE_TEXTS, HOSTILE_UNIT, _hostile_kb
    from policykb import export
    require("chromium")
    _hostile_kb(tmp_path)
    done = cli(tmp_path, "site", "-p", "kb", "-o", "site", "--as-of", "2016-07-01", "--config", str(ROOT / "mkdocs.yml"),
               "--templates", str(ROOT / "templates"))
    assert done.returncode == 0, done.stderr
    from policykb.docids import SITE_NAMES  # the names a document may not take: all the site writes for itself
    assert {p.name.split(".")[0] for p in (tmp_path / "site").iterdir() if not p.name.startswith(".")} \
        - {"demo-2016"} <= SITE_NAMES
    sys.path.insert(0, str(ROOT / "bench"))
    import search_quality as sq
    with sq.browser() as chromium:
        context = chromium.new_context(accept_downloads=True)
        page = context.new_page()
        page.goto((tmp_path / "site" / "demo-2016" / "table.html").as_uri())
        with page.expect_download() as download:
            page.locator("#pk-filter button[name=csv]").click()
        text = open(download.value.path(), encoding="utf-8-sig").read()
        context.close()
    cells = [c for row in csv.reader(io.StringIO(text)) for c in row]
    assert [c for c in cells if c.startswith(export.FORMULA_START)] == []
    assert {"'" + t for t in HOSTILE_TEXTS} <= set(cells)
    assert any(c.startswith("'" + HOSTILE_UNIT) for c in cells)


# --- 3. no command deletes a file it did not write ---

def _tree(folder: Path) -> dict[str, bytes]:
    """Every file's bytes (lock files aside: empty, and kept on purpose between runs)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.endswith(".lock")}


def test_site_into_the_project_root_is_refused_and_the_clone_stays_whole(tmp_path):
    """`site -o .` from the root of a scratch project (a git repository with its policies, templates,
    docs and mkdocs.yml): refused with output-not-ours, every file as it was."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copytree(TINY, project / "policies")
    for name in ("templates", "docs"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copyfile(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "policies" / "demo-2016" / "tracking").mkdir()
    (project / "policies" / "demo-2016" / "tracking" / "notes.yaml").write_text("# 未提交的跟踪记录\n", encoding="utf-8")
    for args in (["init", "-q"], ["add", "-A"],
                 ["-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "scratch"]):
        subprocess.run(["git", *args], cwd=project, check=True, capture_output=True)
    before = _tree(project)
    for command in (["site", "-o", "."], ["site", "-o", "policies"], ["maps", "-o", ".", "-f", "svg"],
                    ["letters", "-o", "."], ["build", "-o", ".", "--only", "data"]):
        done = cli(project, *command, "--as-of", "2016-07-01")
        assert done.returncode == 1 and "error[output-not-ours]" in done.stderr, (command, done.stderr)
        assert "Traceback" not in done.stderr
        assert _tree(project) == before, command
        assert sorted(p.name for p in tmp_path.iterdir()) == ["project"]  # no staging left beside it


def test_maps_into_a_folder_with_a_users_file_keeps_it_and_a_second_run_replaces_its_own(tmp_path):
    _tiny(tmp_path)
    desk = tmp_path / "桌面"
    desk.mkdir()
    (desk / "我的文件.txt").write_text("自己的文件", encoding="utf-8")
    done = cli(tmp_path, "maps", "-o", "桌面", "-f", "svg", "-p", "kb", "--as-of", "2016-07-01")
    assert done.returncode == 1 and "error[output-not-ours]" in done.stderr and "我的文件.txt" in done.stderr
    assert _tree(desk) == {"我的文件.txt": "自己的文件".encode()}
    for _ in range(2):  # a folder it wrote is its own: the next run replaces it
        done = cli(tmp_path, "maps", "-o", "maps", "-f", "svg", "-p", "kb", "--as-of", "2016-07-01")
        assert done.returncode == 0, done.stderr
    assert (tmp_path / "maps" / "manifest.json").is_file()


def test_an_output_of_an_earlier_version_is_still_replaced(tmp_path):
    """Before the marker, outputs carried manifest.json (letters, maps) or .keys.json (build stages)."""
    _tiny(tmp_path)
    done = cli(tmp_path, "maps", "-o", "maps", "-f", "svg", "-p", "kb", "--as-of", "2016-07-01")
    assert done.returncode == 0
    from policykb.output import MARKER
    (tmp_path / "maps" / MARKER).unlink()
    done = cli(tmp_path, "maps", "-o", "maps", "-f", "svg", "-p", "kb", "--as-of", "2016-07-02")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "maps" / MARKER).is_file()


# --- 4–6. imports read within limits ---

# Runs the command in a child and prints the child's peak memory (KB) last: the bound is checked
# on the process that read the file, not on the test runner.
_PEAK = ("import resource, subprocess, sys\n"
         "done = subprocess.run([sys.executable, '-m', 'policykb', *sys.argv[1:]], capture_output=True, text=True)\n"
         "sys.stdout.write(done.stdout); sys.stderr.write(done.stderr)\n"
         "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
         "sys.exit(done.returncode)\n")


def _import_peak(where: Path, source: Path) -> tuple[subprocess.CompletedProcess, int]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "200"}
    done = subprocess.run([sys.executable, "-c", _PEAK, "import", str(source), "out", "--date", "2016-04-01"],
                          cwd=where, env=env, capture_output=True, text=True, timeout=120)
    return done, int(done.stdout.strip().splitlines()[-1]) // 1024


def _bombs():
    import importbombs as b
    mb = 1 << 20
    return {
        "colspan-million.html": (lambda: b.colspan_page("1000000"), "1,000,000 列"),
        "colspan-999999999.html": (lambda: b.colspan_page("999999999"), "999,999,999 列"),
        "inflates-600MB.docx": (lambda: b.inflating_docx(600 * mb), "word/document.xml 解压后有 629,145,600"),
        "100000-paragraphs.docx": (lambda: b.paragraphs_docx(100_000), "段落和表格行超过 20,000"),
        "gridspan.docx": (lambda: b.gridspan_docx(10_000_000), "10,000,000 列"),
        "inflates-600MB.xlsx": (lambda: __import__("formbombs").bomb(b._workbook(), "xl/worksheets/sheet1.xml",
                                                                     600 * mb), "629,145,600"),
        "500000-cells.xlsx": (lambda: b.many_cells_xlsx(20_000, 25), "单元格超过 100,000"),
        "far-cell.xlsx": (b.far_cell_xlsx, "16,384 列"),
        "whole-sheet-merge.xlsx": (b.huge_merge_xlsx, "16,384 列"),
        # a part that inflates to 256 MB but declares 4 KB: python-docx would inflate it in one call
        "liar.docx": (lambda: __import__("formbombs").bomb(b._a_docx(), "word/document.xml", 256 * mb,
                                                           declared=4096), "已损坏或被篡改"),
        "liar.xlsx": (lambda: __import__("formbombs").bomb(b._workbook(), "xl/worksheets/sheet1.xml", 256 * mb,
                                                           declared=4096), "已损坏或被篡改"),
    }


@pytest.mark.parametrize("name", list(_bombs()))
def test_an_import_bomb_is_refused_with_little_memory_and_nothing_written(tmp_path, name):
    """Each probe of the issue, through `policykb import`: import-too-large naming the limit, no
    traceback, no folder written, the reading process under 300 MB (time: bench/hostile_imports.py)."""
    make, named = _bombs()[name]
    source = tmp_path / name
    source.write_bytes(make())
    assert source.stat().st_size < 16 << 20
    done, peak_mb = _import_peak(tmp_path, source)
    code = "import-unreadable" if name.startswith("liar") else "import-too-large"
    assert done.returncode == 1 and f"error[{code}]" in done.stderr, done.stderr
    assert named in done.stderr and "Traceback" not in done.stderr
    assert peak_mb < 300, peak_mb
    assert not (tmp_path / "out").exists()


def test_limits_leave_an_ordinary_table_alone(tmp_path):
    """A sheet with merged cells and a header repeated: read as before the limits existed."""
    import importbombs as b
    from policykb.ingest import readers
    rows = ('<row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c><c r="B1" t="inlineStr"><is><t>任务</t></is></c>'
            '<c r="C1" t="inlineStr"><is><t>牵头单位</t></is></c></row>'
            '<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>建档立卡</t></is></c>'
            '<c r="C2" t="inlineStr"><is><t>省扶贫办</t></is></c></row>'
            '<row r="3"><c r="A3"><v>2</v></c><c r="B3" t="inlineStr"><is><t>产业扶贫</t></is></c></row>')
    path = tmp_path / "t.xlsx"
    path.write_bytes(b.sheet_xlsx(rows, '<mergeCell ref="C2:C3"/>'))
    source = readers.read(path)
    assert [blk.cells for blk in source.blocks] == [("序号", "任务", "牵头单位"), ("1", "建档立卡", "省扶贫办"),
                                                    ("2", "产业扶贫", "省扶贫办")]


# --- imports: all or nothing ---

# The CLI with a writer that stops the process partway through an import, as Ctrl-C or kill would.
_INTERRUPTED = ("import os, signal, sys, policykb.ingest.write as w, policykb.ingest.draft as d\n"
                "count, after, stop = [0], int(sys.argv[1]), getattr(signal, sys.argv[2])\n"
                "signal.signal(signal.SIGINT, signal.default_int_handler)\n"  # as in a terminal, even if started with SIGINT ignored
                "real = w.dump_new\n"
                "def dump(path, data, schema):\n"
                "    count[0] += 1\n"
                "    if count[0] == after:\n"
                "        os.kill(os.getpid(), stop)\n"
                "    real(path, data, schema)\n"
                "w.dump_new = d.dump_new = dump\n"
                "sys.argv = ['policykb', *sys.argv[3:]]\n"
                "from policykb.cli import main\nmain()\n")


@pytest.mark.parametrize("signal_name", ["SIGINT", "SIGTERM"])
@pytest.mark.parametrize("source", ["bundled", "draft"])
def test_an_interrupted_import_leaves_one_document_and_nothing_half_imported(tmp_path, signal_name, source):
    """Stopped after 40 files of the bundled policy (95 tasks), by Ctrl-C or kill: check then sees the
    knowledge base as before: one document, the registry unchanged, no staging folder left."""
    kb = _tiny(tmp_path)
    text = (ROOT / "policies" / "hunan-2016-implementation-opinions" / "source.txt").read_text(encoding="utf-8")
    path = tmp_path / "意见.txt"
    # the draft reader takes any text with --date; the bundled shape is recognised without it
    path.write_text(text, encoding="utf-8")
    date = ["--date", "2016-04-01"] if source == "draft" else []
    before = _tree(kb)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    after = "40" if source == "bundled" else "3"  # the draft reader finds fewer tasks in this text
    done = subprocess.run([sys.executable, "-c", _INTERRUPTED, after, signal_name, "import", str(path), "kb", *date],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode != 0, done.stderr
    assert "Traceback" not in done.stderr
    assert _tree(kb) == before
    assert [p.name for p in kb.iterdir() if p.name.startswith(".")] == []
    check = cli(tmp_path, "check", "-p", "kb", "--strict")
    assert check.returncode == 0, check.stderr
    # and the same import, not interrupted, goes through
    assert cli(tmp_path, "import", str(path), "kb", *date).returncode == 0
    assert (kb / "意见" / "document.yaml").is_file()
    if source == "bundled":
        assert len(list((kb / "意见" / "tasks").glob("*.yaml"))) == 95


def test_a_staging_folder_of_a_killed_import_is_reclaimed_and_never_loaded(tmp_path):
    kb = _tiny(tmp_path)
    stale = kb / ".import-demo-2016.tmp"  # as an earlier version left it after SIGKILL
    shutil.copytree(kb / "demo-2016", stale)
    check = cli(tmp_path, "check", "-p", "kb")
    assert check.returncode == 0 and "warning[hidden-skipped]" in check.stderr and ".import-demo-2016.tmp" in check.stderr
    dead = kb / ".import-999999-x.tmp"  # a pid no process has
    dead.mkdir()
    text = (ROOT / "policies" / "hunan-2016-implementation-opinions" / "source.txt").read_text(encoding="utf-8")
    (tmp_path / "s.txt").write_text(text, encoding="utf-8")
    assert cli(tmp_path, "import", "s.txt", "kb").returncode == 0
    assert not stale.exists() and not dead.exists()


def test_a_full_disk_while_replacing_the_registry_keeps_it_whole(tmp_path, monkeypatch):
    """The registry is replaced by one rename; when that fails the document folder goes too."""
    import errno
    import policykb.ingest.write as w
    from policykb.ingest import import_file
    from policykb.ingest.source import ImportFailed
    kb = _tiny(tmp_path)
    units = (kb / "units.yaml").read_bytes()
    source = tmp_path / "x.txt"
    source.write_text("关于做好某项工作的通知\n（2020年1月2日）\n一、建立工作台账。（省新设局负责）\n"
                      "二、加强督查。（省扶贫办、省新设局负责）\n", encoding="utf-8")  # 省新设局: a proposed unit
    real = os.replace

    def full(a, b):
        if str(b).endswith("units.yaml"):
            raise OSError(errno.ENOSPC, "No space left on device", str(b))
        return real(a, b)
    monkeypatch.setattr(w.os, "replace", full)
    with pytest.raises(ImportFailed) as refused:
        import_file(source, kb, date=None)
    assert refused.value.code == "output-unwritable"
    assert (kb / "units.yaml").read_bytes() == units
    assert sorted(p.name for p in kb.iterdir()) == sorted(p.name for p in TINY.iterdir())


# --- names ---

def test_windows_device_names_never_become_file_names():
    from policykb.names import safe_filename
    names = ["CON", "con.docx", "COM1", "COM\u00b9", "LPT\u00b2.pdf", "lpt\u00b3", "CONIN$", "conout$.txt", "NUL .txt"]
    assert [safe_filename(n) for n in names] == ["_" + n for n in names]
    assert safe_filename("COM0") == "COM0" and safe_filename("COM10") == "COM10"


# --- the site's build failures say why ---

def test_a_failed_site_build_shows_the_warnings_mkdocs_raised(tmp_path):
    from test_checks_broken import BROKEN, overlay
    overlay(BROKEN / "site-failed" / "broken-link", tmp_path)
    done = cli(tmp_path, "site", "-p", "kb", "--config", "kb/mkdocs.yml", "--templates", str(ROOT / "templates"),
               "--as-of", "2016-07-01", "-o", "out")
    assert done.returncode == 1 and "error[site-failed]" in done.stderr and "Traceback" not in done.stderr
    assert "nope.md" in done.stderr and "guide/notes.md" in done.stderr, done.stderr  # which page, which link


# --- the build cache trusts nothing it cannot verify ---

def _letters(where: Path) -> Path:
    return where / "build" / "letters"


def test_a_letter_damaged_in_build_is_rendered_again_not_reused(tmp_path):
    """A letter in build/letters truncated (or opened in WPS and saved): the next build writes it anew,
    and 责任书.zip holds the good one."""
    import zipfile
    _tiny(tmp_path)
    args = ["build", "-p", "kb", "-o", "build", "--as-of", "2016-07-01", "--only", "letters",
            "--templates", str(ROOT / "templates")]
    assert cli(tmp_path, *args).returncode == 0
    letter = sorted(_letters(tmp_path).rglob("*.docx"))[0]
    good = letter.read_bytes()
    for damage in (good[: len(good) // 2], good.replace(b"word/", b"WORD/", 1)):
        letter.unlink()  # as an editor saving over it would (a new file, not the cache's hard link)
        letter.write_bytes(damage)
        done = cli(tmp_path, *args)
        assert done.returncode == 0, done.stderr
        assert letter.read_bytes() == good
    zipped = next(_letters(tmp_path).rglob("*.zip"))
    with zipfile.ZipFile(zipped) as z:
        inside = [n for n in z.namelist() if n.endswith(letter.name)]
        assert inside and z.read(inside[0]) == good


@pytest.mark.parametrize("keys", ["[]", "garbage{", '{"<stage>": 7, "<files>": []}', '{"<files>": {"x": 1}}', ""])
def test_a_damaged_keys_file_means_a_rebuild_never_a_crash(tmp_path, keys):
    _tiny(tmp_path)
    args = ["build", "-p", "kb", "-o", "build", "--as-of", "2016-07-01", "--only", "letters", "--only", "data",
            "--templates", str(ROOT / "templates")]
    assert cli(tmp_path, *args).returncode == 0
    for stage in ("letters", "data"):
        (tmp_path / "build" / stage / ".keys.json").write_text(keys, encoding="utf-8")
    done = cli(tmp_path, *args)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert json_ok(tmp_path / "build" / "letters" / ".keys.json")


def json_ok(path: Path) -> bool:
    import json
    return isinstance(json.loads(path.read_text(encoding="utf-8")), dict)


# --- dates within a range, no OverflowError anywhere ---

@pytest.mark.parametrize("command", [
    ["status", "--as-of", "9999-12-31"], ["site", "--as-of", "9999-12-31"], ["site", "--as-of", "0001-01-01"],
    ["letters", "--as-of", "9999-12-31"], ["maps", "--as-of", "9999-12-31"],
    ["progress", "note", "1", "--date", "9999-12-31", "--text", "备注"],
    ["progress", "extend", "1", "--date", "2016-06-01", "--original", "2016-06-30", "--new", "9999-12-31",
     "--reason", "推迟", "--approved-by", "省扶贫办"],
])
def test_a_date_beyond_the_range_is_a_coded_error(tmp_path, command):
    kb = _tiny(tmp_path)
    assert cli(tmp_path, "progress", "note", "1", "--date", "2016-06-01", "--text", "已部署", "-p", "kb").returncode == 0
    before = _tree(kb)
    writes = {"site": ["-o", "out", "--config", str(ROOT / "mkdocs.yml"), "--templates", str(ROOT / "templates")],
              "letters": ["-o", "out", "--template", str(ROOT / "templates" / "letter.docx")],
              "maps": ["-o", "out"]}
    done = cli(tmp_path, *command, "-p", "kb", *writes.get(command[0], []))
    assert done.returncode == 1 and "error[bad-date]" in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert _tree(kb) == before and not (tmp_path / "out").exists()


def test_a_tracking_record_dated_9999_is_refused_by_check(tmp_path):
    kb = _tiny(tmp_path)
    assert cli(tmp_path, "progress", "note", "1", "--date", "2016-06-01", "--text", "已部署", "-p", "kb").returncode == 0
    record = next((kb / "demo-2016" / "tracking").rglob("*.yaml"))
    record.write_text(record.read_text(encoding="utf-8").replace("2016-06-01", "9999-12-31"), encoding="utf-8")
    for command in (["check"], ["status", "--as-of", "2016-07-01"]):
        done = cli(tmp_path, *command, "-p", "kb")
        assert done.returncode == 1 and "bad-date" in done.stderr and "Traceback" not in done.stderr, done.stderr


# --- progress commands check text as check does ---

@pytest.mark.parametrize("text", ["已部署\u200b", "a\u202eb", "转发\x1b[31m", "第一段\u2028第二段", "\x07"])
@pytest.mark.parametrize("command", [["note", "1", "--date", "2016-06-01", "--text"],
                                     ["plan", "1", "--date", "2016-06-01", "--doc-number", "湘扶发〔2016〕1号",
                                      "--title"]])
def test_progress_refuses_text_check_would_refuse_and_writes_nothing(tmp_path, command, text):
    kb = _tiny(tmp_path)
    before = _tree(kb)
    done = cli(tmp_path, "progress", *command, text, "-p", "kb")
    assert done.returncode == 1 and "error[bad-character]" in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert _tree(kb) == before
    assert cli(tmp_path, "check", "-p", "kb").returncode == 0


def test_a_windows_line_end_is_kept_as_a_line_end_and_check_accepts_it(tmp_path):
    kb = _tiny(tmp_path)
    done = cli(tmp_path, "progress", "note", "1", "--date", "2016-06-01", "--text", "第一行\r\n第二行\r第三行", "-p", "kb")
    assert done.returncode == 0, done.stderr
    assert cli(tmp_path, "check", "-p", "kb").returncode == 0
    assert cli(tmp_path, "status", "-p", "kb", "--as-of", "2016-07-01").returncode == 0
    from policykb.track import load_tracking
    notes = [e.text for e in load_tracking(kb).of("demo-2016", 1) if e.type == "note"]
    assert notes == ["第一行\n第二行\n第三行"]


# --- a shallow clone says its history is missing ---

def test_a_shallow_clone_says_its_history_is_partial(tmp_path):
    """CI clones with depth 1: the change log must not show the whole policy as added on the build day,
    and `diff HEAD~2` says the history is missing (bad-revision) instead of failing with no reason."""
    from policykb.graph import PolicyGraph
    from policykb.render.site import files
    from policykb.render.site.pages import Paths
    from policykb.validate import load_kb
    from test_track_diff import GIT
    repo = tmp_path / "repo"
    shutil.copytree(TINY, repo / "policies")
    task = repo / "policies" / "demo-2016" / "tasks" / "001.yaml"
    subprocess.run([*GIT, "init", "-q", str(repo)], check=True)
    for n, old, new in ((1, None, None), (2, "60亿元", "61亿元"), (3, "61亿元", "62亿元")):
        if old:
            task.write_text(task.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
        subprocess.run([*GIT, "-C", str(repo), "add", "-A"], check=True)
        subprocess.run([*GIT, "-C", str(repo), "commit", "-qm", f"v{n}"], check=True)
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "2", repo.as_uri(), str(clone)], check=True)
    pg = PolicyGraph(load_kb(clone / "policies"))
    log = files.history(pg, clone / "policies", Paths(pg))
    assert log.partial and len(log) == 1  # v3 over v2; v2's parent is cut off, so v2 is not shown as 新增
    assert all("新增" not in what for c in log for _, _, what in c["changes"])
    full = files.history(pg, repo / "policies", Paths(pg))
    assert not full.partial and len(full) == 3
    done = cli(clone, "diff", "HEAD~2", "-p", "policies")
    assert done.returncode == 1 and "error[bad-revision]" in done.stderr and "浅克隆" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    assert cli(clone, "diff", "HEAD~1", "-p", "policies").returncode == 0
    done = cli(repo, "diff", "nosuchtag", "-p", "policies")
    assert done.returncode == 1 and "没有版本“nosuchtag”" in done.stderr


def test_staging_folders_left_by_killed_runs_are_reclaimed_and_ignored_by_git(tmp_path):
    _tiny(tmp_path)
    dead = tmp_path / ".maps.new.999999-abcd1234"  # a process id no process has
    dead.mkdir()
    (dead / "big.svg").write_text("<svg/>", encoding="utf-8")
    legacy = tmp_path / ".maps.new.abcd1234"  # an earlier version's name, a day old
    legacy.mkdir()
    os.utime(legacy, (0, 0))
    alive = tmp_path / f".maps.new.{os.getpid()}-abcd1234"  # a run still going: left alone
    alive.mkdir()
    assert cli(tmp_path, "maps", "-o", "maps", "-f", "svg", "-p", "kb", "--as-of", "2016-07-01").returncode == 0
    assert not dead.exists() and not legacy.exists() and alive.exists()
    ignored = subprocess.run(["git", "-C", str(ROOT), "check-ignore", "--no-index", ".x.new.1-ab", ".a.yaml.k2.tmp",
                              "policies/.import-12-ab.tmp", "policies/.tracking.lock"],
                             capture_output=True, text=True).stdout.split()
    assert len(ignored) == 4, ignored


def test_a_text_mixing_gbk_and_utf8_is_refused_not_read_as_mojibake(tmp_path):
    _tiny(tmp_path)
    source = tmp_path / "mixed.txt"
    source.write_bytes("关于做好某项工作的通知\n".encode("gbk") + "一、建立工作台账。（省扶贫办负责）\n".encode("utf-8")
                      + "二、加强督查。（省扶贫办负责）\n".encode("gbk"))
    done = cli(tmp_path, "import", "mixed.txt", "kb", "--date", "2020-01-02")
    assert done.returncode == 1 and "error[encoding]" in done.stderr and "第 2" in done.stderr, done.stderr
    assert not (tmp_path / "kb" / "mixed").exists()
    for encoding in ("gbk", "utf-8"):  # either alone is read as before
        source.write_bytes("关于做好某项工作的通知\n（2020年1月2日）\n一、建立工作台账。（省扶贫办负责）\n".encode(encoding))
        from policykb.ingest import readers
        assert "建立工作台账" in readers.read(source).text


def test_an_import_of_thousands_of_tasks_says_so(tmp_path):
    """Below every limit, but far more tasks than any annex: imported, with a warning to look twice."""
    from policykb.ingest.limits import TASK_WARNING
    _tiny(tmp_path)
    lines = ["关于做好某项工作的通知", "（2020年1月2日）"]
    lines += [f"{n}．落实第{n}项工作。（省扶贫办负责）" for n in range(1, TASK_WARNING + 2)]
    (tmp_path / "many.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = cli(tmp_path, "import", "many.txt", "kb")
    assert done.returncode == 0, done.stderr
    assert f"[警告] 导入了 {TASK_WARNING + 1} 项任务" in done.stdout + done.stderr
