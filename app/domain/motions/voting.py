"""Rules for ballots and votes: one vote per directorate, quorum, the casting vote, voiding."""

from __future__ import annotations

from dataclasses import replace

from .. import commands as c
from .. import events as ev
from ..core.errors import RuleViolation
from ..core.money import pounds
from ..core.rule import Rule, on
from ..core.state import SessionState
from ..core.versions import check_version
from ..floor.checks import in_meeting
from ..ledger.checks import holder_name
from ..motions.checks import motion_of
from ..motions.state import Motion


def tally(motion: Motion) -> tuple[int, int, int]:
    """Returns (for, against, abstentions) among the ballots cast."""
    choices = [b.choice for b in motion.ballots.values()]
    return choices.count("for"), choices.count("against"), choices.count("abstain")


def quorum(state: SessionState) -> int:
    """More than half of the directorates that a pair holds must vote (abstaining counts) for a decision."""
    return len(state.held_directorates()) // 2 + 1


def vote(state: SessionState, cmd: c.Vote, ctx: c.Context) -> list[ev.Event]:
    in_meeting(state)
    if ctx.actor.kind == "trainer":
        raise RuleViolation("Only a directorate can vote; the trainer gives no vote.")
    seat = ctx.actor.own_seat()
    directorate = state.voter_directorate(seat)
    if directorate is None:
        who = "the director" if state.scenario.votes_by == "director" else "directors and executive assistants"
        raise RuleViolation(f"Only {who} can vote for a directorate; you hold no vote.")
    motion = motion_of(state, cmd.motion_id)
    if motion.status != "voting":
        raise RuleViolation("That motion is not open for voting.")
    earlier = motion.ballots.get(directorate)
    if earlier is not None and earlier.choice == cmd.choice:
        name = state.facts_of(directorate).name
        raise RuleViolation(
            f"{name} has already voted {_said(cmd.choice)}; each directorate has one vote. "
            "Choose another option to change it."
        )
    return [ev.VoteCast(motion.id, directorate, seat, cmd.choice)]


def _said(choice: str) -> str:
    return {"for": "for this motion", "against": "against this motion", "abstain": "to abstain"}[choice]


def set_ballot(state: SessionState, cmd: c.SetBallot, ctx: c.Context) -> list[ev.Event]:
    in_meeting(state)
    motion = motion_of(state, cmd.motion_id)
    if not motion.open or motion.ballots:
        raise RuleViolation("The ballot can only be changed before anyone votes.")
    if motion.secret == cmd.secret:
        raise RuleViolation(f"The ballot is already {'secret' if cmd.secret else 'named'}.")
    return [ev.BallotChanged(motion.id, cmd.secret)]


def close_vote(state: SessionState, cmd: c.CloseVote, ctx: c.Context) -> list[ev.Event]:
    in_meeting(state)
    motion = motion_of(state, cmd.motion_id)
    check_version(cmd.motion_version, motion.version, "dealt with this motion")
    if motion.status != "voting":
        raise RuleViolation("That motion is not open for voting.")
    # In a secret ballot a refusal for want of a casting vote would tell the chair the votes are tied.
    if motion.secret and cmd.casting not in ("for", "against"):
        raise RuleViolation(
            "This is a secret ballot: give a casting vote, for or against, when you close it. "
            "It is used only if the vote is tied."
        )
    held = set(state.held_directorates())
    # A directorate whose pair was moved away mid-vote no longer has a say.
    motion = replace(motion, ballots={d: b for d, b in motion.ballots.items() if d in held})
    needed = quorum(state)
    if len(motion.ballots) < needed:
        raise RuleViolation(
            f"The vote is not quorate: {len(motion.ballots)} of {len(held)} "
            f"directorates have voted, and at least {needed} must."
        )
    yes, no, abstain = tally(motion)
    casting = None
    if yes == no:
        if cmd.casting not in ("for", "against"):
            raise RuleViolation(
                f"The vote is tied at {yes} to {no}: the chair must give a casting vote, for or against."
            )
        casting = cmd.casting
    carried = yes > no or casting == "for"
    note, t = "", motion.transfer
    if carried and t and state.ledger.get(t.source, 0) < t.amount:
        carried = False
        note = f"Not carried out: {holder_name(state, t.source)} no longer holds {pounds(t.amount)}."
    closed = ev.VoteClosed(motion.id, yes, no, abstain, casting, carried, ctx.now, note)
    if carried and t:
        return [closed, ev.BudgetTransferred(motion.id, t.source, t.target, t.amount)]
    return [closed]


def void_motion(state: SessionState, cmd: c.VoidMotion, ctx: c.Context) -> list[ev.Event]:
    motion = motion_of(state, cmd.motion_id)
    if motion.status not in ("carried", "lost"):
        raise RuleViolation("Only a motion that has been decided can be corrected.")
    voided = ev.MotionVoided(motion.id, cmd.reason, ctx.now)
    t = motion.transfer
    if not (motion.moved_money and t):
        return [voided]
    if state.ledger.get(t.target, 0) < t.amount:
        name = holder_name(state, t.target)
        raise RuleViolation(
            f"{name} now holds only {pounds(state.ledger.get(t.target, 0))}, so the {pounds(t.amount)} "
            "cannot simply go back; agree a new transfer instead."
        )
    return [voided, ev.BudgetTransferred(motion.id, t.target, t.source, t.amount, correction=True)]


RULES: dict[str, Rule] = dict(
    [
        on(c.Vote, vote),
        on(c.SetBallot, set_ballot),
        on(c.CloseVote, close_vote),
        on(c.VoidMotion, void_motion),
    ]
)
