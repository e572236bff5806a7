"""The event recording one person's reflection."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..core.event_base import Event
from ..core.types import SeatId


@dataclass(frozen=True)
class ReflectionGiven(Event):
    """A participant rated the partnership on the features of effective partnership (1 to 5) at the debrief.
    Never shown one by one: the room sees only the totals."""

    type: ClassVar[str] = "reflection-given"
    seat_id: SeatId
    ratings: dict[str, int]
    comment: str
