"""Events of the meeting floor: agenda items, hands and speakers, announcements and news."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..core.event_base import AgendaFacts, Event
from ..core.types import SeatId


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
class AgendaItemOpened(Event):
    """The chair or trainer opened an agenda item for discussion; its timebox starts now."""

    type: ClassVar[str] = "agenda-item-opened"
    item_id: str
    at: float


@dataclass(frozen=True)
class AgendaItemAdded(Event):
    """The trainer added an item to the agenda at `position` (0 is first)."""

    type: ClassVar[str] = "agenda-item-added"
    item: AgendaFacts
    position: int


@dataclass(frozen=True)
class AgendaItemEdited(Event):
    """The trainer changed an item's title, kind, timebox or description."""

    type: ClassVar[str] = "agenda-item-edited"
    item: AgendaFacts


@dataclass(frozen=True)
class AgendaItemMoved(Event):
    """The trainer moved an item to `position` (0 is first)."""

    type: ClassVar[str] = "agenda-item-moved"
    item_id: str
    position: int


@dataclass(frozen=True)
class InjectReleased(Event):
    """The trainer released a news item from the scenario; from now on its audience can read its document.
    `to` lists the seats that receive it (empty: everyone)."""

    type: ClassVar[str] = "inject-released"
    inject_id: str
    document: str
    title: str
    at: float
    to: tuple[SeatId, ...] = ()
