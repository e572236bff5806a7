"""Each store test runs on the embedded SQLite and on a real PostgreSQL server.

Both start from a schema migrated once per test run: a copied SQLite file, or a PostgreSQL database
created from a migrated template database.
"""

import uuid

import psycopg
import pytest

from app.store.db import make_engine
from tests.conftest import IN_CI, copy_of

POSTGRES_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"
POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/{}"


@pytest.fixture(scope="session")
def postgres_template():
    """The name of a PostgreSQL database migrated to the latest schema, dropped after the run."""
    try:
        admin = psycopg.connect(POSTGRES_ADMIN, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as error:
        if IN_CI:
            pytest.fail(f"PostgreSQL is not reachable at 127.0.0.1:5432 ({error})")
        pytest.skip("PostgreSQL is not running here")
    name = f"nplc_template_{uuid.uuid4().hex[:10]}"
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    make_engine(POSTGRES.format(name)).dispose()  # no connection may stay open on a template
    yield name
    with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request, tmp_path, schema_db):
    if request.param == "sqlite":
        made = make_engine(f"sqlite:///{copy_of(schema_db, tmp_path / 'store.db')}")
        yield made
        made.dispose()
        return
    template = request.getfixturevalue("postgres_template")
    name = f"nplc_test_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    made = make_engine(POSTGRES.format(name))
    yield made
    made.dispose()
    with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
