"""Folder and file names, in one place."""
from __future__ import annotations

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
