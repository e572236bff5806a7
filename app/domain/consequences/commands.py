"""The command that advances simulated time by a quarter or a year."""

from __future__ import annotations

from typing import Literal

from ..core.command_base import Command


class AdvanceTime(Command):
    """Move the neighbourhood on by a quarter or a year, with the budgets as they stand."""

    type: Literal["advance-time"] = "advance-time"
    period: Literal["quarter", "year"] = "year"
