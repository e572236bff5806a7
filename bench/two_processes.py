"""Several processes writing to one session on one PostgreSQL database as fast as they can, each with a screen.

Each process runs the real `Actions` and doorbell (no HTTP, so no per-process rate limit slows it down) and
sends --commands announcements to the same session at the same moment as the others. Prints how many append
conflicts were retried, the most attempts one command needed, how many commands failed, and whether each
process's screen was told every event exactly once and in order. Nothing here is asserted; the tests in
tests/multiproc check the same properties with real server processes.

Run: python bench/two_processes.py [--processes 2] [--commands 500]   (needs PostgreSQL on 127.0.0.1:5432)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import sys
import time
import uuid
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.actions import Actions
from app.domain import commands as c
from app.domain.views import Viewer
from app.live import LiveSessions
from app.realtime.doorbell import Doorbell, listener_url
from app.realtime.hub import Hub
from app.scenarios.loader import load_folder
from app.store import events as log
from app.store.db import make_engine, session_scope

ADMIN = "postgresql://postgres@127.0.0.1:5432/test"
TINY = ROOT / "tests" / "packs" / "tiny"


def counting_conflicts(counts: dict[str, int]):
    """Wraps the log's append so each SequenceConflict it raises is counted."""
    append = log.append

    def counted(**kwargs):
        try:
            return append(**kwargs)
        except log.SequenceConflict:
            counts["conflicts"] += 1
            raise

    log.append = counted


async def work(url: str, code: str, label: str, commands: int, start) -> dict:
    counts = {"conflicts": 0, "failed": 0}
    counting_conflicts(counts)
    engine = make_engine(url)
    actions = Actions(LiveSessions(engine), Hub(queue_bytes=64 * 1024 * 1024))
    bell = Doorbell(listener_url(engine), actions)
    bell.start()
    await bell.listening.wait()
    screen = actions.hub.connection(Viewer("trainer"))
    await actions.attach(code, screen, 0)
    await asyncio.to_thread(start.wait)
    began = time.perf_counter()
    for n in range(commands):
        try:
            await actions.submit(code, c.TRAINER, c.Announce(text=f"{label} {n}"), f"{label}-{n}")
        except Exception:
            counts["failed"] += 1
    took = time.perf_counter() - began
    await asyncio.to_thread(start.wait)  # every process has finished sending
    with session_scope(engine) as db:
        final_seq = log.last_seq(session=db, code=code)
    seen: list[int] = []
    while not seen or seen[-1] < final_seq:
        message = json.loads(await asyncio.wait_for(screen.next(), 60))
        seen += [e["seq"] for e in message["events"]]
    await bell.close()
    engine.dispose()
    return counts | {
        "seconds": round(took, 2),
        "last_seq": final_seq,
        "told_exactly_once_in_order": seen == list(range(1, final_seq + 1)),
    }


def worker(url, code, label, commands, start, results) -> None:
    results.put((label, asyncio.run(work(url, code, label, commands, start))))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--commands", type=int, default=500)
    args = parser.parse_args()
    name = f"nplc_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(ADMIN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    try:
        engine = make_engine(url)
        code = asyncio.run(Actions(LiveSessions(engine), Hub()).create_session(load_folder(TINY)))
        engine.dispose()
        context = multiprocessing.get_context("spawn")
        start, results = context.Barrier(args.processes), context.Queue()
        workers = [
            context.Process(target=worker, args=(url, code, f"p{n}", args.commands, start, results))
            for n in range(args.processes)
        ]
        for each in workers:
            each.start()
        for _ in workers:
            label, result = results.get(timeout=600)
            print(label, result, flush=True)
        for each in workers:
            each.join()
        engine = make_engine(url)
        with engine.connect() as connection:
            stored = connection.exec_driver_sql(
                "SELECT count(*), count(DISTINCT seq), max(seq) FROM events WHERE session_code = %s", (code,)
            ).one()
        engine.dispose()
        sent = args.processes * args.commands
        print(f"log: {stored[0]} events, {stored[1]} distinct sequence numbers, last {stored[2]}; {sent} commands sent")
    finally:
        with psycopg.connect(ADMIN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
