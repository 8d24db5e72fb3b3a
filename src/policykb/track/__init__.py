"""Tracking: what has been done about each task, and what is due, late or overdue on any day.

The API the renderers and the CLI use:
  load_tracking(policies, kb=None) -> Tracking          tracking files, checked (empty when none)
  statuses(pg, tracking, as_of) -> policykb.status.Statuses
  obligations(pg, tracking, as_of, doc=None) -> [Obligation]   plans, reports, completion, per lead
  charts.indicator_svg(indicator, values, as_of=None, *, first_year) -> str
  versions.diff(repo, rev1, rev2, policies="policies") -> PolicyDiff
"""
from __future__ import annotations

from .load import Tracking, answering_units, load_tracking, read_tracking
from .status import Obligation, by_lead_unit, obligations, statuses, unit_states

__all__ = ["Tracking", "answering_units", "load_tracking", "read_tracking", "Obligation", "by_lead_unit",
           "obligations", "statuses", "unit_states"]
