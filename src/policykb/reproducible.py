"""Byte-identical office files: fixed zip timestamps and member order, no wall clock in metadata."""
from __future__ import annotations

import io
import re
import zipfile
from typing import Callable

from . import officecompat

FIXED_ZIP_TIME = (2016, 4, 1, 0, 0, 0)  # the policy's own date; any constant works
_CORE_TIMES = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def normalize_zip(data: bytes, stamp: str = "2016-04-01T00:00:00Z",
                  edit: Callable[[str, bytes], bytes | None] | None = None, added: dict[str, bytes] | None = None) -> bytes:
    """Rewrite an OOXML zip with fixed timestamps so the same content gives the same bytes.

    `edit` may change a member (or drop it: None) and `added` members go at the end, in the same
    pass: each pass decompresses and compresses every member again (a letter was written three times)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():  # keep member order: [Content_Types].xml must stay first
            body = officecompat.fix(info.filename, source.read(info.filename))
            if body is not None and info.filename == "docProps/core.xml":
                body = _CORE_TIMES.sub(rb"\g<1>" + stamp.encode() + rb"\g<3>", body)
            if body is not None and edit is not None:
                body = edit(info.filename, body)
            if body is not None:
                target.writestr(zip_member(info.filename), body)
        for name, body in (added or {}).items():
            target.writestr(zip_member(name), body)
    return out.getvalue()


def zip_member(name: str, compress_type: int = zipfile.ZIP_DEFLATED) -> zipfile.ZipInfo:
    """A zip member whose header depends only on its name: fixed time and permissions."""
    member = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
    member.compress_type = compress_type
    member.external_attr = 0o644 << 16
    return member
