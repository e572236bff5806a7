"""Commands for seating a late arrival."""

from __future__ import annotations

from typing import Literal

from ..core.command_base import Command, Ref


class SeatThirdMember(Command):
    """Add a participant who has no place yet to a pair that holds a directorate, as its third member."""

    type: Literal["seat-third-member"] = "seat-third-member"
    seat_id: Ref
    pair_id: Ref


class SeatObserver(Command):
    """Make a participant who has no place yet an observer: public documents and the meeting, no pack, no vote."""

    type: Literal["seat-observer"] = "seat-observer"
    seat_id: Ref
