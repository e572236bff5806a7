"""A pair's notebook as its own members see it; nobody else is ever given it."""

from __future__ import annotations

from typing import Any

from .. import events as ev
from ..core.state import SessionState
from ..core.types import PairId, SeatId


def notebook_view(state: SessionState, seat_id: SeatId) -> dict[str, Any] | None:
    """The seat's own pair's page (empty until someone writes), or None for a seat in no pair."""
    pair = state.pair_of(seat_id)
    if pair is None or not state.shuffled:  # before the shuffle the pairs are the trainer's to change
        return None
    page = state.notebooks.get(pair)
    if page is None:
        return {"pair_id": pair, "text": "", "by": None, "at": None}
    by = state.seats.get(page.by)
    return {"pair_id": pair, "text": page.text, "by": {"id": by.id, "name": by.name} if by else None, "at": page.at}


PRIVATE_EVENTS = (ev.NotebookWritten, ev.DraftWritten, ev.DraftTabled, ev.DraftDiscarded)


def is_private_to_pair(event: ev.Event) -> bool:
    """Whether only the members of one pair may ever be shown this event."""
    return isinstance(event, PRIVATE_EVENTS)


def private_pair(event: ev.Event) -> PairId | None:
    return getattr(event, "pair_id", None)
