"""A body's plan for its own work: 「我局的工作方案如下：」, then one paragraph a step (「7月，…成立局领导小组…」,
「8—9月，重点搞好机关内部的文明创建…」), no unit named in them.

The body announcing the plan speaks of itself (我局, 本委 …): the paragraphs after the announcement, up to the
signature, are its work, and the issuer leads each (as it answers for the work of its own people). A person a
paragraph puts in charge of it (「以上工作由熊文华同志牵头」, 「具体由戴世雄副局长带领有关人员…」) leads it in person.
Read only where nothing in the document assigns work to a named unit.
"""
from __future__ import annotations

import re

from .lexicon import is_person, lexicon
from .requirements import PEOPLE
from .shapes import Candidate
from .source import Block
from .unitnotes import UnitList

# 「我局的工作方案如下：」, 「本委今年的工作安排如下」: the issuer's own plan announced, closing its paragraph
_ANNOUNCED = re.compile(r"(?:我|本)(?:局|委|办|厅|院|所|站|中心|镇|乡|街道|单位|公司)(?:的|今年的|本年度)?"
                        r"[\u4e00-\u9fff]{0,8}?(?:方案|安排|计划)(?:如下|是)[：:。]?$")
_SENTENCE = re.compile(r"[，,。；;]")  # a paragraph of the plan holds a sentence; a signature or a date line none
# 「由熊文华同志牵头」, 「由戴世雄副局长带领…」: who takes the paragraph's work in charge
_IN_CHARGE = re.compile(r"由(?P<who>[\u4e00-\u9fff]{2,10}?)(?:同志)?(?:牵头|带领|负责|主抓)")
NOTE = "[本单位工作方案] {where}：发文单位写明以下为本单位的工作方案，各段读作发文单位的任务，请核对"


def _person(who: str) -> str | None:
    """The person a 由 names: a name (熊文华), or a name before the post that says who they are (戴世雄副局长)."""
    for size in (3, 2):
        name, post = who[:size], who[size:]
        if is_person(name) and (not post or lexicon().post.search(post)):
            return name
    return None


def own_plan_tasks(blocks: list[Block]) -> list[Candidate]:
    """Each paragraph of the issuer's own plan after its announcement, its people in charge the leaders."""
    texts = [b for b in blocks if not b.is_row and b.text.strip()]
    start = next((k for k, b in enumerate(texts) if _ANNOUNCED.search(b.text.strip())), None)
    if start is None:
        return []
    out = []
    for b in texts[start + 1:]:
        if not _SENTENCE.search(b.text):
            break  # the signature (「市水利局」) or the date: the plan ends
        leaders = [p for m in _IN_CHARGE.finditer(b.text) if (p := _person(m["who"]))]
        out.append(Candidate(b.text.strip(), UnitList("", leaders=leaders, how=PEOPLE), b.where, "own-plan", 0.6,
                             notes=[NOTE.format(where=b.where)]))
    return out
