"""Commands for arriving and seating: join, remove a seat, pair people, choose the chair, move someone into a role."""

from __future__ import annotations

from typing import Literal

from ..core.command_base import Command, Name, Ref


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


class MoveToRole(Command):
    """Put a participant into a directorate's pair as director or assistant (after the shuffle)."""

    type: Literal["move-to-role"] = "move-to-role"
    seat_id: Ref
    directorate: Ref
    position: Literal["director", "assistant"]
