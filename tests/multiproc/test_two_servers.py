"""Two real `nplc serve` processes on one PostgreSQL database, as behind a load balancer.

A trainer's screen on each process sees every event of the session exactly once and in order, whichever
process each command was sent to, also while both processes' doorbell listeners are being cut off.
"""

from __future__ import annotations

import json
import threading
import time

import httpx
import pytest
from websockets.sync.client import connect

from tests.multiproc.conftest import cut_off_listeners, listeners
from tests.support import PAGE_HEADERS, LiveServer, cookie_header

pytestmark = pytest.mark.postgres
COMMANDS_EACH = 40  # sent to each process, at the same time


def trainer_socket(server: LiveServer, http: httpx.Client, code: str):
    return connect(
        f"ws://127.0.0.1:{server.port}/ws/{code}?as=trainer&after=0",
        additional_headers={"Cookie": cookie_header(http)},
        origin=server.base_url,
        open_timeout=10,
    )


def told(ws, until_seq: int) -> list[tuple[int, str, str]]:
    """(seq, type, text) of every event a socket is sent, in order, until it has been told about `until_seq`."""
    seen: list[tuple[int, str, str]] = []
    while not seen or seen[-1][0] < until_seq:
        message = json.loads(ws.recv(timeout=30))
        seen += [(e["seq"], e["type"], e.get("text", "")) for e in message.get("events", [])]
    return seen


def announce_many(server: LiveServer, cookies: str, code: str, label: str, acked: list[int]) -> None:
    """Sends COMMANDS_EACH announcements, waiting out the per-process command rate limit when told to."""
    headers = PAGE_HEADERS | {"Cookie": cookies}
    with httpx.Client(base_url=server.base_url, headers=headers, timeout=30) as http:
        for n in range(COMMANDS_EACH):
            while True:
                body = {"id": f"{label}-{n}", "command": {"type": "announce", "text": f"{label} {n}"}}
                response = http.post(f"/api/sessions/{code}/commands", json=body)
                if response.status_code != 429:
                    break
                time.sleep(float(response.headers.get("retry-after", "0.2")))
            assert response.status_code == 200, response.text
            acked.append(response.json()["seq"])


def run_day(servers, interfere=lambda: None) -> tuple[list, list, list, list[int]]:
    """Commands to both processes at once; returns what each trainer socket was told, a fresh socket's replay
    of the whole log, and the sequence numbers the commands were acknowledged with."""
    first, second = servers
    with httpx.Client(base_url=first.base_url, headers=PAGE_HEADERS, timeout=10) as http:
        assert http.get(first.printed_sign_in_url, follow_redirects=False).status_code == 303
        code = http.post("/api/sessions", json={"scenario_id": "tiny"}).json()["code"]
        with trainer_socket(first, http, code) as on_first, trainer_socket(second, http, code) as on_second:
            acked: dict[str, list[int]] = {"a": [], "b": []}
            senders = [
                threading.Thread(target=announce_many, args=(server, cookie_header(http), code, label, acked[label]))
                for server, label in ((first, "a"), (second, "b"))
            ]
            for sender in senders:
                sender.start()
            interfere()
            for sender in senders:
                sender.join()
            final = max(acked["a"] + acked["b"])
            seen_first, seen_second = told(on_first, final), told(on_second, final)
        with trainer_socket(second, http, code) as fresh:
            whole_log = told(fresh, final)
    return seen_first, seen_second, whole_log, acked["a"] + acked["b"]


def check_exactly_once(seen_first, seen_second, whole_log, acked) -> None:
    assert len(acked) == 2 * COMMANDS_EACH and len(set(acked)) == len(acked)  # none refused, none doubled
    assert [seq for seq, _, _ in whole_log] == list(range(1, len(whole_log) + 1))
    announced = sorted(text for _, kind, text in whole_log if kind == "announced")
    assert announced == sorted(f"{label} {n}" for label in "ab" for n in range(COMMANDS_EACH))
    assert seen_first == whole_log  # every event once, in order, on each process
    assert seen_second == whole_log


def test_a_screen_on_each_process_sees_every_event_once_in_order(servers):
    check_exactly_once(*run_day(servers))


def test_listeners_cut_off_mid_day_reconnect_and_nothing_is_lost_or_doubled(servers, postgres_url):
    cut: list[int] = []

    def cut_off_three_times() -> None:
        for _ in range(3):
            while len(listeners(postgres_url) - set(cut)) < 2:  # both listening (again) before the next cut
                time.sleep(0.05)
            cut.extend(cut_off_listeners(postgres_url))

    check_exactly_once(*run_day(servers, cut_off_three_times))
    assert len(cut) == 6
    for server in servers:
        assert server.output.count("the doorbell is listening again") >= 3, server.output[-2000:]
