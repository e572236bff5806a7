"""Rules for the reflection."""

from __future__ import annotations

from .. import commands as c
from .. import events as ev
from ..core.errors import RuleViolation
from ..core.rule import Rule, on
from ..core.state import SessionState
from ..core.types import SeatId

# Who took part in the board meeting: a pair's members, the chair and the residents' panel. An observer (a
# colleague or an evaluator) watched, and someone never seated did not take part, so neither reflects on it.
REFLECTING_ROLES = frozenset({"director", "assistant", "member", "chair", "panel"})


def may_reflect(state: SessionState, seat_id: SeatId) -> bool:
    """True when the seat took part in the meeting, so its reflection counts."""
    seat = state.seats.get(seat_id)
    if seat is None:
        return False
    kind = state.role_of(seat_id).kind
    if kind == "unplaced" and state.previous is not None:
        # At a follow-up people from an agency without a directorate come as themselves (follow_up.plan).
        agency = state.agency(seat.agency)
        return agency is not None and agency.directorate is None
    return kind in REFLECTING_ROLES


def reflect(state: SessionState, cmd: c.Reflect, ctx: c.Context) -> list[ev.Event]:
    if state.phase != "debrief":
        raise RuleViolation("The reflection opens at the debrief.")
    if ctx.actor.kind != "seat":
        raise RuleViolation("Participants reflect on the partnership; the trainer reads the results.")
    seat = ctx.actor.own_seat()
    if seat in state.observers:
        raise RuleViolation(
            "Observers watch the meeting, so they do not give a reflection; the results show the participants' answers."
        )
    if not may_reflect(state, seat):
        raise RuleViolation(
            "Only the people who took part in the board meeting give a reflection, and you were not given a place in it."
        )
    return [ev.ReflectionGiven(seat, {f: r for f, r in cmd.ratings.items()}, cmd.comment)]


RULES: dict[str, Rule] = dict(
    [
        on(c.Reflect, reflect),
    ]
)
