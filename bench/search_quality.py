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
import dataclasses
import datetime as dt
import functools
import http.server
import json
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


@dataclasses.dataclass(frozen=True)
class Box:
    """A site's search box: where a query is typed, what says the results are in, the result links."""
    input: str
    meta: str
    link: str
    item: str

    def answered(self, query: str) -> str:
        """A JS expression: the results on screen answer `query` (or say there are none)."""
        if self is OWN:
            return f"document.querySelector('.pk-search').dataset.query === {json.dumps(query)}"
        return f"/\\d|没有/.test(document.querySelector('{self.meta}').textContent)"


OWN = Box(".pk-search__input", ".pk-search__meta", "a.pk-search__link", "li.pk-search__item")  # policykb's default
MATERIAL = Box('input.md-search__input[data-md-component="search-query"]', ".md-search-result__meta",
               "li.md-search-result__item > a.md-search-result__link", "li.md-search-result__item")
INPUT, META, RESULT = OWN.input, OWN.meta, OWN.item


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


def search(page, query: str, timeout: float = 15_000, box: Box = OWN) -> list[str]:
    """Type a query into the site's search box; the result pages in order (top 10)."""
    field = page.locator(box.input)
    field.fill("")
    field.press("End")
    page.wait_for_function(f"!document.querySelector('{box.meta}') || "
                           f"!/\\d/.test(document.querySelector('{box.meta}').textContent)", timeout=timeout)
    field.fill(query)
    field.press("End")
    page.wait_for_function(box.answered(query), timeout=timeout)
    return page.eval_on_selector_all(box.link, "els => els.slice(0, 10).map(e => e.href)")


def open_site(context, base: str, box: Box = OWN):
    """Open the home page and the search box; returns the page once search is ready."""
    page = context.new_page()
    page.goto(base + "index.html")
    page.locator(box.input).click()
    if box is OWN:  # the index's first part loaded
        page.wait_for_selector(".pk-search[data-ready]", state="attached", timeout=60_000)
    else:
        page.wait_for_function(f"document.querySelector('{box.meta}') && "
                               f"!/初始化|Initializing/.test(document.querySelector('{box.meta}').textContent)",
                               timeout=60_000)
    return page


def ranks(context, base: str, queries: list[dict], strict: list | None = None, box: Box = OWN) -> list[int | None]:
    """Rank of the first right page per query (None: not in the top 10).

    `strict`, when given, receives the ranks counting only the first page a query names.
    """
    page = open_site(context, base, box)
    out = []
    for item in queries:
        found = [page_path(h, base) for h in search(page, item["q"], box=box)]
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


def build_both(folder: Path, as_of: dt.date, only: str | None = None) -> dict[str, Path]:
    sys.path.insert(0, str(ROOT / "src"))
    from policykb.graph import PolicyGraph
    from policykb.render.site import render_site
    from policykb.validate import load_kb

    pg = PolicyGraph(load_kb(ROOT / "policies"))
    default = folder / "default.yml"
    default.write_text(DEFAULT_CONFIG, encoding="utf-8")
    sites = {"default": folder / "default", "policykb": folder / "policykb"}
    common = dict(as_of=as_of, templates=ROOT / "templates", policies=ROOT / "policies", handwritten=ROOT / "docs")
    if only in (None, "default"):
        render_site(pg, sites["default"], config=default, enrich_search=False, **common)
    if only in (None, "policykb"):
        render_site(pg, sites["policykb"], config=ROOT / "mkdocs.yml", **common)
    return {k: v for k, v in sites.items() if only in (None, k)}


TIMED = """async ([query, input, meta]) => {
  const el = document.querySelector(input), out = document.querySelector(meta);
  return await new Promise(resolve => {
    const start = performance.now();
    const seen = new MutationObserver(() => {
      if (/\\d|没有/.test(out.textContent)) { seen.disconnect(); resolve(performance.now() - start); }
    });
    seen.observe(out, {childList: true, characterData: true, subtree: true});
    el.value = query;
    el.dispatchEvent(new Event("input"));  // policykb's own box
    el.dispatchEvent(new KeyboardEvent("keyup"));  // Material's
  });
}"""


def query_times(context, base: str, queries: list[str], box: Box = OWN) -> list[float]:
    """Milliseconds from a query typed to its results shown, the index loaded (in the page's clock)."""
    page = open_site(context, base, box)
    times = []
    for q in queries:
        page.locator(box.input).fill("")
        page.locator(box.input).press("End")
        times.append(page.evaluate(TIMED, [q, box.input, box.meta]))
    page.close()
    return times


