"""Two trainer screens on one session, through real websockets: both act on what they see at the same moment,
exactly one command applies and the other screen is told, with nothing changed."""

from __future__ import annotations

import json

import pytest

from tests.realtime.test_websocket import receive, socket
from tests.support import TINY_ROSTER, board_meeting, join, page_client, sign_in_client

STALE = "Someone else has already"


@pytest.fixture
def meeting(server, server_trainer):
    code = server_trainer.post("/api/sessions", json={"scenario_id": "tiny"}).json()["code"]
    browsers = [page_client(server) for _ in TINY_ROSTER]
    for browser, (name, agency) in zip(browsers, TINY_ROSTER, strict=True):
        join(browser, code, name, agency)
    board_meeting(server_trainer, code, {})
    yield code
    for browser in browsers:
        browser.close()


def answer(ws, frame_id: str) -> dict:
    """The ack or error for `frame_id`, skipping updates."""
    while True:
        message = receive(ws)
        if message["type"] in ("ack", "error") and message.get("id") == frame_id:
            return message


def both_press(server, first_http, second_http, code, make) -> tuple[list[dict], dict, dict]:
    """Both screens take their view, then each sends `make(view, n)` before reading any answer."""
    with socket(server, first_http, "trainer", code) as a, socket(server, second_http, "trainer", code) as b:
        views = [receive(ws, "sync")["view"] for ws in (a, b)]
        assert views[0]["session"]["seq"] == views[1]["session"]["seq"]
        for n, ws in enumerate((a, b)):
            ws.send(json.dumps({"type": "command", "id": f"press-{n}", "command": make(views[n], n)}))
        answers = [answer(ws, f"press-{n}") for n, ws in enumerate((a, b))]
    after = first_http.get(f"/api/sessions/{code}/view").json()
    return answers, views[0], after


def exactly_one_applied(answers: list[dict]) -> int:
    kinds = sorted(a["type"] for a in answers)
    assert kinds == ["ack", "error"], answers
    refused = next(a for a in answers if a["type"] == "error")
    assert refused["message"].startswith(STALE) and refused["message"].endswith("Nothing was changed.")
    return next(n for n, a in enumerate(answers) if a["type"] == "ack")


def test_two_trainer_screens_open_different_items_at_once(server, server_trainer, meeting):
    items = ["objectives", "budget"]
    with sign_in_client(server) as other_screen:
        answers, before, after = both_press(
            server,
            server_trainer,
            other_screen,
            meeting,
            lambda view, n: {"type": "open-item", "item_id": items[n], "item_version": view["session"]["item_version"]},
        )
    winner = exactly_one_applied(answers)
    assert after["session"]["current_item"] == items[winner]
    assert after["session"]["seq"] == before["session"]["seq"] + 1, "the refused press recorded nothing"


def test_two_trainer_screens_move_the_phase_at_once(server, server_trainer, meeting):
    phases = ["debrief", "read_in"]
    with sign_in_client(server) as other_screen:
        answers, before, after = both_press(
            server,
            server_trainer,
            other_screen,
            meeting,
            lambda view, n: {
                "type": "start-phase",
                "phase": phases[n],
                "phase_version": view["session"]["phase_version"],
            },
        )
    winner = exactly_one_applied(answers)
    assert after["session"]["phase"] == phases[winner]
    assert after["session"]["seq"] == before["session"]["seq"] + 1
