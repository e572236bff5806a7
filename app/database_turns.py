"""Whose turn it is to write a session on PostgreSQL, where several processes serve one database.

Every writer takes the database's lock on writing to the session (an advisory lock, held on a connection of
its own) before it catches up with the log and appends, so writers in different processes take turns instead
of racing. Taking and letting go of it costs two round trips and two thread hops, and a writer that has just
taken it must first read whatever another process stored meanwhile.

When people act at once (a room arriving, a board voting), the writers queued behind one another are nearly
all in the same process. So a writer that finishes while another of this process's writers waits for the
session hands the database's lock straight to it: the next writer neither takes the lock nor catches up, since
nobody else could have written while this process held it (an append that still finds its number taken is
refused by the log's unique numbers, and the writer then catches up and decides again). At most
`MOST_HANDED` writers in a row are served so, then the lock is let go, so other processes get their turn;
and a lock handed to a writer that never comes for it (its client went away while it waited) is let go
after `UNCLAIMED_SECONDS`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass

from anyio import to_thread
from sqlalchemy.engine import Connection, Engine

from .store.db import lock_session_writes, unlock_session_writes

MOST_HANDED = 16
UNCLAIMED_SECONDS = 1.0


@dataclass(frozen=True, eq=False)
class WriteLock:
    """The database's lock on writing one session, as one writer holds it."""

    held: Connection  # the connection holding the database's lock
    handed: int  # how many writers in a row have had it handed to them (0: taken from the database)

    @property
    def caught_up(self) -> bool:
        """This process has held the lock since its last write: its copy of the session is the stored one."""
        return self.handed > 0


class DatabaseTurns:
    """Each session's database lock, held by this process's writer or waiting to be handed to the next.
    Used by `LiveSessions.writing` under the session's own (in-process) lock."""

    def __init__(self, engine: Engine, lock: Callable[[str], asyncio.Lock]):
        self.engine, self._lock = engine, lock
        self.writers_waiting: Callable[[str], bool] = lambda code: False  # set by Actions
        self._handed: dict[str, WriteLock] = {}
        self._letting_go: set[asyncio.Task] = set()

    async def take(self, code: str) -> WriteLock:
        """The database's lock for the session: the one handed on by the last writer, or taken afresh."""
        turn = self._handed.pop(code, None)
        if turn is not None:
            return turn
        return WriteLock(await to_thread.run_sync(lock_session_writes, self.engine, code), 0)

    async def done(self, code: str, turn: WriteLock, succeeded: bool) -> None:
        """The writer is done: the lock goes to the next of this process's writers if one waits, else back."""
        if succeeded and turn.handed < MOST_HANDED and self.writers_waiting(code):
            handed = self._handed[code] = WriteLock(turn.held, turn.handed + 1)
            asyncio.get_running_loop().call_later(UNCLAIMED_SECONDS, self._unclaimed, code, handed)
            return
        await to_thread.run_sync(unlock_session_writes, turn.held, code)

    def _unclaimed(self, code: str, turn: WriteLock) -> None:
        if self._handed.get(code) is turn:
            task = asyncio.ensure_future(self._let_go(code, turn))
            self._letting_go.add(task)
            task.add_done_callback(self._letting_go.discard)

    async def _let_go(self, code: str, turn: WriteLock) -> None:
        async with self._lock(code):  # writers claim a handed lock under this lock: one of us gets it
            if self._handed.get(code) is not turn:
                return
            del self._handed[code]
            await to_thread.run_sync(unlock_session_writes, turn.held, code)
