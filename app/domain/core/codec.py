"""Events to and from plain JSON-ready dicts, for the store and the wire."""

from __future__ import annotations

from dataclasses import asdict
from functools import cache
from typing import Any

from pydantic import TypeAdapter

from ..core.event_base import Event
from ..events import EVENT_TYPES


@cache
def _adapter(event_type: str) -> TypeAdapter[Event]:
    return TypeAdapter(EVENT_TYPES[event_type])


def encode(event: Event) -> dict[str, Any]:
    """Takes an event; returns its fields as plain data, without the type."""
    return asdict(event)


def decode(event_type: str, payload: dict[str, Any]) -> Event:
    """Takes a stored type name and payload; returns the event. Unknown types raise KeyError."""
    return _adapter(event_type).validate_python(payload)
