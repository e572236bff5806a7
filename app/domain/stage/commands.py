"""The trainer's choice of what the projector shows."""

from __future__ import annotations

from typing import Literal, get_args

from ..core.command_base import Command

# "debrief" puts the debrief's first chart (the dividend) on the big screen; "debrief-..." one of the others.
Stage = Literal[
    "join",
    "roster",
    "shuffle",
    "agenda",
    "ledger",
    "ten-percent",
    "news",
    "consequences",
    "debrief",
    "debrief-flows",
    "debrief-costs",
    "debrief-indicators",
    "debrief-motions",
    "debrief-voices",
    "debrief-ten",
    "debrief-reflection",
    "blank",
]
STAGES: tuple[str, ...] = get_args(Stage)


class SetStage(Command):
    type: Literal["set-stage"] = "set-stage"
    stage: Stage
