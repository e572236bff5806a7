"""The engine: SQLite (the default, embedded) or PostgreSQL, chosen by the database URL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine, make_url
from sqlmodel import Session, create_engine, text

from . import models  # noqa: F401  (registers the tables)

MIGRATIONS = Path(__file__).parent / "migrations"

SQLITE_POOL = 40  # anyio's default number of worker threads
SQLITE_PRAGMAS = {"journal_mode": "wal", "synchronous": 1, "foreign_keys": 1, "busy_timeout": 5000}


def make_engine(url: str) -> Engine:
    """Takes a database URL; returns an engine with its schema migrated to the latest and, on SQLite, WAL on."""
    if url.startswith("sqlite"):
        # Room in the pool for every worker thread (anyio runs at most 40), so a busy moment never opens and
        # closes connections, each paying for its pragmas; the most recently used are used first, so the few
        # a quiet day needs stay warm and the rest idle.
        in_memory = make_url(url).database in (None, "", ":memory:")  # one connection a thread: no pool to size
        pool = {} if in_memory else {"pool_size": SQLITE_POOL, "max_overflow": 10, "pool_use_lifo": True}
        engine = create_engine(url, connect_args={"check_same_thread": False}, **pool)
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10)
    migrate(engine)
    return engine


# Any fixed number will do: it names the PostgreSQL advisory lock that migrations hold.
MIGRATION_LOCK = 7_301_964


def migrate(engine: Engine) -> None:
    """Brings the database schema up to date with Alembic's migrations in `migrations/versions`.

    Two processes starting at once must not both migrate: on PostgreSQL the migration holds an advisory
    lock for its transaction; on SQLite it runs in a BEGIN IMMEDIATE transaction, which takes the write
    lock at once. The second process waits, then finds the schema up to date and does nothing.
    """
    config = _alembic_config()
    with engine.connect() as connection:
        # Most start-ups find the schema current; saying so costs one query instead of a locked upgrade run.
        if MigrationContext.configure(connection).get_current_revision() == _head_revision():
            return
    locked = engine if engine.dialect.name != "sqlite" or _in_memory(engine) else _immediate_engine(engine)
    try:
        with locked.begin() as connection:
            if engine.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    finally:
        if locked is not engine:
            locked.dispose()


@contextmanager
def one_process_at_a_time(engine: Engine, key: int) -> Iterator[None]:
    """Holds a PostgreSQL advisory lock named `key` (waiting for it), so work that every process would start
    (the retention purge) runs in one at a time; the next finds it done. SQLite serves one process: no lock.
    The lock belongs to the connection, so a process that dies mid-way lets it go with the connection."""
    if engine.dialect.name != "postgresql":
        yield
        return
    with engine.connect() as connection:
        connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": key})
        connection.commit()
        try:
            yield
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": key})
            connection.commit()


# Names the advisory locks that serialise writes to one session across processes; the session code is the
# second half of each lock's name (hashed: two codes sharing a hash only ever wait for each other).
SESSION_WRITES = 7_301_966


def lock_session_writes(engine: Engine, code: str) -> Connection:
    """Waits for, then holds, a PostgreSQL advisory lock on writing to the session; returns the connection
    holding it, for `unlock_session_writes`. If this process dies the lock goes with its connection."""
    connection = engine.connect()
    try:
        connection.execute(
            text("SELECT pg_advisory_lock(:space, hashtext(:code))"), {"space": SESSION_WRITES, "code": code}
        )
        connection.commit()
    except BaseException:
        connection.invalidate()
        connection.close()
        raise
    return connection


def unlock_session_writes(connection: Connection, code: str) -> None:
    try:
        connection.execute(
            text("SELECT pg_advisory_unlock(:space, hashtext(:code))"), {"space": SESSION_WRITES, "code": code}
        )
        connection.commit()
    except BaseException:
        connection.invalidate()  # closing the connection for good lets go of the lock; it must not go back held
        raise
    finally:
        connection.close()


@contextmanager
def connection_for(engine: Engine, held: Connection | None) -> Iterator[Connection]:
    """`held` (the connection holding a writer's lock, see `lock_session_writes`), or else one from the pool;
    either way what the block leaves uncommitted is rolled back, and `held` stays open for its unlock."""
    if held is None:
        with engine.connect() as connection:
            yield connection
        return
    try:
        yield held
    finally:
        held.rollback()


def _in_memory(engine: Engine) -> bool:
    return engine.url.database in (None, "", ":memory:")


def _immediate_engine(engine: Engine) -> Engine:
    """A SQLite engine whose transactions start with BEGIN IMMEDIATE, waiting up to a minute for the lock."""
    locked = create_engine(engine.url, connect_args={"check_same_thread": False, "timeout": 60})

    @event.listens_for(locked, "connect")
    def _manual_transactions(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # the driver leaves BEGIN to us

    @event.listens_for(locked, "begin")
    def _begin_immediate(connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return locked


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


@lru_cache(maxsize=1)
def _head_revision() -> str | None:
    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def _sqlite_pragmas(connection, _record) -> None:
    cursor = connection.cursor()
    # WAL lets the projector and forty laptops read while one command writes;
    # synchronous=NORMAL is durable across a crash of the process, which is what WAL needs.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def check_pragmas(engine: Engine) -> dict[str, object]:
    """Returns the SQLite pragmas as the database reports them; raises if WAL could not be switched on."""
    if engine.dialect.name != "sqlite":
        return {}
    with engine.connect() as conn:
        found = {name: conn.execute(text(f"PRAGMA {name}")).scalar() for name in SQLITE_PRAGMAS}
    if str(found["journal_mode"]).lower() != "wal":
        raise RuntimeError(
            f"SQLite would not use WAL mode (it reports {found['journal_mode']!r}); put the database on a local disk."
        )
    return found


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    with Session(engine, expire_on_commit=False) as session:
        yield session
