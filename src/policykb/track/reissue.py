"""Which letters a revision changes: their content compared, not guessed from what was edited.

A correction of the data (a campaign name dropped from a task's deadlines, a wrong link mended) may
leave every letter as it was; only a recipient whose letter now reads differently is asked to have
it reissued. Only the recipients answering for a changed item are compared, so a revision costs a
few letter contexts, not all of them.
"""
from __future__ import annotations

from ..graph import PolicyGraph
from ..model import KnowledgeBase
from ..render.letters.context import DocumentParts, letter_context
from ..render.letters.recipients import recipients


def _letters(kb: KnowledgeBase, units: set[str]) -> dict[tuple[str, str], dict]:
    """Each letter that goes to one of `units` (or to a collective holding one), as its context."""
    pg = PolicyGraph(kb)
    full_names = {u.name: u.full_name or u.name for u in kb.units.values()}
    out = {}
    for doc in pg.documents():
        parts = DocumentParts(doc, pg.kb.names_in(doc.meta.jurisdiction), full_names)
        serials = {True: 0, False: 0}
        for recipient in recipients(pg, doc):
            serials[recipient.signed] += 1
            if recipient.name in units or units & set(recipient.units):
                context = letter_context(pg, parts, recipient, serials[recipient.signed])
                out[(doc.id, recipient.name)] = context.model_dump(mode="json")
    return out


def changed_letters(old: KnowledgeBase, new: KnowledgeBase, units: set[str]) -> list[str]:
    """Recipients among `units` whose letter reads differently in `new` (or is new, or is gone)."""
    if not units:
        return []
    before, after = _letters(old, units), _letters(new, units)
    return sorted({name for key in before.keys() | after.keys() if before.get(key) != after.get(key)
                   for name in [key[1]]})
