"""Commands for the shuffle: deal roles so no pair plays its own agency, or swap two pairs' roles."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..core.command_base import Command, Ref


class Shuffle(Command):
    type: Literal["shuffle"] = "shuffle"
    seed: int | None = Field(None, ge=0, le=2**31 - 1)


class SwapPairs(Command):
    type: Literal["swap-pairs"] = "swap-pairs"
    first: Ref
    second: Ref
