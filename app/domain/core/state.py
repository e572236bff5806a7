"""A session's state: what the fold of its events says is true now, and questions about it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from ..consequences.state import Round, Stocks
from ..core.event_base import AgencyFacts, AgendaFacts, DirectorateFacts, ScenarioFacts
from ..core.types import RESIDENT, AgencyId, DirectorateId, MotionId, PairId, Phase, SeatId
from ..drafts.state import Draft
from ..floor.state import Floor, Release, WrittenInject
from ..follow_up.events import CarriedDecision
from ..motions.state import Motion
from ..notebook.state import NotebookPage
from ..shuffle.events import Assignment
from ..ten_percent.state import TenPercent
from ..undo.state import Correction


@dataclass(frozen=True)
class Seat:
    id: SeatId
    name: str
    agency: AgencyId
    joined_at: float


@dataclass(frozen=True)
class Clock:
    """A phase's countdown. Pauses push the deadline back by however long they lasted."""

    phase: Phase = "lobby"
    minutes: int = 0
    started_at: float = 0.0
    paused_at: float | None = None
    paused_for: float = 0.0

    def ends_at(self, now: float) -> float:
        pausing = (now - self.paused_at) if self.paused_at is not None else 0.0
        return self.started_at + self.minutes * 60 + self.paused_for + pausing

    def remaining(self, now: float) -> float:
        return max(0.0, self.ends_at(now) - now)


@dataclass(frozen=True)
class Role:
    """What a seat plays: a directorate's director or assistant (or a late arrival seated as a pair's third
    `member`), the chair, the residents' panel, an observer, or nothing yet."""

    kind: Literal["director", "assistant", "member", "chair", "panel", "observer", "unplaced"]
    directorate: DirectorateId | None = None


