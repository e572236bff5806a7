"""How shuffle events change the session's role assignments."""

from __future__ import annotations

from dataclasses import replace

from .. import events as ev
from ..core.fold import Fold, on
from ..core.state import SessionState


def _shuffled(s: SessionState, e: ev.RolesShuffled) -> SessionState:
    return replace(s, seed=e.seed, chair=e.chair, assignments={a.pair_id: a for a in e.assignments})


def _swapped(s: SessionState, e: ev.PairsSwapped) -> SessionState:
    a, b = s.assignments[e.first], s.assignments[e.second]
    return replace(
        s,
        assignments={
            **s.assignments,
            e.first: replace(a, directorate=b.directorate),
            e.second: replace(b, directorate=a.directorate),
        },
    )


HANDLERS: dict[type[ev.Event], Fold] = dict(
    [
        on(ev.RolesShuffled, _shuffled),
        on(ev.PairsSwapped, _swapped),
    ]
)
