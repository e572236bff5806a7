"""What the meeting floor holds: the speakers' queue and the news released so far."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..core.types import SeatId


@dataclass(frozen=True)
class Floor:
    """Who has the floor, who is waiting (in order), and how often each seat has spoken."""

    queue: tuple[SeatId, ...] = ()
    speaking: SeatId | None = None
    contributions: dict[SeatId, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Release:
    at: float
    to: tuple[SeatId, ...] = ()


@dataclass(frozen=True)
class WrittenInject:
    id: str
    title: str
    text: str
    to: tuple[SeatId, ...]
    at: float
