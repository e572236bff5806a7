"""How stage events change the session."""

from __future__ import annotations

from dataclasses import replace

from .. import events as ev
from ..core.fold import Fold, on
from ..core.state import SessionState


def _stage(s: SessionState, e: ev.StageSet) -> SessionState:
    return replace(s, stage=e.stage)


HANDLERS: dict[type[ev.Event], Fold] = dict([on(ev.StageSet, _stage)])
