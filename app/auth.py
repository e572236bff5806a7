"""Who is asking: the trainer (a signed cookie from the sign-in link) or a participant (a seat cookie).

The trainer signs in with a link `nplc serve` prints; it carries a random
token whose hash is stored with an expiry, so the link works on any process
sharing the database. A participant's seat cookie is a random secret whose
hash maps to the seat; closing the tab or losing Wi-Fi never loses it.
"""

from __future__ import annotations

import secrets
import time

from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy.engine import Engine

from .store import records
from .store.db import session_scope

TRAINER_COOKIE = "nplc_trainer"
SIGN_IN_PREFIX = "sign-in:"


def seat_cookie(code: str) -> str:
    return f"nplc_seat_{code}"


def secret_key(engine: Engine, configured: str | None) -> str:
    """Returns the configured key, or the one stored at first start (made then), so cookies outlive restarts."""
    if configured:
        return configured
    with session_scope(engine) as db:
        row = records.get_value(session=db, name="secret_key")
        if row is None:
            records.put_value(session=db, name="secret_key", value=secrets.token_urlsafe(48))
            db.commit()
            row = records.get_value(session=db, name="secret_key")
        if row is None:
            raise RuntimeError("the database did not keep the secret key it was given")
        return row.value


def new_sign_in_token(engine: Engine, minutes: int) -> str:
    token = secrets.token_urlsafe(24)
    with session_scope(engine) as db:
        records.put_value(
            session=db,
            name=SIGN_IN_PREFIX + records.token_hash(token),
            value="trainer",
            expires_at=time.time() + minutes * 60,
        )
        db.commit()
    return token


def sign_in_token_valid(engine: Engine, token: str) -> bool:
    with session_scope(engine) as db:
        row = records.get_value(session=db, name=SIGN_IN_PREFIX + records.token_hash(token))
        return row is not None and (row.expires_at or 0) > time.time()


class TrainerCookies:
    def __init__(self, key: str, hours: int):
        self._signer = URLSafeTimedSerializer(key, salt="trainer")
        self.max_age = hours * 3600

    def issue(self) -> str:
        return self._signer.dumps("trainer")

    def valid(self, cookie: str | None) -> bool:
        if not cookie:
            return False
        try:
            return self._signer.loads(cookie, max_age=self.max_age) == "trainer"
        except BadSignature:
            return False
