"""The load benchmark's real servers: one `nplc serve` on a fresh SQLite file, or N on one fresh PostgreSQL
database, as behind a load balancer. Also the check that matters most with several processes: every seat was
told every answered command's event once and in order, whichever process its socket is on (a command sent on
one process reaches the others' seats through the PostgreSQL doorbell)."""

from __future__ import annotations

import argparse
import contextlib
import itertools
import sys
import tempfile
import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import psycopg
from sqlalchemy.engine import make_url

from tests.support import LiveServer

from .load_clients import Watcher
from .load_measure import cpu_seconds
from .load_mix import Sent
from .load_setup import ROOT


def check_options(parser: argparse.ArgumentParser, opts: argparse.Namespace) -> None:
    """Refuses, with the reason, a combination the servers cannot run."""
    if opts.processes < 1:
        parser.error("--processes must be 1 or more")
    if opts.database and not opts.database.startswith("postgresql"):
        parser.error(
            "--database takes a PostgreSQL URL (postgresql+psycopg://user@host:port/db); "
            "without it the run uses a fresh SQLite file"
        )
    if opts.processes > 1 and not opts.database:
        parser.error(
            f"--processes {opts.processes} needs --database postgresql+psycopg://...: "
            "SQLite serves one process only (nplc serve refuses to share it)"
        )


@contextmanager
def fresh_database(url: str) -> Iterator[str]:
    """A new, empty database on the server `url` names (made through the database `url` names, or `postgres`),
    dropped afterwards; yields its URL."""
    given = make_url(url)
    admin_url = given.set(drivername="postgresql", database=given.database or "postgres")
    admin = admin_url.render_as_string(hide_password=False)
    name = f"nplc_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(admin, autocommit=True, connect_timeout=5) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield given.set(drivername="postgresql+psycopg", database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin, autocommit=True, connect_timeout=5) as connection:
            connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


@contextmanager
def real_servers(opts: argparse.Namespace) -> Iterator[list[LiveServer]]:
    """`opts.processes` servers on a fresh database, sharing one cookie key (as containers sharing a volume
    would), so a browser id or seat cookie from one is good on every other."""
    folder = Path(tempfile.mkdtemp(prefix="nplc-bench-"))
    with ExitStack() as stack:
        url = stack.enter_context(fresh_database(opts.database)) if opts.database else None
        env = {"NPLC_KEY_FILE": str(folder / "nplc-secret.key")}
        servers = [
            LiveServer(folder / "bench.db", ROOT / "scenarios", database_url=url, env=env)
            for _ in range(opts.processes)
        ]
        try:
            for server in servers:  # one after another: the first migrates the database and writes the key
                server.start()
            yield servers
        except Exception:
            for n, server in enumerate(servers):  # what went wrong is in what the servers printed
                print(f"--- process {n} printed (the end):\n{server.output[-4000:]}", file=sys.stderr)
            raise
        finally:
            for server in servers:
                server.stop()


def backend_cpu(database_url: str) -> dict[int, float]:
    """CPU seconds each PostgreSQL backend serving the database has used so far, read from /proc (so only when
    PostgreSQL runs on this machine). A backend that ends between two readings takes its CPU with it."""
    url = make_url(database_url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(url, autocommit=True, connect_timeout=5) as connection:
        rows = connection.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
        ).fetchall()
    found = {}
    for (pid,) in rows:
        with contextlib.suppress(OSError):  # ended meanwhile, or on another machine
            found[pid] = cpu_seconds(pid)
    return found


def page_url(server: LiveServer, code: str) -> str:
    return f"ws://127.0.0.1:{server.port}/ws/{code}?as=seat"


def move_elsewhere(pages: dict[str, list[Watcher]], servers: list[LiveServer]) -> None:
    """Points each session's i-th page, on process i % N, at process (i + 1) % N: its next connection lands
    on another process than its last, as after a drop behind a load balancer."""
    for code, group in pages.items():
        for i, page in enumerate(group):
            page.url = page_url(servers[(i + 1) % len(servers)], code)


def seen_in_order(page: Watcher) -> list[int]:
    """Every event seq the page was streamed, in the order it was told them."""
    return [seq for arrival in page.arrivals for seq in (arrival.events or (arrival.seq,))]


def delivery_check(sent: Iterable[Sent], pages: dict[str, list[Watcher]]) -> dict[str, int]:
    """Over every seat: events told twice, told out of order (or a delta numbered with a gap), events skipped
    between its first state and its session's last answered command, and answered commands never told."""
    answered: dict[str, set[int]] = defaultdict(set)
    for record in sent:
        if record.seq is not None:
            answered[record.session].add(record.seq)
    counts = {"seats": 0, "seats_wrong": 0, "duplicates": 0, "out_of_order": 0, "gaps": 0, "missing": 0}
    for code, group in pages.items():
        last = max(answered[code], default=0)
        for page in group:
            seqs = seen_in_order(page)
            numbering = [a.n for a in page.arrivals if a.n is not None]
            wrong = {
                "duplicates": len(seqs) - len(set(seqs)),
                "out_of_order": sum(1 for a, b in itertools.pairwise(seqs) if b < a)
                + sum(1 for a, b in itertools.pairwise(numbering) if b != a + 1),
                "gaps": len(set(range(page.first_seq + 1, last + 1)) - set(seqs)),
                "missing": len(answered[code] - set(seqs)),
            }
            counts["seats"] += 1
            counts["seats_wrong"] += any(wrong.values())
            for key, value in wrong.items():
                counts[key] += value
    return counts
