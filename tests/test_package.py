"""policykb as an office installs it: a wheelhouse, a fresh venv outside the checkout, no index.

`policykb init` then `policykb build` inside the new folder must work from the installed package
alone (templates, site settings, docs, fonts.conf are package data), with a clean stderr and map
PDFs whose every character is drawn by an embedded CJK font.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from policykb.render.maps.glyphs import missing_glyphs

from conftest import ROOT

pytestmark = pytest.mark.slow
KB = "我的 知识库"  # a space and Chinese in the path, as on an office PC


def _checkout_copy(target: Path) -> Path:
    """The working tree's files (tracked and new, not ignored): the wheel is built from a copy,
    never in the checkout (setuptools writes build/ there)."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


@pytest.fixture(scope="session")
def installed(tmp_path_factory):
    """A venv with policykb installed from a wheelhouse with --no-index; its bin folder."""
    tmp = tmp_path_factory.mktemp("package")
    source = _checkout_copy(tmp / "source")
    wheels = tmp / "wheelhouse"
    subprocess.run(["scripts/wheelhouse", "--linux", str(wheels)], cwd=source, check=True, capture_output=True,
                   env={**os.environ, "PYTHON": sys.executable})
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    bin_ = venv / ("Scripts" if os.name == "nt" else "bin")
    subprocess.run([str(bin_ / "python"), "-m", "pip", "install", "--quiet", "--no-index", "--find-links",
                    str(wheels), "policykb"], check=True, capture_output=True,
                   env={k: v for k, v in os.environ.items() if not k.startswith("PIP_")} | {"PIP_CONFIG_FILE": os.devnull})
    return bin_


def _run(bin_: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "FONTCONFIG_FILE")}
    return subprocess.run([str(bin_ / "policykb"), *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=900)


def test_init_and_build_from_the_installed_package(installed, tmp_path):
    version = _run(installed, "--version", cwd=tmp_path)
    assert version.returncode == 0 and re.fullmatch(r"policykb \d+\.\d+\.\d+\S*\n", version.stdout), version
    init = _run(installed, "init", KB, cwd=tmp_path)
    assert init.returncode == 0 and init.stderr == "", init.stderr
    kb = tmp_path / KB
    assert (kb / "policies" / "units.yaml").is_file() and (kb / "templates" / "letter.docx").is_file()
    assert (kb / "mkdocs.yml").is_file() and not (kb / "docs").exists()  # docs come from the package
    done = _run(installed, "build", "--as-of", "2016-07-01", cwd=kb)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stderr == ""
    assert "已构建到 build/" in done.stdout
    letters = list((kb / "build" / "letters").rglob("*.docx"))
    pdfs = sorted((kb / "build" / "maps").rglob("*.pdf"))
    assert len(letters) > 80 and len(pdfs) > 80
    assert (kb / "build" / "site" / "guide" / "cli.html").is_file()  # the packaged hand-written pages
    for pdf in pdfs:
        data = pdf.read_bytes()
        fonts = re.findall(rb"/BaseFont\s*/[A-Z]{6}\+([^\s/]+)", data)
        assert fonts and all(b"CJK" in f for f in fonts), (pdf, fonts)
        assert missing_glyphs(data) == [], pdf


def test_init_refuses_a_folder_with_files(installed, tmp_path):
    (tmp_path / "kb").mkdir()
    (tmp_path / "kb" / "note.txt").write_text("mine", encoding="utf-8")
    done = _run(installed, "init", "kb", cwd=tmp_path)
    assert done.returncode == 1 and "error[folder-not-empty]" in done.stderr
    assert [p.name for p in (tmp_path / "kb").iterdir()] == ["note.txt"]


def test_empty_knowledge_base(installed, tmp_path):
    done = _run(installed, "init", "--empty", "kb", cwd=tmp_path)
    assert done.returncode == 0 and "policykb import" in done.stdout
    assert not any(p.name == "document.yaml" for p in (tmp_path / "kb").rglob("*"))
    check = _run(installed, "check", cwd=tmp_path / "kb")
    assert check.returncode == 1 and "no-document" in check.stderr  # nothing imported yet: says so


def test_every_source_package_is_listed_for_the_wheel():
    """pyproject.toml lists packages by hand (the bundled folders need mappings): a new subpackage
    missing there would be left out of the wheel and break an installed policykb."""
    import tomllib
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    source = {".".join(p.parent.relative_to(ROOT / "src").parts) for p in (ROOT / "src").rglob("__init__.py")}
    assert source <= listed, sorted(source - listed)
