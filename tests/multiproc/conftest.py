"""Several server processes on one PostgreSQL database: each test gets a database of its own."""

from __future__ import annotations

import uuid

import psycopg
import pytest

from tests.conftest import IN_CI, TEST_PACKS
from tests.store.conftest import POSTGRES_ADMIN
from tests.store.test_migrate_once import run_together
from tests.support import LiveServer


def admin() -> psycopg.Connection:
    return psycopg.connect(POSTGRES_ADMIN, autocommit=True, connect_timeout=3)


@pytest.fixture
def postgres_url():
    """A new, empty PostgreSQL database (dropped afterwards), as the server's database URL."""
    name = f"nplc_multi_{uuid.uuid4().hex[:10]}"
    try:
        connection = admin()
    except psycopg.OperationalError as error:
        if IN_CI:
            pytest.fail(f"PostgreSQL is not reachable at 127.0.0.1:5432 ({error})")
        pytest.skip("PostgreSQL is not running here")
    with connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    with admin() as connection:
        connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def cut_off_listeners(database_url: str) -> list[int]:
    """Ends every doorbell listener's connection to this database, as a database restart or a network cut
    would; returns the backend pids that were ended."""
    name = database_url.rsplit("/", 1)[1]
    with admin() as connection:
        rows = connection.execute(
            "SELECT pid, pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND application_name = 'nplc-doorbell'",
            (name,),
        ).fetchall()
    return [pid for pid, _ in rows]


def listeners(database_url: str) -> set[int]:
    """The backend pids of the doorbell listeners connected to this database now."""
    name = database_url.rsplit("/", 1)[1]
    with admin() as connection:
        rows = connection.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND application_name = 'nplc-doorbell'", (name,)
        ).fetchall()
    return {pid for (pid,) in rows}


@pytest.fixture
def servers(postgres_url, tmp_path):
    """Two `nplc serve` processes on one fresh PostgreSQL database, started at the same moment."""
    # Both read the cookie key from one file, as two containers sharing a volume would.
    env = {"NPLC_KEY_FILE": str(tmp_path / "nplc-secret.key")}
    both = [LiveServer(tmp_path / f"unused-{n}.db", TEST_PACKS, database_url=postgres_url, env=env) for n in (1, 2)]
    try:
        run_together([server.start for server in both])
        yield both
    finally:
        for server in both:
            server.stop()
