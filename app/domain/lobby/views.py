"""How a seat is referred to in views: its id, name and role."""

from __future__ import annotations

from typing import Any

from ..core.state import SessionState
from ..core.types import SeatId


def seat_ref(state: SessionState, seat_id: SeatId | None) -> dict[str, Any] | None:
    seat = state.seats.get(seat_id) if seat_id else None
    return {"id": seat.id, "name": seat.name} if seat else None
