"""Rules for the board meeting: agenda items, motions, seconding, voting and transfers."""

from __future__ import annotations

from . import commands as c
from . import events as ev
from .errors import RuleViolation
from .money import pounds
from .state import Motion, SessionState
from .types import DirectorateId


def _in_meeting(state: SessionState) -> None:
    if state.phase != "board":
        raise RuleViolation("That can only happen during the board meeting.")


def _directorate_of(state: SessionState, actor: c.Actor) -> DirectorateId:
    if actor.kind == "trainer":
        raise RuleViolation("Only a directorate can do that; the trainer acts through the chair's controls.")
    role = state.role_of(actor.seat_id)
    if role.directorate is None:
        raise RuleViolation("Only directors and their executive assistants can do that; you hold no directorate.")
    return role.directorate


def _motion(state: SessionState, motion_id: str) -> Motion:
    motion = state.motions.get(motion_id)
    if motion is None:
        raise RuleViolation("There is no such motion.")
    return motion


def open_item(state: SessionState, cmd: c.OpenItem, ctx: c.Context) -> list[ev.Event]:
    _in_meeting(state)
    if all(item.id != cmd.item_id for item in state.scenario.agenda):
        raise RuleViolation("There is no such agenda item.")
    if state.current_item == cmd.item_id:
        raise RuleViolation("That item is already open.")
    return [ev.AgendaItemOpened(cmd.item_id, ctx.now)]


def _check_transfer(state: SessionState, t: c.TransferTerms) -> ev.Transfer:
    source, target = state.directorate(t.source), state.directorate(t.target)
    if source is None or target is None:
        raise RuleViolation("A transfer must name two of the board's directorates.")
    if source.id == target.id:
        raise RuleViolation("A transfer must go from one directorate to a different one.")
    if t.amount > state.ledger[source.id]:
        raise RuleViolation(
            f"{source.name} holds only {pounds(state.ledger[source.id])}, so it cannot transfer {pounds(t.amount)}."
        )
    return ev.Transfer(t.source, t.target, t.amount, t.reason)


def propose(state: SessionState, cmd: c.Propose, ctx: c.Context) -> list[ev.Event]:
    _in_meeting(state)
    directorate = _directorate_of(state, ctx.actor)
    if state.current_item is None:
        raise RuleViolation("The chair has not opened an agenda item yet.")
    transfer = _check_transfer(state, cmd.transfer) if cmd.transfer else None
    motion_id = f"m{len(state.motions) + 1}"
    return [ev.MotionProposed(motion_id, state.current_item, cmd.text, ctx.actor.seat_id, directorate, transfer, ctx.now)]


def second(state: SessionState, cmd: c.Second, ctx: c.Context) -> list[ev.Event]:
    _in_meeting(state)
    directorate = _directorate_of(state, ctx.actor)
    motion = _motion(state, cmd.motion_id)
    if motion.status != "proposed":
        raise RuleViolation("That motion is not waiting for a seconder.")
    if motion.directorate == directorate:
        raise RuleViolation("A directorate cannot second its own motion; another directorate must.")
    return [ev.MotionSeconded(motion.id, ctx.actor.seat_id, directorate)]


def withdraw(state: SessionState, cmd: c.Withdraw, ctx: c.Context) -> list[ev.Event]:
    _in_meeting(state)
    directorate = _directorate_of(state, ctx.actor)
    motion = _motion(state, cmd.motion_id)
    if motion.directorate != directorate:
        raise RuleViolation("Only the directorate that proposed a motion can withdraw it.")
    if motion.status not in ("proposed", "voting"):
        raise RuleViolation("That motion has already been decided.")
    return [ev.MotionWithdrawn(motion.id)]


def vote(state: SessionState, cmd: c.Vote, ctx: c.Context) -> list[ev.Event]:
    _in_meeting(state)
    directorate = _directorate_of(state, ctx.actor)
    motion = _motion(state, cmd.motion_id)
    if motion.status != "voting":
        raise RuleViolation("That motion is not open for voting.")
    if directorate in motion.ballots:
        name = state.directorate(directorate).name
        raise RuleViolation(f"{name} has already voted on this motion; each directorate has one vote.")
    return [ev.VoteCast(motion.id, directorate, ctx.actor.seat_id, cmd.choice)]


def tally(motion: Motion) -> tuple[int, int, int]:
    """Returns (for, against, abstentions) among the ballots cast."""
    choices = [b.choice for b in motion.ballots.values()]
    return choices.count("for"), choices.count("against"), choices.count("abstain")


def close_vote(state: SessionState, cmd: c.CloseVote, ctx: c.Context) -> list[ev.Event]:
    _in_meeting(state)
    motion = _motion(state, cmd.motion_id)
    if motion.status != "voting":
        raise RuleViolation("That motion is not open for voting.")
    yes, no, abstain = tally(motion)
    casting = None
    if yes == no:
        if cmd.casting not in ("for", "against"):
            raise RuleViolation(f"The vote is tied at {yes} to {no}: the chair must give a casting vote, for or against.")
        casting = cmd.casting
    carried = yes > no or casting == "for"
    note, t = "", motion.transfer
    if carried and t and state.ledger[t.source] < t.amount:
        carried = False
        note = f"Not carried out: {state.directorate(t.source).name} no longer holds {pounds(t.amount)}."
    closed = ev.VoteClosed(motion.id, yes, no, abstain, casting, carried, ctx.now, note)
    if carried and t:
        return [closed, ev.BudgetTransferred(motion.id, t.source, t.target, t.amount)]
    return [closed]


MEETING_RULES = {
    "open-item": open_item,
    "propose": propose,
    "second": second,
    "withdraw": withdraw,
    "vote": vote,
    "close-vote": close_vote,
}
