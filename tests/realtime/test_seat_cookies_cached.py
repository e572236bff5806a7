"""Opening a seat's websocket on a session held in memory finds the seat's cookie without asking the database
(SQLite, one process); a cookie the cache does not know is still asked of the database, so a seat let in by
another process counts, and a removed seat's cookie is dead in memory as in the database, restart or not."""

import asyncio

from sqlalchemy import event

from app.actions import Actions
from app.domain import commands as c
from app.live import LiveSessions
from app.reads import Reads
from app.realtime.hub import Hub
from app.scenarios.loader import load_folder
from app.store.db import make_engine
from tests.support import TINY


class Statements:
    """Counts the SQL statements an engine runs."""

    def __init__(self, engine):
        self.count = 0
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, *args) -> None:
        self.count += 1


def server(engine) -> tuple[Actions, Reads]:
    """One process's actions and reads over `engine`, with nothing cached yet."""
    live = LiveSessions(engine)
    return Actions(live, Hub(), clock=lambda: 1000.0), Reads(live, clock=lambda: 1000.0)


def cookie(code: str, token: str | None):
    return lambda each: token if each == code else None


def test_a_joined_seat_is_found_from_memory_and_after_a_restart_from_the_database(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'cookies.db'}")
    statements = Statements(engine)
    actions, reads = server(engine)

    async def scenario():
        code = await actions.create_session(load_folder(TINY))
        joined = await actions.join(code, c.Join(name="Asha", agency="council-housing"))
        before = statements.count
        found = await reads.seat_for(code, cookie(code, joined.token))
        asked = statements.count - before
        stranger = await reads.seat_for(code, cookie(code, "not-a-cookie"))
        _, restarted = server(engine)
        return joined.seat_id, found, asked, stranger, await restarted.seat_for(code, cookie(code, joined.token))

    seat_id, found, asked, stranger, after_restart = asyncio.run(scenario())
    engine.dispose()
    assert (found, asked) == (seat_id, 0)
    assert stranger is None
    assert after_restart == seat_id


def test_a_seat_let_in_by_another_process_counts_where_the_session_is_already_cached(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'cookies.db'}")
    here, here_reads = server(engine)
    elsewhere, _ = server(engine)

    async def scenario():
        code = await here.create_session(load_folder(TINY))
        await here_reads.state(code)  # cached here before the join
        joined = await elsewhere.join(code, c.Join(name="Ben", agency="council-housing"))
        return joined.seat_id, await here_reads.seat_for(code, cookie(code, joined.token))

    seat_id, found = asyncio.run(scenario())
    engine.dispose()
    assert found == seat_id


def test_a_removed_seats_cookie_is_dead_in_memory_and_after_a_restart(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'cookies.db'}")
    actions, reads = server(engine)

    async def scenario():
        code = await actions.create_session(load_folder(TINY))
        gone = await actions.join(code, c.Join(name="Asha", agency="council-housing"))
        stays = await actions.join(code, c.Join(name="Ben", agency="council-housing"))
        await actions.submit(code, c.TRAINER, c.RemoveSeat(seat_id=gone.seat_id), None)
        _, restarted = server(engine)
        return (
            await reads.seat_for(code, cookie(code, gone.token)),
            await restarted.seat_for(code, cookie(code, gone.token)),
            await reads.seat_for(code, cookie(code, stays.token)),
            stays.seat_id,
        )

    gone_here, gone_after_restart, stays_found, stays_id = asyncio.run(scenario())
    engine.dispose()
    assert (gone_here, gone_after_restart) == (None, None)
    assert stays_found == stays_id


def test_a_cookie_for_a_session_that_does_not_exist_finds_no_seat(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'cookies.db'}")
    _, reads = server(engine)
    assert asyncio.run(reads.seat_for("NOSUCH", cookie("NOSUCH", "anything"))) is None
    engine.dispose()
