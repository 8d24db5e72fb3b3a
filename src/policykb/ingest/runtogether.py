"""Names written one after another with no separator (a table cell whose lines were run together): the cut that
makes every piece a unit's name. Apart from unitnames.py because it searches cuts, where that module reads what is
written between names."""
from __future__ import annotations

import re

from .lexicon import lexicon
from .unitnames import GENERIC, QUALIFIER, looks_like_unit

_RUN_PIECE = 3  # the shortest name cut from a run (「市委组织部」 is not 「市委」 and 「组织部」)
_MEMBERS = re.compile(r"^各?(?:成员|所属|下属|直属)单位$")  # the members of the body named before: part of its name


def run_together(text: str) -> list[str] | None:
    """Names written one after another with no separator (a table's cell whose lines were run together:
    「教育局经开区各街道」): the cut that makes every piece a unit's name, cutting only after a body's ending
    (lexicon.yaml body_ends), a suffix of two characters or more (but a kind of unit: 市机关事务局 is not 市机关 and
    事务局; a government is one), or a closing qualifier where it can, and else
    into as many names as it can; a piece is never a bare suffix word (「区政府办公室」 is one name) nor holds a verb
    of doing (「轨道公司推进大庙弄核心区」: a name, then the text). None when no such cut exists."""
    lex = lexicon()
    bare = {*lex.unit_suffixes, *GENERIC}

    def name(piece: str) -> bool:
        if piece in bare or piece[0] in "(（" or _MEMBERS.match(piece) or lex.doing.search(piece):
            return False
        m = QUALIFIER.match(piece)  # 「高新园(邹区镇)」: a name and its qualifier, read as one piece
        return looks_like_unit(piece) or bool(m) and len(m[1]) >= 2 and not lex.not_unit_start.match(piece)

    def weak(piece: str) -> bool:
        ending = next((s for s in sorted(lex.unit_suffixes, key=len, reverse=True) if piece.endswith(s)), "")
        return ending in GENERIC and ending != "政府" or not (len(ending) > 1 or ending in lex.body_ends
                                                                or piece.endswith((")", "）", *lex.zone_ends)))

    best: dict[int, tuple[tuple[int, int], list[str]] | None] = {len(text): ((0, 0), [])}

    def cut(at: int) -> tuple[tuple[int, int], list[str]] | None:
        """The best cut of text[at:]: fewest weak cuts, then most names."""
        if at not in best:
            options = [((score[0] + (end < len(text) and weak(text[at:end])), score[1] - 1), [text[at:end], *rest])
                       for end in range(at + _RUN_PIECE, len(text) + 1)
                       if name(text[at:end]) and (found := cut(end)) is not None for score, rest in [found]]
            best[at] = min(options, key=lambda o: o[0]) if options else None
        return best[at]

    found = cut(0) if text else None
    return found[1] if found else None


# 「县委县政府督查室」, 「X县委县政府」: a party committee and its government named together, one office or two organs
# the text joins on purpose; not two names run together
_ORGANS_PAIRED = re.compile(r"^[省市县区](?:人民)?政府")


def level_runs(text: str) -> list[str]:
    """A unit cell's names run together with nothing between, the next opening with its level (「城关街道办事处县域
    工业集中区」, 「市发改委市财政局」): cut where a whole body's name (ending as a body ends, lexicon.yaml body_ends)
    meets a level prefix that opens another unit's name. A name holding no such meeting is one name."""
    ends = tuple(lexicon().body_ends)
    for at in range(3, len(text) - 2):
        head, tail = text[:at], text[at:]
        if tail[0] in "省市县区" and head.endswith(ends) and not _ORGANS_PAIRED.match(tail) \
                and looks_like_unit(head) and looks_like_unit(tail):
            return [head, *level_runs(tail)]
    return [text]
