"""Undoing the latest reversible correction, if it still can be undone cleanly."""

from __future__ import annotations

from .. import commands as c
from .. import events as ev
from ..core.errors import RuleViolation
from ..core.money import pounds
from ..core.rule import Rule, on
from ..core.state import SessionState
from .state import Correction


def _still_possible(state: SessionState, correction: Correction) -> None:
    """Refuses when something since makes the reversal unclean: an item now in use, money since spent."""
    for e in correction.undo:
        if isinstance(e, ev.AgendaItemRemoved):
            if state.current_item == e.item_id:
                raise RuleViolation("That item is open now; open another before taking it off the agenda.")
            if any(m.item_id == e.item_id for m in state.motions.values()):
                raise RuleViolation("Motions were put under that item, so it stays on the agenda.")
        if isinstance(e, ev.SeatingRestored):
            seats = {s for p in e.pairs for s in p.seats} | set(e.observers)
            if not seats <= set(state.seats):
                raise RuleViolation("Someone in that seating has left the session, so it cannot come back.")
        if isinstance(e, ev.BudgetTransferred) and state.ledger.get(e.source, 0) < e.amount:
            name = state.facts_of(e.source).name
            raise RuleViolation(f"{name} no longer holds the {pounds(e.amount)} that the motion moved.")


def undo(state: SessionState, cmd: c.Undo, ctx: c.Context) -> list[ev.Event]:
    if not state.corrections:
        raise RuleViolation("There is no correction left to undo.")
    latest = state.corrections[-1]
    if cmd.seq is not None and cmd.seq != latest.seq:
        raise RuleViolation(f"Only the latest correction can be undone, and that is now {latest.what}.")
    _still_possible(state, latest)
    return [ev.CorrectionUndone(latest.seq, latest.what, len(latest.undo), ctx.now), *latest.undo]


RULES: dict[str, Rule] = dict([on(c.Undo, undo)])
