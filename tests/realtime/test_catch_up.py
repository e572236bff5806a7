"""A reconnect far behind gets a fresh view, never a replay storm that holds up the room."""

from __future__ import annotations

from app.domain import commands as c
from app.realtime.rooms import MAX_CATCH_UP


def test_a_reconnect_further_back_than_the_limit_gets_a_snapshot(trainer):
    code = trainer.post("/api/sessions", json={"scenario_id": "tiny"}).json()["code"]
    actions = trainer.app.state.services.actions
    for n in range(MAX_CATCH_UP + 5):  # straight to the actions: the HTTP route would (rightly) slow this down
        command = c.PauseClock() if n % 2 == 0 else c.ResumeClock()
        trainer.portal.call(actions.submit, code, c.TRAINER, command, None)
    seq = trainer.get(f"/api/sessions/{code}/view").json()["session"]["seq"]
    assert seq > MAX_CATCH_UP + 1
    with trainer.websocket_connect(f"/ws/{code}?as=trainer&after={seq - MAX_CATCH_UP}") as ws:
        replayed = ws.receive_json()
    assert replayed["reset"] is False and len(replayed["events"]) == MAX_CATCH_UP
    for far in (seq - MAX_CATCH_UP - 1, 1, 0 - 5, "99999999999999999999999999"):
        with trainer.websocket_connect(f"/ws/{code}?as=trainer&after={far}") as ws:
            fresh = ws.receive_json()
        assert fresh["reset"] is True and fresh["events"] == [] and fresh["seq"] == seq, far
        assert fresh["view"]["session"]["seq"] == seq
