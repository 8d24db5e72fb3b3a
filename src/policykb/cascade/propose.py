"""Rank parent tasks for each task of a child plan, and propose a link only for a clear winner.

A child rewords and makes concrete (「力争2016年底前全市发放扶贫小额信贷3亿元」 for 「创新发展扶贫小额
信贷…」), so words rarely match whole: texts are compared as character bigrams weighted by TF-IDF over
the parent's tasks. Two signals add to it: a unit of the child task that does the work of a unit of
the parent task (counterparts), and section titles that share words. A link is written only when the
best candidate is clearly ahead; it is always written as `proposed: true`.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from ..model import Document, KnowledgeBase, Task
from . import counterparts, refs

# The text decides; the other signals scale it up (a shared unit with unrelated text proves nothing).
LEAD_BOOST, UNIT_BOOST = 0.4, 0.2  # a child lead doing a parent lead's work; any other pairing
MEMBER_BOOST = 0.6  # the parent task is given to a collective this plan's place is a member of
NEAREST_BOOST = 0.1  # a task of the nearest level above (the 市 plan, for a 县 plan)
SECTION_BOOST = 0.05
COVERED = 0.6  # a higher task already carried out by a candidate of the nearer plan: link the nearer one
CLEAR_SCORE, CLEAR_MARGIN = 0.3, 0.1  # a winner scores at least this, and this much above the second
SHOWN = 3  # candidates in the review
_NOT_WORD = re.compile(r"[^\u4e00-\u9fffA-Za-z0-9]+")


def bigrams(text: str) -> Counter:
    grams: Counter = Counter()
    for run in _NOT_WORD.split(text):
        grams.update(run[i:i + 2] for i in range(len(run) - 1))
    return grams


class TextIndex:
    """TF-IDF vectors of the parent tasks' texts; a child text is weighted with the same IDF."""

    def __init__(self, tasks: list[Task]):
        docs = [bigrams(t.text) for t in tasks]
        df = Counter(g for d in docs for g in d)
        n = len(docs)
        self.idf = {g: math.log((1 + n) / (1 + c)) + 1 for g, c in df.items()}
        self.vectors = {(t.doc, t.number): self._unit(d) for t, d in zip(tasks, docs)}

    def _unit(self, grams: Counter) -> dict[str, float]:
        vec = {g: (1 + math.log(c)) * self.idf.get(g, 0.0) for g, c in grams.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {g: v / norm for g, v in vec.items()}

    def similarity(self, text: str, key: tuple[str, int]) -> float:
        child, parent = self._unit(bigrams(text)), self.vectors[key]
        return sum(v * parent.get(g, 0.0) for g, v in child.items())


@dataclass
class Candidate:
    task: Task
    score: float
    text: float
    units: list[tuple[str, str]] = field(default_factory=list)  # (child unit, parent unit) pairs
    section: bool = False
    member: str | None = None  # the collective the parent task is given to, with this plan's place in it

    def reasons(self) -> str:
        parts = [f"文字相近{self.text:.2f}"]
        if self.member:
            parts.append(f"上级交由{self.member}承担")
        if self.units:
            parts.append("对口单位 " + "、".join(f"{a}→{b}" for a, b in self.units))
        if self.section:
            parts.append("部分标题相近")
        return "，".join(parts)


@dataclass
class Proposal:
    task: Task
    candidates: list[Candidate]

    @property
    def winner(self) -> Candidate | None:
        """The best candidate when it is clearly ahead of the rest, else None (left to people)."""
        if not self.candidates or self.candidates[0].score < CLEAR_SCORE:
            return None
        second = self.candidates[1].score if len(self.candidates) > 1 else 0.0
        return self.candidates[0] if self.candidates[0].score - second >= CLEAR_MARGIN else None


def _section_title(doc: Document, number: int) -> str:
    if doc.meta.annex:
        for s in doc.meta.annex.sections:
            if s.number == number:
                return s.title
    return ""


def propose(kb: KnowledgeBase, doc_id: str) -> list[Proposal]:
    """For every task of the document, its parents' tasks ranked best first."""
    doc = kb.documents[doc_id]
    parent_ids = refs.parents(doc, kb.documents)[0]
    parent_tasks = [t for p in parent_ids for t in kb.documents[p].tasks.values()]
    if not parent_tasks:
        return [Proposal(t, []) for t in doc.tasks.values()]
    index = TextIndex(parent_tasks)
    nearest = max((refs.level(kb.documents[p]) for p in parent_ids), key=refs.LEVELS.index)
    place = doc.meta.jurisdiction
    out = []
    for task in doc.tasks.values():
        section = bigrams(_section_title(doc, task.section))
        ranked = []
        for parent in parent_tasks:
            text = index.similarity(task.text, (parent.doc, parent.number))
            pairs = [(a, b) for a in task.units for b in parent.units if counterparts.carries(kb, a, b)]
            leads = any(a in task.lead and b in parent.lead for a, b in pairs)
            member = next((u for u in parent.units if place and place in counterparts.members_of(kb, u)), None)
            same_section = bool(section & bigrams(_section_title(kb.documents[parent.doc], parent.section)))
            boost = (LEAD_BOOST if leads else UNIT_BOOST if pairs else 0.0) + (MEMBER_BOOST if member else 0.0) \
                + (SECTION_BOOST if same_section else 0.0) \
                + (NEAREST_BOOST if refs.level(kb.documents[parent.doc]) == nearest else 0.0)
            ranked.append(Candidate(parent, text * (1 + boost), text, pairs, same_section, member))
        _prefer_nearer(ranked)
        ranked.sort(key=lambda c: (-c.score, c.task.doc, c.task.number))
        out.append(Proposal(task, ranked))
    return out


def _prefer_nearer(ranked: list[Candidate]) -> None:
    """A higher task that a candidate of the nearer plan already carries out steps back: the child
    links to the nearer task, and through it to the higher one."""
    covered = {(link.doc, link.task) for c in ranked for link in c.task.implements}
    for c in ranked:
        if (c.task.doc, c.task.number) in covered:
            c.score *= COVERED


def label(kb: KnowledgeBase, task: Task) -> str:
    """「湖南省脱贫攻坚实施意见第69项」"""
    return f"{kb.documents[task.doc].meta.label}{task.ref}"


def review(kb: KnowledgeBase, proposals: list[Proposal]) -> list[str]:
    """Every task with its top candidates and reasons, in Chinese; what was proposed and what is left."""
    lines = []
    for p in proposals:
        head = f"[关联] {p.task.ref}"
        if not p.candidates:
            lines.append(f"{head}：上级文件不在知识库中，无候选")
            continue
        win = p.winner
        verdict = f"建议落实{label(kb, win.task)}（proposed）" if win else "无明显最佳候选，请人工确定或列为本级任务"
        lines.append(f"{head}：{verdict}")
        for c in p.candidates[:SHOWN]:
            lines.append(f"    {label(kb, c.task)}  {c.score:.2f}  {c.reasons()}")
    return lines
