"""The debrief's data: the participants' reflection (in every view) and the minutes
(`app/domain/debrief/views.py`, `app/domain/debrief/minutes.py`)."""

from __future__ import annotations

from pydantic import Field

from .base import Wire
from .consequences import Round
from .meeting import Contribution, Motion, Strategy


class FeatureTotals(Wire):
    """One feature of partnership working, rated 1 to 5; totals only once enough people have answered."""

    id: str
    label: str
    answers: int | None
    average: float | None
    counts: list[int] | None = Field(description="how many gave each score, 1 to 5")


class OwnReflection(Wire):
    ratings: dict[str, int]
    comment: str


class Reflection(Wire):
    count: int
    enough: int = Field(description="answers needed before any totals are shown")
    shown: bool
    waiting: int = Field(
        description="people whose new or changed answers wait for the next update of the totals, which comes "
        "once `enough` people have answered or changed since the last (so no single answer shows up alone)"
    )
    features: list[FeatureTotals]
    comments: list[str] = Field(description="in alphabetical order, never attributed")
    mine: OwnReflection | None


class Attendee(Wire):
    name: str
    organisation: str
    role: str


class TimelineEntry(Wire):
    at: float
    text: str


class MinutedMotion(Motion):
    """A motion's story from proposal to result; `ballots` names directorates, and is empty for a secret ballot."""

    number: str
    result: str
    original_text: str
    terms: list[str] = Field(description="the transfer or target as agreed, in words: pounds, names and units")
    proposer_directorate: str
    seconder_directorate: str


class MinutedItem(Wire):
    title: str
    opened_at: float | None
    motions: list[MinutedMotion]


class MinutedTransfer(Wire):
    motion: str
    text: str


class LedgerLine(Wire):
    directorate: str
    start: int
    end: int


class Minutes(Wire):
    title: str
    area: str
    code: str
    created_at: float
    chair: str
    attendance: list[Attendee]
    timeline: list[TimelineEntry]
    items: list[MinutedItem]
    transfers: list[MinutedTransfer]
    ledger: list[LedgerLine]
    strategy: Strategy
    outcomes: list[Round] = Field(description="the latest round of consequences, if time was advanced")
    speaking: list[Contribution]
