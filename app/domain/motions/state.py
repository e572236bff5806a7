"""Motions, their amendments and their ballots, as the state holds them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..core.types import Choice, DirectorateId, MotionId, SeatId
from ..ledger.events import Transfer
from ..motions.events import TargetTerms

AmendmentStatus = Literal["pending", "accepted", "declined"]


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
    status: AmendmentStatus = "pending"


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
    lever: str | None = None
    status: MotionStatus = "proposed"
    seconder: SeatId | None = None
    seconded_by: DirectorateId | None = None
    ballots: dict[DirectorateId, Ballot] = field(default_factory=dict)
    casting: Choice | None = None
    result: tuple[int, int, int] | None = None  # (for, against, abstentions) as counted when the vote closed
    note: str = ""
    amendments: tuple[Amendment, ...] = ()
    moved_money: bool = False
    version: int = 0  # the seq of the last event that changed the motion, votes aside (see motions.reducer)

    @property
    def open(self) -> bool:
        return self.status in OPEN_STATUSES
