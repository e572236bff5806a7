"""Deltas through a real server and real websocket clients: a vote costs each screen under a kilobyte, events a
screen may not see leave no gap in its stream, and a client that finds a gap gets the whole view back."""

from __future__ import annotations

import json
from contextlib import ExitStack

import pytest

from tests.realtime.test_websocket import receive, socket
from tests.support import board_meeting, join, page_client, send, timeless

ROSTER = [
    ("Asha", "council-housing"),
    ("Ben", "council-housing"),
    ("Cai", "nhs"),
    ("Dee", "nhs"),
    ("Eve", "police"),
    ("Fin", "police"),
    ("Gus", "schools"),
    ("Hal", "schools"),
    ("Ida", "fire"),
    ("Jo", "resident"),
]


@pytest.fixture
def meeting(server, server_trainer):
    """Ten seats in the board meeting of the tiny pack, Ida in the chair; yields (code, seat id -> browser)."""
    code = server_trainer.post("/api/sessions", json={"scenario_id": "tiny"}).json()["code"]
    browsers = {}
    for name, agency in ROSTER:
        browser = page_client(server)
        browser.get("/")  # a browser's cookie first, as a page has: joins without one share a small allowance
        browsers[join(browser, code, name, agency)] = browser
    chair = next(s for s, b in browsers.items() if ROSTER[list(browsers).index(s)][0] == "Ida")
    send(server_trainer, code, {"type": "choose-chair", "seat_id": chair})
    view = board_meeting(server_trainer, code, browsers)
    yield code, browsers, view
    for browser in browsers.values():
        browser.close()


def frames_until(ws, seq: int) -> list[tuple[str, dict]]:
    """Every stream frame (raw text and decoded) up to the one carrying `seq`."""
    found = []
    while True:
        text = ws.recv(timeout=5)
        frame = json.loads(text)
        if frame["type"] in ("sync", "delta"):
            found.append((text, frame))
            if frame["seq"] >= seq:
                return found


def test_a_vote_sends_each_screen_less_than_a_kilobyte(server, server_trainer, meeting):
    code, browsers, view = meeting
    directors = [d["director"]["id"] for d in view["directorates"] if d["director"]]
    send(browsers[directors[0]], code, {"type": "propose", "text": "Fix the damp", "kind": "strategy"})
    send(browsers[directors[1]], code, {"type": "second", "motion_id": "m1"})
    with ExitStack() as stack:
        sockets = [stack.enter_context(socket(server, b, code=code)) for b in browsers.values()]
        sockets += [
            stack.enter_context(socket(server, server_trainer, role, code)) for role in ("trainer", "projector")
        ]
        for ws in sockets:
            receive(ws, "sync")
        seq = send(browsers[directors[2]], code, {"type": "vote", "motion_id": "m1", "choice": "for"})["seq"]
        for ws in sockets:
            [(text, delta)] = frames_until(ws, seq)
            assert delta["type"] == "delta" and delta["n"] == 1
            assert len(text.encode()) <= 1024, text
            assert any(op["path"].startswith("/motions/0/") for op in delta["patch"]), "the vote itself is in it"
    assert len(sockets) == len(ROSTER) + 2


def test_events_a_screen_may_not_see_leave_no_gap_in_its_stream(server, server_trainer, meeting):
    code, browsers, _ = meeting
    resident, other = list(browsers)[-1], next(iter(browsers))
    with socket(server, browsers[other], code=code) as ws, socket(server, browsers[resident], code=code) as told:
        sync, _ = receive(ws, "sync"), receive(told, "sync")
        send(server_trainer, code, {"type": "release-inject", "inject_id": "news", "to": [resident]})
        send(server_trainer, code, {"type": "write-inject", "title": "For Jo", "text": "Only you", "to": [resident]})
        seq = send(server_trainer, code, {"type": "announce", "text": "Back at two"})["seq"]
        frames = [frame for _, frame in frames_until(ws, seq)]
        assert [f["n"] for f in frames] == [1, 2, 3], "numbered without a gap"
        assert [f["events"] for f in frames[:2]] == [[], []], "the news went to the resident alone"
        assert frames[2]["events"][0]["type"] == "announced"
        assert [f["seq"] for f in frames] == [sync["seq"] + 1, sync["seq"] + 2, seq]
        told_frames = [frame for _, frame in frames_until(told, seq)]
        assert [f["n"] for f in told_frames] == [1, 2, 3]
        assert [len(f["events"]) for f in told_frames] == [1, 1, 1]


def test_a_client_that_finds_a_gap_reconnects_and_gets_the_whole_view(server, server_trainer, meeting):
    code, browsers, _ = meeting
    seat_id, browser = next(iter(browsers.items()))
    with socket(server, browser, code=code) as ws:
        sync = receive(ws, "sync")
        applied = sync["seq"]
        send(server_trainer, code, {"type": "announce", "text": "First"})
        last = send(server_trainer, code, {"type": "announce", "text": "Second"})["seq"]
        lost, after_gap = (frame for _, frame in frames_until(ws, last))
        assert (lost["n"], after_gap["n"]) == (1, 2)
        # The page lost the first delta: the second does not follow from what it holds (n 2 after 0), so it
        # drops the socket and reconnects after the last seq it applied (frontend/js/connection.js does this).
        assert after_gap["n"] != sync["n"] + 1
    with socket(server, browser, code=code, after=applied) as again:
        fresh = receive(again, "sync")
    assert fresh["n"] == 0 and fresh["reset"] is False
    assert [e["text"] for e in fresh["events"]] == ["First", "Second"]
    whole = browser.get(f"/api/sessions/{code}/view").json()
    assert timeless(fresh["view"]) == timeless(whole)
    assert fresh["view"]["me"]["seat_id"] == seat_id and fresh["view"]["announcement"]["text"] == "Second"
