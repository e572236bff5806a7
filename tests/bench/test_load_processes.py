"""The load harness on two server processes sharing PostgreSQL, at its smallest: every command reaches every seat
once and in order whichever process its socket is on. Also that the harness's delivery check counts what it
says it counts, and that it refuses two processes on SQLite. Nothing is timed here."""

from __future__ import annotations

import itertools
import json
from urllib.parse import urlsplit

import psycopg
import pytest

from bench.load import measure, options
from bench.load_clients import Arrival, Watcher, peek
from bench.load_mix import Sent
from bench.load_processes import delivery_check, seen_in_order
from tests.bench.test_load import SMALLEST
from tests.conftest import IN_CI
from tests.store.conftest import POSTGRES_ADMIN

POSTGRES_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/test"  # the run makes its own database there


@pytest.fixture
def postgres_server() -> str:
    try:
        psycopg.connect(POSTGRES_ADMIN, autocommit=True, connect_timeout=3).close()
    except psycopg.OperationalError as error:
        if IN_CI:
            pytest.fail(f"PostgreSQL is not reachable at 127.0.0.1:5432 ({error})")
        pytest.skip("PostgreSQL is not running here")
    return POSTGRES_SERVER


def port(page: Watcher) -> int | None:
    return urlsplit(page.url).port


@pytest.mark.postgres
@pytest.mark.timeout(120)  # a hang (a frame never arriving) fails here rather than holding up the suite
def test_every_command_reaches_every_seat_once_and_in_order_across_two_processes(postgres_server):
    figures, run = measure(options([*SMALLEST, "--processes", "2", "--database", postgres_server, "--no-bare"]))
    assert run.sent, "the harness sent no commands"
    assert all(record.error is None and record.seq is not None for record in run.sent), figures["real"]["errors"]
    assert figures["real"]["delivery"] == {
        "seats": 5,
        "seats_wrong": 0,
        "duplicates": 0,
        "out_of_order": 0,
        "gaps": 0,
        "missing": 0,
    }
    for code, pages in run.pages.items():
        # Seats alternate between the two processes (after the storm, each on the other one)...
        assert all(port(a) != port(b) for a, b in itertools.pairwise(pages))
        seats = next(session for session in run.sessions if session.code == code).seats
        place = {seat.seat_id: i for i, seat in enumerate(seats)}
        # ...and commands went through both.
        assert {place[record.seat] % 2 for record in run.sent if record.session == code} == {0, 1}
        last = max(record.seq for record in run.sent if record.session == code and record.seq)
        for page in pages:
            seen = seen_in_order(page)
            assert seen == sorted(set(seen)), seen
            assert {record.seq for record in run.sent if record.session == code} <= set(seen)
            # Reconnected to the other process after its last seq, the page was caught up to the end.
            assert page.first_seq == last


def watcher(first_seq: int, *frames: tuple[int, int, tuple[int, ...]]) -> Watcher:
    page = Watcher("ws://127.0.0.1:1/ws/S?as=seat", first_seq=first_seq)
    page.arrivals = [Arrival(seq, 0.0, 100, n=n, events=events) for seq, n, events in frames]
    return page


def test_the_delivery_check_counts_doubled_reordered_skipped_and_missing_events():
    sent = [Sent("vote", "S", 0.0, seq) for seq in (5, 7, 9)]
    right = watcher(3, (5, 1, (4, 5)), (7, 2, (6, 7)), (9, 3, (8, 9)))
    # 5 twice, then 4 after 5; delta 3 skipped; events 8 and 9 (command 9) never told.
    wrong = watcher(3, (5, 1, (4, 5)), (5, 2, (5,)), (7, 4, (4, 6, 7)))
    found = delivery_check(sent, {"S": [right, wrong]})
    assert found == {"seats": 2, "seats_wrong": 1, "duplicates": 2, "out_of_order": 2, "gaps": 2, "missing": 1}


def test_a_long_frame_is_read_for_the_seqs_of_the_events_it_carries():
    events = [{"seq": 8, "type": "hand-raised"}, {"seq": 9, "type": "vote-cast"}]
    patch = [{"op": "replace", "path": "/x", "value": "y" * 5000}]
    text = f'{{"type": "delta", "seq": 9, "n": 4, "events": {json.dumps(events)}, "patch": {json.dumps(patch)}}}'
    got = peek(text)
    assert (got.kind, got.seq, got.n, got.events, got.frame) == ("delta", 9, 4, (8, 9), None)


def test_two_processes_on_sqlite_are_refused_with_the_reason(capsys):
    with pytest.raises(SystemExit):
        options(["--processes", "2"])
    assert "SQLite serves one process only" in capsys.readouterr().err
