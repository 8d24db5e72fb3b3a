"""Documents in traditional script: read with the lexicon's simplified words, written in their own characters."""
from __future__ import annotations

import datetime as dt
import shutil

import yaml
from conftest import POLICIES

from policykb.ingest import import_file
from policykb.ingest.script import Script
from policykb.ingest.source import Block, Source

TRADITIONAL = ("東莞市人民政府關于穩定就業的實施意見\n"
               "一、減輕企業負擔\n"
               "1.繼續按不高于2017年征收標準征收殘疾人就業保障金。(市殘聯、市財政局、市稅務局負責)\n"
               "2.實施階段性降低用人單位基本醫療保險繳費費率政策。(市醫保局牽頭,市財政局配合)\n")


def _import(tmp_path, text: str):
    kb = tmp_path / "kb"
    shutil.copytree(POLICIES, kb, ignore=shutil.ignore_patterns("tracking"))
    source = tmp_path / "s.txt"
    source.write_text(text, encoding="utf-8")
    result = import_file(source, kb, "doc", dt.date(2021, 1, 1))
    tasks = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((result.folder / "tasks").glob("*.yaml"))]
    units = yaml.safe_load((kb / "units.yaml").read_text(encoding="utf-8"))["units"]
    review = (result.folder / "import-review.txt").read_text(encoding="utf-8")
    return tasks, units, review


def test_a_page_in_traditional_script_is_read_and_kept_in_its_own_characters(tmp_path):
    tasks, units, review = _import(tmp_path, TRADITIONAL)
    assert [(t["lead"], t["participants"]) for t in tasks] == [
        (["東莞市殘聯"], ["東莞市財政局", "東莞市稅務局"]), (["東莞市醫保局"], ["東莞市財政局"])]
    assert tasks[0]["text"].startswith("繼續按不高于2017年征收標準") and tasks[0]["units_as_written"].endswith("負責")
    proposed = {u["name"]: u for u in units if u.get("proposed")}
    assert "東莞市殘聯" in proposed and proposed["東莞市殘聯"]["kind"] == "市县部门"  # the draft's own words stay
    assert "牵头 東莞市殘聯" in review  # the review's words are the tool's, the names the document's


def test_the_letters_words_and_a_made_up_annex_title_stay_in_one_script(tmp_path):
    """What the draft calls the tasks (重点任务, 任务清单, 重点任务责任书) and an annex title it made up are its own words:
    written back a character at a time where the page has the character, they came out as 重点任務責任书."""
    _import(tmp_path, TRADITIONAL)
    doc = yaml.safe_load((tmp_path / "kb" / "doc" / "document.yaml").read_text(encoding="utf-8"))
    assert doc["letters"] == {"title": "重点任务责任书", "list_name": "任务清单", "measures": "重点任务"}
    assert doc["annex"]["title"] == "重点任务分工" and doc["title"] == "東莞市人民政府關于穩定就業的實施意見"
    assert doc["parts"][0]["title"] == "減輕企業負擔"  # the document's own words, as it writes them


def test_a_simplified_document_is_read_as_it_is():
    source = Source("s.txt", "txt", [Block("各部门要显著提高效率，於此落实（市财政局负责）", "第1行")])
    script = Script(source)
    assert not script.traditional and script.folded is source and script.restore("显著") == "显著"


def test_a_piece_of_the_text_comes_back_by_its_position_and_a_made_name_by_its_characters():
    script = Script(Source("s.txt", "txt", [Block("東莞市人民政府：(市殘聯負責)", "第1行")]))
    assert script.traditional and script.folded.blocks[0].text == "东莞市人民政府：(市残联负责)"
    assert script.restore("市残联") == "市殘聯"
    assert script.restore("东莞市残联") == "東莞市殘聯"  # made of the place and the name: no piece of the text


GLOSSED = ("湘西州優(yōu)化營商環(huán)境工作計劃\n"
           "一、進一步提升政務服務效能\n"
           "1.加大簡政放權力度,嚴格執(zhí)行權力清單。(牽頭單位:州行政審批服務局;責任單位:州司法局、湘西經(jīng)開區(qū)管委會,6月底完成)\n")


def test_pinyin_glosses_are_left_out_of_the_reading_and_of_what_is_written(tmp_path):
    """A name is what a letter is addressed to: 「湘西經開區管委會」, not the site's 「湘西經(jīng)開區(qū)管委會」; the task's
    text and its note are the document's words, in the page's characters, without the site's reading aid."""
    tasks, units, _ = _import(tmp_path, GLOSSED)
    assert [(t["lead"], t["participants"]) for t in tasks] == [
        (["湘西州行政審批服務局"], ["湘西州司法局", "湘西經開區管委會"])]  # 州X: the prefecture's, named
    assert "嚴格執行" in tasks[0]["text"] and "湘西經開區管委會" in tasks[0]["units_as_written"]
    assert "(" not in tasks[0]["text"] + tasks[0]["units_as_written"]
    assert "湘西經開區管委會" in [u["name"] for u in units] and not any("(" in u["name"] for u in units)


def test_a_bracketed_latin_word_is_no_gloss():
    script = Script(Source("s.txt", "txt", [Block("推广政府和社会资本合作(ppp)模式,采用(PPP)方式", "第1行")]))
    assert not script.changed and script.restore("合作(ppp)模式") == "合作(ppp)模式"


