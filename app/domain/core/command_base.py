"""The shared base of every command, the field types commands use, and who sent a command when."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from ..core.errors import RuleViolation
from ..core.types import SeatId

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]


Ref = Annotated[str, Field(min_length=1, max_length=40)]


ItemKind = Literal["objectives", "targets", "strategies", "budget", "free"]


class Command(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    type: str
    """The tag that says which command this is; every command narrows it to one literal, e.g. "join"."""


def command_type(command: type[Command]) -> str:
    """The `type` tag a command class carries on the wire, e.g. "join"."""
    tag = command.model_fields["type"].default
    if not isinstance(tag, str):
        raise TypeError(f"{command.__name__} has no type tag")
    return tag


@dataclass(frozen=True)
class Actor:
    """Who sent a command: the trainer, a participant's seat, or a newcomer joining."""

    kind: Literal["trainer", "seat", "guest"]
    seat_id: SeatId | None = None

    @classmethod
    def seat(cls, seat_id: SeatId) -> Actor:
        return cls("seat", seat_id)

    def own_seat(self) -> SeatId:
        """This actor's seat, for rules that have already turned the trainer away (decide turns guests away)."""
        if self.seat_id is None:
            raise RuleViolation("Join the session first.")
        return self.seat_id


TRAINER = Actor("trainer")


GUEST = Actor("guest")


@dataclass(frozen=True)
class Context:
    """What the rules need from outside: who acts, when, and ids chosen by the caller."""

    actor: Actor
    now: float
    new_seat_id: SeatId = ""
    seed: int = 0
