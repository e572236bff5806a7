"""Who may issue which command: one line per command, so no command can be added without that decision.

A test checks that every command in `commands.AnyCommand` appears here exactly once.
"""

from __future__ import annotations

from enum import Enum
from types import MappingProxyType
from typing import Final

from . import commands as c
from .core.command_base import command_type


class May(Enum):
    """Who may issue a command. The trainer may issue every command but `join`."""

    GUEST = "someone who has not joined yet"
    SEATED = "anyone with a seat"
    CHAIR = "the chair or the trainer"
    TRAINER = "the trainer only"


WHO_MAY: Final[tuple[tuple[type[c.Command], May], ...]] = (
    # arriving and seating
    (c.Join, May.GUEST),
    (c.RemoveSeat, May.TRAINER),
    (c.RemoveSeats, May.TRAINER),
    (c.SetDoors, May.TRAINER),
    (c.AutoPair, May.TRAINER),
    (c.MoveSeat, May.TRAINER),
    (c.ChooseChair, May.TRAINER),
    (c.MoveToRole, May.TRAINER),
    (c.SeatThirdMember, May.TRAINER),
    (c.SeatObserver, May.TRAINER),
    # the shuffle, the phases and the clock
    (c.Shuffle, May.TRAINER),
    (c.SwapPairs, May.TRAINER),
    (c.StartPhase, May.TRAINER),
    (c.PauseClock, May.TRAINER),
    (c.ResumeClock, May.TRAINER),
    (c.SetStage, May.TRAINER),
    # the floor: agenda, news, announcements, speakers
    (c.ReleaseInject, May.TRAINER),
    (c.WriteInject, May.TRAINER),
    (c.Announce, May.TRAINER),
    (c.AddItem, May.TRAINER),
    (c.EditItem, May.TRAINER),
    (c.MoveItem, May.TRAINER),
    (c.OpenItem, May.CHAIR),
    (c.CallSpeaker, May.CHAIR),
    (c.FinishSpeaker, May.CHAIR),
    (c.DoneSpeaking, May.SEATED),  # the rules allow only the seat that has the floor
    (c.RaiseHand, May.SEATED),
    (c.LowerHand, May.SEATED),
    # motions and votes (the rules say which seats may propose, second or vote)
    (c.Propose, May.SEATED),
    (c.Amend, May.SEATED),
    (c.DecideAmendment, May.SEATED),
    (c.Second, May.SEATED),
    (c.Withdraw, May.SEATED),
    (c.Vote, May.SEATED),
    (c.RuleOut, May.CHAIR),
    (c.SetBallot, May.CHAIR),
    (c.CloseVote, May.CHAIR),
    (c.VoidMotion, May.TRAINER),
    (c.Undo, May.TRAINER),  # the latest reversible correction (app/domain/undo)
    # the 10% round, time passing and the debrief
    (c.OpenTenPercent, May.TRAINER),
    (c.AnswerTenPercent, May.SEATED),
    (c.RevealTenPercent, May.TRAINER),
    (c.AdvanceTime, May.TRAINER),
    (c.Reflect, May.SEATED),
    # a pair's private notebook and draft motions (the rules keep each to its own pair)
    (c.WriteNotebook, May.SEATED),
    (c.WriteDraft, May.SEATED),
    (c.TableDraft, May.SEATED),
    (c.DiscardDraft, May.SEATED),
)


MAY: Final = MappingProxyType({command_type(command): who for command, who in WHO_MAY})
