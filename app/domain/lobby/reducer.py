"""How lobby events change the session: creation, seats, pairs, the chair, moves into roles."""

from __future__ import annotations

from dataclasses import replace

from .. import events as ev
from ..core.fold import Fold, on, on_start
from ..core.state import Clock, Seat, SessionState
from ..core.types import PairId, SeatId


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
    observers = s.observers - {e.seat_id}
    if touched:
        return replace(
            s,
            seats=seats,
            pairs=kept,
            chair_pick=chair_pick,
            seed=None,
            assignments={},
            chair=None,
            observers=observers,
        )
    return replace(s, seats=seats, pairs=kept, chair_pick=chair_pick, observers=observers)


def _paired(s: SessionState, e: ev.PairsSet) -> SessionState:
    # New pairs make any earlier shuffle meaningless, so it is cleared and must be run again.
    return replace(s, pairs={p.id: p.seats for p in e.pairs}, seed=None, assignments={}, chair=None)


def _chair(s: SessionState, e: ev.ChairChosen) -> SessionState:
    observers = s.observers - {e.seat_id} if e.seat_id else s.observers
    return replace(s, chair_pick=e.seat_id, chair=e.seat_id if s.shuffled else None, observers=observers)


def _seat_moved(s: SessionState, e: ev.SeatMoved) -> SessionState:
    slots: dict[PairId, tuple[SeatId | None, SeatId | None]] = {
        p: (a.director, a.assistant) for p, a in s.assignments.items()
    }
    # Third members (late arrivals) stay where they are unless they are the one moving.
    extras = {p: [x for x in s.pairs.get(p, ()) if x not in slots[p] and x != e.seat_id] for p in slots}
    director, assistant = slots[e.pair_id]
    taken = director if e.position == "director" else assistant
    old_pair = s.pair_of(e.seat_id)
    pairs = {p: tuple(x for x in seats if x != e.seat_id) for p, seats in s.pairs.items()}
    touched = {e.pair_id}
    if old_pair is not None and old_pair in slots:  # whoever is displaced takes the mover's old place
        director, assistant = slots[old_pair]
        if e.seat_id in (director, assistant):
            slots[old_pair] = (taken, assistant) if director == e.seat_id else (director, taken)
        elif taken:  # the mover was a third member, so the displaced person becomes one
            extras[old_pair].append(taken)
        touched.add(old_pair)
    director, assistant = slots[e.pair_id]
    slots[e.pair_id] = (e.seat_id, assistant) if e.position == "director" else (director, e.seat_id)
    assignments = dict(s.assignments)
    for pair_id in touched:
        director, assistant = slots[pair_id]
        if director is None:  # a pair left without a director is led by its assistant
            director, assistant = assistant, None
        others = tuple(x for x in extras[pair_id] if x not in (director, assistant))
        if director is None and others:  # ... or, failing that, by its third member
            director, others = others[0], others[1:]
        pairs[pair_id] = tuple(x for x in (director, assistant) if x) + others
        if director:
            assignments[pair_id] = replace(assignments[pair_id], director=director, assistant=assistant)
        else:
            del assignments[pair_id]
    kept = {p: m for p, m in pairs.items() if m}
    return replace(s, assignments=assignments, pairs=kept, observers=s.observers - {e.seat_id})


HANDLERS: dict[type[ev.Event], Fold] = dict(
    [
        on(ev.SeatMoved, _seat_moved),
        on_start(ev.SessionCreated, _created),
        on(ev.SeatJoined, _joined),
        on(ev.SeatRemoved, _removed),
        on(ev.PairsSet, _paired),
        on(ev.ChairChosen, _chair),
    ]
)
