"""Benchmark, in-process: what an idle connection holds, and what one more person joining costs the server.

Plays `--sessions` Kilnbrook sessions through the real `Actions` and `Hub` (a temporary SQLite database): each
seats `--seats` people (a chair and two for each directorate, then residents), pairs, shuffles and opens the
board meeting, and a motion is proposed, seconded and voted on. Then:

1. **Memory per idle connection.** Every seat, the trainer and the projector of each session attach, as
   `ws.py` does, and their `sync` is taken off the queue (as the sender does once it is sent). A tracemalloc
   snapshot before and after, the difference divided by the connections, split by the line that allocated it.
2. **People joining.** A new session's `--seats` people join one after another, each attaching once joined
   (so the k-th join is published to k + 1 connections): CPU for the whole join (rules, SQLite, publishing),
   for the publishing alone, and for the newcomer's `attach` (its first `sync`).
3. **People arriving at once** (`--joiners` into `--join-sessions` new sessions, as bench/load.py's last
   phase, without the network): each joins, then attaches; the time from its join to its `sync`, the CPU of
   the whole burst, and how many deltas the early arrivals were sent about the later ones.

Run: python bench/connection_memory.py [--sessions 5 --seats 20 --joiners 200 --join-sessions 10]
Nothing is asserted (tests never time anything). Targets (issue 12): memory per idle connection within 1.25x
a bare FastAPI server's; 200 people joining 10 sessions at once get their first state within 2x its time.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.actions import Actions
from app.domain import commands as c
from app.domain.views import Viewer
from app.live import LiveSessions
from app.realtime.hub import Connection, Hub
from app.scenarios.loader import load_folder
from app.store.db import make_engine

PACK = load_folder(ROOT / "scenarios" / "kilnbrook")
CHAIR = "fire-rescue"


def roster(state, seats: int) -> list[str]:
    """The agencies of `seats` people, as bench/load_setup.py's: a chair, two for each directorate, residents."""
    directorate = [a.id for a in state.scenario.agencies if a.id != CHAIR][:8]
    return [CHAIR, *(a for a in directorate for _ in range(2)), *["resident"] * seats][:seats]


async def played_session(actions: Actions, seats: int) -> tuple[str, list[str]]:
    """A Kilnbrook session in its board meeting with a motion voted on; returns its code and seat ids."""
    code = await actions.create_session(PACK)
    people = roster((await actions.state(code)).state, seats)
    seat_ids = [
        (await actions.join(code, c.Join(name=f"Person {n}", agency=agency))).seat_id for n, agency in enumerate(people)
    ]
    trainer = c.TRAINER
    for command in (
        c.ChooseChair(seat_id=seat_ids[0]),
        c.AutoPair(),
        c.Shuffle(seed=7),
        c.StartPhase(phase="read_in"),
        c.StartPhase(phase="board"),
    ):
        await actions.submit(code, trainer, command, None)
    state = (await actions.state(code)).state
    await actions.submit(code, trainer, c.OpenItem(item_id=state.agenda[0].id), None)
    voters = [c.Actor.seat(a.director) for a in state.assignments.values() if a.director]
    await actions.submit(code, voters[0], c.Propose(text="Fix the damp", kind="strategy"), None)
    await actions.submit(code, voters[1], c.Second(motion_id="m1"), None)
    for voter in voters[2:5]:
        await actions.submit(code, voter, c.Vote(motion_id="m1", choice="for"), None)
    return code, [s for s in seat_ids if s]


def viewers(seat_ids: list[str]) -> list[Viewer]:
    return [Viewer("trainer"), Viewer("projector")] + [Viewer("seat", s) for s in seat_ids]


async def attach_all(actions: Actions, rooms: dict[str, list[str]]) -> list[Connection]:
    connections = []
    for code, seat_ids in rooms.items():
        for viewer in viewers(seat_ids):
            conn = actions.hub.connection(viewer)
            await actions.attach(code, conn, after=0)
            await conn.next()  # the sender has sent the sync: the text is let go
            connections.append(conn)
    return connections


def where(filename: str) -> str:
    path = Path(filename)
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else f"{path.parent.name}/{path.name}"


def report(title: str, before: tracemalloc.Snapshot, after: tracemalloc.Snapshot, n: int) -> None:
    stats = after.compare_to(before, "lineno")
    total = sum(s.size_diff for s in stats)
    print(f"{title} ({n} connections): {total / n / 1024:.1f} KB a connection (Python heap, tracemalloc)")
    by_file: dict[str, int] = defaultdict(int)
    for s in stats:
        by_file[where(s.traceback[0].filename)] += s.size_diff
    for name, size in sorted(by_file.items(), key=lambda kv: -kv[1])[:8]:
        print(f"  {name:44} {size / n / 1024:7.2f} KB")
    print("  top lines:")
    for s in stats[:10]:
        frame = s.traceback[0]
        print(f"    {where(frame.filename) + ':' + str(frame.lineno):42} {s.size_diff / n / 1024:7.2f} KB")


