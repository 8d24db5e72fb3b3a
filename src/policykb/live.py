"""`policykb serve`: the site on a local address, built again whenever policies/, templates/,
docs/ or mkdocs.yml change, and reloaded in the browser (mkdocs' own live-reload server).

Each build goes into a staged folder that then replaces the served one, so the browser never sees a
half-written site; a knowledge base with errors keeps the last good site on screen and reports the
errors instead. The site stage is called as `policykb site` calls it (render/site.render_site).
"""
from __future__ import annotations

import datetime as dt
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, ContextManager

from . import paths
from .graph import PolicyGraph
from .issues import PolicyError, ToolError
from .output import refuse_foreign, refuse_protected, staged_output
from .track import load_tracking, statuses
from .validate import load_kb


@dataclass
class Preview:
    """What to build and where: the knowledge base, its templates and site settings, a served folder."""
    policies: Path
    templates: Path
    config: Path
    folder: Path  # served; replaced whole after each successful build
    as_of: Callable[[], dt.date] = dt.date.today
    extra: Callable[[], dict[str, str]] = dict  # generated pages (the CLI reference)

    def watched(self) -> list[Path]:
        docs = paths.project_file(paths.SITE_DOCS, self.config.parent)
        return [p for p in (self.policies, self.templates, docs, self.config) if p.exists()]

    def build(self) -> None:
        """Build into a staged folder that then replaces the served one (output.staged_output: a
        folder holding anything policykb did not write is never replaced); on PolicyError, SiteError
        or any other failure the served site stays as it was."""
        from .render import site as rendering
        kb = load_kb(self.policies)
        pg = PolicyGraph(kb)
        tracking = load_tracking(self.policies, kb)
        day = self.as_of()
        build = Path(paths.BUILD)
        with staged_output(self.folder) as fresh:
            rendering.render_site(pg, fresh, as_of=day, templates=self.templates, policies=self.policies,
                                  config=self.config, handwritten=paths.project_file(paths.SITE_DOCS, self.config.parent),
                                  letters=build / "letters", maps=build / "maps", tracking=tracking,
                                  statuses=statuses(pg, tracking, day), charts=build / "tracking" / rendering.CHARTS,
                                  extra=self.extra())


def serve(preview: Preview, host: str, port: int, report: Callable[[Exception | None], None],
          guard: Callable[[], ContextManager] = nullcontext) -> None:
    """Build once, then serve until interrupted, building again on every change. `report` hears
    each build's outcome: None when it succeeded, else the PolicyError or ToolError; `guard` wraps
    each build (the CLI turns mkdocs' failures into a ToolError naming the page)."""
    from mkdocs.livereload import LiveReloadServer

    def rebuild() -> None:
        try:
            with guard():
                preview.build()
        except (PolicyError, ToolError) as e:
            report(e)
        else:
            report(None)

    refuse_protected(preview.folder, preview.policies)  # `serve -o .` must never replace the project
    refuse_foreign(preview.folder)
    preview.folder.mkdir(parents=True, exist_ok=True)
    rebuild()
    server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(preview.folder))
    for path in preview.watched():
        server.watch(str(path))
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
