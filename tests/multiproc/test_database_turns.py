"""On PostgreSQL, a writer that finishes while another of its process's writers waits for the same session hands
the database's lock straight on (app/database_turns.py): people acting at once are served without taking and
letting go of the lock, or catching up, for each of them. Through the real actions on a real PostgreSQL
database: every command is stored once, in order; the lock always ends up let go; another process gets its
turn; a lock handed to a writer that gave up waiting is let go by itself."""

from __future__ import annotations

import asyncio
import json

import psycopg
import pytest
from sqlalchemy.engine import make_url

from app import database_turns
from app.actions import Actions
from app.domain import commands as c
from app.domain.views import Viewer
from app.live import LiveSessions
from app.realtime.hub import Hub
from app.scenarios.loader import load_folder
from app.store import db as store_db
from app.store.db import make_engine
from tests.support import ROOT

KILNBROOK = load_folder(ROOT / "scenarios" / "kilnbrook")

pytestmark = pytest.mark.postgres


def plain(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def advisory_locks(url: str) -> int:
    """Advisory locks held on this test's database, by anyone."""
    with psycopg.connect(plain(url), autocommit=True) as connection:
        query = (
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted "
            "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
        )
        return connection.execute(query).fetchone()[0]


@pytest.fixture
def counted(monkeypatch):
    """How many times a writer took the database's lock afresh."""
    taken = []
    real = store_db.lock_session_writes

    def counting(engine, code):
        taken.append(code)
        return real(engine, code)

    monkeypatch.setattr(database_turns, "lock_session_writes", counting)
    return taken


def actions_on(url: str) -> Actions:
    return Actions(LiveSessions(make_engine(url)), Hub(queue_bytes=64 * 1024 * 1024), clock=lambda: 1000.0)


def test_people_joining_at_once_are_stored_in_order_with_the_lock_handed_on(postgres_url, counted):
    actions = actions_on(postgres_url)

    async def scenario():
        code = await actions.create_session(KILNBROOK)
        page = actions.hub.connection(Viewer("trainer"))
        await actions.attach(code, page, after=1)
        people = [c.Join(name=f"Person {n}", agency="police") for n in range(10)]
        done = await asyncio.gather(*(actions.join(code, person) for person in people))
        told = []
        while len(page):
            told.append(await page.next())
        return code, done, told, (await actions.state(code)).state

    code, done, told, state = asyncio.run(scenario())
    assert [e for frame in told for e in json.loads(frame)["events"]], "the room was told"
    try:
        assert sorted(d.seq for d in done) == list(range(2, 12)) and state.seq == 11
        assert len(state.seats) == 10
        assert len(counted) < len(done), "the database's lock was handed on to writers queued behind"
        assert advisory_locks(postgres_url) == 0, "and let go once nobody waited"
        fresh = LiveSessions(make_engine(postgres_url))  # what is stored is what was told
        assert asyncio.run(fresh.read(code)).state.seq == 11
        fresh.engine.dispose()
    finally:
        actions.live.engine.dispose()


def test_a_process_hands_the_lock_on_only_so_many_times_so_others_get_their_turn(postgres_url, counted, monkeypatch):
    monkeypatch.setattr(database_turns, "MOST_HANDED", 2)
    actions = actions_on(postgres_url)

    async def scenario():
        code = await actions.create_session(KILNBROOK)
        people = [c.Join(name=f"Person {n}", agency="police") for n in range(9)]
        await asyncio.gather(*(actions.join(code, person) for person in people))
        return (await actions.state(code)).state

    state = asyncio.run(scenario())
    try:
        assert state.seq == 10
        assert len(counted) >= 3, "taken afresh at least every third writer"
        assert advisory_locks(postgres_url) == 0
    finally:
        actions.live.engine.dispose()


def test_a_lock_handed_to_a_writer_that_gave_up_waiting_is_let_go_by_itself(postgres_url, monkeypatch):
    monkeypatch.setattr(database_turns, "UNCLAIMED_SECONDS", 0.05)
    actions = actions_on(postgres_url)

    async def scenario():
        code = await actions.create_session(KILNBROOK)
        first = asyncio.ensure_future(actions.join(code, c.Join(name="Asha", agency="police")))
        second = asyncio.ensure_future(actions.join(code, c.Join(name="Ben", agency="police")))
        while not actions.live.lock(code).locked():
            await asyncio.sleep(0)
        actions.live.turns.writers_waiting = lambda code: True  # the first hands on whatever happens
        second.cancel()  # Ben's browser went away while he waited
        await asyncio.wait([first, second])
        handed_at_once = advisory_locks(postgres_url)
        await asyncio.sleep(0.5)
        return first.result(), second.cancelled(), handed_at_once

    (joined, gave_up, handed_at_once) = asyncio.run(scenario())
    try:
        assert joined.seq == 2 and gave_up
        assert handed_at_once == 1, "held for a writer that never came"
        assert advisory_locks(postgres_url) == 0, "then let go by itself"
    finally:
        actions.live.engine.dispose()


def test_another_process_writes_between_this_ones_writers_and_nothing_is_decided_on_a_stale_copy(postgres_url):
    """While this process's writers queue, another process (here: a second `Actions` on the same database)
    writes too; whoever held the lock, every command is stored once and both copies end the same."""
    here, there = actions_on(postgres_url), actions_on(postgres_url)

    async def scenario():
        code = await here.create_session(KILNBROOK)
        await there.state(code)
        writes = [here.join(code, c.Join(name=f"Here {n}", agency="police")) for n in range(6)]
        writes += [there.join(code, c.Join(name=f"There {n}", agency="police")) for n in range(6)]
        done = await asyncio.gather(*writes)
        return code, done

    code, done = asyncio.run(scenario())
    try:
        assert sorted(d.seq for d in done) == list(range(2, 14))
        states = [asyncio.run(a.live.current(code)).state for a in (here, there)]
        assert [s.seq for s in states] == [13, 13]
        assert sorted(s.name for s in states[0].seats.values()) == sorted(s.name for s in states[1].seats.values())
        assert advisory_locks(postgres_url) == 0
    finally:
        here.live.engine.dispose()
        there.live.engine.dispose()
