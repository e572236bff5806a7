"""Every seat and the projector see the same meeting, live, through real websocket clients."""

import json

import pytest

from tests.realtime.test_websocket import receive, socket
from tests.support import TINY_ROSTER, board_meeting, join, page_client, send, timeless

SHARED = ("agenda", "directorates", "strategy", "floor", "ledger_total", "quorum")


@pytest.fixture
def seated(server, server_trainer):
    code = server_trainer.post("/api/sessions", json={"scenario_id": "tiny"}).json()["code"]
    browsers = {}
    for name, agency in TINY_ROSTER:
        browser = page_client(server)
        browsers[join(browser, code, name, agency)] = browser
    view = board_meeting(server_trainer, code, browsers)
    yield code, browsers, view
    for browser in browsers.values():
        browser.close()


def last_view(ws, seq: int) -> dict:
    """Reads updates until the one carrying `seq`; returns its view."""
    while True:
        message = receive(ws)
        if message["type"] in ("sync", "delta") and message["seq"] >= seq:
            return message["view"]


def test_every_seat_sees_the_same_meeting(server, server_trainer, seated):
    code, browsers, view = seated
    holders = {d["id"]: browsers[d["director"]["id"]] for d in view["directorates"] if d["director"]}
    (first, proposer), (second, other) = holders.items()
    clients = [socket(server, b, code=code) for b in browsers.values()] + [
        socket(server, server_trainer, "projector", code)
    ]
    sockets = [c.__enter__() for c in clients]
    try:
        for ws in sockets:
            receive(ws, "sync")
        send(proposer, code, {"type": "raise-hand"})
        send(server_trainer, code, {"type": "call-speaker"})
        send(
            proposer,
            code,
            {
                "type": "propose",
                "kind": "transfer",
                "text": "Repairs first",
                "secret": True,
                "transfer": {"source": first, "target": second, "amount": 1000, "reason": "damp"},
            },
        )
        send(other, code, {"type": "second", "motion_id": "m1"})
        send(proposer, code, {"type": "vote", "motion_id": "m1", "choice": "for"})
        send(other, code, {"type": "vote", "motion_id": "m1", "choice": "against"})
        last = send(server_trainer, code, {"type": "close-vote", "motion_id": "m1", "casting": "for"})["seq"]
        views = [last_view(ws, last) for ws in sockets]
    finally:
        for c in clients:
            c.__exit__(None, None, None)
    for part in SHARED:
        assert all(timeless(v[part]) == timeless(views[0][part]) for v in views), part
    motions = [v["motions"][0] for v in views]
    assert {m["status"] for m in motions} == {"carried"} and {json.dumps(m["tally"]) for m in motions} == {
        json.dumps({"for": 1, "against": 1, "abstain": 0})
    }
    assert all(set(m["ballots"].values()) <= {"voted", "for", "against"} for m in motions)
    projector = views[-1]["motions"][0]
    assert set(projector["ballots"].values()) == {"voted"}, "a secret ballot never shows a choice on the projector"
    assert views[0]["floor"]["contributions"][0]["count"] == 1
