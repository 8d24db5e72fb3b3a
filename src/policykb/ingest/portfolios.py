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
