"""Paragraphs that state no work of their own: a purpose, the guiding thought, a principle, the basis, a scope, a
roster, what a meeting heard. The review lists an item left unread so that a person finds its units; such a paragraph
has none to find, and listing it would bury the items that do."""
from __future__ import annotations

import re

from ..ownnumbers import MARK
from .lexicon import lexicon

_MARK = re.compile(rf"^\s*(?:{MARK}|[一二三四五六七八九十]是|\d{{1,2}}[、.．])?\s*")


def states_no_work(text: str) -> bool:
    """「二、指导思想。以习近平…为指导」, 「为进一步规范…，根据《…》，制定本办法」: true; 「（三）加强督查…」: false."""
    lex = lexicon()
    return bool(lex.no_work_opening.match(_MARK.sub("", text.translate(lex.simplified), count=1)))
