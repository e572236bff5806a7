"""Events of motions and votes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..core.event_base import Event
from ..core.types import Choice, DirectorateId, MotionId, SeatId
from ..ledger.events import Transfer


@dataclass(frozen=True)
class TargetTerms:
    indicator: str
    directorate: DirectorateId
    value: float
    by: str


@dataclass(frozen=True)
class MotionProposed(Event):
    """A directorate put a motion: an objective (with its term), a departmental target, a budget
    transfer, a strategy, or free text. `secret` motions are decided by secret ballot."""

    type: ClassVar[str] = "motion-proposed"
    motion_id: MotionId
    item_id: str | None
    text: str
    proposer: SeatId
    directorate: DirectorateId
    transfer: Transfer | None
    at: float
    kind: str = ""  # objective, target, transfer, strategy or free; empty in logs older than the kinds
    term: str | None = None  # short, medium or long, for an objective
    target: TargetTerms | None = None
    secret: bool = False
    lever: str | None = None  # a strategy motion's lever or pooled-fund purpose, from the pack


@dataclass(frozen=True)
class AmendmentProposed(Event):
    """A directorate proposed changing a motion's wording or terms before the vote."""

    type: ClassVar[str] = "amendment-proposed"
    motion_id: MotionId
    amendment_id: str
    seat_id: SeatId
    directorate: DirectorateId
    text: str
    transfer: Transfer | None
    target: TargetTerms | None
    at: float


@dataclass(frozen=True)
class AmendmentDecided(Event):
    """The proposing directorate accepted an amendment (the motion now reads as amended) or declined it."""

    type: ClassVar[str] = "amendment-decided"
    motion_id: MotionId
    amendment_id: str
    accepted: bool


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
class MotionRuledOut(Event):
    """The chair ruled the motion out of order, with a reason."""

    type: ClassVar[str] = "motion-ruled-out"
    motion_id: MotionId
    reason: str


@dataclass(frozen=True)
class BallotChanged(Event):
    """The chair made the motion's ballot secret or named, before anyone voted."""

    type: ClassVar[str] = "ballot-changed"
    motion_id: MotionId
    secret: bool


@dataclass(frozen=True)
class VoteCast(Event):
    """One directorate's vote on a motion, cast by a partner of the pair; a later one replaces it."""

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
class MotionVoided(Event):
    """The trainer corrected a mistake: the motion's decision no longer stands. Nothing is deleted;
    the correction and its reason are part of the record and the minutes."""

    type: ClassVar[str] = "motion-voided"
    motion_id: MotionId
    reason: str
    at: float
