"""The load harness (bench/load.py) at its smallest, so it keeps working as the protocol changes: one session of
five (a chair and two directorates, enough for a motion's whole life), two seconds of commands, both servers.
Nothing is timed here; the figures are the harness's business (docs/performance.md)."""

from __future__ import annotations

import pytest

from bench.load import measure, options, table
from bench.load_measure import in_order_once

SMALLEST = ["--sessions", "1", "--seats", "5", "--rate", "8", "--duration", "2", "--joiners", "3"]
SMALLEST += ["--join-sessions", "1"]


@pytest.mark.timeout(90)  # a hang (a frame never arriving) fails here rather than holding up the suite
def test_every_command_reaches_every_seat_once_and_in_order():
    figures, run = measure(options(SMALLEST))
    assert run.sent, "the harness sent no commands"
    assert all(record.error is None and record.seq is not None for record in run.sent), figures["real"]["errors"]
    for code, pages in run.pages.items():
        for page in pages:
            assert in_order_once(page), [a.seq for a in page.arrivals]
            got = {arrival.seq for arrival in page.arrivals}
            assert all(record.seq in got for record in run.sent if record.session == code)
    # Votes wait for a seconded motion, which a slow machine may not have within two seconds; these never do.
    assert {"raise-hand", "propose", "second"} <= {record.kind for record in run.sent}
    assert "| latency p99 |" in table(figures)  # the report can be printed from what was measured
