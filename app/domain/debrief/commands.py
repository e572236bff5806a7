"""The participants' reflection on the partnership, and the features they rate."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from ..core.command_base import Command

FEATURES: dict[str, str] = {
    "shared-aims": "Shared aims: we agreed what we were trying to achieve",
    "clear-roles": "Clear roles: everyone knew who does what",
    "power-sharing": "Power sharing: decisions were not left to the biggest budgets",
    "trust": "Trust: people were open and kept their word",
    "residents-voice": "Residents' voice: residents were heard and changed decisions",
    "information-sharing": "Information sharing: we shared what we knew",
}


class Reflect(Command):
    """A participant's ratings of the partnership (1 poor to 5 excellent) on each feature, and a comment."""

    type: Literal["reflect"] = "reflect"
    ratings: dict[
        Literal["shared-aims", "clear-roles", "power-sharing", "trust", "residents-voice", "information-sharing"],
        Annotated[int, Field(ge=1, le=5)],
    ] = Field(min_length=1)
    comment: str = Field("", max_length=1000)
