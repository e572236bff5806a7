"""Rules for the doors and for removing several seats at once."""

from __future__ import annotations

from .. import commands as c
from .. import events as ev
from ..core.errors import RuleViolation
from ..core.rule import Rule, on
from ..core.state import SessionState
from ..lobby.rules import remove_seat


def set_doors(state: SessionState, cmd: c.SetDoors, ctx: c.Context) -> list[ev.Event]:
    if state.doors_open == cmd.open:
        raise RuleViolation(f"The doors are already {'open' if cmd.open else 'closed'}.")
    return [ev.DoorsSet(cmd.open)]


def remove_seats(state: SessionState, cmd: c.RemoveSeats, ctx: c.Context) -> list[ev.Event]:
    """All or nothing: each seat is checked as a single removal would be, before any is removed."""
    chosen = list(dict.fromkeys(cmd.seat_ids))
    if any(seat not in state.seats for seat in chosen):
        raise RuleViolation("Some of the chosen people are no longer in this session; choose again.")
    return [e for seat in chosen for e in remove_seat(state, c.RemoveSeat(seat_id=seat), ctx)]


RULES: dict[str, Rule] = dict(
    [
        on(c.SetDoors, set_doors),
        on(c.RemoveSeats, remove_seats),
    ]
)
