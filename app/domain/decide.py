"""decide(state, command, context) -> events: the one place commands are checked.

Each feature's rules return the events that record what happened or raise
RuleViolation with a message meant for the person who sent the command.
Nothing here changes state; `apply.apply` does that from the events.
"""

from __future__ import annotations

from . import commands as c
from . import events as ev
from .arrivals import rules as arrivals_rules
from .consequences import rules as consequences_rules
from .core.errors import RuleViolation
from .core.rule import Rule
from .core.state import SessionState
from .debrief import rules as debrief_rules
from .doors import rules as doors_rules
from .drafts import rules as drafts_rules
from .floor import rules as floor_rules
from .lobby import rules as lobby_rules
from .motions import rules as motions_rules
from .motions import voting as motions_voting
from .notebook import rules as notebook_rules
from .permissions import MAY, May
from .phases import rules as phases_rules
from .shuffle import rules as shuffle_rules
from .stage import rules as stage_rules
from .ten_percent import rules as ten_percent_rules
from .undo import rules as undo_rules


def decide(state: SessionState, command: c.Command, ctx: c.Context) -> list[ev.Event]:
    """Takes the current state, a command and who sent it when; returns the new events or raises RuleViolation."""
    _check_standing(state, command, ctx.actor)
    if state.phase == "closed":
        raise RuleViolation("This session has finished; nothing more can change.")
    return _RULES[command.type](state, command, ctx)


def _check_standing(state: SessionState, command: c.Command, actor: c.Actor) -> None:
    who = MAY[command.type]
    if actor.kind == "guest":
        if who is not May.GUEST:
            raise RuleViolation("Join the session first.")
        return
    if who is May.GUEST:
        if actor.kind == "trainer":
            raise RuleViolation("The trainer does not take a seat; join from another browser to play.")
        raise RuleViolation("You have already joined this session.")
    if actor.kind == "trainer":
        return
    if actor.seat_id not in state.seats:
        raise RuleViolation("Your seat is no longer in this session. Ask the trainer to add you again.")
    if who is May.TRAINER:
        raise RuleViolation("Only the trainer can do that.")
    if who is May.CHAIR and state.role_of(actor.seat_id).kind != "chair":
        raise RuleViolation("Only the chair or the trainer can do that.")


_RULES: dict[str, Rule] = {
    **lobby_rules.RULES,
    **shuffle_rules.RULES,
    **phases_rules.RULES,
    **floor_rules.RULES,
    **motions_rules.RULES,
    **motions_voting.RULES,
    **ten_percent_rules.RULES,
    **stage_rules.RULES,
    **consequences_rules.RULES,
    **debrief_rules.RULES,
    **notebook_rules.RULES,
    **drafts_rules.RULES,
    **arrivals_rules.RULES,
    **undo_rules.RULES,
    **doors_rules.RULES,
}
