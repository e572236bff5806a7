"""The event log and the actions that write it, on SQLite and PostgreSQL."""

import asyncio
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlmodel import SQLModel

from app.actions import Actions
from app.domain import commands as c
from app.domain import events as ev
from app.domain.core.errors import RuleViolation
from app.live import LiveSessions
from app.realtime.hub import Hub
from app.scenarios.loader import load_folder
from app.store import events as log
from app.store.db import check_pragmas, make_engine, session_scope
from app.store.models import SeatCredential

TINY = load_folder(Path(__file__).parents[1] / "packs" / "tiny")


def new_actions(engine) -> Actions:
    return Actions(LiveSessions(engine), Hub(), clock=lambda: 1000.0)


def test_the_log_keeps_every_event_in_order(engine):
    actions = new_actions(engine)
    code = asyncio.run(actions.create_session(TINY))
    for name in ("Asha", "Ben"):
        asyncio.run(actions.join(code, c.Join(name=name, agency="nhs")))
    with session_scope(engine) as db:
        stored = log.load(session=db, code=code)
    assert [seq for seq, _ in stored] == [1, 2, 3]
    assert isinstance(stored[0][1], ev.SessionCreated)
    assert [e.name for _, e in stored[1:]] == ["Asha", "Ben"]


def test_two_writers_cannot_both_append_the_same_number(engine):
    actions = new_actions(engine)
    code = asyncio.run(actions.create_session(TINY))
    joined = ev.SeatJoined("s1", "Asha", "nhs", 1.0)
    with session_scope(engine) as db:
        log.append(session=db, code=code, events=[joined], expected_seq=1, actor="guest", at=1.0)
        db.commit()
    with session_scope(engine) as db, pytest.raises(log.SequenceConflict):
        log.append(session=db, code=code, events=[joined], expected_seq=1, actor="guest", at=1.0)
    with session_scope(engine) as db:
        assert log.last_seq(session=db, code=code) == 2


def test_a_refused_command_stores_nothing(engine):
    actions = new_actions(engine)
    code = asyncio.run(actions.create_session(TINY))
    with pytest.raises(RuleViolation):
        asyncio.run(actions.join(code, c.Join(name="Asha", agency="no-such-agency")))
    with session_scope(engine) as db:
        assert log.last_seq(session=db, code=code) == 1


def test_a_repeated_command_id_is_recorded_once(engine):
    actions = new_actions(engine)
    code = asyncio.run(actions.create_session(TINY))
    asyncio.run(actions.join(code, c.Join(name="Asha", agency="nhs")))
    first = asyncio.run(actions.submit(code, c.TRAINER, c.AutoPair(), "pair-1"))
    again = asyncio.run(actions.submit(code, c.TRAINER, c.AutoPair(), "pair-1"))
    assert (first.duplicate, again.duplicate, first.seq) == (False, True, again.seq)
    with session_scope(engine) as db:
        assert log.last_seq(session=db, code=code) == 3


def test_another_process_sees_what_this_one_wrote(engine):
    writer, reader = new_actions(engine), new_actions(engine)
    code = asyncio.run(writer.create_session(TINY))
    asyncio.run(reader.state(code))  # the reader caches the session now...
    asyncio.run(writer.join(code, c.Join(name="Asha", agency="nhs")))
    # Reads come from memory, so the reader learns of the write when told (the doorbell calls relay)...
    assert asyncio.run(reader.state(code)).state.seats == {}
    asyncio.run(reader.relay(code))
    seen = asyncio.run(reader.state(code)).state
    assert [s.name for s in seen.seats.values()] == ["Asha"]
    # ...and a writer always catches up from the log before deciding, told or not.
    asyncio.run(writer.join(code, c.Join(name="Ben", agency="police")))
    asyncio.run(reader.join(code, c.Join(name="Cat", agency="nhs")))
    assert [s.name for s in asyncio.run(reader.state(code)).state.seats.values()] == ["Asha", "Ben", "Cat"]


def test_sqlite_runs_in_wal_mode(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'wal.db'}")
    pragmas = check_pragmas(engine)
    engine.dispose()
    assert str(pragmas["journal_mode"]).lower() == "wal"
    assert pragmas["synchronous"] == 1 and pragmas["foreign_keys"] == 1 and pragmas["busy_timeout"] == 5000


def test_the_migrations_build_exactly_the_tables_the_models_describe(engine):
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    assert differences == []


def test_sessions_past_the_retention_period_are_deleted_with_their_people(engine):
    now = [1000.0]
    actions = Actions(LiveSessions(engine), Hub(), clock=lambda: now[0])
    old = asyncio.run(actions.create_session(TINY))
    asyncio.run(actions.join(old, c.Join(name="Asha", agency="nhs")))
    now[0] += 10 * 86400
    fresh = asyncio.run(actions.create_session(TINY))
    assert actions.purge_older_than(days=5) == [old]
    with session_scope(engine) as db:
        assert log.last_seq(session=db, code=old) == 0
        assert log.last_seq(session=db, code=fresh) == 1
        assert db.exec(SeatCredential.__table__.select()).all() == []
