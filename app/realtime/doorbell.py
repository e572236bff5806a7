"""The doorbell: how several server processes on one PostgreSQL database keep each other's viewers up to date.

The database log is the truth. Every append rings `LISTEN/NOTIFY` on commit (app/store/events.py); each process
listens, and for a session it holds in memory asks `Actions.relay` to read what is new from the log and tell
its own viewers. A ring is only a hint to look: what is told always comes from the log by sequence number, so a
ring lost, late or repeated never loses or doubles an event. After a lost connection the listener waits (with
growing, jittered pauses), listens again, and only then catches up every cached session, so nothing stored
while it was away is missed. SQLite serves one process and has no doorbell.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import random
from collections.abc import Awaitable, Callable

import psycopg
from psycopg.conninfo import make_conninfo
from sqlalchemy.engine import Engine

from ..actions import Actions
from ..store import events as log

logger = logging.getLogger("nplc.doorbell")

# A connection that has been quiet this long is asked a question, so one silently cut (a firewall timing it out)
# is found and replaced rather than listened to for ever.
QUIET_CHECK_SECONDS = 30.0
FIRST_PAUSE, LONGEST_PAUSE = 0.1, 10.0
# Keepalives let the kernel notice a peer that vanished without closing the connection; the name shows the
# listener in pg_stat_activity (operators, and tests that cut it off).
APPLICATION_NAME = "nplc-doorbell"
OPTIONS: dict[str, str | int] = {
    "application_name": APPLICATION_NAME,
    "keepalives": 1,
    "keepalives_idle": 30,
    "keepalives_interval": 10,
    "keepalives_count": 3,
}


def listener_url(engine: Engine) -> str:
    """The engine's database as a libpq address with the listener's options (psycopg itself does not read
    SQLAlchemy's `postgresql+psycopg://`)."""
    plain = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    return make_conninfo(plain, **OPTIONS)


class Doorbell:
    """Listens for rings from other processes and hands each session that moved on to `relay`."""

    def __init__(
        self,
        url: str,
        actions: Actions,
        quiet_check: float = QUIET_CHECK_SECONDS,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ):
        self.url, self.actions, self.quiet_check, self.sleep = url, actions, quiet_check, sleep
        self.me = log.ringer(actions.live.engine)
        self.connections = 0  # how many times the listener has connected (1 unless it had to reconnect)
        self.listening = asyncio.Event()
        self._due: set[str] = set()  # sessions to catch up
        self._gone: set[str] = set()  # sessions another process deleted
        self._relays: dict[str, asyncio.Task] = {}
        self._running: asyncio.Task | None = None

    async def run(self) -> None:
        """Runs until cancelled: listen; after a lost connection, pause, reconnect and catch up."""
        pause = FIRST_PAUSE
        while True:
            try:
                async with await psycopg.AsyncConnection.connect(self.url, autocommit=True) as conn:
                    await conn.execute(f"LISTEN {log.DOORBELL}")
                    self._connected()
                    pause = FIRST_PAUSE
                    await self._listen(conn)
            except psycopg.Error as lost:
                self.listening.clear()
                logger.warning("the doorbell lost its database connection (%s); reconnecting", lost)
            except Exception:  # never let the listener die: without it this process's screens fall behind
                self.listening.clear()
                logger.exception("the doorbell failed; reconnecting")
            await self.sleep(pause * random.uniform(0.5, 1.5))
            pause = min(pause * 2, LONGEST_PAUSE)

    def _connected(self) -> None:
        self.connections += 1
        self.listening.set()
        if self.connections > 1:
            logger.info("the doorbell is listening again; catching up %d session(s)", len(self.actions.live.codes()))
        # Listening first, then catching up: anything stored from here on rings, anything before is read now.
        for code in self.actions.live.codes():
            self._schedule(code)

    async def _listen(self, conn: psycopg.AsyncConnection) -> None:
        while True:
            async for notice in conn.notifies(timeout=self.quiet_check):
                self._ring(notice.payload)
            await conn.execute("SELECT 1")  # quiet for a while: make sure the connection is still there

    def _ring(self, payload: str) -> None:
        try:
            notice = json.loads(payload)
            sender, code = notice["from"], notice["code"]
        except (ValueError, KeyError, TypeError):
            logger.warning("ignored a doorbell notice that was not ours: %.80r", payload)
            return
        if sender == self.me:  # this server told its own viewers when it stored the events
            return
        if notice.get("gone"):
            self._gone.add(code)
        elif self.actions.live.cached(code) is None:
            return  # not held here, so nobody here watches it: it is read afresh when asked for
        self._schedule(code)

    def _schedule(self, code: str) -> None:
        """Marks the session as due; one relay per session runs at a time and goes again if rung meanwhile."""
        self._due.add(code)
        if code not in self._relays:
            self._relays[code] = asyncio.create_task(self._relay(code))

    async def _relay(self, code: str) -> None:
        pause = FIRST_PAUSE
        try:
            while code in self._due:
                self._due.discard(code)
                try:
                    await self._catch_up(code)
                except Exception:  # the database is briefly away: try again, it is the truth
                    logger.exception("the doorbell could not catch session %s up; trying again", code)
                    self._due.add(code)
                    await asyncio.sleep(pause)
                    pause = min(pause * 2, LONGEST_PAUSE)
        finally:
            self._relays.pop(code, None)

    async def _catch_up(self, code: str) -> None:
        if code in self._gone:
            self._gone.discard(code)
            await self.actions.deleted_elsewhere(code)
        else:
            await self.actions.relay(code)

    def start(self) -> None:
        self._running = asyncio.create_task(self.run())

    async def close(self) -> None:
        """Stops listening and relaying, and closes the listener's connection."""
        for task in [*self._relays.values(), *([self._running] if self._running else [])]:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
