"""How draft events change the session."""

from __future__ import annotations

from dataclasses import replace

from .. import events as ev
from ..core.fold import Fold, on
from ..core.state import SessionState
from .state import Draft


def _written(s: SessionState, e: ev.DraftWritten) -> SessionState:
    return replace(s, drafts={**s.drafts, e.draft_id: Draft(e.draft_id, e.pair_id, e.motion, e.seat_id, e.at)})


def _tabled(s: SessionState, e: ev.DraftTabled) -> SessionState:
    draft = s.drafts.get(e.draft_id)
    if draft is None:  # the rules only table drafts that exist
        return s
    return replace(s, drafts={**s.drafts, e.draft_id: replace(draft, tabled=e.motion_id)})


def _discarded(s: SessionState, e: ev.DraftDiscarded) -> SessionState:
    draft = s.drafts.get(e.draft_id)
    if draft is None:
        return s
    return replace(s, drafts={**s.drafts, e.draft_id: replace(draft, discarded=True)})


HANDLERS: dict[type[ev.Event], Fold] = dict(
    [
        on(ev.DraftWritten, _written),
        on(ev.DraftTabled, _tabled),
        on(ev.DraftDiscarded, _discarded),
    ]
)
