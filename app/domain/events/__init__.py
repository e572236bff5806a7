"""Every fact a session can record, one frozen dataclass each.

Events are the source of truth: a session's state is the fold of its events
(`reducer.replay`). An event never fails to apply, so old logs always replay,
and fields added later have defaults so older stored events still decode.
Each class's `type` is its stable name on the wire and in the database; its
docstring is its reference documentation.
"""

from .base import (
                   AgencyFacts,
                   AgendaFacts,
                   DirectorateFacts,
                   Event,
                   ExportedCostFacts,
                   IndicatorFacts,
                   InjectFacts,
                   ScenarioFacts,
)
from .floor import (
                   Announced,
                   HandLowered,
                   HandRaised,
                   InjectWritten,
                   ReflectionGiven,
                   SeatMoved,
                   SpeakerCalled,
                   SpeakerFinished,
                   TenPercentAnswered,
                   TenPercentOpened,
                   TenPercentRevealed,
                   TimeAdvanced,
)
from .meeting import (
                   AgendaItemAdded,
                   AgendaItemEdited,
                   AgendaItemMoved,
                   AgendaItemOpened,
                   AmendmentDecided,
                   AmendmentProposed,
                   BallotChanged,
                   BudgetTransferred,
                   MotionProposed,
                   MotionRuledOut,
                   MotionSeconded,
                   MotionVoided,
                   MotionWithdrawn,
                   TargetTerms,
                   Transfer,
                   VoteCast,
                   VoteClosed,
)
from .setup import (
                   Assignment,
                   CarriedDecision,
                   CarriedSeat,
                   ChairChosen,
                   ClockPaused,
                   ClockResumed,
                   FollowUpStarted,
                   InjectReleased,
                   PairSpec,
                   PairsSet,
                   PairsSwapped,
                   PhaseStarted,
                   RolesShuffled,
                   SeatJoined,
                   SeatRemoved,
                   SessionCreated,
)

EVENT_TYPES: dict[str, type[Event]] = {
    cls.type: cls
    for cls in (
        SessionCreated, FollowUpStarted, SeatJoined, SeatRemoved, PairsSet, ChairChosen, RolesShuffled, PairsSwapped,
        PhaseStarted, ClockPaused, ClockResumed, InjectReleased,
        AgendaItemOpened, AgendaItemAdded, AgendaItemEdited, AgendaItemMoved,
        MotionProposed, AmendmentProposed, AmendmentDecided, MotionSeconded, MotionWithdrawn, MotionRuledOut,
        BallotChanged, VoteCast, VoteClosed, BudgetTransferred, MotionVoided,
        HandRaised, HandLowered, SpeakerCalled, SpeakerFinished, Announced, InjectWritten, SeatMoved,
        TenPercentOpened, TenPercentAnswered, TenPercentRevealed, TimeAdvanced, ReflectionGiven,
    )
}

__all__ = [
    "EVENT_TYPES", "AgencyFacts", "AgendaFacts", "AgendaItemAdded", "AgendaItemEdited", "AgendaItemMoved",
    "AgendaItemOpened", "AmendmentDecided", "AmendmentProposed", "Announced", "Assignment", "BallotChanged",
    "BudgetTransferred", "CarriedDecision", "CarriedSeat", "ChairChosen", "ClockPaused", "ClockResumed", "DirectorateFacts", "Event",
    "ExportedCostFacts", "FollowUpStarted", "HandLowered", "HandRaised", "IndicatorFacts", "InjectFacts", "InjectReleased",
    "InjectWritten", "MotionProposed", "MotionRuledOut", "MotionSeconded", "MotionVoided", "MotionWithdrawn",
    "PairSpec", "PairsSet", "ReflectionGiven", "PairsSwapped", "PhaseStarted", "RolesShuffled", "ScenarioFacts", "SeatJoined",
    "SeatMoved", "SeatRemoved", "SessionCreated", "SpeakerCalled", "SpeakerFinished", "TargetTerms",
    "TenPercentAnswered", "TenPercentOpened", "TenPercentRevealed", "TimeAdvanced", "Transfer", "VoteCast", "VoteClosed",
]
