"""A view cut into its named top-level sections, each built once per change and shared.

`view_for` builds every part afresh for one viewer. A session publishes to
every screen after every command, and most parts are the same for everyone
(the agenda, the ledger, the consequences) or change rarely (a seat's news).
A section says which viewers see the same value (its audience) and which
parts of the state it is built from (what it reads); `Sections` keeps the last
value of each section for each audience and builds it again only when what it
reads has changed. A value built again that equals the last is replaced by
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
    pairs_view,
    seats_view,
    session_view,
)

Reads = Callable[[SessionState, float], tuple[Any, ...]]


@dataclass(frozen=True)
class Section:
    name: str
    build: Callable[[SessionState, Viewer, float], Any]
    # Viewers for whom this gives the same key see the same value.
    audience: Callable[[SessionState, Viewer], Hashable]
    # The parts of the state (and the time) the value is built from; same parts, same value.
    reads: Reads


def _fields(*names: str) -> Reads:
    return lambda state, now: tuple(getattr(state, n) for n in names)


def _everyone(state: SessionState, viewer: Viewer) -> Hashable:
    return None


def _own(state: SessionState, viewer: Viewer) -> str | None:
    return state.role_of(viewer.seat_id).directorate if viewer.seat_id else None


def _chairing(state: SessionState, viewer: Viewer) -> bool:
    return viewer.kind == TRAINER or (viewer.seat_id is not None and state.role_of(viewer.seat_id).kind == "chair")


def _agenda_reads(state: SessionState, now: float) -> tuple[Any, ...]:
    ticking = state.item_clock is not None and state.current_item is not None
    return (state.agenda, state.current_item, state.item_clock, now if ticking else None)


def _consequences_reads(state: SessionState, now: float) -> tuple[Any, ...]:
    return consequences_inputs(state)


# Who a seat is and what it may do depends on these.
ROLE_FIELDS = ("seats", "pairs", "assignments", "chair", "seed", "scenario")

SECTIONS: tuple[Section, ...] = (
    Section("viewer", lambda s, v, now: v.kind, lambda s, v: v.kind, lambda s, now: ()),
    Section(
        "session", session_view, lambda s, v: v.kind == TRAINER, lambda s, now: (s, now)
    ),  # the clock ticks: new every time
    Section("agencies", lambda s, v, now: agencies_view(s), _everyone, _fields("scenario")),
    Section("seats", lambda s, v, now: seats_view(s), _everyone, _fields(*ROLE_FIELDS)),
    Section("pairs", lambda s, v, now: pairs_view(s), _everyone, _fields("pairs")),
    Section("chair", lambda s, v, now: seat_ref(s, s.chair), _everyone, _fields("chair", "seats")),
    Section("directorates", lambda s, v, now: directorates_view(s), _everyone, _fields(*ROLE_FIELDS, "ledger")),
    Section("indicators", lambda s, v, now: indicators_view(s), _everyone, _fields("scenario")),
    Section("exported_costs", lambda s, v, now: exported_costs_view(s), _everyone, _fields("scenario")),
    Section("ledger_total", lambda s, v, now: sum(s.ledger.values()), _everyone, _fields("ledger")),
    Section("funds", lambda s, v, now: fund_rows(s), _everyone, _fields("scenario", "ledger", "motions", "carried")),
    Section("levers", lambda s, v, now: levers_view(s), _everyone, _fields("scenario")),
    Section("agenda", lambda s, v, now: agenda_view(s, now), _everyone, _agenda_reads),
    Section(
        "motions",
        lambda s, v, now: [motion_view(s, m, _own(s, v), _chairing(s, v)) for m in s.motions.values()],
        lambda s, v: (_own(s, v), _chairing(s, v)),
        _fields("motions", "seats", "scenario"),
    ),
    Section("strategy", lambda s, v, now: strategy_view(s), _everyone, _fields("motions", "scenario")),
    Section("floor", lambda s, v, now: floor_view(s), _everyone, _fields("floor", *ROLE_FIELDS)),
    Section(
        "injects",
        lambda s, v, now: news_view(s, v.kind, v.seat_id),
        lambda s, v: v.key,
        _fields("scenario", "released", "written"),
    ),
    Section(
        "ten_percent",
        lambda s, v, now: ten_percent_view(s, v.kind, _own(s, v)),
        lambda s, v: (v.kind == TRAINER, _own(s, v)),
        _fields("ten_percent"),
    ),
    Section(
        "announcement",
        lambda s, v, now: {"text": s.announcement[0], "at": s.announcement[1]} if s.announcement else None,
        _everyone,
        _fields("announcement"),
    ),
    Section("quorum", lambda s, v, now: quorum(s), _everyone, _fields("assignments")),
    Section("consequences", lambda s, v, now: consequences_view(s), _everyone, _consequences_reads),
    Section("carried", lambda s, v, now: carried_view(s), _everyone, _fields("carried")),
    Section(
        "reflection",
        lambda s, v, now: reflection_view(s, v.seat_id if v.kind == "seat" else None),
        lambda s, v: v.seat_id if v.kind == "seat" else None,
        _fields("reflections"),
    ),
)
# Only a seat has this one.
ME = Section(
    "me",
    lambda s, v, now: me_view(s, v.seat_id) if v.seat_id else None,
    lambda s, v: v.seat_id,
    _fields(*ROLE_FIELDS, "clock", "ten_percent"),
)


def _same(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    return len(a) == len(b) and all(x is y or (type(x) is type(y) and x == y) for x, y in zip(a, b, strict=True))


@dataclass
class _Kept:
    state: SessionState
    now: float
    reads: tuple[Any, ...]
    value: Any


class Sections:
    """One session's sections, kept for each audience between updates (not thread-safe: one per session, used
    under its lock)."""

    def __init__(self) -> None:
        self._kept: dict[tuple[str, Hashable], _Kept] = {}
        self._motions: dict[tuple[str, str | None, bool], tuple[Any, Any, Any, dict[str, Any]]] = {}

    def view(self, state: SessionState, viewer: Viewer, now: float) -> dict[str, Any]:
        """Takes what `view_for` takes; returns the same view, made of shared sections."""
        view = {section.name: self._section(section, state, viewer, now) for section in SECTIONS}
        if viewer.kind == "seat" and viewer.seat_id is not None:
            view["me"] = self._section(ME, state, viewer, now)
        return view

    def _section(self, section: Section, state: SessionState, viewer: Viewer, now: float) -> Any:
        key = (section.name, section.audience(state, viewer))
        kept = self._kept.get(key)
        if kept is not None and kept.state is state and kept.now == now:
            return kept.value  # another viewer of the same update
        reads = section.reads(state, now)
        if kept is not None and _same(kept.reads, reads):
            value = kept.value
        else:
            value = self._build(section, state, viewer, now)
            if kept is not None and kept.value == value:
                value = kept.value
        self._kept[key] = _Kept(state, now, reads, value)
        return value

    def _build(self, section: Section, state: SessionState, viewer: Viewer, now: float) -> Any:
        if section.name == "motions":  # the same as its `build`, one motion at a time
            own, chairing = _own(state, viewer), _chairing(state, viewer)
            return [self._motion(state, m_id, own, chairing) for m_id in state.motions]
        return section.build(state, viewer, now)

    def _motion(self, state: SessionState, motion_id: str, own: str | None, chairing: bool) -> dict[str, Any]:
        """A vote changes one motion: the others are kept, built once for each audience."""
        motion = state.motions[motion_id]
        key = (motion_id, own, chairing)
        kept = self._motions.get(key)
        if kept is not None and kept[0] is motion and kept[1] is state.seats and kept[2] is state.scenario:
            return kept[3]
        value = motion_view(state, motion, own, chairing)
        self._motions[key] = (motion, state.seats, state.scenario, value)
        return value
