"""`policykb import` of the formats offices receive besides .docx/.xlsx (.doc, .wps, .rtf, .xls, .et): converted by
LibreOffice, read as what they really are when they are a renamed .docx or a saved web page, and a coded error with
the way out when LibreOffice is missing or stalls. Every probe runs through the command line, as a clerk would."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, require

LIST = ["萧县人民政府办公室关于印发2024年城乡环境整治任务分工的通知", "一、开展农村垃圾清运。（县住建局牵头，县财政局配合）",
        "二、整治河道沿岸环境。（县水利局负责）", "萧县人民政府办公室", "2024年3月1日"]


def cli(where: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "200", **(env or {})}
    return subprocess.run([sys.executable, "-m", "policykb", *args], cwd=where, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=300)


def _kb(where: Path) -> Path:
    kb = where / "kb"
    shutil.copytree(FIXTURES / "tiny", kb)
    return kb


def _docx(path: Path) -> Path:
    import docx
    document = docx.Document()
    for text in LIST:
        document.add_paragraph(text)
    document.save(path)
    return path


def _xlsx(path: Path) -> Path:
    import openpyxl
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["序号", "工作任务", "牵头单位", "配合单位", "完成时限"],
                [1, "开展农村垃圾清运", "县住建局", "县财政局", "2024年6月底前"],
                [2, "整治河道沿岸环境", "县水利局", "", "2024年9月底前"]):
        sheet.append(row)
    book.save(path)
    return path


def _saved_as(source: Path, fmt: str, suffix: str) -> Path:
    """The file saved in an older format by LibreOffice itself, as an office's Word or WPS would have saved it."""
    soffice = require("soffice")
    out = source.parent / "old"
    subprocess.run([soffice, "--headless", f"-env:UserInstallation={(source.parent / 'profile').as_uri()}",
                    "--convert-to", fmt, "--outdir", str(out), str(source)], capture_output=True, timeout=300)
    made = out / (source.stem + "." + fmt.split(":")[0])
    if not made.is_file():
        if os.environ.get("POLICYKB_REQUIRE_CLIENTS") == "1":
            pytest.fail(f"LibreOffice could not save {fmt} (is its Calc or Writer component installed?)")
        pytest.skip(f"this LibreOffice cannot save {fmt}")
    return made.rename(made.with_suffix(suffix))


def _tasks(folder: Path) -> list[str]:
    return sorted(p.read_text(encoding="utf-8") for p in (folder / "tasks").glob("*.yaml"))


@pytest.mark.parametrize("suffix", [".doc", ".wps", ".rtf"])
def test_a_word_or_wps_file_is_read_through_libreoffice(tmp_path, suffix):
    """The tasks, units and date of the list, the review saying the file was converted, the original kept."""
    old = _saved_as(_docx(tmp_path / "list.docx"), "rtf" if suffix == ".rtf" else "doc:MS Word 97", suffix)
    kb = _kb(tmp_path)
    done = cli(tmp_path, "import", str(old), str(kb), "--id", "x")
    assert done.returncode == 0, done.stderr
    tasks = _tasks(kb / "x")
    assert len(tasks) == 2 and "开展农村垃圾清运" in tasks[0] and "萧县住建局" in tasks[0] and "萧县财政局" in tasks[0]
    review = (kb / "x" / "import-review.txt").read_text(encoding="utf-8")
    assert f"（{suffix[1:]}，经 LibreOffice 转为 docx）" in review
    assert "2024-03-01" in (kb / "x" / "document.yaml").read_text(encoding="utf-8")
    assert (kb / "x" / f"source{suffix}").read_bytes() == old.read_bytes()  # the policy of record, as received


