"""Removing several seats at once closes each of their pages, as a single removal does; closed doors leave
everyone with a seat connected and able to reconnect."""

from __future__ import annotations

import pytest
from websockets.exceptions import ConnectionClosed

from tests.realtime.test_removed_seat import credentials, own_server  # noqa: F401  (the fixture)
from tests.realtime.test_websocket import receive, socket
from tests.support import TINY_ROSTER, join, page_client, send


def closed_with(ws) -> tuple[int, str]:
    with pytest.raises(ConnectionClosed) as closed:
        while True:
            ws.recv(timeout=5)
    return closed.value.rcvd.code, closed.value.rcvd.reason


def test_removing_seats_together_disconnects_each_and_closed_doors_keep_the_rest(own_server):  # noqa: F811
    server = own_server
    trainer = page_client(server)
    trainer.get(server.sign_in_url, follow_redirects=False)
    code = trainer.post("/api/sessions", json={"scenario_id": "tiny"}).json()["code"]
    seats = []
    for name, agency in TINY_ROSTER[:3]:
        browser = page_client(server)
        seats.append((join(browser, code, name, agency), browser))
    (first, first_http), (second, second_http), (stays, stays_http) = seats

    with (
        socket(server, first_http, code=code) as first_ws,
        socket(server, second_http, code=code) as second_ws,
        socket(server, stays_http, code=code) as stays_ws,
    ):
        for ws in (first_ws, second_ws, stays_ws):
            receive(ws, "sync")
        send(trainer, code, {"type": "set-doors", "open": False})
        assert receive(stays_ws, "delta")["view"]["session"]["doors_open"] is False
        send(trainer, code, {"type": "remove-seats", "seat_ids": [first, second]})
        for ws in (first_ws, second_ws):
            assert closed_with(ws) == (4403, "The trainer removed you from this session.")
        update = receive(stays_ws, "delta")
        assert [e["type"] for e in update["events"]] == ["seat-removed", "seat-removed"]
        assert [s["id"] for s in update["view"]["seats"]] == [stays]

    assert credentials(server, code) == [stays]
    # With the doors closed, the seat that stays reconnects as ever, and a newcomer is turned away.
    with socket(server, stays_http, code=code) as again:
        assert receive(again, "sync")["view"]["me"]["seat_id"] == stays
    newcomer = page_client(server)
    refused = newcomer.post(f"/api/sessions/{code}/join", json={"name": "Dee", "agency": "nhs"})
    assert refused.status_code == 409 and refused.json()["detail"].startswith("This session is not taking new people")
    for browser in (trainer, newcomer, first_http, second_http, stays_http):
        browser.close()
