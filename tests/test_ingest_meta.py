"""Document details read from the head: the title wherever a real document states it, never a page's widget."""
from __future__ import annotations

from policykb.ingest.meta import read_meta
from policykb.ingest.source import Block


def _blocks(*lines: str) -> list[Block]:
    return [Block(line, f"第{n}行") for n, line in enumerate(lines, start=1)]


NOTICE = ("《2020年某市重点工作责任分解》和《2020年某市民生实事项目责任分解》已经市政府常务会议讨论通过,"
          "现印发给你们,请认真贯彻执行。")


def test_a_title_ending_in_its_kind_after_the_signature_is_the_title():
    meta = read_meta(_blocks("朗读", "各镇人民政府、街道办事处:", NOTICE, "某市人民政府办公室", "2020年5月22日",
                             "2020年某市重点工作责任分解", "一、市长主抓重点工作"))
    assert meta.title == "2020年某市重点工作责任分解"


def test_a_transmittal_notice_names_the_first_document_it_sends():
    meta = read_meta(_blocks("打印", "各镇人民政府:", NOTICE, "某市人民政府办公室", "一、市长主抓重点工作"))
    assert meta.title == "2020年某市重点工作责任分解"
    assert any(g[0] == "标题" and g[3] < 0.85 for g in meta.guesses)  # a guess: reviewed


def test_a_pages_widget_is_never_the_title():
    meta = read_meta(_blocks("朗读", "1.制定出台政策体系。", "责任单位:财政局、发改局"))
    assert meta.title == ""  # the import then names the file and says so in the review


def test_a_masthead_run_into_a_line_names_the_place_and_two_organs_name_none():
    """「市委市政府督查局」 is no place 「市委市」; 「X市人民政府文件」 inside a copied line still names X市."""
    meta = read_meta(_blocks("各乡镇人民政府:", "市委市政府督查局要加强督查,对重点工作实行专项督查。",
                             "年底前完成。某平市人民政府文件某政〔2021〕3号对有明确时间节点的工作跟踪问效。",
                             "1.做好甲项工作。", "责任单位:市应急局"))
    assert meta.jurisdiction == "某平市"
    assert meta.place_guessed
