"""The trainer's choice of what the projector shows."""

from __future__ import annotations

from typing import Literal, get_args

from ..core.command_base import Command

Stage = Literal[
    "join", "roster", "shuffle", "agenda", "ledger", "ten-percent", "news", "consequences", "debrief", "blank"
]
STAGES: tuple[str, ...] = get_args(Stage)


class SetStage(Command):
    type: Literal["set-stage"] = "set-stage"
    stage: Stage
