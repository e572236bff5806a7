"""Checks on a proposed transfer: real directorates, a positive amount the giver holds."""

from __future__ import annotations

from .. import commands as c
from .. import events as ev
from ..core.errors import RuleViolation
from ..core.money import pounds
from ..core.state import SessionState


def check_transfer(state: SessionState, t: c.TransferTerms) -> ev.Transfer:
    source, target = state.directorate(t.source), state.directorate(t.target)
    if source is None or target is None:
        raise RuleViolation("A transfer must name two of the board's directorates.")
    if source.id == target.id:
        raise RuleViolation("A transfer must go from one directorate to a different one.")
    if t.amount > state.ledger[source.id]:
        raise RuleViolation(
            f"{source.name} holds only {pounds(state.ledger[source.id])}, so it cannot transfer {pounds(t.amount)}."
        )
    links = {f"{x.source}>{x.target}" for x in state.scenario.exported_costs}
    if t.addresses and t.addresses not in links:
        raise RuleViolation("That exported cost is not one of this scenario's; choose it from the list.")
    return ev.Transfer(t.source, t.target, t.amount, t.reason, t.addresses)
