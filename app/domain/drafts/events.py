"""Events of draft motions. Like the notebook, they belong to one pair: only its members are shown them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..core.event_base import Event
from ..core.types import MotionId, PairId, SeatId
from ..ledger.events import Transfer
from ..motions.events import TargetTerms


@dataclass(frozen=True)
class DraftTerms:
    """A drafted motion: the fields `propose` takes, kept as written until the draft is tabled."""

    text: str
    kind: str | None = None
    term: str | None = None
    target: TargetTerms | None = None
    transfer: Transfer | None = None
    secret: bool = False
    lever: str | None = None


@dataclass(frozen=True)
class DraftWritten(Event):
    """A member of pair `pair_id` saved draft `draft_id`; `motion` holds the fields `propose` takes."""

    type: ClassVar[str] = "draft-written"
    draft_id: str
    pair_id: PairId
    seat_id: SeatId
    motion: DraftTerms
    at: float


@dataclass(frozen=True)
class DraftTabled(Event):
    """A member of the pair tabled the draft at the meeting: the motion-proposed event that follows is it."""

    type: ClassVar[str] = "draft-tabled"
    draft_id: str
    pair_id: PairId
    seat_id: SeatId
    motion_id: MotionId
    at: float


@dataclass(frozen=True)
class DraftDiscarded(Event):
    """A member of the pair threw the draft away."""

    type: ClassVar[str] = "draft-discarded"
    draft_id: str
    pair_id: PairId
    seat_id: SeatId
    at: float
