"""Checks shared by the meeting's rules: the phase, who holds a directorate, and the terms of motions."""

from __future__ import annotations

from . import commands as c
from . import events as ev
from .errors import RuleViolation
from .meeting_state import Motion
from .money import pounds
from .state import SessionState
from .types import DirectorateId


def in_meeting(state: SessionState) -> None:
    if state.phase != "board":
        raise RuleViolation("That can only happen during the board meeting.")


def directorate_of(state: SessionState, actor: c.Actor) -> DirectorateId:
    if actor.kind == "trainer":
        raise RuleViolation("Only a directorate can do that; the trainer acts through the chair's controls.")
    role = state.role_of(actor.seat_id)
    if role.directorate is None:
        raise RuleViolation("Only directors and their executive assistants can do that; you hold no directorate.")
    return role.directorate


def motion_of(state: SessionState, motion_id: str) -> Motion:
    motion = state.motions.get(motion_id)
    if motion is None:
        raise RuleViolation("There is no such motion.")
    return motion


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


def check_target(state: SessionState, t: c.TargetTermsIn) -> ev.TargetTerms:
    indicator = next((i for i in state.scenario.indicators if i.id == t.indicator), None)
    if indicator is None:
        raise RuleViolation(f"There is no indicator '{t.indicator}' in this scenario; choose one from the list.")
    if state.directorate(t.directorate) is None:
        raise RuleViolation("A target must name one of the board's directorates.")
    return ev.TargetTerms(t.indicator, t.directorate, t.value, t.by)
