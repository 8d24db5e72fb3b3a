"""A letter's final .docx bytes: `gongwen.normalized`, with the template's large parts deflated once.

Every letter of a template carries the same styles.xml (350 KB) and theme: deflating them again for
each letter was a third of rendering one. `LetterZip` deflates such a part once, through `normalized`
itself (a zip holding only that part, which it treats by name and bytes alone), and keeps its zip
entry. Each letter is then normalized with a short placeholder in that part's place, and the
placeholder's entry is swapped for the kept one: the same member order, headers and compressed
bytes `normalized` gives the whole letter, as the tests compare.
"""
from __future__ import annotations

import io
import struct
import zipfile
from dataclasses import dataclass

from ...gongwen import normalized

SHARED_MIN_BYTES = 8192  # parts at least this large are deflated once (styles.xml, theme1.xml)
PLACEHOLDER = b"<policykb-shared-part/>"

_LOCAL = struct.Struct("<4s2B4HL2L2H")      # a member's local header (before its name)
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")  # its central directory record; the last field is its offset
_END = struct.Struct("<4s4H2LH")            # end of the central directory
_OFFSET = struct.Struct("<L")


@dataclass(frozen=True)
class _Entry:
    """A member as a zip lays it out: local header, name and data; its central record (offset apart)."""
    local: bytes
    central: bytes   # the record's fixed part before the offset field
    name: bytes


def _entries(data: bytes) -> list[tuple[str, _Entry]] | None:
    """Each member of a zip as zipfile writes it; None for a layout not copied here (a comment, extra
    fields, data descriptors, zip64)."""
    if len(data) < _END.size:
        return None
    signature, _, _, _, count, _, start, comment = _END.unpack_from(data, len(data) - _END.size)
    if signature != b"PK\x05\x06" or comment:
        return None
    found, at = [], start
    for _ in range(count):
        record = _CENTRAL.unpack_from(data, at)
        flags, size, name_length, extra, note, offset = record[5], record[10], record[12], record[13], \
            record[14], record[18]
        local = _LOCAL.unpack_from(data, offset)
        if record[0] != b"PK\x01\x02" or local[0] != b"PK\x03\x04" or extra or note or local[11] or flags & 0x08:
            return None
        name = data[at + _CENTRAL.size:at + _CENTRAL.size + name_length]
        found.append((name.decode("utf-8" if flags & 0x800 else "cp437"),
                      _Entry(data[offset:offset + _LOCAL.size + name_length + size],
                             data[at:at + _CENTRAL.size - _OFFSET.size], name)))
        at += _CENTRAL.size + name_length
    return found


def _zip(entries: list[_Entry]) -> bytes:
    out, directory = io.BytesIO(), []
    for entry in entries:
        directory.append(entry.central + _OFFSET.pack(out.tell()) + entry.name)
        out.write(entry.local)
    start, table = out.tell(), b"".join(directory)
    out.write(table)
    out.write(_END.pack(b"PK\x05\x06", 0, 0, len(entries), len(entries), len(table), start, 0))
    return out.getvalue()


def _stored(members: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        for name, body in members:
            z.writestr(name, body)
    return out.getvalue()


class LetterZip:
    """`normalized` for the letters of one template, its large shared parts deflated once per process."""

    def __init__(self):
        self._shared: dict[str, tuple[bytes, _Entry | None]] = {}  # part -> its bytes, its normalized entry

    def normalized(self, members: list[tuple[str, bytes]], stamp: str, properties: dict[str, str]) -> bytes:
        """What gongwen.normalized returns for a package of these members (name, bytes), in this order."""
        swapped = {name: self._entry(name, body, stamp, properties) for name, body in members if self._sharable(name, body)}
        swapped = {name: entry for name, entry in swapped.items() if entry is not None}
        if not swapped:
            return normalized(_stored(members), stamp, properties)
        made = normalized(_stored([(n, PLACEHOLDER if n in swapped else b) for n, b in members]), stamp, properties)
        entries = _entries(made)
        if entries is None or any(sum(n == name for n, _ in entries) != 1 for name in swapped):
            return normalized(_stored(members), stamp, properties)
        return _zip([swapped.get(name, entry) for name, entry in entries])

    @staticmethod
    def _sharable(name: str, body: bytes) -> bool:
        """A large part of the Word body's folder, which normalized treats by its name and bytes alone
        (never the main document, the properties, content types or relationships that differ by letter)."""
        return (len(body) >= SHARED_MIN_BYTES and name.startswith("word/") and name != "word/document.xml"
                and not name.endswith(".rels"))

    def _entry(self, name: str, body: bytes, stamp: str, properties: dict[str, str]) -> _Entry | None:
        """The part's entry as normalized writes it (None: dropped, or not copyable), made once per bytes."""
        known = self._shared.get(name)
        if known is None or known[0] != body:
            alone = _entries(normalized(_stored([(name, body)]), stamp, properties)) or []
            entry = next((e for n, e in alone if n == name), None)
            known = self._shared[name] = (body, entry)
        return known[1]
