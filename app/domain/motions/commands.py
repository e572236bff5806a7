"""Commands for motions and votes: propose, amend, second, withdraw, rule out, vote, close the vote, void."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..core.command_base import Command, Ref
from ..core.types import Choice
from ..core.versions import Version
from ..ledger.commands import TransferTerms


class TargetTermsIn(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)
    indicator: Ref
    directorate: Ref
    value: float = Field(allow_inf_nan=False)
    by: str = Field(min_length=1, max_length=40)


MotionKind = Literal["objective", "target", "transfer", "strategy", "free"]


class Propose(Command):
    """A motion. An objective needs a `term`; a target needs `target`; a transfer needs `transfer`."""

    type: Literal["propose"] = "propose"
    text: str = Field(min_length=1, max_length=2000)
    kind: MotionKind | None = None
    term: Literal["short", "medium", "long"] | None = None
    target: TargetTermsIn | None = None
    transfer: TransferTerms | None = None
    secret: bool = False
    lever: Ref | None = Field(None, description="A strategy motion may name a lever or pooled-fund purpose.")

    @property
    def motion_kind(self) -> str:
        if self.kind:
            return self.kind
        return "transfer" if self.transfer else "target" if self.target else "strategy" if self.lever else "free"


class Amend(Command):
    """Propose new wording (and, for a transfer or target, new terms) for a motion before the vote."""

    type: Literal["amend"] = "amend"
    motion_id: Ref
    text: str = Field(min_length=1, max_length=2000)
    transfer: TransferTerms | None = None
    target: TargetTermsIn | None = None


class DecideAmendment(Command):
    type: Literal["decide-amendment"] = "decide-amendment"
    motion_id: Ref
    amendment_id: Ref
    accept: bool


class RuleOut(Command):
    type: Literal["rule-out"] = "rule-out"
    motion_id: Ref
    reason: str = Field(min_length=1, max_length=500)


class SetBallot(Command):
    type: Literal["set-ballot"] = "set-ballot"
    motion_id: Ref
    secret: bool


class VoidMotion(Command):
    """A recorded correction: the motion's decision no longer stands (money it moved goes back)."""

    type: Literal["void-motion"] = "void-motion"
    motion_id: Ref
    reason: str = Field(min_length=1, max_length=500)


class Second(Command):
    type: Literal["second"] = "second"
    motion_id: Ref


class Withdraw(Command):
    type: Literal["withdraw"] = "withdraw"
    motion_id: Ref


class Vote(Command):
    type: Literal["vote"] = "vote"
    motion_id: Ref
    choice: Choice


class CloseVote(Command):
    type: Literal["close-vote"] = "close-vote"
    motion_id: Ref
    casting: Choice | None = Field(None, description="Needed when the vote is tied; in a secret ballot, always.")
    motion_version: Version = None
