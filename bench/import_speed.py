"""How long `policykb import` takes on a 20-page document (run by hand: python bench/import_speed.py).

The document is the corpus's county text and a State Council item repeated to 20 pages (16,000
characters, 7 tasks a part), written as .txt and as .docx; each is imported into a fresh copy of the bundled knowledge base.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from policykb.ingest import import_file  # noqa: E402


def main() -> None:
    text = (ROOT / "tests" / "corpus" / "lishan-2023-county-lines.txt").read_text(encoding="utf-8")
    long_item = (ROOT / "tests" / "corpus" / "guowuyuan-2020-6-inline.txt").read_text(encoding="utf-8")
    long_item = next(line.strip() for line in long_item.splitlines() if "负责" in line).replace("1.", "7.", 1)
    head, _, items = text.partition("一、经济社会发展的主要预期目标")
    part = items.split("\n", 1)[1] + long_item + "\n"
    body, number = "", 0
    while len(head + body) < 16_000:  # 20 pages of 公文: 22 lines of 28 characters (GB/T 9704), some 12,000–16,000
        number += 1
        body += f"{number}、第{number}部分\n" + part
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        source = tmp / "long.txt"
        source.write_text(head + body, encoding="utf-8")
        import docx
        document = docx.Document()
        for line in (head + body).splitlines():
            document.add_paragraph(line)
        document.save(tmp / "long.docx")
        for name in ("long.txt", "long.docx"):
            kb = tmp / f"kb-{name}"
            shutil.copytree(ROOT / "policies", kb)
            start = time.perf_counter()
            result = import_file(tmp / name, kb, "long")
            print(f"{name}: {len(source.read_text(encoding='utf-8')):,} characters, {result.summary}: "
                  f"{time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