@pytest.mark.parametrize("suffix", [".xls", ".et"])
def test_an_old_excel_or_wps_sheet_is_read_through_libreoffice(tmp_path, suffix):
    old = _saved_as(_xlsx(tmp_path / "list.xlsx"), "xls:MS Excel 97", suffix)
    kb = _kb(tmp_path)
    done = cli(tmp_path, "import", str(old), str(kb), "--id", "x", "--date", "2024-03-01", "--issuer", "萧县人民政府办公室")
    assert done.returncode == 0, done.stderr
    tasks = _tasks(kb / "x")
    assert len(tasks) == 2 and "整治河道沿岸环境" in tasks[1] and "萧县水利局" in tasks[1] and "2024年9月底前" in tasks[1]
    review = (kb / "x" / "import-review.txt").read_text(encoding="utf-8")
    assert f"（{suffix[1:]}，经 LibreOffice 转为 xlsx）" in review and "牵头单位→牵头" in review


def test_without_libreoffice_an_old_file_gets_a_coded_error_and_the_way_out(tmp_path):
    old = tmp_path / "通知.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4088))  # an OLE compound file's signature
    kb = _kb(tmp_path)
    done = cli(tmp_path, "import", str(old), str(kb), "--id", "x", env={"POLICYKB_SOFFICE": str(tmp_path / "none")})
    assert done.returncode == 3 and "error[import-needs-office]" in done.stderr, done.stderr  # 3: the environment
    assert "另存为 .docx" in done.stderr and "POLICYKB_SOFFICE" in done.stderr and "Traceback" not in done.stderr
    assert not (kb / "x").exists()


def test_a_renamed_docx_and_a_web_page_saved_as_doc_are_read_without_libreoffice(tmp_path):
    """Word's 'save as web page' and many OA systems write HTML under .doc; a .docx is often renamed .doc."""
    renamed = _docx(tmp_path / "list.docx").rename(tmp_path / "renamed.doc")
    page = tmp_path / "page.doc"
    page.write_text("<html><body>" + "".join(f"<p>{text}</p>" for text in LIST) + "</body></html>", encoding="utf-8")
    kb = _kb(tmp_path)
    for source, folder in ((renamed, "a"), (page, "b")):
        done = cli(tmp_path, "import", str(source), str(kb), "--id", folder, env={"POLICYKB_SOFFICE": str(tmp_path / "none")})
        assert done.returncode == 0, done.stderr
        assert len(_tasks(kb / folder)) == 2


@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in for LibreOffice is a shell script")
def test_a_conversion_that_stalls_is_stopped_with_a_coded_error(tmp_path, monkeypatch):
    """A LibreOffice that hangs (a damaged file, a dialog nobody sees) stops the import, not the office's day."""
    from policykb.ingest import legacy, readers
    from policykb.ingest.source import ImportFailed
    stalls = tmp_path / "soffice"
    stalls.write_text("#!/bin/sh\nsleep 30\n")
    stalls.chmod(0o755)
    monkeypatch.setenv("POLICYKB_SOFFICE", str(stalls))
    monkeypatch.setattr(legacy, "TIMEOUT_SECONDS", 1)
    old = tmp_path / "通知.wps"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4088))
    with pytest.raises(ImportFailed) as failed:
        readers.read(old)
    assert failed.value.code == "import-too-large" and "通知.wps" in failed.value.message


def test_noise_under_an_office_suffix_is_refused_before_libreoffice_and_text_is_not():
    """A download cut short named .doc would come back from LibreOffice as a page of garbage and `import-no-tasks`;
    an OA system's 「.doc」 of plain text, in UTF-8 or GBK, and every office format still go to conversion."""
    from policykb.ingest.legacy import looks_convertible
    noise = bytes((i * 7919 + 13) % 256 for i in range(4096))
    assert not looks_convertible(noise)
    assert not looks_convertible("一、抓好备耕".encode("utf-8") + b"\x01\x02\x03" * 40)
    assert looks_convertible("一、抓好备耕（县农业农村局牵头）\n".encode("gbk"))
    assert looks_convertible("一、抓好备耕（县农业农村局牵头）\r\n".encode("utf-8"))
    for signature in (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"{\\rtf1\\ansi", b"PK\x03\x04"):
        assert looks_convertible(signature + noise)
