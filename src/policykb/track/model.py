"""Tracking data as kept in YAML beside each policy: dated events per task, actual indicator values.

    policies/<doc>/tracking/tasks/NNN.yaml     events of one task (plan, report, update, state, extension, note)
    policies/<doc>/tracking/indicators.yaml    actual values of the policy's indicators, by year

Events are facts with dates; a task's status on any day is computed from them (see status.py).
"""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, Union

from pydantic import Field

from ..model import Strict

TRACKING_DIR = "tracking"
TASKS_DIR = "tasks"
INDICATORS_FILE = "indicators.yaml"
TASK_SCHEMA = "tracking-task"
INDICATORS_SCHEMA = "tracking-indicators"

STATES = ("未启动", "推进中", "已完成", "已销号")  # in the order work moves through them
State = Literal["未启动", "推进中", "已完成", "已销号"]

_UNIT = "分别牵头的任务写明是哪个牵头单位；其他任务可省略"


class _Event(Strict):
    date: dt.date = Field(description="日期（YYYY-MM-DD）")
    unit: str | None = Field(default=None, description=_UNIT)


class PlanEvent(_Event):
    """实施方案已出台."""
    type: Literal["plan"]
    doc_number: str | None = Field(default=None, description="文号，如 湘扶办发〔2016〕12号")
    title: str | None = None


class ReportEvent(_Event):
    """年度落实情况已报送省扶贫办."""
    type: Literal["report"]
    year: int = Field(ge=2000, le=2100, description="报送的是哪一年的落实情况")
    summary: str = Field(min_length=1, description="年度落实情况")
    problems: str | None = Field(default=None, description="存在问题")
    next_year: str | None = Field(default=None, description="下一年度工作安排")
    evidence: list[str] = Field(default=[], description="佐证材料（文件名、文号或链接）")


class UpdateEvent(_Event):
    """进展已报送：每月、每季度等定期报送的进展（年度落实情况用 report）."""
    type: Literal["update"]
    summary: str = Field(min_length=1, description="报送的进展")
    evidence: list[str] = Field(default=[], description="佐证材料（文件名、文号或链接）")


class StateEvent(_Event):
    """状态变更."""
    type: Literal["state"]
    state: State
    by: str | None = Field(default=None, description="认定单位，如 省扶贫办（销号时写明）")


class ExtensionEvent(_Event):
    """时限延期：原定 original 的时限改为 new."""
    type: Literal["extension"]
    original: dt.date = Field(description="原定日期")
    new: dt.date = Field(description="延期后的日期")
    reason: str = Field(min_length=1)
    approved_by: str = Field(min_length=1, description="批准单位")


class NoteEvent(_Event):
    type: Literal["note"]
    text: str = Field(min_length=1)


Event = Annotated[Union[PlanEvent, ReportEvent, UpdateEvent, StateEvent, ExtensionEvent, NoteEvent],
                  Field(discriminator="type")]


class TaskTrackingFile(Strict):
    """policies/<doc>/tracking/tasks/NNN.yaml"""
    task: int = Field(ge=1, description="任务序号，与文件名一致")
    events: list[Event] = []


class IndicatorValue(Strict):
    year: int = Field(ge=2000, le=2100)
    value: float = Field(allow_inf_nan=False)
    source: str = Field(min_length=1, description="数据出处，如 省统计局2017年统计公报")
    date: dt.date | None = Field(default=None, description="数据发布或填报日期")
    note: str | None = None


class IndicatorValues(Strict):
    id: str = Field(description="指标标识，与 indicators.yaml 一致")
    values: list[IndicatorValue] = []


class IndicatorsTrackingFile(Strict):
    """policies/<doc>/tracking/indicators.yaml"""
    indicators: list[IndicatorValues] = []
