"""Our own search index (in parts) at 1×, 10× and 30× the bundled policy, in Chromium over file://.

    PYTHONPATH=src python bench/search_scale.py [--factors 1 10 30] [--save]

For each factor: a synthetic corpus (bench/corpus.py), the site built without the theme's search (so
pk-search.js uses its own box and the index in parts under search/pk/), then every query of the
keyword and question sets opened as `index.html?q=…` in a fresh page: the bytes of index parts that
page loaded, the time to the first results, the results. Then, in one page, every query typed: the
time from the keystroke to the results on screen. "Same answers": a query's results among the pages
of the bundled document and the unit pages (the synthetic copies left out) compared with 1×.
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote, unquote, urlparse

import search_quality as sq
from corpus import generate

ROOT = Path(__file__).resolve().parent.parent
SETS = [ROOT / "tests" / f"search_questions{s}.yaml" for s in ("", "_tuning", "_holdout")]
RESULTS = ROOT / "bench" / "results"
LINKS = ".pk-search__link"
META = ".pk-search__meta"


def config_without_search(folder: Path) -> Path:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("  - search:\n      lang: zh\n", "")
    path = folder / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    return path


def build(factor: int, folder: Path) -> Path:
    sys.path.insert(0, str(ROOT / "src"))
    from policykb.graph import PolicyGraph
    from policykb.render.site import render_site
    from policykb.validate import load_kb

    policies = generate(factor, folder / "policies")
    site = folder / "site"
    start = time.perf_counter()
    render_site(PolicyGraph(load_kb(policies)), site, as_of=dt.date(2016, 9, 1), templates=ROOT / "templates",
                policies=policies, config=config_without_search(folder), handwritten=ROOT / "docs")
    print(f"{factor}x: site built in {time.perf_counter() - start:.0f} s")
    return site


def loaded_bytes(site: Path, urls: list[str]) -> int:
    """Bytes of the search index parts among the URLs a page requested."""
    total = 0
    for url in urls:
        path = Path(unquote(urlparse(url).path))
        if "/search/" in url and path.is_file():
            total += path.stat().st_size
    return total


def open_query(context, site: Path, query: str) -> tuple[list[str], int, float]:
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    base = site.as_uri() + "/"
    start = time.perf_counter()
    page.goto(f"{base}index.html?q={quote(query)}")
    page.wait_for_function(f"/结果/.test((document.querySelector('{META}') || {{}}).textContent || '')", timeout=60_000)
    elapsed = time.perf_counter() - start
    found = [sq.page_path(h, base) for h in page.eval_on_selector_all(LINKS, "els => els.map(e => e.href)")]
    page.close()
    return found, loaded_bytes(site, requests), elapsed


TYPED = """async ([query, meta]) => {
  const el = document.querySelector('.pk-search__input'), out = document.querySelector(meta);
  el.value = ''; el.dispatchEvent(new Event('input'));
  return await new Promise(resolve => {
    const start = performance.now();
    const seen = new MutationObserver(() => {
      if (/结果/.test(out.textContent)) { seen.disconnect(); resolve(performance.now() - start); }
    });
    seen.observe(out, {childList: true, characterData: true, subtree: true});
    el.value = query;
    el.dispatchEvent(new Event('input'));
  });
}"""


def typed_times(context, site: Path, queries: list[str]) -> list[float]:
    page = context.new_page()
    page.goto(site.as_uri() + "/index.html?q=" + quote(queries[0]))
    page.wait_for_function(f"/结果/.test((document.querySelector('{META}') || {{}}).textContent || '')", timeout=60_000)
    times = [page.evaluate(TYPED, [q, META]) for q in queries]
    page.close()
    return times


def real(found: list[str]) -> list[str]:
    return [p for p in found if not p.startswith("synthetic-")][:10]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 10, 30])
    parser.add_argument("--save", action="store_true")
    args = parser.parse_args()
    queries = [q["q"] for q in sq.load_queries() if any("\u4e00" <= c <= "\u9fff" for c in q["q"])]
    queries += [q["q"] for path in SETS for q in sq.load_questions(path)]
    figures: dict = {"date": dt.date.today().isoformat(), "queries": len(queries), "factors": {}}
    answers: dict[int, list[list[str]]] = {}
    with tempfile.TemporaryDirectory() as tmp, sq.browser() as b:
        for factor in args.factors:
            site = build(factor, Path(tmp) / f"x{factor}")
            context = b.new_context()
            rows = [open_query(context, site, q) for q in queries]
            times = typed_times(context, site, queries)
            context.close()
            answers[factor] = [real(found) for found, _, _ in rows]
            sizes = sorted(size for _, size, _ in rows)
            firsts = sorted(t for _, _, t in rows)
            parts = site / "search" / "pk"
            row = {"index_parts_total_mb": round(sum(f.stat().st_size for f in parts.rglob("*.js")) / 1e6, 2),
                   "meta_kb": round((parts / "meta.js").stat().st_size / 1e3, 1),
                   "loaded_per_page_kb": {"median": round(statistics.median(sizes) / 1e3, 1),
                                          "max": round(sizes[-1] / 1e3, 1)},
                   "first_results_s": {"median": round(statistics.median(firsts), 2), "max": round(firsts[-1], 2)},
                   "typed_query_ms": {"median": round(statistics.median(times), 1),
                                      "p95": round(sorted(times)[int(len(times) * 0.95)], 1),
                                      "max": round(max(times), 1)}}
            if factor != args.factors[0]:
                base = answers[args.factors[0]]
                row["same_first_as_%dx" % args.factors[0]] = sum(a[:1] == c[:1] for a, c in zip(base, answers[factor]))
                row["same_top10_as_%dx" % args.factors[0]] = sum(a == c for a, c in zip(base, answers[factor]))
            figures["factors"][factor] = row
            print(f"{factor}x: {json.dumps(row, ensure_ascii=False)}")
    if args.save:
        path = RESULTS / f"{figures['date']}-search-scale.json"
        path.write_text(json.dumps(figures, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"saved {path}")


if __name__ == "__main__":
    main()
