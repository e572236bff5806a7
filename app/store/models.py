"""The database tables. The event log is the record; everything else is lookup or credential."""

from __future__ import annotations

from sqlalchemy import Column, LargeBinary, Text, UniqueConstraint
from sqlalchemy import false as sa_false
from sqlmodel import Field, SQLModel


class SessionRow(SQLModel, table=True):
    __tablename__ = "sessions"

    code: str = Field(primary_key=True, max_length=12)
    pack_id: str = Field(index=True, max_length=40)
    pack_version: str = Field(max_length=40)
    title: str = Field(max_length=200)
    created_at: float
    follows: str | None = Field(default=None, index=True, max_length=12)  # the meeting this one follows
    owner: int | None = Field(default=None, index=True)  # the trainer account that runs it (see TrainerAccount)


class EventRow(SQLModel, table=True):
    """One fact in a session's append-only log; (session, seq) is unique, so two writers cannot both append seq N."""

    __tablename__ = "events"
    __table_args__ = (UniqueConstraint("session_code", "seq", name="uq_events_session_seq"),)

    id: int | None = Field(default=None, primary_key=True)
    session_code: str = Field(foreign_key="sessions.code", index=True, max_length=12)
    seq: int
    type: str = Field(max_length=60)
    payload: str = Field(sa_column=Column(Text, nullable=False))
    actor: str = Field(max_length=60)
    at: float


class CommandRow(SQLModel, table=True):
    """Remembers each client-made command id, so a command retried over bad Wi-Fi is applied once."""

    __tablename__ = "commands"
    __table_args__ = (UniqueConstraint("session_code", "actor", "command_id", name="uq_commands_once"),)

    id: int | None = Field(default=None, primary_key=True)
    session_code: str = Field(foreign_key="sessions.code", max_length=12)
    actor: str = Field(max_length=60)
    command_id: str = Field(max_length=80)
    seq: int


class SeatCredential(SQLModel, table=True):
    """The hash of the secret in a participant's cookie; the secret itself is never stored."""

    __tablename__ = "seat_credentials"

    token_hash: str = Field(primary_key=True, max_length=64)
    session_code: str = Field(foreign_key="sessions.code", index=True, max_length=12)
    seat_id: str = Field(max_length=40)


class PackVersionRow(SQLModel, table=True):
    """A scenario pack exactly as a session started with it, so later edits never disturb a running day."""

    __tablename__ = "pack_versions"

    pack_id: str = Field(primary_key=True, max_length=40)
    version: str = Field(primary_key=True, max_length=40)
    content: str = Field(sa_column=Column(Text, nullable=False))
    archive: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    stored_at: float
    # Came only with an imported session: it runs that session but is never part of the library.
    imported: bool = Field(default=False, sa_column_kwargs={"server_default": sa_false()})
    uploaded_by: int | None = Field(default=None)  # the trainer account that uploaded it; None from the folder


class TrainerAccount(SQLModel, table=True):
    """A trainer who may run sessions. No password means the trainer signs in only with a link."""

    __tablename__ = "trainers"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=80, unique=True)
    password_hash: str | None = Field(default=None, max_length=200)
    is_admin: bool = False
    created_at: float
    disabled: bool = False


class SignInLink(SQLModel, table=True):
    """The hash of a single-use sign-in link for one trainer; deleted when used."""

    __tablename__ = "sign_in_links"

    token_hash: str = Field(primary_key=True, max_length=64)
    trainer_id: int = Field(foreign_key="trainers.id", index=True)
    expires_at: float


class TrainerSignIn(SQLModel, table=True):
    """One signed-in browser of a trainer: the hash of the random id in its cookie, until it expires or is revoked."""

    __tablename__ = "trainer_sign_ins"

    token_hash: str = Field(primary_key=True, max_length=64)
    trainer_id: int = Field(foreign_key="trainers.id", index=True)
    created_at: float
    expires_at: float
    revoked_at: float | None = None


class ServerValue(SQLModel, table=True):
    """Small server-wide values. (The cookie signing key is never stored here: see app/secret_key.py.)"""

    __tablename__ = "server_values"

    name: str = Field(primary_key=True, max_length=80)
    value: str = Field(max_length=200)
    expires_at: float | None = None


class SessionSummary(SQLModel, table=True):
    """What the session list shows, written in the same transaction as the events it sums up,
    so listing a provider's hundred sessions is one query rather than a hundred replays."""

    __tablename__ = "session_summaries"

    code: str = Field(primary_key=True, foreign_key="sessions.code", max_length=12)
    seq: int  # the last event summed up
    phase: str = Field(max_length=20)
    seats: int
    directorates_held: int
    meeting: int
    updated_at: float
