"""The question sets over a built site's search index, in node: seconds instead of Chromium's minutes.

    PYTHONPATH=src python bench/search_node.py SITE [--questions F …] [--misses] [--dump]

SITE is a site policykb built (`policykb site`, or bench/search_scale.py's). pk-search.js runs in node over
the site's index in parts as a page would load them, and ranks every question of the sets (default: the
keyword set and every tests/search_questions*.yaml): hit@10, hit@1 and MRR per set and kind, whether a
maintainer page reached the top 3, and the median time per query. For iterating on the ranking; the
measure stays bench/search_quality.py (Chromium, http and file://). `--misses` lists the questions not
answered first, except the holdout set's (it must not be tuned on); `--dump` prints every top 10.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import search_quality as sq

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "docs" / "javascripts" / "pk-search.js"
HOLDOUT = "search_questions_holdout.yaml"


def sets(paths: list[Path]) -> list[dict]:
    out = [{"name": "search_queries.yaml", "misses": True,
            "items": [{"q": q["q"], "kind": "keyword", "pages": sq.expected(q)} for q in sq.load_queries()]}]
    for path in paths:
        out.append({"name": path.name, "misses": path.name != HOLDOUT,
                    "items": [{"q": q["q"], "kind": q["kind"], "pages": q["page"]} for q in sq.load_questions(path)]})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--questions", type=Path, nargs="+",
                        default=sorted((ROOT / "tests").glob("search_questions*.yaml")))
    parser.add_argument("--misses", action="store_true", help="list the questions not answered first")
    parser.add_argument("--dump", action="store_true", help="print every query's top 10")
    parser.add_argument("--script", type=Path, default=SCRIPT, help="pk-search.js to run (default: %(default)s)")
    args = parser.parse_args()
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as tmp:
        json.dump(sets(args.questions), tmp, ensure_ascii=False)
        tmp.flush()
        done = subprocess.run(["node", str(ROOT / "bench" / "search_node.js"), str(args.site), str(args.script), tmp.name],
                              capture_output=True, text=True)
    if done.returncode:
        sys.exit(done.stderr)
    for result in json.loads(done.stdout):
        ranks = [next((i + 1 for i, p in enumerate(r["found"]) if p in r["pages"]), None) for r in result["rows"]]
        kinds = sq.by_kind([{"kind": r["kind"]} for r in result["rows"]], ranks)
        guide = sum(any(p.startswith("guide/") for p in r["found"][:3]) for r in result["rows"] if r["kind"] != "keyword")
        times = [r["ms"] for r in result["rows"]]
        print(f"{result['name']}: " + "  ".join(f"{k} {v['hit@10']}/{v['n']} @1 {v['hit@1']} {v['mrr']:.3f}"
                                               for k, v in kinds.items())
              + f" | guide in top 3: {guide} | median {statistics.median(times):.1f} ms")
        for row, rank in zip(result["rows"], ranks):
            if args.dump:
                print(f"    {row['q']}: {' '.join(row['found'])}")
            elif args.misses and result["misses"] and rank != 1:
                print(f"    {row['q']}: rank {rank}, top {' '.join(row['found'][:3])}")


if __name__ == "__main__":
    main()
