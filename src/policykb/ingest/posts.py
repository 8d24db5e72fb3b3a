"""People in unit notes: a leader cell's names padded with spaces, a person's name with the post after it, and the
bodies whose post a person is named by (市水务局 of 市水务局主要负责人), which answer for the work the person leads."""
from __future__ import annotations

import re

from .lexicon import is_person, lexicon, post_holder
from .unitnames import looks_like_unit, split_names

# A two-character name padded to the width of three (「俞 悦」), names run together in one cell (「陆 明俞 悦」)
PADDED = re.compile(r"[\u4e00-\u9fff] [\u4e00-\u9fff]")
_PERSON = re.compile(r"[\u4e00-\u9fff] [\u4e00-\u9fff]|[\u4e00-\u9fff]{2,4}")


def padded_people(text: str) -> tuple[list[str], bool]:
    """The names of a leader cell whose names are padded with a space: each padded name is one person."""
    return [m.group().replace(" ", "") for m in _PERSON.finditer(text)], False


def holding_bodies(name: str, known: tuple[str, ...] = ()) -> list[str]:
    """The bodies whose post a person's name gives: 市水务局 of 市水务局主要负责人, 各级 and 各部门 of
    各级各部门主要负责同志 (each body of the collectives it names); none for a post alone (主要负责同志)."""
    body = post_holder(name)
    if not body or not (body in known or looks_like_unit(body)):
        return []
    return [body] if body in known else split_names(body, known)[0]


def person_name(person: str) -> str:
    """「顾峰副市长」: a person's name with the post after it, the name kept (as the post before it is dropped from
    「分管副县长王五」); 「马副市长」 (a surname and a post) is kept whole."""
    for k in (2, 3):
        if len(person) >= k + 2 and is_person(person[:k]) and person[k - 1] not in "副正常" \
                and lexicon().post.fullmatch(person[k:]):
            return person[:k]
    return person


_FIELD_IN_CHARGE = re.compile(r"(?!主要|相关|有关|分管)[\u4e00-\u9fff]{2}(?:负责人|负责同志)")  # 「防控负责人」: a field of the body's work, its head


def post_of(name: str, lead: list[str], known: tuple[str, ...] = (), listed: list[str] = ()) -> str:
    """A leader as the task keeps it: the post alone (主要负责人, 联络员) when the bodies whose post it is are the task's
    leads (「各级各部门主要负责同志要…」: the bodies are named once, as the leads) or when it closes the list of the
    task's units (`listed`, in written order); else as written (各管区责任人, the one person a body makes answer for
    it; 市水务局主要负责人 of a group's office the bureau does not lead)."""
    bodies = holding_bodies(name, known)
    body = post_holder(name)
    if lexicon().head_post.fullmatch(name):
        return name  # 「管委会主任」: the title is the body's own, the leader as written
    # One body's person answering for the task (各管区责任人), or in charge of a field of its work (各村居防控负责人),
    # is named with the body; a head post (主要负责同志), a staff word (联络员) or a post over several bodies
    # (各级各部门主要负责同志) is each one's own: the bodies are named once, as the leads
    post = name[len(body):] if body else ""
    one_in_charge = len(bodies) == 1 and "、" not in body and bool(
        lexicon().charge_post.search(post) or _FIELD_IN_CHARGE.fullmatch(post))
    own = (not one_in_charge and set(bodies) <= set(lead)) or _closes_list(bodies, listed)
    return re.sub(r"^(?:的|及其)", "", name[len(body):]) if bodies and body and own else name


def _closes_list(bodies: list[str], listed: list[str]) -> bool:
    """「X、Y、Z主要领导」: a post written once after a list of units, its body the last listed, is each unit's head."""
    return len(listed) > 1 and list(bodies) == list(listed[-1:])
