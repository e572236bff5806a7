"""Commands that move the day on: start a phase (lobby, read-in, board meeting, debrief), pause or resume the clock."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..core.command_base import Command
from ..core.types import Phase
from ..core.versions import Version


class StartPhase(Command):
    type: Literal["start-phase"] = "start-phase"
    phase: Phase
    minutes: int | None = Field(None, ge=1, le=600)
    phase_version: Version = None


class PauseClock(Command):
    type: Literal["pause-clock"] = "pause-clock"


class ResumeClock(Command):
    type: Literal["resume-clock"] = "resume-clock"
