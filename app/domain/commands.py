"""What people ask the session to do, as they arrive from a browser.

Commands are pydantic models because they are a boundary: a websocket frame
or a form post is parsed into exactly one of them, or rejected with a clear
message, before any rule runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal, Union

from pydantic import Field, TypeAdapter

from .command_base import Command, ItemKind, Name, Ref
from .meeting_commands import (
    FEATURES,
    AddItem,
    AdvanceTime,
    Amend,
    Announce,
    AnswerTenPercent,
    CallSpeaker,
    CloseVote,
    DecideAmendment,
    EditItem,
    FinishSpeaker,
    LowerHand,
    MotionKind,
    MoveItem,
    MoveToRole,
    OpenItem,
    OpenTenPercent,
    Propose,
    RaiseHand,
    Reflect,
    ReleaseInject,
    RevealTenPercent,
    RuleOut,
    Second,
    SetBallot,
    TargetTermsIn,
    TransferTerms,
    VoidMotion,
    Vote,
    Withdraw,
    WriteInject,
)
from .types import Phase, SeatId

# The meeting's commands live in meeting_commands; they are named here too so `commands.Propose` works.
__all__ = [
    "COMMANDS",
    "FEATURES",
    "GUEST",
    "TRAINER",
    "Actor",
    "AddItem",
    "AdvanceTime",
    "Amend",
    "Announce",
    "AnswerTenPercent",
    "AnyCommand",
    "AutoPair",
    "CallSpeaker",
    "ChooseChair",
    "CloseVote",
    "Command",
    "Context",
    "DecideAmendment",
    "EditItem",
    "FinishSpeaker",
    "ItemKind",
    "Join",
    "LowerHand",
    "MotionKind",
    "MoveItem",
    "MoveSeat",
    "MoveToRole",
    "OpenItem",
    "OpenTenPercent",
    "PauseClock",
    "Propose",
    "RaiseHand",
    "Reflect",
    "ReleaseInject",
    "RemoveSeat",
    "ResumeClock",
    "RevealTenPercent",
    "RuleOut",
    "Second",
    "SetBallot",
    "Shuffle",
    "StartPhase",
    "SwapPairs",
    "TargetTermsIn",
    "TransferTerms",
    "VoidMotion",
    "Vote",
    "Withdraw",
    "WriteInject",
]


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


AnyCommand = Annotated[
    Union[
        Join,
        RemoveSeat,
        AutoPair,
        MoveSeat,
        ChooseChair,
        Shuffle,
        SwapPairs,
        StartPhase,
        PauseClock,
        ResumeClock,
        ReleaseInject,
        WriteInject,
        Announce,
        AddItem,
        EditItem,
        MoveItem,
        OpenItem,
        Propose,
        Amend,
        DecideAmendment,
        RuleOut,
        SetBallot,
        VoidMotion,
        Second,
        Withdraw,
        Vote,
        CloseVote,
        RaiseHand,
        LowerHand,
        CallSpeaker,
        FinishSpeaker,
        MoveToRole,
        OpenTenPercent,
        AnswerTenPercent,
        RevealTenPercent,
        AdvanceTime,
        Reflect,
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
