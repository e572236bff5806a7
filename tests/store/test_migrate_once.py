"""Several processes starting at once on one database: one migrates, the others wait; one first account, one key."""

from __future__ import annotations

import subprocess
import sys
import threading
import uuid

import httpx
import psycopg
import pytest
import sqlalchemy as sa
from alembic.script import ScriptDirectory

from app import accounts
from app.store.db import MIGRATIONS, make_engine
from tests.conftest import IN_CI, TEST_PACKS
from tests.store.conftest import POSTGRES_ADMIN
from tests.support import ROOT, LiveServer

HEAD = ScriptDirectory(str(MIGRATIONS)).get_current_head()  # the newest migration, whichever it is


def run_together(jobs) -> None:
    """Starts every job at the same moment and waits for all of them; re-raises the first failure."""
    start, failures = threading.Barrier(len(jobs)), []

    def run(job) -> None:
        start.wait()
        try:
            job()
        except Exception as failure:
            failures.append(failure)

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise failures[0]


@pytest.fixture
def postgres_url():
    name = f"nplc_test_{uuid.uuid4().hex[:10]}"
    try:
        admin = psycopg.connect(POSTGRES_ADMIN, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as error:
        if IN_CI:
            pytest.fail(f"PostgreSQL is not reachable at 127.0.0.1:5432 ({error})")
        pytest.skip("PostgreSQL is not running here")
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


@pytest.mark.postgres
def test_two_servers_starting_at_once_on_postgresql_migrate_once_and_share_one_account(postgres_url, tmp_path):
    env = {"NPLC_KEY_FILE": str(tmp_path / "nplc-secret.key")}
    servers = [LiveServer(tmp_path / f"unused-{n}.db", TEST_PACKS, database_url=postgres_url, env=env) for n in (1, 2)]
    try:
        run_together([server.start for server in servers])
        engine = make_engine(postgres_url)
        with engine.connect() as connection:
            assert connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalars().all() == [HEAD]
        assert accounts.list_trainers(engine) == [("admin", True, False, False)]
        engine.dispose()
        first, second = servers
        with httpx.Client(timeout=10) as trainer:
            signed = trainer.get(first.printed_sign_in_url, follow_redirects=False)
            assert signed.status_code == 303
            # Both processes took the same key from the one file, so the cookie works on either.
            assert trainer.get(f"{second.base_url}/api/me").json() == {"name": "admin", "is_admin": True}
            assert trainer.get(second.printed_sign_in_url, follow_redirects=False).status_code == 303
    finally:
        for server in servers:
            server.stop()


def test_migrations_started_at_once_on_sqlite_all_succeed(tmp_path):
    url = f"sqlite:///{tmp_path / 'nplc.db'}"
    results = []

    def migrate() -> None:
        done = subprocess.run(
            [sys.executable, "-m", "app.cli", "migrate", "--database", url],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        results.append((done.returncode, done.stderr))

    run_together([migrate] * 4)
    assert [code for code, _ in results] == [0, 0, 0, 0], results
    engine = make_engine(url)
    with engine.connect() as connection:
        assert connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalars().all() == [HEAD]
    engine.dispose()
