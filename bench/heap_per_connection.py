"""Benchmark: what the real server's Python heap holds for each idle websocket, and where it was allocated.

bench/load.py measures memory per idle connection from outside (resident memory, against a bare server); this
looks inside. It starts `nplc serve` on a fresh SQLite database with tracemalloc running from the first line
(through a `sitecustomize` module in a temporary folder put on the server's PYTHONPATH: nothing in the app
changes), seats `--sessions` board meetings of `--seats` people, and takes a snapshot before and after every
seat's page opens (SIGUSR1 makes the server write one). The difference, per connection, is split by the file
that allocated it; `--lines N` also prints the N largest allocation sites with their call stacks. Then the
same for the bare broadcast server (bench/bare_server.py) with as many pages in as many rooms, each sent the
real server's first frame, so the two can be compared line by line.

Run: python bench/heap_per_connection.py [--sessions 5 --seats 20 --lines 0]
Nothing is asserted (tests never time or weigh anything).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load_bare import BareServer
from bench.load_real import pages_for
from bench.load_setup import board_sessions, sign_in
from tests.support import LiveServer

HOOK = """
import gc, os, signal, tracemalloc
tracemalloc.start(8)
_taken = [0]
def _snapshot(signum, frame):
    _taken[0] += 1
    gc.collect()  # what is still reachable, not what the collector has yet to free
    tracemalloc.take_snapshot().dump(os.path.join(os.environ["BENCH_HEAP_FOLDER"], f"{_taken[0]}.snapshot"))
signal.signal(signal.SIGUSR1, _snapshot)
"""


def snapshot(pid: int, folder: Path, number: int) -> tracemalloc.Snapshot:
    os.kill(pid, signal.SIGUSR1)
    path = folder / f"{number}.snapshot"
    for _ in range(600):
        time.sleep(0.05)
        if path.exists():
            time.sleep(0.5)  # let it finish writing
            return tracemalloc.Snapshot.load(str(path))
    raise RuntimeError("the server wrote no snapshot")


def where(filename: str) -> str:
    for cut in ("site-packages/", "python3.11/", str(ROOT) + "/"):
        if cut in filename:
            return filename.split(cut, 1)[1]
    return filename


def report(before: tracemalloc.Snapshot, after: tracemalloc.Snapshot, connections: int, lines: int) -> None:
    by_file = after.compare_to(before, "filename")
    total = sum(stat.size_diff for stat in by_file)
    print(f"{connections} connections: {total / connections / 1024:.1f} KB of Python heap each, by where it was made:")
    for stat in by_file[:25]:
        print(f"  {stat.size_diff / connections / 1024:7.2f} KB  {where(stat.traceback[0].filename)}")
    for stat in after.compare_to(before, "traceback")[:lines]:
        print(f"\n{stat.size_diff / connections / 1024:.2f} KB a connection, allocated at:")
        for line in stat.traceback.format()[-8:]:
            print(f"    {line.strip()[:140]}")


def hooked(folder: Path) -> dict[str, str]:
    """The environment that makes a Python process start tracemalloc and write a snapshot on SIGUSR1."""
    (folder / "hook").mkdir()
    (folder / "hook" / "sitecustomize.py").write_text(HOOK)
    path = os.pathsep.join(p for p in (str(folder / "hook"), os.environ.get("PYTHONPATH", "")) if p)
    return {"PYTHONPATH": path, "BENCH_HEAP_FOLDER": str(folder)}


async def measure(pid: int, folder: Path, pages: list, lines: int) -> None:
    before = snapshot(pid, folder, 1)
    await asyncio.gather(*(page.open() for page in pages))
    await asyncio.gather(*(page.synced() for page in pages))
    report(before, snapshot(pid, folder, 2), len(pages), lines)
    await asyncio.gather(*(page.ws.close() for page in pages if page.ws))


def real(opts, folder: Path) -> str:
    """Measures the real server; returns a seat's first frame, for the bare server to send."""
    env = hooked(folder) | {"NPLC_KEY_FILE": str(folder / "key")}
    server = LiveServer(folder / "bench.db", ROOT / "scenarios", env=env)
    server.start()
    try:
        trainer = sign_in(server)
        sessions = board_sessions([server], trainer, "kilnbrook", opts.sessions, opts.seats)
        pages = [page for group in pages_for([server], sessions).values() for page in group]
        pages[0].sample = True
        print("The real server (nplc serve):")
        asyncio.run(measure(server.process.pid, folder, pages, opts.lines))
        trainer.close()
        return pages[0].first_text
    finally:
        server.stop()


def bare(opts, folder: Path, first_text: str) -> None:
    with BareServer(first_text, env=hooked(folder)) as server:
        pages = [server.page(f"room{n // opts.seats}") for n in range(opts.sessions * opts.seats)]
        print("\nThe bare server (bench/bare_server.py):")
        asyncio.run(measure(server.process.pid, folder, pages, opts.lines))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=5)
    parser.add_argument("--seats", type=int, default=20)
    parser.add_argument("--lines", type=int, default=0, help="also show this many allocation sites in full")
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory() as real_folder, tempfile.TemporaryDirectory() as bare_folder:
        first_text = real(opts, Path(real_folder))
        bare(opts, Path(bare_folder), first_text)


if __name__ == "__main__":
    main()
