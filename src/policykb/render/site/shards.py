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
from typing import Callable

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


def counted(entries: list[dict]) -> list[list]:
    """What the index takes of each enriched entry: [anchor, body length, its tokens (sorted, space
    between), each one's count in the title, in the body]. Kept for the next build, it spares reading
    the entries' texts and counting their tokens again (most of adding an unchanged page, at 30x)."""
    out = []
    for entry in entries:
        title, body = counts(entry.get(TITLE_FIELD, "")), counts(entry.get(BODY_FIELD, ""))
        tokens = sorted(title.keys() | body.keys())
        out.append([entry["location"].partition("#")[2], sum(body.values()), " ".join(tokens),
                    [title.get(t, 0) for t in tokens], [body.get(t, 0) for t in tokens]])
    return out


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

    def add_page(self, url: str, entries: list[dict], was: int | None = None) -> list[list]:
        """`was`: the page's number in the last build, when these are the very entries it had then. At
        the same number its text part has the same bytes, so it is linked without being made again
        (making and comparing every unchanged page's part was a third of adding it, at 30x).
        Returns the entries `counted`, for add_counted to take them again in a later build."""
        found = counted(entries)
        self.add_counted(url, entries[0].get("boost", 1) if entries else 1, found, was,
                         lambda: [[e["title"], e["text"]] for e in entries])
        return found

    def add_counted(self, url: str, boost, entries: list[list], was: int | None, texts: Callable[[], list]) -> None:
        """A page as `counted` made its entries; `texts` gives their [title, text] when its part is made."""
        number = len(self.pages)
        self.pages.append([url, boost])
        for anchor, body_length, tokens, in_title, in_body in entries:
            i = len(self.entries)
            self.entries.append([number, anchor, body_length])
            for token, title, body in zip(tokens.split(), in_title, in_body):  # each token's postings grow entry by entry
                found = self.postings.get(token)
                if found is None:
                    found = self.postings[token] = array("i")
                found.extend((i, title, body))
        name = f"d/{number}.js"
        if was != number or not self._link(name):
            self._put(name, part(f"d/{number}", texts()))

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
