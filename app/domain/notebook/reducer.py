"""How notebook events change the session."""

from __future__ import annotations

from dataclasses import replace

from .. import events as ev
from ..core.fold import Fold, on
from ..core.state import SessionState
from .state import NotebookPage


def _written(s: SessionState, e: ev.NotebookWritten) -> SessionState:
    return replace(s, notebooks={**s.notebooks, e.pair_id: NotebookPage(e.text, e.seat_id, e.at)})


HANDLERS: dict[type[ev.Event], Fold] = dict([on(ev.NotebookWritten, _written)])
