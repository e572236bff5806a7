"""Benchmark, in-process: what finding a seat's cookie costs when its websocket opens (issue 12).

`--joiners` people join `--join-sessions` new Kilnbrook sessions (a temporary SQLite database, the real
`Actions`; as many people a session as its roster holds, seated as bench/connection_memory.py seats them), then every one of them is looked up as `ws.py`'s `identify` does (`Reads.seat_for`, then the
check that the seat is still in the session), first one after another, then all at once as in a reconnect
storm. Each is timed two ways: from the cached session's cookies (what the server does on SQLite) and from the
database on a worker thread (what it did before, and still does on PostgreSQL or for a cookie the cache does
not know). Reported: CPU per lookup, and the wall time for the whole storm.

Run: python bench/seat_lookup.py [--joiners 2000 --join-sessions 100]
Nothing is asserted (tests never time anything).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from anyio import to_thread

from app.actions import Actions
from app.domain import commands as c
from app.live import LiveSessions
from app.reads import Reads
from app.realtime.hub import Hub
from app.scenarios.loader import load_folder
from app.store.db import make_engine
from bench.connection_memory import roster

PACK = load_folder(ROOT / "scenarios" / "kilnbrook")


async def seated(actions: Actions, joiners: int, sessions: int) -> list[tuple[str, str]]:
    """(code, cookie) for each of `joiners` people spread over `sessions` new sessions."""
    codes = [await actions.create_session(PACK) for _ in range(sessions)]
    agencies = roster((await actions.state(codes[0])).state, -(-joiners // sessions))
    people = []
    for n in range(joiners):
        code = codes[n % sessions]
        joined = await actions.join(code, c.Join(name=f"Person {n}", agency=agencies[n // sessions]))
        people.append((code, joined.token))
    return people


async def from_memory(reads: Reads, code: str, token: str) -> bool:
    seat = await reads.seat_for(code, lambda each: token if each == code else None)
    return seat is not None and seat in (await reads.state(code)).state.seats


async def from_database(reads: Reads, code: str, token: str) -> bool:
    seat = await to_thread.run_sync(reads._seat_in_series, code, lambda each: token if each == code else None)
    return seat is not None and seat in (await reads.state(code)).state.seats


async def timed(lookup, reads: Reads, people: list[tuple[str, str]]) -> tuple[float, float, float]:
    """CPU per lookup one after another (ms), then CPU per lookup and wall time (s) with all at once."""
    cpu = time.process_time()
    for code, token in people:
        assert await lookup(reads, code, token)
    one_by_one = (time.process_time() - cpu) / len(people) * 1000
    cpu, wall = time.process_time(), time.perf_counter()
    found = await asyncio.gather(*(lookup(reads, code, token) for code, token in people))
    assert all(found)
    storm_cpu = (time.process_time() - cpu) / len(people) * 1000
    return one_by_one, storm_cpu, time.perf_counter() - wall


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--joiners", type=int, default=2000)
    parser.add_argument("--join-sessions", type=int, default=100)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="nplc-seats-"))
    engine = make_engine(f"sqlite:///{folder / 'seats.db'}")
    live = LiveSessions(engine)
    actions, reads = Actions(live, Hub()), Reads(live, time.time)

    async def run() -> None:
        people = await seated(actions, args.joiners, args.join_sessions)
        print(f"{len(people)} seats in {args.join_sessions} sessions, each looked up as its websocket opens")
        for name, lookup in (("from the cached session", from_memory), ("from the database", from_database)):
            one, storm, wall = await timed(lookup, reads, people)
            print(f"  {name}: CPU {one:.3f} ms a lookup one by one, {storm:.3f} ms all at once; storm {wall:.2f} s")

    asyncio.run(run())
    engine.dispose()


if __name__ == "__main__":
    main()
