"""The websocket message envelope: what a client may send, and the error frame it gets back."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

# JavaScript's safe integers: no command needs more, and bigger ones broke handlers and the database.
LARGEST_NUMBER = 2**53 - 1
DEEPEST = 20
NOT_UNDERSTOOD = "That message was not understood; nothing was changed."


class ClientFrame(BaseModel):
    model_config = ConfigDict(extra="forbid")

    type: Literal["command", "ping"]
    id: str | None = Field(None, min_length=1, max_length=80)
    command: dict[str, Any] | None = None


def error(frame_id: str | None, message: str) -> dict:
    return {"type": "error", "id": frame_id, "message": message}


def value_problem(value: Any, depth: int = 0) -> str | None:
    """What is wrong with a decoded JSON value that a database or the rules cannot take, or None."""
    if depth > DEEPEST:
        return f"That message is nested too deeply (at most {DEEPEST} levels); nothing was changed."
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int) and abs(value) > LARGEST_NUMBER:
        return f"A number in that message is too large (at most {LARGEST_NUMBER:,}); nothing was changed."
    if isinstance(value, float) and not math.isfinite(value):
        return "A number in that message is not a real number; nothing was changed."
    if isinstance(value, str) and "\x00" in value:
        return "Text in that message contains a NUL character, which is not allowed; nothing was changed."
    if isinstance(value, dict):
        return next((p for k, v in value.items() for p in (value_problem(k), value_problem(v, depth + 1)) if p), None)
    if isinstance(value, list):
        return next((p for v in value if (p := value_problem(v, depth + 1))), None)
    return None


def _refuse_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number")


def parse_frame(message: Mapping[str, Any], limit: int) -> ClientFrame | dict:
    """Takes a raw websocket message; returns the parsed frame, or an error frame to send back."""
    text = message.get("text")
    if text is None:
        return error(None, "Only text messages are understood.")
    if len(text.encode("utf-8", "surrogatepass")) > limit:
        return error(None, f"That message is too large (the limit is {limit} bytes).")
    try:
        raw = json.loads(text, parse_constant=_refuse_constant)
    except (ValueError, RecursionError):  # also integers too long to read (Python refuses past 4,300 digits)
        return error(None, NOT_UNDERSTOOD)
    problem = value_problem(raw)
    frame_id = raw.get("id") if isinstance(raw, dict) and isinstance(raw.get("id"), str) else None
    if problem:
        return error(None if frame_id and "\x00" in frame_id else frame_id, problem)
    try:
        frame = ClientFrame.model_validate(raw)
    except ValidationError:
        return error(None, NOT_UNDERSTOOD)
    if frame.type == "command" and (frame.id is None or frame.command is None):
        return error(frame.id, "A command needs an id and a command.")
    return frame
