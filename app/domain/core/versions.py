"""Stale commands: a trainer's or chair's command names the version of the thing it was decided on, so that of
two screens acting on the same moment only the first takes effect."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from ..core.errors import RuleViolation

Version = Annotated[int | None, Field(ge=0, le=2**53 - 1)]
"""Optional so that logs stored before versions existed still decide again; the pages always send it."""

UNCHANGED = "your screen now shows the current state. Nothing was changed."


def check_version(sent: int | None, current: int, what: str) -> None:
    """Refuses a command whose screen showed an earlier version than `current`; `what` says what moved on."""
    if sent is not None and sent != current:
        raise RuleViolation(f"Someone else has already {what}; {UNCHANGED}")
