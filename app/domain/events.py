"""Every fact a session can record, one frozen dataclass each.

Events are the source of truth: a session's state is the fold of its events
(`apply.replay`). An event never fails to apply, so old logs always replay,
and fields added later have defaults so older stored events still decode.
Each class's `type` is its stable name on the wire and in the database; its
docstring is its reference documentation.
"""

from __future__ import annotations

from .arrivals.events import ObserverSeated, ThirdMemberSeated
from .consequences.events import TimeAdvanced
from .core.event_base import (
    AgencyFacts,
    AgendaFacts,
    DirectorateFacts,
    Event,
    ExportedCostFacts,
    FundFacts,
    IndicatorFacts,
    InjectFacts,
    LeverFacts,
    PreventionFacts,
    PurposeFacts,
    ScenarioFacts,
)
from .debrief.events import ReflectionGiven
from .doors.events import DoorsSet
from .drafts.events import DraftDiscarded, DraftTabled, DraftTerms, DraftWritten
from .floor.events import (
    AgendaItemAdded,
    AgendaItemEdited,
    AgendaItemMoved,
    AgendaItemOpened,
    Announced,
    HandLowered,
    HandRaised,
    InjectReleased,
    InjectWritten,
    SpeakerCalled,
    SpeakerFinished,
)
from .follow_up.events import CarriedDecision, CarriedSeat, FollowUpOpened, FollowUpStarted
from .ledger.events import BudgetTransferred, Transfer
from .lobby.events import ChairChosen, PairSpec, PairsSet, SeatJoined, SeatMoved, SeatRemoved, SessionCreated
from .motions.events import (
    AmendmentDecided,
    AmendmentProposed,
    BallotChanged,
    MotionProposed,
    MotionRuledOut,
    MotionSeconded,
    MotionVoided,
    MotionWithdrawn,
    TargetTerms,
    VoteCast,
    VoteClosed,
)
from .notebook.events import NotebookWritten
from .phases.events import ClockPaused, ClockResumed, PhaseStarted
from .shuffle.events import Assignment, PairsSwapped, RolesShuffled
from .stage.events import StageSet
from .ten_percent.events import TenPercentAnswered, TenPercentOpened, TenPercentRevealed
from .undo.events import AgendaItemRemoved, CorrectionUndone, MotionRestored, NewsWithdrawn, SeatingRestored

EVENT_TYPES: dict[str, type[Event]] = {
    cls.type: cls
    for cls in (
        SessionCreated,
        FollowUpStarted,
        FollowUpOpened,
        SeatJoined,
        SeatRemoved,
        PairsSet,
        ChairChosen,
        RolesShuffled,
        PairsSwapped,
        PhaseStarted,
        ClockPaused,
        ClockResumed,
        StageSet,
        InjectReleased,
        AgendaItemOpened,
        AgendaItemAdded,
        AgendaItemEdited,
        AgendaItemMoved,
        MotionProposed,
        AmendmentProposed,
        AmendmentDecided,
        MotionSeconded,
        MotionWithdrawn,
        MotionRuledOut,
        BallotChanged,
        VoteCast,
        VoteClosed,
        BudgetTransferred,
        MotionVoided,
        HandRaised,
        HandLowered,
        SpeakerCalled,
        SpeakerFinished,
        Announced,
        InjectWritten,
        SeatMoved,
        TenPercentOpened,
        TenPercentAnswered,
        TenPercentRevealed,
        TimeAdvanced,
        ReflectionGiven,
        NotebookWritten,
        DraftWritten,
        DraftTabled,
        DraftDiscarded,
        ThirdMemberSeated,
        ObserverSeated,
        CorrectionUndone,
        SeatingRestored,
        AgendaItemRemoved,
        NewsWithdrawn,
        MotionRestored,
        DoorsSet,
    )
}


__all__ = [
    "EVENT_TYPES",
    "AgencyFacts",
    "AgendaFacts",
    "AgendaItemAdded",
    "AgendaItemEdited",
    "AgendaItemMoved",
    "AgendaItemOpened",
    "AgendaItemRemoved",
    "AmendmentDecided",
    "AmendmentProposed",
    "Announced",
    "Assignment",
    "BallotChanged",
    "BudgetTransferred",
    "CarriedDecision",
    "CarriedSeat",
    "ChairChosen",
    "ClockPaused",
    "ClockResumed",
    "CorrectionUndone",
    "DirectorateFacts",
    "DoorsSet",
    "DraftDiscarded",
    "DraftTabled",
    "DraftTerms",
    "DraftWritten",
    "Event",
    "ExportedCostFacts",
    "FollowUpOpened",
    "FollowUpStarted",
    "FundFacts",
    "HandLowered",
    "HandRaised",
    "IndicatorFacts",
    "InjectFacts",
    "InjectReleased",
    "InjectWritten",
    "LeverFacts",
    "MotionProposed",
    "MotionRestored",
    "MotionRuledOut",
    "MotionSeconded",
    "MotionVoided",
    "MotionWithdrawn",
    "NewsWithdrawn",
    "NotebookWritten",
    "ObserverSeated",
    "PairSpec",
    "PairsSet",
    "PairsSwapped",
    "PhaseStarted",
    "PreventionFacts",
    "PurposeFacts",
    "ReflectionGiven",
    "RolesShuffled",
    "ScenarioFacts",
    "SeatJoined",
    "SeatMoved",
    "SeatRemoved",
    "SeatingRestored",
    "SessionCreated",
    "SpeakerCalled",
    "SpeakerFinished",
    "StageSet",
    "TargetTerms",
    "TenPercentAnswered",
    "TenPercentOpened",
    "TenPercentRevealed",
    "ThirdMemberSeated",
    "TimeAdvanced",
    "Transfer",
    "VoteCast",
    "VoteClosed",
]
