"""The event log: append with an expected sequence number, load in order. Keyword-only, no commit here."""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Sequence

from sqlalchemy import insert, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, func, select

from ..domain.core import codec
from ..domain.events import Event
from .models import CommandRow, EventRow

# On PostgreSQL every append rings this channel (app/realtime/doorbell.py listens), naming the server that
# appended, so that server can ignore its own ring: it has already told its own viewers.
DOORBELL = "nplc_log"
PROCESS = f"{os.getpid()}-{secrets.token_hex(4)}"


def ringer(engine: object) -> str:
    """Names a server in its rings: its process and its engine (a test may run two servers in one process)."""
    return f"{PROCESS}-{id(engine)}"


# What the writers here take: an ORM session, or a plain connection where no ORM object is needed (the command
# path, which runs beside every command and costs a third less without the session's bookkeeping).
Writer = Session | Connection


def engine_of(db: Writer) -> Engine:
    bind = db.get_bind() if isinstance(db, Session) else db.engine
    return bind if isinstance(bind, Engine) else bind.engine


# Plain inserts, built once: they run beside every command, with no ORM objects to make and track.
INSERT_EVENTS = insert(EventRow.__table__)  # type: ignore[attr-defined]
INSERT_COMMAND = insert(CommandRow.__table__)  # type: ignore[attr-defined]


class SequenceConflict(Exception):
    """Someone else appended to this session first; reload and decide again."""


def last_seq(*, session: Session, code: str) -> int:
    return session.exec(select(func.coalesce(func.max(EventRow.seq), 0)).where(EventRow.session_code == code)).one()


def append(*, session: Writer, code: str, events: Sequence[Event], expected_seq: int, actor: str, at: float) -> int:
    """Adds events after `expected_seq`; returns the new last seq. Raises SequenceConflict on a race."""
    rows = [
        {
            "session_code": code,
            "seq": expected_seq + i,
            "type": e.type,
            "payload": json.dumps(codec.encode(e)),
            "actor": actor,
            "at": at,
        }
        for i, e in enumerate(events, start=1)
    ]
    if rows:
        _insert_or_conflict(session, code, INSERT_EVENTS, rows)
        ring(session=session, code=code, seq=expected_seq + len(rows))
    return expected_seq + len(rows)


def _insert_or_conflict(session: Writer, code: str, statement, rows: list[dict]) -> None:
    """Runs the insert; a row a unique constraint refuses means another writer got there first."""
    try:
        session.execute(statement, rows)
    except IntegrityError:
        session.rollback()
        raise SequenceConflict(code) from None


def ring(*, session: Writer, code: str, seq: int, gone: bool = False) -> None:
    """Tells the other processes on this database that `code` has reached `seq` (or, `gone`, was deleted).
    PostgreSQL sends the notice when the transaction commits and never if it rolls back, so the doorbell
    rings only for what is stored."""
    engine = engine_of(session)
    if engine.dialect.name != "postgresql":
        return  # SQLite serves one process: there is nobody else to tell
    notice = json.dumps({"from": ringer(engine), "code": code, "seq": seq, "gone": gone})
    session.execute(text("SELECT pg_notify(:channel, :notice)"), {"channel": DOORBELL, "notice": notice})


def load(*, session: Writer, code: str, after: int = 0) -> list[tuple[int, Event]]:
    """Returns (seq, event) for every event after `after`, in order."""
    rows = session.execute(
        select(EventRow.seq, EventRow.type, EventRow.payload)
        .where(EventRow.session_code == code, EventRow.seq > after)
        .order_by(col(EventRow.seq))
    ).all()
    return [(seq, codec.decode(kind, json.loads(payload))) for seq, kind, payload in rows]


def commands_since(*, session: Writer, code: str, seq: int) -> dict[tuple[str, str], int]:
    """Every command id stored for the session at or after `seq`, as (actor, command id) -> its seq."""
    rows = session.execute(
        select(CommandRow.actor, CommandRow.command_id, CommandRow.seq).where(
            CommandRow.session_code == code, CommandRow.seq >= seq
        )
    ).all()
    return {(actor, command_id): at for actor, command_id, at in rows}


def remember_command(*, session: Writer, code: str, actor: str, command_id: str, seq: int) -> None:
    """Stores a command id; raises SequenceConflict if another writer stored the same one first."""
    row = {"session_code": code, "actor": actor, "command_id": command_id, "seq": seq}
    _insert_or_conflict(session, code, INSERT_COMMAND, [row])
