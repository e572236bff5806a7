"""How advancing time changes the session."""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from .. import events as ev
from ..core.state import SessionState


def _time(s: SessionState, e: ev.TimeAdvanced) -> SessionState:
    return replace(s, rounds=s.rounds + ((e.months, dict(s.ledger)),))


HANDLERS: dict[type, Callable] = {
    ev.TimeAdvanced: _time,
}
