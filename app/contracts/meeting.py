"""The board meeting as views show it: agenda, motions, the corporate strategy, the floor, news and the 10% round
(`app/domain/floor/views.py`, `motions/views.py`, `ten_percent/views.py`)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import SeatRef, Wire

ItemKind = Literal["objectives", "targets", "strategies", "budget", "free"]
MotionKind = Literal["objective", "target", "transfer", "strategy", "free"]
Term = Literal["short", "medium", "long"]
MotionStatus = Literal["proposed", "voting", "carried", "lost", "withdrawn", "out_of_order", "void"]
Choice = Literal["for", "against", "abstain"]
Voice = Literal["resident", "chair", "director", "assistant", "other"]


class AgendaItem(Wire):
    id: str
    title: str
    kind: ItemKind
    minutes: int
    description: str
    current: bool


class CurrentAgendaItem(AgendaItem):
    """The open item, with its timebox."""

    current: Literal[True]
    ends_at: float
    remaining: float


class MotionTransfer(Wire):
    source: str
    target: str
    amount: int
    reason: str
    addresses: str = Field(description='"source>target" of the exported cost the transfer is meant to cut, or ""')


class MotionTarget(Wire):
    indicator: str
    indicator_name: str
    unit: str
    baseline: float | None
    directorate: str
    value: float
    by: str


class Tally(Wire):
    for_: int = Field(alias="for")
    against: int
    abstain: int


class Amendment(Wire):
    id: str
    directorate: str
    by: SeatRef | None
    text: str
    transfer: MotionTransfer | None
    target: MotionTarget | None
    status: Literal["pending", "accepted", "declined"]


class Motion(Wire):
    id: str
    item_id: str | None
    kind: MotionKind
    term: Term | None
    text: str
    status: MotionStatus
    at: float
    directorate: str
    proposer: SeatRef | None
    seconded_by: str | None
    seconder: SeatRef | None
    transfer: MotionTransfer | None
    target: MotionTarget | None
    secret: bool
    lever: str | None = Field(description="the lever or fund purpose the motion pulls, if any")
    ballots: dict[str, Choice | Literal["voted"]] = Field(
        description='directorate to choice; in a secret ballot "voted", except your own directorate\'s'
    )
    voted: int
    version: int = Field(description="what a close-vote names as `motion_version`; votes leave it unchanged")
    tied: bool | None = Field(description="null while a secret ballot is open, for everyone (the chair included)")
    tally: Tally | None = Field(description="null while a secret ballot is open: a running count gives votes away")
    casting: Choice | None
    note: str
    amendments: list[Amendment]


class StrategyEntry(Wire):
    motion_id: str
    text: str
    directorate: str
    lever: str | None


class TargetEntry(StrategyEntry):
    target: MotionTarget | None


class TransferEntry(StrategyEntry):
    transfer: MotionTransfer | None


class Objectives(Wire):
    short: list[StrategyEntry]
    medium: list[StrategyEntry]
    long: list[StrategyEntry]


class Strategy(Wire):
    """The corporate strategy: every carried motion that still stands, sorted into its parts."""

    objectives: Objectives
    targets: list[TargetEntry]
    transfers: list[TransferEntry]
    strategies: list[StrategyEntry]
    resolutions: list[StrategyEntry]


class Person(SeatRef):
    voice: Voice
    directorate: str | None


class Contribution(Person):
    count: int


class Floor(Wire):
    speaking: Person | None
    queue: list[Person]
    contributions: list[Contribution]
    by_voice: dict[Voice, int]


class NewsItem(Wire):
    id: str
    title: str
    document: str = Field(description="read it with GET /api/sessions/{code}/documents/{document}")
    written: bool
    released_at: float | None = Field(description="null (trainer only) for news not yet released")
    to: list[str] = Field(description="seat ids it went to; empty: everyone")


class TenPercentAnswer(Wire):
    directorate: str
    recipient: str
    reason: str


class TenPercent(Wire):
    status: Literal["not_started", "open", "revealed"]
    answered: list[str]
    answers: list[TenPercentAnswer] = Field(description="all for the trainer and after the reveal; else your own")


class Announcement(Wire):
    text: str
    at: float
