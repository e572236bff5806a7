"""Commands of the board meeting and its floor: agenda, motions, votes, speakers, news, the 10% round,
time, and the reflection."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from .command_base import Command, ItemKind, Ref
from .types import Choice


class ReleaseInject(Command):
    """Release a scenario news item to everyone, or only to the seats listed in `to`."""

    type: Literal["release-inject"] = "release-inject"
    inject_id: Ref
    to: list[Ref] = Field(default_factory=list, max_length=60)


class WriteInject(Command):
    """A news item written on the spot (Markdown), to everyone or to the seats in `to`."""

    type: Literal["write-inject"] = "write-inject"
    title: str = Field(min_length=1, max_length=120)
    text: str = Field(min_length=1, max_length=5000)
    to: list[Ref] = Field(default_factory=list, max_length=60)


class Announce(Command):
    type: Literal["announce"] = "announce"
    text: str = Field(min_length=1, max_length=500)


class AddItem(Command):
    type: Literal["add-item"] = "add-item"
    title: str = Field(min_length=1, max_length=120)
    kind: ItemKind = "free"
    minutes: int = Field(15, ge=1, le=300)
    description: str = Field("", max_length=1000)
    position: int | None = Field(None, ge=0, le=100, description="0 is first; empty adds at the end.")


class EditItem(Command):
    type: Literal["edit-item"] = "edit-item"
    item_id: Ref
    title: str | None = Field(None, min_length=1, max_length=120)
    kind: ItemKind | None = None
    minutes: int | None = Field(None, ge=1, le=300)
    description: str | None = Field(None, max_length=1000)


class MoveItem(Command):
    type: Literal["move-item"] = "move-item"
    item_id: Ref
    position: int = Field(ge=0, le=100)


class OpenItem(Command):
    type: Literal["open-item"] = "open-item"
    item_id: Ref


class TransferTerms(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)
    source: Ref
    target: Ref
    amount: int = Field(gt=0, le=10**10)
    reason: str = Field(min_length=1, max_length=500)
    addresses: str = Field("", max_length=90, description="'source>target' of the exported cost it addresses.")


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

    @property
    def motion_kind(self) -> str:
        return self.kind or ("transfer" if self.transfer else "target" if self.target else "free")


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


class RaiseHand(Command):
    type: Literal["raise-hand"] = "raise-hand"


class LowerHand(Command):
    """Leave the queue; the chair may take someone else off it with `seat_id`."""

    type: Literal["lower-hand"] = "lower-hand"
    seat_id: Ref | None = None


class CallSpeaker(Command):
    """Give the floor to `seat_id`, or to the first in the queue when it is empty."""

    type: Literal["call-speaker"] = "call-speaker"
    seat_id: Ref | None = None


class FinishSpeaker(Command):
    type: Literal["finish-speaker"] = "finish-speaker"


class MoveToRole(Command):
    """Put a participant into a directorate's pair as director or assistant (after the shuffle)."""

    type: Literal["move-to-role"] = "move-to-role"
    seat_id: Ref
    directorate: Ref
    position: Literal["director", "assistant"]


class OpenTenPercent(Command):
    type: Literal["open-ten-percent"] = "open-ten-percent"


class AnswerTenPercent(Command):
    type: Literal["answer-ten-percent"] = "answer-ten-percent"
    recipient: Ref
    reason: str = Field("", max_length=500)


class RevealTenPercent(Command):
    type: Literal["reveal-ten-percent"] = "reveal-ten-percent"


FEATURES: dict[str, str] = {
    "shared-aims": "Shared aims: we agreed what we were trying to achieve",
    "clear-roles": "Clear roles: everyone knew who does what",
    "power-sharing": "Power sharing: decisions were not left to the biggest budgets",
    "trust": "Trust: people were open and kept their word",
    "residents-voice": "Residents' voice: residents were heard and changed decisions",
    "information-sharing": "Information sharing: we shared what we knew",
}


class Reflect(Command):
    """A participant's ratings of the partnership (1 poor to 5 excellent) on each feature, and a comment."""

    type: Literal["reflect"] = "reflect"
    ratings: dict[
        Literal["shared-aims", "clear-roles", "power-sharing", "trust", "residents-voice", "information-sharing"],
        Annotated[int, Field(ge=1, le=5)],
    ] = Field(min_length=1)
    comment: str = Field("", max_length=1000)


class AdvanceTime(Command):
    """Move the neighbourhood on by a quarter or a year, with the budgets as they stand."""

    type: Literal["advance-time"] = "advance-time"
    period: Literal["quarter", "year"] = "year"


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
    casting: Choice | None = None
