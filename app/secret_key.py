"""The key that signs trainer cookies: from NPLC_SECRET_KEY, else from a key file made on first start.

It is never stored in the database, so a copy of the database (a backup, an
export, a leaked dump) cannot be used to forge a trainer's cookie.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from sqlalchemy.engine import make_url

KEY_FILE_NAME = "nplc-secret.key"


def default_key_file(database_url: str) -> Path:
    """Beside the SQLite database file; for PostgreSQL (or an in-memory database), in the current folder."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return Path(url.database).resolve().with_name(Path(url.database).name + ".key")
    return Path.cwd() / KEY_FILE_NAME


def load_secret_key(configured: str | None, key_file: Path) -> str:
    """Returns the configured key, or the key in `key_file`, making the file (mode 0600) if there is none."""
    if configured:
        return configured
    if not key_file.exists():
        _create(key_file)
    key = key_file.read_text().strip()
    if len(key) < 32:
        raise RuntimeError(f"The key in {key_file} is too short (32 characters at least); delete the file to make one.")
    return key


def _create(key_file: Path) -> None:
    """Writes a fresh key to a private temporary file, then links it into place: if two processes start at
    once, exactly one link succeeds and both go on to read the same key."""
    key_file.parent.mkdir(parents=True, exist_ok=True)
    draft = key_file.with_name(f".{key_file.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w") as out:
            out.write(secrets.token_urlsafe(48) + "\n")
        with contextlib.suppress(FileExistsError):
            os.link(draft, key_file)
    finally:
        draft.unlink(missing_ok=True)
