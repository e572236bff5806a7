"""What a draft motion holds."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.types import MotionId, PairId, SeatId
from .events import DraftTerms


@dataclass(frozen=True)
class Draft:
    id: str
    pair_id: PairId
    motion: DraftTerms
    by: SeatId
    at: float
    tabled: MotionId | None = None  # the motion it became
    discarded: bool = False

    @property
    def open(self) -> bool:
        return self.tabled is None and not self.discarded
