"""Names for the identifiers that pass through the domain, so signatures say what they mean."""

from __future__ import annotations

from typing import Literal

SessionId = str


SeatId = str


PairId = str


DirectorateId = str


AgencyId = str


MotionId = str


Seq = int


Phase = Literal["lobby", "read_in", "board", "debrief", "closed"]


PHASES: tuple[Phase, ...] = ("lobby", "read_in", "board", "debrief", "closed")


PHASE_LABELS: dict[str, str] = {
    "lobby": "Arrival",
    "read_in": "Read-in",
    "board": "Board meeting",
    "debrief": "Debrief",
    "closed": "Finished",
}


RESIDENT: AgencyId = "resident"


Choice = Literal["for", "against", "abstain"]
