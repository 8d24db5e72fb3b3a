"""A body's roster: the people a document lists by name under the posts of a body it sets up lead its work in person."""
from __future__ import annotations

import datetime as dt

from conftest import import_text

from policykb.ingest.rosters import roster_of, rosters


def test_names_under_roster_posts_are_the_set_up_bodys_people():
    """Padded names (「王 红」: 王红, the roster's alignment left out), names a line with their posts, a list carried over to
    the next line, rarer surnames; the post after a name (「董事长、总经理」) is no name."""
    found = rosters(["为加强组织领导，决定成立某镇防汛工作领导小组，统一领导全镇防汛工作。",
                     "组 长：蒋某某 镇长",
                     "副组长：巢 凌",
                     "成 员：王 红、柳雪英、",
                     "郭汝良、赵 鸣。",
                     "申某某 某某建设发展集团有限公司董事长、总经理",
                     "领导小组下设办公室，办公室设在水利站。"])
    assert found == {"某镇防汛工作领导小组": ["蒋某某", "巢凌", "王红", "柳雪英", "郭汝良", "赵鸣", "申某某"]}
    assert roster_of(["某县某镇防汛工作领导小组"], found) == found["某镇防汛工作领导小组"]
    assert roster_of(["某镇水利站"], found) == [] and roster_of(["某镇防汛工作领导小组", "水利站"], found) == []


def test_a_roster_of_posts_or_units_names_no_people():
    """「组 长：市政府分管副市长」, 「成 员：市发展改革委、市财政局…」: no one's own name, so no roster (the posts are read
    where the document says who holds them)."""
    assert rosters(["成立某市防洪能力提升工程领导小组。", "组 长：市政府分管水务工作的副市长",
                    "成 员：市发展改革委、市财政局、各县(市、区)政府分管负责人。"]) == {}
    assert rosters(["组 长：蒋某某", "副组长：张某某"]) == {}  # a roster of no body the document set up


def test_the_roster_heads_the_groups_tasks_in_an_import(tmp_path):
    _, tasks, _ = import_text(tmp_path, "某镇人民政府关于成立防汛工作领导小组的通知\n"
                              "各村（社区）：\n"
                              "为做好今年的防汛工作，经研究，决定成立某镇防汛工作领导小组。\n"
                              "一、主要职责\n"
                              "负责统一领导全镇防汛工作，研究解决防汛工作中的重大问题。\n"
                              "二、组成人员\n"
                              "组 长：蒋某某 镇长\n"
                              "副组长：巢 凌 副镇长\n"
                              "成 员：王 红、柳雪英\n"
                              "某镇人民政府\n"
                              "2021年5月6日\n", dt.date(2021, 5, 6))
    assert [(t["text"][:6], t["lead"], t.get("leaders")) for t in tasks] == [
        ("负责统一领导", ["某镇防汛工作领导小组"], ["蒋某某", "巢凌", "王红", "柳雪英"])]


_DUTY_LINES = ("某市卫生局关于开展献血者日活动的方案\n"
               "为做好今年的献血者日活动，制定以下活动内容：\n"
               "一、组织机构\n"
               "为保证各项活动的顺利进行，成立活动领导小组。\n"
               "组 长：蒋某某\n"
               "副组长：巢 凌、柳雪英\n"
               "办公室设在业务科\n"
               "主 任：柳雪英\n"
               "副主任：郭汝良\n"
               "领导小组职责：负责活动的组织、实施及协调。\n"
               "办公室职责：负责活动方案的制定，相关事项的组织和协调。\n")


def test_a_duty_line_gives_the_named_body_its_duties(tmp_path):
    """「领导小组职责：负责…」, 「办公室职责：负责…」: a line opening with a body's duty heading is that body's duty, whatever
    the body (the group set up above by its short name, an office), kept whole as the page writes it."""
    _, tasks, _ = import_text(tmp_path, _DUTY_LINES, dt.date(2015, 6, 1))
    duties = [(t["text"][:6], t["lead"]) for t in tasks if "职责" in t["text"]]
    assert duties == [("领导小组职责", ["活动领导小组"]), ("办公室职责：", ["办公室"])]


