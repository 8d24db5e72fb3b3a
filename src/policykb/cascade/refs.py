"""Which documents a document carries out: its cited parents, resolved by 发文字号 or title."""
from __future__ import annotations

import re
import unicodedata

from ..ingest.levels import level_of_place
from ..model import Document, Reference, Task

LEVELS = ("中央", "省", "市", "县")  # higher first

# 〔2016〕, [2016], ［2016］, 【2016】, (2016), （2016） are the same year bracket in a 发文字号
_BRACKETS = str.maketrans({"[": "〔", "]": "〕", "［": "〔", "］": "〕", "【": "〔", "】": "〕",
                           "(": "〔", ")": "〕", "（": "〔", "）": "〕", "〈": "〔", "〉": "〕"})


def number_key(number: str | None) -> str:
    """A 发文字号 as compared: brackets unified, spaces dropped (湘发[2016] 7 号 = 湘发〔2016〕7号)."""
    if not number:
        return ""
    text = unicodedata.normalize("NFKC", number).translate(_BRACKETS)
    return re.sub(r"\s+", "", text)


def title_key(title: str | None) -> str:
    """A title as compared: no book-title marks, quotes, spaces or punctuation."""
    if not title:
        return ""
    text = unicodedata.normalize("NFKC", title)
    return re.sub(r"[\s《》〈〉“”\"'‘’、，,。·()（）]", "", text)


def level(doc: Document) -> str:
    """The document's level: as written, else its jurisdiction's, else 省 (the bundled registry's)."""
    return doc.meta.level or level_of_place(doc.meta.jurisdiction or "") or "省"


def higher(a: str, b: str) -> bool:
    """Whether level a is above level b (省 above 市)."""
    return LEVELS.index(a) < LEVELS.index(b)


def cited(doc: Document) -> list[Reference]:
    """The references a document cites as its parents: `parents`, and the older single `implements`."""
    refs = list(doc.meta.parents)
    if doc.meta.implements and not any(_same(doc.meta.implements, r) for r in refs):
        refs.append(doc.meta.implements)
    return refs


def _same(a: Reference, b: Reference) -> bool:
    return bool(number_key(a.number) and number_key(a.number) == number_key(b.number)) \
        or title_key(a.title) == title_key(b.title)


def resolve(ref: Reference, documents: dict[str, Document]) -> str | None:
    """The id of the document a reference names, by number first, then by title."""
    key = number_key(ref.number)
    if key:
        for doc in documents.values():
            if number_key(doc.meta.number) == key:
                return doc.id
    key = title_key(ref.title)
    for doc in documents.values():
        if key and key in (title_key(doc.meta.title), title_key(doc.meta.short_title)):
            return doc.id
    return None


def parents(doc: Document, documents: dict[str, Document]) -> tuple[list[str], list[Reference]]:
    """The document's parents found in the knowledge base, and those cited but not there."""
    found, missing = [], []
    for ref in cited(doc):
        target = resolve(ref, documents)
        if target and target != doc.id:
            found.append(target) if target not in found else None
        else:
            missing.append(ref)
    return found, missing


def children(doc_id: str, documents: dict[str, Document]) -> list[str]:
    """Documents citing this one as a parent, in id order."""
    return [d.id for d in documents.values() if doc_id in parents(d, documents)[0]]


def linked_children(task: Task, documents: dict[str, Document]) -> list[Task]:
    """The tasks of other documents whose `implements` names this task."""
    return [t for d in documents.values() for t in d.tasks.values()
            if any(link.doc == task.doc and link.task == task.number for link in t.implements)]


_LEVEL_WORD = {"中央": "国家", "省": "省", "市": "市", "县": "县"}


def parent_labels(task: Task, documents: dict[str, Document]) -> list[str]:
    """The parent tasks a child task carries out, as a letter or a map names them: 「省第69项」, 「市第1项（部分）」."""
    return [f"{_LEVEL_WORD[level(documents[link.doc])]}第{link.task}项" + ("（部分）" if link.part else "")
            for link in task.implements if link.doc in documents]


def quote(task: Task, documents: dict[str, Document]) -> str:
    """What a letter adds to a child task: 「（落实省第69项）」, or nothing for a task with no parent."""
    parts = parent_labels(task, documents)
    return f"（落实{'、'.join(parts)}）" if parts else ""
