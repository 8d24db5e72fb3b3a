"""Leaders' portfolios (a government's 领导分工): 「常务副县长王五：负责县政府常务工作，分管发展改革…」.

A post is a person, never a unit (rule 6): the work a portfolio line gives is the government's whose post it is
(副省长 → 省人民政府, 镇长 → 镇人民政府; the secretary-general's, 秘书长, that of the posts around it), and the
person (or the post, when no name follows it) leads it in person. The line opens with the post, its holder's name,
a colon and a duty verb; a label (牵头单位：) or a unit before a colon is no portfolio.
"""
from __future__ import annotations

import re

from .lexicon import alternation, lexicon
from .unitnames import looks_like_unit

_LEX = lexicon()
# the post: a government's head or deputy head (its level in it) or its secretary-general; then a name of two to four
# characters (a post's holder need not have a common surname), or none
_POST = re.compile(r"^(?:(?P<head>(?:常务)?副?(?P<level>省|市|州|县|区|旗|乡|镇)长)|(?P<secretary>(?:副)?秘书长))"
                   r"(?P<name>[\u4e00-\u9fff]{2,4})?(?:同志)?$")
_DUTY = re.compile(rf"(?:{alternation((*_LEX.duty_openers, '分管', '主持', '协助'))})")


# 「县教育体育局局长控辍保学责任：负责…」: the head of a body, what its duties are about, then its duties: the body's work,
# its head leading it
_BODY_HEAD = re.compile(r"^(?P<head>(?P<body>[\u4e00-\u9fff]{2,20}?(?:局|委|办|厅))副?(?:局长|主任|厅长))"
                        r"(?:[\u4e00-\u9fff]{2,8}?(?:工作)?(?:责任|职责))?$")


def portfolio(line: str, level: str | None = None) -> tuple[str, str, str] | None:
    """(government, leader, duty) of a portfolio line, the government by the post's level (or `level`, the posts'
    around a secretary-general's), or (body, its head, duty) of a body's head's duties; None for any other line."""
    who, colon, duty = line.strip().partition("：") if "：" in line else line.strip().partition(":")
    post = _POST.match(_LEX.fold(who.strip()))
    if colon and not post and (head := _BODY_HEAD.match(who.strip())) and _DUTY.match(_LEX.fold(duty.strip())) \
            and looks_like_unit(head["body"]):
        return head["body"], head["head"], duty.strip()
    if not colon or not post or not _DUTY.match(_LEX.fold(duty.strip())):
        return None
    level = post["level"] or level
    if not level:
        return None
    leader = who.strip()[len(who.strip()) - len(post["name"]):] if post["name"] else who.strip()
    return f"{level}人民政府", leader, duty.strip()


# 「由省长李四牵头…。根据省政府统一安排，李四全面负责各项工作任务的完成」: a government's head named once with the post,
# then by name alone taking the whole work in charge: the government's work, the person leading it
_OVERALL = re.compile(r"(?:^|(?<=[，,。；;]))(?P<name>[\u4e00-\u9fff]{2,4})全面负责[^。；;]+")


def head_by_name(text: str, whole: str) -> tuple[str, str, str] | None:
    """(government, leader, clause) of a clause giving the whole work to a head `whole` names with the post."""
    folded = _LEX.fold(text)
    for m in _OVERALL.finditer(folded):
        if post := re.search(rf"(?P<level>省|市|州|县|区|旗|乡|镇)长{m['name']}", _LEX.fold(whole)):
            return f"{post['level']}人民政府", text[m.start("name"):m.end("name")], text[m.start():m.end()]
    return None


# 「区政府办公室主任华毅同志主持全面工作，副主任杨烨同志分管文秘科和督查科工作，…」: a body's head and deputies, each
# named with 同志, given their work by comma in one sentence (a body's 领导分工 written as running text)
_HEAD_CLAUSE = re.compile(r"(?:^|(?<=[，,；;：:]))\s*(?P<body>[\u4e00-\u9fff]{2,20}?(?:办公室|局|委|办|厅|院|中心))?"
                          r"(?P<post>(?:常务)?副?(?:主任|局长|厅长|院长|处长|科长|部长))"
                          r"(?P<name>[\u4e00-\u9fff]{2,3})同志(?P<verb>主持|分管|负责|协助)(?P<duty>[^，,；;。]+)")
_SECTIONS = re.compile(r"^(?P<sections>[^，,；;。]+?)(?:的|等)?(?:日常)?工作$")


def head_clauses(text: str, known: tuple[str, ...] = ()) -> list[tuple[str, str, str, list[str]]]:
    """(clause, body, leader, sections) for each clause of text giving a body's head or deputy (named with 同志) their
    work, two at least: the body is the one the clause names, else the last named before it (「副主任…」 is the same
    office's); the sections are the bodies a 分管 names (「分管文秘科和督查科工作」: each its own), else none (the body's
    whole work, 「主持全面工作」). A person leads in person, never as a unit (rule 6)."""
    found = list(_HEAD_CLAUSE.finditer(text))
    if len(found) < 2:
        return []
    out, body = [], None
    for m in found:
        body = m["body"] or body
        if not body or not looks_like_unit(body):
            return []
        sections: list[str] = []
        if m["verb"] == "分管" and (what := _SECTIONS.match(m["duty"])):
            sections = re.split(r"[和及与、]", what["sections"])
            if not all(looks_like_unit(s) for s in sections):
                sections = []
        out.append((m.group().strip(), body, m["name"], sections))
    return out
