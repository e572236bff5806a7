"""The parts of a session's state that belong to the board meeting: motions, the floor, news, the 10% round."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .events import TargetTerms, Transfer
from .types import Choice, DirectorateId, MotionId, SeatId

MotionStatus = Literal["proposed", "voting", "carried", "lost", "withdrawn", "out_of_order", "void"]
OPEN_STATUSES = ("proposed", "voting")


@dataclass(frozen=True)
class Ballot:
    choice: Choice
    seat_id: SeatId


@dataclass(frozen=True)
class Amendment:
    id: str
    seat_id: SeatId
    directorate: DirectorateId
    text: str
    transfer: Transfer | None
    target: TargetTerms | None
    at: float
    status: Literal["pending", "accepted", "declined"] = "pending"


@dataclass(frozen=True)
class Motion:
    id: MotionId
    item_id: str | None
    text: str
    proposer: SeatId
    directorate: DirectorateId
    transfer: Transfer | None
    at: float
    kind: str = "free"
    term: str | None = None
    target: TargetTerms | None = None
    secret: bool = False
    status: MotionStatus = "proposed"
    seconder: SeatId | None = None
    seconded_by: DirectorateId | None = None
    ballots: dict[DirectorateId, Ballot] = field(default_factory=dict)
    casting: Choice | None = None
    note: str = ""
    amendments: tuple[Amendment, ...] = ()
    moved_money: bool = False

    @property
    def open(self) -> bool:
        return self.status in OPEN_STATUSES


@dataclass(frozen=True)
class Floor:
    """Who has the floor, who is waiting (in order), and how often each seat has spoken."""

    queue: tuple[SeatId, ...] = ()
    speaking: SeatId | None = None
    contributions: dict[SeatId, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Release:
    at: float
    to: tuple[SeatId, ...] = ()


@dataclass(frozen=True)
class WrittenInject:
    id: str
    title: str
    text: str
    to: tuple[SeatId, ...]
    at: float


@dataclass(frozen=True)
class TenPercentAnswer:
    recipient: DirectorateId
    reason: str
    seat_id: SeatId


@dataclass(frozen=True)
class TenPercent:
    status: Literal["not_started", "open", "revealed"] = "not_started"
    answers: dict[DirectorateId, TenPercentAnswer] = field(default_factory=dict)
