"""How the doors change the session."""

from __future__ import annotations

from dataclasses import replace

from .. import events as ev
from ..core.fold import Fold, on
from ..core.state import SessionState


def _doors(s: SessionState, e: ev.DoorsSet) -> SessionState:
    return replace(s, doors_open=e.open)


HANDLERS: dict[type[ev.Event], Fold] = dict([on(ev.DoorsSet, _doors)])
