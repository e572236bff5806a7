"""apply(state, event) -> state. Never validates: every stored event applies, so old logs replay."""

from __future__ import annotations

from dataclasses import replace
from typing import Callable, Iterable

from . import events as ev
from .state import Ballot, Clock, Motion, Seat, SessionState


def _created(_: SessionState | None, e: ev.SessionCreated) -> SessionState:
    ledger = {d.id: d.budget for d in e.scenario.directorates}
    return SessionState(code=e.code, scenario=e.scenario, created_at=e.at, ledger=ledger,
                        clock=Clock("lobby", e.scenario.timings.get("lobby", 15), e.at))


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
    return replace(s, assignments={
        **s.assignments,
        e.first: replace(a, directorate=b.directorate),
        e.second: replace(b, directorate=a.directorate),
    })


def _phase(s: SessionState, e: ev.PhaseStarted) -> SessionState:
    current = s.current_item if e.phase == "board" else None
    return replace(s, clock=Clock(e.phase, e.minutes, e.at), current_item=current)


def _paused(s: SessionState, e: ev.ClockPaused) -> SessionState:
    return replace(s, clock=replace(s.clock, paused_at=e.at))


def _resumed(s: SessionState, e: ev.ClockResumed) -> SessionState:
    c = s.clock
    held = e.at - c.paused_at if c.paused_at is not None else 0.0
    return replace(s, clock=replace(c, paused_at=None, paused_for=c.paused_for + held))


def _released(s: SessionState, e: ev.InjectReleased) -> SessionState:
    return replace(s, released={**s.released, e.document: e.at})


def _opened(s: SessionState, e: ev.AgendaItemOpened) -> SessionState:
    return replace(s, current_item=e.item_id)


def _with_motion(s: SessionState, motion: Motion) -> SessionState:
    return replace(s, motions={**s.motions, motion.id: motion})


def _proposed(s: SessionState, e: ev.MotionProposed) -> SessionState:
    return _with_motion(s, Motion(e.motion_id, e.item_id, e.text, e.proposer, e.directorate, e.transfer, e.at))


def _seconded(s: SessionState, e: ev.MotionSeconded) -> SessionState:
    m = s.motions[e.motion_id]
    return _with_motion(s, replace(m, status="voting", seconder=e.seconder, seconded_by=e.directorate))


def _withdrawn(s: SessionState, e: ev.MotionWithdrawn) -> SessionState:
    return _with_motion(s, replace(s.motions[e.motion_id], status="withdrawn"))


def _voted(s: SessionState, e: ev.VoteCast) -> SessionState:
    m = s.motions[e.motion_id]
    return _with_motion(s, replace(m, ballots={**m.ballots, e.directorate: Ballot(e.choice, e.seat_id)}))


def _closed(s: SessionState, e: ev.VoteClosed) -> SessionState:
    m = s.motions[e.motion_id]
    status = "carried" if e.carried else "lost"
    return _with_motion(s, replace(m, status=status, casting=e.casting, note=e.note))


def _transferred(s: SessionState, e: ev.BudgetTransferred) -> SessionState:
    ledger = dict(s.ledger)
    ledger[e.source] = ledger.get(e.source, 0) - e.amount
    ledger[e.target] = ledger.get(e.target, 0) + e.amount
    return replace(s, ledger=ledger)


_HANDLERS: dict[type, Callable] = {
    ev.SessionCreated: _created,
    ev.SeatJoined: _joined,
    ev.SeatRemoved: _removed,
    ev.PairsSet: _paired,
    ev.ChairChosen: _chair,
    ev.RolesShuffled: _shuffled,
    ev.PairsSwapped: _swapped,
    ev.PhaseStarted: _phase,
    ev.ClockPaused: _paused,
    ev.ClockResumed: _resumed,
    ev.InjectReleased: _released,
    ev.AgendaItemOpened: _opened,
    ev.MotionProposed: _proposed,
    ev.MotionSeconded: _seconded,
    ev.MotionWithdrawn: _withdrawn,
    ev.VoteCast: _voted,
    ev.VoteClosed: _closed,
    ev.BudgetTransferred: _transferred,
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
