"""The site across the policy's life, in Chromium: built today (period over) and inside the period with
one recorded plan; unit dashboard, the 分工方案 filter and export, map pictures, printing on A4."""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
import sys

import pytest

from conftest import DOC, POLICIES, ROOT, require
from policykb.build import build

sys.path.insert(0, str(ROOT / "bench"))
import search_quality as sq  # noqa: E402  (the browser helpers, shared with the bench)

TODAY = dt.date(2026, 11, 30)
UNIT = "units/sheng-jiao-yu-ting.html"  # 省教育厅: leads 9 tasks, joins 7
SCREENS = {"desktop": (1280, 900), "phone": (390, 844)}


@pytest.fixture(scope="module")
def today(tmp_path_factory):
    """Every output of the bundled policy, built on a day long after its period."""
    require("chromium")
    out = tmp_path_factory.mktemp("today") / "build"
    build(POLICIES, out, as_of=TODAY, templates=ROOT / "templates")
    return out


@pytest.fixture(scope="module")
def inside(tmp_path_factory):
    """A copy with the demo's tracking and one more plan recorded, built inside the period."""
    require("chromium")
    tmp = tmp_path_factory.mktemp("inside")
    policies = tmp / "policies"
    shutil.copytree(POLICIES, policies)
    shutil.copytree(ROOT / "examples" / "tracking-demo" / "tracking", policies / DOC / "tracking")
    out = tmp / "build"
    build(policies, out, as_of=dt.date(2016, 7, 1), templates=ROOT / "templates", only=["tracking", "maps", "site"])
    return out


@pytest.fixture(scope="module")
def chromium():
    with sq.browser() as b:
        yield b


def visible(page) -> str:
    return page.locator("article").inner_text()


def test_after_the_period_every_view_shows_the_final_state(today, chromium):
    context = chromium.new_context()
    page = context.new_page()
    site = today / "site"
    page.goto((site / "index.html").as_uri())
    home = visible(page)
    assert "实施期（2016—2020年）已结束" in home and "即将到期" not in home
    assert not re.search(r"20(2[1-9]|[3-9]\d)", home), "a date after the period on the home page"
    page.goto((site / "calendar.html").as_uri())
    calendar = visible(page)
    assert "已结束" in calendar and "2020-11-20" in calendar
    assert not re.search(r"20(2[1-9]|[3-9]\d)-\d\d", calendar)
    context.close()


def test_unit_page_rows_have_deadline_and_status(today, chromium):
    context = chromium.new_context()
    page = context.new_page()
    page.goto((today / "site" / UNIT).as_uri())
    rows = page.locator("article table").first.locator("tbody tr").all() + \
        page.locator("article table").nth(1).locator("tbody tr").all()
    assert len(rows) == 16
    for r in rows:
        cells = [c.inner_text().strip() for c in r.locator("td").all()]
        assert cells[3] and cells[4], cells  # 时限, 状态 (「未跟踪」 without records)
    assert page.locator("img[src$='.svg']").count() >= 1  # its battle map as a picture
    context.close()


