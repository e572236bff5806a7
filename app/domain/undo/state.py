"""A reversible correction as the state keeps it: where it is in the log, what it was, and how to reverse it."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.event_base import Event


@dataclass(frozen=True)
class Correction:
    seq: int
    kind: str  # "seating", "agenda", "news" or "vote"
    what: str  # in words, for the trainer's undo button
    undo: tuple[Event, ...]
