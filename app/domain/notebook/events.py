"""Events of the pair notebooks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..core.event_base import Event
from ..core.types import PairId, SeatId


@dataclass(frozen=True)
class NotebookWritten(Event):
    """A member of pair `pair_id` saved the pair's private notebook; `text` is the whole page. Only that pair's
    members ever receive it: not the trainer's screen, the projector, other seats or an anonymised record."""

    type: ClassVar[str] = "notebook-written"
    pair_id: PairId
    seat_id: SeatId
    text: str
    at: float
