"""Running for real: one server per SQLite file, and `nplc backup` / `nplc restore` while the day goes on."""

from __future__ import annotations

import argparse
import fcntl
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack, closing, contextmanager
from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy.engine import make_url

from .config import Settings

POSTGRES_TOOLS = (
    "This database is PostgreSQL: back it up and restore it with PostgreSQL's own tools while the server runs, "
    "for example `pg_dump --format=custom --file=nplc.dump DATABASE` and, with the server stopped, "
    "`pg_restore --clean --if-exists --dbname=DATABASE nplc.dump` (see docs/reliability.md)."
)
# Tables that every Neighbourhood plc database has had since its first migration.
OUR_TABLES = {"alembic_version", "sessions", "events", "commands", "pack_versions"}


class OpsProblem(Exception):
    """Something the operator must put right; the message says what."""


class ServerRunning(OpsProblem):
    """Another process serves this SQLite database."""


def sqlite_file(database_url: str) -> Path | None:
    """The database file of a SQLite URL; None for PostgreSQL or an in-memory database."""
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database).resolve()


@contextmanager
def serving_lock(database_url: str) -> Iterator[None]:
    """Holds `<database>.lock` while one process serves a SQLite file, so a second process is refused at once.

    SQLite suits one server process (updates do not cross between processes). The lock is an flock, which the
    kernel drops when the process ends however it ends, so a crash never leaves a stale lock behind.
    """
    path = sqlite_file(database_url)
    if path is None:
        yield
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = path.with_name(path.name + ".lock")
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ServerRunning(
                f"Another Neighbourhood plc server is already using {path}. One SQLite database serves one "
                "process: use that server, stop it first, or give this one its own --database."
            ) from None
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def backup(database_url: str, target: Path) -> int:
    """Copies the live SQLite database to `target` as one consistent snapshot; returns the pages copied."""
    source = _existing_sqlite(database_url)
    if target.exists():
        raise OpsProblem(f"{target} already exists; give a new file name so no earlier backup is overwritten.")
    target.parent.mkdir(parents=True, exist_ok=True)
    draft = target.with_name(f".{target.name}.partial")
    draft.unlink(missing_ok=True)
    with closing(sqlite3.connect(source, timeout=30)) as live, closing(sqlite3.connect(draft)) as copy:
        # pages=-1 copies everything in one step under one read transaction: a snapshot, while writes go on.
        live.backup(copy, pages=-1)
        pages = int(copy.execute("PRAGMA page_count").fetchone()[0])
        copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, without -wal or -shm beside it
    draft.replace(target)
    return pages


def restore(database_url: str, backup_file: Path) -> str:
    """Replaces the SQLite database with `backup_file`, after checking that it is ours; returns its revision."""
    target = sqlite_file(database_url)
    if target is None:
        raise OpsProblem(POSTGRES_TOOLS)
    revision = check_backup(backup_file)
    with _no_server(database_url):
        if target.exists():
            keep = target.with_name(target.name + ".before-restore")
            keep.unlink(missing_ok=True)
            backup(database_url, keep)
        with closing(sqlite3.connect(backup_file)) as saved, closing(sqlite3.connect(target, timeout=30)) as live:
            saved.backup(live, pages=-1)  # one transaction on the target: it is the old database or the new one
    return revision


@contextmanager
def _no_server(database_url: str) -> Iterator[None]:
    """Holds the serving lock, so no server is using the database and none can start until we are done."""
    with ExitStack() as stack:
        try:
            stack.enter_context(serving_lock(database_url))
        except ServerRunning:
            raise OpsProblem(
                "A server is using this database: stop it first (Ctrl+C in its window), then restore. "
                "Nothing was changed."
            ) from None
        yield


def check_backup(backup_file: Path) -> str:
    """The migration revision of a Neighbourhood plc database file; raises OpsProblem for anything else."""
    if not backup_file.is_file():
        raise OpsProblem(f"There is no file at {backup_file}.")
    try:
        with closing(sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True)) as saved:
            if saved.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise OpsProblem(f"{backup_file} is damaged (SQLite's check failed); nothing was changed.")
            tables = {row[0] for row in saved.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            revisions = (
                [] if "alembic_version" not in tables else saved.execute("SELECT version_num FROM alembic_version")
            )
            found = [row[0] for row in revisions]
    except sqlite3.DatabaseError as error:
        raise OpsProblem(f"{backup_file} is not a SQLite database ({error}); nothing was changed.") from None
    if not OUR_TABLES.issubset(tables) or len(found) != 1:
        raise OpsProblem(f"{backup_file} is not a Neighbourhood plc database; nothing was changed.")
    if found[0] not in _known_revisions():
        raise OpsProblem(
            f"{backup_file} was written by a version of Neighbourhood plc this one does not know "
            f"(migration {found[0]}); restore it with that version or a newer one. Nothing was changed."
        )
    return str(found[0])


def _known_revisions() -> set[str]:
    from .store.db import MIGRATIONS

    return {script.revision for script in ScriptDirectory(str(MIGRATIONS)).walk_revisions()}


def _existing_sqlite(database_url: str) -> Path:
    source = sqlite_file(database_url)
    if source is None:
        raise OpsProblem(POSTGRES_TOOLS)
    if not source.is_file():
        raise OpsProblem(f"There is no database at {source}; check --database.")
    return source


def add_commands(sub: argparse._SubParsersAction) -> None:
    saving = sub.add_parser("backup", help="copy the database to a file while the server runs (SQLite)")
    saving.add_argument("path", type=Path, help="the new backup file")
    saving.add_argument("--database", help="database URL (default sqlite:///nplc.db)")
    putting_back = sub.add_parser("restore", help="replace the database with a backup (server stopped; SQLite)")
    putting_back.add_argument("path", type=Path, help="a file made by `nplc backup`")
    putting_back.add_argument("--database", help="database URL (default sqlite:///nplc.db)")


def run(args: argparse.Namespace, settings: Callable[[argparse.Namespace], Settings]) -> int:
    url = settings(args).database_url
    try:
        if args.command == "backup":
            pages = backup(url, args.path)
            print(f"Backed up {sqlite_file(url)} to {args.path} ({pages} pages, one consistent snapshot).")
        else:
            revision = restore(url, args.path)
            print(
                f"Restored {args.path} (migration {revision}) into {sqlite_file(url)}; the database it replaced "
                f"is kept as {sqlite_file(url)}.before-restore. Start the server with `nplc serve`."
            )
    except OpsProblem as problem:
        print(problem, file=sys.stderr)
        return 2
    return 0
