"""The shared base of every command, and the field types commands use."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]
Ref = Annotated[str, Field(min_length=1, max_length=40)]


ItemKind = Literal["objectives", "targets", "strategies", "budget", "free"]


class Command(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)
