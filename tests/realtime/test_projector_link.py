"""The projector link: a read-only key that shows the public screen on a machine nobody signs in on."""

from __future__ import annotations

import json

import pytest
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from tests.realtime.test_websocket import receive, socket
from tests.support import TINY_ROSTER, join, page_client, send, timeless


@pytest.fixture
def session(server, server_trainer):
    code = server_trainer.post("/api/sessions", json={"scenario_id": "tiny"}).json()["code"]
    with page_client(server) as a, page_client(server) as b:
        seats = {
            join(browser, code, name, agency): browser
            for browser, (name, agency) in zip((a, b), TINY_ROSTER[:2], strict=True)
        }
        yield code, seats


def key_socket(server, code: str, key: str, http=None):
    url = f"ws://127.0.0.1:{server.port}/ws/{code}?as=projector&after=0&key={key}"
    headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in http.cookies.items())} if http else {}
    return connect(url, additional_headers=headers, origin=server.base_url, open_timeout=5)


def make_link(trainer, code: str) -> str:
    response = trainer.post(f"/api/sessions/{code}/projector-link")
    assert response.status_code == 200, response.text
    url = response.json()["url"]
    assert url.split("?")[0].endswith(f"/projector/{code}")
    return url.split("key=", 1)[1]


def test_the_link_shows_the_public_screen_without_any_sign_in(server, server_trainer, session):
    code, seats = session
    send(server_trainer, code, {"type": "choose-chair", "seat_id": next(iter(seats))})
    key = make_link(server_trainer, code)
    with socket(server, server_trainer, "projector", code) as signed_in, key_socket(server, code, key) as linked:
        by_link, by_trainer_projector = receive(linked, "sync")["view"], receive(signed_in, "sync")["view"]
    assert by_link["viewer"] == "projector"
    assert timeless(by_link) == timeless(by_trainer_projector)
    trainer_view = server_trainer.get(f"/api/sessions/{code}/view").json()
    assert trainer_view["session"].get("chair_pick") and "chair_pick" not in by_link["session"]
    assert "seed" not in by_link["session"]


def test_the_link_cannot_issue_commands_or_read_the_trainer_view(server, server_trainer, session):
    code, _ = session
    key = make_link(server_trainer, code)
    with key_socket(server, code, key) as ws:
        receive(ws, "sync")
        ws.send(json.dumps({"type": "command", "id": "p1", "command": {"type": "start-phase", "phase": "closed"}}))
        assert "cannot change" in receive(ws, "error")["message"]
    with page_client(server) as stranger:
        assert stranger.get(f"/api/sessions/{code}/view?key={key}").status_code == 401
        assert stranger.post(f"/api/sessions/{code}/projector-link").status_code == 401
    assert server_trainer.get(f"/api/sessions/{code}/view").json()["session"]["phase"] == "lobby"


@pytest.mark.parametrize("role", ["trainer", "seat"])
def test_the_key_opens_the_projector_only(server, server_trainer, session, role):
    code, _ = session
    key = make_link(server_trainer, code)
    url = f"ws://127.0.0.1:{server.port}/ws/{code}?as={role}&key={key}"
    with pytest.raises(InvalidStatus), connect(url, origin=server.base_url, open_timeout=5):
        pass


def test_a_new_link_revokes_the_old_one_and_keys_do_not_cross_sessions(server, server_trainer, session):
    code, _ = session
    old = make_link(server_trainer, code)
    new = make_link(server_trainer, code)
    assert old != new
    with pytest.raises(InvalidStatus), key_socket(server, code, old):
        pass
    with key_socket(server, code, new) as ws:
        assert receive(ws, "sync")["view"]["viewer"] == "projector"
    other = server_trainer.post("/api/sessions", json={"scenario_id": "tiny"}).json()["code"]
    with pytest.raises(InvalidStatus), key_socket(server, other, new):
        pass
    for wrong in ("", "x" * 200, new[:-1]):
        with pytest.raises(InvalidStatus), key_socket(server, code, wrong):
            pass
