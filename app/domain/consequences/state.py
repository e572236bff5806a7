"""What a session remembers for the consequences model: each round as it was decided, and the stocks a
follow-up meeting carries forward."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..core.types import DirectorateId


@dataclass(frozen=True)
class Round:
    """Time moved on: for how long, the ledger then, which model version works it out, and the levers and
    pooled-fund purposes the board had carried by then."""

    months: int
    ledger: dict[DirectorateId, int]
    model: int = 1
    levers: tuple[str, ...] = ()
    purposes: tuple[tuple[str, str], ...] = ()  # (fund, purpose)
    received: dict[DirectorateId, int] | None = None  # money each holder received by carried transfers


@dataclass(frozen=True)
class Stocks:
    """What carries from one round (or meeting) to the next: how far prevention at each source and each lever
    has taken hold, each indicator's level (-1 worst plausible, 0 where it started, +1 best), and time."""

    months: int = 0
    prevention: dict[str, float] = field(default_factory=dict)
    levers: dict[str, float] = field(default_factory=dict)
    levels: dict[str, float] = field(default_factory=dict)
