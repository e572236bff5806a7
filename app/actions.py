"""The only module that both stores and publishes: decide, append, commit, then tell.

Every change goes through `_record`: under the session's lock it catches up
with the stored log (on SQLite, whose one server holds it all, only when an
append shows it is behind), asks the rules, appends the events, commits, and
only then hands each connected viewer its message. Nothing is published that
was not committed first, and commands carrying an id already seen (kept with
the session in memory) are answered without doing anything twice.
"""

from __future__ import annotations

import asyncio
import random
import secrets
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from anyio import to_thread
from sqlalchemy.engine import Connection as Database

from . import new_sessions
from .domain import commands as c
from .domain import events as ev
from .domain.core.errors import RuleViolation
from .domain.decide import decide
from .domain.views import Viewer
from .imports import Imported
from .live import Live, LiveSessions
from .reads import Reads
from .realtime.held import Held
from .realtime.hub import Connection, Hub
from .realtime.rooms import Rooms
from .scenarios.loader import Pack
from .store import events as log
from .store import records, summaries
from .store.db import connection_for

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
# Writers on PostgreSQL take turns (LiveSessions.writing), so an append conflicts only if something wrote
# without taking its turn (a new session's first events, an older version during an upgrade). Each retry
# catches up and decides again, after a jittered pause so two writers in step fall out of step.
APPEND_ATTEMPTS = 12
RETRY_PAUSE = 0.005


@dataclass(frozen=True)
class Recorded:
    seq: int
    duplicate: bool = False
    seat_id: str | None = None
    token: str | None = None


def _removed_seats(events: Sequence[ev.Event]) -> list[str]:
    return [e.seat_id for e in events if isinstance(e, ev.SeatRemoved)]


def actor_key(actor: c.Actor) -> str:
    return f"seat:{actor.seat_id}" if actor.kind == "seat" else actor.kind


