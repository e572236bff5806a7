"""Events of the shuffle: the roles each pair was dealt, and swaps."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..core.event_base import Event
from ..core.types import DirectorateId, PairId, SeatId


@dataclass(frozen=True)
class Assignment:
    pair_id: PairId
    directorate: DirectorateId
    director: SeatId
    assistant: SeatId | None


@dataclass(frozen=True)
class RolesShuffled(Event):
    """Each pair was given a directorate that is not its own agency's; `seed` reproduces it."""

    type: ClassVar[str] = "roles-shuffled"
    seed: int
    assignments: tuple[Assignment, ...]
    chair: SeatId | None


@dataclass(frozen=True)
class PairsSwapped(Event):
    """The trainer swapped the directorates of two pairs after the shuffle."""

    type: ClassVar[str] = "pairs-swapped"
    first: PairId
    second: PairId
