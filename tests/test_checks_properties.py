"""Property-based tests: no edit of a policy file crashes the checker; no name escapes its folder."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path, PurePosixPath

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policykb import deadlines, export
from policykb.graph import PolicyGraph
from policykb.issues import CODES
from policykb.names import MAX_BYTES, safe_filename
from policykb.validate import validate

from conftest import FIXTURES

TINY = FIXTURES / "tiny"
FILES = sorted(str(p.relative_to(TINY)) for p in TINY.rglob("*.yaml"))

# Values people (or their editors) put where a scalar should be.
ODD_VALUES = ["", "~", "null", "yes", "no", "[", "]", "{", "}", "'", '"', "&a", "*a", "!!python/object:os.system",
              "2016-02-30", "１２", "- x", "-x", ": x", "#", "%", "@", "`", "|", ">", "? x", "0x1F", "010", "1e400",
              "nan", ".inf", "1:20", "\t", "\u200b", "\ufeff", "省扶贫ban", "../../etc/passwd", "a" * 300,
              "99999999999999999999年内", "2016年13月底前", "每年0月", "从0年起"]

scalars = st.one_of(st.sampled_from(ODD_VALUES), st.text(max_size=40), st.integers().map(str),
                    st.floats(allow_nan=True).map(str))


@st.composite
def mutation(draw, lines: list[str]) -> list[str]:
    """One random edit of a file's lines, of the kinds that happen when people edit YAML by hand."""
    lines = list(lines)
    n = len(lines)
    kind = draw(st.sampled_from(["delete", "duplicate", "replace", "truncate", "tab", "shuffle", "insert",
                                 "indent", "swap"]))
    i = draw(st.integers(0, max(n - 1, 0)))
    if not lines:
        return [draw(scalars)]
    if kind == "delete":
        del lines[i]
    elif kind == "duplicate":  # a repeated key, or a repeated list item
        lines.insert(i, lines[i])
    elif kind == "replace" and ":" in lines[i]:
        key = lines[i].split(":", 1)[0]
        lines[i] = f"{key}: {draw(scalars)}"
    elif kind == "replace":
        lines[i] = draw(scalars)
    elif kind == "truncate":
        text = "\n".join(lines)
        return text[: draw(st.integers(0, len(text)))].split("\n")
    elif kind == "tab":
        j = draw(st.integers(0, len(lines[i])))
        lines[i] = lines[i][:j] + "\t" + lines[i][j:]
    elif kind == "shuffle":
        lines = draw(st.permutations(lines))
    elif kind == "insert":
        j = draw(st.integers(0, len(lines[i])))
        lines[i] = lines[i][:j] + draw(st.text(min_size=1, max_size=5)) + lines[i][j:]
    elif kind == "indent":
        lines[i] = " " * draw(st.integers(1, 5)) + lines[i]
    else:  # swap two lines
        j = draw(st.integers(0, n - 1))
        lines[i], lines[j] = lines[j], lines[i]
    return lines


@st.composite
def broken_kb(draw) -> dict[str, bytes]:
    """New contents for one to three files of the tiny knowledge base."""
    changed = {}
    for name in draw(st.lists(st.sampled_from(FILES), min_size=1, max_size=3, unique=True)):
        lines = (TINY / name).read_text(encoding="utf-8").split("\n")
        for _ in range(draw(st.integers(1, 3))):
            lines = draw(mutation(lines))
        data = "\n".join(lines).encode("utf-8", "surrogatepass")
        if draw(st.integers(0, 19)) == 0:  # now and then, bytes that are not UTF-8 at all
            data = draw(st.binary(max_size=200))
        changed[name] = data
    return changed


@pytest.fixture(scope="module")
def scratch():
    with tempfile.TemporaryDirectory() as folder:
        kb = Path(folder) / "kb"
        shutil.copytree(TINY, kb)
        yield kb


def _assert_handled(kb_path: Path) -> None:
    kb, report = validate(kb_path)
    for issue in report.issues:
        assert issue.code in CODES and issue.line >= 1 and issue.col >= 1, issue
        assert issue.message and "\n" not in issue.message, issue
    if kb is None:
        assert report.errors
    else:  # a knowledge base that passed must be usable by everything downstream
        assert not report.errors
        export.to_json(PolicyGraph(kb))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=broken_kb())
def test_mutated_files_never_crash_validate(scratch, changes):
    try:
        for name, data in changes.items():
            (scratch / name).write_bytes(data)
        _assert_handled(scratch)
    finally:
        for name in changes:
            shutil.copyfile(TINY / name, scratch / name)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(max_size=30), alias=st.text(max_size=30))
