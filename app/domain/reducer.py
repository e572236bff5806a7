"""apply(state, event) -> state. Never validates: every stored event applies, so old logs replay."""

from __future__ import annotations

from dataclasses import replace
from typing import Callable, Iterable

from . import events as ev
from .meeting_reducer import MEETING_HANDLERS
from .state import Clock, Seat, SessionState


def _created(_: SessionState | None, e: ev.SessionCreated) -> SessionState:
    ledger = {d.id: d.budget for d in e.scenario.directorates}
    return SessionState(
        code=e.code,
        scenario=e.scenario,
        created_at=e.at,
        ledger=ledger,
        agenda=e.scenario.agenda,
        clock=Clock("lobby", e.scenario.timings.get("lobby", 15), e.at),
    )


def _follow_up(s: SessionState, e: ev.FollowUpStarted) -> SessionState:
    seats = {c.seat_id: Seat(c.seat_id, c.name, c.agency, e.at) for c in e.seats}
    # Real-life roles are given, not shuffled: seed 0 marks the roles as settled so packs and phases open.
    return replace(
        s,
        previous=e.previous,
        meeting=e.meeting,
        seats=seats,
        pairs={p.id: p.seats for p in e.pairs},
        assignments={a.pair_id: a for a in e.assignments},
        seed=0,
        ledger=dict(e.ledger),
        carried=e.carried,
        agenda=(e.progress_item, *s.agenda),
    )


def _joined(s: SessionState, e: ev.SeatJoined) -> SessionState:
    return replace(s, seats={**s.seats, e.seat_id: Seat(e.seat_id, e.name, e.agency, e.at)})


def _removed(s: SessionState, e: ev.SeatRemoved) -> SessionState:
    seats = {k: v for k, v in s.seats.items() if k != e.seat_id}
    pairs = {p: tuple(x for x in members if x != e.seat_id) for p, members in s.pairs.items()}
    chair_pick = None if s.chair_pick == e.seat_id else s.chair_pick
    touched = s.pair_of(e.seat_id) is not None or s.chair == e.seat_id
    kept = {p: m for p, m in pairs.items() if m}
    if touched:
        return replace(s, seats=seats, pairs=kept, chair_pick=chair_pick, seed=None, assignments={}, chair=None)
    return replace(s, seats=seats, pairs=kept, chair_pick=chair_pick)


def _paired(s: SessionState, e: ev.PairsSet) -> SessionState:
    # New pairs make any earlier shuffle meaningless, so it is cleared and must be run again.
    return replace(s, pairs={p.id: p.seats for p in e.pairs}, seed=None, assignments={}, chair=None)


def _chair(s: SessionState, e: ev.ChairChosen) -> SessionState:
    return replace(s, chair_pick=e.seat_id, chair=e.seat_id if s.shuffled else None)


def _shuffled(s: SessionState, e: ev.RolesShuffled) -> SessionState:
    return replace(s, seed=e.seed, chair=e.chair, assignments={a.pair_id: a for a in e.assignments})


def _swapped(s: SessionState, e: ev.PairsSwapped) -> SessionState:
    a, b = s.assignments[e.first], s.assignments[e.second]
    return replace(
        s,
        assignments={
            **s.assignments,
            e.first: replace(a, directorate=b.directorate),
            e.second: replace(b, directorate=a.directorate),
        },
    )


def _phase(s: SessionState, e: ev.PhaseStarted) -> SessionState:
    board = e.phase == "board"
    return replace(
        s,
        clock=Clock(e.phase, e.minutes, e.at),
        current_item=s.current_item if board else None,
        item_clock=s.item_clock if board else None,
    )


def _paused(s: SessionState, e: ev.ClockPaused) -> SessionState:
    item = replace(s.item_clock, paused_at=e.at) if s.item_clock else None
    return replace(s, clock=replace(s.clock, paused_at=e.at), item_clock=item)


def _resume(c: Clock, at: float) -> Clock:
    held = at - c.paused_at if c.paused_at is not None else 0.0
    return replace(c, paused_at=None, paused_for=c.paused_for + held)


def _resumed(s: SessionState, e: ev.ClockResumed) -> SessionState:
    return replace(s, clock=_resume(s.clock, e.at), item_clock=_resume(s.item_clock, e.at) if s.item_clock else None)


_HANDLERS: dict[type, Callable] = {
    ev.SessionCreated: _created,
    ev.FollowUpStarted: _follow_up,
    ev.SeatJoined: _joined,
    ev.SeatRemoved: _removed,
    ev.PairsSet: _paired,
    ev.ChairChosen: _chair,
    ev.RolesShuffled: _shuffled,
    ev.PairsSwapped: _swapped,
    ev.PhaseStarted: _phase,
    ev.ClockPaused: _paused,
    ev.ClockResumed: _resumed,
    **MEETING_HANDLERS,
}


def apply(state: SessionState | None, event: ev.Event) -> SessionState:
    """Takes a state and one event, returns the state after it, with `seq` advanced by one."""
    new = _HANDLERS[type(event)](state, event)
    return replace(new, seq=(state.seq if state else 0) + 1)


def replay(events: Iterable[ev.Event]) -> SessionState | None:
    state: SessionState | None = None
    for event in events:
        state = apply(state, event)
    return state
