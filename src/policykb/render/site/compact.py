"""Keep a large site's pages small while mkdocs holds them all.

mkdocs reads and converts every page before it writes the first one, so every page's Markdown and
HTML are in memory at once; at a hundred policies that is most of the build's memory. This plugin
drops the Markdown once converted (nothing after uses it; a non-None value keeps `page.title`
working; a page made in memory drops its file's copy too), keeps the HTML zlib-compressed until
the page is written, and then lets it go.
"""
from __future__ import annotations

import zlib

from mkdocs.plugins import BasePlugin, event_priority

NAME = "policykb-compact-pages"


class CompactPages(BasePlugin):
    def __init__(self) -> None:
        self.packed: dict[str, bytes] = {}

    @event_priority(-100)  # last: after every other plugin has changed the HTML
    def on_page_content(self, html: str, *, page, config, files) -> str:
        self.packed[page.file.src_uri] = zlib.compress(html.encode("utf-8"), 1)
        page.markdown = ""
        if page.file.generated_by is not None:  # a page made in memory (incremental.Source) holds it there too
            page.file.content_string = ""
        return ""

    @event_priority(100)  # first: the search plugin and the theme read the HTML after this
    def on_page_context(self, context, *, page, config, nav):
        page.content = zlib.decompress(self.packed.pop(page.file.src_uri)).decode("utf-8")
        return context

    @event_priority(-100)
    def on_post_page(self, output: str, *, page, config) -> str:
        page.content = ""
        return output


def install(config) -> None:
    """Add the plugin to a loaded mkdocs configuration."""
    config.plugins[NAME] = CompactPages()
