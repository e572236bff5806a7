"""Slows down anyone guessing session codes, without locking out a room that shares one address.

Wrong codes are counted per browser (see browsers.py): after FREE_MISSES in a row, each further miss makes
that browser wait twice as long as the last (2 s, 4 s, 8 s ... at most MAX_WAIT). Clients without a browser
id share one count per address. Above all of that, one address may miss at most ADDRESS_MISSES times a
minute, however many browser ids it has. Whoever is waiting cannot look up any session code, hit or miss,
so waiting tells them nothing; the signed-in trainer and a browser already seated in that session are
never held up.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable

from anyio import to_thread
from fastapi import HTTPException
from starlette.requests import HTTPConnection

from .browsers import client_of
from .deps import is_trainer, normalise_code, seat_of

FREE_MISSES = 10
MAX_WAIT = 300
FORGET_AFTER = 600  # a browser's count starts again after ten quiet minutes
WINDOW = 60
# A training centre's rooms behind one address, typing codes at once, stay well below this.
ADDRESS_MISSES = 300


class GuessGuard:
    def __init__(
        self,
        free: int = FREE_MISSES,
        address_limit: int = ADDRESS_MISSES,
        max_wait: float = MAX_WAIT,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.free, self.address_limit, self.max_wait, self.clock = free, address_limit, max_wait, clock
        self._browsers: dict[str, tuple[int, float]] = {}
        self._addresses: dict[str, deque[float]] = {}

    def wait(self, browser: str, address: str) -> float:
        """Seconds this browser must wait before it may look up a session code again (0: it may now)."""
        now = self.clock()
        return max(self._browser_wait(browser, now), self._address_wait(address, now))

    def _browser_wait(self, browser: str, now: float) -> float:
        misses, last = self._browsers.get(browser, (0, now))
        if now - last > FORGET_AFTER:
            self._browsers.pop(browser, None)
            return 0.0
        if misses <= self.free:
            return 0.0
        return max(0.0, last + min(2.0 ** (misses - self.free), self.max_wait) - now)

    def _address_wait(self, address: str, now: float) -> float:
        recent = self._recent(address, now)
        return recent[0] + WINDOW - now if len(recent) >= self.address_limit else 0.0

    def _recent(self, address: str, now: float) -> deque[float]:
        recent = self._addresses.setdefault(address, deque())
        while recent and recent[0] <= now - WINDOW:
            recent.popleft()
        if not recent:
            del self._addresses[address]
        return recent

    def missed(self, browser: str, address: str) -> None:
        now = self.clock()
        misses, last = self._browsers.get(browser, (0, now))
        self._browsers[browser] = (1 if now - last > FORGET_AFTER else misses + 1, now)
        self._recent(address, now)
        self._addresses.setdefault(address, deque()).append(now)


def record_miss(conn: HTTPConnection) -> None:
    conn.app.state.guard.missed(conn.app.state.browsers.key_of(conn), client_of(conn))


async def guessing_wait(conn: HTTPConnection, code: str) -> float:
    """Seconds this caller must wait before looking up `code`; the trainer and its seats never wait."""
    state = conn.app.state
    wait = state.guard.wait(state.browsers.key_of(conn), client_of(conn))
    if not wait:
        return 0.0
    svc = state.services
    if await to_thread.run_sync(is_trainer, conn, svc) or await seat_of(conn, svc, normalise_code(code)):
        return 0.0
    return wait


async def check_not_guessing(conn: HTTPConnection) -> None:
    """A dependency for every route that takes a session code."""
    code = conn.path_params.get("code")
    if code is None:
        return
    wait = await guessing_wait(conn, code)
    if wait:
        raise HTTPException(
            429,
            f"Too many wrong session codes from this browser. Wait {math.ceil(wait)} seconds, then check the "
            "code on the screen and try again.",
            headers={"Retry-After": str(math.ceil(wait))},
        )
