"""SQLite serves one process: it has no doorbell, and its appends ring nothing."""

from __future__ import annotations

from app.store import events as log
from app.store.db import session_scope


def test_a_sqlite_server_starts_no_doorbell(client):
    assert client.app.state.services.live.engine.dialect.name == "sqlite"
    assert client.app.state.doorbell is None


def test_a_sqlite_append_rings_nothing(trainer):
    """`ring` returns before touching the database on SQLite (which has no pg_notify to call)."""
    code = trainer.post("/api/sessions", json={"scenario_id": "tiny"}).json()["code"]
    engine = trainer.app.state.services.live.engine
    with session_scope(engine) as db:
        log.ring(session=db, code=code, seq=1)
        assert not db.in_transaction()  # no statement was run
