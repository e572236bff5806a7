"""A pair's notebook travels live to its partner and to nobody else, survives a reconnect, and appears in the
full record as the pair's own, never in a shared one."""

import json

from tests.realtime.test_meeting_sync import seated  # noqa: F401  (the fixture)
from tests.realtime.test_websocket import receive, socket
from tests.support import send


def until(ws, seq: int) -> list[dict]:
    """Every sync and delta up to the one carrying `seq` (each with the whole view it makes)."""
    found = []
    while not found or found[-1]["seq"] < seq:
        message = receive(ws)
        if message["type"] in ("sync", "delta"):
            found.append(message)
    return found


def test_the_partner_sees_each_save_live_and_nobody_else_does(server, server_trainer, seated):  # noqa: F811
    code, browsers, view = seated
    pair = view["pairs"][0]
    writer, partner = (browsers[s] for s in pair["seats"])
    others = [b for s, b in browsers.items() if s not in pair["seats"]]
    clients = [socket(server, b, code=code) for b in (partner, *others)]
    clients += [socket(server, server_trainer, "projector", code), socket(server, server_trainer, "trainer", code)]
    sockets = [each.__enter__() for each in clients]
    try:
        for ws in sockets:
            receive(ws, "sync")
        seq = send(writer, code, {"type": "write-notebook", "text": "Ask health about the damp money  \n"})["seq"]
        # Something for everyone afterwards, so every screen has been sent whatever it was going to be sent.
        last = send(server_trainer, code, {"type": "announce", "text": "Five minutes"})["seq"]
        frames = [until(ws, last) for ws in sockets]
    finally:
        for each in clients:
            each.__exit__(None, None, None)
    mine, rest = frames[0], frames[1:]
    assert [e["text"] for f in mine for e in f["events"] if e["type"] == "notebook-written"] == [
        "Ask health about the damp money  \n"
    ]
    assert mine[-1]["view"]["me"]["notebook"]["text"] == "Ask health about the damp money  \n"
    assert seq < last
    for received in rest:
        assert "damp money" not in json.dumps(received)
        assert not any(e["type"] == "notebook-written" for f in received for e in f["events"])


def test_the_notebook_is_kept_across_a_reconnect_and_only_in_the_full_record(seated, server_trainer):  # noqa: F811
    code, browsers, view = seated
    pair = view["pairs"][0]
    writer, partner = (browsers[s] for s in pair["seats"])
    send(writer, code, {"type": "write-notebook", "text": "first thoughts"})
    send(partner, code, {"type": "write-notebook", "text": "first thoughts, and a second"})
    again = partner.get(f"/api/sessions/{code}/view").json()["me"]["notebook"]
    assert again["text"] == "first thoughts, and a second" and again["by"]["id"] == pair["seats"][1]
    assert "first thoughts" not in server_trainer.get(f"/api/sessions/{code}/view").text
    full = server_trainer.get(f"/api/sessions/{code}/export.json?full=1").json()
    own = next(r for r in full["pairs_own"] if r["pair_id"] == pair["id"])
    assert own["notebook"] == "first thoughts, and a second"
    assert {m["id"] for m in own["members"]} == set(pair["seats"])
    shared = server_trainer.get(f"/api/sessions/{code}/export.json").text
    assert "first thoughts" not in shared and "notebook-written" not in shared
