"""Load benchmark: the real server (`nplc serve`, fresh SQLite database) and a bare broadcast server
(bench/bare_server.py) driven by real websocket clients offering permessage-deflate, as browsers do.

Run: python bench/load.py [--sessions 10] [--seats 20] [--rate 100] [--duration 20] [--json]
     python bench/load.py --processes 2 --database postgresql+psycopg://postgres@127.0.0.1:5432/postgres

`--database` makes a fresh database on that PostgreSQL server for the run (dropped afterwards) instead of a
fresh SQLite file. `--processes N` starts N servers on it, and seat i of each session joins and watches through
process i % N, so a command reaches the other processes' seats through the doorbell; the reconnect storm sends
each page to another process than it was on. Server CPU and memory are summed over the processes, and the
delivery check counts events any seat was told twice, out of order, or never.

Against each server, in turn:
1. every seat opens its page and waits (server memory per idle connection);
2. commands at `--rate` a second in all, spread over the sessions: votes and changed votes, hands raised and
   lowered, motions proposed, seconded and closed (bench/load_mix.py). Latency is from sending a command to
   the `update` or `delta` frame carrying its seq arriving at each seat of the session; server CPU per command;
   bytes per update per viewer, as JSON and after permessage-deflate;
3. a reconnect storm: every page dropped at once, time until each has resynced;
4. `--joiners` people join `--join-sessions` new sessions at once: time from joining to first state.
The bare server relays a real update's text in place of each command. Prints a markdown table; nothing is
asserted here (tests/bench/test_load.py checks that the harness itself works). See docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load_bare import run_bare
from bench.load_processes import check_options
from bench.load_real import RealRun, run_real
from bench.load_report import table


def options(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=5)
    parser.add_argument("--seats", type=int, default=20, help="people in each session (Kilnbrook holds 25)")
    parser.add_argument("--rate", type=float, default=25, help="commands a second, all sessions together")
    parser.add_argument("--duration", type=float, default=15, help="seconds of commands")
    parser.add_argument("--scenario", default="kilnbrook", help="a pack in scenarios/")
    parser.add_argument("--joiners", type=int, default=200, help="people joining at once (0: skip)")
    parser.add_argument("--join-sessions", type=int, default=10)
    parser.add_argument("--no-bare", action="store_true", help="skip the bare server")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON instead of a table")
    parser.add_argument("--database", help="a PostgreSQL server to make a fresh database on (default: SQLite)")
    parser.add_argument("--processes", type=int, default=1, help="server processes (more than 1: PostgreSQL)")
    opts = parser.parse_args(argv)
    check_options(parser, opts)
    return opts


def measure(opts: argparse.Namespace) -> tuple[dict, RealRun]:
    # Other work on the machine shows up in every figure here; the load average says how much there was.
    figures: dict = {"options": vars(opts), "load_average": os.getloadavg(), "cores": os.cpu_count()}
    real = run_real(opts)
    figures["real"] = real.figures
    if not opts.no_bare:
        figures["bare"] = run_bare(opts, real.first_text, real.update_texts)
    return figures, real


def enough_files() -> None:
    """Every client's socket is a file here, and the servers inherit this limit: 2,000 seats need more than
    the 1,024 many systems start with."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != resource.RLIM_INFINITY and (hard == resource.RLIM_INFINITY or soft < hard):
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def main() -> None:
    enough_files()
    opts = options()
    figures, _ = measure(opts)
    print(json.dumps(figures, indent=2) if opts.json else table(figures))


if __name__ == "__main__":
    main()
