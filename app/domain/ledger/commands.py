"""The terms of a budget transfer, as a transfer motion carries them."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from ..core.command_base import Ref


class TransferTerms(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)
    source: Ref
    target: Ref
    amount: int = Field(gt=0, le=10**10)
    reason: str = Field(min_length=1, max_length=500)
    addresses: str = Field("", max_length=90, description="'source>target' of the exported cost it addresses.")
