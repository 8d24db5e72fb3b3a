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


def test_a_list_working_together_names_no_lead_so_the_first_listed_leads_and_the_others_take_part():
    """「X、Y、Z要相互配合」, 「…要各司其职」, 「…要充分发挥职能作用」: no lead word (rule 5): the first listed leads, the others
    take part, a collective first too; collectives alone still each do their own share."""
    [(_, units)] = subject_clauses("县武装部、公安局、卫健局要充分发挥职能作用,严密配合实施。", numbered=True, anyone=True)
    assert (units.lead, units.participants, units.mode) == (["县武装部"], ["公安局", "卫健局"], "first")
    [(_, units)] = subject_clauses("各村(社区)、相关部门、学校要各司其职、落实责任。", numbered=True, anyone=True)
    assert (units.lead, units.participants, units.mode) == (["各村（社区）"], ["相关部门", "学校"], "first")
    [(_, units)] = subject_clauses("各乡镇、各有关部门要密切配合,做好宣传。", numbered=True, anyone=True)
    assert (units.lead, units.mode) == (["各乡镇", "各有关部门"], "separate")
