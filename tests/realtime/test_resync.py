"""A client that falls behind is dropped with 4409 and, reconnecting, gets a fresh view: through the real
actions, store and hub (the client is a connection whose sender never runs, as when Wi-Fi goes quiet)."""

import asyncio
import json
from pathlib import Path

from app.actions import Actions
from app.domain import commands as c
from app.domain.views import Viewer
from app.live import LiveSessions
from app.realtime.hub import RESYNC, Hub
from app.scenarios.loader import load_folder
from app.store.db import make_engine

KILNBROOK = load_folder(Path(__file__).parents[2] / "scenarios" / "kilnbrook")


def test_a_client_that_falls_behind_is_dropped_and_comes_back_with_the_whole_view(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'resync.db'}")
    actions = Actions(LiveSessions(engine), Hub(queue_bytes=2 * 1024), clock=lambda: 1000.0)

    async def scenario():
        code = await actions.create_session(KILNBROOK)
        stalled, watching = actions.hub.connection(Viewer("trainer")), actions.hub.connection(Viewer("projector"))
        await actions.attach(code, stalled, after=0)
        await actions.attach(code, watching, after=0)
        await stalled.next()  # its sync went out; then the trainer's Wi-Fi goes quiet
        seen_by_projector = [await watching.next()]
        joined = 0
        while stalled.close_code is None:  # every join sends the trainer a delta; nobody reads them
            await actions.join(code, c.Join(name=f"P{joined}", agency="resident"))
            joined += 1
            while len(watching):
                seen_by_projector.append(await watching.next())
        back = actions.hub.connection(Viewer("trainer"))
        await actions.attach(code, back, after=1)
        return code, joined, seen_by_projector, stalled, json.loads(await back.next())

    code, joined, seen, stalled, sync = asyncio.run(scenario())
    engine.dispose()
    assert stalled.close_code == RESYNC and stalled.queued_bytes == 0
    assert 1 < joined < 100  # dropped once its deltas passed 2 KiB, long before 100 messages
    assert [json.loads(m)["seq"] for m in seen] == list(range(1, joined + 2))  # the projector missed nothing
    assert actions.hub.count(code) == 2  # the projector and the reconnected trainer; not the dropped one
    assert sync["type"] == "sync" and sync["seq"] == joined + 1
    assert len(sync["view"]["seats"]) == joined
