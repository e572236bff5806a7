"""Checks on a proposed transfer: real directorates, a positive amount the giver holds."""

from __future__ import annotations

from .. import commands as c
from .. import events as ev
from ..core.errors import RuleViolation
from ..core.money import pounds
from ..core.state import SessionState


def holder_name(state: SessionState, holder: str) -> str | None:
    """The name of a directorate or of a pooled fund the pack declares; None for anything else."""
    d = state.directorate(holder)
    if d is not None:
        return d.name
    return next((f.name for f in state.scenario.funds if f.id == holder), None)


def check_transfer(state: SessionState, t: c.TransferTerms) -> ev.Transfer:
    source, target = holder_name(state, t.source), holder_name(state, t.target)
    if source is None or target is None:
        raise RuleViolation("A transfer must name two of the board's directorates (or a pooled fund).")
    if t.source == t.target:
        raise RuleViolation("A transfer must go from one directorate to a different one.")
    held = state.ledger.get(t.source, 0)
    if t.amount > held:
        raise RuleViolation(f"{source} holds only {pounds(held)}, so it cannot transfer {pounds(t.amount)}.")
    links = {f"{x.source}>{x.target}" for x in state.scenario.exported_costs}
    if t.addresses and t.addresses not in links:
        raise RuleViolation("That exported cost is not one of this scenario's; choose it from the list.")
    return ev.Transfer(t.source, t.target, t.amount, t.reason, t.addresses)
