"""The view: everything one viewer may see of a session (`app/domain/views.py`, `view_for`).

There is one model per kind of viewer, told apart by `viewer`. The trainer's session carries the shuffle seed
and the chair pick, which no other viewer may ever receive; only a seat's view has `me`.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from ..domain.stage.commands import Stage
from .base import Named, Phase, SeatRef, Wire
from .consequences import Consequences, Fund, Lever
from .debrief import Reflection
from .meeting import (
    AgendaItem,
    Announcement,
    CurrentAgendaItem,
    Floor,
    Motion,
    MotionKind,
    MotionTransfer,
    NewsItem,
    Strategy,
    TenPercent,
    Term,
)

RoleKind = Literal["director", "assistant", "member", "chair", "panel", "observer", "unplaced"]


class Session(Wire):
    code: str
    title: str
    area: str
    seq: int = Field(description="the sequence number of the latest event")
    phase: Phase
    phase_label: str
    minutes: int = Field(description="the phase's planned length")
    paused: bool
    ends_at: float
    remaining: float
    chair_title: str
    residents_title: str
    residents_mode: Literal["panel", "pairs"]
    shuffled: bool
    packs_open: bool
    current_item: str | None
    phase_version: int = Field(description="what a start-phase names as `phase_version`")
    item_version: int = Field(description="what an open-item names as `item_version`")
    doors_open: bool = Field(description="false once the trainer has closed the session to new people")
    now: float = Field(description="the server's clock when the view was built (seconds since 1970)")
    meeting: int = Field(description="1 for the first meeting of a series")
    previous: str | None = Field(description="the code of the meeting this one follows")
    follow_up: str | None = Field(description="the code of the meeting that follows this one, once started")
    real_roles: bool
    stage: Stage | None = Field(
        description="what the big screen shows, chosen by the trainer; null: it follows the phase"
    )


class Undoable(Wire):
    seq: int = Field(description="where the correction is in the log; `undo` may name it")
    what: str = Field(description="the correction in words, e.g. moving Asha into Housing")


class TrainerSession(Session):
    seed: int | None = Field(description="the shuffle's seed (trainer only)")
    chair_pick: str | None = Field(description="the seat chosen to chair, before the shuffle says so (trainer only)")
    undoable: Undoable | None = Field(description="the latest correction `undo` would reverse (trainer only)")


class SeatRow(Wire):
    id: str
    name: str
    agency: str
    agency_name: str
    pair_id: str | None
    role: RoleKind | None = Field(description="null until the shuffle")
    directorate: str | None
    title: str


class Pair(Wire):
    id: str
    seats: list[str]


class DirectorateRow(Wire):
    id: str
    name: str
    director_title: str
    assistant_title: str
    budget: int
    balance: int
    pair_id: str | None
    director: SeatRef | None
    assistant: SeatRef | None
    third_members: list[SeatRef] = Field(description="late arrivals seated in the pair as its third member")


class Indicator(Wire):
    id: str
    name: str
    unit: str
    baseline: float
    better: Literal["higher", "lower"]
    owner: str | None
    target: float | None


class ExportedCost(Wire):
    source: str
    target: str
    annual_cost: int
    because: str


class CarriedDecisionRow(Wire):
    """A decision an earlier meeting of the series carried, brought forward as a commitment."""

    meeting: int
    kind: MotionKind
    text: str
    directorate: str
    term: Term | None
    indicator: str | None
    value: float | None
    by: str | None


class Can(Wire):
    """What the seat's controls may offer now (the server still checks every command)."""

    propose: bool
    second: bool
    vote: bool
    chair: bool
    speak: bool
    answer_ten_percent: bool
    reflect: bool = Field(
        description="the seat took part in the meeting, so it gives a reflection at the debrief (observers do not)"
    )


class Notebook(Wire):
    """The seat's own pair's private notebook; no other viewer ever receives it."""

    pair_id: str
    text: str
    by: SeatRef | None = Field(description="who saved the page last (null until anyone writes)")
    at: float | None


class DraftTarget(Wire):
    indicator: str
    directorate: str
    value: float
    by: str


class Draft(Wire):
    """One of the seat's pair's draft motions (private to the pair); `tabled` names the motion it became."""

    id: str
    text: str
    kind: MotionKind | None
    term: Term | None
    target: DraftTarget | None
    transfer: MotionTransfer | None
    secret: bool
    lever: str | None
    by: SeatRef | None
    at: float
    tabled: str | None


class Me(Wire):
    seat_id: str
    name: str
    agency: str
    pair_id: str | None
    partner: SeatRef | None
    role: RoleKind | None
    directorate: str | None
    title: str
    can: Can
    notebook: Notebook | None = Field(description="the pair's notebook; null for a seat in no pair")
    drafts: list[Draft] = Field(description="the pair's draft motions, oldest first (discarded ones left out)")


class RemovedMe(Wire):
    """The trainer removed this seat."""

    seat_id: str
    removed: Literal[True]


class _View(Wire):
    agencies: list[Named]
    seats: list[SeatRow]
    pairs: list[Pair]
    chair: SeatRef | None
    directorates: list[DirectorateRow]
    indicators: list[Indicator]
    exported_costs: list[ExportedCost]
    ledger_total: int
    funds: list[Fund]
    levers: list[Lever]
    agenda: list[CurrentAgendaItem | AgendaItem]
    motions: list[Motion]
    strategy: Strategy
    floor: Floor
    injects: list[NewsItem]
    ten_percent: TenPercent
    announcement: Announcement | None
    quorum: int = Field(description="how many directorates must vote before a vote can close")
    consequences: Consequences
    carried: list[CarriedDecisionRow]
    reflection: Reflection


class TrainerView(_View):
    viewer: Literal["trainer"]
    session: TrainerSession


class ProjectorView(_View):
    viewer: Literal["projector"]
    session: Session


class SeatView(_View):
    viewer: Literal["seat"]
    session: Session
    me: Me | RemovedMe


View = Annotated[TrainerView | ProjectorView | SeatView, Field(discriminator="viewer")]

MODELS: dict[str, type[_View]] = {"trainer": TrainerView, "projector": ProjectorView, "seat": SeatView}