def test_unit_page_shows_its_letter_and_its_task_texts_whole(pg, today, chromium):
    """The first page of the unit's own letter, read from the .docx the build wrote, beside its map;
    every task's text whole in the table; neither picture printed."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto((today / "site" / UNIT).as_uri())
    sheet = page.locator(".pk-letter-preview .pk-sheet")
    sheet.scroll_into_view_if_needed()
    assert sheet.is_visible()
    text = sheet.inner_text()
    assert "脱贫攻坚重要政策措施责任书" in text and "乙方：湖南省教育厅" in text and "附件" in text
    assert pg.task(DOC, 15).text not in text  # the 附件's task table is not part of the first page
    link = page.locator(".pk-letter-preview a")
    assert link.get_attribute("href").endswith(".docx") and link.get_attribute("download") == "省教育厅责任书.docx"
    box = page.locator(".pk-letter-preview > a").bounding_box()
    assert abs(box["height"] / box["width"] - 297 / 210) < 0.02  # the shape of an A4 sheet
    assert page.locator(".pk-previews img[src$='.svg']").count() == 1
    assert pg.task(DOC, 15).text in page.locator("article table").first.inner_text()
    page.emulate_media(media="print")
    assert page.locator(".pk-previews").is_hidden()
    context.close()


def test_maps_page_shows_pictures(today, chromium):
    context = chromium.new_context()
    page = context.new_page()
    page.goto((today / "site" / "maps.html").as_uri())
    images = page.locator("figure.pk-map img")
    assert images.count() >= 2
    images.first.scroll_into_view_if_needed()
    page.wait_for_function("() => { const i = document.querySelector('figure.pk-map img'); "
                           "return i.complete && i.naturalWidth > 0; }")
    link = page.locator("figure.pk-map a").first
    assert link.get_attribute("download").endswith("作战图·总图.pdf")
    context.close()


@pytest.mark.parametrize("mode", ["file", "http"])
def test_plan_filter_selects_a_unit_and_exports_it(today, chromium, mode):
    context = chromium.new_context(accept_downloads=True)
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    site = today / "site"
    with sq.serve(site) as base:
        page = context.new_page()
        page.goto((site / DOC / "table.html").as_uri() if mode == "file" else f"{base}{DOC}/table.html")
        page.select_option("#pk-filter select[name=unit]", "省教育厅")
        shown = page.locator("#pk-plan tr.pk-task:visible")
        assert shown.count() == 16
        assert "显示 16 / 95 项任务" in page.locator(".pk-count").inner_text()
        with page.expect_download() as download:
            page.locator("#pk-filter button[name=csv]").click()
        assert download.value.suggested_filename == "分工方案-省教育厅.csv"
        text = open(download.value.path(), encoding="utf-8-sig").read()
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["部分", "序号", "任务内容"] and len(rows) == 17
    assert all("省教育厅" in r[3] + r[4] for r in rows[1:])
    page.select_option("#pk-filter select[name=unit]", "")
    page.select_option("#pk-filter select[name=sort]", "due")
    assert page.locator("#pk-plan tr.pk-task:visible").count() == 95
    context.close()
    assert all(sq.is_local(u) for u in requests), [u for u in requests if not sq.is_local(u)]


def test_plan_on_a_phone_is_a_list_of_cards_that_filters(today, chromium):
    """At 390 px each task is a card with labelled fields: the page never scrolls sideways and no text is cut."""
    context = chromium.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto((today / "site" / DOC / "table.html").as_uri())
    assert page.locator("#pk-plan thead").is_hidden()
    labels = page.evaluate("() => [...document.querySelectorAll('#pk-plan tr.pk-task')[0].cells]"
                           ".map(td => getComputedStyle(td, '::before').content)")
    assert labels[2:] == ['"牵头单位："', '"参与单位："', '"时限："', '"落实条文："', '"状态："'], labels
    page.select_option("#pk-filter select[name=unit]", "省教育厅")
    assert page.locator("#pk-plan tr.pk-task:visible").count() == 16
    overflow = page.evaluate("() => [document.scrollingElement.scrollWidth, "
                             "Math.max(...[...document.querySelectorAll('#pk-plan td')].map(td => td.scrollWidth - td.clientWidth))]")
    assert overflow[0] <= 390 and overflow[1] <= 1, overflow
    context.close()


@pytest.mark.parametrize("rel", ["units/chang-sha-shi.html", "units/sheng-fu-pin-ban.html", "calendar.html",
                                 "index.html"])
def test_task_tables_on_a_phone_never_scroll_sideways(today, chromium, rel):
    """Unit pages, the 时间表 and the home page at 390 px: each task row a card of labelled fields."""
    context = chromium.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto((today / "site" / rel).as_uri())
    widths = page.evaluate("() => [document.scrollingElement.scrollWidth, "
                           "...[...document.querySelectorAll('.md-typeset table')].map(t => t.getBoundingClientRect().right)]")
    assert widths[0] <= 390 and all(w <= 390 for w in widths[1:]), (rel, widths)
    cards = page.evaluate("() => [...document.querySelectorAll('table[data-pk-cards] tbody tr')].length")
    assert cards > 0, rel
    if rel.startswith("units/"):
        labels = page.evaluate("() => [...document.querySelector('table[data-pk-cards] tbody tr').cells]"
                               ".map(td => getComputedStyle(td, '::before').content)")
        assert '"时限："' in labels and '"状态："' in labels, labels
    context.close()


def test_no_reader_page_shows_internal_ids(today):
    for html in (today / "site").rglob("*.html"):
        if "guide" in html.relative_to(today / "site").parts:
            continue
        text = re.sub(r"<[^>]+>", " ", html.read_text(encoding="utf-8"))
        assert not re.search(r"\b(article|task):\d", text), html


def pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", data))


def test_unit_page_prints_on_two_a4_pages(today, chromium, tmp_path):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto((today / "site" / UNIT).as_uri())
    page.emulate_media(media="print")
    assert page.locator(".md-sidebar, .md-header").first.is_hidden()
    width = page.evaluate("() => Math.max(...[...document.querySelectorAll('article table')]"
                          ".map(t => t.scrollWidth - t.parentElement.clientWidth))")
    assert width <= 1, "a table wider than the printed page"
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    (tmp_path / "unit.pdf").write_bytes(pdf)
    assert pdf_pages(pdf) <= 2
    context.close()


def test_plan_prints_on_a4_landscape_with_no_column_cut(today, chromium):
    context = chromium.new_context()
    page = context.new_page()
    page.goto((today / "site" / DOC / "table.html").as_uri())
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 1046, "height": 700})  # A4 landscape less margins, at 96 dpi
    cut = page.evaluate("() => { const t = document.getElementById('pk-plan');"
                        " return t.getBoundingClientRect().right - t.closest('article').getBoundingClientRect().right; }")
    assert cut <= 1
    narrowest = page.evaluate("() => Math.min(...[...document.querySelectorAll('#pk-plan thead th')]"
                              ".map(th => th.getBoundingClientRect().width))")
    assert narrowest >= 40  # every column holds at least a few characters
    pdf = page.pdf(prefer_css_page_size=True)
    assert b"/MediaBox [0 0 841" in pdf or b"/MediaBox [0 0 842" in pdf  # landscape: 842 × 595 pt
    context.close()


def test_inside_the_period_unit_pages_and_maps_show_overdue_plans(inside, chromium):
    context = chromium.new_context()
    page = context.new_page()
    page.goto((inside / "site" / "units" / "nong-ye-yin-hang-hu-nan-sheng-fen-hang.html").as_uri())
    text = visible(page)
    assert "红灯" in text and "逾期未出台" in text and "2016年6月30日" in text
    assert "未跟踪" not in text
    svg = next((inside / "maps" / DOC / "unit").glob("农业银行湖南省分行.svg")).read_text(encoding="utf-8")
    assert "逾期" in svg and "今日线（2016年7月1日）" in svg
    context.close()


@pytest.mark.parametrize("screen", list(SCREENS))
def test_screenshots(today, chromium, screen, tmp_path_factory):
    """Pictures to look at (kept under the test's tmp folder): home, a unit, the 分工方案."""
    folder = tmp_path_factory.mktemp("screens")
    width, height = SCREENS[screen]
    context = chromium.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    for name, rel in (("home", "index.html"), ("unit", UNIT), ("plan", f"{DOC}/table.html")):
        page.goto((today / "site" / rel).as_uri())
        page.screenshot(path=str(folder / f"{name}-{screen}.png"))
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{name} scrolls sideways on {screen}"
    context.close()


def test_plan_deadline_filter_knows_every_dated_deadline(inside, chromium):
    """第69项 says 力争2016年 and 5年累计 (2020): it is under 2016 as well as 2020; 2018 is offered
    because 第37项 says 到2018年, and selecting it shows 第37项."""
    page = chromium.new_page()
    page.goto((inside / "site" / DOC / "table.html").as_uri())
    years = page.locator("#pk-filter select[name=due] option").evaluate_all("os => os.map(o => o.value)")
    assert {"2016", "2018", "2020", "none"} <= set(years)
    for year, number in (("2016", "69"), ("2020", "69"), ("2018", "37")):
        page.select_option("#pk-filter select[name=due]", year)
        shown = page.locator("#pk-plan tr.pk-task:visible").evaluate_all("rs => rs.map(r => r.dataset.number)")
        assert number in shown, (year, shown)
    page.select_option("#pk-filter select[name=due]", "none")
    shown = page.locator("#pk-plan tr.pk-task:visible").evaluate_all("rs => rs.map(r => r.dataset.number)")
    assert "69" not in shown and "37" not in shown and shown
    page.close()
