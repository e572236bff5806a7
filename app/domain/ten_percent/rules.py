"""Rules for the extra 10% round."""

from __future__ import annotations

from .. import commands as c
from .. import events as ev
from ..core.errors import RuleViolation
from ..core.rule import Rule, on
from ..core.state import SessionState


def open_ten_percent(state: SessionState, cmd: c.OpenTenPercent, ctx: c.Context) -> list[ev.Event]:
    if not state.shuffled:
        raise RuleViolation("Run the shuffle first: the round asks each directorate.")
    if state.ten_percent.status == "open":
        raise RuleViolation("The extra 10% round is already open.")
    return [ev.TenPercentOpened(ctx.now)]


def answer_ten_percent(state: SessionState, cmd: c.AnswerTenPercent, ctx: c.Context) -> list[ev.Event]:
    if state.ten_percent.status != "open":
        raise RuleViolation("The extra 10% round is not open.")
    if ctx.actor.kind == "trainer":
        raise RuleViolation("Each directorate answers for itself.")
    seat = ctx.actor.own_seat()
    own = state.role_of(seat).directorate
    if own is None:
        raise RuleViolation("Only directorates answer the extra 10% question.")
    if state.directorate(cmd.recipient) is None or cmd.recipient == own:
        raise RuleViolation("Name another directorate: the extra 10% must be spent on someone else's budget.")
    return [ev.TenPercentAnswered(own, seat, cmd.recipient, cmd.reason)]


def reveal_ten_percent(state: SessionState, cmd: c.RevealTenPercent, ctx: c.Context) -> list[ev.Event]:
    if state.ten_percent.status != "open":
        raise RuleViolation("The extra 10% round is not open.")
    if not state.ten_percent.answers:
        raise RuleViolation("No directorate has answered yet.")
    return [ev.TenPercentRevealed(ctx.now)]


RULES: dict[str, Rule] = dict(
    [
        on(c.OpenTenPercent, open_ten_percent),
        on(c.AnswerTenPercent, answer_ten_percent),
        on(c.RevealTenPercent, reveal_ten_percent),
    ]
)
