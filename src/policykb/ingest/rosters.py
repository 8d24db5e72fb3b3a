"""A body's roster: the people a document lists by name under the posts of a body it sets up.

「成立X领导小组。」 then 「组 长：张三 副市长」「副组长：李四」「成 员：王 五、赵六、…」 (a member a line, or several
a line, a line carried over): the people who lead the body's work in person, its leaders (责任领导), never units.
A two-character name padded to the width of three (王 五) is the name without the padding (王五).
The posts are `lexicon.yaml` roster_posts. The roster belongs to the last body the document set up before it (or
housed: 「办公室设在业务科」), its duties and a heading (「二、组成人员」) between them.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .holders import defined_body
from .lexicon import lexicon
from .unitnotes import one_unit


@lru_cache(maxsize=1)
def _post_label() -> re.Pattern[str]:
    # 「组 长」, 「成  员」: a roster pads a two-character post to the width of three
    padded = r"\s*"
    posts = "|".join(padded.join(map(re.escape, post)) for post in sorted(lexicon().roster_posts, key=len, reverse=True))
    return re.compile(rf"^\s*(?:{posts})\s*[：:]\s*")


def roster_line(text: str) -> bool:
    """「组 长：刘雪萍 副市长」: a line opening with a roster's post."""
    return bool(_post_label().match(text))


# one entry: a name (「王 红」 padded), then what it holds (「副市长」, 「市教育局局长」) up to the next entry
_ENTRY = re.compile(r"(?P<name>[\u4e00-\u9fff](?:[ \u3000]?[\u4e00-\u9fff]){1,2})(?=$|[\s、，,；;。]|同志)")


def _people(value: str) -> list[str]:
    """The names a roster line lists (its posts left out), or [] when it holds anything but names and posts."""
    people = []
    for entry in re.split(r"[、，,；;。]", value):
        entry = entry.strip()
        if not entry:
            continue
        m = _ENTRY.match(entry)
        if not m or not _own_name(m["name"]):
            return []  # 「市政府分管副市长」, 「市发展改革委、市财政局」: posts or units, not a list of names
        people.append(re.sub(r"[ \u3000]+", "", m["name"]))  # 「王 红」: padded to align the roster, the name is 王红
        if entry[m.end():].strip():
            break  # 「申晓明 …公司董事长、总经理」: a name and its post, the rest of the line its post too
    return people


def _own_name(name: str) -> bool:
    """A person's own name: under a roster's post any two or three characters that are no post (副市长), no unit
    (…局) and no words of a sentence; a surname list would miss the rarer ones (巢 凌, 柳雪英)."""
    bare = re.sub(r"[ \u3000]", "", name)
    lex = lexicon()
    return (2 <= len(bare) <= 3 and not lex.unit_end.search(bare) and not lex.post.search(bare)
            and not lex.held_post.match(bare) and not lex.doing.search(bare) and not lex.fragment_word.search(bare))


# 「办公室设在业务科」: a body housed in another, set up by that line; the roster after it is its own
_HOUSED = re.compile(r"^\s*(?P<name>[^，,。；;：:\s]{2,30}?)设在")


def _housed_body(text: str) -> str | None:
    m = _HOUSED.match(text)
    return m["name"] if m and one_unit(m["name"]) else None


def rosters(texts: list[str]) -> dict[str, list[str]]:
    """Each body whose people the document lists by name right after setting it up: {body as written: names}."""
    label = _post_label()
    out: dict[str, list[str]] = {}
    body: str | None = None
    listing = False  # inside a roster: a line of names alone carries it over
    for text in texts:
        m = label.match(text)
        people = _people(text[m.end():] if m else text) if (m or listing) else []
        if body and people:
            out.setdefault(body, []).extend(p for p in people if p not in out[body])
            listing = True
            continue
        listing = False
        body = defined_body(text) or _housed_body(text) or body
    return out


def roster_of(lead: list[str], found: dict[str, list[str]]) -> list[str]:
    """The roster of the one body leading a task (named in full, or with its place before it)."""
    if len(lead) != 1:
        return []
    for body, people in found.items():
        if lead[0] == body or len(body) >= 4 and lead[0].endswith(body):
            return people
    return []
