"""The websocket message envelope: what a client may send, and the error frame it gets back."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError


class ClientFrame(BaseModel):
    model_config = ConfigDict(extra="forbid")

    type: Literal["command", "ping"]
    id: str | None = Field(None, min_length=1, max_length=80)
    command: dict[str, Any] | None = None


def error(frame_id: str | None, message: str) -> dict:
    return {"type": "error", "id": frame_id, "message": message}


def parse_frame(message: Mapping[str, Any], limit: int) -> ClientFrame | dict:
    """Takes a raw websocket message; returns the parsed frame, or an error frame to send back."""
    text = message.get("text")
    if text is None:
        return error(None, "Only text messages are understood.")
    if len(text.encode("utf-8")) > limit:
        return error(None, f"That message is too large (the limit is {limit} bytes).")
    try:
        frame = ClientFrame.model_validate(json.loads(text))
    except (json.JSONDecodeError, ValidationError, RecursionError):
        return error(None, "That message was not understood; nothing was changed.")
    if frame.type == "command" and (frame.id is None or frame.command is None):
        return error(frame.id, "A command needs an id and a command.")
    return frame
