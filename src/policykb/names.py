"""File names made from names people wrote (unit names, titles): safe on every system, still readable.

Renderers name letters, maps and pages after units, e.g. `safe_filename("省扶贫办") + ".docx"`.
Whatever the YAML says, the result stays inside its folder: no separators, no `..`, no leading dot,
no control characters, no names Windows reserves, and short enough for any file system.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

MAX_BYTES = 120  # UTF-8 bytes; file systems allow 255, leaving room for a suffix and a temp prefix

_UNSAFE = re.compile(r'[/\\:*?"<>|\x00-\x1f\x7f-\x9f]')
# Device names Windows reserves in any folder, with any extension: COM¹–COM³ and LPT¹–LPT³ (superscript
# digits) count as COM1–COM3, and CONIN$ / CONOUT$ name the console.
_DIGITS = [*"123456789", "\u00b9", "\u00b2", "\u00b3"]
_RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", *(f"COM{d}" for d in _DIGITS),
             *(f"LPT{d}" for d in _DIGITS)}


def _invisible(ch: str) -> bool:
    return unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")


def safe_filename(name: str, max_bytes: int = MAX_BYTES) -> str:
    """A deterministic file name for name (without suffix): Chinese kept, unsafe characters as '_'.

    A name that had to be shortened ends in a short hash of the full name, so that two long
    names with the same beginning still get different files.
    """
    text = re.sub(r"[\t\n\r\v\f]", " ", unicodedata.normalize("NFC", name))  # white space, not '_'
    text = "".join("_" if _UNSAFE.match(ch) or _invisible(ch) else ch for ch in text)
    text = re.sub(r"\s+", " ", text).strip(" .")  # no leading dots; Windows drops trailing dots/spaces
    text = re.sub(r"^[-~]+", "_", text)  # a leading '-' reads as an option to every command given the file
    text = text.replace("..", "_")
    if not text:
        text = "_"
    if text.split(".")[0].rstrip(" ").upper() in _RESERVED:
        text = "_" + text
    if len(text.encode("utf-8")) > max_bytes:
        digest = hashlib.sha1(name.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        keep = text.encode("utf-8")[: max_bytes - len(digest) - 1].decode("utf-8", "ignore").rstrip(" .")
        text = f"{keep}-{digest}"
    return text
