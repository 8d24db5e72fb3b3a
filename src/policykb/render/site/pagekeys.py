"""A generated page's key, from what its template is given, without rendering it.

Every page of the site is Markdown rendered from a template with a context of graph-query results.
A page whose template and context are unchanged since the last build gives the same Markdown, so
the same HTML: its Markdown need not be made again (at many policies, making every page's Markdown
took longer than converting the few that changed). The key hashes the context's values: models by
their content without source paths (`cache.portable`), each model hashed once per build however
many pages show it; module-level functions by name (the code's hash covers what they do).

A context holding anything else — the whole graph, a bound method, a closure — has no key: that
page is rendered on every build and keyed by its Markdown, as every page was before.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types

from markupsafe import Markup
from pydantic import BaseModel

from ...cache import digest, portable
from .pages import Paths


SHARED = 8  # a list this long is hashed once per build (by identity, as models are); shorter ones in place
_AS_IS = frozenset({str, int, float, bool, type(None)})  # most of a context's values: looked up, not tested in turn


class _Unkeyed(Exception):
    """A value whose content cannot be hashed from outside (e.g. the whole PolicyGraph)."""


_KNOWN = (str, int, float, bool, type(None), BaseModel, dict, list, tuple, set, frozenset, dt.date, Paths,
          types.FunctionType)


def _opaque(value) -> bool:
    """A value whose kind PageKeys._plain refuses whatever it holds (the whole graph)."""
    return not isinstance(value, _KNOWN) and not (dataclasses.is_dataclass(value) and not isinstance(value, type))


class PageKeys:
    """Keys of one build's pages; `salt` is what they all share (templates, code)."""

    def __init__(self, salt: str):
        self.salt = salt
        self._done: dict[int, tuple[object, object]] = {}  # id -> (object, its plain form): kept alive

    def key(self, template: str, context: dict) -> str | None:
        if any(_opaque(v) for v in context.values()):  # before hashing the rest: the home page has every document
            return None
        try:
            return digest(self.salt, template, self._plain(context))
        except _Unkeyed:
            return None

    def _once(self, value, plain):
        found = self._done.get(id(value))
        if found is None or found[0] is not value:
            found = self._done[id(value)] = (value, plain(value))
        return found[1]

    def _plain(self, v):
        if type(v) in _AS_IS:  # the same as below, before the isinstance tests: a key walks about 300 values a page
            return v
        if isinstance(v, Markup):  # shown as markup, not escaped: not the same page as the text
            return {"markup": str(v)}
        if v is None or isinstance(v, (str, int, float, bool)):
            return v
        if isinstance(v, BaseModel):
            return self._once(v, lambda m: {type(m).__name__: digest(portable(m.model_dump(mode="json")))})
        if isinstance(v, dict):  # in order: templates loop over it
            return [[k if type(k) in _AS_IS else self._plain(k), x if type(x) in _AS_IS else self._plain(x)]
                    for k, x in v.items()]
        if isinstance(v, (list, tuple)):
            if len(v) >= SHARED:  # hashed once however many pages show it: a unit's letters are on each of its tasks' pages
                return self._once(v, lambda seq: {"list": digest(self._items(seq))})
            return self._items(v)
        if isinstance(v, (set, frozenset)):
            return {"set": sorted(json.dumps(self._plain(x), ensure_ascii=False, sort_keys=True) for x in v)}
        if isinstance(v, dt.date):
            return {type(v).__name__: v.isoformat()}
        if isinstance(v, Paths):
            return self._once(v, lambda p: {"paths": digest(p.units)})
        if dataclasses.is_dataclass(v) and not isinstance(v, type):
            return {type(v).__name__: [self._plain(getattr(v, f.name)) for f in dataclasses.fields(v)]}
        if isinstance(v, types.FunctionType) and v.__closure__ is None and v.__name__ != "<lambda>":
            return {"function": f"{v.__module__}.{v.__qualname__}"}
        raise _Unkeyed(type(v).__name__)

    def _items(self, seq) -> list:
        return [x if type(x) in _AS_IS else self._plain(x) for x in seq]
