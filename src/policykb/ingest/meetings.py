"""A body's standing meeting held at set times: 「市红办主任会议原则上每季度召开一次」, 「街道办事处主任办公会议每季度至少
召开1次」. Holding it is the body's work, and the head the meeting is named after chairs it (its leader)."""
from __future__ import annotations

import re
from dataclasses import dataclass

_CHAIR = r"主任|局长|组长|指挥长|召集人|总召集人|书记|镇长|县长|市长|区长"
_KIND = r"办公|全体成员|全体|成员单位|成员|联席|工作|例|专题|调度"
_WHEN = r"(?:每(?:[一二两兩三四五六]个?)?(?:月|季度|季|年|周|半年|旬)|定期)"
_HELD = re.compile(rf"^(?P<body>[^，,：:；;。“”\"]{{2,30}}?)(?P<chair>{_CHAIR})?(?:{_KIND})?会议"
                   rf"(?:原则上|一般|一般情况下)?[，,]?{_WHEN}[^，,；;。]{{0,8}}?(?:召开|举行)")


@dataclass
class Meeting:
    body: str  # as written: 市红办
    chair: str  # the body's head, 市红办主任; "" when the meeting is named after nobody


def held_meeting(clause: str) -> Meeting | None:
    """The body a clause says holds its meeting at set times, or None."""
    m = _HELD.match(clause)
    return Meeting(m["body"], m["body"] + m["chair"] if m["chair"] else "") if m else None
