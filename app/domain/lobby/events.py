"""Events of the lobby: the session is created, people join or leave, pairs and the chair are set, someone moves role."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..core.event_base import Event, ScenarioFacts
from ..core.types import AgencyId, PairId, SeatId


@dataclass(frozen=True)
class SessionCreated(Event):
    """A trainer created a session from a scenario; `code` is what participants type to join."""

    type: ClassVar[str] = "session-created"
    code: str
    scenario: ScenarioFacts
    at: float


@dataclass(frozen=True)
class SeatJoined(Event):
    """A participant joined with a display name and their real-life agency (or 'resident')."""

    type: ClassVar[str] = "seat-joined"
    seat_id: SeatId
    name: str
    agency: AgencyId
    at: float


@dataclass(frozen=True)
class SeatRemoved(Event):
    """The trainer removed a seat from the roster (someone joined twice, or left)."""

    type: ClassVar[str] = "seat-removed"
    seat_id: SeatId


@dataclass(frozen=True)
class PairSpec:
    id: PairId
    seats: tuple[SeatId, ...]


@dataclass(frozen=True)
class PairsSet(Event):
    """The pairing of seats changed, automatically by agency or by hand. Lists every pair."""

    type: ClassVar[str] = "pairs-set"
    pairs: tuple[PairSpec, ...]
    automatic: bool


@dataclass(frozen=True)
class ChairChosen(Event):
    """The trainer chose who will chair the board as managing director (None: the trainer chairs)."""

    type: ClassVar[str] = "chair-chosen"
    seat_id: SeatId | None


@dataclass(frozen=True)
class SeatMoved(Event):
    """The trainer moved a participant into a directorate's pair as director or assistant;
    whoever held that place takes the mover's old place (or none, if the mover had none)."""

    type: ClassVar[str] = "seat-moved"
    seat_id: SeatId
    pair_id: PairId
    position: str  # "director" or "assistant"
