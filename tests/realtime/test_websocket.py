"""Real websocket clients against a real server process."""

from __future__ import annotations

import json
import time
import weakref
from contextlib import contextmanager

import pytest
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from app.domain.apply import replay
from app.domain.views import Viewer, view_for
from app.realtime.patch import apply_patch
from app.store import events as log
from app.store.db import make_engine, session_scope
from tests.contracts.wire import check_view
from tests.support import TINY_ROSTER, board_meeting, cookie_header, join, page_client, send, timeless


@contextmanager
def socket(server, http, role="seat", code="", after=0, origin=None):
    url = f"ws://127.0.0.1:{server.port}/ws/{code}?as={role}&after={after}"
    headers = {"Cookie": cookie_header(http)}
    with connect(url, additional_headers=headers, origin=origin or server.base_url, open_timeout=5) as ws:
        yield ws


# What each open test socket's page would hold: the view from its sync, with every delta since applied.
HELD: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def receive(ws, kind: str | None = None, timeout: float = 5) -> dict:
    """The next message (of `kind`, skipping others). A `delta` comes with the whole `view` it makes, put
    together as a page does (every delta is applied, those skipped too), and checked against its stream number."""
    deadline = time.monotonic() + timeout
    while True:
        message = json.loads(ws.recv(timeout=max(0.01, deadline - time.monotonic())))
        if message["type"] == "sync":
            HELD[ws] = (message["n"], message["view"])
        elif message["type"] == "delta":
            n, view = HELD[ws]
            assert message["n"] == n + 1, "a gap in the stream"
            message["view"] = apply_patch(view, message["patch"])
            check_view(message["view"], message["view"]["viewer"])
            HELD[ws] = (message["n"], message["view"])
        if kind is None or message["type"] == kind:
            return message


def quiet(ws, seconds: float = 0.3) -> list[dict]:
    """Every message that arrives within `seconds`."""
    found = []
    try:
        while True:
            found.append(json.loads(ws.recv(timeout=seconds)))
    except TimeoutError:
        return found


@pytest.fixture
def session(server, server_trainer):
    code = server_trainer.post("/api/sessions", json={"scenario_id": "tiny"}).json()["code"]
    browsers = {}
    for name, agency in TINY_ROSTER:
        browser = page_client(server)
        browsers[join(browser, code, name, agency)] = browser
    yield code, browsers
    for browser in browsers.values():
        browser.close()


def test_two_clients_see_the_same_state(server, server_trainer, session):
    code, browsers = session
    seat_id, browser = next(iter(browsers.items()))
    with socket(server, server_trainer, "trainer", code) as trainer_ws, socket(server, browser, code=code) as seat_ws:
        first_t, first_s = receive(trainer_ws, "sync"), receive(seat_ws, "sync")
        assert first_t["seq"] == first_s["seq"]
        send(server_trainer, code, {"type": "announce", "text": "Welcome, everyone"})
        update_t, update_s = receive(trainer_ws, "delta"), receive(seat_ws, "delta")
    assert update_t["seq"] == update_s["seq"] == first_t["seq"] + 1
    assert update_t["events"] == update_s["events"]
    assert update_t["events"][0]["type"] == "announced"
    for part in ("seats", "pairs", "directorates", "motions"):
        assert update_t["view"][part] == update_s["view"][part]
    assert update_s["view"]["me"]["seat_id"] == seat_id
    assert "seed" not in update_s["view"]["session"]


def test_a_client_that_reconnects_gets_exactly_what_it_missed(server, server_trainer, session):
    code, browsers = session
    browser = next(iter(browsers.values()))
    with socket(server, browser, code=code) as ws:
        seen = receive(ws, "sync")["seq"]
    send(server_trainer, code, {"type": "auto-pair"})
    send(server_trainer, code, {"type": "shuffle", "seed": 3})
    send(server_trainer, code, {"type": "start-phase", "phase": "read_in"})
    with socket(server, browser, code=code, after=seen) as ws:
        sync = receive(ws, "sync")
        assert [e["seq"] for e in sync["events"]] == [seen + 1, seen + 2, seen + 3]
        assert [e["type"] for e in sync["events"]] == ["pairs-set", "roles-shuffled", "phase-started"]
        assert sync["reset"] is False and sync["seq"] == seen + 3
        assert "seed" not in sync["events"][1]
        assert quiet(ws) == []
    with socket(server, browser, code=code, after=seen + 3) as ws:
        assert receive(ws, "sync")["events"] == []
    with socket(server, browser, code=code, after=10_000) as ws:
        stale = receive(ws, "sync")
        assert stale["reset"] is True and stale["events"] == [] and stale["view"]["session"]["phase"] == "read_in"


