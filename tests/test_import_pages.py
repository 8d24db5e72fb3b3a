"""A saved web page reads as its reader sees it: what the page hides (a share menu, a print copy, the spam a mirror
site hides for search engines) is no paragraph of the document."""
from __future__ import annotations

from policykb.ingest import readers


def test_hidden_parts_of_a_page_are_not_read_and_an_unclosed_paragraph_hides_nothing(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><div style='DISPLAY: none'><div>赌场 娱乐 注册送彩金</div><table><tr><td>县财政局</td>"
        "<td>负责</td></tr></table></div>"
        "<p>1.推进垃圾清运（县住建局牵头）</p>"
        "<span hidden>县水利局负责</span><p style='display:none'>2.整治河道（县水利局负责）"
        "<div style='visibility:hidden'>打印本页</div>"
        "<p>3.改造农村公路（县交通运输局负责）</p></body></html>", encoding="utf-8")
    texts = [b.text for b in readers.read(page).blocks]
    assert "1.推进垃圾清运（县住建局牵头）" in texts and "3.改造农村公路（县交通运输局负责）" in texts
    assert not any("赌场" in t or "打印本页" in t or "县财政局" in t for t in texts)
    assert "县水利局负责" not in texts and "2.整治河道（县水利局负责）" in texts  # a <p> may go unclosed: its style is not followed


def test_a_half_width_full_stop_between_words_ends_a_sentence(tmp_path):
    """「…建成加工点4-10个.由甲局…」: a page's half-width stop between two words is read as 。; after a numeral
    (「一.总则」) it numbers a heading and stays."""
    from policykb.ingest.readers import read
    path = tmp_path / "a.txt"
    path.write_text("一.总则\n建成加工点4-10个.由甲局负责选址。\n", encoding="utf-8")
    assert [b.text for b in read(path).blocks] == ["一.总则", "建成加工点4-10个。由甲局负责选址。"]
