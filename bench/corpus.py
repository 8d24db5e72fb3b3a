"""Generate a synthetic corpus N times the size of the bundled policy, for benchmarks.

Each copy is a full document folder with its own id, its own title, and tasks whose texts and unit
lists are recombined from the real ones (seeded, so the same N gives the same corpus). Usage:

    python bench/corpus.py 10 /tmp/corpus10
"""
from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
POLICIES = ROOT / "policies"
DOC = "hunan-2016-implementation-opinions"


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.width = 4096
    yaml.allow_unicode = True
    return yaml


def generate(factor: int, out: Path, seed: int = 2016) -> Path:
    """Write `factor` documents (the original plus factor-1 recombined copies) under out/."""
    rng = random.Random(seed)
    yaml = _yaml()
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(POLICIES, out)
    source = out / DOC
    tasks = {p.name: yaml.load(p.read_text(encoding="utf-8")) for p in sorted((source / "tasks").glob("*.yaml"))}
    texts = [t["text"] for t in tasks.values()]
    units = [u for t in tasks.values() for u in list(t["lead"]) + list(t.get("participants", []))]
    for k in range(1, factor):
        folder = out / f"synthetic-{k:03d}"
        shutil.copytree(source, folder)
        doc_path = folder / "document.yaml"
        doc = yaml.load(doc_path.read_text(encoding="utf-8"))
        doc["title"] = f"{doc['title']}（模拟第{k}号）"
        doc["short_title"] = f"{doc['short_title']}（模拟第{k}号）"  # each document named apart on the site
        with doc_path.open("w", encoding="utf-8") as fh:
            yaml.dump(doc, fh)
        for name, task in tasks.items():
            path = folder / "tasks" / name
            data = yaml.load(path.read_text(encoding="utf-8"))
            if "members" in data:  # which 市州 a task names is checked against its text and units: keep both
                continue
            first, second = rng.sample(texts, 2)
            data["text"] = first[: len(first) // 2] + second[len(second) // 2:]
            picked = list(dict.fromkeys(rng.sample(units, rng.randint(2, 7))))
            data["lead_mode"] = "first"
            data["lead"] = picked[:1]
            data["participants"] = picked[1:]
            with path.open("w", encoding="utf-8") as fh:
                yaml.dump(data, fh)
    return out


if __name__ == "__main__":
    factor, target = int(sys.argv[1]), Path(sys.argv[2])
    generate(factor, target)
    print(f"wrote {factor} document(s) under {target}")