class Actions:
    def __init__(self, live: LiveSessions, hub: Hub, clock: Callable[[], float] = time.time):
        self.live, self.hub, self.clock = live, hub, clock
        self.reads = Reads(live, clock)
        self.rooms = Rooms(hub, clock)
        self.held = Held(self._announce)  # updates held back while more commands for the session queue
        live.turns.writers_waiting = self.held.waiting  # a writer waits: the database's lock goes straight to it
        live.watched = lambda code: hub.count(code) > 0  # a watched session is never evicted

    async def create_session(self, pack: Pack, owner: int | None = None) -> str:
        return self._begun(await to_thread.run_sync(new_sessions.create, self.live.engine, pack, owner, self.clock()))

    async def import_session(self, imported: Imported, owner: int | None = None) -> str:
        """Stores a checked export's log under a new code, owned by `owner`; returns the code."""
        record = await to_thread.run_sync(new_sessions.imported, self.live.engine, imported, owner, self.clock())
        return self._begun(record)

    def _begun(self, live: Live) -> str:
        self.live.put(live.state.code, live)
        return live.state.code

    async def follow_up(self, previous: str) -> str:
        """Starts the next meeting of a finished session's people, in their real-life roles; returns its code."""
        async with self.live.writing(previous):  # it appends FollowUpOpened to the earlier meeting
            earlier = await self._caught_up(previous)
            if earlier.state.phase not in ("debrief", "closed"):
                raise RuleViolation("Finish the board meeting first: a follow-up carries forward what it agreed.")
            existing = await to_thread.run_sync(self.reads.follow_up_of, previous)
            if existing:
                raise RuleViolation(f"This meeting already has its follow-up: session {existing}.")
            next_one = await to_thread.run_sync(new_sessions.follow_up, self.live.engine, earlier, self.clock())
            code = self._begun(next_one)
            # Recorded in the earlier meeting too, so every page still open on it points its people across.
            await self._append_fact(earlier, [ev.FollowUpOpened(code, self.clock())])
            return code

    async def _append_fact(self, live: Live, events: list[ev.Event]) -> None:
        """Stores and publishes events that no command decides (the caller holds the session's lock)."""
        numbered = tuple(enumerate(events, start=live.state.seq + 1))
        after = live.after(numbered)
        await to_thread.run_sync(self._store, live, after, "trainer", None, self.clock(), None)
        self.live.put(live.state.code, after)
        self._tell(live.state.code, after.state, list(numbered))

    async def delete_session(self, code: str) -> None:
        """Deletes a session and the personal data in it, and disconnects everyone watching it."""
        async with self.live.lock(code):
            await self.live.current(code)  # an unknown code is refused here
            await to_thread.run_sync(new_sessions.delete, self.live.engine, [code])
            self._gone(code)

    def purge_older_than(self, days: int) -> list[str]:
        """Deletes every session created more than `days` ago from the database; returns their codes. Blocking
        (at start-up, or in a worker thread): what this process holds of them is let go by `let_go`, on the
        event loop."""
        codes = new_sessions.created_before(self.live.engine, self.clock() - days * 86400)
        new_sessions.delete(self.live.engine, codes)
        return codes

    async def let_go(self, codes: list[str]) -> None:
        """Deleted sessions leave memory, and any screen still open on one is closed."""
        for code in codes:
            async with self.live.lock(code):
                self._gone(code)

    def _gone(self, code: str) -> None:
        """Under the session's lock, once it is deleted: nothing of it stays here, and its screens close."""
        self.live.forget(code)
        self.held.drop(code)
        self.rooms.close(code)

    async def join(self, code: str, command: c.Join) -> Recorded:
        seat_id, token = "s" + secrets.token_hex(4), secrets.token_urlsafe(24)
        ctx = c.Context(c.GUEST, self.clock(), new_seat_id=seat_id)
        return await self._record(code, command, ctx, command_id=None, credential=(seat_id, token))

    async def submit(self, code: str, actor: c.Actor, command: c.Command, command_id: str | None) -> Recorded:
        ctx = c.Context(actor, self.clock(), seed=secrets.randbelow(2**31))
        return await self._record(code, command, ctx, command_id)

    async def _record(
        self,
        code: str,
        command: c.Command,
        ctx: c.Context,
        command_id: str | None,
        credential: tuple[str, str] | None = None,
    ) -> Recorded:
        with self.held.queued(code) as turn:
            async with self.live.writing(code) as held:
                turn.started()
                seq, duplicate, told = await self._decide_and_store(code, command, ctx, command_id, credential, held)
        if told is not None:  # held back for the commands queued after it: answered once the room has heard
            await asyncio.shield(told)
        seat_id, token = credential or (None, None)
        return Recorded(seq, duplicate, seat_id=seat_id, token=token)

    async def _decide_and_store(
        self,
        code: str,
        command: c.Command,
        ctx: c.Context,
        command_id: str | None,
        credential: tuple[str, str] | None,
        held: Database | None,
    ) -> tuple[int, bool, asyncio.Future[None] | None]:
        """Under the session's lock: the command's seq, whether it was a duplicate, and what to wait for before
        answering if its update is held back for the commands queued after it."""
        key = actor_key(ctx.actor)
        for attempt in range(APPEND_ATTEMPTS):
            # The sole writer decides on its cache at first; anything that could come of a stale copy (an
            # append or command id refused as taken, a refusal, nothing to do) is tried again caught up.
            verified = attempt > 0 or not self.live.trusts_cache(code)
            live = await self._caught_up(code, verify=verified, held=held)
            seen = live.seen(key, command_id)
            if seen is not None:
                return seen, True, None
            try:
                new_events = decide(live.state, command, ctx)
            except RuleViolation:
                if verified:
                    raise
                continue
            if not new_events and not verified:
                continue
            numbered = tuple(enumerate(new_events, start=live.state.seq + 1))
            after = live.after(numbered)
            try:
                seq = await to_thread.run_sync(self._store, live, after, key, command_id, ctx.now, credential, held)
                break
            except log.SequenceConflict:
                if attempt == APPEND_ATTEMPTS - 1:
                    raise
                if not self.live.sole_writer or attempt > 0:  # a stale cache wants catching up, not a pause
                    await asyncio.sleep(random.uniform(0, RETRY_PAUSE * 2 ** min(attempt, 5)))
        if command_id is not None:
            after.commands[(key, command_id)] = seq  # committed: from now on it is a duplicate
        if credential is not None:  # committed: the newcomer's websocket finds its seat without a query
            after.credentials[records.token_hash(credential[1])] = credential[0]
        self.live.put(code, after)
        return seq, False, self.held.tell(code, after.state, list(numbered))

    def _store(self, live: Live, after: Live, key, command_id, now, credential, held=None) -> int:
        """Appends the events that take `live` to `after`, with the session's new summary and the command's id,
        in one transaction (on `held`, the writer's connection, if given). Raises SequenceConflict if another
        writer took the seq or the command id first."""
        code, new_events = live.state.code, [e for _, e in after.events[len(live.events) :]]
        with connection_for(self.live.engine, held) as db:  # plain statements: no ORM session to keep
            seq = log.append(session=db, code=code, events=new_events, expected_seq=live.state.seq, actor=key, at=now)
            if new_events:
                summaries.save(session=db, state=after.state, at=now)
            if command_id is not None:
                log.remember_command(session=db, code=code, actor=key, command_id=command_id, seq=seq)
            if credential is not None:
                records.add_seat_credential(session=db, code=code, seat_id=credential[0], token=credential[1])
            for removed in _removed_seats(new_events):
                records.delete_seat_credentials(session=db, code=code, seat_id=removed)
            db.commit()
        return seq

    async def relay(self, code: str) -> None:
        """The doorbell rang: another process stored events in `code`. Tells this process's viewers, under the
        lock, so they hear each event once and in order however the ring and this process's own commands race."""
        if self.live.cached(code) is None:
            return  # nobody here watches it (a watched session stays cached); it is read afresh when asked for
        async with self.live.lock(code):
            if self.live.cached(code) is not None:  # still: it may have been let go while waiting for the lock
                await self._caught_up(code)

    async def deleted_elsewhere(self, code: str) -> None:
        """The doorbell says another process deleted the session: let it go here too, and close its screens."""
        if self.live.cached(code) is None:
            return  # a watched session is always cached: nothing here to let go
        await self.let_go([code])

    async def _caught_up(self, code: str, verify: bool = True, held: Database | None = None) -> Live:
        """Under the lock: the session with everything any process stored (unless not `verify`, on the sole
        writer: see LiveSessions.current). What this process's copy lacked has not been told to its viewers yet
        (the doorbell may still be on its way), so it is told now, before anything newer. Invariant: a cached
        session's viewers have been told every event in the cache."""
        before = self.live.cached(code)
        live = await self.live.current(code, verify, held)
        if before is not None and live.state.seq > before.state.seq:
            self._tell(code, live.state, [(seq, e) for seq, e in live.events if seq > before.state.seq])
        return live

    def _tell(self, code: str, state, numbered: Sequence[tuple[int, ev.Event]]) -> None:
        """Tells the room about events stored outside `_record`, after anything held back for it."""
        self.held.flush(code)
        self._announce(code, state, numbered)

    def _announce(self, code: str, state, numbered: Sequence[tuple[int, ev.Event]]) -> None:
        self.rooms.publish(code, state, numbered)
        for removed in _removed_seats([e for _, e in numbered]):
            self.hub.remove_seat(code, removed)
            if (live := self.live.cached(code)) is not None:
                live.drop_credentials(removed)

    async def attach(self, code: str, conn: Connection, after: int) -> None:
        """Sends a new connection what it missed after `after` (or a fresh view), then joins it to the room.

        Both happen under the session's lock, so no update can slip between the catch-up and the live stream,
        and a page opening while writes are queued (people arriving at once) waits for them and starts from
        their result, rather than from a delta for each. The lock costs nothing when free: a quiet session's
        page never waits.
        """
        async with self.live.lock(code):
            # The sole writer's cache holds everything stored, so a reconnect storm asks the database nothing.
            live = await self._caught_up(code, verify=False)
            self.held.flush(code)  # the room hears what is held before this page's first view includes it
            # From memory, not the database: another process may have stored more since, which this
            # connection must hear once, as an update, after joining the room.
            self.rooms.open_page(code, conn, live.state, live.events, after)

    async def view(self, code: str, viewer: Viewer) -> dict:
        """Read without the write lock: see `app.reads`."""
        return await self.reads.view(code, viewer)

    async def state(self, code: str) -> Live:
        """Read without the write lock: see `app.reads`."""
        return await self.reads.state(code)
