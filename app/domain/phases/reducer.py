"""How phase and clock events change the session."""

from __future__ import annotations

from dataclasses import replace

from .. import events as ev
from ..core.fold import Fold, on
from ..core.state import Clock, SessionState


def _phase(s: SessionState, e: ev.PhaseStarted) -> SessionState:
    board = e.phase == "board"
    closes_item = not board and s.current_item is not None
    return replace(
        s,
        clock=Clock(e.phase, e.minutes, e.at),
        current_item=s.current_item if board else None,
        item_clock=s.item_clock if board else None,
        phase_version=s.seq + 1,
        item_version=s.seq + 1 if closes_item else s.item_version,
    )


def _paused(s: SessionState, e: ev.ClockPaused) -> SessionState:
    item = replace(s.item_clock, paused_at=e.at) if s.item_clock else None
    return replace(s, clock=replace(s.clock, paused_at=e.at), item_clock=item)


def _resume(c: Clock, at: float) -> Clock:
    held = at - c.paused_at if c.paused_at is not None else 0.0
    return replace(c, paused_at=None, paused_for=c.paused_for + held)


def _resumed(s: SessionState, e: ev.ClockResumed) -> SessionState:
    return replace(s, clock=_resume(s.clock, e.at), item_clock=_resume(s.item_clock, e.at) if s.item_clock else None)


HANDLERS: dict[type[ev.Event], Fold] = dict(
    [
        on(ev.PhaseStarted, _phase),
        on(ev.ClockPaused, _paused),
        on(ev.ClockResumed, _resumed),
    ]
)
