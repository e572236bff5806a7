"""Live sessions in memory: each one's state (the fold of its stored log), its log, its pack and its lock.

Reads are served from here without the session's write lock and, once a session
is cached, without the database: a read sees the state as of the last committed
command, which is all anyone has been told. Writers hold the lock and catch up
with anything another process appended before deciding, so the database stays
the one truth. A session is loaded (its log replayed) once however many callers
ask at the same moment, and the cache is bounded: the least recently used
sessions that nobody is watching are let go, never one with open connections.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, replace

from anyio import to_thread
from sqlalchemy.engine import Connection, Engine

from .database_turns import DatabaseTurns
from .domain.apply import apply
from .domain.core.state import SessionState
from .domain.events import Event
from .scenarios.loader import Pack
from .store import events as log
from .store import records
from .store.db import connection_for, session_scope

Numbered = tuple[tuple[int, Event], ...]
# (actor key, command id) -> the seq the command was answered with; see Live.commands.
Commands = dict[tuple[str, str], int]
# The hash of a seat cookie's token -> its seat; see Live.credentials.
Credentials = dict[str, str]


class UnknownSession(Exception):
    """No session has this code."""


@dataclass(frozen=True)
class Live:
    state: SessionState
    pack: Pack
    events: Numbered = ()  # the stored log as (seq, event), so minutes and exports need no query
    # Every command id stored for the session, so a retried command is known without a query. Loaded with the
    # log, caught up with it, added to once a command is committed; one dict shared by each version of the
    # session, as the log is one: only writers use it, under the session's lock.
    commands: Commands = field(default_factory=dict, compare=False, repr=False)
    # The session's seat cookies, so opening a websocket asks the database nothing. Loaded with the log, added
    # to once a join is committed here, a removed seat's dropped once its removal is told: shared like
    # `commands`. Another process's joins are not here, so only a miss ever goes to the database, and only
    # the sole writer trusts a hit (see Reads.seat_for).
    credentials: Credentials = field(default_factory=dict, compare=False, repr=False)

    def seen(self, actor: str, command_id: str | None) -> int | None:
        """The seq a command id already stored was answered with, or None."""
        return None if command_id is None else self.commands.get((actor, command_id))

    def drop_credentials(self, seat: str) -> None:
        """A removed seat's cookies leave the cache as they left the database. Its seat has gone from the state,
        which is what `seat_in_session` checks: this only keeps dead cookies from piling up."""
        for hashed in [h for h, each in self.credentials.items() if each == seat]:
            del self.credentials[hashed]

    def after(self, numbered: Numbered) -> Live:
        """This session with more stored events applied (any it already holds are skipped)."""
        state, fresh = self.state, tuple((seq, e) for seq, e in numbered if seq > self.state.seq)
        for _, event in fresh:
            state = apply(state, event)
        return replace(self, state=state, events=self.events + fresh) if fresh else self


def fold(
    pack: Pack, numbered: Numbered, commands: Commands | None = None, credentials: Credentials | None = None
) -> Live:
    """A session from its pack, its whole log (which always begins with SessionCreated), its command ids and
    its seat cookies."""
    first = apply(None, numbered[0][1])
    live = Live(first, pack, numbered[:1], {} if commands is None else commands, credentials or {})
    return live.after(numbered[1:])


class LiveSessions:
    def __init__(
        self,
        engine: Engine,
        max_sessions: int = 500,
        idle_seconds: float = 30 * 60,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.engine, self.max_sessions, self.idle_seconds, self.clock = engine, max_sessions, idle_seconds, clock
        # SQLite serves one process (`nplc serve` refuses a second), so a writer may trust its cache instead of
        # asking the log first: the log's unique numbers still refuse an append made on a stale copy, and
        # Actions then catches up and decides again. On PostgreSQL every writer catches up first.
        self.sole_writer = engine.dialect.name == "sqlite"
        self.watched: Callable[[str], bool] = lambda code: False  # set by Actions: does the hub have this room?
        self.loads = 0  # how many times a log was replayed from the database (for tests and bench)
        self._live: OrderedDict[str, Live] = OrderedDict()  # least recently used first
        self._used: dict[str, float] = {}
        self._locks: dict[str, asyncio.Lock] = {}
        self._loading: dict[str, asyncio.Future[Live]] = {}
        self.turns = DatabaseTurns(engine, self.lock)  # on PostgreSQL, whose turn it is to write each session
        self._caught_up: set[str] = set()  # sessions whose writer had the database's lock handed to it

    def lock(self, code: str) -> asyncio.Lock:
        """The session's write lock. Only writers take it; reads never wait for it."""
        return self._locks.setdefault(code, asyncio.Lock())

    @asynccontextmanager
    async def writing(self, code: str) -> AsyncIterator[Connection | None]:
        """The session's write lock, and on PostgreSQL the database's lock on writing to it, which every
        process takes: writes to one session from several processes take turns instead of racing to append,
        so none is refused for having lost the race too often. Reads never wait for either. Yields the
        connection holding the database's lock (None on SQLite), for the writer to catch up and store on: one
        connection from the pool a command, not three."""
        async with self.lock(code):
            if self.engine.dialect.name != "postgresql":
                yield None  # SQLite serves one process: the lock above is enough
                return
            # Loaded before the database's lock is taken, never while holding it: loading needs a connection
            # of its own, and writers to many sessions not yet loaded would otherwise hold every connection in
            # the pool while each waited for one more. A session being written is never let go (`trim`).
            await self.read(code)
            turn = await self.turns.take(code)
            if turn.caught_up:
                self._caught_up.add(code)
            try:
                yield turn.held
            except BaseException:
                self._caught_up.discard(code)
                await self.turns.done(code, turn, succeeded=False)
                raise
            self._caught_up.discard(code)
            await self.turns.done(code, turn, succeeded=True)

    def trusts_cache(self, code: str) -> bool:
        """Whether a writer holding the session's lock may decide on the cached copy without asking the log:
        always on SQLite, and on PostgreSQL while the database's lock has stayed with this process since its
        last write (see app/database_turns.py)."""
        return self.sole_writer or code in self._caught_up

    def cached(self, code: str) -> Live | None:
        return self._live.get(code)

    def __len__(self) -> int:
        return len(self._live)

    def codes(self) -> list[str]:
        """The codes of every cached session (the doorbell catches them all up after a lost connection)."""
        return list(self._live)

    def put(self, code: str, live: Live) -> None:
        """Keeps the newer of what is cached and `live` (a slow load never overwrites a fresher write)."""
        old = self._live.get(code)
        if old is None or live.state.seq >= old.state.seq:
            self._live[code] = live
        self._touch(code)
        self.trim()

    def forget(self, code: str) -> None:
        self._live.pop(code, None)
        self._used.pop(code, None)
        lock = self._locks.get(code)
        if lock is not None and not lock.locked():
            del self._locks[code]

    async def read(self, code: str) -> Live:
        """The session as of its last command: from memory, or loaded once however many ask at once."""
        live = self._live.get(code)
        if live is not None:
            self._touch(code)
            if len(self._live) > self.max_sessions:  # one kept past the maximum while busy may go now
                self.trim()
            return live
        loading = self._loading.get(code)
        if loading is None:
            loading = asyncio.ensure_future(self._load(code))
            self._loading[code] = loading
            loading.add_done_callback(lambda _: self._loading.pop(code, None))
        return await asyncio.shield(loading)

    async def current(self, code: str, verify: bool = True, held: Connection | None = None) -> Live:
        """For writers, under the lock: the session caught up with everything stored, by any process, and with
        every command id stored (read on `held`, the writer's connection, if given). Unless `verify`, the sole
        writer trusts its cache and asks nothing."""
        live = await self.read(code)
        if not verify and self.trusts_cache(code):
            return live
        newer, commands = await to_thread.run_sync(self._stored_after, code, live.state.seq, held)
        live.commands.update(commands)
        if newer:
            live = live.after(newer)
            self.put(code, live)
        return live

    async def _load(self, code: str) -> Live:
        live = await to_thread.run_sync(self._replay, code)
        self.put(code, live)
        return self._live.get(code, live)

    def _replay(self, code: str) -> Live:
        with session_scope(self.engine) as db:
            row = records.get_session(session=db, code=code)
            if row is None:
                raise UnknownSession(code)
            pack = records.load_pack_version(session=db, pack_id=row.pack_id, version=row.pack_version)
            numbered = tuple(log.load(session=db, code=code, after=0))
            commands = log.commands_since(session=db, code=code, seq=0)
            credentials = records.seat_credentials(session=db, code=code)
        self.loads += 1
        if pack is None or not numbered:
            raise UnknownSession(code)
        return fold(pack, numbered, commands, credentials)

    def _stored_after(self, code: str, seq: int, held: Connection | None) -> tuple[Numbered, Commands]:
        """The events stored after `seq` and the command ids stored at or after it: a command that changed
        nothing is stored with the seq it found, which this process may already hold."""
        with connection_for(self.engine, held) as db:
            return tuple(log.load(session=db, code=code, after=seq)), log.commands_since(session=db, code=code, seq=seq)

    def _touch(self, code: str) -> None:
        if code in self._live:
            self._live.move_to_end(code)
            self._used[code] = self.clock()

    def trim(self) -> None:
        """Lets go of sessions idle too long, then of the least recently used while there are too many;
        never one that somebody is watching or writing to (it stays, even past the maximum), nor the one just used."""
        now, surplus = self.clock(), len(self._live) - self.max_sessions
        for code in list(self._live)[:-1]:  # never the one just used
            idle = now - self._used.get(code, now) > self.idle_seconds
            if not idle and surplus <= 0:
                break  # oldest first: everything after this was used more recently still
            if self.watched(code) or (code in self._locks and self._locks[code].locked()):
                continue
            self.forget(code)
            surplus -= 1
