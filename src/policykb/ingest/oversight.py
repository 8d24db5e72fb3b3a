"""What a covering notice asks about carrying its division out, written as sentences the general reader takes for
work: a body checking the others' progress (「区政府办公室负责对目标任务进度情况进行督察通报」), and the collectives the
same paragraph asks to carry it out (「各部门、各单位要明确责任…抓好落实」). Beside a division of work these are its
requirements (corpus truth rule 1), no share of the work; where nothing else divides it they stay its tasks (rule 2).
(The division's role holders, 「牵头单位负责…，协同单位主动对接需求」, are requirements by `candidates._on_role_holders`.)
"""
from __future__ import annotations

import re

from .lexicon import alternation, lexicon
from .shapes import Candidate
from .shares import collective

# 「X负责将目标任务的完成情况纳入综合考评」, 「X要对…进度情况进行督察通报」, 「X负责对各部门完成的…数据进行真实性审核」
# (「县政府领导将定期召开专题会议听取落实情况」: hearing how the work goes, the check before what it checks)
_CHECKS = re.compile(rf"(?:负责|要|将|应当?|须)\s*(?:定期|及时|不定期)?(?:将|对)[^。；;]{{0,30}}?(?:情况|进度|数据)"
                     rf"[^。；;]{{0,20}}?(?:{alternation(lexicon().progress_checks)})"
                     rf"|(?:{alternation(lexicon().progress_hearings)})[^，,。；;]{{0,10}}?(?:完成|进度|进展|实施|推进|落实)情况")
SENTENCE_SHAPES = ("general", "subject")  # tasks read from sentences: a table's row or a note is the division


def checks_progress(text: str) -> bool:
    """Every sentence of a task's text checks the others' progress (not a duty of its own beside the check)."""
    sentences = [s for s in re.split(r"[。；;]", text) if s.strip("，, ")]
    return bool(sentences) and all(_CHECKS.search(s) for s in sentences)


def notice_demands(candidates: list[Candidate]) -> list[Candidate]:
    """The sentences read by the general reader that check the others' progress, and the collectives' demands in the
    paragraphs holding one (「…；区纪委负责对…进行全程跟踪。各部门、各单位要…」)."""
    read = [c for c in candidates if c.shape in SENTENCE_SHAPES]
    found = [c for c in read if checks_progress(c.text)]
    where = {c.where for c in found}
    return found + [c for c in read if c not in found and c.where in where
                    and all(map(collective, c.units.lead + c.units.participants))]
