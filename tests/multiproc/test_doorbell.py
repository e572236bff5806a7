"""The doorbell in one test process: two `Actions` stand for two servers on one PostgreSQL database.

What one stores reaches the other's viewers by the ring; a listener cut off reconnects and catches up what was
stored while it was away; its own rings and repeated rings never tell anything twice.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from app.actions import Actions
from app.domain import commands as c
from app.domain import events as ev
from app.domain.views import Viewer
from app.live import LiveSessions
from app.realtime.doorbell import Doorbell, listener_url
from app.realtime.hub import RESUME, Connection, Hub
from app.scenarios.loader import load_folder
from app.store import events as log
from app.store.db import make_engine, session_scope
from tests.multiproc.conftest import cut_off_listeners

pytestmark = pytest.mark.postgres
TINY = load_folder(Path(__file__).parents[1] / "packs" / "tiny")
WAIT = 20  # seconds before a test gives up waiting (it never needs this long)


async def told(conn: Connection, until_seq: int) -> list[tuple[int, str]]:
    """Every (seq, type) the connection is sent, in order, until it has been told about `until_seq`."""
    seen: list[tuple[int, str]] = []
    while not seen or seen[-1][0] < until_seq:
        message = json.loads(await asyncio.wait_for(conn.next(), WAIT))
        seen += [(e["seq"], e["type"]) for e in message.get("events", [])]
    return seen


async def announce(actions: Actions, code: str, text: str) -> int:
    return (await actions.submit(code, c.TRAINER, c.Announce(text=text), None)).seq


@pytest.fixture
def engines(postgres_url):
    made = [make_engine(postgres_url), make_engine(postgres_url)]
    yield made
    for engine in made:
        engine.dispose()


def test_a_cut_off_listener_reconnects_and_catches_up_what_it_missed(engines):
    async def scenario() -> None:
        here, there = (Actions(LiveSessions(engine), Hub()) for engine in engines)
        may_reconnect = asyncio.Event()

        async def held_until_allowed(_pause: float) -> None:
            await may_reconnect.wait()

        bell = Doorbell(listener_url(engines[0]), here, sleep=held_until_allowed)
        bell.start()
        await asyncio.wait_for(bell.listening.wait(), WAIT)
        code = await there.create_session(TINY)
        trainer = here.hub.connection(Viewer("trainer"))
        await here.attach(code, trainer, 0)
        rung = await announce(there, code, "heard by the ring")
        assert await told(trainer, rung) == [(1, "session-created"), (rung, "announced")]

        cut_off_listeners(str(engines[0].url))
        while bell.listening.is_set():  # the listener notices it was cut off
            await asyncio.sleep(0.01)
        missed = [await announce(there, code, f"while away {n}") for n in range(5)]
        may_reconnect.set()
        after = await told(trainer, missed[-1])
        assert after == [(seq, "announced") for seq in missed]  # each once, in order
        assert bell.connections == 2

        await bell.close()

    asyncio.run(scenario())


def test_a_process_never_tells_its_viewers_twice(engines):
    async def scenario() -> None:
        here, there = (Actions(LiveSessions(engine), Hub()) for engine in engines)
        bell = Doorbell(listener_url(engines[0]), here)
        bell.start()
        await asyncio.wait_for(bell.listening.wait(), WAIT)
        code = await here.create_session(TINY)
        trainer = here.hub.connection(Viewer("trainer"))
        await here.attach(code, trainer, 0)
        mine = await announce(here, code, "from this process")  # its own ring is ignored
        theirs = await announce(there, code, "from the other process")
        await here.relay(code)  # a ring repeated (or a reconnect's catch-up) finds nothing new to tell
        ours_again = await announce(here, code, "from this process again")
        seen = await told(trainer, ours_again)
        assert seen == [(1, "session-created"), (mine, "announced"), (theirs, "announced"), (ours_again, "announced")]
        assert len(trainer) == 0  # and nothing more is queued behind them

        await bell.close()

    asyncio.run(scenario())


def test_a_session_deleted_by_another_process_closes_its_screens_here(engines):
    async def scenario() -> None:
        here, there = (Actions(LiveSessions(engine), Hub()) for engine in engines)
        bell = Doorbell(listener_url(engines[0]), here)
        bell.start()
        await asyncio.wait_for(bell.listening.wait(), WAIT)
        code = await there.create_session(TINY)
        trainer = here.hub.connection(Viewer("trainer"))
        await here.attach(code, trainer, 0)
        await asyncio.wait_for(trainer.next(), WAIT)  # its sync
        await there.delete_session(code)
        assert await asyncio.wait_for(trainer.next(), WAIT) is None  # closed, saying why
        assert (trainer.close_code, trainer.close_reason) == (RESUME, "This session has been deleted.")
        assert here.live.cached(code) is None and here.hub.count(code) == 0

        await bell.close()

    asyncio.run(scenario())


def test_commands_to_two_processes_at_once_take_turns_and_all_succeed(engines, monkeypatch):
    conflicts: list[str] = []
    append = log.append

    def counted(**kwargs):
        try:
            return append(**kwargs)
        except log.SequenceConflict:
            conflicts.append(kwargs["code"])
            raise

    monkeypatch.setattr(log, "append", counted)

    async def scenario() -> None:
        here, there = (Actions(LiveSessions(engine), Hub()) for engine in engines)
        code = await here.create_session(TINY)
        sent = [(actions, f"{label} {n}") for n in range(60) for label, actions in (("a", here), ("b", there))]
        seqs = await asyncio.gather(*(announce(actions, code, text) for actions, text in sent))
        assert sorted(seqs) == list(range(2, 2 + len(sent)))  # every one applied, each once
        with session_scope(engines[0]) as db:
            texts = sorted(e.text for _, e in log.load(session=db, code=code) if isinstance(e, ev.Announced))
        assert texts == sorted(text for _, text in sent)

    asyncio.run(scenario())
    assert conflicts == []  # they took turns rather than racing to append
