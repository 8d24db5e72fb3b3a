"""The outputs people use, one package each, all drawn from the same `PolicyGraph`:

- `letters/`: responsibility letters (.docx) per unit and, per document, its 分工方案 overview and its letters' zip;
- `maps/`: battle maps (作战图) as SVG, PDF and PNG, on the paper they hang on;
- `site/`: the searchable static site, built with mkdocs-material.

Each package's `__init__` names what the build and the CLI call; the modules inside are its rooms.
"""
