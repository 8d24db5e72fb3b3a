"""Byte-identical office files: fixed zip timestamps and member order, no wall clock in metadata."""
from __future__ import annotations

import io
import re
import zipfile

from . import officecompat

FIXED_ZIP_TIME = (2016, 4, 1, 0, 0, 0)  # the policy's own date; any constant works
_CORE_TIMES = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def normalize_zip(data: bytes, stamp: str = "2016-04-01T00:00:00Z") -> bytes:
    """Rewrite an OOXML zip with fixed timestamps so the same content gives the same bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():  # keep member order: [Content_Types].xml must stay first
            body = officecompat.fix(info.filename, source.read(info.filename))
            if body is None:
                continue
            if info.filename == "docProps/core.xml":
                body = _CORE_TIMES.sub(rb"\g<1>" + stamp.encode() + rb"\g<3>", body)
            member = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            target.writestr(member, body)
    return out.getvalue()
