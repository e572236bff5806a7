"""How lobby events change the session: creation, seats, pairs, the chair, moves into roles."""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from .. import events as ev
from ..core.state import Clock, Seat, SessionState


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


def _seat_moved(s: SessionState, e: ev.SeatMoved) -> SessionState:
    target = s.assignments[e.pair_id]
    taken = target.director if e.position == "director" else target.assistant
    old_pair = s.pair_of(e.seat_id)
    old = s.assignments.get(old_pair) if old_pair else None
    assignments = dict(s.assignments)
    pairs = {p: tuple(x for x in seats if x != e.seat_id) for p, seats in s.pairs.items()}
    if old is not None:  # whoever is displaced takes the mover's old place
        slot = "director" if old.director == e.seat_id else "assistant"
        assignments[old_pair] = replace(old, **{slot: taken})
    assignments[e.pair_id] = replace(assignments[e.pair_id], **{e.position: e.seat_id})
    for pair_id in {old_pair, e.pair_id} - {None}:
        held = _promote(assignments[pair_id])
        assignments[pair_id] = held
        pairs[pair_id] = tuple(x for x in (held.director, held.assistant) if x)
    kept = {p: a for p, a in assignments.items() if a.director}
    return replace(s, assignments=kept, pairs={p: m for p, m in pairs.items() if m})


def _promote(a: ev.Assignment) -> ev.Assignment:
    """A pair left without a director is led by its assistant."""
    return replace(a, director=a.assistant, assistant=None) if a.director is None else a


HANDLERS: dict[type, Callable] = {
    ev.SeatMoved: _seat_moved,
    ev.SessionCreated: _created,
    ev.SeatJoined: _joined,
    ev.SeatRemoved: _removed,
    ev.PairsSet: _paired,
    ev.ChairChosen: _chair,
}
