"""The shape every reducer step has: (state, event) -> state; and how steps join the table `apply` uses."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from ..core.event_base import Event
from ..core.state import SessionState

Fold = Callable[[SessionState | None, Event], SessionState]

E = TypeVar("E", bound=Event)


def on(kind: type[E], fold: Callable[[SessionState, E], SessionState]) -> tuple[type[Event], Fold]:
    """A table entry for a step written for one kind of event on an existing session."""

    def checked(state: SessionState | None, event: Event) -> SessionState:
        if state is None:
            raise ValueError(f"a session's log must start with its creation, not {kind.__name__}")
        if not isinstance(event, kind):
            raise TypeError(f"{fold.__name__} takes {kind.__name__}, not {type(event).__name__}")
        return fold(state, event)

    return kind, checked


def on_start(kind: type[E], fold: Callable[[SessionState | None, E], SessionState]) -> tuple[type[Event], Fold]:
    """A table entry for an event that can start a session's log (there is no state before it)."""

    def checked(state: SessionState | None, event: Event) -> SessionState:
        if not isinstance(event, kind):
            raise TypeError(f"{fold.__name__} takes {kind.__name__}, not {type(event).__name__}")
        return fold(state, event)

    return kind, checked
