"""The status of a task as of a date: what letters, maps and the site show.

Computed by the tracking module (policykb.track) from tracking data; never stored. Renderers take
a `Statuses` mapping and show nothing special for tasks missing from it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

State = Literal["未启动", "推进中", "已完成", "已销号"]
Light = Literal["red", "amber", "green"]

LIGHT_LABEL = {"red": "红灯", "amber": "黄灯", "green": "绿灯"}


@dataclass(frozen=True)
class TaskStatus:
    state: State
    light: Light
    overdue: bool = False
    reasons: tuple[str, ...] = field(default_factory=tuple)  # Chinese, shown to users
    detail: str = ""  # how far separate leads are, e.g. 1/2个牵头单位已启动

    @property
    def label(self) -> str:
        """The state as people read it: 推进中（1/2个牵头单位已启动）."""
        return f"{self.state}（{self.detail}）" if self.detail else self.state

    @property
    def done(self) -> bool:
        return self.state in ("已完成", "已销号")


# (document id, task number) -> status
Statuses = dict[tuple[str, int], TaskStatus]
