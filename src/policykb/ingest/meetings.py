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

# 「联席会议原则上每半年召开一次全体会议，由召集人负责召集」: a body that is itself a meeting holds its plenary at set
# times, chaired by the post named to convene it; 「联席会议原则上每年召开一次」 says only how often
_HOLDS_OWN = re.compile(rf"^(?P<body>[^，,：:；;。“”\"]{{0,30}}?(?:联席会议|委员会))(?:原则上|一般|一般情况下)?[，,]?"
                        rf"{_WHEN}[^，,；;。]{{0,8}}?(?:召开|举行)(?:[^，,；;。]{{0,8}}?(?:{_KIND})?会议"
                        rf"|(?:至少)?[一二两三四五六\d]+次(?=[，,；;。]|$))")
_CONVENED_BY = re.compile(rf"由(?P<chair>(?:{_CHAIR}|副召集人))(?:负责)?(?:召集|主持)")


@dataclass
class Meeting:
    body: str  # as written: 市红办
    chair: str  # the body's head, 市红办主任; "" when the meeting is named after nobody


def held_meeting(clause: str) -> Meeting | None:
    """The body a clause says holds its meeting at set times, or None."""
    if own := _HOLDS_OWN.match(clause):
        return Meeting(own["body"], by["chair"] if (by := _CONVENED_BY.search(clause, own.end())) else "")
    m = _HELD.match(clause)
    return Meeting(m["body"], m["body"] + m["chair"] if m["chair"] else "") if m else None
