"""Returning to real life: the next meeting of the same people, each in their own agency's role, carrying
forward what the board agreed."""

from __future__ import annotations

from .. import events as ev
from ..consequences.history import latest_stocks
from ..core.state import SessionState
from ..core.types import RESIDENT

PROGRESS_ITEM = ev.AgendaFacts(
    "progress",
    "Progress against the targets we agreed",
    "targets",
    20,
    "Each directorate reports on the targets and commitments carried from the last meeting: what has moved, "
    "what has not, and what the others could do to help.",
)


def real_life_pairs(state: SessionState) -> tuple[tuple[ev.PairSpec, ...], tuple[ev.Assignment, ...]]:
    """Pairs everyone from an agency that runs a directorate into that directorate, in join order; the first
    is its director, the second its assistant, any more its third members. The chair and observers keep
    those roles; residents sit on the panel; people from agencies without a directorate come as themselves."""
    by_directorate: dict[str, list[str]] = {}
    for seat in sorted(state.seats.values(), key=lambda s: s.joined_at):
        if seat.id == state.chair or seat.id in state.observers:
            continue
        agency = state.agency(seat.agency) if seat.agency != RESIDENT else None
        if agency is not None and agency.directorate:
            by_directorate.setdefault(agency.directorate, []).append(seat.id)
    pairs, assignments = [], []
    for number, (directorate, seats) in enumerate(by_directorate.items(), start=1):
        members = tuple(seats)
        pairs.append(ev.PairSpec(f"p{number}", members))
        assignments.append(
            ev.Assignment(f"p{number}", directorate, members[0], members[1] if len(members) > 1 else None)
        )
    return tuple(pairs), tuple(assignments)


def carried_decisions(state: SessionState) -> tuple[ev.CarriedDecision, ...]:
    """Everything carried at this meeting that still stands, after what earlier meetings carried."""
    fresh = []
    for m in state.motions.values():
        if m.status != "carried":
            continue
        target = m.target
        fresh.append(
            ev.CarriedDecision(
                state.meeting,
                m.kind,
                m.text,
                m.directorate,
                m.term,
                target.indicator if target else None,
                target.value if target else None,
                target.by if target else None,
                m.lever,
            )
        )
    return state.carried + tuple(fresh)


def plan(state: SessionState, at: float) -> ev.FollowUpStarted:
    """Takes a finished (or finishing) session; returns the event that starts its follow-up meeting."""
    pairs, assignments = real_life_pairs(state)
    seats = tuple(
        ev.CarriedSeat(s.id, s.name, s.agency) for s in sorted(state.seats.values(), key=lambda s: s.joined_at)
    )
    return ev.FollowUpStarted(
        state.code,
        state.meeting + 1,
        seats,
        pairs,
        assignments,
        dict(state.ledger),
        carried_decisions(state),
        PROGRESS_ITEM,
        at,
        latest_stocks(state),
        chair=state.chair if state.chair in state.seats else None,
        observers=tuple(sorted(state.observers & set(state.seats))),
    )
