"""Events of the big screen."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..core.event_base import Event


@dataclass(frozen=True)
class StageSet(Event):
    """The trainer put `stage` on the big screen; until the first one the screen follows the phase."""

    type: ClassVar[str] = "stage-set"
    stage: str
