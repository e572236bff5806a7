"""Rules for draft motions: only the pair's members touch its drafts, and tabling one is proposing it."""

from __future__ import annotations

from dataclasses import asdict

from .. import commands as c
from .. import events as ev
from ..core.errors import RuleViolation
from ..core.rule import Rule, on
from ..core.state import SessionState
from ..core.types import PairId
from ..motions.rules import propose
from ..notebook.rules import WRITING_PHASES, own_pair
from .state import Draft


def _drafting_pair(state: SessionState, actor: c.Actor) -> PairId:
    pair = own_pair(state, actor)
    if state.role_of(actor.own_seat()).directorate is None:
        raise RuleViolation("Only a pair that holds a directorate puts motions, so you have no drafts.")
    return pair


def _own_open_draft(state: SessionState, pair: PairId, draft_id: str) -> Draft:
    draft = state.drafts.get(draft_id)
    if draft is None or draft.pair_id != pair:
        raise RuleViolation("Your pair has no such draft.")
    if draft.tabled is not None:
        raise RuleViolation(f"That draft has already been tabled (motion {draft.tabled}).")
    if draft.discarded:
        raise RuleViolation("That draft was discarded.")
    return draft


def write_draft(state: SessionState, cmd: c.WriteDraft, ctx: c.Context) -> list[ev.Event]:
    pair = _drafting_pair(state, ctx.actor)
    if state.phase not in WRITING_PHASES:
        raise RuleViolation("Drafts are written during the read-in and the board meeting.")
    if cmd.draft_id is not None:
        draft = _own_open_draft(state, pair, cmd.draft_id)
        if draft.motion == terms_of(cmd.motion):
            return []  # saved twice: nothing new to record
    draft_id = cmd.draft_id or f"d{len(state.drafts) + 1}"
    return [ev.DraftWritten(draft_id, pair, ctx.actor.own_seat(), terms_of(cmd.motion), ctx.now)]


def terms_of(motion: c.DraftMotion) -> ev.DraftTerms:
    fields = motion.model_dump(exclude={"target", "transfer"})
    target = ev.TargetTerms(**motion.target.model_dump()) if motion.target else None
    transfer = ev.Transfer(**motion.transfer.model_dump()) if motion.transfer else None
    return ev.DraftTerms(**fields, target=target, transfer=transfer)


def table_draft(state: SessionState, cmd: c.TableDraft, ctx: c.Context) -> list[ev.Event]:
    pair = _drafting_pair(state, ctx.actor)
    draft = _own_open_draft(state, pair, cmd.draft_id)
    proposed = propose(state, c.Propose(**asdict(draft.motion)), ctx)  # every rule for motions, as if typed now
    motion_id = next(e.motion_id for e in proposed if isinstance(e, ev.MotionProposed))
    return [ev.DraftTabled(draft.id, pair, ctx.actor.own_seat(), motion_id, ctx.now), *proposed]


def discard_draft(state: SessionState, cmd: c.DiscardDraft, ctx: c.Context) -> list[ev.Event]:
    pair = own_pair(state, ctx.actor)
    draft = _own_open_draft(state, pair, cmd.draft_id)
    return [ev.DraftDiscarded(draft.id, pair, ctx.actor.own_seat(), ctx.now)]


RULES: dict[str, Rule] = dict(
    [
        on(c.WriteDraft, write_draft),
        on(c.TableDraft, table_draft),
        on(c.DiscardDraft, discard_draft),
    ]
)
