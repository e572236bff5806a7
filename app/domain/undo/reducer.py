"""How undo events change the session, and `remember`, which keeps each reversible correction as it happens."""

from __future__ import annotations

from dataclasses import replace
from typing import cast

from .. import events as ev
from ..core.fold import Fold, on
from ..core.state import SessionState
from ..motions.state import MotionStatus
from .inverses import ENDS_SEATING_UNDO, reversal
from .state import Correction

KEPT = 50  # corrections that can still be undone; older ones stay in the record only


def remember(before: SessionState | None, event: ev.Event, after: SessionState) -> SessionState:
    """Takes the states either side of an event; returns `after` knowing how to reverse it, if it can be."""
    if before is None or isinstance(event, ev.CorrectionUndone):
        return after
    if after.muted:  # a compensating event: undoing it would redo the correction, which is not offered
        return replace(after, muted=after.muted - 1)
    if isinstance(event, ENDS_SEATING_UNDO):
        after = replace(after, corrections=tuple(x for x in after.corrections if x.kind != "seating"))
    found = reversal(before, event)
    if found is None:
        return after
    kind, what, undo = found
    return replace(after, corrections=(*after.corrections, Correction(after.seq, kind, what, undo))[-KEPT:])


def _undone(s: SessionState, e: ev.CorrectionUndone) -> SessionState:
    return replace(s, corrections=tuple(x for x in s.corrections if x.seq != e.undone_seq), muted=e.events)


def _seating(s: SessionState, e: ev.SeatingRestored) -> SessionState:
    return replace(
        s,
        pairs={p.id: p.seats for p in e.pairs},
        assignments={a.pair_id: a for a in e.assignments},
        observers=frozenset(e.observers),
    )


def _item_removed(s: SessionState, e: ev.AgendaItemRemoved) -> SessionState:
    current = None if s.current_item == e.item_id else s.current_item
    return replace(s, agenda=tuple(i for i in s.agenda if i.id != e.item_id), current_item=current)


def _news_withdrawn(s: SessionState, e: ev.NewsWithdrawn) -> SessionState:
    if e.written:
        return replace(s, written={k: w for k, w in s.written.items() if k != e.inject_id})
    return replace(s, released={k: r for k, r in s.released.items() if k != e.document})


def _restored(s: SessionState, e: ev.MotionRestored) -> SessionState:
    motion = s.motions.get(e.motion_id)
    if motion is None:
        return s
    return replace(
        s, motions={**s.motions, e.motion_id: replace(motion, status=cast(MotionStatus, e.status), note=e.note)}
    )


HANDLERS: dict[type[ev.Event], Fold] = dict(
    [
        on(ev.CorrectionUndone, _undone),
        on(ev.SeatingRestored, _seating),
        on(ev.AgendaItemRemoved, _item_removed),
        on(ev.NewsWithdrawn, _news_withdrawn),
        on(ev.MotionRestored, _restored),
    ]
)
