"""How a reflection changes the session."""

from __future__ import annotations

from dataclasses import replace

from .. import events as ev
from ..core.fold import Fold, on
from ..core.state import SessionState


def _reflected(s: SessionState, e: ev.ReflectionGiven) -> SessionState:
    return replace(s, reflections={**s.reflections, e.seat_id: (dict(e.ratings), e.comment)})


HANDLERS: dict[type[ev.Event], Fold] = dict(
    [
        on(ev.ReflectionGiven, _reflected),
    ]
)
