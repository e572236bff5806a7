"""Benchmarks of the spine: the pure domain, stored commands, replay, and websocket fan-out.

Run: python bench/spine.py [--clients 40] [--commands 300]
Prints one line per measurement. Nothing here is asserted; tests never time anything.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx
from websockets.asyncio.client import connect

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.actions import Actions
from app.domain import commands as c
from app.domain import events as ev
from app.domain.apply import apply, replay
from app.domain.decide import decide
from app.live import LiveSessions
from app.realtime.hub import Hub
from app.scenarios.loader import facts, load_folder
from app.store import events as log
from app.store.db import make_engine, session_scope
from tests.support import LiveServer, cookie_header, join, send

PACK = load_folder(ROOT / "scenarios" / "kilnbrook")
ROSTER = [a.id for a in PACK.scenario.agencies if a.directorate][:8]


def domain_rate(commands: int) -> float:
    """Joins and pair moves through decide+apply, in commands per second."""
    state = apply(None, ev.SessionCreated("BENCH1", facts(PACK), 0.0))
    started = time.perf_counter()
    for i in range(commands):
        ctx = c.Context(c.GUEST if i < 16 else c.TRAINER, float(i), new_seat_id=f"s{i}")
        if i < 16:
            command = c.Join(name=f"P{i}", agency=ROSTER[i % 8])
        else:
            command = c.PauseClock() if i % 2 == 0 else c.ResumeClock()
        for event in decide(state, command, ctx):
            state = apply(state, event)
    return commands / (time.perf_counter() - started)


async def stored_rate(url: str, commands: int) -> tuple[float, float]:
    """Commands through Actions (decide, append, commit): per second, and the p95 in milliseconds."""
    actions = Actions(LiveSessions(make_engine(url)), Hub())
    code = await actions.create_session(PACK)
    for i in range(16):
        await actions.join(code, c.Join(name=f"P{i}", agency=ROSTER[i % 8]))
    times = []
    for i in range(commands):
        begin = time.perf_counter()
        await actions.submit(code, c.TRAINER, c.PauseClock() if i % 2 == 0 else c.ResumeClock(), f"cmd-{i}")
        times.append(time.perf_counter() - begin)
    actions.live.engine.dispose()
    return commands / sum(times), statistics.quantiles(times, n=20)[18] * 1000


def replay_time(url: str) -> tuple[int, float]:
    engine = make_engine(url)
    with session_scope(engine) as db:
        code = db.exec(log.EventRow.__table__.select().limit(1)).first().session_code
        started = time.perf_counter()
        events = log.load(session=db, code=code)
        replay(e for _, e in events)
        took = time.perf_counter() - started
    engine.dispose()
    return len(events), took * 1000


async def fan_out(server: LiveServer, clients: int, rounds: int) -> list[float]:
    """Milliseconds from a command's HTTP answer until every connected client has the update."""
    trainer = httpx.Client(base_url=server.base_url, timeout=10)
    trainer.get(server.sign_in_url)
    code = trainer.post("/api/sessions", json={"scenario_id": PACK.id}).json()["code"]
    # A session seats 25 (two per directorate, a chair, eight residents); beyond that, seats open second tabs.
    browsers = [httpx.Client(base_url=server.base_url, timeout=10) for _ in range(min(clients, 24))]
    for i, browser in enumerate(browsers):
        join(browser, code, f"P{i}", ROSTER[i % 8] if i < 16 else "resident")
    url = f"ws://127.0.0.1:{server.port}/ws/{code}?as=seat"
    sockets = [
        await connect(
            url, additional_headers={"Cookie": cookie_header(browsers[i % len(browsers)])}, origin=server.base_url
        )
        for i in range(clients)
    ]
    for ws in sockets:
        await ws.recv()
    latencies = []
    for i in range(rounds):
        started = time.perf_counter()
        await asyncio.to_thread(send, trainer, code, {"type": "pause-clock" if i % 2 == 0 else "resume-clock"})
        await asyncio.gather(*(ws.recv() for ws in sockets))
        latencies.append((time.perf_counter() - started) * 1000)
    for ws in sockets:
        await ws.close()
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=40)
    parser.add_argument("--commands", type=int, default=300)
    parser.add_argument("--postgres", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    print(f"domain decide+apply: {domain_rate(20_000):,.0f} commands/s")
    with tempfile.TemporaryDirectory() as tmp:
        sqlite = f"sqlite:///{tmp}/bench.db"
        rate, p95 = asyncio.run(stored_rate(sqlite, args.commands))
        print(f"stored commands, SQLite: {rate:,.0f}/s, p95 {p95:.2f} ms")
        count, took = replay_time(sqlite)
        print(f"replay of {count} stored events (load + fold): {took:.1f} ms")
        try:
            rate, p95 = asyncio.run(stored_rate(args.postgres, args.commands))
            print(f"stored commands, PostgreSQL: {rate:,.0f}/s, p95 {p95:.2f} ms")
        except Exception as error:  # a benchmark reports what it could not measure, and carries on
            print(f"PostgreSQL not measured: {error.__class__.__name__}")
        server = LiveServer(Path(tmp) / "fan.db", ROOT / "scenarios")
        server.start()
        try:
            latencies = asyncio.run(fan_out(server, args.clients, 50))
        finally:
            server.stop()
        print(
            f"fan-out to {args.clients} websocket clients: median {statistics.median(latencies):.1f} ms, "
            f"p95 {statistics.quantiles(latencies, n=20)[18]:.1f} ms (command over HTTP to last client)"
        )


if __name__ == "__main__":
    main()
