"""Checks shared by the meeting's rules: that a meeting is running, and which directorate someone speaks for."""

from __future__ import annotations

from .. import commands as c
from ..core.errors import RuleViolation
from ..core.state import SessionState
from ..core.types import DirectorateId


def in_meeting(state: SessionState) -> None:
    if state.phase != "board":
        raise RuleViolation("That can only happen during the board meeting.")


def directorate_of(state: SessionState, actor: c.Actor) -> DirectorateId:
    if actor.kind == "trainer":
        raise RuleViolation("Only a directorate can do that; the trainer acts through the chair's controls.")
    role = state.role_of(actor.own_seat())
    if role.directorate is None:
        raise RuleViolation("Only directors and their executive assistants can do that; you hold no directorate.")
    return role.directorate
