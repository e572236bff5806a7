"""Who may write a pair notebook, and when."""

from __future__ import annotations

from .. import commands as c
from .. import events as ev
from ..core.errors import RuleViolation
from ..core.rule import Rule, on
from ..core.state import SessionState
from ..core.types import PairId

WRITING_PHASES = ("read_in", "board")


def own_pair(state: SessionState, actor: c.Actor) -> PairId:
    """The pair of the seat that sent a command; pairs work privately, so the trainer has none."""
    if actor.kind == "trainer":
        raise RuleViolation("Only a pair can write in its own notebook; the trainer does not see them.")
    pair = state.pair_of(actor.own_seat())
    if pair is None:
        raise RuleViolation("You are not in a pair, so you have no pair notebook.")
    return pair


def write_notebook(state: SessionState, cmd: c.WriteNotebook, ctx: c.Context) -> list[ev.Event]:
    pair = own_pair(state, ctx.actor)
    if state.phase not in WRITING_PHASES:
        raise RuleViolation("The notebook is open during the read-in and the board meeting.")
    page = state.notebooks.get(pair)
    if page is not None and page.text == cmd.text:
        return []  # a save of what is already saved (a retry, or the partner typed the same): nothing to record
    return [ev.NotebookWritten(pair, ctx.actor.own_seat(), cmd.text, ctx.now)]


RULES: dict[str, Rule] = dict([on(c.WriteNotebook, write_notebook)])
