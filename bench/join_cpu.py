"""Benchmark: the server's own CPU for people arriving at once and for a reconnect storm (issue 12).

bench/load.py times these two from the clients' side, which on a shared machine moves with whatever else runs;
this counts the CPU the `nplc serve` process itself spent on them (from /proc), which moves far less. Against a
real server on a fresh SQLite database (or `--database`, PostgreSQL): `--sessions` board meetings of `--seats` people, every seat's page
open; then every page drops and comes back at once (`--rounds` times); then `--joiners` people join
`--join-sessions` new sessions at once, each opening its page once joined (bench/load.py's last phase).

Run: python bench/join_cpu.py [--sessions 5 --seats 20 --rounds 3 --joiners 200 --join-sessions 10]
Nothing is asserted (tests never time anything).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load_measure import cpu_seconds, percentiles
from bench.load_phases import close_all, storm
from bench.load_processes import real_servers
from bench.load_real import _joiners, pages_for
from bench.load_setup import board_sessions, sign_in


async def measure(servers, trainer, sessions, opts) -> None:
    pid = servers[0].process.pid
    pages = [page for group in pages_for(servers, sessions).values() for page in group]
    await asyncio.gather(*(page.open() for page in pages))
    await asyncio.gather(*(page.synced() for page in pages))
    for round_ in range(opts.rounds):
        before = cpu_seconds(pid)
        took = percentiles(await storm(pages))
        cpu = cpu_seconds(pid) - before
        print(
            f"reconnect storm {round_ + 1} of {len(pages)}: server CPU {cpu * 1000 / len(pages):.2f} ms a page; "
            f"all resynced in {took['max'] * 1000:.0f} ms"
        )
    await close_all(pages)
    before = cpu_seconds(pid)
    took = await _joiners(servers, trainer, opts)
    cpu = cpu_seconds(pid) - before
    print(
        f"{opts.joiners} joining {opts.join_sessions} sessions: server CPU {cpu * 1000 / opts.joiners:.2f} ms a person "
        f"(join, first state, telling the room); first state p50 {took['p50'] * 1000:.0f} ms, p99 {took['p99'] * 1000:.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=5)
    parser.add_argument("--seats", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--joiners", type=int, default=200)
    parser.add_argument("--join-sessions", type=int, default=10)
    parser.add_argument("--scenario", default="kilnbrook")
    parser.add_argument("--database", default=None, help="a PostgreSQL URL to run on instead of SQLite")
    opts = parser.parse_args()
    opts.processes = 1  # one process's CPU: bench/load.py --processes covers several
    with real_servers(opts) as servers:
        trainer = sign_in(servers[0])
        try:
            sessions = board_sessions(servers, trainer, opts.scenario, opts.sessions, opts.seats)
            asyncio.run(measure(servers, trainer, sessions, opts))
        finally:
            trainer.close()


if __name__ == "__main__":
    main()
