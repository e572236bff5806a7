"""Rules for the reflection."""

from __future__ import annotations

from .. import commands as c
from .. import events as ev
from ..core.errors import RuleViolation
from ..core.rule import Rule, on
from ..core.state import SessionState


def reflect(state: SessionState, cmd: c.Reflect, ctx: c.Context) -> list[ev.Event]:
    if state.phase != "debrief":
        raise RuleViolation("The reflection opens at the debrief.")
    if ctx.actor.kind != "seat":
        raise RuleViolation("Participants reflect on the partnership; the trainer reads the results.")
    return [ev.ReflectionGiven(ctx.actor.own_seat(), {f: r for f, r in cmd.ratings.items()}, cmd.comment)]


RULES: dict[str, Rule] = dict(
    [
        on(c.Reflect, reflect),
    ]
)
