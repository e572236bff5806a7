"""apply(state, event) -> state, the fold of each feature's reducer. Never validates: every stored event applies, so old logs replay."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from . import events as ev
from .arrivals import reducer as arrivals_reducer
from .consequences import reducer as consequences_reducer
from .core.fold import Fold
from .core.state import SessionState
from .debrief import reducer as debrief_reducer
from .doors import reducer as doors_reducer
from .drafts import reducer as drafts_reducer
from .floor import reducer as floor_reducer
from .follow_up import reducer as follow_up_reducer
from .ledger import reducer as ledger_reducer
from .lobby import reducer as lobby_reducer
from .motions import reducer as motions_reducer
from .notebook import reducer as notebook_reducer
from .phases import reducer as phases_reducer
from .shuffle import reducer as shuffle_reducer
from .stage import reducer as stage_reducer
from .ten_percent import reducer as ten_percent_reducer
from .undo import reducer as undo_reducer


def apply(state: SessionState | None, event: ev.Event) -> SessionState:
    """Takes a state and one event, returns the state after it, with `seq` advanced by one."""
    new = _HANDLERS[type(event)](state, event)
    return undo_reducer.remember(state, event, replace(new, seq=(state.seq if state else 0) + 1))


def replay_session(events: Iterable[ev.Event]) -> SessionState:
    """replay() for a session's whole log, which always starts with its creation."""
    state = replay(events)
    if state is None:
        raise ValueError("a session's log is never empty")
    return state


def replay(events: Iterable[ev.Event]) -> SessionState | None:
    state: SessionState | None = None
    for event in events:
        state = apply(state, event)
    return state


_HANDLERS: dict[type[ev.Event], Fold] = {
    **lobby_reducer.HANDLERS,
    **follow_up_reducer.HANDLERS,
    **shuffle_reducer.HANDLERS,
    **phases_reducer.HANDLERS,
    **floor_reducer.HANDLERS,
    **motions_reducer.HANDLERS,
    **ledger_reducer.HANDLERS,
    **ten_percent_reducer.HANDLERS,
    **stage_reducer.HANDLERS,
    **consequences_reducer.HANDLERS,
    **debrief_reducer.HANDLERS,
    **notebook_reducer.HANDLERS,
    **drafts_reducer.HANDLERS,
    **arrivals_reducer.HANDLERS,
    **undo_reducer.HANDLERS,
    **doors_reducer.HANDLERS,
}
