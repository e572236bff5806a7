"""Trainer accounts: who they are, how they sign in (a single-use link, or a password if they set one),
and the signed-in browsers that can be signed out or revoked.

Only hashes are stored: of passwords (argon2), of links and of the random
sign-in id in each trainer's cookie (SHA-256, as they are long random tokens).
"""

from __future__ import annotations

import contextlib
import functools
import re
import secrets
import time
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from .store import trainers as store
from .store.db import session_scope
from .store.models import TrainerAccount
from .store.records import token_hash

FIRST_TRAINER = "admin"
NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ._@'-]{0,79}$")
_hasher = PasswordHasher()


@functools.cache
def _dummy_hash() -> str:
    """A hash to check unknown names against, so a wrong name takes as long as a wrong password. Made on first
    use, not at import: every `nplc` command would otherwise pay for an argon2 hash it never needs."""
    return _hasher.hash(secrets.token_urlsafe(16))


class AccountProblem(ValueError):
    """A request about accounts that cannot be done, with a sentence saying why."""


@dataclass(frozen=True)
class Trainer:
    """The trainer behind a request: their account and the sign-in their cookie holds."""

    id: int
    name: str
    is_admin: bool
    sign_in: str = ""  # the hash of the cookie's sign-in id

    def may_run(self, owner: int | None) -> bool:
        return self.is_admin or owner == self.id


def _id(row: TrainerAccount) -> int:
    """A stored account's id (SQLModel types it optional because a row has none until it is saved)."""
    if row.id is None:
        raise ValueError("this trainer account has not been saved")
    return row.id


def add_trainer(engine: Engine, name: str, *, admin: bool = False, password: str | None = None) -> Trainer:
    name = name.strip()
    if not NAME_PATTERN.match(name):
        raise AccountProblem(
            "A trainer's name is 1 to 80 letters, digits, spaces or . _ @ ' - and starts with a letter or digit."
        )
    if password is not None and len(password) < 12:
        raise AccountProblem("Choose a password of at least 12 characters.")
    hashed = _hasher.hash(password) if password else None
    with session_scope(engine) as db:
        if store.trainer_by_name(session=db, name=name) is not None:
            raise AccountProblem(f"There is already a trainer called '{name}'.")
        row = store.add_trainer(session=db, name=name, is_admin=admin, password_hash=hashed, at=time.time())
        try:
            db.commit()
        except IntegrityError:
            raise AccountProblem(f"There is already a trainer called '{name}'.") from None
        return Trainer(_id(row), row.name, row.is_admin)


def first_admin(engine: Engine) -> Trainer:
    """The first administrator, made (as 'admin') if there is none yet; safe when two processes start at once."""
    for _ in range(3):
        with session_scope(engine) as db:
            row = store.first_admin(session=db)
            if row is not None:
                store.adopt_ownerless_sessions(session=db, trainer_id=_id(row))
                db.commit()
                return Trainer(_id(row), row.name, row.is_admin)
        # Another process may have made it first, or an account of that name may not be an administrator.
        with contextlib.suppress(AccountProblem):
            add_trainer(engine, FIRST_TRAINER, admin=True)
    raise AccountProblem(f"There is no administrator, and the name '{FIRST_TRAINER}' is taken by another trainer.")


def find_trainer(engine: Engine, name: str) -> Trainer:
    with session_scope(engine) as db:
        row = store.trainer_by_name(session=db, name=name.strip())
    if row is None:
        raise AccountProblem(f"There is no trainer called '{name}'. `nplc trainer list` shows who there is.")
    if row.disabled:
        raise AccountProblem(f"The trainer '{name}' is disabled.")
    return Trainer(_id(row), row.name, row.is_admin)


def list_trainers(engine: Engine) -> list[tuple[str, bool, bool, bool]]:
    """(name, is_admin, has a password, disabled) for every trainer."""
    with session_scope(engine) as db:
        return [(t.name, t.is_admin, t.password_hash is not None, t.disabled) for t in store.list_trainers(session=db)]


def new_link(engine: Engine, trainer: Trainer, minutes: int) -> str:
    """A fresh sign-in token for the trainer; it works once, within `minutes`."""
    token = secrets.token_urlsafe(24)
    with session_scope(engine) as db:
        store.add_link(
            session=db, token_hash=token_hash(token), trainer_id=trainer.id, expires_at=time.time() + minutes * 60
        )
        db.commit()
    return token


