"""Start-up work that every process does (migrate, the cookie key, the retention purge) never races.

Migrations and the key are covered by tests/store/test_migrate_once.py; here, the purge.
"""

from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path

import psycopg
import pytest

from app.actions import Actions
from app.live import LiveSessions
from app.realtime.hub import Hub
from app.retention import PURGE_LOCK, purge
from app.scenarios.loader import load_folder
from app.store import records
from app.store.db import make_engine, session_scope
from tests.conftest import TEST_PACKS
from tests.store.test_migrate_once import run_together
from tests.support import LiveServer

pytestmark = pytest.mark.postgres
TINY = load_folder(Path(__file__).parents[1] / "packs" / "tiny")
LONG_AGO = time.time() - 400 * 86400  # older than the longest retention period


def sessions(engine) -> set[str]:
    with session_scope(engine) as db:
        return {row.code for row in records.list_sessions(session=db)}


def purge_waiting(connection: psycopg.Connection) -> bool:
    """Whether some connection is waiting for the purge's advisory lock."""
    query = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = %s AND NOT granted"
    return connection.execute(query, (PURGE_LOCK,)).fetchone()[0] > 0


def test_a_purge_waits_while_another_process_purges(postgres_url):
    engine = make_engine(postgres_url)
    old = asyncio.run(Actions(LiveSessions(engine), Hub(), clock=lambda: LONG_AGO).create_session(TINY))
    purged: list[list[str]] = []
    plain_url = postgres_url.replace("postgresql+psycopg", "postgresql")
    with psycopg.connect(plain_url, autocommit=True) as other_process:
        other_process.execute("SELECT pg_advisory_lock(%s)", (PURGE_LOCK,))
        waiting = threading.Thread(target=lambda: purged.append(purge(Actions(LiveSessions(engine), Hub()), 90)))
        waiting.start()
        while not purge_waiting(other_process):
            time.sleep(0.02)
        assert purged == [] and old in sessions(engine)  # nothing deleted while the other holds the lock
        other_process.execute("SELECT pg_advisory_unlock(%s)", (PURGE_LOCK,))
        waiting.join(30)
    assert purged == [[old]] and old not in sessions(engine)
    engine.dispose()


def test_two_servers_starting_together_purge_once_and_both_serve(postgres_url, tmp_path):
    engine = make_engine(postgres_url)
    maker = Actions(LiveSessions(engine), Hub(), clock=lambda: LONG_AGO)
    old = {asyncio.run(maker.create_session(TINY)) for _ in range(20)}
    kept = asyncio.run(Actions(LiveSessions(engine), Hub()).create_session(TINY))
    env = {"NPLC_KEY_FILE": str(tmp_path / "nplc-secret.key")}
    servers = [LiveServer(tmp_path / f"unused-{n}.db", TEST_PACKS, database_url=postgres_url, env=env) for n in (1, 2)]
    try:
        run_together([server.start for server in servers])  # each waits until it answers /api/health
        assert sessions(engine) == {kept} and not old & sessions(engine)
        deleted = [line for server in servers for line in server.output.splitlines() if "retention: deleted" in line]
        assert sorted(line.split("deleted ")[1].split(" ")[0] for line in deleted) == ["0", "20"]
    finally:
        for server in servers:
            server.stop()
        engine.dispose()
