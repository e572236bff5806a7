"""The sections a view is cut into: what each is built from, who sees it alike (its audience), and what
parts of the state it reads (so `app.domain.sections.Sections` knows when to build it again)."""

from __future__ import annotations

import itertools
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


class Fields:
    """Reads named fields of the state: what most sections are built from. Naming them lets `Sections` see at
    once that none has been replaced since the last update, without comparing each section's reads."""

    __slots__ = ("names", "order")

    def __init__(self, *names: str):
        self.order, self.names = names, frozenset(names)

    def __call__(self, state: SessionState, now: float) -> tuple[Any, ...]:
        return tuple(getattr(state, n) for n in self.order)


_fields = Fields


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
PERSONAL_BY_NAME = {section.name: section for section in (*PERSONAL, ME)}
# Reads every field a viewer's `Who` is made of: while its generation stands, nobody's audiences have moved.
WHO_READS = "seats"
# Generations are numbered across every `Sections`, so a generation from one session's (or an earlier) copy
# never matches another's by chance.
next_generation = itertools.count(1).__next__
# Every field some section reads by name.
FIELD_NAMES = tuple(sorted({n for s in EVERY if isinstance(s.reads, Fields) for n in s.reads.names}))
