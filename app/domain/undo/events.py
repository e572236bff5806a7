"""Events of undoing a correction, and the compensating events that have no other command behind them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..core.event_base import Event
from ..core.types import MotionId, SeatId
from ..lobby.events import PairSpec
from ..shuffle.events import Assignment


@dataclass(frozen=True)
class CorrectionUndone(Event):
    """The trainer undid the correction recorded at `undone_seq` (`what` says which); the `events` events that
    follow reverse it. The correction itself stays in the record."""

    type: ClassVar[str] = "correction-undone"
    undone_seq: int
    what: str
    events: int
    at: float


@dataclass(frozen=True)
class SeatingRestored(Event):
    """Pairs, roles and observers went back to what they were before a seating correction."""

    type: ClassVar[str] = "seating-restored"
    pairs: tuple[PairSpec, ...]
    assignments: tuple[Assignment, ...]
    observers: tuple[SeatId, ...]


@dataclass(frozen=True)
class AgendaItemRemoved(Event):
    """An item added to the agenda was taken off again."""

    type: ClassVar[str] = "agenda-item-removed"
    item_id: str


@dataclass(frozen=True)
class NewsWithdrawn(Event):
    """A news item was taken back: a released scenario item (`document`) or one written on the spot (`inject_id`)."""

    type: ClassVar[str] = "news-withdrawn"
    inject_id: str
    document: str
    written: bool


@dataclass(frozen=True)
class MotionRestored(Event):
    """A voided motion's decision stands again, with its earlier status and note."""

    type: ClassVar[str] = "motion-restored"
    motion_id: MotionId
    status: str
    note: str
