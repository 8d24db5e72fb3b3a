"""The yearly summary and the reminder letters: who reported on time, late, or not at all, written for the
office the document's `reporting` names (省扶贫办 for the bundled opinions)."""
from __future__ import annotations

import datetime as dt

from docx import Document
from typer.testing import CliRunner

from policykb.cli import app
from policykb.graph import PolicyGraph
from policykb.track import load_tracking, reporting, summary
from policykb.validate import load_kb

from conftest import DOC
from test_track_status import TASK_004, TASK_069, tracked_copy


def _text(path) -> str:
    doc = Document(path)
    cells = ["|".join(c.text for c in row.cells) for t in doc.tables for row in t.rows]
    return "\n".join([p.text.replace("\n", "") for p in doc.paragraphs] + cells)  # a title's line break is layout


def _office(pg: PolicyGraph) -> reporting.Office:
    return reporting.offices(pg)[0]


def _reporting(policies, text: str) -> None:
    """Rewrite the bundled document's `reporting` block as an office would for another arrangement."""
    path = policies / DOC / "document.yaml"
    yaml_text = path.read_text(encoding="utf-8")
    start = yaml_text.index("reporting:\n")
    end = yaml_text.index("errata:", start)
    path.write_text(yaml_text[:start] + text + yaml_text[end:], encoding="utf-8")


def test_summary_and_reminders(tmp_path):
    policies = tracked_copy(tmp_path, {
        "069.yaml": TASK_069 + "  - {type: report, year: 2016, date: 2016-11-15, summary: 发放62亿元, problems: 贴息资金到位慢}\n",
        "004.yaml": TASK_004 + "  - {type: report, year: 2016, date: 2016-11-25, unit: 省国资委, summary: 国企结对帮扶}\n",
    })
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["summary", "--year", "2016", "--as-of", "2016-12-01", "-o", str(out),
                                      "-p", str(policies)])
    assert result.exit_code == 0, result.output
    text = _text(out / summary.summary_name(2016, "重要政策措施"))
    assert "关于2016年度重要政策措施落实情况的汇总报告" in text
    kb = load_kb(policies)
    owed = sum(len(t.lead) if t.lead_mode == "separate" else 1 for t in kb.documents[DOC].tasks.values())
    assert f"应报送{owed}项（按牵头单位计），其中按时报送1项，逾期报送1项，未报送{owed - 2}项" in text
    assert "69|省扶贫办|按时报送（11月15日）|推进中|发放62亿元" in text
    assert "4|省国资委|逾期报送（11月25日）|推进中|国企结对帮扶" in text
    assert "4|省工商联|未报送|未启动|—" in text
    assert "第69项（省扶贫办）：贴息资金到位慢" in text
    pg = PolicyGraph(kb)
    fpb = len(pg.tasks_of("省扶贫办")["lead"])
    assert f"省扶贫办|{fpb}|1|0|{fpb - 1}" in text
    letters = sorted(p.name for p in (out / "催办函").iterdir())
    assert summary.reminder_name("省工商联", 2016) in letters and summary.reminder_name("省国资委", 2016) not in letters
    letter = _text(out / "催办函" / summary.reminder_name("省工商联", 2016))
    assert letter.startswith("关于报送2016年度重要政策措施落实情况的催办函")
    assert "湖南省工商业联合会：" in letter and "第4项：" in letter and "第55项：" in letter and "2016年12月1日" in letter
    # deterministic: the same input gives the same bytes
    tracking = load_tracking(policies, kb)
    again = summary.summary_bytes(pg, tracking, 2016, dt.date(2016, 12, 1), _office(pg))
    assert again == (out / summary.summary_name(2016, "重要政策措施")).read_bytes()
    assert "湖南省扶贫开发办公室" in text and Document(out / summary.summary_name(2016, "重要政策措施")).core_properties.author == \
        "湖南省扶贫开发办公室"


def test_office_documents_never_speak_after_the_period(tmp_path):
    """A summary made years after the policy ended is dated within its period, not on the build date."""
    import re
    policies = tracked_copy(tmp_path)
    kb = load_kb(policies)
    out = tmp_path / "out"
    written = summary.write_summary(PolicyGraph(kb), load_tracking(policies, kb), 2020, dt.date(2026, 11, 30), out)
    for path in written:
        text = _text(path)
        assert not re.search(r"20(2[1-9]|[3-9]\d)年", text), path.name
        assert "2020年12月31日" in text, path.name


def test_summary_page_is_official_a4(tmp_path):
    policies = tracked_copy(tmp_path)
    kb = load_kb(policies)
    data = summary.summary_bytes(PolicyGraph(kb), load_tracking(policies, kb), 2016, dt.date(2016, 12, 1),
                                _office(PolicyGraph(kb)))
    path = tmp_path / "s.docx"
    path.write_bytes(data)
    doc = Document(path)
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert round(section.top_margin.mm) == 37 and round(section.left_margin.mm) == 28
    normal = doc.styles["Normal"].element.rPr.rFonts
    assert normal.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia") == "仿宋_GB2312"


def test_summary_without_tracking_is_refused(tmp_path):
    import shutil
    from conftest import POLICIES
    shutil.copytree(POLICIES, tmp_path / "p")
    result = CliRunner().invoke(app, ["summary", "--year", "2016", "-o", str(tmp_path / "o"), "-p", str(tmp_path / "p")])
    assert result.exit_code == 1 and "还没有任何进展记录" in str(result.exception)


