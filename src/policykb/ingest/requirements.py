"""A notice that divides its work nowhere else assigns it in its sentences: 「各牵头单位要严格按照任务分工…」,
「请各地、各部门…」, 「区委区政府督查室要根据…」, 「由市政府督查室统一组织上传」.

Read only when the rest of the grammar reads no assignment anywhere in the document (no note, label, table,
subject-led division): a covering notice's requirements never pass for the division of work it covers, and a
notice of requirements alone is imported rather than refused. Every sentence whose subject is units or
collectives doing something is a task of those units (collectives alone each do their own share), at low
confidence and flagged for review: whether a requirement is work to track is the reader's call.
"""
from __future__ import annotations

import re

from .clauses import subject_clauses
from .generic import SHAPE, items_of, task_text
from .shapes import Candidate, closing_deadline
from .source import Block

CONFIDENCE = 0.5
_PLACED = re.compile(r"(?:各|有关|相关|中共|[省市州盟区县旗乡镇村])")
NOTE = "[通知要求] {where}：这份文件没有分工表或责任单位标注，此项读自正文中对单位提出的要求，请核对是否作为任务跟踪"


def requirement_tasks(blocks: list[Block], known: tuple[str, ...] = ()) -> list[Candidate]:
    """Each sentence (or 「；」 part) of the document's paragraphs that opens with units doing something, as a task;
    the parts after it that name nobody continue its text."""
    out: list[Candidate] = []
    for item in items_of(blocks):
        if item.table is not None or item.owner:
            continue
        first, before = True, ""
        for part in _parts(item.text, known):
            found = subject_clauses(part, known, numbered=True, anyone=True)
            if found:
                units = found[0][1]
                units.how = "subject"
                # a numbered item's opening words without a subject (「（一）对点位进行再梳理。各单位要…」) are its task's
                text = _joined(before, part) if item.numbered else part
                out.append(Candidate(task_text(text), units, item.where, SHAPE, CONFIDENCE,
                                     deadline_text=closing_deadline(part), notes=[NOTE.format(where=item.where)],
                                     number=item.number if first and item.numbered else None))
                first = False
            elif not first and out:
                out[-1].text = task_text(_joined(out[-1].text, part))
            else:
                before = _joined(before, part)
    return out


def _joined(text: str, part: str) -> str:
    """A part after the text it goes on from, after the text's own closing mark or a comma."""
    return text + part if not text or text[-1] in "。！？；;，," else text + "，" + part


def _parts(text: str, known: tuple[str, ...]) -> list[str]:
    """The sentences and 「；」 parts of a paragraph, each also cut before a comma after which units open a clause of
    their own (「市督查室将专项督办，各地、各部门要…」: two requirements)."""
    out = []
    for part in re.findall(r"[^。！？；;]+[。！？；;]?", text):
        cuts = [m.start() for m in re.finditer(r"[，,]", part) if _opens_with_units(part[m.end():], known)]
        out += [part[a:b].lstrip("，,") for a, b in zip([0] + cuts, cuts + [len(part)])]
    return out


def _opens_with_units(clause: str, known: tuple[str, ...]) -> bool:
    """A clause whose subject opens it and names units by their place or level, a collective or registered units:
    after a comma, 「对辖市指导…」 or 「配合市住建局…」 is the last clause's work going on."""
    found = subject_clauses(re.split(r"[，,]", clause)[0], known, numbered=True, anyone=True) \
        or subject_clauses(clause, known, numbered=True, anyone=True)  # 「X作为牵头单位，负责…」
    return bool(found) and clause.lstrip("请由").startswith(found[0][1].as_written) \
        and all(n in known or _PLACED.match(n) for n in found[0][1].lead)
