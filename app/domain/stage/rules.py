"""Choosing what the big screen shows."""

from __future__ import annotations

from .. import commands as c
from .. import events as ev
from ..core.errors import RuleViolation
from ..core.rule import Rule, on
from ..core.state import SessionState


def set_stage(state: SessionState, cmd: c.SetStage, ctx: c.Context) -> list[ev.Event]:
    # A second press would only add a line to the record, so it is refused like any other no-op.
    if state.stage == cmd.stage:
        raise RuleViolation("The big screen already shows that.")
    return [ev.StageSet(cmd.stage)]


RULES: dict[str, Rule] = dict([on(c.SetStage, set_stage)])
