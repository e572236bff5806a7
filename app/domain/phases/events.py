"""Events of the day's phases and its clock."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..core.event_base import Event
from ..core.types import Phase


@dataclass(frozen=True)
class PhaseStarted(Event):
    """The session moved to a phase, with a countdown of `minutes` starting `at`."""

    type: ClassVar[str] = "phase-started"
    phase: Phase
    minutes: int
    at: float


@dataclass(frozen=True)
class ClockPaused(Event):
    """The trainer paused the countdown (and the meeting with it)."""

    type: ClassVar[str] = "clock-paused"
    at: float


@dataclass(frozen=True)
class ClockResumed(Event):
    """The countdown carries on from where it was paused."""

    type: ClassVar[str] = "clock-resumed"
    at: float
