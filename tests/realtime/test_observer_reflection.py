"""Over a real server: an observer's reflection, sent over HTTP or the websocket, is refused with a plain
sentence and changes nothing anyone sees; a participant's reflection goes through as before."""

from __future__ import annotations

from tests.realtime.test_websocket import quiet, receive, session, socket  # noqa: F401  (the fixture)
from tests.support import board_meeting, join, page_client, send, timeless

REFUSED = "Observers watch the meeting, so they do not give a reflection"


def test_an_observers_reflection_is_refused_and_changes_nothing(server, server_trainer, session):  # noqa: F811
    code, browsers = session
    board_meeting(server_trainer, code, browsers)
    with page_client(server) as observer:
        observer_id = join(observer, code, "Evaluator Eve", "fire")
        send(server_trainer, code, {"type": "seat-observer", "seat_id": observer_id})
        send(server_trainer, code, {"type": "start-phase", "phase": "debrief"})
        assert observer.get(f"/api/sessions/{code}/view").json()["me"]["can"]["reflect"] is False
        before = timeless(server_trainer.get(f"/api/sessions/{code}/view").json())

        refused = send(observer, code, {"type": "reflect", "ratings": {"trust": 1}, "comment": "x"}, expect=409)
        assert refused["detail"].startswith(REFUSED)
        with socket(server, observer, code=code) as ws, socket(server, server_trainer, "trainer", code) as watcher:
            receive(ws, "sync"), receive(watcher, "sync")
            ws.send('{"type": "command", "id": "r1", "command": {"type": "reflect", "ratings": {"trust": 2}}}')
            answer = receive(ws, "error")
            assert answer["id"] == "r1" and answer["message"].startswith(REFUSED)
            assert not [m for m in quiet(watcher) if m["type"] == "delta"], "a refused reflection sent nobody a change"
        after = timeless(server_trainer.get(f"/api/sessions/{code}/view").json())
        assert after["session"].pop("seq") == before["session"].pop("seq")
        assert after == before and after["reflection"]["count"] == 0

    browser = next(iter(browsers.values()))
    assert browser.get(f"/api/sessions/{code}/view").json()["me"]["can"]["reflect"] is True
    send(browser, code, {"type": "reflect", "ratings": {"trust": 4}})
    assert server_trainer.get(f"/api/sessions/{code}/view").json()["reflection"]["count"] == 1
