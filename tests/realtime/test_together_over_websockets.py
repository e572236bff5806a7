"""People acting at the same moment over real websockets (a real server process): whether or not their updates
are told together, every screen hears every event once and in order, with no gap in its stream, and each
sender's acknowledgement comes after the update that carries its command."""

from __future__ import annotations

import json

from tests.realtime.test_meeting_sync import seated  # noqa: F401 (a fixture)
from tests.realtime.test_websocket import receive, socket


def test_hands_raised_at_once_reach_every_screen_once_in_order_each_before_its_ack(server, server_trainer, seated):  # noqa: F811
    code, browsers, _view = seated
    clients = [socket(server, b, code=code) for b in browsers.values()]
    clients.append(socket(server, server_trainer, "projector", code))
    sockets = [client.__enter__() for client in clients]
    try:
        starts = [receive(ws, "sync")["seq"] for ws in sockets]
        seats = sockets[:-1]
        for n, ws in enumerate(seats):  # sent together, before anyone reads an answer
            ws.send(json.dumps({"type": "command", "id": f"hand-{n}", "command": {"type": "raise-hand"}}))
        heard: list[list[int]] = [[] for _ in sockets]
        acks: dict[int, int] = {}
        for i, ws in enumerate(sockets):
            while len(heard[i]) < len(seats) or (i < len(seats) and i not in acks):
                message = receive(ws)
                if message["type"] == "delta":
                    heard[i] += [e["seq"] for e in message["events"]]
                elif message["type"] == "ack":
                    assert message["seq"] in heard[i], "the update came before its acknowledgement"
                    acks[i] = message["seq"]
                else:
                    raise AssertionError(f"unexpected {message}")
    finally:
        for client in clients:
            client.__exit__(None, None, None)
    assert sorted(acks.values()) == list(range(starts[0] + 1, starts[0] + 1 + len(seats)))
    for seqs in heard:
        assert seqs == list(range(starts[0] + 1, starts[0] + 1 + len(seats))), "every hand once, in order"
