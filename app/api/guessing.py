"""Slows down anyone guessing session codes: too many unknown codes from one address in a minute,
and that address is told to wait before it may look up any session again."""

from __future__ import annotations

import time
from collections import defaultdict, deque

from fastapi import HTTPException
from starlette.requests import HTTPConnection

from .deps import is_trainer

WINDOW_SECONDS = 60
# A venue's laptops often share one address, so the limit leaves room for a whole room's typos.
MAX_MISSES = 60


class GuessGuard:
    def __init__(self, limit: int = MAX_MISSES, window: float = WINDOW_SECONDS, clock=time.monotonic):
        self.limit, self.window, self.clock = limit, window, clock
        self._misses: dict[str, deque[float]] = defaultdict(deque)

    def _recent(self, who: str) -> deque[float]:
        misses, cutoff = self._misses[who], self.clock() - self.window
        while misses and misses[0] < cutoff:
            misses.popleft()
        if not misses:
            self._misses.pop(who, None)
        return misses

    def blocked(self, who: str) -> bool:
        return len(self._recent(who)) >= self.limit

    def missed(self, who: str) -> None:
        self._misses[who].append(self.clock())


def client_of(conn: HTTPConnection) -> str:
    return conn.client.host if conn.client else "unknown"


def check_not_guessing(conn: HTTPConnection) -> None:
    """A dependency for every route that takes a session code; the signed-in trainer is never held up."""
    if conn.app.state.guard.blocked(client_of(conn)) and not is_trainer(conn, conn.app.state.services):
        raise HTTPException(
            429,
            "Too many wrong session codes from this device. Wait a minute, then check the "
            "code on the screen and try again.",
        )
