"""Office formats the readers do not parse (.doc, .wps, .rtf, .odt; .xls, .et, .ods), converted by LibreOffice.

Offices receive .doc and .wps files every day, and WPS is the suite on many government PCs; asking a clerk to open
and re-save each one is where people give up. LibreOffice turns them into .docx or .xlsx, which the readers then read
within their usual limits (size, rows, cells, inflation). Without LibreOffice the error says how to re-save instead.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .. import system
from .source import ImportFailed

# each format, the one the readers take in its place (WPS's own .wps/.wpt and .et are Word's and Excel's kin)
CONVERTED = {".doc": ".docx", ".dot": ".docx", ".wps": ".docx", ".wpt": ".docx", ".rtf": ".docx", ".odt": ".docx",
             ".xls": ".xlsx", ".et": ".xlsx", ".ods": ".xlsx"}
_FILTERS = {".docx": "docx:MS Word 2007 XML", ".xlsx": "xlsx:Calc MS Excel 2007 XML"}
_RESAVE = {".docx": "用 Word 或 WPS 打开后另存为 .docx", ".xlsx": "用 Excel 或 WPS 打开后另存为 .xlsx"}
# how each of those formats begins: OLE2 (.doc, .wps, .xls, .et), RTF, a zip (.odt, .ods), Excel 2-4 (BIFF)
_SIGNATURES = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"{\\rtf", b"PK\x03\x04", b"\x09\x00", b"\x09\x02", b"\x09\x04")
TIMEOUT_SECONDS = 180  # a first start with a fresh profile takes ~10 s; a file that takes minutes is not a policy


def needs_conversion(suffix: str) -> bool:
    return suffix.lower() in CONVERTED


def looks_convertible(raw: bytes) -> bool:
    """Whether LibreOffice can make something of these bytes: an office format it reads, or text (an OA system's
    「.doc」 that is plain text). Noise, such as a download cut short or a file of another kind, it would import
    as a page of garbage, and the clerk would be told only that no task was found."""
    if raw.startswith(_SIGNATURES):
        return True
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = raw.decode("gb18030")
        except UnicodeDecodeError:
            return False
    controls = sum(1 for c in text if c < " " and c not in "\t\r\n\f")
    return controls <= len(text) // 100


@contextmanager
def converted(path: Path) -> Iterator[Path]:
    """The file as .docx or .xlsx, in a temporary folder that is removed afterwards; ImportFailed when it cannot be."""
    target = CONVERTED[path.suffix.lower()]
    soffice = system.soffice()
    if soffice is None:
        raise ImportFailed(f"“{path.name}”要先由 LibreOffice 转为 {target} 才能读取，但这台电脑上没有找到 LibreOffice",
                           hint=f"{_RESAVE[target]}，再导入那个文件；或安装 LibreOffice（已安装在别处的，"
                                f"用环境变量 {system.SOFFICE_ENV} 指明 soffice 的位置）",
                           code="import-needs-office")
    with tempfile.TemporaryDirectory(prefix="policykb-convert-") as work:
        work = Path(work)
        # a plain ASCII name: LibreOffice names its output after the input, and some builds trip on long CJK names
        copy = work / f"source{path.suffix.lower()}"
        shutil.copyfile(path, copy)
        _run(soffice, copy, target, path.name)
        result = copy.with_suffix(target)
        if not result.is_file():
            raise ImportFailed(f"LibreOffice 没能把“{path.name}”转为 {target}：文件可能已损坏、加了密码，或不是它的扩展名所说的格式"
                               + ("；LibreOffice 也可能没有装表格组件 Calc" if target == ".xlsx" else ""),
                               hint=f"{_RESAVE[target]}，再导入那个文件"
                                    + ("（Debian 上表格组件是 libreoffice-calc-nogui）" if target == ".xlsx" else ""))
        yield result


def _run(soffice: str, copy: Path, target: str, name: str) -> None:
    work = copy.parent
    # a private profile: a LibreOffice the user has open would otherwise take the job and hang the import
    profile = (work / "profile").as_uri()
    cmd = [soffice, "--headless", "--norestore", f"-env:UserInstallation={profile}",
           "--convert-to", _FILTERS[target], "--outdir", str(work), str(copy)]
    try:
        # its own process group, and no pipes: a stalled soffice.bin is killed with the script that started it
        with subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=os.name != "nt") as process:
            try:
                process.wait(timeout=TIMEOUT_SECONDS)
            except subprocess.TimeoutExpired:
                _kill(process)
                raise ImportFailed(f"LibreOffice 转换“{name}”超过 {TIMEOUT_SECONDS} 秒仍未完成，已停止",
                                   hint=f"文件可能过大或已损坏；{_RESAVE[target]}，再导入那个文件", code="import-too-large")
    except OSError as err:
        raise ImportFailed(f"无法运行 LibreOffice（{soffice}）：{err.strerror or err}",
                           hint=f"检查 LibreOffice 的安装，或用环境变量 {system.SOFFICE_ENV} 指明 soffice 的位置",
                           code="import-needs-office")


def _kill(process: subprocess.Popen) -> None:
    if os.name == "nt":
        process.kill()
    else:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