def memory(actions: Actions, rooms: dict[str, list[str]]) -> None:
    """Prints the memory idle connections hold, by what allocated it: first each session's first connections
    (with what a watched session keeps: its sections), then as many again (what one more connection costs)."""
    gc.collect()
    tracemalloc.start()
    rounds = []
    for _ in range(2):
        before = tracemalloc.take_snapshot()
        connections = asyncio.run(attach_all(actions, rooms))
        gc.collect()
        rounds.append((before, tracemalloc.take_snapshot(), len(connections)))
    tracemalloc.stop()
    report("the first connections to each session, with its kept sections", *rounds[0])
    report("as many more connections to the same sessions", *rounds[1])


def join_cost(actions: Actions, seats: int) -> None:
    """A new session's people join one at a time, each then attaching (so the k-th join has k - 1 watching):
    CPU of each join, of its publishing, and of the newcomer's first sync."""
    published: list[float] = []
    publish = actions.rooms.publish

    def timed(*args):
        began = time.process_time()
        publish(*args)
        published.append(time.process_time() - began)

    actions.rooms.publish = timed  # type: ignore[method-assign]
    whole, syncs = [], []

    async def run() -> None:
        code = await actions.create_session(PACK)
        for conn in (actions.hub.connection(Viewer(kind)) for kind in ("trainer", "projector")):
            await actions.attach(code, conn, after=0)
            await conn.next()
        for n, agency in enumerate(roster((await actions.state(code)).state, seats)):
            began = time.process_time()
            seat_id = (await actions.join(code, c.Join(name=f"Person {n}", agency=agency))).seat_id
            whole.append(time.process_time() - began)
            conn = actions.hub.connection(Viewer("seat", seat_id))
            began = time.process_time()
            await actions.attach(code, conn, after=0)
            syncs.append(time.process_time() - began)
            await conn.next()

    asyncio.run(run())
    actions.rooms.publish = publish  # type: ignore[method-assign]
    ms = lambda xs: f"median {statistics.median(xs) * 1000:6.2f} ms, mean {statistics.mean(xs) * 1000:6.2f} ms"  # noqa: E731
    print(f"{seats} people joining a new session in turn (the trainer and projector watching), per join:")
    print(f"  join (rules, store, publish): {ms(whole)}")
    print(f"  of which publishing:          {ms(published)}")
    print(f"  the newcomer's attach (sync): {ms(syncs)}")


def arrivals(actions: Actions, joiners: int, rooms: int) -> None:
    """Everyone joins at once, then opens their page; a sender per page takes each message off its queue."""
    deltas, took = [0], []

    async def sender(conn: Connection) -> None:
        while await conn.next() is not None:
            deltas[0] += 1

    async def run() -> None:
        codes = [await actions.create_session(PACK) for _ in range(rooms)]
        people = roster((await actions.state(codes[0])).state, -(-joiners // rooms))

        async def person(n: int) -> asyncio.Task:
            code, began = codes[n % rooms], time.perf_counter()
            joined = await actions.join(code, c.Join(name=f"Person {n}", agency=people[n // rooms]))
            conn = actions.hub.connection(Viewer("seat", joined.seat_id))
            await actions.attach(code, conn, after=0)
            await conn.next()
            took.append(time.perf_counter() - began)
            return asyncio.ensure_future(sender(conn))

        began = time.process_time()
        senders = await asyncio.gather(*(person(n) for n in range(joiners)))
        cpu = time.process_time() - began
        await asyncio.sleep(0.5)
        for task in senders:
            task.cancel()
        took.sort()
        print(f"{joiners} people joining {rooms} new sessions at once: join to first state")
        print(f"  p50 {took[len(took) // 2]:.2f} s, p99 {took[int(len(took) * 0.99) - 1]:.2f} s; CPU {cpu:.2f} s")
        print(f"  deltas sent to those already in (about those after them): {deltas[0]}")

    asyncio.run(run())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=5)
    parser.add_argument("--seats", type=int, default=20)
    parser.add_argument("--joiners", type=int, default=200)
    parser.add_argument("--join-sessions", type=int, default=10)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="nplc-memory-"))
    engine = make_engine(f"sqlite:///{folder / 'memory.db'}")
    actions = Actions(LiveSessions(engine), Hub())

    async def play() -> dict[str, list[str]]:
        return dict([await played_session(actions, args.seats) for _ in range(args.sessions)])

    rooms = asyncio.run(play())
    memory(actions, rooms)
    join_cost(actions, args.seats)
    arrivals(actions, args.joiners, args.join_sessions)
    engine.dispose()


if __name__ == "__main__":
    main()
