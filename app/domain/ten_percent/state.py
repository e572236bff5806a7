"""The extra 10% round's answers, as the state holds them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..core.types import DirectorateId, SeatId


@dataclass(frozen=True)
class TenPercentAnswer:
    recipient: DirectorateId
    reason: str
    seat_id: SeatId


@dataclass(frozen=True)
class TenPercent:
    status: Literal["not_started", "open", "revealed"] = "not_started"
    answers: dict[DirectorateId, TenPercentAnswer] = field(default_factory=dict)
