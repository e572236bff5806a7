"""Rules for advancing simulated time."""

from __future__ import annotations

from .. import commands as c
from .. import events as ev
from ..core.errors import RuleViolation
from ..core.rule import Rule, on
from ..core.state import SessionState
from .model import PERIOD_MONTHS, VERSION


def advance_time(state: SessionState, cmd: c.AdvanceTime, ctx: c.Context) -> list[ev.Event]:
    if state.phase not in ("board", "debrief"):
        raise RuleViolation("Time moves on during or after the board meeting, once the board has set its budget.")
    return [ev.TimeAdvanced(cmd.period, PERIOD_MONTHS[cmd.period], ctx.now, VERSION)]


RULES: dict[str, Rule] = dict(
    [
        on(c.AdvanceTime, advance_time),
    ]
)
