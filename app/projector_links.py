"""Projector links: a read-only key per session, so the big screen works on a machine nobody signs in on.

Only a hash of the key is kept (in the server-wide key-value table), so a copy of the database
does not open any projector. Making a new link replaces the old one, which stops working at once.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from sqlalchemy import Engine

from .store.db import session_scope
from .store.models import ServerValue


def _name(code: str) -> str:
    return f"projector-key:{code}"


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "replace")).hexdigest()


def new_key(engine: Engine, code: str) -> str:
    """A fresh key for the session's projector; any earlier key stops working. Blocking."""
    key = secrets.token_urlsafe(24)
    with session_scope(engine) as db:
        row = db.get(ServerValue, _name(code)) or ServerValue(name=_name(code), value="")
        row.value = _digest(key)
        db.add(row)
        db.commit()
    return key


def key_opens(engine: Engine, code: str, key: str | None) -> bool:
    """Whether `key` is the session's current projector key. Blocking."""
    if not key or len(key) > 100:
        return False
    with session_scope(engine) as db:
        row = db.get(ServerValue, _name(code))
    return row is not None and hmac.compare_digest(row.value, _digest(key))