def test_libreoffice_opens_the_summary(tmp_path):
    import os
    import subprocess
    from conftest import ROOT, require
    soffice, pdftotext = require("soffice"), require("pdftotext")
    policies = tracked_copy(tmp_path)
    out = tmp_path / "out"
    kb = load_kb(policies)
    written = summary.write_summary(PolicyGraph(kb), load_tracking(policies, kb), 2016, dt.date(2016, 12, 1), out)
    env = {**os.environ, "FONTCONFIG_FILE": str(ROOT / "fonts" / "fonts.conf")}
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path / "pdf"), str(written[0]), str(written[1])],
                   check=True, capture_output=True, env=env, timeout=180)
    text = subprocess.run([pdftotext, str(tmp_path / "pdf" / (written[0].stem + ".pdf")), "-"], check=True,
                          capture_output=True, text=True).stdout
    assert "重要政策措施落实情况的汇总报告" in text.replace(" ", "").replace("\n", "")
    assert (tmp_path / "pdf" / (written[1].stem + ".pdf")).exists()


def test_reminders_follow_the_letters(tmp_path):
    """Nothing reported in 2016: one reminder per member of a collective (第66项 → each 市州), none to
    the issuer, none to a collective; a 告知函 recipient is asked, not warned; no unit is referred to
    its own office; only the policy's deadline words (每年11月中旬), never an invented 11月20日."""
    policies = tracked_copy(tmp_path)
    out = tmp_path / "out"
    kb = load_kb(policies)
    pg = PolicyGraph(kb)
    written = summary.write_summary(pg, load_tracking(policies, kb), 2016, dt.date(2016, 12, 1), out)
    letters = {p.name.removeprefix("2016年度催办函-").removesuffix(".docx"): _text(p)
               for p in written if p.parent.name == "催办函"}
    collectives = {u.name for u in kb.units.values() if u.members}
    assert "省扶贫办" not in letters and not collectives & set(letters)
    assert {"长沙市", "湘西土家族苗族自治州", "张家界市"} <= set(letters)
    assert "中共长沙市委、长沙市人民政府：" in letters["长沙市"] and "你市牵头负责" in letters["长沙市"]
    assert "第66项" in letters["张家界市"] and "你州" in letters["湘西土家族苗族自治州"]
    for unit, text in letters.items():
        assert "11月20日" not in text and "每年11月中旬" in text, unit
    assert "省委办公厅" not in letters["省委办公厅"].split("：", 1)[1].replace("湖南省委办公厅", "")
    bank = letters["国家开发银行湖南省分行"] if "国家开发银行湖南省分行" in letters else None
    notices = [t for t in letters.values() if t.startswith("关于报送2016年度重要政策措施落实情况的提醒函")]
    assert notices and all("督促检查" not in t and "请予支持配合" in t for t in notices)
    assert bank is None or bank in notices
    report = _text(out / summary.summary_name(2016, "重要政策措施"))
    assert "11月20日" not in report


def test_the_office_named_in_reporting_signs_and_receives(tmp_path):
    """Nothing of 省扶贫办 is assumed: another office collecting the reports is the one every text names."""
    policies = tracked_copy(tmp_path)
    _reporting(policies, "reporting:\n  to: 省委办公厅\n  summary_to: 省委\n  supervisors: [省政府办公厅]\n")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["summary", "--year", "2016", "--as-of", "2016-12-01", "-o", str(out),
                                      "-p", str(policies)])
    assert result.exit_code == 0, result.output
    text = _text(out / summary.summary_name(2016, "重要政策措施"))
    assert "省委：" in text and "省委、省政府：" not in text
    assert "报送省委办公厅" in text and "报送省扶贫办" not in text
    assert Document(out / summary.summary_name(2016, "重要政策措施")).core_properties.author == "中共湖南省委办公厅"
    assert "省委办公厅牵头的任务尚未汇总的，抓紧补报" in text  # the office leads task 92 and is late too
    letters = {p.name for p in (out / "催办函").iterdir()}
    assert summary.reminder_name("省扶贫办", 2016) in letters  # no longer the office: it is reminded like the others
    assert summary.reminder_name("省委办公厅", 2016) not in letters
    letter = _text(out / "催办函" / summary.reminder_name("省工商联", 2016))
    assert "报送省委办公厅" in letter and "提请省政府办公厅督促检查" in letter and "提请省委办公厅" not in letter


def test_without_reporting_there_is_no_summary_and_it_is_said(tmp_path):
    policies = tracked_copy(tmp_path)
    _reporting(policies, "")
    result = CliRunner().invoke(app, ["summary", "--year", "2016", "--as-of", "2016-12-01", "-o", str(tmp_path / "o"),
                                      "-p", str(policies)])
    error = result.exception
    assert result.exit_code == 1 and error.code == "no-reporting" and "reporting:" in error.hint
    assert not (tmp_path / "o").exists()


def test_an_unknown_office_is_a_check_error(tmp_path):
    from policykb.validate import validate
    policies = tracked_copy(tmp_path)
    _reporting(policies, "reporting:\n  to: 省扶贫局\n  summary_to: 省委、省政府\n")
    _, report = validate(policies)
    found = [i for i in report.errors if i.code == "unknown-unit"]
    assert found and "reporting.to" in found[0].message and found[0].line > 1
