"""Where this computer keeps the tools and fonts policykb uses: Linux, Windows and macOS.

Office PCs run Windows, where LibreOffice is not on PATH and fonts live in C:\\Windows\\Fonts;
servers and CI run Linux. Every lookup lets an environment variable point at the real place first.
"""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

SOFFICE_ENV = "POLICYKB_SOFFICE"  # full path of soffice / soffice.exe, when it is somewhere unusual
FONT_DIRS_ENV = "POLICYKB_FONT_DIRS"  # extra font folders, separated by os.pathsep


def _windows_programs() -> list[Path]:
    roots = [os.environ.get(v) for v in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")]
    return [Path(r) / "LibreOffice" / "program" / "soffice.exe" for r in roots if r]


def soffice() -> str | None:
    """LibreOffice's command line, or None when it is not installed."""
    named = os.environ.get(SOFFICE_ENV)
    if named:
        return named if Path(named).is_file() or shutil.which(named) else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    candidates = _windows_programs() if sys.platform == "win32" else \
        [Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"), Path("/opt/libreoffice/program/soffice")]
    return next((str(p) for p in candidates if p.is_file()), None)


def font_dirs() -> list[Path]:
    """Folders to look for font files in, most specific first."""
    extra = [Path(p) for p in os.environ.get(FONT_DIRS_ENV, "").split(os.pathsep) if p]
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = os.environ.get("LOCALAPPDATA")
        system = [windir / "Fonts", *([Path(local) / "Microsoft" / "Windows" / "Fonts"] if local else [])]
    elif sys.platform == "darwin":
        system = [Path.home() / "Library" / "Fonts", Path("/Library/Fonts"), Path("/System/Library/Fonts")]
    else:
        system = [Path("/usr/share/fonts/opentype/noto"), Path("/usr/share/fonts/noto-cjk"),
                  Path("/usr/share/fonts/opentype"), Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
                  Path.home() / ".local" / "share" / "fonts", Path.home() / ".fonts"]
    return extra + system


def process_running(pid: int) -> bool:
    """Whether a process with this id still runs, so that its staging folder must be left alone.

    On POSIX, signal 0 asks without touching the process. On Windows os.kill(pid, 0) would end
    it, so there a process is taken as running: a killed run's folder is then reclaimed by age.
    """
    if os.name == "nt":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process: running
        return True
    return True
