"""How a reflection changes the session, and when the room's summary of them moves on."""

from __future__ import annotations

from dataclasses import replace

from .. import events as ev
from ..core.fold import Fold, on
from ..core.state import SessionState

ENOUGH = 3
"""The fewest answers the summary ever shows, and the fewest people whose answers it takes in at once."""


def _reflected(s: SessionState, e: ev.ReflectionGiven) -> SessionState:
    # Someone watching the summary change as each answer arrives could tie that answer to the person who just
    # pressed send. So the summary is a snapshot, renewed only once at least ENOUGH different people have
    # answered or changed their answer since the last one, and listed in sorted order, never arrival order.
    reflections = {**s.reflections, e.seat_id: (dict(e.ratings), e.comment)}
    pending = s.reflection_pending | {e.seat_id}
    if len(pending) < ENOUGH:
        return replace(s, reflections=reflections, reflection_pending=pending)
    summary = tuple(sorted(reflections.values(), key=lambda a: (sorted(a[0].items()), a[1])))
    return replace(s, reflections=reflections, reflection_pending=frozenset(), reflection_summary=summary)


HANDLERS: dict[type[ev.Event], Fold] = dict(
    [
        on(ev.ReflectionGiven, _reflected),
    ]
)
