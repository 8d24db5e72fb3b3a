"""Which unit of a higher level a unit does the work of: its `counterpart`, followed upwards.

株洲市教育局 → 省教育厅; 攸县教育局 → 株洲市教育局 → 省教育厅. A unit without a counterpart but with a
`job` is matched to the higher unit of the same job.
"""
from __future__ import annotations

from ..model import KnowledgeBase, Unit


def chain(kb: KnowledgeBase, name: str) -> list[str]:
    """The unit and its counterparts upwards, nearest first (loops cut)."""
    out = [name]
    unit = kb.unit(name)
    while unit and unit.counterpart and unit.counterpart not in out:
        out.append(kb.unit(unit.counterpart).name if kb.unit(unit.counterpart) else unit.counterpart)
        unit = kb.unit(unit.counterpart)
    return out


def carries(kb: KnowledgeBase, lower: str, higher: str) -> bool:
    """Whether the lower unit does the higher unit's work (by counterparts, else by the same job)."""
    if higher in chain(kb, lower):
        return True
    a, b = kb.unit(lower), kb.unit(higher)
    return bool(a and b and a.job and a.job == _job(kb, b))


def _job(kb: KnowledgeBase, unit: Unit) -> str | None:
    """A unit's job, or the job of a lower unit naming it as counterpart (the bundled registry has none)."""
    if unit.job:
        return unit.job
    jobs = {u.job for u in kb.units.values() if u.counterpart == unit.name and u.job}
    return jobs.pop() if len(jobs) == 1 else None


def members_of(kb: KnowledgeBase, name: str) -> list[str]:
    unit = kb.unit(name)
    return list(unit.members) if unit and unit.collective else []
