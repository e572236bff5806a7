"""How a follow-up meeting's start sets up the session."""

from __future__ import annotations

from dataclasses import replace

from .. import events as ev
from ..core.fold import Fold, on
from ..core.state import Seat, SessionState


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
        opening_ledger=dict(e.ledger),
        carried_stocks=e.stocks,
        carried=e.carried,
        agenda=(e.progress_item, *s.agenda),
        chair=e.chair,
        chair_pick=e.chair,
        observers=frozenset(e.observers),
    )


def _opened(s: SessionState, e: ev.FollowUpOpened) -> SessionState:
    return replace(s, follow_up=e.code)


HANDLERS: dict[type[ev.Event], Fold] = dict(
    [
        on(ev.FollowUpStarted, _follow_up),
        on(ev.FollowUpOpened, _opened),
    ]
)
