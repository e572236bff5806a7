"""The session list's summary rows. Written beside every append, in the same transaction (no commit here)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from ..domain.core.state import SessionState
from .models import SessionRow, SessionSummary


@dataclass(frozen=True)
class Listed:
    """One line of the session list: the stored session and its summary (None until first summed up)."""

    row: SessionRow
    summary: SessionSummary | None


def save(*, session: Session, state: SessionState, at: float) -> None:
    """Sums up the state after the events just appended to its log."""
    summed = SessionSummary(
        code=state.code,
        seq=state.seq,
        phase=state.phase,
        seats=len(state.seats),
        directorates_held=len({a.directorate for a in state.assignments.values()}),
        meeting=state.meeting,
        updated_at=at,
    )
    session.merge(summed)  # one row per session: insert the first time, update after


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
