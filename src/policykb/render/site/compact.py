"""Keep a large site's pages small while mkdocs holds them all.

mkdocs reads and converts every page before it writes the first one, so every page's Markdown and
HTML are in memory at once; at a hundred policies that is most of the build's memory. This plugin
drops the Markdown once converted (nothing after uses it; a non-None value keeps `page.title`
working; a page made in memory drops its file's copy too), keeps the HTML zlib-compressed until
the page is written, and then lets it go. A small site is left as it is: its pages are a few
megabytes, and compressing them was a twentieth of the site stage at the bundled policy's size.
"""
from __future__ import annotations

import zlib

from mkdocs.plugins import BasePlugin, event_priority

NAME = "policykb-compact-pages"
FROM_PAGES = 1000  # pages from which the site is compacted: the bundled policy has about 250, 10x about 1500


class CompactPages(BasePlugin):
    def __init__(self) -> None:
        self.packed: dict[str, bytes] = {}
        self.active = True

    def on_files(self, files, *, config):
        self.active = len(files.documentation_pages()) >= FROM_PAGES
        return files

    @event_priority(-100)  # last: after every other plugin has changed the HTML
    def on_page_content(self, html: str, *, page, config, files) -> str:
        if not self.active:
            return html
        self.packed[page.file.src_uri] = zlib.compress(html.encode("utf-8"), 1)
        page.markdown = ""
        if page.file.generated_by is not None:  # a page made in memory (incremental.Source) holds it there too
            page.file.content_string = ""
        return ""

    @event_priority(100)  # first: the search plugin and the theme read the HTML after this
    def on_page_context(self, context, *, page, config, nav):
        if not self.active:
            return context
        page.content = zlib.decompress(self.packed.pop(page.file.src_uri)).decode("utf-8")
        return context

    @event_priority(-100)
    def on_post_page(self, output: str, *, page, config) -> str:
        page.content = ""  # written: let it go, compacted or not
        return output


def install(config) -> None:
    """Add the plugin to a loaded mkdocs configuration."""
    config.plugins[NAME] = CompactPages()
