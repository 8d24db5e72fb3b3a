"""Demands that stand only in the sentences of unnumbered paragraphs (a notice's, a meeting report's): their holders,
how a list of them shares the work, and what is no demand (made-up texts)."""
from policykb.ingest.clauses import subject_clauses
from policykb.ingest.unitnames import parse_units


def test_all_localities_written_difang_is_a_collective_and_a_yearly_month_end_stands_before_its_verb():
    """「各地方、各有关部门要…」: two collectives; 「各地方每年11月底前将…报…」: the yearly time between subject and verb."""
    units = parse_units("各地方、各有关部门")
    assert (units.lead + units.participants, units.doubts) == (["各地方", "各有关部门"], [])
    [(_, units)] = subject_clauses("各地方每年11月底前将本地活动总结情况报省网信办。", numbered=True, anyone=True)
    assert units.lead == ["各地方"]
