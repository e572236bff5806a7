"""The websocket as an attacker or a broken client would use it, against a real server process."""

from __future__ import annotations

import json

import pytest
from websockets.exceptions import ConnectionClosed

from tests.realtime.test_websocket import receive, socket
from tests.support import TINY_ROSTER, join, page_client


@pytest.fixture
def seated(server, server_trainer):
    code = server_trainer.post("/api/sessions", json={"scenario_id": "tiny"}).json()["code"]
    browser = page_client(server)
    join(browser, code, *TINY_ROSTER[0])
    yield code, browser
    browser.close()


def seq_of(trainer, code) -> int:
    return trainer.get(f"/api/sessions/{code}/view").json()["session"]["seq"]


def still_answers(ws) -> None:
    ws.send(json.dumps({"type": "ping"}))
    assert receive(ws, "pong")["type"] == "pong"


MALFORMED = [
    ("[]", "not understood"),
    ("1", "not understood"),
    ("null", "not understood"),
    ('"command"', "not understood"),
    ("{}", "not understood"),
    ('{"type": "dance"}', "not understood"),
    ('{"type": "ping", "extra": 1}', "not understood"),
    ('{"type": "command"}', "needs an id and a command"),
    ('{"type": "command", "id": "a"}', "needs an id and a command"),
    ('{"type": "command", "id": "a", "command": []}', "not understood"),
    ('{"type": "command", "id": "", "command": {"type": "raise-hand"}}', "not understood"),
    ('{"type": "command", "id": "' + "a" * 81 + '", "command": {"type": "raise-hand"}}', "not understood"),
    ('{"type": "command", "id": "a", "command": {"type": "no-such-thing"}}', "not one this server knows"),
    ('{"type": "command", "id": "a", "command": {"type": "vote", "motion_id": "m1", "choice": NaN}}', "not understood"),
    ('{"type": "command", "id": "a", "command": {"type": "shuffle", "seed": Infinity}}', "not understood"),
    ("1" * 5000, "not understood"),  # too many digits for Python to read: this used to kill the handler
    ('{"type": "command", "id": "a", "command": {"type": "shuffle", "seed": ' + "9" * 4000 + "}}", "too large"),
    ('{"type": "command", "id": "a", "command": {"type": "shuffle", "seed": 1e999}}', "not a real number"),
    ('{"type": "command", "id": "a", "command": {"type": "vote", "motion_id": 1e308, "choice": "for"}}', ""),
    ('{"type": "command", "id": "nul\\u0000id", "command": {"type": "raise-hand"}}', "NUL character"),
    ('{"type": "command", "id": "a", "command": {"type": "propose", "text": "x\\u0000y"}}', "NUL character"),
    ('{"type": "command", "id": "a", "command": ' + "[" * 50 + "]" * 50 + "}", "nested too deeply"),
    ('{"type": "command", "id": "a", "command": {"a": ' + '{"a": ' * 40 + "1" + "}" * 41 + "}", "nested too deeply"),
    ("[" * 100_000, "too large"),
    ('{"type": "command", "id": "a", "command": {"type": "remove-seat", "seat_id": null}}', ""),
    ("\ud7ff\ue000 not json", "not understood"),
]


@pytest.mark.parametrize(("frame", "expected"), MALFORMED, ids=range(len(MALFORMED)))
def test_every_kind_of_malformed_frame_gets_an_error_and_the_socket_lives_on(
    server, server_trainer, seated, frame, expected
):
    code, browser = seated
    before = seq_of(server_trainer, code)
    with socket(server, browser, code=code) as ws:
        receive(ws, "sync")
        ws.send(frame)
        answer = receive(ws)
        assert answer["type"] == "error" and expected in answer["message"], answer
        assert "\x00" not in json.dumps(answer)
        still_answers(ws)
    assert seq_of(server_trainer, code) == before
    assert "Traceback" not in server.output


def test_a_nul_in_a_command_id_over_http_is_refused_with_a_clear_message(server, seated):
    code, browser = seated
    response = browser.post(f"/api/sessions/{code}/commands", json={"id": "a\x00b", "command": {"type": "raise-hand"}})
    assert response.status_code == 422 and "NUL character" in response.json()["detail"]
    huge = browser.post(
        f"/api/sessions/{code}/commands", json={"id": "b", "command": {"type": "shuffle", "seed": 10**30}}
    )
    assert huge.status_code == 422 and "too large" in huge.json()["detail"]
    named = browser.post(f"/api/sessions/{code}/join", json={"name": "Nul\x00", "agency": "nhs"})
    assert named.status_code == 422 and "NUL character" in named.json()["detail"]


def test_a_seat_may_hold_five_sockets_and_the_sixth_is_told_why(server, seated):
    from contextlib import ExitStack

    from app.realtime.hub import SOCKETS_PER_SEAT

    code, browser = seated
    with ExitStack() as stack:
        open_ones = [stack.enter_context(socket(server, browser, code=code)) for _ in range(SOCKETS_PER_SEAT)]
        for ws in open_ones:
            receive(ws, "sync")
        with socket(server, browser, code=code) as extra:
            with pytest.raises(ConnectionClosed) as closed:
                extra.recv(timeout=5)
            assert closed.value.rcvd.code == 4429
            assert f"already has {SOCKETS_PER_SEAT} connections" in closed.value.rcvd.reason
        open_ones[0].close()
        with socket(server, browser, code=code) as again:  # one closed, so one more may open
            assert receive(again, "sync")["type"] == "sync"
        for ws in open_ones[1:]:
            still_answers(ws)


def test_a_flood_of_commands_is_slowed_with_a_clear_message(server, server_trainer, seated):
    code, browser = seated
    before = seq_of(server_trainer, code)
    with socket(server, browser, code=code) as ws:
        receive(ws, "sync")
        for n in range(100):
            ws.send(json.dumps({"type": "command", "id": f"f{n}", "command": {"type": "raise-hand"}}))
        answers = [receive(ws, "error") for _ in range(100)]
        assert any("Too many commands" in a["message"] for a in answers)
        assert {a["id"] for a in answers} == {f"f{n}" for n in range(100)}
    assert seq_of(server_trainer, code) == before


def test_a_foreign_or_null_origin_cannot_open_a_socket(server, seated):
    from websockets.exceptions import InvalidStatus

    code, browser = seated
    for origin in ("http://evil.example", "null", f"http://127.0.0.1.evil.example:{server.port}"):
        with pytest.raises(InvalidStatus) as refused, socket(server, browser, code=code, origin=origin):
            pass
        assert refused.value.response.status_code == 403
    with socket(server, browser, code=code) as ws:  # our own origin still gets in
        assert receive(ws, "sync")["type"] == "sync"


def test_a_page_reconnecting_in_a_loop_is_told_to_slow_down(server, seated):
    from app.api.limits import SEAT_CONNECTS

    code, browser = seated
    outcomes = []
    for _ in range(SEAT_CONNECTS + 5):
        with socket(server, browser, code=code) as ws:
            try:
                outcomes.append(receive(ws)["type"])
            except ConnectionClosed as closed:
                outcomes.append((closed.rcvd.code, closed.rcvd.reason))
    assert outcomes[0] == "sync"
    refused = [o for o in outcomes if o != "sync"]
    assert refused, "a client reconnecting as fast as it can must be slowed down"
    assert refused[0][0] == 4429 and "reconnecting too often" in refused[0][1]
