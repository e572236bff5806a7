"""What people ask the session to do, as they arrive from a browser.

Commands are pydantic models because they are a boundary: a websocket frame
or a form post is parsed into exactly one of them, or rejected with a clear
message, before any rule runs.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, TypeAdapter

from .arrivals.commands import SeatObserver, SeatThirdMember
from .consequences.commands import AdvanceTime
from .core.command_base import GUEST, TRAINER, Actor, Command, Context, ItemKind, Name, Ref
from .debrief.commands import FEATURES, Reflect
from .doors.commands import RemoveSeats, SetDoors
from .drafts.commands import DiscardDraft, DraftMotion, TableDraft, WriteDraft
from .floor.commands import (
    AddItem,
    Announce,
    CallSpeaker,
    DoneSpeaking,
    EditItem,
    FinishSpeaker,
    LowerHand,
    MoveItem,
    OpenItem,
    RaiseHand,
    ReleaseInject,
    WriteInject,
)
from .ledger.commands import TransferTerms
from .lobby.commands import AutoPair, ChooseChair, Join, MoveSeat, MoveToRole, RemoveSeat
from .motions.commands import (
    Amend,
    CloseVote,
    DecideAmendment,
    MotionKind,
    Propose,
    RuleOut,
    Second,
    SetBallot,
    TargetTermsIn,
    VoidMotion,
    Vote,
    Withdraw,
)
from .notebook.commands import WriteNotebook
from .phases.commands import PauseClock, ResumeClock, StartPhase
from .shuffle.commands import Shuffle, SwapPairs
from .stage.commands import SetStage
from .ten_percent.commands import AnswerTenPercent, OpenTenPercent, RevealTenPercent
from .undo.commands import Undo

AnyCommand = Annotated[
    Join
    | RemoveSeat
    | AutoPair
    | MoveSeat
    | ChooseChair
    | Shuffle
    | SwapPairs
    | StartPhase
    | PauseClock
    | ResumeClock
    | SetStage
    | ReleaseInject
    | WriteInject
    | Announce
    | AddItem
    | EditItem
    | MoveItem
    | OpenItem
    | Propose
    | Amend
    | DecideAmendment
    | RuleOut
    | SetBallot
    | VoidMotion
    | Second
    | Withdraw
    | Vote
    | CloseVote
    | RaiseHand
    | LowerHand
    | CallSpeaker
    | FinishSpeaker
    | DoneSpeaking
    | MoveToRole
    | OpenTenPercent
    | AnswerTenPercent
    | RevealTenPercent
    | AdvanceTime
    | Reflect
    | WriteNotebook
    | WriteDraft
    | TableDraft
    | DiscardDraft
    | SeatThirdMember
    | SeatObserver
    | Undo
    | SetDoors
    | RemoveSeats,
    Field(discriminator="type"),
]


COMMANDS: TypeAdapter[AnyCommand] = TypeAdapter(AnyCommand)


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
    "DiscardDraft",
    "DoneSpeaking",
    "DraftMotion",
    "EditItem",
    "FinishSpeaker",
    "ItemKind",
    "Join",
    "LowerHand",
    "MotionKind",
    "MoveItem",
    "MoveSeat",
    "MoveToRole",
    "Name",
    "OpenItem",
    "OpenTenPercent",
    "PauseClock",
    "Propose",
    "RaiseHand",
    "Ref",
    "Reflect",
    "ReleaseInject",
    "RemoveSeat",
    "RemoveSeats",
    "ResumeClock",
    "RevealTenPercent",
    "RuleOut",
    "SeatObserver",
    "SeatThirdMember",
    "Second",
    "SetBallot",
    "SetDoors",
    "SetStage",
    "Shuffle",
    "StartPhase",
    "SwapPairs",
    "TableDraft",
    "TargetTermsIn",
    "TransferTerms",
    "Undo",
    "VoidMotion",
    "Vote",
    "Withdraw",
    "WriteDraft",
    "WriteInject",
    "WriteNotebook",
]
