"""Rooms of open connections, one room per session. The hub only delivers what it is given.

Each connection has its own queue and sender, so one slow laptop on venue
Wi-Fi never holds up the others; a connection whose queue overflows is
closed and will resume from its last sequence number when it reconnects.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from dataclasses import dataclass, field

from ..domain.views import Viewer

QUEUE_LIMIT = 500
# Open connections one viewer may hold in a session: a person's phone and laptop, a tab or two, and room to
# spare for reconnects; the trainer's and the projector's screens are shared by more pages.
SOCKETS_PER_SEAT = 5
SOCKETS_PER_SCREEN = 20
FELL_BEHIND = 1013  # try again later: reconnect and resume


class TooManySockets(Exception):
    """This viewer already has as many connections to the session as it may."""

    def __init__(self, limit: int):
        super().__init__(f"This seat already has {limit} connections open; close another tab or device first.")
        self.limit = limit


@dataclass(eq=False)
class Connection:
    viewer: Viewer
    queue: asyncio.Queue[str | None] = field(default_factory=lambda: asyncio.Queue(QUEUE_LIMIT))
    sign_in: str = ""  # a trainer's sign-in (its hash), so signing out can close the connection
    close_code: int = FELL_BEHIND  # by default: reconnect and resume
    close_reason: str = ""

    def push(self, text: str) -> None:
        try:
            self.queue.put_nowait(text)
        except asyncio.QueueFull:
            self.close()

    def close(self, code: int | None = None, reason: str = "") -> None:
        """Asks the sender to stop; it closes the connection with `code` after what is already queued."""
        if code is not None:
            self.close_code, self.close_reason = code, reason
        while True:
            try:
                self.queue.put_nowait(None)
                return
            except asyncio.QueueFull:
                self.queue.get_nowait()


class Hub:
    def __init__(self, per_seat: int = SOCKETS_PER_SEAT, per_screen: int = SOCKETS_PER_SCREEN) -> None:
        self._rooms: dict[str, set[Connection]] = defaultdict(set)
        self.per_seat, self.per_screen = per_seat, per_screen

    def join(self, code: str, conn: Connection) -> None:
        """Adds a connection to the session's room; raises TooManySockets if its viewer has enough already."""
        limit = self.per_seat if conn.viewer.kind == "seat" else self.per_screen
        same = sum(1 for other in self._rooms.get(code, ()) if other.viewer == conn.viewer)
        if same >= limit:
            raise TooManySockets(limit)
        self._rooms[code].add(conn)

    def leave(self, code: str, conn: Connection) -> None:
        room = self._rooms.get(code)
        if room is not None:
            room.discard(conn)
            if not room:
                del self._rooms[code]

    def viewers(self, code: str) -> set[Viewer]:
        return {conn.viewer for conn in self._rooms.get(code, ())}

    def deliver(self, code: str, messages: dict[str, str]) -> None:
        """Takes viewer key -> serialised message; queues each for every connection of that viewer."""
        for conn in list(self._rooms.get(code, ())):
            text = messages.get(conn.viewer.key)
            if text is not None:
                conn.push(text)

    def close_room(self, code: str) -> None:
        """Ends every connection to a session that no longer exists."""
        for conn in self._rooms.pop(code, set()):
            conn.close()

    def close_viewer(self, code: str, viewer: Viewer, close_code: int, reason: str) -> None:
        """Ends every connection of one viewer (a seat the trainer removed)."""
        for conn in list(self._rooms.get(code, ())):
            if conn.viewer == viewer:
                conn.close(close_code, reason)

    def close_sign_in(self, sign_in: str) -> None:
        """Ends every connection opened with this trainer sign-in, in every session."""
        for room in self._rooms.values():
            for conn in list(room):
                if conn.sign_in == sign_in:
                    conn.close(1008, "You have signed out.")

    def count(self, code: str) -> int:
        return len(self._rooms.get(code, ()))
