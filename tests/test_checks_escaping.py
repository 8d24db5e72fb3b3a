"""Property: text from the YAML is shown as text, wherever it goes.

Random text full of HTML (`<script>`), Markdown and Jinja syntax is put into a task's text and into a
unit's name (only characters the checker accepts in a name); the knowledge base goes through the
checker, then the site's page generator and the letter template. Every generated page, read as
mkdocs would (front matter off, Markdown with the site's extensions), holds no element or attribute
a plain knowledge base does not produce, and shows the text verbatim; every letter shows it verbatim.
"""
from __future__ import annotations

import datetime as dt
import html
import json
import re
import shutil
import tempfile
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

import markdown
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from policykb.graph import PolicyGraph
from policykb import gongwen
from policykb.render.site import files as site_files
from policykb.render.letters import render_all
from policykb.render.site.pages import Paths, site_pages
from policykb.render.site.text import environment, render
from policykb.validate import validate

from conftest import FIXTURES, ROOT

TINY = FIXTURES / "tiny"
AS_OF = dt.date(2016, 7, 1)
UNIT = "省发改委"  # leads task 2 jointly with 省扶贫办
EXTENSIONS = ["attr_list", "tables", "admonition", "toc"]  # as in mkdocs.yml

HOSTILE = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<b>", "</div>", "<!--", "-->",
           "**", "__", "`代码`", "[链接](http://evil.example)", "![图](x.png)", "{{ 7*7 }}", "{% if x %}",
           "{%p endfor %}", "{#", "#}", "# 标题", "| a | b |", "---", "> ", "- ", "1. ", "&amp;", "&#60;",
           "\\", "{: .x onclick=y}", "!!! note", "$x$", "http://x.example", "<https://y.example>", "*斜*"]
# what a unit name may hold: no / \ : * ? " < > | and no '..' (the checker refuses those: unsafe-path)
NAME_HOSTILE = ["_下划_", "`代码`", "[链接](x)", "{{ unit }}", "{% for %}", "# ", "&amp;", "&#60;", "!", "~~",
                "{: #id}", "+", "-", "=", "^", "$", "%", "@", "'", "(", ")"]
CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF)
PLAIN = st.text(alphabet=st.one_of(CJK, st.sampled_from(list("abc 123，。、（）"))), max_size=4)

task_texts = st.lists(st.one_of(st.sampled_from(HOSTILE), PLAIN), min_size=1, max_size=8).map("".join) \
    .filter(str.strip)  # an empty text is refused (empty-text)
unit_names = st.lists(st.one_of(st.sampled_from(NAME_HOSTILE), PLAIN), min_size=1, max_size=5) \
    .map(lambda parts: "省" + "".join(parts) + "厅")


class _Html(HTMLParser):
    """The elements, attributes and visible text of a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.attrs, self.text = set(), set(), []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs.update(name for name, _ in attrs)

    def handle_data(self, data):
        self.text.append(data)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _knowledge_base(folder: Path, text: str | None, name: str | None):
    """The tiny fixture with task 2's text and its lead unit's name replaced (quoted as YAML strings)."""
    kb = folder / "kb"
    shutil.copytree(TINY, kb)
    if text is not None:
        path = kb / "demo-2016" / "tasks" / "002.yaml"
        source = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"(?m)^text: .*$", lambda _: f"text: {json.dumps(text, ensure_ascii=False)}", source),
                        encoding="utf-8")
    if name is not None:
        for path in (kb / "units.yaml", kb / "demo-2016" / "tasks" / "002.yaml"):
            source = path.read_text(encoding="utf-8")
            quoted = json.dumps(name, ensure_ascii=False)
            source = source.replace(f"name: {UNIT}\n", f"name: {quoted}\n").replace(f"  - {UNIT}\n", f"  - {quoted}\n")
            path.write_text(source, encoding="utf-8")
    kb_, report = validate(kb)
    return kb_, report


def _pages(pg: PolicyGraph) -> dict[str, tuple[str, _Html]]:
    """Each generated page: its front-matter title and its HTML as mkdocs would make it."""
    env = environment(ROOT / "templates" / "site")
    out = {}
    files = {u: {"letters": [], "maps": []} for u in pg.units_with_tasks()}
    for page in site_pages(pg, as_of=AS_OF, unit_files=files, maps=[], downloads=[], history=[],
                           errors=site_files.error_catalogue(), events={}, charts={}):
        text = render(env, page.template, page.path, **page.context)
        title = ""
        front = re.match(r"---\ntitle: (.*)\n---\n", text)
        if front:
            title, text = json.loads(front[1]), text[front.end():]
        parsed = _Html()
        parsed.feed(markdown.markdown(text, extensions=EXTENSIONS))
        out[page.path] = (title, parsed)
    return out


@lru_cache(maxsize=1)
def _plain() -> tuple[set, set]:
    """The elements and attributes a plain knowledge base's pages hold."""
    with tempfile.TemporaryDirectory() as tmp:
        kb, _ = _knowledge_base(Path(tmp), None, None)
    tags, attrs = set(), set()
    for _, parsed in _pages(PolicyGraph(kb)).values():
        tags |= parsed.tags
        attrs |= parsed.attrs
    return tags, attrs


@settings(max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=task_texts, name=unit_names)
def test_hostile_text_is_shown_as_text(text, name):
    with tempfile.TemporaryDirectory() as tmp:
        kb, report = _knowledge_base(Path(tmp), text, name)
    assume(kb is not None)  # a name the checker refuses never reaches an output
    pg = PolicyGraph(kb)
    task, unit = kb.documents["demo-2016"].tasks[2], kb.units[name]
    assert task.text == text.strip() or task.text == text
    tags, attrs = _plain()
    pages = _pages(pg)
    for path, (title, parsed) in pages.items():
        assert parsed.tags <= tags, (path, parsed.tags - tags)
        assert parsed.attrs <= attrs, (path, parsed.attrs - attrs)
        assert "<" not in title, (path, title)  # mkdocs writes the title into <title> verbatim
    paths = Paths(pg)
    shown = _flat("".join(pages[paths.task("demo-2016", 2)][1].text))
    assert _flat(task.text) in shown and _flat(name) in shown
    assert _flat(name) in _flat("".join(pages[paths.unit(name)][1].text))
    assert name in html.unescape(pages[paths.unit(name)][0])  # the browser's tab shows the name itself

    (_, data), = render_all(pg, ROOT / "templates" / "letter.docx", as_of=AS_OF, units=[name])
    lines = _flat("\n".join(gongwen.read_text(data)))
    assert _flat(task.text) in lines and _flat(name) in lines
