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


@dataclass(eq=False)
class Connection:
    viewer: Viewer
    queue: asyncio.Queue[str | None] = field(default_factory=lambda: asyncio.Queue(QUEUE_LIMIT))
    sign_in: str = ""  # a trainer's sign-in (its hash), so signing out can close the connection
    close_code: int = 1013  # by default: reconnect and resume; 1008 when the caller may no longer watch

    def push(self, text: str) -> None:
        try:
            self.queue.put_nowait(text)
        except asyncio.QueueFull:
            self.close()

    def close(self, code: int | None = None) -> None:
        """Asks the sender to stop; it drops the connection after what is already queued."""
        self.close_code = code or self.close_code
        while True:
            try:
                self.queue.put_nowait(None)
                return
            except asyncio.QueueFull:
                self.queue.get_nowait()


class Hub:
    def __init__(self) -> None:
        self._rooms: dict[str, set[Connection]] = defaultdict(set)

    def join(self, code: str, conn: Connection) -> None:
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

    def close_sign_in(self, sign_in: str) -> None:
        """Ends every connection opened with this trainer sign-in, in every session."""
        for room in self._rooms.values():
            for conn in list(room):
                if conn.sign_in == sign_in:
                    conn.close(1008)

    def count(self, code: str) -> int:
        return len(self._rooms.get(code, ()))
