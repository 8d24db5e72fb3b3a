"""Folder and file names, in one place."""
from __future__ import annotations

from pathlib import Path

POLICIES = "policies"
BUILD = "build"
TEMPLATES = "templates"

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


def default_templates() -> Path:
    """templates/ in the working directory if there is one, else the checkout's own templates/."""
    here = Path(TEMPLATES)
    return here if here.is_dir() else Path(__file__).resolve().parents[2] / TEMPLATES
