"""A page opening on a session held in memory gets its view at once, without waiting behind the writes queued on
the session (people joining at once), and its stream then goes on from that view with no gap: through the real
actions, store and hub, in one process on SQLite."""

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


def test_a_page_gets_its_view_while_a_write_holds_the_session_and_hears_that_write_next(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'attach.db'}")
    actions = Actions(LiveSessions(engine), Hub(), clock=lambda: 1000.0)

    async def scenario():
        code = await actions.create_session(load_folder(TINY))
        lock = actions.live.lock(code)
        await lock.acquire()  # as someone's join holds it while it is stored
        page = actions.hub.connection(Viewer("trainer"))
        opening = asyncio.ensure_future(actions.attach(code, page, after=0))
        await asyncio.sleep(0)  # one turn of the loop: the page is not left waiting for the lock
        opened_meanwhile = opening.done()
        lock.release()
        await opening
        seq = (await actions.submit(code, c.TRAINER, c.Announce(text="Welcome"), None)).seq
        return opened_meanwhile, seq, [json.loads(await page.next()) for _ in range(2)]

    opened_meanwhile, seq, (sync, delta) = asyncio.run(scenario())
    engine.dispose()
    assert opened_meanwhile
    assert (sync["type"], sync["n"], sync["seq"]) == ("sync", 0, seq - 1)
    assert (delta["type"], delta["n"], delta["seq"]) == ("delta", 1, seq)
    assert [e["type"] for e in delta["events"]] == ["announced"]


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
