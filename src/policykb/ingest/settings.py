"""The settings an imported document gets so that its outputs speak its own words (document.yaml):
what it calls its tasks and a unit's list of them, its annex (if it has one), and its period."""
from __future__ import annotations

import datetime as dt
import re

from ..deadlines import falls_once
from .source import Source

# What a document calls its tasks, and the name of a unit's list of them, from the words of its title.
_WORDS = [(r"重点工作", "重点工作", "重点工作任务清单"), (r"目标任务", "目标任务", "目标任务清单"),
         (r"责任清单", "重点任务", "责任清单"), (r"政策措施|措施", "政策措施", "政策措施任务清单"),
         (r"", "重点任务", "任务清单")]


def annex_title_of(source: Source) -> str | None:
    """The title of the annex the tasks are printed in (「附件：2021年重点工作任务分解表」), when there is one."""
    for block in source.blocks:
        if not block.is_row and (m := re.fullmatch(r"附\s*件\s*\d*\s*[：:]?\s*(?:\d[.．、])?\s*([^\s：:]{4,40})", block.text)):
            # the list's own punctuation is no part of the title (「附件：1.X分解表；」 then 「2.Y估算表」)
            title = m[1].rstrip("；;。，,、.．")  # 「《X》」 loses its marks; 「《政府工作报告》任务分解表」 keeps them
            return title[1:-1] if re.fullmatch(r"《[^《》]+》", title) else title
    return None


def period_of(title: str, date: dt.date, tasks: dict[int, dict], general: list[dict] = ()) -> dict | None:
    """The years the document runs: the year its title names (「2021年重点工作」), reaching its last deadline (a task's
    own, or one every task has: 「时间安排：即日起至6月30日」)."""
    ends = [d["date"] for d in [*(d for t in tasks.values() for d in t["deadlines"]), *general] if falls_once(d["kind"])]
    if m := re.search(r"(20\d\d)年(?:度)?", title):
        year = int(m[1])
        start = min(date, dt.date(year, 1, 1))
        return {"start": start, "end": max([dt.date(year, 12, 31), *ends]), "phrase": f"标题中的“{m[0]}”"}
    if ends:
        return {"start": min(date, *ends), "end": max(ends), "phrase": "任务时限中最晚的一个"}
    return None


def own_words(title: str) -> tuple[str, str]:
    """(what the letters call the tasks, the name of a unit's list), from the words of the title."""
    return next((measures, list_name) for pattern, measures, list_name in _WORDS if re.search(pattern, title))
