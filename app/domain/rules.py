"""decide(state, command, context) -> events: the one place commands are checked.

Each rule either returns the events that record what happened or raises
RuleViolation with a message meant for the person who sent the command.
Nothing here changes state; `reducer.apply` does that from the events.
"""

from __future__ import annotations

from typing import Callable

from . import commands as c
from . import events as ev
from .agenda_rules import AGENDA_RULES
from .errors import RuleViolation
from .floor_rules import FLOOR_RULES
from .lobby_rules import LOBBY_RULES
from .meeting_rules import MOTION_RULES
from .state import SessionState
from .voting_rules import VOTING_RULES

Rule = Callable[[SessionState, c.Command, c.Context], list[ev.Event]]

TRAINER_ONLY = {
    "remove-seat",
    "auto-pair",
    "move-seat",
    "choose-chair",
    "shuffle",
    "swap-pairs",
    "start-phase",
    "pause-clock",
    "resume-clock",
    "release-inject",
    "write-inject",
    "announce",
    "add-item",
    "edit-item",
    "move-item",
    "void-motion",
    "move-to-role",
    "open-ten-percent",
    "reveal-ten-percent",
    "advance-time",
}
CHAIR_OR_TRAINER = {"open-item", "close-vote", "rule-out", "set-ballot", "call-speaker", "finish-speaker"}

_RULES: dict[str, Rule] = {**LOBBY_RULES, **AGENDA_RULES, **MOTION_RULES, **VOTING_RULES, **FLOOR_RULES}


def decide(state: SessionState, command: c.Command, ctx: c.Context) -> list[ev.Event]:
    """Takes the current state, a command and who sent it when; returns the new events or raises RuleViolation."""
    _check_standing(state, command, ctx.actor)
    if state.phase == "closed":
        raise RuleViolation("This session has finished; nothing more can change.")
    return _RULES[command.type](state, command, ctx)


def _check_standing(state: SessionState, command: c.Command, actor: c.Actor) -> None:
    kind = command.type
    if actor.kind == "guest":
        if kind != "join":
            raise RuleViolation("Join the session first.")
        return
    if kind == "join":
        if actor.kind == "trainer":
            raise RuleViolation("The trainer does not take a seat; join from another browser to play.")
        raise RuleViolation("You have already joined this session.")
    if actor.kind == "trainer":
        return
    if actor.seat_id not in state.seats:
        raise RuleViolation("Your seat is no longer in this session. Ask the trainer to add you again.")
    if kind in TRAINER_ONLY:
        raise RuleViolation("Only the trainer can do that.")
    if kind in CHAIR_OR_TRAINER and state.role_of(actor.seat_id).kind != "chair":
        raise RuleViolation("Only the chair or the trainer can do that.")
