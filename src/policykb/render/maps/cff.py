"""The glyph programs of a CID-keyed CFF font, read straight from its bytes (Adobe TN 5176), for the
glyph check: typst embeds each map's fonts as such subsets, and fontTools' decoding of the whole
font set (dicts, charset, every index) took a third of the check's time.

Only what the check needs is read: the charset (glyph -> CID) and each glyph's charstring bytes,
from a font with one Top DICT and no subroutines. Any other font is left to fontTools (None).
"""
from __future__ import annotations

import struct

CHARSET, CHARSTRINGS, PRIVATE, SUBRS = 15, 17, 18, 19
ROS, FD_ARRAY = 1230, 1236  # escaped operators (12 x) are written 1200 + x


def cid_programs(data: bytes) -> dict[int, bytes] | None:
    """CID -> charstring bytes of each glyph but .notdef; None unless the font is CID-keyed, has
    one Top DICT, its own charset and no subroutines (global or local)."""
    try:
        return _cid_programs(data)
    except (IndexError, KeyError, ValueError, struct.error):  # not what this reading follows
        return None


def _cid_programs(data: bytes) -> dict[int, bytes] | None:
    at = data[2]  # header size
    _, at = _index(data, at)  # font names
    tops, at = _index(data, at)
    _, at = _index(data, at)  # strings
    global_subrs, _ = _index(data, at)
    if len(tops) != 2 or global_subrs:  # one Top DICT; no global subroutines
        return None
    top = _dict(data[tops[0]:tops[1]])
    if ROS not in top or CHARSTRINGS not in top or top.get(CHARSET, [0])[0] <= 2:  # 0-2: predefined charsets
        return None
    privates = [top[PRIVATE]] if PRIVATE in top else []
    if FD_ARRAY in top:
        fds, _ = _index(data, top[FD_ARRAY][0])
        privates += [_dict(data[a:b]).get(PRIVATE) for a, b in zip(fds, fds[1:])]
    if any(p is None or _has_subrs(data, *p) for p in privates):
        return None
    strings, _ = _index(data, top[CHARSTRINGS][0])
    cids = _charset(data, top[CHARSET][0], len(strings) - 2)  # boundaries: one more than the glyphs
    return {cid: data[strings[gid]:strings[gid + 1]] for gid, cid in enumerate(cids, start=1)}


def _index(data: bytes, at: int) -> tuple[list[int], int]:
    """An INDEX's item boundaries (absolute offsets, one more than its items) and where it ends."""
    count = struct.unpack_from(">H", data, at)[0]
    if count == 0:
        return [], at + 2
    size = data[at + 2]
    table = data[at + 3:at + 3 + (count + 1) * size]
    base = at + 3 + (count + 1) * size - 1  # offsets count from the byte before the data
    offsets = [base + int.from_bytes(table[i:i + size], "big") for i in range(0, len(table), size)]
    return offsets, offsets[-1]


def _dict(data: bytes) -> dict[int, list[float]]:
    """A DICT's operators and their operands."""
    found: dict[int, list[float]] = {}
    operands: list[float] = []
    i = 0
    while i < len(data):
        b = data[i]
        if b <= 21:
            op, i = (1200 + data[i + 1], i + 2) if b == 12 else (b, i + 1)
            found[op], operands = operands, []
        elif b == 28:
            operands.append(struct.unpack_from(">h", data, i + 1)[0])
            i += 3
        elif b == 29:
            operands.append(struct.unpack_from(">i", data, i + 1)[0])
            i += 5
        elif b == 30:  # a real: nibbles up to 0xf (its value is of no use here)
            i += 1
            while data[i] >> 4 != 0xF and data[i] & 0xF != 0xF:
                i += 1
            operands.append(0.0)
            i += 1
        elif b <= 246:
            operands.append(b - 139)
            i += 1
        elif b <= 250:
            operands.append((b - 247) * 256 + data[i + 1] + 108)
            i += 2
        elif b <= 254:
            operands.append(-(b - 251) * 256 - data[i + 1] - 108)
            i += 2
        else:
            raise ValueError(f"reserved DICT byte {b}")
    return found


def _has_subrs(data: bytes, size: float, offset: float) -> bool:
    """Whether a Private DICT points at a non-empty Subrs INDEX (its offset counts from the DICT)."""
    private = _dict(data[int(offset):int(offset + size)])
    if SUBRS not in private:
        return False
    return struct.unpack_from(">H", data, int(offset + private[SUBRS][0]))[0] > 0


def _charset(data: bytes, at: int, glyphs: int) -> list[int]:
    """The CIDs of glyphs 1 .. `glyphs` (glyph 0 is .notdef), from a charset in format 0, 1 or 2."""
    form, at = data[at], at + 1
    if form == 0:
        return list(struct.unpack_from(f">{glyphs}H", data, at))
    cids: list[int] = []
    while len(cids) < glyphs:
        first = struct.unpack_from(">H", data, at)[0]
        left, at = (data[at + 2], at + 3) if form == 1 else (struct.unpack_from(">H", data, at + 2)[0], at + 4)
        cids += range(first, first + left + 1)
    if form not in (1, 2) or len(cids) != glyphs:
        raise ValueError(f"charset format {form}")
    return cids
