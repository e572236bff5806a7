"""The stored versions of one pack, oldest first, with who uploaded each: for the console's version list."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from .models import PackVersionRow, TrainerAccount


@dataclass(frozen=True)
class StoredVersion:
    version: str
    stored_at: float
    uploaded_by: str | None  # the trainer's name; None for a version read from the scenarios folder
    content: str  # the Pack as JSON
    archive: bytes | None


def versions_of(*, session: Session, pack_id: str) -> list[StoredVersion]:
    """Every library version of the pack (not those that came only with an imported session), oldest first."""
    query = (
        select(PackVersionRow, TrainerAccount.name)
        .join(TrainerAccount, col(TrainerAccount.id) == col(PackVersionRow.uploaded_by), isouter=True)
        .where(PackVersionRow.pack_id == pack_id, col(PackVersionRow.imported).is_(False))
        .order_by(col(PackVersionRow.stored_at))
    )
    return [
        StoredVersion(row.version, row.stored_at, name, row.content, row.archive)
        for row, name in session.exec(query).all()
    ]
