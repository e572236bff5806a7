"""Events of draft motions. Like the notebook, they belong to one pair: only its members are shown them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from ..core.event_base import Event
from ..core.types import MotionId, PairId, SeatId


@dataclass(frozen=True)
class DraftWritten(Event):
    """A member of pair `pair_id` saved draft `draft_id`; `motion` holds the fields `propose` takes."""

    type: ClassVar[str] = "draft-written"
    draft_id: str
    pair_id: PairId
    seat_id: SeatId
    motion: dict[str, Any]
    at: float


@dataclass(frozen=True)
class DraftTabled(Event):
    """A member of the pair tabled the draft at the meeting: the motion-proposed event that follows is it."""

    type: ClassVar[str] = "draft-tabled"
    draft_id: str
    pair_id: PairId
    seat_id: SeatId
    motion_id: MotionId
    at: float


@dataclass(frozen=True)
class DraftDiscarded(Event):
    """A member of the pair threw the draft away."""

    type: ClassVar[str] = "draft-discarded"
    draft_id: str
    pair_id: PairId
    seat_id: SeatId
    at: float
