"""The session list's summary rows. Written beside every append, in the same transaction (no commit here)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import bindparam
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col, select

from ..domain.core.state import SessionState
from .events import Writer, engine_of
from .models import SessionRow, SessionSummary


@dataclass(frozen=True)
class Listed:
    """One line of the session list: the stored session and its summary (None until first summed up)."""

    row: SessionRow
    summary: SessionSummary | None


SUMMED = ("seq", "phase", "seats", "directorates_held", "meeting", "updated_at")


def _upsert(insert):
    """The one statement that writes a summary: insert the first time, update after. Built once per dialect,
    since it runs beside every command and building it costs more than running it."""
    table = SessionSummary.__table__  # type: ignore[attr-defined]
    statement = insert(table).values({name: bindparam(name) for name in ("code", *SUMMED)})
    return statement.on_conflict_do_update(
        index_elements=[table.c.code], set_={name: statement.excluded[name] for name in SUMMED}
    )


UPSERT = {"postgresql": _upsert(postgresql_insert), "sqlite": _upsert(sqlite_insert)}


def save(*, session: Writer, state: SessionState, at: float) -> None:
    """Sums up the state after the events just appended to its log."""
    summed = {
        "code": state.code,
        "seq": state.seq,
        "phase": state.phase,
        "seats": len(state.seats),
        "directorates_held": len({a.directorate for a in state.assignments.values()}),
        "meeting": state.meeting,
        "updated_at": at,
    }
    session.execute(UPSERT[engine_of(session).dialect.name], summed)


def listing(*, session: Session, owner: int | None = None) -> list[Listed]:
    """Every session with its summary, newest first, in one query; only one trainer's if `owner` is given."""
    query = (
        select(SessionRow, SessionSummary)
        .join(SessionSummary, col(SessionSummary.code) == col(SessionRow.code), isouter=True)
        .order_by(col(SessionRow.created_at).desc())
    )
    if owner is not None:
        query = query.where(SessionRow.owner == owner)
    return [Listed(row, summary) for row, summary in session.exec(query).all()]
