"""Rooms of open connections, one room per session. The hub only delivers what it is given.

Each connection has its own queue and sender, so one slow laptop on venue
Wi-Fi never holds up the others: delivering only appends to queues and never
waits. Each queue is bounded by the bytes it holds, not by how many messages:
a client that falls that far behind is dropped with RESYNC and, when it
reconnects, is sent a fresh view instead of everything it missed.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict, deque
from typing import Any

from ..domain.views import Viewer

QUEUE_BYTES = 1024 * 1024
RESUME = 1013  # the server asked the client to go; it reconnects and resumes from its last sequence number
POLICY = 1008  # the caller may no longer watch (signed out, session deleted)
RESYNC = 4409
RESYNC_REASON = "You fell behind; reconnecting with a fresh view."


def size_of(text: str) -> int:
    """Bytes the text takes on the wire (JSON from json.dumps is ASCII, so usually its length)."""
    return len(text) if text.isascii() else len(text.encode())


# Open connections one viewer may hold in a session: a person's phone and laptop, a tab or two, and room to
# spare for reconnects; the trainer's and the projector's screens are shared by more pages.
SOCKETS_PER_SEAT = 5
SOCKETS_PER_SCREEN = 20
SEAT_REMOVED = 4403
REMOVED_REASON = "The trainer removed you from this session."


class TooManySockets(Exception):
    """This viewer already has as many connections to the session as it may."""

    def __init__(self, limit: int):
        super().__init__(f"This seat already has {limit} connections open; close another tab or device first.")
        self.limit = limit


class Connection:
    """One client's outgoing queue. `push` never waits; the sender awaits `next`.

    Thousands are open at once, mostly idle, so each is kept small: slots, and a future to wake the sender
    made only while it waits (an `asyncio.Event` holds its own queue of waiters), and a queue only while
    something waits in it (an empty deque is over half a kilobyte)."""

    __slots__ = (
        "_queue",
        "_waiting",
        "close_code",
        "close_reason",
        "limit_bytes",
        "n",
        "queued_bytes",
        "sent",
        "sign_in",
        "viewer",
    )

    def __init__(self, viewer: Viewer, sign_in: str = "", limit_bytes: int = QUEUE_BYTES):
        self.viewer = viewer
        self.sign_in = sign_in  # a trainer's sign-in (its hash), so signing out can close the connection
        self.limit_bytes = limit_bytes
        self.queued_bytes = 0
        self.close_code: int | None = None
        self.close_reason = ""
        self._queue: deque[str] | None = None  # made when a message comes, let go when the sender empties it
        self._waiting: asyncio.Future[None] | None = None  # the sender's, while it waits for a message
        # The client's copy of its view, section by section (the shared ones, its own, and the sections'
        # generations when its own were worked out), and how many messages of its stream it has been sent (its
        # `sync` is 0): what the next `delta` is worked out against (see app/realtime/stream.py).
        self.sent: tuple[dict[str, Any], dict[str, Any], dict[str, int] | None] = ({}, {}, None)
        self.n = 0

    @property
    def closed(self) -> bool:
        return self.close_code is not None

    def push(self, text: str) -> bool:
        """Queues a message; returns False if the connection is closed or has just been dropped for falling behind.

        A message larger than the whole bound is still taken when nothing is waiting, so a big first view
        always gets through; otherwise the queue never holds more than `limit_bytes`.
        """
        if self.closed:
            return False
        size = size_of(text)
        if self._queue and self.queued_bytes + size > self.limit_bytes:
            self.close(RESYNC, RESYNC_REASON)
            return False
        if self._queue is None:
            self._queue = deque()
        self._queue.append(text)
        self.queued_bytes += size
        self._wake()
        return True

    def close(self, code: int = RESUME, reason: str = "") -> None:
        """Ends the connection once what is already queued is sent, so a removed seat or a deleted session's
        last update still arrives; a client dropped for falling behind (RESYNC) has its queue let go at once,
        since it will get the whole view when it reconnects."""
        if self.closed:
            return
        self.close_code, self.close_reason = code, reason
        if code == RESYNC:
            self._queue = None
            self.queued_bytes = 0
        self._wake()

    def _wake(self) -> None:
        if self._waiting is not None and not self._waiting.done():
            self._waiting.set_result(None)

    async def next(self) -> str | None:
        """The next message to send, waiting for one; None once the connection is closed."""
        while not self._queue:
            if self.closed:
                return None
            self._waiting = asyncio.get_running_loop().create_future()
            try:
                await self._waiting
            finally:
                self._waiting = None
        text = self._queue.popleft()
        if not self._queue:
            self._queue = None
        self.queued_bytes -= size_of(text)
        return text

    def __len__(self) -> int:
        return len(self._queue) if self._queue else 0


class Hub:
    def __init__(
        self, queue_bytes: int = QUEUE_BYTES, per_seat: int = SOCKETS_PER_SEAT, per_screen: int = SOCKETS_PER_SCREEN
    ) -> None:
        self.queue_bytes = queue_bytes
        self._rooms: dict[str, set[Connection]] = defaultdict(set)
        self.per_seat, self.per_screen = per_seat, per_screen

    def connection(self, viewer: Viewer, sign_in: str = "") -> Connection:
        """A new connection bounded by this hub's byte limit (not yet in any room)."""
        return Connection(viewer, sign_in, self.queue_bytes)

    def join(self, code: str, conn: Connection) -> None:
        """Adds a connection to the session's room; raises TooManySockets if its viewer has enough already.
        A connection already closed (dropped for falling behind) must reconnect rather than slip back in."""
        if conn.closed:
            return
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

    def connections(self, code: str) -> list[Connection]:
        return list(self._rooms.get(code, ()))

    def deliver_each(self, code: str, messages: dict[Connection, str]) -> None:
        """Takes connection -> serialised message; queues each for its connection (if still in the room)."""
        room = self._rooms.get(code)
        if not room:
            return
        for conn, text in messages.items():
            if conn in room and not conn.push(text):
                self.leave(code, conn)

    def deliver(self, code: str, messages: dict[str, str]) -> None:
        """Takes viewer key -> serialised message; queues each for every connection of that viewer.

        A connection that overflows is closed and leaves the room at once, so it holds no more memory here."""
        room = self._rooms.get(code)
        if not room:
            return
        for conn in list(room):
            text = messages.get(conn.viewer.key)
            if text is not None and not conn.push(text):
                self.leave(code, conn)

    def close_room(self, code: str) -> None:
        """Ends every connection to a session that no longer exists. Each page tries once more and is told
        there is no such session (4404), which says more than a bare refusal would."""
        for conn in self._rooms.pop(code, set()):
            conn.close(RESUME, "This session has been deleted.")

    def remove_seat(self, code: str, seat_id: str) -> None:
        """Ends every connection of a seat the trainer removed, saying so; its page stops reconnecting."""
        for conn in list(self._rooms.get(code, ())):
            if conn.viewer == Viewer("seat", seat_id):
                conn.close(SEAT_REMOVED, REMOVED_REASON)
                self.leave(code, conn)

    def close_sign_in(self, sign_in: str) -> None:
        """Ends every connection opened with this trainer sign-in, in every session."""
        for code, room in list(self._rooms.items()):
            for conn in list(room):
                if conn.sign_in == sign_in:
                    conn.close(POLICY, "You have signed out.")
                    self.leave(code, conn)

    def count(self, code: str) -> int:
        return len(self._rooms.get(code, ()))

    def active(self) -> set[str]:
        """The codes of sessions with at least one open connection."""
        return set(self._rooms)
