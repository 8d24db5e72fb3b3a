"""The letter template's package, read once per process and handed to each letter as a fresh Document.

Opening the .docx for every letter (unzip, then parse every part, styles.xml alone 350 KB) was a
third of rendering one, and saving it compressed every part only for `gongwen.normalized` to
decompress and compress them all again. Here the zip is read once. Each letter gets its own Part
objects; the parts rendering edits (the body, the core properties, footnotes) are parsed afresh,
every other part (styles, numbering, theme, settings, headers and footers, which docxtpl reads and
replaces but never edits) shares one parsed tree, serialized once. `members` lists the package's
members in python-docx's order, for letterzip to compress once.
"""
from __future__ import annotations

import io

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.oxml import parse_xml
from docx.opc.package import Unmarshaller
from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
from docx.opc.part import PartFactory, XmlPart
from docx.opc.pkgreader import PackageReader
from docx.opc.pkgwriter import _ContentTypesItem
from docx.package import Package

EDITED = {CT.WML_DOCUMENT_MAIN, CT.OPC_CORE_PROPERTIES, CT.WML_FOOTNOTES}  # parsed again for each letter


class Skeleton:
    """A .docx read once: `document()` as often as needed, each independent of the others where it may change."""

    def __init__(self, data: bytes):
        self.reader = PackageReader.from_file(io.BytesIO(data))  # raises like docx.Document on a bad file
        self._shared: dict = {}  # partname -> the parsed tree every letter's part of that name holds
        self._blobs: dict[int, bytes] = {}  # id(shared element) -> its serialized bytes

    def document(self) -> Document:
        """A Document as `docx.Document(template)` gives it."""
        package = Package()
        Unmarshaller.unmarshal(self.reader, package, self._part)
        document_part = package.main_document_part
        if document_part.content_type != CT.WML_DOCUMENT_MAIN:
            raise ValueError(f"not a Word file, content type is '{document_part.content_type}'")
        return document_part.document

    def _part(self, partname, content_type, reltype, blob, package):
        """PartFactory's choice of class, with a shared tree for a part no letter edits."""
        cls = PartFactory.part_class_selector and PartFactory.part_class_selector(content_type, reltype)
        cls = cls or PartFactory._part_cls_for(content_type)
        plain_xml = issubclass(cls, XmlPart) and cls.load.__func__ is XmlPart.load.__func__
        if content_type in EDITED or not plain_xml:
            return PartFactory(partname, content_type, reltype, blob, package)
        element = self._shared.get(partname)
        if element is None:
            element = self._shared[partname] = parse_xml(blob)
        return cls(partname, content_type, element, package)

    def _blob(self, part) -> bytes:
        element = getattr(part, "_element", None)
        if element is None or self._shared.get(part.partname) is not element:
            return part.blob
        key = id(element)
        if key not in self._blobs:
            self._blobs[key] = part.blob
        return self._blobs[key]

    def members(self, document: Document) -> list[tuple[str, bytes]]:
        """The package's members as python-docx's save writes them: the same names, bytes and order."""
        package = document.part.package
        parts = package.parts
        for part in parts:
            part.before_marshal()
        members = [(CONTENT_TYPES_URI.membername, _ContentTypesItem.from_parts(parts).blob),
                   (PACKAGE_URI.rels_uri.membername, package.rels.xml)]
        for part in parts:
            members.append((part.partname.membername, self._blob(part)))
            if len(part.rels):
                members.append((part.partname.rels_uri.membername, part.rels.xml))
        return members
