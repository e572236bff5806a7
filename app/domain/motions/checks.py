"""Checks for motions: that a motion exists, and that a target's terms make sense."""

from __future__ import annotations

from .. import commands as c
from .. import events as ev
from ..core.errors import RuleViolation
from ..core.state import SessionState
from ..motions.state import Motion


def motion_of(state: SessionState, motion_id: str) -> Motion:
    motion = state.motions.get(motion_id)
    if motion is None:
        raise RuleViolation("There is no such motion.")
    return motion


def check_target(state: SessionState, t: c.TargetTermsIn) -> ev.TargetTerms:
    indicator = next((i for i in state.scenario.indicators if i.id == t.indicator), None)
    if indicator is None:
        raise RuleViolation(f"There is no indicator '{t.indicator}' in this scenario; choose one from the list.")
    if state.directorate(t.directorate) is None:
        raise RuleViolation("A target must name one of the board's directorates.")
    return ev.TargetTerms(t.indicator, t.directorate, t.value, t.by)
