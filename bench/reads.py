"""Benchmarks of the read path: listing many sessions, and reading a view while a writer holds the lock.

Run: python bench/reads.py [--sessions 200] [--seats 8] [--hold 0.2]
"Before" repeats what the code did until the read path was split from the write path: the list replayed
every session (one query and one replay each) and a view waited for the session's write lock.
Prints one line per measurement. Nothing here is asserted; tests never time anything.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

from anyio import to_thread

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.actions import Actions
from app.domain import commands as c
from app.domain.views import Viewer
from app.live import LiveSessions
from app.realtime.hub import Hub
from app.scenarios.loader import load_folder
from app.store import records
from app.store.db import make_engine, session_scope

PACK = load_folder(ROOT / "scenarios" / "kilnbrook")
ROSTER = [a.id for a in PACK.scenario.agencies if a.directorate][:8]


async def fill(actions: Actions, sessions: int, seats: int) -> str:
    code = ""
    for _ in range(sessions):
        code = await actions.create_session(PACK)
        for i in range(seats):
            await actions.join(code, c.Join(name=f"P{i}", agency=ROSTER[i % len(ROSTER)]))
    return code


async def list_before(engine) -> int:
    """The old route: every session row, then each session replayed from its log (nothing cached)."""
    live = LiveSessions(engine)

    def rows():
        with session_scope(engine) as db:
            return records.list_sessions(session=db)

    found = []
    for row in await to_thread.run_sync(rows):
        state = (await live.read(row.code)).state
        found.append((row.code, state.phase, len(state.seats)))
    return len(found)


async def list_after(engine) -> int:
    return len(await Actions(LiveSessions(engine), Hub()).reads.list_sessions(owner=None))


async def timed(make) -> tuple[float, int]:
    started = time.perf_counter()
    result = await make()
    return (time.perf_counter() - started) * 1000, result


async def view_under_lock(actions: Actions, code: str, hold: float) -> tuple[float, float]:
    """A writer holds the session's lock for `hold` seconds; how long a view read takes, the old way and now."""

    async def writer():
        async with actions.live.lock(code):
            await asyncio.sleep(hold)

    async def old_read():
        async with actions.live.lock(code):
            return await actions.live.current(code)

    results = []
    for read in (old_read, lambda: actions.view(code, Viewer("trainer"))):
        busy = asyncio.create_task(writer())
        await asyncio.sleep(0.01)  # the writer has the lock
        took, _ = await timed(read)
        await busy
        results.append(took)
    return results[0], results[1]


async def main(sessions: int, seats: int, hold: float) -> None:
    folder = Path(tempfile.mkdtemp())
    engine = make_engine(f"sqlite:///{folder / 'bench.db'}")
    actions = Actions(LiveSessions(engine, max_sessions=sessions + 10), Hub())
    started = time.perf_counter()
    code = await fill(actions, sessions, seats)
    print(f"made {sessions} sessions x {seats} seats in {time.perf_counter() - started:.1f} s")
    for label, make in (("before (replay each)", list_before), ("after (summary table)", list_after)):
        best = min([(await timed(lambda make=make: make(engine)))[0] for _ in range(3)])
        print(f"list of {sessions} sessions, nothing cached, {label}: {best:.1f} ms (best of 3)")
    before, after = await view_under_lock(actions, code, hold)
    print(
        f"trainer view while a writer holds the lock for {hold * 1000:.0f} ms: before {before:.1f} ms, now {after:.1f} ms"
    )
    engine.dispose()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=200)
    parser.add_argument("--seats", type=int, default=8)
    parser.add_argument("--hold", type=float, default=0.2)
    args = parser.parse_args()
    asyncio.run(main(args.sessions, args.seats, args.hold))
