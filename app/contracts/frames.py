"""Websocket frames in both directions on `/ws/{code}`, and the codes a connection closes with
(`app/realtime/ws.py`, `app/realtime/protocol.py`, `app/actions.py`)."""

from __future__ import annotations

import typing
from enum import IntEnum
from typing import Annotated, Any, Literal, Union

from pydantic import Field

from ..domain.commands import AnyCommand, Join
from .base import Wire
from .events import ShownEvent
from .views import View


class CloseCode(IntEnum):
    """Why the server ends a connection; `CLOSE_MEANINGS` says each in words, as `docs/protocol.md` does."""

    POLICY = 1008
    TRY_AGAIN_LATER = 1013
    SEAT_REMOVED = 4403
    UNKNOWN_SESSION = 4404
    RESYNC = 4409
    TOO_MANY = 4429


CLOSE_MEANINGS: dict[CloseCode, str] = {
    CloseCode.POLICY: "refused: a page from another site, too many wrong session codes from this device, "
    "or not joined (or not signed in as a trainer who runs the session), sent before the handshake completes, "
    "so the browser sees a refused connection; or, on an open connection, the trainer signed out. "
    "Trying again cannot help.",
    CloseCode.TRY_AGAIN_LATER: "the session was deleted: reconnect with `after` set to the last `seq` seen, "
    "and be told there is no such session.",
    CloseCode.RESYNC: "this client fell behind (more than `client_queue_bytes` waited to be sent to it), so it was "
    "dropped: reconnect, and the first `sync` carries the whole view.",
    CloseCode.SEAT_REMOVED: "the trainer removed this seat. Trying again cannot help.",
    CloseCode.UNKNOWN_SESSION: "no session has this code (after an `error` frame saying so). Trying again cannot help.",
    CloseCode.TOO_MANY: "too many connections: this seat has 5 open (the trainer's and projector's screens: 20 "
    "each), or it is reconnecting too often. Try again later.",
}


# --- server to client -------------------------------------------------------------------------------------


class SyncFrame(Wire):
    """First, on every connection: the events missed after `after`, then the whole view; its stream starts."""

    type: Literal["sync"]
    seq: int
    n: Literal[0] = Field(description="this connection's stream number: 0 here, one more with each `delta`")
    events: list[ShownEvent]
    view: View
    reset: bool = Field(description="true (with no events): start again from this view")


class PatchOp(Wire):
    """One JSON Patch (RFC 6902) operation; `path` is a JSON Pointer into the view, such as `/motions/0/voted`."""

    op: Literal["add", "remove", "replace"]
    path: str = Field(pattern=r"^(/[^/]*)+$")
    value: Any = Field(None, description="the new value (for `add` and `replace`; absent for `remove`)")


class DeltaFrame(Wire):
    """Each time the session changes: what changed in this viewer's view since the last message, as a patch."""

    type: Literal["delta"]
    seq: int
    n: int = Field(
        ge=1,
        description="one more than the last `sync` or `delta` on this connection; a gap means "
        "the client's view is wrong: it reconnects for a fresh `sync`",
    )
    events: list[ShownEvent]
    patch: list[PatchOp] = Field(description="applied in order to the view; sections left out did not change")


class AckFrame(Wire):
    """A command was recorded; `duplicate`: it had been recorded already and nothing happened twice."""

    type: Literal["ack"]
    id: str
    seq: int
    duplicate: bool


class ErrorFrame(Wire):
    """A command was refused, or a frame was malformed; nothing changed."""

    type: Literal["error"]
    id: str | None = Field(description="the command's id, or null when the frame could not be read")
    message: str


class PongFrame(Wire):
    type: Literal["pong"]


ServerFrame = Annotated[
    Union[SyncFrame, DeltaFrame, AckFrame, ErrorFrame, PongFrame],  # noqa: UP007
    Field(discriminator="type"),
]

# --- client to server -------------------------------------------------------------------------------------

_every_command = typing.get_args(typing.get_args(AnyCommand)[0])
if typing.TYPE_CHECKING:  # every command but joining, chosen at run time, so a type checker cannot follow it
    SocketCommand = typing.Any
else:
    SocketCommand = Annotated[
        Union[tuple(model for model in _every_command if model is not Join)],  # noqa: UP007
        Field(discriminator="type"),
    ]


class CommandFrame(Wire):
    """One command; its `id` (made by the client) makes a resend harmless. Joining is HTTP only."""

    type: Literal["command"]
    id: str = Field(min_length=1, max_length=80)
    command: SocketCommand


class PingFrame(Wire):
    """Answered with a `pong`; keeps the connection known to be alive."""

    type: Literal["ping"]


ClientFrame = Annotated[Union[CommandFrame, PingFrame], Field(discriminator="type")]  # noqa: UP007
