"""Markdown from templates where text from YAML is always shown as text.

Every `{{ value }}` in a site template is escaped for Markdown and HTML by default (the Jinja
environment's `finalize`), so a task holding `<script>`, `**bold**`, `[a](b)` or `{{ x }}` renders
literally. Only links and markup built here (`Markup`) pass through unchanged.
"""
from __future__ import annotations

import html
import json
import posixpath
import re
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ...gongwen import cite

# Characters that mean something to Markdown, its extensions (tables, attr_list, admonition) or
# HTML; written as numeric character references, which every Markdown parser passes through.
_SPECIAL = {c: f"&#{ord(c)};" for c in "&<>*_`[](){}#+-.!|~^=:\\\"'$%@"}
_TABLE = str.maketrans(_SPECIAL)


def escape(value: object) -> str:
    """One line of literal text, safe inside Markdown paragraphs, headings and table cells."""
    text = str(value).translate(_TABLE)
    return " ".join(text.split("\n")) if "\n" in text else text


def paragraphs(value: object) -> Markup:
    """Multi-line literal text as Markdown paragraphs."""
    return Markup("\n\n".join(escape(line) for line in str(value).splitlines() if line.strip()))


def finalize(value: object) -> object:
    if value is None:
        return ""
    return value if isinstance(value, Markup) else escape(value)


def relative(path: str, start: list[str]) -> str:
    """posixpath.relpath for paths inside the docs tree, without its abspath and getcwd calls
    (a large corpus has hundreds of thousands of links); `start` is the folder's components."""
    parts = path.split("/")
    if any(p in ("", ".", "..") for p in parts):
        return posixpath.relpath(path, "/".join(start) or ".")
    common = 0
    while common < min(len(start), len(parts)) and start[common] == parts[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + parts[common:]) or "."


class Linker:
    """Relative links from the page being rendered to another page of the docs tree."""

    def __init__(self, page: str):
        self.page = page
        folder = posixpath.dirname(page)
        self.folder = folder.split("/") if folder else []

    def url(self, target: str) -> str:
        path, _, anchor = target.partition("#")
        rel = relative(path, self.folder) if path else ""
        return rel + (f"#{anchor}" if anchor else "")

    def href(self, target: str) -> Markup:
        """A link target for raw HTML, where mkdocs does not turn page.md into page.html."""
        path, _, anchor = target.partition("#")
        if path.endswith(".md"):
            path = path[:-3] + ".html"
        return Markup(html.escape(self.url(path) if path else "", quote=True) + (f"#{anchor}" if anchor else ""))

    def image(self, label: object, target: str) -> Markup:
        return Markup("!") + self.link(label, target)

    def link(self, label: object, target: str) -> Markup:
        text = label if isinstance(label, Markup) else escape(label)
        return Markup(f"[{text}]({self.url(target)})")


def environment(*folders: Path) -> Environment:
    """Templates looked up in `folders` in order: a knowledge base's own copy of a page's template, then the
    packaged one (pages an office never edited follow the installed policykb)."""
    env = Environment(loader=ChoiceLoader([FileSystemLoader(str(f)) for f in folders]), autoescape=False, finalize=finalize,
                      undefined=StrictUndefined, keep_trailing_newline=True,
                      comment_start_string="<#--", comment_end_string="--#>", trim_blocks=True,
                      lstrip_blocks=True)
    env.filters["paragraphs"] = paragraphs
    env.filters["raw"] = Markup
    env.filters["cite"] = cite  # 《…〈…〉…》: a title inside a title
    env.filters["short"] = lambda text, n=40: text if len(text) <= n else text[:n] + "…"
    return env


def render(env: Environment, template: str, page: str, **context) -> str:
    """A page's Markdown; its title goes into front matter HTML-escaped, as mkdocs writes it verbatim."""
    linker = Linker(page)
    text = env.get_template(template).render(url=linker.url, link=linker.link, image=linker.image, href=linker.href,
                                                  page_path=page, **context)
    heading = re.match(r"# (.*?)(?: \{#[\w-]+\})?\n", text)
    if not heading:
        return text
    title = html.escape(html.unescape(heading[1]), quote=False)
    return f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n---\n\n{text}"

