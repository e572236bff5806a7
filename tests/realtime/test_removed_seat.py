"""A seat the trainer removes is gone for good: its open pages are closed and its cookie never works again,
not even after the server restarts."""

from __future__ import annotations

import pytest
from sqlmodel import select
from websockets.exceptions import ConnectionClosed, InvalidStatus

from app.store.db import make_engine, session_scope
from app.store.models import SeatCredential
from tests.conftest import TEST_PACKS
from tests.realtime.test_websocket import receive, socket
from tests.support import TINY_ROSTER, LiveServer, join, page_client, send


def credentials(server, code) -> list[str]:
    engine = make_engine(f"sqlite:///{server.db_path}")
    with session_scope(engine) as db:
        found = [row.seat_id for row in db.exec(select(SeatCredential).where(SeatCredential.session_code == code))]
    engine.dispose()
    return found


@pytest.fixture
def own_server(tmp_path):
    live = LiveServer(tmp_path / "nplc.db", TEST_PACKS)
    live.start()
    yield live
    live.stop()


def test_a_removed_seat_is_disconnected_and_its_cookie_is_dead_across_a_restart(own_server):
    server = own_server
    trainer = page_client(server)
    trainer.get(server.sign_in_url, follow_redirects=False)
    code = trainer.post("/api/sessions", json={"scenario_id": "tiny"}).json()["code"]
    seats = {}
    for name, agency in TINY_ROSTER[:2]:
        browser = page_client(server)
        seats[name] = (join(browser, code, name, agency), browser)
    gone_id, gone = seats["Asha"]
    stays_id, stays = seats["Ben"]

    with socket(server, gone, code=code) as gone_ws, socket(server, stays, code=code) as stays_ws:
        receive(gone_ws, "sync"), receive(stays_ws, "sync")
        send(trainer, code, {"type": "remove-seat", "seat_id": gone_id})
        with pytest.raises(ConnectionClosed) as closed:
            while True:
                gone_ws.recv(timeout=5)
        assert closed.value.rcvd.code == 4403
        assert closed.value.rcvd.reason == "The trainer removed you from this session."
        assert receive(stays_ws, "delta")["view"]["me"]["seat_id"] == stays_id  # the others carry on

    def refused_everywhere():
        assert gone.get(f"/api/sessions/{code}/view").status_code == 401
        assert gone.get(f"/play/{code}/pack").status_code == 401
        assert (
            gone.post(f"/api/sessions/{code}/commands", json={"id": "x", "command": {"type": "raise-hand"}}).status_code
            == 401
        )
        with pytest.raises(InvalidStatus), socket(server, gone, code=code):
            pass
        assert stays.get(f"/api/sessions/{code}/view").status_code == 200

    refused_everywhere()
    assert credentials(server, code) == [stays_id]  # the removed seat's cookie secret is gone from the store
    server.stop()
    server.start()  # same port and database; the browsers keep their cookies
    refused_everywhere()
    seats_now = [s["id"] for s in trainer.get(f"/api/sessions/{code}/view").json()["seats"]]
    assert seats_now == [stays_id]
    for browser in (trainer, gone, stays):
        browser.close()
