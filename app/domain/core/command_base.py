"""The shared base of every command, the field types commands use, and who sent a command when."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from ..core.types import SeatId

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]


Ref = Annotated[str, Field(min_length=1, max_length=40)]


ItemKind = Literal["objectives", "targets", "strategies", "budget", "free"]


class Command(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


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