@dataclass(frozen=True)
class SessionState:
    code: str
    scenario: ScenarioFacts
    created_at: float
    seq: int = 0
    seats: dict[SeatId, Seat] = field(default_factory=dict)
    pairs: dict[PairId, tuple[SeatId, ...]] = field(default_factory=dict)
    chair_pick: SeatId | None = None
    doors_open: bool = True  # the trainer closes them so that nobody new can join
    seed: int | None = None
    assignments: dict[PairId, Assignment] = field(default_factory=dict)
    chair: SeatId | None = None
    clock: Clock = Clock()
    agenda: tuple[AgendaFacts, ...] = ()
    current_item: str | None = None
    # The seq of the event that started the running phase / last changed the open item: a trainer's command
    # names the version its screen showed, so a second screen acting on the same moment is refused.
    phase_version: int = 0
    item_version: int = 0
    item_clock: Clock | None = None
    motions: dict[MotionId, Motion] = field(default_factory=dict)
    ledger: dict[DirectorateId, int] = field(default_factory=dict)
    released: dict[str, Release] = field(default_factory=dict)  # inject document id -> when and to whom
    written: dict[str, WrittenInject] = field(default_factory=dict)
    announcement: tuple[str, float] | None = None
    floor: Floor = Floor()
    ten_percent: TenPercent = TenPercent()
    stage: str | None = None  # what the big screen shows; None: it follows the phase
    rounds: tuple[Round, ...] = ()  # each time time moved on
    carried_stocks: Stocks | None = None  # where the last meeting left the neighbourhood, for a follow-up
    opening_ledger: dict[DirectorateId, int] | None = None  # a follow-up's ledger when it opened
    reflections: dict[SeatId, tuple[dict[str, int], str]] = field(default_factory=dict)
    # What the room is shown of the reflections: a sorted snapshot, taken only once enough people have changed
    # something since the last one (see debrief.reducer), so no single answer shows up on its own.
    reflection_summary: tuple[tuple[dict[str, int], str], ...] = ()
    reflection_pending: frozenset[SeatId] = frozenset()
    previous: str | None = None  # the code of the meeting this one follows
    meeting: int = 1
    carried: tuple[CarriedDecision, ...] = ()
    notebooks: dict[PairId, NotebookPage] = field(default_factory=dict)  # private to each pair
    drafts: dict[str, Draft] = field(default_factory=dict)  # draft motions, private to each pair
    observers: frozenset[SeatId] = frozenset()  # late arrivals who see only what is public
    follow_up: str | None = None  # the code of the meeting that follows this one, once the trainer starts it
    corrections: tuple[Correction, ...] = ()  # reversible corrections, latest last (see app/domain/undo)
    muted: int = 0  # compensating events still to come from an undo, which are not corrections themselves

    @property
    def phase(self) -> Phase:
        return self.clock.phase

    @property
    def shuffled(self) -> bool:
        return self.seed is not None

    def directorate(self, directorate_id: DirectorateId) -> DirectorateFacts | None:
        return next((d for d in self.scenario.directorates if d.id == directorate_id), None)

    def agency(self, agency_id: AgencyId) -> AgencyFacts | None:
        return next((a for a in self.scenario.agencies if a.id == agency_id), None)

    def facts_of(self, directorate_id: DirectorateId) -> DirectorateFacts:
        """A directorate known to be in the scenario (its id came from the state, or the rules checked it)."""
        found = self.directorate(directorate_id)
        if found is None:
            raise KeyError(f"no directorate {directorate_id!r} in this scenario")
        return found

    def agency_facts(self, agency_id: AgencyId) -> AgencyFacts:
        """An agency known to be in the scenario (a seat's agency, checked when it joined)."""
        found = self.agency(agency_id)
        if found is None:
            raise KeyError(f"no agency {agency_id!r} in this scenario")
        return found

    def pair_of(self, seat_id: SeatId) -> PairId | None:
        return next((p for p, seats in self.pairs.items() if seat_id in seats), None)

    def holder(self, directorate_id: DirectorateId) -> Assignment | None:
        return next((a for a in self.assignments.values() if a.directorate == directorate_id), None)

    def role_of(self, seat_id: SeatId) -> Role:
        if seat_id == self.chair:
            return Role("chair")
        for a in self.assignments.values():
            if seat_id == a.director:
                return Role("director", a.directorate)
            if seat_id == a.assistant:
                return Role("assistant", a.directorate)
        held = self.assignments.get(self.pair_of(seat_id) or "")
        if held is not None:
            return Role("member", held.directorate)
        if seat_id in self.observers:
            return Role("observer")
        seat = self.seats.get(seat_id)
        # At a follow-up meeting residents come in their real role, on the panel, whatever the game did with them.
        panel = self.scenario.residents_mode == "panel" or self.previous is not None
        if self.shuffled and seat and seat.agency == RESIDENT and panel:
            return Role("panel")
        return Role("unplaced")

    def packs_open(self) -> bool:
        return self.shuffled and self.phase != "lobby"

    def reader_keys(self, seat_id: SeatId) -> set[str]:
        """The audience names a seat belongs to, for matching a document's `visible_to`."""
        if not self.packs_open():
            return set()
        role = self.role_of(seat_id)
        keys = {"everyone"}
        if role.directorate:
            keys.add(role.directorate)
        if role.kind == "chair":
            keys.add("chair")
        if role.kind == "panel":
            keys.add("residents")
        return keys

    def can_read(self, seat_id: SeatId, document_id: str, section: str, visible_to: Sequence[str]) -> bool:
        """News items stay hidden until the trainer releases them (to everyone or to chosen seats);
        everything else follows its audience."""
        if section == "inject":
            release = self.released.get(document_id)
            if release is None or (release.to and seat_id not in release.to):
                return False
        return bool(self.reader_keys(seat_id).intersection(visible_to))

    def agenda_item(self, item_id: str | None) -> AgendaFacts | None:
        return next((item for item in self.agenda if item.id == item_id), None)

    def held_directorates(self) -> list[DirectorateId]:
        return [a.directorate for a in self.assignments.values()]

    def voter_directorate(self, seat_id: SeatId) -> DirectorateId | None:
        """The directorate a seat may vote for: either partner, or the director alone if the scenario says so."""
        role = self.role_of(seat_id)
        if role.directorate is None or (self.scenario.votes_by == "director" and role.kind != "director"):
            return None
        return role.directorate

    def seats_sharing_role(self, seat_id: SeatId) -> set[SeatId]:
        pair = self.pair_of(seat_id)
        return set(self.pairs.get(pair, ())) if pair else {seat_id}
