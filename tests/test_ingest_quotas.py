"""A target divided into the units' shares (ingest/quotas.py), on small inline texts (never the corpus)."""
from __future__ import annotations

from policykb.ingest.quotas import LISTED_PLACE, quota_tasks


def test_shares_apart_by_commas_are_each_their_units_task():
    """「具体是：房产局100套，住建局200套，…」: each share its bureau's task; a share's 其中 breakdown stays with it, a
    share naming no unit is no task."""
    text, tasks = quota_tasks("县政府已将1500套划分到单位，具体是：房产局100套，住建局200套，教育局900套，"
                              "其中：改建400套，新建500套，卫生局250套，乡镇公住房50套。目前进展顺利。")
    assert [(t, u.lead, u.mode) for t, u, _ in tasks] == [
        ("房产局100套", ["房产局"], "first"), ("住建局200套", ["住建局"], "first"),
        ("教育局900套，其中：改建400套，新建500套", ["教育局"], "first"), ("卫生局250套", ["卫生局"], "first")]
    assert text == "县政府已将1500套划分到单位，目前进展顺利。"


def test_a_list_of_places_shares_is_one_task_each_place_doing_its_own():
    """「其中，甲市550户、乙市1300户、丙300户」: one list, each place its own share (separate); a place written short
    among places written in full is one of them, flagged."""
    text, tasks = quota_tasks("由建设部门牵头完成1万户。其中，甲州市550户、乙安市1300户、丙阳市800户、丁泉300户。省建设厅要求…")
    assert [(t, u.lead, u.mode, u.flags) for t, u, _ in tasks] == [
        ("其中，甲州市550户、乙安市1300户、丙阳市800户、丁泉300户", ["甲州市", "乙安市", "丙阳市", "丁泉"], "separate",
         [LISTED_PLACE + "丁泉"])]
    assert text == "由建设部门牵头完成1万户。省建设厅要求…"


def test_counts_of_no_units_are_no_shares():
    """「包括：改建400套、新建500套」, 「其中：男生30人、女生20人」: a breakdown of the work, no unit named."""
    assert quota_tasks("全年任务900套，包括：改建400套、新建500套。")[1] == []
    assert quota_tasks("共培训50人，其中：男生30人，女生20人。")[1] == []


def test_a_place_written_short_among_places_is_imported_as_written_and_flagged(tmp_path):
    """The place the list writes short is kept in the draft (no 「不像单位名称，未采用」), the review saying why."""
    import datetime as dt

    from policykb.ingest.compose import Registry, compose
    from policykb.ingest.source import Block, Source
    lines = ("我省住房解困任务已分解至各市", "今年由建设部门牵头完成1万户。其中，甲州市550户、乙安市1300户、丙阳市800户、丁泉300户。")
    draft = compose(Source("x.txt", "txt", [Block(t, f"第{i}行") for i, t in enumerate(lines, start=1)]),
                    Registry.load(tmp_path), dt.date(2024, 1, 1))
    shares = [t for t in draft.tasks.values() if t["text"].startswith("其中")]
    assert [(t["lead"], t["lead_mode"]) for t in shares] == [(["甲州市", "乙安市", "丙阳市", "丁泉"], "separate")]
    assert any("“丁泉”不像单位名称，因与其他地方并列分担任务" in line for line in draft.review)
