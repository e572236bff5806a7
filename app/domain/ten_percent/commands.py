"""Commands for the extra 10% round: open it, answer it, reveal the map."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..core.command_base import Command, Ref


class OpenTenPercent(Command):
    type: Literal["open-ten-percent"] = "open-ten-percent"


class AnswerTenPercent(Command):
    type: Literal["answer-ten-percent"] = "answer-ten-percent"
    recipient: Ref
    reason: str = Field("", max_length=500)


class RevealTenPercent(Command):
    type: Literal["reveal-ten-percent"] = "reveal-ten-percent"
