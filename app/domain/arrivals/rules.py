"""Rules for seating a late arrival: only someone without a place, and nobody else moves."""

from __future__ import annotations

from .. import commands as c
from .. import events as ev
from ..core.errors import RuleViolation
from ..core.rule import Rule, on
from ..core.state import SessionState

PAIR_LIMIT = 3  # a pair and one late arrival


def _without_a_place(state: SessionState, seat_id: str) -> None:
    if seat_id not in state.seats:
        raise RuleViolation("There is no such person in this session.")
    if seat_id in (state.chair, state.chair_pick):
        raise RuleViolation("That person is chairing; choose another chair first.")
    if state.pair_of(seat_id) is not None:
        raise RuleViolation("That person is already in a pair; seat only someone without a place.")


def seat_third_member(state: SessionState, cmd: c.SeatThirdMember, ctx: c.Context) -> list[ev.Event]:
    if not state.shuffled:
        raise RuleViolation("Before the shuffle, put late arrivals into pairs with Move instead.")
    _without_a_place(state, cmd.seat_id)
    if cmd.pair_id not in state.assignments:
        raise RuleViolation("That pair holds no directorate; choose a pair from the list.")
    if len(state.pairs.get(cmd.pair_id, ())) >= PAIR_LIMIT:
        raise RuleViolation("That pair already has three people; choose another pair.")
    return [ev.ThirdMemberSeated(cmd.seat_id, cmd.pair_id)]


def seat_observer(state: SessionState, cmd: c.SeatObserver, ctx: c.Context) -> list[ev.Event]:
    _without_a_place(state, cmd.seat_id)
    if cmd.seat_id in state.observers:
        raise RuleViolation("That person is already observing.")
    return [ev.ObserverSeated(cmd.seat_id)]


RULES: dict[str, Rule] = dict(
    [
        on(c.SeatThirdMember, seat_third_member),
        on(c.SeatObserver, seat_observer),
    ]
)
