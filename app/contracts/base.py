"""The base of every wire model, and the small shapes many of them share."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

Phase = Literal["lobby", "read_in", "board", "debrief", "closed"]


class Wire(BaseModel):
    """A JSON object on the wire: every key it may carry is named here, and no other is allowed."""

    model_config = ConfigDict(extra="forbid")


class SeatRef(Wire):
    """How views name a person: their seat id and display name."""

    id: str
    name: str


class Named(Wire):
    id: str
    name: str
