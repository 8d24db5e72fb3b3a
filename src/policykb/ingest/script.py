"""Documents in traditional script: read with the lexicon's simplified words, written in their own characters.

The grammar's words (牵头, 负责, 单位, 区, 局, 联 …) are simplified. A page in traditional script (a big5 gate, a
document republished so: 「(市殘聯、市財政局負責)」, 「由發展改革委會同…」) is read through OpenCC's character table,
traditional to simplified one character for one, so that every character keeps its position. What the reading
takes from the text is then given back as the document writes it: by position where it is a piece of the text,
else character by character where the document writes a character one way only. Names the registry already
holds stay the registry's.

A document is read so only when it is written in traditional script: the corpus's traditional pages fold 35–42 %
of their characters, its simplified ones under 0.5 % (著, 於 …), which are left as they are.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from typing import Any

from .source import Source

_TRADITIONAL_SHARE = 0.1


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    """Traditional character → its first simplified form (OpenCC's TSCharacters, Apache-2.0)."""
    text = resources.files("opencc").joinpath("dictionary/TSCharacters.txt").read_text(encoding="utf-8")
    table = {}
    for line in text.splitlines():
        key, _, forms = line.partition("\t")
        first = forms.split()[0] if forms.split() else ""
        if len(key) == 1 and len(first) == 1 and first != key:
            table[ord(key)] = first
    return table


class Script:
    """A source and, when it is in traditional script, the same source folded to simplified characters."""

    def __init__(self, source: Source):
        self.source = source
        self.original = "\n".join(b.text for b in source.blocks)
        han = re.findall(r"[\u4e00-\u9fff]", self.original)
        table = _table()
        self.traditional = bool(han) and sum(ord(c) in table for c in han) / len(han) >= _TRADITIONAL_SHARE
        self.folded_text = self.original.translate(table) if self.traditional else self.original
        forms: dict[str, set[str]] = {}
        for written, read in zip(self.original, self.folded_text):
            if written != read:
                forms.setdefault(read, set()).add(written)
        native = set(self.original)
        self._back = {ord(read): next(iter(written)) for read, written in forms.items()
                      if len(written) == 1 and read not in native}

    @property
    def folded(self) -> Source:
        if not self.traditional:
            return self.source
        table = _table()
        blocks = [replace(b, text=b.text.translate(table),
                          cells=tuple(c.translate(table) for c in b.cells) if b.cells is not None else None)
                  for b in self.source.blocks]
        return Source(self.source.path, self.source.kind, blocks, self.source.encoding)

    def restore(self, text: str) -> str:
        """text, read from the folded source, in the document's own characters."""
        if not self.traditional or not text:
            return text
        at = self.folded_text.find(text)
        return self.original[at:at + len(text)] if at >= 0 else text.translate(self._back)

    def restored(self, draft, registered: set[str]):
        """The draft with the texts it took from the document in the document's characters (task texts, unit
        names, the title, issuers …), never the registry's names nor the draft's own words (kinds, levels, the
        period's phrase); the review lines name the units as the draft now does."""
        if not self.traditional:
            return draft
        names: dict[str, str] = {}

        def back(value: Any, name: bool = False) -> Any:
            if isinstance(value, list):
                return [back(v, name) for v in value]
            if isinstance(value, dict):
                return {k: back(v, name) for k, v in value.items()}
            if not isinstance(value, str) or value in registered:
                return value
            out = self.restore(value)
            if name and out != value:
                names[value] = out
            return out

        def fields(record: dict, keys: tuple[str, ...], name: bool = False) -> dict:
            return {k: back(v, name) if k in keys else v for k, v in record.items()}

        draft.doc = fields(draft.doc, _DOCUMENT_TEXTS, name=True)
        draft.articles = {n: fields(a, ("title", "text")) for n, a in draft.articles.items()}
        draft.tasks = {n: fields(fields(t, _TASK_TEXTS), _TASK_NAMES, name=True) for n, t in draft.tasks.items()}
        draft.proposed = [fields(u, _UNIT_NAMES, name=True) for u in draft.proposed]
        if names:
            pattern = re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))
            draft.review = [pattern.sub(lambda m: names[m.group()], line) for line in draft.review]
        return draft


_DOCUMENT_TEXTS = ("title", "short_title", "number", "issuers", "jurisdiction", "parts", "annex", "parents", "letters")
_TASK_TEXTS = ("text", "units_as_written", "deadlines")
_TASK_NAMES = ("lead", "participants", "leaders")
_UNIT_NAMES = ("name", "aliases", "full_name", "members", "place", "local_names")