def test_random_unit_names_never_crash_validate(scratch, name, alias):
    """A unit with any name: the checker reports or accepts it, never crashes."""
    units = scratch / "units.yaml"
    original = units.read_bytes()
    try:
        quoted = [s.replace("\\", "\\\\").replace('"', '\\"') for s in (name, alias)]
        units.write_bytes(original + f'  - name: "{quoted[0]}"\n    aliases: ["{quoted[1]}"]\n'
                          f"    kind: 省直部门\n".encode("utf-8", "surrogatepass"))
        _assert_handled(scratch)
    finally:
        units.write_bytes(original)


numbers = st.one_of(st.integers(0, 3000).map(str), st.integers(10**17, 10**30).map(str),
                    st.sampled_from(["一", "三", "十", "０", "１２"]))
phrases = st.builds(lambda a, n, m, b: f"{a}{n}{m}{b}",
                    st.sampled_from(["", "力争", "到", "在", "从", "每年", "力争在"]), numbers,
                    st.sampled_from(["年", "月", "年内", "年起", "年12月", "年底"]),
                    st.one_of(st.just(""), st.builds(lambda n, p: f"{n}月{p}", numbers,
                                                     st.sampled_from(["", "上旬", "中旬", "下旬", "底", "底前"]))))


@settings(max_examples=500, deadline=None)
@given(phrase=phrases, year=st.integers(1, 9999))
def test_deadline_phrases_never_crash(phrase, year):
    """A phrase with any numbers is read or refused (None), never an exception."""
    read = deadlines.parse(phrase, year)
    assert read is None or read[1] in ("once", "yearly", "target-year", "starting-year")


@pytest.mark.parametrize("phrase, same", [("年內(nèi)", "年内"), ("力爭到2025年", "力争到2025年"), ("從2016年起", "从2016年起")])
def test_a_deadline_written_in_traditional_script_or_with_pinyin_glosses_reads_as_its_simplified_form(phrase, same):
    """An imported document's phrase as the page writes it (issue #22: 「年內(nèi)」 failed `check` after an import)."""
    assert deadlines.parse(phrase, 2023) == deadlines.parse(same, 2023) is not None


UNSAFE = set('/\\:*?"<>|')


@settings(max_examples=400, deadline=None)
@given(name=st.one_of(st.text(), st.text(alphabet=st.sampled_from(list("./\\省扶贫办 :*?\"<>|\x00\t")))))
def test_safe_filename_stays_in_its_folder(name):
    result = safe_filename(name)
    assert result == safe_filename(name)  # deterministic
    assert result and not result.startswith(".") and ".." not in result
    assert not (set(result) & UNSAFE)
    assert all(ch.isprintable() for ch in result)
    assert len(result.encode("utf-8")) <= MAX_BYTES
    assert result == result.strip() and not result.endswith(".")
    path = PurePosixPath("build/letters") / f"{result}.docx"
    assert path.parent == PurePosixPath("build/letters") and path.name == f"{result}.docx"


@settings(max_examples=100, deadline=None)
@given(name=st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1, max_size=40))
def test_safe_filename_keeps_chinese_names(name):
    assert safe_filename(name) == name


def test_safe_filename_examples():
    assert safe_filename("省扶贫办") == "省扶贫办"
    assert safe_filename("各市州、县市区党委和政府") == "各市州、县市区党委和政府"
    assert safe_filename("省扶贫办/财务处") == "省扶贫办_财务处"
    assert safe_filename("../省财政厅") == "_省财政厅"
    assert safe_filename("..") == "_" and safe_filename("") == "_"
    assert safe_filename("CON") == "_CON"
    long = "省" * 100
    assert safe_filename(long) != safe_filename(long + "办")  # shortened names keep apart by a hash
    assert safe_filename(long).startswith("省" * 30)


segments = st.lists(st.sampled_from(["units", "tasks", "a", "hunan-2016", "下载", "69.md", "x.docx"]), max_size=4)


@given(segments.filter(bool), segments)
def test_site_links_are_what_relpath_gives(target, folder):
    """The site's fast relative links agree with posixpath.relpath for every path in the docs tree."""
    import posixpath

    from policykb.render.site.text import relative
    path, start = "/".join(target), "/".join(folder)
    assert relative(path, folder) == posixpath.relpath(path, start or ".")
