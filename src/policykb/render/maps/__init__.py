"""Battle maps (作战图): wall charts of tasks × units × time, as SVG, PDF and PNG.

- `plan`: which maps there are (the whole annex, each section, each unit) and their rows, from the graph;
- `schedule`: each task's bar: what dates it (own deadline, target year, the article's, or nothing);
- `layout`: rows, bars, milestones and the legend placed in millimetres on the paper;
- `text`: fonts, measuring and wrapping Chinese text;
- `svg`: the layout drawn as SVG; `paper`: sheets and A3 tiles;
- `export`: SVG to PDF/PNG in worker processes; `draw`: one map (and a unit map's cropped preview),
  and the stage that writes them all.
"""
__all__ = ["FORMATS", "MANIFEST", "OVERFLOW_NOTE", "Rendered", "file_stem", "render", "render_on_paper", "stage",
           "write"]


def __getattr__(name: str):
    """`draw`'s names, imported on first use: a PDF export worker imports `export` alone, not the
    layout, the graph and the models (60 MB and seconds more in each worker process)."""
    if name in __all__:
        from . import draw
        return getattr(draw, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
