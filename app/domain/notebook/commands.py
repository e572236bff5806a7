"""The one notebook command: save the pair's page, carrying its whole text (the page saves as people type)."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field

from ..core.command_base import Command

NOTEBOOK_LIMIT = 20_000  # characters: pages of notes, far below what the database or a frame would struggle with


class WriteNotebook(Command):
    """Replace the text of the sender's pair notebook. The whole text travels each time, so the last save wins
    and a reconnect never has to merge anything."""

    # Kept exactly as typed: stripping would take away the space or new line someone has just typed.
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)

    type: Literal["write-notebook"] = "write-notebook"
    text: str = Field(max_length=NOTEBOOK_LIMIT)
