"""Events of setting a session up: creation, arrival, pairing, the shuffle, phases and the clock."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..types import AgencyId, DirectorateId, PairId, Phase, SeatId
from .base import AgendaFacts, Event, ScenarioFacts


@dataclass(frozen=True)
class SessionCreated(Event):
    """A trainer created a session from a scenario; `code` is what participants type to join."""

    type: ClassVar[str] = "session-created"
    code: str
    scenario: ScenarioFacts
    at: float


# --- the lobby ----------------------------------------------------------------


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
class Assignment:
    pair_id: PairId
    directorate: DirectorateId
    director: SeatId
    assistant: SeatId | None


@dataclass(frozen=True)
class RolesShuffled(Event):
    """Each pair was given a directorate that is not its own agency's; `seed` reproduces it."""

    type: ClassVar[str] = "roles-shuffled"
    seed: int
    assignments: tuple[Assignment, ...]
    chair: SeatId | None


@dataclass(frozen=True)
class CarriedSeat:
    seat_id: SeatId
    name: str
    agency: AgencyId


@dataclass(frozen=True)
class CarriedDecision:
    """A decision the board carried at an earlier meeting, brought forward as a commitment."""

    meeting: int
    kind: str
    text: str
    directorate: DirectorateId
    term: str | None = None
    indicator: str | None = None
    value: float | None = None
    by: str | None = None


@dataclass(frozen=True)
class FollowUpStarted(Event):
    """This session follows an earlier one: the same people in their real-life roles (no shuffle), with the
    ledger and the decisions that board carried brought forward, and progress as the first agenda item."""

    type: ClassVar[str] = "follow-up-started"
    previous: str
    meeting: int
    seats: tuple[CarriedSeat, ...]
    pairs: tuple[PairSpec, ...]
    assignments: tuple[Assignment, ...]
    ledger: dict[DirectorateId, int]
    carried: tuple[CarriedDecision, ...]
    progress_item: AgendaFacts
    at: float


@dataclass(frozen=True)
class PairsSwapped(Event):
    """The trainer swapped the directorates of two pairs after the shuffle."""

    type: ClassVar[str] = "pairs-swapped"
    first: PairId
    second: PairId


# --- time -----------------------------------------------------------------------


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
