"""A child plan's parents as its preamble cites them: 「根据/为贯彻落实《…》（X〔Y〕N号）」."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from .. import paths
from ..load import document_folders
from ..model import Document, DocumentFile, Reference
from . import refs

# Sentences that say which documents this one carries out; the citations inside them.
_CARRIES_OUT = re.compile(r"根据|按照|依据|贯彻落实|贯彻|落实")
_CITED = re.compile(r"《((?:[^《》〈〉]|〈[^〈〉]*〉)+)》\s*(?:[（(]([^（）()]{2,30}?号)[）)])?")
PREAMBLE_BLOCKS = 12  # citations of parents stand near the top; a task citing a law further down is not one


def cited(texts: list[str]) -> list[dict]:
    """{title, number} of each document cited as carried out, in order, once each."""
    out: list[dict] = []
    for text in texts[:PREAMBLE_BLOCKS]:
        for sentence in re.split(r"[。；]", text):
            head = _CARRIES_OUT.search(sentence)
            if not head:
                continue
            for m in _CITED.finditer(sentence, head.start()):
                ref = {"title": m[1], **({"number": re.sub(r"\s+", "", m[2])} if m[2] else {})}
                if not any(refs.title_key(r["title"]) == refs.title_key(ref["title"]) for r in out):
                    out.append(ref)
    return out


def review(parents: list[dict], root: Path) -> list[str]:
    """Each cited parent, and whether the knowledge base at root holds it (by number, else title)."""
    lines = []
    for p, found in zip(parents, resolved(parents, root)):
        cite = f"《{p['title']}》" + (f"（{p['number']}）" if p.get("number") else "")
        lines.append(f"[上级文件] {cite}：" + (f"知识库中为 {found}（各项任务的上级候选见 [关联]）"
                                              if found else "知识库中没有，无法关联其任务（导入上级文件后再建议关联）"))
    return lines


def resolved(parents: list[dict], root: Path) -> list[str | None]:
    """For each cited parent, the id of the document at root it names, or None (document.yaml files
    only: a draft is reviewed before the knowledge base it joins is checked)."""
    documents = {}
    for folder in document_folders(root, paths.DOCUMENT_FILE)[0] if root.is_dir() else []:
        path = folder / paths.DOCUMENT_FILE
        try:
            meta = DocumentFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
        except Exception:  # noqa: BLE001 - a broken neighbour is reported by check, not by the import
            continue
        documents[path.parent.name] = Document(id=path.parent.name, meta=meta, folder=str(path.parent),
                                               articles={}, tasks={}, indicators={})
    return [refs.resolve(Reference(**p), documents) for p in parents]
