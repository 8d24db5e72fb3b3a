"""Open a zip package (.xlsx, .docx) within stated limits, before any of its XML is parsed.

Shared by returned report forms (`track/formlimits.py`) and imported documents (`ingest/limits.py`):
a small file can inflate to gigabytes, and its directory may lie about the sizes. Checked in this
order, each before the next costs anything:

1. the zip's own directory: number of parts, each part's declared uncompressed size, their sum;
2. the parts themselves, decompressed in chunks up to the limit (a declared size can lie).
"""
from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Callable

CHUNK = 1 << 20


class TooLarge(Exception):
    """A package (or what it holds) exceeds a limit; the message says which."""


def check_zip(path: Path, part_limit: Callable[[str], int], max_parts: int, max_total: int,
              error: type[TooLarge] = TooLarge, what: str = "文件") -> None:
    """Raise `error` for a zip whose parts are too many or unpack to too much; zipfile.BadZipFile
    (and OSError) for a file that is no zip at all."""
    with zipfile.ZipFile(path) as z:
        parts = z.infolist()
        if len(parts) > max_parts:
            raise error(f"{what}有 {len(parts)} 个部件，最多只读 {max_parts} 个")
        total = 0
        for part in parts:
            if part.file_size > part_limit(part.filename):
                raise error(f"部件 {part.filename} 解压后有 {part.file_size:,} 字节，"
                            f"上限是 {part_limit(part.filename):,}")
            total += part.file_size
        if total > max_total:
            raise error(f"{what}解压后有 {total:,} 字节，上限是 {max_total:,}")
        total = 0
        for part in parts:  # the declared sizes may lie: count what really comes out, chunk by chunk
            seen, limit = 0, part_limit(part.filename)
            with z.open(part) as stream:
                while chunk := stream.read(CHUNK):
                    seen += len(chunk)
                    total += len(chunk)
                    if seen > limit:
                        raise error(f"部件 {part.filename} 解压后超过 {limit:,} 字节")
                    if total > max_total:
                        raise error(f"{what}解压后超过 {max_total:,} 字节")
