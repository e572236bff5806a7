"""A page opening on a session held in memory gets its view without reading the log, and without the session's
lock unless a write is under way; its stream then goes on from that view with no gap: through the real actions,
store and hub, in one process on SQLite."""

import asyncio
import json

from app.actions import Actions
from app.domain import commands as c
from app.domain.views import Viewer
from app.live import LiveSessions
from app.realtime.hub import Hub
from app.scenarios.loader import load_folder
from app.store.db import make_engine
from tests.support import TINY


def test_a_page_on_a_quiet_session_in_memory_gets_its_view_at_once_and_then_each_update(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'attach.db'}")
    actions = Actions(LiveSessions(engine), Hub(), clock=lambda: 1000.0)

    async def scenario():
        code = await actions.create_session(load_folder(TINY))
        page = actions.hub.connection(Viewer("trainer"))
        opening = asyncio.ensure_future(actions.attach(code, page, after=0))
        await asyncio.sleep(0)  # one turn of the loop: no lock to wait for, nothing read from the database
        opened_at_once = opening.done()
        await opening
        seq = (await actions.submit(code, c.TRAINER, c.Announce(text="Welcome"), None)).seq
        return opened_at_once, seq, [json.loads(await page.next()) for _ in range(2)]

    opened_at_once, seq, (sync, delta) = asyncio.run(scenario())
    engine.dispose()
    assert opened_at_once
    assert (sync["type"], sync["n"], sync["seq"]) == ("sync", 0, seq - 1)
    assert (delta["type"], delta["n"], delta["seq"]) == ("delta", 1, seq)
    assert [e["type"] for e in delta["events"]] == ["announced"]


def test_a_page_opening_while_a_write_is_stored_starts_from_that_write(tmp_path):
    """People arriving at once: each page waits for the joins queued before it and gets one view with them all,
    rather than a delta for each."""
    engine = make_engine(f"sqlite:///{tmp_path / 'attach.db'}")
    actions = Actions(LiveSessions(engine), Hub(), clock=lambda: 1000.0)

    async def scenario():
        code = await actions.create_session(load_folder(TINY))
        joining = asyncio.ensure_future(actions.join(code, c.Join(name="Asha", agency="council-housing")))
        await asyncio.sleep(0)  # the join holds the session while it is stored
        page = actions.hub.connection(Viewer("projector"))
        await actions.attach(code, page, after=0)
        joined = await joining
        return joined, [json.loads(await page.next())], len(page)

    joined, [sync], left = asyncio.run(scenario())
    engine.dispose()
    assert sync["type"] == "sync" and sync["seq"] == joined.seq
    assert [seat["name"] for seat in sync["view"]["seats"]] == ["Asha"]
    assert left == 0, "no delta follows for the join the view already shows"


def test_a_page_on_a_session_not_in_memory_gets_it_read_from_the_database(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'attach.db'}")
    actions = Actions(LiveSessions(engine), Hub(), clock=lambda: 1000.0)

    async def scenario():
        code = await actions.create_session(load_folder(TINY))
        await actions.submit(code, c.TRAINER, c.Announce(text="Before the restart"), None)
        actions.live.forget(code)
        page = actions.hub.connection(Viewer("projector"))
        await actions.attach(code, page, after=0)
        return json.loads(await page.next())

    sync = asyncio.run(scenario())
    engine.dispose()
    assert sync["type"] == "sync" and sync["seq"] == 2
    assert sync["view"]["announcement"]["text"] == "Before the restart"
