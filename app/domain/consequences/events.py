"""The event recording that simulated time moved on."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..core.event_base import Event


@dataclass(frozen=True)
class TimeAdvanced(Event):
    """The trainer moved the neighbourhood on by a quarter or a year: the consequences model works out
    what the decisions as they stand now do over that time (`model.py`). `model` says which version of the
    model works it out; events recorded before versions existed decode as version 1 and replay with it."""

    type: ClassVar[str] = "time-advanced"
    period: str  # "quarter" or "year"
    months: int
    at: float
    model: int = 1
