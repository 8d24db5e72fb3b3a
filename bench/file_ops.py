"""What a file costs on this machine's disk: writing new files, creating empty ones, hard-linking.

A rebuild stages a whole new output folder, so every output file is either written again or linked
from the last build; this measures the two (and removing them), to say which one a stage should do.

    python bench/file_ops.py [--files 4000] [--kb 18] [--dir /tmp]
"""
from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def measure(folder: Path, files: int, size: int) -> dict[str, float]:
    """Microseconds per file for each operation, in fresh sub-folders of `folder`."""
    data = os.urandom(size)
    written, linked, empty = (folder / name for name in ("written", "linked", "empty"))
    for sub in (written, linked, empty):
        sub.mkdir()

    def write():
        for i in range(files):
            (written / f"{i}.js").write_bytes(data)

    def link():
        for i in range(files):
            os.link(written / f"{i}.js", linked / f"{i}.js")

    def create_empty():
        for i in range(files):
            (empty / f"{i}.md").write_bytes(b"")

    seconds = {"write": _timed(write), "link": _timed(link), "empty": _timed(create_empty),
               "remove": _timed(lambda: [shutil.rmtree(p) for p in (written, linked, empty)]) / 3}
    return {k: round(v / files * 1e6, 1) for k, v in seconds.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=4000)
    parser.add_argument("--kb", type=int, default=18, help="size of each written file (a search part is ~18 KB at 30x)")
    parser.add_argument("--dir", default=None, help="where to measure (default: the system's temp folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir, prefix="policykb-fileops-") as tmp:
        per_file = measure(Path(tmp), args.files, args.kb * 1024)
    print(f"{args.files} files of {args.kb} KB, microseconds per file:")
    for name, us in per_file.items():
        print(f"  {name:7s} {us:8.1f}")
    print(f"a link costs 1/{per_file['write'] / max(per_file['link'], 0.1):.0f} of a write")


if __name__ == "__main__":
    main()
