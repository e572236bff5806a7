"""Trainer accounts, their single-use sign-in links and their signed-in browsers, as stored."""

from __future__ import annotations

from sqlmodel import Session, col, delete, select, update

from .models import SessionRow, SignInLink, TrainerAccount, TrainerSignIn


def add_trainer(*, session: Session, name: str, is_admin: bool, password_hash: str | None, at: float) -> TrainerAccount:
    row = TrainerAccount(name=name, is_admin=is_admin, password_hash=password_hash, created_at=at)
    session.add(row)
    return row


def trainer_by_name(*, session: Session, name: str) -> TrainerAccount | None:
    return session.exec(select(TrainerAccount).where(TrainerAccount.name == name)).first()


def first_admin(*, session: Session) -> TrainerAccount | None:
    query = select(TrainerAccount).where(col(TrainerAccount.is_admin), col(TrainerAccount.disabled).is_(False))
    return session.exec(query.order_by(col(TrainerAccount.id))).first()


def list_trainers(*, session: Session) -> list[TrainerAccount]:
    return list(session.exec(select(TrainerAccount).order_by(col(TrainerAccount.id))).all())


def adopt_ownerless_sessions(*, session: Session, trainer_id: int) -> None:
    """Sessions from before accounts existed go to the first administrator."""
    session.exec(update(SessionRow).where(col(SessionRow.owner).is_(None)).values(owner=trainer_id))


def add_link(*, session: Session, token_hash: str, trainer_id: int, expires_at: float) -> None:
    session.add(SignInLink(token_hash=token_hash, trainer_id=trainer_id, expires_at=expires_at))


def use_link(*, session: Session, token_hash: str, now: float) -> int | None:
    """Deletes the link and returns its trainer's id, if it exists and has not expired. The delete is the
    check: of two requests racing with one link, only one deletes the row, so only one signs in."""
    link = session.get(SignInLink, token_hash)
    if link is None:
        return None
    gone = session.exec(
        delete(SignInLink).where(col(SignInLink.token_hash) == token_hash, col(SignInLink.expires_at) > now)
    )
    return link.trainer_id if gone.rowcount == 1 else None


def add_sign_in(*, session: Session, token_hash: str, trainer_id: int, at: float, expires_at: float) -> None:
    session.add(TrainerSignIn(token_hash=token_hash, trainer_id=trainer_id, created_at=at, expires_at=expires_at))


def active_sign_in(*, session: Session, token_hash: str, now: float) -> TrainerAccount | None:
    """The trainer whose browser holds this sign-in, if it is neither revoked, expired nor disabled."""
    query = (
        select(TrainerAccount)
        .join(TrainerSignIn, col(TrainerSignIn.trainer_id) == col(TrainerAccount.id))
        .where(
            TrainerSignIn.token_hash == token_hash,
            col(TrainerSignIn.revoked_at).is_(None),
            TrainerSignIn.expires_at > now,
            col(TrainerAccount.disabled).is_(False),
        )
    )
    return session.exec(query).first()


def revoke_sign_in(*, session: Session, token_hash: str, at: float) -> None:
    session.exec(
        update(TrainerSignIn)
        .where(col(TrainerSignIn.token_hash) == token_hash, col(TrainerSignIn.revoked_at).is_(None))
        .values(revoked_at=at)
    )


def revoke_all(*, session: Session, trainer_id: int, at: float) -> int:
    """Revokes every sign-in of a trainer and deletes their unused links; returns how many sign-ins ended."""
    ended = session.exec(
        update(TrainerSignIn)
        .where(
            col(TrainerSignIn.trainer_id) == trainer_id,
            col(TrainerSignIn.revoked_at).is_(None),
            col(TrainerSignIn.expires_at) > at,
        )
        .values(revoked_at=at)
    ).rowcount
    session.exec(delete(SignInLink).where(col(SignInLink.trainer_id) == trainer_id))
    return ended


def owner_of(*, session: Session, code: str) -> tuple[bool, int | None]:
    """Whether the session exists, and the id of the trainer it belongs to."""
    row = session.get(SessionRow, code)
    return (row is not None, row.owner if row else None)


def delete_expired(*, session: Session, now: float) -> None:
    """Links past their time, and sign-ins that ended more than a day ago, are of no further use."""
    session.exec(delete(SignInLink).where(col(SignInLink.expires_at) <= now))
    session.exec(delete(TrainerSignIn).where(col(TrainerSignIn.expires_at) <= now - 86400))
