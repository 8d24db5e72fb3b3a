"""Search quality of the built site in Chromium: our search vs mkdocs-material's default.

    PYTHONPATH=src python bench/search_quality.py [--as-of 2016-09-01] [--only policykb] [--save]

Builds the same pages twice (our mkdocs.yml + enriched index; Material's default Chinese search
with the offline plugin), runs the keyword set (tests/search_queries.yaml) and the question set
(tests/search_questions.yaml) over http (127.0.0.1) and file://, and prints hit@10 and the mean
reciprocal rank, the questions by kind, counting only the pages each question names. Also the
query time once the index is loaded and the time to the first results over file://. `--save`
writes the figures to bench/results/. The helpers here are also used by the browser tests.
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import functools
import http.server
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import unquote, urlparse

import yaml

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "tests" / "search_queries.yaml"
QUESTIONS = ROOT / "tests" / "search_questions.yaml"
RESULTS = ROOT / "bench" / "results"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
DEFAULT_CONFIG = """\
site_name: 政策落实知识库
use_directory_urls: false
theme: {name: material, language: zh, font: false}
plugins: [{search: {lang: zh}}, offline]
extra: {generator: false, polyfills: [javascripts/iframe-worker-shim.js]}
markdown_extensions: [attr_list, tables, admonition, toc]
"""
INPUT = 'input.md-search__input[data-md-component="search-query"]'
META = ".md-search-result__meta"


def load_queries(path: Path = QUERIES) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]


def load_questions(path: Path = QUESTIONS) -> list[dict]:
    """The question set with each short page name (t34, a13, indicators, units/x) made a site path."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [dict(q, page=[site_path(p, data["document"]) for p in q["pages"]]) for q in data["questions"]]


def site_path(short: str, document: str) -> str:
    kinds = {"t": "tasks", "a": "articles"}
    if short[0] in kinds and short[1:].isdigit():
        return f"{document}/{kinds[short[0]]}/{int(short[1:])}.html"
    if short == "indicators":
        return f"{document}/indicators.html"
    return short if short.endswith(".html") else short + ".html"


@contextlib.contextmanager
def serve(folder: Path):
    """Serve a folder on 127.0.0.1 (a random port); yields the base URL."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def is_local(url: str) -> bool:
    scheme = urlparse(url).scheme
    return scheme in ("file", "data", "blob", "about") or urlparse(url).hostname == "127.0.0.1"


@contextlib.contextmanager
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


def page_path(href: str, base: str) -> str:
    """'…/site/units/x.html?h=…#a' -> 'units/x.html'."""
    path = unquote(urlparse(href).path)
    root = unquote(urlparse(base).path)
    return path[len(root):] if path.startswith(root) else path.lstrip("/")


def search(page, query: str, timeout: float = 15_000) -> list[str]:
    """Type a query into Material's search box; the result pages in order (top 10)."""
    box = page.locator(INPUT)
    box.fill("")
    box.press("End")
    page.wait_for_function(f"!document.querySelector('{META}') || "
                           f"!/\\d/.test(document.querySelector('{META}').textContent)", timeout=timeout)
    box.fill(query)
    box.press("End")
    page.wait_for_function(f"/\\d|没有/.test(document.querySelector('{META}').textContent)", timeout=timeout)
    return page.eval_on_selector_all(
        "li.md-search-result__item > a.md-search-result__link", "els => els.slice(0, 10).map(e => e.href)")


def open_site(context, base: str):
    """Open the home page and the search box; returns the page once search is ready."""
    page = context.new_page()
    page.goto(base + "index.html")
    page.locator(INPUT).click()
    page.wait_for_function(f"document.querySelector('{META}') && "
                           f"!/初始化|Initializing/.test(document.querySelector('{META}').textContent)",
                           timeout=60_000)
    return page


def ranks(context, base: str, queries: list[dict], strict: list | None = None) -> list[int | None]:
    """Rank of the first right page per query (None: not in the top 10).

    `strict`, when given, receives the ranks counting only the first page a query names.
    """
    page = open_site(context, base)
    out = []
    for item in queries:
        found = [page_path(h, base) for h in search(page, item["q"])]
        out.append(next((i + 1 for i, p in enumerate(found) if p in expected(item)), None))
        if strict is not None:
            first = expected(item)[0]
            strict.append(found.index(first) + 1 if first in found else None)
    page.close()
    return out


def expected(item: dict) -> list[str]:
    """A query names one page, or a few equally right ones (two tasks on the same subject)."""
    return item["page"] if isinstance(item["page"], list) else [item["page"]]


def score(found: list[int | None]) -> tuple[int, float]:
    return sum(r is not None for r in found), sum(1 / r for r in found if r) / len(found)


def build_both(folder: Path, as_of: dt.date) -> dict[str, Path]:
    sys.path.insert(0, str(ROOT / "src"))
    from policykb.graph import PolicyGraph
    from policykb.render.site import render_site
    from policykb.validate import load_kb

    pg = PolicyGraph(load_kb(ROOT / "policies"))
    default = folder / "default.yml"
    default.write_text(DEFAULT_CONFIG, encoding="utf-8")
    sites = {"default": folder / "default", "policykb": folder / "policykb"}
    common = dict(as_of=as_of, templates=ROOT / "templates", policies=ROOT / "policies", handwritten=ROOT / "docs")
    render_site(pg, sites["default"], config=default, enrich_search=False, **common)
    render_site(pg, sites["policykb"], config=ROOT / "mkdocs.yml", **common)
    return sites


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--as-of", default="2016-09-01")
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args()
    queries = load_queries()
    with tempfile.TemporaryDirectory() as tmp, browser() as b:
        sites = build_both(Path(tmp), dt.date.fromisoformat(args.as_of))
        print(f"{len(queries)} queries; hits = expected page in the top 10; MRR over all queries")
        for name, site in sites.items():
            context = b.new_context()
            strict_http, strict_file = [], []
            with serve(site) as base:
                http_ranks = ranks(context, base, queries, strict_http)
            file_ranks = ranks(context, site.as_uri() + "/", queries, strict_file)
            context.close()
            for mode, found, strict in (("http", http_ranks, strict_http), ("file", file_ranks, strict_file)):
                hits, mrr = score(found)
                strict_hits, strict_mrr = score(strict)
                print(f"{name:9} {mode:5} hits {hits}/{len(queries)}  MRR {mrr:.3f}   "
                      f"(first-named page only: hits {strict_hits}/{len(queries)}  MRR {strict_mrr:.3f})")
                if args.verbose:
                    for item, r in zip(queries, found):
                        if r != 1:
                            print(f"    {item['q']}: rank {r}")


if __name__ == "__main__":
    main()
