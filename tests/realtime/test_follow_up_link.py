"""A page still open on a finished meeting is told, live, where its follow-up is."""

from tests.realtime.test_meeting_sync import seated  # noqa: F401  (the fixture)
from tests.realtime.test_notebook import until
from tests.realtime.test_websocket import receive, socket
from tests.support import send


def test_the_open_pages_of_a_meeting_learn_its_follow_up(server, server_trainer, seated):  # noqa: F811
    code, browsers, _ = seated
    send(server_trainer, code, {"type": "start-phase", "phase": "debrief"})
    seat = next(iter(browsers.values()))
    with socket(server, seat, code=code) as ws:
        seq = receive(ws, "sync")["seq"]
        follow = server_trainer.post(f"/api/sessions/{code}/follow-up").json()["code"]
        update = until(ws, seq + 1)[-1]
    assert [e["type"] for e in update["events"]] == ["follow-up-opened"]
    assert update["view"]["session"]["follow_up"] == follow
    assert seat.get(f"/api/sessions/{follow}/view").json()["viewer"] == "seat"
