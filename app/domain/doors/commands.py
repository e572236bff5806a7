"""Commands for the doors: close or open them to newcomers, and remove several seats at once."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..core.command_base import Command, Ref


class SetDoors(Command):
    """Close the doors (`open` false: joins are refused, seats already taken still work) or open them again."""

    type: Literal["set-doors"] = "set-doors"
    open: bool


class RemoveSeats(Command):
    """Remove every seat in `seat_ids` at once (people who joined twice, or left), with one confirmation."""

    type: Literal["remove-seats"] = "remove-seats"
    seat_ids: list[Ref] = Field(min_length=1, max_length=100)
