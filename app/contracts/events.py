"""Events as a viewer receives them in `sync` and `update` frames (`app/domain/views.py`, `shown_event`).

Each event's fields are its dataclass's (the domain's own typed record), with its `seq` and `type`, so these
models follow the events without being written twice. What `shown_event` hides is written down here: the
session's creation shows only its code and title, the seed of a shuffle is the trainer's, a secret ballot
shows only that a directorate voted, and a reflection is never sent at all.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Annotated, Any, Literal, Union, get_type_hints

from pydantic import Field, create_model

from ..domain.events import EVENT_TYPES, Event, ReflectionGiven, RolesShuffled, SessionCreated, VoteCast
from .base import Wire

NEVER_SENT = (ReflectionGiven,)

# Fields a viewer may not get; each is left out of the frame for those viewers, so it is not required.
SOMETIMES_HIDDEN: dict[type[Event], dict[str, str]] = {
    RolesShuffled: {"seed": "the trainer's only"},
    VoteCast: {
        "seat_id": "left out in a secret ballot, except for the voting directorate",
        "choice": "left out in a secret ballot, except for the voting directorate",
    },
}


def _fields(cls: type[Event]) -> dict[str, Any]:
    if cls is SessionCreated:
        return {"code": (str, ...), "title": (str, ...)}
    hints, hidden = get_type_hints(cls), SOMETIMES_HIDDEN.get(cls, {})
    found: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        kind = hints[f.name]
        found[f.name] = (kind | None, Field(None, description=hidden[f.name])) if f.name in hidden else (kind, ...)
    return found


def shown_model(cls: type[Event]) -> type[Wire]:
    """Takes an event class; returns the model of that event on the wire."""
    return create_model(
        "Shown" + cls.__name__,
        __base__=Wire,
        __doc__=" ".join((cls.__doc__ or "").split()),
        seq=(int, ...),
        type=(Literal[cls.type], ...),
        **_fields(cls),
    )


SHOWN: dict[str, type[Wire]] = {
    name: shown_model(cls) for name, cls in EVENT_TYPES.items() if not issubclass(cls, NEVER_SENT)
}

if TYPE_CHECKING:  # built at run time from the events, so a type checker cannot follow it
    ShownEvent = Any
else:
    ShownEvent = Annotated[Union[tuple(SHOWN.values())], Field(discriminator="type")]  # noqa: UP007