def test_a_glossed_name_placed_by_the_draft_keeps_its_glosses(tmp_path):
    """「區(qū)X」 named by its level prefix, placed by the draft (西城區 + 區X): each piece as the page writes it, so the
    name keeps its glosses rather than losing them character by character."""
    script = Script(Source("s.txt", "txt", [Block("西城區(qū)政府辦(bàn)公室", "第1行"),
                                            Block("1.修繕(shàn)校舍。(區(qū)教育局負責)", "第2行")]))
    assert script.restore("西城区教育局") == "西城區(qū)教育局"
    assert script.restore("区教育局") == "區(qū)教育局"


GLOSSED_TABLE = ("某縣2024年民生實事項目責任分解表\n\n序號(hào)\n\n項(xiàng)目\n\n責(zé)任單位\n\n建設(shè)內(nèi)容\n\n"
                 "2024年\n\n目標(biāo)進(jìn)度\n\n1\n\n改善農村道路\n\n縣(xiàn)公路養護\n\n管理中心\n\n"
                 "實施環(huán)城路拓寬改造工程。\n\n年內完工。\n\n2\n\n提升供水能力\n\n縣水利局\n\n新建城北水廠。\n\n年底前通水。\n")


def test_a_glossed_table_copied_one_cell_a_line_is_read_in_the_pages_reading(tmp_path):
    """The table's header (序號(hào), 責(zé)任單位 …) is read as column words only without its glosses and in simplified
    script: the text tables are read in the reading, and each cell comes back in the page's characters without the
    site's glosses (縣(xiàn)公路養護 / 管理中心: one name wrapped over two lines)."""
    tasks, _, _ = _import(tmp_path, GLOSSED_TABLE)
    assert [(t["number"], t["text"], t["lead"], [d["phrase"] for d in t["deadlines"]]) for t in tasks] == [
        (1, "改善農村道路：實施環城路拓寬改造工程。", ["某縣公路養護管理中心"], ["年內"]),
        (2, "提升供水能力：新建城北水廠。", ["某縣水利局"], ["年底前"])]


def test_a_glossed_piece_keeps_the_gloss_of_its_last_character():
    script = Script(Source("s.txt", "txt", [Block("修繕(shàn)道路,疏浚河(hé)道。(慈山鎮(zhèn)負責)", "第1行")]))
    assert script.restore("慈山镇") == "慈山鎮(zhèn)"


def test_a_glossed_pages_short_title_and_over_long_names_leave_their_glosses_out(tmp_path):
    """Names and the short title are what letters and the site call things, and check allows 30 characters: neither
    keeps a reading aid."""
    text = ("國(guó)務(wù)院辦(bàn)公廳關(guān)於(yú)同意建立農(nóng)村留(liú)守兒(ér)童關(guān)愛(ài)保護(hù)"
            "工(gōng)作部際(jì)聯(lián)席會(huì)議(yì)制度的函(hán)\n"
            "一、做好留守兒童關愛工作。(農(nóng)村留(liú)守兒(ér)童關(guān)愛(ài)保護(hù)工(gōng)作部際(jì)"
            "聯(lián)席會(huì)議(yì)負責,市教育局(jú)配合)\n")
    tasks, units, _ = _import(tmp_path, text)
    names = [n for t in tasks for n in t["lead"] + t["participants"]]
    assert all(len(n) <= 30 for n in names) and "農村留守兒童關愛保護工作部際聯席會議" in names
    assert "市教育局" in names
    document = yaml.safe_load((tmp_path / "kb" / "doc" / "document.yaml").read_text(encoding="utf-8"))
    assert "(" not in document.get("short_title", "")


def test_a_placeless_traditional_page_keeps_its_own_names_for_registered_bodies_and_proposes_them(tmp_path):
    """「(省財政廳、省殘聯負責)」 on a page naming no province: the registry's 省财政厅 is one place's body, so the page's
    name is kept as written and proposed for review, not merged into the registry's."""
    tasks, units, review = _import(tmp_path, "關于穩定就業的實施意見\n一、減輕企業負擔\n"
                                             "1.繼續按標準征收殘疾人就業保障金。(省財政廳、省殘聯負責)\n")
    assert [(t["lead"], t["participants"]) for t in tasks] == [(["省財政廳"], ["省殘聯"])]
    proposed = {u["name"]: u for u in units if u.get("proposed")}
    assert proposed["省財政廳"]["level"] == "省" and "[拟新增单位] 省財政廳" in review
    assert "2 个拟新增单位" in review  # 省財政廳 and 省殘聯, counted in the summary
    placed, _, _ = _import(tmp_path / "placed", TRADITIONAL.replace("市財政局", "省財政廳").replace("東莞市人民政府", "湖南省人民政府"))
    assert "省财政厅" in placed[0]["participants"]  # a page of the registry's own place: the registry's body


def test_a_tasks_own_number_is_written_as_the_page_writes_it(tmp_path):
    """「第三條」 read as 第三条 for the grammar is the task's label as the page numbers it: 第三條."""
    tasks, _, _ = _import(tmp_path, "某縣農村宅基地管理辦法\n第一條 為加強農村宅基地管理，制定本辦法。\n"
                                    "第二條 縣農業農村局負責全縣宅基地的監督管理工作。縣自然資源局負責宅基地的規劃工作。\n"
                                    "第三條 鄉鎮人民政府負責本轄區宅基地的審批管理工作。\n")
    assert {t["text"][:6]: t.get("label") for t in tasks} == {
        "縣農業農村局": "第二條", "縣自然資源局": "第二條", "鄉鎮人民政府": "第三條"}
