"""What a pair's notebook holds: its latest text, who saved it and when."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.types import SeatId


@dataclass(frozen=True)
class NotebookPage:
    text: str
    by: SeatId
    at: float
