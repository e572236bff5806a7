"""Events of the extra 10% round."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..core.event_base import Event
from ..core.types import DirectorateId, SeatId


@dataclass(frozen=True)
class TenPercentOpened(Event):
    """The trainer started the extra 10% round: each directorate names who should get 10% of its budget."""

    type: ClassVar[str] = "ten-percent-opened"
    at: float


@dataclass(frozen=True)
class TenPercentAnswered(Event):
    """A directorate named the directorate that should receive its extra 10%, and why. Kept from the
    rest of the room until the reveal."""

    type: ClassVar[str] = "ten-percent-answered"
    directorate: DirectorateId
    seat_id: SeatId
    recipient: DirectorateId
    reason: str


@dataclass(frozen=True)
class TenPercentRevealed(Event):
    """The answers were revealed together as a map of who depends on whom."""

    type: ClassVar[str] = "ten-percent-revealed"
    at: float
