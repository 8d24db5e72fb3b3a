"""`policykb init`: a new knowledge base anywhere, from what ships inside the package.

The folder gets what an office edits (policies/, templates/ with the letter template, its own site settings
mkdocs.yml); everything else (the site's page templates, guide pages, scripts and styles, fonts.conf) comes from the
installed package until the office puts its own copy beside them (paths.project_file, site_templates).
"""
from __future__ import annotations

import shutil
from pathlib import Path

from . import paths
from .issues import ToolError
from .yamlio import dump_new

# What a build writes, and what an interrupted command may leave (the atomic writes' temporaries, an output's
# or an import's staging folder, locks, the tracking journal): never a user's data, never to be committed.
GITIGNORE = (f"/{paths.BUILD}/\n/.{paths.BUILD}.lock\n.tracking.lock\n.policykb-cache/\n"
             ".*.tmp\n.*.new.*\n.tracking-journal.json\n")
NOT_COPIED = ("make_letter_template.py", "__pycache__", "__init__.py")  # the maintainers' own


def init(folder: Path | str, *, empty: bool = False) -> list[Path]:
    """Create a knowledge base in `folder` (new or empty): the bundled policy, or none with `empty`."""
    folder = Path(folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ToolError(f"{folder}/ 已存在且不是空的，什么也没有写", hint="换一个新的文件夹名，或先清空它",
                        code="folder-not-empty")
    folder.mkdir(parents=True, exist_ok=True)
    policies = folder / paths.POLICIES
    if empty:
        shutil.copytree(paths.packaged(paths.POLICIES) / paths.SCHEMAS_DIR, policies / paths.SCHEMAS_DIR,
                        ignore=shutil.ignore_patterns(*NOT_COPIED))
        dump_new(policies / paths.UNITS_FILE, {"units": []}, schema=f"{paths.SCHEMAS_DIR}/units.schema.json")
    else:
        shutil.copytree(paths.packaged(paths.POLICIES), policies, ignore=shutil.ignore_patterns(*NOT_COPIED,
                                                                                                 "tracking"))
    # the letter template and its guide; the site's page templates stay in the package (a copy would never see
    # an upgrade), and an office that wants to change a page copies that one template into templates/site/
    shutil.copytree(paths.packaged(paths.TEMPLATES), folder / paths.TEMPLATES,
                    ignore=shutil.ignore_patterns(*NOT_COPIED, "site"))
    shutil.copyfile(paths.packaged(paths.SITE_CONFIG), folder / paths.SITE_CONFIG)
    (folder / ".gitignore").write_text(GITIGNORE, encoding="utf-8")
    return sorted(p for p in folder.rglob("*") if p.is_file())
