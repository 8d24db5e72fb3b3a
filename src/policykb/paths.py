"""Folder and file names, in one place."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

POLICIES = "policies"
BUILD = "build"
TEMPLATES = "templates"
SITE_CONFIG = "mkdocs.yml"
SITE_DOCS = "docs"  # hand-written site pages, scripts and styles
FONTS_CONF = "fonts/fonts.conf"
PACKAGED = "bundled"  # inside the installed package: templates/, docs/, fonts/, mkdocs.yml, policies/

UNITS_FILE = "units.yaml"
DOCUMENT_FILE = "document.yaml"
INDICATORS_FILE = "indicators.yaml"
SOURCE_FILE = "source.txt"
ARTICLES_DIR = "articles"
TASKS_DIR = "tasks"
SCHEMAS_DIR = "schemas"


def article_file(number: int) -> str:
    return f"{number:02d}.yaml"


def task_file(number: int) -> str:
    return f"{number:03d}.yaml"


def packaged(name: str) -> Path:
    """The default copy of `name` (templates, docs, mkdocs.yml, fonts/fonts.conf, policies) that
    ships with policykb: inside the installed package, or the checkout's own when run from one."""
    inside = Path(str(resources.files("policykb"))) / PACKAGED / name
    return inside if inside.exists() else Path(__file__).resolve().parents[2] / name


def project_file(name: str, project: Path | str = ".") -> Path:
    """A knowledge base's own `name` if it has one (an office's edited letter template, its site
    settings), else the packaged default."""
    local = Path(project) / name
    return local if local.exists() else packaged(name)


def default_templates() -> Path:
    """templates/ in the working directory if there is one, else the packaged templates."""
    return project_file(TEMPLATES)
