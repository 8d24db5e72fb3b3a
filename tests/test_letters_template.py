"""The letter template: reproducible, documented, editable in Word, and checked before anything is written."""
from __future__ import annotations

import datetime as dt
import importlib.util
import io
import os
import re
import subprocess
import sys
import zipfile

import pytest

from policykb.render import letters
from policykb.gongwen import read_text
from policykb.render.letters.context import models
from policykb.render.letters.template import LetterError, LetterTemplate

from conftest import ROOT

TEMPLATE = ROOT / "templates" / "letter.docx"
AS_OF = dt.date(2026, 11, 28)


def _maker():
    spec = importlib.util.spec_from_file_location("make_letter_template", ROOT / "templates" / "make_letter_template.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def edited(tmp_path, old: str, new: str, name: str = "edited.docx"):
    """The committed template with document.xml changed as a Word user would change it."""
    source = zipfile.ZipFile(TEMPLATE)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                assert old in text, old
                data = text.replace(old, new, 1).encode("utf-8")
            target.writestr(info, data)
    path = tmp_path / name
    path.write_bytes(out.getvalue())
    return path


def test_template_script_is_reproducible():
    maker = _maker()
    assert maker.make() == maker.make()


def test_committed_template_is_what_the_generator_makes():
    """templates/letter.docx and its generator never drift apart (a hand edit of the .docx is lost
    the next time the generator runs)."""
    assert _maker().make() == TEMPLATE.read_bytes()


def test_committed_template_checks_clean():
    LetterTemplate(TEMPLATE)


def test_readme_documents_every_field_and_no_other():
    readme = (ROOT / "templates" / "README.md").read_text(encoding="utf-8")
    sections = re.split(r"^### .*?`(\w+)`\s*$", readme, flags=re.M)
    documented = {name: set(re.findall(r"^\| `(\w+)` \|", body, flags=re.M))
                  for name, body in zip(sections[1::2], sections[2::2])}
    assert documented == {name: set(m.model_fields) for name, m in models().items()}


def test_an_edited_template_is_used(pg, tmp_path):
    path = edited(tmp_path, "{{ letter.title }}", "脱贫攻坚任务交办函")
    [(_, data)] = letters.render_all(pg, path, as_of=AS_OF, units=["省国资委"])
    lines = read_text(data)
    assert lines[0] == "脱贫攻坚任务交办函" and "乙方：湖南省人民政府国有资产监督管理委员会" in lines


@pytest.mark.parametrize("old, new, code, named", [
    ("{{ letter.party_a }}", "{{ party }}", "template-unknown-field", "“party”"),
    ("{{ t.text }}", "{{ t.txet }}", "template-unknown-field", "“t.txet”"),
    ("{{ unit.full_name }}", "{{ unit.full_nmae }}", "template-unknown-field", "“unit.full_nmae”"),
    ("{%p endfor %}", "{%p endfo %}", "template-syntax", "endfo"),
    ("量化指标：", "量化指标：{% if %}", "template-syntax", "量化指标"),
    ("{{ unit.full_name }}", "{{ unit.full_name }", "template-syntax", "缺少一个 }"),
    ("{{ letter.number }}", "{{ letter.number }", "template-syntax", "{{ letter.number }"),
])
def test_a_broken_template_fails_clearly_and_writes_nothing(pg, tmp_path, old, new, code, named):
    path = edited(tmp_path, old, new)
    out = tmp_path / "out"
    with pytest.raises(LetterError) as e:
        letters.write_letters(pg, out, path, as_of=AS_OF, make_zip=True, with_overview=True)
    assert e.value.code == code
    assert str(path) in e.value.message and named in e.value.message
    assert not out.exists()


def test_cli_reports_a_broken_template_without_traceback(tmp_path):
    path = edited(tmp_path, "{{ unit.full_name }}", "{{ unit.full_nmae }}")
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "policykb", "letters", "-o", str(out), "--template", str(path),
                           "--as-of", "2026-11-28"], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert done.returncode == 1
    assert "error[template-unknown-field]" in done.stderr and "unit.full_nmae" in done.stderr
    assert "name" in done.stderr.split("hint:")[1] and "Traceback" not in done.stderr
    assert not out.exists()


def test_cli_unknown_unit_suggests(tmp_path):
    done = subprocess.run([sys.executable, "-m", "policykb", "letters", "-o", str(tmp_path / "out"),
                           "--unit", "省扶贫ban", "--as-of", "2026-11-28"], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert done.returncode == 1
    assert "error[unknown-unit]" in done.stderr and "省扶贫办" in done.stderr
    assert not (tmp_path / "out").exists()


def test_missing_template(pg, tmp_path):
    with pytest.raises(LetterError) as e:
        letters.render_all(pg, tmp_path / "none.docx", as_of=AS_OF)
    assert e.value.code == "template-missing"


def test_not_a_word_file(pg, tmp_path):
    path = tmp_path / "letter.docx"
    path.write_text("not a docx")
    with pytest.raises(LetterError) as e:
        letters.render_all(pg, path, as_of=AS_OF)
    assert e.value.code == "template-syntax" and str(path) in e.value.message


def test_a_tag_word_split_across_runs_still_works(pg, tmp_path):
    """Word splits text into runs at will (spelling marks, revisions); tags must survive that."""
    split = '{{ unit.</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:rPr><w:b/></w:rPr><w:t>full_name }}'
    path = edited(tmp_path, "{{ unit.full_name }}", split)
    [(_, data)] = letters.render_all(pg, path, as_of=AS_OF, units=["省国资委"])
    assert "乙方：湖南省人民政府国有资产监督管理委员会" in read_text(data)


def test_each_letter_is_as_if_rendered_alone(pg):
    """A worker renders many letters from one template read once: nothing rendering one letter changes
    (its body, tables, core properties) may reach the next, and every letter keeps its own text."""
    every = {letter.unit: data for letter, data in letters.render_all(pg, TEMPLATE, as_of=AS_OF)}
    units = list(every)
    for unit in [units[0], units[len(units) // 2], units[-1]]:
        [(_, alone)] = letters.render_all(pg, TEMPLATE, as_of=AS_OF, units=[unit])
        assert every[unit] == alone
    texts = {unit: read_text(data) for unit, data in every.items()}
    assert any("湖南省人民政府国有资产监督管理委员会" in line for line in texts["省国资委"])
    assert not any("湖南省人民政府国有资产监督管理委员会" in line for line in texts["省扶贫办"])


def test_shared_parts_deflated_once_give_the_bytes_of_normalizing_the_whole_letter():
    """letterzip keeps the template's large parts' compressed entries and swaps them in: each letter must
    have the very bytes gongwen.normalized writes for it, the second letter (parts taken from the first)
    too, and a letter whose styles differ must get its own."""
    import zipfile as zf

    from policykb.gongwen import normalized
    from policykb.render.letters.letterzip import LetterZip, _stored

    members = [(i.filename, zf.ZipFile(TEMPLATE).read(i)) for i in zf.ZipFile(TEMPLATE).infolist()]
    other = [(n, b.replace(b"</w:styles>", b"<!-- edited --></w:styles>") if n == "word/styles.xml" else b)
             for n, b in members]
    packer, properties = LetterZip(), {"policykb-source": "policies@abc"}
    for letter, stamp in [(members, "2016-04-01T00:00:00Z"), (members, "2017-01-01T00:00:00Z"), (other, "2016-04-01T00:00:00Z")]:
        assert packer.normalized(letter, stamp, properties) == normalized(_stored(letter), stamp, properties)
    assert packer._shared["word/styles.xml"][1] is not None  # its entry is kept and swapped in, not deflated again
