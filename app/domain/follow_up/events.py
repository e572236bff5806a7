"""Events of a follow-up meeting: the same people in their real roles, carrying forward what was agreed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..consequences.state import Stocks
from ..core.event_base import AgendaFacts, Event
from ..core.types import AgencyId, DirectorateId, SeatId
from ..lobby.events import PairSpec
from ..shuffle.events import Assignment


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
    lever: str | None = None  # the lever or pooled-fund purpose a strategy motion named


@dataclass(frozen=True)
class FollowUpStarted(Event):
    """This session follows an earlier one: the same people in their real-life roles (no shuffle): each
    directorate's agency holds it (a third person or more as its third members), the chair chairs again,
    residents sit on the panel and observers observe; with the ledger and the decisions that board carried brought forward, and progress as the first agenda item."""

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
    stocks: Stocks | None = None  # where the consequences model left the neighbourhood (None before version 2)
    chair: SeatId | None = None  # the last meeting's chair chairs again (None in logs from before it did)
    observers: tuple[SeatId, ...] = ()  # the last meeting's observers observe again


@dataclass(frozen=True)
class FollowUpOpened(Event):
    """The trainer started this meeting's follow-up, session `code`: every page of this meeting points there,
    and its people's seats let them straight in."""

    type: ClassVar[str] = "follow-up-opened"
    code: str
    at: float
