"""Our own search index in parts, so that a page loads only what a query needs, whatever the corpus.

Written under `search/pk/` when the theme's search is off (see `index.OwnIndexWriter`), every part a
script calling `policykbShard(name, data)`, so that pages opened over file:// can load it:

- `meta.js`: the word lists and names (config), the number of token shards, every page (URL, boost)
  and every entry (page, anchor, body length) — a few dozen bytes an entry;
- `t/<k>.js`: the postings of the tokens whose shard is k: token → flat [entry, title tf, body tf, …];
- `d/<n>.js`: page n's entries as [title, HTML text], read only for the results shown.

A query loads meta, the shards of its tokens and the pages it shows: about the same bytes at 1×, 10×
and 30× the bundled policy (bench/search_scale.py measures it).
"""
from __future__ import annotations

import os
from array import array
from collections import Counter
from pathlib import Path

from ...output import write_or_link
from .search import BODY_FIELD, TITLE_FIELD, dumps

FOLDER = "pk"
SHARD_BYTES = 48_000  # aim for token shards about this big
MIN_SHARDS = 16


def shard_of(token: str, shards: int) -> int:
    """The shard of a token (`zz` + two five-digit code points, or `w_` + a Latin word), computed the
    same way in pk-search.js."""
    if token.startswith("zz"):
        return (int(token[2:7]) * 31 + int(token[7:12])) % shards
    h = 0
    for c in token:
        h = (h * 31 + ord(c)) % shards
    return h


def part(name: str, data) -> bytes:
    return b"policykbShard(" + dumps(name) + b"," + dumps(data) + b");\n"


def counts(field: str) -> dict[str, int]:
    return Counter(field.split())


class ShardWriter:
    """Collects enriched entries page by page (writing each page's texts at once), then the rest."""

    def __init__(self, site: Path, previous: Path | None = None) -> None:
        """`previous`: the last build's site, whose parts with the same bytes are linked, not written again."""
        self.folder = Path(site) / "search" / FOLDER
        self.previous = Path(previous) / "search" / FOLDER if previous is not None else None
        (self.folder / "d").mkdir(parents=True, exist_ok=True)
        (self.folder / "t").mkdir(parents=True, exist_ok=True)
        self.pages: list[list] = []
        self.entries: list[list] = []
        self.postings: dict[str, array] = {}

    def add_page(self, url: str, entries: list[dict], was: int | None = None) -> None:
        """`was`: the page's number in the last build, when these are the very entries it had then. At
        the same number its text part has the same bytes, so it is linked without being made again
        (making and comparing every unchanged page's part was a third of adding it, at 30x)."""
        number = len(self.pages)
        self.pages.append([url, entries[0].get("boost", 1) if entries else 1])
        for entry in entries:
            i = len(self.entries)
            title, body = counts(entry.get(TITLE_FIELD, "")), counts(entry.get(BODY_FIELD, ""))
            self.entries.append([number, entry["location"].partition("#")[2], sum(body.values())])
            for token in title.keys() | body.keys():  # any order: each token's postings grow entry by entry
                found = self.postings.get(token)
                if found is None:
                    found = self.postings[token] = array("i")
                found.extend((i, title.get(token, 0), body.get(token, 0)))
        name = f"d/{number}.js"
        if was != number or not self._link(name):
            self._put(name, part(f"d/{number}", [[e["title"], e["text"]] for e in entries]))

    def finish(self, config: dict) -> None:
        size = sum(len(p) for p in self.postings.values()) * 4
        shards = MIN_SHARDS
        while size / shards > SHARD_BYTES:
            shards *= 2
        grouped: list[list[str]] = [[] for _ in range(shards)]
        for token in sorted(self.postings):
            grouped[shard_of(token, shards)].append(token)
        for k, tokens in enumerate(grouped):  # one shard's postings as lists at a time: all at once, as
            # Python ints, they were ten times their arrays (130 MB at 100x, the site stage's peak)
            self._put(f"t/{k}.js", part(f"t/{k}", {t: self.postings.pop(t).tolist() for t in tokens}))
        meta = {"config": config, "shards": shards, "pages": self.pages, "entries": self.entries}
        self._put("meta.js", part("meta", meta))

    def _link(self, name: str) -> bool:
        """Hard-link the last build's part of this name; False when there is none to link."""
        if self.previous is None:
            return False
        try:
            os.link(self.previous / name, self.folder / name)
            return True
        except OSError:  # gone, or links not possible here: made again
            return False

    def _put(self, name: str, data: bytes) -> None:
        write_or_link(self.folder / name, data, self.previous / name if self.previous is not None else None)
