"""The searchable static site: markdown pages from the graph, built by mkdocs-material.

- `pages`: every page's content (documents, articles, tasks, units, calendar, indicators, maps);
- `text`: the Jinja environment that turns pages into markdown, escaping every text;
- `files`: downloads, letters and maps linked into the docs tree, history, the error catalogue;
- `preview`: a letter's first page read back from its .docx, shown on the unit page;
- `search`, `index`: the Chinese bigram search fields, written into the index during the build;
  `synonyms.yaml`: everyday words → the policy's terms (`synonyms` lists candidates from 同义词词林);
- `compact`: keeps pages compressed while mkdocs holds them all;
- `incremental`: mkdocs' build steps, taking pages whose Markdown is unchanged from the last build;
- `build`: the docs tree, the mkdocs run, the site's zip and the build stage.
"""
from .build import (CHARTS, CONFIG, DOCS, NAV_DOCUMENTS, SiteError, mkdocs_build, nav, render_site, run_stage,
                    write_docs, zip_site)

__all__ = ["CHARTS", "CONFIG", "DOCS", "NAV_DOCUMENTS", "SiteError", "mkdocs_build", "nav",
           "render_site", "run_stage", "write_docs", "zip_site"]
