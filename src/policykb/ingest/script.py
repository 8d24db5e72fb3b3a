"""Pages written otherwise than the lexicon reads: read in its simplified words, written as the page has them.

The grammar's words (牵头, 负责, 单位, 区, 局, 联 …) are simplified and unglossed. Two page artifacts hide them:
- traditional script (a big5 gate, a document republished so: 「(市殘聯、市財政局負責)」, 「由發展改革委會同…」),
  read through OpenCC's character table, traditional to simplified one character for one;
- pinyin glosses a site's reading aid puts after characters (「湘西經(jīng)開區(qū)管委會」), left out of the reading.
What the reading takes from the text is given back in the page's characters, without its glosses (a site's reading
aid is no part of the document's words, and letters would print 「執(zhí)行」): by position where it is a piece of the
text; a name the draft put together (its place before a name the page writes) piece
by piece; else character by character where the page writes a character one way only.
Names the registry already holds stay the registry's, but in a document naming no place: the registry's are one
place's bodies, and this document's (whose province's 省财政廳?) are proposed as written, for review.

A page is read so only when it needs it: the corpus's traditional pages fold 35–42 % of their characters, its
simplified ones under 0.5 % (著, 於 …, left as they are); a gloss is a tone-marked syllable in brackets right
after a character, and three make a glossed page.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from typing import Any

from .. import textrules
from .compose import short_title_todo
from .levels import level_of_name
from .proposals import proposal_line, proposed_unit
from .source import Source

_TRADITIONAL_SHARE = 0.1
_NAME_LENGTH = 40  # a unit's name at most: longer texts not in the page are written back character by character
_PIECE = 3  # the shortest tail of a name looked up in the page (「局」 or 「办」 alone would be found anywhere)
_GLOSSED = 3
_GLOSS = textrules.PINYIN_GLOSS


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
    """A source and, when it needs one, its reading: simplified characters, no glosses, with where each came from."""

    def __init__(self, source: Source):
        self.source = source
        self.original = "\n".join(b.text for b in source.blocks)
        self.glossed = len(_GLOSS.findall(self.original)) >= _GLOSSED
        han, table = re.findall(r"[\u4e00-\u9fff]", self.original), _table()
        self.traditional = bool(han) and sum(ord(c) in table for c in han) / len(han) >= _TRADITIONAL_SHARE
        self.changed = self.traditional or self.glossed
        self.read_text, self.positions = self._read(self.original)
        forms: dict[str, set[str]] = {}
        for at, read in zip(self.positions, self.read_text):
            if self.original[at] != read:
                forms.setdefault(read, set()).add(self.original[at])
        native = set(self.original)
        self._back = {ord(read): next(iter(written)) for read, written in forms.items()
                      if len(written) == 1 and read not in native}

    def _read(self, text: str) -> tuple[str, list[int]]:
        """text as read, and for each of its characters the position it stands at in text."""
        kept = list(range(len(text)))
        if self.glossed:
            dropped = {i for m in _GLOSS.finditer(text) for i in range(m.start(), m.end())}
            kept = [i for i in kept if i not in dropped]
        read = "".join(text[i] for i in kept)
        return (read.translate(_table()) if self.traditional else read), kept

    @property
    def folded(self) -> Source:
        if not self.changed:
            return self.source
        as_read = lambda text: self._read(text)[0]  # noqa: E731
        blocks = [replace(b, text=as_read(b.text), cells=tuple(map(as_read, b.cells)) if b.cells is not None else None)
                  for b in self.source.blocks]
        return Source(self.source.path, self.source.kind, blocks, self.source.encoding)

    def restore(self, text: str) -> str:
        """text, taken from the reading, as the page writes it."""
        if not self.changed or not text:
            return text
        at = self.read_text.find(text)
        if at >= 0:
            return self._written(at, len(text))
        if "：" in text and all(p and p in self.read_text for p in text.split("：")):
            return "：".join(map(self.restore, text.split("：")))  # a text the draft joined from cells: 「项目：内容」
        if len(text) <= _NAME_LENGTH:  # a name the draft put together (西城區 + 區(qū)教育局): its longest
            for cut in range(1, len(text) - _PIECE + 1):  # tail the page writes, and the head before it, each so
                if (at := self.read_text.find(tail := text[cut:])) >= 0:
                    return self.restore(text[:cut]) + self._written(at, len(tail))
        return text.translate(self._back)

    def _written(self, at: int, length: int) -> str:
        """The page's text of the reading's characters at..at+length, with the gloss of its last character."""
        end = self.positions[at + length - 1] + 1
        gloss = _GLOSS.match(self.original, end) if self.glossed else None
        return self.original[self.positions[at]:gloss.end() if gloss else end]

    def restored(self, draft, registered: set[str]):
        """The draft with the texts it took from the document in the document's characters (task texts, unit
        names, the title, issuers …), never the registry's names nor the draft's own words (kinds, levels, the
        period's phrase); the review lines name the units as the draft now does."""
        if not self.changed:
            return draft
        names: dict[str, str] = {}
        placeless = not draft.doc.get("jurisdiction")
        own: dict[str, str] = {}  # a registered name, as a document naming no place writes it

        def back(value: Any, name: bool = False, unit: bool = False) -> Any:
            if isinstance(value, list):
                return [back(v, name, unit) for v in value]
            if isinstance(value, dict):
                return {k: back(v, name, unit) for k, v in value.items()}
            if not isinstance(value, str) or value in registered and not (unit and placeless):
                return value
            # a site's reading aid is no part of the document's words: letters, pages and maps print them as such
            out = _GLOSS.sub("", self.restore(value))
            if name and out != value:
                names[value] = out
                if value in registered:
                    own[value] = out
            return out

        def fields(record: dict, keys: tuple[str, ...], name: bool = False, unit: bool = False) -> dict:
            return {k: back(v, name, unit) if k in keys else v for k, v in record.items()}

        annex_title = (draft.doc.get("annex") or {}).get("title")
        draft.doc = fields(draft.doc, _DOCUMENT_TEXTS, name=True)
        if annex_title and annex_title not in self.read_text:  # 「重点任务分工」 made up: the draft's words, as the letters'
            draft.doc["annex"]["title"] = annex_title
        if short := draft.doc.get("short_title"):  # what the site and letters call the document: no reading aid
            draft.doc["short_title"] = short = _GLOSS.sub("", short)
            if textrules.name_problem(short):  # the page's characters made it longer than a name may be
                del draft.doc["short_title"]
                draft.review.append(short_title_todo(short))
        draft.articles = {n: fields(a, ("title", "text")) for n, a in draft.articles.items()}
        draft.tasks = {n: fields(fields(fields(t, _TASK_TEXTS), _TASK_NAMES, name=True), _TASK_UNITS, name=True, unit=True)
                       for n, t in draft.tasks.items()}
        draft.proposed = [fields(u, _UNIT_NAMES, name=True) for u in draft.proposed]
        for value, out in own.items():  # (no place to tell the registry's body from this document's: proposed)
            if all(u["name"] != out for u in draft.proposed):
                draft.proposed.append(unit := proposed_unit(out, level_of_name(value, None)))
                draft.review.append(proposal_line(unit))
        if own:  # the summary counts them too
            draft.summary = re.sub(r"\d+(?= 个拟新增单位)", str(len(draft.proposed)), draft.summary, count=1)
        if names:
            pattern = re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))
            draft.review = [pattern.sub(lambda m: names[m.group()], line) for line in draft.review]
        return draft


# (not `letters`: what the letters call the tasks and their list, 重点任务 and 任务清单, are the draft's words, in the
# script of the letter's own wording; written back a character at a time they came out half and half: 重点任務責任书)
_DOCUMENT_TEXTS = ("title", "short_title", "number", "issuers", "jurisdiction", "parts", "annex", "parents")
_TASK_TEXTS = ("text", "units_as_written", "deadlines", "label")
_TASK_NAMES = ("leaders",)
_TASK_UNITS = ("lead", "participants")
_UNIT_NAMES = ("name", "aliases", "full_name", "members", "place", "local_names")
