"""Events of the doors."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..core.event_base import Event


@dataclass(frozen=True)
class DoorsSet(Event):
    """The trainer closed the doors to newcomers (`open` false) or opened them again; seats already taken
    are not affected."""

    type: ClassVar[str] = "doors-set"
    open: bool
