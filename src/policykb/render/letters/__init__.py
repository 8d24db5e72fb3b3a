"""Responsibility letters (责任书, .docx) for every unit, from its `PolicyGraph.tasks_of` query.

- `recipients`: who gets a letter and which kind (责任书 or 告知函), collectives split into members;
- `context`: what a letter says (the documented fields a template may use), from the graph;
- `template`: the office's editable Word template (docxtpl), checked before anything is rendered;
- `overview`: a document's 分工方案 as .docx tables (by task, by unit);
- `write`: renders the letters in parallel, reuses unchanged ones, writes them and the manifest;
- `packages`: each document's overview (分工方案 .docx/.xlsx) and 责任书.zip, made again only when that
  document changed.

The official-document format itself (GB/T 9704 page, fonts, page numbers) is `policykb.gongwen`,
shared with tracking's office documents.
"""
from .packages import ZIP_NAME
from .recipients import issuing_units
from .template import LetterError
from .write import MANIFEST, TEMPLATE, render_all, resolve_units, stage, to_pdf, write_letters

__all__ = ["LetterError", "MANIFEST", "TEMPLATE", "ZIP_NAME", "issuing_units", "render_all", "resolve_units", "stage",
           "to_pdf", "write_letters"]
