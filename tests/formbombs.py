"""Hostile report forms made in memory: a real form with one part that inflates to a given size.

Shared by tests/test_checks_hostile.py (the refusal and its code) and bench/hostile_forms.py
(time and memory of the refusal). Building a 1 GB-inflating part by compressing a gigabyte would
take seconds; instead one full-flushed deflate block of 1 MB is repeated (a full flush makes each
block independent, so the copies decode in sequence), and the zip entry is written by hand.
"""
from __future__ import annotations

import io
import zipfile
import zlib

MB = 1 << 20


def inflating(size: int, fill: bytes = b" ") -> tuple[bytes, int]:
    """(raw deflate data, CRC-32) that inflates to `size` bytes of fill, for size a multiple of 1 MB."""
    chunk = fill * MB
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = squeeze.compress(chunk) + squeeze.flush(zlib.Z_FULL_FLUSH)
    end = zlib.compressobj(9, zlib.DEFLATED, -15).flush()  # an empty final block
    crc = 0
    for _ in range(size // MB):
        crc = zlib.crc32(chunk, crc)
    return block * (size // MB) + end, crc


def bomb(form: bytes, part: str, size: int, declared: int | None = None) -> bytes:
    """form (an .xlsx) with `part` replaced by one that inflates to size bytes; its zip entry
    declares `declared` bytes (default: the truth)."""
    source = zipfile.ZipFile(io.BytesIO(form))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in source.infolist():
            if item.filename != part:
                z.writestr(item, source.read(item))
        data, crc = inflating(size)
        info = zipfile.ZipInfo(part, date_time=(2016, 4, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.file_size, info.compress_size, info.CRC = declared or size, len(data), crc
        info.header_offset = z.fp.tell()
        z.fp.write(info.FileHeader(zip64=False))
        z.fp.write(data)
        z.start_dir = z.fp.tell()
        z.filelist.append(info)
        z.NameToInfo[part] = info
    return out.getvalue()
