"""Events of late arrivals."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..core.event_base import Event
from ..core.types import PairId, SeatId


@dataclass(frozen=True)
class ThirdMemberSeated(Event):
    """The trainer added a late arrival to pair `pair_id` as its third member: they read the pair's pack, write
    in its notebook and may vote for its directorate; nobody else moved."""

    type: ClassVar[str] = "third-member-seated"
    seat_id: SeatId
    pair_id: PairId


@dataclass(frozen=True)
class ObserverSeated(Event):
    """The trainer made a participant an observer (a colleague or an evaluator): they see only what is public."""

    type: ClassVar[str] = "observer-seated"
    seat_id: SeatId
