"""Search finds a unit by the name people of its place use: 株洲市教育局 as 教育局 or 市教育局, as the
province's 省教育厅 is found as 教育厅 (the places come from the data: each unit's `place`, and the home
province the knowledge base's documents give)."""
from __future__ import annotations

import datetime as dt
import shutil

import pytest

from conftest import FIXTURES, ROOT
from policykb.graph import PolicyGraph
from policykb.render.site.build import search_pages, write_docs
from policykb.render.site.search import names
from policykb.validate import load_kb

CITY_UNIT = "units/zhu-zhou-shi-jiao-yu-ju.html"
PROVINCE_UNIT = "units/sheng-jiao-yu-ting.html"
AS_OF = dt.date(2016, 9, 1)


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    """The tiny knowledge base (a 示范省 document) with a 株洲市 unit taking part in one of its tasks."""
    kb = tmp_path_factory.mktemp("places") / "kb"
    shutil.copytree(FIXTURES / "tiny", kb)
    with (kb / "units.yaml").open("a", encoding="utf-8") as units:
        units.write("  - name: 株洲市教育局\n    kind: 市县部门\n    place: 株洲市\n")
    task = kb / "demo-2016" / "tasks" / "003.yaml"
    task.write_text(task.read_text(encoding="utf-8").replace("  - 扶贫办\n", "  - 扶贫办\n  - 株洲市教育局\n"),
                    encoding="utf-8")
    return PolicyGraph(load_kb(kb)), kb


def test_a_city_s_unit_is_named_without_its_place(city, tmp_path):
    pg, kb = city
    pages = write_docs(pg, tmp_path, as_of=AS_OF, templates=ROOT / "templates", handwritten=None, policies=kb)
    table = names(search_pages(pages))
    assert table["株洲市教育局"] == table["教育局"] == table["市教育局"] == [CITY_UNIT]
    # the home province's units keep their short forms; nothing of 株洲 is left off them
    assert table["省教育厅"] == table["教育厅"] == [PROVINCE_UNIT]
    assert "教育" not in table and "株洲市" not in table

