"""Everything stored beside the event log: sessions, seat credentials, pack versions, server values."""

from __future__ import annotations

import hashlib

from sqlalchemy import Insert, Table
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col, delete, select

from ..scenarios.loader import Pack
from . import events
from .models import (
    CommandRow,
    EventRow,
    PackVersionRow,
    SeatCredential,
    ServerValue,
    SessionRow,
    SessionSummary,
)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def add_session(
    *, session: Session, code: str, pack: Pack, at: float, follows: str | None = None, owner: int | None = None
) -> SessionRow:
    row = SessionRow(
        code=code,
        pack_id=pack.id,
        pack_version=pack.version,
        title=pack.scenario.title,
        created_at=at,
        follows=follows,
        owner=owner,
    )
    session.add(row)
    return row


def get_session(*, session: Session, code: str) -> SessionRow | None:
    return session.get(SessionRow, code)


def follow_up_of(*, session: Session, code: str) -> str | None:
    return session.exec(select(SessionRow.code).where(SessionRow.follows == code)).first()


def series(*, session: Session, code: str) -> list[SessionRow]:
    """The chain of meetings a session belongs to, first to last."""
    row = session.get(SessionRow, code)
    while row is not None and row.follows and session.get(SessionRow, row.follows) is not None:
        row = session.get(SessionRow, row.follows)
    chain = []
    while row is not None:
        chain.append(row)
        row = session.exec(
            select(SessionRow).where(SessionRow.follows == row.code).order_by(col(SessionRow.created_at))
        ).first()
    return chain


def delete_session(*, session: Session, code: str) -> None:
    """Deletes a session with everything it holds about people: its log, commands and seat credentials."""
    for table in (EventRow, CommandRow, SeatCredential):
        session.exec(delete(table).where(col(table.session_code) == code))
    session.exec(delete(SessionSummary).where(col(SessionSummary.code) == code))
    session.exec(delete(SessionRow).where(col(SessionRow.code) == code))
    events.ring(session=session, code=code, seq=0, gone=True)  # other processes close its screens too


def sessions_before(*, session: Session, cutoff: float) -> list[str]:
    return list(session.exec(select(SessionRow.code).where(SessionRow.created_at < cutoff)).all())


def list_sessions(*, session: Session, owner: int | None = None) -> list[SessionRow]:
    """Every session, newest first; only one trainer's if `owner` is given."""
    query = select(SessionRow).order_by(col(SessionRow.created_at).desc())
    if owner is not None:
        query = query.where(SessionRow.owner == owner)
    return list(session.exec(query).all())


def save_pack_version(
    *,
    session: Session,
    pack: Pack,
    at: float,
    archive: bytes | None = None,
    make_current: bool = False,
    imported: bool = False,
    uploaded_by: int | None = None,
) -> bool:
    """Stores a pack version unless it is already stored; returns whether it was new.

    `make_current` moves an already stored version back to the top (an organiser re-uploading it);
    reloading the scenarios folder at start-up does not, so it never hides a newer upload.
    An `imported` version (one that came inside a session export) is kept for that session only and never
    enters the library; a version that later arrives by upload or from the folder joins the library.
    """
    values: dict[str, object] = {
        "pack_id": pack.id,
        "version": pack.version,
        "content": pack.to_json(),
        "archive": archive,
        "stored_at": at,
        "imported": imported,
        "uploaded_by": uploaded_by,
    }
    # Insert-if-absent, so two servers storing the same pack at start-up never collide on the primary key:
    # on PostgreSQL the second insert waits for the first to commit, then does nothing.
    inserted = session.execute(_insert_if_absent(session, PackVersionRow.__table__, values))  # type: ignore[attr-defined]
    if inserted.first() is not None:  # the insert returned its row: it was new
        return True
    row = session.get(PackVersionRow, (pack.id, pack.version))
    if row is not None:
        if make_current:
            row.stored_at = at
        if not imported:
            row.imported = False
        session.add(row)
    return False


def _insert_if_absent(session: Session, table: Table, values: dict[str, object]) -> Insert:
    """INSERT ... ON CONFLICT DO NOTHING in the database's own dialect (SQLite: INSERT OR IGNORE)."""
    insert = postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    return insert(table).values(**values).on_conflict_do_nothing().returning(table.c.pack_id)


def latest_packs(*, session: Session) -> dict[str, Pack]:
    """Returns the most recently stored library version of every pack, by pack id."""
    latest: dict[str, PackVersionRow] = {}
    query = (
        select(PackVersionRow).where(col(PackVersionRow.imported).is_(False)).order_by(col(PackVersionRow.stored_at))
    )
    for row in session.exec(query).all():
        latest[row.pack_id] = row
    return {pack_id: Pack.from_json(row.content) for pack_id, row in latest.items()}


def pack_archive(*, session: Session, pack_id: str, version: str, library_only: bool = False) -> bytes | None:
    """A stored version's zip; `library_only` leaves out versions that came only with an imported session."""
    row = session.get(PackVersionRow, (pack_id, version))
    return row.archive if row and not (library_only and row.imported) else None


def load_pack_version(*, session: Session, pack_id: str, version: str) -> Pack | None:
    row = session.get(PackVersionRow, (pack_id, version))
    return Pack.from_json(row.content) if row else None


def add_seat_credential(*, session: events.Writer, code: str, seat_id: str, token: str) -> None:
    row = {"token_hash": token_hash(token), "session_code": code, "seat_id": seat_id}
    session.execute(SeatCredential.__table__.insert(), row)  # type: ignore[attr-defined]


def delete_seat_credentials(*, session: events.Writer, code: str, seat_id: str) -> None:
    """Revokes every cookie of a seat, so a removed seat's browser cannot come back, restart or not."""
    session.execute(
        delete(SeatCredential).where(col(SeatCredential.session_code) == code, col(SeatCredential.seat_id) == seat_id)
    )


def seat_credentials(*, session: Session, code: str) -> dict[str, str]:
    """Every live cookie of the session, as the hash of its token -> its seat (for the cache in `app.live`)."""
    query = select(SeatCredential.token_hash, SeatCredential.seat_id).where(SeatCredential.session_code == code)
    return dict(session.exec(query).all())


def seat_for_token(*, session: Session, code: str, token: str) -> str | None:
    row = session.get(SeatCredential, token_hash(token))
    return row.seat_id if row and row.session_code == code else None


def get_value(*, session: Session, name: str) -> ServerValue | None:
    return session.get(ServerValue, name)


def put_value(*, session: Session, name: str, value: str, expires_at: float | None = None) -> None:
    row = session.get(ServerValue, name) or ServerValue(name=name, value=value)
    row.value, row.expires_at = value, expires_at
    session.add(row)