def first_results(context, base: str, query: str, runs: int = 3, box: Box = OWN) -> float:
    """Median seconds from opening `index.html?q=…` to the first result on screen."""
    import time
    from urllib.parse import quote

    elapsed = []
    for _ in range(runs):
        page = context.new_page()
        start = time.perf_counter()
        page.goto(f"{base}index.html?q={quote(query)}")
        page.wait_for_selector(box.item, timeout=30_000)
        elapsed.append(time.perf_counter() - start)
        page.close()
    return sorted(elapsed)[len(elapsed) // 2]


def by_kind(questions: list[dict], found: list[int | None]) -> dict[str, dict]:
    kinds: dict[str, dict] = {}
    for kind in sorted({q["kind"] for q in questions}):
        ranks_ = [r for q, r in zip(questions, found) if q["kind"] == kind]
        hits, mrr = score(ranks_)
        kinds[kind] = {"n": len(ranks_), "hit@10": hits, "hit@1": ranks_.count(1), "mrr": round(mrr, 3)}
    hits, mrr = score(found)
    kinds["all"] = {"n": len(found), "hit@10": hits, "hit@1": found.count(1), "mrr": round(mrr, 3)}
    return kinds


def measure(b, name: str, site: Path, queries: list[dict], questions: list[dict], verbose: bool) -> dict:
    box = OWN if name == "policykb" else MATERIAL
    index = site / "search" / "search_index.json"  # Material's, whole; ours in parts: all of them
    out: dict = {"index_bytes": index.stat().st_size if index.exists() else
                 sum(f.stat().st_size for f in (site / "search" / "pk").rglob("*.js"))}
    for mode in ("http", "file"):
        context = b.new_context()
        requests: list[str] = []
        context.on("request", lambda r: requests.append(r.url))
        with contextlib.ExitStack() as stack:
            base = stack.enter_context(serve(site)) if mode == "http" else site.as_uri() + "/"
            keyword = ranks(context, base, queries, box=box)
            asked = ranks(context, base, questions, box=box)
            row = {"keywords": by_kind([dict(q, kind="keyword") for q in queries], keyword)["all"],
                   "questions": by_kind(questions, asked)}
            if name == "policykb":
                times = sorted(query_times(context, base, [q["q"] for q in queries + questions]))
                row["query_ms"] = {"median": round(times[len(times) // 2], 1),
                                   "p95": round(times[int(len(times) * 0.95)], 1), "max": round(times[-1], 1)}
                if mode == "file":
                    row["first_results_s"] = {q: round(first_results(context, base, q), 2)
                                              for q in ("光伏", "旅游扶贫归哪个部门管")}
        context.close()
        row["external_requests"] = sum(not is_local(u) for u in requests)
        out[mode] = row
        print(f"{name:9} {mode:5} keywords hit@10 {row['keywords']['hit@10']}/{len(queries)} "
              f"MRR {row['keywords']['mrr']:.3f} | questions " + "  ".join(
                  f"{k} {v['hit@10']}/{v['n']} @1 {v['hit@1']} {v['mrr']:.3f}" for k, v in row["questions"].items()))
        if verbose:
            for item, r in zip(questions, asked):
                if r != 1:
                    print(f"    {item['q']}: rank {r}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--as-of", default="2016-09-01")
    parser.add_argument("--only", choices=["policykb", "default"])
    parser.add_argument("--save", action="store_true", help="write the figures to bench/results/")
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--questions", type=Path, default=QUESTIONS, help="question set (default: %(default)s)")
    args = parser.parse_args()
    queries, questions = load_queries(), load_questions(args.questions)
    figures: dict = {"date": dt.date.today().isoformat(), "queries": len(queries), "questions": len(questions)}
    with tempfile.TemporaryDirectory() as tmp, browser() as b:
        sites = build_both(Path(tmp), dt.date.fromisoformat(args.as_of), args.only)
        print(f"{len(queries)} keyword queries, {len(questions)} questions; hit@10 and MRR count only the named pages")
        for name, site in sites.items():
            if args.only in (None, name):
                figures[name] = measure(b, name, site, queries, questions, args.verbose)
    if "policykb" in figures:
        for mode in ("http", "file"):
            row = figures["policykb"][mode]
            print(f"policykb {mode}: query {row['query_ms']}; external requests {row['external_requests']}"
                  + (f"; first results {row['first_results_s']} s" if "first_results_s" in row else ""))
        print(f"index {figures['policykb']['index_bytes'] / 1e6:.2f} MB")
    if args.save:
        stem = RESULTS / f"{figures['date']}-search-quality"
        stem.with_suffix(".json").write_text(json.dumps(figures, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"saved {stem.with_suffix('.json')}")


if __name__ == "__main__":
    main()
