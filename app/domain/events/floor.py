"""Events of the meeting floor: who speaks, what the trainer releases or announces, the extra 10% round."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..types import DirectorateId, PairId, SeatId
from .base import Event


@dataclass(frozen=True)
class HandRaised(Event):
    """A participant asked to speak and joined the end of the queue."""

    type: ClassVar[str] = "hand-raised"
    seat_id: SeatId
    at: float


@dataclass(frozen=True)
class HandLowered(Event):
    """A participant left the speakers' queue (or the chair took them off it)."""

    type: ClassVar[str] = "hand-lowered"
    seat_id: SeatId


@dataclass(frozen=True)
class SpeakerCalled(Event):
    """The chair gave the floor to a participant; it counts as one contribution for the record."""

    type: ClassVar[str] = "speaker-called"
    seat_id: SeatId
    at: float


@dataclass(frozen=True)
class SpeakerFinished(Event):
    """The current speaker finished."""

    type: ClassVar[str] = "speaker-finished"
    seat_id: SeatId
    at: float


@dataclass(frozen=True)
class Announced(Event):
    """The trainer broadcast an announcement to every screen."""

    type: ClassVar[str] = "announced"
    text: str
    at: float


@dataclass(frozen=True)
class InjectWritten(Event):
    """The trainer wrote a news item on the spot; `to` lists the seats that receive it (empty: everyone)."""

    type: ClassVar[str] = "inject-written"
    inject_id: str
    title: str
    text: str
    to: tuple[SeatId, ...]
    at: float


@dataclass(frozen=True)
class SeatMoved(Event):
    """The trainer moved a participant into a directorate's pair as director or assistant;
    whoever held that place takes the mover's old place (or none, if the mover had none)."""

    type: ClassVar[str] = "seat-moved"
    seat_id: SeatId
    pair_id: PairId
    position: str  # "director" or "assistant"


@dataclass(frozen=True)
class TimeAdvanced(Event):
    """The trainer moved the neighbourhood on by a quarter or a year: the consequences model works out
    what the budgets as they stand now do over that time (`consequences.py`)."""

    type: ClassVar[str] = "time-advanced"
    period: str  # "quarter" or "year"
    months: int
    at: float


@dataclass(frozen=True)
class ReflectionGiven(Event):
    """A participant rated the partnership on the features of effective partnership (1 to 5) at the debrief.
    Never shown one by one: the room sees only the totals."""

    type: ClassVar[str] = "reflection-given"
    seat_id: SeatId
    ratings: dict[str, int]
    comment: str


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
