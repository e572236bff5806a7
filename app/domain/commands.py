"""What people ask the session to do, as they arrive from a browser.

Commands are pydantic models because they are a boundary: a websocket frame
or a form post is parsed into exactly one of them, or rejected with a clear
message, before any rule runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, TypeAdapter

from .types import Choice, Phase, SeatId

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]
Ref = Annotated[str, Field(min_length=1, max_length=40)]


class Command(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Join(Command):
    type: Literal["join"] = "join"
    name: Name
    agency: Ref


class RemoveSeat(Command):
    type: Literal["remove-seat"] = "remove-seat"
    seat_id: Ref


class AutoPair(Command):
    type: Literal["auto-pair"] = "auto-pair"


class MoveSeat(Command):
    """Move a seat into another pair, or into a pair of its own when `to_pair` is None."""

    type: Literal["move-seat"] = "move-seat"
    seat_id: Ref
    to_pair: Ref | None = None


class ChooseChair(Command):
    type: Literal["choose-chair"] = "choose-chair"
    seat_id: Ref | None = None


class Shuffle(Command):
    type: Literal["shuffle"] = "shuffle"
    seed: int | None = Field(None, ge=0, le=2**31 - 1)


class SwapPairs(Command):
    type: Literal["swap-pairs"] = "swap-pairs"
    first: Ref
    second: Ref


class StartPhase(Command):
    type: Literal["start-phase"] = "start-phase"
    phase: Phase
    minutes: int | None = Field(None, ge=1, le=600)


class PauseClock(Command):
    type: Literal["pause-clock"] = "pause-clock"


class ResumeClock(Command):
    type: Literal["resume-clock"] = "resume-clock"


class ReleaseInject(Command):
    type: Literal["release-inject"] = "release-inject"
    inject_id: Ref


class OpenItem(Command):
    type: Literal["open-item"] = "open-item"
    item_id: Ref


class TransferTerms(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)
    source: Ref
    target: Ref
    amount: int = Field(gt=0, le=10**10)
    reason: str = Field(min_length=1, max_length=500)


class Propose(Command):
    type: Literal["propose"] = "propose"
    text: str = Field(min_length=1, max_length=2000)
    transfer: TransferTerms | None = None


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


AnyCommand = Annotated[
    Union[
        Join, RemoveSeat, AutoPair, MoveSeat, ChooseChair, Shuffle, SwapPairs, StartPhase, PauseClock,
        ResumeClock, ReleaseInject, OpenItem, Propose, Second, Withdraw, Vote, CloseVote,
    ],
    Field(discriminator="type"),
]
COMMANDS: TypeAdapter[AnyCommand] = TypeAdapter(AnyCommand)


@dataclass(frozen=True)
class Actor:
    """Who sent a command: the trainer, a participant's seat, or a newcomer joining."""

    kind: Literal["trainer", "seat", "guest"]
    seat_id: SeatId | None = None

    @classmethod
    def seat(cls, seat_id: SeatId) -> "Actor":
        return cls("seat", seat_id)


TRAINER = Actor("trainer")
GUEST = Actor("guest")


@dataclass(frozen=True)
class Context:
    """What the rules need from outside: who acts, when, and ids chosen by the caller."""

    actor: Actor
    now: float
    new_seat_id: SeatId = ""
    seed: int = 0
