"""A pair's drafts as its own members see them."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from ..core.state import SessionState
from ..core.types import SeatId
from ..lobby.views import seat_ref


def drafts_view(state: SessionState, seat_id: SeatId) -> list[dict[str, Any]]:
    """The seat's pair's drafts not thrown away, oldest first (tabled ones name their motion)."""
    pair = state.pair_of(seat_id)
    rows = []
    for draft in state.drafts.values():
        if draft.pair_id != pair or draft.discarded:
            continue
        m = asdict(draft.motion)
        rows.append(
            {
                "id": draft.id,
                **m,
                "by": seat_ref(state, draft.by),
                "at": draft.at,
                "tabled": draft.tabled,
            }
        )
    return rows