def use_link(engine: Engine, token: str) -> int | None:
    """The id of the trainer the link signs in, once: the link is gone afterwards."""
    with session_scope(engine) as db:
        trainer_id = store.use_link(session=db, token_hash=token_hash(token), now=time.time())
        db.commit()
    return trainer_id


def check_password(engine: Engine, name: str, password: str) -> int | None:
    """The trainer's id if the password is theirs. An unknown name costs the same time as a wrong password."""
    with session_scope(engine) as db:
        row = store.trainer_by_name(session=db, name=name.strip())
    stored = row.password_hash if row is not None and not row.disabled else None
    try:
        _hasher.verify(stored or _dummy_hash(), password)
    except (VerificationError, InvalidHashError):
        return None
    return _id(row) if row is not None and stored else None


def set_password(engine: Engine, name: str, password: str | None) -> None:
    if password is not None and len(password) < 12:
        raise AccountProblem("Choose a password of at least 12 characters.")
    with session_scope(engine) as db:
        row = store.trainer_by_name(session=db, name=name.strip())
        if row is None:
            raise AccountProblem(f"There is no trainer called '{name}'.")
        row.password_hash = _hasher.hash(password) if password else None
        db.add(row)
        db.commit()


def start_sign_in(engine: Engine, trainer_id: int, hours: int) -> str:
    """A new signed-in browser for the trainer: returns the random id its cookie will carry."""
    token, now = secrets.token_urlsafe(32), time.time()
    with session_scope(engine) as db:
        store.add_sign_in(
            session=db, token_hash=token_hash(token), trainer_id=trainer_id, at=now, expires_at=now + hours * 3600
        )
        db.commit()
    return token


def signed_in(engine: Engine, token: str) -> Trainer | None:
    """The trainer holding this sign-in id, unless it was signed out, revoked or has expired. Blocking."""
    hashed = token_hash(token)
    with session_scope(engine) as db:
        row = store.active_sign_in(session=db, token_hash=hashed, now=time.time())
    return Trainer(_id(row), row.name, row.is_admin, hashed) if row else None


def still_signed_in(engine: Engine, trainer: Trainer) -> bool:
    with session_scope(engine) as db:
        return store.active_sign_in(session=db, token_hash=trainer.sign_in, now=time.time()) is not None


def sign_out(engine: Engine, trainer: Trainer) -> None:
    with session_scope(engine) as db:
        store.revoke_sign_in(session=db, token_hash=trainer.sign_in, at=time.time())
        db.commit()


def revoke(engine: Engine, name: str) -> int:
    """Signs the trainer out everywhere and cancels their unused links; returns how many browsers it ended."""
    with session_scope(engine) as db:
        row = store.trainer_by_name(session=db, name=name.strip())
        if row is None:
            raise AccountProblem(f"There is no trainer called '{name}'. `nplc trainer list` shows who there is.")
        ended = store.revoke_all(session=db, trainer_id=_id(row), at=time.time())
        db.commit()
    return ended


def tidy(engine: Engine) -> None:
    """Deletes expired links and long-ended sign-ins. Blocking: call at start-up."""
    with session_scope(engine) as db:
        store.delete_expired(session=db, now=time.time())
        db.commit()


def set_disabled(engine: Engine, name: str, disabled: bool) -> None:
    """Disables an account (refused at once, everywhere, until enabled again) or enables it."""
    with session_scope(engine) as db:
        row = store.trainer_by_name(session=db, name=name.strip())
        if row is None:
            raise AccountProblem(f"There is no trainer called '{name}'. `nplc trainer list` shows who there is.")
        if (
            disabled
            and row.is_admin
            and sum(t.is_admin and not t.disabled for t in store.list_trainers(session=db)) < 2
        ):
            raise AccountProblem("That is the only administrator left; make another one first.")
        row.disabled = disabled
        db.add(row)
        if disabled:
            store.revoke_all(session=db, trainer_id=_id(row), at=time.time())
        db.commit()


def owner_of(engine: Engine, code: str) -> tuple[bool, int | None]:
    with session_scope(engine) as db:
        return store.owner_of(session=db, code=code)