def test_a_command_sent_twice_counts_once(server, server_trainer, session):
    code, browsers = session
    board_meeting(server_trainer, code, browsers)
    view = server_trainer.get(f"/api/sessions/{code}/view").json()
    holders = [d["director"]["id"] for d in view["directorates"] if d["director"]]
    proposer, seconder = browsers[holders[0]], browsers[holders[1]]
    send(proposer, code, {"type": "propose", "text": "Joint repairs fund"})
    send(seconder, code, {"type": "second", "motion_id": "m1"})
    frame = json.dumps(
        {"type": "command", "id": "vote-once", "command": {"type": "vote", "motion_id": "m1", "choice": "for"}}
    )
    with socket(server, proposer, code=code) as ws:
        receive(ws, "sync")
        ws.send(frame)
        first = receive(ws, "ack")
        ws.send(frame)  # the same frame again, as a retry over bad Wi-Fi would
        second = receive(ws, "ack")
    assert first["duplicate"] is False and second["duplicate"] is True and first["seq"] == second["seq"]
    motion = server_trainer.get(f"/api/sessions/{code}/view").json()["motions"][0]
    assert motion["tally"] == {"for": 1, "against": 0, "abstain": 0}


def test_replaying_the_stored_log_gives_the_live_state(server, server_trainer, session):
    code, browsers = session
    board_meeting(server_trainer, code, browsers)
    live = server_trainer.get(f"/api/sessions/{code}/view").json()
    engine = make_engine(f"sqlite:///{server.db_path}")
    with session_scope(engine) as db:
        state = replay(event for _, event in log.load(session=db, code=code))
    engine.dispose()
    rebuilt = view_for(state, Viewer("trainer"), now=live["session"]["now"])
    for part in ("seats", "pairs", "directorates", "agenda", "motions", "chair", "strategy", "floor", "injects"):
        assert timeless(rebuilt[part]) == timeless(live[part])
    assert rebuilt["session"]["seq"] == live["session"]["seq"]


def test_malformed_frames_get_an_error_and_the_connection_lives_on(server, server_trainer, session):
    code, browsers = session
    browser = next(iter(browsers.values()))
    with socket(server, browser, code=code) as ws:
        seq = receive(ws, "sync")["seq"]
        ws.send("this is not json")
        assert receive(ws, "error")["message"] == "That message was not understood; nothing was changed."
        ws.send(json.dumps({"type": "command", "id": "x", "command": {"type": "vote", "motion_id": 3}}))
        assert "not understood" in receive(ws, "error")["message"]
        ws.send("x" * 20_000)
        assert "too large" in receive(ws, "error")["message"]
        ws.send(b"\x00\x01")
        assert "text" in receive(ws, "error")["message"]
        ws.send(json.dumps({"type": "command", "id": "y", "command": {"type": "shuffle"}}))
        assert receive(ws, "error")["message"] == "Only the trainer can do that."
        ws.send(json.dumps({"type": "ping"}))
        assert receive(ws)["type"] == "pong"
    assert server_trainer.get(f"/api/sessions/{code}/view").json()["session"]["seq"] == seq


def test_the_projector_watches_but_cannot_act(server, server_trainer, session):
    code, _ = session
    with socket(server, server_trainer, "projector", code) as ws:
        sync = receive(ws, "sync")
        assert sync["view"]["viewer"] == "projector" and "seed" not in sync["view"]["session"]
        ws.send(json.dumps({"type": "command", "id": "p1", "command": {"type": "auto-pair"}}))
        assert "cannot change" in receive(ws, "error")["message"]


def test_a_foreign_origin_is_refused(server, session):
    code, browsers = session
    browser = next(iter(browsers.values()))
    with pytest.raises(InvalidStatus) as refused, socket(server, browser, code=code, origin="http://evil.example"):
        pass
    assert refused.value.response.status_code == 403


def test_a_browser_without_a_seat_is_refused(server, session):
    code, _ = session
    with (
        page_client(server) as stranger,
        pytest.raises(InvalidStatus),
        socket(server, stranger, code=code),
    ):
        pass


def test_a_wrong_code_is_told_so(server, server_trainer):
    with socket(server, server_trainer, "trainer", "NOSUCH") as ws:
        assert "No session has the code NOSUCH" in receive(ws, "error")["message"]
