"""Readers and recognisers of outside documents: a policy's text in, a draft of its YAML out.

Apart from `policykb.load`, which reads the knowledge base's own YAML: what comes in here is
somebody else's document, read as a first draft for people to review, never trusted as checked.

- `draft`: a source text of the bundled policy's shape (numbered articles, an annex of numbered
  tasks ending in their units) into a document folder.
"""
from .draft import import_source, split_units, unit_kind

__all__ = ["import_source", "split_units", "unit_kind"]
