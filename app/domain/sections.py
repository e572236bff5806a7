"""A view cut into its named top-level sections, each built once per change and shared.

`view_for` builds every part afresh for one viewer. A session publishes to
every screen after every command, and most parts are the same for everyone
(the agenda, the ledger, the consequences) or change rarely (a seat's news).
Most sections are the same for every viewer (`SHARED`: put together once per
update); the others (`PERSONAL`) say which viewers see the same value (their
audience). Each section says which parts of the state it is built from (what
it reads); `Sections` keeps the last value of each section for each audience
and builds it again only when what it reads has changed. A value built again that equals the last is replaced by
the last, so an unchanged section is the very same object from one update to
the next: comparing sections is then mostly an identity check.

Values are shared between viewers and between updates: nobody may change them.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from .consequences.views import consequences_inputs, consequences_view, fund_rows
from .core.state import SessionState
from .debrief.views import reflection_view
from .floor.views import agenda_view, floor_view, news_view
from .lobby.views import seat_ref
from .motions.views import motion_view, strategy_view
from .motions.voting import quorum
from .ten_percent.views import ten_percent_view
from .views import (
    TRAINER,
    Viewer,
    agencies_view,
    carried_view,
    directorates_view,
    exported_costs_view,
    indicators_view,
    levers_view,
    me_view,
    pairs_shown,
    pairs_view,
    seats_view,
    session_view,
)

Reads = Callable[[SessionState, float], tuple[Any, ...]]


@dataclass(frozen=True)
class Who:
    """A viewer, with what decides which personal sections it shares with others."""

    viewer: Viewer
    own: str | None  # the directorate the seat holds
    pairs_shown: bool

    @classmethod
    def of(cls, state: SessionState, viewer: Viewer) -> Who:
        own = state.role_of(viewer.seat_id).directorate if viewer.seat_id else None
        return cls(viewer, own, pairs_shown(state, viewer))


@dataclass(frozen=True)
class Section:
    name: str
    build: Callable[[SessionState, Who, float], Any]
    # Viewers for whom this gives the same key see the same value.
    audience: Callable[[Who], Hashable]
    # The parts of the state (and the time) the value is built from; same parts, same value.
    reads: Reads
    # Whether `reads` looks at the time: the same state at another moment changes only these.
    ticks: bool = False


def _fields(*names: str) -> Reads:
    return lambda state, now: tuple(getattr(state, n) for n in names)


def _everyone(who: Who) -> Hashable:
    return None


def _agenda_reads(state: SessionState, now: float) -> tuple[Any, ...]:
    ticking = state.item_clock is not None and state.current_item is not None
    return (state.agenda, state.current_item, state.item_clock, now if ticking else None)


def _consequences_reads(state: SessionState, now: float) -> tuple[Any, ...]:
    return consequences_inputs(state)


def _announcement(state: SessionState) -> dict[str, Any] | None:
    return {"text": state.announcement[0], "at": state.announcement[1]} if state.announcement else None


def _shared(name: str, build: Callable[[SessionState, float], Any], reads: Reads, ticks: bool = False) -> Section:
    return Section(name, lambda s, w, now: build(s, now), _everyone, reads, ticks)


# Who a seat is and what it may do depends on these.
ROLE_FIELDS = ("seats", "pairs", "assignments", "chair", "seed", "scenario", "observers", "previous")

SHARED: tuple[Section, ...] = (
    _shared("agencies", lambda s, now: agencies_view(s), _fields("scenario")),
    _shared("chair", lambda s, now: seat_ref(s, s.chair), _fields("chair", "seats")),
    _shared("directorates", lambda s, now: directorates_view(s), _fields(*ROLE_FIELDS, "ledger")),
    _shared("indicators", lambda s, now: indicators_view(s), _fields("scenario")),
    _shared("exported_costs", lambda s, now: exported_costs_view(s), _fields("scenario")),
    _shared("ledger_total", lambda s, now: sum(s.ledger.values()), _fields("ledger")),
    _shared("funds", lambda s, now: fund_rows(s), _fields("scenario", "ledger", "motions", "carried")),
    _shared("levers", lambda s, now: levers_view(s), _fields("scenario")),
    _shared("agenda", agenda_view, _agenda_reads, ticks=True),
    _shared("strategy", lambda s, now: strategy_view(s), _fields("motions", "scenario")),
    _shared("floor", lambda s, now: floor_view(s), _fields("floor", *ROLE_FIELDS)),
    _shared("announcement", lambda s, now: _announcement(s), _fields("announcement")),
    _shared("quorum", lambda s, now: quorum(s), _fields("assignments")),
    _shared("consequences", lambda s, now: consequences_view(s), _consequences_reads),
    _shared("carried", lambda s, now: carried_view(s), _fields("carried")),
)

PERSONAL: tuple[Section, ...] = (
    Section("viewer", lambda s, w, now: w.viewer.kind, lambda w: w.viewer.kind, lambda s, now: ()),
    # The clock ticks: built for every update (once for the trainer, once for everyone else).
    Section(
        "session",
        lambda s, w, now: session_view(s, w.viewer, now),
        lambda w: w.viewer.kind == TRAINER,
        lambda s, now: (s, now),
        ticks=True,
    ),
    # Before the shuffle the pairs are the trainer's alone.
    Section("seats", lambda s, w, now: seats_view(s, w.pairs_shown), lambda w: w.pairs_shown, _fields(*ROLE_FIELDS)),
    Section("pairs", lambda s, w, now: pairs_view(s, w.pairs_shown), lambda w: w.pairs_shown, _fields("pairs")),
    Section(
        "motions",
        lambda s, w, now: [motion_view(s, m, w.own) for m in s.motions.values()],
        lambda w: w.own,
        _fields("motions", "seats", "scenario"),
    ),
    Section(
        "injects",
        lambda s, w, now: news_view(s, w.viewer.kind, w.viewer.seat_id),
        lambda w: w.viewer.key,
        _fields("scenario", "released", "written"),
    ),
    Section(
        "ten_percent",
        lambda s, w, now: ten_percent_view(s, w.viewer.kind, w.own),
        lambda w: (w.viewer.kind == TRAINER, w.own),
        _fields("ten_percent"),
    ),
    Section(
        "reflection",
        lambda s, w, now: reflection_view(s, w.viewer.seat_id if w.viewer.kind == "seat" else None),
        lambda w: w.viewer.seat_id if w.viewer.kind == "seat" else None,
        _fields("reflections", "reflection_summary", "reflection_pending"),
    ),
)
# Only a seat has this one.
ME = Section(
    "me",
    lambda s, w, now: me_view(s, w.viewer.seat_id) if w.viewer.seat_id else None,
    lambda w: w.viewer.seat_id,
    _fields(*ROLE_FIELDS, "clock", "ten_percent", "notebooks", "drafts"),
)
EVERY = (*SHARED, *PERSONAL, ME)
TICKING = tuple(section for section in EVERY if section.ticks)


def _same(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    return len(a) == len(b) and all(x is y or (type(x) is type(y) and x == y) for x, y in zip(a, b, strict=True))


def _reuse(kept: Any, value: Any) -> Any:
    """`value`, with each item (of a list) or member (of an object) that equals the kept value's at the same
    place replaced by the kept one: the agenda rows a ticking clock leaves alone, the seats a join leaves alone,
    are held once however many screens were sent them, and compare by identity in the next patch."""
    if type(kept) is list and type(value) is list:
        shared = [old if _alike(old, new) else new for old, new in zip(kept, value, strict=False)]
        return shared + value[len(kept) :]  # items past the end of the kept list are new
    if type(kept) is dict and type(value) is dict:
        return {name: kept[name] if name in kept and _alike(kept[name], new) else new for name, new in value.items()}
    return value


def _alike(old: Any, new: Any) -> bool:
    return type(old) is type(new) and old == new


class Sections:
    """One session's sections, kept for each audience between updates (not thread-safe: one per session, used
    under its lock)."""

    def __init__(self) -> None:
        self._kept: dict[tuple[str, Hashable], tuple[int, Any]] = {}  # (section, audience) -> generation, value
        self._reads: dict[str, tuple[tuple[Any, ...], int]] = {}  # section -> what it read last, its generation
        self._update: tuple[SessionState, float, dict[str, int]] | None = None
        self._motions: dict[tuple[str, str | None], tuple[Any, Any, Any, dict[str, Any]]] = {}
        self._shared: tuple[SessionState, float, dict[str, Any]] | None = None

    def view(self, state: SessionState, viewer: Viewer, now: float) -> dict[str, Any]:
        """Takes what `view_for` takes; returns the same view, made of shared sections."""
        return self.shared(state, now) | self.personal(state, viewer, now)

    def shared(self, state: SessionState, now: float) -> dict[str, Any]:
        """The sections every viewer sees alike: one dict for each update, the very same dict as the last
        update's if none of them changed."""
        if self._shared is not None and self._shared[0] is state and self._shared[1] == now:
            return self._shared[2]
        who, generations = Who(Viewer(TRAINER), None, True), self._generations(state, now)  # nobody in particular
        parts = {section.name: self._section(section, state, who, now, generations) for section in SHARED}
        last = self._shared[2] if self._shared is not None else {}
        if len(last) == len(parts) and all(last.get(name) is value for name, value in parts.items()):
            parts = last
        self._shared = (state, now, parts)
        return parts

    def personal(self, state: SessionState, viewer: Viewer, now: float) -> dict[str, Any]:
        """The sections that depend on who is looking."""
        who, generations = Who.of(state, viewer), self._generations(state, now)
        parts = {section.name: self._section(section, state, who, now, generations) for section in PERSONAL}
        if viewer.kind == "seat" and viewer.seat_id is not None:
            parts["me"] = self._section(ME, state, who, now, generations)
        return parts

    def _section(self, section: Section, state: SessionState, who: Who, now: float, generations: dict[str, int]) -> Any:
        key = (section.name, section.audience(who))
        generation = generations[section.name]
        kept = self._kept.get(key)
        if kept is not None and kept[0] == generation:
            return kept[1]  # nothing it reads has changed since it was built
        value = self._build(section, state, who, now)
        if kept is not None:
            value = kept[1] if kept[1] == value else _reuse(kept[1], value)
        self._kept[key] = (generation, value)
        return value

    def _generations(self, state: SessionState, now: float) -> dict[str, int]:
        """Looks once per update at what each section reads: its generation goes up each time that changes."""
        sections, generations = EVERY, {}
        if self._update is not None and self._update[0] is state:
            if self._update[1] == now:
                return self._update[2]
            # The same state later (pages opening between updates): only what reads the time may have changed.
            sections, generations = TICKING, dict(self._update[2])
        for section in sections:
            reads, last = section.reads(state, now), self._reads.get(section.name)
            generation = 0 if last is None else last[1] + (not _same(last[0], reads))
            self._reads[section.name] = (reads, generation)
            generations[section.name] = generation
        self._update = (state, now, generations)
        return generations

    def _build(self, section: Section, state: SessionState, who: Who, now: float) -> Any:
        if section.name == "motions":  # the same as its `build`, one motion at a time
            return [self._motion(state, m_id, who.own) for m_id in state.motions]
        return section.build(state, who, now)

    def _motion(self, state: SessionState, motion_id: str, own: str | None) -> dict[str, Any]:
        """A vote changes one motion: the others are kept, built once for each audience."""
        motion = state.motions[motion_id]
        key = (motion_id, own)
        kept = self._motions.get(key)
        if kept is not None and kept[0] is motion and kept[1] is state.seats and kept[2] is state.scenario:
            return kept[3]
        value = motion_view(state, motion, own)
        self._motions[key] = (motion, state.seats, state.scenario, value)
        return value
