"""Kill the server mid-meeting and start it again: everything is still there."""

import pytest

from tests.conftest import TEST_PACKS
from tests.support import TINY_ROSTER, LiveServer, board_meeting, join, page_client, send, timeless


@pytest.fixture
def server(tmp_path):
    live = LiveServer(tmp_path / "nplc.db", TEST_PACKS)
    live.start()
    yield live
    live.stop()


def test_a_killed_server_comes_back_with_the_whole_meeting(server):
    trainer = page_client(server)
    trainer.get(server.sign_in_url, follow_redirects=False)
    code = trainer.post("/api/sessions", json={"scenario_id": "tiny"}).json()["code"]
    browsers = {}
    for name, agency in TINY_ROSTER:
        browser = page_client(server)
        browsers[join(browser, code, name, agency)] = browser
    view = board_meeting(trainer, code, browsers)
    first, second = [d["id"] for d in view["directorates"] if d["director"]]
    holder = {d["id"]: browsers[d["director"]["id"]] for d in view["directorates"] if d["director"]}
    send(
        holder[first],
        code,
        {
            "type": "propose",
            "text": "Move money to prevention",
            "transfer": {"source": first, "target": second, "amount": 40000, "reason": "damp"},
        },
    )
    send(holder[second], code, {"type": "second", "motion_id": "m1"})
    send(holder[first], code, {"type": "vote", "motion_id": "m1", "choice": "for"}, command_id="v-first")
    before = trainer.get(f"/api/sessions/{code}/view").json()

    server.kill()
    server.start()  # same port and database: the browsers keep their cookies

    after = trainer.get(f"/api/sessions/{code}/view").json()
    for part in ("seats", "pairs", "directorates", "motions", "agenda", "chair", "strategy", "floor"):
        assert timeless(after[part]) == timeless(before[part])
    assert after["session"]["seq"] == before["session"]["seq"]
    assert after["session"]["phase"] == "board" and after["session"]["current_item"] == "budget"
    retried = send(holder[first], code, {"type": "vote", "motion_id": "m1", "choice": "for"}, command_id="v-first")
    assert retried["duplicate"] is True
    send(holder[second], code, {"type": "vote", "motion_id": "m1", "choice": "for"})
    send(trainer, code, {"type": "close-vote", "motion_id": "m1"})
    final = {d["id"]: d for d in trainer.get(f"/api/sessions/{code}/view").json()["directorates"]}
    assert final[first]["balance"] == final[first]["budget"] - 40000
    assert final[second]["balance"] == final[second]["budget"] + 40000
    for client in (trainer, *browsers.values()):
        client.close()
