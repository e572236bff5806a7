"""Every fact a session can record, one frozen dataclass each.

Events are the source of truth: a session's state is the fold of its events
(`reducer.replay`). An event never fails to apply, so old logs always replay.
Each class's `type` is its stable name on the wire and in the database; its
docstring is its reference documentation.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from .types import AgencyId, Choice, DirectorateId, MotionId, PairId, Phase, SeatId


@dataclass(frozen=True)
class Event:
    type: ClassVar[str] = ""


# --- what a session is made from -------------------------------------------


@dataclass(frozen=True)
class DirectorateFacts:
    id: DirectorateId
    name: str
    director_title: str
    assistant_title: str
    budget: int


@dataclass(frozen=True)
class AgencyFacts:
    id: AgencyId
    name: str
    directorate: DirectorateId | None


@dataclass(frozen=True)
class AgendaFacts:
    id: str
    title: str
    kind: str
    minutes: int
    description: str = ""


@dataclass(frozen=True)
class InjectFacts:
    id: str
    title: str
    document: str


@dataclass(frozen=True)
class ScenarioFacts:
    """The parts of a scenario the rules need, copied into the log so a session
    replays the same way even after its pack changes."""

    id: str
    version: str
    title: str
    area: str
    chair_title: str
    residents_mode: str
    residents_title: str
    residents_max: int
    timings: dict[str, int]
    directorates: tuple[DirectorateFacts, ...]
    agencies: tuple[AgencyFacts, ...]
    agenda: tuple[AgendaFacts, ...]
    injects: tuple[InjectFacts, ...] = ()


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
    """The trainer released a news item from the scenario: from now on everyone can read its document."""

    type: ClassVar[str] = "inject-released"
    inject_id: str
    document: str
    title: str
    at: float


# --- the board meeting -------------------------------------------------------------


@dataclass(frozen=True)
class AgendaItemOpened(Event):
    """The chair or trainer opened an agenda item for discussion."""

    type: ClassVar[str] = "agenda-item-opened"
    item_id: str
    at: float


@dataclass(frozen=True)
class Transfer:
    source: DirectorateId
    target: DirectorateId
    amount: int
    reason: str


@dataclass(frozen=True)
class MotionProposed(Event):
    """A directorate put a motion: free text, or a budget transfer between directorates."""

    type: ClassVar[str] = "motion-proposed"
    motion_id: MotionId
    item_id: str | None
    text: str
    proposer: SeatId
    directorate: DirectorateId
    transfer: Transfer | None
    at: float


@dataclass(frozen=True)
class MotionSeconded(Event):
    """Another directorate seconded the motion, which opens the vote."""

    type: ClassVar[str] = "motion-seconded"
    motion_id: MotionId
    seconder: SeatId
    directorate: DirectorateId


@dataclass(frozen=True)
class MotionWithdrawn(Event):
    """The proposing directorate withdrew its motion before the vote closed."""

    type: ClassVar[str] = "motion-withdrawn"
    motion_id: MotionId


@dataclass(frozen=True)
class VoteCast(Event):
    """One directorate's vote on a motion, cast by either partner of the pair."""

    type: ClassVar[str] = "vote-cast"
    motion_id: MotionId
    directorate: DirectorateId
    seat_id: SeatId
    choice: Choice


@dataclass(frozen=True)
class VoteClosed(Event):
    """The chair closed the vote; `casting` is the chair's vote on a tie."""

    type: ClassVar[str] = "vote-closed"
    motion_id: MotionId
    votes_for: int
    votes_against: int
    abstentions: int
    casting: Choice | None
    carried: bool
    at: float
    note: str = ""


@dataclass(frozen=True)
class BudgetTransferred(Event):
    """Money moved between directorates in the corporate ledger, by a carried motion."""

    type: ClassVar[str] = "budget-transferred"
    motion_id: MotionId
    source: DirectorateId
    target: DirectorateId
    amount: int


EVENT_TYPES: dict[str, type[Event]] = {
    cls.type: cls
    for cls in (
        SessionCreated,
        SeatJoined,
        SeatRemoved,
        PairsSet,
        ChairChosen,
        RolesShuffled,
        PairsSwapped,
        PhaseStarted,
        ClockPaused,
        ClockResumed,
        InjectReleased,
        AgendaItemOpened,
        MotionProposed,
        MotionSeconded,
        MotionWithdrawn,
        VoteCast,
        VoteClosed,
        BudgetTransferred,
    )
}
