"""Commands for a pair's draft motions: write or rewrite one, table it at the meeting, or discard it."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..core.command_base import Command, Ref
from ..ledger.commands import TransferTerms
from ..motions.commands import MotionKind, TargetTermsIn


class DraftMotion(BaseModel):
    """A motion as `propose` takes it (the same fields and limits); the rules for motions apply when it is tabled."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)
    text: str = Field(min_length=1, max_length=2000)
    kind: MotionKind | None = None
    term: Literal["short", "medium", "long"] | None = None
    target: TargetTermsIn | None = None
    transfer: TransferTerms | None = None
    secret: bool = False
    lever: Ref | None = None


class WriteDraft(Command):
    """Save a new draft (no `draft_id`) or replace one of the pair's own drafts."""

    type: Literal["write-draft"] = "write-draft"
    draft_id: Ref | None = None
    motion: DraftMotion


class TableDraft(Command):
    """Put one of the pair's drafts to the meeting as a motion, as `propose` would."""

    type: Literal["table-draft"] = "table-draft"
    draft_id: Ref


class DiscardDraft(Command):
    type: Literal["discard-draft"] = "discard-draft"
    draft_id: Ref
