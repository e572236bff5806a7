"""A catch-up storm: clients reconnecting again and again with `after=` far behind, while one person votes.

Run: python bench/catch_up_storm.py [--behind 1999] [--storm 16] [--commands 80]
Prints the victim's command round trip (p50, p95) alone and during the storm. Nothing here is asserted.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from websockets.sync.client import connect

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.domain import events as ev
from app.store import events as log
from app.store.db import make_engine, session_scope
from tests.support import TINY_ROSTER, LiveServer, cookie_header, join, page_client

TINY = ROOT / "tests" / "packs"


def pad_log(server: LiveServer, code: str, events: int) -> int:
    """Appends pause/resume pairs straight to the log (the server catches up with it); returns the last seq."""
    engine = make_engine(f"sqlite:///{server.db_path}")
    with session_scope(engine) as db:
        seq = log.load(session=db, code=code)[-1][0]
        batch = [ev.ClockPaused(time.time()) if n % 2 == 0 else ev.ClockResumed(time.time()) for n in range(events)]
        seq = log.append(session=db, code=code, events=batch, expected_seq=seq, actor="trainer", at=time.time())
        db.commit()
    engine.dispose()
    return seq


def url(server, code, role, after=0):
    return f"ws://127.0.0.1:{server.port}/ws/{code}?as={role}&after={after}"


def victim(server, trainer, code, commands: int) -> list[float]:
    took = []
    with connect(url(server, code, "trainer", 10**9), additional_headers={"Cookie": cookie_header(trainer)}) as ws:
        ws.recv()
        for n in range(commands):
            command = {"type": "pause-clock" if n % 2 == 0 else "resume-clock"}
            started = time.perf_counter()
            ws.send(json.dumps({"type": "command", "id": f"v{n}-{started}", "command": command}))
            while json.loads(ws.recv())["type"] not in ("ack", "error"):
                pass
            took.append((time.perf_counter() - started) * 1000)
            time.sleep(0.12)  # under the 10 a second command limit
    return took


def storm(server, browser, code, behind: int, stop: threading.Event, counts: list[int]) -> None:
    while not stop.is_set():
        try:
            with connect(
                url(server, code, "seat", behind), additional_headers={"Cookie": cookie_header(browser)}
            ) as ws:
                ws.recv()
                counts.append(1)
        except Exception:  # a refused socket (over the per-seat limit) just tries again
            time.sleep(0.01)


def summary(label: str, took: list[float]) -> None:
    took = sorted(took)
    p95 = took[int(len(took) * 0.95) - 1]
    print(f"{label}: p50 {statistics.median(took):.1f} ms, p95 {p95:.1f} ms over {len(took)} commands")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--behind", type=int, default=1999)
    parser.add_argument("--storm", type=int, default=16)
    parser.add_argument("--commands", type=int, default=80)
    args = parser.parse_args()
    server = LiveServer(Path(tempfile.mkdtemp()) / "bench.db", TINY)
    server.start()
    try:
        trainer = page_client(server)
        trainer.get(server.sign_in_url, follow_redirects=False)
        code = trainer.post("/api/sessions", json={"scenario_id": "tiny"}).json()["code"]
        seats = []
        for name, agency in TINY_ROSTER:
            browser = page_client(server)
            join(browser, code, name, agency)
            seats.append(browser)
        seq = pad_log(server, code, 2100)
        trainer.get(f"/api/sessions/{code}/view")  # the server reads the padded log once
        summary("alone", victim(server, trainer, code, args.commands))
        stop, counts = threading.Event(), []
        threads = [
            threading.Thread(target=storm, args=(server, seats[n % len(seats)], code, seq - args.behind, stop, counts))
            for n in range(args.storm)
        ]
        for thread in threads:
            thread.start()
        started = time.monotonic()
        summary(
            f"during a storm of {args.storm} clients at after=seq-{args.behind}",
            victim(server, trainer, code, args.commands),
        )
        stop.set()
        for thread in threads:
            thread.join()
        print(f"storm: {len(counts)} attempts, {sum(counts)} caught up, in {time.monotonic() - started:.1f} s")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
