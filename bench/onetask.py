"""Where a one-task rebuild's seconds go: wall-clock timers on named functions, one rebuild a process.

    python bench/onetask.py WORK            # WORK/policies built before into WORK/build (bench/corpus.py)
    python bench/onetask.py WORK --fixed    # keys as if the code had not changed since that build

Task 069's text is toggled (60亿元 <-> 61亿元, as bench/run.py edits it) and WORK/build rebuilt in
this process; prints the stages and, per timed function, its seconds (including what it calls) and
calls, as JSON. cProfile's overhead inflated Python-heavy code two to three times and hid the export
workers, hence timers. `--fixed` measures a change of code without the full rebuild a new code key
causes: the first rebuild after switching code remakes what that code keys differently, the next
ones are the figures (its outputs are not a build to keep).
"""
from __future__ import annotations

import datetime as dt
import functools
import importlib
import json
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMED = """
policykb.validate:load_kb policykb.cache:build_inputs policykb.cache:StageCache.save policykb.cache:StageCache.reuse
shutil:rmtree policykb.heap:settle policykb.export:to_json policykb.export:to_graphml policykb.export:to_csv
policykb.export:to_xlsx policykb.render.letters.packages:write_overviews policykb.render.maps.plan:plan
policykb.render.maps.draw:render_on_paper policykb.render.site.build:write_docs policykb.render.site.build:mkdocs_build
policykb.render.site.build:_make_page policykb.render.site.files:stage_files policykb.render.site.pages:site_pages
policykb.render.site.pagekeys:PageKeys.key policykb.render.site.incremental:_reused
policykb.render.site.incremental:_OwnIndex.replay policykb.render.site.shards:ShardWriter.add_page
policykb.render.site.shards:ShardWriter.finish mkdocs.commands.build:_populate_page mkdocs.commands.build:_build_page
mkdocs.commands.build:_build_theme_template mkdocs.structure.files:get_files
""".split()
TASK = Path("hunan-2016-implementation-opinions") / "tasks" / "069.yaml"

seconds: dict[str, list] = defaultdict(lambda: [0.0, 0])


def _timer(name: str, fn):
    @functools.wraps(fn)
    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            seconds[name][0] += time.perf_counter() - start
            seconds[name][1] += 1
    return timed


def _patch(target: str) -> None:
    """Time `module:function` or `module:Class.method`, also where a module imported the function by name."""
    module_name, qualname = target.split(":")
    owner = importlib.import_module(module_name)
    *outer, name = qualname.split(".")
    for part in outer:
        owner = getattr(owner, part)
    fn = owner.__dict__[name] if isinstance(owner, type) else getattr(owner, name)
    timed = type(fn)(_timer(qualname, fn.__func__)) if isinstance(fn, (classmethod, staticmethod)) \
        else _timer(qualname, fn)
    setattr(owner, name, timed)
    if not isinstance(owner, type):
        for module in list(sys.modules.values()):
            found = getattr(module, "__dict__", {})
            for key in [k for k, v in found.items() if v is fn]:
                found[key] = timed


def _fixed_code() -> str:
    return "fixed"


def _fix_code_key() -> None:
    for module in list(sys.modules.values()):
        if getattr(module, "__name__", "").startswith("policykb") and hasattr(module, "code_digest"):
            module.code_digest = _fixed_code


def main() -> None:
    work, fixed = Path(sys.argv[1]), "--fixed" in sys.argv[2:]
    # the stages' modules imported before patching, so that their names for the timed functions are patched too
    import mkdocs.commands.build  # noqa: F401
    import policykb.render.letters  # noqa: F401
    import policykb.render.maps.draw  # noqa: F401
    import policykb.render.site  # noqa: F401
    from policykb import build
    for target in TIMED:
        _patch(target)
    if fixed:
        _fix_code_key()
    task = work / "policies" / TASK
    text = task.read_text(encoding="utf-8")
    task.write_text(text.replace("60亿元", "61亿元") if "60亿元" in text else text.replace("61亿元", "60亿元"),
                    encoding="utf-8")
    timings: dict = {}
    load, start = os.getloadavg()[0], time.perf_counter()
    build.build(work / "policies", work / "build", as_of=dt.date(2017, 1, 1), templates=ROOT / "templates",
                timings=timings)
    print(json.dumps({"seconds": round(time.perf_counter() - start, 2), "load_1min": [load, os.getloadavg()[0]],
                      "stages": {k: getattr(v, "seconds", v) for k, v in timings.items()},
                      "timed": {k: [round(s, 3), n] for k, (s, n) in sorted(seconds.items(), key=lambda x: -x[1][0])}},
                     ensure_ascii=False))


if __name__ == "__main__":  # the build's worker processes import this module: nothing to run there
    main()
