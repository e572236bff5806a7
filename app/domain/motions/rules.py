"""Rules for proposing, amending, seconding, withdrawing and ruling out motions."""

from __future__ import annotations

from .. import commands as c
from .. import events as ev
from ..core.errors import RuleViolation
from ..core.rule import Rule, on
from ..core.state import SessionState
from ..floor.checks import directorate_of, in_meeting
from ..ledger.checks import check_transfer
from ..motions.checks import check_target, motion_of
from ..motions.state import Motion

TERMS_NEEDED = {
    "objective": "Say whether this objective is short, medium or long term.",
    "target": "A target motion needs its indicator, directorate, value and date.",
    "transfer": "A transfer motion needs the sending and receiving directorates, the amount and the reason.",
}


def _terms(state: SessionState, cmd: c.Propose) -> tuple[ev.Transfer | None, ev.TargetTerms | None]:
    kind = cmd.motion_kind
    missing = {"objective": cmd.term is None, "target": cmd.target is None, "transfer": cmd.transfer is None}
    if missing.get(kind):
        raise RuleViolation(TERMS_NEEDED[kind])
    if (cmd.transfer and kind != "transfer") or (cmd.target and kind != "target"):
        raise RuleViolation("Only a transfer motion carries transfer terms, and only a target motion a target.")
    transfer = check_transfer(state, cmd.transfer) if cmd.transfer else None
    target = check_target(state, cmd.target) if cmd.target else None
    return transfer, target


def _check_lever(state: SessionState, cmd: c.Propose) -> None:
    if cmd.lever is None:
        return
    if cmd.motion_kind != "strategy":
        raise RuleViolation("Only a strategy motion can commit the board to a lever or a pooled fund's purpose.")
    known = {v.id: v.name for v in state.scenario.levers}
    known |= {p.id: p.name for f in state.scenario.funds for p in f.purposes}
    if cmd.lever not in known:
        names = "; ".join(known.values()) or "this scenario declares none"
        raise RuleViolation(f"That is not one of this scenario's levers or fund purposes ({names}).")


def propose(state: SessionState, cmd: c.Propose, ctx: c.Context) -> list[ev.Event]:
    in_meeting(state)
    directorate = directorate_of(state, ctx.actor)
    if state.current_item is None:
        raise RuleViolation("The chair has not opened an agenda item yet.")
    transfer, target = _terms(state, cmd)
    _check_lever(state, cmd)
    term = cmd.term if cmd.motion_kind == "objective" else None
    motion_id = f"m{len(state.motions) + 1}"
    return [
        ev.MotionProposed(
            motion_id,
            state.current_item,
            cmd.text,
            ctx.actor.own_seat(),
            directorate,
            transfer,
            ctx.now,
            kind=cmd.motion_kind,
            term=term,
            target=target,
            secret=cmd.secret,
            lever=cmd.lever,
        )
    ]


def _before_any_vote(state: SessionState, motion_id: str, doing: str) -> Motion:
    motion = motion_of(state, motion_id)
    if not motion.open:
        raise RuleViolation(f"That motion has already been decided, so it cannot be {doing}.")
    if motion.ballots:
        raise RuleViolation(f"Votes have been cast on that motion, so it can no longer be {doing}.")
    return motion


def amend(state: SessionState, cmd: c.Amend, ctx: c.Context) -> list[ev.Event]:
    in_meeting(state)
    directorate = directorate_of(state, ctx.actor)
    motion = _before_any_vote(state, cmd.motion_id, "amended")
    if (cmd.transfer and motion.kind != "transfer") or (cmd.target and motion.kind != "target"):
        raise RuleViolation("An amendment can change the terms only of a transfer or target motion of that kind.")
    transfer = check_transfer(state, cmd.transfer) if cmd.transfer else None
    target = check_target(state, cmd.target) if cmd.target else None
    amendment_id = f"{motion.id}-a{len(motion.amendments) + 1}"
    return [
        ev.AmendmentProposed(
            motion.id, amendment_id, ctx.actor.own_seat(), directorate, cmd.text, transfer, target, ctx.now
        )
    ]


def decide_amendment(state: SessionState, cmd: c.DecideAmendment, ctx: c.Context) -> list[ev.Event]:
    in_meeting(state)
    directorate = directorate_of(state, ctx.actor)
    motion = _before_any_vote(state, cmd.motion_id, "amended")
    if directorate != motion.directorate:
        raise RuleViolation("Only the directorate that proposed the motion can accept or decline an amendment.")
    amendment = next((a for a in motion.amendments if a.id == cmd.amendment_id), None)
    if amendment is None or amendment.status != "pending":
        raise RuleViolation("There is no such amendment waiting for a decision.")
    if cmd.accept and amendment.transfer:
        check_transfer(
            state,
            c.TransferTerms(
                source=amendment.transfer.source,
                target=amendment.transfer.target,
                amount=amendment.transfer.amount,
                reason=amendment.transfer.reason,
            ),
        )
    return [ev.AmendmentDecided(motion.id, amendment.id, cmd.accept)]


def second(state: SessionState, cmd: c.Second, ctx: c.Context) -> list[ev.Event]:
    in_meeting(state)
    directorate = directorate_of(state, ctx.actor)
    motion = motion_of(state, cmd.motion_id)
    if motion.status != "proposed":
        raise RuleViolation("That motion is not waiting for a seconder.")
    if motion.directorate == directorate:
        raise RuleViolation("A directorate cannot second its own motion; another directorate must.")
    return [ev.MotionSeconded(motion.id, ctx.actor.own_seat(), directorate)]


def withdraw(state: SessionState, cmd: c.Withdraw, ctx: c.Context) -> list[ev.Event]:
    in_meeting(state)
    directorate = directorate_of(state, ctx.actor)
    motion = motion_of(state, cmd.motion_id)
    if motion.directorate != directorate:
        raise RuleViolation("Only the directorate that proposed a motion can withdraw it.")
    if not motion.open:
        raise RuleViolation("That motion has already been decided.")
    return [ev.MotionWithdrawn(motion.id)]


def rule_out(state: SessionState, cmd: c.RuleOut, ctx: c.Context) -> list[ev.Event]:
    in_meeting(state)
    if not motion_of(state, cmd.motion_id).open:
        raise RuleViolation("That motion has already been decided.")
    return [ev.MotionRuledOut(cmd.motion_id, cmd.reason)]


RULES: dict[str, Rule] = dict(
    [
        on(c.Propose, propose),
        on(c.Amend, amend),
        on(c.DecideAmendment, decide_amendment),
        on(c.Second, second),
        on(c.Withdraw, withdraw),
        on(c.RuleOut, rule_out),
    ]
)
