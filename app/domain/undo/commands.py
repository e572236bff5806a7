"""The trainer's one undo command."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..core.command_base import Command


class Undo(Command):
    """Undo the latest reversible correction; `seq` (optional) names it, so a stale screen undoes nothing else."""

    type: Literal["undo"] = "undo"
    seq: int | None = Field(None, ge=1, le=10**9)