def test_a_roster_after_a_body_housed_elsewhere_is_that_bodys(tmp_path):
    """「办公室设在业务科」 then 「主 任：…」「副主任：…」: the office is set up by being housed, the names after it are its
    people, not the group's."""
    found = rosters(_DUTY_LINES.splitlines())
    assert found == {"活动领导小组": ["蒋某某", "巢凌", "柳雪英"], "办公室": ["柳雪英", "郭汝良"]}
    _, tasks, _ = import_text(tmp_path, _DUTY_LINES, dt.date(2015, 6, 1))
    assert [t.get("leaders") for t in tasks if t["lead"] == ["办公室"]] == [["柳雪英", "郭汝良"]]


def test_a_sentence_setting_the_body_up_names_no_unit_before_its_duty_line(tmp_path):
    """「成立活动领导小组，以保证…。」 opens with the verb setting the group up: a sentence, not a list of units naming the
    lines below, so 「领导小组职责：」 is still the group's (its short name)."""
    text = _DUTY_LINES.replace("为保证各项活动的顺利进行，成立活动领导小组。", "成立活动领导小组，以保证各项活动的顺利进行。")
    _, tasks, _ = import_text(tmp_path, text, dt.date(2015, 6, 1))
    assert [t["lead"] for t in tasks if t["text"].startswith("领导小组职责")] == [["活动领导小组"]]


def test_setting_a_body_up_is_no_task_where_its_duties_are_listed(tmp_path):
    """「成立活动领导小组，以保证…。」 then 「领导小组职责：负责…」: the group's work is its listed duties; setting it up,
    with no work given in the sentence, is no task of its own, nor a requirement on carrying the work out."""
    import yaml
    text = _DUTY_LINES.replace("为保证各项活动的顺利进行，成立活动领导小组。", "成立活动领导小组，以保证各项活动的顺利进行。")
    result, tasks, _ = import_text(tmp_path, text, dt.date(2015, 6, 1))
    assert [t["text"][:6] for t in tasks] == ["领导小组职责", "办公室职责："]
    annex = yaml.safe_load((result.folder / "document.yaml").read_text(encoding="utf-8")).get("annex") or {}
    assert not [r for r in annex.get("requirements") or [] if "成立活动领导小组" in str(r)]


def test_a_sentence_after_a_roster_is_a_paragraph_of_its_own():
    """A roster's lines hold names and posts and no sentence, and are carried over from line to line; a sentence after
    them (clauses, closed by its stop) is no roster line wrapped."""
    from policykb.ingest.items import items_of
    from policykb.ingest.source import Block
    lines = ["组 长：刘某某 副市长", "成 员：曹某 市公安局副局长", "柳某 市教育局副局长",
             "领导小组下设办公室，办公室设在市教育局，主要负责全市日常管理、协调工作。"]
    items = items_of([Block(line, f"第{i}行") for i, line in enumerate(lines, start=1)])
    assert items[-1].text == lines[-1]


_OFFICE = ("某市人民政府办公室关于印发某市控辍专项行动实施方案的通知\n"
           "为加强组织领导，成立市控辍专项行动领导小组，负责控辍工作的领导和协调。成员名单如下：\n"
           "组 长：刘某某 副市长\n"
           "成 员：曹某 市公安局副局长\n"
           "柳某 市教育局副局长\n"
           "领导小组下设办公室，办公室设在市教育局，办公室主任由彭某同志兼任，副主任由柳某同志兼任，"
           "主要负责全市控辍日常管理、协调工作。\n"
           "各县也要相应成立控辍专项行动领导小组，做到主要领导负总责。\n")


def test_a_groups_office_after_its_roster_leads_its_duty(tmp_path):
    """The office set up in a sentence after the group's roster (「领导小组下设办公室，办公室设在…，办公室主任由彭某同志兼任，
    …，主要负责…」): its task, the office named by the group it serves as the group was set up (市控辍专项行动领导小组, the
    first set up of that kind; the place's name on it), its director the leader."""
    _, tasks, _ = import_text(tmp_path, _OFFICE, dt.date(2020, 1, 1))
    assert [(t["lead"], t.get("leaders")) for t in tasks if "下设办公室" in t["text"]] \
        == [(["某市控辍专项行动领导小组办公室"], ["彭某"])]

