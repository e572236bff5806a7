"""Who is asking: a trainer (a signed cookie holding a sign-in id) or a participant (a seat cookie).

A trainer signs in with a single-use link (`nplc serve`, `nplc sign-in`,
`nplc trainer add` print them) or a password; the browser then gets a cookie
carrying a random sign-in id, signed with the server's key. The id's hash is
stored with the trainer, its expiry and whether it was revoked, so signing
out or `nplc trainer revoke` takes effect on the very next request. A
participant's seat cookie is a random secret whose hash maps to the seat;
closing the tab or losing Wi-Fi never loses it.
"""

from __future__ import annotations

from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy.engine import Engine

from . import accounts

TRAINER_COOKIE = "nplc_trainer"


def seat_cookie(code: str) -> str:
    return f"nplc_seat_{code}"


def new_sign_in_token(engine: Engine, minutes: int) -> str:
    """A single-use link token for the first administrator (made if there is none): the laptop's trainer."""
    return accounts.new_link(engine, accounts.first_admin(engine), minutes)


class TrainerCookies:
    """Signs the sign-in id into the cookie, so a forged or tampered cookie is refused before any lookup."""

    def __init__(self, key: str, hours: int):
        self._signer = URLSafeTimedSerializer(key, salt="trainer-sign-in")
        self.hours = hours
        self.max_age = hours * 3600

    def issue(self, sign_in_id: str) -> str:
        return self._signer.dumps(sign_in_id)

    def sign_in_id(self, cookie: str | None) -> str | None:
        if not cookie:
            return None
        try:
            found = self._signer.loads(cookie, max_age=self.max_age)
        except BadSignature:
            return None
        return found if isinstance(found, str) else None
