"""How a carried transfer changes the corporate ledger."""

from __future__ import annotations

from dataclasses import replace

from .. import events as ev
from ..core.fold import Fold, on
from ..core.state import SessionState
from ..motions.reducer import _with_motion


def _transferred(s: SessionState, e: ev.BudgetTransferred) -> SessionState:
    ledger = dict(s.ledger)
    ledger[e.source] = ledger.get(e.source, 0) - e.amount
    ledger[e.target] = ledger.get(e.target, 0) + e.amount
    motion = s.motions.get(e.motion_id)
    state = replace(s, ledger=ledger)
    return _with_motion(state, replace(motion, moved_money=not e.correction)) if motion else state


HANDLERS: dict[type[ev.Event], Fold] = dict(
    [
        on(ev.BudgetTransferred, _transferred),
    ]
)
