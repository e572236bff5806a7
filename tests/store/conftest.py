"""Each store test runs on the embedded SQLite and on a real PostgreSQL server."""

import uuid

import psycopg
import pytest

from app.store.db import make_engine
from tests.conftest import IN_CI

POSTGRES_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request, tmp_path):
    if request.param == "sqlite":
        made = make_engine(f"sqlite:///{tmp_path / 'store.db'}")
        yield made
        made.dispose()
        return
    name = f"nplc_test_{uuid.uuid4().hex[:10]}"
    try:
        admin = psycopg.connect(POSTGRES_ADMIN, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as error:
        if IN_CI:
            pytest.fail(f"PostgreSQL is not reachable at 127.0.0.1:5432 ({error})")
        pytest.skip("PostgreSQL is not running here")
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    made = make_engine(f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}")
    yield made
    made.dispose()
    with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
